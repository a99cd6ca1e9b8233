"""The two lines at the top: which agreement, which version, what kind of version it is."""

from __future__ import annotations

from rich.text import Text
from textual.reactive import reactive
from textual.widget import Widget

from draftdiff.collection import DraftSet
from draftdiff.model import Draft
from draftdiff.textsafe import visible
from draftdiff.tui.look import date_label


class VersionHeader(Widget):
    """Agreement, position of the version in the collection, date, kind, proposer and stage."""

    DEFAULT_CSS = "VersionHeader { height: 2; padding: 0 1; background: $panel; }"

    draft_set: reactive[DraftSet | None] = reactive(None, always_update=True)
    draft: reactive[Draft | None] = reactive(None, always_update=True)

    def render(self) -> Text:
        draft, drafts = self.draft, (self.draft_set.drafts if self.draft_set else [])
        if draft is None:
            return Text("No valid draft to show — see the problems below.", style="bold")
        ids = [d.id for d in drafts]
        place = f"version {ids.index(draft.id) + 1} of {len(ids)}" if draft.id in ids else ""
        top = Text.assemble((visible(draft.agreement, keep_newlines=False), "bold"), "  ·  ",
                            (place, "dim"), "  ·  ", (visible(draft.title, keep_newlines=False), "italic"))
        top.truncate(max(self.size.width - 2, 10), overflow="ellipsis")
        bottom = Text.assemble(
            ("◀ [ ", "dim"), (date_label(draft.date, draft.date_precision), "bold reverse"), (" ] ▶ ", "dim"), " ",
            (visible(draft.kind), "bold"), " · proposed by ", (visible(draft.proposed_by), "bold"),
            " · stage ", (visible(draft.stage), "bold"), "  ", (visible(draft.id, keep_newlines=False), "dim"))
        bottom.truncate(max(self.size.width - 2, 10), overflow="ellipsis")
        return Text("\n").join([top, bottom])


def version_note_text(draft: Draft) -> Text:
    """The version's own words, first: its summary or date note; ``i`` shows the full record."""
    out = Text()
    if not draft.records_articles:
        out.append("Known only by its date and reports of it. ", style="bold")
    about = draft.summary or draft.notes or draft.date_note
    if about:
        out.append(visible(" ".join(about.split())), style="italic")
    out.append("  (i: summary, notes, sources, claims)", style="dim")
    return out


class VersionNote(Widget):
    """One to three lines under the counts: what the version is, in its own summary."""

    draft: reactive[Draft | None] = reactive(None, always_update=True)
    status_draft: reactive[Draft | None] = reactive(None, always_update=True)

    def watch_draft(self) -> None:
        draft = self.draft
        self.set_class(draft is None or not (draft.summary or draft.notes or draft.date_note
                                             or not draft.records_articles), "-empty")
        self.refresh(layout=True)  # one line, or three for a version known only by its date

    def render(self) -> Text:
        if self.draft is None:
            return Text("")
        lines = 3 if not self.draft.records_articles else 1
        text = version_note_text(self.draft)
        width = max(self.size.width - 2, 10)
        wrapped = list(text.wrap(self.app.console, width, overflow="ellipsis"))
        if len(wrapped) > lines:
            wrapped = wrapped[:lines]
            wrapped[-1].truncate(width - 1)
            wrapped[-1].append("…")
        return Text("\n").join(wrapped)
