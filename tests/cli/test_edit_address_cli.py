"""Addressing entries from the command line: article numbers as written, values typed by their field, findings
named by ids in every face, and findings that a deletion only moved are not printed as new."""

from __future__ import annotations

import json
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


@pytest.mark.parametrize("face", ["text", "json", "sarif", "github"])
def test_every_face_names_the_entry_by_its_id(tmp_path: Path, capsys: pytest.CaptureFixture[str], face: str) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(EDIT_DRAFT.replace("    status: disputed\n", "    status: disputd\n", 1), encoding="utf-8")
    code, out, _ = run(capsys, "validate", str(bad), "--format", face, "--no-color")
    assert code == 1
    assert "articles[third-party-forces].status: 'disputd'" in out and "articles[1]" not in out
    if face == "json":  # the machine fields stay as they were: only the message names the entry otherwise
        [finding] = [d for d in json.loads(out)["diagnostics"] if d["rule"] == "schema-value"]
        assert set(finding) == {"file", "line", "col", "severity", "rule", "message", "hint"}


def test_an_address_copied_from_a_finding_reaches_its_entry(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    draft = make_folder(tmp_path)
    code, out, err = run(capsys, "set", str(draft), "articles[2].status", "disputd", "-n")
    assert code == 1
    address = (out + err).split("error [schema-value] ")[1].split(":")[0]
    assert address == "articles[third-party-forces].status"
    code, out, err = run(capsys, "set", str(draft), address, "partial", "-n", "--allow-errors")
    assert code == 0 and "third-party-forces: status \"disputed\" → \"partial\"" in out + err


def test_a_finding_a_deletion_only_moves_is_not_printed_as_new(tmp_path: Path,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    second = ("  - agreed: 1\n    total: 3\n    date: 2024-09-11\n    source: src-1\n"
              "    notes: \"Said with a hidden mark\\u200b here.\"\n")
    text = EDIT_DRAFT.replace("    source: src-1\narticles:", "    source: src-1\n" + second + "articles:")
    draft = make_folder(tmp_path, text)
    code, out, err = run(capsys, "validate", str(draft.parent))
    assert "claimed_counts[1].notes: U+200B" in out
    code, out, err = run(capsys, "set", str(draft), "claimed_counts[0]", "--delete", "-n", "--allow-errors")
    assert code == 0, err
    assert "hidden-characters" not in out + err


def test_set_status_unknown_says_it_removes_the_basis_and_the_note(tmp_path: Path,
                                                                  capsys: pytest.CaptureFixture[str]) -> None:
    draft = make_folder(tmp_path)
    code, out, err = run(capsys, "set-status", str(draft), "third-party-forces", "unknown", "--allow-errors")
    assert code == 0, err
    assert out.splitlines()[:3] == [
        "t-2024-09.yaml: Article 2 third-party-forces: disputed → unknown",
        "t-2024-09.yaml: Article 2 third-party-forces: status basis removed (it was 'reported'; an unknown status "
        "rests on nothing)",
        "t-2024-09.yaml: Article 2 third-party-forces: status note removed (it explained the status 'disputed': "
        "\"Open, said the minister [src-1].\")",
    ]


def test_a_non_utf8_argument_is_refused_naming_the_byte(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    draft = make_folder(tmp_path)
    code, _, err = run(capsys, "set", str(draft), "articles[claims].status_note", "caf\udce9")
    assert code == 1
    assert "articles[claims].status_note: the byte 0xe9 (after 'caf') is not UTF-8" in err and "udce9" not in err
    code, _, err = run(capsys, "add-source", str(draft), "--id", "s9", "--title", "caf\udce9", "--publisher", "P")
    assert code == 1 and "the byte 0xe9" in err and "udce9" not in err
    assert draft.read_text() == EDIT_DRAFT
