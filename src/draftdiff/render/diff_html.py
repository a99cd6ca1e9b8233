"""A draft diff as one self-contained HTML page: change list, inline and side-by-side redlines.

No scripts, no external files. Every piece of outside text is escaped with
``html.escape`` after ``textsafe.visible``, so markup in a proposal is shown as
text and bidirectional overrides cannot reorder what the reader sees. Deletions
are struck through and insertions underlined as well as coloured.
"""

from __future__ import annotations

import html
from collections.abc import Sequence

from draftdiff.diff.result import ArticleChange, DraftDiff, PreconditionChange, Segment
from draftdiff.render.diff_common import (
    agreement_lines,
    counts_line,
    describe,
    ident_of,
    label,
    mark,
    number_text,
    status_change_lines,
    summary_line,
)
from draftdiff.numbering import ArticleNumber, display
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
           f"<h1>Changes from {e(o.id)} to {e(n.id)}</h1>",
           "<table><tr><th></th><th>old</th><th>new</th></tr>"]
    for name, a, b in (("draft", o.label, n.label), ("title", o.title, n.title), ("date", o.date, n.date),
                       ("kind", f"{o.kind} by {o.proposed_by}", f"{n.kind} by {n.proposed_by}"),
                       ("stage", o.stage, n.stage)):
        out.append(f"<tr><th>{name}</th><td>{e(a)}</td><td>{e(b)}</td></tr>")
    out.append("</table>")
    for note in diff.notes:
        out.append(f'<p class="note">{e(note)}</p>')
    out.append(f"<p><strong>Agreement:</strong> {e(counts_line(diff))}</p>")
    if agreement_lines(diff):
        out.append("<ul>" + "".join(f"<li>{e(line)}</li>" for line in agreement_lines(diff)) + "</ul>")
    out.append(f"<p><strong>Summary:</strong> {e(summary_line(diff))}</p>")
    moved = status_change_lines(diff)
    if moved:
        out.append("<p><strong>Status changes:</strong></p><ul>"
                   + "".join(f"<li>{e(line)}</li>" for line in moved) + "</ul>")
    shown = diff.listed_articles(show_all, substantive)
    out += _change_list(shown)
    if not stat:
        out.append("<h2>Articles</h2>")
        for k, article in enumerate(shown):
            out += _article(article, k, layout)
        shown = diff.listed_preconditions(show_all, substantive)
        if shown:
            out.append("<h2>Preconditions</h2>")
            for p in shown:
                out += _precondition(p)
    out.append("</body></html>")
    return "\n".join(out) + "\n"


def _change_list(articles: Sequence[ArticleChange]) -> list[str]:
    out = ["<h2>Change list</h2>", "<table><tr><th></th><th>article</th><th>id</th><th>changes</th>"
           "<th>words +/−</th><th>similarity</th></tr>"]
    for k, a in enumerate(articles):
        out.append(f'<tr><td class="mark">{e(mark(a))}</td><td><a href="#a{k}">{e(number_text(a))}</a></td>'
                   f"<td><code>{e(a.id)}</code></td><td>{e(', '.join(describe(a)) or 'unchanged')}</td>"
                   f"<td>+{a.stats.words_inserted} / −{a.stats.words_deleted}</td>"
                   f"<td>{a.stats.similarity:.0%}</td></tr>")
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
    if a.kinds:
        out.append(f'<p class="kinds">{e(" · ".join(describe(a)))}</p>')
    for f in a.fields:
        if f.redline:
            out.append(f"<p>{e(f.field.replace('_', ' '))}: {inline(f.redline)}</p>")
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
            basis = p.old_basis if p.old_basis == p.new_basis else f"{p.old_basis or '–'} → {p.new_basis or '–'}"
            sources = " ".join([*(f"+{s}" for s in p.sources_added), *(f"-{s}" for s in p.sources_removed)])
            out.append(f"<li><strong>Position of {e(p.party)}</strong> ({e(basis)}, {e(p.change)}): "
                       f'<span class="text">{inline(p.redline)}</span>'
                       f"{' — sources ' + e(sources) if sources else ''}</li>")
        out.append("</ul>")
    return out


def _num(part: str, number: ArticleNumber | None) -> str:
    return f" ({part_label(part, display(number))})" if number is not None else ""


def _precondition(p: PreconditionChange) -> list[str]:
    what = [f"{label(k)} ({p.old_status} → {p.new_status})" if k in ("status-changed", "withdrawn") else label(k)
            for k in p.kinds]
    return [f"<h3>{e(p.id)} <small>({e(p.party)})</small></h3>",
            f'<p class="kinds">{e(", ".join(what) or "unchanged")}</p>',
            f'<p class="text">{inline(p.redline)}</p>']
