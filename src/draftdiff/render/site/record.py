"""The preconditions with their history, and each version's citable snapshot with its downloads."""

from __future__ import annotations

from draftdiff.history import precondition_history, precondition_ids
from draftdiff.model import Draft, Precondition
from draftdiff.render import as_bytes, render
from draftdiff.render.site.data import SiteData
from draftdiff.render.site.page import (
    article_path,
    e,
    link,
    precondition_legend,
    precondition_status,
    snapshot_dir,
    snapshot_path,
    table,
    text_block,
    version_path,
    when,
)
from draftdiff.snapshot import Snapshot, cite
from draftdiff.vocab import STATUS_ORDER

DOWNLOADS = (("md", "snapshot.md", "Markdown (verifiable)"), ("json", "snapshot.json", "JSON (verifiable)"),
             ("html", "snapshot.html", "HTML page (verifiable)"), ("csv", "snapshot.csv", "CSV"),
             ("bibtex", "snapshot.bib", "BibTeX"), ("csl", "snapshot.csl.json", "CSL-JSON"),
             ("cff", "CITATION.cff", "CITATION.cff"))
"""Snapshot format, file name in the version's folder, and how the download is labelled."""


def _latest(site: SiteData, pid: str) -> tuple[Draft, Precondition]:
    for draft in reversed(site.drafts):
        found = next((p for p in draft.preconditions if p.id == pid), None)
        if found is not None:
            return draft, found
    raise KeyError(pid)


def preconditions(site: SiteData) -> list[str]:
    page = "preconditions.html"
    ids = precondition_ids(site.draft_set)
    out = ["<p>What each side demanded outside the text (or around it), as the latest version that lists it "
           "records it, and its status in every version that lists it. A version that does not list a "
           "demand says nothing about it.</p>", precondition_legend()]
    if not ids:
        return [*out, "<p>No version records a precondition.</p>"]
    by_party: dict[str, list[str]] = {}
    for pid in ids:
        by_party.setdefault(_latest(site, pid)[1].party, []).append(pid)
    for party in sorted(by_party):
        out.append(f"<h2>Set by {e(party.replace('-', ' ').title())}</h2>")
        for pid in by_party[party]:
            draft, p = _latest(site, pid)
            out.append(f'<section id="p-{e(pid)}" aria-labelledby="h-{e(pid)}">'
                       f'<h3 id="h-{e(pid)}">{precondition_status(p.status)} <code>{e(pid)}</code></h3>')
            out.append(text_block(p.demand))
            facts = [f"{e(p.kind)}", f"raised {when(p.raised, p.raised_precision)}" if p.raised else "",
                     f"about {link(page, article_path(p.article), p.article)}" if p.article else "",
                     f"as recorded in {link(page, version_path(draft.id), draft.id)}"]
            out.append(f'<p class="basis">{" · ".join(f for f in facts if f)}</p>')
            if p.status_note:
                out.append(f'<p class="note-small">{e(p.status_note)}</p>')
            listed = [s for s in precondition_history(site.draft_set, pid) if s.status != "unrecorded"]
            rows = [[when(s.date, site.draft_set.get(s.draft_id).date_precision),  # type: ignore[union-attr]
                     link(page, version_path(s.draft_id), s.draft_id),
                     precondition_status(s.status),
                     "first listed" if k == 0 else "status changed" if s.changed else ""]
                    for k, s in enumerate(listed)]
            out += table(["Date", "Version", "Status", "Change"], rows, caption=f"History of {pid}")
            out.append("</section>")
    return out


def snapshot_files(snap: Snapshot, draft_id: str) -> dict[str, bytes]:
    """The downloads, each exactly what ``draftdiff snapshot -f FORMAT`` writes for the same arguments."""
    folder = snapshot_dir(draft_id)
    out: dict[str, bytes] = {}
    for fmt, name, _ in DOWNLOADS:
        out[f"{folder}/{name}"] = as_bytes(render("snapshot", fmt, snap))
    return out


def snapshot(site: SiteData, draft_id: str) -> list[str]:
    page = snapshot_path(draft_id)
    snap = site.snapshots[draft_id]
    status_from = snap.status_draft
    c = snap.counts
    out = ["<dl class=\"facts\">",
           f"<dt>Status date</dt><dd>{e(snap.as_of)}</dd>",
           f"<dt>Statuses from</dt><dd>{link(page, version_path(status_from.id), status_from.id)} "
           f"(dated {e(status_from.date)})</dd>",
           f"<dt>Content digest</dt><dd><code class=\"digest\">{e(snap.digest)}</code></dd>",
           f"<dt>Counts</dt><dd>{e(', '.join(f'{getattr(c, s)} {s}' for s in STATUS_ORDER))}; {c.total} articles "
           "not removed</dd>", "</dl>",
           f'<p class="caveat">{e(cite.caveat(snap))}</p>', "<h2>Downloads</h2>", '<ul class="downloads">']
    for _, name, label in DOWNLOADS:
        out.append(f'<li><a href="{e(name)}" download>{e(label)}</a> <code>{e(name)}</code></li>')
    out += ["</ul>", "<h2>Check it</h2>",
            "<p>The digest covers what the snapshot states and the git blob id of every draft it took into "
            "account. From a checkout of the drafts:</p>",
            "<pre><code>draftdiff snapshot verify snapshot.md</code></pre>",
            "<p>and to write it again, byte for byte:</p>",
            f"<pre><code>{e(cite.reproduce_command(snap, 'md'))}</code></pre>",
            "<h2>How to cite</h2>", f"<p>{e(cite.plain(cite.citation(snap, 'md')))}</p>"]
    return out
