"""Apply an edit's mutations to the round-trip tree (and to plain data), changing nothing else.

New values are written the way the drafts write them: keys in the schema's order,
lists of ids as ``[a, b]`` when the file does so, long text folded (``>-``) at the
file's width, other text plain when YAML reads it back as the same text, else in
double quotes. Comments that stood after the value an insertion follows move past
the new value, so that a comment stays with what it was written above.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from draftdiff.edit.layout import Layout
from draftdiff.errors import Hint, Refused

Path = tuple[str | int, ...]


@dataclass(frozen=True)
class Mutation:
    """One change to the data: set a key (new or existing), append to a list, or delete a key."""

    kind: Literal["set", "append", "delete"]
    path: Path
    value: Any = None


class EditRefused(Refused):
    """The edit cannot be made as asked; ``hint`` says how to fix it (a :class:`~draftdiff.errors.Hint`)."""

    def __init__(self, reason: str, hint: str | Hint | None = None) -> None:
        super().__init__(reason, hint=hint)
        self.reason = reason


# --- plain data -------------------------------------------------------------------------------------------


def apply_plain(data: Any, mutation: Mutation) -> None:
    """The intended data: what the file must read back as after the write."""
    import copy

    parent = _walk(data, mutation.path[:-1])
    key = mutation.path[-1]
    value = copy.deepcopy(mutation.value)
    if mutation.kind == "set" and isinstance(parent, dict) and key not in parent:
        keys = list(parent)
        after = position_after(keys, mutation.path)
        index = 0 if after is None else keys.index(after) + 1
        items = list(parent.items())
        items.insert(index, (key, value))
        parent.clear()
        parent.update(items)
    elif mutation.kind == "set":
        parent[key] = value
    elif mutation.kind == "append":
        parent[key].append(value)
    else:
        del parent[key]


def _walk(node: Any, path: Path) -> Any:
    for part in path:
        node = node[part]
    return node


# --- the round-trip tree ----------------------------------------------------------------------------------


def apply_tree(doc: Any, mutation: Mutation, layout: Layout) -> None:
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    from draftdiff.edit.comments import (
        comment_between_styles,
        give_trailing,
        keep_comment_gap,
        printed_width,
        take_trailing,
    )

    path = mutation.path
    parent = _walk(doc, path[:-1])
    key = path[-1]
    column = content_column(doc, path[:-1], layout)
    flow = _in_flow(doc, path)
    if mutation.kind == "delete":
        _delete(parent, key)
        return
    if mutation.kind == "append":
        target = parent[key]
        if not isinstance(target, CommentedSeq):
            raise EditRefused(f"{_name(path, doc)} is not a list in this file")
        inner = content_column(doc, path, layout)
        if _is_flow(target) or not len(target):
            before = printed_width(target)
            target.append(to_node(mutation.value, inner, layout, flow=flow))
            if isinstance(parent, CommentedMap):
                keep_comment_gap(parent, key, before, printed_width(target))
            return
        moved = take_trailing(target, len(target) - 1)
        target.append(to_node(mutation.value, inner, layout, flow=flow))
        if moved:
            give_trailing(target, len(target) - 1, moved)
        return
    value = mutation.value
    if isinstance(parent, CommentedSeq):
        parent[key] = to_node(value, column, layout, old=parent[key], flow=flow)
        return
    assert isinstance(parent, CommentedMap)
    inner = _value_column(column, value, layout)
    if key in parent:
        old = parent[key]
        before = printed_width(old)
        if isinstance(old, CommentedSeq) and isinstance(value, list) and not any(
                isinstance(v, (dict, list)) for v in value):
            _set_list(old, value, inner, layout)
        else:
            node = to_node(value, inner, layout, old=old, key=str(key), flow=flow)
            comment_between_styles(parent, key, old, node)
            parent[key] = node
        keep_comment_gap(parent, key, before, printed_width(parent[key]))
        return
    position, after = _position(parent, path)
    node = to_node(value, inner, layout, key=str(key), flow=flow)
    moved = take_trailing(parent, after) if after is not None else None
    parent.insert(position, key, node)
    if moved:
        give_trailing(parent, key, moved)


def _value_column(column: int, value: Any, layout: Layout) -> int:
    """Where the content of a value under a key at ``column`` starts (a scalar: the key's own column)."""
    if isinstance(value, dict):
        return column + layout.mapping
    if isinstance(value, list):
        return column + layout.sequence
    return column


def _set_list(old: Any, value: list[Any], column: int, layout: Layout) -> None:
    """Change a list of ids in place, so its style (``[a, b]``) and comments stay."""
    while len(old) > len(value):
        del old[len(old) - 1]
    for i, item in enumerate(value):
        if i < len(old):
            if old[i] != item:
                old[i] = to_node(item, column, layout, flow=_is_flow(old))
        else:
            old.append(to_node(item, column, layout, flow=_is_flow(old)))


def _delete(parent: Any, key: str | int) -> None:
    """Delete a key; comments that stood after it stay, moved to what now comes before them."""
    from ruamel.yaml.comments import CommentedMap

    from draftdiff.edit.comments import give_trailing, take_trailing

    keys = list(parent.keys()) if isinstance(parent, CommentedMap) else list(range(len(parent)))
    index = keys.index(key)
    moved = take_trailing(parent, key)
    del parent[key]
    if moved and index > 0:
        give_trailing(parent, keys[index - 1], moved)
    elif moved and isinstance(parent, CommentedMap) and len(parent):
        raise EditRefused(f"a comment after '{key}' has no place to go once it is deleted",
                          "move the comment by hand, then repeat the edit")


def _position(parent: Any, path: Path) -> tuple[int, Any]:
    """Where a new key goes: after the last existing key that the schema puts before it."""
    keys = list(parent.keys())
    after = position_after(keys, path)
    return (0 if after is None else keys.index(after) + 1), after


def position_after(keys: list[Any], path: Path) -> Any:
    """The existing key a new key at ``path`` follows (the schema's order), or None to go first."""
    from draftdiff.load import _allowed_keys

    order = _allowed_keys(tuple(path[:-1]))
    key = path[-1]
    if key not in order:
        return keys[-1] if keys else None
    rank = order.index(key)
    after = None
    for existing in keys:
        if existing in order and order.index(existing) < rank:
            after = existing
    return after


def content_column(doc: Any, path: Path, layout: Layout) -> int:
    """The column where the keys (a mapping) or the items' content (a list) at ``path`` start."""
    from ruamel.yaml.comments import CommentedMap

    column = 0
    node = doc
    for part in path:
        child = node[part]
        if isinstance(node, CommentedMap):
            column = _value_column(column, child, layout)
        elif not isinstance(child, CommentedMap):
            column += layout.sequence
        node = child
    return column


def _in_flow(doc: Any, path: Path) -> bool:
    """Whether the value at ``path`` sits inside a flow collection (``{…}`` or ``[…]``)."""
    node = doc
    for part in path[:-1]:
        node = node[part]
        if _is_flow(node):
            return True
    return False


def _is_flow(node: Any) -> bool:
    return bool(getattr(node, "fa", None) is not None and node.fa.flow_style())


# --- new values --------------------------------------------------------------------------------------------


def to_node(value: Any, column: int, layout: Layout, *, old: Any = None, key: str | None = None,
            flow: bool = False) -> Any:
    """A ruamel node for plain ``value``: a mapping's keys or a list's items start at ``column``;
    a text's key does (``key``), or the text itself when it is a list item."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    if isinstance(value, dict):
        node = CommentedMap()
        for k, v in value.items():
            node[k] = to_node(v, _value_column(column, v, layout), layout, key=str(k), flow=flow)
        return node
    if isinstance(value, list):
        seq = CommentedSeq()
        for v in value:
            seq.append(to_node(v, column, layout, flow=flow))
        if layout.flow_lists and not any(isinstance(v, (dict, list)) for v in value):
            seq.fa.set_flow_style()
        return seq
    if isinstance(value, str):
        return styled_text(value, column, layout, old=old, key=key, flow=flow)
    return value


def styled_text(value: str, column: int, layout: Layout, *, old: Any = None, key: str | None = None,
                flow: bool = False) -> Any:
    """Text as the drafts write it: folded when long, plain when safe, else double-quoted.

    Inside ``{…}`` or ``[…]`` (``flow``) there is no block text: one line, plain or quoted."""
    from ruamel.yaml.scalarstring import (
        DoubleQuotedScalarString,
        FoldedScalarString,
        LiteralScalarString,
        PlainScalarString,
        SingleQuotedScalarString,
    )

    head = column + (len(key) + 2 if key else 2)
    if flow:
        safe = plain_safe(value) and not any(c in value for c in ",[]{}")
        return PlainScalarString(value) if safe and not isinstance(old, DoubleQuotedScalarString) \
            else DoubleQuotedScalarString(value)
    if flow:
        safe = plain_safe(value) and not any(c in value for c in ",[]{}")
        return PlainScalarString(value) if safe and not isinstance(old, DoubleQuotedScalarString) \
            else DoubleQuotedScalarString(value)
    if "\n" in value:
        return LiteralScalarString(value) if _literal_safe(value) else DoubleQuotedScalarString(value)
    if head + len(value) > layout.width and _foldable(value):
        folded = FoldedScalarString(value)
        indent = column + layout.mapping if key else column
        folded.fold_pos = _fold_positions(value, layout.width - indent)
        return folded
    if isinstance(old, SingleQuotedScalarString) and _printable(value):
        return SingleQuotedScalarString(value)
    if isinstance(old, DoubleQuotedScalarString) or not plain_safe(value):
        return DoubleQuotedScalarString(value)
    return PlainScalarString(value)  # a plain str would take on the old value's style on assignment


def _printable(value: str) -> bool:
    """No control, format, private, unassigned or separator character but the space (Unicode's "C" and "Z").

    That is exactly :meth:`str.isprintable` (one pass in C, not a Python loop over a 5 MB import)."""
    return value.isprintable()


def plain_safe(value: str) -> bool:
    """Whether ``value`` written unquoted reads back, by the project's reader, as exactly this text."""
    from draftdiff.yamlsource import plain_scalar

    if not value or value != value.strip() or not _printable(value):
        return False
    first = value[0]
    if first in ",[]{}#&*!|>'\"%@`" or (first in "-?:" and (len(value) == 1 or value[1] == " ")):
        return False
    if ": " in value or " #" in value or value.endswith(":"):
        return False
    return plain_scalar(value) == value


def _foldable(value: str) -> bool:
    return value == value.strip() and "  " not in value and _printable(value) and " " in value


def _literal_safe(value: str) -> bool:
    lines = value.split("\n")
    return (_printable(value.replace("\n", "")) and not value.startswith(" ")
            and all(line == line.rstrip() for line in lines) and not value.endswith("\n\n"))


def _fold_positions(value: str, room: int) -> list[int]:
    """Spaces at which to fold so each line holds at most ``room`` characters (a long word overflows)."""
    room = max(room, 20)
    positions: list[int] = []
    line_start = 0
    last_space = -1
    for i in _spaces(value):  # only a space can end a line: visit those, not every character
        if i - line_start > room and last_space > line_start:
            positions.append(last_space)
            line_start = last_space + 1
        last_space = i
    if len(value) - line_start > room and last_space > line_start:
        positions.append(last_space)
    return positions


def _spaces(value: str) -> list[int]:
    import re

    return [m.start() for m in re.finditer(" ", value)]


def _name(path: Path, doc: Any = None) -> str:
    from draftdiff.load import describe_path

    return describe_path(path, doc)
