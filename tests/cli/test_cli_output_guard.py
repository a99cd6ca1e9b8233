"""Nothing a command prints reaches the terminal raw: file and folder names, ids and arguments holding escape
sequences (ESC ] 2 ; … BEL sets a terminal's title, ESC [ 31 m its colour) come out as ``\\x1b``-style escapes,
in every subcommand, on success, refusal and a missing file alike (draftdiff.cli.VisibleStream)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from paths import ROOT

from draftdiff.cli import COMMANDS, main
from draftdiff.textsafe import visible

OSC, SGR = "\x1b]2;pwn\x07", "\x1b[31m"
EVIL = f"ev{OSC}il{SGR}"
BASE = "2024-12-18-status"


@pytest.fixture
def evil(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder named with both sequences, holding the bundled drafts and one draft whose file name holds them."""
    folder = tmp_path / f"d{EVIL}"
    shutil.copytree(ROOT / "drafts", folder, ignore=shutil.ignore_patterns("*.md"))
    shutil.copy(folder / f"{BASE}.yaml", folder / f"{EVIL}.yaml")  # same id twice: a collection error, fine here
    (tmp_path / f"t{EVIL}.txt").write_text("Title\n\nArticle 1\n\nText.\n", encoding="utf-8")
    crlf = tmp_path / f"c{EVIL}.yaml"
    crlf.write_bytes((folder / f"{BASE}.yaml").read_bytes().replace(b"\n", b"\r\n"))
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    return folder


def cases(folder: str) -> list[list[str]]:
    f = f"{folder}/{EVIL}.yaml"
    missing = f"no{EVIL}.yaml"
    imp = ["--id", "q-1", "--date", "2026-01-01", "--by", "norland", "--agreement", "q", "--parties",
           "norland,sudmark", "--source-title", f"t{EVIL}", "--source-publisher", "p"]
    return [
        ["new-version", f, "--id", "n-1", "--date", "2026-01-01", "--kind", "proposal", "--by", "armenia",
         "--title", f"T{EVIL}", "-o", f"out{EVIL}.yaml"],
        ["new-version", f, "--id", BASE, "--date", "2026-01-01", "--kind", "proposal", "--by", "armenia",
         "--title", "T", "-o", f],
        ["new-version", missing, "--id", "n-2", "--date", "2026-01-01", "--kind", "proposal", "--by", "armenia",
         "--title", "T"],
        ["add-source", f, "--id", "evil-src", "--title", f"T{EVIL}", "--publisher", f"P{EVIL}", "-n"],
        ["add-source", f, "--id", "turan-788320", "--title", "T", "--publisher", "P"],
        ["add-source", f, "--id", f"x{EVIL}", "--title", "T", "--publisher", "P"],
        ["add-source", missing, "--id", "a", "--title", "T", "--publisher", "P"],
        ["set-status", f, "7", "agreed", "--source", "turan-788320", "--note", f"N{EVIL}"],
        ["set-status", f, "7", f"agreeed{EVIL}"],
        ["set-status", f, f"art{EVIL}", "agreed", "--source", "turan-788320"],
        ["set-status", missing, "7", "agreed", "--source", "x"],
        ["add-claim", f, "--source", "turan-788320", "--agreed", "15", "--total", "17", "--speaker", f"S{EVIL}"],
        ["add-claim", f, "--source", f"s{EVIL}", "--agreed", "15"],
        ["add-claim", missing, "--source", "x", "--agreed", "1"],
        ["set-precondition", f, "zangezur-corridor", "--note", f"N{EVIL}", "--basis", "inferred"],
        ["set-precondition", f, f"p{EVIL}", "--status", "met"],
        ["set-precondition", missing, "p", "--status", "met"],
        ["set", f, "title", f"T{EVIL}", "--dry-run"],
        ["set", f, "title", f"T{EVIL}"],
        ["set", f, f"articles[{EVIL}].title", "x"],
        ["set", missing, "title", "x"],
        ["fmt", "--check", f"c{EVIL}.yaml"],
        ["fmt", f"c{EVIL}.yaml"],
        ["fmt", missing],
        ["import", f"t{EVIL}.txt", *imp, "-o", f"imp{EVIL}.yaml"],
        ["import", f"t{EVIL}.txt", *imp, "-o", f"imp{EVIL}.yaml"],
        ["import", f"t{EVIL}.txt", "--dry-run"],
        ["import", missing, *imp],
        ["status", "--drafts", folder],
        ["status", "--drafts", folder, "--color"],
        ["status", "--drafts", folder, "--draft", f"x{EVIL}"],
        ["status", "--drafts", missing],
        ["snapshot", "--drafts", folder, "-f", "text"],
        ["snapshot", "--drafts", folder, "-f", "csv"],
        ["snapshot", "--drafts", folder, "--as-of", EVIL],
        ["snapshot", "--drafts", missing],
        ["diff", "2024-09-11-status", BASE, "--drafts", folder, "--stat"],
        ["diff", f"{folder}/2024-09-11-status.yaml", f, "--color"],
        ["diff", f"x{EVIL}", BASE, "--drafts", folder],
        ["diff", missing, BASE],
        ["textconv", f],
        ["textconv", missing],
        ["validate", folder],
        ["validate", folder, "-f", "github"],
        ["validate", missing],
        ["site", folder, "-o", f"site{EVIL}"],
        ["site", missing, "-o", "s2"],
        ["schema", "-o", f"nodir{EVIL}/x.json"],
        ["rules", f"--x{EVIL}"],
        ["tui", missing],
        [f"nosuchcommand{EVIL}"],
        ["set-status", f, "7", "agreed", f"--bogus{EVIL}"],
    ]


def test_the_cases_cover_every_subcommand() -> None:
    assert {argv[0] for argv in cases("d")} >= set(COMMANDS)


@pytest.mark.parametrize("index", range(len(cases("d"))))
def test_no_raw_escape_reaches_stdout_or_stderr(evil: Path, index: int, capsysbinary: pytest.CaptureFixture[bytes]
                                                ) -> None:
    argv = cases(evil.name)[index]
    code = main(argv)
    out, err = capsysbinary.readouterr()
    assert code in (0, 1, 2), argv
    for stream in (out, err):
        assert b"\x07" not in stream and b"\x1b]" not in stream, (argv, stream[-600:])
        if "--color" in argv:  # colour asked for: only the codes it writes, ESC [ digits m
            stream = re.sub(rb"\x1b\[[0-9;]*m", b"", stream)
        assert b"\x1b" not in stream, (argv, stream[-600:])


@pytest.mark.parametrize(("argv", "shown"), [
    (["set-status", "{f}", "7", "agreeed"], "{name} was not changed"),
    (["set", "{f}", "title", "y", "--dry-run"], "{name} was not written)"),
    (["set-status", f"no{EVIL}.yaml", "7", "agreed", "--source", "x"], f"no{EVIL}.yaml: no such file"),
    (["fmt", f"c{EVIL}.yaml"], f"reformatted c{EVIL}.yaml"),
    (["set-status", "{f}", "7", "agreed", f"--bogus{EVIL}"], f"unrecognized arguments: --bogus{EVIL}"),
])
def test_the_names_are_shown_escaped(evil: Path, capsys: pytest.CaptureFixture[str], argv: list[str],
                                     shown: str) -> None:
    f = f"{evil.name}/{EVIL}.yaml"
    main([a.format(f=f) for a in argv])
    out, err = capsys.readouterr()
    assert visible(shown.format(name=f"{EVIL}.yaml")) in out + err


def test_colour_codes_pass_only_once_asked_for_and_only_those_of_style() -> None:
    import io

    from draftdiff.cli import VisibleStream
    from draftdiff.render.ansi import STYLE_CODES, style

    plain = io.StringIO()
    VisibleStream(plain).write(style("x", "red") + "\r\n" + OSC)
    assert plain.getvalue() == "\\x1b[31mx\\x1b[0m\r\n\\x1b]2;pwn\\x07"
    coloured, stream = io.StringIO(), None
    stream = VisibleStream(coloured)
    stream.allow_style(STYLE_CODES)
    stream.write(style("x", "red", "bold") + "\x1b[2J\x1b[38;5;1m" + OSC + "\r")
    assert coloured.getvalue() == "\x1b[31;1mx\x1b[0m\\x1b[2J\\x1b[38;5;1m\\x1b]2;pwn\\x07\\x0d"
