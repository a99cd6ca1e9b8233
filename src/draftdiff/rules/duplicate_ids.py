"""An article, source or precondition id is used twice in one draft.

Stable ids are how versions are aligned (an article keeps its id when it is
renumbered) and how statements point at their sources, so they must be
unique within a draft.
"""

from collections.abc import Iterator, Sequence

from draftdiff.diagnostics import Diagnostic
from draftdiff.model import Article, Precondition, Source
from draftdiff.rules.context import RuleContext

ID = "duplicate-id"
SEVERITY = "error"
SCOPE = "draft"


def check(ctx: RuleContext) -> Iterator[Diagnostic]:
    for item, draft in ctx.drafts():
        sections: tuple[tuple[str, Sequence[Article | Source | Precondition]], ...] = (
            ("articles", draft.articles), ("sources", draft.sources), ("preconditions", draft.preconditions))
        for section, entries in sections:
            seen: dict[str, int] = {}
            for index, entry in enumerate(entries):
                if entry.id in seen:
                    line = item.position((section, seen[entry.id], "id"))[0]
                    yield item.diagnostic((section, index, "id"), SEVERITY, ID,
                                          f"{section[:-1]} id '{entry.id}' is already used at line {line}",
                                          "give each one its own id")
                else:
                    seen[entry.id] = index
