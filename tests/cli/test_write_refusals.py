"""What every writing command refuses the same way: a folder that does not exist (exit 2, nothing made), a result
no command could read again (whatever --allow-errors says), and hints that name only flags the command has."""

from __future__ import annotations

import argparse
import re
import shutil
from pathlib import Path

import pytest
from edit_support import make_folder
from paths import ROOT

from draftdiff.cli import build_parser, main
from draftdiff.load import MAX_BYTES

IMPORT = ["--date", "2026-01-01", "--by", "armenia", "--agreement", "armenia-azerbaijan-peace",
          "--parties", "armenia,azerbaijan", "--source-title", "t", "--source-publisher", "p"]


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.copytree(ROOT / "drafts", tmp_path / "drafts", ignore=shutil.ignore_patterns("*.md"))
    (tmp_path / "a.txt").write_text("T\n\nArticle 1\n\nText.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.mark.parametrize("argv", [
    ["import", "a.txt", "--id", "q-1", *IMPORT, "-o", "nodir/x.yaml"],
    ["import", "a.txt", "--id", "q-1", *IMPORT, "--drafts", "nodir"],
    ["import", "a.txt", "--id", "q-1", "--based-on", "2024-12-18-status", *IMPORT, "-o", "nodir/x.yaml"],
    ["new-version", "drafts/2024-12-18-status.yaml", "--id", "x-1", "--date", "2026-01-01", "--kind", "proposal",
     "--by", "armenia", "--title", "T", "-o", "nodir/x.yaml"],
])
def test_a_missing_folder_is_a_clean_refusal(here: Path, capsys: pytest.CaptureFixture[str], argv: list[str]) -> None:
    code, out, err = run(capsys, *argv)
    assert code == 2, err
    assert "cannot write (no folder nodir); no file was written" in err
    assert "internal error" not in err and not (here / "nodir").exists()


def test_a_result_over_the_size_limit_is_refused_even_with_allow_errors(tmp_path: Path,
                                                                       capsys: pytest.CaptureFixture[str]) -> None:
    draft = make_folder(tmp_path)
    before = draft.read_bytes()
    big = tmp_path / "big.txt"
    big.write_text("word " * ((MAX_BYTES - 10) // 5), encoding="utf-8")
    code, out, err = run(capsys, "set", str(draft), "articles[2].status_note", f"@{big}", "--allow-errors")
    assert code == 1, err
    assert f"would make {draft.name} unreadable" in err and "over the 8,388,608-byte limit" in err
    assert "--allow-errors" not in err and draft.read_bytes() == before


@pytest.mark.parametrize(("argv", "rule"), [
    (["set", "{f}", "articles[2].status_note", "a line\n" * 200_001], "lines"),
    (["set", "{f}", "articles[2].status_note", "word " * 2_000], "bytes"),
])
def test_any_finding_that_makes_the_file_unreadable_is_refused_even_with_allow_errors(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, argv: list[str],
        rule: str) -> None:
    import draftdiff.edit.writepath as writepath
    import draftdiff.load as load

    draft = make_folder(tmp_path)
    before = draft.read_bytes()
    monkeypatch.setattr(writepath, "_least_size", lambda *_: 0)  # the check made on the written bytes
    if rule == "bytes":
        monkeypatch.setattr(load, "MAX_BYTES", len(before) + 5_000)
    code, out, err = run(capsys, *(a.format(f=draft) for a in argv), "--allow-errors")
    assert code == 1, err
    assert f"would make {draft.name} unreadable" in err and ("-line limit" if rule == "lines" else "-byte limit") in err
    assert "--allow-errors" not in err and draft.read_bytes() == before


def option_strings(command: str) -> set[str]:
    parser = build_parser(command)
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return {s for action in sub.choices[command]._actions for s in action.option_strings}


REFUSALS = [
    ["import", "a.txt", "--id", "2024-12-18-status", *IMPORT, "-o", "drafts/other.yaml"],
    ["import", "a.txt", "--id", "q-2", *IMPORT[:-4], "-o", "drafts/q.yaml"],
    ["import", "a.txt", "--id", "q-3", *IMPORT, "--map", "x"],
    ["set-status", "drafts/2024-12-18-status.yaml", "7", "agreed"],
    ["set-status", "drafts/2024-12-18-status.yaml", "7", "agreed", "--source", "nope"],
    ["set-status", "drafts/2024-12-18-status.yaml", "7", "partial", "--basis", "inferred"],
    ["add-source", "drafts/2024-12-18-status.yaml", "--id", "turan-788320", "--title", "T", "--publisher", "P"],
    ["add-claim", "drafts/2024-12-18-status.yaml", "--source", "nope", "--agreed", "1"],
    ["add-claim", "drafts/2024-12-18-status.yaml", "--source", "turan-788320"],
    ["add-claim", "drafts/2024-12-18-status.yaml", "--source", "turan-788320", "--agreed", "3", "--total", "17"],
    ["set-precondition", "drafts/2024-12-18-status.yaml", "zangezur-corridor"],
    ["new-version", "drafts/2024-12-18-status.yaml", "--id", "2024-09-11-status", "--date", "2026-01-01",
     "--kind", "proposal", "--by", "armenia", "--title", "T"],
    ["set", "drafts/2024-12-18-status.yaml", "articles[7].status", "agreed"],
]


@pytest.mark.parametrize("argv", REFUSALS)
def test_every_flag_a_hint_names_is_one_the_command_has(here: Path, capsys: pytest.CaptureFixture[str],
                                                        argv: list[str]) -> None:
    code, out, err = run(capsys, *argv)
    assert code != 0, err
    assert "allow_errors" not in err
    for line in err.splitlines():
        if not re.search(r"hint:|how to fix:", line):
            continue
        # a flag belongs to the command the hint names just before it ("draftdiff add-source FILE --id"), else
        # to the command that ran
        for part in re.split(r"(?=\bdraftdiff [a-z-]+)", line):
            named = re.match(r"draftdiff ([a-z-]+)", part)
            command = named.group(1) if named else argv[0]
            for flag in re.findall(r"(?<![\w-])--[a-z][a-z-]*", part):
                assert flag in option_strings(command), (argv, command, flag, line)
