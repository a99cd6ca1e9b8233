"""Snapshots of the bundled Armenia–Azerbaijan drafts at three dates, checked against the public facts only.

The facts: 13 of 17 articles agreed and 3 partially agreed by 11 September 2024 (Pashinyan), the last
one not agreed (he named none of them, so the drafts may leave some statuses unknown); 15 of 17 agreed by 18 December 2024 (Aliyev), the
open two being third-party forces and interstate claims; all 17 agreed when the text was finalised on
13 March 2025. Everything else in the drafts may be refined without breaking these tests.
"""

from __future__ import annotations

import pytest
from paths import ROOT

from draftdiff.cli import main
from draftdiff.render import render

DRAFTS = ROOT / "drafts"

pytestmark = pytest.mark.skipif(not any(DRAFTS.glob("*.yaml")), reason="drafts/ has no drafts yet")


@pytest.fixture(scope="module")
def bundled():
    from draftdiff.snapshot.inputs import load_checked

    return load_checked(DRAFTS)


def snapshot(bundled, as_of: str):
    from draftdiff.snapshot import build_snapshot

    return build_snapshot(bundled, as_of, git=False)


def test_mid_september_2024_thirteen_agreed_three_partial(bundled) -> None:
    """Pashinyan never named which articles were partial or open, so the drafts may record some as
    ``unknown``; the snapshot must then carry the public count 13/3/1 beside a board that fits it."""
    snap = snapshot(bundled, "2024-09-15")
    assert snap.status_draft.id == "2024-09-11-status"
    c = snap.counts
    assert c.total == 17
    assert c.agreed <= 13 and c.partial <= 3 and c.disputed <= 1
    assert (13 - c.agreed) + (3 - c.partial) + (1 - c.disputed) == c.unknown
    claim = next(cl for cl in snap.claims if (cl.agreed, cl.partial) == (13, 3))
    assert claim.consistent and claim.date <= "2024-09-15"
    assert all(d.date <= "2024-09-15" for d in snap.drafts) and all(d.date > "2024-09-15" for d in snap.later)
    assert {d.id for d in snap.later} >= {"2024-12-18-status", "2025-03-13-finalized"}


def test_december_2024_fifteen_of_seventeen(bundled) -> None:
    snap = snapshot(bundled, "2024-12-20")
    assert snap.status_draft.id == "2024-12-18-status"
    assert (snap.counts.total, snap.counts.agreed) == (17, 15)
    open_ = {a.id for a in snap.articles if a.part == "article" and a.status not in ("agreed", "removed")}
    assert open_ == {"third-party-forces", "interstate-claims"}
    assert all(snap.article(i).status == "disputed" for i in open_)


def test_march_2025_all_seventeen_agreed(bundled) -> None:
    snap = snapshot(bundled, "2025-03-14")
    assert snap.status_draft.id == "2025-03-13-finalized"
    assert (snap.counts.total, snap.counts.agreed) == (17, 17)


@pytest.mark.parametrize("as_of", ["2024-09-15", "2024-12-20", "2025-03-14"])
def test_bundled_snapshots_are_reproducible_and_verify(bundled, as_of, tmp_path, capsys) -> None:
    snap = snapshot(bundled, as_of)
    for fmt in ("md", "json", "html", "csv", "bibtex", "csl", "cff"):
        assert render("snapshot", fmt, snap) == render("snapshot", fmt, snapshot(bundled, as_of))
    out = tmp_path / "s.md"
    assert main(["snapshot", "--drafts", str(DRAFTS), "--as-of", as_of, "-o", str(out)]) == 0
    assert main(["snapshot", "verify", str(out), "--drafts", str(DRAFTS)]) == 0
    assert "verified" in capsys.readouterr().out


def test_before_the_first_bundled_draft(capsys) -> None:
    assert main(["snapshot", "--drafts", str(DRAFTS), "--as-of", "1990-01-01"]) == 2
    assert "the first draft" in capsys.readouterr().err


def test_a_version_known_only_by_date_does_not_blank_the_board(bundled) -> None:
    # 2024-02-azerbaijan-reply records no article statuses: the board stays that of 4 January 2024,
    # and the February reply is listed as known only by its date.
    snap = snapshot(bundled, "2024-03-01")
    assert snap.status_draft.id == "2024-01-04-armenia-response"
    assert snap.status_draft.coverage == "partial"
    roles = {d.id: d.role for d in snap.drafts}
    assert roles["2024-02-azerbaijan-reply"] == "no-statuses"
    assert snap.articles
    from draftdiff.render import render

    text = render("snapshot", "text", snap, color=False)
    assert "known only by date" in text and "on record only in part" in text


@pytest.mark.parametrize("fmt", ["json", "md", "text"])
def test_a_version_known_only_by_date_chosen_by_id_is_the_snapshot_as_of_its_date(bundled, fmt: str) -> None:
    """``--draft`` of it (as the TUI exports the selected version) once wrote "Status of the 0 articles";
    the board shows the statuses in force then, and so must every record of it, byte for byte."""
    from draftdiff.snapshot import build_snapshot

    named = bundled.get("2024-02-azerbaijan-reply")
    assert named is not None and not named.records_articles
    by_id = build_snapshot(bundled, draft_id=named.id, git=False)
    by_date = build_snapshot(bundled, named.date, git=False)
    assert by_id.status_draft.id == bundled.statuses_for(named).id == "2024-01-04-armenia-response"
    assert by_id.articles
    assert render("snapshot", fmt, by_id) == render("snapshot", fmt, by_date)


def test_a_version_known_only_by_date_with_a_date_that_moves_past_it_is_refused(bundled) -> None:
    from draftdiff.snapshot import SnapshotError, build_snapshot

    with pytest.raises(SnapshotError, match="records no article statuses"):
        build_snapshot(bundled, "2024-04-10", "2024-02-azerbaijan-reply", git=False)
    with pytest.raises(SnapshotError, match="after the as-of date"):
        build_snapshot(bundled, "2024-01-10", "2024-02-azerbaijan-reply", git=False)
    assert build_snapshot(bundled, "2024-03-01", "2024-02-azerbaijan-reply", git=False).articles


def test_a_share_of_the_text_is_shown_as_said_and_not_compared(bundled) -> None:
    snap = snapshot(bundled, "2024-09-15")
    (aliyev,) = [c for c in snap.claims if c.source == "hurriyet-200299"]
    assert aliyev.said() == "about 80% of the text agreed"
    assert not aliyev.comparable and "not comparable" in aliyev.verdict()
