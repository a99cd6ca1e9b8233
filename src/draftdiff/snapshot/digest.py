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

Canonical form: the JSON Canonicalization Scheme of RFC 8785 (keys sorted by
UTF-16 code units, no whitespace, UTF-8, strings escaped as ECMAScript's
``JSON.stringify`` does, numbers written as ECMAScript writes them, so a share of
``80.0`` percent is ``80``). A test holds it to an independent implementation.
Snapshots of format 1 were hashed with Python's ``json.dumps`` (``80.0``); the
marker's version says which a file uses.
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
    return canonical_json(covered).encode("utf-8")


def canonical_json(value: Any) -> str:
    """RFC 8785 (JCS) text of a JSON value made of dicts, lists, strings, numbers, booleans and None."""
    if isinstance(value, dict):
        items = sorted(value.items(), key=lambda kv: kv[0].encode("utf-16-be"))
        return "{" + ",".join(f"{_string(k)}:{canonical_json(v)}" for k, v in items) + "}"
    if isinstance(value, (list, tuple)):
        return "[" + ",".join(canonical_json(v) for v in value) + "]"
    if isinstance(value, str):
        return _string(value)
    if value is True:
        return "true"
    if value is False:
        return "false"
    if value is None:
        return "null"
    if isinstance(value, int):
        return _number(float(value)) if abs(value) > 2**53 else str(value)
    if isinstance(value, float):
        return _number(value)
    raise TypeError(f"{type(value).__name__} has no canonical JSON form")


def _string(text: str) -> str:
    # json.dumps escapes exactly what JSON.stringify does (quote, backslash, C0 controls with the short
    # forms \b \f \n \r \t, others as lower-case \u00xx) and leaves everything else as it is.
    return json.dumps(text, ensure_ascii=False)


def _number(x: float) -> str:
    """ECMAScript's Number::toString: the shortest digits that read back, in its own layout."""
    if x != x or x in (float("inf"), float("-inf")):
        raise ValueError("NaN and infinity have no JSON form")
    if x == 0:
        return "0"
    sign = "-" if x < 0 else ""
    mantissa, _, exp = repr(abs(x)).partition("e")
    whole, _, frac = mantissa.partition(".")
    all_digits = whole + frac
    stripped = all_digits.lstrip("0")
    n = len(whole) + (int(exp) if exp else 0) - (len(all_digits) - len(stripped))
    digits = stripped.rstrip("0")
    k = len(digits)
    if k <= n <= 21:
        return sign + digits + "0" * (n - k)
    if 0 < n <= 21:
        return sign + digits[:n] + "." + digits[n:]
    if -6 < n <= 0:
        return sign + "0." + "0" * -n + digits
    e = n - 1
    return sign + digits[0] + ("." + digits[1:] if k > 1 else "") + "e" + ("+" if e >= 0 else "-") + str(abs(e))


def digest_of_content(content: dict[str, Any]) -> str:
    return f"{ALGORITHM}:{hashlib.sha256(canonical_content(content)).hexdigest()}"


def compute_digest(snap: Snapshot) -> str:
    """``sha256:<hex>`` of the snapshot's canonical content."""
    return digest_of_content(content_dict(snap))
