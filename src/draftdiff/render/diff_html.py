"""A draft diff as one self-contained HTML page: change list, inline and side-by-side redlines.

No scripts, no external files. Every piece of outside text is escaped with
``html.escape`` after ``textsafe.visible``, so markup in a proposal is shown as
text and bidirectional overrides cannot reorder what the reader sees. Deletions
are struck through and insertions underlined as well as coloured.
"""

from __future__ import annotations

import html
from collections.abc import Sequence

from draftdiff.diff import phrases as ev
from draftdiff.diff.result import ArticleChange, DraftDiff, PreconditionChange, Segment
from draftdiff.numbering import ArticleNumber, display
from draftdiff.render.diff_common import (
    agreement_lines,
    describe,
    ident_of,
    listed_name,
    mark,
    number_text,
    status_change_lines,
    summary_line,
)
from draftdiff.textsafe import visible
from draftdiff.vocab import part_label

_CSS = """
body{font:15px/1.5 system-ui,sans-serif;max-width:75rem;margin:2rem auto;padding:0 1rem;color:#1b1b1b}
h1{font-size:1.4rem} h2{font-size:1.2rem;margin-top:2rem} h3{font-size:1.05rem;margin:1.6rem 0 .3rem}
table{border-collapse:collapse} td,th{border:1px solid #ccc;padding:.25rem .5rem;vertical-align:top;text-align:left}
.text{white-space:pre-wrap}
del{background:#ffe0e0;color:#8a0000;text-decoration:line-through}
ins{background:#dcf5dc;color:#0a5a0a;text-decoration:underline}
.kinds{color:#555;font-style:italic} .note{background:#fff6d6;padding:.4rem .6rem;border-left:4px solid #d6a800}
.sbs{width:100%;table-layout:fixed} .sbs td{width:50%}
.mark{font-family:monospace;font-weight:bold} code{font-size:.9em}
@media print{details{display:block}}
"""


def e(text: str | None) -> str:
    """Outside text, escaped and with hidden characters made visible."""
    return html.escape(visible(text or ""), quote=True)


def render(diff: DraftDiff, *, stat: bool = False, layout: str = "inline", show_all: bool = False,
           substantive: bool = False, **_: object) -> str:
    o, n = diff.old, diff.new
    out = ["<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">',
           '<meta name="viewport" content="width=device-width, initial-scale=1">',
           f"<title>Changes from {e(o.id)} to {e(n.id)}</title>", f"<style>{_CSS}</style></head><body>",
           f"<h1>Changes from {e(o.id)} to {e(n.id)}</h1>"]
    out += body(diff, stat=stat, layout=layout, show_all=show_all, substantive=substantive)
    out.append("</body></html>")
    return "\n".join(out) + "\n"


def body(diff: DraftDiff, *, stat: bool = False, layout: str = "inline", show_all: bool = False,
         substantive: bool = False) -> list[str]:
    """Everything under the page's ``h1`` (``h2`` and ``h3`` headings): the site's redline pages use it too."""
    o, n = diff.old, diff.new
    out = ["<table><tr><th></th><th>old</th><th>new</th></tr>"]
    for name, a, b in (("draft", o.label, n.label), ("title", o.title, n.title), ("date", ev.dated(o), ev.dated(n)),
                       ("kind", f"{o.kind} by {o.proposed_by}", f"{n.kind} by {n.proposed_by}"),
                       ("stage", o.stage, n.stage)):
        out.append(f"<tr><th>{name}</th><td>{e(a)}</td><td>{e(b)}</td></tr>")
    out.append("</table>")
    for note in diff.notes:
        out.append(f'<p class="note">{e(note)}</p>')
    out.append(f"<p><strong>Agreement:</strong> {e(ev.counts_line(diff))}</p>")
    lines = [e(line) for line in agreement_lines(diff, wording=stat, substantive=substantive)]
    lines += [f"{e(ev.field_label(f.field))}: {inline(f.redline)}" for f in diff.listed_agreement(substantive)
              if ev.record_redline(f) and not stat]
    if lines:
        out.append("<ul>" + "".join(f"<li>{line}</li>" for line in lines) + "</ul>")
    out.append(f"<p><strong>Summary:</strong> {e(summary_line(diff, substantive))}</p>")
    moved = status_change_lines(diff)
    if moved:
        out.append("<p><strong>Status changes:</strong></p><ul>"
                   + "".join(f"<li>{e(line)}</li>" for line in moved) + "</ul>")
    shown = diff.listed_articles(show_all, substantive)
    out += _change_list(shown)
    if stat:
        others = [f"{e(ev.source_phrase(x))}" for x in diff.listed_sources(substantive)]
        others += [f"claimed count {e(ev.claim_phrase(c))}" for c in diff.listed_claims(substantive)]
        others += [f"precondition {e(p.id)}: {e(', '.join(ev.precondition_phrases(p)) or ev.unchanged_phrase(p))}"
                   for p in diff.listed_preconditions(show_all, substantive)]
        if others:
            out.append("<ul>" + "".join(f"<li>{line}</li>" for line in others) + "</ul>")
    if not stat:
        out.append("<h2>Articles</h2>")
        for k, article in enumerate(shown):
            out += _article(article, k, layout)
        conditions = diff.listed_preconditions(show_all, substantive)
        if conditions:
            out.append("<h2>Preconditions</h2>")
            for p in conditions:
                out += _precondition(p)
        out += _sources(diff, substantive)
        out += _claims(diff, substantive)
    return out


def _change_list(articles: Sequence[ArticleChange]) -> list[str]:
    out = ["<h2>Change list</h2>", "<table><tr><th></th><th>article</th><th>id</th><th>changes</th>"
           "<th>words +/−</th><th>similarity</th></tr>"]
    for k, a in enumerate(articles):
        counts = ev.word_counts(a).split(" ")
        words, similarity = (" / ".join(counts[:2]), counts[2]) if len(counts) == 3 else (counts[0] or "–", "–")
        out.append(f'<tr><td class="mark">{e(mark(a))}</td><td><a href="#a{k}">{e(listed_name(a))}</a></td>'
                   f"<td><code>{e(a.id)}</code></td><td>{e(', '.join(describe(a)) or ev.unchanged_phrase(a))}</td>"
                   f"<td>{e(words)}</td><td>{e(similarity)}</td></tr>")
    out.append("</table>")
    return out


def inline(segments: Sequence[Segment]) -> str:
    parts = []
    for s in segments:
        if s.op == "equal":
            parts.append(e(s.text))
        elif s.op == "delete":
            parts.append(f"<del>{e(s.text)}</del>")
        else:
            parts.append(f"<ins>{e(s.text)}</ins>")
    return "".join(parts)


def side_by_side(segments: Sequence[Segment]) -> tuple[str, str]:
    old, new = [], []
    for s in segments:
        if s.op == "equal":
            old.append(e(s.old))
            new.append(e(s.text))
        elif s.op == "delete":
            old.append(f"<del>{e(s.text)}</del>")
        else:
            new.append(f"<ins>{e(s.text)}</ins>")
    return "".join(old), "".join(new)


def _article(a: ArticleChange, k: int, layout: str) -> list[str]:
    ident = ident_of(a)
    out = [f'<h3 id="a{k}"><span class="mark">{e(mark(a))}</span> {e(number_text(a))}: {e(a.title)} '
           f"<code>{e(ident)}</code></h3>"]
    if a.kinds or a.hidden_kinds:
        out.append(f'<p class="kinds">{e(" · ".join(describe(a)) or ev.unchanged_phrase(a))}</p>')
    for f in a.fields:
        if ev.shown_as_redline(f):
            out.append(f"<p>{e(ev.field_label(f.field))}: {inline(f.redline)}</p>")
    if a.redline:
        old, new = side_by_side(a.redline)
        open_inline = " open" if layout == "inline" else ""
        open_sbs = " open" if layout == "side-by-side" else ""
        out.append(f'<details{open_inline}><summary>inline</summary><div class="text">{inline(a.redline)}</div>'
                   "</details>")
        out.append(f'<details{open_sbs}><summary>side by side</summary><table class="sbs"><tr>'
                   f'<th>old{_num(a.part, a.old_number)}</th><th>new{_num(a.part, a.new_number)}</th></tr>'
                   f'<tr><td class="text">{old}</td><td class="text">{new}</td></tr></table></details>')
    if a.positions:
        out.append("<ul>")
        for p in a.positions:
            basis = ev.position_basis(p)
            sources = ev.signed(p.sources_added, p.sources_removed)
            what = p.change if p.change != "changed" else ev.position_phrase(p).removeprefix(p.party).lstrip(" :")
            notes = "".join(f" — {e(f.field)}: {inline(f.redline)}" for f in p.fields)
            out.append(f"<li><strong>Position of {e(p.party)}</strong> ({e(basis)}, {e(what)}): "
                       f'<span class="text">{inline(p.redline)}</span>'
                       f"{' — sources ' + e(sources) if sources else ''}{notes}</li>")
        out.append("</ul>")
    return out


def _num(part: str, number: ArticleNumber | None) -> str:
    return f" ({part_label(part, display(number))})" if number is not None else ""


def _precondition(p: PreconditionChange) -> list[str]:
    what = ev.precondition_phrases(p)
    out = [f"<h3>{e(p.id)} <small>({e(p.party)})</small></h3>",
           f'<p class="kinds">{e(", ".join(what) or ev.unchanged_phrase(p))}</p>',
           f'<p class="text">{inline(p.redline)}</p>']
    out += [f"<p>{e(ev.field_label(f.field))}: {inline(f.redline)}</p>" for f in p.fields if ev.shown_as_redline(f)]
    return out


_SIGN = {"added": "+", "removed": "-", "changed": "~"}


def _sources(diff: DraftDiff, substantive: bool) -> list[str]:
    shown = diff.listed_sources(substantive)
    if not shown:
        return []
    out = ["<h2>Sources</h2>", "<ul>"]
    for s in shown:
        head = f'<span class="mark">{e(_SIGN[s.change])}</span> <code>{e(s.id)}</code>'
        if s.change == "changed":
            rows = "".join(f"<li>{e(ev.field_label(f.field))}: "
                           f"{inline(f.redline) if ev.record_redline(f) else e(f'{ev.value(f.old)} → {ev.value(f.new)}')}</li>"
                           for f in s.fields)
            out.append(f"<li>{head}: {e(s.title)}<ul>{rows}</ul></li>")
        else:
            quote = (s.new or s.old or {}).get("quote")
            quoted = f'<br>quote: <span class="text">{e(quote)}</span>' if quote else ""
            out.append(f"<li>{head} {e(s.change)}: {e(ev.source_described(s.new or s.old))}{quoted}</li>")
    return out + ["</ul>"]


def _claims(diff: DraftDiff, substantive: bool) -> list[str]:
    shown = diff.listed_claims(substantive)
    if not shown:
        return []
    out = ["<h2>Claimed counts</h2>", "<ul>"]
    for c in shown:
        notes = "".join(f"<br>{e(f.field)}: {inline(f.redline)}" for f in c.fields if ev.shown_as_redline(f))
        out.append(f'<li><span class="mark">{e(_SIGN[c.change])}</span> {e(ev.claim_phrase(c))}{notes}</li>')
    return out + ["</ul>"]
