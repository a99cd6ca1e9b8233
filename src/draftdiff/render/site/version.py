"""One page per version: what it is, its board, summary, notes, the counts claimed in public, preconditions."""

from __future__ import annotations

from collections.abc import Iterable

from draftdiff.claims import claim_problems, comparable
from draftdiff.model import Draft
from draftdiff.render.site.board import board
from draftdiff.render.site.data import SiteData
from draftdiff.render.site.page import (
    e,
    link,
    precondition_status,
    redline_path,
    snapshot_path,
    table,
    text_block,
    version_path,
    when,
)
from draftdiff.snapshot.model import ClaimRow

COVERAGE = {"complete": "complete: every article of the version is listed",
            "partial": "partial: only the articles on record are listed",
            "none": "none: the version is known only by its date and reports of it"}


def sources_list(draft: Draft, ids: Iterable[str] | None = None) -> list[str]:
    """The draft's sources (or those named), with publisher, date, address and quote."""
    wanted = list(dict.fromkeys(ids)) if ids is not None else [s.id for s in draft.sources]
    if not wanted:
        return ["<p>No source cited.</p>"]
    out = ['<ul class="sources">']
    for sid in wanted:
        src = draft.source(sid)
        if src is None:
            out.append(f'<li id="src-{e(sid)}"><code>{e(sid)}</code>: not listed in this version</li>')
            continue
        bits = [f"<strong>{e(src.title)}</strong>", e(src.publisher)]
        bits += [e(x) for x in (src.author, src.date, src.language) if x]
        item = f'<li id="src-{e(src.id)}">' + ", ".join(bits) + f' <code>[{e(src.id)}]</code>'
        if src.url:
            item += f'<br><a class="ext" href="{e(src.url)}" rel="noreferrer noopener">{e(src.url)}</a>'
        if src.quote:
            basis = "" if src.quote_basis == "verbatim" else f" ({e(src.quote_basis)})"
            item += f"<blockquote>{e(src.quote)}</blockquote>{basis}"
        if src.notes:
            item += f'<div class="note-small">{e(src.notes)}</div>'
        out.append(item + "</li>")
    return [*out, "</ul>"]


def _claims(draft: Draft) -> list[str]:
    if not draft.claimed_counts:
        return ["<p>None recorded in this version.</p>"]
    counts = draft.status_counts()
    rows = []
    for c in draft.claimed_counts:
        src = draft.source(c.source)
        date = c.date or (src.date if src and src.date else None)
        fits = not claim_problems(counts, draft.article_count(counts), c) if draft.records_articles else True
        row = ClaimRow(date or draft.date, c.source, draft.id, c.speaker, c.agreed, c.partial, c.disputed, c.total,
                       fits, c.agreed_percent, c.approximate, comparable(c), judged_against="this board")
        verdict = ("no statuses on record to compare" if not draft.records_articles else row.verdict())
        rows.append([e(date or "–"), e(c.speaker or "–"), e(row.said()), f'<a href="#src-{e(c.source)}">'
                     f"<code>{e(c.source)}</code></a>", e(verdict) if fits else f"<strong>{e(verdict)}</strong>"])
    return table(["Date", "Speaker", "Said", "Source", "Against this board"], rows, caption="Counts made public")


def _preconditions(site: SiteData, page: str, draft: Draft) -> list[str]:
    if not draft.preconditions:
        return ["<p>None recorded in this version.</p>"]
    rows = [[link(page, f"preconditions.html#p-{p.id}", p.id), e(p.party), e(p.kind),
             precondition_status(p.status), when(p.raised, p.raised_precision), e(p.demand)
             + (f'<div class="note-small">{e(p.status_note)}</div>' if p.status_note else ""),
             ", ".join(f'<a href="#src-{e(s)}"><code>{e(s)}</code></a>' for s in p.sources)]
            for p in draft.preconditions]
    return table(["Precondition", "Party", "Kind", "Status", "Raised", "Demand", "Sources"], rows,
                 caption=f"Preconditions in {draft.id}")


def version(site: SiteData, draft: Draft) -> list[str]:
    page = version_path(draft.id)
    k = site.index_of(draft.id)
    base = site.bases.get(draft.id)
    facts = [("Id", f"<code>{e(draft.id)}</code>"),
             ("Date", when(draft.date, draft.date_precision) + (f" ({e(draft.date_note)})" if draft.date_note else "")),
             ("Kind", e(draft.kind)), ("Proposed by", e(draft.proposed_by)), ("Stage", e(draft.stage)),
             ("Parties", e(", ".join(draft.parties))), ("Articles on record", e(COVERAGE[draft.article_coverage])),
             ("Based on", link(page, version_path(draft.based_on), draft.based_on)
              if draft.based_on and site.draft_set.get(draft.based_on) else e(draft.based_on or "–"))]
    if draft.attested_by:
        facts.append(("Attested by", ", ".join(f'<a href="#src-{e(s)}"><code>{e(s)}</code></a>'
                                               for s in draft.attested_by)))
    out = ["<dl class=\"facts\">", *(f"<dt>{name}</dt><dd>{value}</dd>" for name, value in facts), "</dl>"]
    steps = []
    if k:
        steps.append(link(page, version_path(site.drafts[k - 1].id), "← earlier version"))
    if base:
        steps.append(link(page, redline_path(base, draft.id), f"Redline against {base}"))
    steps.append(link(page, snapshot_path(draft.id), "Citable snapshot"))
    if k + 1 < len(site.drafts):
        steps.append(link(page, version_path(site.drafts[k + 1].id), "later version →"))
    out.append(f'<p class="steps">{" · ".join(steps)}</p>')
    out += ["<h2>Board</h2>", *board(site, page, draft)]
    out += ["<h2>Summary</h2>", text_block(draft.summary) or "<p>No summary recorded.</p>"]
    if draft.notes:
        out += ["<h2>Notes</h2>", text_block(draft.notes)]
    out += ["<h2>Counts claimed in public</h2>", *_claims(draft)]
    out += ["<h2>Preconditions</h2>", *_preconditions(site, page, draft)]
    out += ["<h2>Sources</h2>", *sources_list(draft)]
    return out
