"""Make outside text safe to show: control and direction-changing characters become visible.

Article text comes from outside the tool. Printed raw, an escape sequence
could repaint the terminal and a bidirectional override could reorder what
the reader sees, so every face shows such characters as ``\\x1b``-style
escapes instead.
"""

from __future__ import annotations

import re

_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u200b-\u200f\u2060\ufeff]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def visible(text: str, *, keep_newlines: bool = True) -> str:
    """Replace control characters (not tab/newline) and bidi/zero-width marks with escapes."""
    out = _UNSAFE.sub(_escape, text)
    if not keep_newlines:
        out = out.replace("\n", "\\n")
    return out
