"""One article in the selected version: text, positions side by side, sources, status history."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import Static

from draftdiff.collection import DraftSet
from draftdiff.history import article_history
from draftdiff.model import Article, Draft
from draftdiff.textsafe import visible
from draftdiff.tui.look import status_text
from draftdiff.tui.widgets.key_bar import KeyBar
from draftdiff.vocab import part_label


def _safe(text: str | None) -> str:
    return visible(text or "")


def heading_text(article: Article | None, article_id: str, draft: Draft | None) -> Text:
    if article is None:
        where = f"{draft.date} ({draft.id})" if draft else "this version"
        return Text.assemble((f"{article_id}", "bold"), f" is not in the version of {where}.\n",
                             ("Step to another version with [ and ], or see its history below.", "dim"))
    head = Text()
    number = part_label(article.part, article.number)
    head.append(f"{number} · ", style="bold")
    head.append(_safe(article.title), style="bold")
    head.append("\n")
    head.append_text(status_text(article.status))
    head.append(f" · {article.status_basis or 'no basis given'}", style="italic")
    if draft is not None:
        head.append(f"   in {draft.date} · {draft.kind} · {draft.id}", style="dim")
    if article.status_note:
        head.append("\n")
        head.append(f"Why: {_safe(article.status_note)}", style="italic")
    return head


def body_text(article: Article | None) -> tuple[str, Text]:
    """The border title (with the basis label) and the wording."""
    if article is None:
        return "Text", Text("—", style="dim")
    if article.text is not None:
        return f"Text · {article.text_basis}", Text(_safe(article.text))
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


def sources_text(article: Article | None, draft: Draft | None) -> Text:
    if article is None or draft is None:
        return Text("—", style="dim")
    cited: list[str] = list(dict.fromkeys([
        *article.sources, *(s for f in article.fragments for s in f.sources),
        *(s for p in article.positions.values() for s in p.sources)]))
    if not cited:
        return Text("No source cited for this article.", style="italic dim")
    out = Text()
    for index, source_id in enumerate(cited):
        if index:
            out.append("\n\n")
        source = draft.source(source_id)
        if source is None:
            out.append(f"{source_id}: not defined in this draft", style="red")
            continue
        out.append(_safe(source.title), style="bold")
        out.append(f" — {_safe(source.publisher)}")
        if source.date:
            out.append(f", {source.date}")
        out.append(f"  [{source.id}]", style="dim")
        if source.url:
            out.append("\n")
            out.append(_safe(source.url), style="underline")
        if source.quote:
            out.append(f"\n“{_safe(source.quote)}”", style="italic")
            if source.quote_basis != "verbatim":
                out.append(f" ({source.quote_basis})", style="dim")
    return out


def history_text(draft_set: DraftSet, article_id: str, current: str) -> Text:
    out = Text()
    for step in article_history(draft_set, article_id):
        marker = "▶ " if step.draft_id == current else "  "
        out.append(marker, style="bold")
        out.append(f"{step.date}  ", style="bold" if step.draft_id == current else "")
        cell = status_text(step.status)
        cell.pad_right(12 - len(cell))
        out.append_text(cell)
        number = f"No. {step.number}" if step.number is not None else ""
        out.append(f"{number:<8}{(step.status_basis or ''):<10}", style="dim")
        out.append(f"{visible(step.draft_id, keep_newlines=False):<30}")
        if step.changed:
            out.append("  ← changed", style="bold")
        out.append("\n")
    out.rstrip()
    return out


class ArticleScreen(Screen[None]):
    """Follows the app's selected version; [ and ] show the same article in other versions."""

    SCOPED_CSS = False
    DEFAULT_CSS = """
    #article-scroll { padding: 0 1; }
    #article-heading { padding: 1 1 0 1; height: auto; }
    #positions { height: auto; }
    #positions .position { width: 1fr; }
    """

    BINDINGS = [
        Binding("escape", "back", "Back"),
        Binding("left_square_bracket", "step(-1)", "Prev"),
        Binding("right_square_bracket", "step(1)", "Next version"),
        Binding("n", "other_article(1)", "Next article"),
        Binding("p", "other_article(-1)", "Prev article"),
        Binding("c", "compare", "Compare"),
    ]

    article_id: reactive[str] = reactive("")

    def __init__(self, article_id: str) -> None:
        super().__init__()
        self.set_reactive(ArticleScreen.article_id, article_id)

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="article-scroll"):
            yield Static(id="article-heading")
            yield Static(id="article-text", classes="box")
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
            self._show()

    def _show(self, *_: object) -> None:
        draft_set: DraftSet = self.app.draft_set  # type: ignore[attr-defined]
        draft = draft_set.get(self.app.version)  # type: ignore[attr-defined]
        article = draft.article(self.article_id) if draft else None
        self.query_one("#article-heading", Static).update(heading_text(article, self.article_id, draft))
        title, body = body_text(article)
        text_box = self.query_one("#article-text", Static)
        text_box.border_title = title
        text_box.update(body)
        positions = self.query_one("#positions", Horizontal)
        positions.remove_children()
        parties = draft.parties if draft else []
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
        sources.update(sources_text(article, draft))
        history = self.query_one("#article-history", Static)
        history.border_title = "Status in every version"
        history.update(history_text(draft_set, self.article_id, draft.id if draft else ""))
        self.sub_title = self.article_id

    def action_back(self) -> None:
        self.dismiss()

    def action_step(self, step: int) -> None:
        self.app.step_version(step)  # type: ignore[attr-defined]

    def action_other_article(self, step: int) -> None:
        draft = self.app.draft_set.get(self.app.version)  # type: ignore[attr-defined]
        if draft is None or not draft.articles:
            return
        ids = [a.id for a in draft.articles]
        index = ids.index(self.article_id) if self.article_id in ids else -1
        self.article_id = ids[(index + step) % len(ids)]

    def action_compare(self) -> None:
        app = self.app
        draft = app.draft_set.get(app.version)  # type: ignore[attr-defined]
        if draft is None:
            return
        base = app.draft_set.previous(draft)  # type: ignore[attr-defined]
        self.dismiss()
        app.open_compare(base.id if base else draft.id, draft.id, self.article_id)  # type: ignore[attr-defined]
