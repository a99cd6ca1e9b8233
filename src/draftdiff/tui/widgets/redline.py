"""The redline of one article: inline, or old and new side by side; or the changes of the version as a whole.

Deletions are red and struck through, insertions green and underlined, so the
difference survives a monochrome terminal and colour-blind eyes.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.reactive import reactive
from textual.widgets import Static

from draftdiff.diff import phrases as ev
from draftdiff.diff.result import ArticleChange, Segment
from draftdiff.numbering import display
from draftdiff.textsafe import visible
from draftdiff.tui.look import DELETE, INSERT, change_label, inline_text, status_text
from draftdiff.tui.widgets.version_changes import VersionChanges, version_text
from draftdiff.vocab import part_label


def side_texts(redline: list[Segment]) -> tuple[Text, Text]:
    old, new = Text(), Text()
    for seg in redline:
        if seg.op == "equal":
            old.append(visible(seg.old))
            new.append(visible(seg.new))
        elif seg.op == "delete":
            old.append(visible(seg.text), style=DELETE)
        else:
            new.append(visible(seg.text), style=INSERT)
    return old, new


def change_summary(change: ArticleChange) -> Text:
    """What changed besides the wording: kinds, status, fields, positions, sources."""
    out = Text()
    number = " → ".join(dict.fromkeys(display(n) for n in (change.old_number, change.new_number) if n is not None))
    if number or change.part != "article":
        out.append(f"{part_label(change.part, number or None)} · ", style="bold")
    out.append(visible(change.title, keep_newlines=False), style="bold")
    out.append("\n")
    out.append_text(status_text(change.old_status))
    out.append(" → ")
    out.append_text(status_text(change.new_status))
    out.append("   " + (", ".join(change_label(k) for k in change.kinds) if change.kinds
                         else ev.unchanged_phrase(change)),
               style="italic")
    for fc in change.fields:
        if fc.field in ("status",):
            continue
        out.append(f"\n{fc.field}: ", style="dim")
        out.append(visible(fc.old or "—", keep_newlines=False), style=DELETE)
        out.append(" → ")
        out.append(visible(fc.new or "—", keep_newlines=False), style=INSERT)
    for pc in change.positions:
        out.append(f"\nposition of {visible(pc.party, keep_newlines=False)} {pc.change}: ", style="dim")
        out.append_text(inline_text(pc.redline) if pc.redline else
                        Text(visible(pc.new_text or pc.old_text or "", keep_newlines=False)))
    if change.sources_added or change.sources_removed:
        out.append("\nsources: ", style="dim")
        out.append(" ".join(f"+{s}" for s in change.sources_added), style=INSERT)
        out.append(" ")
        out.append(" ".join(f"-{s}" for s in change.sources_removed), style=DELETE)
    return out


class RedlineView(VerticalScroll):
    """Shows the article change handed down by the compare screen, or (its first entry) the version's."""

    change: reactive[ArticleChange | None] = reactive(None, always_update=True)
    version_changes: reactive[VersionChanges | None] = reactive(None, always_update=True)
    """Set while "The version" is highlighted: shown instead of an article."""
    side_by_side: reactive[bool] = reactive(False)

    def compose(self) -> ComposeResult:
        yield Static(id="redline-summary")
        yield Static(id="redline-inline")
        with Horizontal(id="redline-sides"):
            yield Static(id="redline-old", classes="box")
            yield Static(id="redline-new", classes="box")

    def on_mount(self) -> None:
        self._show()

    def watch_change(self) -> None:
        self._show()

    def watch_side_by_side(self) -> None:
        self._show()

    def watch_version_changes(self) -> None:
        self._show()

    def _show(self) -> None:
        if not self.is_mounted:
            return
        change = self.change
        summary = self.query_one("#redline-summary", Static)
        inline = self.query_one("#redline-inline", Static)
        sides = self.query_one("#redline-sides", Horizontal)
        if self.version_changes is not None:
            summary.update(version_text(self.version_changes))
            inline.display, sides.display = False, False
            self.border_title = "The version as a whole"
            return
        if change is None:
            summary.update(Text("No article selected.", style="dim"))
            inline.display, sides.display = True, False
            inline.update(Text(""))
            self.border_title = "Redline"
            return
        summary.update(change_summary(change))
        mode = "side by side" if self.side_by_side else "inline"
        self.border_title = f"Redline · {mode} (s toggles)"
        if not change.redline:
            inline.display, sides.display = True, False
            inline.update(Text("No wording on either side to compare.", style="dim italic"))
            return
        if self.side_by_side:
            old, new = side_texts(change.redline)
            old_box, new_box = self.query_one("#redline-old", Static), self.query_one("#redline-new", Static)
            old_box.border_title, new_box.border_title = "Old", "New"
            old_box.update(old)
            new_box.update(new)
        else:
            inline.update(inline_text(change.redline))
        inline.display, sides.display = not self.side_by_side, self.side_by_side
