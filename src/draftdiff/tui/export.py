"""Export a citable snapshot of the selected version from the TUI, when the snapshot engine is present."""

from __future__ import annotations

from pathlib import Path

from draftdiff.collection import DraftSet

PREFERRED = ("markdown", "md", "text", "json")


def snapshot_formats() -> list[str]:
    """Snapshot formats the renderer registry knows, best for a reader first; empty if none yet."""
    try:
        import draftdiff.snapshot  # noqa: F401
        from draftdiff.render import formats
    except ImportError:
        return []
    known = formats("snapshot")
    return [f for f in PREFERRED if f in known] + [f for f in known if f not in PREFERRED]


def export_snapshot(draft_set: DraftSet, draft_id: str, fmt: str, directory: Path,
                    drafts_path: Path | None = None) -> Path:
    """Write ``snapshot-<draft id>.<ext>`` into ``directory``; return its path."""
    from draftdiff.atomic import write_atomic
    from draftdiff.render import render, suffix
    from draftdiff.snapshot import build_snapshot

    snap = build_snapshot(draft_set, draft_id=draft_id, drafts_path=drafts_path)
    text = render("snapshot", fmt, snap)
    path = directory / f"snapshot-{draft_id}.{suffix('snapshot', fmt)}"
    write_atomic(path, text.encode("utf-8"))
    return path
