"""``draftdiff status`` and ``draftdiff snapshot`` as a user runs them: output, verify, exit codes, git."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from paths import ROOT
from snapshot_fixtures import write_collection

from draftdiff.cli import main

FORMATS = ("md", "json", "csv", "html", "bibtex", "csl", "cff", "text")


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    write_collection(tmp_path)
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    return tmp_path


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def set_status(path: Path, article: str, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    start = text.index(f"- id: {article}\n")
    end = text.index("sources:", start)
    assert f"status: {old}\n" in text[start:end]
    path.write_text(text[:start] + text[start:end].replace(f"status: {old}\n", f"status: {new}\n") + text[end:],
                    encoding="utf-8")


def test_status_board_symbols_without_colour(here: Path, capsys, monkeypatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    code, out, _ = run(capsys, "status", "--as-of", "2024-09-15")
    assert code == 0 and "\x1b[" not in out
    assert "status as of 2024-09-15" in out and "from 2024-09-11-status" in out
    assert "the latest version dated on or before 2024-09-15" in out
    assert "later versions, not used: 2024-12-18-status (2024-12-18)" in out
    lines = {line.split()[1]: line for line in out.splitlines() if line[:4].strip().isdigit()}
    assert "✓ agreed" in lines["recognition"] and "◐ partial" in lines["forces"] and "✗ disputed" in lines["claims"]
    assert "not an authentic or official text" in out


def test_status_board_colour_goes_with_the_symbol(here: Path, capsys) -> None:
    code, out, _ = run(capsys, "status", "--color")
    assert code == 0 and "\x1b[32m✓ agreed" in out and "\x1b[31m✗ disputed" in out


@pytest.mark.parametrize("fmt", FORMATS)
def test_snapshot_written_twice_is_byte_identical_and_verifies(here: Path, capsys, fmt: str) -> None:
    assert run(capsys, "snapshot", "--as-of", "2024-09-15", "-f", fmt, "-o", f"a.{fmt}")[0] == 0
    assert run(capsys, "snapshot", "--as-of", "2024-09-15", "-f", fmt, "-o", f"b.{fmt}")[0] == 0
    assert (here / f"a.{fmt}").read_bytes() == (here / f"b.{fmt}").read_bytes()
    code, out, err = run(capsys, "snapshot", "verify", f"a.{fmt}")
    assert (code, err) == (0, "") and "verified" in out


@pytest.mark.parametrize("fmt", ["md", "json", "html", "csv"])
def test_verify_names_the_article_and_status_after_a_status_is_edited(here: Path, capsys, fmt: str) -> None:
    run(capsys, "snapshot", "--as-of", "2024-09-15", "-f", fmt, "-o", f"s.{fmt}")
    set_status(here / "drafts" / "b-2024-09-11.yaml", "claims", "disputed", "unknown")
    code, out, _ = run(capsys, "snapshot", "verify", f"s.{fmt}")
    assert code == 1 and "does NOT match" in out
    assert "article 4 (claims): status disputed → unknown" in out
    if fmt != "csv":
        assert "counts: disputed 1 → 0, unknown 0 → 1" in out
        assert "draft 2024-09-11-status: file content changed" in out


def test_verify_ignores_a_later_version_but_says_it_is_there(here: Path, capsys) -> None:
    run(capsys, "snapshot", "--as-of", "2024-09-15", "-f", "json", "-o", "s.json")
    shutil.copy(here / "drafts" / "c-2024-12-18.yaml", here / "drafts" / "d.yaml")
    text = (here / "drafts" / "d.yaml").read_text(encoding="utf-8")
    (here / "drafts" / "d.yaml").write_text(text.replace("2024-12-18-status", "2025-01-10-status").replace(
        "date: '2024-12-18'", "date: '2025-01-10'"), encoding="utf-8")
    code, out, _ = run(capsys, "snapshot", "verify", "s.json")
    assert code == 0 and "later versions added since (not part of this snapshot): 2025-01-10-status" in out


def test_verify_says_when_an_earlier_draft_appears(here: Path, capsys) -> None:
    run(capsys, "snapshot", "--as-of", "2024-09-15", "-f", "json", "-o", "s.json")
    text = (here / "drafts" / "b-2024-09-11.yaml").read_text(encoding="utf-8")
    (here / "drafts" / "b2.yaml").write_text(text.replace("id: 2024-09-11-status", "id: 2024-09-14-status")
                                             .replace("date: '2024-09-11'", "date: '2024-09-14'"), encoding="utf-8")
    code, out, _ = run(capsys, "snapshot", "verify", "s.json")
    assert code == 1
    assert "the status now comes from draft 2024-09-14-status (dated 2024-09-14) instead of 2024-09-11-status" in out


def test_hand_edited_json_is_refused(here: Path, capsys) -> None:
    run(capsys, "snapshot", "--as-of", "2024-09-15", "-f", "json", "-o", "s.json")
    data = json.loads((here / "s.json").read_text(encoding="utf-8"))
    data["content"]["articles"][2]["status"] = "agreed"
    (here / "s.json").write_text(json.dumps(data, indent=2), encoding="utf-8")
    code, out, err = run(capsys, "snapshot", "verify", "s.json")
    assert code == 2 and out == "" and "Traceback" not in err
    assert "does not match its own digest: it was edited after it was made" in err


def test_hand_edited_markdown_line_is_pointed_at(here: Path, capsys) -> None:
    run(capsys, "snapshot", "--as-of", "2024-09-15", "-o", "s.md")
    path = here / "s.md"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    number = next(i for i, line in enumerate(lines) if "`forces`" in line)
    lines[number] = lines[number].replace("**partial**", "**agreed**")
    path.write_text("".join(lines), encoding="utf-8")
    code, _, err = run(capsys, "snapshot", "verify", "s.md")
    assert code == 2 and f"s.md:{number + 1}:" in err and ": this line is not what draftdiff wrote" in err
    found, expected = err.split("found ", 1)[1].split(", expected ", 1)
    assert "**agreed**" in found and "**partial**" in expected  # the differing part, not two equal cut-offs


@pytest.mark.parametrize("content", ["", "{not json", "hello\n", "\xff"])
def test_files_that_are_not_snapshots(here: Path, capsys, content: str) -> None:
    (here / "x.txt").write_bytes(content.encode("latin-1"))
    code, out, err = run(capsys, "snapshot", "verify", "x.txt")
    assert code == 2 and out == "" and err.startswith("draftdiff: x.txt") and "Traceback" not in err


def test_edited_marker_in_a_citation_is_refused(here: Path, capsys) -> None:
    run(capsys, "snapshot", "--as-of", "2024-09-15", "-f", "csv", "-o", "s.csv")
    lines = (here / "s.csv").read_bytes().split(b"\r\n")
    lines[2] = lines[2].replace(b"as-of=2024-09-15", b"as-of=2024-09-16")
    (here / "s.csv").write_bytes(b"\r\n".join(lines))
    code, _, err = run(capsys, "snapshot", "verify", "s.csv")
    assert code == 2 and "s.csv:3: this marker differs from the one on line 2" in err


@pytest.mark.parametrize(("argv", "message"), [
    (("snapshot", "--as-of", "2023-05-01"), "the first draft, 2024-01-04-proposal, is dated 2024-01-04"),
    (("status", "--as-of", "2023-05-01"), "the first draft, 2024-01-04-proposal, is dated 2024-01-04"),
    (("snapshot", "--as-of", "yesterday"), "'yesterday' is not a date"),
    (("status", "--as-of", "2024-13-01"), "is not a date: there is no month 13"),
    (("snapshot", "--drafts", "nowhere"), "--drafts nowhere: no such directory"),
    (("status", "--drafts", "drafts/b-2024-09-11.yaml"), "a file, not a folder; name the folder of drafts it is in "
                                                         "(--drafts drafts)"),
    (("snapshot", "verify", "missing.json"), "missing.json: no such file"),
    (("snapshot", "verify"), "verify needs a file"),
    (("snapshot", "stray"), "invalid choice"),
    (("snapshot", "--claims-window", "-3"), "--claims-window must be 0 or more days"),
])
def test_bad_input_is_a_message_and_exit_2(here: Path, capsys, argv, message) -> None:
    code, out, err = run(capsys, *argv)
    assert code == 2 and message in err and "Traceback" not in err and out == ""


def test_invalid_drafts_print_their_diagnostics(here: Path, capsys) -> None:
    path = here / "drafts" / "b-2024-09-11.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("status: partial", "status: partly"), encoding="utf-8")
    code, out, err = run(capsys, "snapshot", "--as-of", "2024-09-15")
    assert code == 2 and out == ""
    assert "b-2024-09-11.yaml:" in err and "[schema-value]" in err and "did you mean 'partial'" in err
    assert "fix them before taking a snapshot" in err
    code, out, err = run(capsys, "status", "--as-of", "2024-09-15")
    assert code == 2 and "fix them before showing where the articles stand" in err


def test_timestamp_is_recorded_apart_and_leaves_the_digest(here: Path, capsys, monkeypatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1735689600")
    run(capsys, "snapshot", "--as-of", "2024-09-15", "-f", "json", "-o", "t.json", "--timestamp")
    run(capsys, "snapshot", "--as-of", "2024-09-15", "-f", "json", "-o", "u.json")
    t, u = (json.loads((here / n).read_text(encoding="utf-8")) for n in ("t.json", "u.json"))
    assert t["provenance"]["generated_at"] == "2025-01-01T00:00:00Z" and u["provenance"]["generated_at"] is None
    assert t["digest"] == u["digest"] and t["content"]["as_of"] == "2024-09-15"
    assert run(capsys, "snapshot", "verify", "t.json")[0] == 0


# --- inside a git repository -------------------------------------------------------------------------

needs_git = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


def git(cwd: Path, *args: str) -> str:
    env = dict(os.environ, GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@example.org", GIT_COMMITTER_NAME="t",
               GIT_COMMITTER_EMAIL="t@example.org", GIT_CONFIG_GLOBAL=os.devnull, GIT_CONFIG_NOSYSTEM="1")
    return subprocess.run(["git", *args], cwd=cwd, env=env, check=True, capture_output=True,
                          text=True).stdout.strip()


@pytest.fixture
def repo(here: Path) -> Path:
    git(here, "init", "-q", "-b", "main")
    git(here, "add", "drafts")
    git(here, "commit", "-q", "-m", "drafts")
    return here


@needs_git
def test_commit_recorded_and_dirty_tree_flagged(repo: Path, capsys) -> None:
    head = git(repo, "rev-parse", "HEAD")
    run(capsys, "snapshot", "--as-of", "2024-09-15", "-f", "json", "-o", "clean.json")
    prov = json.loads((repo / "clean.json").read_text(encoding="utf-8"))["provenance"]
    assert (prov["git_commit"], prov["git_dirty"], prov["git_path"]) == (head, False, "drafts")
    set_status(repo / "drafts" / "c-2024-12-18.yaml", "claims", "disputed", "unknown")
    run(capsys, "snapshot", "--as-of", "2024-09-15", "-f", "md", "-o", "dirty.md")
    text = (repo / "dirty.md").read_text(encoding="utf-8")
    assert head in text and "uncommitted changes" in text
    cff = run(capsys, "snapshot", "--as-of", "2024-09-15", "-f", "cff")[1]
    assert f'commit: "{head}"' in cff


@needs_git
def test_verify_against_the_recorded_commit(repo: Path, capsys) -> None:
    run(capsys, "snapshot", "--as-of", "2024-09-15", "-f", "json", "-o", "s.json")
    set_status(repo / "drafts" / "b-2024-09-11.yaml", "claims", "disputed", "unknown")
    git(repo, "commit", "-q", "-am", "claims now unknown")
    assert run(capsys, "snapshot", "verify", "s.json")[0] == 1
    code, out, _ = run(capsys, "snapshot", "verify", "s.json", "--commit")
    assert code == 0 and "at commit" in out
    code, out, _ = run(capsys, "snapshot", "verify", "s.json", "--commit", "HEAD")
    assert code == 1 and "article 4 (claims): status disputed → unknown" in out


@needs_git
def test_a_citation_alone_is_explained_through_its_commit(repo: Path, capsys) -> None:
    run(capsys, "snapshot", "--as-of", "2024-09-15", "-f", "bibtex", "-o", "s.bib")
    set_status(repo / "drafts" / "b-2024-09-11.yaml", "forces", "partial", "unknown")
    code, out, _ = run(capsys, "snapshot", "verify", "s.bib")
    assert code == 1 and "article 3 (forces): status partial → unknown" in out


@needs_git
def test_commit_errors_are_messages(repo: Path, capsys, tmp_path_factory) -> None:
    run(capsys, "snapshot", "--as-of", "2024-09-15", "-f", "json", "-o", "s.json")
    code, _, err = run(capsys, "snapshot", "verify", "s.json", "--commit", "0" * 40)
    assert code == 2 and "is not in the repository" in err
    elsewhere = tmp_path_factory.mktemp("plain")
    write_collection(elsewhere)
    code, _, err = run(capsys, "snapshot", "verify", "s.json", "--commit", "--drafts", str(elsewhere / "drafts"))
    assert code == 2 and "is not inside a git repository" in err


def test_outside_a_collection_the_bundled_drafts_are_used_and_said_so(tmp_path, monkeypatch, capsys) -> None:
    from draftdiff.bundled import drafts_dir
    from draftdiff.cli import main

    if drafts_dir() is None:
        import pytest

        pytest.skip("this install bundles no drafts")
    monkeypatch.chdir(tmp_path)
    assert main(["status", "--as-of", "2024-12-20", "--no-color"]) == 0
    out, err = capsys.readouterr()
    assert "using the drafts bundled with draftdiff" in err
    assert "2024-12-18-status" in out


def test_verify_finds_the_drafts_folder_the_snapshot_names(tmp_path, monkeypatch, capsys) -> None:
    import shutil

    from draftdiff.cli import main

    root = ROOT
    shutil.copytree(root / "drafts", tmp_path / "collection")
    monkeypatch.chdir(tmp_path)
    assert main(["snapshot", "--drafts", "collection", "--as-of", "2024-12-20", "-f", "json", "-o", "s.json"]) == 0
    capsys.readouterr()
    assert main(["snapshot", "verify", "s.json"]) == 0  # no --drafts, and no ./drafts here
    assert "collection" in capsys.readouterr().out


def test_dates_print_with_their_precision_in_every_face(capsys) -> None:
    """'The last days of December 2023' is not 31 December; a month date is not the 1st."""
    from draftdiff.cli import main

    for fmt in ("text", "md", "html"):
        assert main(["snapshot", "--as-of", "2024-01-02", "-f", fmt]) == 0
        out = capsys.readouterr().out
        assert "~2023-12-31" in out, fmt
        assert "2020-11-01" not in out.split("draftdiff-snapshot")[0], fmt  # the zangezur demand: raised 2020-11


def test_a_claim_is_judged_against_the_version_it_was_about(capsys) -> None:
    """In March 2025 Aliyev's December count was still true of December's text."""
    from draftdiff.cli import main

    assert main(["status", "--as-of", "2025-03-20", "--no-color"]) == 0
    [line] = [ln for ln in capsys.readouterr().out.splitlines() if "Aliyev" in ln]
    assert line.endswith("fits 2024-12-18-status")


def test_writing_a_file_says_what_was_written(tmp_path: Path, capsys) -> None:
    from draftdiff.cli import main

    out = tmp_path / "status.md"
    assert main(["snapshot", "--as-of", "2024-09-15", "-o", str(out)]) == 0
    stdout, stderr = capsys.readouterr()
    digest = next(ln for ln in out.read_text().splitlines() if "Content digest" in ln).split("`")[1]
    assert stdout == "" and stderr.strip() == (f"wrote {out}: md snapshot as of 2024-09-15 from 2024-09-11-status, "
                                               f"{digest}")


def test_a_board_whose_later_versions_are_dated_roughly_verifies(tmp_path: Path, capsys, monkeypatch) -> None:
    """A later version known to the month or roughly (``~2023-12-31``) is listed as it is dated, and read back so."""
    shutil.copytree(ROOT / "drafts", tmp_path / "drafts")
    monkeypatch.chdir(tmp_path)
    assert main(["snapshot", "--as-of", "2023-12-01", "-f", "text", "-o", "s.text"]) == 0
    assert "2023-12-azerbaijan-proposal (~2023-12-31)" in (tmp_path / "s.text").read_text(encoding="utf-8")
    capsys.readouterr()
    assert main(["snapshot", "verify", "s.text"]) == 0
    assert "verified" in capsys.readouterr().out
