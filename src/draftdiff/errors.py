"""Every way draftdiff can stop short, as one family of exceptions, each with its exit code.

The core raises them with a message that says what is wrong and how to fix it,
in the negotiator's words; the faces turn them into output. The command line
does so in one place (:func:`draftdiff.cli.main`): the message, then the exit
code the error carries. ``setting`` names the input at fault (``"as_of"``,
``"follow_links"``…), so that a face can name its own way of giving it (the
command line: ``--as-of``) without the core knowing any flag.
"""

from __future__ import annotations

EXIT_OK, EXIT_FINDINGS, EXIT_TROUBLE = 0, 1, 2
"""0 ok; 1 findings, a mismatch or a refusal; 2 could not run."""


class DraftdiffError(Exception):
    """draftdiff could not do what was asked; the message says why (exit 2 unless a kind says otherwise)."""

    exit_code: int = EXIT_TROUBLE

    def __init__(self, message: str = "", *, setting: str | None = None) -> None:
        super().__init__(message)
        self.setting = setting
        """The input at fault, by name (``"as_of"``, ``"draft"``), for a face to name its own way of giving it."""


class CouldNotRun(DraftdiffError):
    """Input draftdiff cannot work with: a missing file, bad arguments, git failing (exit 2)."""

    exit_code = EXIT_TROUBLE


class Refused(DraftdiffError):
    """draftdiff ran and refuses what was asked, on its findings (exit 1)."""

    exit_code = EXIT_FINDINGS


__all__ = ["EXIT_FINDINGS", "EXIT_OK", "EXIT_TROUBLE", "CouldNotRun", "DraftdiffError", "Refused"]
