"""A snapshot as JSON: the machine-readable form, which ``snapshot verify`` reads back in full."""

from __future__ import annotations

import json

from draftdiff.snapshot import cite
from draftdiff.snapshot.model import Snapshot, snapshot_to_dict
from draftdiff.textsafe import json_visible


def document(snap: Snapshot, fmt: str = "json") -> dict[str, object]:
    data = snapshot_to_dict(snap)
    c = cite.citation(snap, fmt)
    data["citation"] = {"text": cite.plain(c), "reproduce": c.command, "marker": c.marker,
                        "caveat": cite.caveat(snap)}
    return data


def render(snap: Snapshot, **_options: object) -> str:
    return json_visible(json.dumps(document(snap), indent=2, ensure_ascii=False)) + "\n"


def embedded(snap: Snapshot, fmt: str) -> str:
    """The JSON form on one line, safe inside an HTML comment or a ``<script>`` element.

    ``<``, ``>`` and ``&`` only ever occur inside JSON strings, where ``\\u003c``
    and friends mean the same, so ``-->`` or ``</script>`` in a title cannot end
    the element early.
    """
    text = json_visible(json.dumps(document(snap, fmt), ensure_ascii=False, separators=(",", ":")))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
