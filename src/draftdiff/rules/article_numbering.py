"""Article numbers are duplicated or leave a gap.

Among articles that are not ``removed``, the numbers from 1 up must run
without gaps or repeats. A removed article may keep its old number or none;
a preamble, title or annex (``part``) is not numbered with the articles.
"""

from collections.abc import Iterator

from draftdiff.diagnostics import Diagnostic
from draftdiff.rules.context import RuleContext

ID = "article-numbering"
SEVERITY = "error"


def check(ctx: RuleContext) -> Iterator[Diagnostic]:
    for item, draft in ctx.drafts():
        seen: dict[int, int] = {}
        for index, article in enumerate(draft.articles):
            if article.part != "article" or article.status == "removed" or article.number is None:
                continue
            if article.number in seen:
                other = draft.articles[seen[article.number]].id
                yield item.diagnostic(("articles", index, "number"), SEVERITY, ID,
                                      f"article number {article.number} is also used by '{other}'",
                                      "renumber so that each article has its own number")
            else:
                seen[article.number] = index
        if seen:
            expected = set(range(1, max(seen) + 1))
            missing = sorted(expected - set(seen))
            if missing:
                first_after = min(n for n in seen if n > missing[0])
                shown = ", ".join(map(str, missing[:5])) + (" …" if len(missing) > 5 else "")
                yield item.diagnostic(("articles", seen[first_after], "number"), SEVERITY, ID,
                                      f"article numbers skip {shown}",
                                      "number the articles 1, 2, 3, … without gaps")
