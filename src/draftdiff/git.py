"""Git, through the ``git`` command: one wrapper, one error, read-only.

Everything draftdiff asks of git goes through :func:`run_git`: a found ``git``, a
timeout, no terminal input, English messages (``LC_ALL=C``, so that they can be
explained), and ``GIT_OPTIONAL_LOCKS=0`` so that ``git status`` never takes the
index lock and a snapshot never gets in the way of a commit running beside it.

Two uses: a draft as it was at a revision (``REV:path``, as ``git show`` reads it),
and where a drafts folder stands (its repository, commit, uncommitted changes).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from draftdiff.errors import CouldNotRun

TIMEOUT = 60.0
"""Seconds any one git command may take (a huge repository on a slow disk, not a hang)."""

_REV_PATH = re.compile(r"^(?P<rev>[^:\s][^:]*):(?P<path>.*)$")


class GitError(CouldNotRun):
    """Git is missing or failed, the path is not in a repository, or a revision cannot be read."""

    def __init__(self, message: str, *, stderr: str = "", setting: str | None = None) -> None:
        super().__init__(message, setting=setting)
        self.stderr = stderr
        """What git itself wrote, when it ran and failed."""


def run_git(cwd: str | Path | None, *args: str, data: bytes | None = None) -> bytes:
    """``git ARGS`` in ``cwd``; its output, or GitError with git's last line of complaint."""
    exe = shutil.which("git")
    if exe is None:
        raise GitError("git is not installed (or not on PATH)")
    env = dict(os.environ, GIT_OPTIONAL_LOCKS="0", LC_ALL="C")
    try:
        done = subprocess.run([exe, *args], cwd=cwd, input=data, capture_output=True, timeout=TIMEOUT,
                              env=env, check=False, stdin=subprocess.DEVNULL if data is None else None)
    except subprocess.TimeoutExpired:
        raise GitError(f"git {args[0]} did not answer within {TIMEOUT:g} s") from None
    except OSError as exc:
        raise GitError(f"cannot run git: {exc.strerror or exc}") from None
    if done.returncode != 0:
        stderr = done.stderr.decode("utf-8", "replace")
        lines = stderr.strip().splitlines()
        raise GitError(lines[-1] if lines else f"git {args[0]} failed (exit {done.returncode})", stderr=stderr)
    return done.stdout


# --- a draft at a revision: REV:path ------------------------------------------------------------

def split_rev_path(arg: str) -> tuple[str, str] | None:
    """``("HEAD~3", "drafts/x.yaml")`` for ``HEAD~3:drafts/x.yaml``; None if ``arg`` is not of that form."""
    if os.path.exists(arg):
        return None  # an existing file wins, even with a colon in its name
    if re.match(r"^[A-Za-z]:[\\/]", arg):
        return None  # a Windows drive path
    m = _REV_PATH.match(arg)
    if not m or not m.group("path"):
        return None
    return m.group("rev"), m.group("path")


def read_rev_path(rev: str, path: str, cwd: str | Path | None = None) -> bytes:
    """The bytes of ``path`` at ``rev``, read as git reads ``REV:path``.

    As in git, ``path`` is relative to the repository's root, and ``./x`` or ``../x`` is relative
    to the current directory, so ``HEAD:drafts/x.yaml`` means the same from any folder of the work tree.
    """
    if path.startswith("/"):
        raise GitError(f"{rev}:{path}: give the path relative to the repository's root (or ./path relative "
                       "to the current directory), not an absolute path")
    try:
        return run_git(cwd, "show", f"{rev}:{path}")
    except GitError as exc:
        reason = _explain(exc.stderr, rev, path) if exc.stderr else str(exc)
        if shutil.which("git") is None:
            reason = "reading a git revision needs git, which is not installed or not on PATH"
        raise GitError(f"{rev}:{path}: {reason}", stderr=exc.stderr) from None


def _explain(stderr: str, rev: str, path: str) -> str:
    text = stderr.strip().splitlines()[0] if stderr.strip() else "git show failed"
    text = text.removeprefix("fatal: ")
    if "not a git repository" in text:
        return "this directory is not inside a git repository; run draftdiff from the repository's work tree"
    if "exists, but not" in text:  # git knows the file under another path: say how to name it
        return (f"there is no file {path} at the repository's root at revision {rev}: a path after the colon is "
                f"relative to the root; write {rev}:./{path.removeprefix('./')} for one relative to this folder")
    if "does not exist in" in text or "exists on disk, but not in" in text:
        return (f"there is no file {path} at revision {rev} (a path after the colon is relative to the repository's "
                f"root; write {rev}:./{path.removeprefix('./')} for one relative to this folder; "
                f"'git log --oneline -- {path}' lists the revisions that have it)")
    if "invalid object name" in text or "unknown revision" in text or "bad revision" in text:
        return f"git knows no revision {rev!r} ('git log --oneline' lists them)"
    return text


# --- where a drafts folder stands ----------------------------------------------------------------

@dataclass(frozen=True)
class RepoState:
    root: Path
    commit: str
    dirty: bool
    path: str
    """The drafts directory relative to the root, POSIX style (``.`` for the root)."""
    remote: str | None


def repo_root(path: str | Path) -> Path:
    """The top of the repository holding ``path``; GitError if git is missing or there is none."""
    folder = Path(path)
    if not folder.is_dir():
        folder = folder.parent if str(folder.parent) else Path(".")
    if not folder.is_dir():
        raise GitError(f"{path}: no such directory")
    try:
        return Path(run_git(folder, "rev-parse", "--show-toplevel").decode().strip())
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
        commit = run_git(folder, "rev-parse", "--verify", "HEAD").decode().strip()
    except GitError:
        raise GitError(f"the repository at {root} has no commit yet") from None
    rel = os.path.relpath(folder.resolve(), root.resolve())
    path = PurePosixPath(*Path(rel).parts).as_posix() if rel != "." else "."
    status = run_git(root, "status", "--porcelain", "--untracked-files=all", "--", path)
    return RepoState(root, commit, bool(status.strip()), path, _remote(root))


def _remote(root: Path) -> str | None:
    """The ``origin`` URL if it is a public-looking http(s) one, with any user:password removed."""
    try:
        url = run_git(root, "remote", "get-url", "origin").decode().strip()
    except GitError:
        return None
    if not re.match(r"^https?://", url):
        return None
    return re.sub(r"^(https?://)[^/@]*@", r"\1", url)


def resolve(root: Path, revision: str) -> str:
    """The full commit id ``revision`` names; GitError (about the ``commit`` setting) if there is none."""
    try:
        return run_git(root, "rev-parse", "--verify", "--end-of-options", f"{revision}^{{commit}}").decode().strip()
    except GitError:
        raise GitError(f"commit {revision} is not in the repository at {root} "
                       "(fetch it, or verify against the current drafts instead of a commit)",
                       setting="commit") from None


def blobs_under(root: Path, commit: str, path: str, suffixes: tuple[str, ...]) -> list[tuple[str, str]]:
    """``(file name, blob id)`` of each file under ``path`` at ``commit`` with one of ``suffixes``, not hidden."""
    listing = run_git(root, "ls-tree", "-r", "-z", "--full-tree", commit, "--", "" if path == "." else path)
    entries: list[tuple[str, str]] = []
    for record in listing.split(b"\0"):
        if not record:
            continue
        meta, _, name = record.decode("utf-8", "surrogateescape").partition("\t")
        _mode, kind, blob = meta.split()
        inside = PurePosixPath(name) if path == "." else PurePosixPath(name).relative_to(path)
        hidden = any(part.startswith(".") for part in inside.parts)  # as find_draft_files skips them
        if kind == "blob" and inside.suffix in suffixes and not hidden:
            entries.append((name, blob))
    return sorted(entries)


def blob(root: Path, blob_id: str) -> bytes:
    """The bytes of one blob."""
    return run_git(root, "cat-file", "blob", blob_id)


__all__ = ["TIMEOUT", "GitError", "RepoState", "blob", "blobs_under", "read_rev_path", "repo_root", "repo_state",
           "resolve", "run_git", "split_rev_path"]
