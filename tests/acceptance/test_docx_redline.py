"""The Word redline: real tracked changes that give the new text when accepted and the old when rejected.

Checked twice: by walking the WordprocessingML with python-docx (``docx_support``), and in LibreOffice
itself (``lo_tracked_changes.py`` runs Writer's Accept All / Reject All and its text export).
"""

from __future__ import annotations

import json
import os
import pty
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from diff_support import TEXTS, art, draft
from docx_support import W, decided, revisions, sections
from paths import TESTS

from draftdiff.cli import main
from draftdiff.diff import diff_drafts
from draftdiff.render import is_binary, render

HERE = TESTS
FORCES_OLD = ("The Parties shall not deploy third-party forces along the border.\n\n"
              "Forces present shall be withdrawn within one month of entry into force.")
FORCES_NEW = ("The Parties shall not deploy third-party forces along the border. "
              "Forces present shall be withdrawn within two months of entry into force.")
RECOGNITION_NEW = ("The Parties recognise each other's sovereignty and territorial integrity.\n\n"
                   "They shall respect the inviolability of their borders.")


def _pair():  # type: ignore[no-untyped-def]
    old = draft([
        art("recognition", 1, TEXTS["recognition"]),
        art("forces", 2, FORCES_OLD, "disputed"),
        art("communications", 3, TEXTS["communications"], "partial"),
        art("claims", 4, TEXTS["claims"]),
        art("final", 5, TEXTS["final"]),
    ], preconditions=[{"id": "constitution", "party": "azerbaijan", "kind": "precondition",
                       "demand": "Armenia amends its constitution.", "status": "open"}])
    new = draft([
        art("recognition", 1, RECOGNITION_NEW),
        art("communications", 2, TEXTS["communications"], "agreed"),
        art("commission", 3, TEXTS["commission"], "partial"),
        art("forces", 4, FORCES_NEW, "disputed",
            positions={"armenia": {"text": "Forces of third states leave at once.", "basis": "summary"}}),
        art("final", 5, TEXTS["final"]),
    ], id="d-new", date="2024-02-15", proposed_by="azerbaijan", based_on="d-old",
        preconditions=[{"id": "constitution", "party": "azerbaijan", "kind": "precondition",
                        "demand": "Armenia amends its constitution before signing.", "status": "withdrawn"}])
    return old, new


@pytest.fixture(scope="module")
def redline() -> bytes:
    old, new = _pair()
    data = render("diff", "docx", diff_drafts(old, new))
    assert isinstance(data, bytes)
    return data


def _heading(paragraphs: list[tuple[str, str]], start: str) -> str:
    return next(text for style, text in paragraphs if style == "Heading 2" and text.startswith(start))


def test_accepting_all_gives_the_new_text_and_rejecting_all_the_old(redline: bytes) -> None:
    accepted = sections(decided(redline, accept=True))
    rejected = sections(decided(redline, accept=False))
    old, new = _pair()
    for article in new.articles:
        head = next((h for h in accepted if f": {article.title}" in h), None)
        if article.id == "final":
            assert head is None  # unchanged: no section
            continue
        assert head is not None, article.id
        assert accepted[head] == article.text
    for article in old.articles:
        head = next((h for h in rejected if f": {article.title}" in h), None)
        if article.id == "final":
            continue
        assert head is not None, article.id
        assert rejected[head] == article.text
    commission = _heading(decided(redline, True), "Article 3:")
    assert rejected[commission] == "" and accepted[commission] == TEXTS["commission"]


def test_every_change_is_tracked_with_the_proposer_and_the_version_date(redline: bytes) -> None:
    found = revisions(redline)
    assert len(found) > 10
    assert {e.get(f"{W}author") for e in found} == {"Azerbaijan"}
    assert {e.get(f"{W}date") for e in found} == {"2024-02-15T00:00:00Z"}
    ids = [e.get(f"{W}id") for e in found]
    assert len(set(ids)) == len(ids)
    deleted = [e for e in found if e.tag == f"{W}del" and e.getparent().tag == f"{W}p"]
    assert deleted and all(e.find(f"{W}r/{W}delText") is not None for e in deleted)
    assert all(e.find(f"{W}r/{W}t") is None for e in deleted)
    marks = [e for e in found if e.getparent().tag == f"{W}rPr"]
    assert {e.tag for e in marks} == {f"{W}ins", f"{W}del"}  # a paragraph break inserted, two deleted


def test_one_section_per_changed_article_in_article_order_and_moves_said_in_the_heading(redline: bytes) -> None:
    heads = [text for style, text in decided(redline, True) if style == "Heading 2"]
    articles = [h for h in heads if h.startswith("Article")]
    old, new = _pair()
    order = [a.title for a in diff_drafts(old, new).changed_articles]  # the engine's reading order
    assert [h.split(": ")[1].split(" (")[0] for h in articles] == order
    assert [h.split(":")[0] for h in articles] == ["Article 1", "Article 3 → 2", "Article 4", "Article 3",
                                                    "Article 2 → 4"]
    assert "renumbered 3 → 2" in articles[1]
    assert "renumbered 2 → 4" in articles[4] and "moved" in articles[4]
    assert "(removed" in articles[2] and "(added" in articles[3]
    assert any(h.startswith("constitution") and "withdrawn" in h for h in heads)


def test_statuses_positions_and_demands_are_tracked_too(redline: bytes) -> None:
    accepted = [t for s, t in decided(redline, True) if s == "Draft Record"]
    rejected = [t for s, t in decided(redline, False) if s == "Draft Record"]
    assert "Status: agreed" in accepted and "Status: partial" in rejected
    assert "Position of Armenia (summary): Forces of third states leave at once." in accepted
    assert "Position of Armenia (summary): " in rejected
    texts = [t for s, t in decided(redline, True) if s == "Draft Text"]
    assert "Armenia amends its constitution before signing." in texts


def test_the_same_drafts_give_the_same_bytes(redline: bytes) -> None:
    old, new = _pair()
    assert render("diff", "docx", diff_drafts(old, new)) == redline
    with zipfile.ZipFile(__import__("io").BytesIO(redline)) as package:
        assert {info.date_time[:3] for info in package.infolist()} == {(2024, 2, 15)}
        core = package.read("docProps/core.xml").decode()
    assert "2024-02-15T00:00:00Z" in core and "Azerbaijan" in core


def test_control_characters_and_markup_in_a_draft_are_shown_not_obeyed() -> None:
    old = draft([art("a", 1, "Plain text.")])
    new = draft([art("a", 1, "Plain \x1b[31mred\x1b[0m <w:t>x</w:t> text.\u202e")], id="d-new")
    data = render("diff", "docx", diff_drafts(old, new))
    text = sections(decided(data, True))
    assert list(text.values()) == ["Plain \\x1b[31mred\\x1b[0m <w:t>x</w:t> text.\\u202e"]


def test_docx_is_a_binary_format() -> None:
    assert is_binary("diff", "docx") and not is_binary("diff", "html")


# --- the command ------------------------------------------------------------------------------------------------

def _write_pair(tmp_path: Path) -> tuple[Path, Path]:
    old, new = _pair()
    a, b = tmp_path / "d-old.yaml", tmp_path / "d-new.yaml"
    for path, version in ((a, old), (b, new)):  # JSON is YAML
        path.write_text(json.dumps(version.model_dump(exclude_defaults=True), indent=1), encoding="utf-8")
    return a, b


def test_cli_writes_the_docx_with_o(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    a, b = _write_pair(tmp_path)
    out = tmp_path / "redline.docx"
    assert main(["diff", str(a), str(b), "--format", "docx", "-o", str(out)]) == 1
    assert zipfile.is_zipfile(out)
    assert sections(decided(out.read_bytes(), True))
    assert capsys.readouterr().out == ""


def test_cli_refuses_to_print_a_docx_to_a_terminal(tmp_path: Path) -> None:
    a, b = _write_pair(tmp_path)
    leader, follower = pty.openpty()
    try:
        done = subprocess.run([sys.executable, "-m", "draftdiff", "diff", str(a), str(b), "--format", "docx"],
                              stdout=follower, stderr=subprocess.PIPE, text=True, timeout=60)
    finally:
        os.close(follower)
        os.close(leader)
    assert done.returncode == 2
    assert "binary" in done.stderr and "-o FILE" in done.stderr


def test_cli_writes_the_docx_to_a_pipe(tmp_path: Path) -> None:
    a, b = _write_pair(tmp_path)
    done = subprocess.run([sys.executable, "-m", "draftdiff", "diff", str(a), str(b), "--format", "docx"],
                          capture_output=True, timeout=60)
    assert done.returncode == 1, done.stderr
    assert done.stdout.startswith(b"PK") and sections(decided(done.stdout, True))


# --- in LibreOffice ---------------------------------------------------------------------------------------------

SOFFICE = shutil.which("soffice")
UNO_PYTHON = "/usr/bin/python3"


def _has_uno() -> bool:
    if not Path(UNO_PYTHON).exists():
        return False
    return subprocess.run([UNO_PYTHON, "-c", "import uno"], capture_output=True).returncode == 0


NO_OFFICE = "LibreOffice (soffice) is not installed: apt-get install libreoffice-writer-nogui python3-uno (.ci/run does)"


@pytest.mark.skipif(SOFFICE is None and not os.environ.get("CI"), reason=NO_OFFICE)
def test_libreoffice_accepts_and_rejects_every_change(redline: bytes, tmp_path: Path) -> None:
    if SOFFICE is None:  # only under CI: there it must run, never skip
        pytest.fail(f"CI: {NO_OFFICE}")
    if not _has_uno():
        missing = "LibreOffice's Python bridge is missing: apt-get install python3-uno (.ci/run does)"
        if os.environ.get("CI"):
            pytest.fail(f"CI: {missing}")
        pytest.skip(missing)
    path = tmp_path / "redline.docx"
    path.write_bytes(redline)
    # LibreOffice converts the .docx (its own import), runs Accept All / Reject All and exports the text.
    done = subprocess.run([UNO_PYTHON, str(HERE / "lo_tracked_changes.py"), str(path), str(tmp_path)],
                          capture_output=True, text=True, timeout=240)
    assert done.returncode == 0, done.stderr
    summary = json.loads(done.stdout)
    assert summary["changes"] and {c["author"] for c in summary["changes"]} == {"Azerbaijan"}
    assert {c["date"] for c in summary["changes"]} == {"2024-02-15"}
    assert {c["type"] for c in summary["changes"]} >= {"Insert", "Delete"}
    assert summary["left_after_accept"] == 0 and summary["left_after_reject"] == 0
    for action, accept in (("accept", True), ("reject", False)):
        lines = (tmp_path / f"{action}.txt").read_text(encoding="utf-8-sig").split("\n")
        expected = [text for _, text in decided(redline, accept)]
        assert [line.rstrip("\r") for line in lines if line] == [t for t in expected if t]
    accepted = (tmp_path / "accept.txt").read_text(encoding="utf-8-sig")
    rejected = (tmp_path / "reject.txt").read_text(encoding="utf-8-sig")
    assert FORCES_NEW in accepted and FORCES_NEW not in rejected
    assert FORCES_OLD.replace("\n\n", "\n\n") in rejected.replace("\r", "") and "two months" not in rejected
    assert RECOGNITION_NEW in accepted and TEXTS["recognition"] in rejected


def test_evidence_changes_are_tracked_too() -> None:
    """A source's quote and a claimed count: what the evidence helper's DraftDiff reports, rendered generically."""
    src = {"id": "s1", "title": "Statement", "publisher": "Example", "quote": "some progress"}
    old = draft([art("a", 1, "Same text.")], sources=[src],
                claimed_counts=[{"agreed": 1, "speaker": "A Minister", "date": "2024-01-02", "source": "s1"}])
    new = draft([art("a", 1, "Same text.")], id="d-new", sources=[dict(src, quote="much progress")],
                claimed_counts=[{"agreed": 2, "speaker": "A Minister", "date": "2024-01-02", "source": "s1"}])
    data = render("diff", "docx", diff_drafts(old, new))
    accepted = [t for s, t in decided(data, True) if s == "Draft Record"]
    rejected = [t for s, t in decided(data, False) if s == "Draft Record"]
    assert "Quote: much progress" in accepted and "Quote: some progress" in rejected
    assert "Agreed: 2" in accepted and "Agreed: 1" in rejected
    heads = [t for s, t in decided(data, True) if s == "Heading 2"]
    assert any(h.startswith("Source s1") for h in heads) and any(h.startswith("Claimed count") for h in heads)


def test_the_versions_dates_say_what_is_known_of_them() -> None:
    """``~2023-12-31`` and ``2024-06`` as every other face prints them (``vocab.format_date``), not the bare day."""
    old = draft([art("a", 1, "Same text.")], date="2023-12-31", date_precision="approximate",
                date_note="The last days of December.")
    new = draft([art("a", 1, "Same text.")], id="d-new", date="2024-06-01", date_precision="month")
    data = render("diff", "docx", diff_drafts(old, new))
    for accept, shown in ((True, "2024-06"), (False, "~2023-12-31")):
        paragraphs = decided(data, accept)
        assert f"Date: {shown}" in [t for s, t in paragraphs if s == "Draft Record"]
        opening = next(t for _, t in paragraphs if t.startswith("From "))
        assert "(~2023-12-31, " in opening and "(2024-06, " in opening
