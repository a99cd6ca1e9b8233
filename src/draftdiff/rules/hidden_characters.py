"""Text contains bidirectional controls or invisible characters (a warning, with their positions).

Bidirectional controls (U+202A–U+202E, U+2066–U+2069, U+061C, U+200E, U+200F)
and invisible characters (zero-width spaces and joiners, word joiner, soft hyphen,
invisible operators, fillers, tag characters, line and paragraph separators, BOM)
can make text display differently from what it says (the "Trojan Source" trick),
or make two identical-looking words differ. They can be legitimate in Arabic,
Hebrew or Persian text, so this is a warning, not an error. Whether written raw
or as an escape (``\\u202e``), each one is listed with the string that holds it
and its place in the value; every output shows them as ``\\u202e``-style escapes.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from draftdiff.diagnostics import Diagnostic
from draftdiff.load import describe_path
from draftdiff.rules.context import RuleContext, texts
from draftdiff.textsafe import HIDDEN, char_name, hidden_in, kind_of
from draftdiff.yamlsource import Path, strings

ID = "hidden-characters"
SEVERITY = "warning"
SCOPE = "draft"

_MAY_SPELL_HIDDEN = re.compile(r"\\[LPuU]")
"""An escape that can stand for a hidden mark (``\\L``, ``\\P``, ``\\u…``, ``\\U…``)."""


_ASCII = bytes(range(128))


def _raw_hidden(text: str) -> bool:
    """Whether ``text`` holds a hidden mark as itself.

    Every such mark is outside ASCII, so only the text's non-ASCII characters are searched:
    its UTF-8 without the ASCII bytes is exactly their sequences, a few kilobytes of a 5 MB
    draft whose wording has dashes and quotes (encoding and deleting cost a fifth of the
    search through the whole text).
    """
    if text.isascii():
        return False
    return HIDDEN.search(text.encode("utf-8", "surrogatepass").translate(None, _ASCII).decode(
        "utf-8", "surrogatepass")) is not None


def check(ctx: RuleContext) -> Iterator[Diagnostic]:
    for item, draft in ctx.drafts():
        text = item.text
        if text is not None and not ("\\" in text and _MAY_SPELL_HIDDEN.search(text)) and \
                not _raw_hidden(text):
            continue  # one scan of the whole file clears every field at once
        tree = item.tree
        found: Iterator[tuple[Path, str]] = strings(tree) if tree is not None else texts(draft, prose=True)
        for path, value in found:
            marks = hidden_in(value)
            if not marks:
                continue
            listed = "; ".join(f"{char_name(ch)} ({kind_of(ch)}) at character {offset + 1}"
                               for offset, ch in marks[:5])
            more = f"; and {len(marks) - 5} more" if len(marks) > 5 else ""
            yield item.diagnostic(path, SEVERITY, ID, f"{describe_path(path, tree if tree is not None else draft)}: {listed}{more}",
                                  "remove it unless it is really meant (outputs show it as an escape such as \\u202e)")
