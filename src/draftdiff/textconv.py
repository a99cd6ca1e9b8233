"""A draft as plain text in reading order: what ``git diff`` should compare instead of YAML.

One sentence per line, so git's line diff lands on the sentence that changed;
articles in order of their numbers, each with status, basis, positions and sources.
Every field of the draft is printed (a test changes each in turn), so no change of
evidence, such as a source's corrected quote or a recounted claim, is invisible to git.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

from draftdiff.claims import claim_said
from draftdiff.model import Article, ClaimedCount, Draft, Fragment, Position, Precondition, Source
from draftdiff.numbering import sort_key
from draftdiff.textsafe import visible
from draftdiff.vocab import format_date, part_label

_SENTENCE_BREAK = re.compile(r"(?<=[.!?;։])[ \t]+(?=\S)")


def sentences(text: str) -> str:
    return "\n".join(_SENTENCE_BREAK.sub("\n", line) for line in text.strip().splitlines())


def _order(articles: list[Article]) -> list[Article]:
    indexed = list(enumerate(articles))
    indexed.sort(key=lambda item: (sort_key(item[1].number), item[0]))
    return [a for _, a in indexed]


def _dated(value: str | None, precision: str) -> str:
    """``2024-06``, ``~2023-12-31``: the date as every face prints it (:func:`~draftdiff.vocab.format_date`)."""
    if value is None:
        return "-"
    return format_date(value, precision)


def _ids(ids: Sequence[str]) -> str:
    return ", ".join(ids)


def _notes(label: str, text: str | None, indent: str = "") -> list[str]:
    if not text:
        return []
    return [f"{indent}{label}: " + sentences(text).replace("\n", "\n" + indent + "  ")]


def as_text(draft: Draft) -> str:
    lines = [f"# {draft.title}",
             f"id: {draft.id}",
             f"agreement: {draft.agreement}" + (f"   ({draft.agreement_title})" if draft.agreement_title else ""),
             f"date: {_dated(draft.date, draft.date_precision)}   kind: {draft.kind}   "
             f"proposed by: {draft.proposed_by}   stage: {draft.stage}"]
    lines += _notes("date note", draft.date_note)
    lines += [f"based on: {draft.based_on or '-'}",
              f"parties: {', '.join(draft.parties)}",
              f"article coverage: {draft.article_coverage}"]
    if draft.attested_by:
        lines.append(f"attested by: {_ids(draft.attested_by)}")
    counts = ", ".join(f"{s} {n}" for s, n in draft.status_counts().items() if n)
    lines.append(f"articles: {len(draft.articles)} ({counts})")
    if draft.summary:
        lines += ["", sentences(draft.summary)]
    if draft.notes:
        lines += [""] + _notes("notes", draft.notes)
    if draft.claimed_counts:
        lines += ["", "## Claimed counts"]
        for claim in draft.claimed_counts:
            lines += _claim(claim)
    for article in _order(draft.articles):
        lines += _article(article)
    if draft.preconditions:
        lines += ["", "## Preconditions"]
        for p in draft.preconditions:
            lines += _precondition(p)
    if draft.sources:
        lines += ["", "## Sources"]
        for s in draft.sources:
            lines += _source(s)
    return visible("\n".join(lines)) + "\n"  # git shows this on a terminal: escapes stay inert


def _claim(c: ClaimedCount) -> list[str]:
    who = " ".join(x for x in (c.speaker, c.date) if x) or "unattributed"
    return [f"- {who}: {claim_said(c)} [{c.source}]", *_notes("notes", c.notes, "  ")]


def _article(article: Article) -> list[str]:
    label = part_label(article.part, article.number)  # "Article 5 bis", "Preamble", "Annex 1"
    heading = article.title if article.title == label else f"{label}. {article.title}"
    lines = ["", f"## {heading}   [{article.id}]"]
    basis = f" ({article.status_basis})" if article.status_basis else ""
    lines.append(f"status: {article.status}{basis}   text: {article.effective_text_basis}")
    if article.status_note:
        lines.append(f"status note: {article.status_note.strip()}")
    if article.text is not None and article.text.strip():
        lines += ["", sentences(article.text)]
    for k, fragment in enumerate(article.fragments, 1):
        lines += _fragment(k, fragment)
    for party, position in article.positions.items():
        lines += _position(party, position)
    if article.sources:
        lines.append(f"sources: {_ids(article.sources)}")
    if article.notes:
        lines.append(f"notes: {article.notes.strip()}")
    return lines


def _fragment(k: int, f: Fragment) -> list[str]:
    sources = f"; sources: {_ids(f.sources)}" if f.sources else ""
    return ["", f"fragment {k} ({f.basis}{sources}):", sentences(f.text), *_notes("  notes", f.notes)]


def _position(party: str, p: Position) -> list[str]:
    lines = ["", f"position of {party} ({p.basis}):", sentences(p.text)]
    if p.sources:
        lines.append(f"  sources: {_ids(p.sources)}")
    return lines + _notes("notes", p.notes, "  ")


def _precondition(p: Precondition) -> list[str]:
    article = f" [article {p.article}]" if p.article else ""
    basis = f", {p.status_basis}" if p.status_basis else ""
    lines = [f"- {p.id} ({p.party}, {p.kind}, {p.status}{basis}){article}: {p.demand.strip()}"]
    if p.raised is not None:
        lines.append(f"  raised: {_dated(p.raised, p.raised_precision)}")
    lines += _notes("status note", p.status_note, "  ")
    if p.sources:
        lines.append(f"  sources: {_ids(p.sources)}")
    return lines + _notes("notes", p.notes, "  ")


def _source(s: Source) -> list[str]:
    inside = ", ".join(x for x in (s.author, s.publisher, s.date) if x)
    lines = [f"- {s.id}: {s.title} ({inside}){' ' + s.url if s.url else ''}"]
    if s.language:
        lines.append(f"  language: {s.language}")
    if s.quote:
        lines.append(f"  quote ({s.quote_basis}): " + sentences(s.quote).replace("\n", "\n    "))
    elif s.quote_basis != "verbatim":
        lines.append(f"  quote basis: {s.quote_basis}")
    return lines + _notes("notes", s.notes, "  ")


def raw_bytes(path: str | Path) -> bytes:
    """A file too large to read as a draft, as it is: ``git diff`` must still show that it changed.

    :func:`draftdiff.load.load_draft` has already refused anything but a regular file.
    """
    try:
        return Path(path).read_bytes()
    except OSError:
        return b""
