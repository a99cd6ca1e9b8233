"""What an import found and which id each entry took, as plain text for the terminal.

One line per entry: its label, the id chosen, and why (the base article it
continues, or how a new id was made); with ``dry_run`` the title and first
words of each entry instead, so a reader can check the structure before writing.
"""

from __future__ import annotations

from typing import Any

from draftdiff.importer.continuity import Choice
from draftdiff.importer.plan import ImportPlan
from draftdiff.numbering import same_number
from draftdiff.textsafe import visible
from draftdiff.vocab import part_label

FIRST_WORDS = 8


def _why(choice: Choice, base_id: str | None) -> str:
    base = choice.base
    if choice.how == "map":
        return "given with --map" + (f" (continues {part_label(base.part, base.number)})" if base else " (new)")
    if base is None or choice.how == "new":
        return "new (id from its title)" if choice.entry.title and choice.entry.part in ("article", "annex") \
            else "new"
    was = part_label(base.part, base.number)
    if choice.how == "split":
        return f"new, split off {was} ({base.id})"
    if choice.how == "merged":
        return f"continues {was}, with other articles merged into it"
    moved = "" if same_number(base.number, choice.entry.number) or base.number is None else " (renumbered)"
    score = f", wording {choice.similarity:.2f} alike" if choice.similarity is not None else ""
    return f"continues {was}{moved}{score}"


def _first_words(text: str) -> str:
    words = text.split()
    return " ".join(words[:FIRST_WORDS]) + (" …" if len(words) > FIRST_WORDS else "")


def render(plan: ImportPlan, *, dry_run: bool = False, written: str | None = None, **_: Any) -> str:
    counts = plan.counts()
    parts = [f"{n} article{'s' * (n != 1)}" if p == "article" else f"{n} annex{'es' * (n != 1)}" if p == "annex"
             else f"the {p}" for p, n in counts.items()]
    base_id = plan.base.id if plan.base is not None else None
    lines = [f"{visible(plan.source.name)} ({plan.source.format}): {', '.join(parts)}"
             + (f"; ids continued from {base_id}" if base_id else "")]
    lines += [f"warning: {visible(w)}" for w in plan.source.warnings[:20]]
    width = max((len(c.entry.label) for c in plan.choices), default=8)
    id_width = max((len(c.id) for c in plan.choices), default=8)
    for choice in plan.choices:
        label = choice.entry.label.ljust(width)
        if dry_run:
            title = visible(choice.title, keep_newlines=False)
            lines.append(f"  {label}  {choice.id:<{id_width}}  {title} — {visible(_first_words(choice.entry.text))}")
        else:
            lines.append(f"  {label}  → {choice.id:<{id_width}}  {_why(choice, base_id)}")
    if dry_run:
        lines.append("dry run: nothing written")
    elif written:
        lines.append(f"wrote {visible(written)}")
    return "\n".join(lines) + "\n"
