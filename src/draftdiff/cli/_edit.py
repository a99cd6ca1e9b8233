"""What every edit command shares: --dry-run, --allow-errors, running the write path, exit codes."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from draftdiff.cli import EXIT_FINDINGS, EXIT_OK, EXIT_TROUBLE, flag_hint


def add_common(parser: argparse.ArgumentParser, *, file_help: str = "the draft file to change") -> None:
    parser.formatter_class = argparse.RawDescriptionHelpFormatter  # the examples keep their lines
    parser.add_argument("file", metavar="FILE", help=file_help)
    parser.add_argument("-n", "--dry-run", action="store_true", help="print the unified diff; write nothing")
    parser.add_argument("--allow-errors", action="store_true",
                        help="write even if the collection then has new errors (mid-way through an update)")


def run_edit(args: argparse.Namespace, make: Callable[[dict[str, Any]], Any], *, target: Path | None = None) -> int:
    """Run ``make`` through the write path on ``args.file``; print what happened; return the exit code."""
    from draftdiff.edit import CannotEdit, apply_edit

    name = f"draftdiff {args.command}"
    try:
        result = apply_edit(args.file, make, dry_run=args.dry_run, allow_errors=args.allow_errors, target=target)
    except CannotEdit as exc:
        print(f"{name}: {exc}", file=sys.stderr)
        return EXIT_TROUBLE
    from draftdiff.render import render

    result.hint = flag_hint(result.hint)  # the remedy in this face's words: its flags

    out = render("edit", "text", result, dry_run=args.dry_run, command=name, stream="out")
    err = render("edit", "text", result, dry_run=args.dry_run, command=name, stream="err")
    if out:
        sys.stdout.write(out)
        sys.stdout.flush()
    if err:
        sys.stderr.write(err)
    return EXIT_FINDINGS if result.refused else EXIT_OK


def text_arg(value: str) -> str:
    """Text from the command line, with ``@FILE`` for longer text (``-`` for stdin) kept out of the shell."""
    if value.startswith("@") and len(value) > 1:
        from draftdiff.cli import UsageError

        source = value[1:]
        try:
            text = sys.stdin.read() if source == "-" else Path(source).read_text(encoding="utf-8")
        except OSError as exc:
            raise UsageError(f"cannot read {source}: {exc.strerror or exc}") from None
        return text.strip()
    return value
