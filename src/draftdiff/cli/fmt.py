"""Bring draft files to the canonical layout; --check only says which would change (exit 1, with a diff).

  draftdiff fmt drafts/            # rewrite what differs
  draftdiff fmt --check drafts/    # CI and pre-commit: exit 1 and the diff when a file would change

The canonical layout: mappings indented by 2, list items by 4 with the dash at 2, LF line endings, no
byte-order mark, one final newline. Quoting, folding, [a, b] lists, key order and comments stay as written.
A file that would then read differently (data, comments, an escape's spelling) is refused, never changed.
Exit 0 nothing to change (or all written), 1 a file would change (--check) or was refused, 2 could not run.
"""

from __future__ import annotations

import argparse
import sys

from draftdiff.cli import EXIT_FINDINGS, EXIT_OK, EXIT_TROUBLE

HELP = "write draft files in the canonical layout (--check: only report)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.formatter_class = argparse.RawDescriptionHelpFormatter
    parser.add_argument("paths", nargs="*", metavar="PATH", help="draft files or directories (default: ./drafts)")
    parser.add_argument("--check", action="store_true", help="write nothing; exit 1 and print a diff if a file would change")
    parser.add_argument("-q", "--quiet", action="store_true", help="no diff, only the file names")


def run(args: argparse.Namespace) -> int:
    from draftdiff.collection import CollectionError, find_draft_files
    from draftdiff.edit import CannotEdit, format_file
    from draftdiff.textsafe import visible

    try:
        files = find_draft_files(args.paths or ["drafts"])
    except CollectionError as exc:
        print(f"draftdiff fmt: {exc}", file=sys.stderr)
        return EXIT_TROUBLE
    code = EXIT_OK
    changed = 0
    for path in files:
        try:
            result = format_file(path, check=args.check)
        except CannotEdit as exc:
            print(f"draftdiff fmt: {exc}", file=sys.stderr)
            code = max(code, EXIT_TROUBLE)
            continue
        if result.refused:
            print(f"draftdiff fmt: {path}: refused: {visible(result.refused)}", file=sys.stderr)
            code = max(code, EXIT_FINDINGS)
        elif result.changed:
            changed += 1
            if args.check:
                code = max(code, EXIT_FINDINGS)
                if not args.quiet:
                    sys.stdout.write(visible(result.diff))
                print(f"would reformat {path}", file=sys.stderr)
            else:
                print(f"reformatted {path}")
    if not changed and code == EXIT_OK:
        print(f"{len(files)} file{'s' * (len(files) != 1)} already in the canonical layout", file=sys.stderr)
    return code
