"""A fictional draft with every field of the format set, and one change to each field.

``MUTATIONS`` changes one field at a time; ``test_every_field_of_the_format_has_a_mutation`` keeps the table
complete, so a field added to the model later fails the tests until the diff and textconv report it.
Each mutation names a string the diff must print, and whether the change is clerical (hidden by --substantive).
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from draftdiff.model import Draft

RECOGNITION = ("The Parties recognise each other's sovereignty and territorial integrity. "
               "They shall respect the inviolability of borders.")


def base_data() -> dict[str, Any]:
    return {
        "schema_version": 1, "agreement": "test-peace", "agreement_title": "Test peace agreement", "id": "d-old", "title": "A test proposal",
        "date": "2024-01-01", "date_precision": "day", "date_note": "Handed over on the day",
        "kind": "proposal", "proposed_by": "armenia", "based_on": "d-earlier", "stage": "negotiating",
        "parties": ["armenia", "azerbaijan"], "article_coverage": "complete",
        "summary": "A first proposal.", "notes": "Kept for the tests.", "attested_by": ["s1"],
        "sources": [
            {"id": "s1", "title": "Interview", "publisher": "Example Press", "author": "A. Writer",
             "date": "2024-01-02", "url": "https://example.org/a", "quote": "most of the text is agreed",
             "quote_basis": "verbatim", "language": "en", "notes": "Broadcast live."},
            {"id": "s2", "title": "Statement", "publisher": "Example Press"},
        ],
        "claimed_counts": [
            {"agreed": 5, "partial": 0, "disputed": 1, "total": 6, "agreed_percent": 80, "approximate": False,
             "speaker": "A. Speaker", "date": "2024-01-02", "source": "s1", "notes": "Said on air."},
        ],
        "articles": [
            {"id": "recognition", "part": "article", "number": 1, "title": "Recognition", "status": "agreed",
             "status_basis": "reported", "status_note": "As said on air.", "text": RECOGNITION,
             "text_basis": "verbatim",
             "fragments": [{"text": "A published fragment.", "basis": "verbatim", "sources": ["s1"],
                            "notes": "From the interview."}],
             "positions": {"armenia": {"text": "Recognition first", "basis": "summary", "sources": ["s1"],
                                       "notes": "As reported."}},
             "sources": ["s1"], "notes": "An article note."},
            {"id": "forces", "number": 2, "title": "Forces", "status": "disputed", "status_basis": "reported",
             "fragments": [{"text": "No third-party forces along the border.", "basis": "translation"}]},
        ],
        "preconditions": [
            {"id": "constitution", "party": "azerbaijan", "kind": "precondition",
             "demand": "Armenia amends its constitution.", "status": "open", "status_basis": "reported",
             "raised": "2024-01-01", "raised_precision": "day", "status_note": "Repeated often.",
             "article": "recognition", "sources": ["s1"], "notes": "A precondition note."},
        ],
    }


def base() -> Draft:
    return Draft.model_validate(base_data())


@dataclass(frozen=True)
class Mutation:
    model: str
    field: str
    change: Callable[[dict[str, Any]], None]
    shows: str
    """What every report of the diff must print (and a diff of the draft with itself does not)."""
    clerical: bool

    @property
    def name(self) -> str:
        return f"{self.model}.{self.field}:{self.shows}"

    def apply(self) -> Draft:
        data = copy.deepcopy(base_data())
        self.change(data)
        return Draft.model_validate(data)


def _set(path: str, value: Any) -> Callable[[dict[str, Any]], None]:
    """``articles.0.fragments.0.text`` = value."""
    def change(data: dict[str, Any]) -> None:
        *where, last = path.split(".")
        node: Any = data
        for step in where:
            node = node[int(step)] if step.isdigit() else node[step]
        node[int(last) if last.isdigit() else last] = value
    return change


def _append(path: str, item: Any) -> Callable[[dict[str, Any]], None]:
    def change(data: dict[str, Any]) -> None:
        node: Any = data
        for step in path.split("."):
            node = node[int(step)] if step.isdigit() else node[step]
        if isinstance(node, dict):
            node.update(item)
        else:
            node.append(item)
    return change


S, C, A, F, P, PRE = "sources.0", "claimed_counts.0", "articles.0", "articles.0.fragments.0", \
    "articles.0.positions.armenia", "preconditions.0"

MUTATIONS: list[Mutation] = [
    # the version
    Mutation("Draft", "agreement", _set("agreement", "other-peace"), "other-peace", False),
    Mutation("Draft", "agreement_title", _set("agreement_title", "Test Zulu peace agreement"), "Zulu", True),
    Mutation("Draft", "id", _set("id", "d-zulu"), "d-zulu", False),
    Mutation("Draft", "title", _set("title", "A test proposal Zulu"), "Zulu", False),
    Mutation("Draft", "date", _set("date", "2024-01-09"), "2024-01-09", False),
    Mutation("Draft", "date_precision", _set("date_precision", "month"), "month", True),
    Mutation("Draft", "date_note", _set("date_note", "Handed over on the day Zulu"), "Zulu", True),
    Mutation("Draft", "kind", _set("kind", "joint-text"), "joint-text", False),
    Mutation("Draft", "proposed_by", _set("proposed_by", "joint"), "armenia → joint", False),
    Mutation("Draft", "based_on", _set("based_on", "d-zulu-base"), "d-zulu-base", False),
    Mutation("Draft", "stage", _set("stage", "finalized"), "finalized", False),
    Mutation("Draft", "parties", _set("parties", ["armenia", "azerbaijan", "zulu-land"]), "zulu-land", False),
    Mutation("Draft", "article_coverage", _set("article_coverage", "partial"), "complete → partial", True),
    Mutation("Draft", "summary", _set("summary", "A first proposal Zulu."), "Zulu", True),
    Mutation("Draft", "notes", _set("notes", "Kept for the tests Zulu."), "Zulu", True),
    Mutation("Draft", "attested_by", _set("attested_by", ["s1", "s2"]), "attested by", True),
    Mutation("Draft", "sources", _append("sources", {"id": "s3", "title": "Zulu report", "publisher": "X"}),
             "Zulu report", True),
    Mutation("Draft", "claimed_counts", _append("claimed_counts", {"agreed": 4, "speaker": "B. Zulu",
                                                                   "source": "s2"}), "B. Zulu", True),
    Mutation("Draft", "articles", _append("articles", {"id": "zulu-article", "number": 3, "title": "Zulu",
                                                       "status": "agreed"}), "zulu-article", False),
    Mutation("Draft", "preconditions", _append("preconditions", {
        "id": "zulu-demand", "party": "armenia", "kind": "demand", "demand": "A demand.", "status": "open"}),
        "zulu-demand", False),
    # a source
    Mutation("Source", "id", _set(f"{S}.id", "s1-zulu"), "s1-zulu", True),
    Mutation("Source", "title", _set(f"{S}.title", "Interview Zulu"), "Zulu", True),
    Mutation("Source", "publisher", _set(f"{S}.publisher", "Zulu Press"), "Zulu Press", True),
    Mutation("Source", "author", _set(f"{S}.author", "Z. Zulu"), "Z. Zulu", True),
    Mutation("Source", "date", _set(f"{S}.date", "2024-01-09"), "2024-01-09", True),
    Mutation("Source", "url", _set(f"{S}.url", "https://example.org/zulu"), "https://example.org/zulu", True),
    Mutation("Source", "quote", _set(f"{S}.quote", "most of the text is agreed, Zulu said"), "Zulu", True),
    Mutation("Source", "quote_basis", _set(f"{S}.quote_basis", "translation"), "translation", True),
    Mutation("Source", "language", _set(f"{S}.language", "hy"), "language", True),
    Mutation("Source", "notes", _set(f"{S}.notes", "Broadcast live, Zulu."), "Zulu", True),
    # a claimed count
    Mutation("ClaimedCount", "agreed", _set(f"{C}.agreed", 6), "agreed 5 → 6", True),
    Mutation("ClaimedCount", "partial", _set(f"{C}.partial", 1), "partial 0 → 1", True),
    Mutation("ClaimedCount", "disputed", _set(f"{C}.disputed", 2), "disputed 1 → 2", True),
    Mutation("ClaimedCount", "total", _set(f"{C}.total", 7), "total 6 → 7", True),
    Mutation("ClaimedCount", "agreed_percent", _set(f"{C}.agreed_percent", 85), "80 → 85", True),
    Mutation("ClaimedCount", "approximate", _set(f"{C}.approximate", True), "approximate no → yes", True),
    Mutation("ClaimedCount", "speaker", _set(f"{C}.speaker", "A. Zulu"), "A. Speaker → A. Zulu", True),
    Mutation("ClaimedCount", "date", _set(f"{C}.date", "2024-01-09"), "2024-01-02 → 2024-01-09", True),
    Mutation("ClaimedCount", "source", _set(f"{C}.source", "s2"), "s1 → s2", True),
    Mutation("ClaimedCount", "notes", _set(f"{C}.notes", "Said on air, Zulu."), "Zulu", True),
    # an article
    Mutation("Article", "id", _set(f"{A}.id", "recognition-zulu"), "recognition-zulu", False),
    Mutation("Article", "part", _set(f"{A}.part", "preamble"), "article → preamble", False),
    Mutation("Article", "number", _set(f"{A}.number", 7), "1 → 7", False),
    Mutation("Article", "title", _set(f"{A}.title", "Recognition Zulu"), "Zulu", False),
    Mutation("Article", "status", _set(f"{A}.status", "partial"), "agreed → partial", False),
    Mutation("Article", "status_basis", _set(f"{A}.status_basis", "inferred"), "inferred", True),
    Mutation("Article", "status_note", _set(f"{A}.status_note", "As said on air, Zulu."), "Zulu", True),
    Mutation("Article", "text", _set(f"{A}.text", RECOGNITION + " Zulu."), "Zulu", False),
    Mutation("Article", "text_basis", _set(f"{A}.text_basis", "translation"), "verbatim → translation", True),
    Mutation("Article", "fragments", _append(f"{A}.fragments", {"text": "Zulu fragment.", "basis": "summary"}),
             "Zulu fragment", False),
    Mutation("Article", "positions", _append(f"{A}.positions", {"azerbaijan": {"text": "Zulu stance",
                                                                               "basis": "summary"}}),
             "Zulu stance", False),
    Mutation("Article", "sources", _set(f"{A}.sources", ["s1", "s2"]), "+s2", True),
    Mutation("Article", "notes", _set(f"{A}.notes", "An article note, Zulu."), "Zulu", True),
    # a fragment: of an article with a text of its own, and of one known only by fragments
    Mutation("Fragment", "text", _set(f"{F}.text", "A published Zulu fragment."), "Zulu", False),
    Mutation("Fragment", "text", _set("articles.1.fragments.0.text", "No Zulu forces along the border."),
             "Zulu", False),
    Mutation("Fragment", "basis", _set(f"{F}.basis", "summary"), "verbatim → summary", True),
    Mutation("Fragment", "sources", _set(f"{F}.sources", ["s1", "s2"]), "s1, s2", True),
    Mutation("Fragment", "notes", _set(f"{F}.notes", "From the interview, Zulu."), "Zulu", True),
    # a party's position
    Mutation("Position", "text", _set(f"{P}.text", "Recognition first, Zulu"), "Zulu", False),
    Mutation("Position", "basis", _set(f"{P}.basis", "verbatim"), "summary → verbatim", True),
    Mutation("Position", "sources", _set(f"{P}.sources", ["s1", "s2"]), "+s2", True),
    Mutation("Position", "notes", _set(f"{P}.notes", "As reported, Zulu."), "Zulu", True),
    # a precondition
    Mutation("Precondition", "id", _set(f"{PRE}.id", "constitution-zulu"), "constitution-zulu", False),
    Mutation("Precondition", "party", _set(f"{PRE}.party", "armenia"), "azerbaijan → armenia", False),
    Mutation("Precondition", "kind", _set(f"{PRE}.kind", "demand"), "precondition → demand", False),
    Mutation("Precondition", "demand", _set(f"{PRE}.demand", "Armenia amends its Zulu constitution."), "Zulu",
             False),
    Mutation("Precondition", "status", _set(f"{PRE}.status", "met"), "open → met", False),
    Mutation("Precondition", "status_basis", _set(f"{PRE}.status_basis", "inferred"), "inferred", True),
    Mutation("Precondition", "raised", _set(f"{PRE}.raised", "2024-01-09"), "2024-01-09", True),
    Mutation("Precondition", "raised_precision", _set(f"{PRE}.raised_precision", "month"), "month", True),
    Mutation("Precondition", "status_note", _set(f"{PRE}.status_note", "Repeated often, Zulu."), "Zulu", True),
    Mutation("Precondition", "article", _set(f"{PRE}.article", "forces"), "recognition → forces", False),
    Mutation("Precondition", "sources", _set(f"{PRE}.sources", ["s1", "s2"]), "+s2", True),
    Mutation("Precondition", "notes", _set(f"{PRE}.notes", "A precondition note, Zulu."), "Zulu", True),
]

UNCHANGEABLE = {("Draft", "schema_version")}
"""Fields with one allowed value: nothing to compare."""
