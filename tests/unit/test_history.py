"""History across versions: a version whose article list is not on record is silence, not a change."""

from __future__ import annotations

from draft_support import draft_text

from draftdiff.collection import DraftSet
from draftdiff.history import UNRECORDED, article_history, count_series, status_matrix
from draftdiff.load import read_draft


def _set(*texts: str) -> DraftSet:
    loaded = [read_draft(t.encode(), f"d{i}.yaml") for i, t in enumerate(texts)]
    assert all(item.ok for item in loaded), [item.diagnostics for item in loaded]
    return DraftSet(loaded)


def test_a_version_known_only_by_date_is_not_a_change() -> None:
    first = draft_text("a", "2024-01-01")
    silent = draft_text("b", "2024-02-01", based_on="a")
    silent = silent[:silent.index("articles:")] + "article_coverage: none\n"
    third = draft_text("c", "2024-03-01", based_on="b")
    drafts = _set(first, silent, third)
    steps = article_history(drafts, "recognition")
    assert [s.status for s in steps] == ["agreed", UNRECORDED, "agreed"]
    assert [s.changed for s in steps] == [True, False, False]
    (row,) = [r for r in status_matrix(drafts).rows if r.article_id == "recognition"]
    assert row.statuses == ("agreed", UNRECORDED, "agreed")
    assert [p.recorded for p in count_series(drafts)] == [True, False, True]


def test_absence_from_a_complete_text_is_a_change() -> None:
    first = draft_text("a", "2024-01-01")
    without = draft_text("b", "2024-02-01", based_on="a")
    without = without[:without.index("  - id: recognition")] + without[without.index("  - id: third-party"):]
    without = without.replace("number: 2", "number: 1")
    steps = article_history(_set(first, without), "recognition")
    assert [s.status for s in steps] == ["agreed", None]
    assert [s.changed for s in steps] == [True, True]
