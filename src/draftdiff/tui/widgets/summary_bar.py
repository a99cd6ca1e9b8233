"""Counts per status and a proportional bar: where the agreement stands, at a glance."""

from __future__ import annotations

from rich.text import Text
from textual.reactive import reactive
from textual.widget import Widget

from draftdiff.model import STATUS_ORDER, Draft
from draftdiff.tui.look import STATUS_COLOR, STATUS_FILL, STATUS_SYMBOL, status_style, version_date
from draftdiff.vocab import counted


def proportional_bar(counts: dict[str, int], width: int) -> Text:
    """A bar of ``width`` cells split by status, largest remainders first, so it always adds up."""
    total = sum(counts.values())
    bar = Text()
    if total == 0 or width <= 0:
        return Text("░" * max(width, 0), style="dim")
    exact = {s: counts.get(s, 0) * width / total for s in STATUS_ORDER}
    cells = {s: int(v) for s, v in exact.items()}
    for status in sorted(STATUS_ORDER, key=lambda s: exact[s] - cells[s], reverse=True):
        if sum(cells.values()) >= width:
            break
        if counts.get(status, 0):
            cells[status] += 1
    for status in STATUS_ORDER:
        if counts.get(status, 0) and cells[status] == 0:  # never hide a status that exists
            largest = max(cells, key=lambda s: cells[s])
            cells[largest] -= 1
            cells[status] = 1
        bar.append(STATUS_FILL[status] * cells[status], style=STATUS_COLOR[status])
    return bar


class SummaryBar(Widget):
    """``✓ 13 agreed  ◐ 3 partial …`` over a bar whose parts are proportional to the counts."""

    DEFAULT_CSS = "SummaryBar { height: 2; padding: 0 1; }"

    draft: reactive[Draft | None] = reactive(None, always_update=True)
    status_draft: reactive[Draft | None] = reactive(None, always_update=True)
    """Whose counts are shown: the draft, or the version in force then for one known only by its date."""

    def render(self) -> Text:
        source = self.status_draft or self.draft
        counts: dict[str, int] = dict(source.status_counts()) if source else {s: 0 for s in STATUS_ORDER}
        total = sum(counts.values())
        line = Text()
        gap = "  " if self.size.width >= 90 else " "
        for status in STATUS_ORDER:
            line.append(f"{STATUS_SYMBOL[status]} {counts[status]} {status}", style=status_style(status))
            line.append(gap)
        line.append(f"of {counted(total, 'article')}", style="dim")
        if source is not None and self.draft is not None and source.id != self.draft.id:
            line.append(f" (in force then: {version_date(source)})", style="italic")
        line.truncate(max(self.size.width - 2, 10), overflow="ellipsis")
        return Text("\n").join([line, proportional_bar(counts, max(self.size.width - 2, 0))])
