"""What a comparison of two drafts found, as plain data every face reads.

The engine (``draftdiff.diff.engine.diff_drafts``) fills these; the terminal,
Markdown, HTML and JSON renderers and the TUI's Compare screen only read them.
Nothing here knows how it will be shown.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from draftdiff.numbering import ArticleNumber

# --- change kinds ---------------------------------------------------------------------------------------------
# An article can carry several kinds at once (e.g. moved + renumbered + text-changed).

ADDED = "added"                  # present only in the new draft
REMOVED = "removed"              # present only in the old draft
RENUMBERED = "renumbered"        # same article, different display number
MOVED = "moved"                  # same article, different place in the order of articles
SPLIT = "split"                  # one old article became several new ones
MERGED = "merged"                # several old articles became one new one
ID_CHANGED = "id-changed"        # matched by text similarity although its stable id differs
TITLE_CHANGED = "title-changed"
TEXT_CHANGED = "text-changed"
PARTY_ORDER = "party-order"      # wording differs only in the order the parties are named (alternat)
STATUS_CHANGED = "status-changed"  # e.g. disputed -> agreed
BASIS_CHANGED = "basis-changed"  # text_basis or status_basis changed (e.g. summary -> verbatim)
POSITION_CHANGED = "position-changed"  # a party's position added, dropped or reworded
SOURCES_CHANGED = "sources-changed"
NOTES_CHANGED = "notes-changed"  # notes or status_note

ARTICLE_KINDS: tuple[str, ...] = (
    ADDED, REMOVED, SPLIT, MERGED, MOVED, RENUMBERED, ID_CHANGED, TITLE_CHANGED, STATUS_CHANGED, TEXT_CHANGED,
    PARTY_ORDER, BASIS_CHANGED, POSITION_CHANGED, SOURCES_CHANGED, NOTES_CHANGED,
)
"""Every article change kind, in the order faces list them."""

CLERICAL_KINDS = frozenset({SOURCES_CHANGED, NOTES_CHANGED, BASIS_CHANGED})
"""Changes to the record about an article rather than to the article: hidden by ``--substantive``."""

# Precondition kinds (ADDED, REMOVED, STATUS_CHANGED, TEXT_CHANGED, SOURCES_CHANGED, NOTES_CHANGED also apply).
WITHDRAWN = "withdrawn"          # its status became "withdrawn"
ARTICLE_LINK_CHANGED = "article-changed"  # now tied to a different article
PARTY_CHANGED = "party-changed"

PRECONDITION_KINDS: tuple[str, ...] = (
    ADDED, REMOVED, WITHDRAWN, STATUS_CHANGED, TEXT_CHANGED, PARTY_CHANGED, ARTICLE_LINK_CHANGED,
    SOURCES_CHANGED, NOTES_CHANGED,
)

Op = Literal["equal", "insert", "delete"]


@dataclass(frozen=True)
class Segment:
    """One run of a redline.

    ``text`` is the new wording for equal and inserted runs and the old wording
    for deleted ones. When differences are ignored (case, spacing, punctuation)
    an equal run may read differently in the old draft: then ``old_text`` holds
    the old wording, so both texts can always be rebuilt exactly.
    """

    op: Op
    text: str
    old_text: str | None = None

    @property
    def old(self) -> str:
        """This run's contribution to the old text."""
        if self.op == "insert":
            return ""
        return self.text if self.old_text is None else self.old_text

    @property
    def new(self) -> str:
        """This run's contribution to the new text."""
        return "" if self.op == "delete" else self.text


def old_text_of(redline: list[Segment]) -> str:
    return "".join(s.old for s in redline)


def new_text_of(redline: list[Segment]) -> str:
    return "".join(s.new for s in redline)


@dataclass
class TextStats:
    """How much wording changed; ``similarity`` is the share of words kept (1.0 = same)."""

    words_old: int = 0
    words_new: int = 0
    words_inserted: int = 0
    words_deleted: int = 0
    chars_inserted: int = 0
    chars_deleted: int = 0
    similarity: float = 1.0
    deadline_hits: int = 0
    """Times diff-match-patch ran out of time; the redline then comes from a coarser fallback (see notes)."""

    def add(self, other: TextStats) -> None:
        self.words_old += other.words_old
        self.words_new += other.words_new
        self.words_inserted += other.words_inserted
        self.words_deleted += other.words_deleted
        self.chars_inserted += other.chars_inserted
        self.chars_deleted += other.chars_deleted
        self.deadline_hits += other.deadline_hits


@dataclass(frozen=True)
class FieldChange:
    """A scalar field that differs (title, status, stage, …); values are shown as text."""

    field: str
    old: str | None
    new: str | None
    redline: list[Segment] = field(default_factory=list)
    """Word redline for wording fields (title, notes); empty for codes such as a status."""
    party_order: bool = False
    """True when the wording differs only in the order the parties are named (alternat)."""


@dataclass
class PositionChange:
    """A party's position on an article: added, dropped or changed."""

    party: str
    change: Literal["added", "removed", "changed"]
    old_text: str | None = None
    new_text: str | None = None
    old_basis: str | None = None
    new_basis: str | None = None
    redline: list[Segment] = field(default_factory=list)
    sources_added: list[str] = field(default_factory=list)
    sources_removed: list[str] = field(default_factory=list)


class _Kinds:
    """What an entry's change kinds say; ``kinds`` empty means unchanged."""

    kinds: list[str]

    @property
    def changed(self) -> bool:
        return bool(self.kinds)

    @property
    def substantive(self) -> bool:
        """A change of what the entry is or says, not only of its sources, notes or bases."""
        return any(kind not in CLERICAL_KINDS for kind in self.kinds)


@dataclass
class ArticleChange(_Kinds):
    """One article (or one part of a split/merge) across the two drafts; ``kinds`` empty = unchanged."""

    old_id: str | None
    new_id: str | None
    old_number: ArticleNumber | None
    new_number: ArticleNumber | None
    title: str
    """The new title (the old one for removed articles)."""
    old_title: str | None
    new_title: str | None
    old_status: str | None
    new_status: str | None
    old_index: int | None = None
    """0-based place among the old draft's articles."""
    new_index: int | None = None
    kinds: list[str] = field(default_factory=list)
    match: Literal["id", "similarity", "split", "merge", "none"] = "id"
    """How the two sides were paired: same stable id, text similarity, a split or merge, or not at all."""
    related: list[str] = field(default_factory=list)
    """Split: the ids of all resulting articles; merged: the ids of all old articles that were merged."""
    redline: list[Segment] = field(default_factory=list)
    stats: TextStats = field(default_factory=TextStats)
    fields: list[FieldChange] = field(default_factory=list)
    """Other scalar changes: title, status, status_basis, status_note, text_basis, notes, number."""
    positions: list[PositionChange] = field(default_factory=list)
    sources_added: list[str] = field(default_factory=list)
    sources_removed: list[str] = field(default_factory=list)
    old_text_basis: str | None = None
    new_text_basis: str | None = None
    not_on_record: Literal["old", "new"] | None = None
    """The side whose article list is only partly on record and does not mention this article.

    Such an entry is not a change: the record is silent, not the text (kinds stay empty).
    """
    part: str = "article"
    """What the entry is (``article``, ``preamble``, ``title``, ``annex``), on the newer side: how it is named."""

    @property
    def id(self) -> str:
        return self.new_id or self.old_id or ""

    @property
    def similarity(self) -> float:
        return self.stats.similarity


@dataclass
class PreconditionChange(_Kinds):
    """A precondition or demand across the two drafts; ``kinds`` empty = unchanged."""

    id: str
    party: str
    old_status: str | None
    new_status: str | None
    demand: str
    kinds: list[str] = field(default_factory=list)
    redline: list[Segment] = field(default_factory=list)
    """Word redline of the demand's wording."""
    fields: list[FieldChange] = field(default_factory=list)
    sources_added: list[str] = field(default_factory=list)
    sources_removed: list[str] = field(default_factory=list)


@dataclass
class DraftInfo:
    """Who and what one side of the comparison is."""

    id: str
    title: str
    date: str
    agreement: str
    kind: str
    stage: str
    proposed_by: str
    parties: list[str]
    label: str
    """Where it came from as the user named it: a path, ``REV:path`` or a draft id."""
    articles: int
    status_counts: dict[str, int]
    article_coverage: str = "complete"
    """How much of the version's article list is on record: complete, partial or none."""


@dataclass
class DiffOptions:
    """How to compare. Defaults read like a careful analyst's redline."""

    granularity: Literal["word", "char"] = "word"
    ignore_case: bool = False
    ignore_space: bool = False
    ignore_punctuation: bool = False
    ignore_party_order: bool = False
    """Treat wording that differs only in the order the parties are named (alternat) as the same."""
    timeout: float = 2.0
    """diff-match-patch's Diff_Timeout per comparison, seconds; a hit falls back and is reported."""
    similarity_threshold: float = 0.5
    """Least similarity for pairing articles whose ids differ."""


@dataclass
class DraftDiff:
    """Everything that differs between two drafts, article by article."""

    old: DraftInfo
    new: DraftInfo
    options: DiffOptions
    articles: list[ArticleChange] = field(default_factory=list)
    """Every article of either draft, in the new draft's order; removed ones where they stood."""
    preconditions: list[PreconditionChange] = field(default_factory=list)
    agreement: list[FieldChange] = field(default_factory=list)
    """Draft-level changes: title, date, kind, stage, proposed_by, parties, agreement, summary."""
    sources_added: list[str] = field(default_factory=list)
    """Draft-level source entries (by id) present only in the new draft."""
    sources_removed: list[str] = field(default_factory=list)
    stats: TextStats = field(default_factory=TextStats)
    notes: list[str] = field(default_factory=list)
    """Things the reader must know: different agreements, deadline fallbacks, alternat."""

    @property
    def same_agreement(self) -> bool:
        return self.old.agreement == self.new.agreement

    @property
    def changed_articles(self) -> list[ArticleChange]:
        return [a for a in self.articles if a.kinds]

    @property
    def changed_preconditions(self) -> list[PreconditionChange]:
        return [p for p in self.preconditions if p.kinds]

    @property
    def has_differences(self) -> bool:
        return bool(self.changed_articles or self.changed_preconditions or self.agreement
                    or self.sources_added or self.sources_removed)

    def listed_articles(self, show_all: bool = False, substantive: bool = False) -> list[ArticleChange]:
        """The entries a face shows: changed ones (every one with ``show_all``; with ``substantive``,
        only those whose change is more than sources, notes or bases)."""
        if show_all:
            return list(self.articles)
        return [a for a in self.articles if (a.substantive if substantive else a.kinds)]

    def listed_preconditions(self, show_all: bool = False, substantive: bool = False) -> list[PreconditionChange]:
        """The precondition entries a face shows, by the same reading as :meth:`listed_articles`."""
        if show_all:
            return list(self.preconditions)
        return [p for p in self.preconditions if (p.substantive if substantive else p.kinds)]

    @property
    def unrecorded_articles(self) -> list[ArticleChange]:
        """Articles one side's partial record does not mention (not counted as changes)."""
        return [a for a in self.articles if a.not_on_record]

    def kind_counts(self) -> dict[str, int]:
        """How many articles carry each kind, in ARTICLE_KINDS order (kinds with zero left out)."""
        counts = {k: 0 for k in ARTICLE_KINDS}
        for article in self.articles:
            for kind in article.kinds:
                counts[kind] = counts.get(kind, 0) + 1
        return {k: v for k, v in counts.items() if v}
