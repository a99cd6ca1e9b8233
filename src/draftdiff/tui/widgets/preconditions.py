"""Preconditions and demands each party set outside the text, grouped by party, with their status.

Drawn as aligned lines of text in a scrolling panel: a handful of rows that need no cursor, and cheaper
to draw at start-up than a second table.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.reactive import reactive
from textual.widgets import Static

from draftdiff.model import Draft, Precondition
from draftdiff.textsafe import visible
from draftdiff.tui.look import date_label, precondition_text
from draftdiff.tui.widgets.redraw import DeferredRedraw

PARTY, STATUS, KIND = 12, 15, 13


def _cell(text: Text, width: int) -> Text:
    text = text.copy()
    text.truncate(width - 1, overflow="ellipsis")
    text.pad_right(width - text.cell_len)
    return text


def preconditions_text(items: list[Precondition], parties: list[str], width: int) -> Text:
    """One line per precondition, the party written once per group, the demand cut to fit."""
    if not items:
        return Text("No preconditions or demands recorded in this version.", style="dim italic")
    order = list(dict.fromkeys([*parties, *(p.party for p in items)]))
    items = sorted(items, key=lambda p: order.index(p.party))
    demand_width = max(20, width - PARTY - STATUS - KIND)
    lines, previous = [], None
    for item in items:
        line = Text()
        party = visible(item.party, keep_newlines=False) if item.party != previous else ""
        previous = item.party
        line.append_text(_cell(Text(party, style="bold"), PARTY))
        line.append_text(_cell(precondition_text(item.status), STATUS))
        line.append_text(_cell(Text(item.kind, style="dim"), KIND))
        demand = Text(visible(item.demand, keep_newlines=False))
        if item.raised:
            demand.append(f" (raised {date_label(item.raised, item.raised_precision)})", style="dim")
        demand.truncate(demand_width, overflow="ellipsis")
        line.append_text(demand)
        lines.append(line)
    return Text("\n").join(lines)


class PreconditionsPanel(DeferredRedraw, VerticalScroll):
    """Party, status (symbol and word), kind and demand of each precondition in the selected version.

    The panel has no cursor: Enter on it opens the Preconditions screen, where each one has its record.
    """

    BINDINGS = [Binding("enter", "app.show_preconditions", "Preconditions", show=False)]

    draft: reactive[Draft | None] = reactive(None, always_update=True)
    party_filter: reactive[str | None] = reactive(None)

    def compose(self) -> ComposeResult:
        yield Static(id="preconditions-text")

    @property
    def shown(self) -> list[Precondition]:
        items = list(self.draft.preconditions) if self.draft else []
        return [p for p in items if not self.party_filter or p.party == self.party_filter]

    def draw_width(self) -> int:
        return self.scrollable_content_region.width  # the text is wrapped to it

    def watch_draft(self) -> None:
        self.redraw()

    def watch_party_filter(self) -> None:
        self.redraw()

    def draw(self) -> None:
        items = self.shown
        self.query_one("#preconditions-text", Static).update(
            preconditions_text(items, self.draft.parties if self.draft else [], self.draw_width()))
        self.border_title = f"Preconditions · {len(items)}" if items else "Preconditions · none"
        self.border_subtitle = "r or Enter: every record" if items else ""
