"""Build a snapshot: the status as of a date is the latest version dated on or before that date.

A version known only by its date and reports of it (``article_coverage:
none``) records no article statuses, so the statuses come from the latest
version before it that does; such a version is still listed, as ``no-statuses``.

Reading the clock and printing are the caller's business: the same drafts and
arguments always give the same snapshot, so the same bytes in every format.
"""

from __future__ import annotations

import datetime as _dt
import os
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path

from draftdiff.claims import claim_problems, comparable
from draftdiff.collection import DraftSet
from draftdiff.diagnostics import closest
from draftdiff.load import LoadedDraft
from draftdiff.model import Article, ClaimedCount, Draft
from draftdiff.snapshot.digest import compute_digest
from draftdiff.snapshot.model import (
    ArticleRow,
    ClaimRow,
    Counts,
    DraftRef,
    PreconditionRow,
    Provenance,
    Snapshot,
    SnapshotError,
    SourceRef,
)
from draftdiff.vocab import UnreadableDate, basis_label, format_date, parse_user_date

DEFAULT_CLAIMS_WINDOW_DAYS = 92
"""Counts made public up to about three months before the status date are "near" it."""

def parse_as_of(text: str) -> str:
    """An as-of date as a person types it (``2024-09-11``, ``2024-09``, ``Sep 2024``): the last day it covers."""
    try:
        return parse_user_date(text)
    except UnreadableDate as exc:
        raise SnapshotError(str(exc), setting="as_of") from None


def build_snapshot(draft_set: DraftSet, as_of: str | None = None, draft_id: str | None = None, *,
                   drafts_path: str | Path | None = None,
                   claims_window_days: int = DEFAULT_CLAIMS_WINDOW_DAYS,
                   generated_at: str | None = None,
                   authors: Iterable[str] = (),
                   git: bool = True) -> Snapshot:
    """The status of every article as of ``as_of`` (default: the latest draft's date).

    ``draft_id`` picks one version explicitly (the TUI's selected version); then
    ``as_of`` defaults to its date and may not be earlier. ``git=False`` skips
    asking git for the commit (the site; drafts read from a commit): the provenance
    is then the one a folder outside any repository gets (see :func:`provenance`).
    Raises :class:`SnapshotError` for arguments that select no draft.
    """
    drafts = draft_set.drafts
    if not drafts:
        raise SnapshotError("no valid drafts to take a snapshot of")
    if as_of is not None:
        as_of = parse_as_of(as_of)
    as_of, draft_id = _date_only(draft_set, as_of, draft_id)
    chosen = _choose(draft_set, as_of, draft_id)
    as_of = as_of or chosen.date

    refs = tuple(_ref(draft_set, d, "status" if d.id == chosen.id else
                      "earlier" if (d.date, d.id) < (chosen.date, chosen.id) else
                      "no-statuses" if draft_id is None and not d.records_articles else "not-selected")
                 for d in drafts if d.date <= as_of)
    later = tuple(_ref(draft_set, d, "later") for d in drafts if d.date > as_of)
    considered = [d for d in drafts if d.date <= as_of]

    counts = _counts(chosen)
    claims, claim_sources = _claims(draft_set, considered, as_of, claims_window_days)
    snap = Snapshot(
        agreement=chosen.agreement,
        agreement_title=next((d.agreement_title for d in reversed(considered) if d.agreement_title), ""),
        as_of=as_of,
        draft_id=draft_id,
        drafts=refs,
        articles=tuple(_row(a) for a in chosen.articles),
        counts=counts,
        preconditions=tuple(PreconditionRow(p.id, p.party, p.kind, p.demand, p.status, p.raised, p.article,
                                            p.status_note, tuple(p.sources), p.raised_precision)
                            for p in chosen.preconditions),
        claims=claims,
        claims_window_days=claims_window_days,
        sources=_sources(chosen, claim_sources),
        later=later,
        provenance=_provenance(draft_set, drafts_path, generated_at, tuple(authors), git),
    )
    return _with_digest(snap)


def _with_digest(snap: Snapshot) -> Snapshot:
    return replace(snap, digest=compute_digest(snap))


def _date_only(draft_set: DraftSet, as_of: str | None, draft_id: str | None) -> tuple[str | None, str | None]:
    """A version known only by its date states no statuses: one chosen by id is the snapshot as of its date.

    Its statuses are those in force then (:meth:`DraftSet.statuses_for`, as the board shows them), so
    ``--draft`` of it, the site's page of it and the TUI's export of it are byte for byte the snapshot
    ``--as-of`` its date writes, not a record of "0 articles".
    """
    named = draft_set.get(draft_id) if draft_id is not None else None
    if named is None or named.records_articles:
        return as_of, draft_id
    if as_of is not None and as_of < named.date:
        raise SnapshotError(f"draft {draft_id} is dated {format_date(named.date, named.date_precision)}, "
                            f"after the as-of date {as_of}; use an as-of date of {named.date} or later",
                            setting="as_of")
    in_force = draft_set.statuses_for(named)
    if as_of is not None and draft_set.status_as_of(as_of) is not in_force:
        raise SnapshotError(f"draft {draft_id} records no article statuses, and the version in force on {as_of} "
                            f"is not the one in force on its date ({in_force.id}); choose the draft alone or "
                            "the date alone", setting="as_of")
    return as_of or named.date, None


def _choose(draft_set: DraftSet, as_of: str | None, draft_id: str | None) -> Draft:
    first = draft_set.drafts[0]
    if draft_id is not None:
        chosen = draft_set.get(draft_id)
        if chosen is None:
            guess = closest(draft_id, draft_set.ids())
            hint = f"did you mean {guess}?" if guess else f"known drafts: {', '.join(draft_set.ids())}"
            raise SnapshotError(f"no draft with id {draft_id!r}; {hint}", setting="draft")
        if as_of is not None and as_of < chosen.date:
            raise SnapshotError(f"draft {draft_id} is dated {format_date(chosen.date, chosen.date_precision)}, "
                                f"after the as-of date {as_of}; use an as-of date of {chosen.date} or later", setting="as_of")
        in_force = draft_set.status_as_of(as_of) if as_of is not None else None
        if in_force is not None and in_force.id != chosen.id:
            raise SnapshotError(f"draft {draft_id} is not the version in force on {as_of}: that is {in_force.id} "
                                f"({format_date(in_force.date, in_force.date_precision)}); a snapshot as of "
                                f"{as_of} states its statuses. Choose the draft alone (its own date is the "
                                "as-of date), or the date alone")
        return chosen
    if as_of is None:
        as_of = draft_set.drafts[-1].date
    chosen = draft_set.status_as_of(as_of)
    if chosen is None:
        raise SnapshotError(f"no draft is dated on or before {as_of}: the first draft, {first.id}, "
                            f"is dated {first.date}; use an as-of date of {first.date} or later", setting="as_of")
    return chosen


def _ref(draft_set: DraftSet, draft: Draft, role: str) -> DraftRef:
    item = draft_set.file_of(draft.id)
    assert item is not None
    return DraftRef(draft.id, draft.date, item.name, item.blob_id, item.sha256, draft.title, draft.kind, role,
                    draft.article_coverage, draft.date_precision)


def _row(article: Article) -> ArticleRow:
    return ArticleRow(article.number, article.id, article.title, article.status,
                      basis_label(article.status_basis), article.status_note, article.effective_text_basis,
                      tuple(article.sources), article.part)


def _counts(draft: Draft) -> Counts:
    by_status = draft.status_counts()
    articles = [a for a in draft.articles if a.part == "article" and a.status != "removed"]
    return Counts(**by_status, total=draft.article_count(by_status),
                  inferred=sum(1 for a in articles if a.status_basis == "inferred"),
                  unstated=sum(1 for a in articles if a.status_basis is None),
                  without_text=sum(1 for a in articles if a.effective_text_basis == "none"))


def _claim_date(draft: Draft, claim: ClaimedCount) -> str:
    if claim.date:
        return claim.date
    source = draft.source(claim.source)
    return source.date if source and source.date else draft.date


def consistent(counts: Counts, claim: ClaimRow | ClaimedCount) -> bool:
    """Whether the board can be what was claimed (see :mod:`draftdiff.claims`)."""
    return not claim_problems(counts.by_status(), counts.total, claim)


def _claims(draft_set: DraftSet, considered: list[Draft], as_of: str,
            window: int) -> tuple[tuple[ClaimRow, ...], list[tuple[Draft, str]]]:
    """The counts made public in the window, each judged against the version that records it.

    A claim is about the text of its day: judging December's "15 agreed" against a board of
    March would call a true statement false. A version that records no statuses of its own
    lends the claim to the version in force on its date.
    """
    start = (_dt.date.fromisoformat(as_of) - _dt.timedelta(days=window)).isoformat()
    rows: dict[tuple[object, ...], ClaimRow] = {}
    cited: list[tuple[Draft, str]] = []
    for draft in considered:
        for claim in draft.claimed_counts:
            date = _claim_date(draft, claim)
            if not start <= date <= as_of:
                continue
            key = (date, claim.source, claim.speaker, claim.agreed, claim.partial, claim.disputed, claim.total,
                   claim.agreed_percent)
            if key in rows:
                continue  # the same statement recorded again in a later draft
            judge = draft_set.statuses_for(draft)
            rows[key] = ClaimRow(date, claim.source, draft.id, claim.speaker, claim.agreed, claim.partial,
                                 claim.disputed, claim.total, consistent(_counts(judge), claim),
                                 claim.agreed_percent, claim.approximate, comparable(claim), judge.id)
            cited.append((draft, claim.source))
    ordered = tuple(sorted(rows.values(), key=lambda r: (r.date, r.source, r.recorded_in)))
    return ordered, cited


def _sources(chosen: Draft, claim_sources: list[tuple[Draft, str]]) -> tuple[SourceRef, ...]:
    """Every source the rows cite, in order of first citation, as the citing draft lists it."""
    wanted: list[tuple[Draft, str]] = [(chosen, s) for a in chosen.articles for s in a.sources]
    wanted += [(chosen, s) for p in chosen.preconditions for s in p.sources]
    wanted += claim_sources
    out: dict[str, SourceRef] = {}
    for draft, sid in wanted:
        if sid in out:
            continue
        src = draft.source(sid)
        out[sid] = (SourceRef(src.id, src.title, src.publisher, src.author, src.date, src.url) if src else
                    SourceRef(sid, f"(not listed in draft {draft.id})", ""))
    return tuple(out.values())


def provenance(drafts_path: str, *, commit: str | None = None, dirty: bool | None = None,
               git_path: str | None = None, repository: str | None = None, generated_at: str | None = None,
               authors: Iterable[str] = ()) -> Provenance:
    """The one place a snapshot's provenance is decided, for every face and for ``snapshot verify``.

    A commit brings its state (uncommitted changes, the folder in the repository, the
    repository's public address); without one there is none of them, whatever the reason
    (not a repository, git missing, the site, which never asks git): the same drafts and
    arguments give the same bytes. The tool version is always this draftdiff's. ``snapshot
    verify`` rebuilds a file's provenance here from what the file states, so a shape this
    function never gives (a repository with no commit, say) is not what draftdiff wrote.
    """
    from draftdiff import __version__

    if not commit:
        return Provenance(__version__, drafts_path, generated_at=generated_at, authors=tuple(authors))
    return Provenance(__version__, drafts_path, commit, bool(dirty), git_path, repository, generated_at,
                      tuple(authors))


def _provenance(draft_set: DraftSet, drafts_path: str | Path | None, generated_at: str | None,
                authors: tuple[str, ...], git: bool) -> Provenance:
    folder = str(drafts_path) if drafts_path is not None else _common_folder(draft_set.files)
    state = None
    if git:
        from draftdiff.git import GitError, repo_state

        try:
            state = repo_state(folder)
        except GitError:  # no repository, no commit yet, no git: no commit recorded
            state = None
    if state is None:
        return provenance(folder, generated_at=generated_at, authors=authors)
    return provenance(folder, commit=state.commit, dirty=state.dirty, git_path=state.path,
                      repository=state.remote, generated_at=generated_at, authors=authors)


def _common_folder(files: list[LoadedDraft]) -> str:
    parents = [os.path.dirname(item.name) or "." for item in files]
    try:
        return os.path.commonpath(parents) or "."
    except ValueError:  # absolute and relative paths mixed
        return "."
