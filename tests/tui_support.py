"""Helpers for the TUI tests: the fixed test collection and what a user would read on the screen."""

from __future__ import annotations

import shutil
from pathlib import Path

from rich.console import Console

FIXTURES = Path(__file__).parent / "fixtures" / "tui_drafts"


def make_app(paths: list[Path] | None = None, **kwargs: object):  # type: ignore[no-untyped-def]
    from draftdiff.tui.app import DraftDiffApp

    kwargs.setdefault("watch", False)
    return DraftDiffApp(paths or [FIXTURES], **kwargs)  # type: ignore[arg-type]


def copy_fixtures(target: Path) -> Path:
    folder = target / "drafts"
    shutil.copytree(FIXTURES, folder)
    return folder


def screen_text(app) -> str:  # type: ignore[no-untyped-def]
    """The characters on the terminal right now, without colours: what a person reads."""
    width, height = app.size
    update = app.screen._compositor.render_update(full=True)
    console = Console(width=width, height=height, record=True, color_system=None, file=open("/dev/null", "w"))
    console.print(update)
    return console.export_text()
