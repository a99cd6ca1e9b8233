"""How articles moved across the versions of a collection: status history, last change, counts over time.

Plain data computed from a :class:`~draftdiff.collection.DraftSet`, so that the TUI and the command line
answer "since when is this article agreed?" the same way. Versions are read in time order (date, then id),
which is the order an analyst follows the negotiation in, whatever each draft's ``based_on`` says.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from draftdiff.collection import DraftSet
from draftdiff.model import STATUS_ORDER, Draft
from draftdiff.numbering import ArticleNumber, sort_key
from draftdiff.vocab import UnreadableDate, parse_user_date

UNRECORDED = "unrecorded"
"""Not a status: the version's article list is only partly on record (or not at all) and does not
mention the article. Unlike an article absent from a complete text, this says nothing about it."""


def _status_in(draft: Draft, article_id: str) -> str | None:
    article = draft.article(article_id)
    if article is not None:
        return article.status
    return None if draft.article_coverage == "complete" else UNRECORDED


def _statuses(draft: Draft) -> dict[str, str]:
    """Each article's status by id; of two articles with one id (an error the rules report), the first,
    as :meth:`Draft.article` finds it."""
    found: dict[str, str] = {}
    for article in draft.articles:
        found.setdefault(article.id, article.status)
    return found


@dataclass(frozen=True)
class StatusStep:
    """An article in one version: its status there (None when the version lacks it)."""

    draft_id: str
    date: str
    status: str | None
    number: ArticleNumber | None
    status_basis: str | None
    changed: bool
    """True when the status differs from the previous version on record (appearing or vanishing counts
    as a change; a version that does not record the article changes nothing)."""


@dataclass(frozen=True)
class MatrixRow:
    """One article across all versions, for the articles × versions picture."""

    article_id: str
    number: ArticleNumber | None
    title: str
    statuses: tuple[str | None, ...]


@dataclass(frozen=True)
class StatusMatrix:
    draft_ids: tuple[str, ...]
    dates: tuple[str, ...]
    rows: tuple[MatrixRow, ...]


@dataclass(frozen=True)
class CountPoint:
    """Status counts of one version, for the agreed-over-time chart."""

    draft_id: str
    date: str
    counts: dict[str, int] = field(default_factory=dict)
    recorded: bool = True
    """False for a version known only by its date: it has no counts, not zero of everything."""

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def agreed(self) -> int:
        return self.counts.get("agreed", 0)


def article_history(draft_set: DraftSet, article_id: str) -> list[StatusStep]:
    """The article's status in every version, oldest first."""
    steps: list[StatusStep] = []
    previous: str | None = None
    for draft in draft_set.drafts:
        article = draft.article(article_id)
        status = _status_in(draft, article_id)
        changed = status != UNRECORDED and status != previous
        steps.append(StatusStep(draft.id, draft.date, status, article.number if article else None,
                                article.status_basis if article else None, changed))
        if status != UNRECORDED:
            previous = status
    return steps


def last_changed(draft_set: DraftSet, draft_id: str, article_id: str) -> Draft | None:
    """The version, up to ``draft_id``, in which the article took the status it has there."""
    chosen: Draft | None = None
    for step, draft in zip(article_history(draft_set, article_id), draft_set.drafts, strict=True):
        if step.changed:
            chosen = draft
        if draft.id == draft_id:
            return chosen if step.status not in (None, UNRECORDED) else None
    return None


def status_matrix(draft_set: DraftSet) -> StatusMatrix:
    """Every article ever present × every version; rows in the newest numbering, then first appearance."""
    drafts = draft_set.drafts
    seen: dict[str, tuple[ArticleNumber | None, str]] = {}
    order: list[str] = []
    for draft in drafts:
        for article in draft.articles:
            if article.id not in seen:
                order.append(article.id)
            seen[article.id] = (article.number, article.title)
    first = {aid: i for i, aid in enumerate(order)}
    order.sort(key=lambda aid: (sort_key(seen[aid][0]), first[aid]))
    in_force = [_statuses(d) for d in drafts]  # one look-up per cell, not a walk of each draft's articles
    missing = [None if d.article_coverage == "complete" else UNRECORDED for d in drafts]
    rows = []
    for aid in order:
        statuses = tuple(known.get(aid, gap) for known, gap in zip(in_force, missing, strict=True))
        rows.append(MatrixRow(aid, seen[aid][0], seen[aid][1], statuses))
    return StatusMatrix(tuple(d.id for d in drafts), tuple(d.date for d in drafts), tuple(rows))


def count_series(draft_set: DraftSet) -> list[CountPoint]:
    """Status counts of each version, oldest first."""
    return [CountPoint(d.id, d.date, d.status_counts(), d.records_articles) for d in draft_set.drafts]


@dataclass(frozen=True)
class PreconditionStep:
    """A precondition in one version: its status there, or UNRECORDED when the version does not list it.

    A version that leaves a demand out says nothing about it (reporting on demands is patchy), so
    absence is never read as "dropped"; only a status says that.
    """

    draft_id: str
    date: str
    status: str
    changed: bool


def precondition_ids(draft_set: DraftSet) -> list[str]:
    """Every precondition ever listed, in order of first appearance."""
    return list(dict.fromkeys(p.id for d in draft_set.drafts for p in d.preconditions))


def precondition_history(draft_set: DraftSet, precondition_id: str) -> list[PreconditionStep]:
    """The precondition's status in every version, oldest first."""
    steps: list[PreconditionStep] = []
    previous: str | None = None
    for draft in draft_set.drafts:
        found = next((p for p in draft.preconditions if p.id == precondition_id), None)
        status = found.status if found else UNRECORDED
        changed = status != UNRECORDED and status != previous
        steps.append(PreconditionStep(draft.id, draft.date, status, changed))
        if status != UNRECORDED:
            previous = status
    return steps


def neighbour(draft_set: DraftSet, draft_id: str | None, step: int) -> Draft | None:
    """The version ``step`` places later (or earlier) in time, clamped to the first and last."""
    drafts = draft_set.drafts
    if not drafts:
        return None
    ids = [d.id for d in drafts]
    index = ids.index(draft_id) if draft_id in ids else len(ids) - 1
    return drafts[max(0, min(len(drafts) - 1, index + step))]


DATE_HINT = "write 2024-09-11, 2024-09, 'Sep 2024' or 2024"
"""What the TUI and its ``--at`` say to write instead of something that is not a date."""


def not_a_date(text: str) -> str:
    """``'garbage' is not a date (write 2024-09-11, 2024-09, 'Sep 2024' or 2024)``: for what :func:`parse_when`
    cannot read."""
    return f"{text!r} is not a date ({DATE_HINT})"


def parse_when(text: str) -> str | None:
    """The last ISO day a typed date covers (see :func:`draftdiff.vocab.parse_user_date`), or None."""
    try:
        return parse_user_date(text)
    except UnreadableDate:
        return None


def version_at(draft_set: DraftSet, when: str) -> Draft | None:
    """The version in force at a date as typed by a person (see :func:`parse_when`)."""
    day = parse_when(when)
    return draft_set.as_of(day) if day else None


__all__ = [
    "STATUS_ORDER", "CountPoint", "MatrixRow", "PreconditionStep", "StatusMatrix", "StatusStep", "article_history",
    "precondition_history", "precondition_ids",
    "DATE_HINT", "count_series", "last_changed", "neighbour", "not_a_date", "parse_when", "status_matrix", "version_at",
]
