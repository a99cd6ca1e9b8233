"""Compare two drafts article by article: alignment, redlines, statistics (plain data)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from draftdiff.diff.result import (
    ArticleChange,
    ClaimChange,
    DiffOptions,
    DiffView,
    DraftDiff,
    DraftInfo,
    FieldChange,
    PositionChange,
    PreconditionChange,
    Segment,
    SourceChange,
    TextStats,
)

if TYPE_CHECKING:
    from draftdiff.model import Draft

__all__ = ["ArticleChange", "ClaimChange", "DiffOptions", "DiffView", "DraftDiff", "DraftInfo", "FieldChange",
           "PositionChange", "PreconditionChange", "Segment", "SourceChange", "TextStats", "diff_drafts"]


def diff_drafts(old: Draft, new: Draft, options: DiffOptions | None = None, **labels: Any) -> DraftDiff:
    """Compare ``old`` with ``new``; ``old_label``/``new_label`` name where each came from."""
    from draftdiff.diff.engine import diff_drafts as _diff

    return _diff(old, new, options, **labels)
