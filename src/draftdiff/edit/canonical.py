"""The canonical layout of a draft file, and writing it: ``draftdiff fmt`` and new drafts from data.

The canonical layout is what ruamel.yaml writes with these settings, and what every
bundled draft already is: mappings indented by 2, list items by 4 with the dash at 2
(``  - id: …``), LF line endings, no byte-order mark, one final newline, no trailing
spaces. Everything that is the author's choice is kept as written: quoting, folded
and literal text and where it is folded, ``[a, b]`` lists, key order, comments and
blank lines. A file is reformatted only if it then reads back as the same data with
the same comments and the same spelling of every quoted text (an escape such as
``\\e`` or ``\\u202e`` stays an escape); otherwise ``fmt`` refuses it and says why.
"""

from __future__ import annotations

import hashlib
import io
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from draftdiff.edit.layout import CANONICAL
from draftdiff.edit.tree import EditRefused
from draftdiff.edit.writepath import (
    EditResult,
    _new_findings,
    _read_bytes,
    _read_tree,
    _unified,
    need_folder,
    unreadable,
    unreadable_hint,
    unreadable_reason,
    write_draft_bytes,
)
from draftdiff.errors import Hint

if TYPE_CHECKING:
    from draftdiff.load import LoadedDraft

MODELINE = "# yaml-language-server: $schema=../schema/draft.schema.json"


@dataclass
class FormatResult:
    path: Path
    changed: bool = False
    diff: str = ""
    refused: str | None = None
    written: bool = False


def canonical_bytes(data: bytes, name: str = "<draft>") -> bytes:
    """``data`` in the canonical layout, verified; raise :class:`EditRefused` if that would change what it says."""
    from draftdiff.edit.layout import LayoutProblem, detect, make_yaml
    from draftdiff.edit.textmap import map_text
    from draftdiff.edit.verify import comments_kept, expected_comments, same_data
    from draftdiff.load import describe_path
    from draftdiff.yamlsource import YamlProblem, parse_yaml

    _, tree = _read_tree(data, name)
    try:
        _, text = detect(data)
    except LayoutProblem:
        raw = data.removeprefix(b"\xef\xbb\xbf").decode("utf-8")
        text = raw.replace("\r\n", "\n").replace("\r", "\n")
    yaml = make_yaml(CANONICAL)
    from draftdiff.edit.writepath import _ruamel_load

    doc = _ruamel_load(yaml, text)
    buffer = io.StringIO()
    yaml.dump(doc, buffer)
    new_text = buffer.getvalue().rstrip("\n") + "\n"  # one final newline, however many blank lines end the file
    if new_text == text and not data.startswith(b"\xef\xbb\xbf") and b"\r" not in data:
        return data
    try:
        reread, _ = parse_yaml(new_text)
    except YamlProblem as problem:
        raise EditRefused(f"the canonical layout would not read back ({problem.message})") from None
    where = same_data(tree, reread)
    if where is not None:
        raise EditRefused(f"the canonical layout would change the data at {describe_path(where, tree)}",
                          "leave the file as it is, or rewrite that value by hand")
    old_map, new_map = map_text(text), map_text(new_text)
    moved = comments_kept(expected_comments(old_map, []), new_map)
    if moved is not None:
        raise EditRefused(f"the canonical layout would move or lose a comment ({moved[0]!r} → {moved[1]!r})",
                          "move the comment next to the value it describes")
    for old, new in zip(old_map.spellings, new_map.spellings, strict=False):  # the read-back compares the rest
        if old != new:
            raise EditRefused(f"the canonical layout would spell a quoted text differently ({old[:40]!r} → "
                              f"{new[:40]!r})", "keep the file's layout; the escape is written as the author chose")
    return new_text.encode("utf-8")


def format_file(path: str | Path, *, check: bool = False) -> FormatResult:
    """Bring one file to the canonical layout (``check``: only say whether it would change)."""
    target = Path(path)
    result = FormatResult(target)
    data = _read_bytes(target)
    try:
        new = canonical_bytes(data, str(target))
    except EditRefused as refusal:
        result.refused = refusal.reason + (f"; {refusal.hint}" if refusal.hint else "")
        return result
    if new == data:
        return result
    result.changed = True
    old_text = data.removeprefix(b"\xef\xbb\xbf").decode("utf-8")
    result.diff = _unified(old_text.replace("\r\n", "⏎\n") if "\r" in old_text else old_text,
                           new.decode("utf-8"), str(target), str(target))
    if check:
        return result
    now = _read_bytes(target)
    if hashlib.sha256(now).digest() != hashlib.sha256(data).digest():
        result.refused = f"{target} changed on disk while it was being formatted; run fmt again"
        return result
    write_draft_bytes(target, new, new=False)
    result.written = True
    return result


def new_draft_text(data: dict[str, Any], *, fast: bool = True) -> str:
    """``data`` as a new file in the canonical layout (not yet verified: the caller reads it back).

    ``fast``: by :mod:`draftdiff.edit.emit`, which writes what ruamel.yaml writes without its
    per-character cost; ruamel.yaml itself writes what that does not know (or ``fast=False``).
    """
    from draftdiff.edit.emit import Unsupported, emit_new

    if fast:
        try:
            return emit_new(data, CANONICAL, MODELINE.removeprefix("# "))
        except Unsupported:
            pass
    from draftdiff.edit.layout import make_yaml
    from draftdiff.edit.tree import to_node

    doc = to_node(data, 0, CANONICAL)
    doc.yaml_set_start_comment(MODELINE.removeprefix("# "))
    yaml = make_yaml(CANONICAL)
    buffer = io.StringIO()
    yaml.dump(doc, buffer)
    return buffer.getvalue()


_OTHER_BREAKS = re.compile("[\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")
"""Where ``str.splitlines`` (and so difflib's lines) would break a line besides ``\\n``."""


def _unified_new(text: str, name: str) -> str:
    """What :func:`_unified` gives for a file that did not exist, without difflib comparing 5 MB with nothing."""
    if not text.endswith("\n") or _OTHER_BREAKS.search(text):
        return _unified("", text, "/dev/null", name)
    count = text.count("\n")
    size = f"1,{count}" if count != 1 else "1"
    return f"--- /dev/null\n+++ {name}\n@@ -0,0 +{size} @@\n+" + text[:-1].replace("\n", "\n+") + "\n"


def write_new_draft(path: str | Path, data: dict[str, Any], *, dry_run: bool = False,
                    allow_errors: bool = False, changes: list[str] | None = None,
                    known: Sequence[LoadedDraft] = ()) -> EditResult:
    """Write plain draft ``data`` as a new file in the canonical layout (an importer's last step).

    The same proof as every write: the file reads back as ``data``, adds no errors to
    its folder's collection (unless ``allow_errors``), and never replaces a file.
    ``known``: drafts of that folder the caller has loaded already (an import's base);
    each stands for its file in the collection check while the file still holds the
    bytes it was loaded from, instead of being read and parsed a second time.
    """
    from draftdiff.edit.verify import same_data
    from draftdiff.load import describe_path, read_draft
    from draftdiff.yamlsource import YamlProblem, parse_yaml

    target = Path(path)
    result = EditResult(target, new_file=True, changes=[f"{target.name}: {line}" for line in (changes or ["new draft"])])
    if target.exists():
        result.refused, result.hint = f"{target} exists already", Hint("choose another file name")
        return result
    if not dry_run:
        need_folder(target)
    text = new_draft_text(data)
    new_bytes = text.encode("utf-8")
    loaded = read_draft(new_bytes, str(target), careful=True)
    hard = unreadable(loaded.diagnostics)
    if hard:  # whatever allow_errors says
        result.findings = hard
        result.refused, result.hint = unreadable_reason(target, hard), unreadable_hint(hard)
        return result
    reread = loaded.tree  # the project's careful reader (parse_yaml): one pass, whose positions the rules reuse
    if reread is None:
        try:
            reread, _ = parse_yaml(text)
        except YamlProblem as problem:
            result.refused = f"the new file would not read back ({problem.message})"
            return result
    where = same_data(data, reread)
    if where is not None:
        result.refused = f"the new file would read differently at {describe_path(where, data)}"
        return result
    result.new_bytes = new_bytes
    result.diff_when_asked(lambda: _unified_new(text, str(target)))
    findings, errors = _new_findings(target.parent, {target}, [], [loaded], known)
    result.findings = findings
    if errors and not allow_errors:
        result.refused = f"the new draft would add {len(errors)} error(s) to the collection"
        result.hint = Hint("fix the cause of the errors listed (the data given, or the draft they name)")
        return result
    if dry_run:
        return result
    try:
        write_draft_bytes(target, new_bytes, new=True)
    except FileExistsError:
        result.refused = f"{target} exists already"
        return result
    result.written = True
    return result
