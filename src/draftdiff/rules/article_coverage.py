"""A version said to have no articles on record lists articles.

``article_coverage: none`` means the version is known only by its date and
reports of it; a version that lists some articles is ``partial`` (or
``complete`` when every article is listed). Readers and the diff rely on
this: an article missing from a partial record is "not on record", not
"removed".
"""

from collections.abc import Iterator

from draftdiff.diagnostics import Diagnostic
from draftdiff.rules.context import RuleContext

ID = "article-coverage"
SEVERITY = "error"
SCOPE = "draft"


def check(ctx: RuleContext) -> Iterator[Diagnostic]:
    for item, draft in ctx.drafts():
        if draft.article_coverage == "none" and draft.articles:
            yield item.diagnostic(("article_coverage",), SEVERITY, ID,
                                  f"article_coverage is none, but {len(draft.articles)} articles are listed",
                                  "use article_coverage: partial for a version of which some articles are on record")
