"""The drafts that ship inside the package, so that an installed ``draftdiff`` works anywhere."""

from __future__ import annotations

from pathlib import Path


def drafts_dir() -> Path | None:
    """The bundled drafts folder, or None if this install has none.

    A wheel carries them in ``draftdiff/data/drafts`` (the build copies them there); a
    checkout or an editable install reads the repository's own ``drafts/``, beside
    ``src/``, so there is one copy of the data and no link to keep.
    """
    package = Path(__file__).resolve().parent
    for path in (package / "data" / "drafts", package.parent.parent / "drafts"):
        if path.is_dir() and any(path.glob("*.yaml")) and (path.parent.name == "data" or
                                                            (path.parent / "pyproject.toml").is_file()):
            return path
    return None


def default_drafts(named: str | None = None) -> Path | None:
    """Where a command finds drafts when none are named: ``./drafts``, else the bundled ones.

    With ``named`` (a ``--drafts`` option), that folder only. The caller says so
    when it falls back to the bundled drafts, so nobody mistakes them for their own.
    """
    if named is not None:
        return Path(named) if Path(named).is_dir() else None
    local = Path("drafts")
    return local if local.is_dir() else drafts_dir()

