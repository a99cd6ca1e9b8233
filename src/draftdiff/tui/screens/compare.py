"""Compare any two versions: the list of changes (the version as a whole, then the articles), the redline
of one, the statistics."""

from __future__ import annotations

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import Select, Static

from draftdiff.collection import DraftSet
from draftdiff.diff import phrases as ev
from draftdiff.diff.result import ArticleChange, DraftDiff
from draftdiff.textsafe import visible
from draftdiff.tui.access import draft_app
from draftdiff.tui.look import change_label, part_label, status_text
from draftdiff.tui.messages import VersionChosen
from draftdiff.tui.screens.dialogs import short_version_label
from draftdiff.tui.widgets.key_bar import KeyBar
from draftdiff.tui.widgets.redline import RedlineView
from draftdiff.tui.widgets.row_table import RowTable
from draftdiff.tui.widgets.version_changes import VersionChanges, version_row

Row = tuple[Text, Text, Text, Text]


def compute_diff(draft_set: DraftSet, old_id: str, new_id: str) -> tuple[DraftDiff | None, str | None]:
    """Run the core's diff; a missing draft or engine becomes a message, not a crash. Thread-safe."""
    old, new = draft_set.get(old_id), draft_set.get(new_id)
    if old is None or new is None:
        return None, "Pick two versions to compare."
    try:
        from draftdiff.diff import DiffOptions, diff_drafts

        return diff_drafts(old, new, DiffOptions(), old_label=old_id, new_label=new_id), None
    except ImportError as exc:
        return None, f"The diff engine is not available ({exc})."


def stats_text(diff: DraftDiff, substantive: bool = False) -> Text:
    """What the comparison comes to, in the CLI's words (``draftdiff.diff.phrases``): how many entries changed
    (``u``: substantively), the words, the kinds, and the articles per status (the CLI's "Agreement:" line)."""
    out = Text()
    out.append(ev.entries_changed(diff, substantive), style="bold")  # the title and the preamble are entries too
    out.append(f" · words +{diff.stats.words_inserted} −{diff.stats.words_deleted}")
    kinds = diff.kind_counts(substantive)
    if kinds:
        out.append(" · " + ", ".join(f"{change_label(k)} {v}" for k, v in kinds.items()), style="dim")
    out.append("\n")
    out.append(visible(ev.counts_line(diff), keep_newlines=False))  # every status that either version has
    for fc in diff.agreement:
        if fc.field in ("stage", "kind"):
            out.append(f" · {fc.field} {visible(fc.old or '—')} → {visible(fc.new or '—')}", style="dim")
    for phrase in ev.unrecorded_phrases(diff):  # the CLI's words: an article list that is silent, not a removal
        out.append("\n" + visible(phrase, keep_newlines=False), style="italic")
    for note in diff.notes:  # deadline fallbacks, parties named in opposite order, other agreements
        out.append("\nNote: ", style="bold")
        out.append(visible(note, keep_newlines=False), style="italic")
    return out


def number_text(change: ArticleChange, part: str = "article") -> Text:
    """``7``, ``7→8``, or the name of a part (``Preamble``): whole, so the table cuts it to the column with an
    ellipsis (``Pream…``); cut here, it fitted the column and lost its end unmarked (``Preamb``)."""
    old, new = change.old_number, change.new_number
    if part != "article":
        return Text(part_label(part, new if new is not None else old), justify="right")
    if old == new or old is None or new is None:
        label = str(new if new is not None else old if old is not None else "")
    else:
        label = f"{old}→{new}"
    return Text(label, justify="right")



def part_of(draft_set: DraftSet, pair: tuple[str, str], change: ArticleChange) -> str:
    """Which part (article, preamble, title…) a change is to, from the newer version, else the older."""
    old_id, new_id = pair
    for draft_id, article_id in ((new_id, change.new_id), (old_id, change.old_id)):
        draft = draft_set.get(draft_id)
        article = draft.article(article_id) if draft and article_id else None
        if article is not None:
            return article.part
    return "article"


def change_width(table_width: int) -> int:
    """The Change column's width: 22 at 80 columns, more on a wider screen (up to 48), where "status
    changed, text changed, sources changed" was cut short beside a title with room to spare."""
    shared = table_width - (6 + 16) - 8 - 4  # what the title and the change list share
    return min(48, max(22, shared - 46))


def title_width(table_width: int) -> int:
    """The Article column's width in a change list ``table_width`` cells wide."""
    return max(12, table_width - (6 + change_width(table_width) + 16) - 8 - 4) if table_width else 30


def change_rows(draft_set: DraftSet, pair: tuple[str, str], changes: list[ArticleChange],
                width: int) -> list[Row]:
    """The cells of the change list (number, title, kinds, status). Pure: a worker builds them."""
    rows = []
    for change in changes:
        title = Text(visible(change.title, keep_newlines=False))
        title.truncate(width, overflow="ellipsis")
        kinds = Text(", ".join(change_label(k) for k in change.kinds) if change.kinds else ev.unchanged_phrase(change),
                     style="" if change.kinds else "dim")  # cut by the table, to the Change column's width
        status = status_text(change.old_status, word=False)
        if change.old_status != change.new_status:
            status.append(" → ")
            status.append_text(status_text(change.new_status))
        else:
            status = status_text(change.new_status)
        rows.append((number_text(change, part_of(draft_set, pair, change)), title, kinds, status))
    return rows


def list_rows(draft_set: DraftSet, pair: tuple[str, str], diff: DraftDiff, show_all: bool, substantive: bool,
              width: int) -> list[Row]:
    """Every row of the change list: "The version" first when it is listed, then the articles. Pure."""
    version = VersionChanges(diff, show_all, substantive)
    head = [version_row(version)] if version.listed else []
    return head + change_rows(draft_set, pair, diff.listed_articles(show_all, substantive), width)


class CompareScreen(Screen[None]):
    """Two version pickers (default: the selected version and its base), change list, redline, stats."""

    AUTO_FOCUS = "#changes"
    """The change list has the keys (n, p, Enter), not the first picker: arrows move through the changes."""
    SCOPED_CSS = False
    DEFAULT_CSS = """
    #compare-pickers { height: 1; margin: 1 0 0 0; }
    #compare-pickers Select { width: 1fr; }
    .picker-label { width: auto; padding: 0 1; }
    #compare-stats { height: auto; max-height: 5; padding: 0 1; }
    #changes {
        height: auto;
        max-height: 45%;
        min-height: 5;
        border: round $primary 50%;
        border-title-color: $text-accent;
    }
    #changes:focus { border: round $accent; }
    #redline {
        height: 1fr;
        border: round $primary 50%;
        border-title-color: $text-accent;
        padding: 0 1;
    }
    #redline-summary { height: auto; margin-bottom: 1; }
    #redline-inline { height: auto; }
    #redline-sides { height: auto; display: none; }
    #redline-sides .box { width: 1fr; }
    """

    BINDINGS = [
        Binding("n", "next_change(1)", "Next change"),
        Binding("p", "next_change(-1)", "Prev change"),
        Binding("s", "toggle_sides", "Inline/sides"),
        Binding("w", "swap", "Swap"),
        Binding("a", "toggle_all", "All/changed", show=False),
        Binding("u", "toggle_substantive", "Substantive only", show=False),
        Binding("escape", "app.show_board", "Board", show=False),
    ]

    diff: reactive[DraftDiff | None] = reactive(None, always_update=True)
    change: reactive[ArticleChange | None] = reactive(None, always_update=True)
    """The highlighted article change (None while "The version" is highlighted)."""
    version_changes: reactive[VersionChanges | None] = reactive(None, always_update=True)
    """The changes of the version as a whole, while its entry ("The version") is highlighted."""
    side_by_side: reactive[bool] = reactive(False)
    show_all: reactive[bool] = reactive(False)
    substantive: reactive[bool] = reactive(False)
    """Hide entries whose only change is to sources, notes or bases."""

    def __init__(self) -> None:
        super().__init__()
        self._diffs: dict[tuple[int, str, str], tuple[DraftDiff | None, str | None]] = {}
        """Diffs already computed for this collection: switching back to a pair is instant."""
        self._rows: list[Row] = []
        """Every row of the change list, as the table holds them."""
        self._columns: tuple[int, ...] = ()

    def compose(self) -> ComposeResult:
        with Horizontal(id="compare-pickers"):
            draft_set = draft_app(self).draft_set
            options = [(short_version_label(draft_set, d.id), d.id) for d in draft_set.drafts]
            yield Static(Text("From", style="bold"), classes="picker-label")
            yield Select(options, id="compare-old", allow_blank=not options, prompt="older version", compact=True)
            yield Static(Text("to", style="bold"), classes="picker-label")
            yield Select(options, id="compare-new", allow_blank=not options, prompt="newer version", compact=True)
        yield Static(id="compare-stats")
        yield RowTable(id="changes", zebra_stripes=True)
        yield RedlineView(id="redline").data_bind(CompareScreen.change, CompareScreen.side_by_side,
                                                  CompareScreen.version_changes)
        yield KeyBar()

    def on_mount(self) -> None:
        app = draft_app(self)
        self.watch(app, "draft_set", self._fill_pickers, init=False)
        self.watch(app, "compare_pair", self._recompute, init=False)
        self._fill_pickers()
        self.query_one("#changes", RowTable).focus()

    # -- state from the app -----------------------------------------------------------------------

    def _fill_pickers(self, *_: object) -> None:
        app = draft_app(self)
        draft_set = app.draft_set
        options = [(short_version_label(draft_set, d.id), d.id) for d in draft_set.drafts]
        old_id, new_id = app.compare_pair
        if not new_id:
            draft = draft_set.get(app.version)
            base = draft_set.previous(draft) if draft else None
            old_id, new_id = (base.id if base else ""), (draft.id if draft else "")
            app.set_reactive(type(app).compare_pair, (old_id, new_id))
        with self.prevent(Select.Changed):
            for select_id, value in (("#compare-old", old_id), ("#compare-new", new_id)):
                select = self.query_one(select_id, Select)
                if options:  # a collection with no valid draft keeps the old list (Select needs one)
                    select.set_options(options)
                if value in draft_set.ids():
                    select.value = value
        self._recompute()

    def _recompute(self, *_: object) -> None:
        old_id, new_id = draft_app(self).compare_pair
        with self.prevent(Select.Changed):
            for select_id, value in (("#compare-old", old_id), ("#compare-new", new_id)):
                select = self.query_one(select_id, Select)
                if value and select.value != value and value in self.app.draft_set.ids():  # type: ignore
                    select.value = value
        draft_set = draft_app(self).draft_set
        key = (id(draft_set), old_id, new_id)
        if key in self._diffs:
            self._show_diff(key, *self._diffs[key])
            return
        table = self.query_one("#changes", RowTable)
        table.loading = True
        # The rows are made in the worker for the width the table will have (see _table_width); a mismatch
        # (a resize meanwhile) is made again in _fill_changes.
        self._diff_in_background(key, draft_set, old_id, new_id, self.show_all, self.substantive,
                                 title_width(self._table_width()))

    @work(thread=True, exclusive=True, group="diff", exit_on_error=False, description="diff of two versions")
    def _diff_in_background(self, key: tuple[int, str, str], draft_set: DraftSet, old_id: str, new_id: str,
                            show_all: bool, substantive: bool, width: int) -> None:
        """The diff, and the cells of its change list, are made off the UI thread: a long article or a
        list of 170 changes never freezes the keys."""
        diff, problem = compute_diff(draft_set, old_id, new_id)
        rows = None
        if diff is not None:
            rows = (show_all, substantive, width,
                    list_rows(draft_set, (old_id, new_id), diff, show_all, substantive, width))
        self.app.call_from_thread(self._show_diff, key, diff, problem, rows)

    def _show_diff(self, key: tuple[int, str, str], diff: DraftDiff | None, problem: str | None,
                   rows: tuple[bool, bool, int, list[Row]] | None = None) -> None:
        old_id, new_id = draft_app(self).compare_pair
        if key != (id(draft_app(self).draft_set), old_id, new_id):
            return  # an answer to a pair no longer asked for
        if len(self._diffs) > 32:
            self._diffs.clear()
        self._diffs[key] = (diff, problem)
        self.query_one("#changes", RowTable).loading = False
        self.diff = diff
        stats = self.query_one("#compare-stats", Static)
        stats.update(stats_text(diff, self.substantive) if diff else Text(problem or "", style="bold"))
        ready = None
        if rows is not None and rows[:3] == (self.show_all, self.substantive,
                                             title_width(self._table_width())):
            ready = rows[3]
        self._fill_changes(focus_article=draft_app(self).compare_article, rows=ready)
        draft_app(self).compare_article = ""

    def on_resize(self) -> None:
        """A terminal made wider or narrower: the Article column takes what the others leave."""
        width = self._table_width()
        if self.diff is not None and self._columns and self._columns[1:3] != (title_width(width), change_width(width)):
            self._fill_changes()

    def _table_width(self) -> int:
        """The change list's width: the screen's, less the list's border. Not the list's own size, which is
        0 while the loading indicator covers it and lags behind a resize (rows made for 0 were too wide)."""
        return max(0, self.size.width - 2)

    def _visible_changes(self) -> list[ArticleChange]:
        if self.diff is None:
            return []
        return self.diff.listed_articles(self.show_all, self.substantive)

    def _entries(self) -> list[VersionChanges | ArticleChange]:
        """What each row of the change list is: "The version" (when listed), then the article changes."""
        if self.diff is None:
            return []
        version = VersionChanges(self.diff, self.show_all, self.substantive)
        head: list[VersionChanges | ArticleChange] = [version] if version.listed else []
        return head + list(self._visible_changes())

    def _highlight(self, entry: VersionChanges | ArticleChange | None) -> None:
        if isinstance(entry, VersionChanges):
            self.version_changes, self.change = entry, None
        else:
            self.version_changes, self.change = None, entry

    def _fill_changes(self, focus_article: str = "", rows: list[Row] | None = None) -> None:
        table = self.query_one("#changes", RowTable)
        keep = focus_article or (self.change.id if self.change else "")
        width = title_width(self._table_width())
        entries = self._entries()
        changes = [e for e in entries if isinstance(e, ArticleChange)]
        if rows is None or len(rows) != len(entries):
            rows = list_rows(self.app.draft_set, self.app.compare_pair, self.diff,  # type: ignore
                             self.show_all, self.substantive, width) if self.diff else []
        columns = (6, width, change_width(self._table_width()), 16)
        if columns != self._columns or not table.columns:
            table.clear(columns=True)
            for heading, column_width in zip(("No.", "Article", "Change", "Status"), columns, strict=True):
                table.add_column(heading, width=column_width)
            self._columns = columns
        else:
            table.clear()  # the same columns: only the rows change
        self._rows = rows
        count = (f"all {len(changes)} articles" if self.show_all else f"{len(changes)} substantive changes"
                 if self.substantive else f"{len(changes)} changed articles")
        version = "the version and " if len(entries) > len(changes) else ""
        table.border_title = (f"Changes · {version}{count} "
                              f"(a: {'changed only' if self.show_all else 'all'}, "
                              f"u: {'every change' if self.substantive else 'substantive only'})")
        if not entries:
            self._highlight(None)
            return
        ids = [e.id if isinstance(e, ArticleChange) else None for e in entries]
        row = ids.index(keep) if keep and keep in ids else 0
        table.add_rows((f"{index}", cells) for index, cells in enumerate(rows))
        table.move_cursor(row=row, animate=False)
        self._highlight(entries[row])

    # -- events from the widgets ----------------------------------------------------------------------

    def on_select_changed(self, event: Select.Changed) -> None:
        old_sel, new_sel = self.query_one("#compare-old", Select), self.query_one("#compare-new", Select)
        old_id = old_sel.value if isinstance(old_sel.value, str) else ""
        new_id = new_sel.value if isinstance(new_sel.value, str) else ""
        draft_app(self).compare_pair = (old_id, new_id)

    def on_row_table_row_highlighted(self, event: RowTable.RowHighlighted) -> None:
        entries = self._entries()
        if event.table.id == "changes" and 0 <= event.cursor_row < len(entries):
            self._highlight(entries[event.cursor_row])

    def on_row_table_row_selected(self, event: RowTable.RowSelected) -> None:
        entries = self._entries()
        if event.table.id != "changes" or not 0 <= event.cursor_row < len(entries):
            return
        change = entries[event.cursor_row]
        old_id, new_id = draft_app(self).compare_pair
        if isinstance(change, VersionChanges):  # the newer version's own record: the Version screen
            from draftdiff.tui.screens.version import VersionScreen

            self.post_message(VersionChosen(new_id))
            self.app.push_screen(VersionScreen())
            return
        version, article = (new_id, change.new_id) if change.new_id else (old_id, change.old_id)
        from draftdiff.tui.screens.article import ArticleScreen

        self.post_message(VersionChosen(version))
        self.app.push_screen(ArticleScreen(article or ""))

    # -- actions ---------------------------------------------------------------------------------------

    def action_next_change(self, step: int) -> None:
        table = self.query_one("#changes", RowTable)
        entries = self._entries()
        row = table.cursor_row + step
        while 0 <= row < len(entries) and not (entries[row].changed):
            row += step
        if 0 <= row < len(entries):
            table.move_cursor(row=row, animate=False)
            table.focus()
        else:
            self.notify("No further change in this direction.", timeout=2, markup=False)

    def action_toggle_sides(self) -> None:
        self.side_by_side = not self.side_by_side

    def action_swap(self) -> None:
        old_id, new_id = draft_app(self).compare_pair
        draft_app(self).compare_pair = (new_id, old_id)

    def action_toggle_all(self) -> None:
        self.show_all = not self.show_all
        self._fill_changes()

    def action_toggle_substantive(self) -> None:
        self.substantive = not self.substantive
        if self.diff is not None:  # the count says what the list shows: entries changed substantively
            self.query_one("#compare-stats", Static).update(stats_text(self.diff, self.substantive))
        self._fill_changes()
