"""``based_on`` names a draft that is not in the collection.

Lineage is what lets a reader step from a reply to the proposal it answers;
a dangling reference breaks that chain. Fix the id or add the missing draft.
"""

from collections.abc import Iterator

from draftdiff.diagnostics import Diagnostic, closest
from draftdiff.rules.context import RuleContext

ID = "based-on-missing"
SEVERITY = "error"


def check(ctx: RuleContext) -> Iterator[Diagnostic]:
    known = list(ctx.by_id)
    for item, draft in ctx.drafts():
        if draft.based_on and draft.based_on not in ctx.by_id:
            broken = ctx.invalid_file_with_id(draft.based_on)
            if broken is not None:
                yield item.diagnostic(("based_on",), SEVERITY, ID,
                                      f"based_on names '{draft.based_on}', whose file {broken.name} is not a valid "
                                      "draft", f"fix the errors reported for {broken.name}")
                continue
            guess = closest(draft.based_on, known)
            yield item.diagnostic(("based_on",), SEVERITY, ID,
                                  f"based_on names '{draft.based_on}', which is not a draft in the collection"
                                  + (f"; did you mean '{guess}'?" if guess else ""),
                                  "name the id of an existing draft, or remove based_on")
