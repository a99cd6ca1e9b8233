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

from draftdiff.diff.result import DraftDiff
from draftdiff.textsafe import json_visible

FORMAT = "draftdiff-diff"
FORMAT_VERSION = 1


def _segments(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{k: v for k, v in s.items() if not (k == "old_text" and v is None)} for s in items]


def as_data(diff: DraftDiff, *, stat: bool = False) -> dict[str, Any]:
    """The JSON document as Python data (also what the schema test validates)."""
    articles = []
    for a in diff.articles:
        item = asdict(a)
        item = {"id": a.id, "changed": a.changed, **item}
        item["redline"] = [] if stat else _segments(item["redline"])
        for f in item["fields"]:
            f["redline"] = [] if stat else _segments(f["redline"])
        for p in item["positions"]:
            p["redline"] = [] if stat else _segments(p["redline"])
        articles.append(item)
    preconditions = []
    for p in diff.preconditions:
        item = {"changed": p.changed, **asdict(p)}
        item["redline"] = [] if stat else _segments(item["redline"])
        for f in item["fields"]:
            f["redline"] = [] if stat else _segments(f["redline"])
        preconditions.append(item)
    agreement = [asdict(f) for f in diff.agreement]
    for f in agreement:
        f["redline"] = _segments(f["redline"])
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "stat": stat,
        "old": asdict(diff.old),
        "new": asdict(diff.new),
        "options": asdict(diff.options),
        "same_agreement": diff.same_agreement,
        "has_differences": diff.has_differences,
        "notes": list(diff.notes),
        "agreement": agreement,
        "sources_added": list(diff.sources_added),
        "sources_removed": list(diff.sources_removed),
        "stats": asdict(diff.stats),
        "kind_counts": diff.kind_counts(),
        "articles": articles,
        "preconditions": preconditions,
    }


def render(diff: DraftDiff, *, stat: bool = False, **_: Any) -> str:
    text = json.dumps(as_data(diff, stat=stat), ensure_ascii=False, indent=2)
    return json_visible(text) + "\n"
