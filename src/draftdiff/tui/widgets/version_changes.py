"""The changes of the version as a whole, for the Compare screen: its fields, sources, claimed counts,
preconditions and the diff's notes, in the words the CLI's renderers use (``draftdiff.diff.phrases``).

The Compare screen lists this as its first entry, "The version", when anything of it changed; the redline
panel shows :func:`version_text` while that entry is highlighted.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text

from draftdiff.diff import phrases as ev
from draftdiff.diff import result as r
from draftdiff.diff.result import (
    ClaimChange,
    DraftDiff,
    FieldChange,
    PreconditionChange,
    SourceChange,
)
from draftdiff.textsafe import visible
from draftdiff.tui.look import DELETE, INSERT, change_label, inline_text

SIGN = {"added": "+", "removed": "-", "changed": "~"}
SIGN_STYLE = {"+": "bold #2e9e44", "-": "bold #d63a3a", "~": "bold #c98a00"}
VERSION_TITLE = "The version"
"""How the change list names the entry of the version as a whole."""


def _line(text: str) -> str:
    return visible(text, keep_newlines=False)


@dataclass(frozen=True, eq=False)
class VersionChanges:
    """What the Compare screen shows of a diff beside its articles, as the list's filters (``a``, ``u``) read it."""

    diff: DraftDiff
    show_all: bool = False
    substantive: bool = False

    @property
    def fields(self) -> list[FieldChange]:
        return self.diff.listed_agreement(self.substantive)

    @property
    def sources(self) -> list[SourceChange]:
        return self.diff.listed_sources(self.substantive)

    @property
    def claims(self) -> list[ClaimChange]:
        return self.diff.listed_claims(self.substantive)

    @property
    def preconditions(self) -> list[PreconditionChange]:
        return self.diff.listed_preconditions(self.show_all, self.substantive)

    @property
    def kinds(self) -> list[str]:
        """The version's change kinds the filters leave, in ``DRAFT_KINDS`` order (as ``DraftDiff.kinds``)."""
        found = {f.kind for f in self.fields} | {s.kind for s in self.sources} | {c.kind for c in self.claims}
        return [k for k in r.DRAFT_KINDS if k in found]

    @property
    def changed_preconditions(self) -> list[PreconditionChange]:
        return [p for p in self.preconditions if p.kinds]

    @property
    def changed(self) -> bool:
        """Anything of the version as a whole to see: a change of it, of a precondition, or a note."""
        return bool(self.kinds or self.changed_preconditions or self.diff.notes)

    @property
    def listed(self) -> bool:
        """Whether the change list has the entry: when something changed, or (``a``) always, like an
        unchanged article."""
        return self.changed or self.show_all


def version_row(entry: VersionChanges) -> tuple[Text, Text, Text, Text]:
    """The change list's cells of the entry: no number, "The version", its kinds, no status."""
    labels = [change_label(k) for k in entry.kinds]
    pre = len(entry.changed_preconditions)
    if pre:
        labels.append(f"{pre} precondition{'s' * (pre != 1)} changed")
    if not labels and entry.diff.notes:
        labels.append("notes to read")
    kinds = Text(", ".join(labels) if labels else "unchanged", style="" if labels else "dim")  # cut by the table
    return Text(""), Text(VERSION_TITLE, style="bold"), kinds, Text("")


def _signed(out: Text, sign: str, text: str) -> None:
    out.append(f"\n{sign} ", style=SIGN_STYLE[sign])
    out.append(_line(text))


def _wording(out: Text, label: str, f: FieldChange, indent: str = "  ") -> None:
    out.append(f"\n{indent}{label}: ", style="dim")
    out.append_text(inline_text(f.redline))


def _arrow(out: Text, lead: str, values: tuple[str, str], note: str = "") -> None:
    """``title: old → new`` in the redline's colours, the old value apart from the new: a short field read
    whole (as the article panel shows an article's fields), not its words run together."""
    old, new = values
    out.append(f"\n  {_line(lead)}", style="dim")
    out.append(_line(old), style=DELETE)
    out.append(" → ")
    out.append(_line(new), style=INSERT)
    if note:
        out.append(note, style="dim")


def version_text(entry: VersionChanges) -> Text:
    """Every change of the version as a whole, section by section, as ``draftdiff diff`` words it."""
    diff = entry.diff
    out = Text()
    out.append(f"{VERSION_TITLE} · ", style="bold")
    out.append(_line(f"{diff.old.id} ({ev.dated(diff.old)}) → {diff.new.id} ({ev.dated(diff.new)})"), style="bold")
    if not entry.changed:
        out.append("\nunchanged", style="italic dim")
    for note in diff.notes:  # different agreements, deadline fallbacks, parties named in opposite order
        out.append("\nNote: ", style="bold")
        out.append(_line(note), style="italic")
    for title, section in (("Fields", _fields), ("Sources", _sources), ("Claimed counts", _claims),
                           ("Preconditions", _preconditions)):
        lines = section(entry)
        if lines.plain:
            out.append(f"\n\n{title}", style="bold underline")
            out.append_text(lines)
    return out


def _fields(entry: VersionChanges) -> Text:
    """``date: 2023-12-20 → 2024-01-04``, ``title: old → new``; long wording (summary, notes) as a redline;
    then the counts. The words are the CLI's (``draftdiff.diff.phrases``)."""
    out = Text()
    fields = entry.fields
    for f in fields:
        if f.kind == r.COUNTS_CHANGED and f.field.startswith("articles"):
            continue  # said once below, as the counts line
        if ev.record_redline(f):
            _wording(out, ev.field_label(f.field), f)
            if f.party_order:
                out.append(ev.ALTERNAT, style="dim")
        else:
            _arrow(out, f"{ev.field_label(f.field)}: ", ev.field_values(f, entry.diff), ev.ALTERNAT * f.party_order)
    if any(f.kind == r.COUNTS_CHANGED for f in fields):
        out.append(f"\n  {_line(ev.counts_line(entry.diff))}")
    return out


def _sources(entry: VersionChanges) -> Text:
    """Each entry of the sources list added or removed (title, publisher, date, url, quote), or its changed fields."""
    out = Text()
    for s in entry.sources:
        sign = SIGN[s.change]
        if s.change == "changed":
            _signed(out, sign, f"{s.id}: {s.title}")
            for f in s.fields:
                if ev.record_redline(f):
                    _wording(out, ev.field_label(f.field), f)
                else:  # ev.source_field_phrase's words, in colour
                    _arrow(out, f"{ev.field_label(f.field)} ", ev.field_values(f))
            continue
        _signed(out, sign, f"{s.id}: {ev.source_described(s.new or s.old)}")
        out.append(f"  {s.change}", style="italic")
        quote = (s.new or s.old or {}).get("quote")
        if quote:
            out.append("\n  quote: ", style="dim")
            out.append(_line(quote))
    return out


def _claims(entry: VersionChanges) -> Text:
    """``+ Ilham Aliyev 2024-12-18 added: agreed 15, …`` / ``~ …: agreed 15 → 16``."""
    out = Text()
    for c in entry.claims:
        _signed(out, SIGN[c.change], ev.claim_phrase(c))
        for f in c.fields:
            if ev.shown_as_redline(f):
                _wording(out, ev.field_label(f.field), f)
    return out


def _preconditions(entry: VersionChanges) -> Text:
    """``~ withdraw-claims (beta)  status open → in-agreement · …``, a reworded demand as a redline."""
    out = Text()
    for p in entry.preconditions:
        sign = "+" if r.ADDED in p.kinds else "-" if r.REMOVED in p.kinds else "~" if p.kinds else ""
        if not sign:
            out.append(f"\n= {_line(p.id)} ({_line(p.party)})  {ev.unchanged_phrase(p)}", style="dim")
            continue
        _signed(out, sign, f"{p.id} ({p.party})")
        phrases = ev.precondition_phrases(p)
        if phrases:
            out.append(f"  {_line(' · '.join(phrases))}")
        if r.TEXT_CHANGED in p.kinds and ev.changed_wording(p.redline):
            out.append("\n  demand: ", style="dim")
            out.append_text(inline_text(p.redline))
        for f in p.fields:
            if ev.shown_as_redline(f):
                _wording(out, ev.field_label(f.field), f)
    return out
