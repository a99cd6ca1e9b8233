"""Comments and styles around a changed value: where ruamel.yaml keeps them, and moving them with care.

ruamel.yaml keeps the comment lines after a value on that value (deep inside the
last item of a list, or of a nested mapping). An insertion after it, a deletion,
or a value that turns from block text to one line (or back) would otherwise carry
a comment away from what it was written above; these helpers move it along.
"""

from __future__ import annotations

from typing import Any

from draftdiff.edit.tree import EditRefused, _is_flow


def is_block(value: Any) -> bool:
    from ruamel.yaml.scalarstring import FoldedScalarString, LiteralScalarString

    return isinstance(value, (FoldedScalarString, LiteralScalarString))


def comment_between_styles(parent: Any, key: Any, old: Any, new: Any) -> None:
    """A comment after a value stays where it was when the value turns from block text to one line, or back.

    After block text every comment is a line of its own; after a one-line value the
    first may sit at the end of the line, which block text has no room for.
    """
    items = parent.ca.items.get(key)
    token = items[2] if items else None
    if token is None or is_block(old) == is_block(new):
        return
    if is_block(old):
        token.value = "\n" + " " * token.start_mark.column + token.value
    elif token.value.startswith("\n"):
        from ruamel.yaml.error import CommentMark

        rest = token.value[1:]
        stripped = rest.lstrip(" ")
        token.value = stripped
        token.start_mark = CommentMark(len(rest) - len(stripped))
    else:
        eol = token.value.split("\n", 1)[0].strip()
        raise EditRefused(f"'{key}' has a comment at the end of its line ({eol!r}), which cannot stay there once "
                          "the value is written over several lines",
                          "move the comment onto a line of its own above the key, then repeat the edit")


def printed_width(value: Any) -> int | None:
    """How wide a one-line value is written (None: not on one line, or not known)."""
    from ruamel.yaml.scalarstring import (
        DoubleQuotedScalarString,
        FoldedScalarString,
        LiteralScalarString,
        SingleQuotedScalarString,
    )

    if isinstance(value, (FoldedScalarString, LiteralScalarString, dict)):
        return None
    if isinstance(value, list):
        if not _is_flow(value) or any(not isinstance(v, str) for v in value):
            return None
        return 2 + sum(len(v) for v in value) + 2 * max(len(value) - 1, 0)
    if isinstance(value, (DoubleQuotedScalarString, SingleQuotedScalarString)):
        return len(value) + 2
    return len(str(value)) if isinstance(value, (str, int)) and not isinstance(value, bool) else None


def keep_comment_gap(parent: Any, key: Any, before: int | None, after: int | None) -> None:
    """An end-of-line comment keeps its distance from the value, however long the value becomes."""
    from ruamel.yaml.error import CommentMark

    items = parent.ca.items.get(key)
    token = items[2] if items else None
    if token is None or before is None or after is None or token.value.startswith("\n"):
        return
    column = token.start_mark.column + after - before
    if column > 0:
        token.start_mark = CommentMark(column)


def slot(container: Any, key: Any) -> tuple[Any, Any, bool]:
    """The innermost place the comment after ``container[key]`` is kept: (container, key, value is block text)."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq
    from ruamel.yaml.scalarstring import FoldedScalarString, LiteralScalarString

    while True:
        value = container[key]
        if isinstance(value, (CommentedMap, CommentedSeq)) and len(value) and not _is_flow(value):
            container = value
            key = list(value.keys())[-1] if isinstance(value, CommentedMap) else len(value) - 1
            continue
        return container, key, isinstance(value, (FoldedScalarString, LiteralScalarString))


def take_trailing(container: Any, key: Any) -> str | None:
    """Detach the whole-line comments after ``container[key]`` (an end-of-line comment stays)."""
    from ruamel.yaml.comments import CommentedMap

    inner, inner_key, block = slot(container, key)
    items = inner.ca.items.get(inner_key)
    index = 2 if isinstance(inner, CommentedMap) else 0
    if not items or items[index] is None:
        return None
    token = items[index]
    text = token.value
    if block:
        keep, moved = "", text
    else:
        cut = text.find("\n")
        keep, moved = text[:cut + 1], text[cut + 1:]
    if not moved.strip():
        return None
    if keep.strip():
        token.value = keep
    else:
        items[index] = None
    return moved


def give_trailing(container: Any, key: Any, text: str) -> None:
    from ruamel.yaml.comments import CommentedMap
    from ruamel.yaml.error import CommentMark
    from ruamel.yaml.tokens import CommentToken

    inner, inner_key, block = slot(container, key)
    index = 2 if isinstance(inner, CommentedMap) else 0
    items = inner.ca.items.setdefault(inner_key, [None, None, None, None])
    token = items[index]
    if token is not None:
        token.value = token.value + text
        return
    items[index] = CommentToken(text if block else "\n" + text, CommentMark(0), None)
