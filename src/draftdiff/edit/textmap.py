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
    from draftdiff.yamlsource import feed_events

    mapper = _Mapper(text)
    feed_events(text, mapper)
    return mapper.done()


class _Mapper:
    """Follows the parser's events and notes each value's line span, the quoted spellings and the flow styles.

    A frame of the stack is ``[is_mapping, path, pending key, key line, next index, first line, last line]``.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts = [0] + [match.end() for match in re.finditer("\n", text)]
        self.result = TextMap()
        self.scalars: list[tuple[int, int]] = []  # character ranges of scalars, where '#' is not a comment
        self.stack: list[list[Any]] = []
        self.first_line: int | None = None

    def offset(self, mark: Any) -> int:
        if mark.line >= len(self.starts):  # the end of a text without a final newline
            return len(self.text)
        return min(self.starts[mark.line] + mark.column, len(self.text))

    def last_line(self, mark: Any, block: bool) -> int:
        line, starts, text = mark.line, self.starts, self.text
        if block and mark.column == 0 and line > 0:
            line -= 1
            while line > 0 and not text[starts[line]:starts[line + 1] if line + 1 < len(starts) else None].strip():
                line -= 1
        return line

    def child_path(self, event_line: int) -> tuple[Path, int]:
        frame = self.stack[-1]
        if frame[0]:
            return frame[1] + (frame[2],), frame[3]
        index = frame[4]
        frame[4] += 1
        return frame[1] + (index,), event_line

    def finished(self, path: Path, begin: int, end: int) -> None:
        self.result.spans[path] = (begin, end)
        if self.stack:
            frame = self.stack[-1]
            if end > frame[6]:
                frame[6] = end
            if frame[0]:
                frame[2] = None

    def scalar(self, event: Any) -> None:
        start_mark = event.start_mark
        start, end = self.offset(start_mark), self.offset(event.end_mark)
        self.scalars.append((start, end))
        style = event.style
        if style == '"' or style == "'":
            self.result.spellings.append(" ".join(self.text[start:end].split()))
        if self.first_line is None:
            self.first_line = start_mark.line
        last = self.last_line(event.end_mark, style == "|" or style == ">")
        if not self.stack:
            self.result.spans[()] = (start_mark.line, last)
            return
        frame = self.stack[-1]
        if frame[0] and frame[2] is None:  # a key
            frame[2] = event.value
            frame[3] = start_mark.line
            return
        path, begin = self.child_path(start_mark.line)
        self.finished(path, begin, last)

    def open(self, event: Any, mapping: bool) -> None:
        line = event.start_mark.line
        if self.first_line is None:
            self.first_line = line
        path, begin = self.child_path(line) if self.stack else ((), line)
        if event.flow_style:
            self.result.flows.add(path)
        self.stack.append([mapping, path, None, None, 0, begin, begin])

    def close(self, event: Any) -> None:
        frame = self.stack.pop()
        end = frame[6]
        at = self.offset(event.end_mark)
        if at > 0 and self.text[at - 1] in "]}":  # a flow collection ends on its bracket
            end = max(end, event.end_mark.line)
        self.finished(frame[1], frame[5], end)

    def done(self) -> TextMap:
        self.result.content_start = self.first_line or 0
        self.result.comments = _comments(self.text, self.starts, self.scalars)
        return self.result


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
