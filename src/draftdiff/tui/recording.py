"""Recording news from the TUI: the dialogs' answers go through the one write path, ``draftdiff.edit``.

Nothing here changes a file itself: each dialog builds the same edit the CLI's commands build
(``ops.set_status``, ``ops.add_claim``, ``ops.set_precondition``, ``ops.new_version``, ``ops.add_source``)
and hands it to ``apply_edit``, which verifies, validates and writes atomically, or refuses and says why.
The session keeps each written file's bytes before and after, so ``ctrl+z`` can put the last one back,
but only while the file is still exactly what the edit wrote.
"""

from __future__ import annotations

import copy
import hashlib
import re
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rich.cells import cell_len, set_cell_size

from draftdiff.errors import Hint
from draftdiff.model import STATUS_ORDER, Draft
from draftdiff.textsafe import visible
from draftdiff.tui.screens.forms import NEW_SOURCE, Field, FormDialog
from draftdiff.vocab import NO_BASIS, PRECONDITION_ORDER, basis_label, part_label

KINDS = ("principles", "proposal", "counter-proposal", "joint-text", "status-report", "initialed", "signed")

if TYPE_CHECKING:
    from draftdiff.tui.app import DraftDiffApp


@dataclass(frozen=True)
class Written:
    """One edit of the session: the file, its bytes before (None: the edit created it) and after."""

    path: Path
    before: bytes | None
    after: bytes
    said: str


@dataclass
class Session:
    """The edits made in this run of the TUI, newest last."""

    written: list[Written] = field(default_factory=list)


def session_of(app: DraftDiffApp) -> Session:
    session = app.session
    if session is None:
        session = app.session = Session()
    return session


def _current(app: DraftDiffApp) -> tuple[Draft | None, Path | None]:
    draft = app.draft_set.get(app.version)
    loaded = app.draft_set.file_of(app.version) if draft else None
    return draft, (Path(loaded.name) if loaded is not None else None)


SOURCE_LABEL = 52
"""Cells of a source in the picker: one line of the list at 80 columns (a longer one wrapped)."""


def _source_label(source_id: str, title: str) -> str:
    label = f"{source_id} — {visible(title, keep_newlines=False)}"
    return label if cell_len(label) <= SOURCE_LABEL else set_cell_size(label, SOURCE_LABEL - 1).rstrip() + "…"


def _source_choices(draft: Draft) -> list[tuple[str, str]]:
    choices = [(_source_label(s.id, s.title), s.id) for s in draft.sources]
    return [("(none)", "-"), *choices, ("+ add a new source (below)", NEW_SOURCE)]


def _source_fields(draft: Draft) -> list[Field]:
    return [
        Field("source", "Source", "-", _source_choices(draft)),
        Field("src_id", "Id", placeholder="e.g. mfa-am-2025-03-13", group="New source (when picked above)"),
        Field("src_publisher", "Publisher", group="New source (when picked above)"),
        Field("src_title", "Title", group="New source (when picked above)"),
        Field("src_date", "Date", placeholder="YYYY-MM-DD", group="New source (when picked above)"),
        Field("src_url", "URL", placeholder="https://…", group="New source (when picked above)"),
        Field("src_quote", "Quote", placeholder="short and exact", group="New source (when picked above)"),
    ]


def _new_source(values: dict[str, str]) -> dict[str, Any] | None:
    if values.get("source") != NEW_SOURCE:
        return None
    return {"id": values.get("src_id") or None, "title": values.get("src_title") or None,
            "publisher": values.get("src_publisher") or None, "date": values.get("src_date") or None,
            "url": values.get("src_url") or None, "quote": values.get("src_quote") or None}


def _with_source(values: dict[str, str], make: Callable[[dict[str, Any], list[str]], Any]) -> Callable[..., Any]:
    """An edit maker that first adds the source typed on the spot (if any), then makes ``make``'s edit."""
    def maker(data: dict[str, Any]) -> Any:
        from draftdiff.edit import Edit, EditRefused, ops

        fields = _new_source(values)
        chosen = values.get("source", "")
        sources = [chosen] if chosen not in ("", "-", NEW_SOURCE) else []
        if fields is None:
            return make(data, sources)
        problems = ops.source_problems(fields)
        if problems:  # all of them at once, under the dialog's heading
            raise EditRefused("; ".join(f"New source: {p}" for p in problems))
        first = ops.add_source(data, fields)
        with_source = copy.deepcopy(data)
        with_source.setdefault("sources", []).append({k: v for k, v in fields.items() if v is not None})
        second = make(with_source, [str(fields["id"])])
        return Edit(first.mutations + second.mutations, first.changes + second.changes, first.notes + second.notes)

    return maker


FIELD_HINTS = {
    "add-source": "pick it in Source, or pick '+ add a new source' and fill in its Id, Publisher and Title",
    "source-exists": "give the new source another Id, or pick the existing one in Source",
    "status-evidence": "pick the Source that reports it (Basis: reported), or choose Basis: inferred and write in "
                       "Note from what",
    "status-source": "pick the Source that reports it in Source, or '+ add a new source'",
    "status-note": "write in Note from what it is inferred ('inferred from …')",
    "claim-source": "pick the Source it is from, or '+ add a new source'",
    "claim-counts": "fill in Agreed, Partial, Disputed, Total or Agreed %",
    "precondition-nothing": "choose a Status, a Basis, a Source or a Note",
    "version-exists": "give another Id, or pick that version and record the news in it",
    "version-date": "type the Date as YYYY-MM-DD, YYYY-MM for a month, or ~YYYY-MM-DD for about then (and leave "
                    "Date known to on the day, or pick the same)",
    "claim-duplicate": "record it once; if it was said again, tell the two apart (its Source or Date)",
    "allow-errors": "fix the cause first (only the command line records an edit that adds errors, for the middle "
                    "of an update)",
}
"""The dialogs' wording of each remedy the core names by a code (:class:`~draftdiff.errors.Hint`), with their
fields' labels; a hint without one here is shown in the core's words."""


def field_hint(hint: Hint | None) -> str:
    """The hint in the dialogs' words, or the core's; empty when there is none."""
    if hint is None:
        return ""
    wording = FIELD_HINTS.get(hint.code or "")
    if wording is None:
        return hint.text
    try:
        return wording.format_map(hint.blanks())
    except (KeyError, IndexError, ValueError):
        return hint.text


def _refusal(reason: str, hint: Hint | None) -> str:
    said = field_hint(hint)
    return reason + (f" — {said}" if said else "")


def record(app: DraftDiffApp, path: Path, maker: Any, *, target: Path | None = None,
           then: Callable[[], None] | None = None) -> str | None:
    """Run the write path; None when written (the views then reload, after ``then`` on the UI thread),
    else why it was refused."""
    try:
        from draftdiff.edit import CannotEdit, EditRefused, apply_edit
    except ImportError:
        return "this install has no write path (draftdiff.edit)"
    before = None if target is not None else _read(path)
    try:
        result = apply_edit(path, maker, target=target)
    except CannotEdit as exc:
        return str(exc)
    except EditRefused as exc:  # raised by a maker outside the write path's own guard
        return _refusal(exc.reason, exc.hint)
    if result.refused:
        findings = "; ".join(f"{d.rule}: {d.message}" for d in result.findings[:3])
        return _refusal(result.refused, result.hint) + (f" [{findings}]" if findings else "")
    if not result.written:
        _on_screen(app, lambda: app.notify("\n".join(result.changes) or "Nothing to change.",
                                          title="Nothing recorded"))
        return None
    written = target if target is not None else path
    done = Written(written, before, result.new_bytes or _read(written) or b"", "; ".join(result.changes))

    def show() -> None:
        session_of(app).written.append(done)
        app.notify("\n".join([*result.changes, *result.notes]) + "\n(ctrl+z undoes it)", title="Recorded")
        if then is not None:
            then()
        app.after_write(result.findings)

    _on_screen(app, show)
    return None


def _on_screen(app: DraftDiffApp, step: Callable[[], None]) -> None:
    """Run ``step`` on the UI thread: the dialogs record in a worker (see ``FormDialog.action_record``)."""
    if threading.current_thread() is threading.main_thread():
        step()
    else:
        app.call_from_thread(step)


def _read(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except OSError:
        return None


def undo_last(app: DraftDiffApp) -> None:
    """Put back the file the session's last edit wrote, if nobody has changed it since."""
    session = session_of(app)
    if not session.written:
        app.notify("No edit of this session to undo.", severity="warning")
        return
    last = session.written[-1]
    now = _read(last.path)
    if now is None or hashlib.sha256(now).digest() != hashlib.sha256(last.after).digest():
        app.notify(f"{last.path.name} has changed since the edit ({last.said}); nothing undone.",
                   title="Cannot undo", severity="error")
        return
    from draftdiff.atomic import write_atomic

    try:
        if last.before is None:
            last.path.unlink()
        else:
            write_atomic(last.path, last.before)
    except OSError as exc:
        app.notify(f"{last.path}: {exc.strerror or exc}", title="Cannot undo", severity="error")
        return
    session.written.pop()
    app.notify(f"Undone: {last.said}", title="Undo")
    app.after_write([])


# -- the dialogs ---------------------------------------------------------------------------------------------

def _same_text(typed: str | None, recorded: str | None) -> bool:
    """Whether a field still holds the record's text as shown (a one-line field folds a note's lines)."""
    return " ".join((typed or "").split()) == " ".join((recorded or "").split())


def _refuse_without_file(app: DraftDiffApp) -> tuple[Draft, Path] | None:
    draft, path = _current(app)
    if draft is None or path is None:
        app.notify("No version selected to record news in.", severity="warning")
        return None
    return draft, path


def ask_set_status(app: DraftDiffApp, article_id: str) -> None:
    found = _refuse_without_file(app)
    if found is None:
        return
    draft, path = found
    article = draft.article(article_id)
    if article is None:
        app.notify(f"{article_id} is not in this version.", severity="warning")
        return
    name = f"{part_label(article.part, article.number)} · {visible(article.title, keep_newlines=False)}"
    fields = [Field("status", "Status", article.status, [(s, s) for s in STATUS_ORDER]),
              Field("basis", "Basis", "reported", [("reported (a source says so)", "reported"),
                                                   ("inferred (a note says from what)", "inferred")]),
              Field("note", "Note", article.status_note or "", placeholder="from what it is inferred, or why"),
              *_source_fields(draft)]

    def submit(values: dict[str, str]) -> str | None:
        from draftdiff.edit import ops

        def make(data: dict[str, Any], sources: list[str]) -> Any:
            note = values.get("note") or None
            if values["status"] != article.status and _same_text(note, article.status_note):
                # the note shown is the one that explained the old status: left untouched, it is not given,
                # and the core decides what becomes of it as for the command line (it removes it, and says so)
                note = None
            return ops.set_status(data, article_id, values["status"], basis=values.get("basis") or None,
                                  sources=sources, note=note)

        return record(app, path, _with_source(values, make))

    app.push_screen(FormDialog(f"Set the status of {name}", f"In {path.name} ({draft.id}); now "
                               f"{article.status} ({basis_label(article.status_basis)}).", fields, submit))


def ask_add_claim(app: DraftDiffApp) -> None:
    found = _refuse_without_file(app)
    if found is None:
        return
    draft, path = found
    fields = [Field("speaker", "Speaker", placeholder="who said it"),
              Field("date", "Date", draft.date, placeholder="YYYY-MM-DD"),
              Field("agreed", "Agreed", placeholder="number of articles"), Field("partial", "Partial"),
              Field("disputed", "Disputed"), Field("total", "Total"),
              Field("agreed_percent", "Agreed %", placeholder="a share of the text, if that is what was said"),
              Field("approximate", "Hedged?", "no", [("no", "no"), ("yes (about, at least)", "yes")]),
              *_source_fields(draft)]

    def submit(values: dict[str, str]) -> str | None:
        from draftdiff.edit import ops

        claim: dict[str, Any] = {"speaker": values.get("speaker") or None, "date": values.get("date") or None,
                                 "approximate": values.get("approximate") == "yes"}
        for key in ("agreed", "partial", "disputed", "total"):
            if values.get(key):
                if not re.fullmatch(r"\d+", values[key]):
                    return f"{key}: write a whole number, not {values[key]!r}"
                claim[key] = int(values[key])
        if values.get("agreed_percent"):
            try:
                claim["agreed_percent"] = float(values["agreed_percent"].rstrip("%"))
            except ValueError:
                return f"agreed %: write a number, not {values['agreed_percent']!r}"

        def make(data: dict[str, Any], sources: list[str]) -> Any:
            return ops.add_claim(data, {**claim, "source": sources[0] if sources else None})

        return record(app, path, _with_source(values, make))

    app.push_screen(FormDialog("Add a count claimed in public", f"Recorded in {path.name} ({draft.id}).",
                               fields, submit))


def ask_precondition_status(app: DraftDiffApp, precondition_id: str) -> None:
    found = _refuse_without_file(app)
    if found is None:
        return
    draft, path = found
    item = next((p for p in draft.preconditions if p.id == precondition_id), None)
    if item is None:
        app.notify(f"{precondition_id} is not in this version.", severity="warning")
        return
    # the record's own basis; "unstated" keeps a record without one so, and takes a recorded one away
    bases = [(f"{NO_BASIS} (none given)", NO_BASIS), ("reported (a source says so)", "reported"),
             ("inferred (a note says from what)", "inferred")]
    fields = [Field("status", "Status", item.status, [(s, s) for s in PRECONDITION_ORDER]),
              Field("basis", "Basis", item.status_basis or NO_BASIS, bases),
              Field("note", "Note", item.status_note or "", placeholder="what the status rests on, or why"),
              *_source_fields(draft)]

    def submit(values: dict[str, str]) -> str | None:
        from draftdiff.edit import ops

        def make(data: dict[str, Any], sources: list[str]) -> Any:
            typed = values.get("note", "")
            # the note as shown is not given; an emptied one is taken away (the core refuses that for an
            # inferred status, as it refuses a reported one with no source)
            note = None if _same_text(typed, item.status_note) else typed
            basis = values.get("basis") or None
            return ops.set_precondition(data, precondition_id, status=values["status"], sources=sources,
                                        note=note, basis=basis)

        return record(app, path, _with_source(values, make))

    app.push_screen(FormDialog(f"Set where {precondition_id} stands",
                               f"{visible(item.demand, keep_newlines=False)} — in {path.name}", fields, submit))


def ask_new_version(app: DraftDiffApp) -> None:
    from draftdiff.edit.newversion import VersionBase, in_force_base, new_version

    found = _refuse_without_file(app)
    if found is None:
        return
    draft, path = found
    about = "Carries its articles and preconditions with their ids; not its title, summary, notes, attestation or " \
            "claims."
    # a copy of a version known only by its date would record no articles either: the core makes it from the
    # one whose statuses are in force then, as it does for the command line
    base = in_force_base(app.draft_set, draft) or VersionBase(path, draft.id)
    made_from = app.draft_set.get(base.draft_id or draft.id)
    if base.named and made_from is not None:
        about = f"{base.said}. {about}"
        draft, path = made_from, base.path
    parties = [*draft.parties, "joint"]
    fields = [Field("id", "Id", placeholder="e.g. 2025-03-13-finalized (never reused)"),
              Field("date", "Date", placeholder="YYYY-MM-DD (YYYY-MM for a month, ~YYYY-MM-DD about then)"),
              Field("date_precision", "Date known to", "day", [("the day", "day"), ("the month", "month"),
                                                               ("about then (approximate)", "approximate")]),
              Field("kind", "Kind", "status-report", [(k, k) for k in KINDS]),
              Field("proposed_by", "By", draft.proposed_by if draft.proposed_by in parties else "joint",
                    [(p, p) for p in parties]),
              Field("title", "Title", placeholder="what this version is, in a line")]

    def submit(values: dict[str, str]) -> str | None:
        if not re.fullmatch(r"[a-z0-9][a-z0-9._-]*", values.get("id", "")):
            return "id: lower-case letters, digits, '.', '_' and '-' (e.g. 2025-03-13-finalized)"
        fields_in = {k: values.get(k) or None for k in ("id", "date", "kind", "proposed_by", "title")}
        missing = [k for k, v in fields_in.items() if v is None]
        if missing:
            return f"fill in: {', '.join(missing)}"
        # the date as typed: the core reads 2025-01 and ~2025-01-20 as it does for the command line; the
        # picker opens on the day, which states nothing a typed form could contradict
        picked = values.get("date_precision") or "day"
        fields_in["date_precision"] = None if picked == "day" else picked
        ids = app.draft_set.ids()
        target = path.parent / f"{fields_in['id']}.yaml"
        def choose() -> None:
            app.chosen_after_reload = str(fields_in["id"])

        return record(app, path, lambda data: new_version(data, fields_in, ids, came_from=base), target=target,
                      then=choose)

    app.push_screen(FormDialog(f"New version from {draft.id}", about, fields, submit))
