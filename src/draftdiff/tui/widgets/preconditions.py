"""Preconditions and demands each party set outside the text, grouped by party, with their status."""

from __future__ import annotations

from rich.text import Text
from textual.reactive import reactive
from textual.widgets import DataTable

from draftdiff.model import Draft
from draftdiff.textsafe import visible
from draftdiff.tui.look import precondition_text


class PreconditionsPanel(DataTable):
    """One row per precondition; the party is written once per group."""

    draft: reactive[Draft | None] = reactive(None, always_update=True)
    party_filter: reactive[str | None] = reactive(None)

    def __init__(self, **kwargs: object) -> None:
        super().__init__(cursor_type="row", show_cursor=True, **kwargs)  # type: ignore[arg-type]

    def on_mount(self) -> None:
        self.rebuild()

    def on_resize(self) -> None:
        self.rebuild()

    def watch_draft(self) -> None:
        self.rebuild()

    def watch_party_filter(self) -> None:
        self.rebuild()

    def rebuild(self) -> None:
        """Rebuild once after the current batch of reactive changes, not once per change."""
        if not getattr(self, "_rebuild_pending", False):
            self._rebuild_pending = True
            self.call_later(self._rebuild_now)

    def _rebuild_now(self) -> None:
        self._rebuild_pending = False
        if not self.is_mounted:
            return
        self.clear(columns=True)
        demand_width = max(20, self.size.width - (12 + 14 + 12) - 8 - 3)
        self.add_column("Party", width=12)
        self.add_column("Status", width=14)
        self.add_column("Kind", width=12)
        self.add_column("Demand", width=demand_width)
        items = list(self.draft.preconditions) if self.draft else []
        if self.party_filter:
            items = [p for p in items if p.party == self.party_filter]
        parties = list(dict.fromkeys([*(self.draft.parties if self.draft else []), *(p.party for p in items)]))
        items.sort(key=lambda p: parties.index(p.party))
        previous = None
        for item in items:
            demand = Text(visible(item.demand, keep_newlines=False))
            if item.raised:
                demand.append(f" (raised {item.raised})", style="dim")
            demand.truncate(demand_width, overflow="ellipsis")
            party = Text(visible(item.party) if item.party != previous else "", style="bold")
            previous = item.party
            self.add_row(party, precondition_text(item.status), Text(item.kind, style="dim"), demand, key=item.id)
        self.border_title = f"Preconditions · {len(items)}" if items else "Preconditions · none recorded"
