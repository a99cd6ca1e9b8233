"""A draft diff as Markdown: ``<del>``/``<ins>`` redlines, every piece of outside text escaped.

Article text is escaped twice over: HTML-escaped (so ``<script>`` stays text
inside the ``<del>``/``<ins>`` tags) and Markdown-escaped (so ``[bracketed text]``,
``*stars*`` or ``# hashes`` in a proposal are shown, not interpreted).
"""

from __future__ import annotations

from collections.abc import Sequence

from draftdiff.diff.result import ArticleChange, DraftDiff, PreconditionChange, Segment
from draftdiff.render.diff_common import (
    Gap,
    agreement_lines,
    collapse,
    counts_line,
    describe,
    ident_of,
    label,
    mark,
    number_text,
    status_change_lines,
    summary_line,
    text_changed,
)
from draftdiff.render import markdown

md = markdown.block
"""Outside text made inert in Markdown (and in the HTML Markdown may contain)."""


def render(diff: DraftDiff, *, stat: bool = False, show_all: bool = False, context: int | None = 30,
           substantive: bool = False) -> str:
    o, n = diff.old, diff.new
    lines = [f"# Changes from {md(o.id)} to {md(n.id)}", "",
             "| | old | new |", "|---|---|---|",
             f"| draft | {md(o.label)} | {md(n.label)} |",
             f"| title | {md(o.title)} | {md(n.title)} |",
             f"| date | {o.date} | {n.date} |",
             f"| kind | {o.kind} by {md(o.proposed_by)} | {n.kind} by {md(n.proposed_by)} |",
             f"| stage | {o.stage} | {n.stage} |", ""]
    for note in diff.notes:
        lines.append(f"> **Note:** {md(note)}")
    if diff.notes:
        lines.append("")
    lines.append(f"**Agreement:** {md(counts_line(diff))}")
    for line in agreement_lines(diff):
        lines.append(f"- {md(line)}")
    lines += ["", f"**Summary:** {md(summary_line(diff))}", ""]
    moved = status_change_lines(diff)
    if moved:
        lines += ["**Status changes:**", ""] + [f"- {md(line)}" for line in moved] + [""]
    if stat:
        lines += _stat(diff, show_all)
        return "\n".join(lines).rstrip("\n") + "\n"
    lines += ["## Articles", ""]
    shown = diff.listed_articles(show_all, substantive)
    if not shown:
        lines += ["No article changed.", ""]
    for article in shown:
        lines += _article(article, context)
    shown = diff.listed_preconditions(show_all, substantive)
    if shown:
        lines += ["## Preconditions", ""]
        for p in shown:
            lines += _precondition(p, context)
    return "\n".join(lines).rstrip("\n") + "\n"


def redline(segments: Sequence[Segment], context: int | None) -> str:
    out = []
    for item in collapse(segments, context):
        if isinstance(item, Gap):
            out.append(f" *… {item.words} unchanged words …* ")
        elif item.op == "equal":
            out.append(md(item.text))
        elif item.op == "delete":
            out.append(f"<del>{md(item.text)}</del>")
        else:
            out.append(f"<ins>{md(item.text)}</ins>")
    return "".join(out).strip()


def _article(a: ArticleChange, context: int | None) -> list[str]:
    ident = md(ident_of(a))
    lines = [f"### {mark(a)} {number_text(a)}: {md(a.title)} \\[{ident}\\]", ""]
    if a.kinds:
        lines += ["*" + md(" · ".join(describe(a))) + "*", ""]
    for f in a.fields:
        if f.redline:
            lines += [f"{f.field.replace('_', ' ').capitalize()}: {redline(f.redline, None)}", ""]
    if a.redline and (text_changed(a) or context is None):
        lines += [_quote(redline(a.redline, context)), ""]
    for p in a.positions:
        basis = p.old_basis if p.old_basis == p.new_basis else f"{p.old_basis or '–'} → {p.new_basis or '–'}"
        lines += [f"- **Position of {md(p.party)}** ({md(basis or '')}, {p.change}): {redline(p.redline, context)}"]
        if p.sources_added or p.sources_removed:
            lines[-1] += " — sources " + md(" ".join([*(f"+{s}" for s in p.sources_added),
                                                     *(f"-{s}" for s in p.sources_removed)]))
    if a.positions:
        lines.append("")
    return lines


def _quote(text: str) -> str:
    return "\n".join("> " + line if line.strip() else ">" for line in text.split("\n"))


def _precondition(p: PreconditionChange, context: int | None) -> list[str]:
    what = []
    for kind in p.kinds:
        if kind in ("status-changed", "withdrawn"):
            what.append(f"{label(kind)} ({p.old_status} → {p.new_status})")
        else:
            what.append(label(kind))
    head = f"- **{md(p.id)}** ({md(p.party)}): {md(', '.join(what) or 'unchanged')}"
    if any(s.op != "equal" for s in p.redline) or not p.kinds:
        return [head, f"  {redline(p.redline, None if not p.kinds else context)}", ""]
    return [head, ""]


def _stat(diff: DraftDiff, show_all: bool) -> list[str]:
    lines = ["| | article | id | changes | words +/− | similarity |", "|---|---|---|---|---|---|"]
    for a in diff.articles:
        if a.kinds or show_all:
            lines.append(f"| {md(mark(a))} | {md(number_text(a))} | {md(a.id)} | "
                         f"{md(', '.join(describe(a)) or 'unchanged')} | "
                         f"+{a.stats.words_inserted} / −{a.stats.words_deleted} | {a.stats.similarity:.0%} |")
    return lines + [""]
