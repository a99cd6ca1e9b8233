"""The command palette: jump to an article or version, compare with another version, export a snapshot."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Matcher, Provider
from textual.content import Content

from draftdiff.model import Draft
from draftdiff.textsafe import visible
from draftdiff.tui.access import draft_app
from draftdiff.tui.look import version_date


def plain_highlight(matcher: Matcher, candidate: str) -> Content:
    """Highlight the matched letters without reading the candidate as markup (titles are data)."""
    content = Content(candidate)
    score, offsets = matcher.fuzzy_search.match(matcher.query, candidate)
    if score and matcher.match_style is not None:
        for offset in offsets:
            if not candidate[offset].isspace():
                content = content.stylize(matcher.match_style, offset, offset + 1)
    return content


class DraftCommands(Provider):
    """Context commands built from the collection and the selected version."""

    def _commands(self) -> list[tuple[str, str, Callable[[], object], str]]:
        """(label, search text, callback, help). A version's date is shown as it is known (``2024-06``,
        ``~2024-09-11``); the search text has its ISO day besides, so a typed ``2024-09-11`` still finds it."""
        app = draft_app(self)
        draft_set = app.draft_set
        current = draft_set.get(app.version)
        commands: list[tuple[str, str, Callable[[], object], str]] = []

        def add(label: str, callback: Callable[[], object], help_text: str, *dated: Draft) -> None:
            search = label
            for draft in dated:
                shown = version_date(draft)
                if shown != draft.date:
                    search = search.replace(shown, f"{shown} {draft.date}", 1)
            commands.append((label, search, callback, help_text))

        if current is not None:
            for article in current.articles:
                number = f"{article.number} " if article.number is not None else ""
                label = f"Open article {number}{visible(article.title, keep_newlines=False)} ({article.status})"
                add(label, partial(self._open_article, article.id), "Read its text, positions, "
                    "sources and status history")
        for draft in draft_set.drafts:
            title = visible(draft.title, keep_newlines=False)
            add(f"Show version {version_date(draft)} {title}", partial(self._show_version, draft.id),
                f"{draft.kind} by {draft.proposed_by}, stage {draft.stage}", draft)
            if current is not None and draft.id != current.id:
                older, newer = sorted([draft, current], key=lambda d: (d.date, d.id))
                add(f"Compare with {version_date(draft)} {title}", partial(app.open_compare, older.id, newer.id),
                    f"Redline between {version_date(older)} and {version_date(newer)}", draft)
        add("Board", app.action_show_board, "Where the agreement stands")
        add("History", app.action_show_history, "Status matrix and agreed count over time")
        add("Compare with the previous version", app.action_compare,
            "The selected version against the one it is based on")
        add("Toggle light / dark theme", app.action_toggle_theme, "Also: t")
        add("Reload the drafts from disk", app.reload, "Also happens by itself when a file changes")
        from draftdiff.tui.export import snapshot_formats

        if current is not None:
            add(f"Export snapshot of {version_date(current)}…", partial(self._export, None),
                "Asks for the format, the path (default snapshots/) and the author", current)
            for fmt in snapshot_formats():
                add(f"Export snapshot of {version_date(current)} as {fmt}…", partial(self._export, fmt),
                    "Asks for the path (default snapshots/) and the author", current)
        return commands

    async def discover(self) -> Hits:
        for label, _, callback, help_text in self._commands():
            yield DiscoveryHit(Content(label), callback, text=label, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for label, searched, callback, help_text in self._commands():
            score = max(matcher.match(label), matcher.match(searched))
            if score > 0:
                yield Hit(score, plain_highlight(matcher, label), callback, text=label, help=help_text)

    # -- what the commands do ------------------------------------------------------------------------------

    def _open_article(self, article_id: str) -> None:
        from draftdiff.tui.screens.article import ArticleScreen

        self.app.push_screen(ArticleScreen(article_id))

    def _show_version(self, draft_id: str) -> None:
        draft_app(self).version = draft_id

    def _export(self, fmt: str | None) -> None:
        from draftdiff.tui.export import ask_export

        ask_export(draft_app(self), fmt)
