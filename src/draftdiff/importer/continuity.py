"""Which article of the base version each imported article continues, and so which id it takes.

The diff engine's own alignment decides (:func:`draftdiff.diff.align.align`:
wording first, then number and title), so an article renumbered or moved keeps
its id and ``draftdiff diff`` then shows it renumbered or moved, and a split
article keeps its id on the part that carries most of its wording. An article
no base article continues gets an id from its title, else ``article-N``; no id
of the collection is ever reused for another article. A map of numbers to ids
(``NUMBER=ID``) overrides any choice.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from draftdiff.diff.align import align, comparable_text
from draftdiff.errors import Hint
from draftdiff.importer.formats import ImportProblem
from draftdiff.importer.structure import Entry
from draftdiff.model import Article, Draft
from draftdiff.numbering import display, same_number

SLUG_WORDS = 6
"""An id made from a title keeps its first words: "non-use-of-force", not the whole sentence."""

_SLUG_OK = re.compile(r"^[a-z0-9][a-z0-9._-]*$")
_WORD = re.compile(r"\w+")
_ASCII_WORDS = bytes(c + 32 if 65 <= c <= 90 else c if 48 <= c <= 57 or 97 <= c <= 122 or c == 95 else 32
                     for c in range(256))
"""ASCII as ``\\w+`` on the casefolded text sees it: word characters lower-cased, every other byte a space."""
_ASCII_RUNS = bytes(32 if byte == 32 else 120 for byte in _ASCII_WORDS)
"""The same with every word character an ``x``: a word is where ``" x"`` begins."""


@dataclass
class Choice:
    """The id an entry takes, and why: what the mapping printout says."""

    entry: Entry
    id: str
    title: str
    """The entry's title, or, when the text gives none, the base article's (else its label)."""
    how: str
    """``continues`` (aligned with a base article), ``split`` (a part of a split base article),
    ``merged``, ``map`` (given in the map of numbers to ids), ``new`` (no base article continues it)."""
    base: Article | None = None
    similarity: float | None = None


def slug(text: str, words: int = SLUG_WORDS) -> str:
    """An id from a title or number: ASCII, lower case, words joined by '-'."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    pieces = re.findall(r"[a-z0-9]+", plain)[:words]
    return "-".join(pieces)[:60].strip("-")


def parse_maps(values: Iterable[str]) -> dict[str, str]:
    """``NUMBER=ID`` values (the map of numbers to ids) as {number as written, casefolded: id}; refuse malformed
    ones (their setting: ``map``)."""
    out: dict[str, str] = {}
    for value in values:
        number, sep, ident = value.partition("=")
        number, ident = " ".join(number.split()), ident.strip()
        if not sep or not number or not ident:
            raise ImportProblem(f"{value!r} does not give a number an id",
                                Hint.coded("write NUMBER=ID, e.g. '5 bis=border-commission'", "map-form"),
                                setting="map")
        if not _SLUG_OK.match(ident) or len(ident) > 120:
            raise ImportProblem(f"{value!r}: '{ident}' is not a valid id",
                                "use lower-case letters, digits and '-', e.g. third-party-forces", setting="map")
        key = number.casefold().removeprefix("article ").strip()
        if key in out:
            raise ImportProblem(f"two ids are given for {number}", setting="map")
        out[key] = ident
    if len(set(out.values())) != len(out):
        twice = next(i for i, n in Counter(out.values()).items() if n > 1)
        raise ImportProblem(f"the id '{twice}' is given to two articles", setting="map")
    return out


def _key(entry: Entry) -> str:
    if entry.part == "article":
        return display(entry.number).casefold() if entry.number is not None else "article"
    if entry.part == "annex":
        return f"annex {display(entry.number)}".casefold() if entry.number is not None else "annex"
    return entry.part


def _stand_in(entry: Entry, k: int, likely_id: str | None = None) -> Article:
    """The entry as an article the aligner can compare: the id of its likely predecessor, else a placeholder."""
    return Article(id=likely_id or f"import.{k}", part=entry.part, number=entry.number,  # type: ignore[arg-type]
                   title=entry.title or entry.label, status="unknown", text=entry.text or None,
                   text_basis="verbatim" if entry.text else "none")


def _likely(olds: list[Article], news: list[Entry], threshold: float = 0.5) -> dict[int, tuple[int, float]]:
    """New entry → (old article, word similarity) for clear continuations, best first, one to one.

    The aligner compares every unmatched pair (fine when ids match and few are
    left, quadratic when none match, as in an import); here only articles sharing
    a sentence are compared, and what this leaves unmatched goes to the aligner.
    """
    index: dict[str, list[int]] = {}
    pieces_old: list[list[str]] = []
    for i, article in enumerate(olds):
        pieces = comparable_text(article).split(". ")
        pieces_old.append(pieces)
        for piece in set(pieces):
            index.setdefault(piece, []).append(i)
    counted_old: dict[int, Counter[str]] = {}
    scored: list[tuple[float, int, int]] = []
    for j, entry in enumerate(news):
        pieces = entry.text.split(". ")
        hits = {i for piece in set(pieces) for i in index.get(piece, ()) if olds[i].part == entry.part}
        if not hits or len(hits) > 8:
            continue  # nothing shared, or boilerplate shared by many: the aligner decides
        counted = Counter(pieces)
        for i in hits:
            if i not in counted_old:
                counted_old[i] = Counter(pieces_old[i])
            score = _pieces_dice(counted_old[i], counted)
            if score >= threshold:
                scored.append((score, i, j))
    scored.sort(key=lambda t: (-t[0], t[1], t[2]))
    chosen: dict[int, tuple[int, float]] = {}
    used: set[int] = set()
    for score, i, j in scored:
        if j not in chosen and i not in used:
            chosen[j] = (i, round(score, 4))
            used.add(i)
    return chosen


def _bag(text: str) -> Counter[bytes]:
    """The words of ``text`` (``\\w+`` of its casefolded form) and how often each occurs, as UTF-8.

    An ASCII text (most treaty texts in English) is cut by one byte translation and
    a split instead of a regular expression: a third of the time on 9 MB of wording,
    and the same words.
    """
    if text.isascii():
        return Counter(text.encode("ascii").translate(_ASCII_WORDS).split())
    return Counter(word.encode("utf-8") for word in _WORD.findall(text.casefold()))


def _bag_dice(x: Counter[bytes], y: Counter[bytes]) -> float:
    total = sum(x.values()) + sum(y.values())
    return 2 * sum((x & y).values()) / total if total else 0.0


def _dice(a: str, b: str) -> float:
    return _bag_dice(_bag(a), _bag(b))


def _pieces_dice(x: Counter[str], y: Counter[str]) -> float:
    """:func:`_dice` of the two texts these rough sentences make up, with words bagged only where they differ.

    A ". " never cuts a word, so a text's words are its pieces' words, and the pieces
    both texts have add the same words to both bags: each of those words is shared
    whatever else the texts hold. So only the pieces one text has and the other has
    not are bagged; the shared ones are only counted. The same number as bagging all
    of both texts, at a fraction of the cost when a revision rewords a few sentences.
    """
    shared = x & y
    same = _word_count(" ".join(shared.elements())) if shared else 0
    rest_x, rest_y = _bag(" ".join((x - shared).elements())), _bag(" ".join((y - shared).elements()))
    total = 2 * same + sum(rest_x.values()) + sum(rest_y.values())
    return 2 * (same + sum((rest_x & rest_y).values())) / total if total else 0.0


def _word_count(text: str) -> int:
    """How many words :func:`_bag` finds in ``text``, without making them."""
    if text.isascii():
        return (b" " + text.encode("ascii").translate(_ASCII_RUNS)).count(b" x")
    return len(_WORD.findall(text.casefold()))


def choose_ids(entries: list[Entry], base: Draft | None, taken: Iterable[str] = (),
               maps: Mapping[str, str] | None = None) -> list[Choice]:
    """One choice per entry, in the text's order."""
    maps = dict(maps or {})
    unknown = sorted(set(maps) - {_key(e) for e in entries})
    if unknown:
        known = ", ".join(_key(e) for e in entries if e.part in ("article", "annex"))[:300]
        raise ImportProblem(f"{'ids are' if len(unknown) > 1 else 'an id is'} given for {', '.join(unknown)}, "
                            "which the text does not have", f"numbers found: {known}", setting="map")
    old = list(base.articles) if base is not None else []
    found: dict[int, tuple[int, str, float | None]] = {}
    # the title and the preamble continue the base's title and preamble
    for k, entry in enumerate(entries):
        if entry.part in ("title", "preamble"):
            i = next((i for i, a in enumerate(old) if a.part == entry.part), None)
            if i is not None:
                found[k] = (i, "continues", None)
    body = [k for k, e in enumerate(entries) if e.part in ("article", "annex")]
    old_body = [i for i, a in enumerate(old) if a.part in ("article", "annex")]
    if body and old_body:
        olds = [old[i] for i in old_body]
        likely = _likely(olds, [entries[k] for k in body])
        news = [_stand_in(entries[k], k, olds[likely[j][0]].id if j in likely else None) for j, k in enumerate(body)]
        result = align(olds, news)
        for i, j, _ in result.pairs:
            score = likely[j][1] if j in likely else result.similarity.get((i, j))
            found[body[j]] = (old_body[i], "continues", score)
        for i, members in result.splits:
            keep = max(members, key=lambda j: _dice(comparable_text(olds[i]), news[j].full_text))
            found[body[keep]] = (old_body[i], "continues", None)
            for j in members:
                if j != keep:
                    found.setdefault(body[j], (old_body[i], "split", None))
        for members, j in result.merges:
            keep = max(members, key=lambda i: _dice(comparable_text(olds[i]), news[j].full_text))
            found[body[j]] = (old_body[keep], "merged", None)
        _by_number(entries, old, body, old_body, found)
    return _assign(entries, old, found, set(taken) | {a.id for a in old}, maps)


def _by_number(entries: list[Entry], old: list[Article], body: list[int], old_body: list[int],
               found: dict[int, tuple[int, str, float | None]]) -> None:
    """What wording alone left unmatched: the same number and some shared wording (or neither has wording)."""
    used = {i for i, how, _ in found.values() if how in ("continues", "merged")}
    for k in body:
        if k in found:
            continue
        entry = entries[k]
        for i in old_body:
            if i in used or old[i].part != entry.part or not same_number(old[i].number, entry.number):
                continue
            score = _dice(comparable_text(old[i]), entry.text)
            if score >= 0.25 or (entry.title and _titles_agree(entry.title, old[i].title)):
                found[k] = (i, "continues", round(score, 4))
                used.add(i)
                break


def _titles_agree(new: str, old: str) -> bool:
    """The same title, or one the other begins with ("Mutual recognition of sovereignty" of "Mutual recognition
    of sovereignty, territorial integrity, and borders"): under the same number, a shortened title is the
    same article, as a leak or a summary names it."""
    a, b = (re.findall(r"\w+", t.casefold()) for t in (new, old))
    if not a or not b:
        return False
    shorter, longer = sorted((a, b), key=len)
    return longer[:len(shorter)] == shorter


def _assign(entries: list[Entry], old: list[Article], found: dict[int, tuple[int, str, float | None]],
            taken: set[str], maps: dict[str, str]) -> list[Choice]:
    mapped = set(maps.values())
    used: set[str] = set(mapped)
    choices: list[Choice | None] = [None] * len(entries)
    for k, entry in enumerate(entries):  # the choices that keep a base id come first
        forced = maps.get(_key(entry))
        if forced is not None:
            base = next((a for a in old if a.id == forced), None)
            title = entry.title or (base.title if base else entry.label)
            choices[k] = Choice(entry, forced, title, "map", base)
        elif k in found and found[k][1] in ("continues", "merged"):
            i, how, score = found[k]
            if old[i].id in used:
                continue
            used.add(old[i].id)
            choices[k] = Choice(entry, old[i].id, entry.title or old[i].title, how, old[i], score)
    for k, entry in enumerate(entries):
        if choices[k] is not None:
            continue
        base = old[found[k][0]] if k in found else None
        how = "split" if k in found and found[k][1] == "split" else "new"
        ident = _fresh(entry, taken | used)
        used.add(ident)
        choices[k] = Choice(entry, ident, entry.title or entry.label, how, base)
    return [c for c in choices if c is not None]


def _fresh(entry: Entry, taken: set[str]) -> str:
    """An id no draft of the collection uses: from the title, else the part and number."""
    if entry.part in ("title", "preamble"):
        return entry.part  # there is one of each: the same part in every version
    stem = slug(entry.title) if entry.title else ""
    if not stem:
        number = slug(display(entry.number), words=4) if entry.number is not None else ""
        stem = f"{'annex' if entry.part == 'annex' else 'article'}{'-' + number if number else ''}"
    if not stem[0].isalnum():
        stem = f"article-{stem}"
    ident, n = stem, 2
    while ident in taken:
        ident, n = f"{stem}-{n}", n + 1
    return ident
