"""Check a snapshot file: is it as it was made, and does it still match the drafts?

Two questions, two outcomes. A file that is not byte for byte what draftdiff
writes (its embedded content does not give its own digest, or any line differs
from what this draftdiff renders, see :mod:`draftdiff.snapshot.faithful`) was
edited by hand: :class:`SnapshotFileError` (exit 2), because it can prove
nothing. A file that is intact is rebuilt from the drafts with its recorded
arguments; if the digests differ, :func:`compare` says which article, which
status, which draft file changed.

JSON, Markdown and HTML carry the whole snapshot: they are checked when read,
and every change can be named. CSV, the terminal board, BibTeX, CSL-JSON and
CFF carry the marker (arguments and digest): their whole text is checked
against the snapshot rebuilt from the drafts (or from the commit they cite)
when that gives their digest; when nothing does, the result says plainly that
only the marker could be read, and it is a mismatch (exit 1), never a pass.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import stat
from dataclasses import dataclass, field, replace
from pathlib import Path

from draftdiff.collection import DraftSet
from draftdiff.errors import CouldNotRun
from draftdiff.load import MAX_BYTES
from draftdiff.snapshot.build import build_snapshot
from draftdiff.snapshot.changes import compare, compare_statuses, moved_files, shared_folder
from draftdiff.snapshot.cite import CSV_COLUMNS, EMBED_END, EMBED_START, MARKER_RE, SCRIPT_ID
from draftdiff.snapshot.digest import digest_of_content
from draftdiff.snapshot.faithful import (
    NotFaithful,
    Renderer,
    as_written,
    check_text,
    cited_repository,
    later_as_listed,
    later_listed,
)
from draftdiff.snapshot.model import DraftRef, Snapshot, SnapshotError, snapshot_from_dict


class SnapshotFileError(CouldNotRun):
    """The file cannot be read as a snapshot, or was edited after it was made."""


@dataclass(frozen=True)
class Recorded:
    """What a snapshot file says about itself."""

    path: str
    fmt: str
    digest: str
    as_of: str
    draft_id: str | None
    window: int
    snapshot: Snapshot | None = None
    """The full snapshot, when the format embeds it (json, md, html)."""
    statuses: tuple[tuple[str, str], ...] | None = None
    """``(article id, status)`` per row, for CSV."""
    cited_commit: str | None = None
    """The commit a citation format names (``commit …`` in its note)."""
    cited_dirty: bool = False
    """A citation format's note says the drafts had uncommitted changes."""
    cited_folder: str | None = None
    """The drafts folder in a citation format's reproduce command."""
    text: str = field(default="", repr=False)
    """The file's text, to check it again once the content and the later versions are rebuilt from the drafts."""

    @property
    def commit(self) -> str | None:
        prov = self.snapshot.provenance if self.snapshot else None
        return prov.git_commit if prov and prov.git_commit else self.cited_commit

    @property
    def dirty(self) -> bool:
        """Whether the file says the drafts had uncommitted changes when it was made."""
        prov = self.snapshot.provenance if self.snapshot else None
        return bool(prov.git_dirty) if prov else self.cited_dirty

    @property
    def git_path(self) -> str | None:
        prov = self.snapshot.provenance if self.snapshot else None
        return prov.git_path if prov else self.cited_folder

    @property
    def repository(self) -> str | None:
        """The repository address the file names beside its commit."""
        if self.snapshot is not None:
            prov = self.snapshot.provenance
            return prov.repository if prov else None
        return cited_repository(self.text, self.fmt)

    @property
    def drafts_path(self) -> str | None:
        """The drafts folder the snapshot was made from, as given then (a citation's command names it
        outside git; with a commit it names the folder in the repository instead)."""
        if self.snapshot is None:
            return self.cited_folder if not self.cited_commit else None
        prov = self.snapshot.provenance
        return prov.drafts_path if prov and prov.drafts_path else None


@dataclass
class VerifyResult:
    file: str
    against: str
    recorded_digest: str
    current_digest: str | None
    changes: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    body_checked: bool = True
    """False when the file's text could not be checked line by line (only its marker was read)."""
    moved: list[str] = field(default_factory=list)
    """Drafts whose file is not the one the snapshot names (same content, another name)."""

    @property
    def ok(self) -> bool:
        return self.current_digest == self.recorded_digest and not self.moved


# --- reading the file ------------------------------------------------------------------------

def read_snapshot_file(path: str | Path, render: Renderer) -> Recorded:
    """Parse a snapshot in any format draftdiff writes; SnapshotFileError says what is wrong.

    ``render`` renders a snapshot as the face does, to compare the file's text with.

    Only a regular file up to the reader's size limit is read: a FIFO would block
    and ``/dev/zero`` never ends. The file is opened without blocking and checked
    on the open descriptor, so it cannot be swapped for one between check and read.
    """
    name = str(path)
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    except FileNotFoundError:
        raise SnapshotFileError(f"{name}: no such file") from None
    except IsADirectoryError:
        raise SnapshotFileError(f"{name}: is a directory, not a snapshot file") from None
    except OSError as exc:
        raise SnapshotFileError(f"{name}: cannot read ({exc.strerror or exc})") from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise SnapshotFileError(f"{name}: is a directory, not a snapshot file")
        if not stat.S_ISREG(info.st_mode):
            raise SnapshotFileError(f"{name}: not a regular file (a device, FIFO or socket); not a snapshot "
                                    "draftdiff wrote")
        if info.st_size > MAX_BYTES:
            raise SnapshotFileError(f"{name}: larger than {MAX_BYTES:,} bytes; not a snapshot draftdiff wrote")
        with os.fdopen(fd, "rb", closefd=False) as handle:
            data = handle.read(MAX_BYTES + 1)
    except OSError as exc:
        raise SnapshotFileError(f"{name}: cannot read ({exc.strerror or exc})") from None
    finally:
        os.close(fd)
    if len(data) > MAX_BYTES:
        raise SnapshotFileError(f"{name}: larger than {MAX_BYTES:,} bytes; not a snapshot draftdiff wrote")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise SnapshotFileError(f"{name}: not UTF-8 text (byte {exc.start}); not a snapshot draftdiff wrote") \
            from None
    return parse_snapshot_text(text, render, name)


def parse_snapshot_text(text: str, render: Renderer, name: str = "<snapshot>") -> Recorded:
    stripped = text.lstrip()
    if stripped.startswith("{"):
        return _embedded(text, text, "json", name, render)
    html = re.search(rf'<script type="application/json" id="{SCRIPT_ID}">(.*?)</script>', text, re.S)
    if html and stripped.lower().startswith("<!doctype html"):
        return _embedded(html.group(1), text, "html", name, render)
    start = text.rfind(EMBED_START)
    if start >= 0:
        end = text.find(EMBED_END, start + len(EMBED_START))
        if end < 0:
            raise SnapshotFileError(f"{name}: the embedded snapshot comment is not closed; the file was edited")
        return _embedded(text[start + len(EMBED_START):end], text, "md", name, render)
    return _marked(text, name)


def _line_of(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def _embedded(payload: str, text: str, fmt: str, name: str, render: Renderer) -> Recorded:
    try:
        data = json.loads(payload)
    except json.JSONDecodeError as exc:
        where = f"{name}:{exc.lineno}:{exc.colno}" if fmt == "json" else f"{name}"
        raise SnapshotFileError(f"{where}: the embedded snapshot is not valid JSON ({exc.msg}); "
                                "the file was edited or cut short") from None
    try:
        snap = snapshot_from_dict(data)
    except ValueError as exc:
        raise SnapshotFileError(f"{name}: not a draftdiff snapshot: {exc}") from None
    actual = digest_of_content(data["content"])
    if actual != snap.digest:
        raise SnapshotFileError(
            f"{name}: the snapshot content does not match its own digest: it was edited after it was made "
            f"(recorded {snap.digest or 'no digest'}, the content gives {actual}); make it again with "
            f"'draftdiff snapshot' instead of editing it")
    _check_rendering(snap, text, fmt, name, render)
    return Recorded(name, fmt, snap.digest, snap.as_of, snap.draft_id, snap.claims_window_days, snapshot=snap,
                    text=text)


def _check_rendering(snap: Snapshot, text: str, fmt: str, name: str, render: Renderer) -> None:
    """The whole text must be what draftdiff renders for the embedded content: never skipped."""
    try:
        check_text(snap, text, fmt, name, render)
    except NotFaithful as exc:
        raise SnapshotFileError(str(exc)) from None


def _marked(text: str, name: str) -> Recorded:
    found = list(MARKER_RE.finditer(text))
    if not found:
        raise SnapshotFileError(f"{name}: no draftdiff snapshot marker (draftdiff-snapshot:1 as-of=… digest=…) "
                                "found: not a snapshot draftdiff wrote, or the marker was edited")
    first = found[0]
    if any(m.group(0) != first.group(0) for m in found[1:]):
        other = next(m for m in found[1:] if m.group(0) != first.group(0))
        raise SnapshotFileError(f"{name}:{_line_of(text, other.start())}: this marker differs from the one on "
                                f"line {_line_of(text, first.start())}; the file was edited")
    statuses = None
    fmt = _guess_format(text)
    if fmt == "csv":
        statuses = _csv_statuses(text, name, CSV_COLUMNS)
    draft = first.group("draft")
    commit = re.search(r"\bcommit[\":= ]+([0-9a-f]{40})\b", text)
    folder = re.search(r"-(?:\{\})?-drafts ([^\s'\"]+)", text)
    return Recorded(name, fmt, first.group("digest"), first.group("as_of"), None if draft == "-" else draft,
                    int(first.group("window")), statuses=statuses, cited_commit=commit.group(1) if commit else None,
                    cited_dirty=bool(_DIRTY.search(text)), cited_folder=folder.group(1) if folder else None, text=text)


_DIRTY = re.compile(r"\(with uncommitted changes\)|\(uncommitted changes in the drafts\)")


def _guess_format(text: str) -> str:
    head = text.lstrip()[:200]
    if head.startswith("number,article,"):
        return "csv"
    if head.startswith("@"):
        return "bibtex"
    if head.startswith("["):
        return "csl"
    if "cff-version:" in text:
        return "cff"
    return "text"


def _csv_statuses(text: str, name: str, columns: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    rows = list(csv.reader(io.StringIO(text, newline="")))
    if not rows or tuple(rows[0]) != columns:
        raise SnapshotFileError(f"{name}:1: the CSV header is not draftdiff's ({','.join(columns)})")
    out = []
    for number, row in enumerate(rows[1:], start=2):
        if len(row) != len(columns):
            raise SnapshotFileError(f"{name}:{number}: {len(row)} columns, expected {len(columns)}")
        out.append((row[columns.index("article")], row[columns.index("status")]))
    return tuple(out)


# --- comparing with the drafts -----------------------------------------------------------------

def rebuild(recorded: Recorded, draft_set: DraftSet) -> Snapshot:
    """The snapshot the recorded arguments give on these drafts (no git, no clock)."""
    return build_snapshot(draft_set, recorded.as_of, recorded.draft_id,
                          claims_window_days=recorded.window, git=False)


def at_commit(recorded: Recorded, repo_dir: str | Path, path: str) -> tuple[Snapshot | None, str | None]:
    """The snapshot rebuilt at the commit the file names, and a note when that could not be checked.

    The commit is not in the digest, so it is checked here: a file that says it
    was made at commit C from drafts without uncommitted changes must give its
    digest from the drafts at C, else SnapshotFileError (the commit was edited).
    No git, a commit not fetched, or drafts invalid then: a note, not a verdict.
    For a format without the content, the rebuilt snapshot stands in for it.
    """
    from draftdiff.collection import CollectionError
    from draftdiff.git import GitError, repo_root, resolve
    from draftdiff.snapshot.inputs import InvalidDrafts, load_at_commit

    if not recorded.commit:
        return None, None
    folder = recorded.git_path or path
    try:
        resolve(repo_root(repo_dir), recorded.commit)
    except GitError as exc:
        return None, f"the commit it names ({recorded.commit[:12]}) was not checked: {exc}"
    try:
        old = rebuild(recorded, load_at_commit(repo_dir, recorded.commit, folder))
    except GitError as exc:  # the commit is here, but not the folder the file says it read
        found = f"{exc}"
    except (InvalidDrafts, SnapshotError, CollectionError) as exc:
        return None, f"the commit it names ({recorded.commit[:12]}) was not checked: {exc}"
    else:
        if old.digest == recorded.digest:
            return old, None
        found = f"the drafts in {folder} at that commit give {old.digest}, not {recorded.digest}"
    if recorded.dirty:
        return None, None  # made with uncommitted changes: the commit alone never gave it
    raise SnapshotFileError(
        f"{recorded.path}: says it was made at commit {recorded.commit[:12]} from the drafts in {folder} without "
        f"uncommitted changes, but {found}: the commit or folder it names was edited after it was made")


def repository_note(recorded: Recorded, repo_dir: str | Path) -> str | None:
    """A note when the repository a file names is not this one's public origin (the address is not proven).

    Only the commit is checked (:func:`at_commit`): a clone of a fork, or one with an ssh origin, has
    another address for the same commits, so a different one is said, never refused.
    """
    from draftdiff.git import GitError, repo_state

    if not recorded.repository or not recorded.commit:
        return None
    try:
        here = repo_state(repo_dir).remote
    except GitError:
        return None
    if here == recorded.repository:
        return None
    return (f"the repository it names ({recorded.repository}) is not this repository's public origin "
            f"({here or 'none'}): that address is what the file says; only the commit it names is checked")


def verify(recorded: Recorded, draft_set: DraftSet, against: str, render: Renderer,
           reference: Snapshot | None = None, *, check_files: bool = True) -> VerifyResult:
    """Rebuild from ``draft_set`` and compare; ``reference`` stands in for content the file does not embed.

    ``check_files`` compares the draft file names the snapshot states (not when
    the drafts were read from a commit, whose names say so).

    Raises SnapshotFileError when a format without embedded content turns out,
    once its content is rebuilt, not to be what draftdiff wrote.
    """
    result = VerifyResult(recorded.path, against, recorded.digest, None)
    try:
        current = rebuild(recorded, draft_set)
    except SnapshotError as exc:
        result.changes.append(f"the snapshot cannot be rebuilt from these drafts: {exc}")
        result.body_checked = recorded.snapshot is not None
        return result
    result.current_digest = current.digest
    if recorded.snapshot is None:
        _check_body(recorded, current, reference, result, render)
    elif current.digest == recorded.digest:
        _check_later(recorded, recorded.snapshot, _sources(recorded, current, reference), render)
    old = recorded.snapshot or reference
    if recorded.snapshot is not None and check_files:
        result.moved = moved_files(recorded.snapshot, current)
    if result.current_digest == result.recorded_digest:
        result.changes = list(result.moved)
        listed = {d.id for d in recorded.snapshot.later} if recorded.snapshot is not None else \
            {d.id for d in later_listed(recorded.text)} if recorded.fmt == "text" else {d.id for d in old.later} if old else None
        if listed is not None:
            new_later = sorted({d.id for d in current.later} - listed)
            if new_later:
                result.notes.append(f"later versions added since (not part of this snapshot): {', '.join(new_later)}")
        return result
    if old is not None:
        result.changes = compare(old, current) + result.moved
    elif recorded.statuses is not None:
        result.changes = compare_statuses(recorded.statuses, current)
    if not result.changes:
        result.changes.append("the content digest differs; this format does not record the content, so what "
                              "changed cannot be named: verify the JSON or Markdown form, or verify against the commit it "
                              "records")
    return result


def _check_body(recorded: Recorded, current: Snapshot, reference: Snapshot | None, result: VerifyResult,
                render: Renderer) -> None:
    """Re-render a format that embeds no content from the content that gives its digest, if any does."""
    basis = current if current.digest == recorded.digest else \
        reference if reference is not None and reference.digest == recorded.digest else None
    if basis is None:
        result.body_checked = False
        result.notes.append(f"only the marker of this {recorded.fmt} file could be read: neither these drafts nor "
                            "a commit it cites give its digest, so its text was not checked line by line")
        return
    try:
        written = as_written(basis, recorded.text, recorded.fmt, recorded.path)
    except NotFaithful as exc:
        raise SnapshotFileError(str(exc)) from None
    _check_later(recorded, written, _sources(recorded, current, reference), render)


def _sources(recorded: Recorded, current: Snapshot, reference: Snapshot | None) -> list[Snapshot]:
    """What the later versions a file lists can come from: these drafts, or the commit it names, if they give it."""
    return [s for s in (current, reference) if s is not None and s.digest == recorded.digest]


def _check_later(recorded: Recorded, snap: Snapshot, sources: list[Snapshot], render: Renderer) -> None:
    """The whole text again, with the later versions as the drafts give them: not the file's own.

    They are not in the digest, so the drafts of today may list more (added since: a note)
    but every one the file names must be as these drafts, or the commit it names, give it.
    """
    listed = snap.later if recorded.snapshot is not None else later_listed(recorded.text) if recorded.fmt == "text" \
        else ()
    top = shared_folder(snap)
    candidates: list[tuple[DraftRef, ...]] = []
    for source in sources:
        later = later_as_listed(listed, top, source)
        if later not in candidates:
            candidates.append(later)
    problem = None
    for later in candidates or [()]:
        try:
            check_text(replace(snap, later=later), recorded.text, recorded.fmt, recorded.path, render)
            return
        except NotFaithful as exc:
            problem = problem or exc
    assert problem is not None
    try:  # the file as it lists them would pass: what differs is a later version
        check_text(replace(snap, later=listed), recorded.text, recorded.fmt, recorded.path, render)
    except NotFaithful:
        hint = ""
    else:
        hint = ("; the versions dated after the status date are not in the digest, but each one the file names "
                "must be as these drafts (or the commit it names) give it: if one changed since the file was made, "
                "make the snapshot again, or verify it against the commit it was made at")
    raise SnapshotFileError(f"{problem}{hint}") from None


__all__ = ["Recorded", "SnapshotFileError", "VerifyResult", "at_commit", "compare", "parse_snapshot_text",
           "read_snapshot_file", "rebuild", "repository_note", "verify"]
