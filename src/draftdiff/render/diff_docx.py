"""A draft diff as a Word document whose changes are real tracked changes (``w:ins`` / ``w:del``).

A lawyer opens it in Word or LibreOffice and accepts or rejects each change;
accepting all gives the new draft's wording, rejecting all the old one. Every
change carries the new version's proposing party as author and its date.

python-docx writes the package (content types, relationships, styles, core
properties) and the paragraphs; it has no API for revisions, so the few
WordprocessingML elements it lacks are built through its oxml layer:
``w:ins`` and ``w:del`` around runs, ``w:delText`` for deleted wording, and
``w:ins``/``w:del`` in a paragraph mark's ``w:rPr`` where a line break itself
was inserted or deleted (each ``\\n`` of a text is a paragraph, so both texts
come back line for line). Revision ids are numbered from 1 in document order.

What draftdiff says about the changes (headings, the kinds of change) is plain
text, the same whichever way the changes are decided. Outside text goes
through ``textsafe.visible``: XML cannot hold control characters, and a
direction override must not reorder what the lawyer reads. The zip is written
with fixed member dates (the new version's date), so the same drafts give the
same bytes.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Sequence
from typing import Any

from draftdiff.diff import phrases as ev
from draftdiff.diff import result as r
from draftdiff.diff.result import (
    ArticleChange,
    ClaimChange,
    DraftDiff,
    FieldChange,
    PreconditionChange,
    Segment,
    SourceChange,
)
from draftdiff.render.diff_common import ident_of, kind_phrases, number_text, summary_line
from draftdiff.textsafe import visible
from draftdiff.vocab import change_label

TEXT_STYLE = "Draft Text"
"""The paragraph style of an article's or a demand's wording, so a reader (or a test) can tell the
drafts' text from draftdiff's own words."""
RECORD_STYLE = "Draft Record"
"""The style of a labelled line of the record: a status, a basis, a party's position, the sources."""


def _party(slug: str) -> str:
    return slug.replace("-", " ").replace("_", " ").title()


class _Writer:
    """One document being written: the revision author, date and the next revision id."""

    def __init__(self, diff: DraftDiff) -> None:
        import docx
        from docx.enum.style import WD_STYLE_TYPE

        self.doc: Any = docx.Document()
        self.author = _party(diff.new.proposed_by)
        self.date = f"{diff.new.date}T00:00:00Z"
        self.next_id = 1
        for name in (TEXT_STYLE, RECORD_STYLE):
            style = self.doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
            style.base_style = self.doc.styles["Normal"]

    # --- the WordprocessingML python-docx lacks --------------------------------------------------------------
    def _mark(self, tag: str) -> Any:
        from docx.oxml import OxmlElement
        from docx.oxml.ns import qn

        element = OxmlElement(tag)
        element.set(qn("w:id"), str(self.next_id))
        element.set(qn("w:author"), self.author)
        element.set(qn("w:date"), self.date)
        self.next_id += 1
        return element

    @staticmethod
    def _run(text: str, deleted: bool, italic: bool = False) -> Any:
        from docx.oxml import OxmlElement
        from docx.oxml.ns import qn

        run = OxmlElement("w:r")
        if italic:
            props = OxmlElement("w:rPr")
            props.append(OxmlElement("w:i"))
            run.append(props)
        piece = OxmlElement("w:delText" if deleted else "w:t")
        piece.set(qn("xml:space"), "preserve")
        piece.text = text
        run.append(piece)
        return run

    def _tracked(self, paragraph: Any, op: str, text: str) -> None:
        if not text:
            return
        run = self._run(text, deleted=op == "delete")
        if op == "equal":
            paragraph._p.append(run)
            return
        change = self._mark("w:ins" if op == "insert" else "w:del")
        change.append(run)
        paragraph._p.append(change)

    def _tracked_break(self, paragraph: Any, op: str) -> None:
        """The paragraph's mark (the line break after it) was inserted or deleted."""
        from docx.oxml import OxmlElement

        if op == "equal":
            return
        props = paragraph._p.get_or_add_pPr()
        marks = OxmlElement("w:rPr")
        marks.append(self._mark("w:ins" if op == "insert" else "w:del"))
        props.append(marks)

    # --- paragraphs -------------------------------------------------------------------------------------------
    def heading(self, text: str, level: int) -> None:
        self.doc.add_heading(visible(text, keep_newlines=False), level)

    def note(self, text: str, italic: bool = True) -> None:
        run = self.doc.add_paragraph().add_run(visible(text))
        if italic:
            run.italic = True

    def redline(self, segments: Sequence[Segment], lead: str | None = None) -> None:
        """Wording as tracked changes, one paragraph per line; ``lead`` (plain) opens the first line."""
        style = RECORD_STYLE if lead else TEXT_STYLE
        paragraph = self.doc.add_paragraph(style=style)
        if lead:
            paragraph._p.append(self._run(lead, deleted=False, italic=True))
        for segment in segments:
            lines = visible(segment.text).split("\n")
            for k, line in enumerate(lines):
                if k:
                    self._tracked_break(paragraph, segment.op)
                    paragraph = self.doc.add_paragraph(style=style)
                self._tracked(paragraph, segment.op, line)

    def change(self, name: str, old: str | None, new: str | None) -> None:
        """A coded value (a status, a basis) as a deletion of the old and an insertion of the new."""
        segments = [Segment("delete", old)] if old else []
        segments += [Segment("insert", new)] if new else []
        self.redline(segments, lead=f"{name}: ")

    def field(self, f: FieldChange, diff: DraftDiff | None = None) -> None:
        """A field's change; ``diff`` for a field of the version itself (its date is shown as what is known)."""
        name = ev.field_label(f.field).capitalize()
        if f.redline:
            self.redline(f.redline, lead=f"{name}: ")
        else:
            self.change(name, *ev.field_texts(f, diff))

    def sources(self, old: Sequence[str], new: Sequence[str], lead: str = "Sources: ") -> None:
        """The ids an entry cites, the whole list: kept ids plain, added ones inserted, dropped ones deleted, so
        that accepting gives the new list and rejecting the old; no line when the same ids are cited."""
        if set(old) != set(new):
            self.redline(r.list_redline(old, new), lead=lead)

    def save(self) -> bytes:
        buffer = io.BytesIO()
        self.doc.save(buffer)
        return _fixed_dates(buffer.getvalue(), self.date)


def _heading(a: ArticleChange) -> str:
    """``Article 7 → 8: Title (renumbered; moved from place 2 to 5)``: the place changes in words."""
    places = [d for k in a.kinds if k in (r.RENUMBERED, r.MOVED, r.SPLIT, r.MERGED, r.ADDED, r.REMOVED, r.ID_CHANGED)
              for d in kind_phrases(a, k)]
    suffix = f" ({'; '.join(places)})" if places else ""
    return f"{number_text(a)}: {a.title}{suffix}"


def _article(w: _Writer, a: ArticleChange) -> None:
    w.heading(_heading(a), 2)
    others = [d for k in a.kinds if k not in (r.RENUMBERED, r.MOVED, r.ADDED, r.REMOVED) for d in kind_phrases(a, k)]
    w.note(" ".join([f"Id {ident_of(a)}.", f"Changes: {'; '.join(others)}." if others else
                     "" if a.kinds else "Unchanged."]).strip())
    for f in a.fields:
        if f.field not in ("number",):
            w.field(f)
    if a.redline:
        w.redline(a.redline)
    elif a.kinds:
        w.note("No wording of this article is on record in either version.")
    for p in a.positions:
        basis = p.new_basis or p.old_basis or ""
        w.redline(p.redline or [Segment("delete" if p.change == "removed" else "insert",
                                         (p.old_text if p.change == "removed" else p.new_text) or "")],
                  lead=f"Position of {_party(p.party)} ({basis}): ")
        w.sources(p.old_sources, p.new_sources, lead=f"Sources of {_party(p.party)}'s position: ")
    w.sources(a.old_sources, a.new_sources)


def _precondition(w: _Writer, p: PreconditionChange) -> None:
    what = ", ".join(change_label(k) for k in p.kinds) or "unchanged"
    w.heading(f"{p.id} ({_party(p.party)}): {what}", 2)
    w.note("Demand:")
    w.redline(p.redline)
    for f in p.fields:
        w.field(f)
    w.sources(p.old_sources, p.new_sources)


def _entry(w: _Writer, heading: str, change: str, whole: str, fields: list[FieldChange]) -> None:
    """A source or a claimed count: added or removed whole, or field by field, as tracked changes."""
    w.heading(heading, 2)
    if change == "changed":
        for f in fields:
            w.field(f)
    else:
        w.redline([Segment("insert" if change == "added" else "delete", whole)], lead=f"{change.capitalize()}: ")


def _source(w: _Writer, s: SourceChange) -> None:
    _entry(w, f"Source {s.id}: {s.change}", s.change,
           ev.source_described(s.new if s.change == "added" else s.old), s.fields)


def _claim(w: _Writer, c: ClaimChange) -> None:
    _entry(w, f"Claimed count {c.name}: {c.change}", c.change,
           ev.claim_statement(c.new if c.change == "added" else c.old), c.fields)


def render(diff: DraftDiff, *, show_all: bool = False, substantive: bool = False, **_: object) -> bytes:
    w = _Writer(diff)
    o, n = diff.old, diff.new
    props = w.doc.core_properties
    props.title = visible(f"Redline: {o.id} → {n.id}", keep_newlines=False)
    props.author = w.author
    props.last_modified_by = "draftdiff"
    props.comments = "Tracked changes made by draftdiff from two versions of a draft."
    import datetime as _dt

    moment = _dt.datetime.fromisoformat(f"{n.date}T00:00:00")
    props.created = props.modified = moment
    props.revision = 1
    w.doc.add_heading(visible(f"Redline: {o.id} → {n.id}", keep_newlines=False), 0)
    w.note(f"From {o.title} ({ev.dated(o)}, {o.kind} by {_party(o.proposed_by)}) to {n.title} ({ev.dated(n)}, "
           f"{n.kind} by {_party(n.proposed_by)}). Every change is tracked with author {w.author} and date "
           f"{n.date}: accepting all gives the new version, rejecting all the old one.", italic=False)
    for line in diff.notes:
        w.note(f"Note: {line}")
    w.note(summary_line(diff, substantive), italic=False)
    agreement = diff.listed_agreement(substantive)
    if agreement:
        w.heading("The agreement", 1)
        for f in agreement:
            w.field(f, diff)
    articles = diff.listed_articles(show_all, substantive)
    w.heading("Articles", 1)
    if not articles:
        w.note("No article changed.")
    for article in articles:
        _article(w, article)
    preconditions = diff.listed_preconditions(show_all, substantive)
    if preconditions:
        w.heading("Preconditions", 1)
        for p in preconditions:
            _precondition(w, p)
    sources, claims = diff.listed_sources(substantive), diff.listed_claims(substantive)
    if sources:
        w.heading("Sources", 1)
        for src in sources:
            _source(w, src)
    if claims:
        w.heading("Counts claimed in public", 1)
        for claim in claims:
            _claim(w, claim)
    return w.save()


def _fixed_dates(package: bytes, date: str) -> bytes:
    """The same package with every member dated ``date`` (zip stamps the clock otherwise)."""
    stamp = (max(1980, int(date[:4])), int(date[5:7]), int(date[8:10]), 0, 0, 0)  # zip dates start in 1980
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(package)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            info = zipfile.ZipInfo(item.filename, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            target.writestr(info, source.read(item.filename))
    return out.getvalue()
