"""Open the terminal UI on a collection of drafts (default: ./drafts, else the drafts bundled with draftdiff)."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from draftdiff.cli import EXIT_OK, UsageError

HELP = "open the terminal UI: status board, articles, redlines, history (the default command)"

BENCH_ENV = "DRAFTDIFF_TUI_EXIT_WHEN_READY"
"""Set to 1 to run headless and exit as soon as the board is drawn (start-up measurements)."""

READY_STAMP_ENV = "DRAFTDIFF_TUI_READY_STAMP"
"""A file to which the monotonic clock is appended when the board is drawn (start-up measurements)."""

FRAME_STAMP_ENV = "DRAFTDIFF_TUI_FRAME_STAMP"
"""A file to which the monotonic clock is appended when the first frame is drawn (before the drafts are read)."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="*", metavar="PATH",
                        help="draft files or folders (default: ./drafts if present, else the bundled drafts)")
    parser.add_argument("--at", metavar="DATE",
                        help="start on the version in force at DATE (2024-09-11, 2024-09, 'Sep 2024')")
    parser.add_argument("--version-id", metavar="ID", help="start on the draft with this id")
    parser.add_argument("--light", action="store_true", help="start with the light theme")
    parser.add_argument("--no-watch", action="store_true", help="do not reload when draft files change")


def default_paths() -> list[Path]:
    from draftdiff.bundled import default_drafts

    found = default_drafts()
    if found is None:
        raise UsageError("no ./drafts folder here and no drafts bundled with this install; "
                         "name a folder of drafts: draftdiff tui PATH")
    return [found]


def run(args: argparse.Namespace) -> int:
    """Check the paths and options here (clear refusals, exit 2); the app reads the drafts in a worker."""
    from draftdiff.collection import CollectionError, find_draft_files
    from draftdiff.history import DATE_HINT, parse_when

    paths = [Path(p) for p in args.paths] or default_paths()
    try:
        find_draft_files(paths)
    except CollectionError as exc:
        raise UsageError(f"{exc} (draftdiff tui takes folders or files of drafts)") from None
    if args.at and parse_when(args.at) is None:
        raise UsageError(f"--at {args.at!r}: not a date ({DATE_HINT})")
    bench = os.environ.get(BENCH_ENV) == "1"
    if not bench and not (sys.stdin.isatty() and sys.stdout.isatty()):
        raise UsageError("the terminal UI needs an interactive terminal; for scripts use "
                         "'draftdiff validate', 'draftdiff diff' or 'draftdiff snapshot'")
    from draftdiff.tui.app import DraftDiffApp

    app = DraftDiffApp(paths, version=args.version_id, at=args.at, watch=not args.no_watch and not bench,
                       light=args.light, exit_when_ready=bench,
                       ready_stamp=Path(os.environ[READY_STAMP_ENV]) if os.environ.get(READY_STAMP_ENV) else None,
                       frame_stamp=Path(os.environ[FRAME_STAMP_ENV]) if os.environ.get(FRAME_STAMP_ENV) else None)
    app.run(headless=bench)
    return EXIT_OK
