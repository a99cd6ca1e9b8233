"""Start a new version of the agreement from an earlier one.

  draftdiff new-version drafts/2024-12-18-status.yaml --id 2025-03-13-finalized --date 2025-03-13 \\
      --kind joint-text --by joint --title "Text finalised, 13 March 2025"

The new file (next to the base, named ID.yaml unless -o) has the base's articles and preconditions with
their ids, so 'draftdiff diff' lines them up, and based_on the base. What belongs to the base only (title,
summary, notes, date note, attestation, claimed counts) is set from the arguments or left out, and so are
sources only those cited. A version known only by its date records no articles: the new one is then made
from the version whose statuses are in force on its date (the output names it), as in the TUI. --date takes
a day (2025-01-20), a month (2025-01) or a day known roughly (~2025-01-20); --date-precision says the same.
An id or file that exists is refused. Exit 0 written, 1 refused, 2 could not run.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from draftdiff.cli._edit import AT_FILE, add_common, run_edit, text_arg

if TYPE_CHECKING:
    from draftdiff.collection import DraftSet

HELP = "start a new version from an earlier one"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_common(parser, file_help="the version the new one is based on")
    parser.add_argument("--id", required=True, help="the new version's id (never reused)")
    parser.add_argument("--date", required=True,
                        help="YYYY-MM-DD; YYYY-MM for a version known to the month, ~YYYY-MM-DD for one known roughly")
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
    from draftdiff.edit.newversion import base_for, new_version

    named = Path(args.file)
    target = Path(args.output) if args.output else named.parent / f"{args.id}.yaml"
    fields = {"id": args.id, "title": args.title, "date": args.date, "date_precision": args.date_precision,
              "kind": args.kind, "proposed_by": args.by, "stage": args.stage, "summary": args.summary,
              "article_coverage": args.coverage}
    here = _draft_set(named.parent)
    there = here if target.parent.resolve() == named.parent.resolve() else _draft_set(target.parent)
    ids = there.ids() if there is not None else []
    base = base_for(named, here)
    made_from = argparse.Namespace(**{**vars(args), "file": str(base.path)})
    return run_edit(made_from, lambda data: new_version(data, fields, ids, came_from=base), target=target)


def _draft_set(folder: Path) -> DraftSet | None:
    """The drafts of a folder: the ids already used (ids are never reused), the version in force on a date."""
    from draftdiff.collection import CollectionError, load_draft_set

    try:
        return load_draft_set([folder])
    except CollectionError:
        return None
