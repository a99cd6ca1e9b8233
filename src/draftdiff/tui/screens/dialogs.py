"""Small modal dialogs: help, go to a date, pick a version."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from draftdiff.collection import DraftSet
from draftdiff.textsafe import visible
from draftdiff.tui.look import date_label

HELP: list[tuple[str, list[tuple[str, str]]]] = [
    ("Everywhere", [
        ("b / c / h", "board · compare (selected version with its base) · history"),
        ("ctrl+p", "command palette: jump to an article or version, compare with…, export a snapshot"),
        ("F1", "this help"), ("t", "light / dark theme"), ("q", "quit"),
    ]),
    ("Board", [
        ("[ / ]", "previous / next version"), ("v", "pick a version from the list"),
        ("g", "go to a date: 2024-09-11, 2024-09 or Sep 2024 → the version in force then"),
        ("↑ ↓, Enter", "choose an article, open it"),
        ("/", "search article numbers, titles, texts and positions"),
        ("f", "filter by status (cycles agreed → partial → disputed → removed → unknown → all)"),
        ("P", "filter by party (articles where it stated a position, and its preconditions)"),
        ("Esc", "clear search and filters"), ("d", "show / hide the problems panel"),
        ("tab", "move between the article table and the preconditions"),
    ]),
    ("Article", [
        ("[ / ]", "the same article in the previous / next version"),
        ("n / p", "next / previous article"), ("c", "compare this article with the previous version"),
        ("Esc", "back"),
    ]),
    ("Compare", [
        ("tab", "the two version pickers, the change list, the redline"),
        ("n / p", "next / previous changed article"), ("s", "redline inline ↔ side by side"),
        ("w", "swap the two versions"), ("a", "show all articles or only the changed ones"),
        ("Enter", "open the article"),
    ]),
    ("History", [
        ("[ / ]", "move the selected version (highlighted column)"),
        ("↑ ↓, Enter", "choose an article row, open it"),
    ]),
]

STATUS_LEGEND = "✓ agreed   ◐ partial   ✗ disputed   ⊘ removed   ? unknown   · not in that version"


def help_text() -> Text:
    text = Text()
    for section, keys in HELP:
        text.append(f"{section}\n", style="bold underline")
        for key, what in keys:
            text.append(f"  {key:<12}", style="bold")
            text.append(f"{what}\n")
        text.append("\n")
    text.append("Statuses\n", style="bold underline")
    text.append(f"  {STATUS_LEGEND}\n\n")
    text.append("Badges\n", style="bold underline")
    text.append("  summary / translation / no text: what the shown wording is; inferred: the status is read from\n"
                "  other facts, not reported (the article view says from what).\n")
    return text


class HelpScreen(ModalScreen[None]):
    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    #help-box { width: 96%; max-width: 110; height: 90%; border: round $accent; padding: 0 1; background: $surface; }
    """
    BINDINGS = [Binding("escape,f1,q", "dismiss", "Close")]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-box") as box:
            box.border_title = "draftdiff — keys (Esc to close)"
            yield Static(help_text())

    def action_dismiss(self, result: None = None) -> None:  # type: ignore[override]
        self.dismiss(None)


class GotoDateScreen(ModalScreen[str | None]):
    """Ask for a date; the board shows the version in force on that day."""

    DEFAULT_CSS = """
    GotoDateScreen { align: center middle; }
    #goto-box { width: 70; max-width: 96%; height: auto; border: round $accent; padding: 0 1; background: $surface; }
    """

    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def compose(self) -> ComposeResult:
        with Vertical(id="goto-box") as box:
            box.border_title = "Go to date"
            yield Static(Text("The version in force on a date: 2024-09-11, 2024-09, Sep 2024, 2025"))
            yield Input(placeholder="YYYY-MM-DD, YYYY-MM or month name and year", id="goto-date")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.dismiss(event.value.strip() or None)

    def action_cancel(self) -> None:
        self.dismiss(None)


def version_label(draft_set: DraftSet, draft_id: str) -> Text:
    draft = draft_set.get(draft_id)
    if draft is None:
        return Text(draft_id)
    label = Text()
    label.append(f"{date_label(draft.date, draft.date_precision):<12}", style="bold")
    label.append(f"{draft.kind:<18}", style="dim")
    label.append(visible(draft.title, keep_newlines=False))
    return label


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
