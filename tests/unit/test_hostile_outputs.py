"""Hostile text in every output: nothing raw, no link from draft text, no formula, JSON values exact."""

from __future__ import annotations

import contextlib
import csv
import io
import json
from pathlib import Path

import pytest
from hostile_support import (
    FORMULAS,
    HIDDEN_ESCAPES,
    LINK_MAKERS,
    hostile_draft,
    markdown_links,
    output_text,
    unsafe_chars,
)

from draftdiff.cli import main
from draftdiff.collection import DraftSet
from draftdiff.diff import diff_drafts
from draftdiff.load import LoadedDraft, read_draft
from draftdiff.model import Draft
from draftdiff.render import formats, render
from draftdiff.render.snapshot_csv import cell
from draftdiff.snapshot.build import build_snapshot

SOURCE_URL = "https://example.org/statement"
"""The one link draftdiff itself makes from a draft: a source's ``url``, shown as the source's address."""

OWN_HTML = {"<del>", "</del>", "<ins>", "</ins>"}


def run(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(args))
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def hostile(tmp_path: Path) -> Path:
    """Two valid drafts (warnings only) whose every text holds link makers, hidden marks and formulas."""
    folder = tmp_path / "drafts"
    folder.mkdir()
    (folder / "a.yaml").write_text(hostile_draft(" ".join(LINK_MAKERS + HIDDEN_ESCAPES)), encoding="utf-8")
    (folder / "b.yaml").write_text(hostile_draft(" ".join(FORMULAS + HIDDEN_ESCAPES + LINK_MAKERS), id="d-2",
                                                 date="2024-02-01", based_on="d-1", status="agreed",
                                                 words="now www.second.example"), encoding="utf-8")
    return folder


def every_command(folder: Path, out: Path) -> list[tuple[list[str], Path | None]]:
    a, b = str(folder / "a.yaml"), str(folder / "b.yaml")
    runs: list[tuple[list[str], Path | None]] = []
    for fmt in formats("diagnostics"):
        runs.append((["validate", str(folder), "--format", fmt], None))
    for fmt in formats("diff"):
        runs.append((["diff", a, b, "--format", fmt, "-o", str(out / f"diff.{fmt}")], out / f"diff.{fmt}"))
        if fmt != "docx":  # binary: only ever written to a file
            runs.append((["diff", a, b, "--format", fmt, "--stat"], None))
    runs.append((["status", "--drafts", str(folder)], None))
    for fmt in formats("snapshot"):
        runs.append((["snapshot", "--drafts", str(folder), "-f", fmt, "--author", "Doe, \u202eJane",
                      "-o", str(out / f"snapshot.{fmt}")], out / f"snapshot.{fmt}"))
    runs += [(["textconv", a], None), (["textconv", b], None)]
    return runs


def test_no_output_of_any_command_holds_a_raw_control_or_hidden_mark(hostile: Path, tmp_path: Path) -> None:
    for args, written in every_command(hostile, tmp_path):
        code, out, err = run(*args)
        assert code in (0, 1), (args, err)
        assert "internal error" not in err and "Traceback" not in err
        texts = [out, err] + ([output_text(written)] if written else [])
        for text in texts:
            crlf = bool(written and written.suffix == ".csv")
            assert unsafe_chars(text, crlf_ok=crlf) == [], (args, unsafe_chars(text, crlf_ok=crlf)[:5])
        if args[0] == "validate" and args[-1] == "text":
            assert "warning [hidden-characters]" in out and "U+202E RIGHT-TO-LEFT OVERRIDE" in out


def test_a_run_that_could_not_happen_shows_a_hostile_folder_name_inert_in_every_format(tmp_path: Path) -> None:
    """The reason validate could not run names the folder: no raw control reaches a log or a report."""
    folder = tmp_path / "drafts\x1b[31m\u202e"
    folder.mkdir()
    for fmt in formats("diagnostics"):
        code, out, err = run("validate", str(folder), "--format", fmt)
        assert code == 2 and "no draft files" in err, (fmt, err)
        assert fmt == "text" or "no draft files" in out, fmt
        assert unsafe_chars(out) == [] and unsafe_chars(err) == [], fmt


def test_hidden_marks_are_shown_as_escapes_in_every_snapshot(hostile: Path, tmp_path: Path) -> None:
    for fmt in formats("snapshot"):
        code, out, err = run("snapshot", "--drafts", str(hostile), "-f", fmt, "--author", "Doe, \u202eJane")
        assert code == 0, err
        assert "202e" in out.lower(), fmt  # \u202e, \\u202e in TeX, or the JSON escape


def test_markdown_outputs_hold_no_link_image_or_html_from_draft_text(hostile: Path) -> None:
    a, b = str(hostile / "a.yaml"), str(hostile / "b.yaml")
    outputs = {"snapshot": run("snapshot", "--drafts", str(hostile), "-f", "md")[1],
               "diff": run("diff", a, b, "--format", "markdown", "--full")[1],
               "diff --stat": run("diff", a, b, "--format", "markdown", "--stat")[1],
               "diff back": run("diff", b, a, "--format", "markdown")[1]}
    for name, text in outputs.items():
        assert "evil" in text, name  # the text is there, as text
        for kind, value in markdown_links(text):
            if kind == "link_open":
                assert value == SOURCE_URL, (name, value)
            elif kind == "html_inline":
                assert value in OWN_HTML, (name, value)
            else:
                assert value.startswith("<!-- draftdiff-snapshot "), (name, value)


def test_csv_cells_never_start_a_formula(hostile: Path) -> None:
    text = run("snapshot", "--drafts", str(hostile), "-f", "csv")[1]
    rows = list(csv.reader(io.StringIO(text)))
    titles = [row[3] for row in rows[1:]] + [row[8] for row in rows[1:]]
    assert any("HYPERLINK" in t for t in titles)
    for value in titles:
        assert not value.lstrip(" ")[:1] in ("=", "+", "-", "@", "\t", "\r", "\uff1d"), value


@pytest.mark.parametrize("opening", ["=1+1", "+1", "-1", "@SUM(A1)", "\t=1", "\r=1", " =1", "\uff1d1"])
def test_a_cell_that_would_be_a_formula_is_quoted(opening: str) -> None:
    shown = cell(opening)
    assert shown.startswith("'") or shown.startswith("\\x0d"), shown  # a CR is written as an escape first
    assert shown.lstrip(" ")[:1] not in ("=", "+", "-", "@", "\t", "\r", "\uff1d")
    assert cell("1 = 1") == "1 = 1" and cell("") == ""


def test_json_outputs_keep_the_exact_text_and_hold_nothing_raw(hostile: Path) -> None:
    loaded = read_draft((hostile / "b.yaml").read_bytes(), "b.yaml")
    assert loaded.draft is not None
    title = loaded.draft.articles[0].title
    assert "\u202e" in title
    snap = run("snapshot", "--drafts", str(hostile), "-f", "json")[1]
    assert unsafe_chars(snap) == []
    rows = json.loads(snap)["content"]["articles"]
    assert rows[0]["title"] == title
    diff = run("diff", str(hostile / "a.yaml"), str(hostile / "b.yaml"), "--format", "json")[1]
    assert unsafe_chars(diff) == [] and json.loads(diff)["new"]["title"] == loaded.draft.title
    csl = run("snapshot", "--drafts", str(hostile), "-f", "csl")[1]
    assert unsafe_chars(csl) == [] and json.loads(csl)[0]["id"]


def test_hostile_snapshots_still_verify(hostile: Path, tmp_path: Path) -> None:
    for fmt in ("md", "html", "json", "csv", "text"):
        target = tmp_path / f"s.{fmt}"
        assert run("snapshot", "--drafts", str(hostile), "-f", fmt, "-o", str(target))[0] == 0
        code, out, err = run("snapshot", "verify", str(target), "--drafts", str(hostile))
        assert code == 0 and "verified" in out, (fmt, out, err)


RAW = "\x1b[2J\x1b[H \x07 \x9b \x00 \x85 \x7f \r \u202e \u2066 \u061c \u200e \u200b \U000e0041 \u2028 [x](http://evil.example) www.evil.example"
"""Raw controls, as if the reader had been bypassed: every renderer must still neutralise them."""


def _draft(draft_id: str, date: str, text: str) -> Draft:
    return Draft.model_validate({
        "schema_version": 1, "agreement": "test-peace", "id": draft_id, "title": "T " + text, "date": date,
        "kind": "proposal", "proposed_by": "alpha", "stage": "negotiating", "parties": ["alpha"],
        "summary": text, "notes": text,
        "sources": [{"id": "src-1", "title": text, "publisher": text, "author": text, "quote": text}],
        "articles": [{"id": "a-1", "number": 1, "title": text, "status": "partial", "status_basis": "inferred",
                      "status_note": text, "text": f"Words {text} {draft_id}", "text_basis": "summary",
                      "positions": {"alpha": {"text": text + draft_id, "basis": "summary"}}}],
        "preconditions": [{"id": "p-1", "party": "alpha", "kind": "demand", "demand": text + draft_id,
                           "status": "open", "status_note": text}],
        "claimed_counts": [{"total": 1, "speaker": text, "source": "src-1", "notes": text, "date": date}]})


def test_every_renderer_neutralises_raw_controls_even_past_the_reader() -> None:
    old, new = _draft("d-1", "2024-01-01", RAW), _draft("d-2", "2024-02-01", RAW + " more")
    loaded = [LoadedDraft(f"{d.id}.yaml", b"", draft=d) for d in (old, new)]
    snap = build_snapshot(DraftSet(loaded), git=False, authors=[RAW])
    for fmt in formats("snapshot"):
        out = render("snapshot", fmt, snap)
        assert unsafe_chars(out, crlf_ok=fmt == "csv") == [], (fmt, unsafe_chars(out, crlf_ok=fmt == "csv"))
    result = diff_drafts(old, new)
    for fmt in formats("diff"):
        if fmt == "docx":
            continue  # binary; its text is checked through the command, from the file it writes
        for options in ({}, {"stat": True}):
            out = render("diff", fmt, result, **options)
            assert unsafe_chars(out) == [], (fmt, options, unsafe_chars(out)[:5])
    for fmt in ("md",):
        text = render("snapshot", fmt, snap)
        assert all(kind != "link_open" or value == "" for kind, value in markdown_links(text)
                   if kind != "html_block"), markdown_links(text)


def test_output_files_that_cannot_be_written_leave_nothing_and_say_so(hostile: Path, tmp_path: Path,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    import os

    target = tmp_path / "status.md"
    target.write_text("the earlier file\n", encoding="utf-8")

    def full(_fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    code, out, err = run("snapshot", "--drafts", str(hostile), "-f", "md", "-o", str(target))
    assert code == 2 and "cannot write" in err and "No space left on device" in err and "is unchanged" in err
    assert target.read_text(encoding="utf-8") == "the earlier file\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["drafts", "status.md"]  # no temporary file left
    monkeypatch.undo()
    code, out, err = run("diff", str(hostile / "a.yaml"), str(hostile / "b.yaml"), "-o",
                         str(tmp_path / "missing" / "x.txt"))
    assert code == 2 and "cannot write" in err and "no file was written" in err
    code, out, err = run("snapshot", "--drafts", str(hostile), "-f", "md", "-o", str(tmp_path))
    assert code == 2 and "cannot write" in err and "Traceback" not in err
    assert run("snapshot", "--drafts", str(hostile), "-f", "md", "-o", str(target))[0] == 0
    assert target.read_text(encoding="utf-8").startswith("# ")  # replaced, as asked
