"""An article's status is not sourced, nor marked as an inference.

The honesty rule of the format: a status other than ``unknown`` needs
``status_basis``; ``reported`` needs at least one source on the article;
``inferred`` needs a ``status_note`` that says from what it was inferred.
A precondition's status may carry a ``status_basis`` too; when it is
``inferred`` the same note is required.
"""

from collections.abc import Iterator

from draftdiff.diagnostics import Diagnostic
from draftdiff.rules.context import RuleContext

ID = "status-basis"
SEVERITY = "error"
SCOPE = "draft"


def check(ctx: RuleContext) -> Iterator[Diagnostic]:
    for item, draft in ctx.drafts():
        for i, article in enumerate(draft.articles):
            path = ("articles", i, "status")
            if article.status == "unknown":
                continue
            if article.status_basis is None:
                yield item.diagnostic(path, SEVERITY, ID,
                                      f"article '{article.id}' is '{article.status}' without a status_basis",
                                      "add status_basis: reported (with sources) or inferred (with a status_note), "
                                      "or set status: unknown")
            elif article.status_basis == "reported" and not article.sources:
                yield item.diagnostic(("articles", i, "status_basis"), SEVERITY, ID,
                                      f"article '{article.id}' has a reported status but cites no source",
                                      "add the source of the status under the article's sources")
            elif article.status_basis == "inferred" and not (article.status_note or "").strip():
                yield item.diagnostic(("articles", i, "status_basis"), SEVERITY, ID,
                                      f"article '{article.id}' has an inferred status without a status_note",
                                      "say in status_note what the status was inferred from")
        for i, pre in enumerate(draft.preconditions):
            if pre.status_basis == "inferred" and not (pre.status_note or "").strip():
                yield item.diagnostic(("preconditions", i, "status_basis"), SEVERITY, ID,
                                      f"precondition '{pre.id}' has an inferred status without a status_note",
                                      "say in status_note what the status was inferred from")
