"""Drafts made up for benchmarks and tests: shaped like the bundled ones, deterministic, with no real facts.

The validation benchmark reads a thousand of them and the fast reader's tests
compare both readers on them, so both must be given the same drafts: this
module is the one place they come from.
"""

from __future__ import annotations

import random

WORDS = ["the", "parties", "shall", "recognize", "respect", "sovereignty", "territorial", "integrity",
         "inviolability", "of", "borders", "commission", "delimitation", "demarcation", "within", "days",
         "after", "exchange", "instruments", "ratification", "agreement", "article", "obligations",
         "international", "law", "dispute", "settlement", "cooperation", "transit", "economic", "humanitarian",
         "cultural", "missing", "persons", "third", "party", "forces", "deploy", "along", "mutual", "border",
         "Republic", "Armenia", "Azerbaijan", "refrain", "use", "force", "threat", "political", "independence"]
STATUSES = ("agreed", "agreed", "agreed", "partial", "disputed", "unknown")


def _sentence(rng: random.Random, n: int) -> str:
    words = [rng.choice(WORDS) for _ in range(n)]
    return " ".join(words).capitalize() + "."


def generate_draft(rng: random.Random, index: int) -> str:
    """A draft shaped like the bundled ones: metadata, sources, 17 articles, preconditions."""
    day = 1 + index % 28
    lines = [
        "# yaml-language-server: $schema=../schema/draft.schema.json",
        "# A generated draft for the validation benchmark.",
        "schema_version: 1",
        "agreement: bench-peace",
        f"id: bench-{index:04d}",
        f"title: Generated proposal number {index}",
        f"date: 2024-{1 + index % 12:02d}-{day:02d}",
        "kind: proposal",
        "proposed_by: armenia",
        "stage: negotiating",
        "parties: [armenia, azerbaijan]",
        "sources:",
    ]
    for s in range(4):
        lines += [f"  - id: src-{s}", f"    title: {_sentence(rng, 8)!r}", "    publisher: Example Agency",
                  f"    date: 2024-01-{10 + s:02d}", f"    url: https://example.org/news/{index}/{s}",
                  f"    quote: \"{_sentence(rng, 14)}\""]
    lines += ["claimed_counts:", "  - {total: 17, source: src-0}", "articles:"]
    for a in range(17):
        status = STATUSES[(a + index) % len(STATUSES)] if a else "agreed"
        lines += [f"  - id: article-{a}", f"    number: {a + 1}", f"    title: {_sentence(rng, 5)}",
                  f"    status: {status}"]
        if status != "unknown":
            lines += ["    status_basis: reported"]
        lines += ["    text: >-"] + [f"      {_sentence(rng, 12)}" for _ in range(4)] + [
            "    text_basis: summary", "    positions:",
            f"      armenia: {{text: \"{_sentence(rng, 10)}\", basis: summary, sources: [src-1]}}",
            f"      azerbaijan: {{text: \"{_sentence(rng, 10)}\", basis: summary, sources: [src-2]}}",
            f"    sources: [src-{a % 4}]"]
    lines += ["preconditions:"]
    for p in range(3):
        lines += [f"  - id: demand-{p}", "    party: azerbaijan", "    kind: precondition",
                  f"    demand: {_sentence(rng, 12)}", "    status: open", "    raised: 2024-02-01",
                  "    sources: [src-3]"]
    return "\n".join(lines) + "\n"
