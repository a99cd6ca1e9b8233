"""Redline pages (the diff HTML renderer's body inside the site) and the page to pick any two versions."""

from __future__ import annotations

from draftdiff.render.diff_html import body
from draftdiff.render.site.data import SiteData
from draftdiff.render.site.page import e, link, redline_path, version_path, when


def redline(site: SiteData, old_id: str, new_id: str) -> list[str]:
    page = redline_path(old_id, new_id)
    old, new = site.draft_set.get(old_id), site.draft_set.get(new_id)
    assert old is not None and new is not None
    against = " (the version it answers)" if site.bases.get(new_id) == old_id else ""
    out = [f"<p>From {link(page, version_path(old_id), old.title)} ({when(old.date, old.date_precision)}) to "
           f"{link(page, version_path(new_id), new.title)} ({when(new.date, new.date_precision)}){against}. "
           "Deleted words are struck through, inserted ones underlined.</p>"]
    return out + body(site.diffs[(old_id, new_id)])


def title(old_id: str, new_id: str) -> str:
    return f"Redline: {old_id} → {new_id}"


def compare(site: SiteData) -> list[str]:
    page = "compare.html"
    drafts = site.drafts
    pairs = sorted(site.diffs, key=lambda p: (site.index_of(p[0]), site.index_of(p[1])))
    options = "".join(f'<option value="{e(d.id)}">{e(d.date)} {e(d.id)}</option>' for d in drafts)
    available = " ".join(f"{a}/{b}" for a, b in pairs)
    out = ["<p>Pick two versions: the redline shows what changed from the earlier to the later.</p>",
           f'<form id="pick" class="pick" hidden data-pairs="{e(available)}">',
           f'<p><label for="pick-from">From</label> <select id="pick-from" name="from">{options}</select></p>',
           f'<p><label for="pick-to">to</label> <select id="pick-to" name="to">{options}</select></p>',
           '<p><button type="submit">Show the redline</button></p>',
           '<p id="pick-message" role="status" aria-live="polite"></p>', "</form>"]
    if not site.all_pairs:
        out.append(f"<p>This collection has {len(drafts)} versions, so the site holds each version's redline "
                   "against the version it answers and against the one before it. For any other pair: "
                   "<code>draftdiff diff OLD NEW --format html -o redline.html</code> (or build the site with "
                   "<code>--pairs all</code>).</p>")
    out.append("<h2>Every redline in this site</h2>")
    by_old: dict[str, list[str]] = {}
    for a, b in pairs:
        by_old.setdefault(a, []).append(b)
    out.append('<ul class="pairs">')
    for d in drafts:
        targets = by_old.get(d.id)
        if not targets:
            continue
        items = ", ".join(link(page, redline_path(d.id, b), b) for b in targets)
        out.append(f"<li>From <code>{e(d.id)}</code> to: {items}</li>")
    out.append("</ul>")
    return out
