"""Validate drafts: what ``draftdiff validate`` reports, through the one collection loader."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

from draftdiff.collection import load_collection
from draftdiff.diagnostics import Report


def validate_paths(paths: Sequence[str | Path], disabled: Iterable[str] = (), *,
                   follow_links: bool = False) -> Report:
    """Every finding about files and directories; raise :class:`CollectionError` when nothing can be read."""
    return load_collection(paths, disabled=disabled, follow_links=follow_links).report
