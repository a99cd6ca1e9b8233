"""Every diff renderer: golden outputs, hostile text shown literally and inertly, JSON against its schema.

Regenerate the golden files after an intended change with
``DRAFTDIFF_UPDATE_GOLDEN=1 python -m pytest tests/unit/test_diff_render.py`` and review the diff.
"""

from __future__ import annotations

import html
import json
import os
import re

import jsonschema
import pytest
from diff_support import TEXTS, art, draft
from paths import ROOT, TESTS

from draftdiff.diff import DiffOptions, diff_drafts
from draftdiff.render import render

GOLDEN = TESTS / "golden" / "diff"
SCHEMA = ROOT / "schema" / "diff.schema.json"
HOSTILE = ("<script>alert('x')</script> **bold** [bracketed negotiation text] `code` # heading "
           "\x1b[31mRED\x1b]0;title\x07 \u202eevil\u202c | pipe &amp; <b>b</b>")


def sample():
    old = [art(k, n, TEXTS[k]) for n, k in enumerate(TEXTS, 1)]
    old[1] = dict(old[1], status="disputed",
                  positions={"armenia": {"text": "EU monitors stay until delimitation", "basis": "summary"}})
    new = [dict(a) for a in old]
    new[0] = art("recognition", 1, TEXTS["recognition"].replace("each other's", "the"))
    new[1] = dict(new[1], status="agreed",
                  positions={"armenia": {"text": "EU monitors leave on entry into force", "basis": "summary"}})
    new.pop(3)  # claims removed
    new.insert(4, art("missing-persons", 5, "The Parties shall exchange information on missing persons."))
    for n, a in enumerate(new, 1):
        a["number"] = n
    sources = [{"id": "s1", "title": "Interview", "publisher": "Example", "date": "2024-01-02",
                "quote": "most of the text is agreed"},
               {"id": "s2", "title": "s2", "publisher": "Example"}, {"id": "s3", "title": "s3", "publisher": "Example"}]
    new_sources = [dict(sources[0], quote="nearly all of the text is agreed", url="https://example.org/i"),
                   sources[1], {"id": "s4", "title": "Statement", "publisher": "Example", "date": "2024-01-04"}]
    claim = {"agreed": 5, "disputed": 1, "total": 6, "speaker": "A. Speaker", "date": "2024-01-02", "source": "s1"}
    return (draft(old, id="2023-12-proposal", sources=sources, claimed_counts=[claim],
                  summary="A first proposal."),
            draft(new, id="2024-01-response", stage="negotiating", date="2024-01-04", sources=new_sources,
                  claimed_counts=[dict(claim, agreed=6, disputed=0)], summary="A reply to the first proposal.",
                  preconditions=[{"id": "constitution", "party": "azerbaijan", "kind": "precondition",
                                  "demand": "Armenia amends its constitution.", "status": "open"}]))


def hostile_pair():
    old = draft([art("recognition", 1, "Plain text. " + HOSTILE, title="Title " + HOSTILE)])
    new = draft([art("recognition", 1, "Plain wording. " + HOSTILE + " more", title="Title " + HOSTILE)], id="d-new")
    return old, new


CASES = [("text", {}), ("text", {"color": True}), ("text", {"stat": True}), ("markdown", {}),
         ("markdown", {"stat": True}), ("html", {}), ("html", {"layout": "side-by-side"}), ("json", {}),
         ("json", {"stat": True})]


def golden_name(fmt, options):
    suffix = "".join(f"-{k}" for k, v in sorted(options.items()) if v)
    ext = {"text": "txt", "markdown": "md", "html": "html", "json": "json"}[fmt]
    return f"sample{suffix}.{ext}"


@pytest.mark.parametrize(("fmt", "options"), CASES)
def test_golden_output(fmt, options):
    old, new = sample()
    result = diff_drafts(old, new, old_label="drafts/old.yaml", new_label="drafts/new.yaml")
    out = render("diff", fmt, result, **options)
    path = GOLDEN / golden_name(fmt, options)
    if os.environ.get("DRAFTDIFF_UPDATE_GOLDEN") or not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(out, encoding="utf-8")
    assert out == path.read_text(encoding="utf-8"), f"{path.name} differs; see the module docstring"


def test_text_output_reads_like_a_redline_without_colour():
    old, new = sample()
    out = render("diff", "text", diff_drafts(old, new), color=False)
    assert "\x1b" not in out
    assert "recognise [-each other's-]{+the+} sovereignty" in out
    assert "status disputed → agreed" in out
    assert "- Article 4  Claims  [claims]" in out
    assert "+ Article 5  Missing persons  [missing-persons]" in out
    assert "position of armenia (summary): reworded" in out
    assert "A. Speaker 2024-01-02: agreed 5 → 6, disputed 1 → 0" in out
    assert "quote: [-most-]{+nearly all+} of the text is agreed" in out


@pytest.mark.parametrize("fmt", ["text", "markdown", "html", "json"])
def test_hostile_article_text_is_literal_and_inert(fmt):
    old, new = hostile_pair()
    out = render("diff", fmt, diff_drafts(old, new), **({"color": False} if fmt == "text" else {}))
    assert "\x1b" not in out and "\x07" not in out and "\u202e" not in out
    if fmt == "text":
        assert "<script>alert('x')</script>" in out and "[bracketed negotiation text]" in out
        assert "\\x1b[31mRED" in out and "\\u202e" in out
    if fmt == "html":
        assert "<script" not in out and "<b>b</b>" not in out
        assert "&lt;script&gt;" in out and "&amp;amp;" in out
        assert "[bracketed negotiation text]" in out
    if fmt == "markdown":
        assert "<script" not in out and "<b>b</b>" not in out
        assert r"\[bracketed negotiation text\]" in out and r"\*\*bold\*\*" in out
        assert "&amp;amp;" in out
    if fmt == "json":
        data = json.loads(out)
        texts = "".join(s["text"] for a in data["articles"] for s in a["redline"])
        assert HOSTILE in texts  # exact data, escaped only in the JSON encoding
        assert "\\u001b" in out and "\\u202e" in out


def test_markdown_renders_hostile_text_as_text():
    """Strip our own <del>/<ins> tags: what is left holds no HTML tag from the article."""
    old, new = hostile_pair()
    out = render("diff", "markdown", diff_drafts(old, new))
    rest = re.sub(r"</?(del|ins)>", "", out)
    assert not re.search(r"<[a-zA-Z/]", rest)


def test_html_is_self_contained_and_has_both_layouts():
    old, new = sample()
    out = render("diff", "html", diff_drafts(old, new))
    assert out.startswith("<!DOCTYPE html>")
    assert "<script" not in out and "http://" not in out.replace("http://www.w3.org", "")
    assert "side by side" in out and "inline" in out and "Change list" in out
    assert html.escape("each other's") in out


@pytest.mark.parametrize("stat", [False, True])
def test_json_output_validates_against_the_schema(stat):
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    old, new = sample()
    for options in (DiffOptions(), DiffOptions(ignore_case=True, ignore_space=True, granularity="char")):
        data = json.loads(render("diff", "json", diff_drafts(old, new, options), stat=stat))
        jsonschema.validate(data, schema)
        assert data["format"] == "draftdiff-diff" and data["format_version"] == 2


def test_summary_does_not_claim_full_similarity_when_there_is_no_text() -> None:
    from diff_support import draft

    from draftdiff.diff import diff_drafts
    from draftdiff.render import render

    def position_only(stance: str) -> dict[str, object]:
        return {"id": "forces", "number": 1, "title": "Forces", "status": "disputed", "status_basis": "inferred",
                "status_note": "n", "positions": {"armenia": {"text": stance, "basis": "summary"}}}

    old = draft([position_only("Ban on delimited sections only")])
    new = draft([position_only("Ban along the whole border")], id="d-new", date="2024-02-01")
    out = render("diff", "text", diff_drafts(old, new), color=False)
    assert "neither version has article text" in out
    assert "similarity 100" not in out


def test_substantive_hides_entries_whose_only_change_is_clerical() -> None:
    from diff_support import TEXTS, art, draft

    from draftdiff.diff import diff_drafts
    from draftdiff.render import render

    old = draft([art("recognition", 1, TEXTS["recognition"], sources=["s1"]),
                 art("forces", 2, TEXTS["forces"], status="disputed", status_basis="inferred", status_note="n")])
    new = draft([art("recognition", 1, TEXTS["recognition"], sources=["s2"]),
                 art("forces", 2, TEXTS["forces"], status="agreed", status_basis="reported", sources=["s1"])],
                id="d-new", date="2024-02-01")
    diff = diff_drafts(old, new)
    full = render("diff", "text", diff, color=False)
    short = render("diff", "text", diff, color=False, substantive=True)
    assert "[recognition]" in full and "[recognition]" not in short
    assert "[forces]" in short
    assert "Status changes\n  Article 2 forces: disputed → agreed" in short


@pytest.mark.parametrize("fmt", ["text", "markdown", "html"])
@pytest.mark.parametrize("stat", [False, True])
def test_substantive_with_all_says_clerical_changes_only_not_unchanged(fmt: str, stat: bool) -> None:
    """``--substantive -a``: an article whose sources alone changed is listed with no change left, and read
    "unchanged" though it changed; it reads "clerical changes only" (an article that did not change still
    reads "unchanged"), as the TUI's Compare screen says under ``u`` and ``a``."""
    old = draft([art("recognition", 1, TEXTS["recognition"], sources=["s1"]),
                 art("forces", 2, TEXTS["forces"], sources=["s1"])])
    new = draft([art("recognition", 1, TEXTS["recognition"], sources=["s2"]),
                 art("forces", 2, TEXTS["forces"], sources=["s1"])], id="d-new", date="2024-02-01")
    colour = {"color": False} if fmt == "text" else {}
    out = html.unescape(render("diff", fmt, diff_drafts(old, new), show_all=True, substantive=True, stat=stat,
                               **colour)).replace("\\", "")
    assert "clerical changes only" in out  # recognition (HTML says it in its change list too)
    assert "unchanged" in out  # forces
    assert "clerical changes only" not in render("diff", fmt, diff_drafts(old, new), show_all=True, stat=stat,
                                                 **colour)


@pytest.mark.parametrize("fmt", ["text", "markdown", "html"])
def test_a_changed_title_of_the_version_or_a_source_reads_old_then_new(fmt: str) -> None:
    """A title is read whole, ``title: old → new`` like the date beside it: a word redline ran the two titles
    together (``[-A test proposal-]{+The reply of March+}``); a summary stays a redline."""
    arts = [art("recognition", 1, TEXTS["recognition"])]
    old = draft(arts, summary="A first proposal.", agreement_title="Peace treaty")
    sources = [{"id": "s1", "title": "Interview of March", "publisher": "Example"},
               *({"id": s, "title": s, "publisher": "Example"} for s in ("s2", "s3"))]
    new = draft(arts, id="d-new", title="The reply of March", date="2024-03-01", summary="A second proposal.",
                agreement_title="Peace and border treaty", sources=sources)
    out = html.unescape(render("diff", fmt, diff_drafts(old, new))).replace("\\", "")
    assert "title: A test proposal → The reply of March" in out
    assert "date: 2024-01-01 → 2024-03-01" in out
    assert "agreement's name: Peace treaty → Peace and border treaty" in out
    assert re.search(r"title:? s1 → Interview of March", out)  # the source's, in the words of its list
    assert "A test proposal-]" not in out and "<del>A test proposal" not in out and "~~A test proposal" not in out
    assert "first" in out and "second" in out and "A first proposal. → A second proposal." not in out
