"""The Word redline of every pair of consecutive bundled drafts: accepting all gives the newer version, rejecting
all the older, field by field, the lists of sources an entry cites too.

What is expected is read from the drafts themselves (the model), not from the diff the redline was made from,
so that a gap in the diff's data shows as well as a slip of the renderer.
"""

from __future__ import annotations

from itertools import pairwise

import pytest
from docx_support import decided
from paths import ROOT

from draftdiff.diff import diff_drafts
from draftdiff.diff.result import ArticleChange, DraftDiff, PreconditionChange
from draftdiff.load import load_draft
from draftdiff.model import Draft
from draftdiff.render import render
from draftdiff.vocab import format_date


def _bundled() -> list[Draft]:
    drafts = []
    for path in sorted((ROOT / "drafts").glob("*.yaml")):
        loaded = load_draft(path)
        assert loaded.draft is not None, path
        drafts.append(loaded.draft)
    return sorted(drafts, key=lambda d: (d.date, d.id))


PAIRS = list(pairwise(_bundled()))


def _party(slug: str) -> str:
    return slug.replace("-", " ").title()


Section = dict[str, list[str]]
"""A Heading 2 section of the decided document: its paragraphs by style."""


def _sections(paragraphs: list[tuple[str, str]], part: str) -> list[Section]:
    """The Heading 2 sections under the Heading 1 ``part``, in order."""
    out: list[Section] = []
    inside = False
    for style, text in paragraphs:
        if style == "Heading 1":
            inside = text == part
        elif inside and style == "Heading 2":
            out.append({"heading": [text]})
        elif inside and out:
            out[-1].setdefault(style, []).append(text)
    return out


def _lines(section: Section, lead: str) -> list[str]:
    return [t for t in section.get("Draft Record", []) if t.startswith(lead)]


def _check_cited(old_section: Section, new_section: Section, lead: str, old: list[str], new: list[str],
                 where: str) -> None:
    """A list of sources: one line that decides to each side's list when the ids differ, none otherwise."""
    if set(old) == set(new):
        assert not _lines(new_section, lead) and not _lines(old_section, lead), where
        return
    assert _lines(new_section, lead) == [lead + ", ".join(new)], f"{where}: accepted"
    assert _lines(old_section, lead) == [lead + ", ".join(old)], f"{where}: rejected"


def _check_article(change: ArticleChange, accepted: Section, rejected: Section, old: Draft, new: Draft) -> None:
    where = f"{old.id} → {new.id}, {change.id}"
    before = next((a for a in old.articles if a.id == change.old_id), None)
    after = next((a for a in new.articles if a.id == change.new_id), None)
    if change.match in ("split", "merge"):
        return  # the wording is cut between the parts; the parts' records are not paired
    assert "\n".join(accepted.get("Draft Text", [])) == (after.full_text if after else ""), where
    assert "\n".join(rejected.get("Draft Text", [])) == (before.full_text if before else ""), where
    _check_cited(rejected, accepted, "Sources: ", list(before.sources) if before else [],
                 list(after.sources) if after else [], where)
    if before and after and before.status != after.status:
        assert _lines(accepted, "Status: ") == [f"Status: {after.status}"], where
        assert _lines(rejected, "Status: ") == [f"Status: {before.status}"], where
    for party in dict.fromkeys([*(before.positions if before else {}), *(after.positions if after else {})]):
        a = before.positions.get(party) if before else None
        b = after.positions.get(party) if after else None
        if a == b:
            continue
        lead = f"Position of {_party(party)} ("
        assert [t.split("): ", 1)[1] for t in _lines(accepted, lead)] == [b.text if b else ""], where
        assert [t.split("): ", 1)[1] for t in _lines(rejected, lead)] == [a.text if a else ""], where
        _check_cited(rejected, accepted, f"Sources of {_party(party)}'s position: ", list(a.sources) if a else [],
                     list(b.sources) if b else [], f"{where}, position of {party}")


def _check_precondition(change: PreconditionChange, accepted: Section, rejected: Section, old: Draft,
                        new: Draft) -> None:
    where = f"{old.id} → {new.id}, precondition {change.id}"
    before = next((p for p in old.preconditions if p.id == change.id), None)
    after = next((p for p in new.preconditions if p.id == change.id), None)
    assert accepted.get("Draft Text", []) == ([after.demand] if after else [""]), where
    assert rejected.get("Draft Text", []) == ([before.demand] if before else [""]), where
    _check_cited(rejected, accepted, "Sources: ", list(before.sources) if before else [],
                 list(after.sources) if after else [], where)


def _check_version(diff: DraftDiff, accepted: list[tuple[str, str]], rejected: list[tuple[str, str]],
                   old: Draft, new: Draft) -> None:
    """The version's own date, as what is known of it, in the opening line and in the tracked ``Date``."""
    shown_old, shown_new = format_date(old.date, old.date_precision), format_date(new.date, new.date_precision)
    opening = next(t for s, t in accepted if t.startswith("From "))
    assert f"({shown_old}, " in opening and f"({shown_new}, " in opening, opening
    if any(f.field == "date" for f in diff.agreement):
        assert [t for s, t in accepted if t.startswith("Date: ")] == [f"Date: {shown_new}"]
        assert [t for s, t in rejected if t.startswith("Date: ")] == [f"Date: {shown_old}"]


@pytest.mark.parametrize(("old", "new"), PAIRS, ids=[f"{a.id}→{b.id}" for a, b in PAIRS])
def test_accepting_all_gives_the_newer_version_and_rejecting_all_the_older(old: Draft, new: Draft) -> None:
    diff = diff_drafts(old, new)
    data = render("diff", "docx", diff)
    assert isinstance(data, bytes)
    accepted, rejected = decided(data, accept=True), decided(data, accept=False)
    _check_version(diff, accepted, rejected, old, new)
    articles = diff.listed_articles()
    acc, rej = _sections(accepted, "Articles"), _sections(rejected, "Articles")
    assert len(acc) == len(rej) == len(articles)
    for change, a, b in zip(articles, acc, rej, strict=True):
        _check_article(change, a, b, old, new)
    preconditions = diff.listed_preconditions()
    acc, rej = _sections(accepted, "Preconditions"), _sections(rejected, "Preconditions")
    assert len(acc) == len(rej) == len(preconditions)
    for p, a, b in zip(preconditions, acc, rej, strict=True):
        _check_precondition(p, a, b, old, new)


def test_the_pairs_are_every_bundled_version_in_date_order() -> None:
    assert len(PAIRS) >= 20
    assert any(old.date_precision != "day" for old, _ in PAIRS)
