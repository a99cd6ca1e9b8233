"""Prove a write safe before it happens: the data, the comments and the untouched lines.

Three checks, each answering "would the file say anything the edit did not ask for?":
the output read back by the project's own reader equals the intended data (types
included: ``1`` is not ``1.0`` nor ``true``); the comments are the same, in the same
order; and every line that changed belongs to a value the edit changed (or is a
new value inserted right after its neighbour). ruamel.yaml re-spelling an escape,
folding a line or re-indenting a list elsewhere in the file fails the third check.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from draftdiff.edit.textmap import TextMap
from draftdiff.edit.tree import Mutation

Path = tuple[str | int, ...]


@dataclass(frozen=True)
class Region:
    """Old lines ``first..last`` (0-based, inclusive) that may be replaced; or, with ``insert``, the line
    before which new lines may appear."""

    first: int
    last: int
    insert: bool = False


def same_data(a: Any, b: Any, path: Path = ()) -> Path | None:
    """The first path where ``a`` and ``b`` differ (type-strict), or None when they are the same."""
    if type(a) is not type(b):
        return path
    if isinstance(a, dict):
        if list(a) != list(b):
            missing = [k for k in a if k not in b] + [k for k in b if k not in a]
            return path + ((missing[0],) if missing else ("(key order)",))
        for key in a:
            found = same_data(a[key], b[key], path + (key,))
            if found is not None:
                return found
        return None
    if isinstance(a, list):
        for i, (x, y) in enumerate(zip(a, b, strict=False)):  # a length apart is reported below
            found = same_data(x, y, path + (i,))
            if found is not None:
                return found
        return None if len(a) == len(b) else path + (min(len(a), len(b)),)
    if isinstance(a, float) and math.isnan(a) and math.isnan(b):
        return None
    return None if a == b else path


def regions(mutations: Iterable[Mutation], old: TextMap, data: Any) -> list[Region]:
    """The old lines each mutation may change (``data`` is the old plain data, to find neighbours)."""
    from draftdiff.edit.tree import position_after

    found: list[Region] = []
    for mutation in mutations:
        path = mutation.path
        if mutation.kind == "append":
            target = _get(data, path)
            if path in old.flows or not target:
                found.append(Region(*old.spans[path]))
            else:
                end = old.spans[path + (len(target) - 1,)][1]
                found.append(Region(end + 1, end + 1, insert=True))
        elif path in old.spans:
            found.append(Region(*old.spans[path]))
        else:
            parent = _get(data, path[:-1])
            keys = list(parent)
            after = position_after(keys, path)
            if after is None:
                start = old.spans[path[:-1] + (keys[0],)][0] if keys else old.spans[path[:-1]][0]
                found.append(Region(start, start, insert=True))
            else:
                end = old.spans[path[:-1] + (after,)][1]
                found.append(Region(end + 1, end + 1, insert=True))
    return found


def _get(data: Any, path: Path) -> Any:
    for part in path:
        data = data[part]
    return data


def _opcodes(old_lines: list[str], new_lines: list[str]) -> list[tuple[Any, int, int, int, int]]:
    import difflib

    return list(difflib.SequenceMatcher(None, old_lines, new_lines, autojunk=False).get_opcodes())


def _hunk_allowed(old_lines: list[str], new_lines: list[str], hunk: tuple[str, int, int, int, int],
                  allowed: list[Region]) -> int | None:
    """None when the hunk lies inside ``allowed``; else the first old line (0-based) outside it."""
    tag, i1, i2, j1, j2 = hunk
    if tag == "insert":
        return None if _insert_allowed(old_lines, new_lines[j1:j2], i1, allowed) else i1
    for line in range(i1, i2):
        if not any(r.first <= line <= r.last and not r.insert for r in allowed):
            if tag == "delete" and _delete_slides(old_lines, i1, i2, allowed):
                return None
            return line
    return None


def stray_lines(old_lines: list[str], new_lines: list[str], allowed: list[Region]) -> tuple[int, str, str] | None:
    """The first change outside ``allowed``: (old line number, 1-based; old text; new text), or None."""
    for hunk in _opcodes(old_lines, new_lines):
        if hunk[0] == "equal":
            continue
        line = _hunk_allowed(old_lines, new_lines, hunk, allowed)
        if line is not None:
            _, i1, _, j1, j2 = hunk
            shown = new_lines[j1 + (line - i1)] if j1 + (line - i1) < j2 else ""
            return line + 1, old_lines[line] if line < len(old_lines) else "", shown
    return None


def keep_untouched(old_lines: list[str], new_lines: list[str], allowed: list[Region]) -> list[str]:
    """``new_lines`` with every change outside ``allowed`` undone: the author's own lines where the edit
    did not reach (ruamel.yaml re-spells an escape, joins a plain text over two lines, drops trailing spaces).

    A hunk that mixes an asked-for change with an unasked one is left as it is (the caller refuses it).
    The result must be verified again: it is only a candidate.
    """
    out: list[str] = []
    for hunk in _opcodes(old_lines, new_lines):
        tag, i1, i2, j1, j2 = hunk
        if tag == "equal" or _hunk_allowed(old_lines, new_lines, hunk, allowed) is None:
            out += new_lines[j1:j2]
            continue
        if tag == "replace" and i2 - i1 == j2 - j1:  # line by line: keep the new one only where allowed
            for k in range(i2 - i1):
                inside = any(r.first <= i1 + k <= r.last and not r.insert for r in allowed)
                out.append(new_lines[j1 + k] if inside else old_lines[i1 + k])
            continue
        if not any(r.first <= line <= r.last + 1 for r in allowed for line in range(i1, max(i2, i1 + 1))):
            out += old_lines[i1:i2]  # wholly outside the edit: the author's lines
        else:
            out += new_lines[j1:j2]
    return out


def split_mixed_hunk(old_lines: list[str], new_lines: list[str], allowed: list[Region],
                     limit: int = 40) -> list[list[str]]:
    """Other candidates for :func:`keep_untouched` when one hunk mixes the asked-for change with an unasked one.

    ruamel.yaml may rewrite the author's lines right beside the edited value (a plain text over two lines
    joined into one): the two changes touch and the line diff sees one hunk, which :func:`keep_untouched`
    cannot take apart. When the edited lines are the hunk's first (or last) old lines, each candidate takes
    the first (or last) ``k`` new lines for them and the author's lines for the rest. Only candidates: the
    caller verifies each (data, comments, untouched lines) and takes the first that passes.
    """
    hunks = [h for h in _opcodes(old_lines, new_lines)
             if h[0] != "equal" and _hunk_allowed(old_lines, new_lines, h, allowed) is not None]
    if len(hunks) != 1 or hunks[0][0] != "replace":
        return []
    _, i1, i2, j1, j2 = hunks[0]
    inside = [any(r.first <= line <= r.last and not r.insert for r in allowed) for line in range(i1, i2)]
    if inside[0] == inside[-1] or j2 - j1 > limit:
        return []  # the edited lines are not at one end of the hunk
    edge = inside.index(not inside[0])  # old lines of the first kind
    out: list[list[str]] = []
    for k in range(j2 - j1 + 1):
        if inside[0]:  # the edited value first, the author's lines after it
            if any(inside[edge:]):
                break
            middle = new_lines[j1:j1 + k] + old_lines[i1 + edge:i2]
        else:  # the author's lines first, the edited value last
            if any(inside[:edge]):
                break
            middle = old_lines[i1:i1 + edge] + new_lines[j2 - k:j2]
        out.append(new_lines[:j1] + middle + new_lines[j2:])
    return out


def _insert_allowed(old: list[str], added: list[str], at: int, allowed: list[Region]) -> bool:
    """An insertion may slide where the lines around it repeat its own first or last line."""
    points = {at}
    up = at
    k = len(added) - 1
    while up > 0 and old[up - 1] == added[k % len(added)]:
        up -= 1
        k -= 1
        points.add(up)
    down = at
    k = 0
    while down < len(old) and old[down] == added[k % len(added)]:
        down += 1
        k += 1
        points.add(down)
    for region in allowed:
        if region.insert and region.first in points:
            return True
        if not region.insert and any(region.first <= p <= region.last + 1 for p in points):
            return True
    return False


def _delete_slides(old: list[str], i1: int, i2: int, allowed: list[Region]) -> bool:
    """A deletion the line diff placed off the deleted value, where the lines around it repeat.

    Deleting a source whose ``publisher: Agency`` line equals the one of the source before it may be seen
    as deleting from that earlier line on: the same lines are left either way, so it is the asked deletion.
    """
    size = i2 - i1
    for region in allowed:
        if region.insert:
            continue
        first, end = region.first, region.last + 1
        if end - first == size:
            low, high = min(i1, first), max(i2, end)
            if old[low:i1] + old[i2:high] == old[low:first] + old[end:high]:
                return True
        for start in range(max(0, region.first - size), region.last + 1):
            if start + size <= len(old) and old[start:start + size] == old[i1:i2] and \
                    region.first <= start and start + size - 1 <= region.last:
                return True
    return False


def comments_kept(expected: list[str], new: TextMap) -> tuple[str, str] | None:
    """The first comment lost, added or moved against ``expected``: (what it was, what it became), or None."""
    now = [text for _, text in new.comments]
    for a, b in zip(expected, now, strict=False):  # a comment more or fewer is reported below
        if a != b:
            return a, b
    if len(expected) > len(now):
        return expected[len(now)], "(gone)"
    if len(now) > len(expected):
        return "(none)", now[len(expected)]
    return None


def expected_comments(old: TextMap, removed: list[Region], dropped_head: Callable[[str], bool] | None = None) -> list[str]:
    """The old comments that must still be there: all but those in deleted values (and a dropped head)."""
    kept = []
    for line, text in old.comments:
        if any(r.first <= line <= r.last for r in removed):
            continue
        if dropped_head is not None and line < old.content_start and not dropped_head(text):
            continue
        kept.append(text)
    return kept
