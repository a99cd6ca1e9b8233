"""A statement cites a source id that the draft does not define.

Every status, position, fragment, precondition and claimed count points at an
entry of the draft's ``sources``; a citation that resolves to nothing leaves
the claim unsourced.
"""

from collections.abc import Iterator

from draftdiff.diagnostics import Diagnostic, closest
from draftdiff.rules.context import RuleContext, citations

ID = "unknown-source"
SEVERITY = "error"
SCOPE = "draft"


def check(ctx: RuleContext) -> Iterator[Diagnostic]:
    for item, draft in ctx.drafts():
        defined = [s.id for s in draft.sources]
        if ctx.cited_ids(draft).issubset(defined):
            continue  # the usual case: no walk with paths needed
        for path, sid in citations(draft):
            if sid not in defined:
                guess = closest(sid, defined)
                yield item.diagnostic(path, SEVERITY, ID,
                                      f"source '{sid}' is not defined in this draft's sources"
                                      + (f"; did you mean '{guess}'?" if guess else ""),
                                      "add the source under 'sources:' or fix the id")
