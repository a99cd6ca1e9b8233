"""Diagnostics as ``file:line:col: severity [rule] message`` lines, the form editors and CI parse."""

from __future__ import annotations

from draftdiff.diagnostics import Report
from draftdiff.render.ansi import style
from draftdiff.textsafe import visible


def render(report: Report, *, color: bool = False, hints: bool = True) -> str:
    lines: list[str] = []
    for d in report.sorted():
        severity = style(d.severity, "red" if d.severity == "error" else "yellow", "bold", color=color)
        where = style(f"{visible(d.file, keep_newlines=False)}:{d.line}:{d.col}:", "bold", color=color)
        lines.append(f"{where} {severity} [{d.rule}] {visible(d.message)}")
        if hints and d.hint:
            lines.append(style(f"    hint: {visible(d.hint)}", "dim", color=color))
    files = len(report.files)
    noun = "file" if files == 1 else "files"
    if report.errors or report.warnings:
        summary = f"{report.errors} error{'s' * (report.errors != 1)}, " \
                  f"{report.warnings} warning{'s' * (report.warnings != 1)} in {files} {noun}"
        lines.append(style(summary, "red" if report.errors else "yellow", color=color))
    else:
        lines.append(style(f"{files} {noun} valid ({report.drafts} drafts)", "green", color=color))
    return "\n".join(lines) + "\n"
