"""The board's table of articles: number, title, status, basis badges, version of the last change."""

from __future__ import annotations

from rich.text import Text
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import DataTable

from draftdiff.collection import DraftSet
from draftdiff.history import last_changed
from draftdiff.model import Article, Draft
from draftdiff.search import article_matches
from draftdiff.textsafe import visible
from draftdiff.tui.look import badge, status_text
from draftdiff.tui.widgets.redraw import DeferredRedraw

_FIXED = {"no": 3, "status": 11, "basis": 19, "changed": 10}


def basis_badges(article: Article) -> Text:
    """The labels that qualify what the reader sees: a summary text, an inferred status, no text at all."""
    basis = article.effective_text_basis
    labels = [badge("no text" if basis == "none" and not article.full_text else basis)]
    if basis == "verbatim":
        labels[0].stylize("dim")
    if article.status_basis == "inferred":
        labels.append(badge("inferred"))
    elif article.status_basis is None and article.status != "unknown":
        labels.append(badge("unsourced"))  # an unknown status claims nothing, so it needs no source
    return Text(" ").join(labels)


class ArticleTable(DeferredRedraw, DataTable):
    """Articles of the selected version that pass the search and filters."""

    class Opened(Message):
        """The user chose an article to read."""

        def __init__(self, article_id: str) -> None:
            super().__init__()
            self.article_id = article_id

    draft_set: reactive[DraftSet | None] = reactive(None, always_update=True)
    draft: reactive[Draft | None] = reactive(None, always_update=True)
    search_text: reactive[str] = reactive("")
    status_filter: reactive[str | None] = reactive(None)
    party_filter: reactive[str | None] = reactive(None)

    def __init__(self, **kwargs: object) -> None:
        super().__init__(cursor_type="row", zebra_stripes=True, **kwargs)  # type: ignore[arg-type]

    def watch_draft(self) -> None:
        self.redraw()

    def watch_draft_set(self) -> None:
        self.redraw()

    def watch_search_text(self) -> None:
        self.redraw()

    def watch_status_filter(self) -> None:
        self.redraw()

    def watch_party_filter(self) -> None:
        self.redraw()

    @property
    def shown(self) -> list[Article]:
        if self.draft is None:
            return []
        return [a for a in self.draft.articles
                if article_matches(a, self.search_text, self.status_filter, self.party_filter)]

    @property
    def current_article_id(self) -> str | None:
        if not self.row_count:
            return None
        row_key, _ = self.coordinate_to_cell_key(self.cursor_coordinate)
        return row_key.value

    def draw(self) -> None:
        keep = self.current_article_id
        title_width = max(12, self.size.width - sum(_FIXED.values()) - 2 * len(_FIXED) - 4)
        self.clear(columns=True)
        self.add_column("No.", width=_FIXED["no"], key="no")
        self.add_column("Article", width=title_width, key="title")
        self.add_column("Status", width=_FIXED["status"], key="status")
        self.add_column("Basis", width=_FIXED["basis"], key="basis")
        self.add_column("Changed", width=_FIXED["changed"], key="changed")
        draft, articles = self.draft, self.shown
        for article in articles:
            title = Text(visible(article.title, keep_newlines=False))
            title.truncate(title_width, overflow="ellipsis")
            changed = last_changed(self.draft_set, draft.id, article.id) if self.draft_set and draft else None
            changed_text = Text(changed.date if changed else "—",
                                style="bold" if changed and draft and changed.id == draft.id else "dim")
            number = Text("" if article.number is None else str(article.number), justify="right")
            self.add_row(number, title, status_text(article.status), basis_badges(article), changed_text,
                         key=article.id)
        counted = [a for a in articles if getattr(a, "part", "article") == "article"]
        total = sum(1 for a in draft.articles if getattr(a, "part", "article") == "article") if draft else 0
        others = [a.title for a in articles if getattr(a, "part", "article") != "article"]
        filters = [f for f in (self.status_filter, self.party_filter and f"party {self.party_filter}") if f]
        if self.search_text.strip():
            filters.insert(0, f"“{visible(self.search_text.strip(), keep_newlines=False)}”")
        self.border_title = f"Articles · {len(counted)} of {total}" + (
            f" + {len(others)} other part{'s' if len(others) > 1 else ''}" if others else "") + (
            f" · filter: {', '.join(filters)}" if filters else "")
        if keep is not None and keep in {a.id for a in articles}:
            self.move_cursor(row=self.get_row_index(keep), animate=False)

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        if event.row_key.value is not None:
            self.post_message(self.Opened(event.row_key.value))
