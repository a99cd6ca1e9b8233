"""Print a draft as article-ordered plain text, for git's textconv (``git diff``, ``git log -p``).

A file that is not a valid draft is printed as it is, so git still shows a diff.
"""

from __future__ import annotations

import argparse
import sys

from draftdiff.cli import UsageError, write_output

HELP = "a draft as plain text, article by article (for git diff textconv)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", metavar="FILE", help="a draft file (git passes a temporary copy)")
    parser.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of standard output")


def run(args: argparse.Namespace) -> int:
    from draftdiff.load import DraftReadError, load_draft
    from draftdiff.textconv import as_text, raw_bytes
    from draftdiff.textsafe import visible

    try:
        loaded = load_draft(args.file)
    except DraftReadError as exc:
        raise UsageError(str(exc)) from None
    if loaded.draft is None:
        data = loaded.data
        if any(d.rule == "file-too-large" for d in loaded.diagnostics):
            why = "is larger than a draft may be"
            data = raw_bytes(args.file)  # the reader kept none of it; git must still see the change
        else:
            why = "is not a valid draft"
        print(f"draftdiff textconv: {visible(args.file, keep_newlines=False)} {why}; showing it unchanged",
              file=sys.stderr)
        write_output(visible(data.decode("utf-8", "replace")), args.output)
        return 0
    write_output(as_text(loaded.draft), args.output)
    return 0
