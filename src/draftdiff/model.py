"""The draft format: one YAML file per version of a negotiated text.

The models are strict (``extra="forbid"``) so that a misspelt key is an error
rather than silently ignored data, and dates stay ISO text because a YAML
timestamp would lose the difference between "no date" and "midnight UTC".
"""

import datetime as _dt
import re
from collections.abc import Mapping
from types import MappingProxyType
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    PlainValidator,
    WithJsonSchema,
    field_serializer,
    field_validator,
)

SCHEMA_VERSION = 1

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _check_iso_date(value: str) -> str:
    if not _ISO_DATE.match(value):
        raise ValueError("must be an ISO date written YYYY-MM-DD")
    try:
        _dt.date.fromisoformat(value)
    except ValueError:  # e.g. 2023-02-29: said as every face says it (vocab.calendar_problem)
        from draftdiff.vocab import calendar_problem

        raise ValueError(f"is not a real calendar date: {calendar_problem(value) or 'no such day'}") from None
    return value


IsoDate = Annotated[
    str,
    Field(pattern=r"^\d{4}-\d{2}-\d{2}$", json_schema_extra={"format": "date"}),
    AfterValidator(_check_iso_date),
]
"""A calendar date kept as text, e.g. ``2024-01-04``."""

Slug = Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9._-]*$", max_length=120)]
"""A stable identifier: lower-case letters, digits, ``.``, ``_`` and ``-``."""

NonEmpty = Annotated[str, Field(min_length=1)]

ArticleStatus = Literal["agreed", "partial", "disputed", "removed", "unknown"]
StatusBasis = Literal["reported", "inferred"]
TextBasis = Literal["verbatim", "translation", "summary", "none"]
FragmentBasis = Literal["verbatim", "translation", "summary"]
PositionBasis = Literal["verbatim", "translation", "summary", "inferred"]
DraftKind = Literal[
    "principles",
    "proposal",
    "counter-proposal",
    "joint-text",
    "status-report",
    "initialed",
    "signed",
]
Stage = Literal["pre-negotiation", "negotiating", "finalized", "initialed", "signed", "ratified", "in-force"]
DatePrecision = Literal["day", "month", "approximate"]
PreconditionKind = Literal["precondition", "demand", "position"]
PreconditionStatus = Literal["open", "met", "withdrawn", "transformed", "in-agreement", "rejected", "unknown"]
Coverage = Literal["complete", "partial", "none"]
"""How much of a version's article list is on record: most negotiating texts were never published."""
QuoteBasis = Literal["verbatim", "translation", "paraphrase"]
Part = Literal["article", "preamble", "title", "annex"]
"""What an entry of ``articles`` is: statements like "13 articles, the preamble and the title are
agreed" give the preamble and title a status of their own, but only articles are counted."""

_NUMBER_TEXT = re.compile(r"^[^\s](?:[^\r\n]{0,38}[^\s])?$")
_NUMBER_TEXT_PATTERN = _NUMBER_TEXT.pattern


def _check_number(value: object) -> int | str:
    """An article number: a whole number, or the number as written ("5 bis", "146-1", "IV").

    A plain validator rather than ``int | str``: a union reports a wrong value once per
    member, with the member's name in the location, and a reader wants one message.
    """
    if isinstance(value, int) and not isinstance(value, bool):
        if value < 0:
            raise ValueError("must be 0 or more")
        return value
    if isinstance(value, str):
        if not _NUMBER_TEXT.match(value):
            raise ValueError("must be the number as written, on one line, 1 to 40 characters without "
                             "spaces at either end (e.g. 7, \"5 bis\", \"146-1\", \"IV\")")
        return value
    if isinstance(value, float):
        raise ValueError("must be a whole number; write a number with a point in quotes, as written (\"5.1\")")
    raise ValueError("must be a number such as 7, or the number as written (\"5 bis\", \"146-1\", \"IV\")")


ArticleNumberField = Annotated[
    int | str,
    PlainValidator(_check_number),
    WithJsonSchema({
        "anyOf": [{"type": "integer", "minimum": 0},
                  {"type": "string", "pattern": _NUMBER_TEXT_PATTERN, "minLength": 1, "maxLength": 40}],
        "description": "The number as the text writes it: 7, or \"5 bis\", \"146-1\", \"IV\", \"1er\" "
                       "(kept as written; ordered by draftdiff.numbering).",
    }),
]
"""A display number; an integer stays an integer, so drafts written before suffixes were allowed read the same."""

STATUS_ORDER: tuple[ArticleStatus, ...] = ("agreed", "partial", "disputed", "removed", "unknown")


def _no_items() -> list:
    """An empty list; a Python function, because pydantic inspects a factory's signature and
    reading the signature of the ``list`` builtin costs ~8 ms at import (tokenizer regexes)."""
    return []


_NO_POSITIONS: Mapping[str, Any] = MappingProxyType({})


def _no_default(schema: dict[str, Any]) -> None:
    """The schema says no default where the model stores an absent list as ``()`` or mapping as ``None``."""
    schema.pop("default", None)


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=False, serialize_by_alias=True)


class Source(_Strict):
    """A published item that statements in the draft rest on."""

    id: Slug
    title: NonEmpty
    publisher: NonEmpty
    author: str | None = None
    date: IsoDate | None = None
    url: Annotated[str, Field(pattern=r"^https?://\S+$")] | None = None
    quote: str | None = None
    quote_basis: QuoteBasis = "verbatim"
    language: Annotated[str, Field(pattern=r"^[a-z]{2,3}(-[A-Za-z0-9]+)*$")] | None = None
    notes: str | None = None


class Fragment(_Strict):
    """One published piece of an article's wording, with its own basis."""

    text: NonEmpty
    basis: FragmentBasis
    sources: list[Slug] = Field(default_factory=_no_items)
    notes: str | None = None


class Position(_Strict):
    """A party's wording or stance on an article where the parties differ."""

    text: NonEmpty
    basis: PositionBasis
    sources: list[Slug] = Field(default_factory=_no_items)
    notes: str | None = None


class Article(_Strict):
    """An article, identified by a stable id independent of its number."""

    id: Slug
    part: Part = "article"
    number: ArticleNumberField | None = None
    title: NonEmpty
    status: ArticleStatus
    status_basis: StatusBasis | None = None
    status_note: str | None = None
    text: str | None = None
    text_basis: TextBasis = "none"
    fragments: tuple[Fragment, ...] = Field(default=(), json_schema_extra=_no_default)
    party_positions: dict[Slug, Position] = Field(default=None, alias="positions",  # type: ignore[arg-type]
                                                  json_schema_extra=_no_default)
    sources: tuple[Slug, ...] = Field(default=(), json_schema_extra=_no_default)
    notes: str | None = None

    @field_validator("party_positions")
    @classmethod
    def _none_when_empty(cls, value: dict[str, Position]) -> dict[str, Position] | None:
        return value or None

    @field_serializer("party_positions")
    def _as_written(self, value: dict[str, Position] | None) -> dict[str, Position]:
        return value or {}

    @property
    def positions(self) -> Mapping[str, Position]:
        """Each party's position where the parties differ (the file's ``positions``), by party.

        Why not the field itself: an article kept in memory holds only strings, numbers
        and tuples unless a party's position is on record, so the garbage collector
        stops walking it (an empty dict, like any list, would keep it in every pass;
        a collection of 10,000 articles halves the time of a full pass).
        """
        return self.party_positions or _NO_POSITIONS

    @property
    def full_text(self) -> str:
        """The wording a redline compares: the text, or the fragments joined."""
        if self.text is not None:
            return self.text
        return "\n\n".join(f.text for f in self.fragments)

    @property
    def effective_text_basis(self) -> str:
        """The basis of the wording on record; published fragments are an excerpt, never the article.

        ``verbatim excerpt`` says that some official wording was published, not that
        the whole article was; ``mixed excerpt`` that the pieces have different bases.
        """
        if self.text is not None or not self.fragments:
            return self.text_basis
        bases = {f.basis for f in self.fragments}
        return f"{bases.pop() if len(bases) == 1 else 'mixed'} excerpt"


class Precondition(_Strict):
    """A condition or demand a party set outside (or around) the text."""

    id: Slug
    party: Slug
    kind: PreconditionKind
    demand: NonEmpty
    status: PreconditionStatus
    status_basis: StatusBasis | None = None
    raised: IsoDate | None = None
    raised_precision: DatePrecision = "day"
    status_note: str | None = None
    article: Slug | None = None
    sources: list[Slug] = Field(default_factory=_no_items)
    notes: str | None = None


class ClaimedCount(_Strict):
    """What someone said in public about how many articles were settled."""

    agreed: Annotated[int, Field(ge=0)] | None = None
    partial: Annotated[int, Field(ge=0)] | None = None
    disputed: Annotated[int, Field(ge=0)] | None = None
    total: Annotated[int, Field(ge=0)] | None = None
    agreed_percent: Annotated[float, Field(ge=0, le=100)] | None = Field(
        default=None,
        description="Share of the text said to be agreed (\"about 80 percent\"); recorded, not checked, "
                    "since a share of the text is not a number of articles.",
    )
    approximate: bool = Field(default=False, description="The claim was hedged (\"about\", \"at least\").")
    speaker: str | None = None
    date: IsoDate | None = None
    source: Slug
    notes: str | None = None


class Draft(_Strict):
    """One version of the agreement text: a proposal, a joint text or a status report."""

    schema_version: Literal[1]
    agreement: Slug
    agreement_title: NonEmpty | None = Field(
        default=None,
        description="The agreement's name as citations print it (\"Armenia–Azerbaijan peace agreement\"); "
                    "the slug in `agreement` when absent.")
    id: Slug
    title: NonEmpty
    date: IsoDate
    date_precision: DatePrecision = "day"
    date_note: str | None = None
    kind: DraftKind
    proposed_by: Slug
    based_on: Slug | None = None
    stage: Stage
    parties: Annotated[list[Slug], Field(min_length=1)]
    article_coverage: Coverage = Field(
        default="complete",
        description="complete: every article of the version is listed; partial: only those on record; "
                    "none: the version is known only by its date and reports of it.",
    )
    summary: str | None = None
    notes: str | None = None
    attested_by: list[Slug] = Field(
        default_factory=_no_items,
        description="Sources that attest this version: that it exists, its date, kind and summary.",
    )
    sources: list[Source] = Field(default_factory=_no_items)
    claimed_counts: list[ClaimedCount] = Field(default_factory=_no_items)
    articles: list[Article] = Field(default_factory=_no_items)
    preconditions: list[Precondition] = Field(default_factory=_no_items)

    def article(self, article_id: str) -> Article | None:
        return next((a for a in self.articles if a.id == article_id), None)

    def source(self, source_id: str) -> Source | None:
        return next((s for s in self.sources if s.id == source_id), None)

    def status_counts(self) -> dict[str, int]:
        """Articles per status, in board order; every status present as a key.

        Only entries that are articles count: a preamble or title has a status but is
        not one of "the 17 articles".
        """
        counts: dict[str, int] = {status: 0 for status in STATUS_ORDER}
        for article in self.articles:
            if article.part == "article":
                counts[article.status] += 1
        return counts

    @property
    def records_articles(self) -> bool:
        """Whether this version says anything about article statuses at all."""
        return self.article_coverage != "none" and bool(self.articles)

    def article_count(self, counts: dict[str, int] | None = None) -> int:
        """How many articles the version has: articles that are not removed (from ``counts`` if given)."""
        counts = self.status_counts() if counts is None else counts
        return sum(counts.values()) - counts["removed"]
