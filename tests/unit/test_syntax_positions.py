"""A YAML syntax error is reported at a line the file has, where the trouble began (README, Validating drafts).

The C reader notices an unclosed quote, ``[`` or ``{`` only at the end of the file, one line past the
last, or, for a quote closed by the next quote in the file, many lines below where the quote opened.
"""

from __future__ import annotations

import re

import pytest
from draft_support import draft_text
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from paths import ROOT

from draftdiff.diagnostics import Diagnostic
from draftdiff.load import read_draft

BUNDLED = (ROOT / "drafts" / "2022-03-14-azerbaijan-five-principles.yaml").read_text(encoding="utf-8")


def rows(text: str) -> list[str]:
    """The file's lines as an editor shows them (LF, CRLF or CR ends one; a final break starts none)."""
    found = re.split(r"\r\n|\r|\n", text)
    if len(found) > 1 and found[-1] == "":
        found.pop()
    return found


def outside(text: str, diagnostics: list[Diagnostic]) -> list[tuple[int, int, str]]:
    """The findings at a line the file does not have, or past the end of their line."""
    lines = rows(text)
    return [(d.line, d.col, d.message) for d in diagnostics
            if not 1 <= d.line <= len(lines) or not 1 <= d.col <= len(lines[d.line - 1]) + 1]


def syntax(text: str) -> Diagnostic:
    loaded = read_draft(text.encode(), "x.yaml")
    [found] = [d for d in loaded.diagnostics if d.rule == "yaml-syntax"]
    return found


@pytest.mark.parametrize("quote", ['"', "'"])
def test_a_quote_left_open_at_the_end_is_reported_where_it_opens(quote: str) -> None:
    text = draft_text() + f"x_note: {quote}never closed\n"
    d = syntax(text)
    assert (d.line, d.col) == (len(rows(text)), 9)
    assert f"opened here with {quote} is never closed: the file ends inside it" in d.message
    assert d.hint is not None and f"add the closing {quote}" in d.hint


def test_a_quote_closed_by_a_later_quote_is_reported_where_it_opens_and_names_where_the_reader_gave_up() -> None:
    text = draft_text().replace("title: A test proposal", 'title: "A test proposal')
    assert rows(text)[3] == 'title: "A test proposal' and rows(text)[15] == '    quote: "some regression but some progress"'
    d = syntax(text)
    assert (d.line, d.col) == (4, 8)
    assert "string opened here is not closed where it should be" in d.message
    assert 'ran it on to the " at 16:12 and gave up at 16:13' in d.message


def test_a_multi_line_quoted_string_indented_beneath_its_key_is_not_blamed() -> None:
    text = draft_text(extra='notes: "one line\n  and the next"\nx: [1, 2\ny: 3\n')
    d = syntax(text)
    assert "string opened here" not in d.message
    assert (d.line, d.col) == (len(rows(text)), 2)
    assert f"flow sequence that starts at {len(rows(text)) - 1}:4" in d.message
    assert d.hint is not None and "closing ']'" in d.hint


@pytest.mark.parametrize(("extra", "opener", "closer"), [("x: [1, 2\n", "[", "]"), ("x: {a: 1\n", "{", "}"),
                                                         ("x: [1, [2, 3]\n# end\n\n", "[", "]")])
def test_a_flow_collection_left_open_at_the_end_is_reported_where_it_opens(extra: str, opener: str,
                                                                         closer: str) -> None:
    text = draft_text(extra=extra)
    d = syntax(text)
    line = rows(text).index(extra.splitlines()[0]) + 1
    assert (d.line, d.col) == (line, 4)
    assert f"opened here with '{opener}' is never closed: the file ends inside it" in d.message
    assert d.hint == f"add the closing '{closer}' after its last item"


def test_a_key_the_file_ends_on_is_reported_where_it_starts() -> None:
    text = draft_text() + "dangling"
    d = syntax(text)
    assert (d.line, d.col) == (len(rows(text)), 1)
    assert "the file ends inside a simple key that starts here" in d.message


@pytest.mark.parametrize("brk", ["\n", "\r\n", "\r"])
def test_every_truncation_of_a_bundled_draft_is_reported_within_the_file(brk: str) -> None:
    """Cut the draft at many places: each finding is at a line the cut file has, within that line."""
    text = BUNDLED.replace("\n", brk)
    wrong = []
    for cut in range(0, len(text) + 1, max(1, len(text) // 400)):
        part = text[:cut]
        wrong += [(cut, *found) for found in outside(part, read_draft(part.encode(), "x.yaml").diagnostics)]
    assert wrong == []


@settings(deadline=None, max_examples=150, database=None, suppress_health_check=[HealthCheck.too_slow])
@example(cut=len(BUNDLED) - 1, drop=0, brk="\n")
@given(cut=st.integers(0, len(BUNDLED)), drop=st.integers(0, 3), brk=st.sampled_from(["\n", "\r\n", "\r"]))
def test_a_bundled_draft_cut_anywhere_and_a_character_dropped_is_reported_within_the_file(
        cut: int, drop: int, brk: str) -> None:
    """A truncation, or a character (a closing quote, a bracket) dropped at the cut: never a position outside."""
    text = BUNDLED[:cut] if not drop else BUNDLED[:cut] + BUNDLED[cut + 1:]
    text = text.replace("\n", brk)
    assert outside(text, read_draft(text.encode(), "x.yaml").diagnostics) == []


def test_columns_of_an_unclosed_quote_count_characters() -> None:
    text = draft_text(extra='x_note: ["Հայաստան", "never closed\n')
    d = syntax(text)
    assert (d.line, d.col) == (len(rows(text)), 22)
    assert "string opened here with \" is never closed" in d.message
