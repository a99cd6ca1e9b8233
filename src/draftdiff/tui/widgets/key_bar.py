"""The key bar at the bottom: the keys that work here, drawn as one line.

Textual's Footer builds one widget per key and rebuilds them on every focus change, which was the largest
single cost of drawing the board (see benchmarks/bench_tui_startup.py). This draws the same information
as one line of text, follows focus and screen changes the same way, and a click on a key presses it.
"""

from __future__ import annotations

from rich.text import Text
from textual import events
from textual.screen import Screen
from textual.widget import Widget


class KeyBar(Widget):
    """``key description`` pairs of the active bindings that are marked ``show``; the palette key last."""

    DEFAULT_CSS = """
    KeyBar { dock: bottom; height: 1; background: $footer-background; }
    KeyBar > .keybar--key { color: $footer-key-foreground; text-style: bold; }
    KeyBar > .keybar--description { color: $footer-description-foreground; }
    KeyBar > .keybar--disabled { color: $text-disabled; }
    """
    COMPONENT_CLASSES = {"keybar--key", "keybar--description", "keybar--disabled"}

    IMPORTANCE = ("help", "back", "step", "compare", "show_history", "show_board", "next_change", "goto_date",
                  "toggle_sides", "search", "cycle_status", "other_article", "pick_version", "swap", "quit")
    """When the line is too narrow, keys whose action comes later here (or not at all) are left out first."""

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self._spans: list[tuple[int, int, str]] = []

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, screen: Screen[object]) -> None:
        self.refresh()

    def _items(self) -> tuple[list[tuple[str, str, str, bool]], tuple[str, str, str, bool] | None]:
        """(key, shown key, description, enabled) for each action once, and the palette's entry."""
        app, seen = self.app, set()
        items, palette = [], None
        self._actions: list[str] = []
        for key, (_node, binding, enabled, _tooltip) in self.screen.active_bindings.items():
            if key == app.COMMAND_PALETTE_BINDING and app.ENABLE_COMMAND_PALETTE:
                palette = (key, app.get_key_display(binding), binding.description, enabled)
                continue
            if not binding.show or binding.action in seen:
                continue
            seen.add(binding.action)
            self._actions.append(binding.action)
            items.append((key, app.get_key_display(binding), binding.description, enabled))
        return items, palette

    def _fit(self, items: list[tuple[str, str, str, bool]], room: int) -> list[tuple[str, str, str, bool]]:
        def rank(index: int) -> tuple[int, int]:
            action = self._actions[index].removeprefix("app.").split("(")[0]
            order = self.IMPORTANCE.index(action) if action in self.IMPORTANCE else len(self.IMPORTANCE)
            return order, index

        keep = list(range(len(items)))
        while keep and sum(len(items[i][1]) + len(items[i][2]) + 3 for i in keep) > room:
            keep.remove(max(keep, key=rank))
        return [items[i] for i in keep]

    def render(self) -> Text:
        key_style = self.get_component_rich_style("keybar--key")
        desc_style = self.get_component_rich_style("keybar--description")
        off_style = self.get_component_rich_style("keybar--disabled")
        items, palette = self._items()
        width = self.size.width
        tail = Text()
        if palette is not None:
            tail.append(f" {palette[1]}", style=key_style)
            tail.append(f" {palette[2]} ", style=desc_style)
        items = self._fit(items, width - tail.cell_len)
        line, spans = Text(), []
        for key, shown, description, enabled in items:
            start = line.cell_len
            line.append(f" {shown}", style=key_style if enabled else off_style)
            line.append(f" {description} ", style=desc_style if enabled else off_style)
            spans.append((start, line.cell_len, key))
        if palette is not None:
            line.append(" " * max(0, width - line.cell_len - tail.cell_len))
            spans.append((line.cell_len, line.cell_len + tail.cell_len, palette[0]))
            line.append_text(tail)
        self._spans = spans
        return line

    def on_click(self, event: events.Click) -> None:
        for start, end, key in self._spans:
            if start <= event.x < end:
                event.stop()
                self.app.simulate_key(key)
                return
