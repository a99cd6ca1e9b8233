"""Print the JSON Schema of a draft file (editors use it to validate and complete drafts)."""

from __future__ import annotations

import argparse

from draftdiff.cli import write_output

HELP = "print the JSON Schema of a draft file"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of stdout")


def run(args: argparse.Namespace) -> int:
    from draftdiff.schema import draft_json_schema_text

    write_output(draft_json_schema_text(), args.output)
    return 0
