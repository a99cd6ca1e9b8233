"""The agreed count over time, drawn as bars: how far the text has come, version by version."""

from __future__ import annotations

from rich.style import Style
from rich.text import Text
from textual.reactive import reactive
from textual.widget import Widget

from draftdiff.collection import DraftSet
from draftdiff.history import count_series
from draftdiff.tui.look import STATUS_COLOR

EIGHTHS = " ▁▂▃▄▅▆▇█"
AGREED = Style(color=STATUS_COLOR["agreed"])
REST = Style(color="#8a8a8a")


def bar_chart(draft_set: DraftSet, version: str, width: int, height: int) -> Text:
    """Each version a bar: agreed articles solid (green), the rest of its articles shaded above."""
    series = count_series(draft_set)
    if not series:
        return Text("No versions to chart.", style="dim")
    top = max((p.total for p in series), default=0) or 1
    axis = len(str(top)) + 2
    slot = max(3, min(10, (width - axis) // len(series)))
    bar = slot - 2 if slot >= 5 else slot - 1
    two_line_dates = slot < 5
    plot_rows = max(3, height - (4 if two_line_dates else 3))
    lines: list[Text] = []
    label_line = Text(" " * axis)
    for point in series:
        if not point.recorded:
            label = "–"  # known only by its date: no counts, which is not zero
        elif len(f"{point.agreed}/{point.total}") < slot:
            label = f"{point.agreed}/{point.total}"
        else:
            label = str(point.agreed)
        label_line.append(label.center(slot)[:slot], style="bold" if point.draft_id == version else "")
    lines.append(label_line)
    for row in range(plot_rows, 0, -1):
        edge = {plot_rows: str(top), 1: "0"}.get(row)
        line = Text(f"{edge:>{axis - 2}} ┤" if edge else " " * (axis - 1) + "│", style="dim")
        for point in series:
            cell, style = _cell(row, point.agreed / top * plot_rows, point.total / top * plot_rows)
            pad = slot - bar
            line.append(" " * (pad // 2))
            line.append(cell * bar, style=style)
            line.append(" " * (pad - pad // 2))
        lines.append(line)
    lines.append(Text(" " * (axis - 1) + "└" + "─" * (slot * len(series)), style="dim"))
    rows = [Text(" " * axis)] + ([Text(" " * axis)] if two_line_dates else [])
    for point in series:
        mark = "bold reverse" if point.draft_id == version else "dim"
        if two_line_dates:
            rows[0].append(point.date[2:4].center(slot)[:slot], style=mark)
            rows[1].append(point.date[5:7].center(slot)[:slot], style=mark)
        else:
            label = point.date[:7] if slot >= 8 else point.date[2:7]
            rows[0].append(label.center(slot)[:slot], style=mark)
    lines.extend(rows)
    chart = Text("\n").join(lines)
    chart.no_wrap = True
    chart.overflow = "crop"
    return chart


def _cell(row: int, agreed_h: float, total_h: float) -> tuple[str, Style]:
    """The character of one bar cell at ``row`` (1 = bottom)."""
    if agreed_h >= row:
        return "█", AGREED
    if agreed_h > row - 1:  # the top of the agreed part, in eighths
        return EIGHTHS[max(1, round((agreed_h - (row - 1)) * 8))], AGREED
    if total_h >= row - 0.5:
        return "░", REST
    return " ", REST


class AgreedChart(Widget):
    """Bars per version; the selected version's date is highlighted."""

    DEFAULT_CSS = "AgreedChart { height: 12; padding: 0 1; }"

    draft_set: reactive[DraftSet | None] = reactive(None, always_update=True)
    version: reactive[str] = reactive("")

    def render(self) -> Text:
        if self.draft_set is None:
            return Text("")
        return bar_chart(self.draft_set, self.version, self.size.width - 2, self.size.height)
