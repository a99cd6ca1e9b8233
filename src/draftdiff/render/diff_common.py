"""What every diff renderer says the same way: change-kind wording, article headings, '…' cuts."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from draftdiff.diff import phrases as ev
from draftdiff.diff import result as r
from draftdiff.diff.result import ArticleChange, DraftDiff, Segment
from draftdiff.diff.tokens import words
from draftdiff.numbering import ArticleNumber, display, same_number
from draftdiff.vocab import CHANGE_LABELS, change_label, part_label

KIND_LABELS = CHANGE_LABELS

MARK = {"added": "+", "removed": "-", "changed": "~", "same": "="}


label = change_label


def mark(article: ArticleChange) -> str:
    if r.ADDED in article.kinds:
        return MARK["added"]
    if r.REMOVED in article.kinds:
        return MARK["removed"]
    return MARK["changed"] if article.kinds else MARK["same"]


def number_text(article: ArticleChange) -> str:
    """``Article 7``, ``Article 7 → 8``, ``Article 5 bis``, ``Preamble``: named by :func:`draftdiff.vocab.part_label`."""
    old, new, part = article.old_number, article.new_number, article.part
    if same_number(old, new) or (old is None and article.new_id is not None):
        return part_label(part, None if new is None else display(new))
    if new is None and article.new_id is None:
        return part_label(part, None if old is None else display(old))
    return f"{part_label(part, None if old is None else display(old))} → {'–' if new is None else display(new)}"


def listed_name(article: ArticleChange) -> str:
    """What a change list names an entry by: :func:`number_text`, or the title of an article with no number,
    since a list of "Unnumbered article" links tells none of them apart."""
    if article.part == "article" and article.old_number is None and article.new_number is None:
        return article.title
    return number_text(article)


def _shown(number: ArticleNumber | None) -> str:
    return "–" if number is None else display(number)


def describe(article: ArticleChange) -> list[str]:
    """One phrase per change kind, with the values that changed (a text change may bring several)."""
    return [phrase for kind in article.kinds for phrase in kind_phrases(article, kind)]


def kind_phrases(article: ArticleChange, kind: str) -> list[str]:
    """The phrases one change kind of ``article`` is described with, so a renderer can pick kinds."""
    if kind == r.TEXT_CHANGED:
        fragments = ev.fragment_phrases(article)
        if fragments:
            return (["text changed"] if text_changed(article) else []) + fragments
    phrase = _PHRASES.get(kind)
    return [phrase(article) if phrase else label(kind)]


_PHRASES: dict[str, Callable[[ArticleChange], str]] = {
    r.STATUS_CHANGED: lambda a: f"status {a.old_status} → {a.new_status}",
    r.RENUMBERED: lambda a: f"renumbered {_shown(a.old_number)} → {_shown(a.new_number)}",
    r.MOVED: lambda a: f"moved (place {_place(a.old_index)} → {_place(a.new_index)})",
    r.SPLIT: lambda a: f"split from {a.old_id} into {', '.join(a.related)}",
    r.MERGED: lambda a: f"merged from {', '.join(a.related)} into {a.new_id}",
    r.ID_CHANGED: lambda a: f"id {a.old_id} → {a.new_id} (matched by wording, {a.stats.similarity:.0%} similar)",
    r.BASIS_CHANGED: ev.basis_phrase,
    r.SOURCES_CHANGED: ev.sources_phrase,
    r.POSITION_CHANGED: ev.positions_phrase,
    r.NOTES_CHANGED: ev.notes_phrase,
    r.PART_CHANGED: lambda a: ", ".join(ev.arrow(f) for f in a.fields if f.kind == r.PART_CHANGED),
    r.ADDED: ev.added_phrase,
    r.REMOVED: ev.removed_phrase,
}
"""The phrase of each kind that is described by one phrase with its values; the rest by their label."""


def ident_of(article: ArticleChange) -> str:
    """The stable id, or ``old → new`` when the article was matched across an id change."""
    if article.old_id is None or article.new_id is None or article.old_id == article.new_id:
        return article.id
    return f"{article.old_id} → {article.new_id}"


def text_changed(article: ArticleChange) -> bool:
    return any(s.op != "equal" for s in article.redline)


def _place(index: int | None) -> str:
    return "–" if index is None else str(index + 1)


@dataclass(frozen=True)
class Gap:
    """Unchanged words left out of a long redline."""

    words: int


def collapse(segments: Sequence[Segment], context: int | None) -> list[Segment | Gap]:
    """Keep ``context`` words of unchanged text around each change; the rest becomes a :class:`Gap`."""
    if context is None:
        return list(segments)
    out: list[Segment | Gap] = []
    last = len(segments) - 1
    for k, seg in enumerate(segments):
        if seg.op != "equal":
            out.append(seg)
            continue
        toks = words(seg.text)
        keep_head = context if k > 0 else 0
        keep_tail = context if k < last else 0
        if len(toks) <= keep_head + keep_tail + 3:
            out.append(seg)
            continue
        head = "".join(toks[:keep_head])
        tail = "".join(toks[len(toks) - keep_tail:]) if keep_tail else ""
        if head:
            out.append(Segment("equal", head))
        out.append(Gap(len(toks) - keep_head - keep_tail))
        if tail:
            out.append(Segment("equal", tail))
    return out


def agreement_lines(diff: DraftDiff, *, wording: bool = True, substantive: bool = False) -> list[str]:
    """Changes of the version as short phrases (``wording=False``: leave out fields shown as a redline)."""
    out = []
    for f in diff.listed_agreement(substantive):
        if ev.record_redline(f) and not wording:
            continue
        out.append(ev.version_phrase(f, diff))
    return out


def summary_line(diff: DraftDiff, substantive: bool = False) -> str:
    changed = len(diff.changed_articles)
    same = len(diff.articles) - changed - len(diff.unrecorded_articles)
    s = diff.stats
    kinds = ", ".join(f"{n} {label(k)}" for k, n in diff.kind_counts().items())
    text = f"{changed} article entr{'y' if changed == 1 else 'ies'} changed, {same} unchanged; "
    if s.words_old or s.words_new:
        text += (f"article text: {s.words_inserted} words inserted, {s.words_deleted} deleted, "
                 f"similarity {s.similarity:.1%}")
    else:
        text += "neither version has article text (only positions and statuses to compare)"
    text += f" ({kinds})" if kinds else ""
    record = ev.record_summary(diff, substantive)
    if record:
        text += f"; also {record}"
    for phrase in ev.unrecorded_phrases(diff):
        text += f"; {phrase}"
    hidden = hidden_note(diff, substantive)
    return text + (f"; {hidden}" if hidden else "")


def status_change_lines(diff: DraftDiff) -> list[str]:
    """``Article 7 third-party-forces: disputed → agreed``, one per article whose status moved."""
    out = []
    for a in diff.articles:
        if r.STATUS_CHANGED in a.kinds:
            out.append(f"{number_text(a)} {ident_of(a)}: {a.old_status or '–'} → {a.new_status or '–'}")
    return out


def hidden_note(diff: DraftDiff, substantive: bool) -> str:
    """``--substantive: 3 clerical changes not shown`` (or ""): the command line's words, so kept with the renderers."""
    n = diff.hidden_by_substantive() if substantive else 0
    return f"--substantive: {n} clerical change{'s' * (n != 1)} not shown" if n else ""
