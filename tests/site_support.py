"""A small fictional collection for the site tests, with markup and a script planted in its texts."""

from __future__ import annotations

from pathlib import Path

PLANTED = "<script>document.documentElement.setAttribute('data-pwned', 'yes')</script>"
"""Planted in an article's text: a site that runs it sets data-pwned on <html>."""
PLANTED_IMG = '<img src="https://example.org/x.png" onerror="document.title=\'pwned\'">'

_SOURCES = """\
sources:
  - id: src-1
    title: Minister's statement
    publisher: Example News
    date: 2024-01-05
    url: https://example.org/statement
    quote: "some regression but some progress </blockquote><script>alert(1)</script>"
"""

_V1 = """\
schema_version: 1
agreement: test-peace
id: v1-alpha-proposal
title: Alpha's first proposal
date: 2024-01-04
kind: proposal
proposed_by: alpha
stage: negotiating
parties: [alpha, beta]
summary: "Alpha proposes three articles [src-1]."
{sources}claimed_counts:
  - {{agreed: 1, total: 3, source: src-1}}
articles:
  - id: recognition
    number: 1
    title: Mutual recognition
    status: agreed
    status_basis: reported
    text: "The Parties recognize each other's sovereignty. {planted}"
    text_basis: summary
    sources: [src-1]
  - id: forces
    number: 2
    title: Third-party forces
    status: disputed
    status_basis: inferred
    status_note: "Only two articles were left open \\u202e; this is one."
    positions:
      alpha: {{text: "Ban along the whole border {img}", basis: summary, sources: [src-1]}}
      beta: {{text: Ban only on delimited sections, basis: summary, sources: [src-1]}}
    sources: [src-1]
  - id: claims
    number: 3
    title: Interstate claims
    status: partial
    status_basis: reported
    text: Each Party withdraws its claims.
    text_basis: summary
    sources: [src-1]
preconditions:
  - id: constitution
    party: beta
    kind: precondition
    demand: "Alpha amends its constitution <b>now</b>."
    status: open
    raised: 2024-01-04
    sources: [src-1]
"""

_V2 = """\
schema_version: 1
agreement: test-peace
id: v2-beta-reply
title: Beta's reply
date: 2024-03-01
date_precision: month
kind: counter-proposal
proposed_by: beta
based_on: v1-alpha-proposal
stage: negotiating
parties: [alpha, beta]
{sources}articles:
  - id: recognition
    number: 1
    title: Mutual recognition
    status: agreed
    status_basis: reported
    text: "The Parties recognize each other's sovereignty and borders. {planted}"
    text_basis: summary
    sources: [src-1]
  - id: claims
    number: 2
    title: Interstate claims
    status: agreed
    status_basis: reported
    text: Each Party withdraws its claims within one month.
    text_basis: summary
    sources: [src-1]
  - id: forces
    number: 3
    title: Third-party forces
    status: partial
    status_basis: reported
    positions:
      alpha: {{text: "Ban along the whole border {img}", basis: summary, sources: [src-1]}}
    sources: [src-1]
preconditions:
  - id: constitution
    party: beta
    kind: precondition
    demand: "Alpha amends its constitution <b>now</b>."
    status: withdrawn
    raised: 2024-01-04
    sources: [src-1]
"""

_V3 = """\
schema_version: 1
agreement: test-peace
id: v3-status
title: Status reported in April
date: 2024-04-20
kind: status-report
proposed_by: joint
based_on: v2-beta-reply
stage: finalized
parties: [alpha, beta]
article_coverage: none
summary: "Both said the text is nearly done [src-1]."
attested_by: [src-1]
{sources}"""


def write_collection(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in (("v1-alpha-proposal", _V1), ("v2-beta-reply", _V2), ("v3-status", _V3)):
        body = text.format(sources=_SOURCES, planted=PLANTED.replace('"', '\\"'), img=PLANTED_IMG.replace('"', '\\"'))
        (folder / f"{name}.yaml").write_text(body, encoding="utf-8")
    return folder
