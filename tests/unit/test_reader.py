"""The reader: every bad-input class becomes one positioned diagnostic, never an exception."""

from __future__ import annotations

import pytest
from draft_support import draft_text

from draftdiff.load import MAX_BYTES, read_draft


def only(data: bytes) -> tuple[str, int, int, str]:
    loaded = read_draft(data, "x.yaml")
    assert loaded.draft is None
    assert len(loaded.diagnostics) >= 1
    d = loaded.diagnostics[0]
    return d.rule, d.line, d.col, d.message


def test_valid_draft_loads_with_dates_as_text() -> None:
    loaded = read_draft(draft_text().encode(), "ok.yaml")
    assert loaded.diagnostics == []
    assert loaded.draft is not None
    assert loaded.draft.date == "2024-01-04"
    assert loaded.draft.sources[0].date == "2024-01-05"


@pytest.mark.parametrize(
    ("data", "rule", "line", "col"),
    [
        (b"a: [1, 2\n", "yaml-syntax", 1, 4),
        (b"title: ok\nbad: \xff\xfe\n", "file-encoding", 2, 6),
        ("title: \u0531\u0580\nx: \xe9\xff".encode("utf-8")[:-2] + b"\xff", "file-encoding", 2, 5),
        (b"a: 1\nb: x\x00y\n", "file-control-char", 2, 5),
        (b"a: 1\nb: \x1b[31mred\n", "file-control-char", 2, 4),
        (b"a: 1\nb: 2\na: 3\n", "yaml-duplicate-key", 3, 1),
        (b"- 1\n- 2\n", "yaml-top-level", 1, 1),
        (b"just a scalar\n", "yaml-top-level", 1, 1),
        (b"", "file-empty", 1, 1),
        (b"# only a comment\n", "file-empty", 1, 1),
        (b"---\n", "yaml-top-level", 2, 1),
        (b"a: 1\n---\nb: 2\n", "yaml-multi-document", 2, 1),
        (b"a: &anchor 1\n", "yaml-anchor", 1, 4),
        (b"a: 1\nb: *x\n", "yaml-alias", 2, 4),
        (b"a: !!python/object:os.system echo\n", "yaml-tag", 1, 4),
        (b"a: !custom x\n", "yaml-tag", 1, 4),
        (b"a: !!map {b: 1}\n", "yaml-tag", 1, 4),
        (b"base: {x: 1}\n<<: {y: 2}\n", "yaml-merge-key", 2, 1),
        (b"? [a, b]\n: 1\n", "yaml-complex-key", 1, 3),
    ],
)
def test_bad_input_is_one_positioned_error(data: bytes, rule: str, line: int, col: int) -> None:
    got = only(data)
    assert got[:3] == (rule, line, col), got


def test_alias_to_defined_anchor_is_refused_before_expansion() -> None:
    # The anchor is refused first, so an alias can never expand.
    data = b"a: &x [1, 2]\nb: *x\n"
    assert only(data)[0] == "yaml-anchor"


def test_billion_laughs_is_refused_quickly() -> None:
    lol = b'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
    for i in range(1, 10):
        prev, cur = chr(96 + i), chr(97 + i)
        lol += f"{cur}: &{cur} [*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev}]\n".encode()
    assert only(lol)[0] == "yaml-anchor"


def test_deep_nesting_is_refused_not_a_recursion_error() -> None:
    data = b"a: " + b"[" * 100_000 + b"]" * 100_000 + b"\n"
    rule, line, col, _ = only(data)
    assert rule == "yaml-depth"
    assert (line, col) == (1, 35)


def test_oversized_file_is_refused_without_parsing() -> None:
    data = b"a: '" + b"x" * (MAX_BYTES + 1) + b"'\n"
    assert only(data)[0] == "file-too-large"


def test_columns_count_characters_not_bytes() -> None:
    # "Հայաստան" is 8 characters but 16 bytes: the duplicate key is still at column 1 of line 2,
    # and the control character after the Armenian word at column 13.
    data = "title: Հայաստան\x07\n".encode()
    rule, line, col, _ = only(data)
    assert (rule, line, col) == ("file-control-char", 1, 16)


def test_byte_order_mark_is_accepted() -> None:
    loaded = read_draft(b"\xef\xbb\xbf" + draft_text().encode(), "bom.yaml")
    assert loaded.ok, loaded.diagnostics


def test_yaml_1_1_booleans_and_sexagesimals_stay_text() -> None:
    from draftdiff.yamlsource import parse_yaml

    tree, _ = parse_yaml("a: yes\nb: no\nc: 1:20\nd: 2024-01-04\ne: '5'\nf: 5\ng: null\nh: true\ni: 0x1F\n")
    assert tree == {"a": "yes", "b": "no", "c": "1:20", "d": "2024-01-04", "e": "5", "f": 5,
                    "g": None, "h": True, "i": 31}


def test_positions_of_keys_and_values() -> None:
    loaded = read_draft(draft_text().encode(), "ok.yaml")
    assert loaded.position(("articles", 1, "status")) == (29, 13)
    assert loaded.position(("articles", 1, "positions", "beta"), key=True) == (34, 7)
    assert loaded.position(("articles", 1, "positions", "beta", "basis")) == (34, 59)


def test_a_reading_problem_leaves_a_with_block_as_itself() -> None:
    """Python sets ``__traceback__`` on an exception leaving a ``with`` block; a frozen exception refused it."""
    import contextlib

    from draftdiff.yamlsource import YamlProblem, parse_yaml

    @contextlib.contextmanager
    def around():  # type: ignore[no-untyped-def]
        yield

    with pytest.raises(YamlProblem) as caught, around():
        parse_yaml("summary: a summary: b\n")
    assert (caught.value.rule, caught.value.line, caught.value.col) == ("yaml-syntax", 1, 19)


def test_a_reading_problem_is_hashable_and_equal_only_to_itself() -> None:
    from draftdiff.yamlsource import YamlProblem

    one, other = YamlProblem("yaml-syntax", "m"), YamlProblem("yaml-syntax", "m")
    assert one != other and len({one, other, one}) == 2
