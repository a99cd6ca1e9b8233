"""The drafts a snapshot is built from: only a collection that validates without errors.

A snapshot of a collection with a broken file could silently leave out the very
version that sets the status, so invalid drafts stop the command with their
diagnostics instead.
"""

from __future__ import annotations

from pathlib import Path

from draftdiff.collection import DRAFT_SUFFIXES, CheckedCollection, DraftSet, check_collection, load_collection
from draftdiff.diagnostics import Report
from draftdiff.errors import CouldNotRun
from draftdiff.load import LoadedDraft, read_draft


class InvalidDrafts(CouldNotRun):
    """The drafts have validation errors; ``report`` holds every diagnostic."""

    def __init__(self, report: Report) -> None:
        super().__init__(f"{report.errors} validation error(s) in the drafts")
        self.report = report


def usable(collection: CheckedCollection) -> DraftSet:
    """The collection's drafts, or InvalidDrafts when a file or the collection rules report an error."""
    if not collection.ok:
        raise InvalidDrafts(collection.report)
    return collection.draft_set


def load_checked(path: str | Path, *, follow_links: bool = False) -> DraftSet:
    """Load a drafts directory (CollectionError if it cannot be read) and check it."""
    return usable(load_collection([path], follow_links=follow_links))


def load_at_commit(repo_dir: str | Path, revision: str, path: str) -> DraftSet:
    """The drafts under ``path`` (relative to the repository root) as they were at ``revision``."""
    from draftdiff.git import repo_root

    return usable(check_collection(drafts_at(repo_root(repo_dir), revision, path)))


def drafts_at(root: Path, revision: str, path: str) -> list[LoadedDraft]:
    """Every draft file under ``path`` as it was at ``revision``, loaded from the blobs."""
    from draftdiff.git import GitError, blob, blobs_under, resolve

    commit = resolve(root, revision)
    entries = blobs_under(root, commit, path, DRAFT_SUFFIXES)
    if not entries:
        raise GitError(f"no draft files under {path} at commit {commit[:12]}")
    return [read_draft(blob(root, blob_id), f"{commit[:12]}:{name}") for name, blob_id in entries]
