"""Pair the articles of two drafts: by stable id first, then by what their text says.

An article keeps its identity through renumbering because its ``id`` is stable;
when an id changed or is absent on one side, similarity of wording decides.
A new article whose word sequences (3-word shingles) sit mostly inside an old
article was split off it; an old article that sits mostly inside a new one was
merged into it. Articles whose relative order changed are *moved*: the pairs
outside the longest run that kept its order.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from draftdiff.diff.sequence import longest_increasing
from draftdiff.model import Article

CONTAINMENT = 0.5
"""Share of a part's 3-word shingles that must lie inside the whole for a split or merge."""

_WORD = re.compile(r"\w+")


@dataclass
class Alignment:
    """Which old article became which new one (indices into the drafts' article lists)."""

    pairs: list[tuple[int, int, str]] = field(default_factory=list)
    """``(old, new, how)`` one-to-one, ``how`` is ``"id"`` or ``"similarity"``."""
    splits: list[tuple[int, list[int]]] = field(default_factory=list)
    """``(old, [new, …])``: an old article and every new article made from it, in new order."""
    merges: list[tuple[list[int], int]] = field(default_factory=list)
    """``([old, …], new)``: every old article merged into one new article, in old order."""
    removed: list[int] = field(default_factory=list)
    added: list[int] = field(default_factory=list)
    moved: set[int] = field(default_factory=set)
    """Old indices of articles that changed place relative to the others."""
    similarity: dict[tuple[int, int], float] = field(default_factory=dict)


def comparable_text(article: Article) -> str:
    """What identifies an article's content: its wording, or, without wording, title and positions."""
    text = article.full_text
    if text.strip():
        return text
    return " ".join([article.title, *(p.text for p in article.positions.values())])


def _words(text: str) -> list[str]:
    return _WORD.findall(text.casefold())


def _shingles(words: list[str]) -> set[tuple[str, ...]]:
    if len(words) < 3:
        return {tuple(words)} if words else set()
    return set(zip(words, words[1:], words[2:], strict=False))


def _pieces(text: str) -> set[str]:
    """Rough sentences, cheap enough to index every article of a 1,700-article draft."""
    return set(text.split(". "))


class _Texts:
    """Words, shingles and rough sentences of a draft's articles, computed only when asked for."""

    def __init__(self, articles: Sequence[Article]) -> None:
        self.articles = articles
        self._words: dict[int, list[str]] = {}
        self._shingles: dict[int, set[tuple[str, ...]]] = {}
        self._index: dict[str, set[int]] | None = None

    def words(self, k: int) -> list[str]:
        if k not in self._words:
            self._words[k] = _words(comparable_text(self.articles[k]))
        return self._words[k]

    def shingles(self, k: int) -> set[tuple[str, ...]]:
        if k not in self._shingles:
            self._shingles[k] = _shingles(self.words(k))
        return self._shingles[k]

    def candidates(self, text: str) -> list[int]:
        """Articles sharing a rough sentence with ``text``; every article when none does.

        The index is cheap (a split on ". ") and spares computing word shingles for
        articles that cannot contain ``text``, which dominated small diffs.
        """
        if self._index is None:
            self._index = {}
            for k, article in enumerate(self.articles):
                for piece in _pieces(comparable_text(article)):
                    self._index.setdefault(piece, set()).add(k)
        found: set[int] = set()
        for piece in _pieces(text):
            found |= self._index.get(piece, set())
        return sorted(found) or list(range(len(self.articles)))


def _dice(a: Counter[str], b: Counter[str]) -> float:
    total = sum(a.values()) + sum(b.values())
    if not total:
        return 0.0
    return 2 * sum((a & b).values()) / total


def align(old: Sequence[Article], new: Sequence[Article], threshold: float = 0.5) -> Alignment:
    aligner = _Aligner(old, new)
    aligner.match_ids()
    if aligner.free_old and aligner.free_new:
        aligner.match_similar(threshold)
    aligner.new_to_old = {j: i for i, j in aligner.old_to_new.items()}
    aligner.find_splits()
    aligner.find_merges()
    return aligner.finish()


class _Aligner:
    """One alignment in the making: the pairs found so far and the articles still free on each side."""

    def __init__(self, old: Sequence[Article], new: Sequence[Article]) -> None:
        self.old, self.new = old, new
        self.old_t, self.new_t = _Texts(old), _Texts(new)
        self.result = Alignment()
        self.old_to_new: dict[int, int] = {}
        self.new_to_old: dict[int, int] = {}
        self.free_old: list[int] = []
        self.free_new: list[int] = []

    def match_ids(self) -> None:
        """Articles that keep their stable id are the same article."""
        new_by_id = {a.id: j for j, a in enumerate(self.new)}
        matched_new: set[int] = set()
        for i, article in enumerate(self.old):
            j = new_by_id.get(article.id)
            if j is not None and j not in matched_new:
                self.old_to_new[i] = j
                matched_new.add(j)
                self.result.pairs.append((i, j, "id"))
        self.free_old = [i for i in range(len(self.old)) if i not in self.old_to_new]
        self.free_new = [j for j in range(len(self.new)) if j not in matched_new]

    def match_similar(self, threshold: float) -> None:
        """One-to-one by similarity for articles whose id is absent on the other side, best score first."""
        taken_old: set[int] = set()
        taken_new: set[int] = set()
        for neg, i, j in self._similar_candidates(threshold):
            if i in taken_old or j in taken_new:
                continue
            taken_old.add(i)
            taken_new.add(j)
            self.old_to_new[i] = j
            self.result.pairs.append((i, j, "similarity"))
            self.result.similarity[(i, j)] = round(-neg, 4)
        self.free_old = [i for i in self.free_old if i not in taken_old]
        self.free_new = [j for j in self.free_new if j not in taken_new]

    def _similar_candidates(self, threshold: float) -> list[tuple[float, int, int]]:
        """``(-score, old, new)`` of every free pair at least ``threshold`` alike, sorted best first."""
        old, new, old_t, new_t = self.old, self.new, self.old_t, self.new_t
        bags_old = {i: Counter(old_t.words(i)) for i in self.free_old}
        bags_new = {j: Counter(new_t.words(j)) for j in self.free_new}
        candidates = []
        for i in self.free_old:
            for j in self.free_new:
                score = _dice(bags_old[i], bags_new[j])
                if not old_t.words(i) and not new_t.words(j):
                    score = 1.0 if old[i].title == new[j].title else 0.0
                if score >= threshold:
                    candidates.append((-score, i, j))
        candidates.sort()
        return candidates

    def same_article(self, i: int, j: int) -> None:
        """An article whose id changed and whose wording changed much: still one article, not a split or merge."""
        self.old_to_new[i] = j
        self.new_to_old[j] = i
        self.result.pairs.append((i, j, "similarity"))
        self.free_old.remove(i)
        self.free_new.remove(j)

    def find_splits(self) -> None:
        """Unmatched new articles that lie inside an old one."""
        result, old_t, new_t = self.result, self.old_t, self.new_t
        split_parts = _contained(self.free_new, self.new, new_t, old_t)
        for i, parts in sorted(split_parts.items()):
            partner = self.old_to_new.get(i)
            if partner is not None:
                covered = new_t.shingles(partner)
                gained = set().union(*(new_t.shingles(j) for j in parts)) - covered
                if not old_t.shingles(i) or len(gained & old_t.shingles(i)) / len(old_t.shingles(i)) < 0.1:
                    continue  # the part repeats the partner's wording: a copy, not a split
                result.pairs.remove((i, partner, next(h for (a, b, h) in result.pairs if a == i and b == partner)))
                members = sorted([partner, *parts])
            elif len(parts) == 1:
                self.same_article(i, parts[0])
                continue
            else:
                members = sorted(parts)
                self.free_old.remove(i)
            result.splits.append((i, members))
            for j in parts:
                self.free_new.remove(j)

    def find_merges(self) -> None:
        """Unmatched old articles that lie inside a new one (not one already part of a split)."""
        result = self.result
        merge_parts = _contained(self.free_old, self.old, self.old_t, self.new_t)
        split_new = {j for _, members in result.splits for j in members}
        for j, parts in sorted(merge_parts.items()):
            if j in split_new:
                continue
            partner_old = self.new_to_old.get(j)
            if partner_old is not None:
                pair = next(p for p in result.pairs if p[0] == partner_old and p[1] == j)
                result.pairs.remove(pair)
                members = sorted([partner_old, *parts])
            elif len(parts) == 1:
                self.same_article(parts[0], j)
                continue
            else:
                members = sorted(parts)
                self.free_new.remove(j)
            result.merges.append((members, j))
            for i in parts:
                self.free_old.remove(i)

    def finish(self) -> Alignment:
        result = self.result
        result.removed = sorted(self.free_old)
        result.added = sorted(self.free_new)
        result.pairs.sort()
        result.moved = _moved(result)
        return result


def _moved(result: Alignment) -> set[int]:
    """Old indices outside the longest subsequence of pairs that kept their relative order."""
    chain: list[tuple[int, int]] = [(i, j) for i, j, _ in result.pairs]
    for i, members in result.splits:
        chain.append((i, members[0]))
    for members, j in result.merges:
        chain.append((members[0], j))
    chain.sort()
    keep = set(longest_increasing([j for _, j in chain]))
    return {chain[k][0] for k in range(len(chain)) if k not in keep}


def _contained(free: Sequence[int] | set[int], articles: Sequence[Article], inner: _Texts,
               outer: _Texts) -> dict[int, list[int]]:
    """Unmatched articles whose wording lies mostly inside one article of the other draft, by container.

    Read one way (new inside old) these are split-off parts; the other way, merged articles.
    """
    parts: dict[int, list[int]] = {}
    for k in list(free):
        own = inner.shingles(k)
        if not own:
            continue
        best, best_o = 0.0, None
        for o in outer.candidates(comparable_text(articles[k])):
            share = len(own & outer.shingles(o)) / len(own)
            if share > best:
                best, best_o = share, o
        if best_o is not None and best >= CONTAINMENT:
            parts.setdefault(best_o, []).append(k)
    return parts
