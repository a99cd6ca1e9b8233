"""Git, through the ``git`` command: which commit the drafts are at, and the drafts as they were at a commit.

Read-only: ``GIT_OPTIONAL_LOCKS=0`` keeps ``git status`` from taking the index lock,
so a snapshot never gets in the way of a commit running beside it.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from draftdiff.collection import DRAFT_SUFFIXES
from draftdiff.load import LoadedDraft, read_draft

TIMEOUT = 60


class GitError(Exception):
    """Git is missing, the path is not in a repository, or a revision cannot be read."""


@dataclass(frozen=True)
class RepoState:
    root: Path
    commit: str
    dirty: bool
    path: str
    """The drafts directory relative to the root, POSIX style (``.`` for the root)."""
    remote: str | None


def _git(cwd: Path, *args: str, data: bytes | None = None) -> bytes:
    exe = shutil.which("git")
    if exe is None:
        raise GitError("git is not installed (or not on PATH)")
    env = dict(os.environ, GIT_OPTIONAL_LOCKS="0", LC_ALL="C")
    try:
        done = subprocess.run([exe, *args], cwd=cwd, input=data, capture_output=True, timeout=TIMEOUT,
                              env=env, check=False)
    except subprocess.TimeoutExpired:
        raise GitError(f"git {args[0]} took longer than {TIMEOUT} s") from None
    except OSError as exc:
        raise GitError(f"cannot run git: {exc.strerror or exc}") from None
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise GitError(message[-1] if message else f"git {args[0]} failed (exit {done.returncode})")
    return done.stdout


def repo_root(path: str | Path) -> Path:
    """The top of the repository holding ``path``; GitError if git is missing or there is none."""
    folder = Path(path)
    if not folder.is_dir():
        folder = folder.parent if str(folder.parent) else Path(".")
    if not folder.is_dir():
        raise GitError(f"{path}: no such directory")
    try:
        return Path(_git(folder, "rev-parse", "--show-toplevel").decode().strip())
    except GitError as exc:
        if "not a git repository" in str(exc):
            raise GitError(f"{path} is not inside a git repository") from None
        raise


def repo_state(drafts_dir: str | Path) -> RepoState:
    """The commit and cleanliness of the repository holding ``drafts_dir``; GitError if there is none."""
    folder = Path(drafts_dir)
    if not folder.is_dir():
        folder = folder.parent
    root = repo_root(folder)
    try:
        commit = _git(folder, "rev-parse", "--verify", "HEAD").decode().strip()
    except GitError:
        raise GitError(f"the repository at {root} has no commit yet") from None
    rel = os.path.relpath(folder.resolve(), root.resolve())
    path = PurePosixPath(*Path(rel).parts).as_posix() if rel != "." else "."
    status = _git(root, "status", "--porcelain", "--untracked-files=all", "--", path)
    return RepoState(root, commit, bool(status.strip()), path, _remote(root))


def _remote(root: Path) -> str | None:
    """The ``origin`` URL if it is a public-looking http(s) one, with any user:password removed."""
    try:
        url = _git(root, "remote", "get-url", "origin").decode().strip()
    except GitError:
        return None
    if not re.match(r"^https?://", url):
        return None
    return re.sub(r"^(https?://)[^/@]*@", r"\1", url)


def resolve(root: Path, revision: str) -> str:
    try:
        return _git(root, "rev-parse", "--verify", "--end-of-options", f"{revision}^{{commit}}").decode().strip()
    except GitError:
        raise GitError(f"commit {revision} is not in the repository at {root} "
                       "(fetch it, or verify against the current drafts without --commit)") from None


def drafts_at(root: Path, revision: str, path: str) -> list[LoadedDraft]:
    """Every draft file under ``path`` as it was at ``revision``, loaded from the blobs."""
    commit = resolve(root, revision)
    listing = _git(root, "ls-tree", "-r", "-z", "--full-tree", commit, "--", "" if path == "." else path)
    entries: list[tuple[str, str]] = []
    for record in listing.split(b"\0"):
        if not record:
            continue
        meta, _, name = record.decode("utf-8", "surrogateescape").partition("\t")
        _mode, kind, blob = meta.split()
        inside = PurePosixPath(name) if path == "." else PurePosixPath(name).relative_to(path)
        hidden = any(part.startswith(".") for part in inside.parts)  # as find_draft_files skips them
        if kind == "blob" and inside.suffix in DRAFT_SUFFIXES and not hidden:
            entries.append((name, blob))
    if not entries:
        raise GitError(f"no draft files under {path} at commit {commit[:12]}")
    loaded: list[LoadedDraft] = []
    for name, blob in sorted(entries):
        data = _git(root, "cat-file", "blob", blob)
        loaded.append(read_draft(data, f"{commit[:12]}:{name}"))
    return loaded
