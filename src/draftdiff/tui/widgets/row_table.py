"""A table of rows with a row cursor, drawn line by line from segments it keeps until a row changes.

Textual's DataTable renders every visible cell again through Rich whenever any
cell changes or the screen is laid out anew: on the board (170 articles) a
version switch or a comparison cost a stall of the UI thread longer than a key
press may wait. Here a row is turned into segments once, when it is added or
changed; drawing a line is then a lookup, a crop when scrolled sideways and, for
the cursor and the stripes, a style laid under (the cursor's: over) the row's
own colours. The API follows DataTable's names
(``add_column``, ``add_row``, ``update_cell``, ``move_cursor``, ``RowSelected``…)
for the part draftdiff uses, so the screens read the same.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import ClassVar, Literal

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

Cell = Text | str


@dataclass(frozen=True)
class Column:
    """A column: its key, heading (one line per header line) and width in cells."""

    key: str
    label: Text
    width: int
    justify: Literal["left", "right"] = "left"


def _as_text(cell: Cell) -> Text:
    return cell if isinstance(cell, Text) else Text(str(cell))


class RowTable(ScrollView, can_focus=True):
    """Rows of cells under a fixed header; a cursor row, Enter or a click to choose it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "select_cursor", "Select", show=False),
        Binding("up", "cursor_up", "Cursor up", show=False),
        Binding("down", "cursor_down", "Cursor down", show=False),
        Binding("pageup", "page_up", "Page up", show=False),
        Binding("pagedown", "page_down", "Page down", show=False),
        Binding("home,ctrl+home", "first", "First", show=False),
        Binding("end,ctrl+end", "last", "Last", show=False),
        Binding("left", "scroll_left", "Scroll left", show=False),
        Binding("right", "scroll_right", "Scroll right", show=False),
    ]

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "row-table--header", "row-table--cursor", "row-table--even-row", "row-table--odd-row",
    }

    DEFAULT_CSS = """
    RowTable {
        background: $surface;
        color: $foreground;
        height: auto;
        max-height: 100%;
        overflow-x: auto;
        overflow-y: auto;
        &:focus {
            background-tint: $foreground 5%;
            & > .row-table--cursor {
                background: $block-cursor-background;
                color: $block-cursor-foreground;
                text-style: $block-cursor-text-style;
            }
            & > .row-table--header { background-tint: $foreground 5%; }
        }
        &:dark > .row-table--even-row { background: $surface-darken-1 40%; }
        & > .row-table--header { text-style: bold; background: $panel; color: $foreground; }
        &:ansi > .row-table--header { background: ansi_bright_blue; color: ansi_default; }
        & > .row-table--even-row { background: $surface-lighten-1 50%; }
        & > .row-table--cursor {
            background: $block-cursor-blurred-background;
            color: $block-cursor-blurred-foreground;
            text-style: $block-cursor-blurred-text-style;
        }
    }
    """

    class RowMessage(Message):
        """About one row: the table, the cursor's row and that row's key."""

        def __init__(self, table: RowTable, cursor_row: int, row_key: str) -> None:
            super().__init__()
            self.table, self.cursor_row, self.row_key = table, cursor_row, row_key

        @property
        def control(self) -> RowTable:
            return self.table

    class RowHighlighted(RowMessage):
        """The cursor came to a row."""

    class RowSelected(RowMessage):
        """The user chose a row (Enter, or a click on it)."""

    cursor_row: reactive[int] = reactive(0, repaint=False, init=False)

    def __init__(self, *, zebra_stripes: bool = False, header_height: int = 1, cell_padding: int = 1,
                 fixed_columns: int = 0, name: str | None = None, id: str | None = None,
                 classes: str | None = None, disabled: bool = False) -> None:
        super().__init__(name=name, id=id, classes=classes, disabled=disabled)
        self.zebra_stripes = zebra_stripes
        self.header_height = header_height
        self.cell_padding = cell_padding
        self.fixed_columns = fixed_columns
        self.columns: dict[str, Column] = {}
        self._row_keys: list[str] = []
        self._row_index: dict[str, int] = {}
        self._row_cells: dict[str, list[Text]] = {}
        self._row_segments: dict[str, list[Segment]] = {}
        """Each row made into segments once, without the cursor's or the stripes' style: kept until the row
        changes. Segments, not strips: a Strip carries seven caches of its own, which would keep every line
        derived from it (scrolled, styled) alive for as long as the row is."""
        self._header_lines: list[list[Segment]] | None = None
        self._empty_text: Text | None = None

    # -- columns and rows --------------------------------------------------------------------------

    @property
    def ordered_columns(self) -> list[Column]:
        return list(self.columns.values())

    @property
    def row_count(self) -> int:
        return len(self._row_keys)

    @property
    def rows(self) -> dict[str, int]:
        """Row key → its index, in order."""
        return self._row_index

    def row_keys(self) -> list[str]:
        return list(self._row_keys)

    def add_column(self, label: Cell, *, width: int, key: str | None = None,
                   justify: Literal["left", "right"] = "left") -> str:
        key = key if key is not None else f"column-{len(self.columns)}"
        self.columns[key] = Column(key, _as_text(label), width, justify)
        self._row_segments.clear()
        self._header_lines = None
        self._resize()
        return key

    def add_row(self, *cells: Cell, key: str | None = None) -> str:
        key = key if key is not None else f"row-{len(self._row_keys)}"
        if key in self._row_index:
            raise ValueError(f"a row with key {key!r} is in the table already")
        self._row_index[key] = len(self._row_keys)
        self._row_keys.append(key)
        self._row_cells[key] = [_as_text(c) for c in cells]
        self._resize()
        self.refresh_line_of(len(self._row_keys) - 1)
        return key

    def add_rows(self, rows: Iterable[tuple[str, Sequence[Cell]]]) -> None:
        for key, cells in rows:
            self._row_index[key] = len(self._row_keys)
            self._row_keys.append(key)
            self._row_cells[key] = [_as_text(c) for c in cells]
        self._resize()
        self.refresh()

    def get_row(self, key: str) -> list[Text]:
        return list(self._row_cells[key])

    def get_row_index(self, key: str) -> int:
        return self._row_index[key]

    def update_cell(self, row_key: str, column_key: str, value: Cell) -> None:
        """One cell anew: only its row is drawn again."""
        position = list(self.columns).index(column_key)
        self._row_cells[row_key][position] = _as_text(value)
        self._row_segments.pop(row_key, None)
        self.refresh_line_of(self._row_index[row_key])

    def clear(self, columns: bool = False) -> None:
        self._row_keys, self._row_index, self._row_cells = [], {}, {}
        self._row_segments.clear()
        if columns:
            self.columns = {}
            self._header_lines = None
        self.cursor_row = 0
        self._resize()
        self.refresh()

    @property
    def empty_text(self) -> Text | None:
        """A line shown under the header while the table has no rows (why it is empty, how to fill it)."""
        return self._empty_text

    @empty_text.setter
    def empty_text(self, text: Cell | None) -> None:
        self._empty_text = None if text is None else _as_text(text)
        self.refresh()

    @property
    def cursor_key(self) -> str | None:
        return self._row_keys[self.cursor_row] if 0 <= self.cursor_row < len(self._row_keys) else None

    def move_cursor(self, *, row: int, animate: bool = False) -> None:
        self.cursor_row = max(0, min(row, len(self._row_keys) - 1))
        self._scroll_cursor_into_view(animate)

    # -- drawing -----------------------------------------------------------------------------------

    def _total_width(self) -> int:
        return sum(c.width + 2 * self.cell_padding for c in self.columns.values())

    def _fixed_width(self) -> int:
        return sum(c.width + 2 * self.cell_padding for c in list(self.columns.values())[:self.fixed_columns])

    def _column_stops(self) -> list[int]:
        """Where each column after the fixed ones starts, in cells scrolled sideways (0 for the first): the
        offsets sideways scrolling stops at, so a column is never shown cut in two at the left."""
        stops, x = [0], 0
        for column in list(self.columns.values())[self.fixed_columns:]:
            x += column.width + 2 * self.cell_padding
            stops.append(x)
        return stops

    def _resize(self) -> None:
        width = self._total_width()
        scrolled = list(self.columns.values())[self.fixed_columns:]
        if scrolled and width > self.scrollable_content_region.width:
            # Room to scroll on to the stop from which the last column is shown whole, whatever the width:
            # that stop is less than one column past where the last column's end meets the view's edge.
            width += max(c.width + 2 * self.cell_padding for c in scrolled) - 1
        self.virtual_size = Size(width, self.header_height + len(self._row_keys))

    def on_resize(self) -> None:
        self._resize()
        self.call_after_refresh(self._scroll_cursor_into_view)  # shorter now (a search box opened): follow

    def watch_show_vertical_scrollbar(self) -> None:
        self._resize()  # the view is narrower (or wider) by the scroll bar: it may overflow now, or no more

    def scroll_to_column(self, key: str) -> None:
        """Scroll sideways, by whole columns, until the column ``key`` is in view (a fixed one always is)."""
        keys = list(self.columns)
        if key not in keys or keys.index(key) < self.fixed_columns:
            return
        stops = self._column_stops()
        position = keys.index(key) - self.fixed_columns
        start, end = stops[position], stops[position + 1]
        room = self.scrollable_content_region.width - self._fixed_width()
        x = self.scroll_offset.x
        if start < x:
            self.scroll_to(x=start, animate=False, immediate=True)
        elif end > x + room:
            self.scroll_to(x=next((s for s in stops if end - s <= room), start), animate=False, immediate=True)

    def columns_in_view(self) -> tuple[int, int] | None:
        """The first and last of the columns after the fixed ones shown whole (0 for the first), at the
        current sideways scroll; None when none is."""
        stops = self._column_stops()
        room = self.scrollable_content_region.width - self._fixed_width()
        x = round(self.scroll_offset.x)
        shown = [i for i in range(len(stops) - 1) if stops[i] >= x and stops[i + 1] <= x + room]
        return (shown[0], shown[-1]) if shown else None

    def action_scroll_right(self) -> None:
        x = self.scroll_offset.x
        stops = self._column_stops()
        room = self.scrollable_content_region.width - self._fixed_width()
        last = next((stop for stop in stops if stops[-1] - stop <= room), stops[-1])  # the last column whole
        target = next((stop for stop in stops if stop > x), x)
        self.scroll_to(x=min(target, last, self.max_scroll_x), animate=False, immediate=True)

    def action_scroll_left(self) -> None:
        x = self.scroll_offset.x
        self.scroll_to(x=max([stop for stop in self._column_stops() if stop < x], default=0), animate=False,
                       immediate=True)

    def refresh_line_of(self, index: int) -> None:
        y = index - self.scroll_offset.y + self.header_height
        if 0 <= y < self.size.height:
            self.refresh_line(y)

    def _row_line(self, cells: Sequence[Text]) -> list[Segment]:
        console = self.app.console
        pad = " " * self.cell_padding
        segments: list[Segment] = []
        for column, cell in zip(self.columns.values(), cells, strict=False):
            text = cell.copy()
            text.end = ""
            text.no_wrap = True
            text.truncate(column.width, overflow="ellipsis")
            room = column.width - text.cell_len
            if room > 0:
                if column.justify == "right" or cell.justify == "right":
                    text = Text(" " * room) + text
                else:
                    text.pad_right(room)
            segments.append(Segment(pad))
            # Text.render leaves a text's own style off when it has no spans: laid under here
            segments.extend(Segment.apply_style(text.render(console), console.get_style(text.style)))
            segments.append(Segment(pad))
        return segments

    def _header_rows(self) -> list[list[Segment]]:
        if self._header_lines is None:
            lines: list[list[Text]] = [[] for _ in range(self.header_height)]
            for column in self.columns.values():
                split = column.label.split("\n", allow_blank=True)
                for h in range(self.header_height):
                    lines[h].append(split[h] if h < len(split) else Text(""))
            self._header_lines = [self._row_line(line) for line in lines]
        return self._header_lines

    def _fit(self, segments: list[Segment], style: Style, *, over: bool = False) -> Strip:
        """The line scrolled sideways (the fixed columns stay), in ``style`` (under the cells' own colours,
        or ``over`` them), filled out to the widget's width: one new strip, nothing kept."""
        width = self.size.width
        x = self.scroll_offset.x
        if x and self.fixed_columns:
            fixed = self._fixed_width()
            parts = list(Segment.divide(segments, [fixed, fixed + x, fixed + x + width]))
            segments = [*parts[0], *parts[2]]
        elif x:
            segments = list(Segment.divide(segments, [x, x + width]))[1]
        line = list(Segment.apply_style(segments, post_style=style) if over else Segment.apply_style(segments, style))
        return Strip(Segment.adjust_line_length(line, width, style), width)

    def _empty_line(self, style: Style) -> Strip:
        """:attr:`empty_text`, cut to the view's width (not scrolled: there are no columns to scroll to)."""
        width = self.scrollable_content_region.width
        pad = " " * self.cell_padding
        text = Text(pad) + (self._empty_text or "")  # its own style becomes a span: kept when rendered
        text.no_wrap, text.end = True, ""
        text.truncate(max(0, width), overflow="ellipsis")
        line = list(Segment.apply_style(text.render(self.app.console), style))
        return Strip(Segment.adjust_line_length(line, self.size.width, style), self.size.width)

    def render_line(self, y: int) -> Strip:
        base = self.rich_style
        if y < self.header_height:
            headers = self._header_rows()
            style = base + self.get_component_rich_style("row-table--header")
            return self._fit(headers[y] if y < len(headers) else [], style)
        index = y - self.header_height + self.scroll_offset.y
        if not 0 <= index < len(self._row_keys):
            if index == 0 and not self._row_keys and self._empty_text is not None:
                return self._empty_line(base)
            return Strip.blank(self.size.width, base)
        key = self._row_keys[index]
        segments = self._row_segments.get(key)
        if segments is None:
            segments = self._row_segments[key] = self._row_line(self._row_cells[key])
        if index == self.cursor_row:
            row_class = "row-table--cursor"
        elif self.zebra_stripes and index % 2 == 0:
            row_class = "row-table--even-row"
        else:
            row_class = "row-table--odd-row"
        # the cursor over the cells' own colours, so its row reads as one; the stripes under them
        return self._fit(segments, base + self.get_component_rich_style(row_class),
                         over=row_class == "row-table--cursor")

    # -- the cursor --------------------------------------------------------------------------------

    def watch_cursor_row(self, old: int, new: int) -> None:
        self.refresh_line_of(old)
        self.refresh_line_of(new)
        key = self.cursor_key
        if key is not None:
            self.post_message(self.RowHighlighted(self, new, key))

    def _scroll_cursor_into_view(self, animate: bool = False) -> None:
        rows_shown = max(1, self.scrollable_content_region.height - self.header_height)
        top = self.scroll_offset.y
        if self.cursor_row < top:
            self.scroll_to(y=self.cursor_row, animate=animate, immediate=True)
        elif self.cursor_row >= top + rows_shown:
            self.scroll_to(y=self.cursor_row - rows_shown + 1, animate=animate, immediate=True)

    def _step(self, rows: int) -> None:
        if self._row_keys:
            self.move_cursor(row=self.cursor_row + rows)

    def action_cursor_up(self) -> None:
        self._step(-1)

    def action_cursor_down(self) -> None:
        self._step(1)

    def action_page_up(self) -> None:
        self._step(-max(1, self.scrollable_content_region.height - self.header_height))

    def action_page_down(self) -> None:
        self._step(max(1, self.scrollable_content_region.height - self.header_height))

    def action_first(self) -> None:
        self._step(-len(self._row_keys))

    def action_last(self) -> None:
        self._step(len(self._row_keys))

    def action_select_cursor(self) -> None:
        key = self.cursor_key
        if key is not None:
            self.post_message(self.RowSelected(self, self.cursor_row, key))

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None or offset.y < self.header_height:
            return
        index = offset.y - self.header_height + self.scroll_offset.y
        if 0 <= index < len(self._row_keys):
            self.move_cursor(row=index)
            self.action_select_cursor()
