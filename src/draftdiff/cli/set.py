"""Change one field of an existing record, addressed by ids: for corrections no other command makes.

  draftdiff set drafts/x.yaml 'articles[third-party-forces].status_note' "…"
  draftdiff set drafts/x.yaml 'sources[tass-1704669].title' "…"
  draftdiff set drafts/x.yaml 'articles[7].number' 8             # typed by the field: 8 a number, "5 bis" text
  draftdiff set drafts/x.yaml 'articles[7].sources' '["a", "b"]' --json   # a list, or null, as JSON
  draftdiff set drafts/x.yaml 'sources[tass-1704669].url' --delete

Lists are addressed by an entry's id (articles also by number, entries without ids by position from 0).
Exit 0 written (or nothing to do), 1 refused, 2 could not run.
"""

from __future__ import annotations

import argparse
import json

from draftdiff.cli import UsageError
from draftdiff.cli._edit import AT_FILE, add_common, run_edit, text_arg

HELP = "set one field of a draft, addressed by ids"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_common(parser)
    parser.add_argument("address", metavar="FIELD", help="e.g. articles[third-party-forces].status_note")
    parser.add_argument("value", nargs="?", type=text_arg, metavar="VALUE", help=f"the new text ({AT_FILE})")
    parser.add_argument("--json", action="store_true", help="VALUE is JSON (a number, list, true/false, null)")
    parser.add_argument("--delete", action="store_true", help="remove the field")


def run(args: argparse.Namespace) -> int:
    from draftdiff.edit import ops

    if args.delete == (args.value is not None):
        raise UsageError("give a VALUE, or --delete")
    value = args.value
    if args.json and value is not None:
        try:
            value = json.loads(value)
        except json.JSONDecodeError as exc:
            raise UsageError(f"VALUE is not JSON ({exc.msg})") from None
    return run_edit(args, lambda data: ops.set_field(data, args.address, value, delete=args.delete,
                                                      as_text=not args.json))
