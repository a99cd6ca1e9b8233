"""The new screens and panels: Preconditions (r), Version (i), the help's full key list, a version known
only by its date."""

from __future__ import annotations

import asyncio
from pathlib import Path

from paths import TESTS
from tui_support import copy_fixtures, make_app, screen_text, settle

from draftdiff.tui.screens.dialogs import HELP, help_text
from draftdiff.vocab import PRECONDITION_SYMBOLS, STATUS_SYMBOLS


def test_help_lists_every_key_of_every_screen_u_included_and_both_legends() -> None:
    text = help_text(74).plain
    tokens = {t for _, keys in HELP for k, _ in keys for part in k.split(" / ") for t in part.split(", ")}
    for key in ("u", "e", "a", "N", "r", "i", "ctrl+z", ">", "<", "ctrl+s"):
        assert key in tokens, key
    assert "only substantive changes" in text
    assert all(len(line) <= 80 for line in text.splitlines())  # wrapped to the box at 80 columns
    assert "○ open — still demanded" in text and "✓ agreed" in text
    assert not set(PRECONDITION_SYMBOLS.values()) & set(STATUS_SYMBOLS.values())


def test_every_bound_key_is_in_the_help() -> None:
    """At 80 columns the key bar cannot show them all: F1 must."""
    from draftdiff.tui.app import DraftDiffApp
    from draftdiff.tui.screens.article import ArticleScreen
    from draftdiff.tui.screens.board import BoardScreen
    from draftdiff.tui.screens.compare import CompareScreen
    from draftdiff.tui.screens.preconditions import PreconditionsScreen
    from draftdiff.tui.screens.version import VersionScreen

    listed = " ".join(k for _, keys in HELP for k, _ in keys).replace("F1", "f1")
    names = {"left_square_bracket": "[", "right_square_bracket": "]", "slash": "/", "escape": "Esc",
             "greater_than_sign": ">", "less_than_sign": "<"}
    for owner in (DraftDiffApp, BoardScreen, ArticleScreen, CompareScreen, PreconditionsScreen, VersionScreen):
        for binding in owner.BINDINGS:
            key = binding.key.split(",")[0]  # type: ignore[union-attr]
            assert names.get(key, key) in listed, (owner.__name__, key)


def test_preconditions_screen_lists_every_one_with_raised_date_note_sources_and_history() -> None:
    async def go() -> None:
        app = make_app(version="2024-09-status")
        async with app.run_test(size=(120, 36)) as pilot:
            await pilot.press("r")
            await settle(pilot, app)
            text = screen_text(app)
            assert "Preconditions · 2 in the version of 2024-09-11 status-report" in text
            assert "○ open" in text and "≡ in-agreement" in text and "2023-12-20" in text
            assert "Sources: speech-2024-09" in text
            assert "2 preconditions in 4 versions" in text
            row = next(line for line in text.splitlines() if "Alpha withdraws" in line and "·" in line)
            assert [c for c in row.split() if c in "·○≡"][-4:] == ["·", "○", "≡", "≡"]  # not yet raised, open, then in the agreement
            await pilot.press("enter")
            await pilot.pause()
            record = screen_text(app)
            assert "Precondition constitution-change" in record and "In every version" in record
            assert "Prime minister's press conference" in record and "three of five articles" in record

    asyncio.run(go())


def test_version_screen_shows_summary_notes_attestation_and_claims_with_their_verdict() -> None:
    async def go() -> None:
        app = make_app(version="2024-09-status")
        async with app.run_test(size=(120, 36)) as pilot:
            await pilot.press("i")
            await pilot.pause()
            text = screen_text(app)
            assert "Status reported in September 2024" in text and "Claimed in public" in text
            assert "3 agreed, 1 partial, 1 disputed" in text
            assert "fits — judged against 2024-09-11 2024-09-status" in text
            assert "source: Prime minister's press conference — Example Broadcaster" in text

    asyncio.run(go())


DATE_ONLY = """schema_version: 1
agreement: test-peace
id: 2024-11-reported
title: A version known only from reports
date: 2024-11-01
date_precision: month
date_note: Reported in November; the day is not known.
kind: proposal
proposed_by: alpha
based_on: 2024-09-status
stage: negotiating
parties: [alpha, beta]
article_coverage: none
summary: Alpha sent new proposals [wire-2024-11].
attested_by: [wire-2024-11]
sources:
  - id: wire-2024-11
    title: Alpha sends proposals
    publisher: Example Wire
    date: 2024-11-05
    url: https://example.org/wire/2024-11
    quote: "new proposals were sent"
"""


def date_only_collection(tmp_path: Path) -> Path:
    folder = copy_fixtures(tmp_path)
    (folder / "2024-11-reported.yaml").write_text(DATE_ONLY)
    return folder


def test_a_version_known_only_by_date_shows_its_summary_and_the_statuses_in_force_then(tmp_path: Path) -> None:
    folder = date_only_collection(tmp_path)

    async def go() -> None:
        app = make_app([folder], version="2024-11-reported")
        async with app.run_test(size=(120, 36)) as pilot:
            await pilot.pause()
            text = screen_text(app)
            assert "2024-11" in text and "Known only by its date" in text and "Alpha sent new proposals" in text
            assert "statuses in force then, from 2024-09-11 status-report (2024-09-status)" in text
            assert "✓ 3 agreed" in text and "(in force then: 2024-09-11)" in text
            assert "Third-party forces" in text  # the articles of the version in force, not an empty board
            await pilot.press("i")
            await pilot.pause()
            text = screen_text(app)
            assert "Date note" in text and "the day is not known" in text
            assert "Attested by" in text and "Alpha sends proposals — Example Wire, 2024-11-05" in text
            assert "Statuses in force then come from 2024-09-11 2024-09-status" in text

    asyncio.run(go())


def test_drafts_load_in_a_worker_and_the_first_frame_comes_before_them() -> None:
    async def go() -> None:
        app = make_app(preload=False)
        async with app.run_test(size=(80, 24)) as pilot:
            assert app.loading or app.draft_set.ids()  # the first frame may come before the drafts
            await settle(pilot, app)
            assert not app.loading and app.version == "2025-03-finalized"
            assert "✓ 5 agreed" in screen_text(app)

    asyncio.run(go())


def test_after_the_drafts_load_the_keys_go_to_the_board_not_to_the_hidden_search_box() -> None:
    """The app reads the drafts in a worker while the table shows it is loading; the search box, hidden
    until "/", must not take the focus meanwhile (it did: "e" typed a search instead of Set status)."""
    from textual.widgets import Input

    from draftdiff.tui.screens.forms import FormDialog
    from draftdiff.tui.widgets.article_table import ArticleTable

    async def go() -> None:
        app = make_app(preload=False)
        async with app.run_test(size=(100, 30)) as pilot:
            await settle(pilot, app)
            assert isinstance(app.focused, ArticleTable)
            assert not app.screen.query_one("#search", Input).can_focus
            await pilot.press("down", "e")
            await pilot.pause()
            assert isinstance(app.screen, FormDialog)
            await pilot.press("escape", "slash", "x")
            await pilot.pause()
            assert isinstance(app.focused, Input) and app.focused.value == "x"
            await pilot.press("escape")
            await pilot.pause()
            assert isinstance(app.focused, ArticleTable) and not app.screen.query_one("#search", Input).can_focus

    asyncio.run(go())


def test_at_80_columns_titles_keep_30_characters_and_since_goes_first() -> None:
    from draftdiff.tui.widgets.article_table import fit_columns

    columns, title = fit_columns(78)  # the table inside its border
    assert title >= 28 and "since" not in [k for k, _, _ in columns] and "basis" in [k for k, _, _ in columns]
    columns, title = fit_columns(120)
    assert [k for k, _, _ in columns] == ["no", "title", "status", "text", "basis", "since"]


def test_the_number_column_names_a_part_in_full_where_no_column_is_lost_for_it() -> None:
    from types import SimpleNamespace

    from draftdiff.tui.look import part_number
    from draftdiff.tui.widgets.article_table import fit_columns, number_width

    parts = [SimpleNamespace(part="preamble", number=None), SimpleNamespace(part="annex", number=2),
             SimpleNamespace(part="article", number=17)]
    assert number_width(parts) == 8  # "Preamble"
    wide, _ = fit_columns(118, 8)
    assert ("no", "No.", 8) in wide and len(wide) == 6
    narrow, title = fit_columns(78, 8)  # the status basis would go: the parts are named in short instead
    assert ("no", "No.", 3) in narrow and "basis" in [k for k, _, _ in narrow] and title >= 28
    assert [part_number(p, 8) for p in parts] == ["Preamble", "Annex 2", "17"]
    assert [part_number(p, 3) for p in parts] == ["Pre", "Ax2", "17"]


def test_the_since_table_read_with_the_drafts_is_history_last_changed() -> None:
    """One rule: the table the board reads is what the core's last_changed says, for every article."""
    from draftdiff.bundled import drafts_dir
    from draftdiff.history import last_changed
    from draftdiff.tui.loading import load_collection

    for folder in (TESTS / "fixtures" / "tui_drafts", drafts_dir()):
        loaded = load_collection([folder])
        assert loaded.since is not None
        for draft in loaded.draft_set.drafts:
            for article in draft.articles:
                expected = last_changed(loaded.draft_set, draft.id, article.id)
                assert loaded.since[draft.id].get(article.id) == expected, (draft.id, article.id)


def test_help_at_80_columns_wraps_each_description_under_itself() -> None:
    """The help box is narrower than the screen by its border, padding and scroll bar: a description wrapped
    for a wider box broke again at the box's edge, its last words at the left margin under the keys."""
    from textual.containers import VerticalScroll

    async def go() -> None:
        app = make_app()
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("f1")
            await pilot.pause()
            box = app.screen.query_one("#help-box", VerticalScroll)
            left = box.region.x
            seen: list[str] = []
            while True:
                seen += [line[left + 2:left + box.region.width - 1] for line in screen_text(app).splitlines()
                         if len(line) > left and line[left] == "│"]
                if box.scroll_y >= box.max_scroll_y:
                    break
                box.scroll_to(y=box.scroll_y + box.scrollable_content_region.height, animate=False)
                await pilot.pause()
            text = "\n".join(seen)
            assert "note, source)" in text and "or bases alone)" in text
            for line in seen:  # a heading, a key (indented 2) or a description's next line (indented 17)
                assert not line.strip() or line.startswith(" ") or line[0].isupper(), line

    asyncio.run(go())


def test_the_preconditions_matrix_keeps_party_and_demand_in_place_and_the_version_in_view() -> None:
    """Like the history's matrix: more versions than 80 columns show; the selected one's column is in view,
    and scrolling the versions sideways leaves the party (whole: "azerbaijan") and the demand in place."""
    from paths import ROOT

    async def go() -> None:
        app = make_app([ROOT / "drafts"])
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("r")
            await settle(pilot, app)
            matrix = app.screen.query_one("#precondition-matrix")
            assert matrix.max_scroll_x > 0 and matrix.scroll_offset.x > 0  # the latest version, at the right
            matrix.focus()
            await pilot.press(*["left"] * 30)
            await pilot.pause()
            assert matrix.scroll_offset.x == 0
            await pilot.press("right", "right")
            await pilot.pause()
            text = screen_text(app)
            header = next(line for line in text.splitlines() if "Party" in line and "Demand" in line
                          and "Status" not in line)
            assert header.startswith("│Party      Demand")
            assert any(line.startswith("│azerbaijan ") for line in text.splitlines())

    asyncio.run(go())


def test_the_view_keys_show_the_view_itself_from_any_screen_read_on_top() -> None:
    """``b`` on an article shows the board, ``c`` on the Version screen the comparison, and Escape on
    the board then has no article left behind to walk back to."""
    from draftdiff.tui.screens.article import ArticleScreen
    from draftdiff.tui.screens.board import BoardScreen
    from draftdiff.tui.screens.compare import CompareScreen
    from draftdiff.tui.screens.history import HistoryScreen
    from draftdiff.tui.screens.version import VersionScreen

    async def go() -> None:
        app = make_app()
        async with app.run_test(size=(100, 30)) as pilot:
            await settle(pilot, app)
            for keys, shown in ((["enter", "b"], BoardScreen), (["i", "b"], BoardScreen),
                                (["c", "i", "c"], CompareScreen), (["h", "i", "b", "h"], HistoryScreen),
                                (["b", "enter", "h", "b"], BoardScreen)):
                for key in keys:
                    await pilot.press(key)
                    await settle(pilot, app)
                assert type(app.screen) is shown, (keys, app.screen)
                assert len(app.screen_stack) == 1, (keys, app.screen_stack)
            await pilot.press("escape")
            await settle(pilot, app)
            assert type(app.screen) is BoardScreen
            await pilot.press("h")  # the history's stack lost its article too
            await settle(pilot, app)
            assert type(app.screen) is HistoryScreen and not isinstance(app.screen, (ArticleScreen, VersionScreen))

    asyncio.run(go())


def test_a_view_key_pressed_in_a_form_leaves_the_form_open() -> None:
    from draftdiff.tui.screens.forms import FormDialog

    async def go() -> None:
        app = make_app()
        async with app.run_test(size=(100, 30)) as pilot:
            await settle(pilot, app)
            await pilot.press("a")  # add a claim
            await settle(pilot, app)
            assert isinstance(app.screen, FormDialog)
            app.action_show_history()
            await settle(pilot, app)
            assert isinstance(app.screen, FormDialog)

    asyncio.run(go())


def test_enter_on_the_boards_preconditions_panel_opens_the_preconditions_screen() -> None:
    from draftdiff.tui.screens.preconditions import PreconditionsScreen
    from draftdiff.tui.widgets.preconditions import PreconditionsPanel

    async def go() -> None:
        app = make_app()
        async with app.run_test(size=(100, 30)) as pilot:
            await settle(pilot, app)
            app.screen.query_one(PreconditionsPanel).focus()
            await pilot.press("enter")
            await settle(pilot, app)
            assert isinstance(app.screen, PreconditionsScreen)

    asyncio.run(go())


def test_at_80_by_24_the_board_never_runs_past_the_last_line(tmp_path: Path) -> None:
    """A three-line summary, the search box and the problems panel at once: the panels give up lines
    (each scrolls), the screen itself never scrolls and every panel keeps its bottom border."""
    import shutil

    from draftdiff.tui.widgets.diagnostics_panel import DiagnosticsPanel
    from draftdiff.tui.widgets.key_bar import KeyBar
    from draftdiff.tui.widgets.preconditions import PreconditionsPanel

    folder = tmp_path / "drafts"
    shutil.copytree(TESTS.parent / "drafts", folder, ignore=shutil.ignore_patterns("*.md"))

    async def check(app, pilot) -> None:  # type: ignore[no-untyped-def]
        screen = app.screen
        assert screen.max_scroll_y == 0 and screen.virtual_size.height <= 24
        for panel in (PreconditionsPanel, DiagnosticsPanel):
            widget = screen.query_one(panel)
            if widget.display:
                assert widget.region.bottom <= screen.query_one(KeyBar).region.y
        assert screen.query_one(KeyBar).region.y == 23

    async def go() -> None:
        app = make_app([folder], version="2024-02-azerbaijan-reply")
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot, app)
            await pilot.press("slash", *"border")
            await settle(pilot, app)
            await check(app, pilot)
            (folder / "zz-broken.yaml").write_text("schema_version: 1\nid: [\n")
            app.reload()
            await settle(pilot, app)
            assert app.screen.query_one(DiagnosticsPanel).display
            await check(app, pilot)
            await pilot.press("escape")  # the search box goes: the panels get their lines back
            await settle(pilot, app)
            await check(app, pilot)
            assert app.screen.query_one(PreconditionsPanel).region.height > 3

    asyncio.run(go())


def test_a_status_with_no_basis_has_one_word_on_every_face() -> None:
    """The board's badge, a precondition's record and the snapshot say ``unstated`` as the CLI does."""
    from draftdiff.model import Article
    from draftdiff.tui.screens.preconditions import PreconditionRecordScreen
    from draftdiff.tui.widgets.article_table import status_basis_badge
    from draftdiff.vocab import NO_BASIS

    article = Article.model_validate({"id": "a", "number": 1, "title": "T", "status": "agreed"})
    assert status_basis_badge(article).plain.strip() == NO_BASIS == "unstated"

    async def go() -> None:
        app = make_app()
        async with app.run_test(size=(100, 30)) as pilot:
            await settle(pilot, app)
            for key in ("r", "down", "enter"):
                await pilot.press(key)
                await settle(pilot, app)
            assert isinstance(app.screen, PreconditionRecordScreen)
            assert "Status basis  unstated" in screen_text(app)

    asyncio.run(go())


def test_n_on_a_version_known_only_by_date_makes_a_version_from_the_one_in_force(tmp_path: Path) -> None:
    """``e`` there says to record in a version that does record articles, "N makes a new one"; N made a copy
    of the date-only version, with no articles either, and ``e`` said the same again: a circle."""
    from textual.widgets import Input

    from draftdiff.load import load_draft
    from draftdiff.tui.screens.forms import FormDialog

    folder = date_only_collection(tmp_path)

    async def go() -> None:
        app = make_app([folder], version="2024-11-reported")
        async with app.run_test(size=(120, 36), notifications=True) as pilot:
            await settle(pilot, app)
            await pilot.press("e")
            await settle(pilot, app)
            said = " ".join(n.message for n in app._notifications)
            assert "record the status in 2024-09-11 2024-09-status" in said and "press N" in said
            await pilot.press("N")
            await settle(pilot, app)
            dialog = app.screen
            assert isinstance(dialog, FormDialog)
            assert "New version from 2024-09-status" in screen_text(app)
            assert "2024-11-reported is known only by its date" in " ".join(screen_text(app).split())
            for name, value in (("id", "2024-12-next"), ("date", "2024-12-01"), ("title", "Next")):
                dialog.query_one(f"#field-{name}", Input).value = value
            await pilot.press("ctrl+s")
            await settle(pilot, app)
            made = load_draft(folder / "2024-12-next.yaml").draft
            assert made is not None and made.based_on == "2024-09-status" and made.records_articles
            assert len(made.articles) == 5
            assert app.version == "2024-12-next"
            await pilot.press("e")  # now a status can be recorded
            await settle(pilot, app)
            assert isinstance(app.screen, FormDialog)

    asyncio.run(go())
