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

COLUMNS = cite.CSV_COLUMNS


def cell(text: str | None) -> str:
    if not text:
        return ""
    return "'" + text if text[0] in "=+-@\t\r" else text


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
