"""History: every article's status in every version, and the agreed count over time."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.reactive import reactive

from draftdiff.collection import DraftSet
from draftdiff.tui.access import draft_app
from draftdiff.tui.screens.article import ArticleScreen
from draftdiff.tui.screens.stepping import SteppingScreen
from draftdiff.tui.widgets.chart import AgreedChart
from draftdiff.tui.widgets.key_bar import KeyBar
from draftdiff.tui.widgets.matrix import StatusMatrix


class HistoryScreen(SteppingScreen):

    SCOPED_CSS = False
    DEFAULT_CSS = """
    #matrix {
        height: 1fr;
        min-height: 8;
        border: round $primary 50%;
        border-title-color: $text-accent;
    }
    #matrix:focus { border: round $accent; }
    #chart {
        height: 12;
        border: round $primary 50%;
        border-title-color: $text-accent;
    }
    """
    BINDINGS = [
        Binding("escape", "app.show_board", "Board", show=False),
    ]

    draft_set: reactive[DraftSet | None] = reactive(None, always_update=True)
    version: reactive[str] = reactive("")

    def compose(self) -> ComposeResult:
        yield StatusMatrix(id="matrix").data_bind(HistoryScreen.draft_set, HistoryScreen.version)
        chart = AgreedChart(id="chart").data_bind(HistoryScreen.draft_set, HistoryScreen.version)
        chart.border_title = "Agreed articles per version (█ agreed, ░ the rest)"
        yield chart
        yield KeyBar()

    def on_mount(self) -> None:
        self.watch(self.app, "draft_set", self._sync, init=False)
        self.watch(self.app, "version", self._sync, init=False)
        self._sync()
        self.query_one(StatusMatrix).focus()

    def on_screen_resume(self) -> None:
        from draftdiff.tui.widgets.redraw import redraw_stale

        redraw_stale(self)

    def _sync(self, *_: object) -> None:
        self.draft_set = draft_app(self).draft_set
        self.version = draft_app(self).version

    def on_status_matrix_opened(self, message: StatusMatrix.Opened) -> None:
        self.app.push_screen(ArticleScreen(message.article_id))
