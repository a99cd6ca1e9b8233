"""Preconditions (``r``): every demand each party set outside the text, where it stands, and its history.

The top table lists the selected version's preconditions (party, status, kind, when raised, demand); under
it the highlighted one's status note and sources; below, every precondition ever recorded × every version,
like History's matrix. Enter opens one with its full record.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from draftdiff.collection import DraftSet
from draftdiff.model import Draft, Precondition
from draftdiff.textsafe import visible
from draftdiff.tui.access import draft_app
from draftdiff.tui.look import ABSENT, UNRECORDED_MARK, date_label, precondition_text
from draftdiff.tui.screens.stepping import SteppingScreen
from draftdiff.tui.sources import sources_text
from draftdiff.tui.widgets.key_bar import KeyBar
from draftdiff.tui.widgets.matrix import COLUMN, column_label
from draftdiff.tui.widgets.row_table import RowTable
from draftdiff.vocab import basis_label

FIXED = {"party": 10, "status": 15, "kind": 12, "raised": 10}


@dataclass(frozen=True)
class PreconditionRow:
    """One precondition across the versions: its status in each (None: not listed there)."""

    precondition_id: str
    party: str
    demand: str
    statuses: tuple[str | None, ...]


def precondition_rows(draft_set: DraftSet) -> list[PreconditionRow]:
    """Every precondition ever recorded, in first-seen order, with its status in every version."""
    drafts = draft_set.drafts
    seen: dict[str, Precondition] = {}
    for draft in drafts:
        for item in draft.preconditions:
            seen[item.id] = item  # the latest wording names the row
    rows = []
    for pid, item in seen.items():
        statuses = []
        for draft in drafts:
            found = next((p for p in draft.preconditions if p.id == pid), None)
            statuses.append(found.status if found else (None if draft.preconditions else "-"))
        rows.append(PreconditionRow(pid, item.party, item.demand, tuple(statuses)))
    return rows


def precondition_cell(status: str | None) -> Text:
    if status is None:
        return Text(ABSENT.center(COLUMN), style="dim")
    if status == "-":  # the version lists no preconditions at all: it says nothing about this one
        return Text(UNRECORDED_MARK.center(COLUMN), style="dim")
    cell = precondition_text(status, word=False)
    cell.pad_left((COLUMN - 1) // 2)
    cell.pad_right(COLUMN - cell.cell_len)
    return cell


def brief_text(draft: Draft, item: Precondition) -> Text:
    """Under the table: the highlighted precondition's status note and sources."""
    out = Text()
    out.append(visible(item.demand), style="bold")
    if item.status_note:
        out.append("\nStatus note: ", style="bold")
        out.append(visible(item.status_note), style="italic")
    if item.sources:
        out.append("\nSources: ", style="bold")
        out.append(", ".join(item.sources), style="dim")
    else:
        out.append("\nNo source cited.", style="dim italic")
    return out


def record_text(draft_set: DraftSet, draft: Draft, item: Precondition) -> Text:
    """Everything recorded about one precondition, and its status in every version."""
    out = Text()
    out.append(visible(item.demand), style="bold")
    out.append("\n\n")
    rows = [("Party", visible(item.party)), ("Kind", item.kind), ("Raised", date_label(item.raised,
                                                                                     item.raised_precision)),
            ("Status basis", basis_label(item.status_basis)), ("Article", item.article or "—"),
            ("Id", item.id)]
    out.append(f"{'Status':<14}", style="bold")
    out.append_text(precondition_text(item.status))
    for label, value in rows:
        out.append(f"\n{label:<14}", style="bold")
        out.append(value)
    for heading, said in (("Status note", item.status_note), ("Notes", item.notes)):
        if said:
            out.append(f"\n\n{heading}\n", style="bold underline")
            out.append(visible(said))
    out.append("\n\nSources\n", style="bold underline")
    out.append_text(sources_text(draft, item.sources))
    out.append("\n\nIn every version\n", style="bold underline")
    for other in draft_set.drafts:
        found = next((p for p in other.preconditions if p.id == item.id), None)
        marker = "▶ " if other.id == draft.id else "  "
        out.append(f"{marker}{date_label(other.date, other.date_precision):<12}")
        out.append_text(precondition_text(found.status) if found else Text(
            "· not listed" if other.preconditions else "– no preconditions on record", style="dim"))
        out.append(f"  {visible(other.id, keep_newlines=False)}\n", style="dim")
    out.rstrip()
    return out


class PreconditionRecordScreen(ModalScreen[None]):
    """One precondition's full record."""

    DEFAULT_CSS = """
    PreconditionRecordScreen { align: center middle; }
    #precondition-record { width: 96%; max-width: 110; height: 90%; border: round $accent; padding: 0 1;
                           background: $surface; }
    """
    BINDINGS = [Binding("escape,enter,q", "close", "Close")]

    def __init__(self, text: Text, title: str) -> None:
        super().__init__()
        self._text, self._title = text, title

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="precondition-record") as box:
            box.border_title = self._title
            yield Static(self._text)

    def action_close(self) -> None:
        self.dismiss(None)


class PreconditionsScreen(SteppingScreen):
    SCOPED_CSS = False
    DEFAULT_CSS = """
    #precondition-list { height: 1fr; min-height: 5; border: round $primary 50%; border-title-color: $text-accent; }
    #precondition-list:focus { border: round $accent; }
    #precondition-brief { height: auto; max-height: 4; padding: 0 1; }
    #precondition-matrix { height: auto; max-height: 45%; min-height: 5; border: round $primary 50%;
                           border-title-color: $text-accent; }
    #precondition-matrix:focus { border: round $accent; }
    """
    BINDINGS = [
        Binding("e", "set_status", "Set status"),
        Binding("escape", "app.show_board", "Board", show=False),
    ]

    _stale = False

    def compose(self) -> ComposeResult:
        yield RowTable(id="precondition-list", zebra_stripes=True)
        yield Static(id="precondition-brief")
        # The party and demand stay in place when the versions scroll sideways, as in the history's matrix
        yield RowTable(id="precondition-matrix", header_height=2, cell_padding=0, fixed_columns=2)
        yield KeyBar()

    def on_mount(self) -> None:
        self.watch(self.app, "draft_set", self._show, init=False)
        self.watch(self.app, "version", self._show, init=False)
        self.query_one("#precondition-list", RowTable).focus()
        self.call_after_refresh(self._show)

    def on_resize(self) -> None:
        self._show()

    @property
    def draft(self) -> Draft | None:
        return draft_app(self).draft_set.get(draft_app(self).version)

    def _items(self) -> list[Precondition]:
        draft = self.draft
        return list(draft.preconditions) if draft else []

    def on_screen_resume(self) -> None:
        if self._stale:
            self._show()

    def _show(self, *_: object) -> None:
        if not self.is_mounted:
            return
        self._stale = self.app.screen is not self
        if self._stale:
            return  # in the background: drawn when shown again
        self._fill_list()
        self._fill_matrix()

    def _fill_list(self) -> None:
        table = self.query_one("#precondition-list", RowTable)
        keep = table.cursor_row
        draft, items = self.draft, self._items()
        table.clear(columns=True)
        demand_width = max(20, self.size.width - sum(FIXED.values()) - 2 * (len(FIXED) + 1) - 4)
        for key, heading in (("party", "Party"), ("status", "Status"), ("kind", "Kind"), ("raised", "Raised")):
            table.add_column(heading, width=FIXED[key], key=key)
        table.add_column("Demand", width=demand_width, key="demand")
        for item in items:
            demand = Text(visible(item.demand, keep_newlines=False))
            demand.truncate(demand_width, overflow="ellipsis")
            table.add_row(Text(visible(item.party, keep_newlines=False), style="bold"),
                          precondition_text(item.status), Text(item.kind, style="dim"),
                          Text(date_label(item.raised, item.raised_precision)), demand, key=item.id)
        when = f"{date_label(draft.date, draft.date_precision)} {draft.kind}" if draft else "no version"
        table.border_title = f"Preconditions · {len(items)} in the version of {when} (Enter: full record)"
        if table.row_count:
            table.move_cursor(row=min(max(keep, 0), table.row_count - 1), animate=False)
        self._show_brief()

    def _fill_matrix(self) -> None:
        matrix = self.query_one("#precondition-matrix", RowTable)
        draft_set: DraftSet = draft_app(self).draft_set
        rows = precondition_rows(draft_set)
        drafts = draft_set.drafts
        matrix.clear(columns=True)
        title_width = max(12, min(40, self.size.width - 12 - len(drafts) * COLUMN - 4))
        matrix.add_column(Text("Party"), width=11)
        matrix.add_column(Text("Demand"), width=title_width + 1)
        for draft in drafts:
            matrix.add_column(column_label(draft.date, draft.id == draft_app(self).version),
                              width=COLUMN, key=draft.id)
        for row in rows:
            demand = Text(visible(row.demand, keep_newlines=False))
            demand.truncate(title_width, overflow="ellipsis")
            demand.pad_right(title_width + 1 - demand.cell_len)
            party = Text(visible(row.party, keep_newlines=False))
            party.truncate(10, overflow="ellipsis")  # "azerbaijan" whole, one cell before the demand
            matrix.add_row(party, demand, *(precondition_cell(s) for s in row.statuses), key=row.precondition_id)
        matrix.border_title = f"{len(rows)} preconditions in {len(drafts)} versions (columns: year, month)"
        matrix.border_subtitle = "F1: what the symbols mean · absent – none on record"
        self.call_after_refresh(self._show_version)

    def _show_version(self) -> None:
        """The selected version's column, highlighted, scrolled into view (once laid out)."""
        self.query_one("#precondition-matrix", RowTable).scroll_to_column(draft_app(self).version)

    def _highlighted(self) -> Precondition | None:
        table = self.query_one("#precondition-list", RowTable)
        items = self._items()
        return items[table.cursor_row] if 0 <= table.cursor_row < len(items) else None

    def _show_brief(self) -> None:
        brief = self.query_one("#precondition-brief", Static)
        item, draft = self._highlighted(), self.draft
        brief.update(brief_text(draft, item) if item and draft else Text(
            "No preconditions or demands recorded in this version.", style="dim italic"))

    def on_row_table_row_highlighted(self, event: RowTable.RowHighlighted) -> None:
        if event.table.id == "precondition-list":
            self._show_brief()

    def on_row_table_row_selected(self, event: RowTable.RowSelected) -> None:
        draft = self.draft
        if draft is None:
            return
        key = event.row_key
        if event.table.id == "precondition-matrix":
            item = next((p for p in draft.preconditions if p.id == key), None)
            if item is None:  # not in this version: its latest record
                item = next((p for d in reversed(draft_app(self).draft_set.drafts)
                             for p in d.preconditions if p.id == key), None)
        else:
            item = self._highlighted()
        if item is not None:
            self.app.push_screen(PreconditionRecordScreen(
                record_text(draft_app(self).draft_set, draft, item),
                f"Precondition {item.id} — Esc to close"))

    def action_set_status(self) -> None:
        from draftdiff.tui.recording import ask_precondition_status

        item = self._highlighted()
        if item is not None:
            ask_precondition_status(draft_app(self), item.id)
