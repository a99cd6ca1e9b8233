"""Word (or character) redlines on diff-match-patch, anchored on unchanged sentences.

diff-match-patch diffs characters. For a word redline each unit (a word with its
trailing space, or a punctuation run) is encoded as one private character, the
encoded strings are diffed and cleaned up semantically, then decoded: a change
can only start or end between units, so no word or number is ever cut.

Long texts are first compared sentence by sentence (each sentence one
character); only the stretches between unchanged sentences are compared word by
word, so one huge article costs about what the same text split into articles costs.

diff-match-patch gives up when ``Diff_Timeout`` expires and then answers "delete
everything, insert everything". Such an answer is detected and never shown:
the stretch is compared again with :mod:`difflib` and the hit is counted.

When ``fast-diff-match-patch`` (the C++ port) is installed, it computes the raw
diff, which is the same answer 4-5x faster; the cleanup stays in Python, where the
unit-boundary scoring lives.
"""

from __future__ import annotations

import difflib
import re
import time
from collections import Counter
from dataclasses import dataclass, field
from itertools import compress, pairwise
from operator import add, sub
from typing import Any, cast

from draftdiff.diff.result import Op, Segment, TextStats
from draftdiff.diff.sequence import longest_increasing
from draftdiff.diff.tokens import Normalise, count_changed_words, count_words, sentence_key, sentences, units

_EQUAL, _INSERT, _DELETE = 0, 1, -1
_BLANK_END = re.compile(r"\n\r?\n\s*$")
_BLANK_START = re.compile(r"^\s*\r?\n\r?\n")

_Part = tuple[str, str, "str | None"]
"""``(op, text, old_text)``: a :class:`Segment` while the redline is being built. A 1 MB article makes
~6,000 of them on the way to ~2,000 segments; a tuple costs a fiftieth of a frozen dataclass to make."""


@dataclass
class Redline:
    """A redline with its statistics and what went wrong on the way (deadline fallbacks)."""

    segments: list[Segment]
    stats: TextStats
    problems: list[str] = field(default_factory=list)


def _dmp_class() -> type:
    """A diff_match_patch that counts deadline hits and cleans up on unit boundaries."""
    from diff_match_patch import diff_match_patch

    class _Dmp(diff_match_patch):
        def __init__(self, timeout: float) -> None:
            super().__init__()
            self.Diff_Timeout = timeout
            self.deadline_hits = 0
            self.unit_texts: list[str] | None = None

        def diff(self, text1: str, text2: str) -> list[tuple[int, str]] | None:
            """``diff_main``'s answer, or ``None`` when the deadline ran out (the hit is counted)."""
            fast = _fast_diff()
            if fast is None:
                hits = self.deadline_hits
                diffs = self.diff_main(text1, text2, False)
                return None if self.deadline_hits != hits else diffs
            start = time.perf_counter()
            raw = fast(text1, text2, timelimit=self.Diff_Timeout, cleanup="No", counts_only=False)
            if 0 < self.Diff_Timeout <= time.perf_counter() - start:
                self.deadline_hits += 1  # the port answers "delete all, insert all" when time runs out
                return None
            return [(_OPS[op], text) for op, text in raw]

        def diff_bisect(self, text1: str, text2: str, deadline: float) -> list[tuple[int, str]]:
            diffs = super().diff_bisect(text1, text2, deadline)
            if (time.time() > deadline and len(diffs) == 2 and diffs[0] == (_DELETE, text1)
                    and diffs[1] == (_INSERT, text2)):
                self.deadline_hits += 1
            return diffs

        def diff_cleanupSemanticLossless(self, diffs: list[tuple[int, str]]) -> None:
            if self.unit_texts is None:
                super().diff_cleanupSemanticLossless(diffs)
                return
            _lossless_units(diffs, self.unit_texts)

    return _Dmp


_DMP_CLASS: type | None = None
_OPS = {"=": _EQUAL, "+": _INSERT, "-": _DELETE}
_FAST_DIFF: Any = None


def _fast_diff() -> Any:
    """The C++ port's ``diff``, or ``None`` when it is not installed (the pure-Python engine answers)."""
    global _FAST_DIFF
    if _FAST_DIFF is None:
        try:
            from fast_diff_match_patch import diff
        except ImportError:
            diff = False
        _FAST_DIFF = diff
    return _FAST_DIFF or None


def new_dmp(timeout: float) -> Any:
    global _DMP_CLASS
    if _DMP_CLASS is None:
        _DMP_CLASS = _dmp_class()
    return _DMP_CLASS(timeout)


def _boundary_score(left: str, right: str) -> int:
    """diff-match-patch's boundary score, on the real text either side of a unit boundary."""
    if not left or not right:
        return 6
    c1, c2 = left[-1], right[0]
    ws1, ws2 = c1.isspace(), c2.isspace()
    if (c1 == "\n" and _BLANK_END.search(left)) or (c2 == "\n" and _BLANK_START.match(right)):
        return 5
    if c1 in "\r\n" or c2 in "\r\n":
        return 4
    stripped = left.rstrip()
    if ws1 and stripped and stripped[-1] in ".!?;:։。":
        return 3
    if ws1 or ws2:
        return 2
    if not c1.isalnum() or not c2.isalnum():
        return 1
    return 0


def _lossless_units(diffs: list[tuple[int, str]], unit_texts: list[str]) -> None:
    """Slide single edits between equalities to the best unit boundary (whole units only)."""

    def text(encoded: str) -> str:
        return "".join(unit_texts[ord(c)] for c in encoded[-1:]) if encoded else ""

    def head(encoded: str) -> str:
        return unit_texts[ord(encoded[0])] if encoded else ""

    def score(one: str, two: str) -> int:
        return _boundary_score(text(one), head(two))

    pointer = 1
    while pointer < len(diffs) - 1:
        if diffs[pointer - 1][0] == _EQUAL and diffs[pointer + 1][0] == _EQUAL:
            eq1, edit, eq2 = diffs[pointer - 1][1], diffs[pointer][1], diffs[pointer + 1][1]
            common = 0
            while common < min(len(eq1), len(edit)) and eq1[-1 - common] == edit[-1 - common]:
                common += 1
            if common:
                shared = edit[-common:]
                eq1, edit, eq2 = eq1[:-common], shared + edit[:-common], shared + eq2
            best = (eq1, edit, eq2)
            best_score = score(eq1, edit) + score(edit, eq2)
            while edit and eq2 and edit[0] == eq2[0]:
                eq1, edit, eq2 = eq1 + edit[0], edit[1:] + eq2[0], eq2[1:]
                value = score(eq1, edit) + score(edit, eq2)
                if value >= best_score:
                    best_score, best = value, (eq1, edit, eq2)
            if diffs[pointer - 1][1] != best[0]:
                if best[0]:
                    diffs[pointer - 1] = (_EQUAL, best[0])
                else:
                    del diffs[pointer - 1]
                    pointer -= 1
                diffs[pointer] = (diffs[pointer][0], best[1])
                if best[2]:
                    diffs[pointer + 1] = (_EQUAL, best[2])
                else:
                    del diffs[pointer + 1]
                    pointer -= 1
        pointer += 1


class _Encoder:
    """Maps unit keys to single characters (skipping the surrogate range).

    One encoder serves every stretch of a redline: a word seen in an earlier
    stretch keeps its code, so most stretches register nothing new. Not when an
    ignore option is on: a key then stands for several spellings, and each stretch
    must score its boundaries on its own spelling (a fresh encoder per stretch).
    """

    _ROOM = 0xD800

    def __init__(self) -> None:
        self.codes: dict[str, str] = {}
        self.texts: list[str] = [""]  # code point -> a text of that key (for boundary scores)

    def make_room(self, keys: int) -> None:
        """Start afresh when ``keys`` more could leave the first 55,296 codes: codes need only agree
        within one stretch, and below the surrogates every diff engine counts one code as one character."""
        if len(self.texts) > 1 and len(self.texts) + keys > self._ROOM:
            self.codes = {}
            self.texts = [""]

    def encode(self, keys: list[str], texts: list[str]) -> str:
        codes = self.codes
        try:
            return "".join(map(codes.__getitem__, keys))  # most stretches bring no new word
        except KeyError:
            pass
        missing = set(keys).difference(codes)
        if missing:
            fresh = [k for k in dict.fromkeys(keys) if k in missing]  # first-seen order: deterministic codes
            sample = dict(zip(keys, texts, strict=True)) if keys is not texts else None
            start = len(self.texts)
            if start <= 0xD800 < start + len(fresh) or start + len(fresh) > 0x10FFFF:
                for key in fresh:  # the rare batch that reaches the surrogates (no characters) or the end
                    n = len(self.texts)
                    if n == 0xD800:
                        self.texts.extend([""] * 0x800)
                        n = len(self.texts)
                    if n > 0x10FFFF:
                        raise OverflowError("too many distinct words to encode")
                    codes[key] = chr(n)
                    self.texts.append(key if sample is None else sample[key])
            else:  # the usual batch: registered in C, not word by word
                codes.update(zip(fresh, map(chr, range(start, start + len(fresh))), strict=True))
                self.texts.extend(fresh if sample is None else map(sample.__getitem__, fresh))
        return "".join(map(codes.__getitem__, keys))


def redline(old: str, new: str, *, granularity: str = "word", norm: Normalise | None = None,
            timeout: float = 2.0) -> Redline:
    """Compare two wordings; the segments rebuild ``old`` and ``new`` exactly."""
    norm = norm or Normalise()
    if old == new:
        same = [Segment("equal", old)] if old else []
        return Redline(same, _stats(same, old, new))
    dmp = new_dmp(timeout)
    encoder = _Encoder()
    parts: list[_Part] = []
    old_s, new_s = sentences(old), sentences(new)
    words: tuple[int, int] | None = None
    if len(old_s) + len(new_s) <= 4:
        _stretch(dmp, encoder, old, new, granularity, norm, parts)
    else:
        if norm.any:
            old_k = [sentence_key(x, norm) for x in old_s]
            new_k = [sentence_key(x, norm) for x in new_s]
        else:
            old_k, new_k = old_s, new_s
        i = j = 0
        old_changed: list[str] = []
        new_changed: list[str] = []
        for mi, mj, n in [*match_sentences(old_k, new_k), (len(old_s), len(new_s), 0)]:
            if mi > i or mj > j:
                old_changed.append("".join(old_s[i:mi]))
                new_changed.append("".join(new_s[j:mj]))
                _stretch(dmp, encoder, old_changed[-1], new_changed[-1], granularity, norm, parts)
            if n:
                b = "".join(new_s[mj:mj + n])
                a = "".join(old_s[mi:mi + n]) if norm.any else b  # without ignore options equal keys are equal texts
                parts.append(("equal", b, None if a == b else a))
            i, j = mi + n, mj + n
        if not norm.any:
            # Every sentence but the last ends in whitespace, so word counts add up over stretches and runs;
            # the runs, most of a long text and alike on both sides, are counted once: the old text less its
            # stretches (a 1 MB article's new text is never counted whole).
            words_old = count_words(old)
            shared = words_old - count_words("".join(old_changed))
            words = (words_old, shared + count_words("".join(new_changed)))
    segments = [_segment(part) for part in _tidy(_merge_parts(parts))]
    problems = []
    if dmp.deadline_hits:
        problems.append(f"diff-match-patch ran out of time ({timeout:g} s) {dmp.deadline_hits} time(s); "
                        "those stretches were compared again with difflib")
    stats = _stats(segments, old, new, words)
    stats.deadline_hits = dmp.deadline_hits
    return Redline(segments, stats, problems)


def match_sentences(a: list[str], b: list[str]) -> list[tuple[int, int, int]]:
    """Runs ``(i, j, n)`` of equal sentences ``a[i:i+n] == b[j:j+n]``, in order: patience matching.

    Sentences that occur once in each text anchor the comparison (the longest
    run of them kept in order); equal heads and tails extend it; the gaps are
    matched again the same way. O(n log n), so a 1 MB article never stalls. A run
    of anchors is written as one run, so the redline visits each changed stretch,
    not each of a long text's ~9,000 sentences.
    """
    runs: list[tuple[int, int, int]] = []
    _patience(a, b, 0, len(a), 0, len(b), runs, 0)
    return runs


def _add_run(out: list[tuple[int, int, int]], i: int, j: int, n: int) -> None:
    """Append a run, joining it to the last one when it continues it."""
    if out:
        pi, pj, pn = out[-1]
        if pi + pn == i and pj + pn == j:
            out[-1] = (pi, pj, pn + n)
            return
    out.append((i, j, n))


def _patience(a: list[str], b: list[str], a0: int, a1: int, b0: int, b1: int,
              out: list[tuple[int, int, int]], depth: int) -> None:
    head = a0
    while a0 < a1 and b0 < b1 and a[a0] == b[b0]:
        a0, b0 = a0 + 1, b0 + 1
    if a0 > head:
        _add_run(out, head, b0 - (a0 - head), a0 - head)
    tail = a1
    while a1 > a0 and b1 > b0 and a[a1 - 1] == b[b1 - 1]:
        a1, b1 = a1 - 1, b1 - 1
    if a0 < a1 and b0 < b1 and depth < 64:
        count_a = Counter(a[a0:a1])
        count_b = Counter(b[b0:b1])
        where_b = {b[j]: j for j in range(b0, b1) if count_b[b[j]] == 1}
        candidates = [(i, where_b[a[i]]) for i in range(a0, a1) if count_a[a[i]] == 1 and a[i] in where_b]
        chosen = [candidates[k] for k in longest_increasing([j for _, j in candidates])]
        anchor_i = [i for i, _ in chosen]
        anchor_j = [j for _, j in chosen]
        if anchor_i:
            # anchors one step apart in both texts form a run; only the breaks need a Python step
            steps = map(add, map(sub, anchor_i[1:], anchor_i), map(sub, anchor_j[1:], anchor_j))
            starts = [0, *compress(range(1, len(anchor_i)), map((2).__ne__, steps)), len(anchor_i)]
            i, j = a0, b0
            for s, e in pairwise(starts):
                ai, bj = anchor_i[s], anchor_j[s]
                _gap(a, b, i, ai, j, bj, out, depth)
                _add_run(out, ai, bj, e - s)
                i, j = ai + e - s, bj + e - s
            _gap(a, b, i, a1, j, b1, out, depth)
    if tail > a1:
        _add_run(out, a1, b1, tail - a1)


def _gap(a: list[str], b: list[str], i: int, ai: int, j: int, bj: int,
         out: list[tuple[int, int, int]], depth: int) -> None:
    """Match the sentences between two anchors: one each and equal (a repeated sentence), or again."""
    if ai - i == 1 and bj - j == 1:
        if a[i] == b[j]:
            _add_run(out, i, j, 1)
    elif ai > i and bj > j:
        _patience(a, b, i, ai, j, bj, out, depth + 1)


def _stretch(dmp: Any, encoder: _Encoder, old: str, new: str, granularity: str, norm: Normalise,
             out: list[_Part]) -> None:
    """Diff one changed stretch (a few sentences) by words or characters and append its segments."""
    if not old or not new:
        if old:
            out.append(("delete", old, None))
        if new:
            out.append(("insert", new, None))
        return
    if granularity == "char" and not norm.any:
        dmp.unit_texts = None
        diffs = dmp.diff(old, new)
        if diffs is None:
            diffs = _difflib_ops(list(old), list(new), old, new)
        else:
            dmp.diff_cleanupSemantic(diffs)
        out.extend(("delete" if op < 0 else "insert" if op > 0 else "equal", t, None) for op, t in diffs)
        return
    old_texts, old_keys = units(old, granularity, norm)
    new_texts, new_keys = units(new, granularity, norm)
    if norm.any:
        encoder = _Encoder()
    else:
        encoder.make_room(len(old_keys) + len(new_keys))
    a = encoder.encode(old_keys, old_texts)
    b = encoder.encode(new_keys, new_texts)
    dmp.unit_texts = encoder.texts
    if not a or not b:
        diffs = [(_INSERT, b)] if b else [(_DELETE, a)]
    else:
        diffs = dmp.diff(a, b)
        if diffs is None:
            diffs = _difflib_ops(list(a), list(b), a, b)
        else:
            dmp.diff_cleanupSemantic(diffs)
    _decode(diffs, old_texts, new_texts, old_keys is old_texts, out)


def _decode(diffs: list[tuple[int, str]], old_texts: list[str], new_texts: list[str], same_spelling: bool,
            out: list[_Part]) -> None:
    """Turn a diff of unit codes back into runs of text (an equal run is spelled alike on both sides when
    no difference is ignored, so only its new wording is joined)."""
    i = j = 0
    for op, codes in diffs:
        n = len(codes)
        if op == _EQUAL:
            new_part = "".join(new_texts[j:j + n])
            old_part = new_part if same_spelling else "".join(old_texts[i:i + n])
            out.append(("equal", new_part, None if old_part == new_part else old_part))
            i, j = i + n, j + n
        elif op == _DELETE:
            out.append(("delete", "".join(old_texts[i:i + n]), None))
            i += n
        else:
            out.append(("insert", "".join(new_texts[j:j + n]), None))
            j += n


def _difflib_ops(a: list[str], b: list[str], a_text: str, b_text: str) -> list[tuple[int, str]]:
    """The fallback after a deadline hit: difflib's matching blocks, as diff-match-patch tuples."""
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=len(a) + len(b) > 20000)
    diffs: list[tuple[int, str]] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            diffs.append((_EQUAL, a_text[i1:i2]))
            continue
        if i2 > i1:
            diffs.append((_DELETE, a_text[i1:i2]))
        if j2 > j1:
            diffs.append((_INSERT, b_text[j1:j2]))
    return diffs


def _merge(segments: list[Segment]) -> list[Segment]:
    """Join neighbouring runs of the same kind and drop empty ones; deletions before insertions."""
    return [_segment(part) for part in _merge_parts([(s.op, s.text, s.old_text) for s in segments])]


def _segment(part: tuple[str, str, str | None]) -> Segment:
    """A run as plain tuple, made a Segment once at the end (its op is always one of the three)."""
    op, text, old_text = part
    return Segment(cast(Op, op), text, old_text)


def _merge_parts(parts: list[_Part]) -> list[_Part]:
    out: list[_Part] = []
    for part in parts:
        op, text, old_text = part
        if not text and not old_text:
            continue
        if out and out[-1][0] == op:
            _, prev_text, prev_old = out[-1]
            if op == "equal" and (prev_old is not None or old_text is not None):
                out[-1] = ("equal", prev_text + text, (prev_text if prev_old is None else prev_old)
                           + (text if old_text is None else old_text))
            else:
                out[-1] = (op, prev_text + text, None)
            continue
        if op == "delete" and out and out[-1][0] == "insert":
            # keep the reading order "[-old-]{+new+}"
            if len(out) >= 2 and out[-2][0] == "delete":
                out[-2] = ("delete", out[-2][1] + text, None)
            else:
                out.insert(len(out) - 1, part)
            continue
        out.append(part)
    return out


def _tidy(parts: list[_Part]) -> list[_Part]:
    """``Article [-15 -]{+16 +}of`` → ``Article [-15-]{+16+} of``: a replacement's shared trailing space is kept."""
    out = list(parts)
    k = 0
    while k + 1 < len(out):
        (a_op, a_text, _), (b_op, b_text, _) = out[k], out[k + 1]
        if a_op == "delete" and b_op == "insert":
            ws = _common_trailing_space(a_text, b_text)
            if ws and len(ws) < len(a_text) and len(ws) < len(b_text):
                out[k] = ("delete", a_text[: -len(ws)], None)
                out[k + 1] = ("insert", b_text[: -len(ws)], None)
                if k + 2 < len(out) and out[k + 2][0] == "equal":
                    _, next_text, next_old = out[k + 2]
                    out[k + 2] = ("equal", ws + next_text, None if next_old is None else ws + next_old)
                else:
                    out.insert(k + 2, ("equal", ws, None))
            k += 2
            continue
        k += 1
    return out


def _common_trailing_space(a: str, b: str) -> str:
    n = 0
    while n < len(a) and n < len(b) and a[-1 - n] == b[-1 - n] and a[-1 - n].isspace():
        n += 1
    return a[len(a) - n:] if n else ""


def _stats(segments: list[Segment], old: str, new: str, words: tuple[int, int] | None = None) -> TextStats:
    """Word counts from the changed runs only, so unchanged text is counted once, quickly
    (``words``, old and new, when the caller already knows them)."""
    inserted = [seg.text for seg in segments if seg.op == "insert"]
    deleted = [seg.text for seg in segments if seg.op == "delete"]
    words_old, words_new = (count_words(old), count_words(new)) if words is None else words
    stats = TextStats(words_old=words_old, words_new=words_new,
                      words_inserted=count_changed_words(" ".join(inserted)),
                      words_deleted=count_changed_words(" ".join(deleted)),
                      chars_inserted=sum(map(len, inserted)), chars_deleted=sum(map(len, deleted)))
    kept = max(0, stats.words_old - stats.words_deleted)
    total = stats.words_old + stats.words_new
    if total:
        stats.similarity = round(min(1.0, 2 * kept / total), 4)
    else:
        stats.similarity = 1.0 if old == new else 0.0
    return stats
