"""Dates as they are known, on every face; going to a date; a version known only by its date; Home and End.

A version's date is kept to the day (so that versions sort), but printed with its precision by the one
formatter (:func:`draftdiff.vocab.format_date`): ``2024-06`` known to the month, ``~2023-12-31``
approximate. The bundled drafts have both."""

from __future__ import annotations

import asyncio

from paths import ROOT
from tui_support import make_app, palette, screen_text, settle

from draftdiff.tui.screens.article import ArticleScreen

DRAFTS = ROOT / "drafts"
DAY_OF_MONTH_VERSION = "2024-06-01"
"""The day a version known to the month (2024-06) is kept as: never to be shown."""


def run(coro):  # type: ignore[no-untyped-def]
    return asyncio.run(coro)


async def open_article(pilot, app, article_id: str) -> None:  # type: ignore[no-untyped-def]
    app.push_screen(ArticleScreen(article_id))
    await settle(pilot, app)


def test_the_status_history_writes_each_version_date_with_its_precision() -> None:
    async def go() -> None:
        app = make_app([DRAFTS], version="2025-08-08-initialed")
        async with app.run_test(size=(100, 120)) as pilot:
            await open_article(pilot, app, "recognition")
            text = screen_text(app)
            assert "Status in every version" in text
            for shown in ("2024-06 ", "~2023-12-31", "~2024-02-21", "~2022-11-27", "~2024-09-11"):
                assert any(line.strip(" │").startswith(shown) or f"▶ {shown}" in line
                           for line in text.splitlines()), shown
            assert DAY_OF_MONTH_VERSION not in text and " 2023-12-31" not in text
            assert "in 2025-08-08 · initialed" in text

    run(go())


def test_an_article_missing_from_a_version_names_the_version_by_its_date_as_known() -> None:
    async def go() -> None:
        app = make_app([DRAFTS], version="2023-12-azerbaijan-proposal")
        async with app.run_test(size=(100, 40)) as pilot:
            await open_article(pilot, app, "no-territorial-claims")
            text = " ".join(screen_text(app).split())
            assert "no-territorial-claims is not in the version of ~2023-12-31 (2023-12-azerbaijan-proposal)" in text

    run(go())


def test_the_palette_shows_version_dates_as_known_and_still_finds_a_typed_iso_day() -> None:
    async def go() -> None:
        app = make_app([DRAFTS], version="2025-08-08-initialed")
        async with app.run_test(size=(140, 40)) as pilot:
            await pilot.press("ctrl+p", *"Show version 2024-06")
            await settle(pilot, app)
            await pilot.pause(0.2)
            text = screen_text(app)
            assert "Show version 2024-06 " in text
            assert DAY_OF_MONTH_VERSION not in text
            await pilot.press("escape")
            await pilot.pause()
            await pilot.press("ctrl+p", *"Compare with 2022-11")
            await settle(pilot, app)
            await pilot.pause(0.2)
            text = screen_text(app)
            assert "Compare with ~2022-11-27" in text and "Compare with 2022-11-27" not in text
            await pilot.press("escape")
            await pilot.pause()
            await palette(pilot, app, "Show version 2024-09-11")  # the ISO day of ~2024-09-11
            await settle(pilot, app)
            assert app.version == "2024-09-11-status"
            await palette(pilot, app, "Show version 2024-06-01")  # and of 2024-06
            await settle(pilot, app)
            assert app.version == "2024-06-azerbaijan-tenth-package"

    run(go())


def test_going_to_a_date_says_the_date_of_the_version_as_the_header_does() -> None:
    async def go() -> None:
        app = make_app([DRAFTS])
        async with app.run_test(size=(100, 30), notifications=True) as pilot:
            await pilot.press("g", *"Sep 2024", "enter")
            await settle(pilot, app)
            assert app.version == "2024-09-11-status"
            text = screen_text(app)
            assert "[ ~2024-09-11 ]" in text
            assert "Showing ~2024-09-11" in text and "Showing 2024-09-11" not in text
            await pilot.press("g", *"2024-06", "enter")
            await settle(pilot, app)
            assert "Showing 2024-06 " in screen_text(app)

    run(go())


def test_going_to_text_that_is_not_a_date_says_so_and_keeps_the_dialog_and_the_text() -> None:
    async def go() -> None:
        from textual.widgets import Input, Static

        from draftdiff.tui.screens.dialogs import GotoDateScreen

        app = make_app()
        async with app.run_test(size=(100, 30), notifications=True) as pilot:
            before = app.version
            for typed in ("2025-13-40", "garbage"):
                await pilot.press("g", *typed, "enter")
                await settle(pilot, app)
                assert isinstance(app.screen, GotoDateScreen), typed
                assert app.screen.query_one(Input).value == typed
                text = screen_text(app)
                said = " ".join(str(app.screen.query_one("#goto-error", Static).render()).split())
                assert said.startswith(f"'{typed}' is not a date") and "is not a date" in text
                assert "(write 2024-09-11, 2024-09, 'Sep 2024' or 2024)" in said
                assert "No version on or before" not in text
                assert app.version == before
                await pilot.press("escape")
                await pilot.pause()
            await pilot.press("g", *"garbage")
            await pilot.press(*["backspace"] * len("garbage"), *"Sep 2024", "enter")  # corrected: it goes
            await settle(pilot, app)
            assert not isinstance(app.screen, GotoDateScreen)
            assert app.version == "2024-09-status"

    run(go())


def test_enter_on_a_version_known_only_by_its_date_opens_the_article_as_recorded_then() -> None:
    async def go() -> None:
        app = make_app([DRAFTS])
        async with app.run_test(size=(100, 40)) as pilot:
            await pilot.press("g", *"2024-06", "enter")
            await settle(pilot, app)
            assert app.version == "2024-06-azerbaijan-tenth-package"
            assert "statuses in force then, from 2024-04-08" in screen_text(app)
            await pilot.press("enter")
            await settle(pilot, app)
            assert isinstance(app.screen, ArticleScreen) and app.screen.article_id == "recognition"
            text = " ".join(screen_text(app).split())
            assert "is not in the version" not in text
            assert ("As recorded in 2024-04-08 counter-proposal (2024-04-08-armenia-eighth-edition); "
                    "this version (2024-06) records no articles.") in text
            assert "Mutual recognition of sovereignty" in text and "✗ disputed · reported" in text
            assert "Position of armenia" in text
            await pilot.press("left_square_bracket")
            await settle(pilot, app)
            assert app.version == "2024-04-08-armenia-eighth-edition"
            text = " ".join(screen_text(app).split())
            assert "As recorded in" not in text and "in 2024-04-08 · counter-proposal" in text
            await pilot.press("right_square_bracket", "right_square_bracket")
            await settle(pilot, app)
            assert app.version == "2024-08-31-armenia-tenth-edition"
            text = " ".join(screen_text(app).split())
            assert "As recorded in" not in text and "in 2024-08-31" in text and "Article 1 ·" in text

    run(go())


def test_home_and_end_reach_the_very_top_and_bottom_of_the_article_at_once() -> None:
    """At once: a page that glides there for a second is short of the title or of the last row to whoever
    reads it (or presses a key) meanwhile. Every place the page passes through is noted."""
    async def go() -> None:
        app = make_app([DRAFTS], version="2025-08-08-initialed")
        async with app.run_test(size=(80, 24)) as pilot:
            await open_article(pilot, app, "third-party-forces")
            assert "Article 7 ·" in screen_text(app)
            page = app.screen.query_one("#article-scroll")
            passed: list[float] = []
            app.screen.watch(page, "scroll_y", lambda y: passed.append(y), init=False)
            await pilot.press("end")
            await settle(pilot, app)
            assert page.max_scroll_y > 0 and passed == [page.max_scroll_y], passed
            lines = screen_text(app).splitlines()
            assert "2026-06-07" in lines[-3] and lines[-2].strip().startswith("╰"), "\n".join(lines)
            passed.clear()
            await pilot.press("home")
            await settle(pilot, app)
            assert passed == [0], passed
            lines = screen_text(app).splitlines()
            assert any(line.strip().startswith("Article 7 ·") for line in lines[:3]), "\n".join(lines)

    run(go())


def test_the_boards_since_column_writes_the_version_date_with_its_precision() -> None:
    async def go() -> None:
        app = make_app([DRAFTS], version="2023-12-azerbaijan-proposal")
        async with app.run_test(size=(140, 40)) as pilot:
            await settle(pilot, app)
            await pilot.pause(0.2)
            await settle(pilot, app)
            text = screen_text(app)
            assert "Since" in text
            rows = [line for line in text.splitlines() if line.rstrip(" │").endswith("~2023-12-31")]
            assert rows, text

    run(go())
