"""ruamel.yaml's known ways of changing a file on write-back: each is kept as written, or the edit is refused.

Every case edits one article's status in a file that carries the hazard elsewhere
(or right next to the edit), then checks the outcome: either the file changed in
exactly the status lines, or nothing was written and the refusal says which line
would have changed. Never a silent change.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from edit_support import EDIT_DRAFT, changed_lines, make_folder

from draftdiff.edit import apply_edit, ops

STATUS_LINES = [
    "-    status: agreed",
    "+    status: unknown",
    "-    sources: [src-1]  # the minister named it",
    "+    sources: [src-1, src-2]  # the minister named it",
]


def edit_status(path: Path) -> object:
    return apply_edit(path, lambda d: ops.set_status(d, "recognition", "unknown", sources=["src-2"]))


def with_notes(value: str) -> str:
    return EDIT_DRAFT.replace("notes: Kept as a note.", f"notes: {value}")


def outcome(tmp_path: Path, text: str | bytes) -> tuple[object, bytes, bytes]:
    path = make_folder(tmp_path, text)  # type: ignore[arg-type]
    before = path.read_bytes()
    result = edit_status(path)
    return result, before, path.read_bytes()


def lines_of(data: bytes, newline: str = "\n") -> str:
    return data.removeprefix(b"\xef\xbb\xbf").decode("utf-8").replace(newline, "\n")


# --- kept as written ------------------------------------------------------------------------------------------

@pytest.mark.parametrize("escape", [r"\e", r"\N", r"\t", r"\\", r"\"", "é", "中文", r"\L", r"\P"])
def test_escapes_ruamel_writes_the_same_way_are_kept(tmp_path: Path, escape: str) -> None:
    result, before, after = outcome(tmp_path, with_notes(f'"a {escape} b"'))
    assert result.refused is None  # type: ignore[attr-defined]
    assert changed_lines(lines_of(before), lines_of(after)) == STATUS_LINES
    assert f'notes: "a {escape} b"\n' in lines_of(after)


@pytest.mark.parametrize(("newline", "name"), [("\r\n", "CRLF"), ("\r", "CR")])
def test_line_endings_are_kept(tmp_path: Path, newline: str, name: str) -> None:
    result, before, after = outcome(tmp_path, EDIT_DRAFT.replace("\n", newline).encode())
    assert result.refused is None, name  # type: ignore[attr-defined]
    assert after.count(newline.encode()) == before.count(newline.encode())
    if newline == "\r":
        assert b"\n" not in after
    else:
        assert after.count(b"\n") == after.count(b"\r\n")
    assert changed_lines(lines_of(before, newline), lines_of(after, newline)) == STATUS_LINES


def test_mixed_line_endings_are_refused(tmp_path: Path) -> None:
    text = EDIT_DRAFT.replace("\n", "\r\n", 3)
    result, before, after = outcome(tmp_path, text.encode())
    assert result.refused and "mixes line endings" in result.refused  # type: ignore[attr-defined]
    assert after == before


def test_byte_order_mark_and_missing_final_newline_are_kept(tmp_path: Path) -> None:
    result, before, after = outcome(tmp_path, b"\xef\xbb\xbf" + EDIT_DRAFT.rstrip("\n").encode())
    assert result.refused is None  # type: ignore[attr-defined]
    assert after.startswith(b"\xef\xbb\xbf") and not after.endswith(b"\n")
    assert changed_lines(lines_of(before), lines_of(after)) == STATUS_LINES


def test_tabs_in_block_text_and_escaped_tabs_are_kept(tmp_path: Path) -> None:
    text = EDIT_DRAFT.replace("      forces of third countries.", "      forces\tof third countries.")
    result, before, after = outcome(tmp_path, with_notes('"a\\tb"').replace(EDIT_DRAFT, text) if False else
                                    text.replace("notes: Kept as a note.", 'notes: "a\\tb"'))
    assert result.refused is None  # type: ignore[attr-defined]
    assert b"forces\tof third" in after and b'notes: "a\\tb"' in after
    assert changed_lines(lines_of(before), lines_of(after)) == STATUS_LINES


@pytest.mark.parametrize("value", ["word " * 1000 + "end", '"' + "word " * 1000 + 'end"'])
def test_very_long_lines_are_not_folded(tmp_path: Path, value: str) -> None:
    result, before, after = outcome(tmp_path, with_notes(value))
    assert result.refused is None  # type: ignore[attr-defined]
    assert changed_lines(lines_of(before), lines_of(after)) == STATUS_LINES


def test_key_order_is_kept(tmp_path: Path) -> None:
    text = EDIT_DRAFT.replace("    title: Mutual recognition\n    status: agreed\n",
                              "    status: agreed\n    title: Mutual recognition\n")
    result, before, after = outcome(tmp_path, text)
    assert result.refused is None  # type: ignore[attr-defined]
    assert "    status: unknown\n    title: Mutual recognition\n" in lines_of(after)


def test_flow_and_block_lists_keep_their_style(tmp_path: Path) -> None:
    text = EDIT_DRAFT.replace("    sources: [src-1]  # the minister named it\n", "    sources:\n      - src-1\n")
    result, before, after = outcome(tmp_path, text)
    assert result.refused is None  # type: ignore[attr-defined]
    assert changed_lines(lines_of(before), lines_of(after)) == [
        "-    status: agreed", "+    status: unknown", "+      - src-2"]
    assert "parties: [alpha, beta]" in lines_of(after)


def test_flow_mappings_are_kept(tmp_path: Path) -> None:
    position = "    positions:\n      alpha: {text: Ban along the whole border, basis: summary, sources: [src-1]}\n"
    text = EDIT_DRAFT.replace("    text_basis: summary\n", "    text_basis: summary\n" + position)
    result, _, after = outcome(tmp_path, text)
    assert result.refused is None  # type: ignore[attr-defined]
    assert position in lines_of(after)


def test_a_comment_right_after_a_block_scalar_stays_outside_it(tmp_path: Path) -> None:
    path = make_folder(tmp_path)
    result = apply_edit(path, lambda d: ops.set_field(d, "articles[third-party-forces].text",
                                                      "The Parties shall not deploy\nany forces of third countries.\n"))
    assert result.refused is None
    assert changed_lines(EDIT_DRAFT, path.read_text()) == [
        "-      forces of third countries.", "+      any forces of third countries."]
    assert "      any forces of third countries.\n    # the wording above is a summary\n    text_basis" in \
        path.read_text()


def test_a_new_key_goes_before_the_comment_that_introduces_the_next_thing(tmp_path: Path) -> None:
    path = make_folder(tmp_path)
    result = apply_edit(path, lambda d: ops.set_field(d, "articles[recognition].notes", "Named by the minister."))
    assert result.refused is None, result.refused
    assert "    notes: Named by the minister.\n  # Article 2 is the hard one.\n  - id: third-party-forces" in \
        path.read_text()


def test_an_appended_source_goes_before_a_comment_on_the_next_section(tmp_path: Path) -> None:
    text = EDIT_DRAFT.replace("claimed_counts:", "# the counts\nclaimed_counts:")
    path = make_folder(tmp_path, text)
    result = apply_edit(path, lambda d: ops.add_source(d, {"id": "src-3", "title": "T", "publisher": "P"}))
    assert result.refused is None
    assert "  - id: src-3\n    title: T\n    publisher: P\n# the counts\nclaimed_counts:" in path.read_text()


def test_an_appended_precondition_note_keeps_the_tail_comment_last(tmp_path: Path) -> None:
    path = make_folder(tmp_path)
    result = apply_edit(path, lambda d: ops.set_precondition(d, "constitution-change", note="Noted."))
    assert result.refused is None
    assert path.read_text().endswith("    status_note: Noted.\n    sources: [src-2]\n# end of the draft\n")


def test_a_files_own_indentation_is_kept(tmp_path: Path) -> None:
    from ruamel.yaml import YAML

    yaml = YAML()
    yaml.preserve_quotes = True
    yaml.width = 10**9
    yaml.indent(mapping=4, sequence=4, offset=0)
    buffer = io.StringIO()
    yaml.dump(yaml.load(EDIT_DRAFT), buffer)
    path = make_folder(tmp_path, buffer.getvalue())
    before = path.read_text()
    result = apply_edit(path, lambda d: ops.add_source(d, {"id": "src-3", "title": "T", "publisher": "P"}))
    assert result.refused is None
    assert changed_lines(before, path.read_text()) == ["+-   id: src-3", "+    title: T", "+    publisher: P"]


# --- refused, file untouched ----------------------------------------------------------------------------------

@pytest.mark.parametrize("value", [
    '"a \\x1b b"',        # ruamel.yaml would write \e
    '"a \\u202e b"',      # ... the bidi control itself
    '"a \\u00e9 b"',      # ... é
    '"a \\_ b"',          # ... a raw no-break space
    "Kept as\n  a note.",  # ... one line for a plain text over two
    "Kept as a note.   ",  # ... no trailing spaces
])
def test_lines_ruamel_would_respell_are_kept_as_the_author_wrote_them(tmp_path: Path, value: str) -> None:
    result, before, after = outcome(tmp_path, with_notes(value))
    assert result.refused is None  # type: ignore[attr-defined]
    assert changed_lines(lines_of(before), lines_of(after)) == STATUS_LINES
    assert f"notes: {value}\n" in lines_of(after)


@pytest.mark.parametrize(("field", "value", "changed"), [
    # the edited key right before the author's two-line text, and right after it
    ("url", "https://example.org/s2", ['-    url: "https://example.org/statement"',
                                       '+    url: "https://example.org/s2"']),
    ("quote", "two remain open", ["-    quote: 'two articles remain open'", "+    quote: 'two remain open'"]),
])
def test_an_edit_right_beside_a_plain_text_over_two_lines_keeps_it_as_written(
        tmp_path: Path, field: str, value: str, changed: list[str]) -> None:
    """ruamel.yaml joins the two lines; beside the edited value that made one change of the two, which was
    refused as "would also change line …": the author's lines are kept and the edit is made."""
    text = EDIT_DRAFT.replace('    quote: \'two articles remain open\'\n',
                              "    notes: plain text that goes\n      over two lines\n    quote: \'two articles "
                              "remain open\'\n")
    assert "over two lines\n" in text
    path = make_folder(tmp_path, text)
    before = path.read_text(encoding="utf-8")
    result = apply_edit(path, lambda d: ops.set_field(d, f"sources[src-1].{field}", value))
    assert result.refused is None, result.refused  # type: ignore[attr-defined]
    after = path.read_text(encoding="utf-8")
    assert changed_lines(before, after) == changed
    assert "    notes: plain text that goes\n      over two lines\n" in after


def test_a_list_indented_unlike_the_rest_is_refused(tmp_path: Path) -> None:
    text = EDIT_DRAFT.replace("    sources: [src-1]  # the minister named it\n", "    sources:\n    - src-1\n")
    result, before, after = outcome(tmp_path, text)
    assert result.refused and "'    - src-1' → '      - src-1'" in result.refused  # type: ignore[attr-defined]
    assert after == before


def test_a_tab_ruamel_cannot_read_is_refused(tmp_path: Path) -> None:
    result, before, after = outcome(tmp_path, with_notes("Kept\tas a note."))
    assert result.refused and "ruamel.yaml cannot read" in result.refused  # type: ignore[attr-defined]
    assert after == before


def test_block_text_replaced_by_one_line_keeps_the_comment_after_it_on_its_own_line(tmp_path: Path) -> None:
    path = make_folder(tmp_path)
    result = apply_edit(path, lambda d: ops.set_field(d, "articles[third-party-forces].text", "One line."))
    assert result.refused is None
    assert changed_lines(EDIT_DRAFT, path.read_text()) == [
        "-    text: |", "-      The Parties shall not deploy", "-      forces of third countries.",
        "+    text: One line."]


def test_one_line_replaced_by_block_text_keeps_the_comment_below(tmp_path: Path) -> None:
    text = EDIT_DRAFT.replace("    title: Interstate claims\n", "    title: Interstate claims\n    # about the title\n")
    path = make_folder(tmp_path, text)
    result = apply_edit(path, lambda d: ops.set_field(d, "articles[claims].title", "Two\nlines\n"))
    assert result.refused is None
    assert "    title: |\n      Two\n      lines\n    # about the title\n    status: disputed" in path.read_text()


def test_an_end_of_line_comment_on_a_value_becoming_block_text_is_refused(tmp_path: Path) -> None:
    text = EDIT_DRAFT.replace("    title: Interstate claims\n", "    title: Interstate claims  # eol\n")
    path = make_folder(tmp_path, text)
    result = apply_edit(path, lambda d: ops.set_field(d, "articles[claims].title", "Two\nlines\n"))
    assert result.refused and "'# eol'" in result.refused and result.hint
    assert path.read_text() == text


@pytest.mark.parametrize(("value", "written"), [
    ("Short one", "Short one"),
    ("word " * 40 + "end", "word " * 40 + "end"),  # no folding inside {…}: one line
    ("two\nlines", '"two\\nlines"'),
    ("a, b", '"a, b"'),
])
def test_a_value_inside_a_flow_mapping_stays_on_its_line(tmp_path: Path, value: str, written: str) -> None:
    position = "    positions:\n      alpha: {text: Ban along the whole border, basis: summary, sources: [src-1]}\n"
    text = EDIT_DRAFT.replace("    text_basis: summary\n", "    text_basis: summary\n" + position)
    path = make_folder(tmp_path, text)
    result = apply_edit(path, lambda d: ops.set_field(d, "articles[third-party-forces].positions.alpha.text", value))
    assert result.refused is None, result.refused
    assert changed_lines(text, path.read_text()) == [
        "-      alpha: {text: Ban along the whole border, basis: summary, sources: [src-1]}",
        f"+      alpha: {{text: {written}, basis: summary, sources: [src-1]}}",
    ]


def _in_layout(text: str, mapping: int, sequence: int, offset: int) -> str:
    from ruamel.yaml import YAML

    yaml = YAML()
    yaml.preserve_quotes = True
    yaml.width = 10**9
    yaml.indent(mapping=mapping, sequence=sequence, offset=offset)
    buffer = io.StringIO()
    yaml.dump(yaml.load(text), buffer)
    return buffer.getvalue()


@pytest.mark.parametrize("indents", [(2, 2, 0), (4, 4, 0), (4, 6, 4), (3, 5, 3), (2, 4, 2)])
def test_an_edit_in_any_consistent_layout_is_the_same_edit_in_that_layout(tmp_path: Path,
                                                                         indents: tuple[int, int, int]) -> None:
    """Edited in its own layout, a file ends as the canonical edit re-indented to that layout."""
    def edit(d: dict) -> object:
        return ops.set_status(d, "claims", "unknown", sources=["src-2"], note="Nobody said.")

    canonical = make_folder(tmp_path / "canonical")
    assert apply_edit(canonical, edit).written
    text = _in_layout(EDIT_DRAFT, *indents)
    path = make_folder(tmp_path / "own", text)
    result = apply_edit(path, edit)
    assert result.refused is None, result.refused
    assert path.read_text() == _in_layout(canonical.read_text(), *indents)
    assert len(changed_lines(text, path.read_text())) == 3  # status, and the note (src-2 was cited)
