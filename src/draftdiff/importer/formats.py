"""Which format a file is, and its text as lines: the common ground every reader hands to the structure step.

A format is decided by the file's first bytes before its name: a "draft.docx"
that is really a password-protected Word file (an OLE container, not a zip)
gets a message that says so, not a parser's traceback.
"""

from __future__ import annotations

import codecs
import hashlib
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from draftdiff.errors import CouldNotRun, Hint

FORMATS = ("text", "markdown", "html", "docx")

MAX_BYTES = 64 * 1024 * 1024
"""Larger inputs are refused: a draft file holds at most 8 MiB, and a text that large is not one agreement."""

_SUFFIXES = {".txt": "text", ".text": "text", ".md": "markdown", ".markdown": "markdown", ".html": "html",
             ".htm": "html", ".xhtml": "html", ".docx": "docx"}
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b\u202a-\u202e\u2066-\u2069\ufeff]")
"""Characters a draft file may not hold or that hide text (bidirectional overrides); tabs and line breaks stay."""


class ImportProblem(CouldNotRun):
    """The text cannot be imported as it is; ``hint`` says what to do, ``setting`` which input is at fault."""

    def __init__(self, message: str, hint: str | Hint | None = None, *, setting: str | None = None) -> None:
        super().__init__(message, setting=setting, hint=hint)
        self.message = message


@dataclass(frozen=True)
class Line:
    """One line of the text, blank lines included (they separate paragraphs)."""

    text: str
    level: int | None = None
    """Heading level when the format marks one (``<h2>``, Word's "Heading 2", ``##``)."""
    where: int = 0
    """Line in the file (text, Markdown, HTML) or paragraph (Word), for messages."""


@dataclass
class SourceText:
    """A file read as lines, with what the reader had to leave out or change."""

    name: str
    format: str
    lines: list[Line]
    sha256: str
    unit: str = "line"
    """What ``Line.where`` counts: ``line`` or ``paragraph``."""
    warnings: list[str] = field(default_factory=list)
    auto_numbered: int = 0
    """Word paragraphs numbered by a list style: their numbers ("Article 3") are not in the text."""

    def at(self, line: Line) -> str:
        """``file:12`` or ``file: paragraph 12`` for messages."""
        return f"{self.name}:{line.where}" if self.unit == "line" else f"{self.name}: paragraph {line.where}"


def detect_format(path: Path, data: bytes) -> str:
    """The format from the file's first bytes, then its name; refuse what no reader here can open."""
    name = path.name
    if data.startswith(_OLE):
        if "EncryptionInfo".encode("utf-16-le") in data[:1 << 20] or b"E\x00n\x00c\x00r\x00y\x00p\x00t" in data:
            raise ImportProblem(f"{name}: a password-protected (encrypted) Office file; it cannot be read without "
                                "the password",
                                "open it in Word with the password, remove the protection (File › Info › Protect "
                                "Document › Encrypt with Password, empty), save as .docx and import that file")
        raise ImportProblem(f"{name}: an old Word 97–2003 document (.doc) or another OLE file, not .docx",
                            "open it in Word or LibreOffice, save it as .docx (or plain text) and import that file")
    if data.startswith(b"%PDF"):
        raise ImportProblem(f"{name}: a PDF; draftdiff reads text, Markdown, Word (.docx) and HTML",
                            "save or export the PDF as text or .docx (check the text afterwards: PDF extraction "
                            "often breaks lines and words)")
    if data.startswith(b"PK\x03\x04"):
        return "docx"
    suffix = _SUFFIXES.get(path.suffix.lower())
    if suffix == "docx":
        raise ImportProblem(f"{name}: named .docx but not a Word file (it is not a zip archive)",
                            "check that the download completed; a .docx saved from a browser error page is HTML")
    if suffix is not None:
        return suffix
    head = data[:2048].lstrip().lower()
    if head.startswith((b"<!doctype html", b"<html")) or b"<body" in head:
        return "html"
    return "text"


def decode(data: bytes, name: str, encoding: str | None, declared: str | None = None) -> str:
    """Text from bytes: a BOM, then ``encoding`` if given, the page's declared charset, else UTF-8."""
    for bom, codec in ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
                       (codecs.BOM_UTF16_BE, "utf-16-be")):
        if data.startswith(bom):
            data, encoding = data[len(bom):], encoding or codec
            break
    chosen = encoding or declared or "utf-8"
    try:
        codecs.lookup(chosen)
    except LookupError:
        if encoding:
            raise ImportProblem(f"unknown encoding '{encoding}'", "use a name such as utf-8, cp1251, latin-1",
                                setting="encoding") from None
        chosen = "utf-8"
    try:
        return data.decode(chosen)
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise ImportProblem(f"{name}:{line}: not valid {chosen} (byte {data[exc.start]:#04x})",
                            Hint.coded("save the file as UTF-8, or say which encoding it is in (e.g. cp1251, "
                                       "latin-1)", "encoding")) from None


def needs_cleaning(text: str) -> bool:
    """Whether :func:`clean` would remove anything from ``text`` (or from any part of it)."""
    return _CONTROL.search(text) is not None


def clean(text: str, warnings: list[str], where: str) -> str:
    """Remove characters a draft may not hold (control characters, bidirectional overrides), saying so."""
    if not _CONTROL.search(text):
        return text
    found = len(_CONTROL.findall(text))
    warnings.append(f"{where}: removed {found} control or hidden character{'s' * (found != 1)}")
    return _CONTROL.sub("", text)


def read_source(path: str | Path, fmt: str | None = None, encoding: str | None = None) -> SourceText:
    """Read a file in any supported format; raise :class:`ImportProblem` with a hint when it cannot be read."""
    path = Path(path)
    try:
        if not path.is_file():
            raise ImportProblem(f"{path}: no such file" if not path.exists() else f"{path}: not a regular file")
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise ImportProblem(f"{path}: {size:,} bytes, over the {MAX_BYTES:,}-byte limit for a text to import",
                                "split the text, or import only the part that is the agreement")
        data = path.read_bytes()
    except OSError as exc:
        raise ImportProblem(f"{path}: cannot read ({exc.strerror or exc})") from None
    found = detect_format(path, data)
    if fmt is not None and fmt != found and (found == "docx" or fmt == "docx"):
        raise ImportProblem(f"{path}: is {'a Word file' if found == 'docx' else 'not a Word file'}, not {fmt}",
                            Hint.coded("leave the format out (it is read from the file), or name the right one",
                                       "format-mismatch"), setting="format")
    fmt = fmt or found
    digest = hashlib.sha256(data).hexdigest()
    name = str(path)
    if fmt == "docx":
        from draftdiff.importer.read_docx import read_docx

        return read_docx(data, name, digest)
    if fmt == "html":
        from draftdiff.importer.read_html import declared_charset, read_html

        return read_html(decode(data, name, encoding, declared_charset(data)), name, digest)
    text = decode(data, name, encoding)
    if "\x00" in text:
        raise ImportProblem(f"{path}: holds NUL bytes, so it is not a text file",
                            Hint.coded("name its format, or save the document as text", "format-name"))
    from draftdiff.importer.read_text import read_markdown, read_plain

    return (read_markdown if fmt == "markdown" else read_plain)(text, name, digest)


def zip_member_size(data: bytes, member: str) -> int | None:
    """The unpacked size of a member of a zip archive (None when absent), read before unpacking anything."""
    import io

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return archive.getinfo(member).file_size
    except (KeyError, zipfile.BadZipFile, OSError, ValueError):
        return None
