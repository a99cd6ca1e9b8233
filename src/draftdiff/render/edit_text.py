"""What an edit did, for the terminal: one line per change, then what it found; or why it was refused.

Returns ``(stdout, stderr)`` text: the change lines and findings are the command's
output; a refusal, its hint, and the "nothing written" of a dry run go to stderr.
"""

from __future__ import annotations

from draftdiff.diagnostics import Report
from draftdiff.edit.writepath import EditResult
from draftdiff.textsafe import visible


def render(result: EditResult, *, dry_run: bool = False, command: str = "draftdiff", stream: str | None = None) -> str:
    """One stream (``"out"`` or ``"err"``), or both as one text for faces with one output (the TUI's messages)."""
    out, err = render_streams(result, dry_run=dry_run, command=command)
    return out if stream == "out" else err if stream == "err" else out + err


def render_streams(result: EditResult, *, dry_run: bool = False, command: str = "draftdiff") -> tuple[str, str]:
    out: list[str] = []
    err: list[str] = []
    if dry_run and result.diff and not result.refused:
        out.append(visible(result.diff).rstrip("\n"))
    target = err if dry_run or result.refused else out
    for line in result.changes if not result.refused else []:
        target.append(visible(line))
    for note in result.notes:
        target.append(f"  {visible(note)}")
    if result.findings:
        report = Report(files=sorted({d.file for d in result.findings}), diagnostics=list(result.findings))
        from draftdiff.render.diagnostics_text import render as diagnostics

        text = diagnostics(report).rstrip("\n").splitlines()
        (err if result.refused else target).extend(text[:-1])  # the summary line counts whole files; drop it
    if result.refused:
        err.append(f"{command}: refused: {visible(result.refused)}")
        if result.hint:
            err.append(f"  how to fix: {visible(result.hint.text)}")
        err.append(f"  {result.path} was not {'written' if result.new_file else 'changed'}")
    elif dry_run:
        err.append(f"(dry run: {result.path} was not written)" if result.changes else "")
    return _join(out), _join(err)


def _join(lines: list[str]) -> str:
    lines = [line for line in lines if line != ""]
    return "\n".join(lines) + "\n" if lines else ""
