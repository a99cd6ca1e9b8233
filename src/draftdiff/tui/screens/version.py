"""The version panel (``i``): what the selected version is, in its own record, and what was claimed in public.

Summary, notes, date note and the sources that attest it; then each claimed count (speaker, date, the
counts, whether the statuses fit it, its source), judged by the core's claim rule against the version that
records it. A version known only by its date is read here in full.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Static

from draftdiff import claims
from draftdiff.collection import DraftSet
from draftdiff.model import ClaimedCount, Draft
from draftdiff.textsafe import visible
from draftdiff.tui.access import draft_app
from draftdiff.tui.look import date_label
from draftdiff.tui.screens.stepping import SteppingScreen
from draftdiff.tui.sources import sources_text
from draftdiff.tui.widgets.key_bar import KeyBar

FITS, CONTRADICTS, NOT_COMPARABLE = "fits", "contradicts", "not comparable"


def judge(draft_set: DraftSet, draft: Draft, claim: ClaimedCount) -> tuple[str, list[str], Draft]:
    """(verdict, what contradicts it, the version judged against): the claim is judged against the version
    that records it, or, if that one records no articles, the version in force on its date."""
    judged = draft_set.statuses_for(draft)
    if not claims.comparable(claim):
        return NOT_COMPARABLE, [], judged
    counts = judged.status_counts()
    problems = claims.claim_problems(counts, judged.article_count(counts), claim)
    return (CONTRADICTS if problems else FITS), problems, judged


def claim_counts_text(claim: ClaimedCount) -> str:
    return claims.claim_said(claim)


def claims_text(draft_set: DraftSet, draft: Draft) -> Text:
    if not draft.claimed_counts:
        return Text("No count made public is recorded with this version.", style="dim italic")
    out = Text()
    for index, claim in enumerate(draft.claimed_counts):
        if index:
            out.append("\n\n")
        verdict, problems, judged = judge(draft_set, draft, claim)
        out.append(visible(claim.speaker or "unnamed speaker", keep_newlines=False), style="bold")
        out.append(f", {date_label(claim.date)}: ")
        out.append(claim_counts_text(claim))
        style = {FITS: "green", CONTRADICTS: "bold red", NOT_COMPARABLE: "dim"}[verdict]
        out.append(f"\n  {verdict}", style=style)
        if verdict == NOT_COMPARABLE:
            out.append(" (a share of the text is not a number of articles)", style="dim")
        else:
            out.append(f" — judged against {date_label(judged.date, judged.date_precision)} "
                       f"{visible(judged.id, keep_newlines=False)}", style="dim")
        for problem in problems:
            out.append(f"\n  · {visible(problem, keep_newlines=False)}", style="red")
        source = draft.source(claim.source)
        out.append("\n  source: ", style="dim")
        out.append(visible(f"{source.title} — {source.publisher}" if source else f"{claim.source} (not defined)",
                           keep_newlines=False))
        if claim.notes:
            out.append(f"\n  {visible(claim.notes)}", style="italic")
    return out


def about_text(draft_set: DraftSet, draft: Draft) -> Text:
    out = Text()
    out.append(visible(draft.title), style="bold")
    out.append(f"\n{date_label(draft.date, draft.date_precision)} · {draft.kind} · proposed by "
               f"{visible(draft.proposed_by)} · stage {draft.stage} · {visible(draft.id)}", style="dim")
    if draft.based_on:
        out.append(f"\nBased on {visible(draft.based_on)}", style="dim")
    coverage = {"complete": "every article is listed", "partial": "only the articles on record are listed",
                "none": "known only by its date and reports of it; no article is on record"}
    out.append(f"\nArticles: {coverage.get(draft.article_coverage, draft.article_coverage)}")
    if not draft.records_articles:
        source = draft_set.status_as_of(draft.date)
        if source is not None and source.id != draft.id:
            out.append(f"\nStatuses in force then come from {date_label(source.date, source.date_precision)} "
                       f"{visible(source.id)}", style="italic")
    missing = []
    for label, value in (("Summary", draft.summary), ("Notes", draft.notes), ("Date note", draft.date_note)):
        if value:
            out.append(f"\n\n{label}\n", style="bold underline")
            out.append(visible(value))
        else:
            missing.append(label.lower())
    if missing:
        out.append(f"\n\nNo {', '.join(missing)} recorded.", style="dim")
    out.append("\n\nAttested by\n", style="bold underline")
    out.append_text(sources_text(draft, draft.attested_by, none="no source attests this version itself"))
    return out


class VersionScreen(SteppingScreen):
    """Follows the selected version; ``[`` ``]`` step through the versions."""

    SCOPED_CSS = False
    DEFAULT_CSS = """
    #version-scroll { padding: 0 1; }
    """
    BINDINGS = [
        Binding("escape", "back", "Back"),
        Binding("a", "add_claim", "Add claim"),
    ]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="version-scroll"):
            yield Static(id="version-about", classes="box")
            yield Static(id="version-claims", classes="box")
            yield Static(id="version-sources", classes="box")
        yield KeyBar()

    def on_mount(self) -> None:
        self.watch(self.app, "version", self._show, init=False)
        self.watch(self.app, "draft_set", self._show, init=False)
        self._show()
        self.query_one("#version-scroll").focus()

    def _show(self, *_: object) -> None:
        draft_set: DraftSet = draft_app(self).draft_set
        draft = draft_set.get(draft_app(self).version)
        about = self.query_one("#version-about", Static)
        claims_box = self.query_one("#version-claims", Static)
        sources = self.query_one("#version-sources", Static)
        about.border_title = "Version"
        claims_box.border_title = "Claimed in public"
        sources.border_title = "Sources of this version"
        if draft is None:
            about.update(Text("No valid draft to show.", style="bold"))
            claims_box.update("")
            sources.update("")
            return
        about.update(about_text(draft_set, draft))
        claims_box.update(claims_text(draft_set, draft))
        sources.update(sources_text(draft, [s.id for s in draft.sources], none="none"))
        self.sub_title = draft.id

    def action_add_claim(self) -> None:
        from draftdiff.tui.recording import ask_add_claim

        ask_add_claim(draft_app(self))
