"""Redraw a widget once per batch of changes, and only when it has a width to draw in.

Several reactives often change together (a new collection sets the version, the
draft and the filters at once); drawing on each would build the same table many
times. A widget is also mounted before it is laid out: a drawing at width 0 is
thrown away by the first resize, so it is not made at all.
"""

from __future__ import annotations

from typing import Any


class DeferredRedraw:
    """Call :meth:`redraw` on any change; :meth:`draw` then runs once, after the batch, at the real width.

    A mixin placed before the widget class (``class T(DeferredRedraw, DataTable)``); not a
    widget itself, so the widget's component classes and CSS are untouched.
    """

    size: Any
    is_mounted: bool
    call_later: Any
    screen: Any
    app: Any
    _drawn_width: int = 0
    _redraw_pending: bool = False
    _stale: bool = False
    """A change came while the widget's screen was not the one shown: drawn when it is shown again."""

    def draw_width(self) -> int:
        """The width the drawing depends on; a change of it (not of height) redraws."""
        return self.size.width

    def draw(self) -> None:
        raise NotImplementedError

    def redraw(self) -> None:
        if not self._redraw_pending:
            self._redraw_pending = True
            self.call_later(self._draw_now)

    def _draw_now(self) -> None:
        self._redraw_pending = False
        width = self.draw_width()
        if not self.is_mounted or not width:
            return  # not laid out yet: the first resize draws, with the width the layout gives
        if self.screen is not self.app.screen:
            self._stale = True  # a screen in the background: no need to draw what nobody sees
            return
        self._stale = False
        self._drawn_width = width
        self.draw()

    def on_mount(self) -> None:
        self.redraw()

    def on_resize(self) -> None:
        if self.draw_width() != self._drawn_width:
            self.redraw()


def redraw_stale(screen: Any) -> None:
    """Draw the widgets of ``screen`` that changed while it was in the background (call on ScreenResume)."""
    for widget in screen.query("*"):
        if isinstance(widget, DeferredRedraw) and widget._stale:
            widget.redraw()
