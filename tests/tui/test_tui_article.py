"""The article screen: text with its basis, positions side by side, sources, status history; text is data."""

from __future__ import annotations

import asyncio

from tui_support import make_app, screen_text

from draftdiff.collection import DraftSet
from draftdiff.load import LoadedDraft
from draftdiff.model import Draft
from draftdiff.tui.screens.article import ArticleScreen


async def open_article(pilot, app, article_id: str) -> None:  # type: ignore[no-untyped-def]
    app.push_screen(ArticleScreen(article_id))
    await pilot.pause()


def test_article_shows_text_basis_sources_and_history() -> None:
    async def go() -> None:
        app = make_app(version="2024-01-beta-response")
        async with app.run_test(size=(100, 40)) as pilot:
            await open_article(pilot, app, "borders")
            text = screen_text(app)
            assert "Article 2 · Delimitation of the border" in text
            assert "◐ partial · reported" in text
            assert "Text · summary" in text and "Alma-Ata Declaration" in text
            assert "Beta answers with amendments — Example Wire, 2024-01-05" in text
            assert "https://example.org/wire/2024-01" in text and "“some regression but some progress”" in text
            assert "Status in every version" in text
            history = [line for line in text.splitlines() if "2023-12-20" in line or "2025-03-13" in line]
            assert any("✗ disputed" in line for line in history) and any("✓ agreed" in line for line in history)
            assert "▶ 2024-01-04" in text  # the version on screen is marked

    asyncio.run(go())


def test_status_history_says_where_the_status_changed_on_the_same_line_at_80_columns() -> None:
    async def go() -> None:
        app = make_app(version="2024-01-beta-response")
        async with app.run_test(size=(80, 40)) as pilot:
            await open_article(pilot, app, "third-party-forces")
            lines = screen_text(app).splitlines()
            first = next(line for line in lines if "2023-12-20" in line)
            final = next(line for line in lines if "2025-03-13" in line)
            same = next(line for line in lines if "2024-09-11" in line)
            assert "✗ disputed  first" in first and "✓ agreed    changed" in final
            assert "changed" not in same and "first" not in same  # disputed, as before
            assert "2023-12-alpha-pro" in first and "…" in first  # cut, not wrapped onto a line of its own
            assert not any(line.strip().strip("│").strip().startswith(("changed", "2023-12-alpha")) for line in lines)

    asyncio.run(go())


def test_positions_side_by_side_and_inferred_note() -> None:
    async def go() -> None:
        app = make_app(version="2023-12-alpha-proposal")
        async with app.run_test(size=(100, 40)) as pilot:
            await open_article(pilot, app, "third-party-forces")
            text = screen_text(app)
            line = next(line for line in text.splitlines() if "Position of alpha" in line)
            assert "Position of beta" in line  # one line: side by side
            assert "No third-party forces along the whole border" in text
            assert "Observers stay until delimitation ends" in text
            assert "inferred" in text and "Status note: Not mentioned by either side" in text
            assert "Text · none" in text

    asyncio.run(go())


def test_article_keys_step_versions_and_articles() -> None:
    async def go() -> None:
        app = make_app(version="2024-01-beta-response")
        async with app.run_test(size=(100, 40)) as pilot:
            await open_article(pilot, app, "borders")
            await pilot.press("right_square_bracket")
            assert app.version == "2024-09-status" and "✓ agreed · reported" in screen_text(app)
            await pilot.press("n")
            assert app.screen.article_id == "third-party-forces"
            await pilot.press("p", "p")
            assert app.screen.article_id == "recognition"
            await pilot.press("left_square_bracket", "left_square_bracket", "n", "n", "n", "n")
            assert app.screen.article_id == "recognition"  # wraps within the 4 articles of Dec 2023
            await pilot.press("c")
            await pilot.pause()
            assert app.screen.__class__.__name__ == "CompareScreen"
            assert app.compare_pair == ("2023-12-alpha-proposal", "2023-12-alpha-proposal")

    asyncio.run(go())


def test_article_missing_from_the_version_says_so() -> None:
    async def go() -> None:
        app = make_app(version="2023-12-alpha-proposal")
        async with app.run_test(size=(100, 40)) as pilot:
            await open_article(pilot, app, "interstate-claims")
            text = screen_text(app)
            assert "interstate-claims is not in the version of 2023-12-20" in text
            assert "◐ partial" in text  # its history still shows where it appeared

    asyncio.run(go())


def test_markup_brackets_and_escapes_are_shown_literally() -> None:
    async def go() -> None:
        app = make_app(version="2024-01-beta-response")
        async with app.run_test(size=(100, 40)) as pilot:
            await open_article(pilot, app, "communications")
            text = screen_text(app)
            assert "[the Parties shall] open roads and railways; [bold red]not markup[/] stays literal." in text

    asyncio.run(go())


def test_terminal_escapes_in_a_title_are_made_visible() -> None:
    draft = Draft.model_validate({
        "schema_version": 1, "agreement": "x", "id": "d1", "title": "Evil \x1b[2J title", "date": "2024-01-01",
        "kind": "proposal", "proposed_by": "a", "stage": "negotiating", "parties": ["a", "b"],
        "articles": [{"id": "art", "number": 1, "title": "[blink]Esc\x1b]0;pwned\x07 here", "status": "agreed",
                      "status_basis": "inferred", "text": "Line \u202eevil\u202c and [/] [b]x[/b]",
                      "text_basis": "summary"}],
    })
    draft_set = DraftSet([LoadedDraft("d1.yaml", b"", draft=draft)])

    async def go() -> None:
        app = make_app(draft_set=draft_set)
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            board = screen_text(app)
            assert "Evil \\x1b[2J title" in board
            assert "[blink]Esc\\x1b]0;pwned\\x07 here" in board
            await pilot.press("enter")
            text = screen_text(app)
            assert "Line \\u202eevil\\u202c and [/] [b]x[/b]" in text

    asyncio.run(go())


def one_article_set(**article: object) -> DraftSet:
    fields = {"id": "art", "number": 1, "title": "Long article", "status": "agreed", "status_basis": "reported",
              "text_basis": "verbatim", **article}
    draft = Draft.model_validate({
        "schema_version": 1, "agreement": "x", "id": "d1", "title": "One version", "date": "2024-01-01",
        "kind": "proposal", "proposed_by": "a", "stage": "negotiating", "parties": ["a", "b"],
        "articles": [fields]})
    return DraftSet([LoadedDraft("d1.yaml", b"", draft=draft)])


def test_a_400000_line_text_is_drawn_part_by_part() -> None:
    """Bounded: what the screen is given to lay out is one part, whatever the length of the text."""
    from textual.widgets import Static

    from draftdiff.tui.screens.article import PART_CHARS, text_part

    lines = [f"line {n}" for n in range(400_000)]
    text = "\n".join(lines)
    assert "".join(text_part(text, i) for i in range(-(-len(text) // PART_CHARS))) == text  # parts join up

    async def go() -> None:
        app = make_app(draft_set=one_article_set(text=text))
        async with app.run_test(size=(100, 30)) as pilot:
            await open_article(pilot, app, "art")
            box = app.screen.query_one("#article-text", Static)
            shown = str(box.content)
            assert len(shown) < PART_CHARS + 1_000 and shown.startswith("line 0\nline 1\n")
            assert "part 1 of" in str(box.border_title) and "400,000 lines" in shown
            await pilot.press("greater_than_sign")
            shown = str(app.screen.query_one("#article-text", Static).content)
            assert not shown.startswith("line 0") and len(shown) < PART_CHARS + 1_000
            assert "part 2 of" in shown
            await pilot.press("less_than_sign", "less_than_sign")  # stays on the first part
            assert str(app.screen.query_one("#article-text", Static).content).startswith("line 0\n")

    asyncio.run(go())


def test_the_article_shows_its_notes_and_status_note() -> None:
    async def go() -> None:
        app = make_app(draft_set=one_article_set(
            text="Short.", notes="Wording from the second round.", status_basis="inferred",
            status_note="Counted among the agreed ones."))
        async with app.run_test(size=(100, 30)) as pilot:
            await open_article(pilot, app, "art")
            text = screen_text(app)
            assert "Notes" in text and "Wording from the second round." in text
            assert "Status note: Counted among the agreed ones." in text

    asyncio.run(go())
