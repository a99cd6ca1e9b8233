"""Plain text and Markdown: one line of the file is one line of the text.

Markdown keeps its words and drops only its markup: heading marks (which
become heading levels), emphasis, link targets and backslash escapes. A
bracket that is not a link (``[the Parties shall]``) is negotiating text and
stays as it is.
"""

from __future__ import annotations

import re

from draftdiff.importer.formats import Line, SourceText, clean, needs_cleaning

_ATX = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$")
_SETEXT = re.compile(r"^ {0,3}(=+|-+)[ \t]*$")
_RULE = re.compile(r"^ {0,3}(?:(?:\*[ \t]*){3,}|(?:_[ \t]*){3,}|(?:-[ \t]*){3,})$")
_FENCE = re.compile(r"^ {0,3}(```|~~~)")
_LINK = re.compile(r"!?\[([^\[\]\n]*)\]\((?:[^()\s]|\([^()\s]*\))*(?:\s+\"[^\"]*\")?\)")
_EMPHASIS = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1|(?<![\w*])\*(?=\S)([^*\n]+?)(?<=\S)\*(?![\w*])"
                       r"|(?<![\w_])_(?=\S)([^_\n]+?)(?<=\S)_(?![\w_])")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!>|~])")
_QUOTE = re.compile(r"^ {0,3}> ?")
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)


def _lines(text: str) -> list[str]:
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n").split("\n")


def read_plain(text: str, name: str, digest: str) -> SourceText:
    warnings: list[str] = []
    raw = _lines(text)
    if not needs_cleaning(text):  # nothing to remove on any line: one scan, not one per line
        lines = [Line(row.rstrip(), None, n) for n, row in enumerate(raw, 1)]
    else:
        lines = [Line(clean(row.rstrip(), warnings, f"{name}:{n}"), None, n) for n, row in enumerate(raw, 1)]
    return SourceText(name, "text", lines, digest, warnings=warnings)


def inline(text: str) -> str:
    """A Markdown line's words without its inline markup."""
    if "](" in text:
        text = _LINK.sub(r"\1", text)
    if "*" in text or "_" in text:
        previous = None
        while previous != text:  # nested emphasis (***x***) comes off one layer at a time
            previous = text
            text = _EMPHASIS.sub(lambda m: m.group(2) or m.group(3) or m.group(4) or "", text)
    if "\\" in text:
        text = _ESCAPE.sub(r"\1", text)
    return text


def read_markdown(text: str, name: str, digest: str) -> SourceText:
    warnings: list[str] = []
    if "<!--" in text:
        text = _COMMENT.sub(lambda m: "\n" * m.group(0).count("\n"), text)
    raw = _lines(text)
    lines: list[Line] = []
    fence: str | None = None
    for n, source in enumerate(raw, 1):
        row = clean(source.rstrip(), warnings, f"{name}:{n}")
        if fence is not None:
            if row.lstrip().startswith(fence):
                fence = None
                lines.append(Line("", None, n))
            else:
                lines.append(Line(row, None, n))
            continue
        opened = _FENCE.match(row)
        if opened:
            fence = opened.group(1)
            lines.append(Line("", None, n))
            continue
        row = _QUOTE.sub("", row)
        atx = _ATX.match(row)
        if atx:
            lines.append(Line(inline(atx.group(2) or ""), len(atx.group(1)), n))
            continue
        underline = _SETEXT.match(row)
        if underline and lines and lines[-1].text.strip() and lines[-1].level is None \
                and not _RULE.match(lines[-1].text):
            lines[-1] = Line(lines[-1].text.strip(), 1 if underline.group(1)[0] == "=" else 2, lines[-1].where)
            lines.append(Line("", None, n))
            continue
        if _RULE.match(row):
            lines.append(Line("", None, n))
            continue
        lines.append(Line(inline(row), None, n))
    return SourceText(name, "markdown", lines, digest, warnings=warnings)
