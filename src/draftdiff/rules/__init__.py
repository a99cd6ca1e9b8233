"""Validation rules: one module per rule, the module docstring is the rule's documentation.

A rule module defines ``ID``, ``SEVERITY`` and ``check(ctx)``; rules that the
reader itself enforces (syntax, encoding, schema) are documented in
:mod:`draftdiff.rules.reader` and have no ``check``. A rule that looks at each
draft on its own, never at another draft of the collection, says so with
``SCOPE = "draft"`` (and then asks its context only for ``drafts()`` and
``cited_ids``): what it finds in a draft cannot change when other drafts change.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass
from functools import cache
from typing import Literal

from draftdiff.diagnostics import Diagnostic, Severity
from draftdiff.load import LoadedDraft
from draftdiff.plaindoc import plain_doc
from draftdiff.rules.context import RuleContext

RULE_MODULES = (
    "duplicate_draft_id",
    "based_on_exists",
    "lineage_cycle",
    "date_order",
    "agreement_mismatch",
    "duplicate_ids",
    "article_numbering",
    "article_coverage",
    "unknown_party",
    "unknown_source",
    "unused_source",
    "unknown_source_marker",
    "status_basis",
    "text_basis",
    "verbatim_source",
    "claimed_counts",
    "duplicate_claim",
    "bracketed_agreed_text",
    "precondition_article",
    "escaped_controls",
    "hidden_characters",
)


@dataclass(frozen=True)
class Rule:
    id: str
    severity: Severity
    summary: str
    doc: str
    check: Callable[[RuleContext], Iterable[Diagnostic]] | None = None
    scope: Literal["draft", "collection"] = "collection"
    """``draft``: the rule looks at each draft alone; ``collection``: across the drafts (lineage, ids, dates)."""


@cache
def all_rules() -> tuple[Rule, ...]:
    """Every rule: the reader's first, then the collection rules in run order."""
    from draftdiff.rules.reader import reader_rules

    rules = list(reader_rules())
    for name in RULE_MODULES:
        module = importlib.import_module(f"draftdiff.rules.{name}")
        doc = plain_doc(module.__doc__)
        rules.append(Rule(module.ID, module.SEVERITY, doc.splitlines()[0] if doc else "", doc, module.check,
                          getattr(module, "SCOPE", "collection")))
    return tuple(rules)


def run_rules(ctx: RuleContext, settled: Collection[LoadedDraft] = ()) -> list[Diagnostic]:
    """Every rule's findings; for the drafts in ``settled`` only those of the rules across drafts.

    ``settled`` are drafts whose own findings the caller has no use for: the write path
    checks a folder before and after a change, and a draft the change does not touch
    gets the same findings from the per-draft rules both times.
    """
    own = ctx
    if settled:
        skip = {id(item) for item in settled}
        own = RuleContext([item for item in ctx.files if id(item) not in skip], ctx.invalid)
    found: list[Diagnostic] = []
    for rule in all_rules():
        if rule.check is not None:
            found.extend(rule.check(own if rule.scope == "draft" else ctx))
    return found


__all__ = ["Rule", "RuleContext", "all_rules", "plain_doc", "run_rules"]
