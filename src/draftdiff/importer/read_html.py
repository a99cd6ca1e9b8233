"""A saved web page: its visible text, one block (paragraph, heading, list item, table row) at a time.

Read with the standard library's ``html.parser``: it is a real tokenizer
(entities, comments, CDATA, unclosed tags) that never fails on broken markup
and needs no dependency, and the structure step needs the sequence of blocks
with their heading levels, not a tree. Scripts, styles, navigation, forms and
footers are not the text; when the page marks its main content (``<main>``,
``role="main"``) only that is read, so a news site's menus stay out.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from draftdiff.importer.formats import Line, SourceText, clean

_BLOCKS = frozenset(["address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details",
                     "dialog", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1",
                     "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre",
                     "section", "summary", "table", "tbody", "thead", "tfoot", "tr", "ul"])
_SKIP = frozenset(["script", "style", "noscript", "template", "svg", "nav", "aside", "form", "select", "button",
                   "iframe", "object", "head", "footer", "textarea", "math"])
_VOID = frozenset(["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
                   "source", "track", "wbr"])
_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]+)", re.IGNORECASE)
_SPACE = re.compile(r"[ \t\n\r\f\v]+")


def declared_charset(data: bytes) -> str | None:
    """The charset a page declares in a ``<meta>`` near its start, if any."""
    found = _CHARSET.search(data[:4096])
    return found.group(1).decode("ascii", "replace") if found else None


class _Blocks(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[tuple[str, int | None, int, bool, bool]] = []
        """(text, heading level, line, inside main content, after a line break rather than a new block)"""
        self._soft = False
        self._parts: list[str] = []
        self._level: int | None = None
        self._line = 1
        self._skip: list[str] = []
        self._main_depth: list[str] = []
        self._pre = 0
        self.has_main = False

    def _flush(self) -> None:
        text = "".join(self._parts)
        if not self._pre:
            text = _SPACE.sub(" ", text)
        for k, piece in enumerate(text.split("\n")):
            piece = piece.strip() if not self._pre else piece.rstrip()
            if piece:
                self.blocks.append((piece, self._level, self._line + (k if self._pre else 0),
                                    bool(self._main_depth), self._soft or (k > 0 and bool(self._pre))))
                self._soft = False
        self._parts = []
        self._level = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self._skip:
            if tag not in _VOID:
                self._skip.append(tag)
            return
        if tag in _SKIP:
            if tag not in _VOID:
                self._skip.append(tag)
            return
        if tag == "main" or dict(attrs).get("role") == "main":
            self.has_main = True
            self._flush()
            self._main_depth.append(tag)
        if tag == "br":
            if self._pre:
                self._parts.append("\n")
            else:
                self._flush_line_break()
            return
        if tag in ("td", "th"):
            if self._parts and "".join(self._parts).strip():
                self._parts.append("\t")
            return
        if tag in _BLOCKS:
            self._flush()
            self._soft = False
            self._line = self.getpos()[0]
            if len(tag) == 2 and tag[0] == "h" and tag[1].isdigit():
                self._level = int(tag[1])
            if tag == "pre":
                self._pre += 1

    def _flush_line_break(self) -> None:
        level, had_text = self._level, "".join(self._parts).strip()
        self._flush()
        self._level = level
        self._soft = bool(had_text)
        self._line = self.getpos()[0]

    def handle_endtag(self, tag: str) -> None:
        if self._skip:
            if tag == self._skip[-1]:
                self._skip.pop()
            elif tag in self._skip:
                while self._skip and self._skip.pop() != tag:
                    pass
            return
        if tag in _BLOCKS or tag == "main":
            self._flush()
            self._line = self.getpos()[0]
            if tag == "pre" and self._pre:
                self._pre -= 1
        if self._main_depth and tag == self._main_depth[-1]:
            self._main_depth.pop()

    def handle_data(self, data: str) -> None:
        if self._skip:
            return
        if not self._parts or not "".join(self._parts).strip():
            self._line = self.getpos()[0]
        self._parts.append(data)


def read_html(text: str, name: str, digest: str) -> SourceText:
    parser = _Blocks()
    parser.feed(text)
    parser.close()
    parser._flush()
    blocks = parser.blocks
    if parser.has_main and any(b[3] for b in blocks):
        blocks = [b for b in blocks if b[3]]
    warnings: list[str] = []
    lines: list[Line] = []
    for block, level, line, _, soft in blocks:
        if lines and not soft:
            lines.append(Line("", None, line))
        lines.append(Line(clean(block.replace("\u00a0", " "), warnings, f"{name}:{line}"), level, line))
    return SourceText(name, "html", lines, digest, warnings=warnings)
