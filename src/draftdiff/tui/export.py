"""Export a citable snapshot of the selected version from the TUI: format, path and author asked for.

The same rule as ``draftdiff snapshot``: a collection with errors (a file's or the collection rules') gives
no snapshot; a file that exists is never replaced unless the analyst says so.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from draftdiff.collection import DraftSet
from draftdiff.diagnostics import Diagnostic
from draftdiff.vocab import counted

PREFERRED = ("markdown", "md", "text", "json")
DEFAULT_FOLDER = "snapshots/"

if TYPE_CHECKING:
    from draftdiff.tui.app import DraftDiffApp


def snapshot_formats() -> list[str]:
    """Snapshot formats the renderer registry knows, best for a reader first; empty if none yet."""
    try:
        import draftdiff.snapshot  # noqa: F401
        from draftdiff.render import formats
    except ImportError:
        return []
    known = formats("snapshot")
    return [f for f in PREFERRED if f in known] + [f for f in known if f not in PREFERRED]


def target_path(where: str, draft_id: str, fmt: str, base: Path) -> Path:
    """A folder (ends in / or exists as one) gets ``snapshot-<id>.<ext>``; anything else is the file."""
    path = Path(where or DEFAULT_FOLDER).expanduser()
    if not path.is_absolute():
        path = base / path
    if (where or DEFAULT_FOLDER).endswith(("/", "\\")) or path.is_dir():
        from draftdiff.render import suffix

        return path / f"snapshot-{draft_id}.{suffix('snapshot', fmt)}"
    return path


def export_snapshot(draft_set: DraftSet, draft_id: str, fmt: str, path: Path, *, authors: tuple[str, ...] = (),
                    drafts_path: Path | None = None, overwrite: bool = False) -> Path:
    """Write the snapshot to ``path``; FileExistsError if it exists and ``overwrite`` is not given.

    The folder named for snapshots (``snapshots/`` by default) is made if its own folder exists; a
    missing folder further up is refused, as ``draftdiff snapshot -o`` refuses it: a mistyped path
    makes no tree of folders.
    """
    from draftdiff.atomic import write_atomic
    from draftdiff.render import render
    from draftdiff.snapshot import build_snapshot

    if path.exists() and not overwrite:
        raise FileExistsError(str(path))
    if not path.parent.is_dir() and not path.parent.parent.is_dir():
        raise FileNotFoundError(f"no folder {path.parent.parent}")
    snap = build_snapshot(draft_set, draft_id=draft_id, drafts_path=drafts_path, authors=authors)
    text = render("snapshot", fmt, snap)
    path.parent.mkdir(exist_ok=True)
    write_atomic(path, text.encode("utf-8"))
    return path


def ask_export(app: DraftDiffApp, fmt: str | None = None) -> None:
    """The export dialog for the selected version."""
    from draftdiff.tui.screens.forms import Field, FormDialog

    draft_set: DraftSet = app.draft_set
    draft_id: str = app.version
    formats = snapshot_formats()
    if not formats or draft_set.get(draft_id) is None:
        app.notify("No snapshot format or no version to export.", severity="warning")
        return
    problems: tuple[Diagnostic, ...] = app.problems
    errors = sum(1 for d in problems if d.severity == "error")
    if errors:
        app.notify(f"The collection has {counted(errors, 'error')} (see the problems panel on the board); like "
                   "'draftdiff snapshot', the export refuses to build a snapshot from it.",
                   title="Snapshot not written", severity="error", timeout=10)
        return
    fields = [Field("format", "Format", fmt or formats[0], [(f, f) for f in formats]),
              Field("path", "Folder or file", DEFAULT_FOLDER, placeholder="a folder ending in / or a file name"),
              Field("author", "Author", placeholder="Family, Given (optional; ';' between several)"),
              Field("overwrite", "If it exists", "ask", [("say so, write nothing", "ask"),
                                                         ("replace it", "replace")])]

    def submit(values: dict[str, str]) -> str | None:
        chosen = values.get("format") or formats[0]
        path = target_path(values.get("path", ""), draft_id, chosen, Path.cwd())
        authors = tuple(a.strip() for a in values.get("author", "").split(";") if a.strip())
        paths = app.paths
        try:
            written = export_snapshot(draft_set, draft_id, chosen, path, authors=authors,
                                      drafts_path=paths[0] if len(paths) == 1 else None,
                                      overwrite=values.get("overwrite") == "replace")
        except FileExistsError:
            return f"{path} exists; pick 'replace it' to overwrite it, or another name"
        except OSError as exc:
            return f"cannot write {path}: {exc.strerror or exc}; no file was written"
        except Exception as exc:  # a snapshot that cannot be built or written: say why, keep running
            return f"{type(exc).__name__}: {exc}"
        app.notify(str(written), title="Snapshot written")
        return None

    app.push_screen(FormDialog(f"Export a snapshot of {draft_id}", "A citable, verifiable record of the "
                               "statuses in this version (draftdiff snapshot verify checks it).", fields, submit,
                               action=("Export", "write", "Writing…", "Not written")))
