"""A source is defined but nothing in the draft cites it.

Citing means naming its id in a ``sources`` list, in ``attested_by``, as a
claimed count's ``source``, or as a ``[source-id]`` marker in a summary or
note. Usually a citation was forgotten or mistyped. Remove the source or cite it.
"""

from collections.abc import Iterator

from draftdiff.diagnostics import Diagnostic
from draftdiff.rules.context import RuleContext, prose_citations

ID = "unused-source"
SEVERITY = "warning"
SCOPE = "draft"


def check(ctx: RuleContext) -> Iterator[Diagnostic]:
    for item, draft in ctx.drafts():
        cited = set(ctx.cited_ids(draft))
        if any(source.id not in cited for source in draft.sources):  # only then read the prose
            cited |= {sid for _, sid in prose_citations(draft)}
        for index, source in enumerate(draft.sources):
            if source.id not in cited:
                yield item.diagnostic(("sources", index, "id"), SEVERITY, ID,
                                      f"source '{source.id}' is never cited", "cite it or remove it")
