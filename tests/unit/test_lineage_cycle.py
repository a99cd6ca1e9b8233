"""lineage-cycle on long based_on chains: every cycle found once, on its smallest id, none where there is none.

The rule was cubic (it walked the whole chain from every draft); these chains are
long enough that the old walk would take minutes, and the answers are checked
against a plain reference walk on small graphs.
"""

from __future__ import annotations

import random

from draft_support import draft_text

from draftdiff.load import LoadedDraft, read_draft
from draftdiff.rules import lineage_cycle
from draftdiff.rules.context import RuleContext


def collection(bases: dict[str, str | None]) -> RuleContext:
    """One loaded draft per id, based on the id given (None: no base)."""
    template = read_draft(draft_text("x", "2024-01-01").encode(), "x.yaml").draft
    assert template is not None
    files = [LoadedDraft(f"{i}.yaml", b"", draft=template.model_copy(update={"id": i, "based_on": b}))
             for i, b in bases.items()]
    return RuleContext(files)


def messages(bases: dict[str, str | None]) -> list[str]:
    return [d.message for d in lineage_cycle.check(collection(bases))]


def reference(bases: dict[str, str | None]) -> list[str]:
    """Walk from every draft (slow, obviously right): each cycle once, from its smallest id."""
    out: list[str] = []
    for start in bases:
        chain = [start]
        node = bases[start]
        while node is not None and node in bases and node not in chain:
            chain.append(node)
            node = bases[node]
        if node is not None and node in chain:
            cycle = chain[chain.index(node):]
            if start == min(cycle):
                out.append("lineage cycle: " + " → ".join(cycle + [cycle[0]]))
    return out


def test_a_chain_of_ten_thousand_has_no_cycle() -> None:
    ids = [f"d{i:05d}" for i in range(10_000)]
    bases = {d: (ids[i - 1] if i else None) for i, d in enumerate(ids)}
    assert messages(bases) == []


def test_a_cycle_closing_a_chain_of_ten_thousand_is_named_once_from_its_smallest_id() -> None:
    ids = [f"d{i:05d}" for i in range(10_000)]
    bases: dict[str, str | None] = {d: ids[i - 1] for i, d in enumerate(ids)}  # d00000 is based on d09999
    found = messages(bases)
    assert len(found) == 1
    assert found[0].startswith("lineage cycle: d00000 → d09999 → d09998") and found[0].endswith("d00001 → d00000")


def test_a_long_tail_into_a_short_cycle() -> None:
    ids = [f"t{i:05d}" for i in range(5_000)]
    bases: dict[str, str | None] = {d: ids[i + 1] if i + 1 < len(ids) else "b" for i, d in enumerate(ids)}
    bases.update({"c": "b", "b": "c", "self": "self", "loose": "not-in-the-collection"})
    assert messages(bases) == ["lineage cycle: b → c → b", "lineage cycle: self → self"]


def test_random_graphs_agree_with_the_plain_walk() -> None:
    rng = random.Random(20)
    for _ in range(300):
        ids = [f"n{i}" for i in range(rng.randint(1, 12))]
        bases = {d: rng.choice(ids + [None, "missing"]) for d in ids}
        rng.shuffle(ids)
        bases = {d: bases[d] for d in ids}
        assert sorted(messages(bases)) == sorted(reference(bases)), bases
