"""The imported draft as plain data, valid as written.

The wording is the file's, verbatim (or, with ``text_basis="translation"``,
a translation), each entry citing the one source the text came from; statuses
are ``unknown`` unless the caller says otherwise, and then they are reported by
that source. Parties and agreement come from the base version when there is one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from draftdiff.errors import Hint
from draftdiff.importer.continuity import Choice, slug
from draftdiff.importer.formats import ImportProblem
from draftdiff.importer.structure import Recognised
from draftdiff.model import Draft


@dataclass
class SourceInfo:
    """Where the text was published."""

    title: str
    publisher: str
    url: str | None = None
    date: str | None = None
    id: str | None = None

    def ident(self, fallback_date: str) -> str:
        return self.id or slug(f"{self.publisher} {self.date or fallback_date}", words=10) or "imported-text"


@dataclass
class DraftInfo:
    """What the text cannot say about itself: the version's id, date, kind, who proposed it, lineage."""

    id: str
    date: str
    kind: str
    proposed_by: str
    agreement: str
    parties: list[str]
    stage: str = "negotiating"
    title: str | None = None
    based_on: str | None = None
    status: str = "unknown"
    text_basis: str = "verbatim"
    coverage: str = "complete"
    """``partial`` for a text on record only in part (a leak of some articles): the articles it leaves out
    are then silent, not removed, in every comparison with the version it follows."""
    agreement_title: str | None = None
    """The agreement's name as citations print it, carried from the version it follows."""


def build_draft(recognised: Recognised, choices: list[Choice], info: DraftInfo, source: SourceInfo) -> dict[str, Any]:
    """The draft's data in the order its file lists it; raise ImportProblem if it would not be valid."""
    source_id = source.ident(info.date)
    title = info.title or recognised.title
    if not title:
        raise ImportProblem(f"{recognised.source.name}: the text has no title line before its first article",
                            Hint.coded("give the version's title", "import-title"))
    src: dict[str, Any] = {"id": source_id, "title": source.title, "publisher": source.publisher}
    if source.date:
        src["date"] = source.date
    if source.url:
        src["url"] = source.url
    name = Path(recognised.source.name).name
    data: dict[str, Any] = {
        "schema_version": 1, "agreement": info.agreement,
        **({"agreement_title": info.agreement_title} if info.agreement_title else {}),
        "id": info.id, "title": title, "date": info.date, "kind": info.kind, "proposed_by": info.proposed_by,
    }
    if info.based_on:
        data["based_on"] = info.based_on
    data.update({
        "stage": info.stage, "parties": list(info.parties), "article_coverage": info.coverage,
        "notes": f"Imported from {name} (sha256 {recognised.source.sha256[:16]}…) by draftdiff import; "
                 f"the wording of each entry is the file's, {info.text_basis}.",
        "attested_by": [source_id],
        "sources": [src],
        "articles": [_article(choice, info, source_id) for choice in choices],
    })
    _check(data)
    return data


def _article(choice: Choice, info: DraftInfo, source_id: str) -> dict[str, Any]:
    entry = choice.entry
    article: dict[str, Any] = {"id": choice.id}
    if entry.part != "article":
        article["part"] = entry.part
    if entry.number is not None:
        article["number"] = entry.number
    article["title"] = _one_line(choice.title)
    article["status"] = info.status
    if info.status != "unknown":
        article["status_basis"] = "reported"
    if entry.text.strip():
        article["text"] = entry.text
        article["text_basis"] = info.text_basis
    article["sources"] = [source_id]
    return article


def _one_line(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _problem(error: Any) -> str:
    """``date: …`` with the value when it is a plain one: every problem, never a repr of the data."""
    where = ".".join(str(p) for p in error.get("loc", ()))
    value = error.get("input")
    shown = f" (not {value})" if isinstance(value, (str, int, float)) and not isinstance(value, bool) else ""
    return f"{where}: {str(error.get('msg', '')).removeprefix('Value error, ')}{shown}"


def _check(data: dict[str, Any]) -> None:
    """Validate against the model, so that a bad argument is named here rather than by the write path."""
    from pydantic import ValidationError

    try:
        Draft.model_validate(data)
    except ValidationError as exc:
        problems = list(dict.fromkeys(_problem(e) for e in exc.errors(include_url=False)))
        raise ImportProblem(f"the imported draft would not be valid: {'; '.join(problems)}",
                            Hint.coded("check the version's details (its id, date, kind, who proposed it, the "
                                       "parties, the agreement) and the source's", "import-details")) from None
