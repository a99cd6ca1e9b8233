"""What every screen that shows the selected version shares: ``[`` and ``]`` step through the versions.

The board, the Article, Version, History and Preconditions screens all follow the app's one selected
version, so the keys that move it are defined once, here, and mean the same on each.
"""

from __future__ import annotations

from textual.binding import Binding
from textual.screen import Screen

from draftdiff.tui.access import draft_app


class SteppingScreen(Screen[None]):
    BINDINGS = [
        Binding("left_square_bracket", "step(-1)", "Prev"),
        Binding("right_square_bracket", "step(1)", "Next version"),
    ]

    def action_step(self, step: int) -> None:
        draft_app(self).step_version(step)

    def action_back(self) -> None:
        """Esc on a screen opened over another (the modes go to the board instead)."""
        self.dismiss()
