"""Start a new version of the agreement from an earlier one.

  draftdiff new-version drafts/2024-12-18-status.yaml --id 2025-03-13-finalized --date 2025-03-13 \\
      --kind joint-text --by joint --title "Text finalised, 13 March 2025"

The new file (next to the base, named ID.yaml unless -o) has the base's articles and preconditions with
their ids, so 'draftdiff diff' lines them up, and based_on the base. What belongs to the base only (title,
summary, notes, date note, attestation, claimed counts) is set from the arguments or left out, and so are
sources only those cited. An id or file that exists is refused. Exit 0 written, 1 refused, 2 could not run.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from draftdiff.cli._edit import AT_FILE, add_common, run_edit, text_arg

HELP = "start a new version from an earlier one"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_common(parser, file_help="the version the new one is based on")
    parser.add_argument("--id", required=True, help="the new version's id (never reused)")
    parser.add_argument("--date", required=True, help="YYYY-MM-DD")
    parser.add_argument("--date-precision", choices=("day", "month", "approximate"))
    parser.add_argument("--kind", required=True,
                        help="principles | proposal | counter-proposal | joint-text | status-report | initialed | signed")
    parser.add_argument("--by", required=True, metavar="PARTY", help="who proposed it: a party id, or joint")
    parser.add_argument("--title", required=True)
    parser.add_argument("--stage", help="default: the base's stage")
    parser.add_argument("--summary", type=text_arg, metavar="TEXT", help=f"the version's summary ({AT_FILE})")
    parser.add_argument("--coverage", choices=("complete", "partial", "none"), help="article_coverage")
    parser.add_argument("-o", "--output", metavar="FILE", help="the new file (default: ID.yaml beside the base)")


def run(args: argparse.Namespace) -> int:
    from draftdiff.edit import ops

    base = Path(args.file)
    target = Path(args.output) if args.output else base.parent / f"{args.id}.yaml"
    fields = {"id": args.id, "title": args.title, "date": args.date, "date_precision": args.date_precision,
              "kind": args.kind, "proposed_by": args.by, "stage": args.stage, "summary": args.summary,
              "article_coverage": args.coverage}
    ids = _ids_in(target.parent)
    return run_edit(args, lambda data: ops.new_version(data, fields, ids), target=target)


def _ids_in(folder: Path) -> list[str]:
    """The draft ids already used in the new file's folder (ids are never reused)."""
    from draftdiff.collection import CollectionError, load_draft_set

    try:
        return load_draft_set([folder]).ids()
    except CollectionError:
        return []
