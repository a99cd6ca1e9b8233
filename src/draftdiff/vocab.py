"""The one vocabulary every face speaks: status words and symbols, change kinds, parts, dates, counts.

The terminal, the TUI, every renderer and the site read their words from here, so
that a status, a change or a date is never said two ways. Nothing here knows how
it will be shown (no colour codes for a particular face, no markup).
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Mapping

from draftdiff.model import STATUS_ORDER

__all__ = [
    "NO_BASIS", "PRECONDITION_ORDER", "PRECONDITION_SYMBOLS", "STATUS_COLORS", "STATUS_ORDER", "STATUS_SYMBOLS",
    "UnreadableDate", "basis_label", "counted", "change_label", "count_phrase", "date_json", "format_date",
    "part_label", "part_short", "part_phrase", "precondition_label", "status_label", "parse_user_date",
    "status_legend", "precondition_legend", "typed_version_date", "calendar_problem", "day_problem",
]

# --- article statuses ----------------------------------------------------------------------------------------

STATUS_SYMBOLS: dict[str, str] = {"agreed": "✓", "partial": "◐", "disputed": "✗", "removed": "⊘", "unknown": "?"}
"""One symbol per article status: the symbol alone must say it (NO_COLOR, colour-blind readers, print)."""

STATUS_COLORS: dict[str, str] = {"agreed": "#2e9e44", "partial": "#c98a00", "disputed": "#d63a3a",
                                 "removed": "#8a8a8a", "unknown": "#6f6fd6"}
"""A colour per status for faces that have colour; never the only signal."""


def status_label(status: str) -> str:
    """``✓ agreed``: symbol and word."""
    return f"{STATUS_SYMBOLS.get(status, '·')} {status}"


def status_legend() -> str:
    return "   ".join(status_label(s) for s in STATUS_ORDER)


# --- precondition statuses -----------------------------------------------------------------------------------

PRECONDITION_ORDER: tuple[str, ...] = ("open", "met", "in-agreement", "transformed", "withdrawn", "rejected",
                                       "unknown")

PRECONDITION_SYMBOLS: dict[str, str] = {
    "open": "○", "met": "●", "in-agreement": "≡", "transformed": "↻", "withdrawn": "↶", "rejected": "⊗",
    "unknown": "⋯",
}
"""Symbols of a precondition's status, none shared with an article status: a met precondition is not an
agreed article, and a withdrawn demand is not a removed article."""

PRECONDITION_MEANINGS: dict[str, str] = {
    "open": "still demanded", "met": "fulfilled", "in-agreement": "taken into the agreement's text",
    "transformed": "became another demand", "withdrawn": "dropped by the party that set it",
    "rejected": "refused by the other side", "unknown": "not on record",
}


NO_BASIS = "unstated"
"""What every face writes for a status whose draft gives no basis (no ``status_basis``): the board, a
snapshot's rows and counts, a precondition's record, and the Basis picker for a record that has none."""


def basis_label(basis: str | None) -> str:
    """``reported``, ``inferred``, or ``unstated``: the one word for a status's basis, or its absence."""
    return basis or NO_BASIS


def precondition_label(status: str) -> str:
    """``○ open``: symbol and word, distinct from any article status."""
    return f"{PRECONDITION_SYMBOLS.get(status, '·')} {status}"


def precondition_legend() -> str:
    return "   ".join(precondition_label(s) for s in PRECONDITION_ORDER)


# --- change kinds --------------------------------------------------------------------------------------------

CHANGE_LABELS: dict[str, str] = {
    "added": "added", "removed": "removed", "renumbered": "renumbered", "moved": "moved", "split": "split",
    "merged": "merged", "id-changed": "id changed", "title-changed": "title changed",
    "text-changed": "text changed", "party-order": "parties named in opposite order (alternat)",
    "status-changed": "status changed", "basis-changed": "basis changed",
    "position-changed": "positions changed", "sources-changed": "sources changed",
    "notes-changed": "notes changed", "withdrawn": "withdrawn", "party-changed": "party changed",
    "article-changed": "article changed", "kind-changed": "kind changed", "part-changed": "part changed",
    "raised-changed": "date raised changed", "agreement-changed": "agreement changed",
    "agreement-title-changed": "agreement's name changed",
    "date-changed": "date changed", "date-note-changed": "date note changed", "stage-changed": "stage changed",
    "proposer-changed": "proposer changed", "lineage-changed": "based on changed",
    "parties-changed": "parties changed", "counts-changed": "counts changed",
    "coverage-changed": "article coverage changed", "summary-changed": "summary changed",
    "attestation-changed": "attestation changed", "source-added": "source added",
    "source-removed": "source removed", "source-changed": "source changed",
    "claim-added": "claimed count added", "claim-removed": "claimed count removed",
    "claim-changed": "claimed count changed",
}
"""The words a change kind is shown with, in every renderer and the TUI."""


def change_label(kind: str) -> str:
    return CHANGE_LABELS.get(kind, kind.replace("-", " "))


# --- parts and numbers ---------------------------------------------------------------------------------------

PART_NAMES: dict[str, str] = {"article": "Article", "preamble": "Preamble", "title": "Title", "annex": "Annex"}
PART_SHORT: dict[str, str] = {"article": "", "preamble": "Pre", "title": "Tit", "annex": "Ax"}
"""For a column of three cells: ``Pre``, ``Tit``, ``Ax2`` (an annex keeps its number)."""


def part_label(part: str, number: object | None) -> str:
    """``Article 7``, ``Preamble``, ``Title``, ``Annex 1``; an article without a number is "Unnumbered article".

    ``number`` is shown as written (an int, or text such as ``5 bis`` or ``IV``).
    """
    name = PART_NAMES.get(part, part.capitalize())
    if number is None or number == "":
        return "Unnumbered article" if part == "article" else name
    return f"{name} {number}"


def part_short(part: str, number: object | None) -> str:
    """:func:`part_label` in as few cells as can still be told apart: ``7``, ``Pre``, ``Tit``, ``Ax2``."""
    short = PART_SHORT.get(part, part[:3].capitalize())
    return f"{short}{'' if number is None else number}"


def counted(n: int, noun: str, plural: str = "") -> str:
    """``1 article``, ``2 articles``, ``0 errors``: every face counts in words, never ``article(s)``."""
    return f"{n} {noun if n == 1 else plural or noun + 's'}"


def count_phrase(counts: Mapping[str, int], *, parts: Mapping[str, int] | None = None) -> str:
    """``17 articles`` (not removed), with the unnumbered parts named apart as :func:`part_phrase` names them."""
    articles = sum(counts.values()) - counts.get("removed", 0)
    named = [part for part, n in (parts or {}).items() if n]
    return counted(articles, "article") + part_phrase(named)


def part_phrase(parts: list[str], removed: int = 0) -> str:
    """What the count of articles leaves out, named: ``; the preamble and the title besides, 1 removed``."""
    named = [PART_NAMES.get(p, p).lower() for p in dict.fromkeys(parts) if p != "article"]
    bits = []
    if named:
        bits.append("the " + " and the ".join(named) + " besides")
    if removed:
        bits.append(f"{removed} removed not counted")
    return ("; " + ", ".join(bits)) if bits else ""


# --- dates ---------------------------------------------------------------------------------------------------

def format_date(value: str | None, precision: str = "day") -> str:
    """A date as what it is: ``2024-09-11``; ``2024-06`` known to the month; ``~2023-12-31`` approximate.

    The value is kept to the day in the data (so that versions sort and "as of" works); only its
    printing says how much of it is known.
    """
    if not value:
        return "–"
    if precision == "month":
        return value[:7]
    if precision == "approximate":
        return f"~{value}"
    return value


def date_json(value: str | None, precision: str = "day") -> dict[str, str | None]:
    """The value and its precision side by side, for machine formats."""
    return {"value": value, "precision": precision, "text": format_date(value, precision) if value else None}


class UnreadableDate(ValueError):
    """What a person typed is not a date in any accepted form."""


_MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
_MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
_MONTHS["sept"] = 9

DATE_FORMS = "2024-09-11, 2024-09, 'Sep 2024', '11 Sep 2024' or 2024"


def typed_version_date(text: str, precision: str | None = None) -> tuple[str, str]:
    """A version's date as typed in the forms :func:`format_date` writes, with its precision: ``2024-06`` is
    the month (kept as its first day, as the drafts keep it), ``~2023-12-31`` a day known only roughly;
    anything else is returned as typed, with ``precision`` (the day when None), for the validator to judge.

    ``precision`` None says none was stated (the command line without ``--date-precision``, the TUI's picker
    left on the day it opens on); one stated that the form typed contradicts (``2024-06`` known to the day)
    is refused with :class:`UnreadableDate`."""
    text = text.strip()
    if text.startswith("~"):
        date, implied = text[1:].strip(), "approximate"
    elif re.fullmatch(r"\d{4}-\d{2}", text):
        date, implied = f"{text}-01", "month"
    else:
        return text, precision or "day"
    if precision not in (None, implied):
        raise UnreadableDate(f"{text} is written as a date known {PRECISION_WORDS[implied]}, but its precision is "
                             f"given as {precision}: give one of the two")
    return date, implied


PRECISION_WORDS = {"day": "to the day", "month": "to the month", "approximate": "only roughly"}


def calendar_problem(text: str) -> str:
    """Why ``text``, written YYYY-MM-DD, is no day of the calendar (``February 2026 has 28 days``,
    ``there is no month 13``); empty for a real day. The one wording of it, for the validator and the faces."""
    year, month, day = (int(p) for p in text.split("-"))
    if not 1 <= month <= 12:
        return f"there is no month {month}"
    last = calendar.monthrange(max(year, 1), month)[1]
    if not 1 <= day <= last:
        return f"{calendar.month_name[month]} {year} has {last} days"
    return "" if year >= 1 else f"there is no year {year}"


def day_problem(text: str) -> str:
    """Why ``text`` is not an ISO day, in words: ``2024-06`` names a month, ``2023-02-29`` a day February
    2023 does not have; a record that keeps only days shows this rather than "not a date"."""
    text = text.strip()
    if text.startswith("~"):
        return (f"{text} is written as approximate, but this date is exact: drop the ~, or name the day as it is "
                "known in the notes")
    if re.fullmatch(r"\d{4}(-\d{1,2})?", text):
        return f"{text} names a {'month' if '-' in text else 'year'}, not a day (write YYYY-MM-DD)"
    if re.fullmatch(r"\d{4}-\d{1,2}-\d{1,2}", text):
        problem = calendar_problem(text)
        if problem:
            return f"{text} is not a real calendar date: {problem}"
        year, month, day = (int(p) for p in text.split("-"))
        padded = f"{year:04d}-{month:02d}-{day:02d}"
        return "" if padded == text else f"{text} is not written YYYY-MM-DD (write {padded})"
    try:
        iso = parse_user_date(text)
    except UnreadableDate:
        return f"{text} is not a date (write YYYY-MM-DD)" if text else "give a date (YYYY-MM-DD)"
    if any(w.isdigit() and int(w) < 1000 for w in re.split(r"[\s,/.]+", text)):
        return f"{text} is not written YYYY-MM-DD (write {iso})"
    return f"{text} names a {'month' if re.search('[A-Za-z]', text) else 'year'}, not a day (write YYYY-MM-DD)"


def parse_user_date(text: str) -> str:
    """Read a date as a person types it; return the last ISO day it covers.

    ``2024-09-11`` → itself; ``2024-09``, ``Sep 2024``, ``september 2024`` → ``2024-09-30``;
    ``2024`` → ``2024-12-31``; a date as the faces print an approximate one (``~2024-09-11``) → that day,
    so what is copied from the output can be typed back. Raise :class:`UnreadableDate` for anything else.
    """
    words = [w for w in re.split(r"[\s,/.]+", text.strip().removeprefix("~").lower()) if w]
    if len(words) == 1 and re.fullmatch(r"\d{4}(-\d{1,2}(-\d{1,2})?)?", words[0]):
        parts = [int(p) for p in words[0].split("-")]
    elif len(words) in (2, 3) and any(w in _MONTHS for w in words):
        month = next(_MONTHS[w] for w in words if w in _MONTHS)
        numbers = [int(w) for w in words if w.isdigit()]
        year = next((n for n in numbers if n >= 1000), None)
        day = next((n for n in numbers if n < 1000), None)
        if year is None or len(numbers) + 1 != len(words):
            raise UnreadableDate(f"{text!r} is not a date (write {DATE_FORMS})")
        parts = [year, month] + ([day] if day is not None else [])
    else:
        raise UnreadableDate(f"{text!r} is not a date (write {DATE_FORMS})")
    year = parts[0]
    month = parts[1] if len(parts) > 1 else 12
    if not 1 <= month <= 12 or year < 1:
        raise UnreadableDate(f"{text!r} is not a date: there is no month {month} (write {DATE_FORMS})")
    day = parts[2] if len(parts) > 2 else calendar.monthrange(year, month)[1]
    iso = f"{year:04d}-{month:02d}-{day:02d}"
    problem = calendar_problem(iso)
    if problem:
        raise UnreadableDate(f"{text!r} is not a date: {problem}")
    return iso
