"""The compare screen: default pair, change list, redline inline and side by side, keys, pickers, and the
changes of the version as a whole (its first entry, "The version")."""

from __future__ import annotations

import asyncio
from pathlib import Path

from textual.widgets import Select
from tui_support import copy_fixtures, make_app, palette, screen_text, settle

from draftdiff.tui.screens.article import ArticleScreen
from draftdiff.tui.screens.compare import CompareScreen
from draftdiff.tui.screens.version import VersionScreen
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
            assert "4 of 4 article entries changed" in text
            assert "agreed 0→1" in text  # the CLI's counts line
            assert "◐ → ✓ agreed" in text  # recognition became agreed
            assert "The version as a whole" in text  # the first entry is highlighted: its changes below
            await pilot.press("n")
            await settle(pilot, app)
            assert "Article 1 · Mutual recognition of sovereignty" in screen_text(app)  # its redline below

    asyncio.run(go())


def test_redline_marks_deleted_and_inserted_words() -> None:
    async def go() -> None:
        app = make_app(version="2024-01-beta-response")
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.press("c")
            await settle(pilot, app)
            await pilot.press("n", "n")  # past the version and recognition: Delimitation of the border
            await settle(pilot, app)
            view = app.screen.query_one(RedlineView)
            inline = app.screen.query_one("#redline-inline").content
            spans = {str(inline)[s.start:s.end]: str(s.style) for s in inline.spans}
            assert "strike" in spans["[the 1991 maps]."]  # deleted: struck through (and red)
            assert "underline" in spans["the Alma-Ata Declaration."]  # inserted: underlined (and green)
            assert "[the 1991 maps]. the Alma-Ata Declaration." in screen_text(app)  # a space between the two
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
            assert screen.change is None and screen.version_changes is not None  # "The version" comes first
            await pilot.press("n")
            assert screen.change is not None and screen.version_changes is None
            first = screen.change.id
            await pilot.press("n")
            assert screen.change.id != first
            await pilot.press("p")
            assert screen.change.id == first
            await pilot.press("p")  # back to the version
            assert screen.change is None and screen.version_changes is not None
            await pilot.press("p")  # nothing before the first: a notice, no move
            assert screen.version_changes is not None
            await pilot.press("a")  # all articles, including unchanged ones, after the version
            table = screen.query_one("#changes", RowTable)
            assert table.row_count == 1 + 5
            assert len(screen.diff.articles) == 5
            await pilot.pause()
            assert "the version and all 5 articles" in screen_text(app)  # not "5 all articles"

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
            assert "agreed 0→3" in screen_text(app)
            await pilot.press("w")
            await settle(pilot, app)
            assert app.compare_pair == ("2024-09-status", "2023-12-alpha-proposal")
            assert "agreed 3→0" in screen_text(app)

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
            await pilot.press("down", "enter")  # the first article, below "The version"
            assert isinstance(app.screen, ArticleScreen) and app.version == "2024-09-status"
            await pilot.press("escape", "b")
            await palette(pilot, app, "Compare with 2023-12")
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
            assert table.row_count == 1 + 5  # the version, then the articles
            await pilot.press("u")
            await settle(pilot, app)
            assert table.row_count == 1 + 2  # the stage changed (substantive); the sources did too (clerical)
            assert all(change.substantive for change in app.screen.diff.listed_articles(substantive=True))
            assert "the version and 2 substantive changes" in screen_text(app)
            await pilot.press("u")
            await settle(pilot, app)
            assert table.row_count == 1 + 5

    asyncio.run(go())


def test_the_change_list_has_the_keys_when_compare_opens() -> None:
    """Arrows move through the changes at once: the first picker does not take them (it did, and opened)."""

    async def go() -> None:
        app = make_app(version="2024-01-beta-response")
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.press("c")
            await settle(pilot, app)
            assert app.focused is app.screen.query_one("#changes", RowTable)
            assert app.screen.change is None  # "The version"
            await pilot.press("down")
            await settle(pilot, app)
            assert app.screen.change is not None
            assert "Select" not in type(app.focused).__name__

    asyncio.run(go())


def _version_panel(app) -> str:  # type: ignore[no-untyped-def]
    """What the redline panel says while "The version" is highlighted (all of it, not only what fits)."""
    return str(app.screen.query_one("#redline-summary").content)


def test_the_version_entry_shows_the_sources_the_claimed_count_and_the_fields_that_changed() -> None:
    async def go() -> None:
        app = make_app(version="2024-09-status")
        async with app.run_test(size=(110, 50)) as pilot:
            await pilot.press("c")
            await settle(pilot, app)
            text = screen_text(app)
            rows = [line for line in text.splitlines() if "The version" in line and "│" in line]
            assert rows and "title changed" in rows[0]  # the first entry of the change list
            assert "The version as a whole" in text  # highlighted: the panel below shows it
            assert "kind: counter-proposal → status-report" in text
            assert "proposed by: beta → joint" in text
            assert "4 → 5 articles: agreed 1→3, partial 2→1, disputed 1" in text
            assert "+ speech-2024-09: Prime minister's press conference (Example Broadcaster, 2024-09-11)" in text
            assert "- news-2024-01: Beta answers with amendments (Example Wire, 2024-01-05)" in text
            assert "+ (speech-2024-09) added: 3 agreed, 1 partial, 1 disputed [speech-2024-09]" in text
            assert "~ withdraw-claims (beta)  status open → in-agreement" in text
            await pilot.press("n")  # on to the first article: its redline replaces the version's changes
            await settle(pilot, app)
            assert "Prime minister's press conference" not in screen_text(app)
            await pilot.press("p")
            await settle(pilot, app)
            assert "kind: counter-proposal → status-report" in screen_text(app)

    asyncio.run(go())


def test_the_version_entry_shows_a_changed_stage_and_a_removed_claim_and_u_keeps_only_the_stage() -> None:
    async def go() -> None:
        app = make_app(version="2025-03-finalized")
        async with app.run_test(size=(110, 50)) as pilot:
            await pilot.press("c")
            await settle(pilot, app)
            panel = _version_panel(app)
            assert "stage: negotiating → finalized" in panel
            assert "- (speech-2024-09) removed: 3 agreed, 1 partial, 1 disputed" in panel
            assert "+ mfa-2025-03: Both ministries announce the end of talks" in panel
            await pilot.press("u")  # substantive only: sources and claimed counts are the record, not the text
            await settle(pilot, app)
            panel = _version_panel(app)
            assert "stage: negotiating → finalized" in panel
            assert "mfa-2025-03" not in panel and "Claimed counts" not in panel

    asyncio.run(go())


def test_the_version_entry_shows_a_changed_title_as_old_then_new_in_colour() -> None:
    """A title is read whole, like the date and kind beside it, in the CLI's words: a word redline ran the old
    and the new one together ("…December proposalStatus reported…"), told apart by colour alone."""
    from draftdiff.diff import phrases
    from draftdiff.tui.look import DELETE, INSERT

    async def go() -> None:
        app = make_app(version="2024-09-status")
        async with app.run_test(size=(110, 50)) as pilot:
            await pilot.press("c")
            await settle(pilot, app)
            line = "title: Beta's response to the December proposal → Status reported in September 2024"
            assert line in screen_text(app)
            assert "proposalStatus" not in screen_text(app)
            summary = app.screen.query_one("#redline-summary").content
            spans = {str(summary)[s.start:s.end]: s.style for s in summary.spans}
            assert spans["Beta's response to the December proposal"] == DELETE  # the old one red, the new green
            assert spans["Status reported in September 2024"] == INSERT
            assert spans["counter-proposal"] == DELETE and spans["status-report"] == INSERT  # as every field
            diff = app.screen.diff
            for field in diff.agreement:  # the same words as ``draftdiff diff``
                if not phrases.record_redline(field) and not field.field.startswith("articles"):
                    assert phrases.version_phrase(field, diff) in _version_panel(app)

    asyncio.run(go())


def test_enter_on_the_version_opens_the_newer_version() -> None:
    async def go() -> None:
        app = make_app(version="2024-09-status")
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.press("c")
            await settle(pilot, app)
            app.screen.query_one("#compare-old", Select).value = "2023-12-alpha-proposal"
            await settle(pilot, app)
            await pilot.press("w")  # 2024-09-status → 2023-12-alpha-proposal: the newer side is alpha's
            await settle(pilot, app)
            await pilot.press("enter")
            await settle(pilot, app)
            assert isinstance(app.screen, VersionScreen)
            assert app.version == "2023-12-alpha-proposal"
            assert "Alpha's proposal of December 2023" in screen_text(app)

    asyncio.run(go())


def _beta_copy(folder: Path, draft_id: str, *, summary: str | None = None, text: str | None = None) -> None:
    """Beta's response under another id, with a summary and one article's wording of the test's choosing."""
    yaml = (folder / "2024-01-beta-response.yaml").read_text(encoding="utf-8")
    yaml = yaml.replace("id: 2024-01-beta-response", f"id: {draft_id}")
    if summary is not None:
        yaml = yaml.replace("stage: negotiating\n", f"stage: negotiating\nsummary: {summary}\n")
    if text is not None:
        yaml = yaml.replace("on the basis of the Alma-Ata Declaration.", text)
    (folder / f"{draft_id}.yaml").write_text(yaml, encoding="utf-8")


def test_no_version_entry_when_only_articles_changed(tmp_path: Path) -> None:
    folder = copy_fixtures(tmp_path)
    _beta_copy(folder, "2024-01-beta-reworded", text="on the basis of the 1991 Alma-Ata Declaration.")

    async def go() -> None:
        app = make_app([folder], version="2024-01-beta-reworded")
        async with app.run_test(size=(100, 30)) as pilot:
            app.open_compare("2024-01-beta-response", "2024-01-beta-reworded")
            await settle(pilot, app)
            screen = app.screen
            assert screen.diff is not None and not screen.diff.kinds and not screen.diff.notes
            assert screen.query_one("#changes", RowTable).row_count == 1  # the border article, nothing else
            assert screen.change is not None and screen.change.id == "borders"
            text = screen_text(app)
            assert "The version" not in text
            assert "the 1991 Alma-Ata Declaration" in text  # its redline shown at once

    asyncio.run(go())


def test_a_reworded_summary_is_shown_as_a_redline(tmp_path: Path) -> None:
    folder = copy_fixtures(tmp_path)
    _beta_copy(folder, "2024-01-beta-first", summary="Beta accepts two articles.")
    _beta_copy(folder, "2024-01-beta-second", summary="Beta accepts three articles.")

    async def go() -> None:
        app = make_app([folder], version="2024-01-beta-second")
        async with app.run_test(size=(100, 30)) as pilot:
            app.open_compare("2024-01-beta-first", "2024-01-beta-second")
            await settle(pilot, app)
            assert app.screen.query_one("#changes", RowTable).row_count == 1  # only the version changed
            summary = app.screen.query_one("#redline-summary").content
            spans = {str(summary)[s.start:s.end]: str(s.style) for s in summary.spans}
            assert "strike" in spans["two"] and "underline" in spans["three"]
            assert "summary: Beta accepts two three articles." in screen_text(app)  # not "twothree"

    asyncio.run(go())


def test_the_change_list_fits_the_terminal_and_follows_a_resize() -> None:
    """At 80 columns every column of the change list is on screen (no sideways scrolling), and a wider
    terminal gives the Article and Change columns the room."""

    async def go() -> None:
        app = make_app(version="2024-01-beta-response")
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("c")
            await settle(pilot, app)
            table = app.screen.query_one("#changes", RowTable)
            assert table.virtual_size.width <= table.scrollable_content_region.width
            narrow = table.ordered_columns[1].width + table.ordered_columns[2].width
            await pilot.resize_terminal(120, 36)
            await settle(pilot, app)
            assert table.ordered_columns[1].width + table.ordered_columns[2].width == narrow + 40
            assert table.ordered_columns[1].width > table.ordered_columns[2].width  # the title still the most
            assert table.virtual_size.width <= table.scrollable_content_region.width

    asyncio.run(go())


def test_a_wide_screen_gives_the_change_column_room_too() -> None:
    """At 80 columns the Change column has 22 cells; at 120 the title no longer takes all that is left, so
    a change of status, text and sources reads as more than "status changed, text …"."""
    async def go() -> None:
        app = make_app(version="2024-09-status")
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("c")
            await settle(pilot, app)
            text = screen_text(app)
            assert "status changed, text …" in text and "Delimitation of the b…" in text  # as before
            await pilot.resize_terminal(120, 36)
            await settle(pilot, app)
            text = screen_text(app)
            assert "status changed, text changed, sources…" in text and "sources changed" in text
            assert "Delimitation of the border" in text  # the title still whole

    asyncio.run(go())


def test_a_part_name_cut_to_the_number_column_ends_with_an_ellipsis(tmp_path: Path) -> None:
    folder = copy_fixtures(tmp_path)
    beta = folder / "2024-01-beta-response.yaml"
    beta.write_text(beta.read_text(encoding="utf-8").replace("articles:\n", (
        "articles:\n  - id: preamble\n    part: preamble\n    title: Preamble\n    status: agreed\n"
        "    status_basis: reported\n    text: The Parties, wishing peace,\n    sources: [news-2024-01]\n"), 1),
        encoding="utf-8")

    async def go() -> None:
        app = make_app([folder], version="2024-01-beta-response")
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("c")
            await settle(pilot, app)
            rows = [line for line in screen_text(app).splitlines() if "Preamble" in line]
            assert rows and rows[0].startswith("│ Pream… "), rows  # six cells: cut, and marked as cut
            assert "Preamb " not in rows[0]

    asyncio.run(go())


def _bundled() -> Path:
    from draftdiff.bundled import drafts_dir

    folder = drafts_dir()
    assert folder is not None
    return folder


def _stats(app) -> str:  # type: ignore[no-untyped-def]
    return str(app.screen.query_one("#compare-stats").content)


def test_the_counts_line_is_the_clis_every_status_that_moved_none_that_neither_has() -> None:
    """2024-12-18 against ~2024-09-11: 4 unknown articles became agreed or disputed. The line said "agreed 13 →
    15 · partial 0 → 0 · disputed 0 → 2" (13 of 17, the unknown ones left out); ``draftdiff diff`` says
    "agreed 13→15, disputed 0→2, unknown 4→0", and so does the Compare screen now."""
    from draftdiff.diff import phrases

    async def go() -> None:
        app = make_app([_bundled()], version="2024-12-18-status")
        async with app.run_test(size=(120, 36)) as pilot:
            await pilot.press("c")
            await settle(pilot, app)
            assert app.compare_pair == ("2024-09-11-status", "2024-12-18-status")
            stats = _stats(app)
            assert "agreed 13→15, disputed 0→2, unknown 4→0" in stats
            assert "partial" not in stats  # neither version has a partial article
            assert phrases.counts_line(app.screen.diff) in stats  # the CLI's "Agreement:" line, word for word
            assert "agreed 13→15, disputed 0→2, unknown 4→0" in screen_text(app)

    asyncio.run(go())


def test_u_with_a_says_clerical_changes_only_and_counts_the_substantive_changes() -> None:
    """``u`` then ``a``: articles whose only changes are their bases, sources and notes read "clerical changes
    only", not "unchanged", and the count above says how many entries changed substantively (it said "19 of
    19 article entries changed" over a list of "unchanged")."""

    async def go() -> None:
        app = make_app([_bundled()], version="2024-12-18-status")
        async with app.run_test(size=(120, 36)) as pilot:
            await pilot.press("c")
            await settle(pilot, app)
            assert "19 of 19 article entries changed" in _stats(app)
            await pilot.press("u", "a")
            await settle(pilot, app)
            text = screen_text(app)
            rows = [line for line in text.splitlines() if "Mutual recognition" in line and "│" in line]
            assert rows and "clerical changes only" in rows[0], rows
            assert "unchanged" not in text.split("The version as a whole")[0]  # no row of the list (every one changed)
            stats = _stats(app)
            assert "4 of 19 article entries changed substantively, 15 with clerical changes only" in stats
            assert "19 of 19 article entries changed" not in text
            assert "basis changed" not in stats and "status changed 4" in stats  # the kinds the list shows
            await pilot.press("down", "down", "down")  # the version, the title, the preamble: Article 1
            await settle(pilot, app)
            assert "clerical changes only" in str(app.screen.query_one("#redline-summary").content)
            await pilot.press("u")  # every change again: the full count
            await settle(pilot, app)
            assert "19 of 19 article entries changed" in _stats(app)

    asyncio.run(go())


def test_a_replaced_sentence_has_a_space_between_the_deletion_and_the_insertion() -> None:
    """2024-06 to 2025-08-08, "The version": the date note's old sentence and its new one touched
    ("…stands for the month.Initialed on 8 August 2025"), told apart by strike and underline alone; the text
    renderer sets them apart with its markers, the redline with a space."""

    async def go() -> None:
        app = make_app([_bundled()], version="2025-08-08-initialed")
        async with app.run_test(size=(120, 36)) as pilot:
            app.open_compare("2024-06-azerbaijan-tenth-package", "2025-08-08-initialed")
            await settle(pilot, app)
            assert app.screen.version_changes is not None  # "The version" is highlighted
            panel = _version_panel(app)
            assert "stands for the month. Initialed on 8 August 2025" in panel
            assert "month.Initialed" not in panel
            summary = app.screen.query_one("#redline-summary").content
            spans = {str(summary)[s.start:s.end]: str(s.style) for s in summary.spans}
            deleted = next(k for k in spans if k.endswith("stands for the month."))
            inserted = next(k for k in spans if k.startswith("Initialed on 8 August 2025"))
            assert "strike" in spans[deleted] and "underline" in spans[inserted]  # the space is neither

    asyncio.run(go())


def test_articles_a_version_does_not_record_are_not_on_record_there_not_unchanged() -> None:
    """The first draft of October 2022 records no articles (``article_coverage: none``): against the five
    principles, Compare said "0 of 5 changed" and each principle "unchanged"; the CLI says they are not on
    record in the newer version (silence, not removal)."""
    async def go() -> None:
        app = make_app([Path(__file__).parents[2] / "drafts"], version="2022-10-02-azerbaijan-first-draft")
        async with app.run_test(size=(120, 36)) as pilot:
            await settle(pilot, app)
            for key in ("c", "a"):
                await pilot.press(key)
                await settle(pilot, app)
            text = screen_text(app)
            assert "5 articles not on record in 2022-10-02-azerbaijan-first-draft (its article list is none" in text
            rows = [line for line in text.splitlines() if "Mutual recognition" in line]
            assert rows and "not on record in the newer version" in rows[0] and "unchanged" not in rows[0]

    asyncio.run(go())
