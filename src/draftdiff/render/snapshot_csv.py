"""A snapshot as CSV (RFC 4180): one row per article, for a spreadsheet or a notebook.

Every row carries the status date, the draft used and the snapshot marker
(arguments and digest), so a single row pasted elsewhere still says where it
came from, and ``snapshot verify`` can check the file. A cell of outside text
that starts with ``=``, ``+``, ``-``, ``@`` (or a tab or carriage return)
gets a leading ``'`` so a spreadsheet shows it as text instead of running it.
"""

from __future__ import annotations

import csv
import io

from draftdiff.snapshot import cite
from draftdiff.snapshot.model import Snapshot
from draftdiff.textsafe import visible

COLUMNS = cite.CSV_COLUMNS


_FORMULA_START = "=+-@\t\r\uff1d\uff0b\uff0d\uff20"
"""What a spreadsheet may read as the start of a formula (OWASP's list, and the full-width forms)."""


def cell(text: str | None) -> str:
    """Outside text as a cell: hidden characters visible, and never the start of a formula.

    OWASP's guard for CSV injection: a cell that starts with ``=``, ``+``, ``-``, ``@``,
    tab or carriage return gets a leading ``'``. Leading spaces are looked past, since
    some spreadsheets trim them before deciding. The csv module quotes the rest.
    """
    if not text:
        return ""
    text = visible(text)
    stripped = text.lstrip(" ")
    return "'" + text if stripped and stripped[0] in _FORMULA_START else text


def render(snap: Snapshot, **_options: object) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(COLUMNS)
    status, marker = snap.status_draft, cite.marker(snap)
    for a in snap.articles:
        writer.writerow(["" if a.number is None else a.number, a.id, a.part, cell(a.title), a.status, a.status_basis,
                         a.text_basis, " ".join(a.sources), cell(a.status_note), snap.as_of, status.id,
                         status.date, marker])
    return buffer.getvalue()
