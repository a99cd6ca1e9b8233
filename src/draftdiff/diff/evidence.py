"""The version's own record compared: its fields, its sources and its claimed counts.

An auditor reads a diff as "everything that differs": a corrected quote or a recounted
claim is evidence changing, so each is named here, field by field, never left out.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from typing import TypeVar

from draftdiff.diff import result as r
from draftdiff.diff.article import Context, field_change
from draftdiff.diff.result import ClaimChange, FieldChange, SourceChange
from draftdiff.model import ClaimedCount, Draft, Source

SOURCE_FIELDS: tuple[tuple[str, bool], ...] = (
    ("title", True), ("publisher", False), ("author", False), ("date", False), ("url", False),
    ("quote", True), ("quote_basis", False), ("language", False), ("notes", True))
"""Every field of a source but its id, and whether it is wording (redlined word by word)."""

CLAIM_FIELDS: tuple[str, ...] = ("agreed", "partial", "disputed", "total", "agreed_percent", "approximate",
                                 "speaker", "date", "source", "notes")
"""Every field of a claimed count, in the order a claim is read out."""

_VERSION_FIELDS: tuple[tuple[str, bool], ...] = (
    ("agreement", False), ("agreement_title", True), ("title", True), ("date", False), ("date_precision", False), ("date_note", True),
    ("kind", False), ("stage", False), ("proposed_by", False), ("based_on", False),
    ("article_coverage", False), ("summary", True), ("notes", True))

T = TypeVar("T")


def version_fields(ctx: Context, old: Draft, new: Draft) -> list[FieldChange]:
    """The draft's own fields, then its attestation, parties and counts, each with its change kind."""
    out: list[FieldChange] = []
    for name, wording in _VERSION_FIELDS:
        fc = field_change(ctx, name, getattr(old, name), getattr(new, name), wording, "draft",
                          r.DRAFT_FIELD_KINDS[name])
        if fc and not (fc.party_order and ctx.options.ignore_party_order):
            out.append(fc)
    if old.attested_by != new.attested_by:
        out.append(FieldChange("attested_by", ", ".join(old.attested_by) or None,
                               ", ".join(new.attested_by) or None, kind=r.ATTESTATION_CHANGED))
    if old.parties != new.parties:
        out.append(FieldChange("parties", ", ".join(old.parties), ", ".join(new.parties), kind=r.PARTIES_CHANGED))
    old_counts, new_counts = old.status_counts(), new.status_counts()
    if old.article_count() != new.article_count():
        out.append(FieldChange("articles", str(old.article_count()), str(new.article_count()), kind=r.COUNTS_CHANGED))
    elif len(old.articles) != len(new.articles):  # e.g. a removed article no longer listed: the file differs
        out.append(FieldChange("entries", str(len(old.articles)), str(len(new.articles)), kind=r.COUNTS_CHANGED))
    for status in old_counts:
        if old_counts[status] != new_counts[status]:
            out.append(FieldChange(f"articles {status}", str(old_counts[status]), str(new_counts[status]),
                                   kind=r.COUNTS_CHANGED))
    return out


def _text(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def source_values(source: Source) -> dict[str, str | None]:
    return {"id": source.id, **{name: _text(getattr(source, name)) for name, _ in SOURCE_FIELDS}}


def sources(ctx: Context, old: Draft, new: Draft) -> list[SourceChange]:
    """Source entries by id: added and changed ones in the new draft's order, removed ones where they stood."""
    old_by_id = {s.id: s for s in old.sources}
    new_ids = {s.id for s in new.sources}
    out: list[SourceChange] = []
    for s in new.sources:
        before = old_by_id.get(s.id)
        if before is None:
            out.append(SourceChange(s.id, "added", s.title, new=source_values(s)))
            continue
        fields = [fc for name, wording in SOURCE_FIELDS
                  if (fc := field_change(ctx, name, _text(getattr(before, name)), _text(getattr(s, name)), wording,
                                         f"source {s.id}", r.SOURCE_CHANGED))]
        if fields:
            out.append(SourceChange(s.id, "changed", s.title, fields, source_values(before), source_values(s)))
    for k, s in enumerate(old.sources):
        if s.id not in new_ids:
            out.insert(min(k, len(out)), SourceChange(s.id, "removed", s.title, old=source_values(s)))
    return out


def claim_name(claim: ClaimedCount) -> str:
    """``Ilham Aliyev 2024-12-18``; the source id stands in for whatever is not recorded."""
    parts = [p for p in (claim.speaker, claim.date) if p]
    if not claim.date:
        parts.append(f"({claim.source})")
    return " ".join(parts)


def claim_values(claim: ClaimedCount) -> dict[str, str | None]:
    return {name: _text(getattr(claim, name)) for name in CLAIM_FIELDS}


_CLAIM_KEYS: tuple[Callable[[ClaimedCount], Hashable], ...] = (
    lambda c: (c.speaker, c.date, c.source),
    lambda c: (c.speaker, c.source),
    lambda c: (c.speaker, c.date),
    lambda c: (c.date, c.source),
    lambda c: c.source,
)
"""How claims are paired, most telling first: the same speaker on the same day in the same source is the same
claim even when its numbers differ; failing that, two of the three must agree."""


def _itself(x: T) -> Hashable:
    return x


def pair(old: Sequence[T], new: Sequence[T], keys: Sequence[Callable[[T], Hashable]]) -> list[tuple[int, int]]:
    """Pairs (old index, new index): equal entries first, then by each key in turn.

    A key pairs the entries left on both sides when it names one entry on each side, or the same number on
    both (then in order), so two claims never pair by a key they share with a third. Equal entries pair in
    order as far as they go (one claim and two copies of it: one pair, one added), since any of them is as
    much the same entry as another.
    """
    pairs: list[tuple[int, int]] = []
    left_old, left_new = list(range(len(old))), list(range(len(new)))
    stages: list[Callable[[T], Hashable]] = [_itself, *keys]
    for key in stages:
        groups_old: dict[Hashable, list[int]] = {}
        groups_new: dict[Hashable, list[int]] = {}
        for i in left_old:
            groups_old.setdefault(key(old[i]), []).append(i)
        for j in left_new:
            groups_new.setdefault(key(new[j]), []).append(j)
        for value, olds in groups_old.items():
            news = groups_new.get(value, [])
            if news and key is _itself:
                pairs.extend(zip(olds, news, strict=False))
            elif news and len(olds) == len(news):
                pairs.extend(zip(olds, news, strict=True))
        paired_old = {i for i, _ in pairs}
        paired_new = {j for _, j in pairs}
        left_old = [i for i in left_old if i not in paired_old]
        left_new = [j for j in left_new if j not in paired_new]
    return sorted(pairs, key=lambda p: p[1])


def claims(ctx: Context, old: Draft, new: Draft) -> list[ClaimChange]:
    """Claimed counts paired by speaker, date and source; each changed field named (``agreed 15 → 16``)."""
    a, b = old.claimed_counts, new.claimed_counts
    pairs = pair(a, b, _CLAIM_KEYS)
    out: list[ClaimChange] = []
    paired_old = {i for i, _ in pairs}
    paired_new = {j: i for i, j in pairs}
    for j, claim in enumerate(b):
        i = paired_new.get(j)
        if i is None:
            out.append(ClaimChange(claim_name(claim), "added", claim.source, new=claim_values(claim)))
            continue
        before = a[i]
        fields = [fc for name in CLAIM_FIELDS
                  if (fc := field_change(ctx, name, _text(getattr(before, name)), _text(getattr(claim, name)),
                                         name == "notes", f"claim {claim_name(claim)}", r.CLAIM_CHANGED))]
        if fields:
            out.append(ClaimChange(claim_name(claim), "changed", claim.source, fields, claim_values(before),
                                   claim_values(claim)))
    for i, claim in enumerate(a):
        if i not in paired_old:
            out.append(ClaimChange(claim_name(claim), "removed", claim.source, old=claim_values(claim)))
    return out
