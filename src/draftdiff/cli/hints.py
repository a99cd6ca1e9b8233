"""How the command line says what the core leaves to its faces: the flag of each setting, the flags of each remedy.

The core names no flag (``tests/unit/test_architecture.py`` holds it to that). An
error names the input at fault by its :attr:`~draftdiff.errors.DraftdiffError.setting`;
a hint carries a stable :attr:`~draftdiff.errors.Hint.code`, and a finding its rule
id. This module is the one place the command line turns those into its own words:
:data:`FLAGS` and :data:`HINTS`. What neither table names is shown in the core's words.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from draftdiff.errors import DraftdiffError, Hint

if TYPE_CHECKING:
    from draftdiff.diagnostics import Report

FLAGS = {"as_of": "--as-of", "draft": "--draft", "drafts": "--drafts", "follow_links": "--follow-links",
         "commit": "--commit", "at": "--at", "map": "--map", "encoding": "--encoding", "format": "--format",
         "heading_pattern": "--heading-pattern"}
"""How the command line gives each setting a core error can name (:attr:`DraftdiffError.setting`)."""

HINTS = {
    # the edit commands (set-status, add-claim, set-precondition, add-source, new-version, and all of them)
    "add-source": "add it first: draftdiff add-source FILE --id {id} --title … --publisher …",
    "source-exists": "choose a new id, or change a field of it: draftdiff set FILE 'sources[{id}].title' …",
    "status-evidence": "give --source ID (reported), or --basis inferred --note 'from what'",
    "status-source": "give --source ID (add the source first with draftdiff add-source)",
    "status-note": "give --note 'inferred from …'",
    "claim-source": "give --source ID (add the source first with draftdiff add-source)",
    "claim-counts": "give --agreed, --partial, --disputed, --total or --percent",
    "precondition-nothing": "give --status, --source, --note or --basis",
    "version-exists": "choose another id, or edit that file with set-status etc.",
    "version-date": "give --date as YYYY-MM-DD, YYYY-MM for a version known to the month, or ~YYYY-MM-DD for one "
                    "known roughly (--date-precision, if given, must say the same)",
    "claim-duplicate": "record it once; if it was said again, tell the two apart (--source, --date or --notes)",
    "no-articles": "record it in the version whose statuses are in force then (draftdiff status --as-of DATE)",
    "in-force-elsewhere": "the statuses in force then are in {version}'s file: draftdiff set-status {file} …, or "
                          "draftdiff new-version {file} … for a new version made from it",
    "allow-errors": "fix the cause first, or pass --allow-errors to record it mid-way through an update",
    "canonical-layout": "ruamel.yaml cannot keep this line as written (an escape, a folded or long line, tabs, or "
                        "indentation unlike the rest of the file); 'draftdiff fmt --check FILE' shows the canonical "
                        "layout, or make the edit by hand",
    # import
    "import-title": "give the version's title with --title",
    "import-details": "check the arguments (--id, --date, --kind, --by, --parties, --agreement, --source-*)",
    "map-form": "write NUMBER=ID, e.g. --map '5 bis=border-commission'",
    "encoding": "save the file as UTF-8, or say its encoding with --encoding (e.g. cp1251, latin-1)",
    "format-mismatch": "leave out --format, or name the right one",
    "format-name": "name the format with --format, or save the document as text",
    "heading-problems": "each article needs its own number and some text: fix the file, or if a line was taken for "
                        "a heading that is not one, give --heading-pattern to say what headings look like",
    "no-headings": "{before}headings are lines such as {forms}; for another language or form give "
                   "--heading-pattern with a (?P<number>…) group",
    # findings, by rule id (validate, diff, snapshot)
    "file-link-outside": "copy the file into the collection, or pass --follow-links to read it",
}
"""The command line's wording of each remedy whose fix is one of its flags or commands, by the hint's code
(or a finding's rule id); ``{name}`` is filled from the hint's values."""


def describe(exc: DraftdiffError) -> str:
    """The error's message, with the option that gives the setting at fault when the message names none."""
    from draftdiff.textsafe import visible  # a message may quote a file name or id from outside

    message = visible(str(exc))
    flag = FLAGS.get(exc.setting or "")
    return f"{message} ({flag})" if flag and flag not in message else message


def flag_hint(hint: Hint | None) -> Hint | None:
    """The hint in the command line's words (its flags), or as the core says it when no flag fixes it."""
    if hint is None or hint.code not in HINTS:
        return hint
    try:
        return Hint(HINTS[hint.code].format_map(hint.blanks()), hint.code, hint.values)
    except (KeyError, IndexError, ValueError):  # a blank the core did not fill: its own words, then
        return hint


def with_flag_hints(report: Report) -> Report:
    """The report with the hints of :data:`HINTS` in place of the core's, for output on the command line."""
    if not any(d.rule in HINTS for d in report.diagnostics):
        return report
    return replace(report, diagnostics=[replace(d, hint=HINTS[d.rule]) if d.rule in HINTS else d
                                        for d in report.diagnostics])
