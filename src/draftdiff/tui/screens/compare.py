"""Compare any two versions: the list of changed articles, the redline of one, the statistics."""

from __future__ import annotations

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import DataTable, Select, Static

from draftdiff.collection import DraftSet
from draftdiff.diff.result import ArticleChange, DraftDiff
from draftdiff.textsafe import visible
from draftdiff.tui.look import change_label, part_label, status_text
from draftdiff.tui.messages import VersionChosen
from draftdiff.tui.screens.dialogs import short_version_label
from draftdiff.tui.widgets.key_bar import KeyBar
from draftdiff.tui.widgets.redline import RedlineView


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


def stats_text(diff: DraftDiff) -> Text:
    changed = len(diff.changed_articles)
    out = Text()
    out.append(f"{changed} of {len(diff.articles)} articles changed", style="bold")
    out.append(f" · words +{diff.stats.words_inserted} −{diff.stats.words_deleted}")
    kinds = diff.kind_counts()
    if kinds:
        out.append(" · " + ", ".join(f"{change_label(k)} {v}" for k, v in kinds.items()), style="dim")
    old_c, new_c = diff.old.status_counts, diff.new.status_counts
    out.append("\nagreed ")
    out.append(f"{old_c.get('agreed', 0)} → {new_c.get('agreed', 0)}", style="bold")
    out.append(f" · partial {old_c.get('partial', 0)} → {new_c.get('partial', 0)}"
               f" · disputed {old_c.get('disputed', 0)} → {new_c.get('disputed', 0)}")
    for fc in diff.agreement:
        if fc.field in ("stage", "kind"):
            out.append(f" · {fc.field} {visible(fc.old or '—')} → {visible(fc.new or '—')}", style="dim")
    for note in diff.notes:  # deadline fallbacks, parties named in opposite order, other agreements
        out.append("\nNote: ", style="bold")
        out.append(visible(note, keep_newlines=False), style="italic")
    return out


def number_text(change: ArticleChange, part: str = "article") -> Text:
    """``7``, ``7→8``, or the name of an unnumbered part (``Preamble``) cut to the column."""
    old, new = change.old_number, change.new_number
    if part != "article":
        return Text(part_label(part, new if new is not None else old)[:6], justify="right")
    if old == new or old is None or new is None:
        label = str(new if new is not None else old if old is not None else "")
    else:
        label = f"{old}→{new}"
    return Text(label, justify="right")


class CompareScreen(Screen[None]):
    """Two version pickers (default: the selected version and its base), change list, redline, stats."""

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
    side_by_side: reactive[bool] = reactive(False)
    show_all: reactive[bool] = reactive(False)
    substantive: reactive[bool] = reactive(False)
    """Hide entries whose only change is to sources, notes or bases."""

    def __init__(self) -> None:
        super().__init__()
        self._diffs: dict[tuple[int, str, str], tuple[DraftDiff | None, str | None]] = {}
        """Diffs already computed for this collection: switching back to a pair is instant."""

    def compose(self) -> ComposeResult:
        with Horizontal(id="compare-pickers"):
            draft_set = self.app.draft_set  # type: ignore[attr-defined]
            options = [(short_version_label(draft_set, d.id), d.id) for d in draft_set.drafts]
            yield Static(Text("From", style="bold"), classes="picker-label")
            yield Select(options, id="compare-old", allow_blank=not options, prompt="older version", compact=True)
            yield Static(Text("to", style="bold"), classes="picker-label")
            yield Select(options, id="compare-new", allow_blank=not options, prompt="newer version", compact=True)
        yield Static(id="compare-stats")
        yield DataTable(id="changes", cursor_type="row", zebra_stripes=True)
        yield RedlineView(id="redline").data_bind(CompareScreen.change, CompareScreen.side_by_side)
        yield KeyBar()

    def on_mount(self) -> None:
        app = self.app
        self.watch(app, "draft_set", self._fill_pickers, init=False)
        self.watch(app, "compare_pair", self._recompute, init=False)
        self._fill_pickers()
        self.query_one("#changes", DataTable).focus()

    # -- state from the app -----------------------------------------------------------------------

    def _fill_pickers(self, *_: object) -> None:
        app = self.app
        draft_set = app.draft_set  # type: ignore[attr-defined]
        options = [(short_version_label(draft_set, d.id), d.id) for d in draft_set.drafts]
        old_id, new_id = app.compare_pair  # type: ignore[attr-defined]
        if not new_id:
            draft = draft_set.get(app.version)  # type: ignore[attr-defined]
            base = draft_set.previous(draft) if draft else None
            old_id, new_id = (base.id if base else ""), (draft.id if draft else "")
            app.set_reactive(type(app).compare_pair, (old_id, new_id))  # type: ignore[attr-defined]
        with self.prevent(Select.Changed):
            for select_id, value in (("#compare-old", old_id), ("#compare-new", new_id)):
                select = self.query_one(select_id, Select)
                if options:  # a collection with no valid draft keeps the old list (Select needs one)
                    select.set_options(options)
                if value in draft_set.ids():
                    select.value = value
        self._recompute()

    def _recompute(self, *_: object) -> None:
        old_id, new_id = self.app.compare_pair  # type: ignore[attr-defined]
        with self.prevent(Select.Changed):
            for select_id, value in (("#compare-old", old_id), ("#compare-new", new_id)):
                select = self.query_one(select_id, Select)
                if value and select.value != value and value in self.app.draft_set.ids():  # type: ignore
                    select.value = value
        draft_set = self.app.draft_set  # type: ignore[attr-defined]
        key = (id(draft_set), old_id, new_id)
        if key in self._diffs:
            self._show_diff(key, *self._diffs[key])
            return
        self.query_one("#changes", DataTable).loading = True
        self._diff_in_background(key, draft_set, old_id, new_id)

    @work(thread=True, exclusive=True, group="diff", exit_on_error=False, description="diff of two versions")
    def _diff_in_background(self, key: tuple[int, str, str], draft_set: DraftSet, old_id: str,
                            new_id: str) -> None:
        """The diff runs off the UI thread: a long article never freezes the keys."""
        diff, problem = compute_diff(draft_set, old_id, new_id)
        self.app.call_from_thread(self._show_diff, key, diff, problem)

    def _show_diff(self, key: tuple[int, str, str], diff: DraftDiff | None, problem: str | None) -> None:
        old_id, new_id = self.app.compare_pair  # type: ignore[attr-defined]
        if key != (id(self.app.draft_set), old_id, new_id):  # type: ignore[attr-defined]
            return  # an answer to a pair no longer asked for
        if len(self._diffs) > 32:
            self._diffs.clear()
        self._diffs[key] = (diff, problem)
        self.query_one("#changes", DataTable).loading = False
        self.diff = diff
        stats = self.query_one("#compare-stats", Static)
        stats.update(stats_text(diff) if diff else Text(problem or "", style="bold"))
        self._fill_changes(focus_article=self.app.compare_article)  # type: ignore[attr-defined]
        self.app.compare_article = ""  # type: ignore[attr-defined]

    def _part_of(self, change: ArticleChange) -> str:
        old_id, new_id = self.app.compare_pair  # type: ignore[attr-defined]
        for draft_id, article_id in ((new_id, change.new_id), (old_id, change.old_id)):
            draft = self.app.draft_set.get(draft_id)  # type: ignore[attr-defined]
            article = draft.article(article_id) if draft and article_id else None
            if article is not None:
                return article.part
        return "article"

    def _visible_changes(self) -> list[ArticleChange]:
        if self.diff is None:
            return []
        return self.diff.listed_articles(self.show_all, self.substantive)

    def _fill_changes(self, focus_article: str = "") -> None:
        table = self.query_one("#changes", DataTable)
        keep = focus_article or (self.change.id if self.change else "")
        table.clear(columns=True)
        width = max(12, table.size.width - (6 + 22 + 16) - 8 - 4) if table.size.width else 30
        table.add_column("No.", width=6)
        table.add_column("Article", width=width)
        table.add_column("Change", width=22)
        table.add_column("Status", width=16)
        changes = self._visible_changes()
        for index, change in enumerate(changes):
            title = Text(visible(change.title, keep_newlines=False))
            title.truncate(width, overflow="ellipsis")
            kinds = Text(", ".join(change_label(k) for k in change.kinds) if change.kinds else "unchanged",
                         style="" if change.kinds else "dim")
            kinds.truncate(22, overflow="ellipsis")
            status = status_text(change.old_status, word=False)
            if change.old_status != change.new_status:
                status.append(" → ")
                status.append_text(status_text(change.new_status))
            else:
                status = status_text(change.new_status)
            table.add_row(number_text(change, self._part_of(change)), title, kinds, status, key=f"{index}")
        what = "all articles" if self.show_all else "substantive changes" if self.substantive else "changed articles"
        table.border_title = (f"Changes · {len(changes)} {what} (a: {'changed only' if self.show_all else 'all'}, "
                              f"u: {'every change' if self.substantive else 'substantive only'})")
        if not changes:
            self.change = None
            return
        ids = [c.id for c in changes]
        row = ids.index(keep) if keep in ids else 0
        table.move_cursor(row=row, animate=False)
        self.change = changes[row]

    # -- events from the widgets ----------------------------------------------------------------------

    def on_select_changed(self, event: Select.Changed) -> None:
        old_sel, new_sel = self.query_one("#compare-old", Select), self.query_one("#compare-new", Select)
        old_id = old_sel.value if isinstance(old_sel.value, str) else ""
        new_id = new_sel.value if isinstance(new_sel.value, str) else ""
        self.app.compare_pair = (old_id, new_id)  # type: ignore[attr-defined]

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        changes = self._visible_changes()
        if event.data_table.id == "changes" and 0 <= event.cursor_row < len(changes):
            self.change = changes[event.cursor_row]

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        changes = self._visible_changes()
        if event.data_table.id != "changes" or not 0 <= event.cursor_row < len(changes):
            return
        change = changes[event.cursor_row]
        old_id, new_id = self.app.compare_pair  # type: ignore[attr-defined]
        version, article = (new_id, change.new_id) if change.new_id else (old_id, change.old_id)
        from draftdiff.tui.screens.article import ArticleScreen

        self.post_message(VersionChosen(version))
        self.app.push_screen(ArticleScreen(article or ""))

    # -- actions ---------------------------------------------------------------------------------------

    def action_next_change(self, step: int) -> None:
        table = self.query_one("#changes", DataTable)
        changes = self._visible_changes()
        row = table.cursor_row + step
        while 0 <= row < len(changes) and not changes[row].kinds:
            row += step
        if 0 <= row < len(changes):
            table.move_cursor(row=row, animate=False)
            table.focus()
        else:
            self.notify("No further change in this direction.", timeout=2, markup=False)

    def action_toggle_sides(self) -> None:
        self.side_by_side = not self.side_by_side

    def action_swap(self) -> None:
        old_id, new_id = self.app.compare_pair  # type: ignore[attr-defined]
        self.app.compare_pair = (new_id, old_id)  # type: ignore[attr-defined]

    def action_toggle_all(self) -> None:
        self.show_all = not self.show_all
        self._fill_changes()

    def action_toggle_substantive(self) -> None:
        self.substantive = not self.substantive
        self._fill_changes()
