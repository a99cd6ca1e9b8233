"""The snapshot digest: sha256 of a canonical JSON form of what the snapshot states.

IN the digest (the ``content`` object of the JSON form, less file paths):
the agreement, the status date ``as_of``, the draft chosen by id (if any),
every draft dated on or before ``as_of`` with its date, title, kind, role,
git blob id and sha256; every article row (number, id, title, status,
status basis and note, text basis, sources); the counts, including how many
statuses are inferred, unstated or unknown; the preconditions; the claimed
counts and the window used to pick them; and the sources cited.

OUT of the digest: where the files sit (``drafts[].file``, the drafts
directory), the versions dated after ``as_of`` (adding a new draft must not
break an old citation), and the provenance: tool version, git commit and
dirty flag, repository, authors, and the generation time if it was asked
for. So one snapshot has one digest in every output format, on every
machine, whenever it is generated.

Canonical form: JSON with keys sorted, no whitespace, UTF-8, no ASCII
escaping; the content holds only objects, arrays, strings, integers,
booleans and null (no floats), so this matches RFC 8785 for it.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from draftdiff.snapshot.model import Snapshot, content_dict

ALGORITHM = "sha256"


def canonical_content(content: dict[str, Any]) -> bytes:
    """The bytes the digest is taken of, from a ``content`` object (as in the JSON form)."""
    covered = dict(content)
    covered["drafts"] = [{k: v for k, v in d.items() if k != "file"} for d in content.get("drafts", [])]
    return json.dumps(covered, sort_keys=True, separators=(",", ":"), ensure_ascii=False,
                      allow_nan=False).encode("utf-8")


def digest_of_content(content: dict[str, Any]) -> str:
    return f"{ALGORITHM}:{hashlib.sha256(canonical_content(content)).hexdigest()}"


def compute_digest(snap: Snapshot) -> str:
    """``sha256:<hex>`` of the snapshot's canonical content."""
    return digest_of_content(content_dict(snap))
