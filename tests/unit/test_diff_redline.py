"""The redline itself: it rebuilds both texts exactly and never cuts inside a word in word mode."""

from __future__ import annotations

import random
from itertools import pairwise

import pytest
from diff_support import marked

from draftdiff.diff.redline import match_sentences, redline
from draftdiff.diff.result import new_text_of, old_text_of
from draftdiff.diff.tokens import Normalise, sentences, words

VOCABULARY = {
    "latin": "the Parties shall respect border 15 1,000 non-deployment claims Article",
    "armenian": "Հայաստանի Հանրապետություն սահման խաղաղություն համաձայնագիր հոդված",
    "azerbaijani": "Azərbaycan Respublikası sərhəd sülh müqavilə maddə şəhər",
    "cyrillic": "Республика Армения Азербайджан граница мир договор статья",
    "astral": "𝔸𝔹ℂ 😀 𓂀 𝒳𝓎 🇦🇲 👩‍⚖️",
}
PUNCTUATION = [". ", ", ", "; ", "։ ", "\n\n", " (", ") ", " [", "] ", " — ", "! "]


def random_text(rng: random.Random, n: int) -> str:
    pool = " ".join(VOCABULARY.values()).split()
    out = []
    for _ in range(n):
        out.append(rng.choice(pool))
        out.append(rng.choice(PUNCTUATION) if rng.random() < 0.15 else " ")
    return "".join(out).strip()


def mutate(rng: random.Random, text: str) -> str:
    pieces = words(text)
    for _ in range(rng.randint(1, 8)):
        k = rng.randrange(len(pieces) + 1)
        what = rng.random()
        if what < 0.4 and pieces:
            pieces[min(k, len(pieces) - 1)] = random_text(rng, 1) + " "
        elif what < 0.7:
            pieces.insert(k, random_text(rng, rng.randint(1, 4)) + " ")
        elif pieces:
            del pieces[min(k, len(pieces) - 1):k + rng.randint(1, 3)]
    return "".join(pieces)


def cut_inside_word(segments) -> bool:
    old, new = old_text_of(segments), new_text_of(segments)
    i = j = 0
    for s in segments:
        if s.op == "delete":
            edges = [(old, i), (old, i + len(s.text))]
        elif s.op == "insert":
            edges = [(new, j), (new, j + len(s.text))]
        else:
            edges = []
        for text, k in edges:
            if 0 < k < len(text) and text[k - 1].isalnum() and text[k].isalnum():
                return True
        i += len(s.old)
        j += len(s.new)
    return False


@pytest.mark.parametrize("seed", range(60))
def test_word_redline_rebuilds_both_texts_and_keeps_words_whole(seed):
    rng = random.Random(seed)
    old = random_text(rng, rng.randint(0, 120))
    new = mutate(rng, old) if rng.random() < 0.8 else random_text(rng, rng.randint(0, 60))
    result = redline(old, new)
    assert old_text_of(result.segments) == old
    assert new_text_of(result.segments) == new
    assert not cut_inside_word(result.segments)
    assert result.stats.deadline_hits == 0


@pytest.mark.parametrize("seed", range(20))
def test_char_redline_and_ignore_options_rebuild_both_texts(seed):
    rng = random.Random(1000 + seed)
    old = random_text(rng, rng.randint(1, 80))
    new = mutate(rng, old)
    for kwargs in ({"granularity": "char"},
                   {"norm": Normalise(case=True, space=True, punctuation=True)},
                   {"granularity": "char", "norm": Normalise(case=True, space=True)}):
        result = redline(old, new, **kwargs)
        assert old_text_of(result.segments) == old, kwargs
        assert new_text_of(result.segments) == new, kwargs


def test_long_text_is_anchored_and_still_exact():
    rng = random.Random(7)
    old = " ".join(random_text(rng, 25) + "." for _ in range(400))
    new_sentences = sentences(old)
    for k in range(0, len(new_sentences), 9):
        new_sentences[k] = mutate(rng, new_sentences[k])
    new = "".join(new_sentences)
    result = redline(old, new)
    assert old_text_of(result.segments) == old and new_text_of(result.segments) == new
    assert not cut_inside_word(result.segments)
    assert result.stats.similarity > 0.8


def test_numbers_and_hyphenated_words_are_never_cut():
    assert marked(redline("Article 15 applies", "Article 16 applies").segments) == "Article [-15-]{+16+} applies"
    assert marked(redline("within 1,000 km", "within 1,500 km").segments) == "within [-1,000-]{+1,500+} km"
    result = redline("non-deployment of forces", "redeployment of forces")
    assert marked(result.segments) == "[-non-deployment-]{+redeployment+} of forces"


def test_char_granularity_on_request():
    assert marked(redline("the mat", "the hat", granularity="char").segments) == "the [-m-]{+h+}at"


def test_sentences_join_back_exactly_and_cut_only_after_spaces():
    text = "See Art. 1.5; U.S. law.\n\nԱյո։ Да! Nothing here"
    parts = sentences(text)
    assert "".join(parts) == text
    assert all(p[-1].isspace() for p in parts[:-1])


def _pairs(runs: list[tuple[int, int, int]]) -> list[tuple[int, int]]:
    return [(i + k, j + k) for i, j, n in runs for k in range(n)]


def test_patience_matching_keeps_order():
    a = ["x", "a", "b", "c", "a", "d"]
    b = ["a", "b", "y", "c", "d", "a"]
    pairs = _pairs(match_sentences(a, b))
    assert all(a[i] == b[j] for i, j in pairs)
    assert [i for i, _ in pairs] == sorted(i for i, _ in pairs)
    assert [j for _, j in pairs] == sorted(j for _, j in pairs)
    assert pairs == [(1, 0), (2, 1), (3, 3), (5, 4)]


def test_matched_runs_are_joined_and_never_touch() -> None:
    """A run that continues the last one extends it, so the redline writes one equal stretch, not one per sentence."""
    a = [f"s{k}" for k in range(50)]
    b = a[:20] + ["new"] + a[20:30] + a[31:]
    assert match_sentences(a, b) == [(0, 0, 20), (20, 21, 10), (31, 31, 19)]
    rng = random.Random(11)
    for _ in range(200):
        a = [rng.choice("abcdefghij") + str(rng.randrange(30)) for _ in range(rng.randrange(40))]
        b = [x for x in a if rng.random() > 0.1]
        for _ in range(rng.randrange(4)):
            b.insert(rng.randrange(len(b) + 1), rng.choice(a) if a and rng.random() < 0.5 else "fresh")
        runs = match_sentences(a, b)
        assert all(n > 0 for _, _, n in runs)
        assert all(i + n < i2 or j + n < j2 for (i, j, n), (i2, j2, _) in pairwise(runs))


def _reference_patience(a, b, a0, a1, b0, b1, out, depth):
    """The matching as first written, pair by pair with Python loops: the runs must match it exactly."""
    from collections import Counter

    from draftdiff.diff.sequence import longest_increasing

    while a0 < a1 and b0 < b1 and a[a0] == b[b0]:
        out.append((a0, b0))
        a0, b0 = a0 + 1, b0 + 1
    tail = []
    while a1 > a0 and b1 > b0 and a[a1 - 1] == b[b1 - 1]:
        a1, b1 = a1 - 1, b1 - 1
        tail.append((a1, b1))
    if a0 < a1 and b0 < b1 and depth < 64:
        count_a, count_b = Counter(a[a0:a1]), Counter(b[b0:b1])
        where_b = {b[j]: j for j in range(b0, b1) if count_b[b[j]] == 1}
        candidates = [(i, where_b[a[i]]) for i in range(a0, a1) if count_a[a[i]] == 1 and a[i] in where_b]
        anchors = [candidates[k] for k in longest_increasing([j for _, j in candidates])]
        if anchors:
            i, j = a0, b0
            for ai, bj in [*anchors, (a1, b1)]:
                if ai - i == 1 and bj - j == 1:
                    if a[i] == b[j]:
                        out.append((i, j))
                elif ai > i and bj > j:
                    _reference_patience(a, b, i, ai, j, bj, out, depth + 1)
                if ai < a1:
                    out.append((ai, bj))
                i, j = ai + 1, bj + 1
    out.extend(reversed(tail))


@pytest.mark.parametrize("seed", range(40))
def test_matched_runs_pair_the_same_sentences_as_the_pairwise_matching(seed: int) -> None:
    rng = random.Random(seed)
    pool = [f"sentence {k}. " for k in range(rng.choice((3, 12, 200)))] + ["\n"]
    a = [rng.choice(pool) for _ in range(rng.randrange(120))]
    b = list(a)
    for _ in range(rng.randrange(12)):
        what, k = rng.random(), rng.randrange(len(b) + 1)
        if what < 0.3:
            b.insert(k, rng.choice(pool))
        elif what < 0.6 and b:
            del b[min(k, len(b) - 1):k + rng.randrange(1, 4)]
        elif b:  # a moved block
            block = b[k:k + rng.randrange(1, 6)]
            del b[k:k + len(block)]
            at = rng.randrange(len(b) + 1)
            b[at:at] = block
    expected: list[tuple[int, int]] = []
    _reference_patience(a, b, 0, len(a), 0, len(b), expected, 0)
    assert _pairs(match_sentences(a, b)) == expected


def test_fast_word_count_matches_split() -> None:
    import random

    from draftdiff.diff.tokens import count_words

    rng = random.Random(5)
    alphabet = "ab .,\t\n\r\x0b\x0c\x1c\x1f  -"
    for _ in range(500):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40)))
        assert count_words(text) == len(text.split()), repr(text)
    text = "Հայաստան and Azərbaycan\u00a0peace"
    assert count_words(text) == len(text.split())


@pytest.mark.parametrize("seed", range(30))
def test_word_counts_of_a_long_text_are_what_str_split_counts(seed: int) -> None:
    """The new text's words come from its changed stretches plus the shared runs; they must still add up."""
    rng = random.Random(seed)
    glue = [" ", "\t", "\u00a0", "\u2003", "\x1c", ",", "-", ""]
    sentences_old = []
    for _ in range(rng.randint(3, 40)):
        body = "".join(rng.choice(["word", "15", "Հայ", "😀", "[x]"]) + rng.choice(glue) for _ in range(rng.randint(1, 9)))
        sentences_old.append(body + rng.choice([". ", ".\n", "; ", "! ", "\n\n", ".\t", ". \u3000"]))
    if rng.random() < 0.3:
        sentences_old[0] = "\x00" + sentences_old[0]  # the careful sentence cutter
    old = "".join(sentences_old).rstrip() if rng.random() < 0.5 else "".join(sentences_old)
    new = mutate(rng, old)
    result = redline(old, new)
    assert (result.stats.words_old, result.stats.words_new) == (len(old.split()), len(new.split()))


def test_the_spelled_out_whitespace_is_exactly_what_str_isspace_knows() -> None:
    """Words end at every whitespace character, as ``str.split`` sees them, and at nothing else."""
    import re

    from draftdiff.diff.tokens import _WS

    every = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000)
    assert re.findall(f"[{_WS}]", every) == [c for c in every if c.isspace()]
    assert words("a\u2003b\u3000c\x85d\x1ce f") == ["a\u2003", "b\u3000", "c\x85", "d\x1c", "e ", "f"]


def test_longest_increasing_subsequence_is_longest_and_increasing() -> None:
    import bisect
    import random

    from draftdiff.diff.sequence import longest_increasing

    def length(values: list[int]) -> int:  # patience sorting: the LIS length only
        tails: list[int] = []
        for v in values:
            at = bisect.bisect_left(tails, v)
            tails[at:at + 1] = [v]
        return len(tails)

    rng = random.Random(3)
    cases = [[], [5], list(range(50)), list(range(50, 0, -1)), [1, 2, 2, 3]]
    cases += [rng.sample(range(100), rng.randint(2, 60)) for _ in range(200)]
    for values in cases:
        picked = longest_increasing(values)
        assert picked == sorted(picked)
        chosen = [values[k] for k in picked]
        assert all(a < b for a, b in pairwise(chosen))
        assert len(picked) == length(values)


def test_word_codes_skip_the_surrogates_when_a_batch_crosses_them() -> None:
    from draftdiff.diff.redline import _Encoder

    encoder = _Encoder()
    batch1 = [f"w{i} " for i in range(0xD7F0)]
    encoder.encode(batch1, batch1)
    batch2 = [f"x{i} " for i in range(100)]  # crosses U+D800: codes jump to U+E000
    encoded = encoder.encode(batch2, batch2)
    assert not any(0xD800 <= ord(c) <= 0xDFFF for c in encoded)
    assert len(set(encoded)) == 100
    encoded.encode("utf-8")  # a surrogate would fail here
    batch3 = ["y "] * 3
    assert encoder.encode(batch3, batch3) == chr(ord(encoded[-1]) + 1) * 3


def test_one_encoder_serves_every_stretch_and_starts_afresh_before_the_surrogates() -> None:
    from draftdiff.diff.redline import _Encoder

    encoder = _Encoder()
    first = encoder.encode(["peace ", "treaty "], ["peace ", "treaty "])
    encoder.make_room(2)
    assert encoder.encode(["treaty ", "peace "], ["treaty ", "peace "]) == first[::-1]  # codes kept
    many = [f"w{i} " for i in range(0xD700)]
    encoder.make_room(len(many) + 200)  # fits: nothing forgotten
    encoder.encode(many, many)
    encoder.make_room(300)  # would reach the surrogates: start again
    assert encoder.encode(["treaty "], ["treaty "]) == "\x01"
    assert len(encoder.texts) == 2


def test_an_encoder_that_fills_up_mid_text_keeps_the_redline_exact(monkeypatch: pytest.MonkeyPatch) -> None:
    """Codes restart between stretches when the encoder is full: both texts still rebuild, changes still found."""
    from draftdiff.diff.redline import _Encoder

    monkeypatch.setattr(_Encoder, "_ROOM", 200)  # a few stretches fill it
    rng = random.Random(5)
    old_sentences = [" ".join(f"w{rng.randrange(10**9)}" for _ in range(12)) + ". " for _ in range(300)]
    new_sentences = [s.replace(" ", " changed ", 1) if k % 3 == 0 else s for k, s in enumerate(old_sentences)]
    old, new = "".join(old_sentences), "".join(new_sentences)
    result = redline(old, new)
    assert "".join(s.old for s in result.segments) == old
    assert "".join(s.new for s in result.segments) == new
    assert [s.text for s in result.segments if s.op == "insert"] == ["changed "] * 100
    assert not [s for s in result.segments if s.op == "delete"]


@pytest.mark.parametrize("norm", [Normalise(), Normalise(space=True)], ids=["exact", "ignore-space"])
def test_stretches_share_an_encoder_only_when_keys_are_the_texts(monkeypatch: pytest.MonkeyPatch,
                                                                 norm: Normalise) -> None:
    """With an ignore option one key stands for several spellings; a stretch must score its own."""
    import draftdiff.diff.redline as module

    made: list[object] = []
    diffed: list[object] = []

    class Counting(module._Encoder):
        def __init__(self) -> None:
            super().__init__()
            made.append(self)

    real_decode = module._decode

    def counting_decode(*args, **kwargs):  # type: ignore[no-untyped-def]
        diffed.append(args)
        return real_decode(*args, **kwargs)

    monkeypatch.setattr(module, "_Encoder", Counting)
    monkeypatch.setattr(module, "_decode", counting_decode)
    same, also = "An unchanged sentence. Another one. ", "A third one. The fourth. "
    old = "First and there. " + same + "The peace and and end. " + also + "Last words. "
    new = "First and elsewhere. " + same + "The peace and end. " + also + "Final words. "
    result = redline(old, new, norm=norm)
    assert "".join(s.old for s in result.segments) == old and "".join(s.new for s in result.segments) == new
    assert len(diffed) == 3
    assert len(made) == (1 + len(diffed) if norm.any else 1)


@pytest.fixture
def pure_python_engine(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without the C++ port, as on a platform where it is not installed."""
    monkeypatch.setattr("draftdiff.diff.redline._FAST_DIFF", False)


def _all_redlines(seed: int) -> list[object]:
    """A deadline far beyond any of these texts: on a loaded machine the pure-Python engine once ran out of
    the default 2 s and answered by its fallback, which is right for it and no difference between engines."""
    rng = random.Random(seed)
    out: list[object] = []
    for _ in range(40):
        old = random_text(rng, rng.randint(0, 150))
        new = mutate(rng, old) if old and rng.random() < 0.8 else random_text(rng, rng.randint(0, 60))
        for granularity in ("word", "char"):
            out.append(redline(old, new, granularity=granularity, timeout=120).segments)
        out.append(redline(old, new, norm=Normalise(case=True, punctuation=True), timeout=120).segments)
    return out


@pytest.mark.parametrize("seed", range(5))
def test_the_cpp_port_and_pure_python_give_the_same_redlines(seed: int, monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("fast_diff_match_patch")
    import draftdiff.diff.redline as engine

    monkeypatch.setattr(engine, "_FAST_DIFF", None)  # load the port afresh
    accelerated = _all_redlines(seed)
    assert engine._FAST_DIFF, "the C++ port is installed but was not used"
    monkeypatch.setattr(engine, "_FAST_DIFF", False)
    assert _all_redlines(seed) == accelerated


def test_pure_python_engine_rebuilds_texts_and_keeps_words_whole(pure_python_engine: None) -> None:
    rng = random.Random(99)
    for _ in range(30):
        old = random_text(rng, rng.randint(0, 120))
        new = mutate(rng, old)
        result = redline(old, new)
        assert old_text_of(result.segments) == old and new_text_of(result.segments) == new
        assert not cut_inside_word(result.segments)


@pytest.mark.parametrize("seed", range(10))
def test_sentences_cut_after_every_break_and_nowhere_else(seed: int) -> None:
    from draftdiff.diff.tokens import _BREAKS

    rng = random.Random(seed)
    for _ in range(300):
        text = "".join(rng.choice(["a", "bc", " ", ". ", "; ", "\n", "? ", "! ", "\u0589 ", ".", "1.5"])
                       for _ in range(rng.randint(0, 25)))
        parts = sentences(text)
        assert "".join(parts) == text and all(parts)
        cuts, at = set(), 0
        for part in parts[:-1]:
            at += len(part)
            cuts.add(at)
        break_ends = {i + len(brk) for brk in _BREAKS for i in range(len(text)) if text.startswith(brk, i)}
        assert cuts == break_ends - {len(text)}, (text, parts)
