"""The fast path: read a well-formed, plain draft with rapidyaml, without positions.

Why: libyaml hands every event to Python as an object, which makes reading
cost ~50x a ``json.loads`` of the same data; rapidyaml parses in C++ and
emits JSON that pydantic validates in Rust. Positions are only needed for
files that have something to report, so those (and anything unusual) go
through :mod:`draftdiff.yamlsource`, which stays the authority: this path
declines (returns ``None``) rather than guess whenever a file uses anchors,
aliases, tags, merge keys, several documents, anything rapidyaml's JSON cannot
express, plain scalars whose YAML 1.2 meaning that JSON would not keep (``~``,
``NULL``, ``True``, ``0x1F``, ``01``) or that YAML forbids (``@see``). A repeated
key survives into the JSON; :func:`repeats_a_key` lets the caller catch it.
"""

from __future__ import annotations

import contextlib
import os
import re
import threading
from collections.abc import Iterator
from typing import Any

from draftdiff.yamlsource import MAX_NODES

_BEFORE_NODE = frozenset(" \t\n[{,")
_AFTER_SIGN_NOT = frozenset(" \t\n,]}")


def _uses_advanced_yaml(text: str) -> bool:
    """Anchors, aliases, tags, directives or merge keys: the careful reader refuses them with a position.

    Each sign is looked for only where YAML would read it (``&x`` after a space or
    flow indicator, ``%`` at the start of a line), so "80–90%" or "A & B" in prose
    keep a file on the fast path. Single-character searches cost next to nothing.
    """
    if "%" in text and (text.startswith("%") or "\n%" in text):
        return True
    if "<" in text and "<<" in text:  # a one-character search is a memchr; a two-character one is not
        return True
    for sign in "&*!":
        start = text.find(sign)
        while start != -1:
            before = text[start - 1] if start else "\n"
            after = text[start + 1:start + 2]
            if before in _BEFORE_NODE and after and after not in _AFTER_SIGN_NOT:
                return True
            start = text.find(sign, start + 1)
    return False


_DOUBTFUL = (
    r'"(?=[~nNtTfF0-9+\-.@`\]}])'
    r'(?:(?:~|null|Null|NULL|true|True|TRUE|false|False|FALSE|(?=[-+0-9.])(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+'
    r'|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)))'
    r'"(?=\s*[,:\]}])'
    r'|(?<=: ")[@`\]}]|(?<=[\[,]")[@`\]}])'
)
"""A JSON string whose YAML the careful reader would read otherwise (compiled with rapidyaml's import).

Either a value YAML 1.2 reads as null, a bool or a number: rapidyaml's JSON keeps
plain ``~``, ``NULL``, ``True``, ``0x1F`` or ``01`` as strings. Or a value that
starts with a character no plain scalar may start with (``summary: @see``, ``}A``):
rapidyaml reads it, the careful reader refuses it with a position. Such files (and
quoted strings that look like these, which is rare) go to the careful reader.
One scan of the quotes finds both; a quote followed by anything else fails at the
first test, which halves the scan (a draft's JSON has ~1,200 quotes).
"""

_UNICODE_BREAKS = ("\u2028", "\u2029", "\x85")
"""Line breaks to the careful reader (libyaml) but not to rapidyaml: a folded value would read differently."""

_STDERR_LOCK = threading.Lock()
_quiet_thread: int | None = None
"""The thread that silenced file descriptor 2 for a whole batch (see :func:`quiet`)."""
_ryml: Any = None
_doubtful: Any = None

PAYS_OFF_AFTER = 128 * 1024
"""Importing rapidyaml costs ~25 ms, what the careful reader spends on ~100 KB; below that, skip it."""
_bytes_seen = 0


class _Workspace(threading.local):
    """A parse tree and an output buffer for each thread, reused from file to file.

    A fresh tree costs each draft its allocation, and ``emit_json_malloc`` emits
    twice (once to measure); reusing both takes a quarter off rapidyaml's time.
    Kept only while files are small, so one huge draft does not stay in memory.
    """

    def __init__(self) -> None:
        self.tree: Any = None
        self.buffer = bytearray(_BUFFER_START)


_NODES_POSSIBLE = MAX_NODES // 2
"""A file shorter than this cannot hold ``MAX_NODES`` values (each takes two bytes or more): no count needed."""

_BUFFER_START = 64 * 1024
_KEEP_UP_TO = 1024 * 1024
_workspace = _Workspace()


def _load_ryml() -> Any:
    global _ryml, _doubtful
    if _ryml is None:
        try:
            import ryml
        except ImportError:  # optional accelerator: the event reader does the work
            _ryml = False
        else:
            # only this path needs it: a single small draft never pays for it
            _doubtful = re.compile(_DOUBTFUL.encode("ascii"))
            _ryml = ryml
    return _ryml


def expect(total_bytes: int) -> None:
    """A batch loader announces how much it will read, so the fast path starts with the first file."""
    global _bytes_seen
    _bytes_seen = max(_bytes_seen, total_bytes)


def fast_json(text: str, data: bytes | None = None) -> bytes | None:
    """The document as UTF-8 JSON, or ``None`` when the careful reader must decide.

    ``data`` is the same document as UTF-8, when the caller has it at hand. The
    JSON may repeat a key that the YAML repeated: JSON readers keep the last one
    silently, so a caller must ask :func:`repeats_a_key` with the keys it got.
    """
    global _bytes_seen
    _bytes_seen += len(text)
    if _ryml is None and _bytes_seen < PAYS_OFF_AFTER:
        return None
    ryml = _load_ryml()
    if not ryml or _uses_advanced_yaml(text):
        return None
    if not text.isascii() and any(brk in text for brk in _UNICODE_BREAKS):
        return None
    if data is None:
        data = text.encode("utf-8")
    workspace = _workspace
    tree = workspace.tree
    try:
        if tree is None:
            tree = workspace.tree = ryml.Tree()
        else:
            tree.clear()  # a tree parsed into again would gain the new document beside the old one
            tree.clear_arena()
        if _quiet_thread == threading.get_ident():
            emitted = _parse_and_emit(ryml, data, tree, workspace)
        else:  # rapidyaml prints its errors, the emitter's too (nesting past its depth), on descriptor 2
            with _STDERR_LOCK:
                saved = _mute_stderr()
                try:
                    emitted = _parse_and_emit(ryml, data, tree, workspace)
                finally:
                    _restore_stderr(saved)
        if emitted is None or _doubtful.search(emitted):
            return None
    except Exception:  # any doubt at all: let the careful reader decide and explain
        workspace.tree = None
        return None
    finally:
        if len(data) > _KEEP_UP_TO:
            workspace.tree = None
    return emitted


def _parse_and_emit(ryml: Any, data: bytes, tree: Any, workspace: _Workspace) -> bytes | None:
    ryml.parse_in_arena(data, tree=tree)
    if len(data) > _NODES_POSSIBLE and 2 * tree.size() > MAX_NODES:
        return None  # near or over the limit: the careful reader counts exactly, and refuses with a position
    root = tree.root_id()
    if tree.is_stream(root):
        if tree.num_children(root) != 1:
            return None
        root = tree.first_child(root)
    return _emit(ryml, tree, root, workspace)


def _emit(ryml: Any, tree: Any, root: int, workspace: _Workspace) -> bytes | None:
    """The tree as JSON, written once into the thread's buffer (grown when it is too small)."""
    buffer = workspace.buffer
    failed, size = ryml.emit_json_to_substr(tree, root, buffer)
    if failed:
        buffer = bytearray(size)
        failed, size = ryml.emit_json_to_substr(tree, root, buffer)
        if failed:
            return None
        if size <= _KEEP_UP_TO:
            workspace.buffer = buffer
    if not size:  # an empty document (nothing, or only comments): the careful reader says what it is
        return None
    return bytes(memoryview(buffer)[:size])


def repeats_a_key(emitted: bytes, distinct: int) -> bool:
    """Whether :func:`fast_json`'s text may name a key more often than the ``distinct`` keys a reader got.

    rapidyaml writes every key as a JSON string followed at once by a colon, so
    counting quote-colon pairs never misses a key. Prose adds to that count where
    it quotes a word before a colon (``two "nuances": a …``, written ``\\":``);
    those are taken off, unless some string ends in a backslash before a colon,
    where the escapes cannot be told apart cheaply: then any surplus counts as a
    repeat and the careful reader decides.
    """
    written = emitted.count(b'":')
    if written == distinct:
        return False
    if b'\\\\":' in emitted:
        return True
    return written - emitted.count(b'\\":') != distinct


@contextlib.contextmanager
def quiet() -> Iterator[None]:
    """Silence rapidyaml's error printing once for a batch of files instead of around every parse.

    Redirecting descriptor 2 costs six system calls, ~2% of validating a plain
    draft. Only for a thread that prints nothing meanwhile (a command-line batch):
    other threads still mute around each parse, and wait for the batch to end.
    """
    global _quiet_thread
    if _quiet_thread is not None:  # already quiet in an outer batch
        yield
        return
    with _STDERR_LOCK:
        saved = _mute_stderr()
        _quiet_thread = threading.get_ident()
        try:
            yield
        finally:
            _quiet_thread = None
            _restore_stderr(saved)


def _mute_stderr() -> int | None:
    """rapidyaml prints parse errors on file descriptor 2; the careful reader reports them properly."""
    try:
        saved = os.dup(2)
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 2)
        os.close(devnull)
        return saved
    except OSError:
        return None


def _restore_stderr(saved: int | None) -> None:
    if saved is not None:
        os.dup2(saved, 2)
        os.close(saved)
