"""Validate draft files and the collection they form; exit 0 valid, 1 invalid, 2 could not run."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from draftdiff.cli import UsageError, with_flag_hints, write_output

if TYPE_CHECKING:
    from draftdiff.diagnostics import Report

HELP = "check draft files (file:line:col diagnostics for CI)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="*", metavar="PATH",
                        help="draft files or directories (default: ./drafts)")
    from draftdiff.render import formats

    parser.add_argument("-f", "--format", choices=formats("diagnostics"), default=None,
                        help="output format (default: github under GitHub Actions, else text)")
    parser.add_argument("--strict", action="store_true", help="warnings also make the exit code 1")
    parser.add_argument("--disable", action="append", default=[], metavar="RULE",
                        help="skip a rule by id (repeatable); see 'draftdiff rules'")
    parser.add_argument("-o", "--output", metavar="FILE", help="write the report to FILE")
    color = parser.add_mutually_exclusive_group()
    color.add_argument("--color", dest="color", action="store_true", default=None, help="force colour")
    color.add_argument("--no-color", dest="color", action="store_false", help="no colour")
    parser.add_argument("--follow-links", action="store_true",
                        help="read linked draft files that lead out of the folder (default: refused)")
    parser.add_argument("-q", "--quiet", action="store_true", help="text format: no hints")


def run(args: argparse.Namespace) -> int:
    from draftdiff.cli.hints import describe
    from draftdiff.diagnostics import Report
    from draftdiff.errors import CouldNotRun
    from draftdiff.render import render
    from draftdiff.render.ansi import use_color

    fmt = args.format or ("github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text")
    try:
        report = _validate(args)
    except CouldNotRun as exc:  # still a report in the format asked for, so that CI has one to read or upload
        print(f"draftdiff validate: {describe(exc)}", file=sys.stderr)
        report = Report(failure=str(exc))
    color = use_color(sys.stdout, args.color) and not args.output and fmt == "text"
    options = {"color": color, "hints": not args.quiet} if fmt == "text" else {}
    write_output(render("diagnostics", fmt, with_flag_hints(report), **options), args.output)
    if fmt == "github" and report.failure is None:  # annotations go to the pull request; the log says how it went
        print(report.summary(), file=sys.stderr)
    return report.exit_code(strict=args.strict)


def _validate(args: argparse.Namespace) -> Report:
    """The report on the paths asked for; :class:`CouldNotRun` when there is nothing to validate."""
    from draftdiff.validate import validate_paths

    paths = args.paths or ["drafts"]
    if not args.paths and not Path("drafts").is_dir():
        raise UsageError("no path given and no ./drafts directory here; run 'draftdiff validate PATH'")
    if args.disable:
        from draftdiff.rules import all_rules

        known = {rule.id for rule in all_rules()}
        unknown = [r for r in args.disable if r not in known]
        if unknown:
            raise UsageError(f"unknown rule id {', '.join(unknown)}; 'draftdiff rules' lists them")
    return validate_paths(paths, disabled=args.disable, follow_links=args.follow_links)
