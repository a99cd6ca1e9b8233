"""Citable status snapshots: the board as of a date, with a digest anyone can re-verify.

The core only: no printing, no Textual. Faces call :func:`build_snapshot` and
render the result with ``draftdiff.render.render("snapshot", fmt, snap)``.
"""

from __future__ import annotations

from draftdiff.snapshot.build import build_snapshot, parse_as_of
from draftdiff.snapshot.model import Snapshot, SnapshotError

__all__ = ["Snapshot", "SnapshotError", "build_snapshot", "parse_as_of"]
