"""An article's text and its ``text_basis`` disagree.

Text present needs a basis other than ``none``; a basis of ``verbatim``,
``translation`` or ``summary`` needs text; ``text`` and ``fragments`` are
alternatives, never both.
"""

from collections.abc import Iterator

from draftdiff.diagnostics import Diagnostic
from draftdiff.rules.context import RuleContext

ID = "text-basis"
SEVERITY = "error"
SCOPE = "draft"


def check(ctx: RuleContext) -> Iterator[Diagnostic]:
    for item, draft in ctx.drafts():
        for i, article in enumerate(draft.articles):
            has_text = bool((article.text or "").strip())
            if has_text and article.fragments:
                yield item.diagnostic(("articles", i, "fragments"), SEVERITY, ID,
                                      f"article '{article.id}' has both text and fragments",
                                      "keep the fragments (each with its basis) and remove text, or the reverse")
            elif has_text and article.text_basis == "none":
                yield item.diagnostic(("articles", i, "text"), SEVERITY, ID,
                                      f"article '{article.id}' has text but text_basis: none",
                                      "say whether the text is verbatim, a translation or a summary")
            elif not has_text and not article.fragments and article.text_basis != "none":
                yield item.diagnostic(("articles", i, "text_basis"), SEVERITY, ID,
                                      f"article '{article.id}' has text_basis: {article.text_basis} but no text",
                                      "add the text, or set text_basis: none")
