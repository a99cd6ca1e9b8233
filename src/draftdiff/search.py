"""Search and filter articles the way an analyst narrows the board: by words, status and party."""

from __future__ import annotations

from collections.abc import Sequence

from draftdiff.collection import DraftSet
from draftdiff.model import Article


def article_matches(article: Article, query: str = "", status: str | None = None,
                    party: str | None = None) -> bool:
    """Whether an article passes the board's search and filters.

    ``query`` is looked for, case-insensitively, in the number, title, text, fragments, positions and notes;
    ``party`` keeps the articles on which that party has a recorded position.
    """
    if status is not None and article.status != status:
        return False
    if party is not None and party not in article.positions:
        return False
    needle = query.strip().casefold()
    if not needle:
        return True
    haystack: Sequence[str | None] = (
        str(article.number) if article.number is not None else None, article.id, article.title,
        article.text, article.status_note, article.notes,
        *(f.text for f in article.fragments), *(p.text for p in article.positions.values()),
    )
    return any(needle in value.casefold() for value in haystack if value)


def parties_of(draft_set: DraftSet) -> list[str]:
    """Every party named in the collection, in first-seen order."""
    seen: dict[str, None] = {}
    for draft in draft_set.drafts:
        seen.update(dict.fromkeys(draft.parties))
    return list(seen)
