"""Add a source to a draft: the published item later statements point at.

  draftdiff add-source drafts/2025-03-13-finalized.yaml --id mfa-am-2025-03-13 --publisher "…" \\
      --title "…" --date 2025-03-13 --url https://… --quote "…"

An id already in use is refused; to correct a source, use 'draftdiff set FILE sources[ID].FIELD VALUE'.
Exit 0 written, 1 refused, 2 could not run.
"""

from __future__ import annotations

import argparse

from draftdiff.cli._edit import AT_FILE, add_common, run_edit, text_arg

HELP = "add a source to a draft"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_common(parser)
    parser.add_argument("--id", required=True, help="a new id: lower-case letters, digits and '-'")
    parser.add_argument("--title", required=True, help="the item's title (in [brackets] if given by you)")
    parser.add_argument("--publisher", required=True, help="the outlet")
    parser.add_argument("--author")
    parser.add_argument("--date", help="YYYY-MM-DD")
    parser.add_argument("--url", help="https://…")
    parser.add_argument("--quote", type=text_arg, help=f"a short, exact quote ({AT_FILE})")
    parser.add_argument("--quote-basis", choices=("verbatim", "translation", "paraphrase"))
    parser.add_argument("--language", help="the language of the quote, e.g. en, ru, hy, az")
    parser.add_argument("--notes", type=text_arg, metavar="TEXT", help=f"notes on the source ({AT_FILE})")


def run(args: argparse.Namespace) -> int:
    from draftdiff.edit import ops

    fields = {"id": args.id, "title": args.title, "publisher": args.publisher, "author": args.author,
              "date": args.date, "url": args.url, "quote": args.quote, "quote_basis": args.quote_basis,
              "language": args.language, "notes": args.notes}
    return run_edit(args, lambda data: ops.add_source(data, fields))
