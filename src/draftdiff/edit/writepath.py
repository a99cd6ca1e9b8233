"""The one write path: every command that changes a draft file goes through :func:`apply_edit`.

1. read the file's bytes and remember their hash;
2. load it round-trip (ruamel.yaml), apply the edit's mutations, dump it with the file's own layout;
3. verify: read the output back with the project's reader and compare it with the intended
   data (the old data plus the change), check the comments and that no line outside the
   edited values changed; anything else → refuse, write nothing, say what would have changed;
4. validate the new file with the collection's rules; new errors → refuse (unless ``allow_errors``);
5. re-read the file: if it changed on disk since step 1, refuse;
6. write atomically (a temporary file in the same folder, fsync, rename; the mode is kept).
"""

from __future__ import annotations

import copy
import hashlib
import os
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from draftdiff.diagnostics import Diagnostic
from draftdiff.edit.tree import EditRefused, Mutation
from draftdiff.errors import CouldNotRun, Hint

if TYPE_CHECKING:
    from draftdiff.load import LoadedDraft


class CannotEdit(CouldNotRun):
    """The file cannot be edited at all (missing, unreadable, not YAML): exit code 2."""


@dataclass
class Edit:
    """What to change (mutations of the plain data) and how to say it (one line per change)."""

    mutations: list[Mutation]
    changes: list[str]
    notes: list[str] = field(default_factory=list)
    keep_head_comment: Callable[[str], bool] | None = None
    """For a new file made from another: which lines of the head comment to keep (None: all)."""


EditMaker = Callable[[dict[str, Any]], Edit]


@dataclass
class EditResult:
    """What a write did or would do. ``refused`` is the reason nothing was written."""

    path: Path
    changes: list[str] = field(default_factory=list)
    findings: list[Diagnostic] = field(default_factory=list)
    """Findings the edit brings into the collection (errors and warnings that were not there before)."""
    notes: list[str] = field(default_factory=list)
    refused: str | None = None
    hint: Hint | None = None
    """How to put the refusal right (a face may word it its own way: :class:`~draftdiff.errors.Hint`)."""
    written: bool = False
    new_bytes: bytes | None = None
    new_file: bool = False
    _diff: str = field(default="", repr=False)
    _make_diff: Callable[[], str] | None = field(default=None, repr=False)

    @property
    def diff(self) -> str:
        """The unified diff of the file (also on a dry run); a new file's is made when first asked for."""
        if self._make_diff is not None:
            self._diff, self._make_diff = self._make_diff(), None
        return self._diff

    @diff.setter
    def diff(self, value: str) -> None:
        self._diff, self._make_diff = value, None

    def diff_when_asked(self, make: Callable[[], str]) -> None:
        """Leave the diff to ``make``: an import of 5 MB seldom shows its diff of 100,000 added lines."""
        self._diff, self._make_diff = "", make

    @property
    def exit_code(self) -> int:
        return 1 if self.refused else 0


def apply_edit(path: str | Path, edit: Edit | EditMaker, *, dry_run: bool = False, allow_errors: bool = False,
               target: str | Path | None = None) -> EditResult:
    """Make ``edit`` on the draft at ``path`` (or write the result to the new file ``target``).

    ``edit`` is an :class:`Edit` or a function of the file's plain data returning one
    (the functions in :mod:`draftdiff.edit.ops`), so that ids are checked against the
    very bytes that will be changed. Raise :class:`CannotEdit` when the file cannot be read.
    """
    source = Path(path)
    out = Path(target) if target is not None else source
    result = EditResult(out, new_file=target is not None)
    if target is not None and not dry_run:
        need_folder(out)
    data = _read_bytes(source)
    digest = hashlib.sha256(data).digest()
    loaded, tree = _read_tree(data, str(source))
    try:
        made = edit(tree) if callable(edit) else edit
    except EditRefused as refusal:
        return _refuse(result, refusal.reason + _at_line(loaded, refusal.hint), refusal.hint)
    result.notes = list(made.notes)
    try:
        from draftdiff.edit.ops import check_text

        check_text(made.mutations, tree)
    except EditRefused as refusal:
        return _refuse(result, refusal.reason, refusal.hint)
    if target is not None and out.exists():
        return _refuse(result, f"{out} exists already",
                       Hint.coded("choose another id, or record the news in that version", "version-exists"))
    if not made.mutations and target is None:
        result.changes = [f"{out.name}: nothing to change ({line})" for line in made.changes] or \
            [f"{out.name}: nothing to change"]
        return result
    least = _least_size(tree, made.mutations)
    from draftdiff.load import MAX_BYTES

    if least > MAX_BYTES:  # before ruamel.yaml folds 8 MB of text (minutes): the file could not be read
        return _refuse(result, f"the edit would make {out.name} unreadable: it would be over {least:,} bytes, over "
                               f"the {MAX_BYTES:,}-byte limit for a draft; nothing was written",
                       unreadable_hint([]))
    try:
        new_bytes, new_text, text = render_edit(data, tree, made)
    except EditRefused as refusal:
        return _refuse(result, refusal.reason, refusal.hint)
    result.new_bytes = new_bytes
    result.changes = [f"{out.name}: {line}" for line in made.changes]
    result.diff = _unified(text, new_text, str(source), str(out))
    from draftdiff.load import read_draft

    changed = read_draft(new_bytes, str(out))
    hard = unreadable(changed.diagnostics)
    if hard:  # whatever allow_errors says: nothing could read the file again
        result.findings = hard
        return _refuse(result, unreadable_reason(out, hard), unreadable_hint(hard))
    findings, errors = _new_findings(out.parent, {source, out}, [loaded],
                                     ([loaded] if target is not None else []) + [changed])
    result.findings = findings
    if errors and not allow_errors:
        return _refuse(result, f"the edit would add {len(errors)} error{'s' if len(errors) > 1 else ''} "
                               "to the collection (listed above)",
                       Hint.coded("fix the cause first, or allow the errors to record it mid-way through an update",
                                  "allow-errors"))
    if dry_run:
        return result
    now = _read_bytes(source, quiet=True)
    if now is None or hashlib.sha256(now).digest() != digest:
        return _refuse(result, f"{source} changed on disk while the edit was being prepared",
                       "run the command again: it will work on the file as it is now")
    try:
        write_draft_bytes(out, new_bytes, new=target is not None)
    except FileExistsError:
        return _refuse(result, f"{out} exists already", "choose another id")
    result.written = True
    return result


def need_folder(out: Path) -> None:
    """Before any work on a new file: its folder must exist (:class:`CannotEdit`, exit 2, as the write would)."""
    folder = out.parent  # Path("x.yaml").parent is Path(".")
    if not folder.is_dir():
        raise CannotEdit(f"{out}: cannot write (no folder {folder}); no file was written")


def write_draft_bytes(out: Path, data: bytes, *, new: bool) -> None:
    """Step 6, for every writer (the edits, ``fmt``, a new draft): atomically, or :class:`CannotEdit`.

    ``new``: create ``out``, never over a file (``FileExistsError``, for the caller to
    refuse); else replace it, through a symbolic link to the file it names (the link
    stays a link). Any other failure (no such folder, no permission, a full disk)
    leaves the file as it was, or none, and says so (exit 2).
    """
    from draftdiff.atomic import write_atomic, write_new

    try:
        if new:
            write_new(out, data)
        else:
            write_atomic(Path(os.path.realpath(out)) if out.is_symlink() else out, data)
    except FileExistsError:
        if new:
            raise
        raise CannotEdit(f"{out}: cannot write (a file appeared in its place); it is unchanged") from None
    except OSError as exc:
        folder = out.parent  # Path("x.yaml").parent is Path(".")
        why = f"no folder {folder}" if not folder.is_dir() else exc.strerror or str(exc)
        raise CannotEdit(f"{out}: cannot write ({why}); "
                         + ("no file was written" if new else "it is unchanged")) from None


def render_edit(data: bytes, tree: dict[str, Any], made: Edit) -> tuple[bytes, str, str]:
    """The new bytes of the file, verified; raise :class:`EditRefused` when they would say more than asked.

    Returns (new bytes, new text with LF line endings, old text with LF line endings).
    """
    from draftdiff.edit.layout import LayoutProblem, detect, encode, make_yaml
    from draftdiff.edit.textmap import map_text
    from draftdiff.edit.tree import apply_plain, apply_tree

    try:
        layout, text = detect(data)
    except LayoutProblem as problem:
        raise EditRefused(str(problem)) from None
    yaml = make_yaml(layout)
    doc = _ruamel_load(yaml, text)
    old_map = map_text(text)
    intended = copy.deepcopy(tree)
    for mutation in made.mutations:
        apply_plain(intended, mutation)
        apply_tree(doc, mutation, layout)
    removed = []
    if made.keep_head_comment is not None:
        removed = _trim_head_comment(doc, old_map, made.keep_head_comment)
    from draftdiff.edit.verify import expected_comments, regions

    allowed = regions(made.mutations, old_map, tree) + removed
    deleted = [r for r, m in zip(allowed, made.mutations, strict=False) if m.kind == "delete"]  # then `removed`
    expected = expected_comments(old_map, deleted, made.keep_head_comment)
    import io

    buffer = io.StringIO()
    yaml.dump(doc, buffer)
    new_bytes = encode(buffer.getvalue(), layout)
    new_text = new_bytes.removeprefix(b"\xef\xbb\xbf").decode("utf-8")
    if layout.newline != "\n":
        new_text = new_text.replace(layout.newline, "\n")
    from draftdiff.edit.verify import Region, keep_untouched, split_mixed_hunk, stray_lines

    old_lines, new_lines = text.split("\n"), new_text.split("\n")
    if stray_lines(old_lines, new_lines, allowed + [Region(-1, -1)]) is not None:
        kept_lines = keep_untouched(old_lines, new_lines, allowed)
        for candidate in [kept_lines, *split_mixed_hunk(old_lines, kept_lines, allowed)]:
            kept = "\n".join(candidate)
            kept_bytes = encode(kept, layout)
            try:
                verify_output(text, kept, kept_bytes, intended, allowed, expected)
                return kept_bytes, kept, text
            except EditRefused:
                continue  # the refusal below names the line ruamel.yaml would change
    verify_output(text, new_text, new_bytes, intended, allowed, expected)
    return new_bytes, new_text, text


def verify_output(text: str, new_text: str, new_bytes: bytes, intended: Any, allowed: list[Any],
                  expected: list[str]) -> None:
    """Step 3 of the write path: refuse output that reads differently from what was asked."""
    from draftdiff.edit.textmap import map_text
    from draftdiff.edit.verify import Region, comments_kept, same_data, stray_lines
    from draftdiff.load import describe_path
    from draftdiff.yamlsource import YamlProblem, parse_yaml

    fix = "the file is unchanged; report this, or make the change by hand and run 'draftdiff validate'"
    try:
        reread, _ = parse_yaml(new_bytes.removeprefix(b"\xef\xbb\xbf").decode("utf-8"))
    except (YamlProblem, UnicodeDecodeError) as problem:
        raise EditRefused(f"the written file would not read back ({problem}); nothing was written", fix) from None
    where = same_data(intended, reread)
    if where is not None:
        raise EditRefused(f"the written file would read differently at {describe_path(where, intended)}: "
                          f"{_show(_get(intended, where))} would become {_show(_get(reread, where))}", fix)
    moved = comments_kept(expected, map_text(new_text))
    if moved is not None:
        raise EditRefused(f"ruamel.yaml would move or lose a comment ({moved[0]!r} → {moved[1]!r})",
                          "move the comment next to the value it describes, or make the edit by hand")
    stray = stray_lines(text.split("\n"), new_text.split("\n"), allowed + [Region(-1, -1)])
    if stray is not None:
        line, old_line, new_line = stray
        raise EditRefused(
            f"writing the file back would also change line {line}, which the edit does not touch: "
            f"{old_line!r} → {new_line!r}",
            Hint.coded("ruamel.yaml cannot keep this line as written (an escape, a folded or long line, tabs, "
                       "or indentation unlike the rest of the file); bring the file to the canonical layout "
                       "first, or make the edit by hand", "canonical-layout"))


def _get(data: Any, path: tuple[Any, ...]) -> Any:
    try:
        for part in path:
            data = data[part]
    except (KeyError, IndexError, TypeError):
        return "(nothing)"
    return data


def _show(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 70 else text[:67] + "…"


def _trim_head_comment(doc: Any, old_map: Any, keep: Callable[[str], bool]) -> list[Any]:
    """Drop the lines of the file's opening comment that ``keep`` rejects; the lines they held may change."""
    from draftdiff.edit.verify import Region

    comment = doc.ca.comment
    if not comment or not comment[1]:
        return []
    tokens = comment[1]
    kept = [t for t in tokens if keep(t.value.strip())]
    if len(kept) == len(tokens):
        return []
    comment[1] = kept
    last = max((line for line, _ in old_map.comments if line < old_map.content_start), default=-1)
    return [Region(0, last)] if last >= 0 else []


def _read_bytes(path: Path, quiet: bool = False) -> Any:
    from draftdiff.load import MAX_BYTES

    try:
        if path.is_dir():
            raise CannotEdit(f"{path}: is a directory, not a draft file")
        with open(path, "rb") as handle:
            data = handle.read(MAX_BYTES + 1)
    except FileNotFoundError:
        if quiet:
            return None
        raise CannotEdit(f"{path}: no such file") from None
    except OSError as exc:
        if quiet:
            return None
        raise CannotEdit(f"{path}: cannot read ({exc.strerror or exc})") from None
    if len(data) > MAX_BYTES:
        raise CannotEdit(f"{path}: over the {MAX_BYTES:,}-byte limit for a draft")
    return data


def unreadable(diagnostics: Sequence[Diagnostic]) -> list[Diagnostic]:
    """The reader's findings that make a file unreadable by draftdiff: too large, too many lines, keys or nodes,
    a control character, invalid UTF-8 or YAML, anything refused before the schema is checked.

    A write never makes such a file, ``allow_errors`` or not: every command would
    then refuse it ("over the 8,388,608-byte limit"), the command that wrote it too.
    """
    return [d for d in diagnostics if d.severity == "error" and d.rule.startswith(UNREADABLE_RULES)]


UNREADABLE_RULES = ("yaml-", "file-")
"""The rule ids of the reader's refusals (``file-too-large``, ``yaml-too-many-nodes``…), as opposed to the
schema's and the collection's findings, which a draft mid-way through an update may have."""


def unreadable_reason(out: Path, hard: Sequence[Diagnostic]) -> str:
    return f"the edit would make {out.name} unreadable: {hard[0].message}; nothing was written"


def _least_size(tree: dict[str, Any], mutations: Sequence[Mutation]) -> int:
    """A lower bound of the edited file's size in bytes: the UTF-8 of every key and text it will hold.

    YAML writes no text shorter than its UTF-8 (an escape or a fold is as long or
    longer), save U+2028 and U+2029, whose escapes are 2 bytes for their 3.
    """
    from draftdiff.edit.tree import apply_plain

    intended = copy.deepcopy(tree)
    for mutation in mutations:
        apply_plain(intended, mutation)
    total, stack = 0, list[Any]([intended])
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            total += len(item.encode("utf-8", "surrogatepass")) - item.count("\u2028") - item.count("\u2029")
        elif isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return total


def unreadable_hint(hard: Sequence[Diagnostic]) -> Hint:
    own = f"{hard[0].hint}; " if hard and hard[0].hint else ""
    return Hint(f"{own}a draft must stay within what draftdiff can read (shorten the text, or keep it in "
                "a file of its own and cite it)")


def _read_tree(data: bytes, name: str) -> tuple[Any, dict[str, Any]]:
    from draftdiff.load import read_draft

    loaded = read_draft(data, name, careful=True)  # the tree is what an edit works on
    hard = unreadable(loaded.diagnostics)
    if hard:
        first = hard[0]
        raise CannotEdit(f"{first.file}:{first.line}:{first.col}: {first.message}; fix the file first "
                         "('draftdiff validate' lists every problem)")
    tree = loaded.tree
    if not isinstance(tree, dict):
        raise CannotEdit(f"{name}: not a draft (the document is not a mapping)")
    return loaded, tree


def _ruamel_load(yaml: Any, text: str) -> Any:
    from ruamel.yaml.error import YAMLError

    try:
        return yaml.load(text)
    except YAMLError as exc:
        raise EditRefused(f"ruamel.yaml cannot read this file for a round trip ({str(exc).splitlines()[0]})",
                          "make the edit by hand") from None


def _at_line(loaded: Any, hint: str | Hint | None) -> str:
    """`` (line 12)``: where the value a refusal names sits (a hint's ``at``: a path in the data, by ``/``)."""
    at = hint.blanks().get("at") if isinstance(hint, Hint) else None
    if not at:
        return ""
    path = tuple(int(p) if p.isdigit() else p for p in at.split("/"))
    try:
        line = loaded.position(path)[0]
    except (KeyError, IndexError, TypeError, ValueError):
        return ""
    return f" (at line {line})" if line else ""


def _refuse(result: EditResult, reason: str, hint: str | Hint | None) -> EditResult:
    result.refused = reason
    result.hint = Hint.of(hint)
    return result


def _unified(old: str, new: str, old_name: str, new_name: str) -> str:
    import difflib

    lines = difflib.unified_diff(old.splitlines(keepends=True), new.splitlines(keepends=True),
                                 fromfile=old_name, tofile=new_name)
    return "".join(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n" for line in lines)


def _new_findings(folder: Path, skip: set[Path], before: list[Any], after: list[Any],
                  known: Sequence[LoadedDraft] = ()) -> tuple[list[Diagnostic], list[Diagnostic]]:
    """Step 4: the findings ``after`` adds to its folder's collection over ``before`` (and the errors of them).

    ``known``: drafts of the folder the caller has read already (see :func:`_siblings`).
    """
    from collections import Counter

    from draftdiff.collection import check_collection

    siblings = _siblings(folder, {p.resolve() for p in skip}, known)
    # the siblings are the same objects both times: their own findings (reader, per-draft rules) would cancel
    old = check_collection(siblings + before, settled=siblings).report.diagnostics
    new = check_collection(siblings + after, settled=siblings).report.diagnostics

    def key(d: Diagnostic) -> tuple[str, str, str]:
        return (Path(d.file).name, d.rule, d.message)

    def loose(k: tuple[str, str, str]) -> tuple[str, str, str]:
        return (k[0], k[1], _POSITION.sub("[…]", k[2]))

    # A finding is named by ids where it can be (articles[third-party-forces].title), but an entry without
    # one only by its place (claimed_counts[2]), which a deletion before it shifts: what the exact match
    # leaves over is matched again with the places left out, so no old finding comes back as new.
    seen = Counter(key(d) for d in old)
    unmatched: list[Diagnostic] = []
    for finding in sorted(new):
        k = key(finding)
        if seen[k]:
            seen[k] -= 1
        else:
            unmatched.append(finding)
    left = Counter(loose(k) for k, n in seen.items() for _ in range(n))
    fresh: list[Diagnostic] = []
    for finding in unmatched:
        k = loose(key(finding))
        if left[k]:
            left[k] -= 1
        else:
            fresh.append(finding)
    return fresh, [d for d in fresh if d.severity == "error"]


_POSITION = re.compile(r"\[#?\d+\]")
"""An entry named by its place in a finding (``claimed_counts[2]``, ``articles[#3]``)."""


def _siblings(folder: Path, skip: set[Path], known: Sequence[LoadedDraft] = ()) -> list[LoadedDraft]:
    """The other drafts of ``folder``, as they are on disk now.

    A draft in ``known`` (read by the caller, e.g. the base of an import) stands for its
    file only while the file still holds the very bytes it was read from; else the file
    is read again. Comparing the bytes costs a read, not a parse of 5 MB of YAML.
    """
    from draftdiff.collection import DRAFT_SUFFIXES
    from draftdiff.load import DraftReadError, load_draft

    read: dict[Path, LoadedDraft] = {}
    for draft in known:
        read.setdefault(Path(draft.name).resolve(), draft)
    found = []
    try:
        entries = sorted(os.scandir(folder or "."), key=lambda e: e.name)
    except OSError:
        return []
    for entry in entries:
        if entry.name.startswith(".") or os.path.splitext(entry.name)[1] not in DRAFT_SUFFIXES:
            continue
        path = Path(entry.path)
        resolved = path.resolve()
        if resolved in skip or not entry.is_file():
            continue
        already = read.get(resolved)
        if already is not None and already.data and _holds(path, already.data):
            found.append(already)
            continue
        try:
            found.append(load_draft(path))
        except DraftReadError:
            continue
    return found


def _holds(path: Path, data: bytes) -> bool:
    """Whether the file holds exactly ``data`` now (no byte more)."""
    try:
        with open(path, "rb") as handle:
            return handle.read(len(data) + 1) == data
    except OSError:
        return False
