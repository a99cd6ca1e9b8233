"""Import a published or leaked text (plain text, Markdown, Word .docx, a saved web page) as a new draft.

The title, preamble, articles and annexes are recognised from their headings;
with --based-on each article takes the id of the article it continues in that
version (matched by wording and number, as `draftdiff diff` aligns them), so
`draftdiff diff BASE NEW` then shows what was renumbered, moved, split or
reworded. Exit 0 written (or dry run), 1 refused (not valid, file exists),
2 could not run (unreadable file, no headings, bad arguments).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from draftdiff import errors
from draftdiff.cli import EXIT_FINDINGS, EXIT_OK, EXIT_TROUBLE, UsageError, describe, flag_hint, with_flag_hints

if TYPE_CHECKING:
    from draftdiff.load import LoadedDraft

HELP = "import a text (txt, md, docx, html) as a new draft, ids aligned with the version it follows"
STATUSES = ("agreed", "partial", "disputed", "removed", "unknown")
KINDS = ("principles", "proposal", "counter-proposal", "joint-text", "status-report", "initialed", "signed")
STAGES = ("pre-negotiation", "negotiating", "finalized", "initialed", "signed", "ratified", "in-force")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", metavar="FILE", help="the text: .txt, .md, .docx, .html (the format is read from "
                                                     "the file itself)")
    what = parser.add_argument_group("the version")
    what.add_argument("--id", help="the new draft's id (also its file name, ID.yaml)")
    what.add_argument("--date", help="the version's date, YYYY-MM-DD")
    what.add_argument("--kind", choices=KINDS, default="proposal", help="what the version is (default: proposal)")
    what.add_argument("--by", dest="proposed_by", metavar="PARTY", help="who proposed it: a party id, or joint")
    what.add_argument("--stage", choices=STAGES, default=None,
                      help="where the negotiation stood (default: negotiating)")
    what.add_argument("--title", help="the version's title (default: the text's title line)")
    what.add_argument("--based-on", metavar="DRAFT", help="the version it follows: a draft id or file; its articles' "
                                                           "ids are continued and its folder receives the new file")
    what.add_argument("--agreement", help="without --based-on: the agreement's id")
    what.add_argument("--parties", help="without --based-on: the parties' ids, comma-separated (a,b)")
    what.add_argument("--status", choices=STATUSES, default="unknown",
                      help="every entry's status, as the source reports it (default: unknown)")
    what.add_argument("--coverage", choices=("complete", "partial"), default="complete",
                      help="complete (default): the text is the whole version; partial: only part of it is on "
                           "record (a leak of some articles), so the articles it leaves out are not 'removed'")
    what.add_argument("--text-basis", choices=("verbatim", "translation"), default="verbatim",
                      help="the wording is the original (verbatim, the default) or a translation")
    src = parser.add_argument_group("the source the text was published in")
    src.add_argument("--source-title", help="its title (required to write)")
    src.add_argument("--source-publisher", help="who published it (required to write)")
    src.add_argument("--source-url", help="where, https://…")
    src.add_argument("--source-date", help="when, YYYY-MM-DD")
    src.add_argument("--source-id", help="its id in the draft (default: from the publisher and date)")
    how = parser.add_argument_group("reading the text")
    how.add_argument("--format", choices=("text", "markdown", "html", "docx"), default=None,
                     help="the file's format (default: from its content and name)")
    how.add_argument("--encoding", help="the file's encoding when it is not UTF-8 (e.g. cp1251)")
    how.add_argument("--heading-pattern", action="append", metavar="REGEX", default=None,
                     help="what an article heading looks like, instead of the built-in forms; a regular expression "
                          "with a (?P<number>…) group and optionally (?P<title>…); may be repeated")
    how.add_argument("--map", action="append", metavar="NUMBER=ID", default=[],
                     help="give the article numbered NUMBER the id ID (overrides the alignment; may be repeated)")
    out = parser.add_argument_group("output")
    out.add_argument("--drafts", metavar="DIR", default=None,
                     help="where drafts are looked up and, without --based-on, written (default: ./drafts)")
    out.add_argument("-o", "--output", metavar="FILE", help="write the draft to FILE")
    out.add_argument("--dry-run", action="store_true", help="show the entries found (number, id, title, first "
                                                            "words) and write nothing")


def run(args: argparse.Namespace) -> int:
    from draftdiff.importer.formats import ImportProblem

    try:
        return _run(args)
    except (ImportProblem, Refused) as problem:
        return _report(problem)


class Refused(errors.Refused):
    """The write path did not write the draft: it exists, or would not be valid (exit 1)."""

    def __init__(self, message: str, findings: list[Any], hint: errors.Hint | None) -> None:
        super().__init__(message, hint=hint)
        self.message, self.findings = message, findings


def _report(problem: errors.DraftdiffError) -> int:
    from draftdiff.textsafe import visible

    print(f"draftdiff import: {describe(problem)}", file=sys.stderr)
    for line in getattr(problem, "problems", []):
        print(f"  {visible(line)}", file=sys.stderr)
    findings = getattr(problem, "findings", [])
    if findings:
        from draftdiff.diagnostics import Report
        from draftdiff.render import render

        report = with_flag_hints(Report(files=sorted({d.file for d in findings}), diagnostics=findings))
        sys.stderr.write(render("diagnostics", "text", report, color=False, hints=True))
    hint = flag_hint(problem.hint)
    if hint:
        print(f"hint: {visible(hint.text)}", file=sys.stderr)
    return EXIT_FINDINGS if isinstance(problem, Refused) else EXIT_TROUBLE


def _run(args: argparse.Namespace) -> int:
    from draftdiff.importer.continuity import parse_maps
    from draftdiff.importer.plan import plan_import
    from draftdiff.render import render

    read: dict[Path, LoadedDraft] = {}  # every draft read on the way, so that none is read twice
    base, _, folder = _base(args, read)
    taken = _taken_ids(folder, base.agreement if base is not None else args.agreement, base, read)
    info = source = None
    if not args.dry_run:
        info = _info(args, base)
        source = _source(args)
    plan = plan_import(args.file, base=base, taken=taken, maps=parse_maps(args.map), patterns=args.heading_pattern,
                       fmt=args.format, encoding=args.encoding, info=info, source=source)
    if args.dry_run or plan.data is None:
        sys.stdout.write(render("import", "text", plan, dry_run=True))
        return EXIT_OK
    target = Path(args.output) if args.output else folder / f"{args.id}.yaml"
    from draftdiff.edit import write_new_draft

    result = write_new_draft(target, plan.data, changes=[f"imported from {Path(args.file).name}"],
                             known=list(read.values()))
    if not result.written:
        why = result.refused or "not written"
        raise Refused(f"{why if str(target) in why else f'{target}: {why}'}; nothing written",
                      [d for d in result.findings if d.severity == "error"], result.hint)
    sys.stdout.write(render("import", "text", plan, written=str(target)))
    if base is not None:
        print(f"compare: draftdiff diff {base.id} {args.id}" + (f" --drafts {folder}" if args.drafts else ""))
    return EXIT_OK


def _load(path: Path, read: dict[Path, LoadedDraft]) -> LoadedDraft:
    """``path`` loaded, and kept in ``read`` (raise :class:`DraftReadError` if it cannot be read)."""
    from draftdiff.load import load_draft

    key = path.resolve()
    if key not in read:
        read[key] = load_draft(path)
    return read[key]


def _base(args: argparse.Namespace, read: dict[Path, LoadedDraft]) -> tuple[Any, Path | None, Path]:
    """(base draft or None, its file, the folder written to)."""
    from draftdiff.collection import CollectionError, find_draft_files
    from draftdiff.load import DraftReadError

    drafts_dir = Path(args.drafts or "drafts")
    if args.based_on is None:
        folder = drafts_dir
        if args.output:
            folder = Path(args.output).parent
        return None, None, folder
    named = Path(args.based_on)
    loaded: LoadedDraft | None = None
    if named.is_file():
        try:
            loaded = _load(named, read)
        except DraftReadError as exc:
            raise UsageError(str(exc)) from None
    else:
        if not drafts_dir.is_dir():
            raise UsageError(f"--based-on {args.based_on}: no such file, and no drafts folder {drafts_dir}/ to look "
                             "the id up in (give --drafts DIR)")
        try:
            files = find_draft_files([drafts_dir])
        except CollectionError as exc:
            raise UsageError(str(exc)) from None
        for path in sorted(files, key=lambda p: p.stem != args.based_on):
            try:
                item = _load(path, read)
            except DraftReadError:
                continue
            if item.draft is not None and item.draft.id == args.based_on:
                loaded = item
                break
    if loaded is None:
        raise UsageError(f"--based-on {args.based_on}: no draft with that id in {drafts_dir}/")
    return _checked_base(args, loaded)


def _checked_base(args: argparse.Namespace, loaded: LoadedDraft) -> tuple[Any, Path | None, Path]:
    if loaded.draft is None:
        first = loaded.diagnostics[0] if loaded.diagnostics else None
        raise UsageError(f"--based-on {args.based_on}: {loaded.name} is not a valid draft"
                         + (f" ({first.line}:{first.col}: {first.message})" if first else "")
                         + "; 'draftdiff validate' shows why")
    base_file = Path(loaded.name)
    folder = Path(args.output).parent if args.output else base_file.parent
    return loaded.draft, base_file, folder


def _taken_ids(folder: Path, agreement: str | None, base: Any, read: dict[Path, LoadedDraft]) -> set[str]:
    """Article ids this agreement's drafts in the folder use: a new article never gets one of them."""
    from draftdiff.collection import CollectionError, find_draft_files
    from draftdiff.load import DraftReadError

    taken = {a.id for a in base.articles} if base is not None else set()
    if not folder.is_dir() or agreement is None:
        return taken
    try:
        files = find_draft_files([folder])
    except CollectionError:
        return taken
    for path in files:
        try:
            draft = _load(path, read).draft
        except DraftReadError:
            continue
        if draft is not None and draft.agreement == agreement:
            taken.update(a.id for a in draft.articles)
    return taken


def _info(args: argparse.Namespace, base: Any) -> Any:
    from draftdiff.importer.build import DraftInfo

    missing = [flag for flag, value in (("--id", args.id), ("--date", args.date), ("--by", args.proposed_by))
               if not value]
    if base is None:
        missing += [flag for flag, value in (("--agreement", args.agreement), ("--parties", args.parties))
                    if not value]
    if missing:
        raise UsageError(f"to write a draft, give {', '.join(missing)} (or --dry-run to only look at the text)")
    parties = [p.strip() for p in args.parties.split(",") if p.strip()] if args.parties else list(base.parties)
    return DraftInfo(id=args.id, date=args.date, kind=args.kind, proposed_by=args.proposed_by,
                     agreement=args.agreement or base.agreement, parties=parties,
                     stage=args.stage or "negotiating", title=args.title,
                     based_on=base.id if base is not None else None, status=args.status,
                     text_basis=args.text_basis, coverage=args.coverage,
                     agreement_title=base.agreement_title if base is not None else None)


def _source(args: argparse.Namespace) -> Any:
    from draftdiff.importer.build import SourceInfo

    if not args.source_title or not args.source_publisher:
        raise UsageError("say where the text was published: --source-title and --source-publisher (and "
                         "--source-url); verbatim wording must cite its source")
    return SourceInfo(title=args.source_title, publisher=args.source_publisher, url=args.source_url,
                      date=args.source_date, id=args.source_id)
