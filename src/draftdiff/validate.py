"""Validate drafts: load each file, then run the collection rules over the valid ones."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

from draftdiff.collection import CollectionError, find_drafts
from draftdiff.diagnostics import Report
from draftdiff.load import DraftReadError, LoadedDraft, batch_loading, load_draft


def validate_paths(paths: Sequence[str | Path], disabled: Iterable[str] = (), *,
                   follow_links: bool = False) -> Report:
    """Validate files and directories; raise :class:`CollectionError` when nothing can be read.

    A file named on its own is checked against the other drafts of its folder
    when it refers to one (``based_on``), so that a pre-commit hook that passes
    single files does not report lineage that exists on disk as missing.
    """
    from draftdiff.fastyaml import quiet
    from draftdiff.rules import RuleContext, run_rules

    files, refused = find_drafts(paths, follow_links=follow_links)
    with batch_loading(files):  # the rules too: everything loaded stays alive until the report is done
        with quiet():  # this thread prints nothing while it reads
            loaded = [_load(path) for path in files]
        loaded += [LoadedDraft(d.file, b"", diagnostics=[d]) for d in refused]
        report = Report(files=[item.name for item in loaded])
        for item in loaded:
            report.diagnostics.extend(item.diagnostics)
        valid = [item for item in loaded if item.draft is not None]
        report.drafts = len(valid)

        references = _references([Path(p) for p in paths if not Path(p).is_dir()], valid, set(files))
        ctx = RuleContext(valid + references)
        reported = {item.name for item in valid}
        skip = set(disabled)
        report.diagnostics.extend(d for d in run_rules(ctx) if d.file in reported and d.rule not in skip)
        report.diagnostics = [d for d in report.diagnostics if d.rule not in skip]
    return report


def _load(path: Path) -> LoadedDraft:
    try:
        return load_draft(path)
    except DraftReadError as exc:
        raise CollectionError(str(exc)) from None


def _references(explicit: list[Path], valid: list[LoadedDraft], seen: set[Path]) -> list[LoadedDraft]:
    """Sibling drafts that explicitly named files are based on, loaded only when needed."""
    known = {item.draft.id for item in valid if item.draft}
    wanted = {item.draft.based_on for item in valid if item.draft and item.draft.based_on} - known
    if not explicit or not wanted:
        return []
    extra: list[LoadedDraft] = []
    for folder in sorted({p.parent for p in explicit}):
        for path in sorted(folder.glob("*.y*ml")):
            if path in seen or path.suffix not in (".yaml", ".yml"):
                continue
            try:
                item = load_draft(path)
            except DraftReadError:
                continue
            if item.draft is not None:
                extra.append(item)
    return extra
