"""DraftDiffApp: owns the state (the collection, the selected version) and hands it down to the screens."""

from __future__ import annotations

import time
from collections.abc import Sequence
from pathlib import Path

from textual.app import App
from textual.binding import Binding
from textual.command import Provider
from textual.reactive import var
from textual.screen import Screen

from draftdiff.collection import CollectionError, DraftSet, load_draft_set
from draftdiff.diagnostics import Diagnostic
from draftdiff.history import neighbour
from draftdiff.tui.messages import VersionChosen
from draftdiff.tui.screens.board import BoardScreen
from draftdiff.tui.watch import FileWatch

DARK, LIGHT = "textual-dark", "textual-light"


# The board is imported up front; the other screens and the palette only when first used, which keeps
# start-up close to a bare Textual app (see benchmarks/bench_tui_startup.py).
def _compare_screen() -> Screen[None]:
    from draftdiff.tui.screens.compare import CompareScreen

    return CompareScreen()


def _history_screen() -> Screen[None]:
    from draftdiff.tui.screens.history import HistoryScreen

    return HistoryScreen()


def _draft_commands() -> type[Provider]:
    from draftdiff.tui.commands import DraftCommands

    return DraftCommands


class DraftDiffApp(App[None]):
    """Board, article, compare and history views over one collection of drafts."""

    TITLE = "draftdiff"
    CSS = """
    .box {
        border: round $primary 50%;
        border-title-color: $text-accent;
        padding: 0 1;
        height: auto;
    }
    """
    """Shared by every screen; each screen keeps its own rules in its DEFAULT_CSS (no data file to ship)."""
    MODES = {"board": BoardScreen, "compare": _compare_screen, "history": _history_screen}
    DEFAULT_MODE = "board"
    COMMANDS = App.COMMANDS | {_draft_commands}
    BINDINGS = [
        Binding("f1", "help", "Help"),
        Binding("b", "show_board", "Board", show=False),
        Binding("c", "compare", "Compare"),
        Binding("h", "show_history", "History"),
        Binding("t", "toggle_theme", "Theme", show=False),
        Binding("q", "quit", "Quit"),
    ]

    draft_set: var[DraftSet] = var(DraftSet, always_update=True)
    version: var[str] = var("")
    """The id of the selected draft: the board, article and history views follow it."""
    compare_pair: var[tuple[str, str]] = var(("", ""))
    """(older, newer) draft ids of the compare view."""
    compare_article: var[str] = var("")
    """The article the compare view starts on."""
    problems: var[tuple[Diagnostic, ...]] = var((), always_update=True)
    load_error: var[str | None] = var(None)

    def __init__(self, paths: Sequence[str | Path], *, draft_set: DraftSet | None = None,
                 version: str | None = None, watch: bool = True, poll_interval: float = 1.0,
                 light: bool = False, exit_when_ready: bool = False, ready_stamp: Path | None = None) -> None:
        super().__init__()
        self.paths = [Path(p) for p in paths]
        self.exit_when_ready = exit_when_ready
        self.ready_stamp = ready_stamp
        """A file to append the monotonic clock to when the board is first drawn: start-up is measured
        to that moment, not to the process's exit (whose teardown is not start-up)."""
        self._lost_version = ""
        """A version that became invalid on disk while shown; shown again once it is fixed."""
        self._stand_in = ""
        self._watch = FileWatch(self.paths) if watch else None
        self._poll_interval = poll_interval
        self.theme = LIGHT if light else DARK
        loaded = draft_set if draft_set is not None else load_draft_set(self.paths)
        self.set_reactive(DraftDiffApp.draft_set, loaded)
        self.set_reactive(DraftDiffApp.problems, tuple(loaded.diagnostics))
        ids = loaded.ids()
        chosen = version if version in ids else (ids[-1] if ids else "")
        self.set_reactive(DraftDiffApp.version, chosen)

    def on_mount(self) -> None:
        if self._watch is not None:
            self.set_interval(self._poll_interval, self.poll_files, name="draft-file-watch")

    # -- state changes -------------------------------------------------------------------------

    def on_version_chosen(self, message: VersionChosen) -> None:
        if message.draft_id in self.draft_set.ids():
            self.version = message.draft_id

    def step_version(self, step: int) -> None:
        draft = neighbour(self.draft_set, self.version, step)
        if draft is not None:
            if draft.id == self.version:
                self.bell()
            self.version = draft.id

    def poll_files(self) -> None:
        if self._watch is not None and self._watch.changed():
            self.reload()

    def reload(self) -> None:
        """Read the collection again; keep the old one on screen if it cannot be read at all."""
        try:
            fresh = load_draft_set(self.paths)
        except CollectionError as exc:
            self.load_error = f"{exc} — still showing the last drafts that could be read"
            self.notify(str(exc), title="Cannot reload the drafts", severity="error", markup=False)
            return
        old = self.draft_set.get(self.version)
        self.load_error = None
        self.problems = tuple(fresh.diagnostics)
        self.draft_set = fresh
        ids = fresh.ids()
        if self._lost_version in ids and self.version == self._stand_in:
            self.version, self._lost_version = self._lost_version, ""  # fixed on disk: back to it
        elif self.version not in ids:
            nearest = fresh.as_of(old.date) if old is not None else None
            self._lost_version = self.version
            self.version = nearest.id if nearest else (ids[-1] if ids else "")
            self._stand_in = self.version
        else:
            self.version = self.version  # tell the views to redraw from the fresh drafts
        errors = sum(1 for d in fresh.diagnostics if d.severity == "error")
        self.notify(f"{len(ids)} valid draft(s)" + (f", {errors} problem(s) — see the board" if errors else ""),
                    title="Drafts reloaded", severity="warning" if errors else "information", markup=False)

    def open_compare(self, old_id: str, new_id: str, article_id: str = "") -> None:
        self.compare_pair = (old_id, new_id)
        self.compare_article = article_id
        self.switch_mode("compare")

    # -- actions --------------------------------------------------------------------------------

    def action_help(self) -> None:
        from draftdiff.tui.screens.dialogs import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def action_show_board(self) -> None:
        self.switch_mode("board")

    def action_show_history(self) -> None:
        self.switch_mode("history")

    def action_compare(self) -> None:
        """Compare the selected version with the one it is based on (or the one before it)."""
        draft = self.draft_set.get(self.version)
        if draft is None:
            self.notify("No version to compare.", severity="warning", markup=False)
            return
        base = self.draft_set.previous(draft)
        if base is None:
            self.notify(f"{draft.id} is the first version; pick another one to compare in the compare view.",
                        markup=False)
        self.open_compare(base.id if base else draft.id, draft.id)

    def action_toggle_theme(self) -> None:
        self.theme = LIGHT if self.theme == DARK else DARK

    def ready(self) -> None:
        """Called by the first screen once it has drawn; ends a start-up measurement run."""
        if self.ready_stamp is not None:
            stamp_path, self.ready_stamp = self.ready_stamp, None  # the first drawing only
            try:
                with open(stamp_path, "a", encoding="ascii") as stamp:
                    stamp.write(f"{time.monotonic()!r}\n")
            except OSError as exc:
                self.notify(f"cannot write the start-up stamp {stamp_path}: {exc.strerror or exc}",
                            severity="error", markup=False)
        if self.exit_when_ready:
            self.call_after_refresh(self.exit)
