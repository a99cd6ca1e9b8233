"""Whether article statuses can be what someone said in public ("13 of 17 agreed").

One reading for every face: the ``claimed-counts`` rule reports the problems,
snapshots show whether a claim fits the board. Statuses that are ``unknown``
may absorb a shortfall (a claim of 13 agreed fits 11 agreed and 2 unknown, not
14 agreed); a share of the text ("about 80 percent") is not a number of
articles and is never compared.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Protocol, TypeVar

T = TypeVar("T")


class Claim(Protocol):
    """Anything with the four counts (read only: a model, a snapshot row)."""

    @property
    def agreed(self) -> int | None: ...
    @property
    def partial(self) -> int | None: ...
    @property
    def disputed(self) -> int | None: ...
    @property
    def total(self) -> int | None: ...


def comparable(claim: Claim) -> bool:
    """A claim that states at least one article count (not only a share of the text)."""
    return any(getattr(claim, k) is not None for k in ("agreed", "partial", "disputed", "total"))


_NUMBER_WORDS = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")


def _many(n: int, status: str, comparison: str) -> str:
    word = _NUMBER_WORDS[n] if n < len(_NUMBER_WORDS) else str(n)
    return f"{word} {comparison} {status} article{'s' if n != 1 else ''}"


def claim_problems(counts: Mapping[str, int], articles: int, claim: Claim) -> list[str]:
    """What in ``counts`` (articles per status; ``articles`` not removed) contradicts the claim.

    One phrase per cause, each naming its status: an article agreed where the claim has it
    disputed is "one more agreed article than the claim" and "one fewer disputed", not two
    unrelated complaints. A shortfall that the ``unknown`` statuses can make up is no problem.
    """
    problems: list[str] = []
    said = sum(n for n in (claim.agreed, claim.partial, claim.disputed) if n is not None)
    if claim.total is not None and said > claim.total:
        problems.append(f"its own counts add up to {said} articles, more than the {claim.total} it says are in "
                        "all (a figure mistyped?)")
    if claim.total is not None and claim.total != articles:
        problems.append(f"it says {claim.total} articles in all, but the version has {articles} that are not removed")
    shortfalls: list[tuple[str, int]] = []
    for status in ("agreed", "partial", "disputed"):
        claimed = getattr(claim, status)
        if claimed is None:
            continue
        have = counts.get(status, 0)
        if have > claimed:
            problems.append(_many(have - claimed, status, "more") + " than the claim")
        elif claimed > have:
            shortfalls.append((status, claimed - have))
    unknown = counts.get("unknown", 0)
    missing = sum(n for _, n in shortfalls)
    if missing > unknown:
        fewer = " and ".join(_many(n, status, "fewer") for status, n in shortfalls)
        problems.append(f"{fewer} than the claim" + (
            f", which the {unknown} unknown status{'es' if unknown != 1 else ''} cannot make up" if unknown else ""))
    return problems


def duplicate_of(earlier: Sequence[T], claim: T) -> int | None:
    """The index of the first of ``earlier`` that is ``claim`` exactly (every field the same), or None.

    The same claim recorded twice says nothing more than once, and a diff against a version that has it
    once would show it added: ``add-claim`` refuses it and the ``duplicate-claim`` rule finds it.
    """
    return next((i for i, other in enumerate(earlier) if other == claim), None)


def _number(value: object) -> str:
    return f"{value:g}" if isinstance(value, float) else str(value)


def claim_said(claim: object) -> str:
    """What a claim says, in the one wording of every face (the snapshot, the diff, textconv, the TUI, the edit
    commands): ``15 agreed, 2 disputed, 17 in all``; a hedged one ``about 90% of the text agreed``.

    ``claim`` is a model, a snapshot row, or a mapping of its fields (a diff's values, as text)."""
    def get(name: str) -> Any:
        return claim.get(name) if isinstance(claim, Mapping) else getattr(claim, name, None)

    parts = [f"{_number(n)} {word}" for name, word in (("agreed", "agreed"), ("partial", "partial"),
                                                      ("disputed", "disputed"), ("total", "in all"))
             if (n := get(name)) is not None]
    if get("agreed_percent") is not None:
        parts.append(f"{_number(get('agreed_percent'))}% of the text agreed")
    text = ", ".join(parts) or "no count"
    return f"about {text}" if get("approximate") in (True, "yes") else text
