"""Read a YAML document into plain data plus the position of every key and value.

Why not ruamel's constructors: the round-trip loader is ~50x slower than the
libyaml event stream, and the safe loader expands aliases (billion laughs),
turns dates into ``datetime.date`` and drops positions. Drafts need none of
YAML's advanced features, so this reader consumes libyaml events directly,
builds dicts, lists and scalars under the YAML 1.2 core schema, records
``line:col`` for every path, and refuses anchors, aliases, tags, merge keys,
duplicate keys and deep nesting with a positioned error.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, Protocol

Path = tuple[str | int, ...]

MAX_DEPTH = 32
"""Nesting deeper than any draft needs (a draft uses about six levels)."""

MAX_LINES = 200_000
"""Lines in one file. The largest bundled draft has ~1,300; a generated 1,700-article draft ~82,000."""

MAX_NODES = 250_000
"""Values and keys (every scalar, list and mapping) in one document. Bundled drafts: ~2,100; 1,700 articles ~65,000."""

MAX_KEYS = 60_000
"""Mapping keys in one document. The largest bundled draft has ~900; 1,700 generated articles ~29,000."""


@dataclass(eq=False)
class YamlProblem(Exception):
    """A document that cannot be read as a draft, with a 1-based position.

    Not frozen: Python sets ``__traceback__`` on an exception that leaves a
    ``with`` block, and a frozen dataclass would answer that with an error of its own.
    Compared and hashed by identity, as exceptions are.
    """

    rule: str
    message: str
    line: int = 1
    col: int = 1
    hint: str | None = None


@dataclass
class Positions:
    """Where each value (and each mapping key) starts, 1-based (line, col)."""

    values: dict[Path, tuple[int, int]] = field(default_factory=dict)
    keys: dict[Path, tuple[int, int]] = field(default_factory=dict)

    def of_value(self, path: Path) -> tuple[int, int]:
        """Position of the value at ``path``, or of its nearest recorded ancestor."""
        return _nearest(self.values, path)

    def of_key(self, path: Path) -> tuple[int, int]:
        """Position of the key that introduces ``path`` (falls back to the value)."""
        if path in self.keys:
            return self.keys[path]
        return _nearest(self.values, path)


def _nearest(table: dict[Path, tuple[int, int]], path: Path) -> tuple[int, int]:
    for cut in range(len(path), -1, -1):
        found = table.get(path[:cut])
        if found is not None:
            return found
    return (1, 1)


_NULL = re.compile(r"^(?:~|null|Null|NULL|)$")
_BOOL = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_INT10 = re.compile(r"^[-+]?[0-9]+$")
_INT8 = re.compile(r"^0o[0-7]+$")
_INT16 = re.compile(r"^0x[0-9a-fA-F]+$")
_FLOAT = re.compile(r"^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$")
_SPECIAL_FLOAT = {
    ".inf": float("inf"), ".Inf": float("inf"), ".INF": float("inf"),
    "+.inf": float("inf"), "+.Inf": float("inf"), "+.INF": float("inf"),
    "-.inf": float("-inf"), "-.Inf": float("-inf"), "-.INF": float("-inf"),
    ".nan": float("nan"), ".NaN": float("nan"), ".NAN": float("nan"),
}
_ALLOWED_TAGS = {"tag:yaml.org,2002:str", "!"}


def plain_scalar(value: str) -> Any:
    """Resolve a plain scalar by the YAML 1.2 core schema; dates stay text."""
    if not value:
        return None
    if value[0] not in "-+.0123456789nNtTfF~":
        return value
    if _NULL.match(value):
        return None
    if value in _BOOL:
        return _BOOL[value]
    if _INT10.match(value):
        return int(value)
    if _INT8.match(value):
        return int(value[2:], 8)
    if _INT16.match(value):
        return int(value[2:], 16)
    if _FLOAT.match(value) and any(c.isdigit() for c in value):
        return float(value)
    if value in _SPECIAL_FLOAT:
        return _SPECIAL_FLOAT[value]
    return value


def line_count(text: str) -> int:
    """Lines as YAML counts them: LF, CRLF and a lone CR each end one."""
    breaks = text.count("\n") + text.count("\r") - text.count("\r\n")
    return breaks + (0 if not text or text.endswith(("\n", "\r")) else 1)


def line_col(text: str, offset: int) -> tuple[int, int]:
    """1-based ``(line, col)`` of ``text[offset]``: lines end at LF, CRLF or CR; columns count characters."""
    head = text[:offset]
    line = head.count("\n") + head.count("\r") - head.count("\r\n") + 1
    start = max(head.rfind("\n"), head.rfind("\r")) + 1
    return line, offset - start + 1


def strings(tree: Any) -> Iterator[tuple[Path, str]]:
    """Every string value of a plain tree with its path, in document order; iterative, so depth costs nothing."""
    pending: list[tuple[Path, Any]] = [((), tree)]
    while pending:
        path, node = pending.pop()
        if isinstance(node, str):
            yield path, node
        elif isinstance(node, dict):
            pending.extend(((*path, key), node[key]) for key in reversed(list(node)))
        elif isinstance(node, list):
            pending.extend(((*path, i), node[i]) for i in range(len(node) - 1, -1, -1))


def _at(mark: Any) -> tuple[int, int]:
    return (mark.line + 1, mark.column + 1)


def parse_yaml(text: str) -> tuple[Any, Positions]:
    """Parse one YAML document; raise :class:`YamlProblem` for anything a draft must not use."""
    from ruamel.yaml.error import YAMLError  # lazy: keeps ``import draftdiff`` cheap

    tree = _TreeBuilder()
    try:
        _feed(tree, text)
    except YamlProblem as problem:
        raise _within(problem, text) from None
    except YAMLError as exc:
        raise _within(_syntax_problem(exc, text, tree.last_quoted, tree.open_flow), text) from None
    except (RecursionError, MemoryError):
        raise YamlProblem("yaml-depth", "the document is nested too deeply to read", 1, 1) from None
    except (ValueError, TypeError, NotImplementedError, AssertionError, AttributeError, IndexError,
            KeyError, UnicodeError) as exc:
        raise YamlProblem("yaml-syntax", f"the YAML reader could not read this file ({type(exc).__name__}: {exc})",
                          1, 1) from None
    if tree.documents == 0:
        raise YamlProblem("file-empty", "the file holds no YAML document", 1, 1,
                          "a draft starts with 'schema_version: 1'")
    return tree.root, tree.positions


def _feed(tree: _TreeBuilder, text: str) -> None:
    """Hand every event of the C parser to ``tree``; aliases are refused as they come."""
    feed_events(text, tree)


class EventHandler(Protocol):
    """What :func:`feed_events` hands each node event to (the reader's tree builder, the write path's text map)."""

    def scalar(self, event: Any) -> None: ...
    def open(self, event: Any, mapping: bool) -> None: ...
    def close(self, event: Any) -> None: ...


def feed_events(text: str, handler: EventHandler) -> None:
    """Run ruamel's C parser over ``text`` and hand its node events to ``handler``: the one event loop.

    An alias is refused as it comes (drafts never need one); a handler with a ``start_document``
    method is told where each document starts.
    """
    from _ruamel_yaml import (  # lazy: keeps ``import draftdiff`` cheap
        AliasEvent,
        CParser,
        DocumentStartEvent,
        MappingEndEvent,
        MappingStartEvent,
        ScalarEvent,
        SequenceEndEvent,
        SequenceStartEvent,
    )

    start_document = getattr(handler, "start_document", None)
    parser = CParser(text)
    while True:
        event = parser.get_event()
        if event is None:
            break
        kind = type(event)
        if kind is ScalarEvent:
            handler.scalar(event)
        elif kind is MappingStartEvent or kind is SequenceStartEvent:
            handler.open(event, mapping=kind is MappingStartEvent)
        elif kind is MappingEndEvent or kind is SequenceEndEvent:
            handler.close(event)
        elif kind is AliasEvent:
            raise _refuse("yaml-alias", f"alias '*{event.anchor}' is not allowed in drafts", event.start_mark,
                          "write the value out in full instead of referring to an anchor")
        elif kind is DocumentStartEvent and start_document is not None:
            start_document(event)
        # DocumentEndEvent, StreamStartEvent, StreamEndEvent: nothing to do


_QUOTE_NAMES = {'"': "double-quoted", "'": "single-quoted"}
_INNER_QUOTE = {'"': 'a " inside it is written \\"', "'": "a ' inside it is written ''"}
_FLOW = {"while parsing a flow sequence": ("list", "[", "]"), "while parsing a flow mapping": ("mapping", "{", "}")}


def _syntax_problem(exc: Exception, text: str, last_quoted: tuple[Any, Any] | None = None,
                    open_flow: list[Any] | None = None) -> YamlProblem:
    """The reader's own complaint, at a place the file has, pointing back to where the trouble began.

    A complaint at the end of the file (an unclosed quote, ``[`` or ``{``, a key without its ``:``)
    is reported where the unfinished thing starts: the reader's own mark lies past the last line.
    A complaint just after a quoted string that swallowed lines it cannot continue over (its closing
    quote is missing, so the next quote in the file closed it) is reported where that string opens.
    """
    from ruamel.yaml.error import MarkedYAMLError

    if not isinstance(exc, MarkedYAMLError):
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        line, col = _at(mark) if mark is not None else (1, 1)
        return YamlProblem("yaml-syntax", f"invalid YAML: {exc}", line, col)
    problem_mark, context_mark = exc.problem_mark, exc.context_mark
    problem = exc.problem or exc.context or "invalid YAML"
    context = exc.context if exc.problem else None
    at_end = problem_mark is not None and problem_mark.index >= len(text.rstrip(" \t\r\n"))
    if at_end:
        flow = open_flow[-1] if open_flow else None
        if flow is not None and (context_mark is None or context_mark.index >= len(text)
                                 or context_mark.index < flow.index):
            context_mark, context = flow, ("while parsing a flow mapping" if text[flow.index] == "{"
                                           else "while parsing a flow sequence")
        if context_mark is not None and context_mark.index < len(text):
            return _unfinished(text, context, problem, context_mark)
    swallowed = _swallowing_quote(text, last_quoted, problem_mark)
    if swallowed is not None:
        return _quote_not_closed(text, swallowed, problem, context, problem_mark)
    mark = problem_mark or context_mark
    line, col = _at(mark) if mark is not None else (1, 1)
    where, hint = "", None
    if context and context_mark is not None and mark is not None and context_mark.line != mark.line:
        started = "{}:{}".format(*_at(context_mark))
        where = f" that starts at {started}"
        if context in _FLOW and text[context_mark.index:context_mark.index + 1] == _FLOW[context][1]:
            what, opener, closer = _FLOW[context]
            hint = f"is the closing '{closer}' of the {what} opened with '{opener}' at {started} missing?"
    return YamlProblem("yaml-syntax", f"invalid YAML: {problem}" + (f" ({context}{where})" if context else ""),
                       line, col, hint)


def _unfinished(text: str, context: str | None, problem: str, start: Any) -> YamlProblem:
    """The file ends inside something that starts at ``start``: say so there, and how to finish it."""
    line, col = _at(start)
    opener = text[start.index]
    if context == "while scanning a quoted scalar" and opener in _QUOTE_NAMES:
        return YamlProblem(
            "yaml-syntax", f"invalid YAML: the {_QUOTE_NAMES[opener]} string opened here with {opener} is never "
            "closed: the file ends inside it", line, col,
            f"add the closing {opener} where the string ends; {_INNER_QUOTE[opener]}")
    if context in _FLOW and opener == _FLOW[context][1]:
        what, _, closer = _FLOW[context]
        return YamlProblem(
            "yaml-syntax", f"invalid YAML: the {what} opened here with '{opener}' is never closed: the file ends "
            f"inside it ({problem})", line, col, f"add the closing '{closer}' after its last item")
    inside = (context or "").removeprefix("while scanning ").removeprefix("while parsing ") or "a value"
    hint = "a key is followed by ':' and its value" if context == "while scanning a simple key" else None
    return YamlProblem("yaml-syntax", f"invalid YAML: the file ends inside {inside} that starts here ({problem})",
                       line, col, hint)


def _swallowing_quote(text: str, quoted: tuple[Any, Any] | None, problem_mark: Any) -> tuple[Any, Any] | None:
    """The quoted string just read, when it runs over a line no more indented than the line it opens on.

    YAML continues a quoted string only over lines indented beneath its own, but the C reader takes
    any line: a string whose closing quote is missing runs on to the next quote in the file, and the
    complaint comes after that. No valid draft has such a string, so it is the likely culprit.
    """
    if quoted is None or problem_mark is None or problem_mark.index < quoted[1].index:
        return None
    start, end = quoted
    if text[start.index] not in _QUOTE_NAMES:
        return None
    line_start = max(text.rfind("\n", 0, start.index), text.rfind("\r", 0, start.index)) + 1
    indent = len(text[line_start:start.index]) - len(text[line_start:start.index].lstrip(" "))
    for row in re.split(r"\r\n|\r|\n", text[start.index:end.index])[1:]:
        if row.strip() and len(row) - len(row.lstrip(" ")) <= indent:
            return quoted
    return None


def _quote_not_closed(text: str, quoted: tuple[Any, Any], problem: str, context: str | None,
                      problem_mark: Any) -> YamlProblem:
    start, end = quoted
    opener = text[start.index]
    line, col = _at(start)
    end_line, end_col = end.line + 1, end.column  # the closing quote is the character before ``end``
    gave_up = "{}:{}".format(*_at(problem_mark))
    said = problem + (f", {context}" if context else "")
    return YamlProblem(
        "yaml-syntax", f"invalid YAML: the {_QUOTE_NAMES[opener]} string opened here is not closed where it "
        f"should be: the reader ran it on to the {opener} at {end_line}:{end_col} and gave up at {gave_up} ({said})",
        line, col, f"add the closing {opener} where the string ends (a string goes on over the next line only if "
        f"that line is indented beneath it); {_INNER_QUOTE[opener]}")


def _within(problem: YamlProblem, text: str) -> YamlProblem:
    """``problem`` at a line the file has and a column of that line (at most just past its last character)."""
    rows = re.split(r"\r\n|\r|\n", text)
    if len(rows) > 1 and rows[-1] == "":
        rows.pop()  # the break that ends the last line starts no line of its own
    line = min(max(problem.line, 1), len(rows))
    col = min(max(problem.col, 1), len(rows[line - 1]) + 1)
    if line != problem.line or col != problem.col:
        problem.line, problem.col = line, col
    return problem


def _refuse(rule: str, message: str, mark: Any, hint: str | None = None) -> YamlProblem:
    line, col = _at(mark)
    return YamlProblem(rule, message, line, col, hint)


class _TreeBuilder:
    """Builds the document's tree and the position of every key and value, refusing what drafts must not use."""

    def __init__(self) -> None:
        self.positions = Positions()
        # Each frame: [container, path, pending_key or None]
        self.stack: list[list[Any]] = []
        self.root: Any = None
        self.documents = 0
        self.nodes = 0
        self.key_count = 0
        self.last_quoted: tuple[Any, Any] | None = None
        self.open_flow: list[Any] = []  # where each open '[' or '{' starts, innermost last (None for a block)

    def start_document(self, event: Any) -> None:
        self.documents += 1
        if self.documents > 1:
            raise _refuse("yaml-multi-document", "a draft file holds exactly one YAML document",
                          event.start_mark, "split the documents into separate files")

    def scalar(self, event: Any) -> None:
        if event.anchor is not None:
            raise _refuse("yaml-anchor", f"anchor '&{event.anchor}' is not allowed in drafts", event.start_mark,
                          "write the value out in full")
        if event.tag is not None and event.tag not in _ALLOWED_TAGS:
            raise _refuse("yaml-tag", f"YAML tag '{event.tag}' is not allowed in drafts", event.start_mark,
                          "remove the tag; drafts hold plain text, numbers and lists only")
        if event.style in _QUOTE_NAMES and event.end_mark.line != event.start_mark.line:
            self.last_quoted = (event.start_mark, event.end_mark)  # a missing closing quote shows as one
        plain = event.implicit[0] and event.style in (None, "")
        value = plain_scalar(event.value) if plain else event.value
        self.place(value, event.start_mark, True)

    def open(self, event: Any, mapping: bool) -> None:
        """A mapping or a list begins: place it, then fill it until :meth:`close`."""
        stack = self.stack
        if event.anchor is not None:
            raise _refuse("yaml-anchor", f"anchor '&{event.anchor}' is not allowed in drafts", event.start_mark,
                          "write the value out in full")
        if event.tag is not None and not event.implicit:
            raise _refuse("yaml-tag", f"YAML tag '{event.tag}' is not allowed in drafts", event.start_mark,
                          "remove the tag")
        if len(stack) >= MAX_DEPTH:
            raise _refuse("yaml-depth", f"nesting deeper than {MAX_DEPTH} levels", event.start_mark,
                          "drafts need about six levels; flatten the structure")
        container: Any = {} if mapping else []
        if stack and isinstance(stack[-1][0], dict) and stack[-1][2] is None:
            raise _refuse("yaml-complex-key", "a mapping key must be a plain word, not a list or mapping",
                          event.start_mark)
        parent_path: Path = ()
        if stack:
            frame = stack[-1]
            parent_path = frame[1] + ((len(frame[0]),) if isinstance(frame[0], list) else (frame[2],))
        self.place(container, event.start_mark, False)
        stack.append([container, parent_path, None])
        self.open_flow.append(event.start_mark if event.flow_style else None)

    def close(self, event: Any = None) -> None:
        self.stack.pop()
        self.open_flow.pop()

    def place(self, value: Any, mark: Any, is_scalar_key_candidate: bool) -> bool:
        """Put ``value`` into the open container; True when it was consumed as a key."""
        self.nodes += 1
        if self.nodes > MAX_NODES:
            raise _refuse("yaml-too-many-nodes", f"the document holds more than {MAX_NODES:,} values", mark,
                          "a draft holds a few thousand values at most; split the file")
        values = self.positions.values
        if not self.stack:
            self.root = value
            values[()] = _at(mark)
            return False
        frame = self.stack[-1]
        container, path = frame[0], frame[1]
        if isinstance(container, list):
            child = path + (len(container),)
            container.append(value)
            values[child] = _at(mark)
            return False
        if frame[2] is None:
            if not is_scalar_key_candidate:
                raise _refuse("yaml-complex-key", "a mapping key must be a plain word, not a list or mapping", mark)
            self._take_key(frame, value, mark)
            return True
        key = frame[2]
        container[key] = value
        values[path + (key,)] = _at(mark)
        frame[2] = None
        return False

    def _take_key(self, frame: list[Any], value: Any, mark: Any) -> None:
        """``value`` is the next key of the mapping in ``frame``: refuse merge keys, duplicates and excess."""
        container, path = frame[0], frame[1]
        key = value
        if not isinstance(key, str):
            key = "null" if key is None else str(key).lower() if isinstance(key, bool) else str(key)
        if key == "<<":
            raise _refuse("yaml-merge-key", "merge keys ('<<') are not allowed in drafts", mark,
                          "write the keys out in full")
        keys = self.positions.keys
        if key in container:
            first = keys[path + (key,)]
            raise _refuse("yaml-duplicate-key", f"duplicate key '{key}' (first defined at line {first[0]})", mark,
                          "remove one of the two entries")
        self.key_count += 1
        if self.key_count > MAX_KEYS:
            raise _refuse("yaml-too-many-keys", f"the document holds more than {MAX_KEYS:,} keys", mark,
                          "a draft holds a few thousand keys at most; split the file")
        frame[2] = key
        keys[path + (key,)] = _at(mark)
