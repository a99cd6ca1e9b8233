"""What changed between two snapshots, one readable line each: the words ``snapshot verify`` prints.

Things are matched by what they are (an article by its id, a claim by who said it,
when and where), so a changed value reads ``status disputed → agreed`` or
``agreed 15 → 16``, never as one thing removed and another added.
"""

from __future__ import annotations

import os
from dataclasses import fields
from pathlib import PurePath
from typing import Any

from draftdiff.snapshot.model import Snapshot


def compare_statuses(statuses: tuple[tuple[str, str], ...], current: Snapshot) -> list[str]:
    old = dict(statuses)
    new = {a.id: a for a in current.articles}
    out = [f"{_label_row(new[i])}: status {s} → {new[i].status}" for i, s in statuses
           if i in new and new[i].status != s]
    out += [f"article {i}: no longer in the status draft" for i in old if i not in new]
    out += [f"{_label_row(a)}: new article ({a.status})" for i, a in new.items() if i not in old]
    return out


def _label_row(row: Any) -> str:
    number = getattr(row, "number", None)
    return f"article {number} ({row.id})" if number is not None else f"article {row.id}"


def _value(value: Any) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, tuple):
        return "[" + ", ".join(map(str, value)) + "]"
    return "none" if value is None else str(value)


_FIELD_WORDS = {"consistent": "fits the board", "agreed_percent": "share agreed (%)", "recorded_in": "recorded in",
                "judged_against": "judged against"}


def _field_changes(label: str, old: Any, new: Any, skip: tuple[str, ...] = ()) -> list[str]:
    out = []
    for f in fields(old):
        if f.name in skip:
            continue
        a, b = getattr(old, f.name), getattr(new, f.name)
        if a != b:
            word = _FIELD_WORDS.get(f.name, f.name.replace("_", " "))
            out.append(f"{label}: {word} {_value(a)} → {_value(b)}")
    return out


def _keyed(old: tuple[Any, ...], new: tuple[Any, ...], key: Any, name: Any) -> list[str]:
    before, after = {key(x): x for x in old}, {key(x): x for x in new}
    out: list[str] = []
    for k, x in before.items():
        out += [f"{name(x)}: removed"] if k not in after else _field_changes(name(x), x, after[k], ("id",))
    out += [f"{name(x)}: added" for k, x in after.items() if k not in before]
    return out


def _claim_changes(old: tuple[Any, ...], new: tuple[Any, ...]) -> list[str]:
    """A claim is who said it, when and where: a changed count reads ``agreed 15 → 16``, not removed + added."""
    def keyed(claims: tuple[Any, ...]) -> dict[tuple[Any, ...], Any]:
        seen: dict[tuple[Any, ...], int] = {}
        out = {}
        for c in claims:
            base = (c.date, c.source, c.speaker)
            seen[base] = seen.get(base, 0) + 1
            out[(*base, seen[base])] = c  # the n-th claim of one speaker, day and source
        return out

    def name(c: Any) -> str:
        return f"claimed count {c.speaker + ' ' if c.speaker else ''}{c.date} [{c.source}]"

    before, after = keyed(old), keyed(new)
    out: list[str] = []
    for k, x in before.items():
        out += [f"{name(x)}: removed"] if k not in after else _field_changes(name(x), x, after[k])
    out += [f"{name(x)}: added" for k, x in after.items() if k not in before]
    return out


def compare(old: Snapshot, new: Snapshot) -> list[str]:
    """Every difference in what the two snapshots state, one readable line each, most important first."""
    out: list[str] = []
    if old.status_draft.id != new.status_draft.id:
        out.append(f"the status now comes from draft {new.status_draft.id} (dated {new.status_draft.date}) "
                   f"instead of {old.status_draft.id} (dated {old.status_draft.date})")
    out += _keyed(old.articles, new.articles, lambda a: a.id, _label_row)
    counts = [f"{f.name} {getattr(old.counts, f.name)} → {getattr(new.counts, f.name)}"
              for f in fields(old.counts) if getattr(old.counts, f.name) != getattr(new.counts, f.name)]
    if counts:
        out.append("counts: " + ", ".join(counts))
    out += _keyed(old.preconditions, new.preconditions, lambda p: p.id,
                  lambda p: f"precondition {p.id}")
    out += _claim_changes(old.claims, new.claims)
    out += _keyed(old.sources, new.sources, lambda s: s.id, lambda s: f"source {s.id}")
    for d in old.drafts:
        match = next((n for n in new.drafts if n.id == d.id), None)
        if match is None:
            out.append(f"draft {d.id} ({d.date}): no longer among the drafts dated on or before {old.as_of}")
        elif match.blob_id != d.blob_id:
            out.append(f"draft {d.id}: file content changed (git blob {d.blob_id[:12]} → {match.blob_id[:12]})")
        else:
            out += _field_changes(f"draft {d.id}", d, match, ("id", "file", "blob_id", "sha256"))
    out += [f"draft {n.id} ({n.date}): new, dated on or before {old.as_of}"
            for n in new.drafts if all(n.id != d.id for d in old.drafts)]
    for name in ("agreement", "as_of", "draft_id", "claims_window_days"):
        if getattr(old, name) != getattr(new, name):
            out.append(f"{name.replace('_', ' ')}: {getattr(old, name)} → {getattr(new, name)}")
    return out


def moved_files(old: Snapshot, new: Snapshot) -> list[str]:
    """Drafts whose file, within its collection, is not the one the snapshot names.

    File names are not in the digest (a collection can be checked out anywhere),
    but a snapshot states them: each is compared relative to the folder its
    snapshot's drafts share, so ``/home/a/drafts/x.yaml`` and ``drafts/x.yaml``
    agree, and ``drafts/official-text.yaml`` written over ``drafts/x.yaml`` does not.
    """
    here = {d.id: d.file for d in new.drafts}
    old_top, new_top = shared_folder(old), shared_folder(new)
    out = []
    for d in old.drafts:
        now = here.get(d.id)
        if now is not None and within(d.file, old_top) != within(now, new_top):
            out.append(f"draft {d.id}: the snapshot names its file {d.file}; in these drafts it is {now}")
    return out


def shared_folder(snap: Snapshot) -> str:
    """The folder the snapshot's drafts (those up to the status date) share, or ``""``."""
    parents = [os.path.dirname(d.file) for d in snap.drafts]
    try:
        return os.path.commonpath(parents) if parents else ""
    except ValueError:  # absolute and relative mixed: compare whole names
        return ""


def within(file: str, folder: str) -> str:
    """``file`` relative to ``folder`` (from :func:`shared_folder`), POSIX style."""
    return PurePath(os.path.relpath(file, folder) if folder else file).as_posix()
