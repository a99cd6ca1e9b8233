"""A new version made from an earlier one: what it carries over, and what it must not.

The articles and preconditions keep their ids (so ``diff`` lines the versions up);
what belongs to the base only (title, summary, notes, date note, attestation,
claimed counts) is set from the arguments or left out, so that a copy can never
pass as the old version. Sources that only those cited are left out too.

A version known only by its date records no articles: a copy of it would record none either. The new
version is then made from the one whose statuses are in force on its date (:meth:`DraftSet.statuses_for`,
as the board shows them): :func:`base_for` decides it for the command line and the TUI alike.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from draftdiff.edit.ops import Data, _choice, _did_you_mean, _literals
from draftdiff.edit.tree import EditRefused, Mutation
from draftdiff.edit.writepath import Edit

if TYPE_CHECKING:
    from draftdiff.collection import DraftSet
    from draftdiff.model import Draft


@dataclass(frozen=True)
class VersionBase:
    """The file a new version is made from, and, when it is not the version named, why."""

    path: Path
    draft_id: str | None = None
    """The id of the version in that file (None: not known, the folder could not be read)."""
    named: str | None = None
    """The id of the version named, when it is known only by its date and another's statuses stand for it."""
    said: str = ""
    """Why the articles come from another version than the one named (empty when they do not)."""


def base_for(path: str | Path, draft_set: DraftSet | None) -> VersionBase:
    """The version a new one named after ``path`` is made from: that file's, or for a version known only by its
    date, the file of the version whose statuses are in force then (as the board and ``status --as-of`` say)."""
    path = Path(path)
    if draft_set is None:
        return VersionBase(path)
    named = _draft_of(path, draft_set)
    if named is None:
        return VersionBase(path)
    return in_force_base(draft_set, named) or VersionBase(path, named.id)


def in_force_base(draft_set: DraftSet, draft: Draft) -> VersionBase | None:
    """For ``draft`` known only by its date, the version whose statuses are in force then; None otherwise."""
    from draftdiff.vocab import format_date

    in_force = draft_set.statuses_for(draft)
    loaded = draft_set.file_of(in_force.id)
    if in_force.id == draft.id or loaded is None:
        return None
    said = (f"{draft.id} is known only by its date ({format_date(draft.date, draft.date_precision)}) and records no "
            f"articles: the new version is made from {in_force.id} "
            f"({format_date(in_force.date, in_force.date_precision)}), whose statuses are in force then")
    return VersionBase(Path(loaded.name), in_force.id, draft.id, said)


def in_force_refusal(refusal: EditRefused, path: str | Path) -> EditRefused:
    """A refusal to find an article in a version that records none, naming the version whose statuses are in
    force then and its file (the board says the same); any other refusal as it is."""
    from draftdiff.collection import CollectionError, load_draft_set
    from draftdiff.errors import Hint

    hint = refusal.hint if isinstance(refusal.hint, Hint) else None
    if hint is None or hint.code != "no-articles":
        return refusal
    try:
        found = base_for(path, load_draft_set([Path(path).parent]))
    except CollectionError:
        return refusal
    if not found.named or not found.draft_id:
        return refusal
    return EditRefused(refusal.reason, Hint.coded(
        f"the statuses in force then are in {found.draft_id}'s file, {found.path}: record it there, or start "
        f"a new version from it", "in-force-elsewhere", version=found.draft_id, file=str(found.path)))


def _draft_of(path: Path, draft_set: DraftSet) -> Draft | None:
    """The valid draft read from ``path`` in ``draft_set``, if any."""
    try:
        wanted = path.resolve()
    except OSError:
        return None
    for loaded in draft_set.files:
        if loaded.draft is None:
            continue
        try:
            if Path(loaded.name).resolve() == wanted:
                return loaded.draft
        except OSError:
            continue
    return None


def new_version(base: Data, fields: dict[str, Any], existing_ids: Sequence[str] = (),
                came_from: VersionBase | None = None) -> Edit:
    """A new version made from ``base``: its articles and preconditions with their ids, ``based_on`` the base.

    What belongs to the base only (title, summary, notes, date note, attestation,
    claimed counts) is not carried: it is set from ``fields`` or left out, so the copy
    can never pass as the old version. Sources nothing carried cites are left out too.
    ``came_from`` (from :func:`base_for`) says why ``base`` is not the version named, if it is not.
    """
    fields = {k: v for k, v in fields.items() if v is not None}
    fields.update(_version_date(fields))
    _check_fields(base, fields, existing_ids)
    mutations = _version_fields(base, fields)
    left_out = []
    for key, what in (("notes", "notes"), ("date_note", "date note"), ("attested_by", "attestation"),
                      ("claimed_counts", "claimed counts")):
        if key in base:
            mutations.append(Mutation("delete", (key,)))
            left_out.append(what)
    unused, cited_in_base = _uncited_sources(base, fields)
    for index in sorted(unused, reverse=True):
        mutations.append(Mutation("delete", ("sources", index)))
    lines = _report(base, fields, left_out, unused, cited_in_base)
    if came_from is not None and came_from.said:
        lines.insert(0, came_from.said)
    return Edit(mutations, lines,
                keep_head_comment=lambda line: line.startswith("# yaml-language-server:"))


def _version_date(fields: dict[str, Any]) -> dict[str, str]:
    """The date and its precision from the date as typed, in the forms the faces print a version's date
    (``2025-01`` the month, ``~2025-01-20`` roughly; :func:`~draftdiff.vocab.typed_version_date`), with the
    precision given, if any; a date that is none of them, or a precision it contradicts, is refused."""
    from draftdiff.errors import Hint
    from draftdiff.vocab import UnreadableDate, day_problem, typed_version_date

    typed = str(fields.get("date", ""))
    try:
        date, precision = typed_version_date(typed, fields.get("date_precision"))
    except UnreadableDate as exc:
        raise EditRefused(f"the date {exc}", Hint.coded(_DATE_FORMS, "version-date")) from None
    problem = day_problem(date)
    if problem:
        raise EditRefused(f"the date {problem}" if date.strip() else "give the new version's date",
                          Hint.coded(_DATE_FORMS, "version-date"))
    return {"date": date, "date_precision": precision}


_DATE_FORMS = "write the day as YYYY-MM-DD, a month known only as YYYY-MM, or ~YYYY-MM-DD for a day known roughly"


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


def _report(base: Data, fields: dict[str, Any], left_out: list[str], unused: list[int],
            cited_in_base: set[str] | None) -> list[str]:
    """The change lines: what was carried, what was not, and the sources left out (those cited only by what
    was not carried apart from those the base never cited; ``cited_in_base`` None: not known which)."""
    from draftdiff.vocab import count_phrase, counted, format_date

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
    lines = [f"new version {fields['id']} ({fields['kind']} by {fields['proposed_by']}, "
             f"{format_date(str(fields['date']), str(fields.get('date_precision', 'day')))}), based on "
             f"{base.get('id')}; carried with their ids and statuses: {count_phrase(counts, parts=parts)}; "
             f"{preconditions} precondition{'s' * (preconditions != 1)}"]
    if left_out or "summary" in base:
        lines.append("not carried from the base: title" + (", summary" if "summary" in base else "")
                     + "".join(f", {w}" for w in left_out))
    ids = [str(base["sources"][i].get("id")) for i in sorted(unused)]
    if cited_in_base is None:
        if ids:
            lines.append(f"{counted(len(ids), 'source')} left out, cited by nothing carried: {', '.join(ids)}")
        return lines
    dropped = [i for i in ids if i in cited_in_base]
    never = [i for i in ids if i not in cited_in_base]
    if dropped:
        lines.append(f"{counted(len(dropped), 'source')} left out, cited only by what was not carried: "
                     f"{', '.join(dropped)}")
    if never:
        lines.append(f"{counted(len(never), 'source')} left out, cited by nothing in the base: {', '.join(never)}")
    return lines


def _uncited_sources(base: Data, fields: dict[str, Any]) -> tuple[list[int], set[str] | None]:
    """Indexes of the base's sources that nothing a new version carries cites, by the validator's own
    reckoning of a citation (:func:`draftdiff.rules.context.citing_ids`, which ``unused-source`` holds a
    source to): the base as a draft, less what is not carried, with the new version's own title and summary;
    and the ids the base as a whole cites (None for a base that is not a valid draft)."""
    from pydantic import ValidationError

    from draftdiff.model import Draft
    from draftdiff.rules.context import citing_ids

    try:
        draft = Draft.model_validate(base)
    except (ValidationError, ValueError, TypeError):
        return _unmentioned_sources(base), None  # a base that is not a valid draft: only what nothing names
    carried = draft.model_copy(update={"title": str(fields.get("title", "")), "summary": fields.get("summary"),
                                       "notes": None, "date_note": None,
                                       "attested_by": [], "claimed_counts": []})
    cited = citing_ids(carried)
    return ([i for i, s in enumerate(base.get("sources") or [])
             if isinstance(s, dict) and str(s.get("id")) not in cited], citing_ids(draft))


def _unmentioned_sources(base: Data) -> list[int]:
    """Indexes of the sources no id list or ``[id]`` marker of the articles and preconditions names."""
    from draftdiff.rules.context import MARKER

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
            cited.update(MARKER.findall(node))

    walk(base.get("articles"))
    walk(base.get("preconditions"))
    return [i for i, s in enumerate(base.get("sources") or [])
            if isinstance(s, dict) and str(s.get("id")) not in cited]
