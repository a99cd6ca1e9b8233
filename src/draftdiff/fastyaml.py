"""The fast path: read a well-formed, plain draft with yaml-rs, without positions.

Why: libyaml hands every event to Python as an object, which makes reading
cost ~50x a ``json.loads`` of the same data; yaml-rs parses YAML 1.2 in Rust and
builds the plain data directly, for pydantic to validate. Positions are only
needed for files that have something to report, so those (and anything unusual)
go through :mod:`draftdiff.yamlsource`, which stays the authority: this path
declines (returns ``None``) rather than guess whenever a file uses anchors,
aliases, tags, merge keys, several documents, repeated keys, anything it cannot
parse, or a plain scalar the two readers type differently (``0X1F``, ``0b101``,
``1_000``: numbers to yaml-rs, strings to the YAML 1.2 core schema).

yaml-rs raises its errors as exceptions and prints nothing, so this path needs
nothing from the process around it (no descriptor redirected, no collector tuned).
"""

from __future__ import annotations

import re
from typing import Any

from draftdiff.yamlsource import MAX_KEYS, MAX_NODES

_BEFORE_NODE = frozenset(" \t\n[{,")
_AFTER_SIGN_NOT = frozenset(" \t\n,]}")


def _uses_advanced_yaml(text: str) -> bool:
    """Anchors, aliases, tags, directives or merge keys: the careful reader refuses them with a position.

    Each sign is looked for only where YAML would read it (``&x`` after a space or
    flow indicator, ``%`` at the start of a line), so "80–90%" or "A & B" in prose
    keep a file on the fast path. Single-character searches cost next to nothing.
    """
    if "%" in text and (text.startswith("%") or "\n%" in text):
        return True
    if "<" in text and "<<" in text:  # a one-character search is a memchr; a two-character one is not
        return True
    for sign in "&*!":
        start = text.find(sign)
        while start != -1:
            before = text[start - 1] if start else "\n"
            after = text[start + 1:start + 2]
            if before in _BEFORE_NODE and after and after not in _AFTER_SIGN_NOT:
                return True
            start = text.find(sign, start + 1)
    return False


_BASE_AFTER_ZERO = re.compile(r"0[xXbBoO]")
_UNDERSCORE_BY_A_DIGIT = re.compile(r"_(?:(?<=[0-9.]_)|[0-9.])")
"""An underscore with a digit or a point on either side (``____ days``, a blank, is prose)."""


def _number_in_doubt(text: str) -> bool:
    """What may be a number yaml-rs reads and the YAML 1.2 core schema does not: ``0X1F``, ``0b1``, ``1_000``, ``_3``.

    Found by comparing both readers on random scalars (``tests/unit/test_fast_path.py``
    keeps that comparison). Looked for anywhere, by two searches that each start
    from one rare character (a search that starts from a class of characters
    costs ten times more): a file with ``report_2``, ``0x1f`` or a hexadecimal
    digest in it is read carefully, which is right, only slower.
    """
    return _BASE_AFTER_ZERO.search(text) is not None or (
        "_" in text and _UNDERSCORE_BY_A_DIGIT.search(text) is not None)


_QUOTED = re.compile(r"\"(?:[^\"\\\n]|\\.)*\"|'(?:[^'\n]|'')*'")
_COMMENT = re.compile(r"(?:^|[ \t])#.*")
_SIGN_IN_A_FLOW = re.compile(r":[^ \t\r\n]|[|>?]|[\[{,][ \t]*:")


def _sign_in_a_flow(text: str) -> bool:
    """Inside ``[...]`` or ``{...}``: a ``:`` right before a sign or after an opener, or a ``|``, ``>`` or ``?``.

    ``[https://x.org]``, ``{a:b}``, ``[?b]`` or ``{a: |}`` read as text (or as
    something else) to yaml-rs (YAML 1.2), while the careful reader refuses them
    with a position (YAML 1.1): such a file is left to it. The same signs outside
    any flow (``url: https://…``, ``text: |``, a question in prose) keep the fast
    path. Each line with a bracket is looked at once, quotes and a trailing comment
    left out; a line whose brackets do not balance (a flow over several lines, or a
    bracket in prose) sends the file to the careful reader.

    The lines of a draft's flows are nearly all of one plain shape
    (``sources: [a, b]``, ``alpha: {text: "…", basis: summary}``): a run of such
    lines is recognised by one match (``_PLAIN_FLOW_LINES``), and only a line of
    another shape is looked at in detail.
    """
    square, curly = text.find("["), text.find("{")
    while square != -1 or curly != -1:
        at = curly if square == -1 or (curly != -1 and curly < square) else square
        start = text.rfind("\n", 0, at) + 1
        plain = _PLAIN_FLOW_LINES.match(text, start)
        if plain is not None:
            end = plain.end()
        else:
            end = text.find("\n", at)
            if end == -1:
                end = len(text)
            if _doubtful_flow_line(text[start:end]):
                return True
        if square != -1 and square < end:
            square = text.find("[", end)
        if curly != -1 and curly < end:
            curly = text.find("{", end)
    return False


_FLOW_PLAIN = r"""[^\n\r"'#|>?:\\\[\]{}]*+"""  # characters that mean nothing here
_FLOW_SIGN = (r"""(?:(?<=[^ \t\[{,]):[ ]"""  # ``key: ``, the colon after a character that makes no ``[ :``
              r"""|"[^"\\\n\r]*+")""")  # a double-quoted string on the line, no escape in it
_FLOW_RUN = f"{_FLOW_PLAIN}(?:{_FLOW_SIGN}{_FLOW_PLAIN})*+"
_FLOW_INNER = rf"[\[{{]{_FLOW_RUN}[\]}}]"
_FLOW = rf"[\[{{]{_FLOW_RUN}(?:{_FLOW_INNER}{_FLOW_RUN})*+[\]}}]"
_PLAIN_FLOW_LINE = rf"{_FLOW_RUN}{_FLOW}{_FLOW_RUN}(?:{_FLOW}{_FLOW_RUN})*+(?=\n|\Z)"
_PLAIN_FLOW_LINES = re.compile(rf"{_PLAIN_FLOW_LINE}(?:\n{_PLAIN_FLOW_LINE})*+")
"""Lines with a flow, nested two deep at most, that ``_doubtful_flow_line`` finds nothing in.

A line of this shape has no comment, no ``|``, ``>``, ``?`` or single quote outside
its strings, balanced brackets, and each colon outside strings after a character
other than a space, a tab, an opener or a comma and before a space, so every count
``_doubtful_flow_line`` makes agrees; what is in its strings is replaced before
counting, or holds none of the signs counted.
"""


_FLOW_SIGNS = re.compile(r"[][{}:|>?#]")


def _doubtful_flow_line(line: str) -> bool:
    double, single = line.find('"'), line.find("'")
    if double != -1 or single != -1:
        first = double if single == -1 or (double != -1 and double < single) else single
        if _FLOW_SIGNS.search(line, first, max(line.rfind('"'), line.rfind("'"))):
            line = _QUOTED.sub('""', line)  # what is quoted could change what is counted
    if "#" in line:
        line = _COMMENT.sub("", line)
    opened = line.count("[") + line.count("{")
    if opened != line.count("]") + line.count("}"):
        return True
    if not opened:
        return False  # the brackets were quoted, or in a comment
    if ("|" in line or ">" in line or "?" in line or line.count(":") != line.count(": ")
            or "[ :" in line or "{ :" in line or ", :" in line):
        square, curly = line.find("["), line.find("{")
        first = square if curly == -1 or (square != -1 and square < curly) else curly
        return _SIGN_IN_A_FLOW.search(line, first) is not None
    return False


def _lines_with(text: str, signs: str) -> list[tuple[int, int]]:
    """The (start, end) of each line holding one of ``signs``, each once."""
    lines: dict[int, int] = {}
    for sign in signs:
        at = text.find(sign)
        while at != -1:
            start = text.rfind("\n", 0, at) + 1
            end = text.find("\n", at)
            if end == -1:
                end = len(text)
            lines[start] = end
            at = text.find(sign, end)
    return list(lines.items())


_COLON_AFTER_A_BREAK_OR_SPACE = re.compile(r":(?<=[\n ]:)")
"""``\\n:`` or `` :``, searched from the rarer colon (a search for `` :`` stops at every space)."""

_EMPTY_BLOCK_ON_THE_LINE = re.compile(
    r"( *+)(?:[^\n]*?[ \-:])?"  # the line's indent, then the header first on the line or after `` ``, ``-`` or ``:``
    r"[|>][-+1-9]{0,2}[ \t]*(?:#[^\n]*)?"  # the header, to the end of its line
    r"(?:\Z|\r?\n(?!\1 [^\n]*?\S))")  # no next line, or one that is blank or no deeper
"""Matched at the start of a line: a block scalar's header on it whose next line is blank or no deeper than it.

``a > b`` in prose is no header (the sign is not first or after a space, dash or
colon, or more than an indicator follows it on its line).
"""


def _forms_in_doubt(text: str) -> bool:
    """Block forms the two readers read differently (found by comparing them on random texts, kept in the tests).

    A tab (libyaml refuses it in indentation where yaml-rs reads on), an explicit
    key (``? x``) or an empty one (``: x``, ``- : x``), and a block scalar with no
    content (yaml-rs reads ``"\\n"``, libyaml ``""``).
    """
    if "\t" in text:
        return True
    for start, end in _lines_with(text, "?"):
        if _starts_with_a_key_sign(text[start:end], "?"):
            return True
    if text.startswith(":") or _COLON_AFTER_A_BREAK_OR_SPACE.search(text) is not None:
        for start, end in _lines_with(text, ":"):
            if _starts_with_a_key_sign(text[start:end], ":"):
                return True
    for sign in "|>":
        at = text.find(sign)
        while at != -1:
            if _EMPTY_BLOCK_ON_THE_LINE.match(text, text.rfind("\n", 0, at) + 1) is not None:
                return True
            at = text.find(sign, at + 1)
    return False


def _starts_with_a_key_sign(line: str, sign: str) -> bool:
    """``? x``, ``- ? x``, ``: x``: the sign first on its line (after dashes), then a space or the end."""
    rest = line.lstrip(" -")
    return rest.startswith(sign) and (len(rest) == 1 or rest[1] in " \r\n")


_NODES_POSSIBLE = MAX_NODES // 2
"""A file shorter than this cannot hold ``MAX_NODES`` values (each takes two bytes or more): no count needed."""

_yaml_rs: Any = None


def _load_yaml_rs() -> Any:
    global _yaml_rs
    if _yaml_rs is None:
        try:
            import yaml_rs
        except ImportError:  # the careful reader does the work alone
            _yaml_rs = False
        else:
            _yaml_rs = yaml_rs
    return _yaml_rs


def fast_tree(text: str) -> dict[str, Any] | None:
    """The document as plain data, or ``None`` when the careful reader must decide.

    A mapping at the top, or nothing: a list, a scalar, an empty document or
    several documents are the careful reader's to describe with a position. The
    loader has refused NEL, LS and PS (line breaks to libyaml, not to yaml-rs) before.
    """
    yaml_rs = _load_yaml_rs()
    if "\r" in text and text.count("\r") != text.count("\r\n"):
        return None  # lines broken by CR alone: the checks below read such a file as one line, at quadratic cost
    if (not yaml_rs or _uses_advanced_yaml(text) or _number_in_doubt(text) or _forms_in_doubt(text)
            or _sign_in_a_flow(text)):
        return None
    try:
        tree = yaml_rs.loads(text, parse_datetime=False, duplicate_key_policy=yaml_rs.DuplicateKeyPolicy.Error)
    except Exception:  # any doubt at all (a syntax error, a repeated key, nesting too deep): the careful reader explains
        return None
    if not isinstance(tree, dict) or not all(type(key) is str for key in tree):
        return None  # ``01: x`` or ``? [a]``: the careful reader makes a key a string or refuses it
    if len(text) > _NODES_POSSIBLE and not _within_limits(tree):
        return None
    return tree


def _within_limits(tree: dict[str, Any]) -> bool:
    """At most ``MAX_NODES`` values and ``MAX_KEYS`` keys, counted as the careful reader counts them."""
    nodes = keys = 0
    pending: list[Any] = [tree]
    while pending:
        value = pending.pop()
        nodes += 1
        if isinstance(value, dict):
            keys += len(value)
            nodes += len(value)
            pending.extend(value.values())
        elif isinstance(value, list):
            pending.extend(value)
        if nodes > MAX_NODES or keys > MAX_KEYS:
            return False
    return True
