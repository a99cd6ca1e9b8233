"""Compare two drafts article by article as a redline; exit 0 same, 1 different, 2 trouble.

A draft is named by a file path, by ``REV:path`` for a file at a git revision
(``HEAD~3:drafts/x.yaml``), or by its draft id, looked up in --drafts DIR.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from draftdiff.cli import (
    EXIT_FINDINGS,
    EXIT_OK,
    EXIT_TROUBLE,
    UsageError,
    refuse_binary_to_terminal,
    with_flag_hints,
    write_output,
)

HELP = "compare two drafts article by article (redline)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("old", metavar="OLD", help="the earlier draft: FILE, REV:FILE or a draft id")
    parser.add_argument("new", metavar="NEW", help="the later draft: FILE, REV:FILE or a draft id")
    parser.add_argument("--drafts", metavar="DIR", default=None,
                        help="where draft ids are looked up (default: ./drafts, else the bundled drafts)")
    from functools import partial

    from draftdiff.render import format_name, formats

    parser.add_argument("-f", "--format", choices=formats("diff"), type=partial(format_name, "diff"), default="text",
                        help="output format (default: text); docx is a Word redline with tracked changes "
                             "(needs -o FILE or a redirect)")
    parser.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of standard output")
    parser.add_argument("--stat", action="store_true", help="a per-article summary only, no redlines")
    parser.add_argument("--granularity", choices=("word", "char"), default="word",
                        help="redline by whole words (default) or by characters")
    parser.add_argument("-i", "--ignore-case", action="store_true", help="upper/lower case does not count")
    parser.add_argument("-w", "--ignore-space", action="store_true", help="spacing and line breaks do not count")
    parser.add_argument("--ignore-punctuation", action="store_true", help="punctuation does not count")
    parser.add_argument("--ignore-party-order", action="store_true",
                        help="wording that differs only in the order the parties are named (alternat) is the same")
    parser.add_argument("-a", "--all", action="store_true", help="also list unchanged articles and preconditions")
    parser.add_argument("--substantive", action="store_true",
                        help="every format: leave out clerical changes: articles and preconditions whose sources, "
                             "notes or bases alone changed, and the version's sources, claimed counts, summary, "
                             "notes and attestation (the exit code still counts them)")
    parser.add_argument("--context", type=int, default=30, metavar="WORDS",
                        help="text/markdown: words of unchanged text kept around each change (default 30)")
    parser.add_argument("--full", action="store_true", help="text/markdown: show whole articles, no '…' cuts")
    parser.add_argument("--html-layout", choices=("inline", "side-by-side"), default="inline",
                        help="html: how redlines open (both are in the page)")
    parser.add_argument("--timeout", type=float, default=2.0, metavar="SECONDS",
                        help="time allowed to each comparison before a coarser fallback (default 2)")
    color = parser.add_mutually_exclusive_group()
    color.add_argument("--color", dest="color", action="store_true", default=None, help="force colour")
    color.add_argument("--no-color", dest="color", action="store_false", help="no colour")


def run(args: argparse.Namespace) -> int:
    from draftdiff.diff import DiffOptions, diff_drafts
    from draftdiff.diff.engine import PARTY_ORDER_HIDDEN_BY
    from draftdiff.render import is_binary, render
    from draftdiff.render.ansi import use_color

    if is_binary("diff", args.format):
        refuse_binary_to_terminal(f"a {args.format} redline", args.output)
    if args.context < 0:
        raise UsageError("--context must be 0 or more words")
    if not args.timeout > 0:
        raise UsageError("--timeout must be more than 0 seconds")
    old = resolve(args.old, args.drafts)
    new = resolve(args.new, args.drafts)
    if old is None or new is None:
        return EXIT_TROUBLE
    options = DiffOptions(granularity=args.granularity, ignore_case=args.ignore_case,
                          ignore_space=args.ignore_space, ignore_punctuation=args.ignore_punctuation,
                          ignore_party_order=args.ignore_party_order, timeout=args.timeout)
    result = diff_drafts(old[0], new[0], options, old_label=old[1], new_label=new[1])
    result.notes = [note.replace(PARTY_ORDER_HIDDEN_BY, "--ignore-party-order hides it") for note in result.notes]
    fmt = args.format
    extra: dict[str, object] = {"stat": args.stat, "show_all": args.all, "substantive": args.substantive}
    if fmt in ("text", "markdown"):
        extra["context"] = None if args.full else args.context
    if fmt == "text":
        extra["color"] = use_color(sys.stdout, args.color) and not args.output
    if fmt == "html":
        extra["layout"] = args.html_layout
    write_output(render("diff", fmt, result, **extra), args.output)
    return EXIT_FINDINGS if result.has_differences else EXIT_OK


def resolve(arg: str, drafts_dir: str | None):  # type: ignore[no-untyped-def]
    """``(Draft, label)`` for a path, ``REV:path`` or draft id; None after printing why it is unusable."""
    from draftdiff.git import read_rev_path, split_rev_path
    from draftdiff.load import load_draft, read_draft

    rev_path = split_rev_path(arg)
    if Path(arg).is_file():
        loaded = load_draft(arg)  # DraftReadError: its message and exit code, from main()
    elif rev_path is not None:
        loaded = read_draft(read_rev_path(*rev_path), arg)
    elif Path(arg).is_dir():
        raise UsageError(f"{arg}: is a directory; name one draft file, REV:FILE or a draft id")
    else:
        loaded = _by_id(arg, drafts_dir)
    if loaded.draft is None:
        from draftdiff.diagnostics import Report
        from draftdiff.render import render

        report = Report(files=[loaded.name], diagnostics=loaded.diagnostics)
        sys.stderr.write(render("diagnostics", "text", with_flag_hints(report), color=False, hints=True))
        from draftdiff.textsafe import visible

        print(f"draftdiff diff: {visible(loaded.name)} is not a valid draft; fix the errors above "
              "('draftdiff validate' checks it)", file=sys.stderr)
        return None
    return loaded.draft, arg


def _by_id(draft_id: str, named: str | None):  # type: ignore[no-untyped-def]
    import difflib

    from draftdiff.bundled import default_drafts

    found = default_drafts(named)
    drafts_dir = str(found) if found is not None else (named or "drafts")

    from draftdiff.collection import find_draft_files
    from draftdiff.load import DraftReadError, load_draft

    looks_like_path = "/" in draft_id or draft_id.endswith((".yaml", ".yml"))
    if looks_like_path or not Path(drafts_dir).is_dir():
        where = "" if Path(drafts_dir).is_dir() else f" (and there is no drafts directory {drafts_dir}/ to look up ids in)"
        raise UsageError(f"{draft_id}: no such file, git REV:path or draft id{where}")
    files = find_draft_files([drafts_dir])
    ids: list[str] = []
    for path in files:
        if path.stem == draft_id:
            return load_draft(path)
    for path in files:  # the id inside the file, when the file name differs
        try:
            loaded = load_draft(path)
        except DraftReadError:
            continue
        if loaded.draft is not None:
            if loaded.draft.id == draft_id:
                return loaded
            ids.append(loaded.draft.id)
    close = difflib.get_close_matches(draft_id, ids, n=3)
    hint = f"; did you mean {', '.join(close)}?" if close else f"; ids there: {', '.join(sorted(ids)[:12])}" if ids else ""
    raise UsageError(f"{draft_id}: no such file, git REV:path or draft id in {drafts_dir}/{hint}")
