"""The core views the TUI (and the CLI) read: status history, last change, matrix, counts, dates, search."""

from __future__ import annotations

from tui_support import FIXTURES

from draftdiff.collection import load_draft_set
from draftdiff.history import (
    article_history,
    count_series,
    last_changed,
    neighbour,
    parse_when,
    status_matrix,
    version_at,
)
from draftdiff.search import article_matches, parties_of


def test_article_history_marks_each_status_change() -> None:
    steps = article_history(load_draft_set([FIXTURES]), "borders")
    assert [s.status for s in steps] == ["disputed", "partial", "agreed", "agreed"]
    assert [s.changed for s in steps] == [True, True, True, False]


def test_article_absent_in_early_versions() -> None:
    steps = article_history(load_draft_set([FIXTURES]), "interstate-claims")
    assert [s.status for s in steps] == [None, None, "partial", "agreed"]
    assert [s.changed for s in steps] == [False, False, True, True]


def test_last_changed_is_the_version_that_set_the_current_status() -> None:
    ds = load_draft_set([FIXTURES])
    assert last_changed(ds, "2025-03-finalized", "recognition").id == "2024-01-beta-response"
    assert last_changed(ds, "2025-03-finalized", "third-party-forces").id == "2025-03-finalized"
    assert last_changed(ds, "2024-01-beta-response", "interstate-claims") is None


def test_matrix_rows_in_newest_numbering_with_gaps_for_absent_articles() -> None:
    matrix = status_matrix(load_draft_set([FIXTURES]))
    assert matrix.dates == ("2023-12-20", "2024-01-04", "2024-09-11", "2025-03-13")
    assert [r.article_id for r in matrix.rows][-1] == "interstate-claims"
    assert matrix.rows[-1].statuses == (None, None, "partial", "agreed")


def test_count_series_gives_the_agreed_count_over_time() -> None:
    series = count_series(load_draft_set([FIXTURES]))
    assert [(p.date, p.agreed, p.total) for p in series] == [
        ("2023-12-20", 0, 4), ("2024-01-04", 1, 4), ("2024-09-11", 3, 5), ("2025-03-13", 5, 5)]


def test_dates_as_people_type_them() -> None:
    assert parse_when("2024-09-11") == "2024-09-11"
    assert parse_when("2024-09") == parse_when("Sep 2024") == parse_when("september 2024") == "2024-09-30"
    assert parse_when("11 Sept 2024") == "2024-09-11"
    assert parse_when("2024") == "2024-12-31"
    assert parse_when("2024-02-30") is None and parse_when("soon") is None and parse_when("2024-13") is None


def test_version_at_and_neighbour() -> None:
    ds = load_draft_set([FIXTURES])
    assert version_at(ds, "Sep 2024").id == "2024-09-status"
    assert version_at(ds, "January 2024").id == "2024-01-beta-response"
    assert version_at(ds, "2023-01") is None
    assert neighbour(ds, "2024-09-status", -1).id == "2024-01-beta-response"
    assert neighbour(ds, "2025-03-finalized", 1).id == "2025-03-finalized"  # clamped


def test_search_and_filters() -> None:
    ds = load_draft_set([FIXTURES])
    draft = ds.get("2024-01-beta-response")
    ids = lambda **kw: [a.id for a in draft.articles if article_matches(a, **kw)]  # noqa: E731
    assert ids(query="RAILWAYS") == ["communications"]
    assert ids(query="undelimited") == ["third-party-forces"]  # a party's position
    assert ids(query="4") == ["communications"]  # the article number
    assert ids(status="partial") == ["borders", "communications"]
    assert ids(party="beta") == ["third-party-forces"]
    assert parties_of(ds) == ["alpha", "beta"]
