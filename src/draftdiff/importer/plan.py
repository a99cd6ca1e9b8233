"""An import from file to draft data, in one call: read, recognise, continue the base's ids, build.

The result is plain data: the CLI prints it with the ``import`` renderer and
hands ``data`` to the one write path; nothing here writes or prints.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from draftdiff.importer.build import DraftInfo, SourceInfo, build_draft
from draftdiff.importer.continuity import Choice, choose_ids
from draftdiff.importer.formats import SourceText, read_source
from draftdiff.importer.structure import Recognised, recognise
from draftdiff.model import Draft


@dataclass
class ImportPlan:
    """What the text holds, which id each entry takes, and the draft that makes."""

    source: SourceText
    recognised: Recognised
    choices: list[Choice]
    base: Draft | None
    data: dict[str, Any] | None = None
    """The draft's data; None for a dry run without the version's details."""

    def counts(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for entry in self.recognised.entries:
            out[entry.part] = out.get(entry.part, 0) + 1
        return out


def plan_import(path: str | Path, *, base: Draft | None = None, taken: Iterable[str] = (),
                maps: Mapping[str, str] | None = None, patterns: list[str] | None = None,
                fmt: str | None = None, encoding: str | None = None, info: DraftInfo | None = None,
                source: SourceInfo | None = None) -> ImportPlan:
    """Raise :class:`~draftdiff.importer.formats.ImportProblem` (with a hint) for anything unusable."""
    text = read_source(path, fmt, encoding)
    recognised = recognise(text, patterns)
    choices = choose_ids(recognised.entries, base, taken, maps)
    data = build_draft(recognised, choices, info, source) if info is not None and source is not None else None
    return ImportPlan(text, recognised, choices, base, data)
