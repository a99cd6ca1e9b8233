"""One page per article: its wording with the basis, each party's position, sources, status in every version."""

from __future__ import annotations

from draftdiff.model import Article, Draft
from draftdiff.render.site.data import SiteData
from draftdiff.render.site.page import (
    article_path,
    e,
    link,
    redline_path,
    status,
    table,
    text_block,
    version_path,
    when,
)
from draftdiff.render.site.version import sources_list
from draftdiff.vocab import basis_label, part_label


def where(site: SiteData, article_id: str) -> tuple[Draft, Article]:
    """The latest version that has the article, and the article there."""
    for draft in reversed(site.drafts):
        found = draft.article(article_id)
        if found is not None:
            return draft, found
    raise KeyError(article_id)


def title(site: SiteData, article_id: str) -> str:
    _, article = where(site, article_id)
    return f"{part_label(article.part, article.number)}: {article.title}"


def _wording(article: Article) -> list[str]:
    if article.text is not None:
        return [f"<h2>Text <small>({e(article.text_basis)})</small></h2>", text_block(article.text)
                or "<p>(empty)</p>"]
    if article.fragments:
        out = [f"<h2>Text <small>({e(article.effective_text_basis)}s as published)</small></h2>"]
        for fragment in article.fragments:
            cited = ", ".join(f'<a href="#src-{e(s)}"><code>{e(s)}</code></a>' for s in fragment.sources)
            out.append(f'<div class="fragment"><p class="basis">{e(fragment.basis)}'
                       f'{" · " + cited if cited else ""}</p>{text_block(fragment.text)}</div>')
        return out
    return ["<h2>Text</h2>", "<p>No wording of this article has been published; see the positions and "
            "sources.</p>"]


def _positions(draft: Draft, article: Article) -> list[str]:
    out = ["<h2>Positions</h2>"]
    parties = list(dict.fromkeys([*draft.parties, *article.positions]))
    shown = [p for p in parties if p in article.positions]
    if not shown:
        return [*out, "<p>No separate position recorded.</p>"]
    out.append('<div class="positions">')
    for party in shown:
        pos = article.positions[party]
        cited = ", ".join(f'<a href="#src-{e(s)}"><code>{e(s)}</code></a>' for s in pos.sources)
        out.append(f'<section class="position" aria-labelledby="pos-{e(party)}"><h3 id="pos-{e(party)}">'
                   f"{e(party.replace('-', ' ').title())}</h3>{text_block(pos.text)}"
                   f'<p class="basis">{e(pos.basis)}{" · " + cited if cited else ""}</p>'
                   + (f'<div class="note-small">{e(pos.notes)}</div>' if pos.notes else "") + "</section>")
    return [*out, "</div>"]


def _history(site: SiteData, page: str, article_id: str) -> list[str]:
    rows = []
    for step in site.histories[article_id]:
        draft = site.draft_set.get(step.draft_id)
        assert draft is not None
        change = ""
        base = site.bases.get(step.draft_id)
        if step.changed and base and (base, step.draft_id) in site.diffs:
            diff = site.diffs[(base, step.draft_id)]
            listed = diff.listed_articles()
            k = next((i for i, a in enumerate(listed) if a.id == article_id), None)
            target = redline_path(base, step.draft_id) + (f"#a{k}" if k is not None else "")
            change = link(page, target, "changed: redline")
        elif step.changed:
            change = "changed"
        rows.append([when(step.date, draft.date_precision), link(page, version_path(draft.id), draft.id),
                     e(step.number if step.number is not None else "–"), status(step.status),
                     e(step.status_basis or ""), change])
    return table(["Date", "Version", "No.", "Status", "Basis", "Change"], rows, caption="Status in every version")


def article(site: SiteData, article_id: str) -> list[str]:
    page = article_path(article_id)
    draft, found = where(site, article_id)
    cited = [*found.sources, *(s for f in found.fragments for s in f.sources),
             *(s for p in found.positions.values() for s in p.sources)]
    out = [f"<p>As it stands in {link(page, version_path(draft.id), draft.title)} "
           f"({when(draft.date, draft.date_precision)}), the latest version that has it. Id "
           f"<code>{e(article_id)}</code>.</p>",
           f'<p class="status-line">{status(found.status)} · {e(basis_label(found.status_basis))}</p>']
    if found.status_note:
        out.append(f'<p class="note-small">Why: {e(found.status_note)}</p>')
    out += _wording(found)
    out += _positions(draft, found)
    if found.notes:
        out += ["<h2>Notes</h2>", text_block(found.notes)]
    out += ["<h2>Sources</h2>", *sources_list(draft, cited)]
    out += ["<h2>Status in every version</h2>", *_history(site, page, article_id)]
    return out
