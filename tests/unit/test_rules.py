"""Collection rules: for each, a valid collection passes and a broken one is reported where it is broken."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from draft_support import draft_text
from paths import ROOT

from draftdiff.diagnostics import Diagnostic
from draftdiff.rules import all_rules
from draftdiff.validate import validate_paths


def run(tmp_path: Path, write: Callable[..., Path], files: dict[str, str]) -> list[Diagnostic]:
    for name, text in files.items():
        write(name, text)
    return validate_paths([tmp_path]).sorted()


def rules_of(diags: list[Diagnostic]) -> list[str]:
    return [d.rule for d in diags]


def test_the_base_collection_is_clean(tmp_path: Path, write: Callable[..., Path]) -> None:
    assert run(tmp_path, write, {"a.yaml": draft_text("a", "2024-01-01"),
                                 "b.yaml": draft_text("b", "2024-02-01", based_on="a")}) == []


def test_every_rule_is_documented_and_has_a_unique_id() -> None:
    rules = all_rules()
    ids = [r.id for r in rules]
    assert len(ids) == len(set(ids))
    for rule in rules:
        assert rule.summary and rule.severity in ("error", "warning"), rule.id


def test_a_rule_that_looks_at_each_draft_alone_asks_its_context_for_nothing_else() -> None:
    """``SCOPE = "draft"`` lets the write path skip the rule for drafts a change leaves alone: it must be true."""
    import ast
    import importlib
    import inspect

    per_draft = [r for r in all_rules() if r.scope == "draft"]
    assert {r.id for r in per_draft} >= {"status-basis", "unknown-source", "hidden-characters"}
    assert {r.id for r in all_rules() if r.scope == "collection" and r.check} >= {
        "duplicate-draft-id", "based-on-missing", "lineage-cycle"}
    for rule in per_draft:
        assert rule.check is not None
        tree = ast.parse(inspect.getsource(importlib.import_module(rule.check.__module__)))
        asked = {node.attr for node in ast.walk(tree)
                 if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id == "ctx"}
        assert asked <= {"drafts", "cited_ids"}, f"{rule.id} asks its context for {sorted(asked)}"


def test_duplicate_draft_id_across_files(tmp_path: Path, write: Callable[..., Path]) -> None:
    diags = run(tmp_path, write, {"a.yaml": draft_text("same"), "b.yaml": draft_text("same")})
    assert rules_of(diags) == ["duplicate-draft-id"]
    assert diags[0].file.endswith("b.yaml") and diags[0].line == 3
    assert "a.yaml:3" in diags[0].message


def test_based_on_must_exist_with_suggestion(tmp_path: Path, write: Callable[..., Path]) -> None:
    diags = run(tmp_path, write, {"a.yaml": draft_text("proposal-a"),
                                  "b.yaml": draft_text("reply-b", "2024-02-01", based_on="proposal-aa")})
    assert rules_of(diags) == ["based-on-missing"]
    assert "did you mean 'proposal-a'?" in diags[0].message
    assert (diags[0].line, diags[0].col) == (8, 11)


def test_lineage_cycle_reported_once(tmp_path: Path, write: Callable[..., Path]) -> None:
    diags = run(tmp_path, write, {"a.yaml": draft_text("a", "2024-01-01", based_on="b"),
                                  "b.yaml": draft_text("b", "2024-01-01", based_on="a")})
    assert rules_of(diags) == ["lineage-cycle"]
    assert "a → b → a" in diags[0].message


def test_self_based_draft_is_a_cycle(tmp_path: Path, write: Callable[..., Path]) -> None:
    diags = run(tmp_path, write, {"a.yaml": draft_text("a", based_on="a")})
    assert rules_of(diags) == ["lineage-cycle"]


def test_reply_dated_before_its_base(tmp_path: Path, write: Callable[..., Path]) -> None:
    diags = run(tmp_path, write, {"a.yaml": draft_text("a", "2024-03-01"),
                                  "b.yaml": draft_text("b", "2024-02-01", based_on="a")})
    assert rules_of(diags) == ["date-before-base"]
    assert diags[0].file.endswith("b.yaml") and diags[0].line == 5


def test_lineage_across_agreements(tmp_path: Path, write: Callable[..., Path]) -> None:
    other = draft_text("b", "2024-02-01", based_on="a").replace("agreement: test-peace", "agreement: other")
    diags = run(tmp_path, write, {"a.yaml": draft_text("a"), "b.yaml": other})
    assert rules_of(diags) == ["agreement-mismatch"]


def test_duplicate_article_and_source_ids(tmp_path: Path, write: Callable[..., Path]) -> None:
    text = draft_text().replace("id: third-party-forces", "id: recognition")
    diags = run(tmp_path, write, {"a.yaml": text})
    assert rules_of(diags) == ["duplicate-id"]
    assert "line 18" in diags[0].message and (diags[0].line, diags[0].col) == (26, 9)


def test_article_numbers_gap_and_repeat(tmp_path: Path, write: Callable[..., Path]) -> None:
    gap = run(tmp_path, write, {"a.yaml": draft_text().replace("number: 2", "number: 3")})
    assert rules_of(gap) == ["article-numbering"] and "skip 2" in gap[0].message


def test_a_version_on_record_only_in_part_has_no_gaps_only_repeats(tmp_path: Path,
                                                                   write: Callable[..., Path]) -> None:
    """A leak of articles 1 and 3 was an error ("skip 2") that nothing but inventing article 2 could fix."""
    partial = draft_text().replace("stage: negotiating\n", "stage: negotiating\narticle_coverage: partial\n")
    assert "article_coverage: partial" in partial
    gap = run(tmp_path / "gap", write, {"gap/a.yaml": partial.replace("number: 2", "number: 3")})
    assert rules_of(gap) == []
    repeat = run(tmp_path / "repeat", write, {"repeat/a.yaml": partial.replace("number: 2", "number: 1")})
    assert rules_of(repeat) == ["article-numbering"]


def test_article_numbers_repeat(tmp_path: Path, write: Callable[..., Path]) -> None:
    diags = run(tmp_path, write, {"a.yaml": draft_text().replace("number: 2", "number: 1")})
    assert rules_of(diags) == ["article-numbering"] and "also used by 'recognition'" in diags[0].message


def test_removed_article_may_keep_its_old_number(tmp_path: Path, write: Callable[..., Path]) -> None:
    extra = """\
  - id: communications
    number: 2
    title: Communications
    status: removed
    status_basis: reported
    sources: [src-1]
"""
    assert run(tmp_path, write, {"a.yaml": draft_text() + extra}) == []


def test_unknown_party_in_positions_and_preconditions(tmp_path: Path, write: Callable[..., Path]) -> None:
    text = draft_text().replace("      beta: {", "      betta: {") + """\
preconditions:
  - id: change-constitution
    party: gamma
    kind: precondition
    demand: Amend the constitution
    status: open
    sources: [src-1]
"""
    diags = run(tmp_path, write, {"a.yaml": text})
    assert rules_of(diags) == ["unknown-party", "unknown-party"]
    assert "did you mean 'beta'?" in diags[0].message and diags[0].col == 7


def test_unknown_and_unused_sources(tmp_path: Path, write: Callable[..., Path]) -> None:
    text = draft_text().replace("    sources: [src-1]\n  - id: third", "    sources: [src-2]\n  - id: third")
    text = text.replace("basis: summary, sources: [src-1]}", "basis: summary}")
    diags = run(tmp_path, write, {"a.yaml": text})
    assert rules_of(diags) == ["unused-source", "unknown-source"]
    unused, unknown = diags
    assert unused.severity == "warning" and unknown.severity == "error"
    assert "did you mean 'src-1'?" in unknown.message


def test_status_needs_a_basis(tmp_path: Path, write: Callable[..., Path]) -> None:
    text = draft_text().replace("    status_basis: reported\n", "")
    assert rules_of(run(tmp_path, write, {"a.yaml": text})) == ["status-basis"]


def test_inferred_status_needs_a_note(tmp_path: Path, write: Callable[..., Path]) -> None:
    text = draft_text().replace("    status_note: Only two articles were left open; this is one of them.\n", "")
    diags = run(tmp_path, write, {"a.yaml": text})
    assert rules_of(diags) == ["status-basis"] and "status_note" in diags[0].message


def test_reported_status_needs_a_source(tmp_path: Path, write: Callable[..., Path]) -> None:
    text = draft_text().replace("    text_basis: summary\n    sources: [src-1]\n", "    text_basis: summary\n")
    text = text.replace("basis: summary, sources: [src-1]}", "basis: summary}", 1)
    diags = run(tmp_path, write, {"a.yaml": text})
    assert "status-basis" in rules_of(diags)


def test_unknown_status_needs_nothing(tmp_path: Path, write: Callable[..., Path]) -> None:
    text = draft_text().replace(
        "    status: disputed\n    status_basis: inferred\n    status_note: Only two articles were left open; "
        "this is one of them.\n", "    status: unknown\n")
    assert run(tmp_path, write, {"a.yaml": text}) == []


def test_text_and_basis_must_agree(tmp_path: Path, write: Callable[..., Path]) -> None:
    no_basis = draft_text().replace("    text_basis: summary\n", "")
    assert rules_of(run(tmp_path, write, {"a.yaml": no_basis})) == ["text-basis"]


def test_basis_without_text(tmp_path: Path, write: Callable[..., Path]) -> None:
    text = draft_text().replace("    text: The Parties recognize each other's sovereignty.\n", "")
    assert rules_of(run(tmp_path, write, {"a.yaml": text})) == ["text-basis"]


def test_verbatim_text_needs_a_source(tmp_path: Path, write: Callable[..., Path]) -> None:
    text = draft_text().replace("text_basis: summary\n    sources: [src-1]", "text_basis: verbatim")
    text = text.replace("status: agreed\n    status_basis: reported", "status: unknown")
    diags = run(tmp_path, write, {"a.yaml": text})
    assert rules_of(diags) == ["verbatim-source"]


def test_verbatim_fragment_can_rely_on_article_source(tmp_path: Path, write: Callable[..., Path]) -> None:
    text = draft_text().replace(
        "    text: The Parties recognize each other's sovereignty.\n    text_basis: summary\n",
        "    fragments:\n      - {text: \"recognize and shall respect\", basis: verbatim}\n")
    assert run(tmp_path, write, {"a.yaml": text}) == []


CLAIM = "claimed_counts:\n  - {{agreed: {a}, disputed: {d}, total: {t}, source: src-1}}\n"


@pytest.mark.parametrize(("agreed", "disputed", "total", "ok"), [
    (1, 1, 2, True),    # matches exactly
    (2, 0, 2, False),   # says 2 agreed, the draft has 1 agreed and 1 disputed
    (1, 1, 3, False),   # total is wrong
    (0, 1, 2, False),   # one more agreed than claimed
])
def test_claimed_counts_against_statuses(tmp_path: Path, write: Callable[..., Path],
                                         agreed: int, disputed: int, total: int, ok: bool) -> None:
    text = draft_text() + CLAIM.format(a=agreed, d=disputed, t=total)
    diags = run(tmp_path, write, {"a.yaml": text})
    assert (diags == []) is ok, diags
    if not ok:
        assert set(rules_of(diags)) == {"claimed-counts"}
        assert diags[0].line == text.splitlines().index("claimed_counts:") + 2


def test_unknown_status_absorbs_a_claimed_difference(tmp_path: Path, write: Callable[..., Path]) -> None:
    text = draft_text().replace(
        "    status: disputed\n    status_basis: inferred\n    status_note: Only two articles were left open; "
        "this is one of them.\n", "    status: unknown\n") + CLAIM.format(a=1, d=1, t=2)
    assert run(tmp_path, write, {"a.yaml": text}) == []


def test_agreed_article_with_bracketed_text_warns(tmp_path: Path, write: Callable[..., Path]) -> None:
    text = draft_text().replace("The Parties recognize each other's sovereignty.",
                                "The [Parties recognize] [Each Party recognizes] the other's sovereignty.")
    diags = run(tmp_path, write, {"a.yaml": text})
    assert rules_of(diags) == ["bracketed-agreed-text"] and diags[0].severity == "warning"


def test_ellipsis_in_brackets_is_not_unagreed_text(tmp_path: Path, write: Callable[..., Path]) -> None:
    text = draft_text().replace("sovereignty.", "sovereignty [...] and borders […].")
    assert run(tmp_path, write, {"a.yaml": text}) == []


def test_precondition_must_name_an_existing_article(tmp_path: Path, write: Callable[..., Path]) -> None:
    text = draft_text() + """\
preconditions:
  - id: no-forces
    party: beta
    kind: demand
    demand: No third-party forces on the border
    status: in-agreement
    article: third-party-force
    sources: [src-1]
"""
    assert rules_of(run(tmp_path, write, {"a.yaml": text})) == ["precondition-article"]


def test_bidi_override_in_text_warns(tmp_path: Path, write: Callable[..., Path]) -> None:
    text = draft_text().replace("each other's", "each \u202eother's")
    diags = run(tmp_path, write, {"a.yaml": text})
    assert rules_of(diags) == ["hidden-characters"] and "U+202E" in diags[0].message


@pytest.mark.parametrize("mark", ["\u200b", "\u202e", "\U000e0041", "\u00ad"])
def test_a_hidden_mark_among_other_non_ascii_wording_is_found(mark: str, tmp_path: Path,
                                                              write: Callable[..., Path]) -> None:
    """Dashes, quotes and accents elsewhere in the file neither hide the mark nor are reported themselves."""
    wording = "L’État — « each other’s » " * 50
    plain = draft_text().replace("each other's", wording)
    assert run(tmp_path, write, {"a.yaml": plain}) == []
    diags = run(tmp_path, write, {"a.yaml": draft_text().replace("each other's", wording + mark)})
    assert rules_of(diags) == ["hidden-characters"] and f"U+{ord(mark):04X}" in diags[0].message


def test_single_file_resolves_based_on_from_its_folder(tmp_path: Path, write: Callable[..., Path]) -> None:
    write("a.yaml", draft_text("a", "2024-01-01"))
    b = write("b.yaml", draft_text("b", "2024-02-01", based_on="a"))
    report = validate_paths([b])
    assert report.diagnostics == [] and report.files == [str(b)]


def test_invalid_draft_does_not_hide_others(tmp_path: Path, write: Callable[..., Path]) -> None:
    diags = run(tmp_path, write, {"a.yaml": "a: [", "b.yaml": draft_text("b", based_on="zz")})
    assert rules_of(diags) == ["yaml-syntax", "based-on-missing"]


def test_attested_by_counts_as_citing_and_must_resolve(tmp_path: Path, write: Callable[..., Path]) -> None:
    extra_source = "sources:\n  - id: src-0\n    title: Report of the exchange\n    publisher: Agency\n  - id: src-1"
    ok = draft_text().replace("sources:\n  - id: src-1", extra_source).replace(
        "stage: negotiating\n", "stage: negotiating\nattested_by: [src-0]\n")
    assert run(tmp_path, write, {"a.yaml": ok}) == []
    bad = ok.replace("attested_by: [src-0]", "attested_by: [src-9]")
    assert set(rules_of(run(tmp_path, write, {"a.yaml": bad}))) == {"unknown-source", "unused-source"}


def test_preamble_and_title_are_not_counted_as_articles(tmp_path: Path, write: Callable[..., Path]) -> None:
    parts = """\
  - id: preamble
    part: preamble
    title: Preamble
    status: agreed
    status_basis: reported
    sources: [src-1]
  - id: agreement-title
    part: title
    title: Title of the agreement
    status: disputed
    status_basis: reported
    sources: [src-1]
"""
    text = draft_text() + parts + CLAIM.format(a=1, d=1, t=2)
    assert run(tmp_path, write, {"a.yaml": text}) == []


def test_article_numbered_zero_is_a_gap(tmp_path: Path, write: Callable[..., Path]) -> None:
    text = draft_text().replace("number: 1\n", "number: 0\n")
    diags = run(tmp_path, write, {"a.yaml": text})
    assert rules_of(diags) == ["article-numbering"] and "skip 1" in diags[0].message


def test_source_cited_in_prose_is_used_but_sic_is_not_a_citation(tmp_path: Path, write: Callable[..., Path]) -> None:
    two = "sources:\n  - id: src-0\n    title: Report\n    publisher: Agency\n  - id: src-1"
    cited = draft_text().replace("sources:\n  - id: src-1", two).replace(
        "stage: negotiating\n", "stage: negotiating\nsummary: Reported by the agency [src-0] [sic].\n")
    assert run(tmp_path, write, {"a.yaml": cited}) == []
    uncited = cited.replace("[src-0]", "(src-0)")
    assert rules_of(run(tmp_path, write, {"a.yaml": uncited})) == ["unused-source"]


def test_no_coverage_with_articles_is_contradictory(tmp_path: Path, write: Callable[..., Path]) -> None:
    text = draft_text().replace("stage: negotiating\n", "stage: negotiating\narticle_coverage: none\n")
    diags = run(tmp_path, write, {"a.yaml": text})
    assert rules_of(diags) == ["article-coverage"] and "partial" in (diags[0].hint or "")
    partial = text.replace("article_coverage: none", "article_coverage: partial")
    assert run(tmp_path, write, {"a.yaml": partial}) == []


def test_inferred_precondition_status_needs_a_note(tmp_path: Path, write: Callable[..., Path]) -> None:
    pre = """\
preconditions:
  - id: constitution
    party: beta
    kind: precondition
    demand: Amend the constitution
    status: open
    status_basis: inferred
    sources: [src-1]
"""
    diags = run(tmp_path, write, {"a.yaml": draft_text() + pre})
    assert rules_of(diags) == ["status-basis"] and "constitution" in diags[0].message
    noted = pre.replace("    status_basis: inferred\n", "    status_basis: inferred\n    status_note: No change reported since.\n")
    assert run(tmp_path, write, {"a.yaml": draft_text() + noted}) == []


def test_claimed_percent_is_recorded_not_checked(tmp_path: Path, write: Callable[..., Path]) -> None:
    text = draft_text() + "claimed_counts:\n  - {agreed_percent: 80, source: src-1, notes: about 80 percent}\n"
    assert run(tmp_path, write, {"a.yaml": text}) == []


def test_the_quick_set_of_cited_ids_is_what_the_walk_with_paths_finds() -> None:
    """Two walks over the citing fields must never drift apart: a field added to one only would go unchecked."""
    import random

    from draftdiff.load import load_draft, read_draft
    from draftdiff.rules.context import citation_lists, cited_ids
    from draftdiff.synthetic import generate_draft

    drafts = [load_draft(p).draft for p in sorted((ROOT / "drafts").glob("*.yaml"))]
    rng = random.Random(3)
    drafts += [read_draft(generate_draft(rng, i).encode(), f"g{i}.yaml").draft for i in range(5)]
    for draft in drafts:
        assert draft is not None
        walked: set[str] = set()
        for _, cited in citation_lists(draft):
            walked.update([cited] if isinstance(cited, str) else cited)
        assert cited_ids(draft) == walked
    assert any(draft.articles and draft.articles[0].positions for draft in drafts)
    assert any(fragment.sources for draft in drafts for article in draft.articles for fragment in article.fragments)


def test_a_claim_whose_own_counts_exceed_its_total_is_called_so(tmp_path: Path, write: Callable[..., Path]) -> None:
    """``agreed: 20, total: 17`` cannot have been meant: the finding says so, not only "fewer agreed"."""
    text = draft_text() + CLAIM.format(a=3, d=1, t=2)
    diags = run(tmp_path, write, {"a.yaml": text})
    assert rules_of(diags) == ["claimed-counts"]
    assert "add up to 4 articles, more than the 2 it says are in all" in diags[0].message


def test_a_marker_in_a_positions_notes_cites_its_source(tmp_path: Path, write: Callable[..., Path]) -> None:
    """A party's position notes are prose like any note: "[src-0]" there cites src-0 (as new-version counts it)."""
    two = "sources:\n  - id: src-0\n    title: Report\n    publisher: Agency\n  - id: src-1"
    cited = draft_text().replace("sources:\n  - id: src-1", two).replace(
        "beta: {text: Ban only on delimited sections, basis: summary, sources: [src-1]}",
        "beta: {text: Ban only on delimited sections, basis: summary, sources: [src-1], notes: 'Restated [src-0].'}")
    assert "Restated [src-0]" in cited
    assert run(tmp_path, write, {"a.yaml": cited}) == []
    assert rules_of(run(tmp_path, write, {"a.yaml": cited.replace("[src-0]", "(src-0)")})) == ["unused-source"]


def test_a_claim_written_twice_is_a_duplicate_claim(tmp_path: Path, write: Callable[..., Path]) -> None:
    claim = "  - {agreed: 1, disputed: 1, total: 2, source: src-1}\n"
    text = draft_text(id="d") + "claimed_counts:\n" + claim + claim + \
        "  - {agreed: 1, disputed: 1, total: 2, source: src-1, notes: Said again.}\n"
    diags = [d for d in run(tmp_path, write, {"d.yaml": text}) if d.rule == "duplicate-claim"]
    assert len(diags) == 1 and diags[0].severity == "warning"
    lines = text.splitlines()
    first = lines.index(claim.rstrip("\n")) + 1
    assert diags[0].line == first + 1 and f"the one at line {first} again" in diags[0].message


def test_a_mistyped_source_marker_is_found_but_bracketed_words_are_not(tmp_path: Path,
                                                                       write: Callable[..., Path]) -> None:
    text = draft_text(id="d").replace("title: ", "notes: 'He said [sic] that [peace] and [src-l] and [src-9].'\n"
                                      "title: ", 1)
    diags = [d for d in run(tmp_path, write, {"d.yaml": text}) if d.rule == "unknown-source-marker"]
    assert [d.message for d in diags] == ["[src-l] names no source of this draft; did you mean [src-1]?",
                                          "[src-9] names no source of this draft; did you mean [src-1]?"]
    row = next(i for i, line in enumerate(text.splitlines(), 1) if "[src-l]" in line)
    assert (diags[0].line, diags[0].col) == (row, text.splitlines()[row - 1].index("[src-l]") + 1)
