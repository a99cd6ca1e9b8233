"""Whether article statuses can be what someone said in public ("13 of 17 agreed").

One reading for every face: the ``claimed-counts`` rule reports the problems,
snapshots show whether a claim fits the board. Statuses that are ``unknown``
may absorb a shortfall (a claim of 13 agreed fits 11 agreed and 2 unknown, not
14 agreed); a share of the text ("about 80 percent") is not a number of
articles and is never compared.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Protocol


class Claim(Protocol):
    agreed: int | None
    partial: int | None
    disputed: int | None
    total: int | None


def comparable(claim: Claim) -> bool:
    """A claim that states at least one article count (not only a share of the text)."""
    return any(getattr(claim, k) is not None for k in ("agreed", "partial", "disputed", "total"))


def claim_problems(counts: Mapping[str, int], articles: int, claim: Claim) -> list[str]:
    """What in ``counts`` (articles per status; ``articles`` not removed) contradicts the claim."""
    problems: list[str] = []
    if claim.total is not None and claim.total != articles:
        problems.append(f"it says {claim.total} articles in all, but the version has {articles} that are not removed")
    shortfall = 0
    for status in ("agreed", "partial", "disputed"):
        claimed = getattr(claim, status)
        if claimed is None:
            continue
        have = counts.get(status, 0)
        if have > claimed:
            problems.append(f"it says {claimed} {status}, but {have} articles are {status}")
        shortfall += max(claimed - have, 0)
    unknown = counts.get("unknown", 0)
    if shortfall > unknown:
        noun = "article" if shortfall == 1 else "articles"
        verb = "is" if unknown == 1 else "are"
        problems.append(f"it counts {shortfall} more {noun} than the statuses give, and only {unknown} {verb} unknown")
    return problems
