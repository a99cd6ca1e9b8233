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
                        help="write even if the collection then has new errors (mid-way through an update); "
                             "never a file draftdiff could not read again (too large, too many lines)")


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


AT_FILE = "@FILE reads it from a file, @- from standard input; @@ for a text that begins with @"
"""How --help says what :func:`text_arg` does, on every option that takes it (and only those)."""


def text_arg(value: str) -> str:
    """Long text from the command line: ``@FILE`` reads it from a file (``@-`` from stdin), ``@@…`` is ``@…``.

    Only the options whose help says so take it (``--quote``, ``--note``, ``--notes``,
    ``--summary``, set's VALUE); a name or title is always the text given (``--author @x``).
    """
    if value.startswith("@@"):
        return value[1:]
    if value.startswith("@") and len(value) > 1:
        return read_text_file(value[1:]).strip()
    return value


def read_text_file(source: str) -> str:
    """The UTF-8 text of a regular file (``-``: standard input), no larger than a draft may be (exit 2 if not).

    A device, FIFO or folder is refused before anything is read (``@/dev/zero`` would
    never end), and no more than the draft size limit plus one byte is ever read.
    """
    import os
    import stat

    from draftdiff.cli import UsageError
    from draftdiff.load import MAX_BYTES

    def refuse(why: str) -> UsageError:
        return UsageError(f"cannot read {source}: {why} (@FILE reads the text of a file; @@ for a literal @)")

    if source == "-":
        stream = getattr(sys.stdin, "buffer", None)
        data = stream.read(MAX_BYTES + 1) if stream is not None else sys.stdin.read(MAX_BYTES + 1).encode("utf-8")
    else:
        try:
            if not stat.S_ISREG(os.stat(source).st_mode):
                raise refuse("not a regular file")
            fd = os.open(source, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
            with os.fdopen(fd, "rb") as handle:
                if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):  # swapped since the check above
                    raise refuse("not a regular file")
                data = handle.read(MAX_BYTES + 1)
        except OSError as exc:
            raise refuse(exc.strerror or str(exc)) from None
    if len(data) > MAX_BYTES:
        raise refuse(f"over the {MAX_BYTES:,}-byte limit for a draft")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise refuse(f"not UTF-8 text (byte {exc.start})") from None
