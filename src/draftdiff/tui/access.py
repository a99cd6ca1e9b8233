"""The one typed way from a screen, widget or command to the app that owns the state.

Textual types ``self.app`` as a plain ``App``; the state (the collection, the selected
version, the compare pair) lives on :class:`~draftdiff.tui.app.DraftDiffApp`. Every part
of the TUI reaches it through :func:`draft_app`, so no line needs a ``type: ignore``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

from textual.app import App
from textual.command import Provider
from textual.dom import DOMNode

if TYPE_CHECKING:
    from draftdiff.tui.app import DraftDiffApp


def draft_app(node: DOMNode | Provider | App[Any]) -> DraftDiffApp:
    """The DraftDiffApp ``node`` (a widget, a screen, a palette provider) belongs to, or ``node`` itself."""
    return cast("DraftDiffApp", node if isinstance(node, App) else node.app)
