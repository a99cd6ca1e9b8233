"""The snapshot's citation as a CITATION.cff (CFF 1.2.0, ``type: dataset``), complete and valid on its own.

Strings are written JSON-quoted (ASCII, escaped), which YAML reads as the same
string, so no title or name can break the YAML, and no control or hidden
character is raw in the file (DEL, which JSON leaves alone, is escaped too).
"""

from __future__ import annotations

import json

from draftdiff.snapshot import cite
from draftdiff.snapshot.model import Snapshot


def q(text: str) -> str:
    return json.dumps(text, ensure_ascii=True).replace("\x7f", "\\u007f")


def _author(name: str) -> list[str]:
    family, sep, given = name.partition(",")
    if sep and family.strip() and given.strip():
        return [f"  - family-names: {q(family.strip())}", f"    given-names: {q(given.strip())}"]
    return [f"  - name: {q(name)}"]


def render(snap: Snapshot, **_options: object) -> str:
    c = cite.citation(snap, "cff")
    authors = c.authors or (f"Compilers of the {cite.agreement_name(snap)} draft collection",)
    out = ["# CITATION.cff for a draftdiff status snapshot; check it with: draftdiff snapshot verify FILE",
           "cff-version: 1.2.0",
           f"message: {q('If you use this status snapshot, please cite it as below.')}",
           "type: dataset", f"title: {q(c.title)}", "authors:"]
    for author in authors:
        out += _author(author)
    out += [f"version: {q(c.digest)}", f"abstract: {q(cite.caveat(snap) + ' ' + cite.note(c))}"]
    if c.commit:
        out.append(f"commit: {q(c.commit)}")
    if c.repository:
        out.append(f"repository-code: {q(c.repository)}")
    out.append(f"date-released: {q(cite.issued(snap))}")
    out += ["keywords:", f"  - {q(snap.agreement)}", f"  - {q('status snapshot')}", "identifiers:",
            "  - type: other", f"    value: {q(c.digest)}",
            f"    description: {q('content digest; reproduce: ' + c.command)}"]
    for d in snap.drafts:
        out += ["  - type: swh", f"    value: {q(d.swhid)}",
                f"    description: {q(f'draft {d.id} ({d.date}, {d.role})')}"]
    return "\n".join(out) + "\n"
