"""The fast writer of new drafts (edit/emit.py) writes exactly what ruamel.yaml writes, or steps aside.

A new draft (an import, ``write_new_draft``) is written by ``emit_new`` instead of
ruamel.yaml's pure-Python emitter, which costs seconds on a large text. These tests
hold it to ruamel.yaml's own output byte for byte, on every bundled draft and on
random data full of the characters that need quoting, escaping, folding or block
text; where it cannot say what ruamel.yaml would write it must raise
``Unsupported`` (and ``write_new_draft`` then uses ruamel.yaml), never guess.
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from paths import ROOT

from draftdiff.edit import write_new_draft
from draftdiff.edit.canonical import MODELINE, new_draft_text
from draftdiff.edit.emit import Unsupported, emit_new
from draftdiff.edit.layout import CANONICAL
from draftdiff.load import read_draft
from draftdiff.yamlsource import parse_yaml

ROOT = ROOT
BUNDLED = sorted((ROOT / "drafts").glob("*.yaml"))
HEAD = MODELINE.removeprefix("# ")


def by_ruamel(data: dict[str, Any]) -> str:
    return new_draft_text(data, fast=False)


@pytest.mark.parametrize("path", BUNDLED, ids=lambda p: p.stem)
def test_a_bundled_drafts_data_is_written_as_ruamel_writes_it(path: Path) -> None:
    tree = read_draft(path.read_bytes(), str(path)).tree
    fast = emit_new(tree, CANONICAL, HEAD)
    assert fast == by_ruamel(tree)
    assert parse_yaml(fast)[0] == tree


TRICKY = ["a", "b", "z", " ", " ", " ", ":", "#", "-", "?", "'", '"', "\\", "[", "]", "{", "}", ",", "&", "*",
          "!", "|", ">", "%", "@", "`", "\n", "\n", "\t", "\r", "é", "\u202e", "\u200b", "\x85", "\u2028", "\xa0",
          "\x00", "\x1b", "\x7f", "\ufeff", "\U0001f600", "\ue000", "0", "1", "."]
WORDS = ["the", "Parties", "shall", "Article", "7", "[alt:", "bis]", "—", "«border»", "commission", "#3", "a:",
         "yes", "null", "1.5", "-", "---", "..."]
texts = st.one_of(
    st.text(alphabet=st.sampled_from(TRICKY), max_size=12),
    st.lists(st.sampled_from(WORDS), min_size=1, max_size=60).map(" ".join),
    st.lists(st.lists(st.sampled_from(WORDS), max_size=30).map(" ".join), min_size=1, max_size=5).map("\n".join),
    st.sampled_from(["yes", "No", "true", "~", "null", "12", "0x1F", "1e3", ".inf", "2024-06-11", "-1", "+1",
                     "---", "... end", "- item", "? q", ": x", "key: value", "a #b", "end:", "@x", "x\n\n", "\n x"]),
)
ids = st.one_of(st.from_regex(r"[a-z][a-z0-9-]{0,8}", fullmatch=True), st.sampled_from(["1", "true", "x y", ""]))
scalars = st.one_of(texts, st.integers(-10, 10**12), st.booleans(), ids)
keys = st.sampled_from(["id", "title", "text", "status", "number", "notes", "sources", "k_2", "Key", "1"])


def values(depth: int) -> st.SearchStrategy[Any]:
    leaf = st.one_of(scalars, st.lists(st.one_of(ids, st.integers(0, 99)), max_size=4))
    if depth == 0:
        return leaf
    inner = values(depth - 1)
    return st.one_of(leaf, st.dictionaries(keys, inner, min_size=1, max_size=4),
                     st.lists(st.dictionaries(keys, inner, min_size=1, max_size=4), min_size=1, max_size=3))


documents = st.dictionaries(keys, values(3), min_size=1, max_size=6)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents)
def test_random_data_is_written_as_ruamel_writes_it_or_left_to_ruamel(data: dict[str, Any]) -> None:
    try:
        fast = emit_new(data, CANONICAL, HEAD)
    except Unsupported:
        event("left to ruamel.yaml")
        return
    event("written fast")
    assert fast == by_ruamel(data)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                  HealthCheck.function_scoped_fixture])
@given(documents)
def test_a_new_file_reads_back_as_its_data_whoever_writes_it(tmp_path: Path, data: dict[str, Any]) -> None:
    target = tmp_path / "new.yaml"
    if target.exists():
        target.unlink()
    result = write_new_draft(target, data, allow_errors=True, dry_run=True)
    if result.refused is None:
        assert result.new_bytes is not None
        assert parse_yaml(result.new_bytes.decode("utf-8"))[0] == data
    else:  # refused only because the text cannot be written at all, never written wrong
        assert "read" in result.refused


@pytest.mark.parametrize("odd", [1.5, None, {"nested": {}}, [[1, 2]], ["a", {"id": "x"}]], ids=repr)
def test_what_the_fast_writer_does_not_know_is_written_by_ruamel(tmp_path: Path, odd: Any) -> None:
    data = {"id": "x", "odd": odd}
    with pytest.raises(Unsupported):
        emit_new(data, CANONICAL, HEAD)
    result = write_new_draft(tmp_path / "x.yaml", data, allow_errors=True)
    assert result.written
    reread = parse_yaml((tmp_path / "x.yaml").read_text(encoding="utf-8"))[0]
    assert reread == data or (isinstance(odd, float) and math.isclose(reread["odd"], odd))
    assert (tmp_path / "x.yaml").read_text(encoding="utf-8") == by_ruamel(data)


def test_texts_that_need_escapes_folding_and_block_text_are_written_exactly() -> None:
    long = " ".join(["commission"] * 30)
    data = {"id": "x", "quoted": 'say "yes"\t\x1b\u2028\x85\ufeff\x00', "folded": long,
            "literal": "first line\n\nthird line\n", "trimmed": "one\ntwo", "plain": "Article 7 — «border»",
            "items": [{"id": "a", "text": long, "sources": ["s-1", "s-2"]}, {"id": "b", "sources": []}]}
    fast = emit_new(data, CANONICAL, HEAD)
    assert fast == by_ruamel(data)
    assert parse_yaml(fast)[0] == data
    assert '\\t\\e\\L\\N\\uFEFF\\0"' in fast
    assert "  - id: a\n    text: >-\n      commission" in fast
    assert "literal: |\n  first line\n\n  third line\n" in fast
    assert "trimmed: |-\n  one\n  two\n" in fast


@pytest.mark.parametrize("text", ["a\n", "a\nb\n", "x: 1\n\ny\n", "a\rb\n", "a\u2028b\n", "no end", ""], ids=repr)
def test_the_diff_of_a_new_file_is_what_difflib_gives(text: str) -> None:
    from draftdiff.edit.canonical import _unified_new
    from draftdiff.edit.writepath import _unified

    assert _unified_new(text, "new.yaml") == _unified("", text, "/dev/null", "new.yaml")


def test_a_new_drafts_diff_is_there_when_asked(tmp_path: Path) -> None:
    result = write_new_draft(tmp_path / "x.yaml", {"id": "x", "title": "A title"}, allow_errors=True, dry_run=True)
    assert result.diff == f"--- /dev/null\n+++ {tmp_path / 'x.yaml'}\n@@ -0,0 +1,3 @@\n+{MODELINE}\n+id: x\n+title: A title\n"
    result.diff = "replaced"
    assert result.diff == "replaced"
