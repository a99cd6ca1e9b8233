"""Diagnostics as ``file:line:col: severity [rule] message`` lines, the form editors and CI parse.

File names and messages (which quote YAML keys and values from the file) are shown
with :func:`visible`: an escape sequence in a key or a file name stays inert, and a
line break cannot start a line that looks like another finding.

A run that could not happen (no such path, no drafts) renders as nothing: the
command line says why on standard error, where it always has, and a report
written with ``-o`` is emptied rather than left stale.
"""

from __future__ import annotations

from draftdiff.diagnostics import Report
from draftdiff.render.ansi import style
from draftdiff.textsafe import visible


def render(report: Report, *, color: bool = False, hints: bool = True) -> str:
    if report.failure is not None:
        return ""
    lines: list[str] = []
    for d in report.sorted():
        severity = style(d.severity, "red" if d.severity == "error" else "yellow", "bold", color=color)
        where = style(f"{visible(d.file, keep_newlines=False)}:{d.line}:{d.col}:", "bold", color=color)
        lines.append(f"{where} {severity} [{visible(d.rule, keep_newlines=False)}] "
                     f"{visible(d.message, keep_newlines=False)}")
        if hints and d.hint:
            lines.append(style(f"    hint: {visible(d.hint, keep_newlines=False)}", "dim", color=color))
    colour = "red" if report.errors else "yellow" if report.warnings else "green"
    lines.append(style(report.summary(), colour, color=color))
    return "\n".join(lines) + "\n"
