"""Changing draft files without loss: one verified write path for every face that writes.

The public API (everything else in the package is internal)::

    from draftdiff.edit import apply_edit, ops

    result = apply_edit("drafts/x.yaml", lambda data: ops.set_status(data, "third-party-forces", "agreed",
                                                                     sources=["mfa-am-2025-03-13"]),
                        dry_run=False, allow_errors=False)
    result.changes    # ["x.yaml: Article 7 third-party-forces: disputed → agreed (source mfa-am-2025-03-13)"]
    result.diff       # the unified diff of the file (also on a dry run)
    result.findings   # Diagnostics the edit adds to the folder's collection (errors and warnings)
    result.notes      # what else the edit found out ("the board fits this claim")
    result.refused    # None, or why nothing was written (result.hint: how to fix it, an errors.Hint)
    result.written    # True once the file is on disk
    result.exit_code  # 0 written or nothing to do, 1 refused

- :func:`apply_edit(path, edit, *, dry_run, allow_errors, target=None) <apply_edit>` runs the write
  path (see :mod:`draftdiff.edit.writepath`). ``edit`` is an :class:`Edit` or a function of the
  file's plain data that returns one; with ``target`` the result goes to that new file, which must
  not exist (``new-version``, an importer). Raises :class:`CannotEdit` (exit 2) when the file
  cannot be read at all.
- :mod:`draftdiff.edit.ops`: the edits as pure functions of the data, each returning an
  :class:`Edit`: ``set_status``, ``add_source``, ``add_claim``, ``set_precondition``, ``set_field``
  (one field addressed by ids, e.g. ``articles[third-party-forces].status_note``) and
  ``new_version``. They raise :class:`EditRefused` (reason and hint) on a bad id or value.
- An :class:`Edit` is a list of :class:`Mutation` (``set`` a key, ``append`` to a list, ``delete``
  a key; paths as in the plain data) plus one change line per change. A face with changes of its
  own (the TUI, an importer) builds one directly.
- :func:`format_file(path, check=...) <format_file>` brings a file to the canonical layout
  (``draftdiff fmt``); :func:`canonical_bytes` gives that layout for bytes in memory (an importer
  writing a new draft uses it, then :func:`write_new_draft`).
- :func:`write_new_draft(path, data, *, known=...) <write_new_draft>` writes plain data as a new
  file, with the same proofs; ``known`` are drafts of its folder the caller loaded already (an
  import's base), used for the collection check only while their files hold the same bytes.
"""

from __future__ import annotations

from typing import Any

__all__ = ["CannotEdit", "Edit", "EditRefused", "EditResult", "FormatResult", "Mutation", "apply_edit",
           "canonical_bytes", "format_file", "ops", "write_new_draft"]

_WHERE = {
    "CannotEdit": "writepath", "Edit": "writepath", "EditResult": "writepath", "apply_edit": "writepath",
    "EditRefused": "tree", "Mutation": "tree",
    "FormatResult": "canonical", "canonical_bytes": "canonical", "format_file": "canonical",
    "write_new_draft": "canonical",
}


def __getattr__(name: str) -> Any:
    """Lazy: ``import draftdiff.edit`` costs nothing until an edit is made."""
    import importlib

    if name == "ops":
        return importlib.import_module("draftdiff.edit.ops")
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(name)
    return getattr(importlib.import_module(f"draftdiff.edit.{module}"), name)
