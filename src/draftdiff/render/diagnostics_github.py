"""Diagnostics as GitHub Actions workflow commands (``::error file=…,line=…,col=…::``).

The log shows these lines on a terminal and GitHub reads them as commands: file names,
keys and values quoted from a file get :func:`visible` first, then the command encoding,
so neither an escape sequence nor a line break (``::set-env``) gets through.
"""

from __future__ import annotations

from draftdiff.diagnostics import Report
from draftdiff.textsafe import visible


def _data(value: str) -> str:
    """Outside text made visible (escapes inert in the runner's log), then GitHub's own encoding."""
    return visible(value).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _prop(value: str) -> str:
    return _data(value).replace(":", "%3A").replace(",", "%2C")


def render(report: Report, **_: object) -> str:
    """One annotation per finding; a run that could not happen is one ``::error::`` of no file, saying why."""
    if report.failure is not None:
        return f"::error::draftdiff validate {_data(report.summary())}\n"
    lines = []
    for d in report.sorted():
        message = d.message + (f" ({d.hint})" if d.hint else "")
        lines.append(f"::{d.severity} file={_prop(d.file)},line={d.line},col={d.col},"
                     f"title={_prop(d.rule)}::{_data(message)}")
    return "".join(line + "\n" for line in lines)
