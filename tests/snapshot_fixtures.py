"""A small hand-made collection of drafts for the snapshot tests (three versions, four articles)."""

from __future__ import annotations

from pathlib import Path

HEAD = """schema_version: 1
agreement: test-peace
id: {id}
title: {title}
date: '{date}'
kind: {kind}
proposed_by: {by}
{based_on}stage: negotiating
parties: [north, south]
sources:
  - id: src-a
    title: Minister says the talks advance
    publisher: Example News
    date: '2024-01-05'
    url: https://example.org/a
  - id: src-b
    title: "Leader: 2 of 4 articles agreed"
    publisher: Daily Example
    date: '{claim_date}'
    url: https://example.org/b
"""

ARTICLE = """  - id: {id}
    number: {number}
    title: {title}
    status: {status}
{basis}    text_basis: none
    sources: [src-a]
"""


def draft_yaml(draft_id: str, date: str, statuses: dict[str, str], *, kind: str = "status-report",
               based_on: str | None = None, claim: str | None = None, inferred: tuple[str, ...] = (),
               titles: dict[str, str] | None = None, claim_date: str | None = None) -> str:
    text = HEAD.format(id=draft_id, title=f"Draft {draft_id}", date=date, kind=kind, by="north",
                       based_on=f"based_on: {based_on}\n" if based_on else "", claim_date=claim_date or date)
    if claim:
        text += f"claimed_counts:\n  - {{{claim}, source: src-b}}\n"
    text += "articles:\n"
    for number, (article_id, status) in enumerate(statuses.items(), start=1):
        basis = "" if status == "unknown" else (
            "    status_basis: inferred\n    status_note: inferred from the minister's remarks\n"
            if article_id in inferred else "    status_basis: reported\n")
        title = (titles or {}).get(article_id, article_id.replace("-", " ").capitalize())
        text += ARTICLE.format(id=article_id, number=number, title=title, status=status, basis=basis)
    text += """preconditions:
  - id: constitution
    party: south
    kind: precondition
    demand: North amends its constitution
    status: open
    raised: '2024-01-01'
    sources: [src-a]
"""
    return text


def write_collection(folder: Path) -> Path:
    """drafts/ with versions dated 2024-01-04, 2024-09-11 and 2024-12-18."""
    drafts = folder / "drafts"
    drafts.mkdir(parents=True, exist_ok=True)
    (drafts / "a-2024-01-04.yaml").write_text(draft_yaml(
        "2024-01-04-proposal", "2024-01-04",
        {"recognition": "partial", "borders": "disputed", "forces": "disputed", "claims": "unknown"},
        kind="proposal"), encoding="utf-8")
    (drafts / "b-2024-09-11.yaml").write_text(draft_yaml(
        "2024-09-11-status", "2024-09-11",
        {"recognition": "agreed", "borders": "agreed", "forces": "partial", "claims": "disputed"},
        based_on="2024-01-04-proposal", claim="agreed: 2, partial: 1, disputed: 1, speaker: Leader",
        inferred=("forces",)), encoding="utf-8")
    (drafts / "c-2024-12-18.yaml").write_text(draft_yaml(
        "2024-12-18-status", "2024-12-18",
        {"recognition": "agreed", "borders": "agreed", "forces": "agreed", "claims": "disputed"},
        based_on="2024-09-11-status", claim="agreed: 3, disputed: 1, speaker: Leader"), encoding="utf-8")
    return drafts
