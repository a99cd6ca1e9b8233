"""Build a static site of the whole record: boards, articles, redlines, preconditions, snapshots.

  draftdiff site                      # ./drafts (else the bundled drafts) into ./public
  draftdiff site drafts/ -o public/   # open public/index.html, or put the folder on any static host

The site is built in a temporary folder beside the target and renamed into place, so a failure
leaves the old site (or none), never half of one. An existing target is replaced only when it is
empty or a site draftdiff built (it holds draftdiff-site.txt). Exit codes: 0 built, 2 trouble
(no drafts, drafts with validation errors, a target that is not draftdiff's).
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from collections.abc import Mapping
from pathlib import Path

from draftdiff.cli import EXIT_OK, UsageError

HELP = "a static site of every version: boards, articles, redlines, preconditions, citable snapshots"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.formatter_class = argparse.RawDescriptionHelpFormatter
    parser.add_argument("paths", nargs="*", metavar="DRAFTS",
                        help="draft folders or files (default: ./drafts, else the bundled drafts)")
    parser.add_argument("-o", "--output", metavar="DIR", default="public",
                        help="the folder to write the site to (default: public)")
    parser.add_argument("--title", help="the site's name (default: from the drafts' agreement id)")
    parser.add_argument("--pairs", choices=("auto", "all", "base"), default="auto",
                        help="redlines to build: every pair of versions (all), each version against its base "
                             "and the one before it (base), or all up to 20 versions, base beyond (auto)")
    parser.add_argument("--timeout", type=float, default=2.0, metavar="SECONDS",
                        help="time allowed to each comparison before a coarser fallback (default 2)")


def _drafts(paths: list[str]) -> tuple[list[str], str | None]:
    if paths:
        return paths, paths[0] if len(paths) == 1 else None
    from draftdiff.bundled import default_drafts

    folder = default_drafts(None)
    if folder is None:
        raise UsageError("no ./drafts directory here and no drafts bundled with this install; name a folder")
    if not Path("drafts").is_dir():
        print(f"draftdiff: no ./drafts here; using the drafts bundled with draftdiff ({folder})", file=sys.stderr)
    return [str(folder)], str(folder)


def run(args: argparse.Namespace) -> int:
    from draftdiff.collection import CollectionError, load_collection
    from draftdiff.diff import DiffOptions
    from draftdiff.render import render
    from draftdiff.render.site import MARKER, gather

    if not args.timeout > 0:
        raise UsageError("--timeout must be more than 0 seconds")
    target = Path(args.output)
    _check_target(target, MARKER)
    paths, drafts_path = _drafts(args.paths)
    try:
        checked = load_collection(paths)
    except CollectionError as exc:
        raise UsageError(str(exc)) from None
    if not checked.ok:
        sys.stderr.write(render("diagnostics", "text", checked.report))
        raise UsageError("the drafts have validation errors (above); fix them before building a site")
    if not checked.draft_set.drafts:
        raise UsageError("no valid drafts to build a site from")
    data = gather(checked.draft_set, drafts_path=drafts_path, pairs=args.pairs,
                  options=DiffOptions(timeout=args.timeout), title=args.title)
    files = render("site", "html", data)
    write_site(target, files, MARKER)
    print(f"draftdiff: wrote {len(files)} files to {target}/ (open {target / 'index.html'})", file=sys.stderr)
    return EXIT_OK


def _check_target(target: Path, marker: str) -> None:
    if target.exists() and not target.is_dir():
        raise UsageError(f"{target}: exists and is not a folder; name a folder for the site")
    if target.is_dir() and any(target.iterdir()) and not (target / marker).is_file():
        raise UsageError(f"{target}: a folder that draftdiff did not build (no {marker} in it); "
                         "name an empty or new folder, or remove it first")


def write_site(target: Path, files: Mapping[str, bytes], marker: str) -> None:
    """Write the whole site beside ``target``, then swap it into place: readers never see half a site."""
    _check_target(target, marker)
    parent = target.resolve().parent
    try:
        parent.mkdir(parents=True, exist_ok=True)
        building = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".building", dir=parent))
    except OSError as exc:
        raise UsageError(f"cannot write {target}: {exc.strerror or exc}") from None
    try:
        for rel, data in files.items():
            path = building / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
        os.chmod(building, 0o755)
        old = None
        if target.exists():
            old = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".old", dir=parent))
            os.replace(target, old / "site")
        try:
            os.replace(building, target)
        except OSError:
            if old is not None:  # put the old site back
                os.replace(old / "site", target)
            raise
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
    except OSError as exc:
        shutil.rmtree(building, ignore_errors=True)
        raise UsageError(f"cannot write {target}: {exc.strerror or exc}") from None
    except BaseException:
        shutil.rmtree(building, ignore_errors=True)
        raise
