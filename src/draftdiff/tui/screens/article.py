"""One article in the selected version: text, positions side by side, sources, status history."""

from __future__ import annotations

from rich.text import Text
from textual.actions import SkipAction
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.reactive import reactive
from textual.widgets import Static

from draftdiff.collection import DraftSet
from draftdiff.history import UNRECORDED, article_history
from draftdiff.model import Article, Draft
from draftdiff.textsafe import visible
from draftdiff.tui.access import draft_app
from draftdiff.tui.look import status_text, version_date
from draftdiff.tui.screens.stepping import SteppingScreen
from draftdiff.tui.sources import sources_text
from draftdiff.tui.widgets.key_bar import KeyBar
from draftdiff.vocab import basis_label, part_label

PART_CHARS = 20_000
"""How much of an article's wording is drawn at once: a 400,000-line text is read part by part, so the
screen costs the same whatever the length (Textual lays out every line of what it is given)."""


def _safe(text: str | None) -> str:
    return visible(text or "")


def part_count(text: str, size: int = PART_CHARS) -> int:
    return max(1, -(-len(text) // size))


def _boundary(text: str, offset: int) -> int:
    """``offset`` moved to just after the next line break, if one is near: parts end at line ends."""
    if offset <= 0 or offset >= len(text):
        return max(0, min(offset, len(text)))
    newline = text.find("\n", offset, offset + 500)
    return newline + 1 if newline >= 0 else offset


def text_part(text: str, index: int, size: int = PART_CHARS) -> str:
    """Part ``index`` of ``text`` (0-based), cut at line ends where it can be; the parts join to the text."""
    return text[_boundary(text, index * size):_boundary(text, (index + 1) * size)]


def heading_text(article: Article | None, article_id: str, draft: Draft | None,
                 shown: Draft | None = None) -> Text:
    """The title and status; ``shown`` is the version the article is read from, when ``draft`` (one known
    only by its date) records no articles and the statuses in force then come from an earlier one."""
    shown = shown or draft
    if article is None:
        where = f"{version_date(draft)} ({draft.id})" if draft else "this version"
        return Text.assemble((f"{article_id}", "bold"), f" is not in the version of {where}.\n",
                             ("Step to another version with [ and ], or see its history below.", "dim"))
    head = Text()
    if shown is not None and draft is not None and shown.id != draft.id:
        head.append(f"As recorded in {version_date(shown)} {shown.kind} ({visible(shown.id, keep_newlines=False)}); "
                    f"this version ({version_date(draft)}) records no articles.\n", style="italic")
    number = part_label(article.part, article.number)
    head.append(f"{number} · ", style="bold")
    head.append(_safe(article.title), style="bold")
    head.append("\n")
    head.append_text(status_text(article.status))
    head.append(f" · {basis_label(article.status_basis)}", style="italic")
    if shown is not None and shown is draft:  # else the line above names it
        head.append(f"   in {version_date(shown)} · {shown.kind} · {shown.id}", style="dim")
    if article.status_note:
        head.append("\n")
        head.append("Status note: ", style="bold")
        head.append(_safe(article.status_note), style="italic")
    return head


def notes_text(article: Article | None) -> Text | None:
    """The article's own notes, and each fragment's: what the analyst recorded beside the text."""
    if article is None:
        return None
    out = Text()
    if article.notes:
        out.append(_safe(article.notes))
    for index, fragment in enumerate(article.fragments, 1):
        if fragment.notes:
            out.append(f"\nFragment {index}: ", style="bold")
            out.append(_safe(fragment.notes))
    out.rstrip()
    return out if out.plain.strip() else None


def body_text(article: Article | None, part: int = 0) -> tuple[str, Text]:
    """The border title (with the basis label) and the wording, one part of it if it is long."""
    if article is None:
        return "Text", Text("—", style="dim")
    if article.text is not None:
        parts = part_count(article.text)
        if parts == 1:
            return f"Text · {article.text_basis}", Text(_safe(article.text))
        part = max(0, min(part, parts - 1))
        piece = text_part(article.text, part)
        lines = article.text.count("\n") + 1
        body = Text(_safe(piece))
        body.append(f"\n\n— part {part + 1} of {parts} of a text of {lines:,} lines and {len(article.text):,} "
                    "characters; > next part, < previous —", style="bold dim")
        return f"Text · {article.text_basis} · part {part + 1} of {parts} (> <)", body
    if article.fragments:
        text = Text()
        for index, fragment in enumerate(article.fragments):
            if index:
                text.append("\n\n")
            text.append(f"[{fragment.basis}] ", style="italic dim")
            text.append(_safe(fragment.text))
            if fragment.sources:
                text.append(f"  — {', '.join(fragment.sources)}", style="dim")
        return f"Text · {article.effective_text_basis}s as published", text
    return "Text · none", Text("No wording of this article has been published; see the positions and sources.",
                               style="italic dim")


def position_text(article: Article, party: str) -> Text:
    position = article.positions.get(party)
    if position is None:
        return Text("No separate position recorded.", style="dim italic")
    text = Text(_safe(position.text))
    text.append(f"\n\n{position.basis}", style="italic")
    if position.sources:
        text.append(f" · sources: {', '.join(position.sources)}", style="dim")
    if position.notes:
        text.append(f"\n{_safe(position.notes)}", style="dim")
    return text


def cited_sources(article: Article | None, draft: Draft | None) -> Text:
    """What the article's status, fragments and positions rest on, each source once."""
    if article is None or draft is None:
        return Text("—", style="dim")
    return sources_text(draft, [*article.sources, *(s for f in article.fragments for s in f.sources),
                                *(s for p in article.positions.values() for s in p.sources)],
                        none="No source cited for this article.")


def history_text(draft_set: DraftSet, article_id: str, current: str) -> Text:
    """One line a version; the status change sits beside the status, so it stays on screen at 80 columns
    (a long version id is cut with an ellipsis instead of pushing it to a line of its own)."""
    out = Text()
    recorded = False
    for step in article_history(draft_set, article_id):
        marker = "▶ " if step.draft_id == current else "  "
        out.append(marker, style="bold")
        draft = draft_set.get(step.draft_id)
        when = version_date(draft) if draft is not None else step.date
        out.append(f"{when:<11} ", style="bold" if step.draft_id == current else "")
        cell = status_text(step.status)
        cell.pad_right(12 - len(cell))
        out.append_text(cell)
        change = ("changed" if recorded else "first") if step.changed else ""
        out.append(f"{change:<9}", style="bold")
        recorded = recorded or step.status != UNRECORDED
        number = f"No. {step.number}" if step.number is not None else ""
        out.append(f"{number:<8}{(step.status_basis or ''):<10}", style="dim")
        out.append(visible(step.draft_id, keep_newlines=False))
        out.append("\n")
    out.rstrip()
    return out


class ArticleScroll(VerticalScroll):
    """The article's page: Home and End jump to its very top and bottom at once.

    Textual's own Home and End glide there over a second; a key pressed meanwhile (or a redraw of the
    boxes) leaves the page short of the title or of the last version's row."""

    def action_scroll_home(self) -> None:
        if not self.allow_vertical_scroll:
            raise SkipAction()
        self.scroll_home(animate=False, x_axis=False)

    def action_scroll_end(self) -> None:
        if not self.allow_vertical_scroll:
            raise SkipAction()
        self.scroll_end(animate=False, x_axis=False)


class ArticleScreen(SteppingScreen):
    """Follows the app's selected version; [ and ] show the same article in other versions."""

    SCOPED_CSS = False
    DEFAULT_CSS = """
    #article-scroll { padding: 0 1; }
    #article-heading { padding: 1 1 0 1; height: auto; }
    #positions { height: auto; }
    #article-history { text-wrap: nowrap; text-overflow: ellipsis; }
    #positions .position { width: 1fr; }
    """

    BINDINGS = [
        Binding("escape", "back", "Back"),
        Binding("n", "other_article(1)", "Next article"),
        Binding("p", "other_article(-1)", "Prev article"),
        Binding("c", "compare", "Compare"),
        Binding("e", "set_status", "Set status"),
        Binding("greater_than_sign", "text_part(1)", "Next part", show=False),
        Binding("less_than_sign", "text_part(-1)", "Prev part", show=False),
    ]

    article_id: reactive[str] = reactive("")
    part: reactive[int] = reactive(0)
    """Which part of a long wording is drawn (see PART_CHARS)."""

    def __init__(self, article_id: str) -> None:
        super().__init__()
        self.set_reactive(ArticleScreen.article_id, article_id)

    def compose(self) -> ComposeResult:
        with ArticleScroll(id="article-scroll"):
            yield Static(id="article-heading")
            yield Static(id="article-text", classes="box")
            yield Static(id="article-notes", classes="box")
            yield Horizontal(id="positions")
            yield Static(id="article-sources", classes="box")
            yield Static(id="article-history", classes="box")
        yield KeyBar()

    def on_mount(self) -> None:
        self.watch(self.app, "version", self._show, init=False)
        self.watch(self.app, "draft_set", self._show, init=False)
        self._show()
        self.query_one("#article-scroll").focus()

    def watch_article_id(self) -> None:
        if self.is_mounted:
            self.part = 0
            self._show()

    def watch_part(self) -> None:
        if self.is_mounted:
            self._show_text()

    def _versions(self) -> tuple[Draft | None, Draft | None]:
        """The selected version, and the one the article is read from: itself, or for a version known
        only by its date, the one whose statuses the board shows as in force then (DraftSet.statuses_for)."""
        draft_set = draft_app(self).draft_set
        draft = draft_set.get(draft_app(self).version)
        return draft, (draft_set.statuses_for(draft) if draft is not None else None)

    def _article(self) -> tuple[Draft | None, Article | None]:
        _, shown = self._versions()
        return shown, (shown.article(self.article_id) if shown else None)

    def _show_text(self) -> None:
        _, article = self._article()
        title, body = body_text(article, self.part)
        text_box = self.query_one("#article-text", Static)
        text_box.border_title = title
        text_box.update(body)

    def action_text_part(self, step: int) -> None:
        _, article = self._article()
        parts = part_count(article.text) if article is not None and article.text is not None else 1
        if 0 <= self.part + step < parts:
            self.part += step
        else:
            self.app.bell()

    def action_set_status(self) -> None:
        from draftdiff.tui.recording import ask_set_status

        ask_set_status(draft_app(self), self.article_id)

    def _show(self, *_: object) -> None:
        draft_set: DraftSet = draft_app(self).draft_set
        draft, shown = self._versions()
        article = shown.article(self.article_id) if shown else None
        self.query_one("#article-heading", Static).update(heading_text(article, self.article_id, draft, shown))
        self._show_text()
        notes_box = self.query_one("#article-notes", Static)
        notes = notes_text(article)
        notes_box.display = notes is not None
        notes_box.border_title = "Notes"
        notes_box.update(notes or "")
        positions = self.query_one("#positions", Horizontal)
        positions.remove_children()
        parties = shown.parties if shown else []
        if article is not None and article.positions:
            extra = [p for p in article.positions if p not in parties]
            boxes = []
            for party in [*parties, *extra]:
                box = Static(position_text(article, party), classes="box position")
                box.border_title = f"Position of {visible(party, keep_newlines=False)}"
                boxes.append(box)
            positions.mount_all(boxes)
            positions.display = True
        else:
            positions.display = False
        sources = self.query_one("#article-sources", Static)
        sources.border_title = "Sources"
        sources.update(cited_sources(article, shown))
        history = self.query_one("#article-history", Static)
        history.border_title = "Status in every version"
        history.update(history_text(draft_set, self.article_id, draft.id if draft else ""))
        self.sub_title = self.article_id

    def action_other_article(self, step: int) -> None:
        _, draft = self._versions()
        if draft is None or not draft.articles:
            return
        ids = [a.id for a in draft.articles]
        index = ids.index(self.article_id) if self.article_id in ids else -1
        self.article_id = ids[(index + step) % len(ids)]

    def action_compare(self) -> None:
        app = draft_app(self)
        draft = app.draft_set.get(app.version)
        if draft is None:
            return
        base = app.draft_set.previous(draft)
        self.dismiss()
        app.open_compare(base.id if base else draft.id, draft.id, self.article_id)
