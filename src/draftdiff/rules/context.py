"""What a collection rule sees: the valid drafts, each with its file and positions."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from draftdiff.load import LoadedDraft
from draftdiff.model import Draft
from draftdiff.yamlsource import Path


@dataclass
class RuleContext:
    files: list[LoadedDraft]
    invalid: list[LoadedDraft] = field(default_factory=list)
    """Files that did not validate: rules only name them (a ``based_on`` pointing at one), never check them."""
    by_id: dict[str, list[LoadedDraft]] = field(init=False)
    _cited: dict[int, set[str]] = field(init=False, default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        self.by_id = {}
        for item in self.files:
            assert item.draft is not None
            self.by_id.setdefault(item.draft.id, []).append(item)

    def drafts(self) -> Iterator[tuple[LoadedDraft, Draft]]:
        for item in self.files:
            assert item.draft is not None
            yield item, item.draft

    def invalid_file_with_id(self, draft_id: str) -> LoadedDraft | None:
        """An invalid file whose text names ``draft_id`` as its id, if any."""
        for item in self.invalid:
            tree = item.tree
            if isinstance(tree, dict) and tree.get("id") == draft_id:
                return item
        return None

    def get(self, draft_id: str) -> Draft | None:
        items = self.by_id.get(draft_id)
        return items[0].draft if items else None

    def cited_ids(self, draft: Draft) -> set[str]:
        """The source ids a draft cites in its fields, collected once however many rules ask."""
        key = id(draft)
        found = self._cited.get(key)
        if found is None:
            found = self._cited[key] = cited_ids(draft)
        return found


def cited_ids(draft: Draft) -> set[str]:
    """The ids :func:`citation_lists` yields, gathered without a path for each place.

    Every draft is asked this; the walk with paths runs only for a draft with
    something to report, so this one skips building them (a test keeps the two equal).
    """
    found = set(draft.attested_by)
    for article in draft.articles:
        found.update(article.sources)
        for fragment in article.fragments:
            found.update(fragment.sources)
        for position in article.positions.values():
            found.update(position.sources)
    for pre in draft.preconditions:
        found.update(pre.sources)
    found.update(claim.source for claim in draft.claimed_counts)
    return found


def citation_lists(draft: Draft) -> Iterator[tuple[Path, Sequence[str] | str]]:
    """Every place a draft cites sources: each ``sources`` list, or a single id, with the path of its value.

    The one walk over citing fields: :func:`citations` and the cited-id sets derive from it.
    """
    yield ("attested_by",), draft.attested_by
    for i, article in enumerate(draft.articles):
        yield ("articles", i, "sources"), article.sources
        for k, fragment in enumerate(article.fragments):
            yield ("articles", i, "fragments", k, "sources"), fragment.sources
        for party, position in article.positions.items():
            yield ("articles", i, "positions", party, "sources"), position.sources
    for i, pre in enumerate(draft.preconditions):
        yield ("preconditions", i, "sources"), pre.sources
    for i, claim in enumerate(draft.claimed_counts):
        yield ("claimed_counts", i, "source"), claim.source


def citations(draft: Draft) -> Iterator[tuple[Path, str]]:
    """Every place a draft cites a source id, with the path of the citing value."""
    for path, cited in citation_lists(draft):
        if isinstance(cited, str):
            yield path, cited
        else:
            for j, sid in enumerate(cited):
                yield (*path, j), sid


def citing_ids(draft: Draft) -> set[str]:
    """The ids of the sources a draft cites, in its citing fields or by a ``[source-id]`` marker in its prose:
    what ``unused-source`` holds a source to, and what a new version carries sources by."""
    return cited_ids(draft) | {sid for _, sid in prose_citations(draft)}


MARKER = re.compile(r"\[([a-z0-9][a-z0-9._-]*)\]")
"""A ``[source-id]`` marker as prose writes one; what it names is a citation only if the draft defines it."""


def prose_citations(draft: Draft) -> Iterator[tuple[Path, str]]:
    """``[source-id]`` markers in summaries, notes and other prose, as the bundled drafts write them.

    Only markers naming a defined source count, so ``[sic]`` or bracketed
    negotiation text never reads as a citation.
    """
    defined = {s.id for s in draft.sources}
    for path, text in texts(draft, prose=True):
        if "[" not in text:
            continue
        for match in MARKER.finditer(text):
            if match.group(1) in defined:
                yield path, match.group(1)


_ID_SHAPED = re.compile(r"(?=.*[a-z])(?=.*[0-9])[a-z0-9]+(?:[._-][a-z0-9]+)+")
"""A bracketed token that can only be an id: letters and digits joined by ``-``, ``.`` or ``_``
(``turan-788320``, ``src-1``), as no word of prose or negotiation text is (``[sic]``, ``[peace]``)."""


def stray_markers(draft: Draft) -> Iterator[tuple[Path, str, str | None]]:
    """``[source-id]`` markers in the texts :func:`prose_citations` reads that name no source of the draft, as
    ``(path, token, the source id it likely meant)``: a token shaped like an id, or one close to a source's id
    (``[turan-78832]`` for ``turan-788320``). A bracketed word neither (``[sic]``) is not a marker."""
    defined = [s.id for s in draft.sources]
    known = set(defined)
    for path, text in texts(draft, prose=True):
        if "[" not in text:
            continue
        for match in MARKER.finditer(text):
            token = match.group(1)
            if token in known:
                continue
            import difflib  # only for a draft with a stray marker: a valid file never needs it

            from draftdiff.diagnostics import closest

            near = difflib.get_close_matches(token, defined, n=1, cutoff=0.8)
            if near or _ID_SHAPED.fullmatch(token):
                yield path, token, near[0] if near else closest(token, defined)


def texts(draft: Draft, prose: bool = False) -> Iterator[tuple[Path, str]]:
    """Every free-text value of a draft that a reader will see (with ``prose``, notes too)."""
    yield ("title",), draft.title
    for key in ("summary", "notes", "date_note"):
        value = getattr(draft, key)
        if value:
            yield (key,), value
    yield from _article_texts(draft)
    for i, source in enumerate(draft.sources):
        if source.quote:
            yield ("sources", i, "quote"), source.quote
    for i, pre in enumerate(draft.preconditions):
        yield ("preconditions", i, "demand"), pre.demand
    if prose:
        yield from _prose_notes(draft)


def _article_texts(draft: Draft) -> Iterator[tuple[Path, str]]:
    """Each article's title, text, fragments and positions, in article order."""
    for i, article in enumerate(draft.articles):
        yield ("articles", i, "title"), article.title
        if article.text:
            yield ("articles", i, "text"), article.text
        for k, fragment in enumerate(article.fragments):
            yield ("articles", i, "fragments", k, "text"), fragment.text
        for party, position in article.positions.items():
            yield ("articles", i, "positions", party, "text"), position.text


def _prose_notes(draft: Draft) -> Iterator[tuple[Path, str]]:
    """The notes and status notes of articles (and of their fragments and positions) and preconditions,
    and the notes of claimed counts."""
    for i, article in enumerate(draft.articles):
        for key in ("status_note", "notes"):
            if getattr(article, key):
                yield ("articles", i, key), getattr(article, key)
        for k, fragment in enumerate(article.fragments):
            if fragment.notes:
                yield ("articles", i, "fragments", k, "notes"), fragment.notes
        for party, position in article.positions.items():
            if position.notes:
                yield ("articles", i, "positions", party, "notes"), position.notes
    for i, pre in enumerate(draft.preconditions):
        for key in ("status_note", "notes"):
            if getattr(pre, key):
                yield ("preconditions", i, key), getattr(pre, key)
    for i, claim in enumerate(draft.claimed_counts):
        if claim.notes:
            yield ("claimed_counts", i, "notes"), claim.notes
