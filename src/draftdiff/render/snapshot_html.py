"""A snapshot as a standalone HTML page; the full snapshot is embedded as JSON for ``snapshot verify``."""

from __future__ import annotations

from html import escape

from draftdiff.render.snapshot_json import embedded
from draftdiff.render.snapshot_text import STATUS_LOOK
from draftdiff.snapshot import cite
from draftdiff.snapshot.model import Snapshot
from draftdiff.textsafe import visible
from draftdiff.vocab import PART_NAMES, format_date, precondition_label

SCRIPT_ID = cite.SCRIPT_ID

_CSS = """body{font:15px/1.45 system-ui,sans-serif;max-width:70rem;margin:2rem auto;padding:0 1rem;color:#222}
table{border-collapse:collapse;margin:.5rem 0 1.5rem}th,td{border:1px solid #ccc;padding:.25rem .5rem;
text-align:left;vertical-align:top}code{font-size:90%}.agreed{color:#176b2c}.partial{color:#8a5a00}
.disputed{color:#b00020}.unknown{color:#6a1b9a}.removed{color:#666}.caveat{border-left:4px solid #999;
padding-left:1rem}"""


def e(value: object) -> str:
    """Outside text for HTML: hidden characters made visible, then markup escaped."""
    return "" if value is None else escape(visible(str(value)), quote=True)


def _status(status: str) -> str:
    symbol, _ = STATUS_LOOK.get(status, ("·", ""))
    return f'<span class="{e(status)}">{e(symbol)} {e(status)}</span>'


def _table(head: list[str], rows: list[list[str]]) -> list[str]:
    out = ["<table>", "<tr>" + "".join(f"<th>{e(h)}</th>" for h in head) + "</tr>"]
    out += ["<tr>" + "".join(f"<td>{cell}</td>" for cell in row) + "</tr>" for row in rows]
    return out + ["</table>"]


def _codes(ids: tuple[str, ...]) -> str:
    return ", ".join(f"<code>{e(s)}</code>" for s in ids)


def render(snap: Snapshot, **_options: object) -> str:
    c = cite.citation(snap, "html")
    status = snap.status_draft
    title = cite.title(snap)
    out = ["<!DOCTYPE html>", '<html lang="en">', "<head>", '<meta charset="utf-8">',
           f"<title>{e(title)}</title>", f'<meta name="draftdiff-digest" content="{e(snap.digest)}">',
           f"<style>{_CSS}</style>", "</head>", "<body>", f"<h1>{e(title)}</h1>", "<dl>",
           f"<dt>Status date</dt><dd>{e(snap.as_of)}: each article's status in the latest version dated on or "
           f"before this date{' (here the version chosen by id)' if snap.draft_id else ''}</dd>",
           f"<dt>Status taken from</dt><dd><code>{e(status.id)}</code>, {e(status.title)} ({e(status.kind)}, "
           f"dated {e(format_date(status.date, status.date_precision))})</dd>",
           "<dt>Later versions (not used)</dt><dd>" +
           (", ".join(f"<code>{e(d.id)}</code> ({e(format_date(d.date, d.date_precision))})" for d in snap.later)
            or "none") + "</dd>",
           f"<dt>Content digest</dt><dd><code>{e(snap.digest)}</code></dd>"]
    if c.generated_at:
        out.append(f"<dt>File generated</dt><dd>{e(c.generated_at)}</dd>")
    out += ["</dl>", f'<p class="caveat">{e(cite.caveat(snap))}</p>', "<h2>Articles</h2>"]
    out += _table(["No.", "Article", "Title", "Status", "Status basis", "Text basis", "Sources", "Note"],
                  [[e(a.number if a.part == "article" else PART_NAMES.get(a.part, a.part)), f"<code>{e(a.id)}</code>", e(a.title), _status(a.status), e(a.status_basis),
                    e(a.text_basis), _codes(a.sources), e(a.status_note)] for a in snap.articles])
    k = snap.counts
    out.append("<h2>Counts</h2>")
    out += _table(["agreed", "partial", "disputed", "removed", "unknown", "articles (not removed)", "inferred",
                   "no stated basis"],
                  [[e(v) for v in (k.agreed, k.partial, k.disputed, k.removed, k.unknown, k.total, k.inferred,
                                   k.unstated)]])
    out.append(f"<h2>Counts made public near the status date ({e(snap.claims_window_days)} days up to "
               f"{e(snap.as_of)})</h2>")
    if snap.claims:
        out += _table(["Date", "Speaker", "Said", "Source", "Judged against the version that records it"],
                      [[e(cl.date), e(cl.speaker), e(cl.said()), f"<code>{e(cl.source)}</code>",
                        "not comparable (a share of the text)" if not cl.comparable else
                        ("fits" if cl.consistent else "<strong>contradicts</strong>")
                        + f" <code>{e(cl.judged_against)}</code>"]
                       for cl in snap.claims])
    else:
        out.append("<p>None on record.</p>")
    out.append("<h2>Preconditions</h2>")
    if snap.preconditions:
        out += _table(["Precondition", "Party", "Kind", "Status", "Raised", "Demand", "Sources"],
                      [[f"<code>{e(p.id)}</code>", e(p.party), e(p.kind), e(precondition_label(p.status)),
                        e(format_date(p.raised, p.raised_precision) if p.raised else None), e(p.demand),
                        _codes(p.sources)] for p in snap.preconditions])
    else:
        out.append("<p>None on record.</p>")
    out += ["<h2>Sources</h2>", "<ul>"]
    for s in snap.sources:
        link = f' <a href="{e(s.url)}">{e(s.url)}</a>' if s.url else ""
        bits = [e(s.publisher), f"“{e(s.title)}”", e(s.author), e(s.date)]
        out.append(f"<li><code>{e(s.id)}</code>: {', '.join(b for b in bits if b)}.{link}</li>")
    out += ["</ul>", "<h2>Drafts taken into account</h2>"]
    out += _table(["Draft", "Date", "Role", "File", "git blob / swh:1:cnt", "sha256"],
                  [[f"<code>{e(d.id)}</code>", e(format_date(d.date, d.date_precision)), e(d.role), e(d.file), f"<code>{e(d.blob_id)}</code>",
                    f"<code>{e(d.sha256)}</code>"] for d in snap.drafts])
    out += ["<h2>How to cite</h2>", f"<p>{e(cite.plain(c))}</p>",
            "<p>Reproduce (from the repository root" + (f", at commit <code>{e(c.commit)}</code>" if c.commit
                                                        else "") + "):</p>",
            f"<pre><code>{e(c.command)}</code></pre>"]
    if c.dirty:
        out.append("<p><strong>Note:</strong> the drafts had uncommitted changes when this was made; the commit "
                   "alone does not reproduce it.</p>")
    out += [f'<script type="application/json" id="{SCRIPT_ID}">{embedded(snap, "html")}</script>',
            "</body>", "</html>", ""]
    return "\n".join(out)
