"""Verbatim or translated wording cites no source.

Quoted treaty wording is the claim readers will repeat; it must say where it
was published. A fragment may cite its own sources or rely on the article's.
"""

from collections.abc import Iterator

from draftdiff.diagnostics import Diagnostic
from draftdiff.rules.context import RuleContext

ID = "verbatim-source"
SEVERITY = "error"
SCOPE = "draft"


def check(ctx: RuleContext) -> Iterator[Diagnostic]:
    for item, draft in ctx.drafts():
        for i, article in enumerate(draft.articles):
            if article.text and article.text_basis in ("verbatim", "translation") and not article.sources:
                yield item.diagnostic(("articles", i, "text"), SEVERITY, ID,
                                      f"article '{article.id}' has {article.text_basis} text but no source",
                                      "cite where the wording was published")
            for k, fragment in enumerate(article.fragments):
                if fragment.basis in ("verbatim", "translation") and not (fragment.sources or article.sources):
                    yield item.diagnostic(("articles", i, "fragments", k, "text"), SEVERITY, ID,
                                          f"a {fragment.basis} fragment of article '{article.id}' has no source",
                                          "cite where the wording was published")
