"""A draft is based on a draft of another agreement.

``agreement`` groups the versions of one negotiated text; lineage may not
cross from one agreement to another.
"""

from collections.abc import Iterator

from draftdiff.diagnostics import Diagnostic
from draftdiff.rules.context import RuleContext

ID = "agreement-mismatch"
SEVERITY = "error"


def check(ctx: RuleContext) -> Iterator[Diagnostic]:
    for item, draft in ctx.drafts():
        base = ctx.get(draft.based_on) if draft.based_on else None
        if base is not None and base.agreement != draft.agreement:
            yield item.diagnostic(("agreement",), SEVERITY, ID,
                                  f"agreement '{draft.agreement}' differs from '{base.agreement}' of {base.id}, "
                                  "which it is based on", "use the same agreement id along a lineage")
