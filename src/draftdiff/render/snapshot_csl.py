"""The snapshot's citation as CSL-JSON (Zotero, Pandoc, citeproc): a list holding one ``dataset`` item."""

from __future__ import annotations

import json

from draftdiff.snapshot import cite
from draftdiff.snapshot.model import Snapshot
from draftdiff.textsafe import json_visible


def _name(author: str) -> dict[str, str]:
    family, sep, given = author.partition(",")
    return {"family": family.strip(), "given": given.strip()} if sep else {"literal": author}


def item(snap: Snapshot) -> dict[str, object]:
    c = cite.citation(snap, "csl")
    data: dict[str, object] = {"id": c.key, "type": "dataset", "title": c.title}
    if c.authors:
        data["author"] = [_name(a) for a in c.authors]
    data.update({"genre": "status snapshot", "medium": f"draftdiff {c.version}", "version": c.digest,
                 "note": cite.note(c), "abstract": cite.caveat(snap)})
    if c.repository:
        data["URL"] = c.repository
    y, m, d = (int(p) for p in cite.issued(snap).split("-"))
    data["issued"] = {"date-parts": [[y, m, d]]}
    if c.generated_at:
        y, m, d = (int(p) for p in c.generated_at[:10].split("-"))
        data["accessed"] = {"date-parts": [[y, m, d]]}
    return data


def render(snap: Snapshot, **_options: object) -> str:
    return json_visible(json.dumps([item(snap)], indent=2, ensure_ascii=False)) + "\n"
