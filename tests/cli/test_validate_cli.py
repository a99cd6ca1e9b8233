"""`draftdiff validate` as CI sees it: formats, exit codes, and no tracebacks."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from draft_support import draft_text
from paths import ROOT

from draftdiff.cli import main

GITHUB_LINE = re.compile(r"^::(error|warning) file=[^,:]+,line=\d+,col=\d+,title=[a-z-]+::\S.*$")


@pytest.fixture
def broken(tmp_path: Path, write: Callable[..., Path]) -> Path:
    write("ok.yaml", draft_text("ok"))
    write("bad.yaml", draft_text("bad").replace("status: agreed", "status: agred"))
    write("other.yaml", draft_text("other", "2024-02-01", based_on="ok"))
    return tmp_path


def run_cli(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(args)
    out, err = capsys.readouterr()
    return code, out, err


def test_valid_collection_exits_0(tmp_path: Path, write: Callable[..., Path], capsys) -> None:
    write("a.yaml", draft_text("a"))
    code, out, _ = run_cli(["validate", str(tmp_path)], capsys)
    assert code == 0
    assert out.strip() == "1 file valid (1 draft)"


def test_text_format_lines_are_file_line_col(broken: Path, capsys) -> None:
    code, out, _ = run_cli(["validate", str(broken), "--no-color"], capsys)
    assert code == 1
    first = out.splitlines()[0]
    assert re.match(r"^.+bad\.yaml:\d+:13: error \[schema-value\] articles\[recognition\]\.status: 'agred'", first)
    assert "\x1b[" not in out
    assert out.splitlines()[-1] == "1 error, 0 warnings in 3 files"


def test_colour_only_when_forced_or_on_a_terminal(broken: Path, capsys) -> None:
    _, out, _ = run_cli(["validate", str(broken), "--color"], capsys)
    assert "\x1b[" in out


def test_warnings_fail_only_with_strict(tmp_path: Path, write: Callable[..., Path], capsys) -> None:
    text = draft_text().replace("sources:\n  - id: src-1", "sources:\n  - id: unused\n    title: t\n"
                                "    publisher: p\n  - id: src-1")
    write("a.yaml", text)
    code, out, _ = run_cli(["validate", str(tmp_path)], capsys)
    assert code == 0 and "warning [unused-source]" in out
    assert run_cli(["validate", "--strict", str(tmp_path)], capsys)[0] == 1
    assert run_cli(["validate", "--strict", "--disable", "unused-source", str(tmp_path)], capsys)[0] == 0


def test_github_format(broken: Path, capsys) -> None:
    code, out, _ = run_cli(["validate", str(broken), "--format", "github"], capsys)
    assert code == 1
    lines = out.splitlines()
    assert lines and all(GITHUB_LINE.match(line) for line in lines), lines
    assert "title=schema-value::" in lines[0]


def test_github_format_is_automatic_under_github_actions(broken: Path, capsys, monkeypatch) -> None:
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    _, out, _ = run_cli(["validate", str(broken)], capsys)
    assert out.startswith("::error file=")


def test_github_escapes_newlines_and_commas(tmp_path: Path, write: Callable[..., Path], capsys) -> None:
    write("a,b.yaml", "a: [\n")
    _, out, _ = run_cli(["validate", str(tmp_path), "-f", "github"], capsys)
    assert "a%2Cb.yaml" in out and out.count("\n") == 1


def test_json_format_shape(broken: Path, capsys) -> None:
    code, out, _ = run_cli(["validate", str(broken), "--format", "json"], capsys)
    data = json.loads(out)
    assert code == 1
    assert data["version"] == 1
    assert data["summary"] == {"files": 3, "drafts": 2, "errors": 1, "warnings": 0}
    (d,) = data["diagnostics"]
    assert set(d) == {"file", "line", "col", "severity", "rule", "message", "hint"}
    assert d["rule"] == "schema-value" and d["col"] == 13 and d["hint"] == "write 'agreed'"


def test_sarif_format_structure(broken: Path, capsys) -> None:
    _, out, _ = run_cli(["validate", str(broken), "--format", "sarif"], capsys)
    sarif = json.loads(out)
    assert sarif["version"] == "2.1.0"
    run = sarif["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert run["columnKind"] == "unicodeCodePoints"
    (result,) = run["results"]
    assert rules[result["ruleIndex"]]["id"] == result["ruleId"] == "schema-value"
    assert result["level"] == "error"
    region = result["locations"][0]["physicalLocation"]["region"]
    assert region["startLine"] >= 1 and region["startColumn"] == 13
    assert result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].endswith("bad.yaml")


def test_output_file(broken: Path, tmp_path: Path, capsys) -> None:
    target = tmp_path / "out" / "report.sarif"
    target.parent.mkdir()
    code, out, _ = run_cli(["validate", str(broken), "-f", "sarif", "-o", str(target)], capsys)
    assert code == 1 and out == ""
    assert json.loads(target.read_text())["version"] == "2.1.0"


@pytest.mark.parametrize("args", [["validate", "/nonexistent/drafts"], ["validate", "--disable", "no-such-rule", "."]])
def test_could_not_run_exits_2(args: list[str], capsys) -> None:
    code, _, err = run_cli(args, capsys)
    assert code == 2 and err.startswith("draftdiff")


def test_directory_without_drafts_exits_2(tmp_path: Path, capsys) -> None:
    (tmp_path / "notes.txt").write_text("x")
    code, _, err = run_cli(["validate", str(tmp_path)], capsys)
    assert code == 2 and "no draft files" in err


def test_rules_command_lists_every_rule(capsys) -> None:
    code, out, _ = run_cli(["rules"], capsys)
    assert code == 0
    assert re.search(r"^claimed-counts\s+error\s+Article statuses contradict", out, re.M)
    code, out, _ = run_cli(["rules", "unused-source"], capsys)
    assert out.startswith("unused-source (warning)") and "Remove the source or cite it" in out
    assert run_cli(["rules", "nope"], capsys)[0] == 2


def _subprocess(args: list[str], cwd: Path | None = None, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "draftdiff", *args], capture_output=True, text=True,
                          cwd=cwd, env={**os.environ, **env}, timeout=60)


def test_hostile_files_never_give_a_traceback(tmp_path: Path, write: Callable[..., Path]) -> None:
    write("nul.yaml", b"a: \x00\n")
    write("bin.yaml", bytes(range(256)))
    write("deep.yaml", b"a: " + b"{b: " * 5000 + b"}" * 5000)
    write("tag.yaml", b"!!python/object/apply:os.system ['echo hi']\n")
    write("huge-key.yaml", b"? " + b"x" * 100_000 + b"\n: 1\n")
    write("tabs.yaml", b"a:\n\t- 1\n")
    proc = _subprocess(["validate", str(tmp_path), "-f", "json"])
    assert proc.returncode == 1, proc.stderr
    assert "Traceback" not in proc.stderr + proc.stdout
    data = json.loads(proc.stdout)
    assert {Path(d["file"]).name for d in data["diagnostics"]} == {
        "nul.yaml", "bin.yaml", "deep.yaml", "tag.yaml", "huge-key.yaml", "tabs.yaml"}


def test_validate_never_imports_textual(tmp_path: Path, write: Callable[..., Path]) -> None:
    """Start-up is most of validating one file: nothing it does not use is imported.

    json is not needed to read a draft, difflib only for a typo's hint.
    """
    path = write("a.yaml", draft_text())
    unused = ("textual", "rich", "diff_match_patch", "json", "difflib")
    code = (f"import sys; from draftdiff.cli import main; rc = main(['validate', {str(path)!r}]); "
            f"print(sorted(m for m in sys.modules if m.split('.')[0] in {unused!r}))")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert "1 file valid" in proc.stdout
    assert proc.stdout.strip().endswith("[]"), proc.stdout


def test_entry_point_turns_plugins_off_and_keeps_the_exit_code(monkeypatch: pytest.MonkeyPatch) -> None:
    import draftdiff.cli as cli

    monkeypatch.delenv("PYDANTIC_DISABLE_PLUGINS", raising=False)
    monkeypatch.setattr(cli, "main", lambda: 1)
    with pytest.raises(SystemExit) as exit_info:
        cli.entry()
    assert exit_info.value.code == 1
    assert os.environ["PYDANTIC_DISABLE_PLUGINS"] == "__all__"


def test_console_script_and_python_m_use_the_entry_point() -> None:
    import tomllib

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert project["project"]["scripts"]["draftdiff"] == "draftdiff.cli:entry"
    main_module = ROOT / "src" / "draftdiff" / "__main__.py"
    assert "entry()" in main_module.read_text(encoding="utf-8")


def test_console_script_and_module_entry_point(tmp_path: Path, write: Callable[..., Path]) -> None:
    write("a.yaml", draft_text())
    proc = _subprocess(["validate", str(tmp_path)])
    assert proc.returncode == 0 and "valid" in proc.stdout


def test_a_fifo_is_refused_not_waited_on(tmp_path: Path, capsys) -> None:
    fifo = tmp_path / "pipe.yaml"
    os.mkfifo(fifo)
    code, _, err = run_cli(["validate", str(fifo)], capsys)
    assert code == 2 and "not a regular file" in err


def test_directory_symlink_loop_is_not_followed_forever(tmp_path: Path, write: Callable[..., Path], capsys) -> None:
    write("drafts/a.yaml", draft_text())
    (tmp_path / "drafts" / "sub").mkdir()
    (tmp_path / "drafts" / "sub" / "up").symlink_to("..")
    code, out, _ = run_cli(["validate", str(tmp_path / "drafts")], capsys)
    assert code == 0 and out.startswith("1 file valid")


def _plugin_setting_at_exit(env_value: str | None, path: Path) -> str:
    """The pydantic plugin switch as the console entry leaves it, given the environment's own value."""
    env = {k: v for k, v in os.environ.items() if k != "PYDANTIC_DISABLE_PLUGINS"}
    if env_value is not None:
        env["PYDANTIC_DISABLE_PLUGINS"] = env_value
    code = ("import atexit, os, sys\n"
            "atexit.register(lambda: print('setting', repr(os.environ.get('PYDANTIC_DISABLE_PLUGINS'))))\n"
            f"sys.argv = ['draftdiff', 'validate', {str(path)!r}]\n"
            "from draftdiff.cli import entry\nentry()")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, env=env)
    assert "1 file valid" in proc.stdout, proc.stdout + proc.stderr
    return proc.stdout.strip().splitlines()[-1]


def test_the_command_line_runs_no_pydantic_plugin_unless_the_environment_asks(
        tmp_path: Path, write: Callable[..., Path]) -> None:
    """pydantic's public switch, set only when the environment has not set it (README, Speed)."""
    path = write("a.yaml", draft_text())
    assert _plugin_setting_at_exit(None, path) == "setting '__all__'"
    assert _plugin_setting_at_exit("", path) == "setting ''"
    assert _plugin_setting_at_exit("some-plugin", path) == "setting 'some-plugin'"


def _process_at_exit(path: Path) -> str:
    """The collector and descriptor 2 as ``draftdiff validate`` leaves them, in a batch with a broken file."""
    code = ("import atexit, gc, os, sys\n"
            "err = os.fstat(2)\n"
            "atexit.register(lambda: print('gc', gc.get_threshold(), gc.get_freeze_count(),"
            " os.fstat(2).st_ino == err.st_ino))\n"
            f"sys.argv = ['draftdiff', 'validate', {str(path)!r}]\n"
            "from draftdiff.cli import entry\nentry()")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert "1 error" in proc.stdout, proc.stdout + proc.stderr
    return proc.stdout.strip().splitlines()[-1]


def test_the_command_leaves_the_collector_and_descriptors_as_python_sets_them(
        tmp_path: Path, write: Callable[..., Path]) -> None:
    """No process-level tricks for speed: the collector untuned, nothing frozen, descriptor 2 never swapped."""
    for i in range(40):  # a batch large enough that every reader is used
        write(f"d{i:02d}.yaml", draft_text(id=f"d-{i}", date=f"2024-01-{i % 28 + 1:02d}"))
    write("d99.yaml", "a: [1, 2\n")
    untouched = subprocess.run([sys.executable, "-c", "import gc; print('gc', gc.get_threshold(), 0, True)"],
                               capture_output=True, text=True, timeout=60).stdout.strip()
    assert _process_at_exit(tmp_path) == untouched


def test_main_leaves_the_process_as_it_found_it(tmp_path: Path, write: Callable[..., Path], capsys,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    """No process-level tricks: a library caller of main() keeps its environment and its garbage collector."""
    import gc

    for i in range(3):
        write(f"d{i}.yaml", draft_text(id=f"d-{i}", date=f"2024-01-0{i + 1}"))
    monkeypatch.delenv("PYDANTIC_DISABLE_PLUGINS", raising=False)
    before = (gc.get_threshold(), gc.get_freeze_count(), gc.isenabled())
    code, out, _ = run_cli(["validate", str(tmp_path)], capsys)
    assert code in (0, 1) and out
    assert (gc.get_threshold(), gc.get_freeze_count(), gc.isenabled()) == before
    assert "PYDANTIC_DISABLE_PLUGINS" not in os.environ


def test_a_hint_never_repeats_its_message(broken: Path, capsys) -> None:
    """One GitHub annotation used to read "…; did you mean 'agreed'? (did you mean 'agreed'?)"."""
    code, out, err = run_cli(["validate", str(broken), "--format", "github"], capsys)
    assert code == 1
    for line in out.splitlines():
        message = line.split("::", 2)[2]
        body, _, hint = message.rpartition(" (")
        assert not body or hint.rstrip(")") not in body, line
    assert "write 'agreed'" in out


def test_github_format_still_prints_the_summary(broken: Path, capsys, monkeypatch) -> None:
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    code, out, err = run_cli(["validate", str(broken)], capsys)
    assert code == 1 and out.startswith("::error ")
    assert err.strip() == "1 error, 0 warnings in 3 files"


def test_based_on_an_invalid_draft_says_so(tmp_path: Path, write: Callable[..., Path], capsys) -> None:
    write("bad.yaml", draft_text("bad").replace("status: agreed", "status: agred"))
    write("child.yaml", draft_text("child", "2024-02-01", based_on="bad"))
    code, out, _ = run_cli(["validate", str(tmp_path)], capsys)
    [line] = [ln for ln in out.splitlines() if "[based-on-missing]" in ln]
    assert "whose file" in line and "bad.yaml is not a valid draft" in line and "did you mean" not in line


def test_one_claimed_counts_finding_per_claim_naming_each_status(tmp_path: Path, write: Callable[..., Path],
                                                                 capsys) -> None:
    claim = "claimed_counts:\n  - {agreed: 0, disputed: 2, total: 2, source: src-1, speaker: Minister}\n"
    write("c.yaml", draft_text("c", extra=claim))
    code, out, _ = run_cli(["validate", str(tmp_path), "-q"], capsys)
    findings = [ln for ln in out.splitlines() if "[claimed-counts]" in ln]
    assert code == 1 and len(findings) == 1
    assert "(Minister): one more agreed article than the claim; one fewer disputed article than the claim" \
        in findings[0]


def test_no_restructuredtext_markup_reaches_the_reader(capsys) -> None:
    for argv in (["rules"], ["rules", "claimed-counts"], ["rules", "bracketed-agreed-text"]):
        assert main(argv) == 0
        assert "``" not in capsys.readouterr().out
    for command in ("validate", "snapshot", "diff", "textconv", "status"):
        assert main([command, "--help"]) == 0
        out = capsys.readouterr().out
        assert "``" not in out and ":func:" not in out, command


@pytest.mark.parametrize("fmt", ["text", "github", "json", "sarif"])
def test_a_quote_left_open_at_the_end_of_a_bundled_draft_is_reported_where_it_opens(
        fmt: str, tmp_path: Path, capsys) -> None:
    """Once reported one line past the last (1480:1 of 1479 lines), in every format."""
    text = (ROOT / "drafts" / "2026-06-07-elections.yaml").read_text(encoding="utf-8") + 'x_note: "never closed\n'
    path = tmp_path / "open.yaml"
    path.write_text(text, encoding="utf-8")
    lines = len(text.splitlines())
    code, out, _ = run_cli(["validate", str(path), "-f", fmt], capsys)
    assert code == 1
    if fmt == "text":
        assert out.startswith(f"{path}:{lines}:9: error [yaml-syntax] invalid YAML: the double-quoted string opened "
                              'here with " is never closed')
    elif fmt == "github":
        assert out.startswith(f"::error file={path},line={lines},col=9,title=yaml-syntax::")
    elif fmt == "json":
        [d] = json.loads(out)["diagnostics"]
        assert (d["line"], d["col"]) == (lines, 9) and "never closed" in d["message"]
    else:
        [result] = json.loads(out)["runs"][0]["results"]
        region = result["locations"][0]["physicalLocation"]["region"]
        assert (region["startLine"], region["startColumn"]) == (lines, 9)


@pytest.fixture
def nothing_to_validate(tmp_path: Path) -> Path:
    """A drafts folder with no draft in it: validate cannot run (exit 2)."""
    (tmp_path / "empty" / "drafts").mkdir(parents=True)
    return tmp_path / "empty" / "drafts"


def test_sarif_says_the_run_could_not_happen(nothing_to_validate: Path, tmp_path: Path, capsys) -> None:
    """A CI step uploading SARIF once failed on a missing file instead of reporting the problem."""
    target = tmp_path / "nd.sarif"
    code, out, err = run_cli(["validate", str(nothing_to_validate), "-f", "sarif", "-o", str(target)], capsys)
    assert code == 2 and out == "" and "no draft files" in err
    sarif = json.loads(target.read_text(encoding="utf-8"))
    assert sarif["version"] == "2.1.0"
    [run] = sarif["runs"]
    [invocation] = run["invocations"]
    assert invocation["executionSuccessful"] is False and invocation["exitCode"] == 2
    [note] = invocation["toolExecutionNotifications"]
    assert note["level"] == "error" and "no draft files" in note["message"]["text"]
    assert "results" not in run  # SARIF 3.14.23: a tool that could not begin its analysis has no results
    assert run["tool"]["driver"]["name"] == "draftdiff"


def test_json_says_the_run_could_not_happen(nothing_to_validate: Path, capsys) -> None:
    code, out, err = run_cli(["validate", str(nothing_to_validate), "-f", "json"], capsys)
    data = json.loads(out)
    assert code == 2 and "no draft files" in err
    assert "no draft files" in data["could_not_run"] and data["diagnostics"] == []
    assert data["summary"] == {"files": 0, "drafts": 0, "errors": 0, "warnings": 0}


def test_github_says_the_run_could_not_happen(nothing_to_validate: Path, capsys, monkeypatch) -> None:
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    code, out, err = run_cli(["validate", str(nothing_to_validate)], capsys)
    [line] = out.splitlines()
    assert code == 2 and line.startswith("::error::draftdiff validate could not run: ") and "no draft files" in line
    assert "file=" not in line
    assert err.startswith("draftdiff validate: ") and "no draft files" in err


def test_text_says_the_run_could_not_happen_on_stderr_only(nothing_to_validate: Path, tmp_path: Path,
                                                           capsys) -> None:
    """As before on a terminal; a text report written with -o is emptied, not left stale."""
    code, out, err = run_cli(["validate", str(nothing_to_validate)], capsys)
    assert code == 2 and out == "" and err.startswith("draftdiff validate: ") and "no draft files" in err
    target = tmp_path / "report.txt"
    target.write_text("17 files valid (17 drafts)\n", encoding="utf-8")
    assert run_cli(["validate", str(nothing_to_validate), "-o", str(target)], capsys)[0] == 2
    assert target.read_text(encoding="utf-8") == ""


@pytest.mark.parametrize("args", [["/nonexistent/drafts"], ["--disable", "no-such-rule", "."]])
def test_every_way_of_not_running_still_writes_the_sarif(args: list[str], tmp_path: Path, capsys) -> None:
    target = tmp_path / "x.sarif"
    code, _, err = run_cli(["validate", *args, "-f", "sarif", "-o", str(target)], capsys)
    [invocation] = json.loads(target.read_text(encoding="utf-8"))["runs"][0]["invocations"]
    assert code == 2 and err.startswith("draftdiff validate: ")
    assert invocation["executionSuccessful"] is False
    assert err.split(": ", 1)[1].strip() in invocation["toolExecutionNotifications"][0]["message"]["text"]


def test_a_run_that_happened_says_so(broken: Path, capsys) -> None:
    _, out, _ = run_cli(["validate", str(broken), "-f", "sarif"], capsys)
    assert json.loads(out)["runs"][0]["invocations"] == [{"executionSuccessful": True}]
    _, out, _ = run_cli(["validate", str(broken), "-f", "json"], capsys)
    assert json.loads(out)["could_not_run"] is None
