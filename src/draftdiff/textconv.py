"""A draft as plain text in reading order: what ``git diff`` should compare instead of YAML.

One sentence per line, so git's line diff lands on the sentence that changed;
articles in order of their numbers, each with status, basis, positions and sources.
"""

from __future__ import annotations

import re

from draftdiff.model import Article, Draft
from draftdiff.numbering import sort_key
from draftdiff.textsafe import visible
from draftdiff.vocab import part_label

_SENTENCE_BREAK = re.compile(r"(?<=[.!?;։])[ \t]+(?=\S)")


def sentences(text: str) -> str:
    return "\n".join(_SENTENCE_BREAK.sub("\n", line) for line in text.strip().splitlines())


def _order(articles: list[Article]) -> list[Article]:
    indexed = list(enumerate(articles))
    indexed.sort(key=lambda item: (sort_key(item[1].number), item[0]))
    return [a for _, a in indexed]


def as_text(draft: Draft) -> str:
    lines = [f"# {draft.title}",
             f"id: {draft.id}",
             f"agreement: {draft.agreement}",
             f"date: {draft.date}   kind: {draft.kind}   proposed by: {draft.proposed_by}   stage: {draft.stage}",
             f"based on: {draft.based_on or '-'}",
             f"parties: {', '.join(draft.parties)}"]
    counts = ", ".join(f"{s} {n}" for s, n in draft.status_counts().items() if n)
    lines.append(f"articles: {len(draft.articles)} ({counts})")
    if draft.summary:
        lines += ["", sentences(draft.summary)]
    for article in _order(draft.articles):
        label = part_label(article.part, article.number)
        heading = article.title if article.title == label else f"{label}. {article.title}"
        lines += ["", f"## {heading}   [{article.id}]"]
        basis = f" ({article.status_basis})" if article.status_basis else ""
        lines.append(f"status: {article.status}{basis}   text: {article.effective_text_basis}")
        if article.status_note:
            lines.append(f"status note: {article.status_note.strip()}")
        if article.full_text.strip():
            lines += ["", sentences(article.full_text)]
        for party, position in article.positions.items():
            lines += ["", f"position of {party} ({position.basis}):", sentences(position.text)]
            if position.sources:
                lines.append(f"  sources: {', '.join(position.sources)}")
        if article.sources:
            lines.append(f"sources: {', '.join(article.sources)}")
        if article.notes:
            lines.append(f"notes: {article.notes.strip()}")
    if draft.preconditions:
        lines += ["", "## Preconditions"]
        for p in draft.preconditions:
            article = f" [article {p.article}]" if p.article else ""
            lines.append(f"- {p.id} ({p.party}, {p.kind}, {p.status}){article}: {p.demand.strip()}")
    if draft.sources:
        lines += ["", "## Sources"]
        for s in draft.sources:
            lines.append(f"- {s.id}: {s.title} ({s.publisher}{', ' + s.date if s.date else ''})"
                         f"{' ' + s.url if s.url else ''}")
    return visible("\n".join(lines)) + "\n"  # git shows this on a terminal: escapes stay inert
