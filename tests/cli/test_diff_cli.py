"""``draftdiff diff`` and ``draftdiff textconv`` as a user runs them: arguments, exit codes, git revisions."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from diff_support import TEXTS

from draftdiff.cli import main

OLD = """\
schema_version: 1
agreement: test-peace
id: {id}
title: Test draft {id}
date: 2024-01-01
kind: proposal
proposed_by: armenia
stage: negotiating
parties: [armenia, azerbaijan]
articles:
  - id: recognition
    number: 1
    title: Recognition
    status: {status}
    status_basis: reported
    text: "{text}"
    text_basis: verbatim
  - id: forces
    number: 2
    title: Third-party forces
    status: disputed
    status_basis: reported
    text: "{forces}"
    text_basis: verbatim
"""


def write(path: Path, id: str = "d-old", status: str = "disputed", text: str = TEXTS["recognition"]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(OLD.format(id=id, status=status, text=text, forces=TEXTS["forces"]), encoding="utf-8")
    return path


def test_exit_0_when_same_and_1_when_different(tmp_path, capsys):
    a = write(tmp_path / "a.yaml")
    b = write(tmp_path / "b.yaml", status="agreed", text=TEXTS["recognition"].replace("each other's", "the"))
    assert main(["diff", str(a), str(a)]) == 0
    assert main(["diff", str(a), str(b), "--no-color"]) == 1
    out = capsys.readouterr().out
    assert "recognise [-each other's-]{+the+} sovereignty" in out
    assert "status disputed → agreed" in out


def test_draft_ids_are_looked_up_in_the_drafts_folder(tmp_path, capsys, monkeypatch):
    write(tmp_path / "drafts" / "first.yaml", id="2023-12-first")
    write(tmp_path / "drafts" / "second.yaml", id="2024-01-second", status="agreed")
    monkeypatch.chdir(tmp_path)
    assert main(["diff", "2023-12-first", "2024-01-second", "--stat"]) == 1
    assert "status disputed → agreed" in capsys.readouterr().out
    assert main(["diff", "2023-12-frist", "2024-01-second"]) == 2
    assert "did you mean 2023-12-first" in capsys.readouterr().err


def test_formats_and_output_file(tmp_path):
    a = write(tmp_path / "a.yaml")
    b = write(tmp_path / "b.yaml", status="agreed")
    for fmt, needle in (("markdown", "# Changes from"), ("html", "<!DOCTYPE html>"), ("json", '"format": "draftdiff-diff"')):
        out = tmp_path / f"out.{fmt}"
        assert main(["diff", str(a), str(b), "--format", fmt, "-o", str(out)]) == 1
        assert needle in out.read_text(encoding="utf-8")


def test_invalid_draft_prints_its_diagnostics_and_exits_2(tmp_path, capsys):
    a = write(tmp_path / "a.yaml")
    bad = tmp_path / "bad.yaml"
    bad.write_text(OLD.format(id="x", status="maybe", text="t", forces="f"), encoding="utf-8")
    assert main(["diff", str(a), str(bad)]) == 2
    err = capsys.readouterr().err
    assert f"{bad}:14:" in err and "not a valid draft" in err


def test_missing_file_and_bad_options_exit_2(tmp_path, capsys):
    a = write(tmp_path / "a.yaml")
    assert main(["diff", str(a), str(tmp_path / "nope.yaml")]) == 2
    assert "no such file" in capsys.readouterr().err
    assert main(["diff", str(a), str(a), "--timeout", "0"]) == 2


def test_ignore_options_from_the_command_line(tmp_path):
    a = write(tmp_path / "a.yaml", text="The Parties  recognise, each other.")
    b = write(tmp_path / "b.yaml", text="the parties recognise each other")
    assert main(["diff", str(a), str(b)]) == 1
    assert main(["diff", str(a), str(b), "-i", "-w", "--ignore-punctuation"]) == 0


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
def test_git_revisions(tmp_path, capsys, monkeypatch):
    def git(*args):
        subprocess.run(["git", *args], cwd=tmp_path, check=True, capture_output=True)

    git("init", "-q")
    git("config", "user.email", "t@example.org")
    git("config", "user.name", "T")
    write(tmp_path / "drafts" / "x.yaml")
    git("add", ".")
    git("commit", "-qm", "one")
    write(tmp_path / "drafts" / "x.yaml", status="agreed")
    monkeypatch.chdir(tmp_path)
    assert main(["diff", "HEAD:drafts/x.yaml", "drafts/x.yaml"]) == 1
    assert "status disputed → agreed" in capsys.readouterr().out
    assert main(["diff", "HEAD:drafts/x.yaml", "HEAD:drafts/x.yaml"]) == 0
    assert main(["diff", "HEAD~5:drafts/x.yaml", "drafts/x.yaml"]) == 2
    assert "git knows no revision 'HEAD~5'" in capsys.readouterr().err
    assert main(["diff", "HEAD:drafts/none.yaml", "drafts/x.yaml"]) == 2
    assert "there is no file drafts/none.yaml at revision HEAD" in capsys.readouterr().err
    # as in git: the path after the colon is relative to the repository's root, ./x to the current folder
    monkeypatch.chdir(tmp_path / "drafts")
    assert main(["diff", "HEAD:drafts/x.yaml", "x.yaml"]) == 1
    assert main(["diff", "HEAD:./x.yaml", "HEAD:drafts/x.yaml"]) == 0
    capsys.readouterr()
    assert main(["diff", "HEAD:x.yaml", "x.yaml"]) == 2
    assert "write HEAD:./x.yaml for one relative to this folder" in capsys.readouterr().err


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
def test_textconv_makes_git_diff_show_articles(tmp_path, capsys):
    path = write(tmp_path / "a.yaml", text="First sentence. \\x1b[31m Second sentence.")
    assert main(["textconv", str(path)]) == 0
    out = capsys.readouterr().out
    assert "## Article 1. Recognition   [recognition]" in out
    assert "status: disputed (reported)   text: verbatim" in out
    assert "First sentence.\n\\x1b[31m Second sentence." in out
    assert "\x1b" not in out
    garbage = tmp_path / "garbage.yaml"
    garbage.write_text("not: [valid \x1b[2J\n", encoding="utf-8")
    assert main(["textconv", str(garbage)]) == 0  # git must still get something to show
    shown = capsys.readouterr().out
    assert "not: [valid \\x1b[2J" in shown and "\x1b" not in shown


def test_ids_resolve_in_the_bundled_drafts_outside_a_collection(tmp_path, monkeypatch, capsys) -> None:
    from draftdiff.bundled import drafts_dir
    from draftdiff.cli import main

    if drafts_dir() is None:
        import pytest

        pytest.skip("this install bundles no drafts")
    monkeypatch.chdir(tmp_path)
    assert main(["diff", "--stat", "2023-12-azerbaijan-proposal", "2024-01-04-armenia-response"]) == 1
    assert "article entries changed" in capsys.readouterr().out


def test_counts_say_17_articles_with_the_preamble_and_title_named_apart(capsys):
    """The initialed text has 17 articles, a preamble and a title: never "articles 19 → 19"."""
    assert main(["diff", "2025-03-13-finalized", "2025-08-08-initialed", "--stat"]) in (0, 1)
    out = capsys.readouterr().out
    assert "17 articles; the " in out and "articles 19" not in out
