"""The status board for a terminal: one line per article, status as a symbol and a colour."""

from __future__ import annotations

from draftdiff.render.ansi import style
from draftdiff.snapshot import cite
from draftdiff.snapshot.model import Snapshot
from draftdiff.textsafe import visible
from draftdiff.vocab import PART_NAMES, STATUS_SYMBOLS, format_date, part_phrase, precondition_label

STATUS_LOOK = {status: (STATUS_SYMBOLS[status], colour) for status, colour in (
    ("agreed", "green"), ("partial", "yellow"), ("disputed", "red"), ("removed", "dim"), ("unknown", "magenta"))}
"""Symbol and colour per status: the symbol alone must say it, for NO_COLOR and colour-blind readers."""

TITLE_WIDTH = 52


def _safe(text: str | None) -> str:
    return visible(text or "", keep_newlines=False)


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def status_label(status: str, *, color: bool, width: int = 8) -> str:
    symbol, colour = STATUS_LOOK.get(status, ("·", "dim"))
    return style(f"{symbol} {status:<{width}}", colour, color=color)


def render(snap: Snapshot, *, color: bool = False, fmt: str = "text", **_options: object) -> str:
    bold = lambda s: style(s, "bold", color=color)  # noqa: E731
    dim = lambda s: style(s, "dim", color=color)  # noqa: E731
    status = snap.status_draft
    lines = [bold(f"{_safe(snap.agreement)} · status as of {snap.as_of}"),
             f"from {_safe(status.id)} ({_safe(status.kind)}, dated {format_date(status.date, status.date_precision)}): "
             + ("chosen by id" if snap.draft_id else
                f"the latest version dated on or before {snap.as_of} that records article statuses")]
    if status.coverage == "partial":
        lines.append(f"{_safe(status.id)} is on record only in part: the articles shown are those its sources "
                     "mention, not the whole text")
    silent = [d for d in snap.drafts if d.role == "no-statuses"]
    if silent:
        lines.append(dim("since then, known only by date (no article statuses on record): "
                         + ", ".join(f"{_safe(d.id)} ({format_date(d.date, d.date_precision)})" for d in silent)))
    if snap.later:
        later = ", ".join(f"{_safe(d.id)} ({format_date(d.date, d.date_precision)})" for d in snap.later)
        lines.append(dim(f"later versions, not used: {later}"))
    lines.append("")
    id_width = max((len(_safe(a.id)) for a in snap.articles), default=7)
    numbers = [str(a.number if a.part == "article" and a.number is not None else
                   "" if a.part == "article" else PART_NAMES.get(a.part, a.part)) for a in snap.articles]
    no_width = max([4, *(len(n) for n in numbers)])
    lines.append(bold(f"{'No.':>{no_width}}  {'Article':<{id_width}}  {'Status':<10}  {'Basis':<9}  {'Text':<19}  Title"))
    for number, a in zip(numbers, snap.articles, strict=True):
        # a preamble or title is named in the number column: its row is shown, never numbered or counted
        lines.append(f"{number:>{no_width}}  {_safe(a.id):<{id_width}}  {status_label(a.status, color=color)}  "
                     f"{a.status_basis:<9}  {a.text_basis:<19}  {_cut(_safe(a.title), TITLE_WIDTH)}")
    c = snap.counts
    lines += ["", "  ".join(status_label(s, color=color, width=0) + f" {n}" for s, n in c.by_status().items())
              + f"   ({c.total} articles{part_phrase([a.part for a in snap.articles], c.removed)})"]
    if snap.claims:
        lines += ["", bold(f"Counts made public in the {snap.claims_window_days} days up to {snap.as_of}:")]
        for claim in snap.claims:
            said, verdict = claim.said(), claim.verdict()
            who = f"{_safe(claim.speaker)}: " if claim.speaker else ""
            lines.append(f"  {claim.date}  {who}{said}  [{_safe(claim.source)}]  {_safe(verdict)}")
    if snap.preconditions:
        lines += ["", bold("Preconditions:")]
        for p in snap.preconditions:
            lines.append(f"  {_safe(precondition_label(p.status)):<14} {_safe(p.id)} ({_safe(p.party)}, {_safe(p.kind)}): "
                         f"{_cut(_safe(p.demand), 70)}")
    cit = cite.citation(snap, fmt)
    lines += ["", dim(_safe(cite.caveat(snap))), "",
              f"digest {snap.digest} · draftdiff {_safe(cit.version)}" + _commit(cit),
              dim(f"reproduce: {_safe(cit.command)}"), dim(cit.marker)]
    if cit.generated_at:
        lines.append(dim(f"generated {cit.generated_at}"))
    return "\n".join(lines) + "\n"


def _commit(c: cite.Citation) -> str:
    if not c.commit:
        return ""
    return f" · commit {c.commit}" + (" (uncommitted changes in the drafts)" if c.dirty else "")
