"""What every face says the same way about a diff's record: sources, claimed counts, the version's fields.

Phrases only (plain text, not yet escaped or styled); each renderer and the TUI's Compare screen escape and
lay them out. One wording here keeps the terminal, Markdown, HTML, the stat lines and the TUI telling the
same facts in the same words.
"""

from __future__ import annotations

from collections.abc import Sequence

from draftdiff.diff import result as r
from draftdiff.diff.result import (
    ArticleChange,
    ClaimChange,
    DraftDiff,
    DraftInfo,
    FieldChange,
    PositionChange,
    PreconditionChange,
    Segment,
    SourceChange,
)
from draftdiff.vocab import format_date, part_phrase

SHORT_FIELDS = frozenset({"title", "agreement_title"})
"""Wording of the version's record (its own fields, its sources') short enough to be read whole, as
``title: old → new`` like its date or stage: a word redline of a title ran the old and the new one together
(``Alpha's proposal of December 2023Beta's response…``), told apart by colour or brackets alone."""

ALTERNAT = " (parties named in opposite order: alternat)"


def field_label(name: str) -> str:
    """``date_note`` → ``date note``; ``attested_by`` → ``attested by``."""
    return {"agreement_title": "agreement's name", "attested_by": "attested by", "proposed_by": "proposed by", "based_on": "based on",
            "article_coverage": "article coverage", "agreed_percent": "agreed percent"}.get(
        name, name.replace("_", " "))


def value(text: str | None) -> str:
    return "–" if text is None or text == "" else text


def arrow(f: FieldChange) -> str:
    """``agreed 15 → 16``."""
    return f"{field_label(f.field)} {value(f.old)} → {value(f.new)}"


def shown_as_redline(f: FieldChange) -> bool:
    """Whether a field's change is shown as a word redline: it is wording and the words differ."""
    return bool(f.redline) and any(s.op != "equal" for s in f.redline)


def record_redline(f: FieldChange) -> bool:
    """Whether a field of the version's record (the version's own, a source's) is shown as a redline: long
    wording (summary, notes, a quote) is; a title is read as ``old → new`` (:data:`SHORT_FIELDS`)."""
    return f.field not in SHORT_FIELDS and shown_as_redline(f)


def field_texts(f: FieldChange, diff: DraftDiff | None = None) -> tuple[str | None, str | None]:
    """The old and the new value as shown, None for none: the version's date (a field of ``diff`` itself)
    with what is known of it, ``~2023-12-31``, ``2024-06``."""
    if f.field == "date" and diff is not None:
        return (format_date(f.old, diff.old.date_precision) if f.old else None,
                format_date(f.new, diff.new.date_precision) if f.new else None)
    return f.old, f.new


def field_values(f: FieldChange, diff: DraftDiff | None = None) -> tuple[str, str]:
    """The old and the new value as shown (:func:`field_texts`), ``–`` for none."""
    old, new = field_texts(f, diff)
    return value(old), value(new)


# --- the version as a whole ----------------------------------------------------------------------------------

def dated(info: DraftInfo) -> str:
    """The version's date as what is known of it (``2024-06``, ``~2023-12-31``)."""
    return format_date(info.date, info.date_precision)


def counts_line(diff: DraftDiff) -> str:
    """``4 articles: agreed 0→1, partial 1→2, disputed 2→1``: the articles per status, old → new where they moved."""
    a, b = diff.old.status_counts, diff.new.status_counts
    parts = [f"{s} {a.get(s, 0)}→{b.get(s, 0)}" if a.get(s, 0) != b.get(s, 0) else f"{s} {b.get(s, 0)}"
             for s in b if a.get(s, 0) or b.get(s, 0)]
    old, new = diff.old.articles, diff.new.articles
    total = f"{new} article{'s' * (new != 1)}" if old == new else f"{old} → {new} articles"
    total += part_phrase(diff.new.parts)
    return f"{total}: " + ", ".join(parts) if parts else total


def version_phrase(f: FieldChange, diff: DraftDiff | None = None) -> str:
    """One field of the version: ``stage: negotiating → finalized``, ``title: old → new``, ``summary changed``
    (its words are shown as a redline)."""
    note = ALTERNAT if f.party_order else ""
    if record_redline(f):
        return f"{field_label(f.field)} changed{note}"
    old, new = field_values(f, diff)
    return f"{field_label(f.field)}: {old} → {new}{note}"


# --- sources -------------------------------------------------------------------------------------------------

def source_described(values: dict[str, str | None] | None) -> str:
    """``Title (Publisher, 2024-12-18) https://…``: a source as a reader finds it."""
    if not values:
        return ""
    inside = ", ".join(v for v in (values.get("author"), values.get("publisher"), values.get("date")) if v)
    url = f" {values['url']}" if values.get("url") else ""
    return f"{values.get('title') or ''} ({inside}){url}"


def source_phrase(s: SourceChange) -> str:
    """``source turan-788320: quote, url changed`` / ``source x added: Title (Publisher, date)``."""
    if s.change == "changed":
        return f"source {s.id}: {', '.join(field_label(f.field) for f in s.fields)} changed"
    return f"source {s.id} {s.change}: {source_described(s.new if s.change == 'added' else s.old)}"


def source_field_phrase(f: FieldChange) -> str:
    """A changed field of a source not shown as a redline: ``url https://a → https://b``."""
    return arrow(f)


# --- claimed counts ------------------------------------------------------------------------------------------



def claim_statement(values: dict[str, str | None] | None) -> str:
    """``about 15 agreed, 2 disputed, 17 in all [turan-788320]``: what was claimed, in the words of every face
    (:func:`draftdiff.claims.claim_said`), and where."""
    if not values:
        return ""
    from draftdiff.claims import claim_said

    return f"{claim_said(values)} [{values.get('source')}]"


def claim_phrase(c: ClaimChange) -> str:
    """``Ilham Aliyev 2024-12-18: agreed 15 → 16`` / ``… added: agreed 13, partial 3 [src]``."""
    if c.change == "changed":
        return f"{c.name}: " + ", ".join(
            f"{field_label(f.field)} changed" if f.field == "notes" else arrow(f) for f in c.fields)
    return f"{c.name} {c.change}: {claim_statement(c.new if c.change == 'added' else c.old)}"


# --- articles: what changed besides the wording ---------------------------------------------------------------

def position_phrase(p: PositionChange) -> str:
    """``armenia reworded`` / ``armenia added`` / ``armenia dropped`` / ``armenia: basis summary → verbatim``."""
    if p.change == "added":
        return f"{p.party} added"
    if p.change == "removed":
        return f"{p.party} dropped"
    parts = []
    if r.POSITION_CHANGED in p.kinds:
        parts.append("reworded")
    if p.old_basis != p.new_basis:
        parts.append(f"basis {value(p.old_basis)} → {value(p.new_basis)}")
    if p.sources_added or p.sources_removed:
        parts.append("sources " + signed(p.sources_added, p.sources_removed))
    if p.fields:
        parts.append("notes changed")
    return f"{p.party} " + ", ".join(parts) if r.POSITION_CHANGED in p.kinds else f"{p.party}: " + ", ".join(parts)


def position_basis(p: PositionChange) -> str:
    """``summary``, or ``summary → verbatim`` when the basis changed."""
    if p.change == "added" or p.old_basis == p.new_basis:
        return value(p.new_basis)
    if p.change == "removed":
        return value(p.old_basis)
    return f"{value(p.old_basis)} → {value(p.new_basis)}"


def signed(added: Sequence[str], removed: Sequence[str]) -> str:
    """``+s2 -s1``."""
    return " ".join([*(f"+{s}" for s in added), *(f"-{s}" for s in removed)])


def positions_phrase(article: ArticleChange) -> str:
    """``positions: armenia reworded, azerbaijan added``: the positions whose wording changed, that alone.

    A position's sources, basis and notes are said by :func:`sources_phrase`, :func:`basis_phrase` and
    :func:`notes_phrase`, each under its own kind: said here too, a line read them twice, and
    ``--substantive`` (which leaves clerical kinds out) still showed them.
    """
    said = [f"{p.party} {'added' if p.change == 'added' else 'dropped' if p.change == 'removed' else 'reworded'}"
            for p in article.positions if p.change in ("added", "removed") or r.POSITION_CHANGED in p.kinds]
    return "positions: " + ", ".join(said) if said else "positions changed"


def notes_phrase(article: ArticleChange) -> str:
    """``notes changed (status note, fragment 1 notes)``: which notes."""
    names = [field_label(f.field) for f in article.fields if f.kind == r.NOTES_CHANGED]
    names += [f"position of {p.party}" for p in article.positions if r.NOTES_CHANGED in p.kinds]
    return f"notes changed ({', '.join(names)})" if names else "notes changed"


def sources_phrase(article: ArticleChange) -> str:
    """``sources +s2 -s1; fragment 1 sources s1 → s1, s3; position of armenia +s2``."""
    parts = []
    if article.sources_added or article.sources_removed:
        parts.append("sources " + signed(article.sources_added, article.sources_removed))
    parts += [arrow(f) for f in article.fields if f.kind == r.SOURCES_CHANGED]
    parts += [f"position of {p.party} sources {signed(p.sources_added, p.sources_removed)}"
              for p in article.positions if r.SOURCES_CHANGED in p.kinds]
    return "; ".join(parts) or "sources changed"


def basis_phrase(article: ArticleChange) -> str:
    """``text_basis summary → verbatim``, the fragments' and positions' bases too."""
    parts = [arrow(f) for f in article.fields if f.kind == r.BASIS_CHANGED]
    parts += [f"position of {p.party} basis {value(p.old_basis)} → {value(p.new_basis)}"
              for p in article.positions if r.BASIS_CHANGED in p.kinds]
    return ", ".join(parts) or "basis changed"


def has_wording(article: ArticleChange) -> bool:
    """Whether either side has wording on record (text or fragments) to count words of."""
    return bool(article.stats.words_old or article.stats.words_new)


def added_phrase(article: ArticleChange) -> str:
    """``added (no text on record), status agreed``: a new article's standing is news too."""
    text = "added" if has_wording(article) else "added (no text on record)"
    return f"{text}, status {article.new_status}" if article.new_status else text


def removed_phrase(article: ArticleChange) -> str:
    text = "removed" if has_wording(article) else "removed (no text on record)"
    return f"{text}, status was {article.old_status}" if article.old_status else text


def word_counts(article: ArticleChange) -> str:
    """``+1 -2 90%`` when the wording changed, ``+8`` for an added text; empty when no wording changed, so no
    line ever reads ``+0 -0 100%`` for an article whose change lies elsewhere."""
    s = article.stats
    if not any(seg.op != "equal" for seg in article.redline):
        return ""
    if r.ADDED in article.kinds:
        return f"+{s.words_inserted}"
    if r.REMOVED in article.kinds:
        return f"-{s.words_deleted}"
    return f"+{s.words_inserted} -{s.words_deleted} {s.similarity:.0%}"


# --- what the summary line adds ------------------------------------------------------------------------------

def record_summary(diff: DraftDiff, substantive: bool = False) -> str:
    """``1 source changed, 1 claimed count changed, 2 preconditions changed, summary changed`` (or "")."""
    parts: list[str] = []
    pre = diff.listed_preconditions(substantive=substantive)
    if pre:
        parts.append(f"{len(pre)} precondition{'s' * (len(pre) != 1)} changed")
    for what, items in (("source", diff.listed_sources(substantive)), ("claimed count", diff.listed_claims(substantive))):
        for change in ("added", "removed", "changed"):
            n = sum(1 for i in items if i.change == change)
            if n:
                parts.append(f"{n} {what}{'s' * (n != 1)} {change}")
    fields = [f for f in diff.listed_agreement(substantive) if f.kind != r.COUNTS_CHANGED]
    if fields:
        parts.append("the version's fields changed: " + ", ".join(dict.fromkeys(field_label(f.field) for f in fields)))
    return ", ".join(parts)


def changed_wording(segments: Sequence[Segment]) -> bool:
    return any(s.op != "equal" for s in segments)


def abutting(before: Segment, after: Segment) -> bool:
    """Whether a deletion and an insertion touch with nothing between them (``month.`` struck, ``Initialed``
    inserted): a face that tells them apart by style alone (strike, underline) sets a space between, as the
    text renderer's markers (``[-month.-]{+Initialed+}``) set them apart."""
    return ({before.op, after.op} == {"delete", "insert"} and bool(before.text) and bool(after.text)
            and not before.text[-1].isspace() and not after.text[0].isspace())


# --- entries with no change left -----------------------------------------------------------------------------

UNCHANGED = "unchanged"
CLERICAL_ONLY = "clerical changes only"
"""An entry listed under ``--substantive`` whose every change was clerical (sources, notes, bases): it changed,
so it is not "unchanged"."""


def unchanged_phrase(entry: ArticleChange | PreconditionChange) -> str:
    """What an entry with no change kind (left) reads: "unchanged", "clerical changes only" when
    ``--substantive`` left out all its changes, or "not on record in the newer version" when that version's
    article list does not cover it (silence, not removal: see :func:`unrecorded_phrases`)."""
    side = getattr(entry, "not_on_record", None)
    if side:
        return f"not on record in the {'older' if side == 'old' else 'newer'} version"
    return CLERICAL_ONLY if entry.hidden_kinds and not entry.kinds else UNCHANGED


def unrecorded_phrases(diff: DraftDiff) -> list[str]:
    """``5 articles not on record in X (its article list is none: silence, not removal)``, per side."""
    out = []
    for side, info in (("old", diff.old), ("new", diff.new)):
        silent = sum(1 for a in diff.unrecorded_articles if a.not_on_record == side)
        if silent:
            out.append(f"{silent} article{'s' * (silent != 1)} not on record in {info.id} "
                       f"(its article list is {info.article_coverage}: silence, not removal)")
    return out


def entries_changed(diff: DraftDiff, substantive: bool = False) -> str:
    """``19 of 19 article entries changed``; with ``substantive``, ``4 of 19 article entries changed
    substantively, 15 with clerical changes only``: the title and the preamble are entries too."""
    entries = len(diff.articles)
    noun = f"article entr{'y' if entries == 1 else 'ies'}"
    if not substantive:
        return f"{len(diff.changed_articles)} of {entries} {noun} changed"
    shown = diff.listed_articles(substantive=True)
    clerical = sum(1 for a in diff.articles if a.kinds and not a.substantive)
    text = f"{len(shown)} of {entries} {noun} changed substantively"
    return text + (f", {clerical} with {CLERICAL_ONLY}" if clerical else "")


# --- preconditions -------------------------------------------------------------------------------------------

def precondition_phrases(p: PreconditionChange) -> list[str]:
    """``status open → met``, ``kind precondition → demand``, ``raised 2024-01 → 2024-02``, ``sources +s2``."""
    out: list[str] = []
    for kind in p.kinds:
        fields = [f for f in p.fields if f.kind == kind and not shown_as_redline(f)]
        if kind == r.STATUS_CHANGED:
            out.append(f"status {value(p.old_status)} → {value(p.new_status)}")
        elif kind == r.WITHDRAWN:
            out.append(f"withdrawn ({value(p.old_status)} → {value(p.new_status)})")
        elif kind == r.TEXT_CHANGED:
            out.append("demand reworded")
        elif kind == r.SOURCES_CHANGED:
            out.append("sources " + signed(p.sources_added, p.sources_removed))
        elif kind == r.NOTES_CHANGED:
            names = [field_label(f.field) for f in p.fields if f.kind == kind]
            out.append(f"notes changed ({', '.join(names)})")
        elif fields:
            out.extend(arrow(f) for f in fields)
        else:
            out.append(kind.replace("-", " "))
    return out


def fragment_phrases(article: ArticleChange) -> list[str]:
    """``fragment 2 added`` / ``fragment 1 reworded``: wording of fragments beside an article's own text."""
    out = []
    for f in article.fields:
        if f.kind == r.TEXT_CHANGED and f.field.startswith("fragment"):
            out.append(f"{f.field} {'added' if f.old is None else 'removed' if f.new is None else 'reworded'}")
    return out
