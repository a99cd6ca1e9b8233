"""Show the status board: every article's status in the latest version (or as of a date)."""

from __future__ import annotations

import argparse
import sys

from draftdiff.cli import write_output

HELP = "the status board of every article, latest or as of a date"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    from draftdiff.cli.snapshot import add_selection_arguments

    add_selection_arguments(parser)
    color = parser.add_mutually_exclusive_group()
    color.add_argument("--color", dest="color", action="store_true", default=None, help="force colour")
    color.add_argument("--no-color", dest="color", action="store_false", help="no colour (NO_COLOR also works)")


def run(args: argparse.Namespace) -> int:
    from draftdiff.cli.snapshot import build_from_args
    from draftdiff.render import render
    from draftdiff.render.ansi import use_color

    snap = build_from_args(args, "showing where the articles stand")
    write_output(render("snapshot", "text", snap, color=use_color(sys.stdout, args.color)), None)
    return 0
