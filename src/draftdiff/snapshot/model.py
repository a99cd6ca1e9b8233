"""A status snapshot as plain data: what it states, what it was built from, and who made it how.

Three dates are kept apart on purpose: ``as_of`` (the date the status is
stated for), each draft's ``date`` (when that version is dated), and
``Provenance.generated_at`` (when the file was written; only if asked for).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields
from typing import Any

from draftdiff.errors import CouldNotRun
from draftdiff.numbering import ArticleNumber

SNAPSHOT_FORMAT = "draftdiff-snapshot/2"
"""Names the layout of the JSON form; a change that alters the digest of old snapshots bumps it."""

DraftRole = str
"""``status`` (its statuses are shown), ``earlier`` (dated on or before, superseded),
``not-selected`` (on or before the date, but another draft was chosen by id),
``no-statuses`` (on or before the date, after the status draft, but recording no article
statuses: known only by its date), ``later``."""


class SnapshotError(CouldNotRun):
    """A snapshot cannot be built with these arguments (bad date, no draft on or before it, unknown id)."""


@dataclass(frozen=True)
class DraftRef:
    """One draft file the snapshot took into account, identified by its bytes."""

    id: str
    date: str
    file: str
    blob_id: str
    sha256: str
    title: str = ""
    kind: str = ""
    role: DraftRole = "earlier"
    coverage: str = "complete"
    """How much of the version's article list is on record: complete, partial or none."""
    date_precision: str = "day"
    """How much of ``date`` is known: day, month or approximate (see :func:`draftdiff.vocab.format_date`)."""

    @property
    def swhid(self) -> str:
        """The Software Heritage content id: a git blob id is one."""
        return f"swh:1:cnt:{self.blob_id}"


@dataclass(frozen=True)
class SourceRef:
    """A published item a status, precondition or claimed count rests on."""

    id: str
    title: str
    publisher: str
    author: str | None = None
    date: str | None = None
    url: str | None = None


@dataclass(frozen=True)
class ArticleRow:
    """One article's line on the board."""

    number: ArticleNumber | None
    id: str
    title: str
    status: str
    status_basis: str
    """``reported``, ``inferred``, or ``unstated`` when the draft gives no basis."""
    status_note: str | None
    text_basis: str
    sources: tuple[str, ...] = ()
    part: str = "article"
    """``article``, or ``preamble`` / ``title`` / ``annex``: shown with a status, never counted."""


@dataclass(frozen=True)
class PreconditionRow:
    """A condition or demand a party set, and where it stood."""

    id: str
    party: str
    kind: str
    demand: str
    status: str
    raised: str | None = None
    article: str | None = None
    status_note: str | None = None
    sources: tuple[str, ...] = ()
    raised_precision: str = "day"


@dataclass(frozen=True)
class ClaimRow:
    """Counts someone made public near the status date, and whether the board agrees with them."""

    date: str
    source: str
    recorded_in: str
    speaker: str | None = None
    agreed: int | None = None
    partial: int | None = None
    disputed: int | None = None
    total: int | None = None
    consistent: bool = True
    agreed_percent: float | None = None
    """A share of the text said to be agreed ("about 80 percent")."""
    approximate: bool = False
    comparable: bool = True
    """False for a claim that gives only a share of the text: it cannot be checked against the board."""
    judged_against: str = ""
    """The version whose statuses the claim was judged against: the one that records it (or, when that
    version records no statuses, the version in force on its date), never the snapshot's own."""

    @property
    def fit(self) -> str:
        """``fits``, ``contradicts`` or ``not comparable`` (a share of the text)."""
        if not self.comparable:
            return "not comparable"
        return "fits" if self.consistent else "contradicts"

    def verdict(self) -> str:
        against = f" {self.judged_against}" if self.judged_against else " the version that records it"
        if not self.comparable:
            return "not comparable (a share of the text, not a count of articles)"
        return f"{self.fit}{against}"

    def said(self) -> str:
        from draftdiff.claims import claim_said

        return claim_said(self)


@dataclass(frozen=True)
class Counts:
    """Articles per status. ``total`` is the articles in the version: those not removed.

    Only entries whose part is ``article`` count, here and in the caveat's numbers: a
    preamble or title has a status but is not one of "the 17 articles"; a removed
    article is counted under ``removed`` only.
    """

    agreed: int = 0
    partial: int = 0
    disputed: int = 0
    removed: int = 0
    unknown: int = 0
    total: int = 0
    inferred: int = 0
    """Statuses whose basis is ``inferred`` rather than reported."""
    unstated: int = 0
    """Statuses the draft gives no basis for."""
    without_text: int = 0
    """Articles whose text basis is ``none``: only the status is on record."""

    def by_status(self) -> dict[str, int]:
        return {"agreed": self.agreed, "partial": self.partial, "disputed": self.disputed,
                "removed": self.removed, "unknown": self.unknown}


@dataclass(frozen=True)
class Provenance:
    """How and from where the file was made; none of it is in the digest.

    Decided in one place, :func:`draftdiff.snapshot.build.provenance`: a commit and its state, or none of it.
    """

    tool_version: str
    drafts_path: str
    """The drafts directory as given (relative to where the command ran)."""
    git_commit: str | None = None
    git_dirty: bool | None = None
    """True when the drafts directory has uncommitted changes: the commit alone does not reproduce it."""
    git_path: str | None = None
    """The drafts directory relative to the repository root, for reading it back from the commit."""
    repository: str | None = None
    generated_at: str | None = None
    authors: tuple[str, ...] = ()


@dataclass(frozen=True)
class Snapshot:
    """The status of every article as of a date, with everything needed to check it later."""

    agreement: str
    as_of: str
    draft_id: str | None
    """The draft chosen by id, or None when the latest draft on or before ``as_of`` is used."""
    drafts: tuple[DraftRef, ...]
    articles: tuple[ArticleRow, ...]
    counts: Counts
    preconditions: tuple[PreconditionRow, ...] = ()
    claims: tuple[ClaimRow, ...] = ()
    claims_window_days: int = 92
    sources: tuple[SourceRef, ...] = ()
    later: tuple[DraftRef, ...] = ()
    """Versions dated after ``as_of`` that existed when it was built (not in the digest)."""
    agreement_title: str = ""
    """The agreement's name (``agreement_title`` of the latest version used that gives one)."""
    provenance: Provenance | None = None
    digest: str = ""
    """``sha256:…`` of the canonical content (see :mod:`draftdiff.snapshot.digest`)."""

    @property
    def status_draft(self) -> DraftRef:
        return next(d for d in self.drafts if d.role == "status")

    def source(self, source_id: str) -> SourceRef | None:
        return next((s for s in self.sources if s.id == source_id), None)

    def article(self, article_id: str) -> ArticleRow | None:
        return next((a for a in self.articles if a.id == article_id), None)


# --- plain dictionaries (JSON) ---------------------------------------------------------------

_CONTENT_KEYS = ("agreement", "agreement_title", "as_of", "draft_id", "drafts", "articles", "counts", "preconditions",
                 "claims", "claims_window_days", "sources")


def content_dict(snap: Snapshot) -> dict[str, Any]:
    """The stated content: everything the digest covers, plus each draft's file path."""
    full = asdict(snap)
    return {key: _plain(full[key]) for key in _CONTENT_KEYS}


def _plain(value: Any) -> Any:
    """Tuples as lists, as JSON has them, so a dict compares equal to its JSON read back."""
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


def snapshot_to_dict(snap: Snapshot) -> dict[str, Any]:
    """The JSON form: format, digest, content, later versions, provenance."""
    return {
        "format": SNAPSHOT_FORMAT,
        "digest": snap.digest,
        "content": content_dict(snap),
        "later_versions": [asdict(d) for d in snap.later],
        "provenance": _plain(asdict(snap.provenance)) if snap.provenance else None,
    }


def snapshot_from_dict(data: Any) -> Snapshot:
    """Rebuild a snapshot from its JSON form; raise ValueError naming the first thing out of shape."""
    if not isinstance(data, dict):
        raise ValueError("the top level is not a JSON object")
    if data.get("format") != SNAPSHOT_FORMAT:
        raise ValueError(f"'format' is {data.get('format')!r}, expected {SNAPSHOT_FORMAT!r}")
    content = _mapping(data.get("content"), "content")
    try:
        prov = data.get("provenance")
        return Snapshot(
            agreement=_str(content, "agreement"),
            agreement_title=str(content.get("agreement_title") or ""),
            as_of=_str(content, "as_of"),
            draft_id=content.get("draft_id"),
            drafts=tuple(_build(DraftRef, d, "content.drafts") for d in _list(content, "drafts")),
            articles=tuple(_build(ArticleRow, a, "content.articles") for a in _list(content, "articles")),
            counts=_build(Counts, content.get("counts"), "content.counts"),
            preconditions=tuple(_build(PreconditionRow, p, "content.preconditions")
                                for p in _list(content, "preconditions")),
            claims=tuple(_build(ClaimRow, c, "content.claims") for c in _list(content, "claims")),
            claims_window_days=int(content.get("claims_window_days", 92)),
            sources=tuple(_build(SourceRef, s, "content.sources") for s in _list(content, "sources")),
            later=tuple(_build(DraftRef, d, "later_versions") for d in data.get("later_versions") or []),
            provenance=_build(Provenance, prov, "provenance") if prov is not None else None,
            digest=str(data.get("digest", "")),
        )
    except (TypeError, KeyError) as exc:
        raise ValueError(str(exc)) from None


def _mapping(value: Any, where: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise ValueError(f"'{where}' is missing or not an object")
    return value


def _str(content: dict[str, Any], key: str) -> str:
    value = content.get(key)
    if not isinstance(value, str):
        raise ValueError(f"'content.{key}' is missing or not text")
    return value


def _list(content: dict[str, Any], key: str) -> list[Any]:
    value = content.get(key, [])
    if not isinstance(value, list):
        raise ValueError(f"'content.{key}' is not a list")
    return value


def _build(cls: type, value: Any, where: str) -> Any:
    """A dataclass from a dict: unknown or missing keys are errors that say where."""
    value = _mapping(value, where)
    names = {f.name for f in fields(cls)}
    unknown = sorted(set(value) - names)
    if unknown:
        raise ValueError(f"'{where}' has unknown key(s): {', '.join(unknown)}")
    kwargs = {k: tuple(v) if isinstance(v, list) else v for k, v in value.items()}
    try:
        return cls(**kwargs)
    except TypeError as exc:
        raise ValueError(f"'{where}': {exc}") from None


__all__ = ["ArticleRow", "ClaimRow", "Counts", "DraftRef", "PreconditionRow", "Provenance", "SNAPSHOT_FORMAT",
           "Snapshot", "SnapshotError", "SourceRef", "content_dict", "snapshot_from_dict",
           "snapshot_to_dict"]
