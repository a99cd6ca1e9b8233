"""The core says how to fix a refusal in its own words; each face says it its own way, from one table.

The core's hints carry a code (``Hint.coded``); the command line words each code with its flags
(``draftdiff.cli.hints.HINTS``), the TUI's dialogs with their fields' labels (``FIELD_HINTS``).
"""

from __future__ import annotations

import ast
import string
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from edit_support import EDIT_DRAFT
from import_support import FIXTURES
from test_architecture import core_modules

from draftdiff.cli.hints import HINTS, flag_hint
from draftdiff.errors import DraftdiffError, Hint


def coded_hints() -> dict[str, set[str]]:
    """Every ``Hint.coded(text, "code", name=…)`` in the core: its code, and the blanks it fills."""
    found: dict[str, set[str]] = {}
    for path in core_modules():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "coded" \
                    and isinstance(node.func.value, ast.Name) and node.func.value.id == "Hint":
                code = node.args[1]
                assert isinstance(code, ast.Constant) and isinstance(code.value, str), f"{path}:{node.lineno}"
                found.setdefault(code.value, set()).update(k.arg for k in node.keywords if k.arg)
    return found


def blanks(wording: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(wording) if name}


def test_the_walk_finds_the_cores_codes() -> None:
    codes = coded_hints()
    assert {"status-evidence", "claim-counts", "allow-errors", "no-headings", "map-form"} <= set(codes)
    assert codes["add-source"] == {"id"}


def test_every_code_the_core_gives_is_worded_by_the_command_line_with_the_blanks_it_fills() -> None:
    from draftdiff.rules import all_rules

    codes = coded_hints()
    assert sorted(set(codes) - set(HINTS)) == []  # a code the CLI does not word would lose its flag
    rules = {rule.id for rule in all_rules()}
    assert sorted(set(HINTS) - set(codes) - rules) == []  # no wording for a code nothing gives
    for code, given in codes.items():
        assert blanks(HINTS[code]) <= given, code


def test_the_tuis_wording_is_for_codes_the_core_gives_and_names_no_flag() -> None:
    from draftdiff.tui.recording import FIELD_HINTS, field_hint

    codes = coded_hints()
    assert sorted(set(FIELD_HINTS) - set(codes)) == []
    for code, wording in FIELD_HINTS.items():
        assert "--" not in wording and blanks(wording) <= codes[code], code
    assert field_hint(Hint.coded("core words", "claim-counts")) == \
        "fill in Agreed, Partial, Disputed, Total or Agreed %"
    assert field_hint(Hint("core words")) == "core words" and field_hint(None) == ""


def test_both_faces_name_every_field_a_precondition_record_takes() -> None:
    """The dialog's hint left out Basis, which the command line's names (--basis) and the dialog has."""
    import re

    from draftdiff.cli.hints import HINTS
    from draftdiff.tui.recording import FIELD_HINTS

    flags = set(re.findall(r"--([a-z]+)", str(HINTS["precondition-nothing"])))
    labels = {w.lower() for w in re.findall(r"\b([A-Z][a-z]+)\b", FIELD_HINTS["precondition-nothing"])}
    assert flags == labels == {"status", "basis", "source", "note"}


def _data() -> dict[str, Any]:
    from draftdiff.yamlsource import parse_yaml

    data, _ = parse_yaml(EDIT_DRAFT)
    return data


def _ops(name: str, *args: Any, **kwargs: Any) -> Callable[[], Any]:
    def call() -> Any:
        from draftdiff.edit import ops

        return getattr(ops, name)(_data(), *args, **kwargs)

    return call


def _parse_maps(*values: str) -> Callable[[], Any]:
    def call() -> Any:
        from draftdiff.importer.continuity import parse_maps

        return parse_maps(values)

    return call


def _no_headings() -> Any:
    from draftdiff.importer import read_source, recognise

    return recognise(read_source(FIXTURES / "paragraphs-de.txt"))


def _bad_pattern() -> Any:
    from draftdiff.importer import read_source, recognise

    return recognise(read_source(FIXTURES / "paragraphs-de.txt"), ["("])


def _not_docx() -> Any:
    from draftdiff.importer import read_source

    return read_source(FIXTURES / "norland-v1.txt", "docx")


def _not_utf8(tmp_path: Path) -> Callable[[], Any]:
    def call() -> Any:
        from draftdiff.importer import read_source

        path = tmp_path / "latin.txt"
        path.write_bytes("Traité\n\nArticle 1\nLes Parties coopèrent.\n".encode("latin-1"))
        return read_source(path)

    return call


REFUSALS: dict[str, tuple[Callable[..., Callable[[], Any]], str | None, str | None]] = {
    # name: (the call, the flag the CLI's hint names, the setting at fault)
    "status without evidence": (lambda _: _ops("set_status", "claims", "agreed"), "--source ID", None),
    "reported without a source": (lambda _: _ops("set_status", "claims", "agreed", basis="reported"),
                                  "--source ID", None),
    "inferred without a note": (lambda _: _ops("set_status", "claims", "agreed", basis="inferred"), "--note", None),
    "unknown source": (lambda _: _ops("set_status", "claims", "agreed", sources=["src-9"]),
                       "add-source FILE --id src-9", None),
    "source in use": (lambda _: _ops("add_source", {"id": "src-2", "title": "T", "publisher": "P"}),
                      "'sources[src-2].title'", None),
    "claim without a source": (lambda _: _ops("add_claim", {"agreed": 1}), "--source ID", None),
    "claim counts nothing": (lambda _: _ops("add_claim", {"source": "src-1"}), "--agreed", None),
    "precondition, nothing to set": (lambda _: _ops("set_precondition", "constitution-change"), "--status", None),
    "precondition reported without a source": (
        lambda _: _ops("set_precondition", "constitution-change", basis="reported"), "--source ID", None),
    "precondition inferred without a note": (
        lambda _: _ops("set_precondition", "constitution-change", basis="inferred"), "--note", None),
    "map without =": (lambda _: _parse_maps("VII"), "--map '5 bis=", "map"),
    "map twice": (lambda _: _parse_maps("VII=a", "vii=b"), None, "map"),
    "no headings": (lambda _: _no_headings, "--heading-pattern", None),
    "bad heading pattern": (lambda _: _bad_pattern, None, "heading_pattern"),
    "not a Word file": (lambda _: _not_docx, "--format", "format"),
    "not UTF-8": (_not_utf8, "--encoding", None),
}


@pytest.mark.parametrize("name", list(REFUSALS))
def test_a_core_refusal_names_no_flag_and_the_command_line_adds_it(name: str, tmp_path: Path) -> None:
    make, flag, setting = REFUSALS[name]
    with pytest.raises(DraftdiffError) as caught:
        make(tmp_path)()
    refusal = caught.value
    core_hint = refusal.hint.text if refusal.hint else ""
    assert "--" not in str(refusal) and "--" not in core_hint
    assert refusal.setting == setting
    if flag is not None:
        worded = flag_hint(refusal.hint)
        assert worded is not None and flag in worded.text and worded.text != core_hint


def test_a_hint_with_a_blank_the_core_left_empty_is_said_in_the_cores_words() -> None:
    assert flag_hint(Hint("add the source first", "add-source")) == Hint("add the source first", "add-source")
    assert flag_hint(Hint("plain words")) == Hint("plain words") and flag_hint(None) is None


def test_a_bad_record_is_refused_with_every_problem_in_plain_words() -> None:
    """pydantic's first error only, with the data typed as a dict: "source : id: Field required (got {…})"."""
    from draftdiff.edit import ops

    problems = ops.source_problems({"id": None, "title": None, "publisher": "Pub", "date": "2025-13-40"})
    assert problems == ["give an id (e.g. mfa-am-2025-03-13)", "give a title",
                        "the date 2025-13-40 is not a real calendar date: there is no month 13"]
    with pytest.raises(DraftdiffError) as caught:
        _ops("add_source", {"id": "src-9", "publisher": "Pub", "date": "2025-13-40"})()
    said = str(caught.value)
    assert said == "source src-9: give a title; the date 2025-13-40 is not a real calendar date: there is no month 13"
    assert "{" not in said and "Field required" not in said
