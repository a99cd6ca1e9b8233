"""Live reload: notice when a draft file is added, removed or rewritten, by polling sizes and mtimes.

Polling a few dozen ``stat`` calls a second costs nothing and needs no new dependency, works on every
file system (network shares, containers) and sees editors that replace a file by renaming.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from draftdiff.collection import CollectionError, find_draft_files

Fingerprint = tuple[tuple[str, int, int], ...]


class FileWatch:
    """Remembers what the draft files looked like and says when that changed."""

    def __init__(self, paths: Sequence[str | Path]) -> None:
        self.paths = [Path(p) for p in paths]
        self._last = self.fingerprint()

    def fingerprint(self) -> Fingerprint:
        try:
            files = find_draft_files(self.paths)
        except CollectionError:
            return ()
        found = []
        for path in files:
            try:
                stat = path.stat()
            except OSError:
                continue
            found.append((str(path), stat.st_mtime_ns, stat.st_size))
        return tuple(found)

    def changed(self) -> bool:
        """True once after each change on disk."""
        now = self.fingerprint()
        if now == self._last:
            return False
        self._last = now
        return True
