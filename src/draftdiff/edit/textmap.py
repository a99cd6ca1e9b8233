"""Where each value of a YAML text sits, line by line, and where its comments are.

The write path compares the file before and after an edit line by line; this map
says which lines an edit may touch (the lines of the values it changes) and which
``#`` starts a comment rather than sitting inside a quoted or block text. It reads
libyaml's event stream (fast, C), the same parser the project's reader uses.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Any

Path = tuple[str | int, ...]


@dataclass
class TextMap:
    """Line spans (0-based, inclusive) of every node, the comments, and each quoted scalar's spelling."""

    spans: dict[Path, tuple[int, int]] = field(default_factory=dict)
    comments: list[tuple[int, str]] = field(default_factory=list)
    spellings: list[str] = field(default_factory=list)
    flows: set[Path] = field(default_factory=set)
    """Collections written in flow style (``[a, b]``, ``{k: v}``)."""
    content_start: int = 0
    """The first line that holds data (the head comment block ends before it)."""


def map_text(text: str) -> TextMap:
    """Map ``text`` (LF line endings); raise ruamel's YAMLError for text that does not parse."""
    from _ruamel_yaml import (
        CParser,
        MappingEndEvent,
        MappingStartEvent,
        ScalarEvent,
        SequenceEndEvent,
        SequenceStartEvent,
    )

    starts = [0]
    for match in re.finditer("\n", text):
        starts.append(match.end())
    result = TextMap()
    spans = result.spans
    scalars: list[tuple[int, int]] = []  # character ranges of scalars, where '#' is not a comment
    # frame: [is_mapping, path, pending key, key line, next index, first line, last line]
    stack: list[list[Any]] = []
    first_line: int | None = None

    def offset(mark: Any) -> int:
        if mark.line >= len(starts):  # the end of a text without a final newline
            return len(text)
        return min(starts[mark.line] + mark.column, len(text))

    def last_line(mark: Any, block: bool) -> int:
        line = mark.line
        if block and mark.column == 0 and line > 0:
            line -= 1
            while line > 0 and not text[starts[line]:starts[line + 1] if line + 1 < len(starts) else None].strip():
                line -= 1
        return line

    def child_path(event_line: int) -> tuple[Path, int]:
        frame = stack[-1]
        if frame[0]:
            return frame[1] + (frame[2],), frame[3]
        index = frame[4]
        frame[4] += 1
        return frame[1] + (index,), event_line

    def finished(path: Path, begin: int, end: int) -> None:
        spans[path] = (begin, end)
        if stack:
            frame = stack[-1]
            if end > frame[6]:
                frame[6] = end
            if frame[0]:
                frame[2] = None

    parser = CParser(text)
    while True:
        event = parser.get_event()
        if event is None:
            break
        kind = type(event)
        if kind is ScalarEvent:
            start_mark = event.start_mark
            start, end = offset(start_mark), offset(event.end_mark)
            scalars.append((start, end))
            style = event.style
            if style == '"' or style == "'":
                result.spellings.append(" ".join(text[start:end].split()))
            if first_line is None:
                first_line = start_mark.line
            last = last_line(event.end_mark, style == "|" or style == ">")
            if not stack:
                spans[()] = (start_mark.line, last)
                continue
            frame = stack[-1]
            if frame[0] and frame[2] is None:  # a key
                frame[2] = event.value
                frame[3] = start_mark.line
                continue
            path, begin = child_path(start_mark.line)
            finished(path, begin, last)
        elif kind is MappingStartEvent or kind is SequenceStartEvent:
            line = event.start_mark.line
            if first_line is None:
                first_line = line
            path, begin = child_path(line) if stack else ((), line)
            if event.flow_style:
                result.flows.add(path)
            stack.append([kind is MappingStartEvent, path, None, None, 0, begin, begin])
        elif kind is MappingEndEvent or kind is SequenceEndEvent:
            frame = stack.pop()
            end = frame[6]
            at = offset(event.end_mark)
            if at > 0 and text[at - 1] in "]}":  # a flow collection ends on its bracket
                end = max(end, event.end_mark.line)
            finished(frame[1], frame[5], end)
    result.content_start = first_line or 0
    result.comments = _comments(text, starts, scalars)
    return result


def _comments(text: str, starts: list[int], scalars: list[tuple[int, int]]) -> list[tuple[int, str]]:
    scalars.sort()
    begins = [s for s, _ in scalars]
    found: list[tuple[int, str]] = []
    for match in re.finditer(r"(?:^|(?<=[ \t]))#[^\n]*", text, re.M):
        at = match.start()
        i = bisect_right(begins, at) - 1
        if i >= 0 and scalars[i][0] <= at < scalars[i][1]:
            continue
        line = bisect_right(starts, at) - 1
        found.append((line, match.group().rstrip()))
    return found
