"""Each edit command's exact effect on a file: the few lines it changes, and nothing else."""

from __future__ import annotations

from pathlib import Path

import pytest
from edit_support import EDIT_DRAFT, changed_lines, make_folder, run

from draftdiff.cli import main


@pytest.fixture
def draft(tmp_path: Path) -> Path:
    return make_folder(tmp_path)


def test_set_status_reported(draft: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "set-status", str(draft), "third-party-forces", "agreed", "--source", "src-2",
                       "--allow-errors")
    assert code == 0
    assert out.splitlines()[0] == "t-2024-09.yaml: Article 2 third-party-forces: disputed → agreed (source src-2)"
    assert "status note removed" in out.splitlines()[1]
    assert "[claimed-counts]" in out  # --allow-errors writes, and says what is now wrong
    assert changed_lines(EDIT_DRAFT, draft.read_text()) == [
        "-    status: disputed",
        "+    status: agreed",
        "-    status_note: >-",
        "-      Open, said the minister [src-1].",
        "-    sources: [src-1]",
        "+    sources: [src-1, src-2]",
    ]


def test_set_status_keeps_an_end_of_line_comment_and_its_gap(draft: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "set-status", str(draft), "recognition", "unknown", "--source", "src-2")
    assert code == 0, out
    assert changed_lines(EDIT_DRAFT, draft.read_text()) == [
        "-    status: agreed",
        "+    status: unknown",
        "-    sources: [src-1]  # the minister named it",
        "+    sources: [src-1, src-2]  # the minister named it",
    ]
    assert "  # Article 2 is the hard one.\n  - id: third-party-forces" in draft.read_text()


def test_set_status_inferred_folds_a_long_note_at_the_files_width(draft: Path,
                                                                  capsys: pytest.CaptureFixture[str]) -> None:
    note = ("Inferred: the minister no longer names it among the agreed articles, in his statement of "
            "11 September 2024 [src-1]")
    code, out, _ = run(capsys, "set-status", str(draft), "1", "unknown", "--basis", "inferred", "--note", note)
    assert code == 0
    assert out.startswith("t-2024-09.yaml: Article 1 recognition: agreed → unknown (inferred: Inferred")
    assert changed_lines(EDIT_DRAFT, draft.read_text()) == [
        "-    status: agreed",
        "-    status_basis: reported",
        "+    status: unknown",
        "+    status_basis: inferred",
        "+    status_note: >-",
        "+      Inferred: the minister no longer names it among the agreed articles, in his statement of 11",
        "+      September 2024 [src-1]",
    ]


@pytest.mark.parametrize(("args", "message"), [
    (["third-party-force", "agreed", "--source", "src-2"], "did you mean 'third-party-forces'?"),
    (["claims", "agred", "--source", "src-2"], "did you mean 'agreed'?"),
    (["claims", "agreed", "--source", "src-3"], "no source 'src-3'"),
    (["claims", "agreed"], "say what the status 'agreed' rests on"),
    (["claims", "agreed", "--basis", "inferred"], "an inferred status needs a note"),
    (["claims", "agreed", "--basis", "reported"], "a reported status needs the source"),
])
def test_set_status_refusals_say_why_and_change_nothing(draft: Path, capsys: pytest.CaptureFixture[str],
                                                        args: list[str], message: str) -> None:
    code, out, err = run(capsys, "set-status", str(draft), *args)
    assert code == 1
    assert message in err and "how to fix:" in err and "was not changed" in err
    assert draft.read_text() == EDIT_DRAFT
    assert not [p for p in draft.parent.iterdir() if p.name.startswith(".")]


def test_new_errors_are_refused_unless_allowed(draft: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "set-status", str(draft), "third-party-forces", "agreed", "--source", "src-2")
    assert code == 1
    assert "[claimed-counts]" in err and "--allow-errors" in err
    assert err.index("[claimed-counts]") < err.index("(listed above)")  # the findings come first, as it says
    assert draft.read_text() == EDIT_DRAFT


def test_nothing_to_do_is_exit_0(draft: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "set-status", str(draft), "claims", "disputed", "--source", "src-1")
    assert code == 0
    assert "already disputed" in out
    assert draft.read_text() == EDIT_DRAFT


def test_dry_run_prints_the_diff_and_writes_nothing(draft: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "set", str(draft), "articles[third-party-forces].status_note",
                         "Still open, said the minister again [src-1].", "--dry-run")
    assert code == 0
    assert draft.read_text() == EDIT_DRAFT
    assert "-    status_note: >-\n-      Open, said the minister [src-1].\n" \
           "+    status_note: Still open, said the minister again [src-1].\n" in out
    assert "status_note" in err and "not written" in err


def test_add_source(draft: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "add-source", str(draft), "--id", "src-3", "--title", "Third report: the count",
                       "--publisher", "Third News", "--date", "2024-09-12", "--url", "https://example.org/3",
                       "--quote", "all but two")
    assert code == 0
    assert out.splitlines()[0] == 't-2024-09.yaml: source src-3 added: "Third report: the count" (Third News, 2024-09-12)'
    assert "[unused-source]" in out  # a warning: the new source is not cited yet
    assert changed_lines(EDIT_DRAFT, draft.read_text()) == [
        "+  - id: src-3",
        '+    title: "Third report: the count"',
        "+    publisher: Third News",
        "+    date: 2024-09-12",
        "+    url: https://example.org/3",
        "+    quote: all but two",
    ]


@pytest.mark.parametrize(("args", "message"), [
    (["--id", "src-2", "--title", "T", "--publisher", "P"], "exists already"),
    (["--id", "src-3", "--title", "T", "--publisher", "P", "--date", "2024-13-01"],
     "the date 2024-13-01 is not a real calendar date: there is no month 13"),
    (["--id", "Src 3", "--title", "T", "--publisher", "P"], "src 3"),
    # every problem at once, in plain words: no pydantic type, no dict of what was typed
    (["--id", "src-3", "--title", "T", "--publisher", "P", "--date", "2024-13-01", "--url", "example.org"],
     "source src-3: the date 2024-13-01 is not a real calendar date: there is no month 13; "
     "the URL example.org is not a web address (write https://…)"),
    # a source is dated to the day: a month alone is said to be one, not "not a date"
    (["--id", "src-3", "--title", "T", "--publisher", "P", "--date", "2024-06"],
     "the date 2024-06 names a month, not a day (write YYYY-MM-DD)"),
])
def test_add_source_refusals(draft: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str) -> None:
    code, _, err = run(capsys, "add-source", str(draft), *args)
    assert code == 1
    assert message.lower() in err.lower()
    assert draft.read_text() == EDIT_DRAFT


def test_add_source_duplicate_offers_set(draft: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, _, err = run(capsys, "add-source", str(draft), "--id", "src-2", "--title", "T", "--publisher", "P")
    assert "draftdiff set FILE 'sources[src-2].title'" in err


def test_add_claim_reports_whether_the_board_fits(draft: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "add-claim", str(draft), "--source", "src-2", "--agreed", "1", "--total", "3",
                       "--speaker", "Beta's envoy", "--date", "2024-09-12")
    assert code == 0
    assert out.splitlines() == [
        "t-2024-09.yaml: claim added: 1 agreed, 3 in all (Beta's envoy, 2024-09-12, source src-2)",
        "  the board fits this claim",
    ]
    assert changed_lines(EDIT_DRAFT, draft.read_text()) == [
        "+  - agreed: 1", "+    total: 3", "+    speaker: Beta's envoy", "+    date: 2024-09-12",
        "+    source: src-2",
    ]


def test_add_claim_that_does_not_fit_is_refused(draft: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "add-claim", str(draft), "--source", "src-2", "--agreed", "3", "--total", "3")
    assert code == 1
    assert "the board does not fit this claim" in err and "[claimed-counts]" in err
    assert draft.read_text() == EDIT_DRAFT


def test_set_precondition(draft: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "set-precondition", str(draft), "constitution-change", "--status", "met",
                       "--source", "src-1", "--note", "Done, said the minister.")
    assert code == 0
    assert out.strip() == "t-2024-09.yaml: precondition constitution-change (beta): open → met (source src-1)"
    assert changed_lines(EDIT_DRAFT, draft.read_text()) == [
        "-    status: open",
        "+    status: met",
        "-    sources: [src-2]",
        "+    status_note: Done, said the minister.",
        "+    sources: [src-2, src-1]",
    ]


def test_set_precondition_holds_the_basis_to_its_evidence(draft: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A precondition's basis as an article's: reported needs the source given with it, inferred a note
    (``--basis reported`` alone wrote ``status_basis: reported`` on no source at all)."""
    code, _, err = run(capsys, "set-precondition", str(draft), "constitution-change", "--basis", "reported")
    assert code == 1 and "a reported status needs the source that reports it" in err and "--source" in err
    code, _, err = run(capsys, "set-precondition", str(draft), "constitution-change", "--basis", "inferred")
    assert code == 1 and "an inferred status needs a note" in err and "--note" in err
    assert draft.read_text() == EDIT_DRAFT
    code, _, _ = run(capsys, "set-precondition", str(draft), "constitution-change", "--basis", "inferred",
                     "--note", "Read from the minister's silence.")
    assert code == 0 and "status_basis: inferred" in draft.read_text()
    inferred = draft.read_text()
    code, _, err = run(capsys, "set-precondition", str(draft), "constitution-change", "--basis", "unstated")
    assert code == 0, err
    assert changed_lines(inferred, draft.read_text()) == ["-    status_basis: inferred"]  # the note stays


def test_set_precondition_typos(draft: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "set-precondition", str(draft), "constitution-chang", "--status", "met")
    assert code == 1 and "did you mean 'constitution-change'?" in err
    code, _, err = run(capsys, "set-precondition", str(draft), "constitution-change", "--status", "mett")
    assert code == 1 and "did you mean 'met'?" in err


def test_set_keeps_the_quoting_of_the_value_it_replaces(draft: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "set", str(draft), "sources[src-1].title", "[The minister's statement]")
    assert code == 0
    assert out.strip() == ('t-2024-09.yaml: sources[src-1]: title "[Minister\'s statement]" → '
                           '"[The minister\'s statement]"')
    assert changed_lines(EDIT_DRAFT, draft.read_text()) == [
        '-    title: "[Minister\'s statement]"',
        '+    title: "[The minister\'s statement]"',
    ]
    code, _, _ = run(capsys, "set", str(draft), "sources[src-1].quote", "one article remains open")
    assert code == 0
    assert "    quote: 'one article remains open'\n" in draft.read_text()


def test_set_quotes_what_would_not_read_back_as_text(draft: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for value, written in [("Second report: corrected", '"Second report: corrected"'), ("true", '"true"'),
                           ("2024", '"2024"'), ("- a list?", '"- a list?"'), ("# not a comment", '"# not a comment"')]:
        code, _, err = run(capsys, "set", str(draft), "sources[src-2].title", value)
        assert code == 0, err
        assert f"    title: {written}\n" in draft.read_text()


def test_set_json_and_delete(draft: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "set", str(draft), "articles[claims].number", "4", "--json")
    assert code == 1 and "[article-numbering]" in err  # a gap in the numbers is an error
    code, out, _ = run(capsys, "set", str(draft), "notes", "--delete")
    assert code == 0 and out.strip() == 't-2024-09.yaml: notes removed (was "Kept as a note.")'
    assert changed_lines(EDIT_DRAFT, draft.read_text()) == ["-notes: Kept as a note."]


@pytest.mark.parametrize(("address", "message"), [
    ("articles[claims].titel", "did you mean 'title'?"),
    ("sources[src-9].title", "did you mean 'src-2'?"),
    ("articles[claim].title", "did you mean 'claims'?"),
    ("articles[claims]..title", "cannot read"),
])
def test_set_address_errors(draft: Path, capsys: pytest.CaptureFixture[str], address: str, message: str) -> None:
    code, _, err = run(capsys, "set", str(draft), address, "x")
    assert code == 1 and message in err
    assert draft.read_text() == EDIT_DRAFT


def test_missing_file_is_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "set-status", str(tmp_path / "nope.yaml"), "a", "agreed", "--source", "s")
    assert code == 2 and "no such file" in err


def test_invalid_yaml_is_exit_2_with_its_position(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = make_folder(tmp_path, EDIT_DRAFT.replace("notes: Kept as a note.", "notes: [unclosed"))
    code, _, err = run(capsys, "set-status", str(path), "claims", "agreed", "--source", "src-1")
    assert code == 2 and "t-2024-09.yaml:" in err and "fix the file first" in err


def test_set_status_unknown_with_only_a_note_keeps_no_basis(draft: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """'unknown' rests on nothing: with a note and neither --source nor --basis, the old basis goes."""
    code, out, _ = run(capsys, "set-status", str(draft), "1", "unknown", "--note", "Not assigned [src-1].")
    assert code == 0, out
    assert out.startswith("t-2024-09.yaml: Article 1 recognition: agreed → unknown")
    assert changed_lines(EDIT_DRAFT, draft.read_text()) == [
        "-    status: agreed",
        "-    status_basis: reported",
        "+    status: unknown",
        "+    status_note: Not assigned [src-1].",
    ]


def test_set_delete_removes_a_whole_list_entry(draft: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """'set FILE sources[ID] --delete' removes the entry (it said "nothing to change" and wrote nothing)."""
    text = draft.read_text()
    source_id = next(line.split("id: ")[1] for line in text.splitlines() if line.startswith("  - id: src-"))
    code, out, _ = run(capsys, "set", str(draft), f"sources[{source_id}]", "--delete", "--allow-errors")
    assert code == 0, out
    assert "nothing to change" not in out and "removed" in out
    assert f"  - id: {source_id}\n" not in draft.read_text()


def test_long_text_from_a_file_and_repeated_sources(draft: Path, tmp_path: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    note = tmp_path / "note.txt"
    note.write_text("Settled, said both ministers [src-1] [src-2].\n", encoding="utf-8")
    code, out, _ = run(capsys, "set-status", str(draft), "claims", "unknown", "--source", "src-1",
                       "--source", "src-1", "--note", f"@{note}")
    assert code == 0, out
    assert changed_lines(EDIT_DRAFT, draft.read_text()) == [
        "-    status: disputed", "+    status: unknown",
        "+    status_note: Settled, said both ministers [src-1] [src-2].",
    ]


def test_a_claim_that_counts_nothing_is_refused(draft: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "add-claim", str(draft), "--source", "src-1", "--speaker", "Someone")
    assert code == 1 and "counts nothing" in err
    assert "  how to fix: give --agreed, --partial, --disputed, --total or --percent\n" in err


@pytest.mark.parametrize("args, reason, how", [
    ([], "say what the status 'agreed' rests on", "give --source ID (reported), or --basis inferred --note 'from what'"),
    (["--basis", "reported"], "a reported status needs the source that reports it",
     "give --source ID (add the source first with draftdiff add-source)"),
    (["--basis", "inferred"], "an inferred status needs a note", "give --note 'inferred from …'"),
    (["--source", "src-9"], "no source 'src-9' in draft t-2024-09",
     "add it first: draftdiff add-source FILE --id src-9 --title … --publisher …"),
])
def test_a_status_without_its_evidence_is_refused_with_the_flags_that_give_it(
        args: list[str], reason: str, how: str, draft: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "set-status", str(draft), "claims", "agreed", *args)
    assert code == 1 and f"draftdiff set-status: refused: {reason}" in err
    assert f"  how to fix: {how}\n" in err
    assert draft.read_text() == EDIT_DRAFT


def test_the_other_edit_refusals_name_their_flags_and_commands(draft: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "set-precondition", str(draft), "constitution-change")
    assert code == 1 and "nothing to set" in err and "how to fix: give --status, --source, --note or --basis" in err
    code, _, err = run(capsys, "add-source", str(draft), "--id", "src-2", "--title", "T", "--publisher", "P")
    assert code == 1 and "how to fix: choose a new id, or change a field of it: draftdiff set FILE " \
                         "'sources[src-2].title' …" in err
    code, _, err = run(capsys, "new-version", str(draft), "--id", "t-2024-12", "--date", "2024-12-01",
                       "--kind", "status-report", "--by", "beta", "--title", "Again",
                       "-o", str(draft.parent / "t-2024-06.yaml"))
    assert code == 1 and "exists already" in err and "edit that file with set-status" in err


@pytest.mark.parametrize("command", ["new-version", "add-source", "set-status", "add-claim", "set-precondition",
                                     "set", "fmt"])
def test_each_command_has_help_with_its_examples(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([command, "--help"]) == 0
    out = capsys.readouterr().out
    assert f"\n  draftdiff {command} " in out  # the example lines keep their own lines
    assert "Exit 0" in out


def test_set_names_the_record_then_the_field(draft: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "set", str(draft), "claimed_counts[0].notes", "As said.", "--dry-run")
    assert code == 0
    _, _, err = run(capsys, "set", str(draft), "articles[2].text", "One line.", "--dry-run")
    assert 't-2024-09.yaml: Article 2 third-party-forces: text "The Parties shall not deploy forces of third coun…" → ' \
           '"One line."' in err


def new_version_of(tmp_path: Path, capsys: pytest.CaptureFixture[str], base: str) -> tuple[int, str, str]:
    """``new-version`` of ``base`` (written as base.yaml) as ``next``, dated 2024-02-01."""
    (tmp_path / "base.yaml").write_text(base)
    return run(capsys, "new-version", str(tmp_path / "base.yaml"), "--id", "next", "--date", "2024-02-01",
               "--kind", "proposal", "--by", "beta", "--title", "Next")


def test_new_version_carries_the_sources_the_validator_counts_as_cited(tmp_path: Path,
                                                                       capsys: pytest.CaptureFixture[str]) -> None:
    """A source named only by a claimed count (not carried) is left out; one named by a ``[id]`` marker in a
    party's position notes (carried) is kept: the new file has no [unused-source] finding either way."""
    from draft_support import draft_text

    two = "sources:\n  - id: src-0\n    title: Report\n    publisher: Agency\n  - id: src-1"
    claim = "articles:\n"
    base = draft_text(id="base").replace("sources:\n  - id: src-1", two).replace(
        claim, "  - id: src-claim\n    title: Speech\n    publisher: Agency\n" + claim).replace(
        "beta: {text: Ban only on delimited sections, basis: summary, sources: [src-1]}",
        "beta: {text: Ban only on delimited sections, basis: summary, sources: [src-1], notes: 'Restated [src-0].'}")
    base += "claimed_counts:\n  - {agreed: 1, disputed: 1, total: 2, source: src-claim}\n"
    code, out, err = new_version_of(tmp_path, capsys, base)
    assert code == 0, err
    assert "1 source left out, cited only by what was not carried: src-claim" in out
    assert "src-0" not in out.split("left out")[-1]
    assert "unused-source" not in out + err
    assert "id: src-0" in (tmp_path / "next.yaml").read_text()


def test_a_source_left_out_from_the_middle_whose_lines_repeat_its_neighbours_is_no_stray_change(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Leaving out a source whose ``publisher: Agency`` equals the one before it: the line diff may place
    the deletion a line early; the same lines remain, so the write path takes it for the asked deletion."""
    from draft_support import draft_text

    middle = ("sources:\n  - id: src-0\n    title: Report\n    publisher: Agency\n"
              "  - id: src-claim\n    title: Speech\n    publisher: Agency\n  - id: src-1")
    base = draft_text(id="base").replace("sources:\n  - id: src-1", middle).replace(
        "beta: {text: Ban only on delimited sections, basis: summary, sources: [src-1]}",
        "beta: {text: Ban only on delimited sections, basis: summary, sources: [src-1], notes: 'Restated [src-0].'}")
    base += "claimed_counts:\n  - {agreed: 1, disputed: 1, total: 2, source: src-claim}\n"
    code, out, err = new_version_of(tmp_path, capsys, base)
    assert code == 0, err
    written = (tmp_path / "next.yaml").read_text()
    assert "id: src-claim" not in written and "id: src-0" in written and "id: src-1" in written


def test_the_same_reported_status_without_a_source_changes_nothing(draft: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Its sources stand: recording the status it has (the TUI's dialog left as it opened) is no refusal."""
    code, out, err = run(capsys, "set-status", str(draft), "1", "agreed", "--basis", "reported")
    assert code == 0, err
    assert "already agreed on that evidence" in out + err
    assert draft.read_text() == EDIT_DRAFT
    code, _, err = run(capsys, "set-status", str(draft), "1", "disputed", "--basis", "reported")
    assert code == 1 and "a reported status needs the source that reports it" in err


def test_a_new_precondition_status_takes_away_the_note_that_explained_the_old_one(
        draft: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "set-precondition", str(draft), "constitution-change", "--note", "Still open.")
    assert code == 0, err
    noted = draft.read_text()
    code, out, err = run(capsys, "set-precondition", str(draft), "constitution-change", "--status", "met",
                         "--source", "src-1")
    assert code == 0, err
    assert "status note removed (it explained the status 'open'" in out
    assert "-    status_note: Still open." in changed_lines(noted, draft.read_text())
