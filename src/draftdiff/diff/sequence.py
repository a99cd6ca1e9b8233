"""Sequence helpers shared by article alignment and sentence anchoring."""

from __future__ import annotations

import bisect
from operator import lt


def longest_increasing(values: list[int]) -> list[int]:
    """Positions of one longest strictly increasing subsequence of ``values``, in order."""
    if all(map(lt, values, values[1:])):
        return list(range(len(values)))  # the usual case (text edited, not reordered): nothing to choose
    tails: list[int] = []
    tail_pos: list[int] = []
    parent = [-1] * len(values)
    for k, v in enumerate(values):
        at = bisect.bisect_left(tails, v)
        if at == len(tails):
            tails.append(v)
            tail_pos.append(k)
        else:
            tails[at] = v
            tail_pos[at] = k
        parent[k] = tail_pos[at - 1] if at else -1
    keep: list[int] = []
    k = tail_pos[-1] if tail_pos else -1
    while k != -1:
        keep.append(k)
        k = parent[k]
    return keep[::-1]
