"""A snapshot as Markdown, for a brief or an appendix; the full snapshot rides along in a comment.

Outside text is escaped so a title cannot become a link, emphasis, a table
break or raw HTML; the embedded JSON lets ``snapshot verify`` check the file.
"""

from __future__ import annotations

import re

from draftdiff.render import markdown
from draftdiff.render.snapshot_json import embedded
from draftdiff.snapshot import cite
from draftdiff.snapshot.model import Snapshot
from draftdiff.textsafe import visible
from draftdiff.vocab import PART_NAMES, STATUS_SYMBOLS, format_date, precondition_label

EMBED_START, EMBED_END = cite.EMBED_START, cite.EMBED_END


md = markdown.inline
"""Inline-safe Markdown for table cells and one-line values."""


def _link(url: str | None) -> str:
    if not url:
        return ""
    return f"<{url}>" if not re.search(r"[<>\s]", url) and visible(url) == url else md(url)


def _row(*cells: object) -> str:
    return "| " + " | ".join("" if c is None else str(c) for c in cells) + " |"


def render(snap: Snapshot, **_options: object) -> str:
    c = cite.citation(snap, "md")
    status = snap.status_draft
    out = [f"# {md(cite.title(snap))}", ""]
    out.append(f"- **Status date:** {snap.as_of}: each article's status in the latest version dated on or "
               f"before this date that records article statuses"
               + (f" (here the version chosen by id, {md(snap.draft_id)})" if snap.draft_id else "") + ".")
    out.append(f"- **Status taken from:** `{status.id}`, {md(status.title)} ({md(status.kind)}, "
               f"dated {format_date(status.date, status.date_precision)})" + (" — on record only in part: the articles listed are those its sources "
                                         "mention" if status.coverage == "partial" else ""))
    silent = [d for d in snap.drafts if d.role == "no-statuses"]
    if silent:
        out.append("- **Since then, known only by date (no article statuses on record):** "
                   + ", ".join(f"`{d.id}` ({format_date(d.date, d.date_precision)})" for d in silent))
    out.append("- **Later versions (not used):** " +
               (", ".join(f"`{d.id}` ({format_date(d.date, d.date_precision)})" for d in snap.later)
                if snap.later else "none"))
    out.append(f"- **Content digest:** `{snap.digest}`")
    if c.generated_at:
        out.append(f"- **File generated:** {md(c.generated_at)}")
    out += ["", f"> {md(cite.caveat(snap))}", "", "## Articles", "",
            _row("No.", "Article", "Title", "Status", "Status basis", "Text basis", "Sources", "Note"),
            _row(*["---"] * 8)]
    for a in snap.articles:
        number = a.number if a.part == "article" else PART_NAMES.get(a.part, a.part)
        out.append(_row(number, f"`{a.id}`", md(a.title), f"{STATUS_SYMBOLS.get(a.status, '')} **{a.status}**",
                        a.status_basis, a.text_basis,
                        ", ".join(f"`{s}`" for s in a.sources), md(a.status_note)))
    k = snap.counts
    out += ["", "## Counts", "", _row("agreed", "partial", "disputed", "removed", "unknown", "articles (not removed)",
                                      "inferred", "no stated basis"),
            _row(*["---:"] * 8),
            _row(k.agreed, k.partial, k.disputed, k.removed, k.unknown, k.total, k.inferred, k.unstated)]
    out += ["", f"## Counts made public near the status date ({snap.claims_window_days} days up to "
                f"{snap.as_of})", ""]
    if snap.claims:
        out += [_row("Date", "Speaker", "Said", "Source", "Judged against the version that records it"),
                _row(*["---"] * 5)]
        for cl in snap.claims:
            fits = ("not comparable (a share of the text)" if not cl.comparable else
                    f"{'fits' if cl.consistent else '**contradicts**'} `{cl.judged_against}`")
            out.append(_row(cl.date, md(cl.speaker), md(cl.said()), f"`{cl.source}`", fits))
    else:
        out.append("None on record.")
    out += ["", "## Preconditions", ""]
    if snap.preconditions:
        out += [_row("Precondition", "Party", "Kind", "Status", "Raised", "Demand", "Sources"),
                _row(*["---"] * 7)]
        for p in snap.preconditions:
            raised = format_date(p.raised, p.raised_precision) if p.raised else ""
            out.append(_row(f"`{p.id}`", md(p.party), md(p.kind), md(precondition_label(p.status)), raised,
                            md(p.demand),
                            ", ".join(f"`{s}`" for s in p.sources)))
    else:
        out.append("None on record.")
    out += ["", "## Sources", ""]
    for s in snap.sources:
        bits = [md(s.publisher), f"“{md(s.title)}”"] + ([md(s.author)] if s.author else []) + \
               ([s.date] if s.date else [])
        out.append(f"- `{s.id}`: {', '.join(b for b in bits if b)}. {_link(s.url)}".rstrip())
    if not snap.sources:
        out.append("None cited.")
    out += ["", "## Drafts taken into account", "",
            _row("Draft", "Date", "Role", "File", "git blob / swh:1:cnt", "sha256"), _row(*["---"] * 6)]
    for d in snap.drafts:
        out.append(_row(f"`{d.id}`", format_date(d.date, d.date_precision), d.role, md(d.file), f"`{d.blob_id}`", f"`{d.sha256}`"))
    out += ["", "## How to cite", "", md(cite.plain(c)), "", "Reproduce (from the repository root"
            + (f", at commit `{c.commit}`" if c.commit else "") + "), and check with `draftdiff snapshot verify`:",
            "", "```sh", visible(c.command, keep_newlines=False).replace("`", "'"), "```"]
    if c.dirty:
        out += ["", "**Note:** the drafts had uncommitted changes when this was made; the commit alone does not "
                    "reproduce it."]
    out += ["", f"{EMBED_START}{embedded(snap, 'md')}{EMBED_END}", ""]
    return "\n".join(out)
