"""Diagnostics: the plain result of validation, which every output format renders."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from typing import Literal

Severity = Literal["error", "warning"]


def closest(word: str, choices: Iterable[str]) -> str | None:
    """The choice a typo most likely meant, for a "did you mean …?" hint.

    difflib is imported here, not at the top: a valid file never needs it.
    """
    import difflib

    found = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return found[0] if found else None


@dataclass(frozen=True, order=True)
class Diagnostic:
    """One finding at ``file:line:col`` (1-based), named by the rule that found it."""

    file: str
    line: int
    col: int
    severity: Severity
    rule: str
    message: str
    hint: str | None = None

    def as_dict(self) -> dict[str, object]:
        return asdict(self)


@dataclass
class Report:
    """The outcome of validating a set of files."""

    files: list[str] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    drafts: int = 0

    @property
    def errors(self) -> int:
        return sum(1 for d in self.diagnostics if d.severity == "error")

    @property
    def warnings(self) -> int:
        return sum(1 for d in self.diagnostics if d.severity == "warning")

    def sorted(self) -> list[Diagnostic]:
        return sorted(self.diagnostics, key=lambda d: (d.file, d.line, d.col, d.rule, d.message))

    def exit_code(self, strict: bool = False) -> int:
        """0 valid, 1 invalid (warnings count only when ``strict``)."""
        if self.errors or (strict and self.warnings):
            return 1
        return 0
