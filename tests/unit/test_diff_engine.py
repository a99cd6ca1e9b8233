"""Every change kind the engine names, on small hand-made drafts."""

from __future__ import annotations

import pytest
from diff_support import TEXTS, art, draft, marked

from draftdiff.diff import DiffOptions, diff_drafts
from draftdiff.diff.result import list_redline, new_text_of, old_text_of


def base() -> list[dict]:
    return [art(k, n, TEXTS[k]) for n, k in enumerate(TEXTS, 1)]


def by_id(result, article_id):
    return next(a for a in result.articles if a.id == article_id)


def test_identical_drafts_have_no_differences():
    result = diff_drafts(draft(base()), draft(base()))
    assert not result.has_differences
    assert all(not a.kinds for a in result.articles)
    assert result.stats.similarity == 1.0


def test_added_and_removed_articles():
    old = base()
    new = [a for a in base() if a["id"] != "claims"]
    new.insert(2, art("missing-persons", 3, "The Parties shall exchange information on missing persons."))
    result = diff_drafts(draft(old), draft(new))
    assert by_id(result, "claims").kinds == ["removed"]
    assert by_id(result, "missing-persons").kinds == ["added"]
    assert marked(by_id(result, "missing-persons").redline).startswith("{+The Parties shall exchange")


def test_removed_article_is_listed_where_it_stood():
    new = [a for a in base() if a["id"] != "claims"]
    ids = [a.id for a in diff_drafts(draft(base()), draft(new)).articles]
    assert ids.index("claims") == ids.index("communications") + 1


def test_renumbered_article_is_renumbered_not_removed_and_added():
    new = base()
    new.insert(0, art("preamble", 1, "The Parties, desiring peace, have agreed as follows."))
    for n, a in enumerate(new, 1):
        a["number"] = n
    result = diff_drafts(draft(base()), draft(new))
    forces = by_id(result, "forces")
    assert forces.kinds == ["renumbered"]
    assert (forces.old_number, forces.new_number) == (2, 3)
    assert not any("removed" in a.kinds for a in result.articles)
    assert [a.id for a in result.articles if "added" in a.kinds] == ["preamble"]


def test_renumbered_article_with_a_new_id_is_matched_by_its_wording():
    new = base()
    new[1] = dict(new[1], id="non-deployment", number=7)
    result = diff_drafts(draft(base()), draft(new))
    change = by_id(result, "non-deployment")
    assert change.old_id == "forces"
    assert change.match == "similarity"
    assert "renumbered" in change.kinds and "id-changed" in change.kinds
    assert "added" not in change.kinds


def test_moved_article_is_moved():
    new = base()
    moved = new.pop(1)
    new.insert(4, moved)
    for n, a in enumerate(new, 1):
        a["number"] = n
    result = diff_drafts(draft(base()), draft(new))
    assert "moved" in by_id(result, "forces").kinds
    assert [a.id for a in result.articles if "moved" in a.kinds] == ["forces"]
    assert not any(k in a.kinds for a in result.articles for k in ("added", "removed"))


def test_split_article_names_every_part_and_rebuilds_both_texts():
    new = base()
    first, second = TEXTS["forces"].split(". ", 1)
    new[1] = art("forces", 2, first + ".")
    new.insert(2, art("withdrawal", 3, second))
    result = diff_drafts(draft(base()), draft(new))
    parts = [a for a in result.articles if "split" in a.kinds]
    assert [p.new_id for p in parts] == ["forces", "withdrawal"]
    assert all(p.old_id == "forces" and p.related == ["forces", "withdrawal"] for p in parts)
    assert "".join(old_text_of(p.redline) for p in parts) == TEXTS["forces"]
    assert [new_text_of(p.redline) for p in parts] == [first + ".", second]
    assert not any("added" in a.kinds for a in result.articles)


def test_merged_articles_name_every_part():
    new = [a for a in base() if a["id"] != "claims"]
    new[2] = art("communications", 3, TEXTS["communications"] + " " + TEXTS["claims"])
    result = diff_drafts(draft(base()), draft(new))
    parts = [a for a in result.articles if "merged" in a.kinds]
    assert sorted(p.old_id for p in parts) == ["claims", "communications"]
    assert all(p.new_id == "communications" for p in parts)
    assert "".join(new_text_of(p.redline) for p in parts) == new[2]["text"]
    assert not any("removed" in a.kinds for a in result.articles)


def test_text_change_is_a_word_redline_without_cut_numbers():
    old = base()
    old[5] = art("final", 6, "This Agreement enters into force on the 15th day after Article 15 is met.")
    new = base()
    new[5] = art("final", 6, "This Agreement enters into force on the 16th day after Article 16 is met.")
    change = by_id(diff_drafts(draft(old), draft(new)), "final")
    assert change.kinds == ["text-changed"]
    assert "[-15th-]{+16th+}" in marked(change.redline)
    assert "Article [-15-]{+16+} is met" in marked(change.redline)
    assert change.stats.words_inserted == 2 and change.stats.words_deleted == 2


def test_status_title_basis_sources_and_notes_changes():
    new = base()
    new[1] = dict(new[1], status="disputed", title="Non-deployment of third-party forces", sources=["s1"],
                  status_basis="reported", notes="Reported by both sides")
    new[1]["text_basis"] = "summary"
    change = by_id(diff_drafts(draft(base()), draft(new)), "forces")
    assert change.kinds == ["title-changed", "status-changed", "basis-changed", "sources-changed", "notes-changed"]
    assert (change.old_status, change.new_status) == ("agreed", "disputed")
    assert change.sources_added == ["s1"]
    assert {f.field for f in change.fields} >= {"title", "status", "text_basis", "status_basis", "notes"}


def test_an_entry_keeps_the_whole_lists_it_cites_not_only_what_differs():
    old, new = base(), base()
    old[1] = dict(old[1], sources=["s1", "s2", "s3"])
    new[1] = dict(new[1], sources=["s1", "s3", "s4"])
    change = by_id(diff_drafts(draft(old), draft(new)), "forces")
    assert (change.sources_added, change.sources_removed) == (["s4"], ["s2"])
    assert (change.old_sources, change.new_sources) == (["s1", "s2", "s3"], ["s1", "s3", "s4"])
    assert marked(list_redline(change.old_sources, change.new_sources)) == "s1[-, -][-s2-], s3{+, +}{+s4+}"
    only = by_id(diff_drafts(draft(old), draft(base())), "forces")  # every id dropped
    assert (only.old_sources, only.new_sources) == (["s1", "s2", "s3"], [])


@pytest.mark.parametrize("seed", range(200))
def test_a_list_redline_rebuilds_both_lists_and_keeps_the_ids_both_cite(seed):
    import random

    rng = random.Random(seed)
    pool = [f"s{k}" for k in range(8)]
    old, new = rng.sample(pool, rng.randint(0, 6)), rng.sample(pool, rng.randint(0, 6))
    segments = list_redline(old, new)
    assert old_text_of(segments) == ", ".join(old) and new_text_of(segments) == ", ".join(new)
    kept = [s.text for s in segments if s.op == "equal" and s.text != ", "]
    assert set(kept) <= set(old) & set(new)
    if [s for s in old if s in new] == [s for s in new if s in old]:  # same order: every kept id is plain
        assert set(kept) == set(old) & set(new)


def test_status_change_disputed_to_agreed():
    old = base()
    old[3] = dict(old[3], status="disputed")
    change = by_id(diff_drafts(draft(old), draft(base())), "claims")
    assert change.kinds == ["status-changed"]
    assert (change.old_status, change.new_status) == ("disputed", "agreed")


def test_position_of_a_party_added_changed_and_dropped():
    old = base()
    old[1] = dict(old[1], positions={"armenia": {"text": "Wants EU monitors to stay", "basis": "summary"},
                                     "azerbaijan": {"text": "Wants no third-party forces", "basis": "summary"}})
    new = base()
    new[1] = dict(new[1], positions={"armenia": {"text": "Accepts that EU monitors leave", "basis": "summary",
                                                 "sources": ["s2"]},
                                     "usa": {"text": "Supports the compromise", "basis": "reported"
                                             if False else "summary"}})
    change = by_id(diff_drafts(draft(old), draft(new, parties=["armenia", "azerbaijan", "usa"])), "forces")
    assert change.kinds == ["position-changed", "sources-changed"]  # armenia's position cites s2 now
    kinds = {p.party: p.change for p in change.positions}
    assert kinds == {"armenia": "changed", "azerbaijan": "removed", "usa": "added"}
    armenia = next(p for p in change.positions if p.party == "armenia")
    assert armenia.sources_added == ["s2"]
    assert new_text_of(armenia.redline) == "Accepts that EU monitors leave"


def test_preconditions_added_withdrawn_status_changed_and_dropped():
    def pre(id, status, demand="Armenia amends its constitution."):
        return {"id": id, "party": "azerbaijan", "kind": "precondition", "demand": demand, "status": status}

    old = draft(base(), preconditions=[pre("constitution", "open"), pre("osce-group", "open"),
                                       pre("old-demand", "open")])
    new = draft(base(), preconditions=[pre("constitution", "withdrawn"), pre("osce-group", "met"),
                                       pre("new-demand", "open", "A new demand.")])
    result = diff_drafts(old, new)
    kinds = {p.id: p.kinds for p in result.preconditions}
    assert kinds == {"constitution": ["withdrawn"], "osce-group": ["status-changed"], "new-demand": ["added"],
                     "old-demand": ["removed"]}
    assert result.has_differences


def test_agreement_level_changes_stage_and_counts():
    new = base()
    new[0] = dict(new[0], status="disputed")
    result = diff_drafts(draft(base()), draft(new, stage="finalized", id="d-new"))
    fields = {f.field: (f.old, f.new) for f in result.agreement}
    assert fields["stage"] == ("negotiating", "finalized")
    assert fields["articles agreed"] == ("6", "5")
    assert fields["articles disputed"] == ("0", "1")


def test_parties_named_in_opposite_order_is_seen_as_alternat():
    old = base()
    old[0] = art("recognition", 1, "The Republic of Armenia and the Republic of Azerbaijan (the Parties) agree.")
    new = base()
    new[0] = art("recognition", 1, "The Republic of Azerbaijan and the Republic of Armenia (the Parties) agree.")
    result = diff_drafts(draft(old), draft(new))
    change = by_id(result, "recognition")
    assert change.kinds == ["party-order"]
    assert marked(change.redline) == ("The Republic of [-Armenia-]{+Azerbaijan+} and the Republic of "
                                      "[-Azerbaijan-]{+Armenia+} (the Parties) agree.")
    assert any("alternat" in note for note in result.notes)
    from draftdiff.diff.engine import PARTY_ORDER_HIDDEN_BY  # the phrase the command line names its flag in

    assert any(PARTY_ORDER_HIDDEN_BY in note and "--" not in note for note in result.notes)
    quiet = diff_drafts(draft(old), draft(new), DiffOptions(ignore_party_order=True))
    assert not quiet.has_differences


def test_ignore_options_keep_both_texts():
    old = base()
    old[0] = art("recognition", 1, "The Parties  recognise, each other.")
    new = base()
    new[0] = art("recognition", 1, "the parties recognise each other")
    assert diff_drafts(draft(old), draft(new)).has_differences
    options = DiffOptions(ignore_case=True, ignore_space=True, ignore_punctuation=True)
    result = diff_drafts(draft(old), draft(new), options)
    change = by_id(result, "recognition")
    assert not change.kinds
    assert old_text_of(change.redline) == old[0]["text"]
    assert new_text_of(change.redline) == new[0]["text"]


def test_different_agreements_are_compared_with_a_note():
    result = diff_drafts(draft(base()), draft(base(), agreement="another-treaty"))
    assert any("different agreements" in n for n in result.notes)
    assert result.has_differences  # the agreement field itself differs


@pytest.mark.parametrize("engine", ["accelerated", "pure-python"])
def test_deadline_hit_is_reported_and_never_shown_as_delete_all_insert_all(engine, monkeypatch):
    if engine == "pure-python":
        monkeypatch.setattr("draftdiff.diff.redline._FAST_DIFF", False)
    words = [f"w{k}" for k in range(3000)]
    old_text = " ".join(words)
    new_words = list(words)
    for k in range(0, 3000, 7):
        new_words[k] = f"x{k}"
    old = base()
    old[0] = art("recognition", 1, old_text)
    new = base()
    new[0] = art("recognition", 1, " ".join(new_words))
    result = diff_drafts(draft(old), draft(new), DiffOptions(timeout=1e-9))
    change = by_id(result, "recognition")
    assert change.stats.deadline_hits >= 1
    assert any("ran out of time" in n for n in result.notes)
    assert old_text_of(change.redline) == old_text and new_text_of(change.redline) == " ".join(new_words)
    equal_words = sum(len(s.text.split()) for s in change.redline if s.op == "equal")
    assert equal_words > 2000  # the fallback still finds what stayed, not "delete all, insert all"


def test_absence_from_a_partial_record_is_not_removal() -> None:
    from diff_support import TEXTS, art, draft

    from draftdiff.diff import diff_drafts

    old = draft([art("recognition", 1, TEXTS["recognition"]), art("forces", 2, TEXTS["forces"])])
    known_only_in_part = draft([art("recognition", 1, TEXTS["recognition"])], id="d-new", date="2024-02-01",
                               article_coverage="partial")
    diff = diff_drafts(old, known_only_in_part)
    (entry,) = [a for a in diff.articles if a.old_id == "forces"]
    assert entry.kinds == [] and entry.not_on_record == "new"
    assert diff.changed_articles == [] and diff.unrecorded_articles == [entry]
    complete = draft([art("recognition", 1, TEXTS["recognition"])], id="d-new", date="2024-02-01")
    (entry,) = [a for a in diff_drafts(old, complete).articles if a.old_id == "forces"]
    assert entry.kinds == ["removed"] and entry.not_on_record is None


def test_an_already_removed_article_leaving_the_list_is_no_change() -> None:
    from diff_support import TEXTS, art, draft

    from draftdiff.diff import diff_drafts

    removed = {"id": "communications", "number": None, "title": "Communications", "status": "removed"}
    old = draft([art("recognition", 1, TEXTS["recognition"]), removed])
    new = draft([art("recognition", 1, TEXTS["recognition"])], id="d-new", date="2024-02-01")
    assert diff_drafts(old, new).changed_articles == []
