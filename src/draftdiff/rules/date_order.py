"""A draft is dated before the draft it is based on.

A reply cannot precede the proposal it answers; one of the two dates (or the
``based_on``) is wrong.
"""

from collections.abc import Iterator

from draftdiff.diagnostics import Diagnostic
from draftdiff.rules.context import RuleContext

ID = "date-before-base"
SEVERITY = "error"


def check(ctx: RuleContext) -> Iterator[Diagnostic]:
    for item, draft in ctx.drafts():
        base = ctx.get(draft.based_on) if draft.based_on else None
        if base is not None and draft.date < base.date:
            yield item.diagnostic(("date",), SEVERITY, ID,
                                  f"dated {draft.date}, before {base.id} ({base.date}) that it is based on",
                                  "check the date and based_on")
