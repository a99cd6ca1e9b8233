"""``diff_drafts``: two drafts in, one :class:`DraftDiff` out (plain data, nothing printed)."""

from __future__ import annotations

from draftdiff.diff import evidence
from draftdiff.diff import result as r
from draftdiff.diff.align import align
from draftdiff.diff.article import Context, compare_pair, list_changes, merge, note_changes, split, whole
from draftdiff.diff.result import (
    ArticleChange,
    DiffOptions,
    DraftDiff,
    DraftInfo,
    FieldChange,
    PreconditionChange,
    Segment,
    TextStats,
)
from draftdiff.model import Draft, Precondition


def diff_drafts(old: Draft, new: Draft, options: DiffOptions | None = None, *,
                old_label: str | None = None, new_label: str | None = None) -> DraftDiff:
    """Compare two versions of an agreement article by article."""
    options = options or DiffOptions()
    ctx = Context(options, party_names(old, new), [])
    result = DraftDiff(info(old, old_label), info(new, new_label), options)
    result.articles = _articles(ctx, old, new)
    result.preconditions = _preconditions(ctx, old, new)
    result.agreement = evidence.version_fields(ctx, old, new)
    result.sources = evidence.sources(ctx, old, new)
    result.claims = evidence.claims(ctx, old, new)
    result.sources_added, result.sources_removed = list_changes([s.id for s in old.sources],
                                                                [s.id for s in new.sources])
    result.stats = _totals(result.articles)
    result.notes = _notes(result, ctx)
    return result


def info(draft: Draft, label: str | None) -> DraftInfo:
    return DraftInfo(id=draft.id, title=draft.title, date=draft.date, agreement=draft.agreement, kind=draft.kind,
                     stage=draft.stage, proposed_by=draft.proposed_by, parties=list(draft.parties),
                     label=label or draft.id, articles=draft.article_count(), status_counts=draft.status_counts(),
                     parts=[a.part for a in draft.articles if a.part != "article"],
                     article_coverage=draft.article_coverage, date_precision=draft.date_precision)


def party_names(*drafts: Draft) -> list[str]:
    """How the parties are written in prose: ``armenia`` → ``Armenia``, ``united-states`` → ``United States``."""
    names: dict[str, None] = {}
    for draft in drafts:
        for party in draft.parties:
            names[party.replace("-", " ").replace("_", " ").title()] = None
    return list(names)


def _articles(ctx: Context, old: Draft, new: Draft) -> list[ArticleChange]:
    a, b = old.articles, new.articles
    alignment = align(a, b, ctx.options.similarity_threshold)
    old_partial, new_partial = old.article_coverage != "complete", new.article_coverage != "complete"
    entries: list[ArticleChange] = []
    for i, j, how in alignment.pairs:
        change = compare_pair(ctx, a[i], b[j], i, j, how)
        if i in alignment.moved:
            change.kinds.insert(0, r.MOVED)
        entries.append(change)
    for i, members in alignment.splits:
        parts = split(ctx, a[i], i, [(j, b[j]) for j in members])
        if i in alignment.moved:
            parts[0].kinds.insert(1, r.MOVED)
        entries.extend(parts)
    for members, j in alignment.merges:
        parts = merge(ctx, [(i, a[i]) for i in members], b[j], j)
        if members[0] in alignment.moved:
            parts[0].kinds.insert(1, r.MOVED)
        entries.extend(parts)
    entries.extend(whole(ctx, b[j], j, added=True, unrecorded=old_partial) for j in alignment.added)
    entries.extend(whole(ctx, a[i], i, added=False, unrecorded=new_partial) for i in alignment.removed)
    for change in entries:
        change.kinds = [k for k in r.ARTICLE_KINDS if k in change.kinds]
    return _in_reading_order(entries)


def _in_reading_order(entries: list[ArticleChange]) -> list[ArticleChange]:
    """The new draft's order; an article only in the old draft right after its old neighbour."""
    new_of_old: dict[int, int] = {}
    for e in entries:
        if e.old_index is not None and e.new_index is not None and r.MOVED not in e.kinds:
            new_of_old.setdefault(e.old_index, e.new_index)

    def key(e: ArticleChange) -> tuple[int, int, int]:
        if e.new_index is not None:
            return (e.new_index, 0, e.old_index if e.old_index is not None else -1)
        assert e.old_index is not None
        before = [new_of_old[i] for i in range(e.old_index) if i in new_of_old]
        return (before[-1] if before else -1, 1, e.old_index)

    return sorted(entries, key=key)


def _preconditions(ctx: Context, old: Draft, new: Draft) -> list[PreconditionChange]:
    old_by_id = {p.id: p for p in old.preconditions}
    new_by_id = {p.id: p for p in new.preconditions}
    out: list[PreconditionChange] = []
    for p in new.preconditions:
        before = old_by_id.get(p.id)
        if before is None:
            out.append(PreconditionChange(p.id, p.party, None, p.status, p.demand, [r.ADDED],
                                          [Segment("insert", p.demand)], sources_added=list(p.sources),
                                          new_sources=list(p.sources)))
        else:
            out.append(_precondition_pair(ctx, before, p))
    for k, p in enumerate(old.preconditions):
        if p.id not in new_by_id:
            change = PreconditionChange(p.id, p.party, p.status, None, p.demand, [r.REMOVED],
                                        [Segment("delete", p.demand)], sources_removed=list(p.sources),
                                        old_sources=list(p.sources))
            out.insert(min(k, len(out)), change)
    return out


def _precondition_pair(ctx: Context, a: Precondition, b: Precondition) -> PreconditionChange:
    where = f"precondition {b.id}"
    text = ctx.redline(a.demand, b.demand, where)
    change = PreconditionChange(b.id, b.party, a.status, b.status, b.demand, redline=text.segments)
    kinds = change.kinds
    if a.status != b.status:
        kind = r.WITHDRAWN if b.status == "withdrawn" else r.STATUS_CHANGED
        kinds.append(kind)
        change.fields.append(FieldChange("status", a.status, b.status, kind=kind))
    if a.demand != b.demand and any(s.op != "equal" for s in text.segments):
        kinds.append(r.TEXT_CHANGED)
    for name, kind in (("party", r.PARTY_CHANGED), ("article", r.ARTICLE_LINK_CHANGED), ("kind", r.KIND_CHANGED),
                       ("raised", r.RAISED_CHANGED), ("raised_precision", r.RAISED_CHANGED),
                       ("status_basis", r.BASIS_CHANGED)):
        before, after = getattr(a, name), getattr(b, name)
        if before != after:
            change.fields.append(FieldChange(name, before, after, kind=kind))
            if kind not in kinds:
                kinds.append(kind)
    note_changes(ctx, a, b, change.fields, kinds, where)
    change.old_sources, change.new_sources = list(a.sources), list(b.sources)
    change.sources_added, change.sources_removed = list_changes(a.sources, b.sources)
    if change.sources_added or change.sources_removed:
        kinds.append(r.SOURCES_CHANGED)
    change.kinds = [k for k in r.PRECONDITION_KINDS if k in kinds]
    return change


def _totals(articles: list[ArticleChange]) -> TextStats:
    total = TextStats()
    kept = 0
    for a in articles:
        total.add(a.stats)
        kept += a.stats.words_old - a.stats.words_deleted
    words = total.words_old + total.words_new
    total.similarity = round(min(1.0, 2 * kept / words), 4) if words else 1.0
    return total


PARTY_ORDER_HIDDEN_BY = "ignoring the party order hides it"
"""How a note says that the option to ignore party order exists (the command line names its flag)."""


def _notes(result: DraftDiff, ctx: Context) -> list[str]:
    notes: list[str] = []
    if not result.same_agreement:
        notes.append(f"the drafts belong to different agreements ({result.old.agreement} and "
                     f"{result.new.agreement}); compared all the same")
    order = [a for a in result.articles if r.PARTY_ORDER in a.kinds]
    ignored = ctx.options.ignore_party_order
    titles = [f for f in result.agreement if f.party_order]
    if order or titles:
        where = ", ".join([*(("the title",) if titles else ()), *(f"article {a.id}" for a in order)])
        notes.append(f"{where}: the parties are named in the opposite order (alternat), a non-substantive "
                     f"difference; {PARTY_ORDER_HIDDEN_BY}")
    elif ignored:
        pass
    notes.extend(dict.fromkeys(ctx.problems))
    return notes
