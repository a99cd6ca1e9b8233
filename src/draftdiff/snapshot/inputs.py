"""The drafts a snapshot is built from: only a collection that validates without errors.

A snapshot of a collection with a broken file could silently leave out the very
version that sets the status, so invalid drafts stop the command with their
diagnostics instead.
"""

from __future__ import annotations

from pathlib import Path

from draftdiff.collection import DraftSet, load_draft_set
from draftdiff.diagnostics import Report
from draftdiff.load import LoadedDraft


class InvalidDrafts(Exception):
    """The drafts have validation errors; ``report`` holds every diagnostic."""

    def __init__(self, report: Report) -> None:
        super().__init__(f"{report.errors} validation error(s) in the drafts")
        self.report = report


def checked(loaded: list[LoadedDraft]) -> DraftSet:
    """A DraftSet of ``loaded``, or InvalidDrafts when a file or the collection rules report an error."""
    from draftdiff.rules import RuleContext, run_rules

    draft_set = DraftSet(loaded)
    report = Report(files=[item.name for item in loaded], drafts=len(draft_set.drafts))
    report.diagnostics = draft_set.diagnostics + run_rules(RuleContext(draft_set.files))
    if report.errors:
        raise InvalidDrafts(report)
    return draft_set


def load_checked(path: str | Path, *, follow_links: bool = False) -> DraftSet:
    """Load a drafts directory (CollectionError if it cannot be read) and check it."""
    return checked(load_draft_set([path], follow_links=follow_links).loaded)


def load_at_commit(repo_dir: str | Path, revision: str, path: str) -> DraftSet:
    """The drafts under ``path`` (relative to the repository root) as they were at ``revision``."""
    from draftdiff.snapshot.git import drafts_at, repo_root

    return checked(drafts_at(repo_root(repo_dir), revision, path))
