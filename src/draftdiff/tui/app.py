"""DraftDiffApp: owns the state (the collection, the selected version) and hands it down to the screens."""

from __future__ import annotations

import time
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from textual import work
from textual.app import App
from textual.binding import Binding
from textual.command import Provider
from textual.notifications import SeverityLevel
from textual.reactive import var
from textual.screen import Screen

from draftdiff.collection import CollectionError, DraftSet
from draftdiff.diagnostics import Diagnostic
from draftdiff.history import neighbour
from draftdiff.textsafe import visible
from draftdiff.tui.loading import LoadedCollection, Since, load_collection
from draftdiff.tui.messages import VersionChosen
from draftdiff.tui.screens.board import BoardScreen
from draftdiff.tui.watch import FileWatch
from draftdiff.vocab import counted

if TYPE_CHECKING:
    from draftdiff.tui.recording import Session

DARK, LIGHT = "textual-dark", "textual-light"


# The board is imported up front; the other screens and the palette only when first used, which keeps
# start-up close to a bare Textual app (see benchmarks/bench_tui_startup.py).
def _compare_screen() -> Screen[None]:
    from draftdiff.tui.screens.compare import CompareScreen

    return CompareScreen()


def _history_screen() -> Screen[None]:
    from draftdiff.tui.screens.history import HistoryScreen

    return HistoryScreen()


def _preconditions_screen() -> Screen[None]:
    from draftdiff.tui.screens.preconditions import PreconditionsScreen

    return PreconditionsScreen()


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
    MODES = {"board": BoardScreen, "compare": _compare_screen, "history": _history_screen,
             "preconditions": _preconditions_screen}
    DEFAULT_MODE = "board"
    COMMANDS = App.COMMANDS | {_draft_commands}
    BINDINGS = [
        Binding("f1", "help", "Help"),
        Binding("b", "show_board", "Board", show=False),
        Binding("c", "compare", "Compare"),
        Binding("h", "show_history", "History"),
        Binding("r", "show_preconditions", "Preconditions"),
        Binding("i", "show_version", "Version"),
        Binding("ctrl+z", "undo", "Undo", show=False),
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
    """Every finding of the collection: the files' and the collection rules' (as ``validate`` reports)."""
    load_error: var[str | None] = var(None)
    loading: var[bool] = var(False)
    """True while a worker reads the drafts; the screens show a loading indicator meanwhile."""

    def __init__(self, paths: Sequence[str | Path], *, draft_set: DraftSet | None = None,
                 collection: LoadedCollection | None = None, version: str | None = None,
                 at: str | None = None, watch: bool = True, poll_interval: float = 1.0,
                 light: bool = False, exit_when_ready: bool = False, ready_stamp: Path | None = None,
                 frame_stamp: Path | None = None) -> None:
        """``collection`` (or a bare ``draft_set``) already loaded; else a worker loads ``paths`` once mounted.

        ``version`` (a draft id) or ``at`` (a date as typed) chooses the version shown first.
        """
        super().__init__()
        self.paths = [Path(p) for p in paths]
        self.exit_when_ready = exit_when_ready
        self.frame_stamp = frame_stamp
        """A file to append the monotonic clock to when the first frame is drawn (the drafts may still be
        loading then): what a user waits for before the terminal answers."""
        self.ready_stamp = ready_stamp
        """A file to append the monotonic clock to when the board is first drawn: start-up is measured
        to that moment, not to the process's exit (whose teardown is not start-up)."""
        self._lost_version = ""
        """A version that became invalid on disk while shown; shown again once it is fixed."""
        self._stand_in = ""
        self._watch = FileWatch(self.paths) if watch else None
        self._poll_interval = poll_interval
        self.theme = LIGHT if light else DARK
        self._start = (version, at)
        self.session: Session | None = None  # the session's edits, made on first use (see draftdiff.tui.recording)
        self.chosen_after_reload = ""
        self.since: Since | None = None
        """The Since column of every version, when it was read with the drafts (see tui.loading)."""
        """A version to show once the drafts are read again (one just created from here)."""
        if collection is None and draft_set is not None:
            collection = LoadedCollection(draft_set, tuple(draft_set.diagnostics))
        self._preloaded = collection
        self._notices: list[tuple[str, str]] = []
        """Warnings about the start that are shown once the app runs."""
        if collection is not None:
            self._apply_loaded(collection, initial=True)
        else:
            self.set_reactive(DraftDiffApp.loading, True)

    def on_mount(self) -> None:
        self._show_notices()
        if self._preloaded is None:
            self.load_in_background()
        if self._watch is not None:
            self.set_interval(self._poll_interval, self.poll_files, name="draft-file-watch")

    def notify(self, message: str, *, title: str = "", severity: SeverityLevel = "information",
               timeout: float | None = None, markup: bool = False) -> None:
        """Every notice shows drafts' text as data: no markup, control characters made visible.

        Titles, ids and file names come from the drafts; an OSC 52 or OSC 2 sequence in one must reach
        the screen as ``\\x1b]52;…``, never the terminal. Screens' and widgets' ``notify`` end here too.
        """
        super().notify(visible(message), title=visible(title, keep_newlines=False), severity=severity,
                       timeout=timeout, markup=False)

    # -- loading ------------------------------------------------------------------------------------

    def _apply_loaded(self, loaded: LoadedCollection, *, initial: bool = False) -> None:
        setter = (lambda name, value: self.set_reactive(getattr(DraftDiffApp, name), value)) if initial else (
            lambda name, value: setattr(self, name, value))
        self.since = loaded.since
        setter("problems", loaded.problems)
        setter("draft_set", loaded.draft_set)
        ids = loaded.draft_set.ids()
        wanted, at = self._start
        self._start = (None, None)  # only the first loading chooses the start
        chosen = wanted if wanted in ids else ""
        if wanted and not chosen:
            self._notices.append((f"No valid draft {wanted!r}; showing the latest version.", "--version-id"))
        if not chosen and at:
            from draftdiff.history import version_at

            found = version_at(loaded.draft_set, at)
            chosen = found.id if found else ""
            if found is None:
                self._notices.append((f"No version on or before {at!r}; showing the latest version.", "--at"))
        setter("version", chosen or self.version or (ids[-1] if ids else ""))

    @work(thread=True, exclusive=True, group="load", exit_on_error=False, description="read the drafts")
    def load_in_background(self) -> None:
        """Read and check the drafts off the UI thread; the board shows a loading indicator meanwhile."""
        try:
            loaded = load_collection(self.paths)
        except CollectionError as exc:
            self.call_from_thread(self._load_failed, str(exc))
            return
        self.call_from_thread(self._loaded, loaded)

    def _show_notices(self) -> None:
        for message, title in self._notices:
            self.notify(message, title=title, severity="warning", timeout=8)
        self._notices.clear()

    def _loaded(self, loaded: LoadedCollection) -> None:
        self.load_error = None
        self._apply_loaded(loaded)
        self.loading = False
        self._show_notices()

    def _load_failed(self, message: str) -> None:
        self.loading = False
        self.load_error = message
        self.notify(message, title="Cannot read the drafts", severity="error")
        if self.exit_when_ready:
            self.exit()

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
        """Read the collection again in a worker; the views change once it is read."""
        self.reload_in_background()

    @work(thread=True, exclusive=True, group="load", exit_on_error=False, description="read the drafts again")
    def reload_in_background(self, quiet: bool = False) -> None:
        try:
            loaded = load_collection(self.paths)
        except CollectionError as exc:
            self.call_from_thread(self._reload_failed, str(exc))
            return
        self.call_from_thread(self.show_reloaded, loaded, quiet)

    def after_write(self, findings: Sequence[Diagnostic] = ()) -> None:
        """A file was written from here: read the drafts again at once (the views update), quietly."""
        if self._watch is not None:
            self._watch.changed()  # our own write: the poll need not reload a second time
        self.reload_in_background(quiet=True)

    def _reload_failed(self, message: str) -> None:
        self.load_error = f"{message} — still showing the last drafts that could be read"
        self.notify(message, title="Cannot reload the drafts", severity="error")

    def show_reloaded(self, loaded: LoadedCollection, quiet: bool = False) -> None:
        """Show a freshly read collection; keep the selected version, or the nearest one if it is gone."""
        fresh = loaded.draft_set
        self.since = loaded.since
        old = self.draft_set.get(self.version)
        self.load_error = None
        self.problems = loaded.problems
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
        if self.chosen_after_reload in ids:
            self.version, self.chosen_after_reload = self.chosen_after_reload, ""
        if quiet:
            return
        errors = loaded.errors
        self.notify(counted(len(ids), "valid draft") + (f", {counted(errors, 'problem')} — see the board" if errors else ""),
                    title="Drafts reloaded", severity="warning" if errors else "information")

    def open_compare(self, old_id: str, new_id: str, article_id: str = "") -> None:
        if not self._form_open():
            self.compare_pair = (old_id, new_id)
            self.compare_article = article_id
            self.show_mode("compare")

    def show_mode(self, mode: str) -> None:
        """Show ``mode``'s own screen (board, compare, history, preconditions).

        The screens read on top of a view (an article, the version, a record, the help) close, in the view
        left and in the one shown: ``b`` shows the board itself, and Escape never walks back through
        screens left behind. A form being filled in is never closed by a key that missed its fields.
        """
        if self._form_open():
            return
        self._close_pushed_screens()
        if self.current_mode != mode:
            self.switch_mode(mode)
            self._close_pushed_screens()

    def _form_open(self) -> bool:
        from draftdiff.tui.screens.forms import FormDialog

        if isinstance(self.screen, FormDialog):
            self.bell()
            return True
        return False

    def _close_pushed_screens(self) -> None:
        while len(self.screen_stack) > 1:
            self.pop_screen()

    # -- actions --------------------------------------------------------------------------------

    def action_help(self) -> None:
        from draftdiff.tui.screens.dialogs import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def action_show_board(self) -> None:
        self.show_mode("board")

    def action_show_history(self) -> None:
        self.show_mode("history")

    def action_show_preconditions(self) -> None:
        self.show_mode("preconditions")

    def action_show_version(self) -> None:
        from draftdiff.tui.screens.version import VersionScreen

        if not isinstance(self.screen, VersionScreen):
            self.push_screen(VersionScreen())

    def action_undo(self) -> None:
        from draftdiff.tui.recording import undo_last

        undo_last(self)

    def action_compare(self) -> None:
        """Compare the selected version with the one it is based on (or the one before it)."""
        draft = self.draft_set.get(self.version)
        if draft is None:
            self.notify("No version to compare.", severity="warning")
            return
        base = self.draft_set.previous(draft)
        if base is None:
            self.notify(f"{draft.id} is the first version; pick another one to compare in the compare view.")
        self.open_compare(base.id if base else draft.id, draft.id)

    def action_toggle_theme(self) -> None:
        self.theme = LIGHT if self.theme == DARK else DARK

    def first_frame(self) -> None:
        """Called by the first screen once it has drawn anything (perhaps still loading)."""
        if self.frame_stamp is not None:
            stamp_path, self.frame_stamp = self.frame_stamp, None
            self._stamp(stamp_path)

    def _stamp(self, stamp_path: Path) -> None:
        try:
            with open(stamp_path, "a", encoding="ascii") as stamp:
                stamp.write(f"{time.monotonic()!r}\n")
        except OSError as exc:
            self.notify(f"cannot write the start-up stamp {stamp_path}: {exc.strerror or exc}", severity="error")

    def ready(self) -> None:
        """Called by the first screen once it has drawn the drafts; ends a start-up measurement run."""
        if self.loading:
            return
        if self.ready_stamp is not None:
            stamp_path, self.ready_stamp = self.ready_stamp, None  # the first drawing only
            self._stamp(stamp_path)
        if self.exit_when_ready:
            self.call_after_refresh(self.exit)
