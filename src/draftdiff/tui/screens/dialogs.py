"""Small modal dialogs: help, go to a date, pick a version."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.geometry import Size
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from draftdiff.collection import DraftSet
from draftdiff.history import not_a_date, parse_when
from draftdiff.textsafe import visible
from draftdiff.tui.look import date_label
from draftdiff.vocab import PRECONDITION_MEANINGS, PRECONDITION_ORDER, precondition_label, status_legend

HELP: list[tuple[str, list[tuple[str, str]]]] = [
    ("Everywhere", [
        ("b / c / h / r", "board · compare (with its base) · history · preconditions"),
        ("i", "the version: summary, notes, date note, attestation, sources, counts claimed in public"),
        ("ctrl+p", "palette: open an article or version, compare with…, export a snapshot…"),
        ("ctrl+z", "undo this session's last edit (only while the file is as the edit left it)"),
        ("F1", "this help"), ("t", "light / dark theme"), ("q", "quit"),
    ]),
    ("Board", [
        ("[ / ]", "previous / next version"), ("v", "pick a version from the list"),
        ("g", "go to a date: 2024-09-11, 2024-09 or Sep 2024 → the version in force then"),
        ("↑ ↓, Enter", "choose an article, open it"),
        ("/", "search article numbers, titles, texts and positions"),
        ("f", "filter by status (agreed → partial → disputed → removed → unknown → all)"),
        ("P", "filter by party (articles where it stated a position, and its preconditions)"),
        ("Esc", "clear search and filters"), ("d", "show / hide the problems panel"),
        ("tab", "move between the article table and the preconditions"),
        ("e", "record news: set the selected article's status (basis, note, source)"),
        ("a", "record a count claimed in public"), ("N", "a new version from the selected one"),
    ]),
    ("Article", [
        ("[ / ]", "the same article in the previous / next version"),
        ("n / p", "next / previous article"), ("c", "compare this article with the previous version"),
        ("e", "set its status"), ("> / <", "next / previous part of a long text"), ("Esc", "back"),
    ]),
    ("Compare", [
        ("tab", "the two version pickers, the change list, the redline"),
        ("n / p", "next / previous change: The version (its fields, sources, claims, preconditions), then "
                  "the articles"), ("s", "redline inline ↔ side by side"),
        ("w", "swap the two versions"), ("a", "show all articles or only the changed ones"),
        ("u", "only substantive changes (hide those of sources, notes or bases alone)"),
        ("Enter", "open the article (on The version: the newer version)"),
    ]),
    ("History", [
        ("[ / ]", "move the selected version (highlighted column)"),
        ("↑ ↓, Enter", "choose an article row, open it"),
        ("← →", "scroll the versions sideways, a column at a time (number and title stay)"),
    ]),
    ("Preconditions", [
        ("[ / ]", "previous / next version"), ("↑ ↓, Enter", "choose one, open its full record"),
        ("e", "set its status (basis, note, source)"),
    ]),
    ("Version", [("[ / ]", "previous / next version"), ("a", "record a count claimed in public"),
                 ("Esc", "back")]),
    ("Dialogs", [("ctrl+s, Enter", "record"), ("Esc", "cancel"), ("tab", "next field")]),
]

STATUS_LEGEND = status_legend() + "   · not in that version   – not on record"


def precondition_legend_lines() -> list[str]:
    return [f"{precondition_label(s)} — {PRECONDITION_MEANINGS.get(s, '')}" for s in PRECONDITION_ORDER]


def help_text(width: int = 100) -> Text:
    """Every key, in lines of at most ``width`` cells, with the descriptions aligned under each other."""
    import textwrap

    text = Text()
    room = max(20, width - 17)
    for section, keys in HELP:
        text.append(f"{section}\n", style="bold underline")
        for key, what in keys:
            lines = textwrap.wrap(what, room) or [""]
            text.append(f"  {key:<15}", style="bold")
            text.append(f"{lines[0]}\n")
            for more in lines[1:]:
                text.append(f"{'':17}{more}\n")
        text.append("\n")
    text.append("Article statuses\n", style="bold underline")
    for line in textwrap.wrap(STATUS_LEGEND, room + 15):
        text.append(f"  {line}\n")
    text.append("\nPrecondition statuses (symbols of their own)\n", style="bold underline")
    for line in precondition_legend_lines():
        text.append(f"  {line}\n")
    text.append("\nBadges\n", style="bold underline")
    for line in textwrap.wrap("Text basis: summary / translation / no text say what the shown wording is. "
                              "Status basis: inferred means the status is read from other facts, not "
                              "reported (the article view says from what).", room + 15):
        text.append(f"  {line}\n")
    return text


class HelpText(Widget):
    """The help, wrapped to the width it is given: the box's, less its border, padding and scroll bar."""

    DEFAULT_CSS = "HelpText { height: auto; }"

    def render(self) -> Text:
        return help_text(self.content_size.width or 74)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(help_text(width).plain.splitlines())


class HelpScreen(ModalScreen[None]):
    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    #help-box { width: 96%; max-width: 110; height: 90%; border: round $accent; padding: 0 1; background: $surface; }
    """
    BINDINGS = [Binding("escape,f1,q", "dismiss", "Close")]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-box") as box:
            box.border_title = "draftdiff — keys (Esc to close)"
            yield HelpText()

    def action_dismiss(self, result: None = None) -> None:  # type: ignore[override]
        self.dismiss(None)


class GotoDateScreen(ModalScreen[str | None]):
    """Ask for a date; the board shows the version in force on that day (the dialog gives its id)."""

    DEFAULT_CSS = """
    GotoDateScreen { align: center middle; }
    #goto-box { width: 70; max-width: 96%; height: auto; border: round $accent; padding: 0 1; background: $surface; }
    #goto-error { color: $error; height: auto; }
    """

    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, draft_set: DraftSet) -> None:
        super().__init__()
        self.draft_set = draft_set

    def compose(self) -> ComposeResult:
        with Vertical(id="goto-box") as box:
            box.border_title = "Go to date"
            yield Static(Text("The version in force on a date: 2024-09-11, 2024-09, Sep 2024, 2025"))
            yield Input(placeholder="YYYY-MM-DD, YYYY-MM or month name and year", id="goto-date")
            yield Static("", id="goto-error", markup=False)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """A date with a version in force closes the dialog; anything else stays, with why."""
        from draftdiff.history import version_at

        text = event.value.strip()
        if not text:
            self.dismiss(None)
            return
        if parse_when(text) is None:
            self.query_one("#goto-error", Static).update(not_a_date(text))
            return
        draft = version_at(self.draft_set, text)
        if draft is None:
            first = self.draft_set.drafts[0] if self.draft_set.drafts else None
            self.query_one("#goto-error", Static).update(
                f"No version on or before {text!r}" + (
                    f": the first is of {date_label(first.date, first.date_precision)} ({first.id})" if first else ""))
            return
        self.dismiss(draft.id)

    def on_input_changed(self, event: Input.Changed) -> None:
        self.query_one("#goto-error", Static).update("")

    def action_cancel(self) -> None:
        self.dismiss(None)


def version_label(draft_set: DraftSet, draft_id: str) -> Text | Table:
    """Date, kind and title in columns: a title too long for its line wraps under itself, not under the date."""
    draft = draft_set.get(draft_id)
    if draft is None:
        return Text(draft_id)
    row = Table.grid(padding=(0, 1), expand=True)
    row.add_column(width=11, no_wrap=True)
    row.add_column(width=17, no_wrap=True)
    row.add_column(ratio=1)
    row.add_row(Text(date_label(draft.date, draft.date_precision), style="bold"), Text(draft.kind, style="dim"),
                Text(visible(draft.title, keep_newlines=False)))
    return row


def short_version_label(draft_set: DraftSet, draft_id: str) -> Text:
    """``2024-01-04 counter-proposal · beta``: fits a one-line picker."""
    draft = draft_set.get(draft_id)
    if draft is None:
        return Text(draft_id)
    date = date_label(draft.date, draft.date_precision)
    label = Text(f"{date} {draft.kind} · {visible(draft.proposed_by, keep_newlines=False)}")
    label.stylize("bold", 0, len(date))
    return label


class VersionPickerScreen(ModalScreen[str | None]):
    """Every version, oldest first; Enter shows it."""

    DEFAULT_CSS = """
    VersionPickerScreen { align: center middle; }
    #version-list {
        width: 96%; max-width: 110; height: auto; max-height: 80%; border: round $accent; background: $surface;
    }
    """

    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, draft_set: DraftSet, current: str) -> None:
        super().__init__()
        self.draft_set = draft_set
        self.current = current

    def compose(self) -> ComposeResult:
        options = [Option(version_label(self.draft_set, d.id), id=d.id) for d in self.draft_set.drafts]
        picker = OptionList(*options, id="version-list")
        picker.border_title = "Versions — Enter to show, Esc to cancel"
        yield picker

    def on_mount(self) -> None:
        picker = self.query_one(OptionList)
        ids = self.draft_set.ids()
        if self.current in ids:
            picker.highlighted = ids.index(self.current)
        picker.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)
