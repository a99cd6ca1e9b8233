"""A new version made from an earlier one: what it carries over, and what it must not.

The articles and preconditions keep their ids (so ``diff`` lines the versions up);
what belongs to the base only (title, summary, notes, date note, attestation,
claimed counts) is set from the arguments or left out, so that a copy can never
pass as the old version. Sources that only those cited are left out too.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from draftdiff.edit.ops import Data, _choice, _did_you_mean, _literals
from draftdiff.edit.tree import EditRefused, Mutation
from draftdiff.edit.writepath import Edit


def new_version(base: Data, fields: dict[str, Any], existing_ids: Sequence[str] = ()) -> Edit:
    """A new version made from ``base``: its articles and preconditions with their ids, ``based_on`` the base.

    What belongs to the base only (title, summary, notes, date note, attestation,
    claimed counts) is not carried: it is set from ``fields`` or left out, so the copy
    can never pass as the old version. Sources nothing carried cites are left out too.
    """
    fields = {k: v for k, v in fields.items() if v is not None}
    _check_fields(base, fields, existing_ids)
    mutations = _version_fields(base, fields)
    left_out = []
    for key, what in (("notes", "notes"), ("date_note", "date note"), ("attested_by", "attestation"),
                      ("claimed_counts", "claimed counts")):
        if key in base:
            mutations.append(Mutation("delete", (key,)))
            left_out.append(what)
    unused = _uncited_sources(base, fields)
    for index in sorted(unused, reverse=True):
        mutations.append(Mutation("delete", ("sources", index)))
    return Edit(mutations, _report(base, fields, left_out, unused),
                keep_head_comment=lambda line: line.startswith("# yaml-language-server:"))


def _check_fields(base: Data, fields: dict[str, Any], existing_ids: Sequence[str]) -> None:
    """Refuse a reused id, a word outside the format's vocabularies, or a proposer who is not a party."""
    from draftdiff.model import Coverage, DatePrecision, DraftKind, Stage

    new_id = str(fields["id"])
    if new_id in existing_ids or new_id == base.get("id"):
        raise EditRefused(f"a draft with id '{new_id}' exists already", "ids are never reused; choose another")
    _choice(str(fields["kind"]), _literals(DraftKind), "a kind of version")
    for key, vocabulary, what in (("stage", Stage, "a stage"), ("date_precision", DatePrecision, "a date precision"),
                                  ("article_coverage", Coverage, "an article coverage")):
        if key in fields:
            _choice(str(fields[key]), _literals(vocabulary), what)
    parties = [str(p) for p in base.get("parties") or []] + ["joint"]
    if fields["proposed_by"] not in parties:
        raise EditRefused(f"'{fields['proposed_by']}' is not a party of this agreement"
                          f"{_did_you_mean(str(fields['proposed_by']), parties)}",
                          f"use one of: {', '.join(parties)}")


def _version_fields(base: Data, fields: dict[str, Any]) -> list[Mutation]:
    """The new version's own fields, and the base's summary and date precision taken away unless given."""
    mutations = [Mutation("set", (key,), fields[key]) for key in ("id", "title", "date", "kind", "proposed_by")]
    mutations.append(Mutation("set", ("based_on",), base.get("id")))
    for key in ("stage", "article_coverage", "summary"):
        if key in fields:
            mutations.append(Mutation("set", (key,), fields[key]))
        elif key == "summary" and "summary" in base:
            mutations.append(Mutation("delete", ("summary",)))
    if fields.get("date_precision", "day") != "day":
        mutations.append(Mutation("set", ("date_precision",), fields["date_precision"]))
    elif "date_precision" in base:
        mutations.append(Mutation("delete", ("date_precision",)))
    return mutations


def _report(base: Data, fields: dict[str, Any], left_out: list[str], unused: list[int]) -> list[str]:
    """The change lines: what was carried, what was not, and the sources left out."""
    from draftdiff.vocab import count_phrase

    counts: dict[str, int] = {}
    parts: dict[str, int] = {}
    for article in base.get("articles") or []:
        if isinstance(article, dict):
            part = str(article.get("part", "article"))
            if part == "article":
                counts[str(article.get("status"))] = counts.get(str(article.get("status")), 0) + 1
            else:
                parts[part] = parts.get(part, 0) + 1
    preconditions = len(base.get("preconditions") or [])
    lines = [f"new version {fields['id']} ({fields['kind']} by {fields['proposed_by']}, {fields['date']}), based on "
             f"{base.get('id')}; carried with their ids and statuses: {count_phrase(counts, parts=parts)}; "
             f"{preconditions} precondition{'s' * (preconditions != 1)}"]
    if left_out or "summary" in base:
        lines.append("not carried from the base: title" + (", summary" if "summary" in base else "")
                     + "".join(f", {w}" for w in left_out))
    if unused:
        ids = [str(base["sources"][i].get("id")) for i in sorted(unused)]
        lines.append(f"{len(ids)} sources left out, cited only by what was not carried: {', '.join(ids)}")
    return lines


_MARKER = re.compile(r"\[([a-z0-9][a-z0-9._-]*)\]")


def _uncited_sources(base: Data, fields: dict[str, Any]) -> list[int]:
    """Indexes of the base's sources that nothing a new version carries cites, by the validator's own
    reckoning of a citation (:func:`draftdiff.rules.context.citing_ids`, which ``unused-source`` holds a
    source to): the base as a draft, less what is not carried, with the new version's own title and summary."""
    from pydantic import ValidationError

    from draftdiff.model import Draft
    from draftdiff.rules.context import citing_ids

    try:
        draft = Draft.model_validate(base)
    except (ValidationError, ValueError, TypeError):
        return _unmentioned_sources(base)  # a base that is not a valid draft: only what nothing names
    carried = draft.model_copy(update={"title": str(fields.get("title", "")), "summary": fields.get("summary"),
                                       "notes": None, "date_note": None,
                                       "attested_by": [], "claimed_counts": []})
    cited = citing_ids(carried)
    return [i for i, s in enumerate(base.get("sources") or [])
            if isinstance(s, dict) and str(s.get("id")) not in cited]


def _unmentioned_sources(base: Data) -> list[int]:
    """Indexes of the sources no id list or ``[id]`` marker of the articles and preconditions names."""
    cited: set[str] = set()

    def walk(node: Any, key: str | None = None) -> None:
        if isinstance(node, dict):
            for k, v in node.items():
                walk(v, str(k))
        elif isinstance(node, list):
            if key == "sources":
                cited.update(str(v) for v in node if isinstance(v, str))
            for v in node:
                walk(v)
        elif isinstance(node, str):
            cited.update(_MARKER.findall(node))

    walk(base.get("articles"))
    walk(base.get("preconditions"))
    return [i for i, s in enumerate(base.get("sources") or [])
            if isinstance(s, dict) and str(s.get("id")) not in cited]
