"""How a cited source reads in the TUI: the same on the Article, Version and Preconditions screens.

An analyst checks a status against what it rests on, so each source shows all a reader needs to find it
(title, author, publisher, date, address) and what it says (the quote and whether it is verbatim), and a
citation the draft does not define says so instead of disappearing.
"""

from __future__ import annotations

from collections.abc import Iterable

from rich.text import Text

from draftdiff.model import Draft, Source
from draftdiff.textsafe import visible
from draftdiff.tui.look import date_label


def _one_line(text: str | None) -> str:
    return visible(text or "", keep_newlines=False)


def source_text(source: Source) -> Text:
    out = Text()
    out.append(_one_line(source.title), style="bold")
    said = ", ".join(_one_line(v) for v in (source.author, source.publisher) if v)
    if source.date:
        said += f", {date_label(source.date)}"
    out.append(f" — {said}")
    out.append(f"  [{_one_line(source.id)}]", style="dim")
    if source.url:
        out.append("\n  ")
        out.append(_one_line(source.url), style="underline")
    if source.quote:
        out.append("\n  ")
        out.append(f"“{visible(source.quote)}”", style="italic")
        if source.quote_basis != "verbatim":
            out.append(f" ({source.quote_basis})", style="dim")
        if source.language:
            out.append(f" [{_one_line(source.language)}]", style="dim")
    if source.notes:
        out.append("\n  ")
        out.append(visible(source.notes), style="dim italic")
    return out


def sources_text(draft: Draft, source_ids: Iterable[str], *, none: str = "none cited") -> Text:
    """Each cited source once, in the order first cited; a blank line between them when one takes more
    than a line, so that a long note cannot run into the next title."""
    entries = []
    for source_id in dict.fromkeys(source_ids):
        source = draft.source(source_id)
        entries.append(source_text(source) if source is not None else
                       Text(f"{_one_line(source_id)}: not defined in this draft", style="red"))
    if not entries:
        return Text(none, style="dim")
    between = "\n\n" if any("\n" in entry.plain for entry in entries) else "\n"
    return Text(between).join(entries)
