"""Minimal ANSI styling for plain command output (Rich would cost start-up time)."""

from __future__ import annotations

import os
import sys
from typing import TextIO

_CODES = {"red": "31", "yellow": "33", "green": "32", "cyan": "36", "bold": "1", "dim": "2",
          "reverse": "7", "underline": "4", "strike": "9", "magenta": "35"}


def use_color(stream: TextIO | None = None, force: bool | None = None) -> bool:
    """Colour on a terminal unless NO_COLOR is set; FORCE_COLOR or ``force`` wins.

    When colour is on, a stream that makes what is written visible (the command
    line's :class:`~draftdiff.cli.VisibleStream`) is told to let :func:`style`'s
    own codes through.
    """
    stream = stream or sys.stdout
    if force is not None:
        on = force
    elif os.environ.get("NO_COLOR"):
        on = False
    elif os.environ.get("FORCE_COLOR"):
        on = True
    else:
        on = hasattr(stream, "isatty") and stream.isatty()
    allow = getattr(stream, "allow_style", None) if on else None
    if callable(allow):
        allow(STYLE_CODES)
    return on


STYLE_CODES = frozenset(_CODES.values()) | {"0"}
"""Every code :func:`style` writes (``0`` resets)."""


def style(text: str, *names: str, color: bool = True) -> str:
    if not color or not names:
        return text
    codes = ";".join(_CODES[n] for n in names)
    return f"\x1b[{codes}m{text}\x1b[0m"
