"""Moved: git is :mod:`draftdiff.git` (one wrapper, one error); these names stay importable from here."""

from __future__ import annotations

from draftdiff.git import TIMEOUT, GitError, RepoState, repo_root, repo_state, resolve, run_git
from draftdiff.snapshot.inputs import drafts_at

__all__ = ["TIMEOUT", "GitError", "RepoState", "drafts_at", "repo_root", "repo_state", "resolve", "run_git"]
