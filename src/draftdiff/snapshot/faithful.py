"""Is a snapshot file byte for byte what draftdiff writes? The check that is never skipped.

Every format is checked the same way: render the snapshot again, in the file's
format, and compare the whole text. JSON, Markdown and HTML carry the snapshot,
so it is rendered from what they embed. CSV, the terminal board, BibTeX, CSL-JSON
and CFF carry only the marker (arguments and digest): the caller rebuilds the
content from the drafts with those arguments, and the parts of a citation that
are not content (tool version, commit, repository, authors, generation date, the
later versions a board lists) are read back from the file's own text here, so
that any edit anywhere, in them or elsewhere, makes the texts differ.

Only this version's layout is known: a file that names another draftdiff
version cannot be checked line by line, so it is refused, never waved through.
"""

from __future__ import annotations

import json
import re
import shlex
from collections.abc import Callable, Sequence
from dataclasses import replace
from itertools import pairwise

from draftdiff.errors import CouldNotRun
from draftdiff.snapshot.model import DraftRef, Provenance, Snapshot


class NotFaithful(CouldNotRun):
    """The text is not what draftdiff renders: the message names the line and the difference."""


Renderer = Callable[[Snapshot, str], str]
"""``render(snapshot, fmt) -> text``: how the face renders a snapshot in a format (the core renders nothing)."""


NOTE_RE = re.compile(
    r"Made with draftdiff (?P<version>.*?)(?: at commit (?P<commit>[0-9a-f]{40})"
    r"(?P<dirty> \(with uncommitted changes\))?(?: of (?P<repo>.+?))?)?\. Reproduce: (?P<command>.+?)\. "
    r"Marker: draftdiff-snapshot:")
_BOARD_RE = re.compile(r"^digest sha256:[0-9a-f]{64} · draftdiff (?P<version>.*?)(?: · commit (?P<commit>[0-9a-f]{40})"
                       r"(?P<dirty> \(uncommitted changes in the drafts\))?)?$", re.M)


def check_version(version: str | None, name: str, text: str = "") -> None:
    """Only the version that wrote a file knows its layout for sure."""
    from draftdiff import __version__

    if version is None:
        at = _line_of(text, ('"provenance": null', '"provenance":null'))
        raise NotFaithful(f"{name}{at}: the snapshot records no provenance (tool version, drafts folder), which "
                          "draftdiff always writes; the file was edited after it was made")
    if version != __version__:
        at = _line_of(text, (f'"tool_version": "{version}"', f'"tool_version":"{version}"', f"draftdiff {version}"))
        raise NotFaithful(f"{name}{at}: made with draftdiff {version or '(no version)'}, and this is draftdiff "
                          f"{__version__}: a file can be checked line by line only by the version that wrote it, so "
                          f"it is not verified; verify it with that version (pip install 'draftdiff=={version}'), "
                          "or make the snapshot again with this one")


def check_text(snap: Snapshot, text: str, fmt: str, name: str, render: Renderer) -> None:
    """``text`` must be exactly what ``render`` gives for ``snap`` in ``fmt``; NotFaithful says where not.

    The provenance rendered is the one draftdiff decides (:func:`draftdiff.snapshot.build.provenance`)
    from what the file states it was made with, not the file's own: a shape draftdiff never writes
    (a repository or a dirty flag without a commit, a version of another draftdiff) makes the texts differ.
    """
    check_version(snap.provenance.tool_version if snap.provenance else None, name, text)
    assert snap.provenance is not None  # check_version refuses a file without one
    expected = render(replace(snap, provenance=as_made(snap.provenance, name, text)), fmt)
    if expected != text:
        raise NotFaithful(difference(text, expected, name))


_COMMIT = re.compile(r"[0-9a-f]{40}")


def as_made(prov: Provenance, name: str, text: str = "") -> Provenance:
    """The provenance draftdiff gives for the inputs ``prov`` states: its folder, commit, authors, date.

    What a verifier cannot re-derive is taken from the file (the folder as it was given, the
    commit and its state, the authors, the generation time); the rest follows from those, as
    when the file was made. A value of a type draftdiff never writes is refused here.
    """
    from draftdiff.snapshot.build import provenance

    def wrong(what: str, value: object) -> NotFaithful:
        at = _line_of(text, ('"provenance"',))
        return NotFaithful(f"{name}{at}: the provenance's {what} is {value!r}, which draftdiff never writes; the "
                           "file was edited after it was made")

    def text_or_none(what: str, value: object) -> str | None:
        if value is not None and not isinstance(value, str):
            raise wrong(what, value)
        return value

    if not isinstance(prov.drafts_path, str) or not prov.drafts_path:
        raise wrong("drafts_path", prov.drafts_path)
    commit = text_or_none("git_commit", prov.git_commit)
    if commit is not None and not _COMMIT.fullmatch(commit):
        raise wrong("git_commit", commit)
    if prov.git_dirty is not None and not isinstance(prov.git_dirty, bool):
        raise wrong("git_dirty", prov.git_dirty)
    authors = prov.authors
    if not isinstance(authors, tuple) or not all(isinstance(a, str) for a in authors):
        raise wrong("authors", authors)
    return provenance(prov.drafts_path, commit=commit, dirty=prov.git_dirty,
                      git_path=text_or_none("git_path", prov.git_path),
                      repository=text_or_none("repository", prov.repository),
                      generated_at=text_or_none("generated_at", prov.generated_at), authors=authors)


def _line_of(text: str, needles: tuple[str, ...]) -> str:
    """``:LINE`` of the first of ``needles`` found in ``text``, or nothing."""
    found = [i for i in (text.find(n) for n in needles) if i >= 0]
    return f":{text.count(chr(10), 0, min(found)) + 1}" if found else ""


def difference(text: str, expected: str, name: str) -> str:
    """Where ``text`` first departs from ``expected``: line, column, and the differing part of each."""
    got, want = text.split("\n"), expected.split("\n")
    line = next((i for i, (a, b) in enumerate(zip(got, want, strict=False)) if a != b), min(len(got), len(want)))
    if line >= len(got) or line >= len(want):
        extra = "the file has more lines than draftdiff wrote" if len(got) > len(want) else \
            "the file ends before what draftdiff wrote does"
        return (f"{name}:{min(line, len(got)) + 1}: {extra}; the file was edited after it was made")
    a, b = got[line], want[line]
    col = next((i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b)))
    return (f"{name}:{line + 1}:{col + 1}: this line is not what draftdiff wrote for this snapshot: found "
            f"{_excerpt(a, col)}, expected {_excerpt(b, col)}; the file was edited after it was made")


def _excerpt(text: str, col: int, before: int = 20, width: int = 60) -> str:
    """The part of a line from a little before ``col``, so two long lines show where they differ."""
    start = max(0, col - before)
    part = text[start:start + width]
    if not part and col >= len(text):
        return "(end of line)"
    return ("…" if start else "") + repr(part)[1:-1] + ("…" if start + width < len(text) else "")


# --- the parts of a citation that are not content, read back from the file ------------------------

def as_written(snap: Snapshot, text: str, fmt: str, name: str) -> Snapshot:
    """``snap`` (content rebuilt from the drafts) with the provenance ``text`` states.

    The later versions are the caller's: they come from the drafts, not from the file (see :func:`later_as_listed`).
    """
    if fmt == "csv":  # rows of content and the marker, nothing else
        return snap
    note = _note(text, fmt)
    if fmt == "text":
        found = _BOARD_RE.search(text)
        command = re.search(r"^reproduce: (.*)$", text, re.M)
        generated = re.search(r"^generated (.*)$", text, re.M)
        if found is None or command is None:
            raise NotFaithful(f"{name}: the board's digest or reproduce line is missing or edited; "
                              "the file was edited after it was made")
        version, commit, dirty, repo = found["version"], found["commit"], found["dirty"], None
        cmd, when = command.group(1), generated.group(1) if generated else None
    else:
        match = NOTE_RE.search(note or "")
        if match is None:
            raise NotFaithful(f"{name}: the citation's note (version, commit, reproduce command) is missing or "
                              "edited; the file was edited after it was made")
        version, commit, dirty, repo = match["version"], match["commit"], match["dirty"], match["repo"]
        cmd, when = match["command"], _issued(text, fmt)
    folder, authors = _command(cmd, name)
    prov = Provenance(version, folder, commit, bool(dirty) if commit else None, folder if commit else None,
                      repo, when, authors)
    return replace(snap, provenance=prov)


def cited_repository(text: str, fmt: str) -> str | None:
    """The repository a citation's note names (``at commit C of REPO``), if any."""
    match = NOTE_RE.search(_note(text, fmt) or "")
    return match["repo"] if match else None


def _note(text: str, fmt: str) -> str | None:
    if fmt == "bibtex":
        found = re.search(r"^  note = \{(.*)\},?$", text, re.M)
        return untex(found.group(1)) if found else None
    if fmt == "csl":
        try:
            items = json.loads(text)
            return str(items[0]["note"])
        except (ValueError, LookupError, TypeError):
            return None
    if fmt == "cff":
        found = re.search(r"^abstract: (\".*\")$", text, re.M)
        try:
            return str(json.loads(found.group(1))) if found else None
        except ValueError:
            return None
    return None


_UNTEX = {r"\textbackslash{}": "\\", r"\textbraceleft{}": "{", r"\textbraceright{}": "}",
          r"\textasciicircum{}": "^", r"\textasciitilde{}": "~"}


def untex(text: str) -> str:
    """The reverse of the BibTeX renderer's escaping (spaces it collapsed stay collapsed)."""
    while "-{}-" in text:
        text = text.replace("-{}-", "--")
    return re.sub(r"\\text[a-z]+\{\}|\\[#$%&_]", lambda m: _UNTEX.get(m.group(), m.group()[1:]), text)


def _issued(text: str, fmt: str) -> str | None:
    """The generation date a citation shows as its access date (only the day is shown, and needed)."""
    if fmt == "bibtex":
        found = re.search(r"^  urldate = \{(\d{4}-\d{2}-\d{2})\},?$", text, re.M)
        return found.group(1) if found else None
    if fmt == "cff":
        return None  # CFF shows no generation date
    try:
        parts = json.loads(text)[0]["accessed"]["date-parts"][0]
        return f"{int(parts[0]):04d}-{int(parts[1]):02d}-{int(parts[2]):02d}"
    except (ValueError, LookupError, TypeError):
        return None


def _command(command: str, name: str) -> tuple[str, tuple[str, ...]]:
    """The drafts folder and the authors from the reproduce command."""
    try:
        words = shlex.split(command)
    except ValueError:
        raise NotFaithful(f"{name}: the reproduce command is not one draftdiff wrote; the file was edited") from None
    folder, authors = "drafts", []
    for flag, value in pairwise(words):
        if flag == "--drafts":
            folder = value
        elif flag == "--author":
            authors.append(value)
    return folder, tuple(authors)


def later_listed(text: str) -> tuple[DraftRef, ...]:
    """The later versions the board's ``later versions, not used:`` line names, as it shows them (id and date)."""
    found = re.search(r"^later versions, not used: (.*)$", text, re.M)
    if not found:
        return ()
    parts = (re.fullmatch(r"(.*) \(([^()]*)\)", part) for part in found.group(1).split(", "))
    return tuple(DraftRef(m.group(1), m.group(2), "", "", "", role="later") for m in parts if m)


def later_as_listed(listed: Sequence[DraftRef], stated_top: str, source: Snapshot) -> tuple[DraftRef, ...]:
    """The later versions ``source`` (a snapshot rebuilt from drafts) gives, of those a file lists.

    Later versions are not in the digest: one added since the file was made is left out,
    as the file has it; every one it lists is as the drafts give it (date, title, ids,
    hashes). Its file name is the file's when it is the same file within its folder
    (a collection checked out elsewhere), as :func:`draftdiff.snapshot.changes.moved_files` has it.
    """
    from draftdiff.snapshot.changes import shared_folder, within

    files = {d.id: d.file for d in listed}
    top = shared_folder(source)
    out = []
    for d in source.later:
        if d.id not in files:
            continue
        said = files.get(d.id)
        if said and d.file and said != d.file and within(said, stated_top) == within(d.file, top):
            d = replace(d, file=said)
        out.append(d)
    return tuple(out)
