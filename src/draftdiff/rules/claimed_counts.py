"""Article statuses contradict the counts a party stated in public.

For each ``claimed_counts`` entry, the number of ``agreed``, ``partial`` and
``disputed`` articles (``removed`` ones left out) must match what was said.
Articles whose status is ``unknown`` may absorb a difference: a claim of 13
agreed is consistent with 11 agreed and 2 unknown, but not with 14 agreed.
``total`` counts the articles that are not removed; entries whose ``part`` is a
preamble, title or annex are never counted.
"""

from collections.abc import Iterator

from draftdiff.diagnostics import Diagnostic
from draftdiff.rules.context import RuleContext

ID = "claimed-counts"
SEVERITY = "error"


def check(ctx: RuleContext) -> Iterator[Diagnostic]:
    for item, draft in ctx.drafts():
        counts = draft.status_counts()
        present = draft.article_count()
        unknown = counts["unknown"]
        for i, claim in enumerate(draft.claimed_counts):
            path = ("claimed_counts", i)
            if claim.total is not None and claim.total != present:
                yield item.diagnostic(path, SEVERITY, ID,
                                      f"claim of {claim.total} articles (source '{claim.source}'), "
                                      f"but the draft has {present} that are not removed",
                                      "check the articles or the claim")
            shortfall = 0
            for status in ("agreed", "partial", "disputed"):
                claimed = getattr(claim, status)
                if claimed is None:
                    continue
                have = counts[status]
                if have > claimed:
                    yield item.diagnostic(path, SEVERITY, ID,
                                          f"{have} articles are {status}, but '{claim.source}' said {claimed}",
                                          "fix the statuses, or mark the uncertain ones unknown")
                shortfall += claimed - have if claimed > have else 0
            if shortfall > unknown:
                yield item.diagnostic(path, SEVERITY, ID,
                                      f"the claim (source '{claim.source}') needs {shortfall} more articles "
                                      f"than the statuses give, and only {unknown} are unknown",
                                      "fix the statuses to match what was said")
