"""Diagnostics: the plain result of validation, which every output format renders."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from typing import Literal

from draftdiff.errors import EXIT_TROUBLE

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

    def __post_init__(self) -> None:
        # A hint that the message already says ("did you mean 'title'?") would be read twice, as in a
        # GitHub annotation that shows both: keep it only when it adds something.
        if self.hint is not None and (not self.hint.strip() or self.hint.strip() in self.message):
            object.__setattr__(self, "hint", None)

    def as_dict(self) -> dict[str, object]:
        return asdict(self)


@dataclass
class Report:
    """The outcome of validating a set of files, or why they could not be validated (``failure``)."""

    files: list[str] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    drafts: int = 0
    failure: str | None = None
    """Why validation could not run (no such path, no drafts in a folder): no file was checked (exit 2)."""

    @property
    def errors(self) -> int:
        return sum(1 for d in self.diagnostics if d.severity == "error")

    @property
    def warnings(self) -> int:
        return sum(1 for d in self.diagnostics if d.severity == "warning")

    def sorted(self) -> list[Diagnostic]:
        return sorted(self.diagnostics, key=lambda d: (d.file, d.line, d.col, d.rule, d.message))

    def summary(self) -> str:
        """``2 errors, 0 warnings in 4 files``, ``18 files valid (18 drafts)`` or ``could not run: …``."""
        if self.failure is not None:
            return f"could not run: {self.failure}"
        files = len(self.files)
        noun = "file" if files == 1 else "files"
        if self.errors or self.warnings:
            return (f"{self.errors} error{'s' * (self.errors != 1)}, "
                    f"{self.warnings} warning{'s' * (self.warnings != 1)} in {files} {noun}")
        return f"{files} {noun} valid ({self.drafts} draft{'s' * (self.drafts != 1)})"

    def exit_code(self, strict: bool = False) -> int:
        """0 valid, 1 invalid (warnings count only when ``strict``), 2 could not run."""
        if self.failure is not None:
            return EXIT_TROUBLE
        if self.errors or (strict and self.warnings):
            return 1
        return 0
