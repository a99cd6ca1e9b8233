"""The history screen: the articles × versions matrix and the agreed-count chart."""

from __future__ import annotations

import asyncio

from tui_support import make_app, screen_text, settle

from draftdiff.tui.screens.article import ArticleScreen
from draftdiff.tui.screens.history import HistoryScreen
from draftdiff.tui.widgets.chart import bar_chart
from draftdiff.tui.widgets.matrix import StatusMatrix


def test_history_matrix_and_chart() -> None:
    async def go() -> None:
        app = make_app()
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.press("h")
            await pilot.pause()
            assert isinstance(app.screen, HistoryScreen)
            matrix = app.screen.query_one(StatusMatrix)
            assert matrix.row_count == 5
            claims = [str(c).strip() for c in matrix.get_row("interstate-claims")[2:]]
            assert claims == ["·", "·", "◐", "✓"]
            text = screen_text(app)
            assert "Status of 5 article entries in 4 versions" in text
            assert "0/4" in text and "1/4" in text and "3/5" in text and "5/5" in text  # agreed over time
            assert "Agreed articles per version" in text

    asyncio.run(go())


def test_history_keys_move_the_version_and_open_articles() -> None:
    async def go() -> None:
        app = make_app()
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.press("h", "left_square_bracket")
            assert app.version == "2024-09-status"
            assert app.screen.query_one(StatusMatrix).version == "2024-09-status"
            await pilot.press("down", "enter")
            assert isinstance(app.screen, ArticleScreen) and app.screen.article_id == "borders"
            await pilot.press("escape", "escape")
            assert app.screen.__class__.__name__ == "BoardScreen"
            assert app.version == "2024-09-status"  # the board follows the version chosen in history

    asyncio.run(go())


def test_chart_bars_grow_with_the_agreed_count() -> None:
    from tui_support import FIXTURES

    from draftdiff.collection import load_draft_set

    chart = bar_chart(load_draft_set([FIXTURES]), "2024-09-status", 60, 10).plain.splitlines()
    bottom = chart[-3]  # the lowest bar row, above the axis
    top = chart[1]
    assert bottom.count("█") > top.count("█")  # only the fully agreed version reaches the top
    assert "2024-09" in chart[-1]


def test_the_selected_version_stays_in_view_when_the_versions_are_wider_than_the_screen() -> None:
    """The bundled collection has more versions than 80 columns can show: stepping to the first version
    after looking at the last ones brings its (highlighted) column back into view, and back again."""
    from paths import ROOT

    async def go() -> None:
        app = make_app([ROOT / "drafts"])
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("h")
            await settle(pilot, app)
            matrix = app.screen.query_one(StatusMatrix)
            assert matrix.max_scroll_x > 0  # the versions do not all fit

            def in_view() -> bool:
                keys = list(matrix.columns)
                start = sum(c.width for c in matrix.ordered_columns[2:keys.index(app.version)])
                end = start + matrix.columns[app.version].width
                room = matrix.scrollable_content_region.width - sum(c.width for c in matrix.ordered_columns[:2])
                return matrix.scroll_offset.x <= start and end <= matrix.scroll_offset.x + room

            assert app.version == app.draft_set.ids()[-1] and in_view()
            app.version = app.draft_set.ids()[0]
            await settle(pilot, app)
            assert in_view() and matrix.scroll_offset.x == 0
            app.version = app.draft_set.ids()[-1]
            await settle(pilot, app)
            assert in_view()

    asyncio.run(go())


def test_the_headings_say_which_versions_are_shown_when_they_do_not_all_fit() -> None:
    """At 80 columns the bundled collection's versions do not all fit: the title says which are in view
    (the headings alone showed dates, not that versions were left out), and follows the sideways scroll; the
    headings' two rows are named (year over month). At 120 columns all fit and the title says so."""
    from paths import ROOT

    async def go() -> None:
        app = make_app([ROOT / "drafts"])
        versions = len(app.draft_set.ids())
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("h")
            await settle(pilot, app)
            matrix = app.screen.query_one(StatusMatrix)
            lines = screen_text(app).splitlines()
            assert f"of {versions} shown (← → scroll)" in lines[0], lines[0]
            first, last = matrix.columns_in_view() or (0, 0)
            assert last == versions - 1 and first > 0  # the latest version in view, the oldest ones not
            assert f"versions {first + 1}–{versions} of {versions} shown" in lines[0]
            assert lines[1].startswith("│No. Article year 2") and lines[2].lstrip("│ ").startswith("month 0")
            app.version = app.draft_set.ids()[0]  # out of view to the left: scrolled there
            await settle(pilot, app)
            assert screen_text(app).splitlines()[0].startswith(f"╭─ Status of {matrix.row_count} article entries · versions 1–")
            await pilot.resize_terminal(120, 36)
            await settle(pilot, app)
            title = screen_text(app).splitlines()[0]
            assert f"Status of {matrix.row_count} article entries in {versions} versions" in title and "shown" not in title

    asyncio.run(go())
