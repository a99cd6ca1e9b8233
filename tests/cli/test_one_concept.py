"""One concept, one place: what the command line and the TUI both do is decided once, in the core.

Each test here was a disagreement between faces (or between a face and the validator) on the bundled drafts.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from paths import ROOT

from draftdiff.cli import main

STATUS = "2024-12-18-status.yaml"
TENTH = "2024-06-azerbaijan-tenth-package.yaml"
CLAIM = ["--speaker", "Hikmet Hajiyev", "--date", "2024-12-19", "--source", "turan-788320",
         "--agreed", "15", "--disputed", "2", "--total", "17"]


@pytest.fixture
def drafts(tmp_path: Path) -> Path:
    folder = tmp_path / "drafts"
    shutil.copytree(ROOT / "drafts", folder, ignore=shutil.ignore_patterns("*.md"))
    return folder


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def new_version(capsys: pytest.CaptureFixture[str], base: Path, *extra: str, date: str = "2024-07-01",
                ) -> tuple[int, str, str]:
    return run(capsys, "new-version", str(base), "--id", "2024-07-x", "--date", date, "--kind", "proposal",
               "--by", "azerbaijan", "--title", "T", *extra)


# --- 1. a version known only by its date ------------------------------------------------------------------

def test_new_version_from_one_known_only_by_its_date_is_made_from_the_one_in_force_then(
        drafts: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """It wrote "carried …: 0 articles; article_coverage: none"; the TUI's N made it from the version in force
    then. Both now ask the core (newversion.base_for), and the command line says where the articles came from."""
    code, out, err = new_version(capsys, drafts / TENTH)
    assert code == 0, err
    first = out.splitlines()[0]
    assert "2024-06-azerbaijan-tenth-package is known only by its date (2024-06) and records no articles: the new " \
           "version is made from 2024-04-08-armenia-eighth-edition (2024-04-08), whose statuses are in force then" \
           in first
    assert "based on 2024-04-08-armenia-eighth-edition; carried with their ids and statuses: 1 article" in out
    from draftdiff.load import load_draft

    made = load_draft(drafts / "2024-07-x.yaml").draft
    assert made is not None and made.based_on == "2024-04-08-armenia-eighth-edition" and made.articles


def test_the_tui_makes_its_new_version_through_the_same_core_function() -> None:
    """The TUI's N no longer decides the base itself: it calls newversion.in_force_base, as base_for does."""
    text = (ROOT / "src" / "draftdiff" / "tui" / "recording.py").read_text()
    assert "in_force_base(app.draft_set, draft)" in text and "statuses_for" not in text


def test_sources_never_cited_are_not_said_to_be_cited_by_what_was_not_carried(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from draft_support import draft_text

    base = draft_text(id="base").replace("sources:\n  - id: src-1",
                                         "sources:\n  - id: src-lone\n    title: Report\n    publisher: Agency\n"
                                         "  - id: src-1")
    (tmp_path / "base.yaml").write_text(base)
    code, out, err = run(capsys, "new-version", str(tmp_path / "base.yaml"), "--id", "next", "--date", "2024-02-01",
                         "--kind", "proposal", "--by", "beta", "--title", "Next", "--allow-errors")
    assert code == 0, err
    assert "1 source left out, cited by nothing in the base: src-lone" in out
    assert "cited only by what was not carried" not in out


def test_set_status_in_a_version_known_only_by_its_date_names_the_version_in_force(
        drafts: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """It said "how to fix: name an article by its id or number:" and an empty list."""
    code, _, err = run(capsys, "set-status", str(drafts / TENTH), "7", "agreed", "--basis", "inferred",
                       "--note", "x", "-n")
    assert code == 1
    assert "it records no articles (it is known only by its date)" in err
    assert "how to fix: the statuses in force then are in 2024-04-08-armenia-eighth-edition's file: draftdiff " \
           f"set-status {drafts / '2024-04-08-armenia-eighth-edition.yaml'} …" in err
    assert "id or number: \n" not in err


# --- 2. the dates a version may have ---------------------------------------------------------------------

@pytest.mark.parametrize(("typed", "extra", "date", "precision"), [
    ("2025-01", [], "2025-01-01", "month"),
    ("~2025-01-20", [], "2025-01-20", "approximate"),
    ("2025-01", ["--date-precision", "month"], "2025-01-01", "month"),
    ("2025-01-20", ["--date-precision", "approximate"], "2025-01-20", "approximate"),
    ("2025-01-20", [], "2025-01-20", "day"),
])
def test_new_version_takes_the_dates_the_tui_takes(drafts: Path, capsys: pytest.CaptureFixture[str], typed: str,
                                                   extra: list[str], date: str, precision: str) -> None:
    code, _, err = new_version(capsys, drafts / STATUS, *extra, date=typed)
    assert code == 0, err
    from draftdiff.load import load_draft

    made = load_draft(drafts / "2024-07-x.yaml").draft
    assert made is not None and (made.date, made.date_precision) == (date, precision)


@pytest.mark.parametrize(("typed", "extra", "said"), [
    ("2025-01", ["--date-precision", "day"], "2025-01 is written as a date known to the month, but its precision "
                                              "is given as day"),
    ("~2025-01-20", ["--date-precision", "month"], "is written as a date known only roughly"),
    ("2025-02-30", [], "the date 2025-02-30 is not a real calendar date: February 2025 has 28 days"),
    ("2025", [], "the date 2025 names a year, not a day"),
])
def test_a_bad_version_date_is_refused_without_suggesting_allow_errors(
        drafts: Path, capsys: pytest.CaptureFixture[str], typed: str, extra: list[str], said: str) -> None:
    code, _, err = new_version(capsys, drafts / STATUS, *extra, date=typed)
    assert code == 1 and said in err, err
    assert "--allow-errors" not in err and "schema-date" not in err
    assert "how to fix: give --date as YYYY-MM-DD, YYYY-MM for a version known to the month" in err


# --- 4. a claim recorded twice ----------------------------------------------------------------------------

def test_add_claim_refuses_an_exact_duplicate_naming_its_line(drafts: Path,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    target = drafts / STATUS
    code, _, err = run(capsys, "add-claim", str(target), *CLAIM)
    assert code == 0, err
    once = target.read_text()
    line = next(i for i, text in enumerate(once.splitlines(), 1) if text == "    speaker: Hikmet Hajiyev") - 3
    code, _, err = run(capsys, "add-claim", str(target), *CLAIM)
    assert code == 1
    assert f"the same claim is recorded already, alike in every field (at line {line})" in err
    assert "how to fix: record it once; if it was said again, tell the two apart (--source, --date or --notes)" in err
    assert target.read_text() == once


def test_a_claim_written_twice_is_found_and_the_diff_pairs_identical_claims(
        drafts: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = drafts / STATUS
    assert main(["add-claim", str(target), *CLAIM]) == 0
    once = target.read_text()
    entry = "  - agreed: 15\n    disputed: 2\n    total: 17\n    speaker: Hikmet Hajiyev\n    date: 2024-12-19\n" \
            "    source: turan-788320\n"
    assert entry in once
    one = drafts.parent / "one.yaml"
    one.write_text(once)
    target.write_text(once.replace(entry, entry * 2))
    capsys.readouterr()
    code, out, _ = run(capsys, "validate", str(drafts))
    assert "warning [duplicate-claim] this claimed count is the one at line" in out
    code, out, _ = run(capsys, "diff", str(one), str(target), "--stat")
    assert out.splitlines()[-1].endswith("also 1 claimed count added"), out


# --- 5. a typo in a [source-id] marker ---------------------------------------------------------------------

def test_a_mistyped_source_marker_in_prose_is_found_with_its_place_and_a_guess(
        drafts: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = drafts / STATUS
    text = target.read_text()
    target.write_text(text.replace("summary: >-\n  ", "summary: >-\n  Reopened [turan-78832], [sic], [peace]. ", 1))
    code, out, _ = run(capsys, "validate", str(target))
    found = [line for line in out.splitlines() if "[unknown-source-marker]" in line]
    assert len(found) == 1, out
    lines = target.read_text().splitlines()
    row = next(i for i, line in enumerate(lines, 1) if "[turan-78832]" in line)
    col = lines[row - 1].index("[turan-78832]") + 1
    assert found[0].startswith(f"{target}:{row}:{col}: warning [unknown-source-marker] [turan-78832] names no "
                               "source of this draft; did you mean [turan-788320]?")


def test_set_status_with_a_mistyped_marker_says_so(drafts: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "set-status", str(drafts / STATUS), "recognition", "partial", "--source",
                         "turan-788320", "--note", "Reopened [turan-78832].", "-n")
    assert "[unknown-source-marker] [turan-78832] names no source of this draft; did you mean [turan-788320]?" \
        in out + err


# --- 6. dates and hedged claims, one wording -----------------------------------------------------------------

def test_textconv_prints_dates_and_hedged_claims_as_the_snapshot_does(capsys: pytest.CaptureFixture[str]) -> None:
    """textconv wrote ``raised: 2024-11-01 (month)`` and "80% of the text agreed (approximate)" where the
    snapshot writes ``2024-11`` and "about 80% of the text agreed"."""
    code, out, _ = run(capsys, "textconv", str(ROOT / "drafts" / "2024-09-11-status.yaml"))
    assert code == 0
    assert "(month)" not in out and "(approximate)" not in out
    assert "date: ~2024-09-11 " in out
    code, snap, err = run(capsys, "snapshot", "--drafts", str(ROOT / "drafts"), "--draft", "2024-09-11-status",
                          "-f", "text")
    assert code == 0, err
    hedged = [line.split(": ", 1)[1].rsplit(" [", 1)[0] for line in out.splitlines() if ": about " in line]
    assert hedged == ["about 80% of the text agreed"] * 2 and hedged[0] in snap
    code, out, _ = run(capsys, "textconv", str(ROOT / "drafts" / "2023-02-15-armenia-proposals.yaml"))
    raised = [line for line in out.splitlines() if line.startswith("  raised: ")]
    assert "  raised: 2023-02" in raised and not any("(" in line for line in raised), raised


def test_the_diff_words_a_hedged_claim_as_the_snapshot_does(drafts: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = drafts / STATUS
    before = drafts.parent / "before.yaml"
    before.write_text(target.read_text())
    assert main(["add-claim", str(target), "--source", "turan-788320", "--percent", "90", "--approximate",
                 "--date", "2024-12-19"]) == 0
    capsys.readouterr()
    code, out, _ = run(capsys, "diff", str(before), str(target))
    assert "about 90% of the text agreed [turan-788320]" in out, out
    assert "(approximate)" not in out
