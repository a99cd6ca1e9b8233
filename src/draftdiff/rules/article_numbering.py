"""Article numbers are duplicated or leave a gap.

Among articles that are not ``removed``, the numbers from 1 up must run
without gaps or repeats. A removed article may keep its old number or none;
a preamble, title or annex (``part``) is not numbered with the articles.

Numbers are read as a reader reads them (:mod:`draftdiff.numbering`): "IV"
is 4 and "1er" is 1, so "IV" and 4 in one draft are a repeat. An inserted
article ("5 bis", "146-1") needs its own number but fills no gap and leaves
none: the plain numbers alone must run 1, 2, 3, … A number that is no number
at all ("A") is only checked for repeats. A version whose article list is on
record only in part (``article_coverage: partial``, a leak of some articles)
is only checked for repeats too: what it leaves out is silence, not a gap.
"""

from collections.abc import Iterator

from draftdiff.diagnostics import Diagnostic
from draftdiff.numbering import display, is_plain, main_value, sort_key
from draftdiff.rules.context import RuleContext

ID = "article-numbering"
SEVERITY = "error"
SCOPE = "draft"


def check(ctx: RuleContext) -> Iterator[Diagnostic]:
    for item, draft in ctx.drafts():
        seen: dict[object, int] = {}
        mains: dict[int, int] = {}
        for index, article in enumerate(draft.articles):
            number = article.number
            if article.part != "article" or article.status == "removed" or number is None:
                continue
            # a whole number (nearly every article): its key as sort_key makes it, without the call
            key = ((0, number),) if type(number) is int else sort_key(number)
            if key in seen:
                other = seen[key]
                shown, written = display(number), display(draft.articles[other].number or "")
                also = "" if written == shown else f" (as {written})"
                yield item.diagnostic(("articles", index, "number"), SEVERITY, ID,
                                      f"article number {shown} is also used by '{draft.articles[other].id}'{also}",
                                      "renumber so that each article has its own number")
                continue
            seen[key] = index
            if type(number) is int:
                mains.setdefault(number, index)
            elif is_plain(number):
                mains.setdefault(main_value(number) or 0, index)
        if mains and draft.article_coverage == "complete":
            missing = sorted(set(range(1, max(mains) + 1)) - set(mains))
            if missing:
                first_after = min(n for n in mains if n > missing[0])
                shown = ", ".join(map(str, missing[:5])) + (" …" if len(missing) > 5 else "")
                yield item.diagnostic(("articles", mains[first_after], "number"), SEVERITY, ID,
                                      f"article numbers skip {shown}",
                                      "number the articles 1, 2, 3, … without gaps")
