"""Messages that travel up from screens and widgets to the app, which owns the state."""

from __future__ import annotations

from textual.message import Message


class VersionChosen(Message):
    """Show this version (a draft id) everywhere."""

    def __init__(self, draft_id: str) -> None:
        super().__init__()
        self.draft_id = draft_id
