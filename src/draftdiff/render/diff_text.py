"""A draft diff for the terminal: ``[-deleted-]{+inserted+}`` markers, with colour where wanted.

The markers are always there, so the redline reads the same with NO_COLOR, in a
pipe, and for readers who cannot tell red from green. Outside text goes through
``textsafe.visible``: an escape sequence in an article is shown, never obeyed.
"""

from __future__ import annotations

from collections.abc import Sequence

from draftdiff.diff.result import ArticleChange, DraftDiff, PreconditionChange, Segment
from draftdiff.render.ansi import style
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
from draftdiff.textsafe import visible

INDENT = "    "


def render(diff: DraftDiff, *, color: bool = False, stat: bool = False, show_all: bool = False,
           context: int | None = 30, substantive: bool = False) -> str:
    lines = _header(diff, color)
    moved = status_change_lines(diff)
    if moved:
        lines += ["", style("Status changes", "bold", color=color)]
        lines += [f"  {visible(line, keep_newlines=False)}" for line in moved]
    if stat:
        lines += _stat(diff, color, show_all)
    else:
        for article in diff.listed_articles(show_all, substantive):
            lines += [""] + _article(article, color, context)
        changed = diff.listed_preconditions(show_all, substantive)
        if changed:
            lines += ["", style("Preconditions", "bold", color=color)]
            for p in changed:
                lines += _precondition(p, color, context)
    lines += ["", style(summary_line(diff), "bold", color=color)]
    return "\n".join(lines) + "\n"


def _header(diff: DraftDiff, color: bool) -> list[str]:
    lines = []
    for sign, side, colour in (("---", diff.old, "red"), ("+++", diff.new, "green")):
        named = "" if side.label == side.id else f"{visible(side.label, keep_newlines=False)}  "
        lines.append(style(f"{sign} {named}{side.id} ({side.date}, {side.kind} by "
                           f"{side.proposed_by}, {side.stage}): {visible(side.title, keep_newlines=False)}",
                           colour, "bold", color=color))
    for note in diff.notes:
        lines.append(style(f"note: {visible(note, keep_newlines=False)}", "yellow", color=color))
    lines.append(f"Agreement: {counts_line(diff)}")
    for line in agreement_lines(diff, wording=False):
        if not line.startswith("articles"):
            lines.append(f"  {visible(line, keep_newlines=False)}")
    for f in diff.agreement:
        if f.redline:
            lines.append(f"  {f.field}: " + _redline(f.redline, color, None, INDENT).lstrip())
    return lines


def _heading(article: ArticleChange, color: bool) -> str:
    sign = mark(article)
    colour = {"+": "green", "-": "red", "~": "yellow", "=": "dim"}[sign]
    ident = ident_of(article)
    return style(f"{sign} {number_text(article)}  {visible(article.title, keep_newlines=False)}  [{ident}]",
                 colour, "bold", color=color)


def _article(article: ArticleChange, color: bool, context: int | None) -> list[str]:
    lines = [_heading(article, color)]
    if article.kinds:
        lines.append(INDENT + " · ".join(visible(d, keep_newlines=False) for d in describe(article)))
    for f in article.fields:
        if f.redline and f.field != "title" or (f.field == "title" and f.redline):
            lines.append(f"{INDENT}{f.field}: " + _redline(f.redline, color, None, INDENT * 2).lstrip())
    if article.redline and (text_changed(article) or context is None):
        lines.append(_redline(article.redline, color, context, INDENT))
    for p in article.positions:
        basis = p.old_basis if p.old_basis == p.new_basis else f"{p.old_basis or '–'} → {p.new_basis or '–'}"
        lines.append(f"{INDENT}position of {p.party} ({basis}): {p.change}")
        lines.append(_redline(p.redline, color, context, INDENT * 2))
        if p.sources_added or p.sources_removed:
            lines.append(INDENT * 2 + "sources " + " ".join([*(f"+{s}" for s in p.sources_added),
                                                             *(f"-{s}" for s in p.sources_removed)]))
    return lines


def _precondition(p: PreconditionChange, color: bool, context: int | None) -> list[str]:
    sign = "+" if "added" in p.kinds else "-" if "removed" in p.kinds else "~" if p.kinds else "="
    colour = {"+": "green", "-": "red", "~": "yellow", "=": "dim"}[sign]
    parts = []
    for kind in p.kinds:
        if kind in ("status-changed", "withdrawn"):
            parts.append(f"{label(kind)}: {p.old_status} → {p.new_status}")
        else:
            parts.append(label(kind))
    for f in p.fields:
        if f.field not in ("status",) and not f.redline:
            parts.append(f"{f.field} {f.old} → {f.new}")
    lines = [style(f"{sign} {p.id} ({p.party})", colour, "bold", color=color)
             + (f"  {' · '.join(parts)}" if parts else "")]
    if any(s.op != "equal" for s in p.redline) or not p.kinds:
        lines.append(_redline(p.redline, color, None if not p.kinds else context, INDENT))
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


def _stat(diff: DraftDiff, color: bool, show_all: bool) -> list[str]:
    lines = [""]
    for a in diff.articles:
        if not (a.kinds or show_all):
            continue
        ident = ident_of(a)
        what = ", ".join(describe(a)) or "unchanged"
        counts = f"+{a.stats.words_inserted} -{a.stats.words_deleted} {a.stats.similarity:.0%}"
        lines.append(f"{mark(a)} {number_text(a):<18} {ident:<28} {counts:<16} {visible(what, keep_newlines=False)}")
    for p in diff.preconditions:
        if p.kinds or show_all:
            sign = "+" if "added" in p.kinds else "-" if "removed" in p.kinds else "~" if p.kinds else "="
            lines.append(f"{sign} precondition {p.id:<28} "
                         f"{', '.join(label(k) for k in p.kinds) or 'unchanged'}")
    return lines
