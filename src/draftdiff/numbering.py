"""Article numbers as treaties write them: 7, "146-1", "5 bis", "IV", "1er".

A number is kept as written (an integer stays an integer, so every existing
draft reads and prints as before); this module only says how numbers *order*
and what whole number, if any, they stand for, so that "5 bis" sorts after 5
and before 6, "146-1" after 146, "IV" as 4 and "Article premier" as 1.

Roman numerals are read as such when they are well formed; a single ``L``,
``C``, ``D`` or ``M`` is taken for a letter (an annex "C" is far likelier than
an article 100). What cannot be read at all sorts after every number, by its text.
"""

from __future__ import annotations

import re
from typing import TypeAlias

ArticleNumber: TypeAlias = int | str
"""What ``Article.number`` holds: an integer, or the number as written ("5 bis")."""

SortKey = tuple[tuple[int, int | str], ...]

LATIN_SUFFIXES = {
    "bis": 2, "ter": 3, "quater": 4, "quinquies": 5, "sexies": 6, "septies": 7, "octies": 8,
    "novies": 9, "nonies": 9, "decies": 10,
}
"""The Latin multiplicatives that insert an article after another ("5 bis", "5 ter")."""

_ROMAN = re.compile(r"M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})", re.IGNORECASE)
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}
_MAIN = re.compile(r"(\d+)(?:er|re|st|nd|rd|th|º|°)?|([IVXLCDM]+)\b|(premi[eè]re?|first|primero)\b", re.IGNORECASE)
_PIECE = re.compile(r"\d+|[^\W\d_]+", re.UNICODE)


def roman_value(text: str) -> int | None:
    """The value of a well-formed roman numeral (``IV`` → 4), or None."""
    if not text or not _ROMAN.fullmatch(text):
        return None
    if len(text) == 1 and text.upper() in "LCDM":
        return None  # a letter, far more often than 50, 100, 500 or 1000
    values = [_ROMAN_VALUES[c] for c in text.upper()]
    return sum(-v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values))


def _main_value(match: re.Match[str]) -> int | None:
    digits, roman, word = match.groups()
    if digits is not None:
        return int(digits)
    if roman is not None:
        return roman_value(roman)
    return 1 if word else None


def main_value(number: ArticleNumber | None) -> int | None:
    """The whole number a number stands for: 7 → 7, "5 bis" → 5, "146-1" → 146, "IV" → 4, "1er" → 1."""
    if number is None or isinstance(number, bool):
        return None
    if isinstance(number, int):
        return number
    text = number.strip()
    match = _MAIN.match(text)
    if match is None:
        return None
    value = _main_value(match)
    rest = text[match.end():]
    if value is not None and rest and rest[0].isalnum() and match.group(1) is None:
        return None  # "Ivory", "Xa": a word, not a numeral followed by a suffix
    return value


def is_plain(number: ArticleNumber | None) -> bool:
    """Whether the number is a whole article of the main sequence (7, "VII", "1er"), not an insertion ("7 bis")."""
    if isinstance(number, int) and not isinstance(number, bool):
        return True
    if not isinstance(number, str) or main_value(number) is None:
        return False
    return not suffix_of(number)


def suffix_of(number: str) -> str:
    """What follows the main number: "5 bis" → "bis", "146-1" → "1", "7" → ""."""
    text = number.strip()
    match = _MAIN.match(text)
    if match is None:
        return text
    return text[match.end():].strip(" .-–—/:")


def sort_key(number: ArticleNumber | None) -> SortKey:
    """The order a reader expects: 4 = "IV" = "4th"; 1 = "1er" = "premier"; 5 < "5 bis" < 6; numbers before words.

    Each piece of a suffix counts: a Latin multiplicative by its rank (bis 2,
    ter 3), a number by its value, a single letter by its place in the
    alphabet ("5a" is 5-1). So "5" < "5-1" = "5a" < "5 bis" = "5-2" < "5 ter" < "6".
    Unnumbered (None) sorts last; text that is no number sorts after numbers.
    """
    if number is None or isinstance(number, bool):
        return ((3, 0),)
    if isinstance(number, int):
        return ((0, number),)
    main = main_value(number)
    if main is None:
        return ((2, number.strip().casefold()),)
    key: list[tuple[int, int | str]] = [(0, main)]
    for piece in _PIECE.findall(suffix_of(number)):
        low = piece.casefold()
        if piece.isdigit():
            key.append((0, int(piece)))
        elif low in LATIN_SUFFIXES:
            key.append((0, LATIN_SUFFIXES[low]))
        elif len(low) == 1 and "a" <= low <= "z":
            key.append((0, ord(low) - ord("a") + 1))
        elif roman_value(piece) is not None:
            key.append((0, roman_value(piece) or 0))
        else:
            key.append((1, low))
    return tuple(key)


def same_number(a: ArticleNumber | None, b: ArticleNumber | None) -> bool:
    """Whether two numbers stand for the same place: 7, "7" and "VII"; "5 bis" and "5bis"; "1er" and 1.

    A text written with roman numerals after one written with arabic ones is not
    renumbered: every article would be reported so, and none moved.
    """
    if a is None or b is None:
        return a is b
    return sort_key(a) == sort_key(b)


def names_number(ref: str, number: ArticleNumber | None) -> bool:
    """Whether ``ref``, typed by a user, names the number ``number`` *as written*: 7 and "7" by "7" (and "07");
    "5 bis" by "5 bis" or "5  BIS" (runs of spaces and case aside); "IV" by "IV" or "iv", but not by "4".

    An article is named by the number its text shows, not by the place it stands for: "IV" and 4 are the
    same place to :func:`same_number`, but typing 4 for an article written IV is more likely a slip.
    """
    if number is None or isinstance(number, bool):
        return False
    text = " ".join(ref.split())
    if isinstance(number, int):
        return text.isdigit() and text.isascii() and int(text) == number
    return text.casefold() == display(number).casefold() or (
        text.isdigit() and text.isascii() and display(number).isdigit() and int(text) == int(display(number)))


def display(number: ArticleNumber) -> str:
    """The number as a reader sees it: as written, with runs of spaces made one."""
    return " ".join(str(number).split())


__all__ = ["ArticleNumber", "LATIN_SUFFIXES", "SortKey", "display", "is_plain", "main_value",
           "names_number", "roman_value", "same_number", "sort_key", "suffix_of"]
