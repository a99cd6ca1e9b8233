"""The last hostile paths: a full device, an over-size draft in git diff, links out of the collection,
file names and YAML keys with escape sequences, and a BibTeX author that tries to end its field."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from draft_support import draft_text
from snapshot_fixtures import write_collection

from draftdiff.cli import main
from draftdiff.load import MAX_BYTES


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


full_device = pytest.mark.skipif(not (os.path.exists("/dev/full") and stat.S_ISCHR(os.stat("/dev/full").st_mode)),
                                 reason="no /dev/full character device here")


@full_device
@pytest.mark.parametrize("argv", [["status"], ["validate", "drafts"], ["rules"], ["snapshot", "-f", "json"]])
def test_a_full_device_on_stdout_is_a_message_not_an_internal_error(tmp_path: Path, argv: list[str]) -> None:
    write_collection(tmp_path)
    with open("/dev/full", "w") as full:
        done = subprocess.run([sys.executable, "-m", "draftdiff", *argv], cwd=tmp_path, stdout=full,
                              stderr=subprocess.PIPE, text=True, timeout=60)
    assert done.returncode == 2, done.stderr
    assert "cannot write to standard output: No space left on device" in done.stderr
    assert "internal error" not in done.stderr and "Traceback" not in done.stderr


@full_device
def test_output_to_a_device_is_written_to_it_not_replaced_by_a_file(tmp_path: Path, capsys, monkeypatch) -> None:
    write_collection(tmp_path)
    monkeypatch.chdir(tmp_path)
    link = tmp_path / "out.json"
    link.symlink_to("/dev/full")  # if a rename replaced it, only this link would go, never the device
    code, out, err = run(capsys, "snapshot", "-f", "json", "-o", str(link))
    assert code == 2 and f"cannot write {link}: No space left on device" in err and "internal error" not in err
    assert link.is_symlink() and stat.S_ISCHR(os.stat("/dev/full").st_mode)
    assert run(capsys, "snapshot", "-f", "json", "-o", os.devnull)[0] == 0
    assert stat.S_ISCHR(os.stat(os.devnull).st_mode)


def test_textconv_prints_an_oversize_draft_as_text_so_git_diff_shows_its_change(tmp_path: Path, capsys) -> None:
    big = tmp_path / "big.yaml"
    body = draft_text("big", "2024-01-01") + "# " + "x" * (MAX_BYTES + 10) + "\n"
    big.write_text(body.replace("title: A test proposal", "title: The \x1b]2;owned\x07 proposal"),
                   encoding="utf-8")
    code, out, err = run(capsys, "textconv", str(big))
    assert code == 0 and "larger than a draft may be; showing it unchanged" in err
    assert "id: big" in out and len(out) > MAX_BYTES
    assert "\x1b" not in out and "\\x1b]2;owned\\x07" in out


@pytest.fixture
def linked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """./drafts with one linked file leading out of it, to a draft holding a "secret" title."""
    drafts = write_collection(tmp_path / "repo")
    secret = tmp_path / "elsewhere" / "secret.yaml"
    secret.parent.mkdir()
    secret.write_text(draft_text("secret-draft", "2024-02-01").replace("A test proposal", "SECRET-TITLE")
                      .replace("test-peace", "other-peace")+ "secret_key: hunter2\n",
                      encoding="utf-8")
    (drafts / "z-link.yaml").symlink_to(secret)
    inside = drafts / "sub"
    inside.mkdir()
    (inside / "a-again.yaml").symlink_to(drafts / "a-2024-01-04.yaml")  # a link inside the folder is fine
    monkeypatch.chdir(tmp_path / "repo")
    return drafts


def test_a_linked_file_leading_out_of_the_collection_is_refused_not_read(linked: Path, capsys) -> None:
    code, out, _ = run(capsys, "validate", "drafts")
    assert code == 1
    assert "drafts/z-link.yaml:1:1: error [file-link-outside] a link to " in out and "--follow-links" in out
    assert "hunter2" not in out and "SECRET-TITLE" not in out and "secret_key" not in out
    assert "a-again.yaml" in out  # read: its id repeats the one it points to, inside the folder
    code, out, err = run(capsys, "snapshot", "-f", "json")
    assert code == 2 and "file-link-outside" in err and "hunter2" not in out + err


def test_follow_links_reads_them_when_asked(linked: Path, capsys) -> None:
    code, out, _ = run(capsys, "validate", "drafts", "--follow-links")
    assert "file-link-outside" not in out and "secret_key" in out


def test_a_file_named_on_the_command_line_is_read_wherever_it_points(linked: Path, capsys) -> None:
    code, out, _ = run(capsys, "validate", "drafts/z-link.yaml")
    assert "file-link-outside" not in out and "secret_key" in out


HOSTILE_KEY = '"\\e]52;c;aGk=\\a\\e]2;title\\a\\u202e": 1\n'


@pytest.mark.parametrize("fmt", ["text", "github"])
def test_file_names_and_yaml_keys_reach_the_terminal_visible(tmp_path: Path, capsys, fmt: str) -> None:
    name = tmp_path / "a\x1b[2Jb\nc.yaml"
    name.write_text(draft_text("a", "2024-01-01") + HOSTILE_KEY, encoding="utf-8")
    code, out, _ = run(capsys, "validate", str(tmp_path), "--format", fmt)
    assert code == 1 and "schema-unknown-key" in out
    assert "\x1b" not in out and "\x07" not in out and "\u202e" not in out
    assert "\\x1b[2Jb" in out and "\\x1b]52;c;aGk=\\x07" in out and "\\u202e" in out
    findings = [line for line in out.splitlines() if "schema-unknown-key" in line]
    assert findings and all(line.startswith(str(tmp_path)) or line.startswith("::error") for line in findings)


def test_a_bibtex_author_cannot_end_its_field(tmp_path: Path, capsys, monkeypatch) -> None:
    import bibtexparser

    write_collection(tmp_path)
    monkeypatch.chdir(tmp_path)
    code, out, _ = run(capsys, "snapshot", "-f", "bibtex", "--author", "X}, title={Y", "--author", "Org {A} \\ B")
    assert code == 0
    library = bibtexparser.parse_string(out)
    assert not library.failed_blocks and len(library.entries) == 1
    entry = library.entries[0]
    names = [f.key for f in entry.fields]
    assert names.count("title") == 1 and entry["title"].startswith("{Status of the")
    assert entry["author"].startswith("X\\textbraceright{}, title=\\textbraceleft{}Y and {Org")
    assert entry["note"].count("Marker: draftdiff-snapshot:") == 1
