"""Outside text made inert in Markdown: shown literally, never interpreted.

``[bracketed negotiation text]`` would become a link, ``*`` emphasis, ``<b>``
HTML and a leading ``#`` a heading; control characters could reach a terminal
that displays the file. Every Markdown renderer escapes through here.
"""

from __future__ import annotations

import html
import re

from draftdiff.textsafe import visible

_SPECIAL = re.compile(r"([\\`*_{}\[\]<>|~#!])")
_LINE_START = re.compile(r"(?m)^(\s*)([-+=]|\d+[.)])")
_BREAKS = re.compile(r"\s*[\r\n]+\s*")


def block(text: str | None) -> str:
    """Escape text that keeps its line breaks (a paragraph, a redline run)."""
    if not text:
        return ""
    out = _SPECIAL.sub(r"\\\1", html.escape(visible(text), quote=False))
    return _LINE_START.sub(lambda m: m.group(1) + "\\" + m.group(2), out)


def inline(text: str | None) -> str:
    """Escape text for one line or a table cell: line breaks become spaces."""
    if not text:
        return ""
    return _SPECIAL.sub(r"\\\1", html.escape(_BREAKS.sub(" ", visible(text)), quote=False))
