"""A small valid draft as YAML text, shared by the reader, rule and loader tests.

Tests import it as ``draft_support`` (pytest puts ``tests/`` on the path), not as
``tests.draft_support``: some wheels install a top-level ``tests`` package that
would shadow this folder.
"""

from __future__ import annotations

import textwrap

BASE_DRAFT = """\
schema_version: 1
agreement: test-peace
id: {id}
title: A test proposal
date: {date}
kind: proposal
proposed_by: alpha
{based_on}stage: negotiating
parties: [alpha, beta]
sources:
  - id: src-1
    title: Minister's statement
    publisher: Example News
    date: 2024-01-05
    url: https://example.org/statement
    quote: "some regression but some progress"
articles:
  - id: recognition
    number: 1
    title: Mutual recognition
    status: agreed
    status_basis: reported
    text: The Parties recognize each other's sovereignty.
    text_basis: summary
    sources: [src-1]
  - id: third-party-forces
    number: 2
    title: Third-party forces
    status: disputed
    status_basis: inferred
    status_note: Only two articles were left open; this is one of them.
    positions:
      alpha: {{text: Ban along the whole border, basis: summary, sources: [src-1]}}
      beta: {{text: Ban only on delimited sections, basis: summary, sources: [src-1]}}
"""


def draft_text(id: str = "d-1", date: str = "2024-01-04", based_on: str | None = None, extra: str = "") -> str:
    """A valid draft; ``extra`` is appended as more top-level YAML."""
    line = f"based_on: {based_on}\n" if based_on else ""
    return BASE_DRAFT.format(id=id, date=date, based_on=line) + textwrap.dedent(extra)
