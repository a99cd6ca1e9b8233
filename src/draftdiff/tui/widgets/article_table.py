"""The board's table of articles: number, title, status, text basis, status basis, since when.

At 80 columns the title keeps ~30 characters: the "Since" column goes first, then the status basis.
"""

from __future__ import annotations

from collections.abc import Iterable

from rich.cells import cell_len
from rich.text import Text
from textual import work
from textual.message import Message
from textual.reactive import reactive

from draftdiff.collection import DraftSet
from draftdiff.history import last_changed
from draftdiff.model import Article, Draft
from draftdiff.search import article_matches
from draftdiff.textsafe import visible
from draftdiff.tui.look import badge, part_label, part_number, status_text, version_date
from draftdiff.tui.widgets.redraw import DeferredRedraw
from draftdiff.tui.widgets.row_table import RowTable
from draftdiff.vocab import NO_BASIS

COLUMNS = (("no", "No.", 3), ("title", "Article", 0), ("status", "Status", 10), ("text", "Text basis", 13),
           ("basis", "Status basis", 12), ("since", "Since", 11))
"""(key, heading, width); the title takes what is left."""
DROP_ORDER = ("since", "basis", "text")
"""Columns left out, in this order, while the title would get fewer than MIN_TITLE cells."""
CLEAR_KEY = "Esc"
"""The board's key that clears the search and filters (its ``escape`` binding, as the key bar names it)."""
MIN_TITLE = 28
"""About 30: at 80 columns the title keeps 28 cells and both bases stay on the board."""
MAX_NUMBER = 8
"""The "No." column grows to its longest entry ("Preamble", "Annex 1") up to this; longer ones are cut."""


def text_basis_badge(article: Article) -> Text:
    """What the shown wording is: verbatim (dim: the normal case), summary, translation, no text…"""
    basis = article.effective_text_basis
    label = badge("no text" if basis == "none" and not article.full_text else basis)
    label.truncate(13, overflow="ellipsis")
    if basis == "verbatim":
        label.stylize("dim")
    return label


def status_basis_badge(article: Article) -> Text:
    """Whether the status was reported or inferred (or has no basis, which an unknown status needs not)."""
    if article.status_basis == "inferred":
        return badge("inferred")
    if article.status_basis is None:
        return Text("—", style="dim") if article.status == "unknown" else badge(NO_BASIS)
    return Text(article.status_basis, style="dim")


def basis_badges(article: Article) -> Text:
    """Both bases in one line, for views with no room for two columns."""
    labels = [text_basis_badge(article)]
    if article.status_basis != "reported" and not (article.status_basis is None and article.status == "unknown"):
        labels.append(status_basis_badge(article))
    return Text(" ").join(labels)


def same_cell(before: object, after: Text) -> bool:
    """Whether a cell would look the same: Rich's ``Text ==`` compares the words and spans, not the style."""
    return (isinstance(before, Text) and before.plain == after.plain and before.style == after.style
            and before.spans == after.spans and before.justify == after.justify)


def number_width(articles: Iterable[Article]) -> int:
    """The "No." column's width for a version: its longest entry, from 3 to MAX_NUMBER cells."""
    return min(MAX_NUMBER, max([3, *(cell_len(part_number(a)) for a in articles)]))


def fit_columns(width: int, number: int = 3) -> tuple[list[tuple[str, str, int]], int]:
    """The columns that fit in ``width`` cells with a title of at least MIN_TITLE, and the title's width.

    ``number`` is the width the "No." column would like (its longest entry); it gets it only when that
    leaves out no column a three-cell one would keep, else the parts are named in short (``Pre``)."""
    room = width - 2  # the scroll bar a long table has (the border is outside the widget's size)

    def fit(number: int) -> tuple[list[str], int]:
        widths = {key: number if key == "no" else w for key, _, w in COLUMNS}
        keys = [key for key, _, _ in COLUMNS]

        def title_width() -> int:
            return room - sum(widths[k] + 2 for k in keys if k != "title") - 2

        for dropped in DROP_ORDER:
            if title_width() >= MIN_TITLE:
                break
            keys.remove(dropped)
        return keys, max(12, title_width())

    keys, title = fit(3)
    if number > 3:
        wide, wide_title = fit(number)
        if wide == keys:
            keys, title = wide, wide_title
        else:
            number = 3
    else:
        number = 3
    widths = {key: number if key == "no" else w for key, _, w in COLUMNS}
    return [(k, h, title if k == "title" else widths[k]) for k, h, _ in COLUMNS if k in keys], title


class ArticleTable(DeferredRedraw, RowTable):
    """Articles of the selected version that pass the search and filters."""

    class Opened(Message):
        """The user chose an article to read."""

        def __init__(self, article_id: str) -> None:
            super().__init__()
            self.article_id = article_id

    draft_set: reactive[DraftSet | None] = reactive(None, always_update=True)
    draft: reactive[Draft | None] = reactive(None, always_update=True)
    status_draft: reactive[Draft | None] = reactive(None, always_update=True)
    """The version whose statuses are shown: the draft itself, or, for a version known only by its date,
    the latest one before it that records the articles (the as-of rule of ``status --as-of``)."""
    search_text: reactive[str] = reactive("")
    status_filter: reactive[str | None] = reactive(None)
    party_filter: reactive[str | None] = reactive(None)

    def __init__(self, **kwargs: object) -> None:
        super().__init__(zebra_stripes=True, **kwargs)  # type: ignore[arg-type]
        self._since: dict[tuple[int, str], dict[str, Draft | None]] = {}
        """Per (collection, version): the version in which each article took its status. Reading every
        version for each article costs ~0.1 s on a large collection, so a worker computes it."""
        self._signatures: dict[str, tuple[object, ...]] = {}
        """What each row was last drawn from (see :meth:`_signature`)."""
        self._layout: tuple[tuple[str, int], ...] = ()
        """The columns (key, width) the rows were added with: rows in the same layout are updated in place."""

    def _since_key(self) -> tuple[int, str] | None:
        if self.draft_set is None or self.status_draft is None:
            return None
        return id(self.draft_set), self.status_draft.id

    @work(thread=True, exclusive=True, group="since", exit_on_error=False, description="since when")
    def _compute_since(self, key: tuple[int, str], draft_set: DraftSet, draft: Draft) -> None:
        from textual.worker import get_current_worker

        worker = get_current_worker()
        since: dict[str, Draft | None] = {}
        for article in draft.articles:
            if worker.is_cancelled:  # the user has moved on to another version: stop, leave the GIL alone
                return
            since[article.id] = last_changed(draft_set, draft.id, article.id)
        self.app.call_from_thread(self._since_ready, key, since)

    def _since_ready(self, key: tuple[int, str], since: dict[str, Draft | None]) -> None:
        if len(self._since) > 64 or (self._since and next(iter(self._since))[0] != key[0]):
            self._since.clear()  # another collection: forget the old one's
        self._since[key] = since
        if key == self._since_key() and "since" in self.columns:
            self.redraw()  # the rows whose "since" came in are drawn again (their signatures differ)

    def _since_text(self, changed: Draft | None) -> Text:
        return Text(version_date(changed) if changed else "—",
                    style="bold" if changed and self.status_draft and changed.id == self.status_draft.id else "dim")

    def watch_draft(self) -> None:
        self.redraw()

    def watch_draft_set(self) -> None:
        self.redraw()

    def watch_status_draft(self) -> None:
        self.redraw()

    def watch_search_text(self) -> None:
        self.redraw()

    def watch_status_filter(self) -> None:
        self.redraw()

    def watch_party_filter(self) -> None:
        self.redraw()

    @property
    def shown(self) -> list[Article]:
        if self.status_draft is None:
            return []
        return [a for a in self.status_draft.articles
                if article_matches(a, self.search_text, self.status_filter, self.party_filter)]

    @property
    def current_article_id(self) -> str | None:
        return self.cursor_key

    def draw(self) -> None:
        """Fill the table; when it already holds the same articles in the same columns (a version change,
        the usual case), only the cells that differ are updated in place, so only their rows are drawn again."""
        keep = self.current_article_id
        draft, articles = self.status_draft, self.shown
        columns, title_width = fit_columns(self.size.width, number_width(draft.articles if draft else ()))
        shown = {key for key, _, _ in columns}
        number = next(width for key, _, width in columns if key == "no")
        since_key = self._since_key()
        since = self._since.get(since_key) if since_key else None
        known = getattr(self.app, "since", None)  # read with the drafts, for every version
        if since is None and known is not None and draft is not None and draft.id in known:
            since = known[draft.id]
        if "since" in shown and since is None and since_key and self.draft_set is not None and draft is not None:
            self._compute_since(since_key, self.draft_set, draft)
        layout = tuple((key, width) for key, _, width in columns)
        signatures = {article.id: self._signature(article, since) for article in articles}
        if layout == self._layout and self.row_keys() == list(signatures):
            for article in articles:  # cells are made only for the rows whose looks changed
                if self._signatures.get(article.id) == signatures[article.id]:
                    continue
                cells = self._cells(article, shown, title_width, number, since)
                for (column_key, _, _), before, after in zip(columns, self.get_row(article.id), cells, strict=True):
                    if not same_cell(before, after):
                        self.update_cell(article.id, column_key, after)
        else:
            self.clear(columns=True)
            for key, heading, width in columns:
                self.add_column(heading, width=width, key=key)
            self.add_rows((article.id, self._cells(article, shown, title_width, number, since))
                          for article in articles)
            self._layout = layout
            if keep is not None and keep in self.rows:
                self.move_cursor(row=self.get_row_index(keep), animate=False)
        self._signatures = signatures
        self.border_title = Text(self.title_line(articles))  # a search typed with brackets is not markup
        empty = self.empty_line(articles)
        if (empty and empty.plain) != (self.empty_text and self.empty_text.plain):
            self.empty_text = empty

    def _signature(self, article: Article, since: dict[str, Draft | None] | None) -> tuple[object, ...]:
        """Everything a row's cells are made from, as plain values: equal signatures, equal cells. Comparing
        these instead of making 170 rows of cells on each version change leaves almost nothing for the
        garbage collector, whose full passes over a large collection are the longest pauses left."""
        changed = since.get(article.id) if since is not None else None
        marker = None if since is None else (changed.id, version_date(changed)) if changed else "—"
        current = bool(changed and self.status_draft and changed.id == self.status_draft.id)
        return (article.part, article.number, article.title, article.status, article.effective_text_basis,
                bool(article.full_text), article.status_basis, marker, current)

    def _cells(self, article: Article, shown: set[str], title_width: int, number_width: int,
               since: dict[str, Draft | None] | None) -> list[Text]:
        title = Text(visible(article.title, keep_newlines=False))
        title.truncate(title_width, overflow="ellipsis")
        number = Text(visible(part_number(article, number_width), keep_newlines=False), justify="right")
        number.truncate(number_width, overflow="ellipsis")
        cells = [number, title, status_text(article.status)]
        if "text" in shown:
            cells.append(text_basis_badge(article))
        if "basis" in shown:
            cells.append(status_basis_badge(article))
        if "since" in shown:
            cells.append(self._since_text(since.get(article.id)) if since is not None else Text("…", style="dim"))
        return cells

    def filters(self) -> list[str]:
        """The search and filters in force, as the title and the empty table name them."""
        filters = [f for f in (self.status_filter, self.party_filter and f"party {self.party_filter}") if f]
        if self.search_text.strip():
            filters.insert(0, f"“{visible(self.search_text.strip(), keep_newlines=False)}”")
        return filters

    def empty_line(self, articles: list[Article]) -> Text | None:
        """Said in the table when the search and filters leave no article, so "0 of 17" above a blank
        table does not read as a version without articles; None while rows are shown."""
        filters = self.filters()
        if articles or not filters or self.status_draft is None or not self.status_draft.articles:
            return None
        line = Text(f"No article matches {', '.join(filters)}", style="italic")
        line.append(f" — {CLEAR_KEY} clears the filter{'s' * (len(filters) > 1)}", style="dim")
        return line

    def title_line(self, articles: list[Article]) -> str:
        draft = self.status_draft
        counted = [a for a in articles if a.part == "article"]
        total = sum(1 for a in draft.articles if a.part == "article") if draft else 0
        others = [a for a in articles if a.part != "article"]
        filters = self.filters()
        line = f"Articles · {len(counted)} of {total}" + (
            f" + {', '.join(part_label(a.part, a.number) for a in others)}" if others else "")
        if draft is not None and self.draft is not None and draft.id != self.draft.id:
            line += (f" · statuses in force then, from {version_date(draft)} "
                     f"{draft.kind} ({visible(draft.id, keep_newlines=False)})")
        elif self.draft is not None and not self.draft.records_articles:
            line += " · no version before it records the articles"
        return line + (f" · filter: {', '.join(filters)}" if filters else "")

    def on_row_table_row_selected(self, event: RowTable.RowSelected) -> None:
        event.stop()
        self.post_message(self.Opened(event.row_key))
