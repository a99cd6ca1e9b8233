"""SVG snapshots of the four screens at 100×30 and 80×24, on the fixed test collection.

Update after an intended change of the look: ``pytest tests/test_tui_snapshots.py --snapshot-update``.
"""

from __future__ import annotations

import pytest
from tui_support import make_app

SIZES = [(100, 30), (80, 24)]

SCREENS = {
    "board": ["left_square_bracket"],  # the September 2024 status report
    "article": ["left_square_bracket", "left_square_bracket", "down", "down", "enter"],
    "compare": ["left_square_bracket", "left_square_bracket", "c", "n"],
    "history": ["h", "left_square_bracket"],
}


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("screen", list(SCREENS))
def test_screen_snapshot(snap_compare, screen: str, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(make_app(), press=SCREENS[screen], terminal_size=size)


def test_light_theme_board_snapshot(snap_compare) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(make_app(light=True), press=["left_square_bracket"], terminal_size=(100, 30))
