"""A precondition's ``article`` names no article of the draft.

A demand that moved into the text (status ``in-agreement``) points at the
article that now carries it; that id must exist in the same draft.
"""

from collections.abc import Iterator

from draftdiff.diagnostics import Diagnostic
from draftdiff.rules.context import RuleContext

ID = "precondition-article"
SEVERITY = "error"
SCOPE = "draft"


def check(ctx: RuleContext) -> Iterator[Diagnostic]:
    for item, draft in ctx.drafts():
        ids = {a.id for a in draft.articles}
        for i, pre in enumerate(draft.preconditions):
            if pre.article is not None and ids and pre.article not in ids:
                yield item.diagnostic(("preconditions", i, "article"), SEVERITY, ID,
                                      f"precondition '{pre.id}' names article '{pre.article}', "
                                      "which this draft does not have", "use the stable id of an article")
