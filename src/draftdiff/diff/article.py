"""Compare one article with its counterpart: wording, status, positions, sources, title."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from draftdiff.diff import result as r
from draftdiff.diff.redline import Redline, redline
from draftdiff.diff.result import (
    ArticleChange,
    DiffOptions,
    FieldChange,
    Op,
    PositionChange,
    Segment,
    TextStats,
)
from draftdiff.diff.tokens import Normalise
from draftdiff.model import Article
from draftdiff.numbering import same_number

PART_SEPARATOR = "\n\n"
"""How the parts of a split (or merge) are joined for the one redline that is then cut per part."""


@dataclass
class Context:
    """What every comparison in one draft diff shares."""

    options: DiffOptions
    party_names: list[str]
    problems: list[str]

    @property
    def norm(self) -> Normalise:
        o = self.options
        return Normalise(o.ignore_case, o.ignore_space, o.ignore_punctuation)

    def redline(self, old: str, new: str, where: str) -> Redline:
        result = redline(old, new, granularity=self.options.granularity, norm=self.norm,
                         timeout=self.options.timeout)
        if self.options.granularity == "char" and old != new:
            # statistics count words even when the redline shows characters
            words = redline(old, new, granularity="word", norm=self.norm, timeout=self.options.timeout)
            hits = result.stats.deadline_hits
            result.stats = words.stats
            result.stats.deadline_hits += hits
            result.problems.extend(words.problems)
        self.problems.extend(f"{where}: {p}" for p in result.problems)
        return result


def changed(segments: Sequence[Segment]) -> bool:
    return any(s.op != "equal" for s in segments)


@functools.lru_cache(maxsize=32)
def _names_pattern(names: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)) + r")\b")


def party_order_only(old: str, new: str, names: Sequence[str], segments: Sequence[Segment] | None = None) -> bool:
    """True when the two wordings differ only in which party is named where (alternat)."""
    if old == new or len(names) < 2:
        return False
    pattern = _names_pattern(tuple(names))
    if segments is not None:
        # cheap test first: every changed run must be made of party names (and spacing/punctuation)
        for seg in segments:
            if seg.op != "equal" and pattern.sub("", seg.text).strip(" ,.;:()\n\t"):
                return False
    old_names, new_names = pattern.findall(old), pattern.findall(new)
    if sorted(old_names) != sorted(new_names) or old_names == new_names:
        return False
    return pattern.sub("\x00", old) == pattern.sub("\x00", new)


def field_change(ctx: Context, name: str, old: str | None, new: str | None, wording: bool,
                 where: str, kind: str = "") -> FieldChange | None:
    """A changed field, redlined when it is wording; None when it is the same."""
    if old == new:
        return None
    segments: list[Segment] = []
    if wording:
        segments = ctx.redline(old or "", new or "", f"{where} {name}").segments
    return FieldChange(name, old, new, segments, party_order_only(old or "", new or "", ctx.party_names), kind)


def compare_pair(ctx: Context, old: Article, new: Article, old_index: int, new_index: int,
                 match: str) -> ArticleChange:
    """A full comparison of two articles taken to be the same one."""
    change = _entry(old, new, old_index, new_index, match)
    where = f"article {new.id}"
    text = ctx.redline(old.full_text, new.full_text, where)
    change.redline, change.stats = text.segments, text.stats
    if changed(text.segments):
        if party_order_only(old.full_text, new.full_text, ctx.party_names, text.segments):
            if not ctx.options.ignore_party_order:
                change.kinds.append(r.PARTY_ORDER)
        else:
            change.kinds.append(r.TEXT_CHANGED)
    if old.id != new.id:
        change.kinds.append(r.ID_CHANGED)
    _compare_fields(ctx, old, new, change, where)
    return change


def _entry(old: Article | None, new: Article | None, old_index: int | None, new_index: int | None,
           match: str) -> ArticleChange:
    shown = new or old
    assert shown is not None
    return ArticleChange(
        old_id=old.id if old else None, new_id=new.id if new else None,
        old_number=old.number if old else None, new_number=new.number if new else None,
        title=shown.title, old_title=old.title if old else None, new_title=new.title if new else None,
        old_status=old.status if old else None, new_status=new.status if new else None,
        old_index=old_index, new_index=new_index, match=match,  # type: ignore[arg-type]
        old_text_basis=old.effective_text_basis if old else None,
        new_text_basis=new.effective_text_basis if new else None,
        part=shown.part,
    )


def _compare_fields(ctx: Context, old: Article, new: Article, change: ArticleChange, where: str) -> None:
    kinds = change.kinds
    if old.number is not None and new.number is not None and not same_number(old.number, new.number):
        kinds.append(r.RENUMBERED)
    title = field_change(ctx, "title", old.title, new.title, True, where, r.TITLE_CHANGED)
    if title:
        change.fields.append(title)
        if not (title.party_order and ctx.options.ignore_party_order):
            kinds.append(r.TITLE_CHANGED)
    if old.status != new.status:
        change.fields.append(FieldChange("status", old.status, new.status, kind=r.STATUS_CHANGED))
        kinds.append(r.STATUS_CHANGED)
    if old.part != new.part:
        change.fields.append(FieldChange("part", old.part, new.part, kind=r.PART_CHANGED))
    for name in ("status_basis", "text_basis"):
        a = old.effective_text_basis if name == "text_basis" else old.status_basis
        b = new.effective_text_basis if name == "text_basis" else new.status_basis
        if a != b:
            change.fields.append(FieldChange(name, a, b, kind=r.BASIS_CHANGED))
    note_changes(ctx, old, new, change.fields, kinds, where)
    change.fields.extend(_fragments(ctx, old, new, where))
    change.positions = _positions(ctx, old, new, where)
    change.old_sources, change.new_sources = list(old.sources), list(new.sources)
    change.sources_added, change.sources_removed = list_changes(old.sources, new.sources)
    if change.sources_added or change.sources_removed:
        kinds.append(r.SOURCES_CHANGED)
    for fc in change.fields:
        if fc.kind and fc.kind not in kinds and not (fc.party_order and ctx.options.ignore_party_order):
            kinds.append(fc.kind)
    for position in change.positions:
        kinds.extend(k for k in position.kinds if k not in kinds)


def note_changes(ctx: Context, old: object, new: object, fields: list[FieldChange], kinds: list[str],
                 where: str) -> None:
    """``status_note`` and ``notes`` of an article or a precondition, as redlined field changes."""
    for name in ("status_note", "notes"):
        fc = field_change(ctx, name, getattr(old, name), getattr(new, name), True, where, r.NOTES_CHANGED)
        if fc:
            fields.append(fc)
            if r.NOTES_CHANGED not in kinds:
                kinds.append(r.NOTES_CHANGED)


def list_changes(old: Sequence[str], new: Sequence[str]) -> tuple[list[str], list[str]]:
    """(added, removed), each in the order of its own list."""
    old_set, new_set = set(old), set(new)
    return [s for s in new if s not in old_set], [s for s in old if s not in new_set]


def _positions(ctx: Context, old: Article, new: Article, where: str) -> list[PositionChange]:
    """Each party's position: added, dropped, reworded, or with only its basis, sources or notes changed."""
    out: list[PositionChange] = []
    parties = list(dict.fromkeys([*old.positions, *new.positions]))
    for party in parties:
        a, b = old.positions.get(party), new.positions.get(party)
        if a is None and b is not None:
            out.append(PositionChange(party, "added", None, b.text, None, b.basis,
                                      [Segment("insert", b.text)], list(b.sources), [], [r.POSITION_CHANGED],
                                      new_sources=list(b.sources)))
        elif b is None and a is not None:
            out.append(PositionChange(party, "removed", a.text, None, a.basis, None,
                                      [Segment("delete", a.text)], [], list(a.sources), [r.POSITION_CHANGED],
                                      old_sources=list(a.sources)))
        elif a is not None and b is not None and a != b:
            added, removed = list_changes(a.sources, b.sources)
            place = f"{where} position of {party}"
            segments = ctx.redline(a.text, b.text, place).segments if a.text != b.text else \
                [Segment("equal", b.text)]
            change = PositionChange(party, "changed", a.text, b.text, a.basis, b.basis, segments, added, removed,
                                    old_sources=list(a.sources), new_sources=list(b.sources))
            if changed(segments):
                change.kinds.append(r.POSITION_CHANGED)
            if a.basis != b.basis:
                change.kinds.append(r.BASIS_CHANGED)
            if added or removed:
                change.kinds.append(r.SOURCES_CHANGED)
            notes = field_change(ctx, "notes", a.notes, b.notes, True, place, r.NOTES_CHANGED)
            if notes:
                change.fields.append(notes)
                change.kinds.append(r.NOTES_CHANGED)
            if change.kinds:  # wording equal under the ignore options and nothing else: no change
                out.append(change)
    return out


def _fragments(ctx: Context, old: Article, new: Article, where: str) -> list[FieldChange]:
    """The published fragments, by place: basis, sources and notes (their wording is the redline, unless
    the article has a text of its own, which the redline then compares instead)."""
    out: list[FieldChange] = []
    wording_elsewhere = old.text is not None or new.text is not None
    for k in range(max(len(old.fragments), len(new.fragments))):
        a = old.fragments[k] if k < len(old.fragments) else None
        b = new.fragments[k] if k < len(new.fragments) else None
        if a == b:
            continue
        name = f"fragment {k + 1}"
        place = f"{where} {name}"
        if a is None or b is None:
            shown = b if a is None else a
            assert shown is not None
            text = f"{shown.text} ({shown.basis}{'; ' + ', '.join(shown.sources) if shown.sources else ''})"
            run = [Segment("insert" if a is None else "delete", text)]
            out.append(FieldChange(name, None if a is None else text, text if a is None else None, run,
                                   kind=r.TEXT_CHANGED))
            continue
        if wording_elsewhere:
            fc = field_change(ctx, name, a.text, b.text, True, place, r.TEXT_CHANGED)
            if fc:
                out.append(fc)
        for attr, kind in (("basis", r.BASIS_CHANGED), ("notes", r.NOTES_CHANGED)):
            fc = field_change(ctx, f"{name} {attr}", getattr(a, attr), getattr(b, attr), attr == "notes", place, kind)
            if fc:
                out.append(fc)
        if a.sources != b.sources:
            out.append(FieldChange(f"{name} sources", ", ".join(a.sources) or None, ", ".join(b.sources) or None,
                                   kind=r.SOURCES_CHANGED))
    return out


def whole(ctx: Context, article: Article, index: int, *, added: bool, unrecorded: bool = False) -> ArticleChange:
    """An article present on one side only.

    When the other side's article list is only partly on record (``unrecorded``),
    its absence there says nothing: the entry is marked ``not_on_record`` instead
    of added or removed, and carries no redline. An article already ``removed``
    that is simply no longer listed is no change either.
    """
    if unrecorded or article.status == "removed":
        # Silence of a partial record says nothing; nor does a removed article leaving the list.
        change = _entry(None, article, None, index, "none") if added else _entry(article, None, index, None, "none")
        if unrecorded:
            change.not_on_record = "old" if added else "new"
        return change
    if added:
        change = _entry(None, article, None, index, "none")
        text = ctx.redline("", article.full_text, f"article {article.id}")
        change.kinds.append(r.ADDED)
    else:
        change = _entry(article, None, index, None, "none")
        text = ctx.redline(article.full_text, "", f"article {article.id}")
        change.kinds.append(r.REMOVED)
    change.redline, change.stats = text.segments, text.stats
    if added:
        change.new_sources = list(article.sources)
    else:
        change.old_sources = list(article.sources)
    change.positions = [  # what each party held on an article that came or went (the entry says added/removed)
        PositionChange(party, "added" if added else "removed", None if added else p.text, p.text if added else None,
                       None if added else p.basis, p.basis if added else None,
                       [Segment("insert" if added else "delete", p.text)],
                       list(p.sources) if added else [], [] if added else list(p.sources),
                       old_sources=[] if added else list(p.sources), new_sources=list(p.sources) if added else [])
        for party, p in article.positions.items()]
    return change


def split(ctx: Context, old: Article, old_index: int, parts: Sequence[tuple[int, Article]]) -> list[ArticleChange]:
    """One old article became several: one redline against the parts joined, cut per part."""
    return _regroup(ctx, (old_index, old), parts, r.SPLIT)


def merge(ctx: Context, parts: Sequence[tuple[int, Article]], new: Article, new_index: int) -> list[ArticleChange]:
    """Several old articles became one: one redline from the parts joined, cut per old part."""
    return _regroup(ctx, (new_index, new), parts, r.MERGED)


def _regroup(ctx: Context, whole: tuple[int, Article], parts: Sequence[tuple[int, Article]],
             kind: str) -> list[ArticleChange]:
    """A split (whole is old, parts are new) or a merge (parts are old, whole is new).

    One redline of the whole against the parts joined keeps both texts exactly
    reproducible; it is then cut at the part boundaries, one entry per part.
    """
    is_split = kind == r.SPLIT
    label = "split" if is_split else "merge"
    whole_index, whole_article = whole
    joined, bounds = _join([a.full_text for _, a in parts])
    old_text, new_text = (whole_article.full_text, joined) if is_split else (joined, whole_article.full_text)
    full = ctx.redline(old_text, new_text, f"article {whole_article.id} ({label})")
    pieces = cut(full.segments, bounds, side="new" if is_split else "old")
    ids = [a.id for _, a in parts]
    out = []
    for (index, part), segments in zip(parts, pieces, strict=True):
        (old, i), (new, j) = ((whole_article, whole_index), (part, index)) if is_split else \
            ((part, index), (whole_article, whole_index))
        if part.id == whole_article.id:
            change = compare_pair(ctx, old, new, i, j, label)
            if r.TEXT_CHANGED in change.kinds:
                change.kinds.remove(r.TEXT_CHANGED)
        else:
            change = _entry(old, new, i, j, label)
            if old.status != new.status:
                change.kinds.append(r.STATUS_CHANGED)
                change.fields.append(FieldChange("status", old.status, new.status, kind=r.STATUS_CHANGED))
        change.kinds.insert(0, kind)
        change.related = ids
        change.redline = segments
        change.stats = stats_of(segments)
        if changed(segments) and r.TEXT_CHANGED not in change.kinds:
            change.kinds.append(r.TEXT_CHANGED)
        out.append(change)
    return out


def _join(texts: Sequence[str]) -> tuple[str, list[tuple[int, int]]]:
    bounds, pos, pieces = [], 0, []
    for k, text in enumerate(texts):
        if k:
            pieces.append(PART_SEPARATOR)
            pos += len(PART_SEPARATOR)
        bounds.append((pos, pos + len(text)))
        pieces.append(text)
        pos += len(text)
    return "".join(pieces), bounds


def cut(segments: Sequence[Segment], bounds: Sequence[tuple[int, int]], side: str) -> list[list[Segment]]:
    """Cut a redline at offsets of one side (``"new"`` for a split, ``"old"`` for a merge).

    Each part gets the runs that fall inside it on that side; runs of the other
    side go to the part being read when they occur. The separators between parts
    exist only on the cut side, so text of the other side there stays with the
    part before; nothing of either original text is lost or repeated.
    """
    from draftdiff.diff.redline import _merge

    other: Op = "delete" if side == "new" else "insert"
    parts: list[list[Segment]] = [[] for _ in bounds]
    pos = 0
    k = 0

    def part_at(offset: int) -> int:
        nonlocal k
        while k + 1 < len(bounds) and offset >= bounds[k][1] and offset >= bounds[k + 1][0]:
            k += 1
        return k

    for seg in segments:
        if seg.op == other:
            parts[part_at(pos)].append(seg)
            continue
        if seg.op == "equal" and seg.old_text is not None:
            # ignored differences cannot be cut in two: show them as a replacement
            pieces = [Segment("delete", seg.old_text), Segment("insert", seg.text)]
            if side == "old":
                pieces.reverse()
            for piece in pieces:
                if piece.op == other:
                    parts[part_at(pos)].append(piece)
                else:
                    _place(piece, pos, bounds, parts, part_at, other)
                    pos += len(piece.text)
            continue
        _place(seg, pos, bounds, parts, part_at, other)
        pos += len(seg.text)
    return [_merge(p) for p in parts]


def _place(seg: Segment, pos: int, bounds: Sequence[tuple[int, int]], parts: list[list[Segment]],
           part_at: Callable[[int], int], other: Op) -> None:
    text, start = seg.text, pos
    while text:
        k = part_at(start)
        lo, hi = bounds[k]
        if start < lo or start >= hi:
            # inside a separator (or past the end): the run belongs to no part on this side
            nxt = bounds[k + 1][0] if start >= hi and k + 1 < len(bounds) else (lo if start < lo else start + len(text))
            take = min(len(text), max(nxt - start, 1))
            if seg.op == "equal":
                parts[k].append(Segment(other, text[:take]))  # present on the other side only
            text, start = text[take:], start + take
            continue
        take = min(len(text), hi - start)
        parts[k].append(Segment(seg.op, text[:take]))
        text, start = text[take:], start + take


def stats_of(segments: Sequence[Segment]) -> TextStats:
    from draftdiff.diff.redline import _stats

    old = "".join(s.old for s in segments)
    new = "".join(s.new for s in segments)
    return _stats(list(segments), old, new)
