"""Outside text made inert in Markdown: shown literally, never interpreted.

``[bracketed negotiation text]`` would become a link, ``*`` emphasis, ``<b>``
HTML and a leading ``#`` a heading; a bare ``https://…``, ``www.…``, ``example.org``
or ``name@example.org`` would become a live link in GitHub-flavoured renderers
(autolinks, linkify); control and hidden characters could reach a terminal that
displays the file. Every Markdown renderer escapes through here, so no link,
image, raw HTML or autolink can come from draft text: the dots, colons, slashes
and at-signs that would make one are backslash-escaped, which every CommonMark
renderer shows as the character itself.

Each pattern matches single characters or a bounded run at a line start, so
escaping costs time linear in the text (a run of blank lines once cost
quadratic time in ``^\\s*``, which spans lines).
"""

from __future__ import annotations

import html
import re

from draftdiff.textsafe import visible

_SPECIAL = str.maketrans({c: "\\" + c for c in "\\`*_{}[]<>|~#!@"})
"""Markdown's own syntax (and the at-sign of an e-mail address), escaped by one ``str.translate``."""
_ADDRESS = re.compile(r"\.(?=\w|\\_)|:(?=/)|/(?=/)")
"""The dot, colon and slash of a would-be autolink (``_`` is ``\\_`` by then)."""
_LINE_START = re.compile(r"(?m)^([ \t]*)([-+=]|\d+[.)])")
_SPACES = re.compile(r"(\s+)")


def block(text: str | None) -> str:
    """Escape text that keeps its line breaks (a paragraph, a redline run)."""
    if not text:
        return ""
    out = _escape(html.escape(visible(text), quote=False))
    return _LINE_START.sub(lambda m: m.group(1) + "\\" + m.group(2), out)


def inline(text: str | None) -> str:
    """Escape text for one line or a table cell: line breaks (with the spaces around them) become one space."""
    if not text:
        return ""
    return _escape(html.escape(visible(one_line(text)), quote=False))


def _escape(text: str) -> str:
    return _ADDRESS.sub(r"\\\g<0>", text.translate(_SPECIAL))


def one_line(text: str) -> str:
    """Every run of white space that holds a line break becomes one space (in one linear pass)."""
    if "\n" not in text and "\r" not in text:
        return text
    return "".join(" " if ("\n" in part or "\r" in part) and part.isspace() else part
                   for part in _SPACES.split(text))
