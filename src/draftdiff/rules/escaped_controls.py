"""A string holds a control character written as a YAML escape (``\\e``, ``\\x07``, ``\\x9b``, ``\\0``, ``\\N`` …).

The reader refuses control bytes in the file itself; a double-quoted YAML string
can still spell them as escapes, and then ``"\\e[2J"`` clears the screen of
whoever prints the title, ``\\x07`` rings a bell and ``\\0`` truncates the text
in C tools. Tab and line break (``\\t``, ``\\n``) are fine; every other C0 or C1
control and DEL is an error, reported at the string that holds it with the
character and its place in the value. Remove the escape (a line break in a
string is written ``\\n`` or as a real line in a block scalar).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from draftdiff.diagnostics import Diagnostic
from draftdiff.load import describe_path
from draftdiff.rules.context import RuleContext
from draftdiff.textsafe import char_name, controls_in
from draftdiff.yamlsource import strings

ID = "escaped-control-char"
SEVERITY = "error"
SCOPE = "draft"

MAY_SPELL_CONTROL = re.compile(r"\\[0abvfreNxuU]")
"""An escape that can stand for a control; a file without one (nearly every draft) is passed over at once."""


def check(ctx: RuleContext) -> Iterator[Diagnostic]:
    for item, _draft in ctx.drafts():
        if item.text is not None and ("\\" not in item.text or not MAY_SPELL_CONTROL.search(item.text)):
            continue
        for path, value in strings(item.tree):
            found = controls_in(value)
            if not found:
                continue
            listed = ", ".join(f"{char_name(ch)} at character {offset + 1}" for offset, ch in found[:5])
            more = f" and {len(found) - 5} more" if len(found) > 5 else ""
            yield item.diagnostic(path, SEVERITY, ID,
                                  f"{describe_path(path, item.tree)}: control character {listed}{more}, written as an escape",
                                  "remove the escape: a control character can clear a terminal or hide text "
                                  "wherever the draft is shown (\\t and \\n are fine)")
