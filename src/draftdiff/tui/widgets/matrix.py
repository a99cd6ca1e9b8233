"""Articles × versions, each cell the article's status in that version, coloured and with its symbol."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual import work
from textual.message import Message
from textual.reactive import reactive

from draftdiff.collection import DraftSet
from draftdiff.history import status_matrix
from draftdiff.textsafe import visible
from draftdiff.tui.look import cell_text
from draftdiff.tui.widgets.redraw import DeferredRedraw
from draftdiff.tui.widgets.row_table import RowTable
from draftdiff.vocab import counted

COLUMN = 3


def article_label(width: int) -> Text:
    """The Article column's heading, which also names the two rows of the versions' headings beside it
    (``year`` over ``month``), at any width: ``Article  year`` over ``month``."""
    label = Text("Article".ljust(width - 6))
    label.append("year".rjust(5), style="dim")
    label.append(" \n" + " " * (width - 6))
    label.append("month".rjust(5), style="dim")
    label.append(" ")
    return label


def matrix_title(articles: int, versions: int, shown: tuple[int, int] | None = None) -> str:
    """``Status of 21 articles in 23 versions``; when the versions are wider than the screen, which of them
    are in view (``versions 5–23 of 23 shown``): the headings alone did not say that some were left out."""
    if shown is None or shown == (0, versions - 1):
        return f"Status of {counted(articles, 'article entry', 'article entries')} in {counted(versions, 'version')}"
    return f"Status of {counted(articles, 'article entry', 'article entries')} · versions {shown[0] + 1}–{shown[1] + 1} of {versions} shown (← → scroll)"


def column_label(date: str, selected: bool) -> Text:
    """``24`` over ``09``: year and month of a version in three cells, so 18 versions fit in 80 columns."""
    label = Text(f"{date[2:4]:^{COLUMN}}\n{date[5:7]:^{COLUMN}}")
    if selected:
        label.stylize("bold reverse")
    return label


class StatusMatrix(DeferredRedraw, RowTable):
    """Rows: every article ever present, in the newest numbering; columns: versions, oldest first.

    The number and title stay in place when the versions scroll sideways. The rows (one cell per article
    and version: 10,000 on a large collection) are made in a worker, so the keys never wait for them.
    """

    class Opened(Message):
        def __init__(self, article_id: str) -> None:
            super().__init__()
            self.article_id = article_id

    draft_set: reactive[DraftSet | None] = reactive(None, always_update=True)
    version: reactive[str] = reactive("")

    def __init__(self, **kwargs: object) -> None:
        super().__init__(header_height=2, cell_padding=0, fixed_columns=2, **kwargs)  # type: ignore[arg-type]
        self._articles: set[str] = set()
        """The rows that stand for one article (an id two files claim is shown, but opens nothing)."""
        self._counts: tuple[int, int] | None = None
        """(articles, versions) of the matrix shown, for its title."""

    def watch_draft_set(self) -> None:
        self.redraw()

    def watch_version(self) -> None:
        self.redraw()

    def draw(self) -> None:
        if self.draft_set is not None:
            self._build(self.draft_set, self.version, self.size.width)

    @work(thread=True, exclusive=True, group="matrix", exit_on_error=False, description="status matrix")
    def _build(self, draft_set: DraftSet, version: str, width: int) -> None:
        table = matrix_table(draft_set, version, width)
        self.app.call_from_thread(self._fill, draft_set, version, table)

    def _fill(self, draft_set: DraftSet, version: str, table: MatrixTable) -> None:
        if draft_set is not self.draft_set or version != self.version:
            return  # made for what is no longer shown: a newer build follows
        keep = self.cursor_row
        self.clear(columns=True)
        for label, width, key in table.columns:
            self.add_column(label, width=width, key=key)
        self.add_rows(table.rows)
        self._articles = table.articles
        self._counts = table.counts
        self.border_title = table.title
        self.border_subtitle = "✓ agreed ◐ partial ✗ disputed ⊘ removed ? unknown · absent – not on record"
        if self.row_count:
            self.move_cursor(row=min(keep, self.row_count - 1), animate=False)
        self.call_after_refresh(self._show_version)

    def _show_version(self) -> None:
        """The selected version's column, highlighted, is scrolled into view (once laid out: the width the
        table has decides how far)."""
        self.scroll_to_column(self.version)
        self._retitle()

    def _retitle(self) -> None:
        """The title names the versions in view (see :func:`matrix_title`); called whenever they may change."""
        if self._counts is not None:
            self.border_title = matrix_title(*self._counts, self.columns_in_view())

    def watch_scroll_x(self, old_value: float, new_value: float) -> None:
        super().watch_scroll_x(old_value, new_value)
        self._retitle()  # ← →, a click on the scroll bar, or a version stepped to out of view

    def on_resize(self) -> None:  # RowTable's own handler runs too (Textual calls each class's)
        self.call_after_refresh(self._show_version)

    def watch_show_horizontal_scrollbar(self) -> None:
        self.call_after_refresh(self._show_version)  # no sideways scrolling until the bar is there

    def watch_show_vertical_scrollbar(self) -> None:
        super().watch_show_vertical_scrollbar()
        self.call_after_refresh(self._show_version)  # the view is two cells narrower or wider

    def on_row_table_row_selected(self, event: RowTable.RowSelected) -> None:
        event.stop()
        if event.row_key in self._articles:
            self.post_message(self.Opened(event.row_key))


@dataclass(frozen=True)
class MatrixTable:
    """What the matrix shows, as plain cells: made off the UI thread."""

    columns: list[tuple[Text, int, str | None]]
    rows: list[tuple[str, list[Text]]]
    articles: set[str]
    counts: tuple[int, int]
    """Articles (rows) and versions (columns)."""

    @property
    def title(self) -> str:
        return matrix_title(*self.counts)


def matrix_table(draft_set: DraftSet, version: str, width: int) -> MatrixTable:
    matrix = status_matrix(draft_set)
    versions = len(matrix.draft_ids)
    title_width = max(12, min(40, width - 5 - versions * COLUMN - 4))
    columns: list[tuple[Text, int, str | None]] = [(Text("No. "), 4, None),
                                                   (article_label(title_width + 1), title_width + 1, None)]
    seen: set[str] = set()  # two files may claim one id (an error, listed in the panel): keys stay unique
    for draft_id, date in zip(matrix.draft_ids, matrix.dates, strict=True):
        columns.append((column_label(date, draft_id == version), COLUMN, None if draft_id in seen else draft_id))
        seen.add(draft_id)
    cells = {status: cell_text(status, COLUMN) for row in matrix.rows for status in set(row.statuses)}
    rows: list[tuple[str, list[Text]]] = []
    articles: set[str] = set()
    for index, row in enumerate(matrix.rows):
        title = Text(visible(row.title, keep_newlines=False))
        title.truncate(title_width, overflow="ellipsis")
        number = Text("" if row.number is None else f"{row.number:>3} ")
        key = row.article_id if row.article_id not in articles else f"\0{index}"
        articles.add(row.article_id)
        rows.append((key, [number, title, *(cells[s] for s in row.statuses)]))
    return MatrixTable(columns, rows, articles, (len(matrix.rows), versions))
