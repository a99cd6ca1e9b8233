"""The edits an analyst makes, as pure functions of a draft's plain data.

Each function checks what it is given against the draft (ids, statuses, sources,
with a "did you mean" on a typo), then returns an :class:`~draftdiff.edit.writepath.Edit`:
the mutations to make and one line per change in the shared vocabulary. Nothing
here reads or writes a file; :func:`draftdiff.edit.apply_edit` does, and proves the write.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any, get_args

from draftdiff.diagnostics import closest
from draftdiff.edit.tree import EditRefused, Mutation
from draftdiff.edit.writepath import Edit
from draftdiff.errors import Hint
from draftdiff.vocab import day_problem

Data = dict[str, Any]


# --- finding things ------------------------------------------------------------------------------------------


def _did_you_mean(word: str, choices: Sequence[str]) -> str:
    guess = closest(word, choices)
    return f"; did you mean '{guess}'?" if guess else ""


def find_article(data: Data, ref: str) -> int:
    """The index of the article ``ref`` names: its id, or its number as written (see
    :func:`draftdiff.numbering.names_number`: "7" names 7 and "7", "5 bis" names "5 bis", "IV" names "IV"
    and not 4); a number that two entries share (an article and an annex) is refused, naming both."""
    from draftdiff.numbering import names_number

    articles = data.get("articles") or []
    for i, article in enumerate(articles):
        if isinstance(article, dict) and article.get("id") == ref:
            return i
    numbered = [i for i, a in enumerate(articles) if isinstance(a, dict) and names_number(ref, a.get("number"))]
    if len(numbered) == 1:
        return numbered[0]
    if len(numbered) > 1:
        both = [article_label(articles[i]) for i in numbered]
        raise EditRefused(f"the number '{ref}' is shared by {' and '.join(both)} in draft {data.get('id')}",
                          f"name the one you mean by its id: {', '.join(str(articles[i].get('id')) for i in numbered)}")
    ids = [str(a.get("id")) for a in articles if isinstance(a, dict)]
    if not ids:  # known only by its date: the faces name the version in force then (newversion.in_force_refusal)
        raise EditRefused(f"no article '{ref}' in draft {data.get('id')}: it records no articles (it is known only "
                          "by its date)", Hint.coded("record it in the version whose statuses are in force then",
                                                     "no-articles"))
    listed = [_numbered_id(a) for a in articles if isinstance(a, dict)]
    raise EditRefused(f"no article '{ref}' in draft {data.get('id')}{_did_you_mean(ref, ids)}",
                      f"name an article by its id or number: {', '.join(listed[:20])}" +
                      (" …" if len(listed) > 20 else ""))


def _numbered_id(article: dict[str, Any]) -> str:
    """``7 third-party-forces``, ``Annex 1 map``, ``preamble``: an article's number (as written) and id."""
    from draftdiff.numbering import display

    number = article.get("number")
    part = str(article.get("part", "article"))
    if number is None or number == "" or isinstance(number, (bool, dict, list)):
        return str(article.get("id"))
    shown = display(number) if part == "article" else f"{part.capitalize()} {display(number)}"
    return f"{shown} {article.get('id')}"


def find_precondition(data: Data, ref: str) -> int:
    items = data.get("preconditions") or []
    for i, item in enumerate(items):
        if isinstance(item, dict) and item.get("id") == ref:
            return i
    ids = [str(p.get("id")) for p in items if isinstance(p, dict)]
    raise EditRefused(f"no precondition '{ref}' in draft {data.get('id')}{_did_you_mean(ref, ids)}",
                      f"preconditions here: {', '.join(ids) or 'none'}")


def check_sources(data: Data, sources: Sequence[str]) -> None:
    known = [str(s.get("id")) for s in data.get("sources") or [] if isinstance(s, dict)]
    for sid in sources:
        if sid not in known:
            raise EditRefused(f"no source '{sid}' in draft {data.get('id')}{_did_you_mean(sid, known)}",
                              Hint.coded("add the source to the draft first: its id, title and publisher",
                                         "add-source", id=sid))


def _choice(value: str, choices: Sequence[str], what: str) -> str:
    if value not in choices:
        raise EditRefused(f"'{value}' is not {what}{_did_you_mean(value, choices)}",
                          f"use one of: {', '.join(choices)}")
    return value


def _literals(annotation: Any) -> list[str]:
    return [str(a) for a in get_args(annotation)]


def article_label(article: dict[str, Any]) -> str:
    """``Article 7 third-party-forces``, ``Preamble preamble``: how every face names an article."""
    from draftdiff.vocab import part_label

    return f"{part_label(str(article.get('part', 'article')), article.get('number'))} {article.get('id')}"


def _short(text: str, size: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= size else text[:size - 1] + "…"


def _evidence(sources: Sequence[str], note: str | None, basis: str) -> str:
    if sources:
        return f" ({'source' if len(sources) == 1 else 'sources'} {', '.join(sources)})"
    if note:
        return f" ({basis}: {_short(note)})"
    return ""


def _add_ids(path: tuple[Any, ...], current: Any, new: Sequence[str]) -> list[Mutation]:
    """Mutations that add ``new`` ids to the id list at ``path`` (made if it is missing)."""
    new = list(dict.fromkeys(new))
    if isinstance(current, list):
        missing = [s for s in new if s not in current]
        return [Mutation("append", path, s) for s in missing]
    return [Mutation("set", path, list(dict.fromkeys(new)))] if new else []


# --- the edits ----------------------------------------------------------------------------------------------


def _set_unknown(data: Data, index: int, sources: Sequence[str], note: str | None) -> Edit:
    """``unknown`` with no source and no basis rests on nothing, so it keeps no basis (the bundled drafts'
    convention: an unknown status has none); a note may say why it is not known."""
    article = data["articles"][index]
    check_sources(data, sources)
    path = ("articles", index)
    old = article.get("status")
    mutations: list[Mutation] = []
    label = article_label(article)
    removed: list[str] = []
    if old != "unknown":
        mutations.append(Mutation("set", path + ("status",), "unknown"))
    if "status_basis" in article:
        mutations.append(Mutation("delete", path + ("status_basis",)))
        removed.append(f"{label}: status basis removed (it was '{article['status_basis']}'; an unknown status "
                       "rests on nothing)")
    if note is not None and article.get("status_note") != note:
        mutations.append(Mutation("set", path + ("status_note",), note))
    elif note is None and old != "unknown" and "status_note" in article:
        mutations.append(Mutation("delete", path + ("status_note",)))
        removed.append(_note_removed(label, old, article["status_note"]))
    mutations += _add_ids(path + ("sources",), article.get("sources"), sources)
    if not mutations:
        return Edit([], [f"{label} is already unknown"])
    if old != "unknown":
        head = f"{label}: {old} → unknown{_evidence(sources, note, 'note')}"
    else:
        head = f"{label}: unknown, evidence updated{_evidence(sources, note, 'note')}"
    return Edit(mutations, [head, *removed])


def _note_removed(label: str, old_status: Any, note: Any) -> str:
    """The line that says a status note went with the status it explained."""
    return f"{label}: status note removed (it explained the status '{old_status}': \"{_short(str(note), 50)}\")"


def _unsourced() -> EditRefused:
    """A status newly ``reported`` with no source given: an article's and a precondition's alike."""
    return EditRefused("a reported status needs the source that reports it",
                       Hint.coded("name the source that reports it (add it to the draft first if it is new)",
                                  "status-source"))


def _unexplained() -> EditRefused:
    """A status ``inferred`` with no note saying from what."""
    return EditRefused("an inferred status needs a note saying from what it is inferred",
                       Hint.coded("write a note: 'inferred from …'", "status-note"))


def set_status(data: Data, article_ref: str, status: str, *, basis: str | None = None,
               sources: Sequence[str] = (), note: str | None = None) -> Edit:
    """An article's status, with its evidence: ``reported`` needs a source, ``inferred`` a note."""
    from draftdiff.model import ArticleStatus, StatusBasis

    index = find_article(data, article_ref)
    article = data["articles"][index]
    _choice(status, _literals(ArticleStatus), "an article status")
    if status == "unknown" and basis is None and not sources:
        return _set_unknown(data, index, sources, note)
    if basis is None:
        basis = "reported" if sources else "inferred" if note else None
    if basis is None:
        raise EditRefused(f"say what the status '{status}' rests on",
                          Hint.coded("name the source that reports it (reported), or say that it is inferred, "
                                     "with a note saying from what", "status-evidence"))
    _choice(basis, _literals(StatusBasis), "a status basis")
    old = article.get("status")
    newly_reported = old != status or article.get("status_basis") != "reported"
    if basis == "reported" and not sources and newly_reported:  # the same reported status: its sources stand
        raise _unsourced()
    if basis == "inferred" and not (note and note.strip()):
        raise _unexplained()
    check_sources(data, sources)
    path = ("articles", index)
    mutations: list[Mutation] = []
    if old != status:
        mutations.append(Mutation("set", path + ("status",), status))
    if article.get("status_basis") != basis:
        mutations.append(Mutation("set", path + ("status_basis",), basis))
    lines = []
    if note is not None and article.get("status_note") != note:
        mutations.append(Mutation("set", path + ("status_note",), note))
    elif note is None and old != status and "status_note" in article:
        mutations.append(Mutation("delete", path + ("status_note",)))
        lines.append(_note_removed(article_label(article), old, article["status_note"]))
    mutations += _add_ids(path + ("sources",), article.get("sources"), sources)
    label = article_label(article)
    if old != status:
        lines.insert(0, f"{label}: {old} → {status}{_evidence(sources, note, basis)}")
    elif mutations:
        lines.insert(0, f"{label}: {status}, evidence updated{_evidence(sources, note, basis)}")
    else:
        lines = [f"{label} is already {status} on that evidence"]
    return Edit(mutations, lines)


def add_source(data: Data, fields: dict[str, Any]) -> Edit:
    """A new source; an id in use is refused (``set`` changes an existing source)."""
    from draftdiff.model import Source

    fields = {k: v for k, v in fields.items() if v is not None}
    sid = str(fields.get("id", ""))
    known = [str(s.get("id")) for s in data.get("sources") or [] if isinstance(s, dict)]
    if sid in known:
        raise EditRefused(f"source '{sid}' exists already in draft {data.get('id')}",
                          Hint.coded("choose a new id, or change a field of the source that has it",
                                     "source-exists", id=sid))
    entry = _model_order(Source, fields)
    _check_model(Source, entry, f"source {sid}" if sid else "the new source")
    sources = data.get("sources")
    mutation = Mutation("append", ("sources",), entry) if isinstance(sources, list) else \
        Mutation("set", ("sources",), [entry])
    what = ", ".join(str(v) for v in (fields.get("publisher"), fields.get("date")) if v)
    return Edit([mutation], [f"source {sid} added: \"{_short(str(fields.get('title', '')))}\" ({what})"])


def add_claim(data: Data, fields: dict[str, Any]) -> Edit:
    """A count someone made public; the edit says whether the board fits it."""
    from draftdiff.claims import claim_problems, claim_said, comparable
    from draftdiff.model import ClaimedCount

    fields = {k: v for k, v in fields.items() if v is not None and v is not False}
    if not str(fields.get("source") or "").strip():
        raise EditRefused("the claim needs the source it is from",
                          Hint.coded("name the source that reports it (add it to the draft first if it is new)",
                                     "claim-source"))
    check_sources(data, [str(fields["source"])])
    if not any(k in fields for k in ("agreed", "partial", "disputed", "total", "agreed_percent")):
        raise EditRefused("the claim counts nothing",
                          Hint.coded("give how many articles were said to be agreed, partial or disputed, how many "
                                     "in all, or the share of the text agreed", "claim-counts"))
    entry = _model_order(ClaimedCount, fields)
    claim = _check_model(ClaimedCount, entry, "the claim")
    _refuse_duplicate_claim(data, claim)
    counts = {s: 0 for s in ("agreed", "partial", "disputed", "removed", "unknown")}
    for article in data.get("articles") or []:
        if isinstance(article, dict) and article.get("part", "article") == "article":
            counts[str(article.get("status"))] = counts.get(str(article.get("status")), 0) + 1
    articles = sum(counts.values()) - counts["removed"]
    said = claim_said(claim)
    who = f"{entry.get('speaker')}, " if entry.get("speaker") else ""
    line = f"claim added: {said} ({who}{entry.get('date', 'undated')}, source {entry['source']})"
    if not comparable(claim):
        notes = ["the claim gives a share of the text only, which is recorded, not compared with the board"]
    else:
        problems = claim_problems(counts, articles, claim)
        notes = ["the board fits this claim"] if not problems else \
            [f"the board does not fit this claim: {'; '.join(problems)}"]
    existing = data.get("claimed_counts")
    mutation = Mutation("append", ("claimed_counts",), entry) if isinstance(existing, list) else \
        Mutation("set", ("claimed_counts",), [entry])
    return Edit([mutation], [line], notes)


def _refuse_duplicate_claim(data: Data, claim: Any) -> None:
    """Refuse a claim recorded already, alike in every field (:func:`draftdiff.claims.duplicate_of`); the
    write path names the line of the one there (the hint's ``at``)."""
    from draftdiff.claims import duplicate_of
    from draftdiff.model import ClaimedCount

    recorded: list[Any] = []  # an entry that is not a valid claim is none of the claim's kind
    for item in data.get("claimed_counts") or []:
        try:
            recorded.append(ClaimedCount.model_validate(item))
        except (ValueError, TypeError):
            recorded.append(None)
    index = duplicate_of(recorded, claim)
    if index is not None:
        raise EditRefused("the same claim is recorded already, alike in every field",
                          Hint.coded("record it once; if it was said again, tell the two apart (its source, date "
                                     "or a note)", "claim-duplicate", at=f"claimed_counts/{index}"))


def set_precondition(data: Data, ref: str, *, status: str | None = None, sources: Sequence[str] = (),
                     note: str | None = None, basis: str | None = None) -> Edit:
    """Where a precondition stands, with the source or note that says so.

    A blank ``note`` takes the status note away, ``basis="unstated"`` (:data:`~draftdiff.vocab.NO_BASIS`) the
    basis. The basis is held to what an article's is (see :func:`set_status`): a status newly ``reported``
    needs the source given with it, one ``inferred`` a note.
    """
    from draftdiff.model import PreconditionStatus, StatusBasis
    from draftdiff.vocab import NO_BASIS

    index = find_precondition(data, ref)
    item = data["preconditions"][index]
    if status is not None:
        _choice(status, _literals(PreconditionStatus), "a precondition status")
    if basis is not None and basis != NO_BASIS:
        _choice(basis, _literals(StatusBasis), "a status basis")
    check_sources(data, sources)
    if status is None and not sources and note is None and basis is None:
        raise EditRefused("nothing to set", Hint.coded("give a status, a source, a note or a basis",
                                                         "precondition-nothing"))
    old = item.get("status")
    changes_status = status is not None and status != old
    if basis == "reported" and not sources and (changes_status or item.get("status_basis") != basis):
        raise _unsourced()
    # a note not given again explained the old status: it goes with it, as an article's does (set_status)
    stale_note = note is None and changes_status and "status_note" in item
    kept_note = None if stale_note else item.get("status_note") if note is None else note if note.strip() else None
    kept_basis = None if basis == NO_BASIS else basis or item.get("status_basis")
    if kept_basis == "inferred" and not str(kept_note or "").strip():
        raise _unexplained()
    path = ("preconditions", index)
    mutations: list[Mutation] = []
    if changes_status:
        mutations.append(Mutation("set", path + ("status",), status))
    if basis == NO_BASIS:
        if "status_basis" in item:
            mutations.append(Mutation("delete", path + ("status_basis",)))
    elif basis is not None and item.get("status_basis") != basis:
        mutations.append(Mutation("set", path + ("status_basis",), basis))
    note_changes, removed_note = _precondition_note(item, path, note, old if stale_note else None)
    mutations += note_changes
    if note is not None and not note.strip():
        note = None
    mutations += _add_ids(path + ("sources",), item.get("sources"), sources)
    label = f"precondition {item.get('id')} ({item.get('party')})"
    evidence = _evidence(sources, note, basis or "note")
    if status is not None and status != old:
        lines = [f"{label}: {old} → {status}{evidence}"]
    elif mutations:
        lines = [f"{label}: {old}, evidence updated{evidence}"]
    else:
        lines = [f"{label} is already {old} on that evidence"]
    return Edit(mutations, lines + removed_note)


def _precondition_note(item: dict[str, Any], path: tuple[Any, ...], note: str | None,
                       stale_for: str | None) -> tuple[list[Mutation], list[str]]:
    """The note's change and what is said of a removed one; ``stale_for``: the old status it explained."""
    said = f"\"{_short(str(item.get('status_note')), 50)}\""
    if stale_for is not None:
        return ([Mutation("delete", path + ("status_note",))],
                [f"precondition {item.get('id')}: status note removed (it explained the status '{stale_for}': {said})"])
    if note is not None and not note.strip():
        if "status_note" not in item:
            return [], []
        return [Mutation("delete", path + ("status_note",))], [f"precondition {item.get('id')}: status note removed ({said})"]
    if note is not None and item.get("status_note") != note:
        return [Mutation("set", path + ("status_note",), note)], []
    return [], []


_STEP = re.compile(r"([A-Za-z_][A-Za-z0-9_]*)(?:\[([^\]]+)\])?$")


def _steps(address: str) -> list[str]:
    """``articles[x.y].status`` → ``['articles[x.y]', 'status']``: split at the dots outside brackets (an id
    may hold a dot)."""
    steps, depth, start = [], 0, 0
    for i, char in enumerate(address):
        if char == "[":
            depth += 1
        elif char == "]":
            depth = max(depth - 1, 0)
        elif char == "." and depth == 0:
            steps.append(address[start:i])
            start = i + 1
    return [*steps, address[start:]]


def _position(ref: str, items: list[Any]) -> int | None:
    """``#3`` (any list) → 3, the position from 0 diagnostics name an entry without an id by; None if not one."""
    if ref.startswith("#") and ref[1:].isdigit() and ref[1:].isascii():
        index = int(ref[1:])
        if index < len(items):
            return index
        raise EditRefused(f"there is no entry #{index}: the list has {len(items)} (#0 to #{len(items) - 1})"
                          if items else f"there is no entry #{index}: the list is empty")
    return None


def _entry(data: Data, name: str, ref: str, items: list[Any]) -> int:
    """The index of the entry ``ref`` names in the list ``items`` (held by the key ``name``)."""
    at = _position(ref, items)
    if at is not None:
        return at
    if name == "articles":
        return find_article(data, ref)
    if name == "preconditions":
        return find_precondition(data, ref)
    ids = [str(i.get("id")) for i in items if isinstance(i, dict) and "id" in i]
    if ref in ids:
        return ids.index(ref)
    if ref.isdigit() and int(ref) < len(items):
        return int(ref)
    positions = f"0 to {len(items) - 1}" if len(items) > 1 else "0, the only one" if items else \
        "none: the list is empty"
    how = f"name an entry by its id ({', '.join(ids[:12])}{' …' if len(ids) > 12 else ''}) " \
          f"or its position from 0 ({positions})" if ids else \
        f"its entries have no ids: name one by its position from 0 ({positions})"
    raise EditRefused(f"no '{ref}' in {name}{_did_you_mean(ref, ids)}", how)


def resolve_address(data: Data, address: str) -> tuple[tuple[Any, ...], str]:
    """``articles[third-party-forces].status_note`` → the path, and how a change line names the field:
    ``Article 7 third-party-forces: status_note`` (the record, then the field within it).

    An entry of a list is named by its id; an article also by its number (:func:`find_article`); an entry of
    another list by its position from 0 (``claimed_counts[0]``); any entry by ``#`` and its position
    (``articles[#3]``), the way findings name an entry that has neither id nor number."""
    from draftdiff.load import _allowed_keys

    path: tuple[Any, ...] = ()
    node: Any = data
    record = ""
    rest: list[str] = []
    steps = _steps(address)
    for step in steps:
        match = _STEP.match(step)
        if match is None:
            raise EditRefused(f"cannot read '{step}' in the address '{address}'",
                              "write it like articles[third-party-forces].status_note or sources[tass-1704669].title")
        name, ref = match.groups()
        if isinstance(node, dict) and name not in node:
            allowed = _allowed_keys(path)
            if allowed and name not in allowed:
                raise EditRefused(f"'{name}' is not a field here{_did_you_mean(name, allowed)}",
                                  f"fields here: {', '.join(allowed)}")
            if ref is not None or step != steps[-1]:
                raise EditRefused(f"{address}: '{name}' is not in this draft")
        if not isinstance(node, dict):
            raise EditRefused(f"{address}: '{name}' is inside a value that is not a mapping")
        path += (name,)
        if ref is None:
            node = node.get(name)
            rest.append(name)
            continue
        items = node.get(name)
        if isinstance(items, dict):
            if ref not in items:
                raise EditRefused(f"no '{ref}' in {name}{_did_you_mean(ref, list(items))}")
            path += (ref,)
            node = items[ref]
            rest += [name, ref]
            continue
        if not isinstance(items, list):
            raise EditRefused(f"{address}: '{name}' is not a list in this draft")
        index = _entry(data, name, ref, items)
        if name == "articles":
            record = article_label(items[index])
        elif name == "preconditions":
            record = f"precondition {items[index].get('id') if isinstance(items[index], dict) else ref}"
        else:
            record = ".".join([record, *rest] if record else rest) + ("." if record or rest else "") + \
                f"{name}[{ref}]"
        rest = []
        path += (index,)
        node = items[index]
    field_words = ".".join(rest)
    return path, f"{record}: {field_words}" if record and field_words else record or field_words


def _field_kinds(path: tuple[Any, ...]) -> set[type]:
    """The plain types the schema allows at ``path`` (``{int, str}`` for an article number), or empty if unknown."""
    import types
    import typing

    from draftdiff.load import annotation_at

    current = annotation_at(path)
    kinds: set[type] = set()
    pending = [current] if current is not None else []
    while pending:
        annotation = pending.pop()
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            pending.append(typing.get_args(annotation)[0])
        elif origin in (typing.Union, types.UnionType):
            pending += [a for a in typing.get_args(annotation) if a is not type(None)]
        elif origin is typing.Literal:
            kinds |= {type(a) for a in typing.get_args(annotation)}
        elif isinstance(origin, type):
            kinds.add(origin)
        elif isinstance(annotation, type):
            kinds.add(annotation)
    return kinds


_WHOLE = re.compile(r"[0-9]+")


def typed_value(path: tuple[Any, ...], value: str) -> Any:
    """A value given as text, typed by the field it is for: a whole number for a count (``"7"`` → 7) or an
    article number (``"7"`` → 7, ``"5 bis"`` stays text), a number for a share, true/false for a flag.
    Text the field's type cannot read is left as text, for the schema check to name."""
    kinds = _field_kinds(path)
    text = value.strip()
    if bool in kinds and text in ("true", "false"):
        return text == "true"
    if int in kinds and _WHOLE.fullmatch(text) and text.isascii():
        return int(text)
    if float in kinds and str not in kinds:
        try:
            return float(text)
        except ValueError:
            return value
    return value


def set_field(data: Data, address: str, value: Any, *, delete: bool = False, as_text: bool = False) -> Edit:
    """One field of an existing record, addressed by ids: for corrections that no other command makes.

    ``as_text``: ``value`` is text as typed (not JSON), to be typed by the field's type (:func:`typed_value`)."""
    path, label = resolve_address(data, address)
    if as_text and isinstance(value, str):
        value = typed_value(path, value)
    parent: Any = data
    for part in path[:-1]:
        parent = parent[part]
    field_name = path[-1]
    present = (field_name in parent) if isinstance(parent, dict) else (
        isinstance(field_name, int) and 0 <= field_name < len(parent))
    old = parent.get(field_name) if isinstance(parent, dict) else parent[field_name]
    where = label
    if delete:
        if not present:
            return Edit([], [f"{where} is not set"])
        return Edit([Mutation("delete", path)], [f"{where} removed (was {_said(old)})"])
    if present and old == value and type(old) is type(value):
        return Edit([], [f"{where} is already {_said(value)}"])
    if present and isinstance(old, str) and isinstance(value, str) and _said(old) == _said(value):
        line = f"{where} {_where_they_differ(old, value)}"
    else:
        line = f"{where} {_said(old)} → {_said(value)}" if present else f"{where} set to {_said(value)}"
    return Edit([Mutation("set", path, value)], [line])


def _said(value: Any) -> str:
    """A value as a change line shows it: text quoted and cut short, a record by its id and title."""
    if isinstance(value, str):
        return f"\"{_short(value, 50)}\""
    if isinstance(value, dict):
        named = [str(value[k]) for k in ("id",) if isinstance(value.get(k), (str, int))]
        for key in ("title", "demand", "speaker", "text"):
            if isinstance(value.get(key), str):
                named.append(f"\"{_short(value[key], 50)}\"")
                break
        return " ".join(named) or f"an entry of {len(value)} field{'s' if len(value) != 1 else ''}"
    if isinstance(value, list):
        return "[" + ", ".join(_said(v) if isinstance(v, dict) else str(v) for v in value) + "]"
    return "null" if value is None else str(value).lower() if isinstance(value, bool) else str(value)


def _where_they_differ(old: str, new: str, size: int = 50) -> str:
    """Two long texts that look the same cut short, shown around where they first differ:
    ``"…the border [src-1]." → "…the border [src-2]." (from character 812)``."""
    old, new = " ".join(old.split()), " ".join(new.split())
    start = next((i for i, (a, b) in enumerate(zip(old, new, strict=False)) if a != b), min(len(old), len(new)))
    head = max(start - size // 2, 0)

    def part(text: str) -> str:
        piece = text[head:head + size]
        return ("…" if head else "") + piece + ("…" if head + size < len(text) else "")

    return f"\"{part(old)}\" → \"{part(new)}\" (from character {start + 1})"


def _model_order(model: Any, fields: dict[str, Any]) -> dict[str, Any]:
    unknown = [k for k in fields if k not in model.model_fields]
    if unknown:
        raise EditRefused(f"unknown field {unknown[0]}", f"fields: {', '.join(model.model_fields)}")
    return {k: fields[k] for k in model.model_fields if k in fields}


_GIVE = {"id": "an id (e.g. mfa-am-2025-03-13)", "title": "a title", "publisher": "a publisher",
         "source": "the source it is from", "date": "a date (YYYY-MM-DD)"}
"""What a missing field asks for, in words (a field not named here: "a <field>")."""


_SURROGATE = re.compile(r"[\ud800-\udfff]")


def not_utf8(value: Any) -> str | None:
    """What is wrong with text that did not come as UTF-8 (a command-line argument in another encoding reaches
    Python as "caf\\udce9"): ``the byte 0xe9 (after "caf") is not UTF-8``; None when the text is fine."""
    if not isinstance(value, str):
        return None
    bad = _SURROGATE.search(value)
    if bad is None:
        return None
    code = ord(bad.group())
    what = f"the byte 0x{code - 0xDC00:02x}" if 0xDC80 <= code <= 0xDCFF else f"a lone surrogate U+{code:04X}"
    before = _SURROGATE.sub("?", value[max(bad.start() - 20, 0):bad.start()])
    return f"{what}{f' (after {before!r})' if before else ''} is not UTF-8"


def check_text(mutations: Sequence[Mutation], data: Any = None) -> None:
    """Refuse a value holding text that was not UTF-8, naming the byte, before it reaches the file."""
    from draftdiff.load import describe_path

    for mutation in mutations:
        pending: list[Any] = [mutation.value]
        while pending:
            value = pending.pop()
            if isinstance(value, dict):
                pending += list(value.values()) + list(value)
            elif isinstance(value, list):
                pending += value
            elif (problem := not_utf8(value)) is not None:
                raise EditRefused(f"{describe_path(mutation.path, data)}: {problem}",
                                  "give the text in UTF-8 (set the terminal's or the file's encoding to UTF-8)")


def _problem(error: Any) -> str:
    """One of pydantic's errors as a plain sentence naming the field: no type names, no reprs of the data."""
    loc = error.get("loc") or ()
    field = str(loc[0]) if loc else ""
    words = field.replace("_", " ")
    value = error.get("input")
    if not_utf8(value) is not None:
        return f"the {words}: {not_utf8(value)}"
    shown = f"{value}" if isinstance(value, (str, int, float)) and not isinstance(value, bool) else ""
    kind = str(error.get("type", ""))
    if kind == "missing" or (kind == "string_too_short" and not shown.strip()):
        return f"give {_GIVE.get(field, f'a {words}')}"
    if field == "date" or field.endswith("_date") or field == "raised":
        return f"the date {day_problem(shown) or shown + ' is not a date (write YYYY-MM-DD)'}" if shown.strip() \
            else "the date is not a date (write YYYY-MM-DD)"
    if field == "url":
        return f"the URL {shown} is not a web address (write https://…)".replace("  ", " ")
    if field in ("id", "source") and kind == "string_pattern_mismatch":
        return f"the {'id' if field == 'id' else 'source id'} {shown} is not an id (write lower-case letters, " \
               "digits, '.', '_' and '-')"
    if field == "language" and kind == "string_pattern_mismatch":
        return f"the language {shown} is not a language code (write en, hy, az, ru…)"
    message = str(error.get("msg", "")).removeprefix("Value error, ")
    return f"{words}: {message[:1].lower()}{message[1:]}" + (f" (not {shown})" if shown else "")


def model_problems(model: Any, entry: dict[str, Any]) -> list[str]:
    """Every problem of ``entry`` as a record of ``model``, each a plain sentence naming its field
    ("give an id (e.g. …)", "the date 2025-13-40 is not a date (write YYYY-MM-DD)"); empty when it is valid."""
    from pydantic import ValidationError

    try:
        model.model_validate(entry)
    except ValidationError as exc:
        return list(dict.fromkeys(_problem(e) for e in exc.errors(include_url=False)))
    return []


def source_problems(fields: dict[str, Any]) -> list[str]:
    """What is wrong with a new source's fields, all at once (see :func:`model_problems`); a face shows them
    under its own heading before it asks for :func:`add_source`."""
    from draftdiff.model import Source

    entry = {k: v for k, v in fields.items() if v is not None}
    unknown = [k for k in entry if k not in Source.model_fields]
    return [f"unknown field {k}" for k in unknown] + model_problems(Source, _model_order(Source, {
        k: v for k, v in entry.items() if k not in unknown}))


def _check_model(model: Any, entry: dict[str, Any], what: str) -> Any:
    problems = model_problems(model, entry)
    if problems:
        raise EditRefused(f"{what}: {'; '.join(problems)}")
    return model.model_validate(entry)


def new_version(base: Data, fields: dict[str, Any], existing_ids: Sequence[str] = ()) -> Edit:
    """A new version made from ``base`` (see :mod:`draftdiff.edit.newversion`)."""
    from draftdiff.edit.newversion import new_version as make

    return make(base, fields, existing_ids)
