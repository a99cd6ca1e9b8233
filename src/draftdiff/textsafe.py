"""The one policy for control and invisible characters in outside text, and the one "make visible" function.

Drafts are pasted from news sites and machine translations. Two kinds of
character in them can make a file say something other than what a reader sees:

- **controls** (C0 and C1 except tab and line feed, and DEL): an escape
  sequence repaints a terminal, a bell rings, NUL truncates. The reader refuses
  them in every string, however they are written (raw bytes or YAML escapes
  such as ``\\e``, ``\\x07``, ``\\x9b``, ``\\0``, ``\\N``);
- **hidden marks**: bidirectional controls (U+202A–U+202E, U+2066–U+2069, U+061C,
  U+200E, U+200F) and invisible characters (zero-width spaces and joiners, word
  joiner, soft hyphen, invisible operators, fillers, Unicode "tag" characters,
  line and paragraph separators, the byte-order mark). They can be legitimate in
  Arabic, Hebrew or Persian text, so the reader only warns, with their positions.

Every output shows whatever remains as a ``\\u202e``-style escape (:func:`visible`),
or, for JSON, as a JSON escape of the same character (:func:`json_visible`), so
the data is unchanged and the file itself holds nothing raw.
"""

from __future__ import annotations

import re
import unicodedata

CONTROL_CLASS = "\x00-\x08\x0b-\x1f\x7f-\x9f"
"""C0 controls except tab (09) and line feed (0a), DEL, and the C1 controls."""

BIDI_CLASS = "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
"""Bidirectional controls: embeddings, overrides, isolates and the implicit marks (LRM, RLM, ALM)."""

INVISIBLE_CLASS = ("\u00ad\u034f\u0600-\u0605\u06dd\u070f\u0890\u0891\u08e2\u115f\u1160\u17b4\u17b5\u180e"
                   "\u200b-\u200d\u2028\u2029\u2060-\u2064\u206a-\u206f\u3164\ufeff\uffa0\ufff9-\ufffb"
                   "\U000110bd\U000110cd\U00013430-\U0001343f\U0001bca0-\U0001bca3\U0001d173-\U0001d17a"
                   "\U000e0000-\U000e007f")
"""Every other format character (Unicode category Cf) and the line and paragraph separators (Zl, Zp), as of
Unicode 15, and the characters drawn as nothing (combining grapheme joiner, Hangul and Khmer fillers): zero-width
space and joiners, word joiner, soft hyphen, invisible operators, Arabic number signs, tag characters, BOM.
A test keeps this in step with the Unicode database of the running Python."""

CONTROL = re.compile(f"[{CONTROL_CLASS}]")
HIDDEN = re.compile(f"[{BIDI_CLASS}{INVISIBLE_CLASS}]")
BIDI = re.compile(f"[{BIDI_CLASS}]")
_UNSAFE = re.compile(f"[{CONTROL_CLASS}{BIDI_CLASS}{INVISIBLE_CLASS}\ud800-\udfff]")
_UNSAFE_IN_JSON = re.compile(f"[\x7f-\x9f{BIDI_CLASS}{INVISIBLE_CLASS}\ud800-\udfff]")

_NAMES = {0x1b: "ESCAPE", 0x00: "NUL", 0x07: "BELL", 0x08: "BACKSPACE", 0x0d: "CARRIAGE RETURN",
          0x7f: "DELETE", 0x85: "NEXT LINE", 0x9b: "CONTROL SEQUENCE INTRODUCER"}


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x100:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


def visible(text: str, *, keep_newlines: bool = True) -> str:
    """Outside text with every control and hidden mark written as an escape (tab and newline kept).

    ``keep_newlines=False`` writes line feeds as ``\\n`` too, for one-line places.
    Linear in the text: one regular-expression pass of single characters.
    """
    out = _UNSAFE.sub(_escape, text)
    if not keep_newlines:
        out = out.replace("\n", "\\n")
    return out


def _json_escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x10000:
        return f"\\u{code:04x}"
    code -= 0x10000
    return f"\\u{0xd800 + (code >> 10):04x}\\u{0xdc00 + (code & 0x3ff):04x}"


def json_visible(json_text: str) -> str:
    """Serialised JSON with DEL, C1 controls and hidden marks written as JSON ``\\uXXXX`` escapes.

    ``json.dumps(..., ensure_ascii=False)`` leaves them raw. They can only occur
    inside JSON strings, so escaping them keeps every value exactly the same for a
    JSON reader, while ``cat`` or a web view of the file shows nothing raw.
    """
    if json_text.isascii() and "\x7f" not in json_text:
        return json_text
    return _UNSAFE_IN_JSON.sub(_json_escape, json_text)


def char_name(char: str) -> str:
    """``U+202E RIGHT-TO-LEFT OVERRIDE``: what a message calls a character."""
    code = ord(char)
    name = _NAMES.get(code) or unicodedata.name(char, "")
    return f"U+{code:04X}" + (f" {name}" if name else "")


def kind_of(char: str) -> str:
    """``control``, ``bidirectional control`` or ``invisible character``."""
    if CONTROL.match(char):
        return "control character"
    return "bidirectional control" if BIDI.match(char) else "invisible character"


def controls_in(text: str) -> list[tuple[int, str]]:
    """Each control character (not tab or newline) in ``text``, with its 0-based offset."""
    return [(m.start(), m.group()) for m in CONTROL.finditer(text)]


def hidden_in(text: str) -> list[tuple[int, str]]:
    """Each bidirectional control or invisible mark in ``text``, with its 0-based offset."""
    return [(m.start(), m.group()) for m in HIDDEN.finditer(text)]
