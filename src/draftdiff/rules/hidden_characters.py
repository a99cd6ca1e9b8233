"""Text contains invisible or direction-changing characters.

Bidirectional overrides (U+202A–U+202E, U+2066–U+2069) and zero-width
characters can make text display differently from what it says (the
"Trojan Source" trick). They are almost never intended in a draft.
"""

import re
from collections.abc import Iterator

from draftdiff.diagnostics import Diagnostic
from draftdiff.rules.context import RuleContext, texts

ID = "hidden-characters"
SEVERITY = "warning"

_HIDDEN = re.compile("[\u202a-\u202e\u2066-\u2069\u200b-\u200f\u2060\ufeff]")


def check(ctx: RuleContext) -> Iterator[Diagnostic]:
    for item, draft in ctx.drafts():
        if item.text is not None and (item.text.isascii() or not _HIDDEN.search(item.text)):
            continue  # one scan of the whole file clears every field at once
        for path, text in texts(draft):
            match = _HIDDEN.search(text)
            if match:
                yield item.diagnostic(path, SEVERITY, ID,
                                      f"invisible character U+{ord(match.group()):04X} in {path[-1]}",
                                      "remove it unless it is really meant")
