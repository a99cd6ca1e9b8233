"""Recording news from the TUI: each dialog's edit goes through the one write path; the file's diff is
exactly the change; the views update at once; a refusal says why; ctrl+z undoes the session's last edit."""

from __future__ import annotations

import asyncio
import difflib
from pathlib import Path

import pytest
from tui_support import copy_fixtures, make_app, screen_text, settle

pytest.importorskip("draftdiff.edit.ops")

from textual.widgets import Input, Select  # noqa: E402

from draftdiff.tui.screens.forms import FormDialog  # noqa: E402


def changed_lines(before: str, after: str) -> list[str]:
    """The lines a unified diff would show as removed (-) or added (+)."""
    return [line for line in difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=0)
            if line[:1] in "+-" and not line.startswith(("+++", "---"))]


async def fill(pilot, app, **values: str) -> None:  # type: ignore[no-untyped-def]
    """Type into the open dialog's fields (pickers by value), as a user would pick and type."""
    dialog = app.screen
    assert isinstance(dialog, FormDialog)
    for name, value in values.items():
        widget = dialog.query_one(f"#field-{name}")
        if isinstance(widget, Select):
            widget.value = value
        else:
            assert isinstance(widget, Input)
            widget.value = value
    await pilot.pause()


async def record(pilot, app) -> None:  # type: ignore[no-untyped-def]
    await pilot.press("ctrl+s")
    await settle(pilot, app)


def status_file(folder: Path) -> Path:
    return folder / "2024-09-status.yaml"


def beta_file(folder: Path) -> Path:
    return folder / "2024-01-beta-response.yaml"


BETA = "2024-01-beta-response"


def test_set_status_changes_exactly_that_line_and_the_board_shows_it(tmp_path: Path) -> None:
    folder = copy_fixtures(tmp_path)
    before = beta_file(folder).read_text()

    async def go() -> None:
        app = make_app([folder], version=BETA)
        async with app.run_test(size=(100, 30), notifications=True) as pilot:
            assert "✓ 1 agreed" in screen_text(app)
            await pilot.press("down", "down", "e")  # Article 3, third-party forces: disputed
            await pilot.pause()
            await fill(pilot, app, status="agreed", source="news-2024-01")
            await record(pilot, app)
            assert not isinstance(app.screen, FormDialog)
            after = beta_file(folder).read_text()
            assert changed_lines(before, after) == ["-    status: disputed", "+    status: agreed"]
            assert app.draft_set.get(BETA).article("third-party-forces").status == "agreed"
            assert "✓ 2 agreed" in screen_text(app)  # the board, at once
            await pilot.press("ctrl+z")
            await settle(pilot, app)
            assert beta_file(folder).read_text() == before
            assert "✓ 1 agreed" in screen_text(app)

    asyncio.run(go())


def test_the_write_runs_off_the_ui_thread_and_the_form_waits_for_it(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Reading, verifying and validating the collection may take longer than a key may wait: the dialog
    records in a worker, says so, and takes no second ctrl+s meanwhile."""
    import threading

    import draftdiff.edit

    folder = copy_fixtures(tmp_path)
    threads: list[str] = []
    go_on = threading.Event()
    real = draftdiff.edit.apply_edit

    def slow_apply(*args, **kwargs):  # type: ignore[no-untyped-def]
        threads.append(threading.current_thread().name)
        go_on.wait(5)
        return real(*args, **kwargs)

    monkeypatch.setattr(draftdiff.edit, "apply_edit", slow_apply)

    async def go() -> None:
        app = make_app([folder], version=BETA)
        async with app.run_test(size=(100, 30), notifications=True) as pilot:
            await pilot.press("down", "down", "e")
            await pilot.pause()
            await fill(pilot, app, status="agreed", source="news-2024-01")
            await pilot.press("ctrl+s")
            await pilot.pause()
            assert isinstance(app.screen, FormDialog) and "Recording…" in screen_text(app)
            await pilot.press("ctrl+s")  # a second press while the first is being written: ignored
            await pilot.pause()
            go_on.set()
            await settle(pilot, app)
            assert not isinstance(app.screen, FormDialog)
            assert threads and all(name != threading.main_thread().name for name in threads)
            assert len(threads) == 1
            assert app.draft_set.get(BETA).article("third-party-forces").status == "agreed"

    asyncio.run(go())


def test_set_status_with_a_source_added_on_the_spot(tmp_path: Path) -> None:
    folder = copy_fixtures(tmp_path)
    before = beta_file(folder).read_text()

    async def go() -> None:
        app = make_app([folder], version=BETA)
        async with app.run_test(size=(100, 30), notifications=True) as pilot:
            await pilot.press("down", "down", "down", "e")  # Article 4, communications: partial
            await pilot.pause()
            await fill(pilot, app, status="agreed", basis="reported", source="+new", src_id="wire-2024-09-12",
                       src_publisher="Example Wire", src_title="Claims dropped", src_date="2024-09-12",
                       src_url="https://example.org/wire/2024-09-12", src_quote="the claims are withdrawn")
            await record(pilot, app)
            after = beta_file(folder).read_text()
            lines = changed_lines(before, after)
            assert "+  - id: wire-2024-09-12" in lines and "+    quote: the claims are withdrawn" in lines
            assert "-    status: partial" in lines and "+    status: agreed" in lines
            removed = [line for line in lines if line.startswith("-")]
            assert all("status" in line or "sources:" in line for line in removed), lines
            article = app.draft_set.get(BETA).article("communications")
            assert article.status == "agreed" and "wire-2024-09-12" in article.sources

    asyncio.run(go())


def test_a_refused_edit_says_why_and_writes_nothing(tmp_path: Path) -> None:
    folder = copy_fixtures(tmp_path)
    before = beta_file(folder).read_text()

    async def go() -> None:
        app = make_app([folder], version=BETA)
        async with app.run_test(size=(100, 30), notifications=True) as pilot:
            await pilot.press("down", "down", "e")
            await pilot.pause()
            await fill(pilot, app, status="agreed", basis="inferred", note="", source="-")
            await record(pilot, app)
            assert isinstance(app.screen, FormDialog)  # still open, with what was typed
            said = screen_text(app)
            assert "Not recorded: an inferred status needs a note" in said
            assert "— write in" in said and "Note from what it is inferred ('inferred from …')" in said
            assert "--note" not in said  # the dialog's own field, not the command line's flag
            assert beta_file(folder).read_text() == before

    asyncio.run(go())


def test_an_edit_that_contradicts_a_claim_made_public_is_refused_with_the_finding(tmp_path: Path) -> None:
    """September 2024: "three of five agreed" is on record; a fourth agreed article contradicts it."""
    folder = copy_fixtures(tmp_path)
    before = status_file(folder).read_text()

    async def go() -> None:
        app = make_app([folder], version="2024-09-status")
        async with app.run_test(size=(100, 30), notifications=True) as pilot:
            await pilot.press("down", "down", "e")
            await pilot.pause()
            await fill(pilot, app, status="agreed", source="speech-2024-09")
            await record(pilot, app)
            text = screen_text(app)
            assert "Not recorded:" in text and "claimed-counts" in text
            assert status_file(folder).read_text() == before

    asyncio.run(go())


def test_add_a_claimed_count(tmp_path: Path) -> None:
    folder = copy_fixtures(tmp_path)
    before = status_file(folder).read_text()

    async def go() -> None:
        app = make_app([folder], version="2024-09-status")
        async with app.run_test(size=(100, 30), notifications=True) as pilot:
            await pilot.press("a")
            await pilot.pause()
            await fill(pilot, app, speaker="Foreign minister", date="2024-09-12", agreed="3", total="5",
                       source="speech-2024-09")
            await record(pilot, app)
            lines = changed_lines(before, status_file(folder).read_text())
            assert lines and all(line.startswith("+") for line in lines)
            assert any("Foreign minister" in line for line in lines)
            claims = app.draft_set.get("2024-09-status").claimed_counts
            assert claims[-1].speaker == "Foreign minister" and claims[-1].agreed == 3

    asyncio.run(go())


def test_change_a_precondition_status_from_the_preconditions_screen(tmp_path: Path) -> None:
    folder = copy_fixtures(tmp_path)
    before = beta_file(folder).read_text()

    async def go() -> None:
        app = make_app([folder], version=BETA)
        async with app.run_test(size=(100, 30), notifications=True) as pilot:
            await pilot.press("r")
            await settle(pilot, app)
            await pilot.press("e")  # the first: constitution-change, open
            await pilot.pause()
            await fill(pilot, app, status="withdrawn", basis="reported", source="news-2024-01")
            await record(pilot, app)
            lines = changed_lines(before, beta_file(folder).read_text())
            assert "-    status: open" in lines and "+    status: withdrawn" in lines
            assert all("status" in line for line in lines), lines
            item = app.draft_set.get(BETA).preconditions[0]
            assert item.status == "withdrawn"

    asyncio.run(go())


def test_new_version_from_the_selected_one_and_undo_removes_it(tmp_path: Path) -> None:
    folder = copy_fixtures(tmp_path)

    async def go() -> None:
        app = make_app([folder], version="2024-09-status")
        async with app.run_test(size=(100, 30), notifications=True) as pilot:
            await pilot.press("N")
            await pilot.pause()
            await fill(pilot, app, id="2024-10-status", date="2024-10-01", kind="status-report",
                       proposed_by="joint", title="Status reported in October 2024")
            await record(pilot, app)
            created = folder / "2024-10-status.yaml"
            assert created.is_file()
            new = app.draft_set.get("2024-10-status")
            assert new is not None and new.based_on == "2024-09-status"
            assert [a.id for a in new.articles] == [a.id for a in app.draft_set.get("2024-09-status").articles]
            assert app.version == "2024-10-status"
            await pilot.press("ctrl+z")
            await settle(pilot, app)
            assert not created.exists() and app.draft_set.get("2024-10-status") is None

    asyncio.run(go())


def test_undo_refuses_when_the_file_changed_since(tmp_path: Path) -> None:
    folder = copy_fixtures(tmp_path)

    async def go() -> None:
        app = make_app([folder], version=BETA)
        async with app.run_test(size=(100, 30), notifications=True) as pilot:
            await pilot.press("down", "down", "e")
            await pilot.pause()
            await fill(pilot, app, status="agreed", source="news-2024-01")
            await record(pilot, app)
            edited = beta_file(folder).read_text() + "# a comment added in an editor\n"
            beta_file(folder).write_text(edited)
            await pilot.press("ctrl+z")
            await settle(pilot, app)
            assert beta_file(folder).read_text() == edited
            assert "Cannot undo" in screen_text(app)

    asyncio.run(go())


def test_a_long_source_title_is_cut_with_an_ellipsis_on_one_line_of_the_picker(tmp_path: Path) -> None:
    """The source picker's options were cut at 50 characters mid-word, with no mark, and still wrapped onto
    a second line at 80 columns: each now fits one line and says it was cut."""
    folder = copy_fixtures(tmp_path)
    long_title = "Beta answers with amendments to the articles on borders, communications and claims"
    beta_file(folder).write_text(beta_file(folder).read_text().replace(
        "title: Beta answers with amendments", f"title: {long_title}"))

    async def go() -> None:
        app = make_app([folder], version=BETA)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("e")
            await pilot.pause()
            picker = app.screen.query_one("#field-source", Select)
            picker.focus()
            await pilot.press("enter")  # the list of sources opens
            await pilot.pause()
            lines = [line for line in screen_text(app).splitlines() if "news-2024-01" in line]
            assert len(lines) == 1 and "news-2024-01 — Beta answers with amendments" in lines[0]
            assert "…" in lines[0] and long_title not in lines[0]
            below = screen_text(app).splitlines()[screen_text(app).splitlines().index(lines[0]) + 1]
            assert "claims" not in below and "communications" not in below  # no second line of it

    asyncio.run(go())


def test_at_80_columns_a_long_refusal_is_read_whole_and_the_buttons_stay_on_screen(tmp_path: Path) -> None:
    """The claim form fills a 24-line screen: a refusal of four lines pushed Record and Cancel, and the
    refusal's own end, below the dialog's edge. The fields give up the room instead (they scroll)."""
    folder = copy_fixtures(tmp_path)

    async def go() -> None:
        app = make_app([folder], version="2024-09-status")
        async with app.run_test(size=(80, 24), notifications=True) as pilot:
            await pilot.press("a")
            await pilot.pause()
            await fill(pilot, app, speaker="Foreign minister", date="2024-09-12", agreed="1", total="5",
                       source="speech-2024-09")
            await record(pilot, app)
            assert isinstance(app.screen, FormDialog)
            message = str(app.screen.query_one("#form-message").render())
            assert message.startswith("Not recorded:") and len(message) > 160  # several lines at 80
            text = screen_text(app)
            assert any("Record" in line and "Cancel" in line and "ctrl+s" not in line for line in text.splitlines())
            flat = " ".join(" ".join(line.strip(" │") .split()) for line in text.splitlines())
            assert " ".join(message.split()[-4:]) in flat  # its last words are on screen

    asyncio.run(go())


def test_the_drafts_words_in_a_dialog_are_shown_as_written_never_read_as_markup(tmp_path: Path) -> None:
    """A source titled "[Report on the agreement]" (an editor's description, bracketed as the drafts do)
    and an article title with brackets are shown whole in the Set status dialog: its title, its note and
    the source picker (Textual reads a plain string there as markup, and "[…]" vanished)."""
    folder = copy_fixtures(tmp_path)
    path = beta_file(folder)
    text = path.read_text()
    text = text.replace("title: Beta answers with amendments", 'title: "[Report on the beta answer]"')
    text = text.replace("title: Mutual recognition of sovereignty", 'title: "[b]Mutual[/b] recognition [red]x"')
    path.write_text(text)

    async def go() -> None:
        app = make_app([folder], version=BETA)
        async with app.run_test(size=(120, 40), notifications=True) as pilot:
            await pilot.press("e")
            await pilot.pause()
            dialog = app.screen
            assert isinstance(dialog, FormDialog)
            assert "[b]Mutual[/b] recognition [red]x" in screen_text(app)
            source = dialog.query_one("#field-source", Select)
            source.focus()
            await pilot.press("enter")
            await pilot.pause()
            assert "news-2024-01 — [Report on the beta answer]" in screen_text(app)

    asyncio.run(go())


def flat_text(app) -> str:  # type: ignore[no-untyped-def]
    """The screen's words on one line (a dialog's message wraps where the screen is narrow)."""
    return " ".join(" ".join(line.strip(" │▎▊▌") .split()) for line in screen_text(app).splitlines())


def notices(app) -> list[str]:  # type: ignore[no-untyped-def]
    """The notices the app shows from now on, each as its title and message (a toast wraps beside the views)."""
    said: list[str] = []
    notify = app.notify

    def keep(message, *args, **kwargs):  # type: ignore[no-untyped-def]
        said.append(" ".join([str(kwargs.get("title", "")), *str(message).split()]))
        return notify(message, *args, **kwargs)

    app.notify = keep
    return said


def test_a_new_status_takes_away_the_note_that_explained_the_old_one_as_the_command_line_does(tmp_path: Path) -> None:
    """The Note field showed the old status note; left as shown, it was recorded again under the new status,
    which it now contradicts. As ``set-status`` without ``--note``: the note is removed, and the notice says so."""
    folder = copy_fixtures(tmp_path)
    before = beta_file(folder).read_text()

    async def go() -> None:
        app = make_app([folder], version=BETA)
        async with app.run_test(size=(120, 36), notifications=True) as pilot:
            await pilot.press("down", "down", "down", "e")  # Article 4, communications: partial, inferred
            await pilot.pause()
            assert app.screen.query_one("#field-note", Input).value == "Both sides spoke of progress on roads."
            await fill(pilot, app, status="removed", basis="reported", source="news-2024-01")
            said = notices(app)
            await record(pilot, app)
            assert not isinstance(app.screen, FormDialog)
            lines = changed_lines(before, beta_file(folder).read_text())
            assert "-    status_note: Both sides spoke of progress on roads." in lines, lines
            assert app.draft_set.get(BETA).article("communications").status_note is None
            assert len(said) == 1 and said[0].startswith("Recorded ")
            assert "status note removed (it explained the status 'partial'" in said[0]

    asyncio.run(go())


def test_a_new_note_typed_with_a_new_status_is_recorded(tmp_path: Path) -> None:
    folder = copy_fixtures(tmp_path)

    async def go() -> None:
        app = make_app([folder], version=BETA)
        async with app.run_test(size=(120, 36), notifications=True) as pilot:
            await pilot.press("down", "down", "down", "e")
            await pilot.pause()
            await fill(pilot, app, status="removed", basis="inferred", note="Left out of the next text.")
            await record(pilot, app)
            assert not isinstance(app.screen, FormDialog)
            article = app.draft_set.get(BETA).article("communications")
            assert article.status == "removed" and article.status_note == "Left out of the next text."

    asyncio.run(go())


async def open_precondition_status(pilot, app) -> None:  # type: ignore[no-untyped-def]
    await pilot.press("r")
    await settle(pilot, app)
    await pilot.press("e")  # the first: constitution-change, open, no status basis
    await pilot.pause()


def test_the_precondition_dialog_shows_a_missing_basis_and_records_nothing_when_nothing_changed(
        tmp_path: Path) -> None:
    """Basis said "reported" for a record with none, so Record with nothing changed wrote
    ``status_basis: reported`` on no source and said "evidence updated"."""
    folder = copy_fixtures(tmp_path)
    before = beta_file(folder).read_text()

    async def go() -> None:
        app = make_app([folder], version=BETA)
        async with app.run_test(size=(120, 36), notifications=True) as pilot:
            await open_precondition_status(pilot, app)
            assert app.screen.query_one("#field-basis", Select).value == "unstated"
            said = notices(app)
            await record(pilot, app)
            assert not isinstance(app.screen, FormDialog)
            assert beta_file(folder).read_text() == before
            assert len(said) == 1 and said[0].startswith("Nothing recorded ")
            assert "is already open on that evidence" in said[0] and "evidence updated" not in said[0]

    asyncio.run(go())


@pytest.mark.parametrize(("values", "refusal"), [
    ({"basis": "reported", "source": "-"}, "a reported status needs the source that reports it"),
    ({"basis": "inferred", "note": ""}, "an inferred status needs a note saying from what it is inferred"),
])
def test_the_precondition_dialog_holds_the_basis_to_its_evidence(tmp_path: Path, values: dict[str, str],
                                                                  refusal: str) -> None:
    folder = copy_fixtures(tmp_path)
    before = beta_file(folder).read_text()

    async def go() -> None:
        app = make_app([folder], version=BETA)
        async with app.run_test(size=(120, 36), notifications=True) as pilot:
            await open_precondition_status(pilot, app)
            await fill(pilot, app, **values)
            await record(pilot, app)
            assert isinstance(app.screen, FormDialog)
            assert f"Not recorded: {refusal}" in flat_text(app)
            assert beta_file(folder).read_text() == before

    asyncio.run(go())


def test_an_inferred_precondition_status_with_its_note_is_recorded(tmp_path: Path) -> None:
    folder = copy_fixtures(tmp_path)

    async def go() -> None:
        app = make_app([folder], version=BETA)
        async with app.run_test(size=(120, 36), notifications=True) as pilot:
            await open_precondition_status(pilot, app)
            await fill(pilot, app, basis="inferred", note="Read from the minister's silence.")
            await record(pilot, app)
            assert not isinstance(app.screen, FormDialog)
            item = app.draft_set.get(BETA).preconditions[0]
            assert item.status_basis == "inferred" and item.status_note == "Read from the minister's silence."
            inferred = beta_file(folder).read_text()
            await open_precondition_status(pilot, app)
            assert app.screen.query_one("#field-basis", Select).value == "inferred"
            await fill(pilot, app, basis="unstated")  # takes the basis away, keeps the note
            await record(pilot, app)
            assert not isinstance(app.screen, FormDialog)
            import difflib

            diff = [line for line in difflib.unified_diff(inferred.splitlines(), beta_file(folder).read_text().splitlines(),
                                                          lineterm="", n=0) if line[:1] in "+-" and line[:3] not in ("---", "+++")]
            assert diff == ["-    status_basis: inferred"]
            assert app.draft_set.get(BETA).preconditions[0].status_basis is None

    asyncio.run(go())


def form_message(app) -> str:  # type: ignore[no-untyped-def]
    return " ".join(str(app.screen.query_one("#form-message").render()).split())


def test_a_bad_new_source_is_refused_with_all_its_problems_in_plain_words(tmp_path: Path) -> None:
    """The refusal was pydantic's first error, with the typed data as a Python dict ("source : id: Field
    required (got {'title': …})"), and said nothing of the bad date given with it."""
    folder = copy_fixtures(tmp_path)
    before = status_file(folder).read_text()

    async def go() -> None:
        app = make_app([folder], version="2024-09-status")
        async with app.run_test(size=(120, 36), notifications=True) as pilot:
            await pilot.press("a")
            await pilot.pause()
            await fill(pilot, app, agreed="3", total="5", source="+new", src_publisher="Pub",
                       src_date="2025-13-40", src_url="example.org/x")
            await record(pilot, app)
            assert isinstance(app.screen, FormDialog)
            said = form_message(app)
            assert said.startswith("Not recorded: New source: give an id (e.g. mfa-am-2025-03-13)"), said
            assert "New source: give a title" in said
            assert "New source: the date 2025-13-40 is not a real calendar date: there is no month 13" in said
            assert "New source: the URL example.org/x is not a web address (write https://…)" in said
            assert "{" not in said and "Field required" not in said and "(got" not in said
            assert status_file(folder).read_text() == before

    asyncio.run(go())


def test_a_claim_without_a_source_says_to_pick_one(tmp_path: Path) -> None:
    """It said "no source '' in draft 2024-09-status"."""
    folder = copy_fixtures(tmp_path)

    async def go() -> None:
        app = make_app([folder], version="2024-09-status")
        async with app.run_test(size=(120, 36), notifications=True) as pilot:
            await pilot.press("a")
            await pilot.pause()
            await fill(pilot, app, agreed="3", total="5", source="-")
            await record(pilot, app)
            said = form_message(app)
            assert said.startswith("Not recorded: the claim needs the source it is from — pick the Source"), said
            assert "''" not in said

    asyncio.run(go())


def test_a_new_version_from_the_december_2024_status_validates_with_no_findings(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``N`` from 2024-12-18-status wrote a file warned of "[unused-source] source 'californiacourier-2025-02'
    is never cited": new-version carried the sources named anywhere in the articles, the validator counted
    no ``[id]`` marker in a party's position notes. Both now reckon a citation one way (``citing_ids``)."""
    import shutil

    from paths import ROOT

    from draftdiff.cli import main

    folder = tmp_path / "drafts"
    shutil.copytree(ROOT / "drafts", folder, ignore=shutil.ignore_patterns("*.md"))

    async def go() -> None:
        app = make_app([folder], version="2024-12-18-status")
        async with app.run_test(size=(120, 36), notifications=True) as pilot:
            await pilot.press("N")
            await pilot.pause()
            await fill(pilot, app, id="2025-01-20-status", date="2025-01-20", kind="status-report",
                       proposed_by="joint", title="Status reported in January 2025")
            await record(pilot, app)
            assert not isinstance(app.screen, FormDialog), form_message(app)
            assert app.version == "2025-01-20-status"

    asyncio.run(go())
    created = folder / "2025-01-20-status.yaml"
    assert created.is_file()
    capsys.readouterr()
    assert main(["validate", str(folder)]) == 0
    out = capsys.readouterr().out
    assert "warning" not in out and "error" not in out.replace("0 errors", ""), out


def test_set_status_recorded_as_it_opened_changes_nothing_and_says_so(tmp_path: Path) -> None:
    """The first article of the beta response is reported and sourced: Record without a change was refused
    ("a reported status needs the source that reports it") because the Source picker opens on none."""
    folder = copy_fixtures(tmp_path)
    before = beta_file(folder).read_text()

    async def go() -> None:
        app = make_app([folder], version=BETA)
        async with app.run_test(size=(120, 36), notifications=True) as pilot:
            await pilot.press("e")
            await pilot.pause()
            assert isinstance(app.screen, FormDialog)
            said = notices(app)
            await record(pilot, app)
            assert not isinstance(app.screen, FormDialog), flat_text(app)
            assert beta_file(folder).read_text() == before
            assert said and said[0].startswith("Nothing recorded ")

    asyncio.run(go())


@pytest.mark.parametrize(("typed", "precision", "date", "shown"), [
    ("2024-10", "day", "2024-10-01", "2024-10"),  # a month typed is a month
    ("~2024-10-20", "day", "2024-10-20", "~2024-10-20"),
    ("2024-10-20", "approximate", "2024-10-20", "~2024-10-20"),  # or picked in "Date known to"
])
def test_a_new_version_can_be_dated_to_the_month_or_roughly(tmp_path: Path, typed: str, precision: str,
                                                            date: str, shown: str) -> None:
    """The collection has versions known to the month (2024-06) and roughly (~2023-12-31); the N dialog
    could only write a day, and answered 2024-10 with the validator's schema-date message."""
    from draftdiff.tui.look import version_date

    folder = copy_fixtures(tmp_path)

    async def go() -> None:
        app = make_app([folder], version="2024-09-status")
        async with app.run_test(size=(100, 30), notifications=True) as pilot:
            await pilot.press("N")
            await pilot.pause()
            await fill(pilot, app, id="2024-10-status", date=typed, date_precision=precision,
                       title="Status reported in October 2024")
            await record(pilot, app)
            new = app.draft_set.get("2024-10-status")
            assert new is not None, flat_text(app)
            assert new.date == date and version_date(new) == shown

    asyncio.run(go())
