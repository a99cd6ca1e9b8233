"""Building snapshots: as-of semantics, the digest, and byte-identical output in every format."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from snapshot_fixtures import draft_yaml, write_collection

from draftdiff.collection import load_draft_set
from draftdiff.render import formats, render
from draftdiff.snapshot import SnapshotError, build_snapshot
from draftdiff.snapshot.model import snapshot_from_dict, snapshot_to_dict


@pytest.fixture
def drafts(tmp_path: Path) -> Path:
    return write_collection(tmp_path)


def snap_of(folder: Path, *args, **kwargs):
    return build_snapshot(load_draft_set([folder]), *args, git=False, **kwargs)


def test_status_as_of_a_date_is_the_latest_version_dated_on_or_before_it(drafts: Path) -> None:
    snap = snap_of(drafts, "2024-09-15")
    assert snap.as_of == "2024-09-15"
    assert snap.status_draft.id == "2024-09-11-status"
    assert {a.id: a.status for a in snap.articles} == {
        "recognition": "agreed", "borders": "agreed", "forces": "partial", "claims": "disputed"}
    assert [(d.id, d.role) for d in snap.drafts] == [("2024-01-04-proposal", "earlier"),
                                                    ("2024-09-11-status", "status")]
    assert [d.id for d in snap.later] == ["2024-12-18-status"]
    # every draft taken into account is identified by its bytes
    for ref in snap.drafts:
        assert len(ref.blob_id) == 40 and len(ref.sha256) == 64 and ref.file.endswith(".yaml")
        assert ref.swhid == f"swh:1:cnt:{ref.blob_id}"


def test_on_the_day_of_a_draft_that_draft_counts(drafts: Path) -> None:
    assert snap_of(drafts, "2024-12-18").status_draft.id == "2024-12-18-status"
    assert snap_of(drafts, "2024-12-17").status_draft.id == "2024-09-11-status"


def test_no_date_means_the_latest_version_with_its_date_stated(drafts: Path) -> None:
    snap = snap_of(drafts)
    assert (snap.as_of, snap.status_draft.id, snap.later) == ("2024-12-18", "2024-12-18-status", ())


def test_a_version_chosen_by_id(drafts: Path) -> None:
    snap = snap_of(drafts, draft_id="2024-01-04-proposal")
    assert (snap.as_of, snap.status_draft.id, snap.draft_id) == ("2024-01-04", "2024-01-04-proposal",
                                                                 "2024-01-04-proposal")
    same = snap_of(drafts, "2024-01-04", draft_id="2024-01-04-proposal")
    assert same.status_draft.id == "2024-01-04-proposal"


def test_a_version_chosen_by_id_is_never_passed_off_as_the_one_in_force(drafts: Path) -> None:
    """'As of 1 October' from the January text would state January's statuses for October."""
    with pytest.raises(SnapshotError, match="not the version in force on 2024-10-01: that is 2024-09-11-status"):
        snap_of(drafts, "2024-10-01", draft_id="2024-01-04-proposal")


@pytest.mark.parametrize(("as_of", "draft_id", "message"), [
    ("2023-12-31", None, "the first draft, 2024-01-04-proposal, is dated 2024-01-04"),
    ("2024-02-30", None, "not a date: February 2024 has 29 days"),
    ("15/09/2024", None, "'15/09/2024' is not a date"),
    ("yesterday", None, "'yesterday' is not a date"),
    (None, "2024-09-11-statu", "did you mean 2024-09-11-status?"),
    ("2024-01-01", "2024-09-11-status", "dated 2024-09-11, after the as-of date 2024-01-01"),
])
def test_bad_selection_says_what_is_wrong(drafts: Path, as_of, draft_id, message) -> None:
    with pytest.raises(SnapshotError, match=message.replace("?", r"\?")):
        snap_of(drafts, as_of, draft_id)


@pytest.mark.parametrize(("typed", "as_of"), [("2024-09", "2024-09-30"), ("Sep 2024", "2024-09-30"),
                                             ("2024-9-15", "2024-09-15"), ("11 September 2024", "2024-09-11")])
def test_as_of_accepts_the_forms_a_person_types(drafts: Path, typed: str, as_of: str) -> None:
    assert snap_of(drafts, typed).as_of == as_of


def test_counts_and_caveat_numbers(drafts: Path) -> None:
    from draftdiff.snapshot.cite import caveat

    snap = snap_of(drafts, "2024-09-15")
    c = snap.counts
    assert (c.agreed, c.partial, c.disputed, c.unknown, c.total, c.inferred) == (2, 1, 1, 0, 4, 1)
    text = caveat(snap)
    assert "not an authentic or official text" in text and "1 of 4 statuses are inferred" in text
    assert "0 are unknown" in text
    early = snap_of(drafts, "2024-01-04")
    assert early.counts.unknown == 1 and early.counts.unstated == 1 and "1 is unknown" in caveat(early)


def test_claims_near_the_date_with_their_sources_and_whether_they_fit(drafts: Path) -> None:
    snap = snap_of(drafts, "2024-09-15")
    [claim] = snap.claims
    assert (claim.date, claim.source, claim.agreed, claim.partial, claim.disputed, claim.consistent) == (
        "2024-09-11", "src-b", 2, 1, 1, True)
    assert snap.source("src-b").publisher == "Daily Example"
    # a claim made after the status date is not "as of" it; one long before falls out of the window
    assert snap_of(drafts, "2024-09-10").claims == ()
    assert snap_of(drafts, "2025-06-01").claims == ()
    assert len(snap_of(drafts, "2025-06-01", claims_window_days=300).claims) == 2
    # in December the September claim (100 days back) is out of the 92-day window; the December one fits
    assert [(c.date, c.agreed, c.consistent) for c in snap_of(drafts, "2024-12-20").claims] == [
        ("2024-12-18", 3, True)]
    # a claim is judged against the version that records it, not the board shown: September's
    # 2 agreed was true of September's text, though December's has 3
    wide = snap_of(drafts, "2024-12-20", claims_window_days=120).claims
    assert [(c.date, c.consistent, c.judged_against, c.fit) for c in wide] == [
        ("2024-09-11", True, "2024-09-11-status", "fits"), ("2024-12-18", True, "2024-12-18-status", "fits")]


def test_claim_that_does_not_fit_the_board_is_flagged(tmp_path: Path) -> None:
    folder = tmp_path / "d"
    folder.mkdir()
    (folder / "x.yaml").write_text(draft_yaml("x", "2024-05-01", {"a": "agreed", "b": "unknown"},
                                              claim="agreed: 2"), encoding="utf-8")
    assert snap_of(folder).claims[0].consistent is True  # the unknown can absorb one
    (folder / "x.yaml").write_text(draft_yaml("x", "2024-05-01", {"a": "agreed", "b": "disputed"},
                                              claim="agreed: 2"), encoding="utf-8")
    assert snap_of(folder).claims[0].consistent is False


def test_preconditions_with_status(drafts: Path) -> None:
    [pre] = snap_of(drafts, "2024-09-15").preconditions
    assert (pre.id, pre.party, pre.status, pre.sources) == ("constitution", "south", "open", ("src-a",))


@pytest.mark.parametrize("fmt", ["md", "json", "csv", "html", "bibtex", "csl", "cff", "text"])
def test_same_drafts_and_arguments_give_byte_identical_output(drafts: Path, fmt: str) -> None:
    first = render("snapshot", fmt, snap_of(drafts, "2024-09-15"))
    second = render("snapshot", fmt, snap_of(drafts, "2024-09-15"))
    assert first == second and first.encode("utf-8") == second.encode("utf-8")
    assert snap_of(drafts, "2024-09-15").digest in first


def test_every_format_is_registered() -> None:
    assert set(formats("snapshot")) >= {"md", "json", "csv", "html", "bibtex", "csl", "cff", "text"}


def test_digest_leaves_out_place_generation_time_and_later_versions(drafts: Path, tmp_path: Path) -> None:
    base = snap_of(drafts, "2024-09-15")
    assert base.digest.startswith("sha256:") and len(base.digest) == 7 + 64
    assert snap_of(drafts, "2024-09-15", generated_at="2031-01-01T00:00:00Z").digest == base.digest
    moved = shutil.copytree(drafts, tmp_path / "elsewhere" / "drafts")
    assert snap_of(moved, "2024-09-15").digest == base.digest
    (moved / "d-2025.yaml").write_text(draft_yaml("2025-01-01-status", "2025-01-01", {"recognition": "agreed"}),
                                       encoding="utf-8")
    assert snap_of(moved, "2024-09-15").digest == base.digest


def test_digest_covers_statuses_and_the_bytes_of_the_drafts_used(drafts: Path) -> None:
    base = snap_of(drafts, "2024-09-15").digest
    path = drafts / "b-2024-09-11.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "# a comment\n", encoding="utf-8")
    after_comment = snap_of(drafts, "2024-09-15").digest
    assert after_comment != base
    path.write_text(path.read_text(encoding="utf-8").replace("status: partial", "status: agreed"), encoding="utf-8")
    assert snap_of(drafts, "2024-09-15").digest not in (base, after_comment)


def test_json_form_round_trips(drafts: Path) -> None:
    snap = snap_of(drafts, "2024-09-15", generated_at="2025-01-01T00:00:00Z", authors=("Doe, Jane",))
    assert snapshot_from_dict(snapshot_to_dict(snap)) == snap


def test_preamble_and_removed_articles_are_shown_but_not_counted(tmp_path: Path) -> None:
    folder = tmp_path / "d"
    folder.mkdir()
    text = draft_yaml("x", "2024-05-01", {"a": "agreed", "b": "removed", "c": "inferred-later"})
    text = text.replace("status: inferred-later", "status: agreed")
    text = text.replace("  - id: c\n    number: 3\n", "  - id: c\n    part: preamble\n")
    (folder / "x.yaml").write_text(text, encoding="utf-8")
    snap = snap_of(folder)
    assert [(a.id, a.part, a.status) for a in snap.articles] == [
        ("a", "article", "agreed"), ("b", "article", "removed"), ("c", "preamble", "agreed")]
    c = snap.counts
    assert (c.total, c.agreed, c.removed) == (1, 1, 1)
    assert render("snapshot", "md", snap).startswith("# Status of the 1 article of the test peace draft")
    assert "| Preamble | `c` |" in render("snapshot", "md", snap)
