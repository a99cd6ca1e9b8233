"""A party id is used that the draft does not list in ``parties``.

``proposed_by`` (or ``joint``), the keys of ``positions`` and a
precondition's ``party`` must each be one of the draft's parties; a typo
here would file a position under a party that does not exist.
"""

from collections.abc import Iterator

from draftdiff.diagnostics import Diagnostic, closest
from draftdiff.load import LoadedDraft
from draftdiff.rules.context import RuleContext
from draftdiff.yamlsource import Path

ID = "unknown-party"
SEVERITY = "error"
SCOPE = "draft"


def _problem(item: LoadedDraft, parties: list[str], path: Path, party: str, key: bool = False) -> Diagnostic:
    guess = closest(party, parties)
    return item.diagnostic(path, SEVERITY, ID,
                           f"'{party}' is not one of the parties ({', '.join(parties)})"
                           + (f"; did you mean '{guess}'?" if guess else ""),
                           "add it to parties or fix the id", key=key)


def check(ctx: RuleContext) -> Iterator[Diagnostic]:
    for item, draft in ctx.drafts():
        parties = list(draft.parties)
        if draft.proposed_by != "joint" and draft.proposed_by not in parties:
            yield _problem(item, parties, ("proposed_by",), draft.proposed_by)
        for i, article in enumerate(draft.articles):
            for party in article.positions:
                if party not in parties:
                    yield _problem(item, parties, ("articles", i, "positions", party), party, key=True)
        for i, pre in enumerate(draft.preconditions):
            if pre.party not in parties:
                yield _problem(item, parties, ("preconditions", i, "party"), pre.party)
