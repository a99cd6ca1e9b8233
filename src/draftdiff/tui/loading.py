"""Load a collection for the TUI: the drafts and every finding, the file's and the collection rules'.

The TUI loads the way ``validate`` and ``snapshot`` do, so its problem panel lists what they report and
its export refuses what ``snapshot`` refuses. Called from a worker thread: it touches no widget.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from draftdiff.collection import DraftSet
from draftdiff.diagnostics import Diagnostic
from draftdiff.model import Draft

Since = dict[str, dict[str, "Draft | None"]]
"""Per version id: for each article, the version in which it took the status it has there."""


@dataclass(frozen=True)
class LoadedCollection:
    """What the views show and what the problem panel lists."""

    draft_set: DraftSet = field(default_factory=DraftSet)
    problems: tuple[Diagnostic, ...] = ()
    since: Since | None = None
    """The board's "Since" column for every version, read once with the drafts (None: not computed)."""

    @property
    def errors(self) -> int:
        return sum(1 for d in self.problems if d.severity == "error")


def load_collection(paths: Sequence[str | Path]) -> LoadedCollection:
    """Every draft under ``paths`` with the findings; :class:`~draftdiff.collection.CollectionError` if none."""
    from draftdiff.collection import load_collection as load_checked

    checked = load_checked(list(paths))
    return LoadedCollection(checked.draft_set, tuple(checked.report.diagnostics), since_table(checked.draft_set))


def since_table(draft_set: DraftSet) -> Since:
    """``history.last_changed`` for every article of every version, from one status history per article.

    Asking ``last_changed`` per article on each version change reads every version each time (~0.1 s
    on 60 versions × 170 articles); read here once, with the drafts, off the UI thread.
    """
    from draftdiff.history import UNRECORDED, article_history

    drafts = draft_set.drafts
    table: Since = {d.id: {} for d in drafts}
    ids = list(dict.fromkeys(a.id for d in drafts for a in d.articles))
    for article_id in ids:
        chosen: Draft | None = None
        for step, draft in zip(article_history(draft_set, article_id), drafts, strict=True):
            if step.changed:
                chosen = draft
            if step.status not in (None, UNRECORDED):
                table[draft.id][article_id] = chosen
    return table
