"""A draft diff as JSON, in the documented, versioned shape of ``schema/diff.schema.json``.

Text is kept exactly; characters a terminal could obey (C0/C1 controls,
bidirectional controls, invisible marks) are written as ``\\uXXXX`` escapes
(:func:`draftdiff.textsafe.json_visible`), which JSON readers turn back into the
same characters.
"""

from __future__ import annotations

import json
from dataclasses import asdict
from typing import Any

from draftdiff.diff.result import CLERICAL_KINDS, DiffView, DraftDiff
from draftdiff.textsafe import json_visible

FORMAT = "draftdiff-diff"
FORMAT_VERSION = 2
"""2: the version's sources, claimed counts and every field of its record; entries listed as the other formats
list them (changed ones; ``show_all`` every one; ``substantive`` no clerical ones), the view recorded in
``options``."""


def _segments(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{k: v for k, v in s.items() if not (k == "old_text" and v is None)} for s in items]


_LISTS = ("old_sources", "new_sources")
"""The cited lists themselves, kept ids too: the document gives what differs (``sources_added`` /
``sources_removed``), as it always has; the lists are for the Word redline, which shows them whole."""


def _without_lists(item: dict[str, Any]) -> dict[str, Any]:
    for key in _LISTS:
        del item[key]
    return item


def _fields(items: list[dict[str, Any]], stat: bool) -> list[dict[str, Any]]:
    for f in items:
        f["redline"] = [] if stat else _segments(f["redline"])
    return items


def as_data(diff: DraftDiff, *, stat: bool = False, show_all: bool = False,
            substantive: bool = False) -> dict[str, Any]:
    """The JSON document as Python data (also what the schema test validates)."""
    articles = []
    for a in diff.listed_articles(show_all, substantive):
        item = asdict(a)
        item = {"id": a.id, "changed": a.changed, "substantive": a.substantive, **item}
        del item["hidden_kinds"]  # the faces' reading of a --substantive entry, not part of the document
        _without_lists(item)
        item["redline"] = [] if stat else _segments(item["redline"])
        _fields(item["fields"], stat)
        for p in item["positions"]:
            _without_lists(p)
            p["redline"] = [] if stat else _segments(p["redline"])
            _fields(p["fields"], stat)
        articles.append(item)
    preconditions = []
    for p in diff.listed_preconditions(show_all, substantive):
        item = {"changed": p.changed, "substantive": p.substantive, **asdict(p)}
        del item["hidden_kinds"]
        _without_lists(item)
        item["redline"] = [] if stat else _segments(item["redline"])
        _fields(item["fields"], stat)
        preconditions.append(item)
    sources = []
    for s in diff.listed_sources(substantive):
        item = {"kind": s.kind, **asdict(s)}
        _fields(item["fields"], stat)
        sources.append(item)
    claims = []
    for c in diff.listed_claims(substantive):
        item = {"kind": c.kind, **asdict(c)}
        _fields(item["fields"], stat)
        claims.append(item)
    view = DiffView(stat=stat, show_all=show_all, substantive=substantive)
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "stat": stat,
        "old": asdict(diff.old),
        "new": asdict(diff.new),
        "options": {**asdict(diff.options), **asdict(view)},
        "same_agreement": diff.same_agreement,
        "has_differences": diff.has_differences,
        "hidden_by_substantive": diff.hidden_by_substantive() if substantive else 0,
        "notes": list(diff.notes),
        "kinds": [k for k in diff.kinds if not (substantive and k in CLERICAL_KINDS)],
        "agreement": _fields([asdict(f) for f in diff.listed_agreement(substantive)], False),
        "sources": sources,
        "claims": claims,
        "sources_added": [] if substantive else list(diff.sources_added),
        "sources_removed": [] if substantive else list(diff.sources_removed),
        "stats": asdict(diff.stats),
        "kind_counts": diff.kind_counts(substantive),
        "articles": articles,
        "preconditions": preconditions,
    }


def render(diff: DraftDiff, *, stat: bool = False, show_all: bool = False, substantive: bool = False,
           **_: Any) -> str:
    data = as_data(diff, stat=stat, show_all=show_all, substantive=substantive)
    text = json.dumps(data, ensure_ascii=False, indent=2)
    return json_visible(text) + "\n"
