"""Article statuses contradict the counts a party stated in public.

For each ``claimed_counts`` entry, the number of ``agreed``, ``partial`` and
``disputed`` articles (``removed`` ones left out) must match what was said.
A claim of a share of the text (``agreed_percent``) is not checked. Articles
whose status is ``unknown`` may absorb a difference: a claim of 13
agreed is consistent with 11 agreed and 2 unknown, but not with 14 agreed.
``total`` counts the articles that are not removed; entries whose ``part`` is a
preamble, title or annex are never counted.
"""

from collections.abc import Iterator

from draftdiff.claims import claim_problems
from draftdiff.diagnostics import Diagnostic
from draftdiff.rules.context import RuleContext

ID = "claimed-counts"
SEVERITY = "error"
SCOPE = "draft"


def check(ctx: RuleContext) -> Iterator[Diagnostic]:
    for item, draft in ctx.drafts():
        if not draft.claimed_counts:
            continue
        counts = draft.status_counts()
        articles = draft.article_count(counts)
        for i, claim in enumerate(draft.claimed_counts):
            problems = claim_problems(counts, articles, claim)
            if problems:
                who = " ".join(p for p in (claim.speaker, claim.date) if p)
                yield item.diagnostic(("claimed_counts", i), SEVERITY, ID,
                                      f"the statuses do not fit the claim of '{claim.source}'"
                                      + (f" ({who})" if who else "") + f": {'; '.join(problems)}",
                                      "fix the statuses, or mark the uncertain ones unknown")
