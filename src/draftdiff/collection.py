"""A collection of drafts: find files, look drafts up by id or date, follow lineage."""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from draftdiff.diagnostics import Diagnostic, Report
from draftdiff.errors import CouldNotRun
from draftdiff.load import DraftReadError, LoadedDraft, load_draft
from draftdiff.model import Draft

DRAFT_SUFFIXES = (".yaml", ".yml")


class CollectionError(CouldNotRun):
    """The paths given do not make a collection (missing path, no drafts)."""


def find_draft_files(paths: Sequence[str | Path], *, follow_links: bool = False) -> list[Path]:
    """Expand files and directories (recursively) into draft files, sorted and unique.

    A linked file under a directory that leads out of it is left out unless
    ``follow_links``; :func:`find_drafts` also says which were left out.
    """
    return find_drafts(paths, follow_links=follow_links)[0]


def find_drafts(paths: Sequence[str | Path], *,
                follow_links: bool = False) -> tuple[list[Path], list[Diagnostic]]:
    """The draft files, and an error for each linked file that leads out of the directory it was found in.

    A collection is what its folder holds: a link to ``/etc/…`` or to a tampered
    copy elsewhere would be read and its values echoed in diagnostics and
    snapshots. Named on the command line, a file is read wherever it points.
    """
    found: dict[Path, None] = {}
    refused: list[Diagnostic] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            files = _drafts_under(path)
            if not files:
                raise CollectionError(f"{path}: no draft files (*.yaml, *.yml) in this directory")
            if not follow_links:
                files, out = links_out_of(path, files)
                refused += [_link_refused(path, link) for link in out]
            found.update(dict.fromkeys(files))
        elif path.exists():
            found[path] = None
        else:
            raise CollectionError(f"{path}: no such file or directory")
    return list(found), refused


def links_out_of(root: Path, files: list[Path]) -> tuple[list[Path], list[Path]]:
    """Split ``files`` (found under ``root``) into those inside it and linked files leading out of it."""
    top = os.path.realpath(root)
    inside: list[Path] = []
    out: list[Path] = []
    for path in files:
        if not os.path.islink(path):  # _drafts_under never enters a linked folder: only the file can be one
            inside.append(path)
            continue
        target = os.path.realpath(path)
        (inside if os.path.commonpath([top, target]) == top else out).append(path)
    return inside, out


def _link_refused(root: Path, link: Path) -> Diagnostic:
    from draftdiff.textsafe import visible

    target = visible(os.path.realpath(link), keep_newlines=False)
    return Diagnostic(str(link), 1, 1, "error", "file-link-outside",
                      f"a link to {target}, outside {visible(str(root), keep_newlines=False)}: not read",
                      "copy the file into the collection, or choose to follow links that lead out of it")


def _drafts_under(root: Path) -> list[Path]:
    """Draft files under ``root``, in path order, skipping hidden entries and not entering linked folders.

    One ``scandir`` per folder, whose entries know their type without a ``stat`` per
    file: walking a folder of 1,000 drafts through ``rglob`` cost ~5% of validating it.
    """
    found: list[tuple[tuple[str, ...], str]] = []
    pending: list[tuple[tuple[str, ...], str]] = [((), str(root))]
    while pending:
        parts, folder = pending.pop()
        try:
            with os.scandir(folder) as listing:
                entries = list(listing)
        except PermissionError:
            continue
        for entry in entries:
            name = entry.name
            if name.startswith("."):
                continue
            try:
                if entry.is_dir(follow_symlinks=False):
                    pending.append(((*parts, name), entry.path))
                elif os.path.splitext(name)[1] in DRAFT_SUFFIXES and entry.is_file():
                    found.append(((*parts, name), entry.path))
            except OSError:
                continue
    found.sort()
    return [Path(path) for _, path in found]


@dataclass
class DraftSet:
    """The valid drafts of a collection, ordered by date then id, with their files."""

    loaded: list[LoadedDraft] = field(default_factory=list)

    def __post_init__(self) -> None:
        valid = [item for item in self.loaded if item.draft is not None]
        valid.sort(key=lambda item: (item.draft.date, item.draft.id))  # type: ignore[union-attr]
        self._by_id: dict[str, LoadedDraft] = {}
        for item in valid:
            self._by_id.setdefault(item.draft.id, item)  # type: ignore[union-attr]
        self._ordered = valid

    @property
    def drafts(self) -> list[Draft]:
        """Valid drafts, oldest first (date, then id)."""
        return [item.draft for item in self._ordered if item.draft is not None]

    @property
    def files(self) -> list[LoadedDraft]:
        return list(self._ordered)

    @property
    def diagnostics(self) -> list[Diagnostic]:
        return [d for item in self.loaded for d in item.diagnostics]

    def get(self, draft_id: str) -> Draft | None:
        item = self._by_id.get(draft_id)
        return item.draft if item else None

    def file_of(self, draft_id: str) -> LoadedDraft | None:
        return self._by_id.get(draft_id)

    def ids(self) -> list[str]:
        return [d.id for d in self.drafts]

    def as_of(self, date: str) -> Draft | None:
        """The latest draft dated on or before ``date`` (ISO), or None before the first."""
        chosen = None
        for draft in self.drafts:
            if draft.date <= date:
                chosen = draft
        return chosen

    def statuses_for(self, draft: Draft) -> Draft:
        """The version whose article statuses stand for ``draft``: itself, or for a version known only by its
        date, the one :meth:`status_as_of` gives on that date (``status --as-of`` and the board agree)."""
        if draft.records_articles:
            return draft
        return self.status_as_of(draft.date) or draft

    def status_as_of(self, date: str) -> Draft | None:
        """The draft that says where the articles stood on ``date``.

        The latest draft on or before ``date`` that records article statuses; a
        later version known only by its date (``article_coverage: none``) changes
        nothing on record. Falls back to :meth:`as_of` when no draft records any.
        """
        chosen = None
        for draft in self.drafts:
            if draft.date <= date and draft.records_articles:
                chosen = draft
        return chosen or self.as_of(date)

    def later_than(self, date: str) -> list[Draft]:
        return [d for d in self.drafts if d.date > date]

    def base_of(self, draft: Draft) -> Draft | None:
        return self.get(draft.based_on) if draft.based_on else None

    def lineage(self, draft: Draft) -> list[Draft]:
        """The draft and its ancestors through ``based_on``, newest first (cycle-safe)."""
        chain: list[Draft] = []
        seen: set[str] = set()
        current: Draft | None = draft
        while current is not None and current.id not in seen:
            chain.append(current)
            seen.add(current.id)
            current = self.base_of(current)
        return chain

    def previous(self, draft: Draft) -> Draft | None:
        """The draft it answers: its base, else the one before it in time."""
        base = self.base_of(draft)
        if base is not None:
            return base
        ordered = self.drafts
        index = next((i for i, d in enumerate(ordered) if d.id == draft.id), 0)
        return ordered[index - 1] if index > 0 else None


def load_draft_set(paths: Iterable[str | Path], *, follow_links: bool = False) -> DraftSet:
    """Every draft under ``paths``, with no collection rules run: only for :func:`load_collection`."""
    files, refused = find_drafts(list(paths), follow_links=follow_links)
    return DraftSet(_refused(refused) + _read_all(files))


def _refused(found: list[Diagnostic]) -> list[LoadedDraft]:
    """Files found but not read (links out of the collection), each with the error that says why."""
    return [LoadedDraft(d.file, b"", diagnostics=[d]) for d in found]


def _read_all(files: Sequence[Path]) -> list[LoadedDraft]:
    loaded: list[LoadedDraft] = []
    for path in files:
        try:
            loaded.append(load_draft(path))
        except DraftReadError as exc:
            raise CollectionError(str(exc)) from None
    return loaded


@dataclass
class CheckedCollection:
    """A collection as every face must see it: the valid drafts and every finding about them.

    ``report`` holds each file's own diagnostics *and* the collection rules' findings
    (lineage, claimed counts, parties, ...), so no face can show "valid" where
    ``validate`` would fail.
    """

    draft_set: DraftSet
    report: Report

    @property
    def ok(self) -> bool:
        """No errors: what a snapshot (or an export) needs."""
        return self.report.errors == 0

    @property
    def diagnostics(self) -> list[Diagnostic]:
        return self.report.diagnostics


def load_collection(paths: Sequence[str | Path], disabled: Iterable[str] = (), *,
                    follow_links: bool = False) -> CheckedCollection:
    """Load drafts and run the collection rules over them: the one way every face loads a collection.

    Raise :class:`CollectionError` when nothing can be read. A file named on its own is
    checked against the other drafts of its folder when it refers to one (``based_on``),
    so that a pre-commit hook passing single files does not report lineage that exists on
    disk as missing; those siblings are used by the rules only, not added to the set.
    A linked file leading out of a folder is not read unless ``follow_links`` (an error says so).
    """
    files, refused = find_drafts(paths, follow_links=follow_links)
    loaded = _refused(refused) + _read_all(files)
    explicit = [Path(p) for p in paths if not Path(p).is_dir()]
    return check_collection(loaded, _references(explicit, loaded, set(files)), disabled=disabled)


def check_collection(loaded: list[LoadedDraft], references: Sequence[LoadedDraft] = (),
                     disabled: Iterable[str] = (), *, settled: Sequence[LoadedDraft] = ()) -> CheckedCollection:
    """Run the collection rules over drafts already read (``references`` only inform the rules).

    ``settled``: drafts of ``loaded`` whose own findings (their reader's, the per-draft
    rules') the caller does not want; only the rules across drafts report on them.
    The write path, comparing a folder before and after a change, passes the drafts
    the change leaves alone: their own findings would be the same both times.
    """
    from draftdiff.rules import RuleContext, run_rules

    draft_set = DraftSet(loaded)
    report = Report(files=[item.name for item in loaded], drafts=len(draft_set.drafts))
    skip = set(disabled)
    quiet = {id(item) for item in settled}
    report.diagnostics = [d for item in loaded if id(item) not in quiet for d in item.diagnostics
                          if d.rule not in skip]
    reported = {item.name for item in draft_set.files}
    invalid = [item for item in loaded if item.draft is None]
    found = run_rules(RuleContext(draft_set.files + list(references), invalid), settled)
    report.diagnostics.extend(d for d in found if d.file in reported and d.rule not in skip)
    return CheckedCollection(draft_set, report)


def _references(explicit: list[Path], loaded: list[LoadedDraft], seen: set[Path]) -> list[LoadedDraft]:
    """Sibling drafts that explicitly named files are based on, loaded only when needed."""
    valid = [item for item in loaded if item.draft is not None]
    known = {item.draft.id for item in valid if item.draft}
    wanted = {item.draft.based_on for item in valid if item.draft and item.draft.based_on} - known
    if not explicit or not wanted:
        return []
    extra: list[LoadedDraft] = []
    for folder in sorted({p.parent for p in explicit}):
        for path in sorted(folder.glob("*.y*ml")):
            if path in seen or path.suffix not in DRAFT_SUFFIXES:
                continue
            try:
                item = load_draft(path)
            except DraftReadError:
                continue
            if item.draft is not None:
                extra.append(item)
    return extra
