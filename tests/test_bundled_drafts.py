"""The bundled drafts (drafts/*.yaml): the public facts they record, and the honesty rules they follow.

People quote this data, so the facts checked here are the ones that were stated in public: 17 articles from the
Armenian "tenth edition" of 31 August 2024 on; Pashinyan's 13 agreed / 3 partial / 1 not agreed of September
2024; Aliyev's 15 of 17 of December 2024, the open two being third-party forces (VII) and interstate claims (XV);
17 of 17 when the text was finalized (13 March 2025) and initialed (8 August 2025).
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

from draftdiff.model import Draft

DRAFTS_DIR = Path(__file__).resolve().parent.parent / "drafts"
SCHEMA_LINE = "# yaml-language-server: $schema=../schema/draft.schema.json"
PARTIES = {"armenia", "azerbaijan"}
MARKER = re.compile(r"\[([a-z0-9]+(?:[._-][a-z0-9]+)+)\]")
"""A prose citation of a source id, e.g. ``[radar-2609723878]``."""

SEVENTEEN = [
    "recognition", "no-territorial-claims", "non-use-of-force", "non-interference", "diplomatic-relations",
    "delimitation", "third-party-forces", "extremism-and-terrorism", "missing-persons", "cooperation",
    "other-obligations", "internal-law", "bilateral-commission", "dispute-settlement", "interstate-claims",
    "entry-into-force", "languages",
]
SEVENTEEN_ONWARDS = "2024-08-31"


def _iso(value: Any) -> Any:
    """The tree with YAML timestamps turned back into ISO text, as the project's loader keeps them."""
    if isinstance(value, dict):
        return {key: _iso(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_iso(item) for item in value]
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value


def load_drafts() -> dict[str, tuple[Path, Draft]]:
    """Every bundled draft by id (simple loader; the project's collection loader does the same job)."""
    found: dict[str, tuple[Path, Draft]] = {}
    for path in sorted(DRAFTS_DIR.glob("*.yaml")):
        with path.open(encoding="utf-8") as handle:
            draft = Draft.model_validate(_iso(YAML(typ="safe").load(handle)))
        assert draft.id not in found, f"{path.name}: duplicate draft id {draft.id}"
        found[draft.id] = (path, draft)
    return found


DRAFTS = load_drafts()


def draft(draft_id: str) -> Draft:
    return DRAFTS[draft_id][1]


def treaty_articles(d: Draft) -> list:
    """Articles that are in the text: not removed, and not the preamble or the title."""
    return [a for a in d.articles if a.status != "removed" and a.part == "article"]


def statuses(d: Draft) -> dict[str, str]:
    return {a.id: a.status for a in treaty_articles(d)}


def count(d: Draft, status: str) -> int:
    return sum(1 for a in treaty_articles(d) if a.status == status)


# --- the collection ----------------------------------------------------------------------------------------

def test_collection_is_there() -> None:
    assert len(DRAFTS) >= 18
    for key in ("2022-03-14-azerbaijan-five-principles", "2023-12-azerbaijan-proposal",
                "2024-01-04-armenia-response", "2024-08-31-armenia-tenth-edition", "2024-09-11-status",
                "2024-12-18-status", "2025-03-13-finalized", "2025-08-08-initialed"):
        assert key in DRAFTS


def test_file_names_are_ids() -> None:
    for draft_id, (path, _) in DRAFTS.items():
        assert path.name == f"{draft_id}.yaml"


def test_every_file_opens_with_the_schema_line_and_a_short_comment() -> None:
    for path, _ in DRAFTS.values():
        lines = path.read_text(encoding="utf-8").splitlines()
        assert lines[0] == SCHEMA_LINE, path.name
        comment = [line for line in lines[1:7] if line.startswith("#")]
        assert 2 <= len(comment) <= 5, f"{path.name}: {len(comment)} comment lines after the schema line"
        assert lines[1 + len(comment)].startswith("schema_version: 1"), path.name


def test_one_agreement_two_parties() -> None:
    for _, d in DRAFTS.values():
        assert d.agreement == "armenia-azerbaijan-peace"
        assert set(d.parties) == PARTIES
        assert d.proposed_by in PARTIES | {"joint"}


def test_lineage_exists_is_acyclic_and_never_goes_back_in_time() -> None:
    for _, d in DRAFTS.values():
        seen = {d.id}
        current = d
        while current.based_on:
            assert current.based_on in DRAFTS, f"{current.id}: based_on {current.based_on} is not in drafts/"
            base = draft(current.based_on)
            assert base.date <= current.date, f"{current.id} ({current.date}) is earlier than {base.id}"
            assert base.id not in seen, f"lineage cycle through {base.id}"
            seen.add(base.id)
            current = base
        assert current.id == "2022-03-14-azerbaijan-five-principles", f"{d.id} does not lead back to 2022"


def test_lineage_is_one_chain_in_date_order() -> None:
    ordered = sorted(DRAFTS.values(), key=lambda item: (item[1].date, item[1].id))
    for (_, earlier), (_, later) in zip(ordered, ordered[1:]):
        assert later.based_on == earlier.id, f"{later.id} should be based on {earlier.id}"


def test_imprecise_dates_say_why() -> None:
    for _, d in DRAFTS.values():
        if d.date_precision != "day":
            assert d.date_note, f"{d.id}: {d.date_precision} date without a date_note"
    december = draft("2023-12-azerbaijan-proposal")
    assert december.date_precision in ("approximate", "month")
    assert december.date.startswith("2023-12")
    assert "In the last days of December" in (december.date_note or "")


# --- honesty -----------------------------------------------------------------------------------------------

def test_every_status_is_reported_with_sources_or_inferred_with_a_note_or_unknown() -> None:
    for _, d in DRAFTS.values():
        for a in d.articles:
            where = f"{d.id}/{a.id}"
            if a.status == "unknown":
                assert a.status_basis is None, f"{where}: unknown status with a basis"
            elif a.status_basis == "reported":
                assert a.sources, f"{where}: reported status without sources"
            elif a.status_basis == "inferred":
                assert (a.status_note or "").strip(), f"{where}: inferred status without a status_note"
            else:
                pytest.fail(f"{where}: status {a.status} has no status_basis")


def test_sources_are_defined_and_cited() -> None:
    for _, d in DRAFTS.values():
        defined = [s.id for s in d.sources]
        assert len(defined) == len(set(defined)), d.id
        structured: set[str] = set()
        for a in d.articles:
            structured.update(a.sources)
            for f in a.fragments:
                structured.update(f.sources)
            for p in a.positions.values():
                structured.update(p.sources)
        for p in d.preconditions:
            structured.update(p.sources)
        structured.update(c.source for c in d.claimed_counts)
        prose = " ".join(filter(None, [d.summary, d.notes, d.date_note]
                                + [x for a in d.articles for x in (a.status_note, a.notes)]
                                + [x for p in d.preconditions for x in (p.status_note, p.notes)]
                                + [c.notes for c in d.claimed_counts]))
        marked = set(MARKER.findall(prose))
        assert structured <= set(defined), f"{d.id}: cites undefined {sorted(structured - set(defined))}"
        assert marked <= set(defined), f"{d.id}: prose cites undefined {sorted(marked - set(defined))}"
        unused = set(defined) - structured - marked
        assert not unused, f"{d.id}: defined but never cited {sorted(unused)}"


def test_a_source_id_means_the_same_item_in_every_draft() -> None:
    seen: dict[str, Any] = {}
    for _, d in DRAFTS.values():
        for s in d.sources:
            if s.id in seen:
                assert s == seen[s.id], f"source {s.id} differs in {d.id}"
            seen[s.id] = s


def test_quoted_wording_has_a_source() -> None:
    for _, d in DRAFTS.values():
        for a in d.articles:
            if a.text and a.text_basis in ("verbatim", "translation"):
                assert a.sources, f"{d.id}/{a.id}"
            for f in a.fragments:
                if f.basis in ("verbatim", "translation"):
                    assert f.sources or a.sources, f"{d.id}/{a.id}"
            for party, p in a.positions.items():
                assert party in d.parties
                assert p.sources, f"{d.id}/{a.id}/{party}: position without a source"


def test_no_treaty_wording_before_publication() -> None:
    """The texts exchanged 2022-2025 were never published: only the 2022 principles and the initialed text
    carry wording, and no article of any other version has text or fragments."""
    with_wording = {"2022-03-14-azerbaijan-five-principles", "2025-08-08-initialed"}
    for _, d in DRAFTS.values():
        if d.id in with_wording:
            continue
        for a in d.articles:
            assert not a.text and not a.fragments, f"{d.id}/{a.id} has treaty wording"


def test_preconditions_point_at_real_articles_and_parties() -> None:
    for _, d in DRAFTS.values():
        ids = {a.id for a in d.articles}
        for p in d.preconditions:
            assert p.party in d.parties
            assert p.sources, f"{d.id}/{p.id}: precondition without a source"
            if p.status == "in-agreement" and p.article:
                assert p.article in ids, f"{d.id}/{p.id}: article {p.article} is not in this draft"
            if p.raised:
                assert p.raised <= d.date, f"{d.id}/{p.id}: raised after the draft's date"


# --- the public facts --------------------------------------------------------------------------------------

def test_five_principles_are_verbatim_and_name_their_treaty_topics() -> None:
    d = draft("2022-03-14-azerbaijan-five-principles")
    assert d.kind == "principles" and d.stage == "pre-negotiation" and d.proposed_by == "azerbaijan"
    assert [a.id for a in d.articles] == ["recognition", "no-territorial-claims", "non-use-of-force",
                                          "delimitation-and-diplomatic-relations", "communications"]
    assert all(a.text_basis == "verbatim" and a.text and a.sources for a in d.articles)
    assert d.articles[1].text.startswith("Mutual confirmation of the absence of territorial claims")


def test_seventeen_articles_from_the_tenth_edition_on() -> None:
    later = [d for _, d in DRAFTS.values() if d.date >= SEVENTEEN_ONWARDS]
    assert len(later) >= 5
    for d in later:
        articles = treaty_articles(d)
        assert [a.id for a in articles] == SEVENTEEN, d.id
        assert [a.number for a in articles] == list(range(1, 18)), d.id
        communications = d.article("communications")
        assert communications is None or communications.status == "removed", d.id
    # the removal is recorded in the version that first lacks the article
    assert draft("2024-08-31-armenia-tenth-edition").article("communications").status == "removed"


def test_demo_pair_aligns_with_the_seventeen_and_has_no_wording() -> None:
    december, january = draft("2023-12-azerbaijan-proposal"), draft("2024-01-04-armenia-response")
    assert january.based_on == december.id
    for d in (december, january):
        ids = {a.id for a in d.articles}
        assert ids and ids <= set(SEVENTEEN) | {"communications"}, d.id
        assert "communications" in ids
    assert "some regression but some progress" in (january.summary or "")
    assert any(s.quote and "some regression" in s.quote for s in january.sources)


def test_september_2024_thirteen_three_one() -> None:
    d = draft("2024-09-11-status")
    assert d.kind == "status-report"
    claim = next(c for c in d.claimed_counts if c.agreed == 13)
    assert (claim.agreed, claim.partial, claim.disputed, claim.total) == (13, 3, 1, 17)
    assert d.source(claim.source) is not None
    counts = {s: count(d, s) for s in ("agreed", "partial", "disputed", "unknown")}
    assert counts["agreed"] <= 13 and counts["partial"] <= 3 and counts["disputed"] <= 1
    shortfall = (13 - counts["agreed"]) + (3 - counts["partial"]) + (1 - counts["disputed"])
    assert shortfall == counts["unknown"]
    # which articles were partial was never stated: every non-agreed assignment is an inference
    for a in treaty_articles(d):
        if a.status in ("partial", "disputed"):
            assert a.status_basis == "inferred" and a.status_note, a.id
    assert statuses(d)["third-party-forces"] == "partial"
    # "the preamble has been fully agreed upon, the title of the paper has been fully agreed upon"
    assert {a.part: a.status for a in d.articles if a.part != "article"} == {"preamble": "agreed", "title": "agreed"}


def test_december_2024_fifteen_agreed_two_disputed() -> None:
    d = draft("2024-12-18-status")
    assert count(d, "agreed") == 15 and count(d, "disputed") == 2 and len(treaty_articles(d)) == 17
    disputed = {a.id for a in treaty_articles(d) if a.status == "disputed"}
    assert disputed == {"third-party-forces", "interstate-claims"}
    for article_id in disputed:
        a = d.article(article_id)
        assert a.status_basis == "reported" and a.sources
        assert set(a.positions) == PARTIES, f"{article_id}: each side's position"
        assert all(p.sources for p in a.positions.values())
    claim = next(c for c in d.claimed_counts if c.agreed == 15)
    assert claim.total == 17


def test_finalized_and_initialed_seventeen_of_seventeen() -> None:
    finalized, initialed = draft("2025-03-13-finalized"), draft("2025-08-08-initialed")
    assert finalized.stage == "finalized"
    assert initialed.stage == "initialed" and initialed.kind == "initialed"
    assert initialed.based_on == finalized.id
    for d in (finalized, initialed):
        assert count(d, "agreed") == 17 and len(treaty_articles(d)) == 17, d.id


def test_initialed_wording_is_labelled_fragment_by_fragment() -> None:
    d = draft("2025-08-08-initialed")
    verbatim = {a.id for a in d.articles for f in a.fragments if f.basis == "verbatim"}
    # the articles the outlets quoted in the official English (plus the preamble's opening)
    assert verbatim == {"title", "preamble", "recognition", "non-use-of-force", "non-interference",
                        "diplomatic-relations", "delimitation", "third-party-forces", "interstate-claims"}
    assert all(a.text is None for a in d.articles), "wording is given as labelled fragments only"
    preamble = d.article("preamble")
    assert preamble is not None and preamble.part == "preamble" and preamble.number is None
    assert d.article("extremism-and-terrorism").fragments == []


def test_latest_preconditions() -> None:
    d = draft("2025-08-08-initialed")
    pre = {p.id: p for p in d.preconditions}
    assert pre["constitution-change"].status == "open"
    assert pre["minsk-group-dissolution"].status == "met"
    assert pre["zangezur-corridor"].status == "transformed"
    assert pre["interstate-claims-withdrawal"].status == "in-agreement"
    assert pre["interstate-claims-withdrawal"].article == "interstate-claims"
    assert pre["no-third-party-forces"].status == "in-agreement"
    assert pre["no-third-party-forces"].article == "third-party-forces"
    assert {p.party for p in d.preconditions} == PARTIES
    assert any(p.kind == "position" and p.party == "armenia" for p in d.preconditions)


def test_the_project_validator_finds_no_errors() -> None:
    validate = pytest.importorskip("draftdiff.validate")
    report = validate.validate_paths([DRAFTS_DIR])
    errors = [f"{x.file}:{x.line}: [{x.rule}] {x.message}" for x in report.diagnostics if x.severity == "error"]
    assert not errors, "\n".join(errors)
    # the only warnings allowed: sources cited in the prose only (summary, notes), which the rule does not read
    for x in report.diagnostics:
        assert x.rule == "unused-source", f"{x.file}:{x.line}: [{x.rule}] {x.message}"
