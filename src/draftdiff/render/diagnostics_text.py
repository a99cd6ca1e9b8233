"""Diagnostics as ``file:line:col: severity [rule] message`` lines, the form editors and CI parse."""

from __future__ import annotations

from draftdiff.diagnostics import Report
from draftdiff.render.ansi import style
from draftdiff.textsafe import visible


def render(report: Report, *, color: bool = False, hints: bool = True) -> str:
    lines: list[str] = []
    for d in report.sorted():
        severity = style(d.severity, "red" if d.severity == "error" else "yellow", "bold", color=color)
        where = style(f"{d.file}:{d.line}:{d.col}:", "bold", color=color)
        lines.append(f"{where} {severity} [{d.rule}] {visible(d.message)}")
        if hints and d.hint:
            lines.append(style(f"    hint: {visible(d.hint)}", "dim", color=color))
    colour = "red" if report.errors else "yellow" if report.warnings else "green"
    lines.append(style(report.summary(), colour, color=color))
    return "\n".join(lines) + "\n"
