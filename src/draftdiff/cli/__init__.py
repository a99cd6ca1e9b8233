"""The ``draftdiff`` command: a thin face over the core; each subcommand is its own module.

A subcommand module defines ``HELP``, ``add_arguments(parser)`` and
``run(args) -> int``. Nothing heavy is imported until a command runs, so
``draftdiff validate`` never loads Textual.
"""

from __future__ import annotations

import argparse
import errno
import importlib
import os
import re
import sys
from collections.abc import Iterable, Sequence
from typing import Any, NoReturn, TextIO

from draftdiff import __version__
from draftdiff.cli.hints import FLAGS, HINTS, describe, flag_hint, with_flag_hints
from draftdiff.errors import EXIT_FINDINGS, EXIT_OK, EXIT_TROUBLE, CouldNotRun, DraftdiffError

COMMANDS = ("validate", "schema", "rules", "diff", "textconv", "tui", "status", "snapshot", "site",
            "new-version", "add-source", "set-status", "add-claim", "set-precondition", "set", "fmt", "import")
"""Subcommand names, each a module ``draftdiff.cli.<name>`` (dashes become underscores)."""

__all__ = ["EXIT_FINDINGS", "EXIT_OK", "EXIT_TROUBLE", "FLAGS", "HINTS", "UsageError", "describe", "flag_hint",
           "main", "with_flag_hints", "write_output"]

MODULES = {"import": "import_cmd"}
"""Commands whose module is named otherwise: ``import`` is a Python keyword, so no module can bear it."""


def module_of(command: str) -> str:
    """The module that implements a command."""
    return f"draftdiff.cli.{MODULES.get(command, command.replace('-', '_'))}"


class UsageError(CouldNotRun):
    """Bad arguments or input the command cannot run with (exit 2)."""


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The argument parser; with ``only``, just that command's module is imported (faster start-up)."""
    from draftdiff.plaindoc import plain_doc

    parser = argparse.ArgumentParser(
        prog="draftdiff",
        description="Versions of a negotiated agreement: status board, redlines, validation, snapshots.",
    )
    parser.add_argument("--version", action="version", version=f"draftdiff {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMANDS if only is None else (only,):
        module = importlib.import_module(module_of(name))
        command = sub.add_parser(name, help=module.HELP, description=plain_doc(module.__doc__))
        module.add_arguments(command)
        command.set_defaults(_module=module)
    return parser


class VisibleStream:
    """A text stream that writes every control and hidden mark as an escape (:func:`draftdiff.textsafe.visible`).

    :func:`main` puts one in place of ``sys.stdout`` and ``sys.stderr`` while a
    command runs, so that nothing a command prints (a message quoting a file
    name, an id, an argument; argparse's own errors) can reach the terminal as a
    raw escape sequence, bell or carriage return, whichever module printed it.
    Text already made visible passes unchanged (an escape is plain characters).
    Tab, line feed and the CR LF line end (CSV) are kept; bytes written to
    ``.buffer`` (a .docx to a file or pipe) pass as they are. Colour codes pass
    only once the command has asked for colour (:meth:`allow_style`), and only
    the ones :func:`draftdiff.render.ansi.style` writes.
    """

    _SGR = re.compile(r"(\x1b\[[0-9;]*m)")

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream
        self._codes: frozenset[str] = frozenset()

    def allow_style(self, codes: frozenset[str]) -> None:
        """Let the colour sequences ``ESC [ code ; … m`` of these codes through (the command asked for colour)."""
        self._codes = codes

    def _visible(self, text: str) -> str:
        from draftdiff.textsafe import visible

        if not self._codes or "\x1b" not in text:
            return visible(text)
        parts = self._SGR.split(text)  # odd items: the colour sequences (``set`` here is draftdiff.cli.set)
        return "".join(part if i % 2 and frozenset(part[2:-1].split(";")) <= self._codes else visible(part)
                       for i, part in enumerate(parts))

    def write(self, text: str) -> int:
        if "\r\n" in text:
            self._stream.write("\r\n".join(self._visible(part) for part in text.split("\r\n")))
        else:
            self._stream.write(self._visible(text))
        return len(text)

    def writelines(self, lines: Iterable[str]) -> None:
        for line in lines:
            self.write(line)

    def __getattr__(self, name: str) -> Any:  # flush, buffer, fileno, isatty, encoding: the stream's own
        return getattr(self._stream, name)


def main(argv: Sequence[str] | None = None) -> int:
    """Run a command; every failure becomes a message and an exit code, never a traceback.

    Everything printed on the way goes through :class:`VisibleStream`.
    """
    out, err = sys.stdout, sys.stderr
    if isinstance(out, VisibleStream) or out is None or err is None:
        return _main(argv)
    sys.stdout, sys.stderr = VisibleStream(out), VisibleStream(err)
    try:
        return _main(argv)
    finally:
        sys.stdout, sys.stderr = out, err


def _main(argv: Sequence[str] | None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    if not args_list and "tui" in COMMANDS:
        args_list = ["tui"]
    try:
        parser = build_parser(args_list[0] if args_list and args_list[0] in COMMANDS else None)
        try:
            args = parser.parse_args(args_list)
        except SystemExit as exc:  # argparse: --help (0) or usage error (2)
            return int(exc.code or 0)
        if getattr(args, "_module", None) is None:
            parser.print_help()
            return EXIT_TROUBLE
        return int(args._module.run(args))
    except DraftdiffError as exc:  # every kind the core and the commands raise: its message, its exit code
        print(f"draftdiff: {describe(exc)}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        _silence_stdout()
        return EXIT_OK
    except OSError as exc:
        if exc.errno in _WRITE_ERRNOS:  # stdout written past write_output (a print): same message
            print(f"draftdiff: cannot write the output: {exc.strerror}", file=sys.stderr)
            _silence_stdout()
            return EXIT_TROUBLE
        return _internal_error(exc)
    except Exception as exc:  # the boundary: report, never a traceback
        return _internal_error(exc)


_WRITE_ERRNOS = (errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EIO)
"""A full disk or device, a quota, a file too big, a lost terminal: the output could not be written."""


def _internal_error(exc: Exception) -> int:
    if os.environ.get("DRAFTDIFF_DEBUG"):
        raise exc
    from draftdiff.textsafe import visible

    print(f"draftdiff: internal error: {type(exc).__name__}: {visible(str(exc))} "
          "(set DRAFTDIFF_DEBUG=1 for a traceback, and please report it)", file=sys.stderr)
    return EXIT_TROUBLE


def entry() -> NoReturn:
    """The console script and ``python -m draftdiff``: the command's settings, then run and exit.

    pydantic plugins are off (see :mod:`draftdiff.cli.plugins`). Nothing else about
    the process is changed: the collector, the descriptors and the interpreter run
    as Python sets them, for the command as for a program that imports draftdiff.
    """
    from draftdiff.cli.plugins import plugins_off

    plugins_off()
    raise SystemExit(main())


def _silence_stdout() -> None:
    """After a closed pipe (``| head``), stop Python complaining at exit."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except OSError:
        pass


def refuse_binary_to_terminal(what: str, output: str | None) -> None:
    """A binary file (a .docx) is never printed to a terminal: say how to write it instead (exit 2)."""
    if (not output or output == "-") and sys.stdout.isatty():
        raise UsageError(f"{what} is a binary file and standard output is a terminal; "
                         "write it with -o FILE (or redirect: > FILE)")


def write_output(content: str | bytes, output: str | None) -> None:
    """Write text or bytes to ``-o FILE`` atomically, or to stdout (bytes never to a terminal); a write
    that fails is a message (exit 2).

    ``-o FILE`` replaces FILE, as asked, but only once the whole text is written
    and synced beside it: a failure (disk full, no permission, no such folder)
    leaves no partial file, keeps any existing FILE as it was, and says so.
    """
    data = content.encode("utf-8") if isinstance(content, str) else content
    if not output or output == "-":
        try:
            if isinstance(content, bytes):
                refuse_binary_to_terminal("the output", output)
                sys.stdout.flush()
                sys.stdout.buffer.write(content)
                sys.stdout.buffer.flush()
            else:
                sys.stdout.write(content)
                sys.stdout.flush()
        except BrokenPipeError:
            raise
        except OSError as exc:  # a full disk or device (``> /dev/full``), a lost terminal
            raise UsageError(f"cannot write to standard output: {exc.strerror or exc}") from None
        return
    import os

    from draftdiff.atomic import write_atomic

    existed, special = os.path.lexists(output), _is_special(output)
    try:
        if special:  # /dev/null, /dev/stdout, a FIFO: write to it; a rename would replace it
            with open(output, "wb") as handle:
                handle.write(data)
        else:
            write_atomic(output, data)
    except OSError as exc:
        kept = "" if special else f"; {output} is unchanged" if existed else "; no file was written"
        raise UsageError(f"cannot write {output}: {exc.strerror or exc}{kept}") from None


def _is_special(output: str) -> bool:
    """An existing target that is not a regular file or a folder (a device, a FIFO, a socket)."""
    import stat

    try:
        mode = os.stat(output).st_mode
    except OSError:
        return False
    return not (stat.S_ISREG(mode) or stat.S_ISDIR(mode))
