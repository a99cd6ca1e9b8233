"""A statement cites a source id that the draft does not define.

Every status, position, fragment, precondition and claimed count points at an
entry of the draft's ``sources``; a citation that resolves to nothing leaves
the claim unsourced.
"""

import difflib
from collections.abc import Iterator

from draftdiff.diagnostics import Diagnostic
from draftdiff.rules.context import RuleContext, citations

ID = "unknown-source"
SEVERITY = "error"


def check(ctx: RuleContext) -> Iterator[Diagnostic]:
    for item, draft in ctx.drafts():
        defined = [s.id for s in draft.sources]
        if ctx.cited_ids(draft).issubset(defined):
            continue  # the usual case: no walk with paths needed
        for path, sid in citations(draft):
            if sid not in defined:
                guess = difflib.get_close_matches(sid, defined, n=1, cutoff=0.6)
                yield item.diagnostic(path, SEVERITY, ID,
                                      f"source '{sid}' is not defined in this draft's sources"
                                      + (f"; did you mean '{guess[0]}'?" if guess else ""),
                                      "add the source under 'sources:' or fix the id")
