"""Citation metadata, from one place: every citation format is a rendering of :class:`Citation`.

Each carries the status date, the digest, the tool version and the command that
reproduces the snapshot, plus a one-line *marker* that ``snapshot verify`` reads
back from any format (``draftdiff-snapshot:2 as-of=… draft=… window=… digest=…``).
"""

from __future__ import annotations

import re
import shlex
from dataclasses import dataclass

from draftdiff.snapshot.build import DEFAULT_CLAIMS_WINDOW_DAYS
from draftdiff.snapshot.model import Snapshot
from draftdiff.vocab import format_date

MARKER_RE = re.compile(
    r"draftdiff-snapshot:2 as-of=(?P<as_of>\d{4}-\d{2}-\d{2}) draft=(?P<draft>[a-z0-9][a-z0-9._-]*|-) "
    r"window=(?P<window>\d+) digest=(?P<digest>sha256:[0-9a-f]{64})")

SCRIPT_ID = "draftdiff-snapshot"
"""The id of the HTML form's ``<script>`` that embeds the snapshot."""
EMBED_START, EMBED_END = "<!-- draftdiff-snapshot ", " -->"
"""The comment around the snapshot the Markdown form embeds."""
CSV_COLUMNS = ("number", "article", "part", "title", "status", "status_basis", "text_basis", "sources",
               "status_note", "as_of", "status_draft", "status_draft_date", "snapshot")
"""The CSV form's header row, which ``snapshot verify`` reads the statuses back by."""

CAVEAT = ("This is an analyst's record compiled from public reporting, not an authentic or official text "
          "of the agreement.")


@dataclass(frozen=True)
class Citation:
    key: str
    title: str
    authors: tuple[str, ...]
    as_of: str
    status_draft: str
    status_draft_date: str
    """As printed: with its precision (``~2023-12-31``, ``2024-06``)."""
    latest_draft_date: str
    """The date of the latest draft taken into account, as printed: with its precision (``~2023-12-31``)."""
    digest: str
    version: str
    command: str
    marker: str
    commit: str | None
    dirty: bool | None
    repository: str | None
    generated_at: str | None


def marker(snap: Snapshot) -> str:
    return (f"draftdiff-snapshot:2 as-of={snap.as_of} draft={snap.draft_id or '-'} "
            f"window={snap.claims_window_days} digest={snap.digest}")


def reproduce_command(snap: Snapshot, fmt: str) -> str:
    """The command that writes this snapshot again, byte for byte, from the drafts at the recorded commit."""
    prov = snap.provenance
    folder = (prov.git_path if prov and prov.git_path else prov.drafts_path if prov else "drafts")
    parts = ["draftdiff", "snapshot", "--drafts", folder, "--as-of", snap.as_of]
    if snap.draft_id:
        parts += ["--draft", snap.draft_id]
    if snap.claims_window_days != DEFAULT_CLAIMS_WINDOW_DAYS:
        parts += ["--claims-window", str(snap.claims_window_days)]
    for author in prov.authors if prov else ():
        parts += ["--author", author]
    parts += ["--format", fmt]
    return " ".join(shlex.quote(p) for p in parts)


def caveat(snap: Snapshot) -> str:
    """The caveat with the numbers a reader needs to weigh the statuses."""
    c = snap.counts
    parts = [f"{c.inferred} of {c.total} statuses are inferred rather than reported",
             f"{c.unknown} {'is' if c.unknown == 1 else 'are'} unknown"]
    if c.unstated:
        parts.append(f"{c.unstated} {'has' if c.unstated == 1 else 'have'} no stated basis")
    if c.without_text:
        parts.append(f"for {c.without_text} no wording is on record (status only)")
    return f"{CAVEAT} {'; '.join(parts)}."


def agreement_name(snap: Snapshot) -> str:
    """The agreement's name, or its slug made readable (``test-peace`` → ``test peace``)."""
    return snap.agreement_title or snap.agreement.replace("-", " ").replace("_", " ")


def title(snap: Snapshot) -> str:
    n = snap.counts.total
    return f"Status of the {n} article{'s' * (n != 1)} of the {agreement_name(snap)} draft as of {snap.as_of}"


def issued(snap: Snapshot) -> str:
    """The date a citation carries: the status date, the same whenever the file is made (no "n.d.")."""
    return snap.as_of


def citation(snap: Snapshot, fmt: str) -> Citation:
    prov = snap.provenance
    status = snap.status_draft
    key = f"draftdiff-{snap.agreement}-{snap.as_of}-{snap.digest.removeprefix('sha256:')[:8]}"
    return Citation(
        key=key, title=title(snap), authors=prov.authors if prov else (), as_of=snap.as_of,
        status_draft=status.id, status_draft_date=format_date(status.date, status.date_precision),
        latest_draft_date=_latest_date(snap), digest=snap.digest,
        version=prov.tool_version if prov else "", command=reproduce_command(snap, fmt), marker=marker(snap),
        commit=prov.git_commit if prov else None, dirty=prov.git_dirty if prov else None,
        repository=prov.repository if prov else None, generated_at=prov.generated_at if prov else None)


def _latest_date(snap: Snapshot) -> str:
    latest = max(snap.drafts, key=lambda d: d.date)
    return format_date(latest.date, latest.date_precision)


def note(c: Citation) -> str:
    """One paragraph with everything a reader needs to check the citation."""
    where = ""
    if c.commit:
        where = f" at commit {c.commit}" + (" (with uncommitted changes)" if c.dirty else "")
        if c.repository:
            where += f" of {c.repository}"
    return (f"Status as of {c.as_of}, from draft {c.status_draft} dated {c.status_draft_date}; latest draft "
            f"taken into account dated {c.latest_draft_date}. "
            f"Content digest {c.digest}. Made with draftdiff {c.version}{where}. "
            f"Reproduce: {c.command}. Marker: {c.marker}")


def plain(c: Citation) -> str:
    who = "; ".join(c.authors) + ". " if c.authors else ""
    made = f" Generated {c.generated_at}." if c.generated_at else ""
    return f"{who}{c.title} [data set]. {note(c)}.{made}"
