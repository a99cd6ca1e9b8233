"""Problems in the draft files, as ``file:line:col``, shown instead of crashing on a bad draft."""

from __future__ import annotations

from rich.text import Text
from textual.containers import VerticalScroll
from textual.reactive import reactive
from textual.widgets import Static

from draftdiff.diagnostics import Diagnostic
from draftdiff.textsafe import visible
from draftdiff.vocab import counted


def diagnostics_text(problems: tuple[Diagnostic, ...], load_error: str | None) -> Text:
    lines = []
    if load_error:
        lines.append(Text(visible(load_error), style="bold red"))
    for d in sorted(problems):
        line = Text()
        line.append(f"{visible(d.file, keep_newlines=False)}:{d.line}:{d.col}", style="bold")
        line.append(f": {d.severity} ", style="red" if d.severity == "error" else "yellow")
        line.append(f"[{d.rule}] ", style="dim")
        line.append(visible(d.message, keep_newlines=False))
        if d.hint:
            line.append(f"  hint: {visible(d.hint, keep_newlines=False)}", style="italic dim")
        lines.append(line)
    return Text("\n").join(lines)


class DiagnosticsPanel(VerticalScroll):
    """Visible only while some draft file has problems (or the collection could not be read)."""

    problems: reactive[tuple[Diagnostic, ...]] = reactive((), always_update=True)
    load_error: reactive[str | None] = reactive(None)

    def compose(self):  # type: ignore[no-untyped-def]
        yield Static(id="diagnostics-text")

    def on_mount(self) -> None:
        self._show()

    def watch_problems(self) -> None:
        self._show()

    def watch_load_error(self) -> None:
        self._show()

    def _show(self) -> None:
        if not self.is_mounted:
            return
        errors = sum(1 for d in self.problems if d.severity == "error")
        self.set_class(bool(self.problems or self.load_error), "-has-problems")
        self.border_title = (f"Problems in the draft files · {counted(errors, 'error')}, "
                             f"{counted(len(self.problems) - errors, 'warning')} — fix the file, the board reloads")
        self.query_one("#diagnostics-text", Static).update(diagnostics_text(self.problems, self.load_error))
