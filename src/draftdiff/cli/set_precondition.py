"""Record where a precondition stands: its status, the source that says so, a note.

  draftdiff set-precondition drafts/2025-03-13-finalized.yaml constitution-change --status open \\
      --source azernews-239032 --note "…"

Exit 0 written (or nothing to do), 1 refused, 2 could not run.
"""

from __future__ import annotations

import argparse

from draftdiff.cli._edit import AT_FILE, add_common, run_edit, text_arg
from draftdiff.vocab import NO_BASIS

HELP = "set a precondition's status, with its source or note"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_common(parser)
    parser.add_argument("precondition", metavar="ID", help="the precondition's id")
    parser.add_argument("--status", help="open | met | withdrawn | transformed | in-agreement | rejected | unknown")
    parser.add_argument("--basis", choices=("reported", "inferred", NO_BASIS),
                        help=f"how the status is known; {NO_BASIS} takes a recorded basis away")
    parser.add_argument("--source", action="append", default=[], metavar="ID", help="a source id (repeatable)")
    parser.add_argument("--note", type=text_arg, metavar="TEXT", help=f"the status note ({AT_FILE})")


def run(args: argparse.Namespace) -> int:
    from draftdiff.edit import ops

    return run_edit(args, lambda data: ops.set_precondition(data, args.precondition, status=args.status,
                                                            sources=args.source, note=args.note, basis=args.basis))
