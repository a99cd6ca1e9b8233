"""Helpers for the TUI tests: the fixed test collection and what a user would read on the screen."""

from __future__ import annotations

import html
import re
import shutil
from pathlib import Path

from rich.cells import cell_len

FIXTURES = Path(__file__).parent / "fixtures" / "tui_drafts"


def make_app(paths: list[Path] | None = None, *, preload: bool = True, **kwargs: object):  # type: ignore[no-untyped-def]
    """The app on ``paths`` (the fixed collection); ``preload``: read here, so the first frame has the drafts
    (the app itself reads them in a worker; tests of that pass ``preload=False`` and wait for it)."""
    from draftdiff.tui.app import DraftDiffApp
    from draftdiff.tui.loading import load_collection

    kwargs.setdefault("watch", False)
    paths = paths or [FIXTURES]
    if preload and "draft_set" not in kwargs:
        kwargs["collection"] = load_collection(paths)
    return DraftDiffApp(paths, **kwargs)  # type: ignore[arg-type]


def copy_fixtures(target: Path) -> Path:
    folder = target / "drafts"
    shutil.copytree(FIXTURES, folder)
    return folder


_SVG_TEXT = re.compile(r'<text class="[^"]*" x="([0-9.]+)" y="[0-9.]+" textLength="[0-9.]+" '
                       r'clip-path="url\(#[^)]*-line-(\d+)\)">([^<]*)</text>')
_CELL = 20 * 0.61
"""Width of one terminal cell in Rich's SVG export (its char height of 20 times the font's aspect ratio)."""


def screen_text(app) -> str:  # type: ignore[no-untyped-def]
    """The characters on the terminal right now, without colours: what a person reads.

    Read back from the app's public SVG screenshot, so the tests need no private Textual API.
    """
    width, height = app.size
    rows = [[" "] * width for _ in range(height)]
    for x, line, text in _SVG_TEXT.findall(app.export_screenshot()):
        column, row = round(float(x) / _CELL), int(line)
        if row >= height:
            continue
        for char in html.unescape(text).replace("\xa0", " "):
            if column < width:
                rows[row][column] = char
                if cell_len(char) == 2 and column + 1 < width:
                    rows[row][column + 1] = ""  # the second half of a wide character
            column += cell_len(char)
    return "\n".join("".join(r).rstrip() for r in rows)


async def settle(pilot, app) -> None:  # type: ignore[no-untyped-def]
    """Wait until the workers (loading, diffs) are done and the screen has caught up with their results."""
    await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause()


async def palette(pilot, app, query: str) -> None:  # type: ignore[no-untyped-def]
    """Type ``query`` in the command palette and choose its best hit once the search has finished.

    The palette searches in a worker and shows its hits in batches; a fixed pause loses the race on a
    loaded machine, so this waits for the search (and a highlighted hit) before Enter."""
    from textual.command import CommandList

    await pilot.press("ctrl+p", *query)
    for _ in range(100):
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        hits = app.screen.query(CommandList)
        if hits and hits.first().highlighted is not None and hits.first().option_count:
            break
        await pilot.pause(0.05)
    else:
        raise AssertionError(f"the command palette found nothing for {query!r}")
    await pilot.press("enter")
