"""Record a count someone made public ("13 of 17 agreed", "about 80 percent"), and see whether the board fits it.

  draftdiff add-claim drafts/2025-03-13-finalized.yaml --speaker "Jeyhun Bayramov" --date 2025-03-13 \\
      --source mfa-az-2025-03-13 --agreed 17 --total 17

A claim the statuses cannot be (the claimed-counts rule) is refused unless --allow-errors.
Exit 0 written, 1 refused, 2 could not run.
"""

from __future__ import annotations

import argparse

from draftdiff.cli._edit import AT_FILE, add_common, run_edit, text_arg

HELP = "record a publicly claimed count of agreed articles"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_common(parser)
    parser.add_argument("--source", required=True, metavar="ID", help="the source id the claim is from")
    parser.add_argument("--speaker")
    parser.add_argument("--date", help="YYYY-MM-DD, when it was said")
    for status in ("agreed", "partial", "disputed", "total"):
        parser.add_argument(f"--{status}", type=int, metavar="N", help=f"articles said to be {status}"
                            if status != "total" else "articles said to be in the text")
    parser.add_argument("--percent", type=float, metavar="P", help="share of the text said to be agreed")
    parser.add_argument("--approximate", action="store_true", help="the claim was hedged ('about', 'at least')")
    parser.add_argument("--notes", type=text_arg, metavar="TEXT", help=f"notes on the claim ({AT_FILE})")


def run(args: argparse.Namespace) -> int:
    from draftdiff.edit import ops

    fields = {"agreed": args.agreed, "partial": args.partial, "disputed": args.disputed, "total": args.total,
              "agreed_percent": args.percent, "approximate": args.approximate, "speaker": args.speaker,
              "date": args.date, "source": args.source, "notes": args.notes}
    return run_edit(args, lambda data: ops.add_claim(data, fields))
