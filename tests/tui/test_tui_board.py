"""The board, driven headless: versions, dates, search, filters, help, palette, theme."""

from __future__ import annotations

import asyncio

from tui_support import copy_fixtures, make_app, palette, screen_text, settle

from draftdiff.tui.screens.article import ArticleScreen
from draftdiff.tui.widgets.article_table import ArticleTable
from draftdiff.tui.widgets.preconditions import PreconditionsPanel


def run(coro):  # type: ignore[no-untyped-def]
    return asyncio.run(coro)


def table_ids(app) -> list[str]:  # type: ignore[no-untyped-def]
    table = app.screen.query_one(ArticleTable)
    return table.row_keys()


def test_board_shows_where_the_latest_version_stands() -> None:
    async def go() -> None:
        app = make_app()
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            text = screen_text(app)
            assert "version 4 of 4" in text and "2025-03-13" in text and "joint-text" in text
            assert "finalized" in text
            assert "✓ 5 agreed" in text and "◐ 0 partial" in text and "of 5 articles" in text
            assert "Withdrawal of interstate claims" in text
            assert "Preconditions · 2" in text and "○ open" in text
            assert table_ids(app) == ["recognition", "borders", "third-party-forces", "communications",
                                      "interstate-claims"]

    run(go())


def column_names(app) -> list[str]:  # type: ignore[no-untyped-def]
    return [str(c.label) for c in app.screen.query_one(ArticleTable).ordered_columns]


def test_status_is_symbol_and_word_and_the_bases_and_since_have_their_own_columns() -> None:
    async def go() -> None:
        app = make_app(version="2024-01-beta-response")
        async with app.run_test(size=(100, 30)) as pilot:
            await settle(pilot, app)  # the Since column is computed in a worker
            table = app.screen.query_one(ArticleTable)
            assert column_names(app) == ["No.", "Article", "Status", "Text basis", "Status basis", "Since"]
            row = [str(c) for c in table.get_row("borders")]
            assert row[2] == "◐ partial"
            assert row[5] == "2024-01-04"
            assert [str(c) for c in table.get_row("communications")[3:5]] == ["summary", "inferred"]
            assert str(table.get_row("third-party-forces")[3]) == "no text"

    run(go())


def test_step_through_versions_with_brackets() -> None:
    async def go() -> None:
        app = make_app()
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.press("left_square_bracket")
            assert app.version == "2024-09-status"
            assert "✓ 3 agreed  ◐ 1 partial  ✗ 1 disputed" in screen_text(app)
            await pilot.press("left_square_bracket", "left_square_bracket", "left_square_bracket")
            assert app.version == "2023-12-alpha-proposal"  # stays on the first
            await pilot.press("right_square_bracket")
            assert app.version == "2024-01-beta-response"
            assert "version 2 of 4" in screen_text(app)

    run(go())


def test_each_row_shows_its_own_version_after_stepping_there_and_back() -> None:
    """Rows are drawn again only when what they show changed: stepping must never leave a row as it was in
    the version before (a status, a basis or "since" of the wrong version)."""
    from draftdiff.history import last_changed
    from draftdiff.tui.widgets.article_table import status_basis_badge, text_basis_badge

    async def go() -> None:
        app = make_app()
        async with app.run_test(size=(100, 30)) as pilot:
            for keys in ((), ("left_square_bracket",), ("left_square_bracket", "left_square_bracket"),
                         ("right_square_bracket",), ("right_square_bracket",)):
                await pilot.press(*keys)
                await settle(pilot, app)
                table = app.screen.query_one(ArticleTable)
                draft = app.draft_set.get(app.version)
                assert draft is not None
                for article in draft.articles:
                    row = [str(c) for c in table.get_row(article.id)]
                    assert row[2].endswith(article.status), (app.version, article.id, row)
                    assert row[3:5] == [str(text_basis_badge(article)), str(status_basis_badge(article))]
                    changed = last_changed(app.draft_set, draft.id, article.id)
                    assert row[5] == (changed.date if changed else "—"), (app.version, article.id, row)

    run(go())


def test_a_row_whose_basis_or_title_alone_changed_is_drawn_anew(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Same articles, same statuses, same "since": only a basis and a title differ between two versions."""
    folder = copy_fixtures(tmp_path)
    text = (folder / "2024-09-status.yaml").read_text(encoding="utf-8")
    lines = text.replace("id: 2024-09-status", "id: 2024-10-bases").replace("date: 2024-09-11\nkind",
                                                                             "date: 2024-10-01\nkind")
    lines = lines.replace("based_on: 2024-01-beta-response", "based_on: 2024-09-status")
    lines = lines.replace("title: Third-party forces", "title: Forces, renamed")
    lines = lines.replace("status: agreed\n    status_basis: reported\n    text: The Parties recognize",
                          "status: agreed\n    status_basis: inferred\n    status_note: from the joint statement\n"
                          "    text: The Parties recognize")
    assert lines.count("Forces, renamed") == 1 and lines.count("from the joint statement") == 1
    (folder / "2024-10-bases.yaml").write_text(lines, encoding="utf-8")
    (folder / "2025-03-finalized.yaml").unlink()

    async def go() -> None:
        app = make_app([folder])
        async with app.run_test(size=(100, 30)) as pilot:
            await settle(pilot, app)
            assert app.version == "2024-10-bases"
            for key, title, basis in (("left_square_bracket", "Third-party forces", "reported"),
                                      ("right_square_bracket", "Forces, renamed", "inferred")):
                await pilot.press(key)
                await settle(pilot, app)
                table = app.screen.query_one(ArticleTable)
                assert str(table.get_row("third-party-forces")[1]) == title
                assert str(table.get_row("recognition")[4]) == basis

    run(go())


def test_go_to_a_date_as_typed() -> None:
    async def go() -> None:
        app = make_app()
        async with app.run_test(size=(100, 30), notifications=True) as pilot:
            await pilot.press("g")
            await pilot.press(*"Sep 2024", "enter")
            await pilot.pause()
            assert app.version == "2024-09-status"
            await pilot.press("g", *"1999", "enter")
            await pilot.pause()
            assert app.version == "2024-09-status"  # unchanged; the dialog stays, with the text and why
            assert app.screen.__class__.__name__ == "GotoDateScreen"
            assert "No version on or before '1999': the first is of 2023-12-20" in screen_text(app)
            assert app.screen.query_one("#goto-date").value == "1999"
            await pilot.press("escape")
            assert app.screen.__class__.__name__ == "BoardScreen"

    run(go())


HOSTILE_TITLE = '"Status \\e]52;c;aGVsbG8=\\a and \\e]2;pwned\\a"'
"""An OSC 52 (put text on the clipboard) and an OSC 2 (set the window title), written as YAML escapes."""


def test_every_notice_shows_controls_in_a_title_as_visible_escapes(tmp_path) -> None:  # type: ignore[no-untyped-def]
    folder = copy_fixtures(tmp_path)
    status = folder / "2024-09-status.yaml"
    status.write_text(status.read_text().replace("title: Status reported in September 2024",
                                                 f"title: {HOSTILE_TITLE}"))

    async def go() -> None:
        app = make_app([folder])
        async with app.run_test(size=(120, 30), notifications=True) as pilot:
            assert "\x1b" in app.draft_set.get("2024-09-status").title  # the draft really holds the escape
            await pilot.press("g", *"Sep 2024", "enter")
            await pilot.pause()
            assert app.version == "2024-09-status"
            app.notify("direct \x1b]2;pwned\x07", title="title \x1b]52;c;aGk=\x07")  # any notice, any title
            await pilot.pause()
            svg = app.export_screenshot()
            assert "\x1b" not in svg and "\x07" not in svg
            text = screen_text(app)
            assert "\\x1b]52;c;aGVsbG8=\\x07" in text  # the go-to-date notice, made visible
            assert "direct \\x1b]2;pwned\\x07" in text and "title \\x1b]52" in text

    run(go())


def test_pick_a_version_from_the_list() -> None:
    async def go() -> None:
        app = make_app()
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.press("v")
            assert "Versions" in screen_text(app)
            await pilot.press("up", "up", "enter")
            assert app.version == "2024-01-beta-response"

    run(go())


def test_search_filters_articles_and_escape_clears() -> None:
    async def go() -> None:
        app = make_app(version="2024-01-beta-response")
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.press("slash", *"railways")
            await pilot.pause()
            assert table_ids(app) == ["communications"]
            assert "Articles · 1 of 4" in screen_text(app)
            await pilot.press("enter")  # keep the search, back to the table
            assert isinstance(app.focused, ArticleTable)
            await pilot.press("escape")
            assert len(table_ids(app)) == 4

    run(go())


def test_a_search_that_matches_nothing_says_so_until_rows_come_back() -> None:
    async def go() -> None:
        app = make_app(version="2024-01-beta-response")
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("slash", *"xyz")
            await settle(pilot, app)
            assert table_ids(app) == []
            text = screen_text(app)
            assert "Articles · 0 of 4" in text
            lines = [line for line in text.splitlines() if "No article matches “xyz” — Esc clears the filter" in line]
            assert len(lines) == 1, text
            line = lines[0]
            assert line.startswith("│") and line.index("No article") < 4  # in the table, under its header
            await pilot.press("escape")  # the board's key: from the search box too
            await settle(pilot, app)
            assert len(table_ids(app)) == 4
            assert "No article matches" not in screen_text(app)
            await pilot.press("f", "P")  # agreed (recognition) and alpha (third-party forces only): none
            await settle(pilot, app)
            assert table_ids(app) == []
            assert "No article matches agreed, party alpha — Esc clears the filters" in screen_text(app)
            await pilot.press("P", "P")  # beta, then all parties again: the agreed article is back
            await settle(pilot, app)
            assert table_ids(app) == ["recognition"]
            assert "No article matches" not in screen_text(app)

    run(go())


def test_filter_by_status_and_by_party() -> None:
    async def go() -> None:
        app = make_app(version="2024-01-beta-response")
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.press("f")
            assert table_ids(app) == ["recognition"]  # agreed
            await pilot.press("f")
            assert table_ids(app) == ["borders", "communications"]  # partial
            assert "filter: partial" in screen_text(app)
            await pilot.press("escape", "P")
            assert table_ids(app) == ["third-party-forces"]  # articles where alpha stated a position
            panel = app.screen.query_one(PreconditionsPanel)
            assert [p.party for p in panel.shown] == ["alpha"]  # its preconditions only
            await pilot.press("P")
            assert app.screen.party_filter == "beta"
            await pilot.press("P", "escape")
            assert len(table_ids(app)) == 4 and len(panel.shown) == 2

    run(go())


def test_enter_opens_the_highlighted_article() -> None:
    async def go() -> None:
        app = make_app()
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.press("down", "down", "enter")
            assert isinstance(app.screen, ArticleScreen)
            assert app.screen.article_id == "third-party-forces"
            await pilot.press("escape")
            assert app.screen.__class__.__name__ == "BoardScreen"

    run(go())


def test_help_and_theme_and_quit() -> None:
    async def go() -> None:
        app = make_app()
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.press("f1")
            assert "go to a date" in screen_text(app)
            await pilot.press("escape")
            assert app.theme == "textual-dark"
            await pilot.press("t")
            assert app.theme == "textual-light"
            await pilot.press("q")
        assert app.return_code == 0

    run(go())


def test_command_palette_jumps_to_article_and_version() -> None:
    async def go() -> None:
        app = make_app()
        async with app.run_test(size=(100, 30)) as pilot:
            await palette(pilot, app, "Show version 2024-09")
            await pilot.pause()
            assert app.version == "2024-09-status"
            await palette(pilot, app, "Open article 3")
            await pilot.pause()
            assert isinstance(app.screen, ArticleScreen) and app.screen.article_id == "third-party-forces"

    run(go())


def test_usable_at_80x24() -> None:
    async def go() -> None:
        app = make_app()
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            text = screen_text(app)
            lines = text.splitlines()
            assert len(lines) == 24 and all(len(line) <= 80 for line in lines)
            assert "✓ 5 agreed" in text and "of 5 articles" in text and "Withdrawal of inter" in text and "^p" in text

    run(go())


def test_palette_export_asks_format_path_and_author_and_never_overwrites_unasked(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import pytest
    from textual.widgets import Input, Select

    from draftdiff.tui.export import snapshot_formats
    from draftdiff.tui.screens.forms import FormDialog

    if "md" not in snapshot_formats():
        pytest.skip("no Markdown snapshot renderer registered")
    monkeypatch.chdir(tmp_path)

    async def go() -> None:
        app = make_app(version="2024-09-status")
        async with app.run_test(size=(100, 30), notifications=True) as pilot:
            await palette(pilot, app, "Export snapshot of 2024-09-11 as md")
            await pilot.pause()
            dialog = app.screen
            assert isinstance(dialog, FormDialog)
            assert dialog.query_one("#field-format", Select).value == "md"
            assert dialog.query_one("#field-path", Input).value == "snapshots/"
            said = screen_text(app)
            assert "ctrl+s or Export to write" in said and "Record" not in said  # it records no news
            dialog.query_one("#field-author", Input).value = "Doe, Jane"
            await pilot.press("ctrl+s")
            await settle(pilot, app)  # the export is written in a worker
            written = tmp_path / "snapshots" / "snapshot-2024-09-status.md"
            assert written.is_file() and "Third-party forces" in written.read_text()
            assert "Doe" in written.read_text()
            assert "Snapshot written" in screen_text(app)
            written.write_text("kept")
            await palette(pilot, app, "Export snapshot of 2024-09-11 as md")
            await pilot.pause()
            await pilot.press("ctrl+s")
            await settle(pilot, app)  # the export is written in a worker
            assert written.read_text() == "kept" and "exists" in screen_text(app)
            assert "Not written:" in screen_text(app)
            app.screen.query_one("#field-overwrite", Select).value = "replace"
            await pilot.press("ctrl+s")
            await settle(pilot, app)  # the export is written in a worker
            assert "Third-party forces" in written.read_text()

    run(go())


def test_palette_export_refuses_a_collection_with_errors_as_snapshot_does(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """A status that contradicts the claim made public: validate fails, snapshot refuses, so does the export."""
    from draftdiff.tui.screens.forms import FormDialog

    folder = copy_fixtures(tmp_path)
    status = folder / "2024-09-status.yaml"
    status.write_text(status.read_text().replace("    status: disputed\n", "    status: agreed\n", 1))
    monkeypatch.chdir(tmp_path)

    async def go() -> None:
        app = make_app([folder], version="2024-09-status")
        async with app.run_test(size=(120, 36), notifications=True) as pilot:
            await pilot.pause()
            text = screen_text(app)
            assert "claimed-counts" in text  # the problem panel lists the collection rule's finding
            from draftdiff.tui.export import ask_export

            ask_export(app, "md")
            await pilot.pause()
            assert not isinstance(app.screen, FormDialog)
            assert "refuses to build a snapshot" in screen_text(app)
            assert not (tmp_path / "snapshots").exists()

    run(go())


def test_the_search_box_leaves_the_table_its_full_width_and_columns() -> None:
    """The search box has a margin at its sides; the table under it keeps the screen's width (it lost two
    cells, and with them the "Status basis" column at 80 columns, while the box was shown)."""
    async def go() -> None:
        app = make_app(version="2024-01-beta-response")
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot, app)
            before = column_names(app)
            await pilot.press("slash", *"r")
            await settle(pilot, app)
            table = app.screen.query_one(ArticleTable)
            assert table.region.width == 80
            assert column_names(app) == before and "Status basis" in before
            assert "Status basis" in screen_text(app)

    run(go())


def test_keys_typed_at_once_after_slash_go_into_the_search_box() -> None:
    """A terminal delivers "/abc" typed fast in one read: "a" must not open the Add claim dialog."""
    from textual import events

    async def go() -> None:
        app = make_app(version="2024-01-beta-response")
        async with app.run_test(size=(100, 30)) as pilot:
            await settle(pilot, app)
            for key, char in (("slash", "/"), ("r", "r"), ("a", "a"), ("i", "i")):
                event = events.Key(key, char)
                event.set_sender(app)
                app._driver.send_message(event)  # as the terminal's reader does: all queued before any is handled
            await settle(pilot, app)
            search = app.screen.query_one("#search")
            assert search.value == "rai", screen_text(app)  # type: ignore[attr-defined]
            assert app.screen.id == app.screen_stack[0].id and len(app.screen_stack) == 1

    run(go())


def test_a_slash_typed_in_the_search_box_is_searched_for() -> None:
    async def go() -> None:
        app = make_app(version="2024-01-beta-response")
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.press("slash", "a", "slash", "b")
            await settle(pilot, app)
            assert app.screen.query_one("#search").value == "a/b"  # type: ignore[attr-defined]

    run(go())


def test_palette_export_makes_the_snapshots_folder_but_no_tree_of_missing_folders(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """``snapshots/`` is made where the TUI runs; a mistyped ``nowhere/deeper/x.md`` is refused, as
    ``draftdiff snapshot -o`` refuses it, and nothing is made."""
    from textual.widgets import Input

    from draftdiff.tui.export import ask_export, snapshot_formats

    if "md" not in snapshot_formats():
        import pytest

        pytest.skip("no Markdown snapshot renderer registered")
    monkeypatch.chdir(tmp_path)

    async def go() -> None:
        app = make_app(version="2024-09-status")
        async with app.run_test(size=(100, 30), notifications=True) as pilot:
            await settle(pilot, app)
            ask_export(app, "md")
            await pilot.pause()
            app.screen.query_one("#field-path", Input).value = "nowhere/deeper/x.md"
            await pilot.press("ctrl+s")
            await settle(pilot, app)
            said = " ".join(str(app.screen.query_one("#form-message").render()).split())  # wrapped to the box
            assert "cannot write" in said and "no file was written" in said
            assert not (tmp_path / "nowhere").exists()
            app.screen.query_one("#field-path", Input).value = "snapshots/"
            await pilot.press("ctrl+s")
            await settle(pilot, app)
            assert (tmp_path / "snapshots" / "snapshot-2024-09-status.md").is_file()

    run(go())


def test_the_version_list_wraps_a_long_title_under_the_title_not_under_the_date() -> None:
    from pathlib import Path

    from paths import TESTS

    async def go() -> None:
        app = make_app([Path(TESTS.parent / "drafts")], version="2025-08-08-initialed")
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot, app)
            await pilot.press("v")
            await settle(pilot, app)
            lines = screen_text(app).splitlines()
            at = next(i for i, line in enumerate(lines) if "Agreement on Establishment" in line)
            title_column = lines[at].index("Agreement")
            follow = lines[at + 1]
            assert follow[title_column - 4:title_column].strip() == ""  # nothing where the date and kind are
            assert "Inter-State" in follow[title_column:]

    run(go())
