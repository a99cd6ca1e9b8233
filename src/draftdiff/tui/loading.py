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


@dataclass(frozen=True)
class LoadedCollection:
    """What the views show and what the problem panel lists."""

    draft_set: DraftSet = field(default_factory=DraftSet)
    problems: tuple[Diagnostic, ...] = ()

    @property
    def errors(self) -> int:
        return sum(1 for d in self.problems if d.severity == "error")


def load_collection(paths: Sequence[str | Path]) -> LoadedCollection:
    """Every draft under ``paths`` with the findings; :class:`~draftdiff.collection.CollectionError` if none."""
    from draftdiff.collection import load_collection as load_checked

    checked = load_checked(list(paths))
    return LoadedCollection(checked.draft_set, tuple(checked.report.diagnostics))
