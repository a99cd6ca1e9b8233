"""A ``[source-id]`` marker in prose names no source of the draft (a typo in a citation).

Summaries, notes and status notes cite a source by its id in brackets
(``Reopened [turan-788320].``), and the marker counts as a citation of it
(``unused-source`` and ``new-version`` count it so). A marker whose id the
draft does not define cites nothing; the finding gives the closest id. Only
a bracketed token shaped like an id (letters and digits joined by ``-``,
``.`` or ``_``), or one close to a defined id, is taken for a marker: prose
may bracket words (``[sic]``, ``[peace]``) and never reads as a citation.
"""

from collections.abc import Iterator

from draftdiff.diagnostics import Diagnostic, Severity
from draftdiff.rules.context import MARKER, RuleContext, stray_markers
from draftdiff.yamlsource import line_col

ID = "unknown-source-marker"
SEVERITY: Severity = "warning"
SCOPE = "draft"


def check(ctx: RuleContext) -> Iterator[Diagnostic]:
    for item, draft in ctx.drafts():
        text = item.text
        if text is not None and set(MARKER.findall(text)) <= {s.id for s in draft.sources}:
            continue  # one scan of the whole file clears every field at once (a flow [src-1] included)
        for path, token, guess in stray_markers(draft):
            line, col = _marker_at(item.text, item.position(path), f"[{token}]")
            yield Diagnostic(item.name, line, col, SEVERITY, ID,
                             f"[{token}] names no source of this draft"
                             + (f"; did you mean [{guess}]?" if guess else ""),
                             "cite a source by its id as defined under 'sources:', or add the source")


def _marker_at(text: str | None, value_at: tuple[int, int], marker: str) -> tuple[int, int]:
    """Where ``marker`` is written, at or after the start of the value that holds it (else the value's start)."""
    if not text:
        return value_at
    line, col = value_at
    offset = 0
    for _ in range(line - 1):
        offset = text.find("\n", offset) + 1
        if offset == 0:
            return value_at
    found = text.find(marker, offset + col - 1)
    return line_col(text, found) if found >= 0 else value_at
