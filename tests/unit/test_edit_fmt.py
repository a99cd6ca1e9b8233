"""``draftdiff fmt``: the canonical layout, and never a change to what a file says."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from edit_support import EDIT_DRAFT, make_folder

from draftdiff.cli import main
from draftdiff.edit import canonical_bytes, format_file


def indented_by_four(text: str) -> str:
    from ruamel.yaml import YAML

    yaml = YAML()
    yaml.preserve_quotes = True
    yaml.width = 10**9
    yaml.indent(mapping=4, sequence=4, offset=0)
    buffer = io.StringIO()
    yaml.dump(yaml.load(text), buffer)
    return buffer.getvalue()


@pytest.mark.parametrize("variant", [
    indented_by_four(EDIT_DRAFT),
    EDIT_DRAFT.replace("\n", "\r\n"),
    EDIT_DRAFT.replace("\n", "\r\n", 3),        # mixed line endings
    "\ufeff" + EDIT_DRAFT,
    EDIT_DRAFT.rstrip("\n"),
    EDIT_DRAFT + "\n\n",
    EDIT_DRAFT.replace("notes: Kept as a note.", "notes: Kept as a note.   "),
], ids=["indent-4", "crlf", "mixed", "bom", "no-final-newline", "blank-lines-at-end", "trailing-spaces"])
def test_layout_variants_become_the_canonical_layout(variant: str) -> None:
    assert canonical_bytes(variant.encode("utf-8")) == EDIT_DRAFT.encode("utf-8")


def test_the_canonical_layout_keeps_the_authors_choices() -> None:
    assert canonical_bytes(EDIT_DRAFT.encode()) == EDIT_DRAFT.encode()  # quoting, folding, comments, [a, b]


@pytest.mark.parametrize("escape", [r"\x1b", r"\u202e", r"\u00e9"])
def test_fmt_refuses_to_respell_an_escape(tmp_path: Path, escape: str, capsys: pytest.CaptureFixture[str]) -> None:
    text = indented_by_four(EDIT_DRAFT).replace("notes: Kept as a note.", f'notes: "a {escape} b"')
    path = make_folder(tmp_path, text)
    assert main(["fmt", str(path)]) == 1
    assert "refused" in capsys.readouterr().err
    assert path.read_text() == text


def test_fmt_check_prints_the_diff_and_writes_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = indented_by_four(EDIT_DRAFT)
    path = make_folder(tmp_path, text)
    assert main(["fmt", "--check", str(path.parent)]) == 1
    captured = capsys.readouterr()
    assert "-    Alpha's minister said" in captured.out and "+  Alpha's minister said" in captured.out
    assert f"would reformat {path}" in captured.err
    assert path.read_text() == text


def test_fmt_writes_and_then_has_nothing_to_do(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = make_folder(tmp_path, indented_by_four(EDIT_DRAFT))
    assert main(["fmt", str(path.parent)]) == 0
    assert f"reformatted {path}" in capsys.readouterr().out
    assert path.read_text() == EDIT_DRAFT
    assert main(["fmt", "--check", str(path.parent)]) == 0
    assert format_file(path).changed is False


def test_fmt_of_a_missing_path_is_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["fmt", str(tmp_path / "nope")]) == 2
    assert "no such file" in capsys.readouterr().err
