"""``@FILE`` for long text: only on the options that document it, ``@@`` for a leading ``@``, and a reader that
refuses what is not a regular file or is over the draft size limit (never a hang on ``@/dev/zero``)."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

import pytest
from edit_support import make_folder, run

from draftdiff.cli import build_parser
from draftdiff.cli._edit import text_arg
from draftdiff.load import MAX_BYTES


@pytest.fixture
def draft(tmp_path: Path) -> Path:
    return make_folder(tmp_path)


def source(path: Path, sid: str) -> dict[str, object]:
    from ruamel.yaml import YAML

    data = YAML(typ="safe").load(path.read_text(encoding="utf-8"))
    return next(s for s in data["sources"] if s["id"] == sid)


def test_a_name_or_title_is_taken_as_written(draft: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "add-source", str(draft), "--id", "tw-1", "--title", "@title",
                         "--publisher", "@publisher", "--author", "@NikolPashinyan")
    assert code == 0, err
    assert source(draft, "tw-1") | {"author": "@NikolPashinyan", "title": "@title", "publisher": "@publisher"} == \
        source(draft, "tw-1")


def test_a_double_at_is_a_literal_at(draft: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "add-source", str(draft), "--id", "tw-2", "--title", "T", "--publisher", "P",
                       "--notes", "@@x said so", "--quote", "@@@triple")
    assert code == 0, err
    assert source(draft, "tw-2")["notes"] == "@x said so" and source(draft, "tw-2")["quote"] == "@@triple"


def test_at_file_reads_the_file(draft: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    note = tmp_path / "note.txt"
    note.write_text("\ufeffInferred from the joint statement.\n", encoding="utf-8")
    code, _, err = run(capsys, "set-status", str(draft), "claims", "unknown", "--basis", "inferred",
                         "--note", f"@{note}")
    assert code == 0, err
    assert "Inferred from the joint statement." in draft.read_text(encoding="utf-8")


@pytest.mark.parametrize("special", ["/dev/zero", "/dev/null", "."])
def test_what_is_not_a_regular_file_is_refused_at_once(draft: Path, special: str) -> None:
    if not os.path.exists(special):
        pytest.skip(f"no {special} here")
    before = draft.read_bytes()
    done = subprocess.run([sys.executable, "-m", "draftdiff", "set-status", str(draft), "2", "partial", "--basis",
                           "inferred", "--note", f"@{special}", "-n"], capture_output=True, text=True, timeout=30,
                          env={**os.environ, "PYTHONPATH": str(Path(__file__).parents[2] / "src")})
    assert done.returncode == 2, done.stderr
    assert f"cannot read {special}: not a regular file" in done.stderr and "@@" in done.stderr
    assert draft.read_bytes() == before


def test_a_fifo_is_refused_without_waiting_for_a_writer(tmp_path: Path) -> None:
    if not hasattr(os, "mkfifo"):
        pytest.skip("no FIFOs here")
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    with pytest.raises(Exception, match="not a regular file"):
        text_arg(f"@{fifo}")


def test_a_file_over_the_draft_limit_is_refused(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_bytes(b"w" * (MAX_BYTES + 1))
    with pytest.raises(Exception, match="over the 8,388,608-byte limit"):
        text_arg(f"@{big}")
    big.write_bytes(b"\xff\xfe not utf-8")
    with pytest.raises(Exception, match="not UTF-8 text"):
        text_arg(f"@{big}")


def test_stdin_is_read_no_further_than_the_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    class Endless:
        def read(self, n: int = -1) -> bytes:
            assert n > 0, "an unbounded read of stdin"
            return b"z" * n

    monkeypatch.setattr(sys, "stdin", argparse.Namespace(buffer=Endless()))
    with pytest.raises(Exception, match="over the 8,388,608-byte limit"):
        text_arg("@-")


def test_a_missing_file_is_a_clear_message(draft: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "set-status", str(draft), "2", "partial", "--basis", "inferred", "--note", "@nope.txt")
    assert code == 2 and "cannot read nope.txt: No such file or directory" in err


def test_every_option_that_reads_at_file_says_so_and_no_other_does() -> None:
    parser = build_parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    readers = set()
    for name, command in sub.choices.items():
        for action in command._actions:
            reads = action.type is text_arg
            documented = "@FILE" in (action.help or "")
            assert reads == documented, (name, action.dest)
            if reads:
                readers.add((name, action.option_strings[0] if action.option_strings else action.dest))
    assert readers == {("add-source", "--quote"), ("add-source", "--notes"), ("add-claim", "--notes"),
                       ("set-status", "--note"), ("set-precondition", "--note"), ("new-version", "--summary"),
                       ("set", "value")}
