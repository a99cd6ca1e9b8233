"""SVG snapshots of the screens at 80×24, 100×30 and 120×36, on the fixed test collection.

Update after an intended change of the look: ``pytest tests/test_tui_snapshots.py --snapshot-update``.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from tui_support import make_app, palette, settle

SIZES = [(100, 30), (80, 24)]
NEW_SIZES = [(80, 24), (120, 36)]

SCREENS = {
    "board": ["left_square_bracket"],  # the September 2024 status report
    "article": ["left_square_bracket", "left_square_bracket", "down", "down", "enter"],
    "compare": ["left_square_bracket", "left_square_bracket", "c", "n", "n"],  # past the version, recognition
    "history": ["h", "left_square_bracket"],
}

NEW_SCREENS = {
    "preconditions": ["left_square_bracket", "r"],
    "version": ["left_square_bracket", "i"],
    "set-status": ["left_square_bracket", "left_square_bracket", "down", "down", "e"],
    "help": ["f1"],
    "compare-version": ["left_square_bracket", "left_square_bracket", "c"],  # "The version" highlighted
    "precondition-record": ["r", "down", "enter"],
    "precondition-status": ["r", "down", "e"],
    "add-claim": ["left_square_bracket", "a"],
    "new-version": ["left_square_bracket", "N"],
}


def pressing(keys: list[str]):  # type: ignore[no-untyped-def]
    """Press the keys one by one, letting the workers (the diff, the loading) finish after each."""
    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        for key in keys:
            await pilot.press(key)
            await settle(pilot, pilot.app)
    return run_before


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("screen", list(SCREENS))
def test_screen_snapshot(snap_compare, screen: str, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(make_app(), run_before=pressing(SCREENS[screen]), terminal_size=size)


@pytest.mark.parametrize("size", NEW_SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("screen", list(NEW_SCREENS))
def test_new_screen_snapshot(snap_compare, screen: str, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(make_app(), run_before=pressing(NEW_SCREENS[screen]), terminal_size=size)


@pytest.mark.parametrize("size", NEW_SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_date_only_version_snapshot(snap_compare, tmp_path: Path, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
    from test_tui_screens import date_only_collection

    folder = date_only_collection(tmp_path)
    assert snap_compare(make_app([folder], version="2024-11-reported"), run_before=pressing([]), terminal_size=size)


@pytest.mark.parametrize("size", NEW_SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_export_dialog_snapshot(snap_compare, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        await palette(pilot, pilot.app, "Export snapshot of 2024-09-11 as md")
        await settle(pilot, pilot.app)
    assert snap_compare(make_app(version="2024-09-status"), run_before=run_before, terminal_size=size)


def test_light_theme_board_snapshot(snap_compare) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(make_app(light=True), run_before=pressing(["left_square_bracket"]), terminal_size=(100, 30))
