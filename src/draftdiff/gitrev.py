"""Read a draft as it was at a git revision: ``REV:path`` (``HEAD~3:drafts/x.yaml``), through ``git show``."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

_REV_PATH = re.compile(r"^(?P<rev>[^:\s][^:]*):(?P<path>.*)$")
TIMEOUT = 30.0


class GitError(Exception):
    """The revision or path could not be read from git; the message says why and how to fix it."""


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
    git = shutil.which("git")
    if git is None:
        raise GitError(f"{rev}:{path}: reading a git revision needs git, which is not installed or not on PATH")
    spec_path = path
    if spec_path.startswith("/"):
        raise GitError(f"{rev}:{path}: give the path relative to the repository's root (or ./path relative "
                       "to the current directory), not an absolute path")
    try:
        done = subprocess.run([git, "show", f"{rev}:{spec_path}"], cwd=cwd, capture_output=True,
                              timeout=TIMEOUT, check=False, stdin=subprocess.DEVNULL)
    except subprocess.TimeoutExpired:
        raise GitError(f"{rev}:{path}: git show did not answer within {TIMEOUT:g} s") from None
    except OSError as exc:
        raise GitError(f"{rev}:{path}: could not run git ({exc.strerror or exc})") from None
    if done.returncode != 0:
        raise GitError(f"{rev}:{path}: {_explain(done.stderr.decode('utf-8', 'replace'), rev, path)}")
    return done.stdout


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
