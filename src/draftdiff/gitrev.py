"""Moved: reading ``REV:path`` is in :mod:`draftdiff.git`; these names stay importable from here."""

from __future__ import annotations

from draftdiff.git import TIMEOUT, GitError, read_rev_path, split_rev_path

__all__ = ["TIMEOUT", "GitError", "read_rev_path", "split_rev_path"]
