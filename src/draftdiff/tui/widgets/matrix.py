"""Articles × versions, each cell the article's status in that version, coloured and with its symbol."""

from __future__ import annotations

from rich.text import Text
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import DataTable

from draftdiff.collection import DraftSet
from draftdiff.history import status_matrix
from draftdiff.textsafe import visible
from draftdiff.tui.look import cell_text
from draftdiff.tui.widgets.redraw import DeferredRedraw

COLUMN = 3


def column_label(date: str, selected: bool) -> Text:
    """``24`` over ``09``: year and month of a version in three cells, so 18 versions fit in 80 columns."""
    label = Text(f"{date[2:4]:^{COLUMN}}\n{date[5:7]:^{COLUMN}}")
    if selected:
        label.stylize("bold reverse")
    return label


class StatusMatrix(DeferredRedraw, DataTable):
    """Rows: every article ever present, in the newest numbering; columns: versions, oldest first."""

    class Opened(Message):
        def __init__(self, article_id: str) -> None:
            super().__init__()
            self.article_id = article_id

    draft_set: reactive[DraftSet | None] = reactive(None, always_update=True)
    version: reactive[str] = reactive("")

    def __init__(self, **kwargs: object) -> None:
        super().__init__(cursor_type="row", header_height=2, cell_padding=0, **kwargs)  # type: ignore[arg-type]

    def watch_draft_set(self) -> None:
        self.redraw()

    def watch_version(self) -> None:
        self.redraw()

    def draw(self) -> None:
        if self.draft_set is None:
            return
        keep = self.cursor_row
        matrix = status_matrix(self.draft_set)
        self.clear(columns=True)
        versions = len(matrix.draft_ids)
        title_width = max(12, min(40, self.size.width - 5 - versions * COLUMN - 4))
        self.add_column(Text("No. "), width=4)
        self.add_column(Text("Article"), width=title_width + 1)
        seen: set[str] = set()  # two files may claim one id (an error, listed in the panel): keys stay unique
        for draft_id, date in zip(matrix.draft_ids, matrix.dates, strict=True):
            key = None if draft_id in seen else draft_id
            seen.add(draft_id)
            self.add_column(column_label(date, draft_id == self.version), width=COLUMN, key=key)
        seen = set()
        for row in matrix.rows:
            title = Text(visible(row.title, keep_newlines=False))
            title.truncate(title_width, overflow="ellipsis")
            title.pad_right(title_width + 1 - title.cell_len)
            number = Text("" if row.number is None else f"{row.number:>3} ")
            key = None if row.article_id in seen else row.article_id
            seen.add(row.article_id)
            self.add_row(number, title, *(cell_text(s, COLUMN) for s in row.statuses), key=key)
        self.border_title = f"Status of {len(matrix.rows)} articles in {versions} versions (columns: year, month)"
        self.border_subtitle = "✓ agreed ◐ partial ✗ disputed ⊘ removed ? unknown · absent – not on record"
        if self.row_count:
            self.move_cursor(row=min(keep, self.row_count - 1), animate=False)

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        if event.row_key.value:
            self.post_message(self.Opened(event.row_key.value))
