"""The board: where the agreement stands in the selected version."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.reactive import reactive
from textual.widgets import Input

from draftdiff.collection import DraftSet
from draftdiff.diagnostics import Diagnostic
from draftdiff.model import STATUS_ORDER, Draft
from draftdiff.search import parties_of
from draftdiff.tui.access import draft_app
from draftdiff.tui.messages import VersionChosen
from draftdiff.tui.screens.stepping import SteppingScreen
from draftdiff.tui.widgets.article_table import ArticleTable
from draftdiff.tui.widgets.diagnostics_panel import DiagnosticsPanel
from draftdiff.tui.widgets.key_bar import KeyBar
from draftdiff.tui.widgets.preconditions import PreconditionsPanel
from draftdiff.tui.widgets.summary_bar import SummaryBar
from draftdiff.tui.widgets.version_header import VersionHeader, VersionNote

TABLE_LINES = 7
"""The article table's least height: its border, its header and four articles (80×24 fits it with all panels)."""
PANEL_LINES, PANEL_MAX = 3, 8
"""A panel's least height (its border and one line, scrolled) and its height when there is room."""


class BoardScreen(SteppingScreen):
    """Header, summary bar, article table, preconditions and (when needed) the problems panel."""

    SCOPED_CSS = False
    DEFAULT_CSS = """
    #search { display: none; height: 3; margin: 0 1; }
    #search.-shown { display: block; }

    #articles {
        width: 100%;  /* not 1fr: a fraction is resolved less the search box's margin, two cells short */
        height: 1fr;
        min-height: 6;
        border: round $primary 50%;
        border-title-color: $text-accent;
    }
    #articles:focus { border: round $accent; }

    #preconditions {
        height: auto;
        max-height: 8;  /* less when the screen is short: see _fit_panels */
        padding: 0 1;
        border: round $primary 50%;
        border-title-color: $text-accent;
    }
    #preconditions:focus { border: round $accent; }

    DiagnosticsPanel {
        display: none;
        height: auto;
        max-height: 8;
        border: heavy $error;
        border-title-color: $error;
        padding: 0 1;
    }
    DiagnosticsPanel.-has-problems { display: block; }
    VersionNote { height: auto; max-height: 3; padding: 0 1; }
    VersionNote.-empty { display: none; }
    DiagnosticsPanel.-hidden { display: none; }
    """

    BINDINGS = [
        Binding("v", "pick_version", "Versions"),
        Binding("g", "goto_date", "Date"),
        Binding("slash", "search", "Search", priority=True),  # before the keys typed after it are sent on
        Binding("f", "cycle_status", "Filter"),
        Binding("P", "cycle_party", "Party", show=False),
        Binding("escape", "clear_filters", "Clear", show=False),
        Binding("d", "toggle_problems", "Problems", show=False),
        Binding("e", "set_status", "Set status"),
        Binding("a", "add_claim", "Add claim", show=False),
        Binding("N", "new_version", "New version", show=False),
    ]

    draft_set: reactive[DraftSet | None] = reactive(None, always_update=True)
    draft: reactive[Draft | None] = reactive(None, always_update=True)
    status_draft: reactive[Draft | None] = reactive(None, always_update=True)
    """The version whose statuses are shown (see ArticleTable.status_draft)."""
    search_text: reactive[str] = reactive("")
    status_filter: reactive[str | None] = reactive(None)
    party_filter: reactive[str | None] = reactive(None)
    problems: reactive[tuple[Diagnostic, ...]] = reactive((), always_update=True)
    load_error: reactive[str | None] = reactive(None)

    def compose(self) -> ComposeResult:
        yield VersionHeader().data_bind(BoardScreen.draft_set, BoardScreen.draft)
        yield SummaryBar().data_bind(BoardScreen.draft, BoardScreen.status_draft)
        yield VersionNote().data_bind(BoardScreen.draft, BoardScreen.status_draft)
        search = Input(placeholder="Search numbers, titles, texts and positions — Enter keeps it, Esc clears",
                       id="search")
        search.can_focus = False  # hidden until "/": it must not take the focus (and the keys) at start
        yield search
        yield ArticleTable(id="articles").data_bind(
            BoardScreen.draft_set, BoardScreen.draft, BoardScreen.status_draft, BoardScreen.search_text,
            BoardScreen.status_filter, BoardScreen.party_filter)
        yield PreconditionsPanel(id="preconditions").data_bind(BoardScreen.draft, BoardScreen.party_filter)
        yield DiagnosticsPanel(id="problems").data_bind(BoardScreen.problems, BoardScreen.load_error)
        yield KeyBar()

    def on_mount(self) -> None:
        app = draft_app(self)
        self.watch(app, "draft_set", self._sync, init=False)
        self.watch(app, "version", self._sync, init=False)
        self.watch(app, "problems", self._sync_problems, init=False)
        self.watch(app, "load_error", self._sync_problems, init=False)
        self.watch(app, "loading", self._sync_loading, init=False)
        self._sync()
        self._sync_problems()
        self.query_one(ArticleTable).focus()
        self.call_after_refresh(app.first_frame)
        self._sync_loading()

    def _sync_loading(self, *_: object) -> None:
        loading = bool(draft_app(self).loading)
        table = self.query_one(ArticleTable)
        table.loading = loading
        if not loading:
            if self.focused is None:  # the table could not hold the focus while it was loading
                table.focus()
            self.call_after_refresh(draft_app(self).ready)

    def on_screen_resume(self) -> None:
        from draftdiff.tui.widgets.redraw import redraw_stale

        redraw_stale(self)

    def on_resize(self) -> None:
        self._fit_panels_later()

    def _fit_panels_later(self) -> None:
        self.call_after_refresh(self._fit_panels)

    def _fit_panels(self) -> None:
        """Give the preconditions and problems panels the lines the article table leaves, never more.

        Their heights are capped, not fractions: at 80×24 a three-line summary, the search box and the
        problems panel at their full heights would push the screen past the terminal's last line (a
        scroll bar, every panel two columns narrower, a panel's bottom cut off). Each panel scrolls.
        """
        fixed = sum(w.outer_size.height for w in (self.query_one(VersionHeader), self.query_one(SummaryBar),
                                                 self.query_one(VersionNote), self.query_one("#search"),
                                                 self.query_one(KeyBar)) if w.display)
        spare = max(0, self.size.height - fixed - TABLE_LINES)
        problems = self.query_one(DiagnosticsPanel)
        preconditions = self.query_one(PreconditionsPanel)
        if problems.display:
            preconditions.styles.max_height = max(PANEL_LINES, min(PANEL_MAX, spare // 2))
            problems.styles.max_height = max(PANEL_LINES, min(PANEL_MAX, spare - spare // 2))
        else:
            preconditions.styles.max_height = max(PANEL_LINES, min(PANEL_MAX, spare))

    def _sync(self, *_: object) -> None:
        app = draft_app(self)
        draft_set: DraftSet = app.draft_set
        draft = draft_set.get(app.version)
        self.draft_set = draft_set
        self.draft = draft
        self.status_draft = draft_set.statuses_for(draft) if draft is not None else None
        self._fit_panels_later()  # the version's summary may take more or fewer lines

    def _sync_problems(self, *_: object) -> None:
        self.problems = draft_app(self).problems
        self.load_error = draft_app(self).load_error
        if self.problems or self.load_error:
            self.query_one(DiagnosticsPanel).remove_class("-hidden")
        self._fit_panels_later()

    # -- versions ---------------------------------------------------------------------------------

    def action_pick_version(self) -> None:
        from draftdiff.tui.screens.dialogs import VersionPickerScreen

        def chosen(draft_id: str | None) -> None:
            if draft_id:
                self.post_message(VersionChosen(draft_id))

        self.app.push_screen(VersionPickerScreen(self.app.draft_set, self.app.version), chosen)  # type: ignore

    def action_goto_date(self) -> None:
        from draftdiff.tui.look import version_date
        from draftdiff.tui.screens.dialogs import GotoDateScreen

        def chosen(draft_id: str | None) -> None:
            draft = draft_app(self).draft_set.get(draft_id) if draft_id else None
            if draft is not None:
                self.post_message(VersionChosen(draft.id))
                self.notify(f"Showing {version_date(draft)} — {draft.title}")

        self.app.push_screen(GotoDateScreen(draft_app(self).draft_set), chosen)

    # -- search and filters ---------------------------------------------------------------------------

    def action_search(self) -> None:
        """Show and focus the search box, before the keys typed right after ``/`` are handled.

        A terminal hands "/abc" typed fast over in one read. The box is composed with the
        board (hidden) and the binding has priority, so the app runs it before it sends
        the next keys on to the focused widget: mounted on first use, or focused later,
        the box missed them, and "a" opened the Add claim dialog.
        """
        search = self.query_one("#search", Input)
        if search.has_focus:  # a "/" typed in the search box is part of the search
            search.insert_text_at_cursor("/")
            return
        search.add_class("-shown")
        search.can_focus = True
        self._fit_panels_later()
        self.set_focus(search)  # at once: Widget.focus() waits for the queue, where the next keys already are

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "search":
            self.search_text = event.value

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id == "search":
            if not event.value.strip():
                self._hide_search(event.input)
                self._fit_panels_later()
            self.query_one(ArticleTable).focus()

    def action_clear_filters(self) -> None:
        search = self.query_one("#search", Input)
        if search.has_focus or self.search_text or self.status_filter or self.party_filter:
            search.value = ""
            self._hide_search(search)
            self._fit_panels_later()
            self.search_text = ""
            self.status_filter = None
            self.party_filter = None
            self.query_one(ArticleTable).focus()

    @staticmethod
    def _hide_search(search: Input) -> None:
        search.remove_class("-shown")
        search.can_focus = False

    def action_cycle_status(self) -> None:
        order: list[str | None] = [None, *STATUS_ORDER]
        self.status_filter = order[(order.index(self.status_filter) + 1) % len(order)]
        self.notify(f"Status filter: {self.status_filter or 'all statuses'}", timeout=2, markup=False)

    def action_cycle_party(self) -> None:
        order: list[str | None] = [None, *parties_of(draft_app(self).draft_set)]
        current = self.party_filter if self.party_filter in order else None
        self.party_filter = order[(order.index(current) + 1) % len(order)]
        self.notify(f"Party filter: {self.party_filter or 'all parties'} "
                    "(articles where the party has a stated position; its preconditions)", timeout=3,
                    markup=False)

    def action_toggle_problems(self) -> None:
        self.query_one(DiagnosticsPanel).toggle_class("-hidden")
        self._fit_panels_later()

    # -- drilling down --------------------------------------------------------------------------------

    # -- recording news -------------------------------------------------------------------------------

    def action_set_status(self) -> None:
        from draftdiff.tui.recording import ask_set_status

        article_id = self.query_one(ArticleTable).current_article_id
        if self.draft is not None and self.status_draft is not None and self.status_draft is not self.draft:
            from draftdiff.tui.look import version_date

            self.notify(f"This version is known only by its date and records no articles; record the status in "
                        f"{version_date(self.status_draft)} {self.status_draft.id}, whose statuses are in force "
                        "then, or press N for a new version made from it.", severity="warning")
            return
        if article_id:
            ask_set_status(draft_app(self), article_id)

    def action_add_claim(self) -> None:
        from draftdiff.tui.recording import ask_add_claim

        ask_add_claim(draft_app(self))

    def action_new_version(self) -> None:
        from draftdiff.tui.recording import ask_new_version

        ask_new_version(draft_app(self))

    def on_article_table_opened(self, message: ArticleTable.Opened) -> None:
        from draftdiff.tui.screens.article import ArticleScreen

        self.app.push_screen(ArticleScreen(message.article_id))
