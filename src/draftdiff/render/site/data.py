"""What the site shows, gathered once from the core: the drafts, their diffs and their snapshots.

No second engine: the redlines are :func:`draftdiff.diff.diff_drafts`, the snapshots
:func:`draftdiff.snapshot.build_snapshot` (without git, so the same drafts give the same
bytes whatever the commit), the histories :mod:`draftdiff.history`. Pages only read this.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from draftdiff.collection import DraftSet
from draftdiff.diff import DiffOptions, diff_drafts
from draftdiff.diff.result import DraftDiff
from draftdiff.history import UNRECORDED, StatusMatrix, StatusStep, article_history, status_matrix
from draftdiff.model import Draft
from draftdiff.snapshot import Snapshot, build_snapshot

ALL_PAIRS_UP_TO = 20
"""With ``pairs="auto"``, collections of up to this many versions get a redline for every pair
(20 versions: 190 redlines); larger ones get each version against its base and its predecessor,
so the build grows with the number of versions, not with its square."""

Pairs = Literal["auto", "all", "base"]


@dataclass
class SiteData:
    """The plain data every page renders."""

    draft_set: DraftSet
    title: str
    diffs: dict[tuple[str, str], DraftDiff] = field(default_factory=dict)
    """Redlines built, keyed ``(old id, new id)``."""
    bases: dict[str, str] = field(default_factory=dict)
    """Version id → the id its own redline is against (its ``based_on``, else the version before it)."""
    snapshots: dict[str, Snapshot] = field(default_factory=dict)
    all_pairs: bool = False
    matrix: StatusMatrix | None = None
    histories: dict[str, list[StatusStep]] = field(default_factory=dict)
    """Article id → its status in every version (:func:`draftdiff.history.article_history`)."""
    since: dict[str, list[int | None]] = field(default_factory=dict)
    """Article id → per version, the index of the version in which it took the status it has there."""

    def index_of(self, draft_id: str) -> int:
        return self._index[draft_id]

    def __post_init__(self) -> None:
        self._index = {d.id: k for k, d in enumerate(self.draft_set.drafts)}

    @property
    def drafts(self) -> list[Draft]:
        return self.draft_set.drafts

    @property
    def latest(self) -> Draft:
        """The version whose board the index shows: the latest that records article statuses."""
        last = self.drafts[-1]
        return self.draft_set.status_as_of(last.date) or last


def default_title(draft_set: DraftSet) -> str:
    """The agreement's name as the latest version that gives one has it, else its id in words."""
    named = next((d.agreement_title for d in reversed(draft_set.drafts) if d.agreement_title), None)
    if named:
        return named
    agreement = draft_set.drafts[-1].agreement if draft_set.drafts else "agreement"
    return agreement.replace("-", " ").replace("_", " ").capitalize()


def gather(draft_set: DraftSet, *, drafts_path: str | None = None, pairs: Pairs = "auto",
           options: DiffOptions | None = None, title: str | None = None) -> SiteData:
    """Every diff and snapshot the pages need; ``drafts_path`` is what the snapshots' commands name."""
    drafts = draft_set.drafts
    if not drafts:
        raise ValueError("no valid drafts to build a site from")
    data = SiteData(draft_set, title or default_title(draft_set),
                    all_pairs=pairs == "all" or (pairs == "auto" and len(drafts) <= ALL_PAIRS_UP_TO))
    wanted: dict[tuple[str, str], None] = {}
    for k, draft in enumerate(drafts):
        base = draft_set.previous(draft)
        if base is not None:
            data.bases[draft.id] = base.id
            wanted[(base.id, draft.id)] = None
        if k:
            wanted[(drafts[k - 1].id, draft.id)] = None
    if data.all_pairs:
        for i, old in enumerate(drafts):
            for new in drafts[i + 1:]:
                wanted[(old.id, new.id)] = None
    data.matrix = status_matrix(draft_set)
    for row in data.matrix.rows:
        steps = article_history(draft_set, row.article_id)
        data.histories[row.article_id] = steps
        data.since[row.article_id] = _since(steps)
    options = options or DiffOptions()
    for old_id, new_id in wanted:
        older, newer = draft_set.get(old_id), draft_set.get(new_id)
        assert older is not None and newer is not None
        data.diffs[(old_id, new_id)] = diff_drafts(older, newer, options)
    for draft in drafts:  # one known only by its date is the snapshot as of its date (see build_snapshot)
        data.snapshots[draft.id] = build_snapshot(draft_set, draft_id=draft.id, drafts_path=drafts_path, git=False)
    return data


def _since(steps: list[StatusStep]) -> list[int | None]:
    """:func:`draftdiff.history.last_changed` for every version at once (one pass, not one per version)."""
    out: list[int | None] = []
    chosen: int | None = None
    for k, step in enumerate(steps):
        if step.changed:
            chosen = k
        out.append(chosen if step.status not in (None, UNRECORDED) else None)
    return out
