"""The drafts that ship inside the package, so that an installed ``draftdiff`` works anywhere."""

from __future__ import annotations

from pathlib import Path


def drafts_dir() -> Path | None:
    """The bundled drafts folder (``draftdiff/data/drafts``), or None if this install has none."""
    path = Path(__file__).resolve().parent / "data" / "drafts"
    if path.is_dir() and any(path.glob("*.yaml")):
        return path
    return None
