"""The compare screen: default pair, change list, redline inline and side by side, keys, pickers."""

from __future__ import annotations

import asyncio

from textual.widgets import Select
from tui_support import make_app, screen_text, settle

from draftdiff.tui.screens.article import ArticleScreen
from draftdiff.tui.screens.compare import CompareScreen
from draftdiff.tui.widgets.redline import RedlineView
from draftdiff.tui.widgets.row_table import RowTable


def test_c_compares_the_selected_version_with_its_base() -> None:
    async def go() -> None:
        app = make_app(version="2024-01-beta-response")
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.press("c")
            await settle(pilot, app)
            assert isinstance(app.screen, CompareScreen)
            assert app.compare_pair == ("2023-12-alpha-proposal", "2024-01-beta-response")
            assert app.screen.query_one("#compare-old", Select).value == "2023-12-alpha-proposal"
            text = screen_text(app)
            assert "4 of 4 articles changed" in text
            assert "agreed 0 → 1" in text
            assert "◐ → ✓ agreed" in text  # recognition became agreed
            assert "Article 1 · Mutual recognition of sovereignty" in text  # its redline below

    asyncio.run(go())


def test_redline_marks_deleted_and_inserted_words() -> None:
    async def go() -> None:
        app = make_app(version="2024-01-beta-response")
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.press("c")
            await settle(pilot, app)
            await pilot.press("n")  # the second change: Delimitation of the border
            await settle(pilot, app)
            view = app.screen.query_one(RedlineView)
            inline = app.screen.query_one("#redline-inline").content
            spans = {str(inline)[s.start:s.end]: str(s.style) for s in inline.spans}
            assert "strike" in spans["[the 1991 maps]."]  # deleted: struck through (and red)
            assert "underline" in spans["the Alma-Ata Declaration."]  # inserted: underlined (and green)
            assert "[the 1991 maps].the Alma-Ata Declaration." in screen_text(app)
            await pilot.press("s")
            assert view.side_by_side
            text = screen_text(app)
            line = next(line for line in text.splitlines() if "Old" in line)
            assert "New" in line  # side by side on one line
            await pilot.press("s")
            assert not view.side_by_side

    asyncio.run(go())


def test_next_and_previous_change_keys() -> None:
    async def go() -> None:
        app = make_app(version="2024-09-status")
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.press("c")
            await settle(pilot, app)
            screen = app.screen
            assert screen.change is not None
            first = screen.change.id
            await pilot.press("n")
            assert screen.change.id != first
            await pilot.press("p")
            assert screen.change.id == first
            await pilot.press("p")  # nothing before the first: a notice, no move
            assert screen.change.id == first
            await pilot.press("a")  # all articles, including unchanged ones
            table = screen.query_one("#changes", RowTable)
            assert table.row_count == 5
            assert "unchanged" in screen_text(app) or table.row_count == len(screen.diff.changed_articles)

    asyncio.run(go())


def test_pick_other_versions_and_swap() -> None:
    async def go() -> None:
        app = make_app(version="2024-09-status")
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.press("c")
            await settle(pilot, app)
            app.screen.query_one("#compare-old", Select).value = "2023-12-alpha-proposal"
            await settle(pilot, app)
            assert app.compare_pair == ("2023-12-alpha-proposal", "2024-09-status")
            assert "agreed 0 → 3" in screen_text(app)
            await pilot.press("w")
            await settle(pilot, app)
            assert app.compare_pair == ("2024-09-status", "2023-12-alpha-proposal")
            assert "agreed 3 → 0" in screen_text(app)

    asyncio.run(go())


def test_pickers_work_from_the_keyboard() -> None:
    async def go() -> None:
        app = make_app(version="2024-09-status")
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.press("c")
            await settle(pilot, app)
            app.screen.query_one("#compare-old", Select).focus()
            await pilot.press("enter", "home", "enter")  # open the list, first version, choose
            await settle(pilot, app)
            assert app.compare_pair[0] == "2023-12-alpha-proposal"

    asyncio.run(go())


def test_enter_opens_the_article_in_the_newer_version_and_palette_compare_with() -> None:
    async def go() -> None:
        app = make_app(version="2024-09-status")
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.press("c")
            await settle(pilot, app)
            app.screen.query_one("#changes", RowTable).focus()
            await pilot.press("enter")
            assert isinstance(app.screen, ArticleScreen) and app.version == "2024-09-status"
            await pilot.press("escape", "b")
            await pilot.press("ctrl+p", *"Compare with 2023-12")
            await pilot.pause(0.3)
            await pilot.press("enter")
            await settle(pilot, app)
            assert isinstance(app.screen, CompareScreen)
            assert app.compare_pair == ("2023-12-alpha-proposal", "2024-09-status")

    asyncio.run(go())


def test_u_keeps_only_substantive_changes() -> None:
    async def go() -> None:
        app = make_app(version="2025-03-finalized")
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.press("c")
            await settle(pilot, app)
            table = app.screen.query_one("#changes", RowTable)
            assert table.row_count == 5
            await pilot.press("u")
            await settle(pilot, app)
            assert table.row_count == 2
            assert all(change.substantive for change in app.screen.diff.listed_articles(substantive=True))
            assert "2 substantive changes" in screen_text(app)
            await pilot.press("u")
            await settle(pilot, app)
            assert table.row_count == 5

    asyncio.run(go())


def test_the_change_list_has_the_keys_when_compare_opens() -> None:
    """Arrows move through the changes at once: the first picker does not take them (it did, and opened)."""

    async def go() -> None:
        app = make_app(version="2024-01-beta-response")
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.press("c")
            await settle(pilot, app)
            assert app.focused is app.screen.query_one("#changes", RowTable)
            first = app.screen.change.id
            await pilot.press("down")
            await settle(pilot, app)
            assert app.screen.change.id != first
            assert "Select" not in type(app.focused).__name__

    asyncio.run(go())
