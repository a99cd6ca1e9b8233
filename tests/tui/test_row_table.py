"""The row table behind the board, the change list and the history: what a user sees and can do with it."""

from __future__ import annotations

import asyncio

from rich.text import Text
from textual.app import App, ComposeResult
from tui_support import screen_text

from draftdiff.tui.widgets.row_table import RowTable


class TableApp(App[None]):
    def __init__(self, rows: int = 40, fixed: int = 0, wide: bool = False) -> None:
        super().__init__()
        self.rows, self.fixed, self.wide = rows, fixed, wide
        self.chosen: list[str] = []
        self.highlighted: list[str] = []

    def compose(self) -> ComposeResult:
        yield RowTable(id="t", zebra_stripes=True, fixed_columns=self.fixed)

    def on_mount(self) -> None:
        table = self.query_one(RowTable)
        table.add_column("No.", width=4, key="no", justify="right")
        table.add_column(Text("Article"), width=20, key="title")
        for v in range(12 if self.wide else 1):
            table.add_column(f"V{v:02d}", width=6, key=f"v{v}")
        table.add_rows((f"a{i}", [str(i + 1), f"Article number {i + 1}",
                                  *[f"s{i}-{v}" for v in range(12 if self.wide else 1)]])
                       for i in range(self.rows))
        table.focus()

    def on_row_table_row_selected(self, event: RowTable.RowSelected) -> None:
        self.chosen.append(event.row_key)

    def on_row_table_row_highlighted(self, event: RowTable.RowHighlighted) -> None:
        self.highlighted.append(event.row_key)


def run(coro):  # type: ignore[no-untyped-def]
    return asyncio.run(coro)


def test_keys_move_the_cursor_the_view_follows_and_enter_chooses() -> None:
    async def go() -> None:
        app = TableApp()
        async with app.run_test(size=(60, 12)) as pilot:
            table = app.query_one(RowTable)
            text = screen_text(app)
            assert "No." in text and "Article number 1" in text and "Article number 30" not in text
            await pilot.press("down", "down")
            assert table.cursor_row == 2 and table.cursor_key == "a2"
            assert app.highlighted[-1] == "a2"
            await pilot.press("end")
            await pilot.pause()
            assert table.cursor_key == "a39"
            text = screen_text(app)
            assert "Article number 40" in text and "Article number 1 " not in text
            assert text.splitlines()[0].strip().startswith("No.")  # the header stays on top
            await pilot.press("home", "pagedown")
            assert table.cursor_row > 5
            await pilot.press("enter")
            await pilot.pause()
            assert app.chosen == [table.cursor_key]

    run(go())


def test_a_changed_cell_is_shown_and_a_click_chooses_its_row() -> None:
    async def go() -> None:
        app = TableApp(rows=5)
        async with app.run_test(size=(60, 12)) as pilot:
            table = app.query_one(RowTable)
            table.update_cell("a3", "title", Text("Renamed article"))
            await pilot.pause()
            assert "Renamed article" in screen_text(app)
            assert [str(c) for c in table.get_row("a3")][:2] == ["4", "Renamed article"]
            await pilot.click(RowTable, offset=(8, 3))  # the header is line 0: line 3 is the third row
            await pilot.pause()
            assert app.chosen == ["a2"] and table.cursor_row == 2

    run(go())


def test_long_cells_are_cut_with_an_ellipsis_and_numbers_sit_right() -> None:
    async def go() -> None:
        app = TableApp(rows=3)
        async with app.run_test(size=(60, 8)) as pilot:
            table = app.query_one(RowTable)
            table.update_cell("a0", "title", "An article title far longer than its column")
            await pilot.pause()
            line = next(row for row in screen_text(app).splitlines() if "An article" in row)
            assert "An article title fa…" in line and "longer" not in line
            assert line.startswith("    1 ")  # "No." is four cells wide, padded by one: right-aligned

    run(go())


def test_fixed_columns_stay_when_the_versions_scroll_sideways() -> None:
    async def go() -> None:
        app = TableApp(rows=3, fixed=2, wide=True)
        async with app.run_test(size=(60, 8)) as pilot:
            assert "V00" in screen_text(app) and "V11" not in screen_text(app)
            await pilot.press(*["right"] * 70)
            await pilot.pause()
            text = screen_text(app)
            assert "Article number 1" in text and "V11" in text and "V00" not in text

    run(go())


def test_clearing_leaves_an_empty_table_that_takes_new_rows() -> None:
    async def go() -> None:
        app = TableApp(rows=3)
        async with app.run_test(size=(60, 8)) as pilot:
            table = app.query_one(RowTable)
            table.clear()
            await pilot.pause()
            assert table.row_count == 0 and table.cursor_key is None
            assert "Article number" not in screen_text(app)
            table.add_row("9", "A new one", "x", key="n")
            await pilot.pause()
            assert table.row_keys() == ["n"] and "A new one" in screen_text(app)

    run(go())


def test_sideways_scrolling_goes_by_whole_columns_and_reaches_the_last_one_whole() -> None:
    """Right and left move the scrolled columns by one column, never by one cell: no column is shown cut in
    two next to the fixed ones, and at the far right the last column is shown whole."""
    async def go() -> None:
        app = TableApp(rows=3, fixed=2, wide=True)
        async with app.run_test(size=(60, 8)) as pilot:
            fixed = (4 + 2) + (20 + 2)  # "No." and "Article", each padded by one at both sides

            def scrolled_header() -> str:
                return screen_text(app).splitlines()[0][fixed:]

            assert scrolled_header().startswith(" V00 ")
            await pilot.press("right")
            assert scrolled_header().startswith(" V01 ")
            await pilot.press("right", "right", "left")
            assert scrolled_header().startswith(" V02 ")
            await pilot.press(*["right"] * 20)
            header = scrolled_header()
            assert header.startswith(" V") and "V11" in header and header.rstrip().endswith("V11")
            await pilot.press(*["left"] * 20)
            assert scrolled_header().startswith(" V00 ")

    run(go())


def test_a_column_scrolled_to_is_brought_into_view_whole() -> None:
    async def go() -> None:
        app = TableApp(rows=3, fixed=2, wide=True)
        async with app.run_test(size=(60, 8)) as pilot:
            table = app.query_one(RowTable)
            table.scroll_to_column("v10")
            await pilot.pause()
            header = screen_text(app).splitlines()[0]
            assert "V10" in header and header[28:].startswith(" V")
            table.scroll_to_column("v1")
            await pilot.pause()
            assert screen_text(app).splitlines()[0][28:].startswith(" V01 ")

    run(go())


def test_the_cursor_row_stays_in_view_when_the_table_is_made_shorter() -> None:
    """The board's table loses three lines when the search box opens: a cursor on one of the last rows was
    left below the bottom edge, out of sight."""
    async def go() -> None:
        app = TableApp()
        async with app.run_test(size=(60, 20)) as pilot:
            table = app.query_one(RowTable)
            await pilot.press("end")
            await pilot.pause()
            assert "Article number 40" in screen_text(app)
            table.styles.height = 6
            await pilot.pause()
            await pilot.pause()
            assert table.cursor_key == "a39" and "Article number 40" in screen_text(app)

    run(go())
