"""Read a tracked-changes .docx back as a person deciding every change would see it.

Walks python-docx's paragraphs and their WordprocessingML: runs inside ``w:ins`` count when
accepting, the ``w:delText`` of runs inside ``w:del`` when rejecting; a paragraph whose mark
(``w:pPr/w:rPr/w:ins|w:del``) goes away under the decision is joined to the next one.
"""

from __future__ import annotations

import io
from typing import Any

import docx

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _texts(element: Any, tag: str) -> str:
    return "".join(t.text or "" for t in element.iter(f"{W}{tag}"))


def _inline(child: Any, accept: bool) -> str:
    if child.tag == f"{W}r":
        return _texts(child, "t")
    if child.tag == f"{W}ins":
        return _texts(child, "t") if accept else ""
    if child.tag == f"{W}del":
        return "" if accept else _texts(child, "delText")
    return ""


def decided(data: bytes, accept: bool) -> list[tuple[str, str]]:
    """``(style name, text)`` of every paragraph once all changes are accepted (or rejected)."""
    document = docx.Document(io.BytesIO(data))
    out: list[tuple[str, str]] = []
    pending: tuple[str, str] | None = None
    for paragraph in document.paragraphs:
        text = "".join(_inline(child, accept) for child in paragraph._p)
        style = paragraph.style.name
        if pending is not None:
            style, text = pending[0], pending[1] + text
            pending = None
        mark = paragraph._p.find(f"{W}pPr/{W}rPr")
        inserted = mark is not None and mark.find(f"{W}ins") is not None
        deleted = mark is not None and mark.find(f"{W}del") is not None
        if (inserted and not accept) or (deleted and accept):
            pending = (style, text)
            continue
        out.append((style, text))
    if pending is not None:
        out.append(pending)
    return out


def sections(paragraphs: list[tuple[str, str]], style: str = "Draft Text") -> dict[str, str]:
    """Heading 2 text → its ``style`` paragraphs joined by newlines (the wording under that heading)."""
    out: dict[str, list[str]] = {}
    current = None
    for name, text in paragraphs:
        if name.startswith("Heading"):
            current = text if name == "Heading 2" else None
            if current is not None:
                out[current] = []
        elif current is not None and name == style:
            out[current].append(text)
    return {k: "\n".join(v) for k, v in out.items()}


def revisions(data: bytes) -> list[Any]:
    """Every ``w:ins`` and ``w:del`` element of the body, in document order."""
    document = docx.Document(io.BytesIO(data))
    body = document.element.body
    return [e for e in body.iter() if e.tag in (f"{W}ins", f"{W}del")]
