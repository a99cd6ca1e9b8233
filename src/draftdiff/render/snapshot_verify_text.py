"""The outcome of ``draftdiff snapshot verify`` in words: match, or each change on its own line."""

from __future__ import annotations

from draftdiff.snapshot.verify import VerifyResult
from draftdiff.textsafe import visible


def render(result: VerifyResult, **_options: object) -> str:
    name = visible(result.file, keep_newlines=False)
    if result.ok:
        lines = [f"{name}: verified: it matches {visible(result.against)} ({result.recorded_digest})"]
    else:
        lines = [f"{name}: does NOT match {visible(result.against)}",
                 f"  recorded digest {result.recorded_digest}",
                 f"  current digest  {result.current_digest or '(none: cannot be rebuilt)'}",
                 "  what changed:"]
        lines += [f"    - {visible(change, keep_newlines=False)}" for change in result.changes]
    lines += [f"  note: {visible(note, keep_newlines=False)}" for note in result.notes]
    return "\n".join(lines) + "\n"
