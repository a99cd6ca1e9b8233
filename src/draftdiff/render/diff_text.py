"""A draft diff for the terminal: ``[-deleted-]{+inserted+}`` markers, with colour where wanted.

The markers are always there, so the redline reads the same with NO_COLOR, in a
pipe, and for readers who cannot tell red from green. Outside text goes through
``textsafe.visible``: an escape sequence in an article is shown, never obeyed.
"""

from __future__ import annotations

from collections.abc import Sequence

from draftdiff.diff import phrases as ev
from draftdiff.diff.result import ArticleChange, DraftDiff, PreconditionChange, Segment
from draftdiff.render.ansi import style
from draftdiff.render.diff_common import (
    Gap,
    collapse,
    describe,
    ident_of,
    mark,
    number_text,
    status_change_lines,
    summary_line,
    text_changed,
)
from draftdiff.textsafe import visible

INDENT = "    "


def render(diff: DraftDiff, *, color: bool = False, stat: bool = False, show_all: bool = False,
           context: int | None = 30, substantive: bool = False) -> str:
    lines = _header(diff, color, substantive, stat)
    moved = status_change_lines(diff)
    if moved:
        lines += ["", style("Status changes", "bold", color=color)]
        lines += [f"  {visible(line, keep_newlines=False)}" for line in moved]
    if stat:
        lines += _stat(diff, color, show_all, substantive)
    else:
        for article in diff.listed_articles(show_all, substantive):
            lines += [""] + _article(article, color, context)
        changed = diff.listed_preconditions(show_all, substantive)
        if changed:
            lines += ["", style("Preconditions", "bold", color=color)]
            for p in changed:
                lines += _precondition(p, color, context)
        lines += _sources(diff, color, substantive)
        lines += _claims(diff, color, substantive)
    lines += ["", style(summary_line(diff, substantive), "bold", color=color)]
    return "\n".join(lines) + "\n"


def _line(text: str) -> str:
    return visible(text, keep_newlines=False)


def _sources(diff: DraftDiff, color: bool, substantive: bool) -> list[str]:
    """Each changed entry of the sources list, with every field that changed (the quote as a redline)."""
    shown = diff.listed_sources(substantive)
    if not shown:
        return []
    lines = ["", style("Sources", "bold", color=color)]
    for s in shown:
        sign = {"added": "+", "removed": "-", "changed": "~"}[s.change]
        colour = {"+": "green", "-": "red", "~": "yellow"}[sign]
        if s.change == "changed":
            lines.append(style(f"{sign} {_line(s.id)}: {_line(s.title)}", colour, "bold", color=color))
            for f in s.fields:
                if ev.record_redline(f):
                    lines.append(f"{INDENT}{ev.field_label(f.field)}: " + _redline(f.redline, color, None, INDENT * 2).lstrip())
                else:
                    lines.append(f"{INDENT}{_line(ev.source_field_phrase(f))}")
        else:
            lines.append(style(f"{sign} {_line(s.id)}: {_line(ev.source_described(s.new or s.old))}  {s.change}",
                               colour, "bold", color=color))
            quote = (s.new or s.old or {}).get("quote")
            if quote:
                lines.append(f"{INDENT}quote: {_line(quote)}")
    return lines


def _claims(diff: DraftDiff, color: bool, substantive: bool) -> list[str]:
    """Claimed counts added, removed or changed: ``~ Ilham Aliyev 2024-12-18: agreed 15 → 16``."""
    shown = diff.listed_claims(substantive)
    if not shown:
        return []
    lines = ["", style("Claimed counts", "bold", color=color)]
    for c in shown:
        sign = {"added": "+", "removed": "-", "changed": "~"}[c.change]
        lines.append(f"{sign} {_line(ev.claim_phrase(c))}")
        for f in c.fields:
            if ev.shown_as_redline(f):
                lines.append(f"{INDENT}{f.field}: " + _redline(f.redline, color, None, INDENT * 2).lstrip())
    return lines


def _header(diff: DraftDiff, color: bool, substantive: bool = False, stat: bool = False) -> list[str]:
    lines = []
    for sign, side, colour in (("---", diff.old, "red"), ("+++", diff.new, "green")):
        named = "" if side.label == side.id else f"{visible(side.label, keep_newlines=False)}  "
        lines.append(style(f"{sign} {named}{side.id} ({ev.dated(side)}, {side.kind} by "
                           f"{side.proposed_by}, {side.stage}): {visible(side.title, keep_newlines=False)}",
                           colour, "bold", color=color))
    for note in diff.notes:
        lines.append(style(f"note: {visible(note, keep_newlines=False)}", "yellow", color=color))
    lines.append(f"Agreement: {ev.counts_line(diff)}")
    for f in diff.listed_agreement(substantive):
        phrase = ev.version_phrase(f, diff)
        if phrase.startswith("articles"):  # the counts line above says it
            continue
        if ev.record_redline(f):
            if stat:
                lines.append(f"  {visible(phrase, keep_newlines=False)}")
            continue
        old, new = ev.field_values(f, diff)  # read whole, the old value struck as in a redline
        lines.append(f"  {ev.field_label(f.field)}: " + style(_line(old), "red", "strike", color=color) + " → "
                     + style(_line(new), "green", color=color) + (ev.ALTERNAT if f.party_order else ""))
    for f in diff.listed_agreement(substantive):
        if ev.record_redline(f) and not stat:
            lines.append(f"  {ev.field_label(f.field)}: " + _redline(f.redline, color, None, INDENT).lstrip())
    return lines


def _heading(article: ArticleChange, color: bool) -> str:
    sign = mark(article)
    colour = {"+": "green", "-": "red", "~": "yellow", "=": "dim"}[sign]
    ident = ident_of(article)
    return style(f"{sign} {number_text(article)}  {visible(article.title, keep_newlines=False)}  [{ident}]",
                 colour, "bold", color=color)


def _article(article: ArticleChange, color: bool, context: int | None) -> list[str]:
    lines = [_heading(article, color)]
    if article.kinds or article.hidden_kinds:
        lines.append(INDENT + (" · ".join(visible(d, keep_newlines=False) for d in describe(article))
                               or ev.unchanged_phrase(article)))
    for f in article.fields:
        if ev.shown_as_redline(f):
            lines.append(f"{INDENT}{ev.field_label(f.field)}: " + _redline(f.redline, color, None, INDENT * 2).lstrip())
    if article.redline and (text_changed(article) or context is None):
        lines.append(_redline(article.redline, color, context, INDENT))
    for p in article.positions:
        basis = ev.position_basis(p)
        what = p.change if p.change != "changed" else ev.position_phrase(p).removeprefix(p.party).lstrip(" :")
        lines.append(f"{INDENT}position of {_line(p.party)} ({basis}): {_line(what)}")
        if p.change != "changed" or ev.changed_wording(p.redline):
            lines.append(_redline(p.redline, color, context, INDENT * 2))
        if p.sources_added or p.sources_removed:
            lines.append(INDENT * 2 + "sources " + ev.signed(p.sources_added, p.sources_removed))
        for f in p.fields:
            lines.append(f"{INDENT * 2}{f.field}: " + _redline(f.redline, color, None, INDENT * 3).lstrip())
    return lines


def _precondition(p: PreconditionChange, color: bool, context: int | None) -> list[str]:
    sign = "+" if "added" in p.kinds else "-" if "removed" in p.kinds else "~" if p.kinds else "="
    colour = {"+": "green", "-": "red", "~": "yellow", "=": "dim"}[sign]
    parts = ev.precondition_phrases(p)
    lines = [style(f"{sign} {_line(p.id)} ({_line(p.party)})", colour, "bold", color=color)
             + (f"  {_line(' · '.join(parts))}" if parts else "")]
    if any(s.op != "equal" for s in p.redline) or not p.kinds:
        lines.append(_redline(p.redline, color, None if not p.kinds else context, INDENT))
    for f in p.fields:
        if ev.shown_as_redline(f):
            lines.append(f"{INDENT}{ev.field_label(f.field)}: " + _redline(f.redline, color, None, INDENT * 2).lstrip())
    return lines


def _redline(segments: Sequence[Segment], color: bool, context: int | None, indent: str) -> str:
    out: list[str] = []
    for item in collapse(segments, context):
        if isinstance(item, Gap):
            out.append(style(f" … ({item.words} unchanged words) … ", "dim", color=color))
        elif item.op == "equal":
            out.append(visible(item.text))
        elif item.op == "delete":
            out.append(style(f"[-{visible(item.text)}-]", "red", "strike", color=color))
        else:
            out.append(style(f"{{+{visible(item.text)}+}}", "green", "underline", color=color))
    text = "".join(out).rstrip("\n")
    return indent + text.replace("\n", "\n" + indent)


def _stat(diff: DraftDiff, color: bool, show_all: bool, substantive: bool = False) -> list[str]:
    lines = [""]
    for a in diff.listed_articles(show_all, substantive):
        ident = ident_of(a)
        what = ", ".join(describe(a)) or ev.unchanged_phrase(a)
        lines.append(f"{mark(a)} {number_text(a):<18} {_line(ident):<28} {ev.word_counts(a):<16} {_line(what)}")
    for p in diff.listed_preconditions(show_all, substantive):
        sign = "+" if "added" in p.kinds else "-" if "removed" in p.kinds else "~" if p.kinds else "="
        lines.append(f"{sign} precondition {_line(p.id):<28} "
                     f"{_line(', '.join(ev.precondition_phrases(p))) or ev.unchanged_phrase(p)}")
    for s in diff.listed_sources(substantive):
        lines.append(f"{ {'added': '+', 'removed': '-', 'changed': '~'}[s.change]} {_line(ev.source_phrase(s))}")
    for c in diff.listed_claims(substantive):
        sign = {"added": "+", "removed": "-", "changed": "~"}[c.change]
        lines.append(f"{sign} claimed count {_line(ev.claim_phrase(c))}")
    return lines
