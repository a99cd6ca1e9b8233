"""The same claimed count is recorded twice in one draft.

Two ``claimed_counts`` entries alike in every field (speaker, date, source,
counts, hedge and notes) are one claim written twice: it says nothing more
than once, and a diff against a version that records it once reads as a
claim added. Remove one of them, or, if the speaker did say it twice, tell
the two apart (the second's source or date, or a note).
"""

from collections.abc import Iterator

from draftdiff.claims import duplicate_of
from draftdiff.diagnostics import Diagnostic
from draftdiff.rules.context import RuleContext

ID = "duplicate-claim"
SEVERITY = "warning"
SCOPE = "draft"


def check(ctx: RuleContext) -> Iterator[Diagnostic]:
    for item, draft in ctx.drafts():
        claims = draft.claimed_counts
        for index in range(1, len(claims)):
            first = duplicate_of(claims[:index], claims[index])
            if first is not None:
                line = item.position(("claimed_counts", first))[0]
                yield item.diagnostic(("claimed_counts", index), SEVERITY, ID,
                                      f"this claimed count is the one at line {line} again, alike in every field",
                                      "remove one, or tell them apart (their source, date or a note)")
