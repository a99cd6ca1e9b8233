"""Load one draft file: bytes → text → plain tree (with positions) → :class:`Draft`.

Every way a file can be wrong ends as a positioned :class:`Diagnostic`; only a
file that cannot be read at all (missing, a directory, no permission) raises
:class:`DraftReadError`, which the command line turns into exit code 2.
"""

from __future__ import annotations

import re
import stat
import types
import typing
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path as FsPath
from typing import Any

from draftdiff.diagnostics import Diagnostic, closest
from draftdiff.errors import CouldNotRun
from draftdiff.model import Draft
from draftdiff.yamlsource import MAX_LINES, Path, Positions, YamlProblem, line_col, line_count, parse_yaml

MAX_BYTES = 8 * 1024 * 1024
"""Larger than any real draft (a 1 MB article fits eight times); refuse beyond it."""

_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029]")
"""Raw in a file: controls (not tab, LF, CR), and the breaks YAML 1.1 readers count as lines and 1.2 ones do not."""
_HARMLESS_BYTES = bytes([9, 10, 13, *range(0x20, 0x7F), *range(0x80, 0xC2), *range(0xC3, 0xE2), *range(0xE3, 0x100)])
"""Bytes that cannot begin a refused character in UTF-8 (C1 controls start with 0xC2, U+2028/2029 with 0xE2)."""


class DraftReadError(CouldNotRun):
    """The file could not be read at all (missing, unreadable, not a file)."""


@dataclass
class LoadedDraft:
    """A draft file as loaded: the model when valid, and where each value sits."""

    name: str
    data: bytes
    draft: Draft | None = None
    diagnostics: list[Diagnostic] = field(default_factory=list)
    text: str | None = None
    _tree: Any = field(default=None, repr=False)
    _positions: Positions | None = field(default=None, repr=False)

    @property
    def tree(self) -> Any:
        """The file as plain data; valid files re-read it on demand instead of keeping it."""
        if self._tree is None:
            self._read_carefully()
        return self._tree

    @property
    def positions(self) -> Positions:
        """Where each value sits; computed on first use, since valid files rarely need it."""
        if self._positions is None:
            self._read_carefully()
        return self._positions or Positions()

    def _read_carefully(self) -> None:
        """One pass of the position-keeping reader fills both the tree and the positions."""
        if self.text is None:
            return
        try:
            self._tree, self._positions = parse_yaml(self.text)
        except YamlProblem:
            self._positions = Positions()

    @property
    def ok(self) -> bool:
        return self.draft is not None

    @property
    def blob_id(self) -> str:
        """The git blob id of the file's bytes (also its Software Heritage ``swh:1:cnt:`` id)."""
        import hashlib  # only snapshots and diffs of git revisions need digests

        header = f"blob {len(self.data)}\0".encode()
        return hashlib.sha1(header + self.data).hexdigest()

    @property
    def sha256(self) -> str:
        import hashlib

        return hashlib.sha256(self.data).hexdigest()

    def position(self, path: Path, *, key: bool = False) -> tuple[int, int]:
        """``(line, col)`` of the value (or the key) at ``path`` in the file."""
        return self.positions.of_key(path) if key else self.positions.of_value(path)

    def diagnostic(self, path: Path, severity: str, rule: str, message: str,
                   hint: str | None = None, *, key: bool = False) -> Diagnostic:
        line, col = self.position(path, key=key)
        return Diagnostic(self.name, line, col, severity, rule, message, hint)  # type: ignore[arg-type]


def load_draft(path: FsPath | str, name: str | None = None) -> LoadedDraft:
    """Read and validate one draft file; raise :class:`DraftReadError` if it cannot be read."""
    path = FsPath(path)
    display = name if name is not None else str(path)
    try:
        info = path.stat()
        size = info.st_size
        if stat.S_ISDIR(info.st_mode):
            raise DraftReadError(f"{display}: is a directory, not a draft file")
        if not stat.S_ISREG(info.st_mode):  # a FIFO or device would block or never end
            raise DraftReadError(f"{display}: not a regular file")
        if size > MAX_BYTES:
            loaded = LoadedDraft(display, b"")
            loaded.diagnostics.append(Diagnostic(
                display, 1, 1, "error", "file-too-large",
                f"file is {size:,} bytes, over the {MAX_BYTES:,}-byte limit for a draft",
                "split the text into several drafts or articles"))
            return loaded
        data = path.read_bytes()
    except DraftReadError:
        raise
    except FileNotFoundError:
        raise DraftReadError(f"{display}: no such file") from None
    except OSError as exc:
        raise DraftReadError(f"{display}: cannot read ({exc.strerror or exc})") from None
    return read_draft(data, display)


def read_draft(data: bytes, name: str, *, careful: bool = False) -> LoadedDraft:
    """Validate a draft given as bytes (a file, or a blob from a git revision).

    ``careful``: read with the position-keeping reader straight away, for a caller that
    needs the plain tree (the write path comparing what it wrote with what it meant):
    the fast path would only be followed by that reader's pass for the tree.
    """
    loaded = LoadedDraft(name, data)
    if len(data) > MAX_BYTES:
        loaded.diagnostics.append(Diagnostic(name, 1, 1, "error", "file-too-large",
                                             f"draft is {len(data):,} bytes, over the {MAX_BYTES:,}-byte limit"))
        return loaded
    text = _decode(loaded)
    if text is None:
        return loaded
    loaded.text = text
    if len(text) > MAX_LINES and line_count(text) > MAX_LINES:
        loaded.diagnostics.append(Diagnostic(name, MAX_LINES + 1, 1, "error", "file-too-many-lines",
                                             f"the file has {line_count(text):,} lines, over the {MAX_LINES:,}-line "
                                             "limit for a draft", "split the text into several drafts"))
        return loaded
    if not careful and _fast(loaded, text):
        return loaded
    try:
        tree, positions = parse_yaml(text)
    except YamlProblem as problem:
        loaded.diagnostics.append(Diagnostic(name, problem.line, problem.col, "error", problem.rule,
                                             problem.message, problem.hint))
        return loaded
    loaded._tree, loaded._positions = tree, positions
    if not isinstance(tree, dict):
        what = "empty" if tree is None else "a list" if isinstance(tree, list) else "a single value"
        loaded.diagnostics.append(Diagnostic(name, *positions.of_value(()), "error", "yaml-top-level",
                                             f"a draft must be a mapping of keys to values, but this document is {what}",
                                             "start the file with 'schema_version: 1' and the draft's keys"))
        return loaded
    _validate(loaded)
    return loaded


def _fast(loaded: LoadedDraft, text: str) -> bool:
    """Take the fast path when the file is plain and valid; anything else gets the careful reader.

    The fast reader refuses what the careful one would report (a repeated key, a
    syntax error) and declines what it might read otherwise; pydantic then
    validates its plain data as it validates the careful reader's. Any failure
    sends the file to the careful reader, which says what is wrong and where.
    """
    from pydantic import ValidationError

    from draftdiff.fastyaml import fast_tree

    tree = fast_tree(text)
    if tree is None:
        return False
    try:
        loaded.draft = Draft.model_validate(tree)
    except (ValidationError, RecursionError, ValueError, TypeError):
        return False
    return True


def _decode(loaded: LoadedDraft) -> str | None:
    data = loaded.data
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line, col = _line_col_of_byte(data, exc.start)
        loaded.diagnostics.append(Diagnostic(
            loaded.name, line, col, "error", "file-encoding",
            f"invalid UTF-8 (byte 0x{data[exc.start]:02x})", "save the file as UTF-8"))
        return None
    bad = _CONTROL.search(text) if data.translate(None, _HARMLESS_BYTES) else None
    if bad:
        from draftdiff.textsafe import char_name

        line, col = line_col(text, bad.start())
        if bad.group() in "\u2028\u2029\x85":
            message = (f"{char_name(bad.group())} is not allowed in a draft: YAML 1.1 readers break the line "
                       "there and YAML 1.2 readers do not, so tools would disagree on the text and its line numbers")
        else:
            message = f"control character {char_name(bad.group())} is not allowed in a draft"
        loaded.diagnostics.append(Diagnostic(
            loaded.name, line, col, "error", "file-control-char", message,
            "remove it; write tabs and line breaks as themselves"))
        return None
    return text


def _line_col_of_byte(data: bytes, offset: int) -> tuple[int, int]:
    """Where the first undecodable byte sits, lines counted as YAML counts them."""
    head = data[:offset].decode("utf-8", errors="replace")
    return line_col(head + " ", len(head))


# --- schema errors -------------------------------------------------------------------------


def _validate(loaded: LoadedDraft) -> None:
    from pydantic import ValidationError

    try:
        loaded.draft = Draft.model_validate(loaded._tree)
    except ValidationError as exc:
        for error in exc.errors(include_url=False):
            loaded.diagnostics.append(_schema_diagnostic(loaded, error))
    except (RecursionError, ValueError, TypeError) as exc:  # pragma: no cover - defensive boundary
        loaded.diagnostics.append(Diagnostic(loaded.name, 1, 1, "error", "schema-type",
                                             f"could not check this draft ({type(exc).__name__})"))


def describe_path(path: Path, tree: Any = None) -> str:
    """``articles[third-party-forces].positions.armenia`` style, for messages: the address ``draftdiff set``
    reads. Given the ``tree`` the path is in, an entry of a list is named by its id where it has one; an
    article without one by its number where that names it alone, else by ``#`` and its position from 0
    (``articles[#3]``); an entry of another list (claimed_counts) by its position from 0 (``[3]``).
    Without the tree every entry is named by its position, as ``[3]``."""
    out = ""
    node = tree
    for i, part in enumerate(path):
        if isinstance(part, int):
            out += f"[{_entry_name(path[i - 1] if i else None, node, part)}]"
        else:
            out += ("." if out else "") + str(part)
        node = _child(node, part)
    return out or "document"


def _child(node: Any, part: Any) -> Any:
    """The value at ``part`` of plain data, or of a model (a draft read without its tree); None if not there."""
    try:
        if isinstance(node, (dict, list)):
            return node[part]
        return getattr(node, part, None) if isinstance(part, str) and hasattr(node, "model_fields") else None
    except (KeyError, IndexError, TypeError):
        return None


def _entry_name(name: Any, items: Any, index: int) -> str:
    """How :func:`describe_path` names entry ``index`` of the list ``items`` (the key ``name`` holds)."""
    if not isinstance(items, list) or not 0 <= index < len(items) or _child(items[index], "id") is None and \
            _child(items[index], "number") is None:
        return f"#{index}" if name == "articles" else str(index)
    ident = _child(items[index], "id")
    ids = _id_counts(items)
    if isinstance(ident, str) and re.fullmatch(r"[^\[\]\s]+", ident) and ids[ident] == 1:
        return ident
    if name == "articles":
        number = _child(items[index], "number")
        from draftdiff.numbering import display, names_number

        if isinstance(number, (int, str)) and not isinstance(number, bool) and str(number).strip() and \
                "]" not in str(number) and display(number) not in ids:
            shown = display(number)
            if sum(1 for e in items if names_number(shown, _child(e, "number"))) == 1:
                return shown
        return f"#{index}"
    return str(index)


_ID_COUNTS: list[tuple[list[Any], int, Counter[Any]]] = []
"""The ids of the last few lists named (the list itself is held, so its ``id()`` cannot be reused): a file
with a thousand findings in a list of 100,000 entries counts its ids once, not a thousand times."""


def _id_counts(items: list[Any]) -> Counter[Any]:
    for held, size, counts in _ID_COUNTS:
        if held is items and size == len(items):
            return counts
    counts = Counter(i for i in (_child(e, "id") for e in items) if isinstance(i, str))
    _ID_COUNTS.insert(0, (items, len(items), counts))
    del _ID_COUNTS[4:]
    return counts


def _schema_diagnostic(loaded: LoadedDraft, error: Mapping[str, Any]) -> Diagnostic:
    loc: tuple[Any, ...] = tuple(error["loc"])
    kind = error["type"]
    is_dict_key = bool(loc) and loc[-1] == "[key]"
    if is_dict_key:
        loc = loc[:-1]
    tree = loaded._tree
    where = describe_path(loc, tree)
    value = error.get("input")
    shown = _show(value)

    if kind == "extra_forbidden":
        key = str(loc[-1])
        allowed = _allowed_keys(loc[:-1])
        guess = closest(key, allowed)
        hint = f"rename it to '{guess}', or remove it" if guess else (
            f"allowed keys here: {', '.join(allowed)}" if allowed else None)
        owner = describe_path(loc[:-1], tree)
        return loaded.diagnostic(loc, "error", "schema-unknown-key",
                                 f"unknown key '{key}' in {owner}" + (f"; did you mean '{guess}'?" if guess else ""),
                                 hint, key=True)
    if kind == "missing":
        field_name = str(loc[-1])
        owner = describe_path(loc[:-1], tree)
        return loaded.diagnostic(loc[:-1], "error", "schema-missing-key",
                                 f"{owner} is missing the required key '{field_name}'",
                                 f"add '{field_name}: …'")
    if kind == "literal_error":
        expected = _literal_choices(error)
        guess = closest(value, expected) if isinstance(value, str) else None
        hint = f"write '{guess}'" if guess else f"use one of: {', '.join(expected)}"
        return loaded.diagnostic(loc, "error", "schema-value",
                                 f"{where}: {shown} is not one of {', '.join(expected)}" +
                                 (f"; did you mean '{guess}'?" if guess else ""),
                                 hint, key=is_dict_key)
    if _is_date_error(loc, error):
        reason = str(error.get("msg", "")).removeprefix("Value error, ")
        if kind == "string_pattern_mismatch":
            reason = "must be an ISO date written YYYY-MM-DD"
        return loaded.diagnostic(loc, "error", "schema-date", f"{where}: {shown} {reason}",
                                 "write the date as YYYY-MM-DD, e.g. 2024-01-04")
    if kind == "string_pattern_mismatch" and loc and loc[-1] == "url":
        return loaded.diagnostic(loc, "error", "schema-value", f"{where}: {shown} is not an http(s) URL",
                                 "write the full address, starting with https://")
    if kind == "string_pattern_mismatch":
        return loaded.diagnostic(loc, "error", "schema-value",
                                 f"{where}: {shown} is not a valid identifier",
                                 "use lower-case letters, digits and '-', e.g. third-party-forces",
                                 key=is_dict_key)
    rule = "schema-type" if kind.endswith("_type") or kind.endswith("_parsing") or kind == "model_type" \
        else "schema-value"
    message = str(error.get("msg", kind)).removeprefix("Value error, ")
    return loaded.diagnostic(loc, "error", rule, f"{where}: {message} (got {shown})", key=is_dict_key)


def _show(value: Any) -> str:
    if isinstance(value, (dict, list)):
        return "a mapping" if isinstance(value, dict) else "a list"
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "…"


def _literal_choices(error: Mapping[str, Any]) -> list[str]:
    expected = str(error.get("ctx", {}).get("expected", ""))
    return [part.strip().strip("'") for part in re.split(r",| or ", expected) if part.strip()]


def _is_date_error(loc: tuple[Any, ...], error: Mapping[str, Any]) -> bool:
    if not loc or loc[-1] not in ("date", "raised"):
        return False
    return error["type"] in ("string_pattern_mismatch", "value_error")


def _allowed_keys(loc: tuple[Any, ...]) -> list[str]:
    """The field names of the model that sits at ``loc`` (for did-you-mean)."""
    from pydantic import BaseModel

    current = _unwrap(annotation_at(loc))
    if isinstance(current, type) and issubclass(current, BaseModel):
        return list(_keys_of(current))
    return []


def annotation_at(loc: tuple[Any, ...]) -> Any:
    """The model's annotation of the value at ``loc`` (a list's or mapping's item type past an index or key),
    or None where the draft format has no such place: what did-you-mean and ``set``'s typing both read."""
    from pydantic import BaseModel

    current: Any = Draft
    for part in loc:
        current = _unwrap(current)
        if isinstance(current, type) and issubclass(current, BaseModel):
            info = _keys_of(current).get(str(part))
            if info is None:
                return None
            current = info.annotation
        elif typing.get_origin(current) in (list, dict):
            current = typing.get_args(current)[-1]
        else:
            return None
    return current


def _keys_of(model: Any) -> dict[str, Any]:
    """A model's fields by the key a file writes (an alias where the field has one)."""
    return {info.alias or name: info for name, info in model.model_fields.items()}


def _unwrap(annotation: Any) -> Any:
    """Strip ``Annotated`` and ``X | None`` down to the container or model."""
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin in (typing.Union, types.UnionType):
            options = [a for a in typing.get_args(annotation) if a is not type(None)]
            annotation = options[0]
        else:
            return annotation
