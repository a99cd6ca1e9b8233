"""Write a citable snapshot of every article's status as of a date, or verify one.

  draftdiff snapshot --as-of 2024-09-15 --format md -o status.md
  draftdiff snapshot verify status.md            # against ./drafts (or --drafts DIR)
  draftdiff snapshot verify status.md --commit   # against the commit it records

The status as of DATE is the latest version dated on or before DATE. Exit codes:
0 written / verified, 1 the snapshot no longer matches the drafts, 2 trouble
(bad date, no draft on or before it, invalid drafts, an unreadable or hand-edited file).
"""

from __future__ import annotations

import argparse
import datetime as _dt
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from draftdiff.cli import UsageError, with_flag_hints, write_output

if TYPE_CHECKING:
    from draftdiff.snapshot import Snapshot
    from draftdiff.snapshot.inputs import InvalidDrafts

HELP = "a citable, verifiable status snapshot as of a date (formats: see --format)"


def add_selection_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--drafts", metavar="DIR", default=None, help="the drafts directory (default: ./drafts)")
    parser.add_argument("--as-of", metavar="DATE",
                        help="status as of DATE (YYYY-MM-DD): the latest version dated on or before it "
                             "(default: the latest version)")
    parser.add_argument("--draft", metavar="ID", help="use this version, chosen by id, instead of the latest")
    parser.add_argument("--follow-links", action="store_true",
                        help="read linked draft files that lead out of the drafts folder (default: refused)")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.formatter_class = argparse.RawDescriptionHelpFormatter
    parser.add_argument("action", nargs="?", choices=("verify",), metavar="verify", help="'verify FILE': check a snapshot file")
    parser.add_argument("file", nargs="?", metavar="FILE", help="the snapshot file to verify")
    add_selection_arguments(parser)
    from functools import partial

    from draftdiff.render import format_name, formats

    parser.add_argument("-f", "--format", choices=formats("snapshot"), type=partial(format_name, "snapshot"), default="md",
                        help="output format (default: md)")
    parser.add_argument("-o", "--output", metavar="FILE", help="write to FILE (atomically) instead of stdout")
    parser.add_argument("--author", action="append", default=[], metavar="NAME",
                        help="author for the citation, 'Family, Given' or an organisation (repeatable)")
    parser.add_argument("--claims-window", type=int, default=None, metavar="DAYS",
                        help="counts made public up to DAYS before the status date are listed (default: 92)")
    parser.add_argument("--timestamp", action="store_true",
                        help="record when the file was generated (SOURCE_DATE_EPOCH is honoured); the "
                             "digest does not change")
    parser.add_argument("--commit", nargs="?", const="", default=None, metavar="REV",
                        help="verify: rebuild from the drafts at the commit the snapshot records (or REV) via git")
    parser.add_argument("--recorded-folder", action="store_true",
                        help="verify: against the drafts folder the snapshot names, even outside this repository "
                             "(default: --drafts, else ./drafts)")


def _verify_folder(args: argparse.Namespace, recorded: str | None) -> tuple[str, list[str]]:
    """The collection to verify against, and a note when the folder the snapshot names is not that one.

    The current collection by default (``--drafts``, else ``./drafts``, as every
    command): a snapshot made from a tampered copy elsewhere must not verify
    itself against that copy. The folder the snapshot names is used only with
    ``--recorded-folder``, or when there is no ``./drafts`` and it lies inside
    this repository (or this folder, outside git). Outside git that folder is
    whatever the file says (nothing can prove it), so every format that names it
    gets the same note when it is not the folder checked.
    """
    folder = _chosen_folder(args, recorded)
    named = _named_folder(args, recorded)
    if not recorded or (named is not None and _same_folder(named, folder)):
        return folder, []
    if named is None:
        return folder, [f"the snapshot names the drafts folder {recorded}, which is not here (from this folder or "
                        f"the file's); this checked the drafts in {folder}"]
    return folder, [f"the snapshot was made from the drafts in {named}; this checked the drafts in {folder} (to "
                    f"check {named} instead: --drafts {named})"]


def _chosen_folder(args: argparse.Namespace, recorded: str | None) -> str:
    if args.drafts is not None:
        return _drafts_dir(args)
    named = _named_folder(args, recorded)
    if args.recorded_folder:
        if named is None:
            raise UsageError(f"{args.file} names no drafts folder that is here "
                             f"({'none recorded' if not recorded else repr(recorded)}); give one: --drafts DIR")
        return named
    if Path("drafts").is_dir():
        return "drafts"
    if named is not None:
        root = _repository()
        if _is_bundled(named):
            return _drafts_dir(args)  # the drafts that ship with draftdiff: the current collection here
        if not _inside(named, root):
            raise UsageError(f"{args.file} names the drafts folder {named}, outside this repository ({root}): it is "
                             "not trusted by default, since a snapshot made from a copy elsewhere would verify "
                             "against that copy; verify against the real collection with --drafts DIR, or pass "
                             "--recorded-folder to use the folder it names")
        return named
    return _drafts_dir(args)


def _named_folder(args: argparse.Namespace, recorded: str | None) -> str | None:
    if not recorded:
        return None
    for candidate in (Path(recorded), Path(args.file).parent / recorded):
        if candidate.is_dir():
            return str(candidate)
    return None


def _is_bundled(folder: str) -> bool:
    from draftdiff.bundled import drafts_dir

    bundled = drafts_dir()
    return bundled is not None and _same_folder(folder, str(bundled))


def _same_folder(a: str, b: str) -> bool:
    return os.path.realpath(a) == os.path.realpath(b)


def _repository() -> str:
    """The top of the git repository holding the current folder, or the current folder outside git."""
    from draftdiff.git import GitError, repo_root

    try:
        return str(repo_root("."))
    except GitError:
        return os.getcwd()


def _inside(folder: str, root: str) -> bool:
    real, top = os.path.realpath(folder), os.path.realpath(root)
    return os.path.commonpath([real, top]) == top


def _drafts_dir(args: argparse.Namespace) -> str:
    from draftdiff.bundled import default_drafts

    folder = default_drafts(args.drafts)
    if folder is None:
        if args.drafts and Path(args.drafts).is_file():
            raise UsageError(f"--drafts {args.drafts}: a file, not a folder; name the folder of drafts it is in "
                             f"(--drafts {Path(args.drafts).parent})")
        if args.drafts:
            raise UsageError(f"--drafts {args.drafts}: no such directory")
        raise UsageError("no ./drafts directory here and no drafts bundled with this install; pass --drafts DIR")
    if args.drafts is None and not Path("drafts").is_dir():
        print(f"draftdiff: no ./drafts here; using the drafts bundled with draftdiff ({folder})", file=sys.stderr)
    return str(folder)


def _invalid(exc: InvalidDrafts, doing: str = "taking a snapshot") -> UsageError:
    """Print the drafts' diagnostics; the returned error (exit 2) says what to do."""
    from draftdiff.render import render

    sys.stderr.write(render("diagnostics", "text", with_flag_hints(exc.report)))
    return UsageError(f"the drafts have validation errors (above); fix them before {doing}")


def _generated_at(args: argparse.Namespace) -> str | None:
    if not getattr(args, "timestamp", False):
        return None
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    try:
        moment = (_dt.datetime.fromtimestamp(int(epoch), _dt.UTC) if epoch
                  else _dt.datetime.now(_dt.UTC))
    except (ValueError, OverflowError, OSError):
        raise UsageError(f"SOURCE_DATE_EPOCH={epoch!r} is not a number of seconds") from None
    return moment.replace(microsecond=0).isoformat().replace("+00:00", "Z")


def build_from_args(args: argparse.Namespace, doing: str = "taking a snapshot") -> Snapshot:
    """The snapshot the arguments ask for; a DraftdiffError (exit 2) says what is wrong."""
    from draftdiff.snapshot import build_snapshot
    from draftdiff.snapshot.inputs import InvalidDrafts, load_checked

    folder = _drafts_dir(args)
    window = getattr(args, "claims_window", None)
    if window is not None and window < 0:
        raise UsageError("--claims-window must be 0 or more days")
    try:
        draft_set = load_checked(folder, follow_links=getattr(args, "follow_links", False))
        options = {} if window is None else {"claims_window_days": window}
        return build_snapshot(draft_set, args.as_of, args.draft, drafts_path=folder,
                              generated_at=_generated_at(args), authors=getattr(args, "author", ()), **options)
    except InvalidDrafts as exc:
        raise _invalid(exc, doing) from None


def run(args: argparse.Namespace) -> int:
    if args.action == "verify":
        return _verify(args)
    if args.file:
        raise UsageError(f"unexpected argument {args.file!r}; to check a snapshot: draftdiff snapshot verify FILE")
    if args.commit is not None or args.recorded_folder:
        raise UsageError("--commit and --recorded-folder are for 'draftdiff snapshot verify FILE'")
    from draftdiff.render import render

    snap = build_from_args(args)
    write_output(render("snapshot", args.format, snap), args.output)
    if args.output and args.output != "-":  # the file is the answer; say where it went and what it states
        print(f"wrote {args.output}: {args.format} snapshot as of {snap.as_of} from {snap.status_draft.id}, "
              f"{snap.digest}", file=sys.stderr)
    return 0


def _verify(args: argparse.Namespace) -> int:
    from draftdiff.render import render
    from draftdiff.snapshot.inputs import InvalidDrafts, load_at_commit, load_checked
    from draftdiff.snapshot.verify import at_commit, read_snapshot_file, repository_note, verify

    if not args.file:
        raise UsageError("verify needs a file: draftdiff snapshot verify FILE")
    if args.as_of or args.draft or args.output:
        raise UsageError("verify takes its date and draft from the file; drop --as-of, --draft and -o")
    recorded = read_snapshot_file(args.file, rendered)
    try:
        if args.commit is not None:
            revision = args.commit or recorded.commit
            if not revision:
                raise UsageError(f"{args.file} records no git commit (it was not made in a git repository, or "
                                 "this format does not carry it); give one: --commit REV")
            path = recorded.git_path or _repo_relative(args.drafts or "drafts")
            draft_set = load_at_commit(args.drafts or ".", revision, path)
            against = f"the drafts in {path} at commit {revision[:12]}"
            reference = None
        else:
            folder, notes = _verify_folder(args, recorded.drafts_path)
            draft_set = load_checked(folder, follow_links=args.follow_links)
            against = f"the drafts in {folder}"
            reference, commit_note = at_commit(recorded, folder, _repo_relative_or_none(folder))
            notes += [note for note in (commit_note, repository_note(recorded, folder)) if note]
        result = verify(recorded, draft_set, against, rendered, reference, check_files=args.commit is None)
        if args.commit is None:
            result.notes += notes
    except InvalidDrafts as exc:
        raise _invalid(exc, "verifying a snapshot against them") from None
    write_output(render("snapshot-verify", "text", result), None)
    return 0 if result.ok else 1


def rendered(snap: Snapshot, fmt: str) -> str:
    """A snapshot as this command writes it in ``fmt``: what ``verify`` compares a file's text with."""
    from draftdiff.render import render

    return render("snapshot", fmt, snap)


def _repo_relative(folder: str) -> str:
    from draftdiff.git import repo_root

    return Path(os.path.relpath(Path(folder).resolve(), repo_root(folder).resolve())).as_posix()



def _repo_relative_or_none(folder: str) -> str:
    from draftdiff.git import GitError

    try:
        return _repo_relative(folder)
    except GitError:
        return folder
