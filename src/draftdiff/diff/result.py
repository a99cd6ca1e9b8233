"""What a comparison of two drafts found, as plain data every face reads.

The engine (``draftdiff.diff.engine.diff_drafts``) fills these; the terminal,
Markdown, HTML and JSON renderers and the TUI's Compare screen only read them.
Nothing here knows how it will be shown.
"""

from __future__ import annotations

import dataclasses
import difflib
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Literal

from draftdiff.numbering import ArticleNumber

# --- change kinds ---------------------------------------------------------------------------------------------
# Every kind of change the engine names is defined here, once; faces label them (``vocab.change_label``) and
# ``CLERICAL_KINDS`` says which ones ``--substantive`` hides. An entry can carry several kinds at once
# (e.g. moved + renumbered + text-changed).

ADDED = "added"                  # present only in the new draft
REMOVED = "removed"              # present only in the old draft
RENUMBERED = "renumbered"        # same article, different display number
MOVED = "moved"                  # same article, different place in the order of articles
SPLIT = "split"                  # one old article became several new ones
MERGED = "merged"                # several old articles became one new one
ID_CHANGED = "id-changed"        # matched by text similarity although its stable id differs
TITLE_CHANGED = "title-changed"
PART_CHANGED = "part-changed"    # article / preamble / title / annex: what the entry is (and whether it counts)
TEXT_CHANGED = "text-changed"    # the wording (text or fragments; a precondition's demand)
PARTY_ORDER = "party-order"      # wording differs only in the order the parties are named (alternat)
STATUS_CHANGED = "status-changed"  # e.g. disputed -> agreed
BASIS_CHANGED = "basis-changed"  # text_basis, status_basis, a fragment's or a position's basis
POSITION_CHANGED = "position-changed"  # a party's position added, dropped or reworded
SOURCES_CHANGED = "sources-changed"  # the source ids an entry (or a fragment or position of it) cites
NOTES_CHANGED = "notes-changed"  # notes or status_note (of the entry, a fragment or a position)

ARTICLE_KINDS: tuple[str, ...] = (
    ADDED, REMOVED, SPLIT, MERGED, MOVED, RENUMBERED, ID_CHANGED, PART_CHANGED, TITLE_CHANGED, STATUS_CHANGED,
    TEXT_CHANGED, PARTY_ORDER, BASIS_CHANGED, POSITION_CHANGED, SOURCES_CHANGED, NOTES_CHANGED,
)
"""Every article change kind, in the order faces list them."""

# Precondition kinds (ADDED, REMOVED, STATUS_CHANGED, TEXT_CHANGED, BASIS_CHANGED, SOURCES_CHANGED and
# NOTES_CHANGED also apply).
WITHDRAWN = "withdrawn"          # its status became "withdrawn"
ARTICLE_LINK_CHANGED = "article-changed"  # now tied to a different article
PARTY_CHANGED = "party-changed"
KIND_CHANGED = "kind-changed"    # precondition (for signing) / demand / position; a version's kind
RAISED_CHANGED = "raised-changed"  # when it was first raised (the date or its precision)

PRECONDITION_KINDS: tuple[str, ...] = (
    ADDED, REMOVED, WITHDRAWN, STATUS_CHANGED, KIND_CHANGED, TEXT_CHANGED, PARTY_CHANGED, ARTICLE_LINK_CHANGED,
    RAISED_CHANGED, BASIS_CHANGED, SOURCES_CHANGED, NOTES_CHANGED,
)

# Kinds of the version as a whole (one per field of the draft outside its articles and preconditions).
AGREEMENT_CHANGED = "agreement-changed"  # the drafts belong to different agreements
AGREEMENT_TITLE_CHANGED = "agreement-title-changed"  # the agreement's name as citations print it
DATE_CHANGED = "date-changed"
DATE_NOTE_CHANGED = "date-note-changed"  # date_note or date_precision: what is known of the date
STAGE_CHANGED = "stage-changed"
PROPOSER_CHANGED = "proposer-changed"
LINEAGE_CHANGED = "lineage-changed"      # based_on
PARTIES_CHANGED = "parties-changed"
COUNTS_CHANGED = "counts-changed"        # articles per status
COVERAGE_CHANGED = "coverage-changed"    # article_coverage: how much of the article list is on record
SUMMARY_CHANGED = "summary-changed"
ATTESTATION_CHANGED = "attestation-changed"  # attested_by: the sources that attest the version
SOURCE_ADDED = "source-added"            # an entry of the draft's sources list
SOURCE_REMOVED = "source-removed"
SOURCE_CHANGED = "source-changed"        # its quote, title, url, date, publisher, author, notes, ...
CLAIM_ADDED = "claim-added"              # an entry of claimed_counts
CLAIM_REMOVED = "claim-removed"
CLAIM_CHANGED = "claim-changed"          # e.g. agreed 15 -> 16

DRAFT_KINDS: tuple[str, ...] = (
    AGREEMENT_CHANGED, AGREEMENT_TITLE_CHANGED, TITLE_CHANGED, DATE_CHANGED, DATE_NOTE_CHANGED, KIND_CHANGED, STAGE_CHANGED,
    PROPOSER_CHANGED, LINEAGE_CHANGED, PARTIES_CHANGED, COUNTS_CHANGED, COVERAGE_CHANGED, SUMMARY_CHANGED,
    NOTES_CHANGED, ATTESTATION_CHANGED, SOURCE_ADDED, SOURCE_REMOVED, SOURCE_CHANGED, CLAIM_ADDED, CLAIM_REMOVED,
    CLAIM_CHANGED,
)
"""Every kind of change of the version as a whole, in the order faces list them."""

DRAFT_FIELD_KINDS: dict[str, str] = {
    "agreement": AGREEMENT_CHANGED, "agreement_title": AGREEMENT_TITLE_CHANGED, "title": TITLE_CHANGED, "date": DATE_CHANGED,
    "date_precision": DATE_NOTE_CHANGED, "date_note": DATE_NOTE_CHANGED, "kind": KIND_CHANGED,
    "stage": STAGE_CHANGED, "proposed_by": PROPOSER_CHANGED, "based_on": LINEAGE_CHANGED,
    "parties": PARTIES_CHANGED, "article_coverage": COVERAGE_CHANGED, "summary": SUMMARY_CHANGED,
    "notes": NOTES_CHANGED, "attested_by": ATTESTATION_CHANGED,
}
"""The kind of a change of each field of the version (article counts are ``COUNTS_CHANGED``)."""

ALL_KINDS: tuple[str, ...] = tuple(dict.fromkeys((*ARTICLE_KINDS, *PRECONDITION_KINDS, *DRAFT_KINDS)))
"""Every change kind there is, each once: what a face needs a label for."""

CLERICAL_KINDS = frozenset({
    SOURCES_CHANGED, NOTES_CHANGED, BASIS_CHANGED, RAISED_CHANGED, DATE_NOTE_CHANGED, COVERAGE_CHANGED,
    AGREEMENT_TITLE_CHANGED,
    SUMMARY_CHANGED, ATTESTATION_CHANGED, SOURCE_ADDED, SOURCE_REMOVED, SOURCE_CHANGED, CLAIM_ADDED,
    CLAIM_REMOVED, CLAIM_CHANGED,
})
"""Changes of the record *about* the text rather than of the text and where it stands: hidden by ``--substantive``.

Clerical: the agreement's name as citations print it; which sources are cited and what a source says (its quote, title, url, ...); notes and status notes;
bases (verbatim, summary, inferred, ...); what is known of a date and when a demand was first raised; the
analyst's summary of a version and the sources attesting it; and claimed counts. A claimed count is what someone
said in public about the board, evidence about the statuses rather than a status: a change of it (15 agreed → 16)
corrects or extends the record of what was said, while the statuses themselves, which are substantive, are
compared article by article. Substantive: everything else (wording, status, positions, titles, numbers and
places, preconditions' demands, statuses and kinds, and the version's date, kind, stage, proposer, lineage and
parties)."""

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


def list_redline(old: Sequence[str], new: Sequence[str], sep: str = ", ") -> list[Segment]:
    """Two lists of ids (the sources an entry cites) as one redline: kept ids equal, the others inserted or
    deleted, so that its old text is ``sep.join(old)`` and its new text ``sep.join(new)`` exactly (an id that
    moved reads as deleted where it was and inserted where it is)."""
    ops: list[tuple[Op, str]] = []
    matcher = difflib.SequenceMatcher(None, list(old), list(new), autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            ops += [("equal", s) for s in new[j1:j2]]
        else:
            ops += [("delete", s) for s in old[i1:i2]]
            ops += [("insert", s) for s in new[j1:j2]]
    out: list[Segment] = []
    seen_old = seen_new = False
    for op, ident in ops:
        on_old, on_new = op != "insert", op != "delete"
        before_old, before_new = on_old and seen_old, on_new and seen_new  # a separator before it, on each side
        if before_old or before_new:
            out.append(Segment("equal" if before_old and before_new else "delete" if before_old else "insert", sep))
        out.append(Segment(op, ident))
        seen_old, seen_new = seen_old or on_old, seen_new or on_new
    return out


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
    redline: list[Segment] = dataclasses.field(default_factory=list)  # the attribute ``field`` shadows the name
    """Word redline for wording fields (title, notes); empty for codes such as a status."""
    party_order: bool = False
    """True when the wording differs only in the order the parties are named (alternat)."""
    kind: str = ""
    """The change kind this field's change counts as (``status`` → ``status-changed``, ``notes`` → ``notes-changed``)."""


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
    kinds: list[str] = field(default_factory=list)
    """What this change of a position counts as: ``position-changed`` when the party's position was added,
    dropped or reworded; ``basis-changed``, ``sources-changed`` or ``notes-changed`` (clerical) when only its
    basis, the sources it cites or its notes changed."""
    fields: list[FieldChange] = field(default_factory=list)
    """Its notes (redlined), when they changed."""
    old_sources: list[str] = field(default_factory=list)
    """Every source id it cites in the old draft, in order (empty when the position was added); ``sources_added`` and ``sources_removed``
    are what differ, this and :attr:`new_sources` the lists themselves (kept ids too), for a face that shows the
    list as a redline (:func:`list_redline`)."""
    new_sources: list[str] = field(default_factory=list)

    @property
    def reworded(self) -> bool:
        return self.change == "changed" and self.old_text != self.new_text


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
    hidden_kinds: list[str] = field(default_factory=list)
    """The clerical kinds :meth:`substantive_only` left out (empty on a full entry): an entry listed under
    ``--substantive`` with no kind left had clerical changes only, and is not "unchanged"."""
    old_sources: list[str] = field(default_factory=list)
    """Every source id it cites in the old draft, in order (empty when added; both lists empty under ``--substantive``); ``sources_added`` and ``sources_removed``
    are what differ, this and :attr:`new_sources` the lists themselves (kept ids too), for a face that shows the
    list as a redline (:func:`list_redline`)."""
    new_sources: list[str] = field(default_factory=list)

    @property
    def id(self) -> str:
        return self.new_id or self.old_id or ""

    def substantive_only(self) -> ArticleChange:
        """This entry with its clerical changes left out (what ``--substantive`` shows of it)."""
        positions = [replace(p, kinds=[POSITION_CHANGED], sources_added=[], sources_removed=[], fields=[],
                             old_sources=[], new_sources=[])
                     for p in self.positions if POSITION_CHANGED in p.kinds]
        return replace(self, kinds=[k for k in self.kinds if k not in CLERICAL_KINDS],
                       fields=[f for f in self.fields if f.kind not in CLERICAL_KINDS], positions=positions,
                       sources_added=[], sources_removed=[], old_sources=[], new_sources=[],
                       hidden_kinds=[k for k in self.kinds if k in CLERICAL_KINDS])

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
    hidden_kinds: list[str] = field(default_factory=list)
    """The clerical kinds :meth:`substantive_only` left out (as :attr:`ArticleChange.hidden_kinds`)."""
    old_sources: list[str] = field(default_factory=list)
    """Every source id it cites in the old draft, in order (empty when added; both lists empty under ``--substantive``); ``sources_added`` and ``sources_removed``
    are what differ, this and :attr:`new_sources` the lists themselves (kept ids too), for a face that shows the
    list as a redline (:func:`list_redline`)."""
    new_sources: list[str] = field(default_factory=list)

    def substantive_only(self) -> PreconditionChange:
        """This entry with its clerical changes left out (what ``--substantive`` shows of it)."""
        return replace(self, kinds=[k for k in self.kinds if k not in CLERICAL_KINDS],
                       fields=[f for f in self.fields if f.kind not in CLERICAL_KINDS],
                       sources_added=[], sources_removed=[], old_sources=[], new_sources=[],
                       hidden_kinds=[k for k in self.kinds if k in CLERICAL_KINDS])


@dataclass
class SourceChange:
    """An entry of a draft's ``sources`` list (by id) added, removed, or with fields that changed."""

    id: str
    change: Literal["added", "removed", "changed"]
    title: str
    """The new title (the old one for a removed source)."""
    fields: list[FieldChange] = field(default_factory=list)
    """Each field that differs (quote, title, url, date, publisher, author, quote_basis, language, notes);
    wording fields carry a word redline."""
    old: dict[str, str | None] | None = None
    """Every field of the source in the old draft (None when added)."""
    new: dict[str, str | None] | None = None

    @property
    def kind(self) -> str:
        return {"added": SOURCE_ADDED, "removed": SOURCE_REMOVED, "changed": SOURCE_CHANGED}[self.change]


@dataclass
class ClaimChange:
    """An entry of ``claimed_counts`` added, removed or changed, named by who said it when.

    Claims are paired by speaker, date and source (see ``diff.evidence``), so a corrected count reads as
    ``Ilham Aliyev 2024-12-18: agreed 15 → 16`` rather than as one claim removed and another added.
    """

    name: str
    """``speaker date`` (the source id stands in for a missing speaker or date)."""
    change: Literal["added", "removed", "changed"]
    source: str
    fields: list[FieldChange] = field(default_factory=list)
    """Each field that differs: agreed, partial, disputed, total, agreed_percent, approximate, speaker, date,
    source, notes."""
    old: dict[str, str | None] | None = None
    """The claim in the old draft, every field as text (None when added)."""
    new: dict[str, str | None] | None = None

    @property
    def kind(self) -> str:
        return {"added": CLAIM_ADDED, "removed": CLAIM_REMOVED, "changed": CLAIM_CHANGED}[self.change]


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
    """Articles that are not removed: "the 17 articles" (a preamble or title is never counted)."""
    status_counts: dict[str, int]
    article_coverage: str = "complete"
    """How much of the version's article list is on record: complete, partial or none."""
    date_precision: str = "day"
    """How much of ``date`` is known: day, month or approximate."""
    parts: list[str] = field(default_factory=list)
    """The unnumbered parts beside the articles (preamble, title, annex), named apart from the count."""


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


@dataclass(frozen=True)
class DiffView:
    """What a face shows of a diff (recorded in the JSON next to the :class:`DiffOptions`)."""

    stat: bool = False
    """One line per changed entry, no redlines."""
    show_all: bool = False
    """Unchanged entries too."""
    substantive: bool = False
    """Leave out entries whose every change is clerical (``CLERICAL_KINDS``), and clerical changes of the
    version as a whole (its sources, claimed counts, summary, notes, ...)."""


@dataclass
class DraftDiff:
    """Everything that differs between two drafts: the articles, the preconditions and the version's record."""

    old: DraftInfo
    new: DraftInfo
    options: DiffOptions
    articles: list[ArticleChange] = field(default_factory=list)
    """Every article of either draft, in the new draft's order; removed ones where they stood."""
    preconditions: list[PreconditionChange] = field(default_factory=list)
    agreement: list[FieldChange] = field(default_factory=list)
    """Changes of the version as a whole, each with its ``kind`` (``DRAFT_FIELD_KINDS``): agreement, title, date,
    date_precision, date_note, kind, stage, proposed_by, based_on, parties, article_coverage, summary, notes,
    attested_by, and the article counts."""
    sources: list[SourceChange] = field(default_factory=list)
    """Entries of the draft's sources list added, removed or changed, in the new draft's order."""
    claims: list[ClaimChange] = field(default_factory=list)
    """Entries of claimed_counts added, removed or changed."""
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
    def kinds(self) -> list[str]:
        """The kinds of change of the version as a whole, in ``DRAFT_KINDS`` order."""
        found = {f.kind for f in self.agreement} | {s.kind for s in self.sources} | {c.kind for c in self.claims}
        return [k for k in DRAFT_KINDS if k in found]

    @property
    def has_differences(self) -> bool:
        """Anything at all differs: what ``diff`` exits 1 for (a new id alone too; the header shows both)."""
        return bool(self.old.id != self.new.id or self.changed_articles or self.changed_preconditions or self.agreement
                    or self.sources or self.claims or self.sources_added or self.sources_removed)

    def listed_articles(self, show_all: bool = False, substantive: bool = False) -> list[ArticleChange]:
        """The entries a face shows: changed ones (every one with ``show_all``). With ``substantive``, only
        those with a substantive change, and of each only its substantive changes."""
        shown = [a for a in self.articles if show_all or (a.substantive if substantive else a.kinds)]
        return [a.substantive_only() for a in shown] if substantive else shown

    def listed_preconditions(self, show_all: bool = False, substantive: bool = False) -> list[PreconditionChange]:
        """The precondition entries a face shows, by the same reading as :meth:`listed_articles`."""
        shown = [p for p in self.preconditions if show_all or (p.substantive if substantive else p.kinds)]
        return [p.substantive_only() for p in shown] if substantive else shown

    def listed_agreement(self, substantive: bool = False) -> list[FieldChange]:
        """The changes of the version as a whole a face shows (``substantive``: not the clerical ones)."""
        return [f for f in self.agreement if not (substantive and f.kind in CLERICAL_KINDS)]

    def listed_sources(self, substantive: bool = False) -> list[SourceChange]:
        """Changed source entries; none with ``substantive`` (every change of a source is clerical)."""
        return [] if substantive else list(self.sources)

    def listed_claims(self, substantive: bool = False) -> list[ClaimChange]:
        """Changed claimed counts; none with ``substantive`` (a claim is evidence about the statuses)."""
        return [] if substantive else list(self.claims)

    def hidden_by_substantive(self) -> int:
        """How many changes ``--substantive`` leaves out, so a face can say so rather than let them vanish:
        each article or precondition with a clerical change (left out whole, or of which only the
        substantive changes are shown), each clerical field of the version, each source and claim."""
        return (sum(1 for a in self.articles if any(k in CLERICAL_KINDS for k in a.kinds))
                + sum(1 for p in self.preconditions if any(k in CLERICAL_KINDS for k in p.kinds))
                + sum(1 for f in self.agreement if f.kind in CLERICAL_KINDS)
                + len(self.sources) + len(self.claims))

    @property
    def unrecorded_articles(self) -> list[ArticleChange]:
        """Articles one side's partial record does not mention (not counted as changes)."""
        return [a for a in self.articles if a.not_on_record]

    def kind_counts(self, substantive: bool = False) -> dict[str, int]:
        """How many articles carry each kind, in ARTICLE_KINDS order (kinds with zero left out)."""
        counts = {k: 0 for k in ARTICLE_KINDS}
        for article in self.listed_articles(substantive=substantive):
            for kind in article.kinds:
                counts[kind] = counts.get(kind, 0) + 1
        return {k: v for k, v in counts.items() if v}
