"""An ``agreed`` article still contains bracketed, unagreed wording.

In negotiating texts, square brackets mark wording not yet agreed
(``[the Parties shall] [each Party may]``). An article marked agreed whose
text still has such brackets is probably mis-marked. An ellipsis in brackets
(``[…]``, ``[...]``), which marks a cut in a quotation, is not counted.
"""

import re
from collections.abc import Iterator

from draftdiff.diagnostics import Diagnostic
from draftdiff.rules.context import RuleContext

ID = "bracketed-agreed-text"
SEVERITY = "warning"
SCOPE = "draft"

_BRACKETED = re.compile(r"\[(?!\s*(?:…|\.\.\.)\s*\])[^\[\]\n]{1,400}\]")


def check(ctx: RuleContext) -> Iterator[Diagnostic]:
    for item, draft in ctx.drafts():
        for i, article in enumerate(draft.articles):
            if article.status != "agreed":
                continue
            if "[" not in (article.text or "") and not any("[" in f.text for f in article.fragments):
                continue  # the usual case: no bracket, no paths to build
            pieces = [(("articles", i, "text"), article.text or "")] + [
                (("articles", i, "fragments", k, "text"), f.text) for k, f in enumerate(article.fragments)]
            for path, text in pieces:
                match = _BRACKETED.search(text) if "[" in text else None
                if match:
                    shown = match.group()[:50]
                    yield item.diagnostic(path, SEVERITY, ID,
                                          f"article '{article.id}' is agreed but its text has bracketed wording "
                                          f"{shown!r}", "resolve the brackets or change the status")
                    break
