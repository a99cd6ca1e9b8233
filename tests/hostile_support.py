"""Hostile input for the standing safety suite: spellings to inject, and oracles that judge any output.

The oracles are independent of :mod:`draftdiff.textsafe` (they ask the Unicode
database, not the policy under test), so a character the policy forgot is caught.
"""

from __future__ import annotations

import unicodedata
from functools import cache
from typing import Any

CONTROL_ESCAPES = ("\\e[2J\\e[H", "\\x07", "\\x9b", "\\0", "\\N", "\\r", "\\x7f", "\\b", "\\a", "\\v", "\\f",
                   "\\x1b]8;;http://evil.example\\x07link\\x1b]8;;\\x07", "\\u0085", "\\U0000001b")
"""Control characters spelled as YAML double-quoted escapes: each must be refused."""

HIDDEN_ESCAPES = ("\\u202e", "\\u202a", "\\u2066", "\\u2069", "\\u061c", "\\u200e", "\\u200f", "\\u200b",
                  "\\u2060", "\\ufeff", "\\u00ad", "\\U000e0041", "\\L", "\\P", "\\u0600")
"""Bidirectional controls and invisible marks spelled as escapes: each is a warning, shown escaped."""

HIDDEN_RAW = ("\u202e", "\u2067", "\u061c", "\u200f", "\u200d", "\U000e0067")

LINK_MAKERS = ("https://evil.example/x", "www.evil.example", "evil.example.com", "mailto:a@evil.example",
               "a@evil.example", "<http://evil.example>", "[click](http://evil.example)",
               "![pixel](http://evil.example/p.png)", "<img src=x onerror=alert(1)>", "&lt;b&gt;", "&#60;a&#62;",
               "\\\\<http://evil.example\\\\>", "[ref]: http://evil.example", "//evil.example", "ftp://evil.example",
               "http:&#x2F;&#x2F;evil.example", "www&#46;evil&#46;example", "<!-- x -->", "`code`", "*em* __strong__",
               "# heading", "| a | b |", "1. item", "- item", "> quote", "~~~", "```")
"""Text that Markdown (CommonMark + GFM, linkify) would turn into links, images, HTML or structure."""

FORMULAS = ("=HYPERLINK(\\\"http://evil.example\\\",\\\"x\\\")", "+1+1", "-2+3", "@SUM(A1:A2)", "\\t=1", " =1",
            "\uff1d1+1")
"""Cell openings a spreadsheet would run (OWASP's list, and a leading space, and the full-width sign)."""


def unsafe_chars(text: str, *, crlf_ok: bool = False) -> list[str]:
    """Every raw control (C0/C1 but tab and line feed), format character or line/paragraph separator in ``text``."""
    found = []
    for i, ch in enumerate(text):
        if ch in "\t\n":
            continue
        if ch == "\r" and crlf_ok and text[i + 1:i + 2] == "\n":
            continue
        if unicodedata.category(ch) in ("Cc", "Cf", "Zl", "Zp", "Cs") or ch in "\u034f\u115f\u1160\u3164\uffa0":
            found.append(f"U+{ord(ch):04X}")
    return found


def output_text(path: Any) -> str:
    """What a file written by ``-o`` says: its text, or for a .docx the XML of its document and comments."""
    import zipfile

    if str(path).endswith(".docx"):
        with zipfile.ZipFile(path) as package:
            return "".join(package.read(name).decode("utf-8") for name in package.namelist()
                           if name.startswith("word/") and name.endswith(".xml"))
    return str(path.read_text(encoding="utf-8"))


@cache
def _markdown() -> Any:
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark", {"linkify": True, "html": True}).enable(["linkify", "table", "strikethrough"])


def markdown_links(text: str) -> list[tuple[str, str]]:
    """Every link, image, raw HTML and autolink a CommonMark + GFM-like parser with linkify finds in ``text``."""
    found: list[tuple[str, str]] = []

    def walk(tokens: list[Any]) -> None:
        for t in tokens:
            if t.type in ("link_open", "image"):
                found.append((t.type, str(t.attrs.get("href") or t.attrs.get("src") or "")))
            elif t.type in ("html_inline", "html_block"):
                found.append((t.type, t.content))
            if t.children:
                walk(t.children)

    walk(_markdown().parse(text))
    return found


HOSTILE_DRAFT = """\
schema_version: 1
agreement: test-peace
id: {id}
title: "Title {x}"
date: {date}
kind: proposal
proposed_by: alpha
{based_on}stage: negotiating
parties: [alpha, beta]
summary: "Summary {x}"
sources:
  - id: src-1
    title: "Source {x}"
    publisher: "Publisher {x}"
    author: "Author {x}"
    date: 2024-01-05
    url: https://example.org/statement
    quote: "Quote {x}"
articles:
  - id: recognition
    number: 1
    title: "{x}"
    status: {status}
    status_basis: reported
    status_note: "{x}"
    text: "The Parties recognize {x} each other's sovereignty {words}."
    text_basis: summary
    sources: [src-1]
  - id: third-party-forces
    number: 2
    title: "Forces {x}"
    status: disputed
    status_basis: inferred
    status_note: "Inferred {x}"
    positions:
      alpha: {{text: "Ban {x} along the border", basis: summary, sources: [src-1]}}
      beta: {{text: "Ban {x} only on delimited sections", basis: summary, sources: [src-1]}}
preconditions:
  - id: constitution
    party: beta
    kind: precondition
    demand: "Demand {x}"
    status: open
    status_note: "Open {x}"
    sources: [src-1]
claimed_counts:
  - total: 2
    speaker: "Speaker {x}"
    date: 2024-01-04
    source: src-1
    notes: "Claim {x}"
"""


def hostile_draft(x: str, *, id: str = "d-1", date: str = "2024-01-04", based_on: str | None = None,
                  status: str = "partial", words: str = "") -> str:
    """A valid draft whose every free-text field holds ``x`` (YAML double-quoted escape spelling)."""
    line = f"based_on: {based_on}\n" if based_on else ""
    return HOSTILE_DRAFT.format(x=x, id=id, date=date, based_on=line, status=status, words=words)
