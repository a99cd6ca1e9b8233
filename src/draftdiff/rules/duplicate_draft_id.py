"""Two files declare the same draft id.

A draft id names one version for ever (lineage, diffs and snapshots refer to
it), so it must be unique across the whole collection. Rename one of them.
"""

from collections.abc import Iterator

from draftdiff.diagnostics import Diagnostic
from draftdiff.rules.context import RuleContext

ID = "duplicate-draft-id"
SEVERITY = "error"


def check(ctx: RuleContext) -> Iterator[Diagnostic]:
    for draft_id, items in ctx.by_id.items():
        for item in items[1:]:
            first = items[0]
            line = first.position(("id",))[0]
            yield item.diagnostic(("id",), SEVERITY, ID,
                                  f"draft id '{draft_id}' is already used by {first.name}:{line}",
                                  "give each version its own id; ids are never reused")
