"""The pictures several pages share: a version's board, the agreed-over-time chart, the status matrix."""

from __future__ import annotations

from draftdiff.history import count_series
from draftdiff.model import STATUS_ORDER, Draft
from draftdiff.render.site.data import SiteData
from draftdiff.render.site.page import (
    article_path,
    e,
    href,
    link,
    redline_path,
    snapshot_path,
    status,
    status_cell,
    table,
    version_path,
    when,
)
from draftdiff.vocab import STATUS_COLORS, basis_label, count_phrase, format_date, part_label


def counts_line(draft: Draft) -> str:
    counts = draft.status_counts()
    parts: dict[str, int] = {a.part: 0 for a in draft.articles}
    for a in draft.articles:
        parts[a.part] += 1
    shown = " ".join(f'<li>{status(s)} <strong>{counts[s]}</strong></li>' for s in STATUS_ORDER if counts[s])
    return (f'<p class="counts">{e(count_phrase(counts, parts=parts))}:</p>'
            f'<ul class="counts" aria-label="Articles per status">{shown}</ul>')


def board(site: SiteData, page: str, draft: Draft, *, counts: bool = True) -> list[str]:
    """Every article of ``draft`` with its status, bases and the version it took that status in."""
    if not draft.records_articles:
        return ["<p>This version is known only by its date and reports of it: it records no article "
                "statuses.</p>"]
    k = site.index_of(draft.id)
    rows = []
    for a in draft.articles:
        since_index = site.since.get(a.id, [None] * (k + 1))[k]
        since = site.drafts[since_index] if since_index is not None else None
        rows.append([
            e(part_label(a.part, a.number)),
            link(page, article_path(a.id), a.title),
            status(a.status),
            e(basis_label(a.status_basis)) + (f'<div class="note-small">{e(a.status_note)}</div>'
                                                     if a.status_note else ""),
            e(a.effective_text_basis),
            link(page, version_path(since.id), when(since.date, since.date_precision), raw=True) if since else "–",
        ])
    out = [counts_line(draft)] if counts else []
    if draft.article_coverage == "partial":
        out.append("<p>Only part of this version's article list is on record: the articles below are those "
                   "it is known to contain.</p>")
    out += table(["No.", "Article", "Status", "Status basis", "Text basis", "Since"], rows,
                 caption=f"Articles of {draft.id}", cls="board cards", row_status=[a.status for a in draft.articles])
    return out


def chart(site: SiteData, page: str) -> list[str]:
    """Agreed articles per version as an inline SVG bar chart, with a text description."""
    points = count_series(site.draft_set)
    n = len(points)
    top = max([p.total - p.counts.get("removed", 0) for p in points if p.recorded] + [1])
    bar, gap, left, height, bottom = 26, 8, 34, 160, 24
    width = left + n * (bar + gap) + 10
    scale = height / top
    pad = 18  # room above the tallest bar for its number
    full = pad + height + bottom
    out = [f'<figure class="chart"><svg width="{width}" height="{full}" viewBox="0 0 {width} {full}" role="img" '
           'aria-labelledby="chart-title chart-desc" xmlns="http://www.w3.org/2000/svg">',
           '<title id="chart-title">Agreed articles in each version</title>']
    described = "; ".join(
        f"{format_date(p.date, site.drafts[k].date_precision)}: "
        + (f"{p.agreed} agreed of {p.total - p.counts.get('removed', 0)}" if p.recorded else "no statuses on record")
        for k, p in enumerate(points))
    out.append(f'<desc id="chart-desc">{e(described)}</desc>')
    base_y = pad + height
    for tick in sorted({0, top // 2, top}):
        y = base_y - tick * scale
        out.append(f'<line x1="{left - 4}" y1="{y:.1f}" x2="{width - 6}" y2="{y:.1f}" stroke="#bbb" '
                   'stroke-width="0.5"/>')
        out.append(f'<text x="{left - 8}" y="{y + 4:.1f}" text-anchor="end" font-size="11">{tick}</text>')
    year = ""
    for k, p in enumerate(points):
        x = left + k * (bar + gap)
        draft = site.drafts[k]
        label = format_date(p.date, draft.date_precision)
        out.append(f'<a href="{href(page, version_path(draft.id))}"><g>')
        if p.recorded:
            total = p.total - p.counts.get("removed", 0)
            out.append(f'<rect x="{x}" y="{base_y - total * scale:.1f}" width="{bar}" height="{total * scale:.1f}" '
                       'fill="none" stroke="#888" stroke-width="1"/>')
            out.append(f'<rect x="{x}" y="{base_y - p.agreed * scale:.1f}" width="{bar}" '
                       f'height="{p.agreed * scale:.1f}" fill="{STATUS_COLORS["agreed"]}"/>')
            out.append(f'<text x="{x + bar / 2}" y="{base_y - p.agreed * scale - 3:.1f}" text-anchor="middle" '
                       f'font-size="10">{p.agreed}</text>')
            tip = f"{label} {draft.id}: {p.agreed} agreed of {total}"
        else:
            out.append(f'<rect x="{x}" y="{base_y - 4}" width="{bar}" height="4" fill="#ccc"/>')
            tip = f"{label} {draft.id}: no article statuses on record"
        out.append(f"<title>{e(tip)}</title></g></a>")
        if p.date[:4] != year:
            year = p.date[:4]
            out.append(f'<text x="{x}" y="{base_y + 16}" font-size="11">{e(year)}</text>')
    out.append("</svg><figcaption>Agreed articles in each version, oldest first: the filled bar is the agreed "
               "articles, the outline all articles of the version, a grey stub a version with no statuses on "
               "record. Each bar links to its version; the matrix below gives every status.</figcaption></figure>")
    return out


def matrix(site: SiteData, page: str) -> list[str]:
    """Every article × every version, status by symbol (the word for screen readers and as a tooltip)."""
    m = site.matrix
    assert m is not None
    head = ['<th scope="col">Article</th>'] + [
        f'<th scope="col" class="ver">{link(page, version_path(d.id), format_date(d.date, d.date_precision))}</th>'
        for d in site.drafts]
    rows = []
    for row in m.rows:
        name = (f'<th scope="row">{link(page, article_path(row.article_id), row.title)}'
                f'<span class="num"> {e(row.number if row.number is not None else "")}</span></th>')
        cells = "".join(status_cell(value, d.id) for value, d in zip(row.statuses, site.drafts, strict=True))
        rows.append(f"<tr>{name}{cells}</tr>")
    return ['<div class="scroll" role="region" tabindex="0" aria-label="Articles by version">',
            '<table class="matrix"><caption>Each article\'s status in every version (columns oldest first)'
            "</caption>", "<thead><tr>" + "".join(head) + "</tr></thead><tbody>", *rows, "</tbody></table></div>"]


def version_row(site: SiteData, page: str, draft: Draft) -> list[str]:
    """One line of the versions table: date, version, kind, proposer, counts, redline and snapshot links."""
    counts = draft.status_counts()
    said = ", ".join(f"{counts[s]} {s}" for s in STATUS_ORDER if counts[s]) if draft.records_articles else \
        "no statuses on record"
    base = site.bases.get(draft.id)
    redline = link(page, redline_path(base, draft.id), f"against {base}") if base else "first version"
    return [when(draft.date, draft.date_precision), link(page, version_path(draft.id), draft.title) +
            f' <code>{e(draft.id)}</code>', e(draft.kind), e(draft.proposed_by), e(said), redline,
            link(page, snapshot_path(draft.id), "snapshot")]
