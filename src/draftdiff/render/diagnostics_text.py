"""Diagnostics as ``file:line:col: severity [rule] message`` lines, the form editors and CI parse.

File names and messages (which quote YAML keys and values from the file) are shown
with :func:`visible`: an escape sequence in a key or a file name stays inert, and a
line break cannot start a line that looks like another finding.
"""

from __future__ import annotations

from draftdiff.diagnostics import Report
from draftdiff.render.ansi import style
from draftdiff.textsafe import visible


def render(report: Report, *, color: bool = False, hints: bool = True) -> str:
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
