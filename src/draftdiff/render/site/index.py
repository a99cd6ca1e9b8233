"""The index (latest board, agreed over time, the matrix) and the lists of versions and articles."""

from __future__ import annotations

from draftdiff.render.site.board import board, chart, counts_line, matrix, version_row
from draftdiff.render.site.data import SiteData
from draftdiff.render.site.page import (
    article_path,
    e,
    legend,
    link,
    status,
    table,
    version_path,
    when,
)
from draftdiff.snapshot.cite import CAVEAT
from draftdiff.vocab import part_label

VERSION_HEAD = ["Date", "Version", "Kind", "Proposed by", "Article statuses", "Redline", "Snapshot"]


def index(site: SiteData) -> tuple[list[str], bool]:
    page = "index.html"
    latest = site.latest
    out = [f'<p class="caveat">{e(CAVEAT)} Dates, statuses and wording come from the drafts; every status says '
           "whether it is reported or inferred.</p>",
           "<h2>Where the articles stand</h2>",
           f"<p>As of {link(page, version_path(latest.id), latest.title)}, dated "
           f"{when(latest.date, latest.date_precision)} ({e(latest.kind)}, proposed by {e(latest.proposed_by)}).</p>"]
    if latest.records_articles:
        out.append(counts_line(latest))
    out += ["<h2>Agreed articles over time</h2>", *chart(site, page),
            f"<h2>The board of {e(latest.id)}</h2>",
            '<p class="filter" id="filter-box" hidden><label for="status-filter">Show articles: </label>'
           '<select id="status-filter"><option value="">every status</option>'
           + "".join(f'<option value="{s}">{s}</option>' for s in ("agreed", "partial", "disputed", "removed",
                                                                   "unknown")) + "</select></p>"]
    out += board(site, page, latest, counts=False)
    out += ["<h2>Every article in every version</h2>", legend(), *matrix(site, page),
            "<h2>Versions</h2>"]
    out += table(VERSION_HEAD, [version_row(site, page, d) for d in reversed(site.drafts)],
                 caption="Every version, newest first", cls="cards")
    out.append(f"<p>{link(page, 'compare.html', 'Compare any two versions')} · "
               f"{link(page, 'preconditions.html', 'Preconditions and their history')}</p>")
    return out, True


def versions(site: SiteData) -> list[str]:
    page = "versions.html"
    out = [f"<p>{len(site.drafts)} versions, newest first. Each has its board, a redline against the version "
           "it answers and a citable snapshot.</p>", "<h2>All versions</h2>"]
    out += table(VERSION_HEAD, [version_row(site, page, d) for d in reversed(site.drafts)],
                 caption="Every version, newest first", cls="cards")
    return out


def articles(site: SiteData) -> list[str]:
    page = "articles.html"
    assert site.matrix is not None
    rows = []
    for row in site.matrix.rows:
        steps = site.histories[row.article_id]
        last = next((s for s in reversed(steps) if s.status not in (None, "unrecorded")), None)
        where = site.draft_set.get(last.draft_id) if last else None
        article = where.article(row.article_id) if where else None
        rows.append([e(part_label(article.part if article else "article", row.number)),
                     link(page, article_path(row.article_id), row.title) + f' <code>{e(row.article_id)}</code>',
                     status(last.status if last else None),
                     link(page, version_path(where.id), where.id) if where else "–"])
    out = ["<p>Every article that any version contains, in the newest numbering. The status is the one in "
           "the latest version that records the article.</p>", "<h2>All articles</h2>", legend()]
    out += table(["No.", "Article", "Latest status", "In version"], rows, caption="Every article")
    return out
