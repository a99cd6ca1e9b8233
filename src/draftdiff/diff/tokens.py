"""Cut wording into the units a redline compares: words (with their trailing space) or characters.

A unit is what the reader sees change as a whole. Words keep numbers and
hyphenated or apostrophised words whole (``15``, ``1,000``, ``non-deployment``,
``Parties'``), so a redline never cuts inside one. Each unit has a *key*: the
form compared, after the ignore options (case, spacing, punctuation) are applied.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Punctuation and symbols that end a word: ASCII, Latin-1, general punctuation, CJK, Armenian (՚…՟ ։ ֊).
_P = (r"""!"#$%&'()*+,\-./:;<=>?@\[\\\]^_`{|}~\u00a1-\u00bf\u00d7\u00f7\u2010-\u205e\u2190-\u23ff"""
      r"""\u2500-\u27bf\u3000-\u303f\u055a-\u055f\u0589\u058a\u05be\u0600-\u060f\u061b-\u061f"""
      r"""\ufe50-\ufe6b\uff01-\uff0f\uff1a-\uff20""")
# The characters ``\s`` matches (those ``str.isspace`` knows), spelled out: in a class ``re`` then looks a
# character up in a table instead of testing a category, a quarter fewer instructions in the word loop.
_WS = r" \t\n\r\f\v\x1c-\x1f\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
_WORD = rf"[^{_WS}{_P}]+(?:(?:['’\-\u2010\u2011]|(?<=\d)[.,:/](?=\d))[^{_WS}{_P}]+)*"
_TOKEN = re.compile(rf"{_WORD}[{_WS}]*|[{_P}]+[{_WS}]*|[{_WS}]+")
_IS_WORD = re.compile(rf"[^\s{_P}]")
_PUNCT_ONLY = re.compile(rf"[{_P}\s]+")
_SPACE = re.compile(r"\s+")
_SENTENCE_END = re.compile(r"[.!?;։。\n][.!?;։。]*\s*")
_IS_WORD_CHAR = re.compile(rf"[^{_P}]")


@dataclass(frozen=True)
class Normalise:
    """Which differences do not count."""

    case: bool = False
    space: bool = False
    punctuation: bool = False

    @property
    def any(self) -> bool:
        return self.case or self.space or self.punctuation


def words(text: str) -> list[str]:
    """Tokens of ``text``: each word or punctuation run with the whitespace after it."""
    return _TOKEN.findall(text)


_WORD_OR_SPACE = bytes.maketrans(bytes(range(256)), bytes(
    32 if b in b" \t\n\r\x0b\x0c\x1c\x1d\x1e\x1f" else 120 for b in range(256)))
"""ASCII whitespace (as ``str.split`` knows it) to a space, every other byte to ``x``."""


def count_words(text: str) -> int:
    """Words as ``str.split`` counts them (whitespace-separated).

    On ASCII text the count comes from one byte translation and one ``count``
    instead of building a string per word: a 1 MB article has ~170,000 of them.
    """
    if not text.isascii():
        return len(text.split())
    marked = b" " + text.encode("ascii").translate(_WORD_OR_SPACE)
    return marked.count(b" x")


def count_changed_words(text: str) -> int:
    """Words in a changed run: whitespace-separated pieces with a letter or digit (a lone comma is no word)."""
    return sum(1 for piece in text.split() if _IS_WORD_CHAR.search(piece))


def is_word(token: str) -> bool:
    return bool(_IS_WORD.match(token))


def units(text: str, granularity: str, norm: Normalise) -> tuple[list[str], list[str]]:
    """``(texts, keys)``: the units of ``text`` and the form each is compared in.

    Joining ``texts`` gives back ``text`` exactly. With ``punctuation`` ignored,
    punctuation rides on the unit before it and drops out of the key.
    """
    pieces = list(_char_pieces(text, norm)) if granularity == "char" else _TOKEN.findall(text)
    if not norm.any:
        return pieces, pieces
    texts: list[str] = []
    keys: list[str] = []
    for piece in pieces:
        if norm.punctuation and texts and _PUNCT_ONLY.fullmatch(piece):
            texts[-1] += piece
            continue
        texts.append(piece)
        keys.append(_key(piece, norm))
    return texts, keys


def _char_pieces(text: str, norm: Normalise) -> list[str]:
    if not norm.space:
        return list(text)
    # Runs of whitespace are one unit, so "a  b" and "a b" compare equal.
    return re.findall(r"\s+|\S", text)


def _key(piece: str, norm: Normalise) -> str:
    key = piece
    if norm.punctuation:
        stripped = _PUNCT_ONLY.sub(" ", key)
        key = stripped if stripped.strip() else key
    if norm.space:
        key = _SPACE.sub(" ", key)
        key = key.strip() or " "
    if norm.case:
        key = key.casefold()
    return key


_BREAKS = (". ", "; ", "? ", "! ", "\u0589 ", "\n")


def sentences(text: str) -> list[str]:
    """``text`` cut after each ``. `` ``; `` ``? `` ``! `` ``։ `` or line break; joins back exactly.

    Cuts fall only after whitespace, never inside a word or number, so a word diff
    of a run of sentences reads as a diff of the whole text would. Splitting on
    each break in turn (no regex, no marker pass over the whole text) keeps this
    cheap on a 1 MB article.
    """
    if "\x00" in text:
        return _sentences_slow(text)
    if not text:
        return []
    pieces = [text]
    for brk in _BREAKS:
        # a one-character test is a memchr; a two-character search of 1 MB that finds nothing costs ~2 ms
        if brk[0] not in text or brk not in text:
            continue
        cut: list[str] = []
        for piece in pieces:
            if brk not in piece:
                cut.append(piece)
                continue
            parts = piece.split(brk)
            last = parts.pop()
            cut.extend([part + brk for part in parts])
            if last:
                cut.append(last)
        pieces = cut
    return pieces


def _sentences_slow(text: str) -> list[str]:
    out: list[str] = []
    start = 0
    for m in _SENTENCE_END.finditer(text):
        end = m.end()
        if end - m.start() == 1 and text[m.start()] != "\n":
            continue  # "1.5", "etc.)": no space after the stop, no sentence end
        if end > start and (end == len(text) or text[end - 1].isspace()):
            out.append(text[start:end])
            start = end
    if start < len(text):
        out.append(text[start:])
    return out


def sentence_key(sentence: str, norm: Normalise) -> str:
    """The form a sentence is matched in, after the ignore options."""
    if not norm.any:
        return sentence
    return "".join(_key(t, norm) for t in units(sentence, "word", norm)[1])
