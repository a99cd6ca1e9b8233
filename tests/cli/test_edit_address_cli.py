"""Addressing entries from the command line: article numbers as written, values typed by their field, findings
named by ids in every face, and findings that a deletion only moved are not printed as new."""

from __future__ import annotations

from pathlib import Path

import pytest
from edit_support import EDIT_DRAFT, changed_lines, make_folder

from draftdiff.cli import main


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


NUMBERED = EDIT_DRAFT.replace("    number: 1\n", "    number: 1 bis\n").replace(
    "    number: 2\n", "    number: II\n")


@pytest.mark.parametrize("ref, label", [("1 bis", "Article 1 bis recognition"), ("II", "Article II third-party-forces"),
                                        ("3", "Article 3 claims")])
def test_set_status_names_an_article_by_its_number_as_written(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                              ref: str, label: str) -> None:
    draft = make_folder(tmp_path, NUMBERED)
    code, out, err = run(capsys, "set-status", str(draft), ref, "partial", "--basis", "inferred", "--note", "Said.",
                         "-n", "--allow-errors")
    assert code == 0, err
    assert f"t-2024-09.yaml: {label}: " in out + err


def test_set_with_the_number_it_has_changes_nothing_and_keeps_an_int(tmp_path: Path,
                                                                   capsys: pytest.CaptureFixture[str]) -> None:
    draft = make_folder(tmp_path)
    code, out, _ = run(capsys, "set", str(draft), "articles[2].number", "2")
    assert code == 0 and "nothing to change" in out and "number is already 2" in out
    assert draft.read_text() == EDIT_DRAFT
    code, out, err = run(capsys, "set", str(draft), "articles[2].number", "2 bis", "--allow-errors")
    assert code == 0, err
    assert changed_lines(EDIT_DRAFT, draft.read_text()) == ["-    number: 2", "+    number: 2 bis"]
    code, out, err = run(capsys, "set-status", str(draft), "2 bis", "agreed", "--source", "src-2", "-n",
                         "--allow-errors")
    assert code == 0, err


def test_a_refusal_lists_the_articles_with_their_numbers(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    draft = make_folder(tmp_path)
    code, _, err = run(capsys, "set-status", str(draft), "7", "unknown")
    assert code == 1
    assert "how to fix: name an article by its id or number: 1 recognition, 2 third-party-forces, 3 claims" in err
