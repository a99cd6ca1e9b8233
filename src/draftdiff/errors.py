"""Every way draftdiff can stop short, as one family of exceptions, each with its exit code.

The core raises them with a message that says what is wrong and how to fix it,
in the negotiator's words; the faces turn them into output. The command line
does so in one place (:func:`draftdiff.cli.main`): the message, then the exit
code the error carries. The core knows no flag and no form field. Two things let a
face say the rest its own way:

- ``setting`` names the input at fault (``"as_of"``, ``"map"``…), for a face to
  name its own way of giving it (the command line appends ``(--as-of)``);
- a :class:`Hint` says how to put it right in the core's words, with a stable
  ``code`` under which a face keeps its own wording (the command line's flags,
  the TUI's field names). Each face keeps those in one table:
  :mod:`draftdiff.cli.hints`, :mod:`draftdiff.tui.recording`.
"""

from __future__ import annotations

from dataclasses import dataclass

EXIT_OK, EXIT_FINDINGS, EXIT_TROUBLE = 0, 1, 2
"""0 ok; 1 findings, a mismatch or a refusal; 2 could not run."""


@dataclass(frozen=True)
class Hint:
    """How to put a refusal right: ``text`` in the core's words, naming no flag and no field.

    ``code`` names the remedy, stable across releases, so that a face can say it
    its own way (``"status-evidence"``: the command line says "give --source ID
    (reported), or --basis inferred --note 'from what'"); ``values`` fill the
    blanks of a face's wording (the id of a source to add). Without a code, or
    for a face with no wording of its own for it, ``text`` is what is shown.
    """

    text: str
    code: str | None = None
    values: tuple[tuple[str, str], ...] = ()

    def __str__(self) -> str:
        return self.text

    @classmethod
    def coded(cls, text: str, code: str, **values: str) -> Hint:
        """A hint a face may word its own way: ``Hint.coded("add the source first", "add-source", id=sid)``."""
        return cls(text, code, tuple(values.items()))

    @classmethod
    def of(cls, hint: str | Hint | None) -> Hint | None:
        """A hint from the core's plain words (no face words it otherwise), or the hint itself."""
        return cls(hint) if isinstance(hint, str) else hint

    def blanks(self) -> dict[str, str]:
        """The values, for a face's wording (``str.format_map``)."""
        return dict(self.values)


class DraftdiffError(Exception):
    """draftdiff could not do what was asked; the message says why (exit 2 unless a kind says otherwise)."""

    exit_code: int = EXIT_TROUBLE

    def __init__(self, message: str = "", *, setting: str | None = None, hint: str | Hint | None = None) -> None:
        super().__init__(message)
        self.setting = setting
        """The input at fault, by name (``"as_of"``, ``"draft"``), for a face to name its own way of giving it."""
        self.hint = Hint.of(hint)
        """How to put it right (None: the message says it already)."""


class CouldNotRun(DraftdiffError):
    """Input draftdiff cannot work with: a missing file, bad arguments, git failing (exit 2)."""

    exit_code = EXIT_TROUBLE


class Refused(DraftdiffError):
    """draftdiff ran and refuses what was asked, on its findings (exit 1)."""

    exit_code = EXIT_FINDINGS


__all__ = ["EXIT_FINDINGS", "EXIT_OK", "EXIT_TROUBLE", "CouldNotRun", "DraftdiffError", "Hint", "Refused"]
