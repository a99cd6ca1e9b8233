"""Record where an article stands: its status and what that rests on (a source, or a note saying from what).

  draftdiff set-status drafts/2025-03-13-finalized.yaml third-party-forces agreed --source mfa-am-2025-03-13
  draftdiff set-status drafts/2025-03-13-finalized.yaml 15 agreed --basis inferred --note "…"

A reported status needs --source (add it first with add-source); an inferred one needs --note. When the
status changes and no --note is given, the old status note (which explained the old status) is removed.
Exit 0 written (or nothing to do), 1 refused, 2 could not run.
"""

from __future__ import annotations

import argparse

from draftdiff.cli._edit import AT_FILE, add_common, run_edit, text_arg

HELP = "set an article's status, with its source or note"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_common(parser)
    parser.add_argument("article", metavar="ARTICLE", help="the article's id (or its number)")
    parser.add_argument("status", metavar="STATUS", help="agreed | partial | disputed | removed | unknown")
    parser.add_argument("--basis", choices=("reported", "inferred"),
                        help="reported (needs --source) or inferred (needs --note); default from what is given")
    parser.add_argument("--source", action="append", default=[], metavar="ID",
                        help="a source id of the draft that reports the status (repeatable)")
    parser.add_argument("--note", type=text_arg, metavar="TEXT", help=f"the status note ({AT_FILE})")


def run(args: argparse.Namespace) -> int:
    from draftdiff.edit import EditRefused, ops
    from draftdiff.edit.newversion import in_force_refusal

    def make(data: dict[str, object]) -> object:
        try:
            return ops.set_status(data, args.article, args.status, basis=args.basis, sources=args.source,
                                  note=args.note)
        except EditRefused as refusal:  # a version known only by its date: the one in force then, named
            raise in_force_refusal(refusal, args.file) from None

    return run_edit(args, make)
