"""Every change of evidence shows: each field of the format changed alone is reported by every renderer and by
textconv, counted as a difference, and hidden by --substantive exactly when it is clerical."""

from __future__ import annotations

import json
import re

import pytest
from evidence_support import MUTATIONS, UNCHANGEABLE, Mutation, base

from draftdiff import model
from draftdiff.diff import DiffOptions, diff_drafts
from draftdiff.diff import result as r
from draftdiff.render import render
from draftdiff.textconv import as_text

MODELS = {"Draft": model.Draft, "Source": model.Source, "ClaimedCount": model.ClaimedCount,
          "Article": model.Article, "Fragment": model.Fragment, "Position": model.Position,
          "Precondition": model.Precondition}
IDS = [m.name for m in MUTATIONS]


def test_every_field_of_the_format_has_a_mutation() -> None:
    fields = {(name, info.alias or f) for name, cls in MODELS.items() for f, info in cls.model_fields.items()}
    fields -= UNCHANGEABLE
    covered = {(m.model, m.field) for m in MUTATIONS}
    assert fields - covered == set(), "add a Mutation for each new field: the diff and textconv must show it"


@pytest.mark.parametrize("mutation", MUTATIONS, ids=IDS)
def test_textconv_shows_every_field(mutation: Mutation) -> None:
    assert as_text(base()) != as_text(mutation.apply())


def _text(old: model.Draft, new: model.Draft, **view: object) -> str:
    return render("diff", "text", diff_drafts(old, new), color=False, **view)


def _as_read(fmt: str, out: str) -> str:
    """Markdown as a reader sees it: backslash escapes (``https\\://``, never an autolink) shown as the character."""
    return re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", out) if fmt == "markdown" else out


@pytest.mark.parametrize("mutation", MUTATIONS, ids=IDS)
def test_every_report_names_the_change(mutation: Mutation) -> None:
    old, new = base(), mutation.apply()
    diff = diff_drafts(old, new)
    assert diff.has_differences
    same = diff_drafts(old, old)
    assert not same.has_differences
    for fmt, options in (("text", {"color": False}), ("markdown", {}), ("html", {})):
        out = _as_read(fmt, render("diff", fmt, diff, **options))
        assert mutation.shows in out, f"{fmt} does not show {mutation.shows!r}"
        assert mutation.shows not in _as_read(fmt, render("diff", fmt, same, **options))
    data = json.loads(render("diff", "json", diff))
    assert data["has_differences"]
    listed = data["articles"] or data["preconditions"] or data["sources"] or data["claims"] or data["agreement"]
    assert listed or data["old"]["id"] != data["new"]["id"]


@pytest.mark.parametrize("mutation", MUTATIONS, ids=IDS)
def test_substantive_hides_exactly_the_clerical_changes(mutation: Mutation) -> None:
    old, new = base(), mutation.apply()
    out = _text(old, new, substantive=True)
    if mutation.clerical:
        assert mutation.shows not in out
        assert "clerical change" in out  # what is left out is counted, never silently dropped
    else:
        assert mutation.shows in out


def test_every_kind_is_named_once_and_labelled() -> None:
    from draftdiff.render.diff_common import KIND_LABELS

    assert len(r.ALL_KINDS) == len(set(r.ALL_KINDS))
    assert set(r.ALL_KINDS) <= set(KIND_LABELS)
    assert set(r.ALL_KINDS) >= r.CLERICAL_KINDS
    assert set(r.DRAFT_FIELD_KINDS.values()) <= set(r.DRAFT_KINDS)


def test_a_changed_quote_alone_is_a_difference_with_its_redline() -> None:
    old = base()
    data = old.model_dump()
    data["sources"][0]["quote"] = "all of the text is agreed"
    new = model.Draft.model_validate(data)
    diff = diff_drafts(old, new)
    assert diff.has_differences and diff.changed_articles == []
    (change,) = diff.sources
    assert (change.id, change.change, [f.field for f in change.fields]) == ("s1", "changed", ["quote"])
    out = _text(old, new)
    assert "~ s1: Interview\n    quote: [-most-]{+all+} of the text is agreed" in out
    assert "also 1 source changed" in out


def test_ignore_options_apply_to_evidence_wording_too() -> None:
    old = base()
    data = old.model_dump()
    data["sources"][0]["notes"] = "broadcast  live."
    diff = diff_drafts(old, model.Draft.model_validate(data), DiffOptions(ignore_case=True, ignore_space=True))
    assert diff.has_differences  # the text differs; the redline shows it as the same words
    (change,) = diff.sources
    assert all(s.op == "equal" for s in change.fields[0].redline)


@pytest.mark.parametrize("fmt", ["text", "markdown", "html"])
def test_dates_print_with_their_precision(fmt: str) -> None:
    old = base()
    data = old.model_dump()
    data.update(date="2023-12-31", date_precision="approximate")
    approximate = model.Draft.model_validate(data)
    data.update(date="2024-06-01", date_precision="month")
    month = model.Draft.model_validate(data)
    out = render("diff", fmt, diff_drafts(approximate, month))
    assert "~2023-12-31" in out and "2024-06" in out and "2024-06-01" not in out


@pytest.mark.parametrize("fmt", ["text", "markdown", "html", "json"])
def test_evidence_from_outside_is_shown_inertly(fmt: str) -> None:
    hostile = "<script>x</script> [link](http://e.x) \x1b[31mRED \u202eevil"
    old = base()
    data = old.model_dump()
    data["sources"][0].update(quote=hostile, title="T " + hostile)
    data["claimed_counts"][0].update(speaker="S " + hostile, agreed=9)
    data["sources"].append({"id": "s9", "title": hostile, "publisher": hostile, "quote": hostile})
    out = render("diff", fmt, diff_drafts(old, model.Draft.model_validate(data)))
    assert "\x1b" not in out and "\u202e" not in out
    if fmt in ("markdown", "html"):
        assert "<script>" not in out
    if fmt == "markdown":
        assert "[link](http" not in out


def test_substantive_shows_an_entry_with_its_substantive_changes_only() -> None:
    old = base()
    data = old.model_dump()
    data["articles"][0].update(status="partial", sources=["s1", "s2"], notes="A new note Zulu.")
    data["articles"][0]["positions"]["armenia"].update(text="Recognition last", notes="Changed Zulu.")
    data["preconditions"][0].update(status="met", notes="Zulu precondition note.")
    new = model.Draft.model_validate(data)
    for fmt in ("text", "markdown", "html"):
        out = render("diff", fmt, diff_drafts(old, new), substantive=True)
        assert "agreed → partial" in out and "open → met" in out and "reworded" in out
        assert "Zulu" not in out and "+s2" not in out, fmt
    full = _text(old, new)
    assert "Zulu" in full and "+s2" in full
    data = json.loads(render("diff", "json", diff_drafts(old, new), substantive=True))
    assert data["articles"][0]["kinds"] == ["status-changed", "position-changed"]
    assert data["hidden_by_substantive"] == 2


def test_a_removed_article_leaving_the_list_still_makes_the_drafts_differ() -> None:
    old = base()
    data = old.model_dump()
    data["articles"][1].update(status="removed")
    listed = model.Draft.model_validate(data)
    data["articles"].pop(1)
    gone = model.Draft.model_validate(data)
    diff = diff_drafts(listed, gone)
    assert diff.changed_articles == [] and diff.has_differences
    assert "entries: 2 → 1" in _text(listed, gone)
