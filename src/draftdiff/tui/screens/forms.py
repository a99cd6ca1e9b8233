"""One small form dialog for every kind of news: labelled one-line fields, Enter or ctrl+s records, Esc cancels.

The dialogs only collect what the analyst typed; checking and writing is the write path's job, and what it
refuses is shown in the dialog's message line, so nothing typed is lost.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Select, Static

NEW_SOURCE = "+new"
"""The source picker's choice "add a source on the spot" (no source id can start with '+')."""


@dataclass(frozen=True)
class Field:
    """One line of a form: a text input, or a choice when ``choices`` is given."""

    name: str
    label: str
    value: str = ""
    choices: Sequence[tuple[str, str]] = ()
    """(shown, value) pairs; the field is then a picker."""
    placeholder: str = ""
    group: str = ""
    """Fields of a group are shown under its heading (e.g. "New source")."""


Submit = Callable[[dict[str, str]], str | None]
"""Called with the values, in a worker thread; returns None when the news is recorded, else why it was
refused. What it does to the screen goes through ``app.call_from_thread``."""


class FormDialog(ModalScreen[bool]):
    """Fields, a message line and Record / Cancel. Dismisses True once ``submit`` records the news."""

    DEFAULT_CSS = """
    FormDialog { align: center middle; }
    #form-box { width: 96%; max-width: 100; height: auto; max-height: 96%; border: round $accent;
                background: $surface; padding: 0 1; }
    #form-fields { height: auto; max-height: 16; }
    .form-row { height: 1; }
    .form-label { width: 16; }
    .form-row Input, .form-row Select { width: 1fr; }
    .form-heading { text-style: bold; margin-top: 1; height: 1; }
    #form-about { height: auto; max-height: 3; }
    #form-message { height: auto; color: $error; }
    #form-buttons { height: 1; margin-top: 1; }
    #form-buttons Button { margin-right: 2; min-width: 12; }
    """
    BINDINGS = [Binding("escape", "cancel", "Cancel"), Binding("ctrl+s", "record", "Record")]

    def __init__(self, title: str, about: Text | str, fields: Sequence[Field], submit: Submit, *,
                 action: tuple[str, str, str, str] = ("Record", "save", "Recording…", "Not recorded")) -> None:
        """``action``: the button's word, what ctrl+s does, what the form says meanwhile and on a refusal
        (an export records no news: "Export", "write", "Writing…", "Not written")."""
        super().__init__()
        self._title, self._about, self._fields, self._submit = title, about, list(fields), submit
        self._action = action
        self._recording = False

    def compose(self) -> ComposeResult:
        with Vertical(id="form-box") as box:
            # Titles and the note above the fields carry the drafts' words: Text, so none reads as markup
            box.border_title = Text(f"{self._title} — ctrl+s or {self._action[0]} to {self._action[1]}, Esc to cancel")
            yield Static(Text(self._about) if isinstance(self._about, str) else self._about, id="form-about")
            with VerticalScroll(id="form-fields"):
                group = ""
                for spec in self._fields:
                    if spec.group != group:
                        group = spec.group
                        yield Label(group, classes="form-heading")
                    with Horizontal(classes="form-row"):
                        yield Label(spec.label, classes="form-label")
                        if spec.choices:
                            yield Select([(Text(shown), value) for shown, value in spec.choices],
                                         value=spec.value if spec.value else Select.BLANK,
                                         id=f"field-{spec.name}", compact=True, allow_blank=not spec.value)
                        else:
                            yield Input(spec.value, placeholder=spec.placeholder, id=f"field-{spec.name}",
                                        compact=True)
            yield Static(id="form-message")
            with Horizontal(id="form-buttons"):
                yield Button(self._action[0], id="form-record", variant="primary", compact=True)
                yield Button("Cancel", id="form-cancel", compact=True)

    def on_mount(self) -> None:
        first = self.query(".form-row Input, .form-row Select").first()
        first.focus()

    def values(self) -> dict[str, str]:
        out: dict[str, str] = {}
        for spec in self._fields:
            widget = self.query_one(f"#field-{spec.name}")
            if isinstance(widget, Select):
                value = widget.value
                out[spec.name] = value if isinstance(value, str) else ""
            elif isinstance(widget, Input):
                out[spec.name] = widget.value.strip()
        return out

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_record()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "form-record":
            self.action_record()
        else:
            self.action_cancel()

    def action_record(self) -> None:
        """Check and write in a worker: the write path reads, verifies and validates the whole collection,
        which on a large one is longer than a key may wait. The form stays, with what was typed, until then."""
        if self._recording:
            return
        self._recording = True
        self.query_one("#form-record", Button).disabled = True
        self.query_one("#form-message", Static).update(Text(self._action[2], style="dim"))
        self._record(self.values())

    @work(thread=True, exclusive=True, group="record", exit_on_error=False, description="record the news")
    def _record(self, values: dict[str, str]) -> None:
        try:
            refused = self._submit(values)
        except Exception as exc:  # the boundary of the dialog: say it, keep what was typed
            refused = f"internal error: {type(exc).__name__}: {exc}"
        self.app.call_from_thread(self._recorded, refused)

    def _recorded(self, refused: str | None) -> None:
        self._recording = False
        self.query_one("#form-record", Button).disabled = False
        if refused is None:
            self.dismiss(True)
            return
        self.query_one("#form-message", Static).update(Text(f"{self._action[3]}: {refused}"))
        self.call_after_refresh(self._make_room)

    def _make_room(self) -> None:
        """A message of several lines on a short screen: the fields (they scroll) give up the lines it needs,
        so the message is read whole and Record and Cancel stay in the dialog."""
        box, fields = self.query_one("#form-box"), self.query_one("#form-fields")
        buttons = self.query_one("#form-buttons")
        overflow = buttons.region.bottom - box.content_region.bottom
        if overflow > 0:
            fields.styles.max_height = max(3, fields.outer_size.height - overflow)

    def action_cancel(self) -> None:
        self.dismiss(False)
