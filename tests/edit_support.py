"""A fictional draft written the way the bundled drafts are, with comments where editors put them.

The texts are invented for the tests (parties alpha and beta); imported as ``edit_support``.
"""

from __future__ import annotations

import difflib
from pathlib import Path
from typing import Any

EDIT_DRAFT = """\
# yaml-language-server: $schema=../schema/draft.schema.json
# A fictional status report, for the edit tests.
schema_version: 1
agreement: test-peace
id: t-2024-09
title: "Status of the test text, September 2024"
date: 2024-09-11
kind: status-report
proposed_by: alpha
based_on: t-2024-06
stage: negotiating
parties: [alpha, beta]
summary: >-
  Alpha's minister said two articles were open [src-1]. This summary is long enough to be folded
  over two lines by its author.
notes: Kept as a note.
attested_by: [src-1]
sources:
  - id: src-1
    title: "[Minister's statement]"
    publisher: Example News
    date: 2024-09-11
    url: "https://example.org/statement"
    quote: 'two articles remain open'
    language: en
  - id: src-2
    title: Second report
    publisher: Other News
    notes: >-
      A second report; its notes are folded the way the drafts fold them, at about a hundred
      characters.
claimed_counts:
  - agreed: 1
    disputed: 2
    total: 3
    speaker: Alpha's minister
    date: 2024-09-11
    source: src-1
articles:
  - id: recognition
    number: 1
    title: Mutual recognition
    status: agreed
    status_basis: reported
    sources: [src-1]  # the minister named it
  # Article 2 is the hard one.
  - id: third-party-forces
    number: 2
    title: >-
      Security and confidence-building measures, prohibition of third-party military deployments on the
      border
    status: disputed
    status_basis: reported
    status_note: >-
      Open, said the minister [src-1].
    text: |
      The Parties shall not deploy
      forces of third countries.
    # the wording above is a summary
    text_basis: summary
    sources: [src-1]
  - id: claims
    number: 3
    title: Interstate claims
    status: disputed
    status_basis: reported
    sources: [src-1, src-2]
preconditions:
  - id: constitution-change
    party: beta
    kind: precondition
    demand: Alpha amends its constitution.
    status: open
    raised: 2024-02-01
    sources: [src-2]
# end of the draft
"""

BASE_DRAFT = EDIT_DRAFT.replace("id: t-2024-09\n", "id: t-2024-06\n").replace(
    "based_on: t-2024-06\n", "").replace("date: 2024-09-11\nkind", "date: 2024-06-01\nkind").replace(
    "    date: 2024-09-11\n    source: src-1", "    date: 2024-06-01\n    source: src-1")


def make_folder(root: Path, text: str = EDIT_DRAFT, name: str = "t-2024-09.yaml") -> Path:
    """A drafts folder with the edited draft and the version it is based on; returns the edited file."""
    folder = root / "drafts"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "t-2024-06.yaml").write_text(BASE_DRAFT, encoding="utf-8")
    path = folder / name
    path.write_bytes(text.encode("utf-8") if isinstance(text, str) else text)
    return path


def changed_lines(old: str, new: str) -> list[str]:
    """The ``-``/``+`` lines of a diff, nothing else: what a reviewer would see change."""
    return [line.rstrip("\n") for line in difflib.unified_diff(old.splitlines(True), new.splitlines(True), n=0)
            if line[:1] in "+-" and not line.startswith(("+++", "---"))]


def run(capsys: Any, *args: str) -> tuple[int, str, str]:
    """``draftdiff ARGS`` in this process: the exit code, then what it printed to stdout and stderr."""
    from draftdiff.cli import main

    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err
