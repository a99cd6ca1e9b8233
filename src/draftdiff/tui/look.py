"""How statuses look: a symbol, a word and a colour for each, so colour is never the only signal.

The words and symbols are the project's one vocabulary (``draftdiff.vocab``), shared with the CLI and the
exports; this module adds only colours and fill patterns, which are the terminal's own.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from rich.cells import cell_len
from rich.style import Style
from rich.text import Text

from draftdiff.history import UNRECORDED
from draftdiff.textsafe import visible
from draftdiff.vocab import (
    PRECONDITION_SYMBOLS,
    STATUS_COLORS,
    STATUS_SYMBOLS,
    change_label,
    format_date,
    part_label,
    part_short,
)

if TYPE_CHECKING:  # the board needs no diff module to start
    from draftdiff.diff.result import Segment
    from draftdiff.model import Draft

STATUS_SYMBOL = STATUS_SYMBOLS
STATUS_FILL = {"agreed": "█", "partial": "▓", "disputed": "▒", "removed": "░", "unknown": "·"}
"""Fill patterns of the proportional bar: each status also differs in texture, not only in colour."""
STATUS_COLOR = STATUS_COLORS

PRECONDITION_SYMBOL = PRECONDITION_SYMBOLS
"""Symbols of their own: "met" is not "agreed", "withdrawn" is not "removed"."""
PRECONDITION_COLOR = {"open": "#d63a3a", "met": "#2e9e44", "withdrawn": "#8a8a8a", "transformed": "#c98a00",
                      "in-agreement": "#2e9e44", "rejected": "#8a8a8a", "unknown": "#6f6fd6"}

ABSENT = "·"
"""Shown where a version (whose text is on record in full) has no such article."""
UNRECORDED_MARK = "–"
"""Shown where a version's article list is not on record, so it says nothing about the article."""


DELETE = Style(color="#d63a3a", strike=True)
"""A deleted word of a redline: red and struck through, so it survives a monochrome terminal."""
INSERT = Style(color="#2e9e44", underline=True, bold=True)
"""An inserted word: green, underlined and bold."""


def inline_text(redline: Sequence[Segment]) -> Text:
    """A word redline on one line: deleted words struck through, inserted ones underlined; a deletion and an
    insertion that touch (``month.`` → ``Initialed``) with a space between, or they read as one run of text
    (``month.Initialed``) told apart by style alone (the text renderer has its markers there)."""
    from draftdiff.diff.phrases import abutting  # here: the board needs no diff module to start

    out = Text()
    for before, seg in zip([None, *redline], redline, strict=False):
        if before is not None and abutting(before, seg):
            out.append(" ")
        if seg.op == "equal":
            out.append(visible(seg.new))
        elif seg.op == "delete":
            out.append(visible(seg.text), style=DELETE)
        else:
            out.append(visible(seg.text), style=INSERT)
    return out


def status_style(status: str | None) -> Style:
    return Style(color=STATUS_COLOR.get(status or "", "#8a8a8a"), bold=status == "disputed")


def status_text(status: str | None, *, word: bool = True) -> Text:
    """``✓ agreed`` in the status colour; ``·`` when absent; ``–`` when not on record."""
    if status is None:
        return Text(ABSENT, style="dim")
    if status == UNRECORDED:
        return Text(f"{UNRECORDED_MARK} no record" if word else UNRECORDED_MARK, style="dim italic")
    label = f"{STATUS_SYMBOL.get(status, '?')} {status}" if word else STATUS_SYMBOL.get(status, "?")
    return Text(label, style=status_style(status))


def cell_text(status: str | None, width: int = 3) -> Text:
    """A coloured block with the status symbol, for the articles × versions matrix."""
    if status is None:
        return Text(ABSENT.center(width), style="dim")
    if status == UNRECORDED:
        return Text(UNRECORDED_MARK.center(width), style="dim")
    color = STATUS_COLOR.get(status, "#8a8a8a")
    return Text(STATUS_SYMBOL.get(status, "?").center(width), style=Style(color="#ffffff", bgcolor=color, bold=True))


def precondition_text(status: str, *, word: bool = True) -> Text:
    """``○ open`` in the precondition's colour; symbols distinct from the article statuses'."""
    symbol = PRECONDITION_SYMBOL.get(status, "?")
    return Text(f"{symbol} {status}" if word else symbol,
                style=Style(color=PRECONDITION_COLOR.get(status, "#8a8a8a")))


def badge(label: str) -> Text:
    """A basis badge such as ``summary`` or ``inferred``: honest labels the reader must not miss."""
    return Text(label, style="italic")


def date_label(date: str | None, precision: str = "day") -> str:
    """The vocabulary's date: ``2023-12`` known to the month, ``~2023-12-31`` approximate, ``–`` none."""
    return format_date(date, precision)


def version_date(draft: Draft) -> str:
    """A version's date as it is known (see :func:`date_label`): what every face prints for a version's date,
    never ``draft.date`` itself, which is kept to the day only so that versions sort."""
    return date_label(draft.date, draft.date_precision)


__all__ = ["change_label", "date_label", "part_label", "version_date"]


def part_number(article: object, width: int | None = None) -> str:
    """What the board's "No." column shows: the number, or the part's name when it has none, in short
    (``Pre``, ``Ax2``) when the name is wider than ``width``."""
    number = getattr(article, "number", None)
    part = getattr(article, "part", "article")
    if part == "article":
        return "" if number is None else str(number)
    label = part_label(part, number)
    return label if width is None or cell_len(label) <= width else part_short(part, number)
