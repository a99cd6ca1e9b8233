"""Validation rules: one module per rule, the module docstring is the rule's documentation.

A rule module defines ``ID``, ``SEVERITY`` and ``check(ctx)``; rules that the
reader itself enforces (syntax, encoding, schema) are documented in
:mod:`draftdiff.rules.reader` and have no ``check``.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache

from draftdiff.diagnostics import Diagnostic, Severity
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
    "status_basis",
    "text_basis",
    "verbatim_source",
    "claimed_counts",
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


@cache
def all_rules() -> tuple[Rule, ...]:
    """Every rule: the reader's first, then the collection rules in run order."""
    from draftdiff.rules.reader import reader_rules

    rules = list(reader_rules())
    for name in RULE_MODULES:
        module = importlib.import_module(f"draftdiff.rules.{name}")
        doc = plain_doc(module.__doc__)
        rules.append(Rule(module.ID, module.SEVERITY, doc.splitlines()[0] if doc else "", doc, module.check))
    return tuple(rules)


def run_rules(ctx: RuleContext) -> list[Diagnostic]:
    found: list[Diagnostic] = []
    for rule in all_rules():
        if rule.check is not None:
            found.extend(rule.check(ctx))
    return found


__all__ = ["Rule", "RuleContext", "all_rules", "plain_doc", "run_rules"]
