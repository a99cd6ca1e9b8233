"""Following ``based_on`` from a draft leads back to the same draft.

A version cannot be based, directly or indirectly, on itself. The cycle is
reported once, on the draft with the smallest id in it.

Each draft has one base, so the lineage is a graph with one edge out of each
id: one walk that never enters an id twice finds every cycle, in time linear
in the number of drafts (walking each chain from each draft was cubic: 2,000
drafts in one chain took 15 s).
"""

from collections.abc import Iterator

from draftdiff.diagnostics import Diagnostic
from draftdiff.rules.context import RuleContext

ID = "lineage-cycle"
SEVERITY = "error"


def cycles(successor: dict[str, str]) -> dict[str, list[str]]:
    """Every cycle of the one-base-each graph, keyed by its smallest id and starting there."""
    seen: set[str] = set()
    found: dict[str, list[str]] = {}
    for start in successor:
        if start in seen:
            continue
        path: list[str] = []
        index: dict[str, int] = {}
        node: str | None = start
        while node is not None and node not in seen:
            seen.add(node)
            index[node] = len(path)
            path.append(node)
            node = successor.get(node)
        if node is not None and node in index:  # this walk closed on itself: a cycle not seen before
            cycle = path[index[node]:]
            first = cycle.index(min(cycle))
            cycle = cycle[first:] + cycle[:first]
            found[cycle[0]] = cycle
    return found


def check(ctx: RuleContext) -> Iterator[Diagnostic]:
    successor: dict[str, str] = {}
    for draft_id, items in ctx.by_id.items():
        base = items[0].draft.based_on if items[0].draft is not None else None
        if base and base in ctx.by_id:
            successor[draft_id] = base
    pending = cycles(successor)
    if not pending:
        return
    for item, draft in ctx.drafts():
        cycle = pending.get(draft.id)
        if cycle is None or draft.based_on != cycle[1 % len(cycle)]:
            continue
        del pending[draft.id]
        path = " → ".join(cycle + [cycle[0]])
        yield item.diagnostic(("based_on",), SEVERITY, ID, f"lineage cycle: {path}",
                              "one of these drafts must be based on an earlier one")
