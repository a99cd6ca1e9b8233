"""One vocabulary: every status, change kind, part and date is said one way, by one module."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from draftdiff import vocab
from draftdiff.diff import result as r
from draftdiff.model import STATUS_ORDER

SRC = Path(vocab.__file__).resolve().parent


def test_precondition_symbols_never_reuse_an_article_status_symbol() -> None:
    """A met precondition is not an agreed article; a withdrawn demand is not a removed article."""
    articles = set(vocab.STATUS_SYMBOLS.values())
    preconditions = set(vocab.PRECONDITION_SYMBOLS.values())
    assert not articles & preconditions
    assert len(preconditions) == len(vocab.PRECONDITION_SYMBOLS)
    assert set(vocab.STATUS_SYMBOLS) == set(STATUS_ORDER)


def test_every_status_of_the_format_has_a_symbol() -> None:
    from typing import get_args

    from draftdiff.model import PreconditionStatus

    assert set(get_args(PreconditionStatus)) == set(vocab.PRECONDITION_SYMBOLS) == set(vocab.PRECONDITION_ORDER)


def test_every_change_kind_has_words_of_its_own() -> None:
    kinds = set(r.ARTICLE_KINDS) | set(r.PRECONDITION_KINDS)
    assert kinds <= set(vocab.CHANGE_LABELS), sorted(kinds - set(vocab.CHANGE_LABELS))
    assert vocab.change_label(r.TEXT_CHANGED) == "text changed"


@pytest.mark.parametrize(("part", "number", "label"), [
    ("article", 7, "Article 7"), ("article", "5 bis", "Article 5 bis"), ("article", None, "Unnumbered article"),
    ("preamble", None, "Preamble"), ("title", None, "Title"), ("annex", 1, "Annex 1")])
def test_parts_are_named(part: str, number: object, label: str) -> None:
    assert vocab.part_label(part, number) == label


@pytest.mark.parametrize(("value", "precision", "shown"), [
    ("2024-09-11", "day", "2024-09-11"), ("2024-06-01", "month", "2024-06"),
    ("2023-12-31", "approximate", "~2023-12-31"), (None, "day", "–")])
def test_dates_print_as_what_they_are(value: str | None, precision: str, shown: str) -> None:
    assert vocab.format_date(value, precision) == shown
    if value:
        assert vocab.date_json(value, precision) == {"value": value, "precision": precision, "text": shown}


@pytest.mark.parametrize(("typed", "day"), [
    ("2024-09-11", "2024-09-11"), ("2024-09", "2024-09-30"), ("Sep 2024", "2024-09-30"),
    ("september 2024", "2024-09-30"), ("11 Sept 2024", "2024-09-11"), ("2024", "2024-12-31"),
    ("2024-2", "2024-02-29"), ("~2024-09-11", "2024-09-11"), (" ~ 2023-12", "2023-12-31")])
def test_typed_dates(typed: str, day: str) -> None:
    assert vocab.parse_user_date(typed) == day


@pytest.mark.parametrize("typed", ["yesterday", "2024-13", "31 Feb 2024", "Sep", "15/09/2024", ""])
def test_what_is_not_a_date_says_so(typed: str) -> None:
    with pytest.raises(vocab.UnreadableDate, match="not a date"):
        vocab.parse_user_date(typed)


@pytest.mark.parametrize(("typed", "said"), [
    ("2024-06", "2024-06 names a month, not a day (write YYYY-MM-DD)"),
    ("June 2024", "June 2024 names a month, not a day (write YYYY-MM-DD)"),
    ("2024", "2024 names a year, not a day (write YYYY-MM-DD)"),
    ("2023-02-29", "2023-02-29 is not a real calendar date: February 2023 has 28 days"),
    ("2024-13-01", "2024-13-01 is not a real calendar date: there is no month 13"),
    ("2026-6-30", "2026-6-30 is not written YYYY-MM-DD (write 2026-06-30)"),
    ("2026-6-31", "2026-6-31 is not a real calendar date: June 2026 has 30 days"),
    ("~2026-06-20", "~2026-06-20 is written as approximate, but this date is exact: drop the ~, or name the day "
                    "as it is known in the notes"),
    ("11 Sep 2024", "11 Sep 2024 is not written YYYY-MM-DD (write 2024-09-11)"),
    ("soon", "soon is not a date (write YYYY-MM-DD)"),
    ("2024-06-01", "")])
def test_a_record_of_days_says_why_a_typed_date_is_not_one(typed: str, said: str) -> None:
    """A source's date is a day: "not a date" for 2024-06 left the analyst guessing what was wrong."""
    assert vocab.day_problem(typed) == said


def test_the_validator_and_the_faces_say_a_day_the_calendar_lacks_one_way() -> None:
    """new-version said "not a real calendar date (day is out of range for month)", add-claim "February 2026
    has 28 days": the reader's schema-date now words it as day_problem does (vocab.calendar_problem)."""
    from pydantic import ValidationError

    from draftdiff.model import ClaimedCount

    with pytest.raises(ValidationError) as caught:
        ClaimedCount.model_validate({"source": "s", "date": "2026-02-30", "agreed": 1})
    assert "is not a real calendar date: February 2026 has 28 days" in str(caught.value)
    assert vocab.day_problem("2026-02-30") == "2026-02-30 is not a real calendar date: February 2026 has 28 days"


@pytest.mark.parametrize(("typed", "precision", "read"), [
    ("2025-01", None, ("2025-01-01", "month")), ("2025-01", "month", ("2025-01-01", "month")),
    ("~2025-01-20", None, ("2025-01-20", "approximate")), ("2025-01-20", None, ("2025-01-20", "day")),
    ("2025-01-20", "approximate", ("2025-01-20", "approximate"))])
def test_a_version_date_is_read_in_the_forms_the_faces_print(typed: str, precision: str | None,
                                                               read: tuple[str, str]) -> None:
    assert vocab.typed_version_date(typed, precision) == read


@pytest.mark.parametrize(("typed", "precision"), [("2025-01", "day"), ("~2025-01-20", "month"),
                                                  ("2025-01", "approximate")])
def test_a_precision_the_typed_date_contradicts_is_refused(typed: str, precision: str) -> None:
    with pytest.raises(vocab.UnreadableDate, match="give one of the two"):
        vocab.typed_version_date(typed, precision)


def test_no_face_keeps_its_own_table_of_status_symbols() -> None:
    """Symbols live in vocab.py; a face that spelt them out again could drift from the others."""
    table = re.compile(r"""["'](agreed|met|open)["']\s*:\s*\(?\s*["'][✓◐✗⊘○●]""")
    offenders = [str(p.relative_to(SRC)) for p in SRC.rglob("*.py") if p.name != "vocab.py"
                 and table.search(p.read_text(encoding="utf-8"))]
    assert offenders == []


def test_counted_says_one_thing_and_many_things_in_words() -> None:
    from draftdiff.vocab import counted

    assert counted(1, "article") == "1 article"
    assert counted(0, "error") == "0 errors" and counted(2, "warning") == "2 warnings"
    assert counted(1, "article entry", "article entries") == "1 article entry"
    assert counted(21, "article entry", "article entries") == "21 article entries"
