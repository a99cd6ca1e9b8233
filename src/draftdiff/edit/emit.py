"""A fast writer of NEW draft files in the canonical layout: what ruamel.yaml would write, without its cost.

ruamel.yaml's pure-Python emitter looks at every character of every text twice (to
choose a style, then to write it): 3 s for a 5 MB import. A new file has no comments
or author layout to keep, and every text's style is already chosen by
:func:`draftdiff.edit.tree.styled_text` (plain, double-quoted, folded at given spaces,
literal), so writing it is string joining. This writer produces the same bytes
ruamel.yaml does for the data it knows (tests compare the two on the bundled drafts
and random drafts); for anything else it raises :class:`Unsupported` and the caller
uses ruamel.yaml. Either way the caller re-reads the output and compares it with the
intended data before anything is written.
"""

from __future__ import annotations

import re
from typing import Any

from ruamel.yaml.scalarstring import (
    DoubleQuotedScalarString,
    FoldedScalarString,
    LiteralScalarString,
    PlainScalarString,
)

from draftdiff.edit.layout import Layout
from draftdiff.edit.tree import styled_text


class Unsupported(Exception):
    """Data this writer does not know how ruamel.yaml would write: let ruamel.yaml write it."""


_KEY = re.compile(r"[a-z_][a-z0-9_]*\Z")
_FLOW_ITEM = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.\-]*\Z")
_ESCAPE = re.compile("[\"\\\\\x85\u2028\u2029\ufeff]|[^\x20-\x7e\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
"""What ruamel.yaml escapes inside double quotes (``Emitter.write_double_quoted``, unicode allowed)."""
_NAMED = {"\0": "0", "\x07": "a", "\x08": "b", "\x09": "t", "\x0a": "n", "\x0b": "v", "\x0c": "f", "\x0d": "r",
          "\x1b": "e", '"': '"', "\\": "\\", "\x85": "N", "\xa0": "_", "\u2028": "L", "\u2029": "P"}
_NOT_PLAIN_INSIDE = re.compile(r"[\n\x85\u2028\u2029\t]|: |:\Z| #|\A[-?:](?: |\Z)|\A[#,\[\]{}&*!|>'\"%@`]|\A(?:---|\.\.\.)")
"""Where ruamel.yaml's scalar analysis would not allow a plain text in block context (``analyze_scalar``)."""


def emit_new(data: dict[str, Any], layout: Layout, head_comment: str) -> str:
    """The text of a new draft file holding ``data``; raise :class:`Unsupported` for what it cannot write."""
    if layout.mapping != 2 or layout.sequence != 4 or layout.offset != 2 or not layout.flow_lists:
        raise Unsupported("only the canonical layout")
    if not isinstance(data, dict) or not data:
        raise Unsupported("a document that is not a mapping")
    out: list[str] = [f"# {head_comment}\n"]
    _mapping(data, 0, layout, out, first_prefix="")
    return "".join(out)


def _mapping(data: dict[str, Any], column: int, layout: Layout, out: list[str], first_prefix: str) -> None:
    """Keys at ``column``; the first one after ``first_prefix`` (a list item's dash) when given."""
    pad = " " * column
    first = True
    for key, value in data.items():
        if type(key) is not str or not _KEY.match(key) or _resolve(key) is not str:
            raise Unsupported(f"key {key!r}")
        lead = first_prefix if first and first_prefix else pad
        first = False
        if isinstance(value, dict):
            if not value:
                raise Unsupported("an empty mapping")
            out.append(f"{lead}{key}:\n")
            _mapping(value, column + layout.mapping, layout, out, first_prefix="")
        elif isinstance(value, list):
            out.append(f"{lead}{key}:")
            _list(value, column + layout.sequence, layout, out)
        else:
            out.append(f"{lead}{key}: ")
            _scalar(value, column, layout, out, key)


def _list(items: list[Any], column: int, layout: Layout, out: list[str]) -> None:
    """A list under a key, whose items' content starts at ``column`` (the dash at ``column - 2``)."""
    if not items:
        out.append(" []\n")
        return
    if not any(isinstance(v, (dict, list)) for v in items):
        out.append(" [" + ", ".join(_flow_item(v) for v in items) + "]\n")
        return
    out.append("\n")
    dash = " " * (column - layout.sequence + layout.offset) + "- "
    if len(dash) != column:
        raise Unsupported("a dash that does not end where the items start")
    for item in items:
        if not isinstance(item, dict) or not item:
            raise Unsupported("a block list of anything but mappings")
        _mapping(item, column, layout, out, first_prefix=dash)


def _flow_item(value: Any) -> str:
    if type(value) is int:
        return str(value)
    if type(value) is str and _FLOW_ITEM.match(value) and _resolve(value) is str:
        return value
    raise Unsupported(f"list item {value!r}")


def _scalar(value: Any, column: int, layout: Layout, out: list[str], key: str) -> None:
    """A value after ``key: `` (already written), with its line break; block text below it."""
    if type(value) is bool:
        out.append("true\n" if value else "false\n")
        return
    if type(value) is int:
        out.append(f"{value}\n")
        return
    if type(value) is not str:
        raise Unsupported(f"a value of type {type(value).__name__}")
    styled = styled_text(value, column, layout, key=key)
    text = str(styled)
    if isinstance(styled, DoubleQuotedScalarString):
        out.append(f'"{_ESCAPE.sub(_escaped, text)}"\n')
    elif isinstance(styled, FoldedScalarString):
        out.append(_folded(text, getattr(styled, "fold_pos", []), " " * (column + layout.mapping)))
    elif isinstance(styled, LiteralScalarString):
        out.append(_literal(text, " " * (column + layout.mapping)))
    elif isinstance(styled, PlainScalarString):
        if not text or _NOT_PLAIN_INSIDE.search(text) or text != text.strip(" ") or _resolve(text) is not str:
            raise Unsupported(f"plain text {text[:40]!r}")
        out.append(f"{text}\n")
    else:
        raise Unsupported(f"a text styled {type(styled).__name__}")


def _escaped(match: re.Match[str]) -> str:
    ch = match.group()
    named = _NAMED.get(ch)
    if named is not None:
        return "\\" + named
    code = ord(ch)
    return f"\\x{code:02X}" if code <= 0xFF else f"\\u{code:04X}" if code <= 0xFFFF else f"\\U{code:08X}"


def _folded(text: str, fold_pos: list[int], pad: str) -> str:
    """``>-`` text, folded at the chosen spaces (where ruamel.yaml's representer would fold it)."""
    if not text or text[0] in " \n" or "\n" in text or "\a" in text or not text.isprintable():
        raise Unsupported("folded text ruamel.yaml would mark or write otherwise")
    cuts = [p for p in sorted(set(fold_pos))
            if 0 < p < len(text) - 1 and text[p] == " " and not text[p - 1].isspace() and not text[p + 1].isspace()]
    lines, start = [], 0
    for p in cuts:
        lines.append(text[start:p])
        start = p + 1
    lines.append(text[start:])
    return ">-\n" + "".join(f"{pad}{line}\n" for line in lines)


def _literal(text: str, pad: str) -> str:
    """``|`` text: each line indented, empty lines left empty; ``|-`` when it has no final line break."""
    if not text or text[0] in " \n" or text.endswith("\n\n") or not text.replace("\n", "").isprintable() \
            or "\r" in text:
        raise Unsupported("literal text ruamel.yaml would mark or write otherwise")
    body = text[:-1] if text.endswith("\n") else text
    indicator = "|" if text.endswith("\n") else "|-"
    indented = pad + body.replace("\n", "\n" + pad)
    empty = f"\n{pad}\n"
    while empty in indented:  # an empty line stays empty (two passes for a run of them)
        indented = indented.replace(empty, "\n\n")
    return f"{indicator}\n{indented}\n"


_RESOLVE: Any = None


def _resolve(text: str) -> type:
    """The type ruamel.yaml's resolver (the write path's: no timestamps) gives ``text`` written plain."""
    global _RESOLVE
    if _RESOLVE is None:
        from ruamel.yaml.nodes import ScalarNode

        from draftdiff.edit.layout import _draft_resolver

        resolver = _draft_resolver()()
        _RESOLVE = lambda value: resolver.resolve(ScalarNode, value, (True, False))  # noqa: E731
    found = _RESOLVED.get(text)
    if found is None:
        found = str if str(_RESOLVE(text)) == "tag:yaml.org,2002:str" else object
        if len(_RESOLVED) < 10_000:  # keys and ids repeat; long texts are not worth keeping
            _RESOLVED[text] = found
    return found


_RESOLVED: dict[str, type] = {}
