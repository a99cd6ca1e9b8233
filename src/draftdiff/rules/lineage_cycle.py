"""Following ``based_on`` from a draft leads back to the same draft.

A version cannot be based, directly or indirectly, on itself. The cycle is
reported once, on the draft with the smallest id in it.
"""

from collections.abc import Iterator

from draftdiff.diagnostics import Diagnostic
from draftdiff.rules.context import RuleContext

ID = "lineage-cycle"
SEVERITY = "error"


def check(ctx: RuleContext) -> Iterator[Diagnostic]:
    reported: set[frozenset[str]] = set()
    for item, draft in ctx.drafts():
        chain = [draft.id]
        current = draft
        while current.based_on and current.based_on in ctx.by_id:
            if current.based_on in chain:
                cycle = chain[chain.index(current.based_on):]
                key = frozenset(cycle)
                if draft.id == min(cycle) and key not in reported:
                    reported.add(key)
                    path = " → ".join(cycle + [cycle[0]])
                    yield item.diagnostic(("based_on",), SEVERITY, ID, f"lineage cycle: {path}",
                                          "one of these drafts must be based on an earlier one")
                break
            chain.append(current.based_on)
            nxt = ctx.get(current.based_on)
            if nxt is None:
                break
            current = nxt
