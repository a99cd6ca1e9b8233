"""Docstrings as a reader of the terminal sees them: the command line's help and the rules' documentation.

Apart from ``rules/`` so that building a command's parser imports no model: ``draftdiff tui`` draws its
first frame before pydantic is loaded.
"""

from __future__ import annotations

import re
import textwrap


def plain_doc(doc: str | None) -> str:
    """A docstring with reST literals (````x````, ``:func:`x```) as plain text."""
    text = textwrap.dedent(doc or "").strip()
    text = re.sub(r":[a-z]+:`~?([^`]+)`", r"\1", text)
    return re.sub(r"``([^`]+)``", r"\1", text)
