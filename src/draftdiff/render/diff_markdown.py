"""A draft diff as Markdown: ``<del>``/``<ins>`` redlines, every piece of outside text escaped.

Article text is escaped twice over: HTML-escaped (so ``<script>`` stays text
inside the ``<del>``/``<ins>`` tags) and Markdown-escaped (so ``[bracketed text]``,
``*stars*`` or ``# hashes`` in a proposal are shown, not interpreted).
"""

from __future__ import annotations

from collections.abc import Sequence

from draftdiff.diff import phrases as ev
from draftdiff.diff.result import ArticleChange, DraftDiff, PreconditionChange, Segment
from draftdiff.render import markdown
from draftdiff.render.diff_common import (
    Gap,
    agreement_lines,
    collapse,
    describe,
    ident_of,
    listed_name,
    mark,
    number_text,
    status_change_lines,
    summary_line,
    text_changed,
)

md = markdown.block
"""Outside text made inert in Markdown (and in the HTML Markdown may contain)."""


def render(diff: DraftDiff, *, stat: bool = False, show_all: bool = False, context: int | None = 30,
           substantive: bool = False) -> str:
    o, n = diff.old, diff.new
    lines = [f"# Changes from {md(o.id)} to {md(n.id)}", "",
             "| | old | new |", "|---|---|---|",
             f"| draft | {md(o.label)} | {md(n.label)} |",
             f"| title | {md(o.title)} | {md(n.title)} |",
             f"| date | {ev.dated(o)} | {ev.dated(n)} |",
             f"| kind | {o.kind} by {md(o.proposed_by)} | {n.kind} by {md(n.proposed_by)} |",
             f"| stage | {o.stage} | {n.stage} |", ""]
    for note in diff.notes:
        lines.append(f"> **Note:** {md(note)}")
    if diff.notes:
        lines.append("")
    lines.append(f"**Agreement:** {md(ev.counts_line(diff))}")
    for line in agreement_lines(diff, wording=stat, substantive=substantive):
        lines.append(f"- {md(line)}")
    for f in diff.listed_agreement(substantive):
        if ev.record_redline(f) and not stat:
            lines.append(f"- {md(ev.field_label(f.field).capitalize())}: {redline(f.redline, None)}")
    lines += ["", f"**Summary:** {md(summary_line(diff, substantive))}", ""]
    moved = status_change_lines(diff)
    if moved:
        lines += ["**Status changes:**", ""] + [f"- {md(line)}" for line in moved] + [""]
    if stat:
        lines += _stat(diff, show_all, substantive)
        return "\n".join(lines).rstrip("\n") + "\n"
    lines += ["## Articles", ""]
    shown = diff.listed_articles(show_all, substantive)
    if not shown:
        lines += ["No article changed.", ""]
    for article in shown:
        lines += _article(article, context)
    conditions = diff.listed_preconditions(show_all, substantive)
    if conditions:
        lines += ["## Preconditions", ""]
        for p in conditions:
            lines += _precondition(p, context)
    lines += _sources(diff, substantive)
    lines += _claims(diff, substantive)
    return "\n".join(lines).rstrip("\n") + "\n"


_SIGN = {"added": "+", "removed": "-", "changed": "~"}


def _sources(diff: DraftDiff, substantive: bool) -> list[str]:
    shown = diff.listed_sources(substantive)
    if not shown:
        return []
    lines = ["## Sources", ""]
    for s in shown:
        if s.change == "changed":
            lines.append(f"- {md(_SIGN[s.change])} **{md(s.id)}**: {md(s.title)}")
            for f in s.fields:
                shown_value = redline(f.redline, None) if ev.record_redline(f) else md(f"{ev.value(f.old)} → {ev.value(f.new)}")
                lines.append(f"  - {md(ev.field_label(f.field))}: {shown_value}")
        else:
            lines.append(f"- {md(_SIGN[s.change])} **{md(s.id)}** {s.change}: {md(ev.source_described(s.new or s.old))}")
            quote = (s.new or s.old or {}).get("quote")
            if quote:
                lines.append(f"  - quote: {md(quote)}")
    return lines + [""]


def _claims(diff: DraftDiff, substantive: bool) -> list[str]:
    shown = diff.listed_claims(substantive)
    if not shown:
        return []
    lines = ["## Claimed counts", ""]
    for c in shown:
        lines.append(f"- {md(_SIGN[c.change])} {md(ev.claim_phrase(c))}")
        for f in c.fields:
            if ev.shown_as_redline(f):
                lines.append(f"  - {md(f.field)}: {redline(f.redline, None)}")
    return lines + [""]


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
    if a.kinds or a.hidden_kinds:
        lines += ["*" + md(" · ".join(describe(a)) or ev.unchanged_phrase(a)) + "*", ""]
    for f in a.fields:
        if ev.shown_as_redline(f):
            lines += [f"{md(ev.field_label(f.field).capitalize())}: {redline(f.redline, None)}", ""]
    if a.redline and (text_changed(a) or context is None):
        lines += [_quote(redline(a.redline, context)), ""]
    for p in a.positions:
        basis = ev.position_basis(p)
        what = p.change if p.change != "changed" else ev.position_phrase(p).removeprefix(p.party).lstrip(" :")
        lines += [f"- **Position of {md(p.party)}** ({md(basis or '')}, {md(what)}): {redline(p.redline, context)}"]
        if p.sources_added or p.sources_removed:
            lines[-1] += " — sources " + md(ev.signed(p.sources_added, p.sources_removed))
        for f in p.fields:
            lines[-1] += f" — {md(f.field)}: {redline(f.redline, None)}"
    if a.positions:
        lines.append("")
    return lines


def _quote(text: str) -> str:
    return "\n".join("> " + line if line.strip() else ">" for line in text.split("\n"))


def _precondition(p: PreconditionChange, context: int | None) -> list[str]:
    what = ev.precondition_phrases(p)
    head = f"- **{md(p.id)}** ({md(p.party)}): {md(', '.join(what) or ev.unchanged_phrase(p))}"
    lines = [head]
    if any(s.op != "equal" for s in p.redline) or not p.kinds:
        lines.append(f"  {redline(p.redline, None if not p.kinds else context)}")
    for f in p.fields:
        if ev.shown_as_redline(f):
            lines.append(f"  - {md(ev.field_label(f.field))}: {redline(f.redline, None)}")
    return lines + [""]


def _stat(diff: DraftDiff, show_all: bool, substantive: bool = False) -> list[str]:
    lines = ["| | article | id | changes | words +/− | similarity |", "|---|---|---|---|---|---|"]
    for a in diff.listed_articles(show_all, substantive):
        counts = ev.word_counts(a).split(" ")
        words, similarity = (" / ".join(counts[:2]), counts[2]) if len(counts) == 3 else (counts[0] or "–", "–")
        lines.append(f"| {md(mark(a))} | {md(listed_name(a))} | {md(a.id)} | "
                     f"{md(', '.join(describe(a)) or ev.unchanged_phrase(a))} | {md(words)} | {md(similarity)} |")
    lines.append("")
    rest = [f"- {md(_SIGN[s.change])} {md(ev.source_phrase(s))}" for s in diff.listed_sources(substantive)]
    rest += [f"- {md(_SIGN[c.change])} claimed count {md(ev.claim_phrase(c))}" for c in diff.listed_claims(substantive)]
    rest += [f"- precondition {md(p.id)}: {md(', '.join(ev.precondition_phrases(p)) or ev.unchanged_phrase(p))}"
             for p in diff.listed_preconditions(show_all, substantive)]
    return lines + (rest + [""] if rest else [])
