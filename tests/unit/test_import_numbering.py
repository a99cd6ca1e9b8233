"""Article numbers as written ("146-1", "5 bis", "IV", "1er"): the format, their order, the rule and the diff."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from diff_support import art, draft
from draft_support import draft_text
from paths import ROOT

from draftdiff.diagnostics import Diagnostic
from draftdiff.diff import DiffOptions, diff_drafts
from draftdiff.load import read_draft
from draftdiff.model import Article
from draftdiff.numbering import main_value, roman_value, same_number, sort_key
from draftdiff.textconv import as_text
from draftdiff.validate import validate_paths


def test_a_reader_s_order() -> None:
    expected = [1, "1er", "2", "2 bis", "2 ter", "III", "4", "5", "5-1", "5-2", "6", "IX", 10, "146", "146-1",
                "146-2", "147", "A", None]
    shuffled = expected[:]
    random.Random(3).shuffle(shuffled)
    ordered = sorted(shuffled, key=sort_key)
    assert [sort_key(n) for n in ordered] == [sort_key(n) for n in expected]
    assert sort_key("premier") == sort_key(1) == sort_key("I") == sort_key("1er")


@pytest.mark.parametrize("number, value", [(7, 7), ("146-1", 146), ("5 bis", 5), ("IV", 4), ("XIV", 14),
                                           ("1er", 1), ("premier", 1), ("C", None), ("Ivory", None), ("A", None)])
def test_main_value(number: object, value: int | None) -> None:
    assert main_value(number) == value  # type: ignore[arg-type]


def test_roman_numerals_are_read_only_when_well_formed() -> None:
    assert [roman_value(r) for r in ("I", "IV", "IX", "XL", "MCMXC", "IIII", "VX", "")] == [
        1, 4, 9, 40, 1990, None, None, None]


@pytest.mark.parametrize("number", [7, 0, "146-1", "5 bis", "IV", "1er", "7"])
def test_numbers_as_written_are_valid_and_kept(number: object) -> None:
    kept = Article(id="a", title="T", status="unknown", number=number).number  # type: ignore[arg-type]
    assert kept == number and type(kept) is type(number)


@pytest.mark.parametrize("number, message", [(-1, "0 or more"), (" 5", "as written"), ("a\nb", "as written"),
                                             (5.1, "in quotes"), (True, "a number such as 7"), ([1], "such as 7")])
def test_bad_numbers_get_one_clear_message(number: object, message: str) -> None:
    with pytest.raises(ValueError, match=message) as caught:
        Article(id="a", title="T", status="unknown", number=number)  # type: ignore[arg-type]
    assert len(caught.value.errors()) == 1  # type: ignore[attr-defined]


@pytest.mark.parametrize("written, kept", [("146-1", "146-1"), ("5 bis", "5 bis"), ("IV", "IV"), ("'7'", "7"),
                                           ("7", 7)])
def test_a_draft_file_keeps_the_number_as_written(written: str, kept: object) -> None:
    loaded = read_draft(draft_text().replace("number: 2\n", f"number: {written}\n").encode(), "a.yaml")
    assert loaded.draft is not None and loaded.draft.articles[1].number == kept


def test_every_existing_draft_reads_the_same(tmp_path: Path) -> None:
    for path in sorted(ROOT.joinpath("drafts").glob("*.yaml")):
        loaded = read_draft(path.read_bytes(), path.name)
        assert loaded.draft is not None
        assert all(a.number is None or type(a.number) is int for a in loaded.draft.articles)


def findings(folder: Path, text: str) -> list[Diagnostic]:
    folder.mkdir()
    (folder / "a.yaml").write_text(text, encoding="utf-8")
    return validate_paths([folder]).sorted()


def test_numbering_rule_with_suffixes_and_roman_numerals(tmp_path: Path) -> None:
    ok = draft_text().replace("number: 2\n", "number: 1 bis\n")
    assert findings(tmp_path / "ok", ok) == []
    repeat = draft_text().replace("number: 2\n", "number: I\n")
    found = findings(tmp_path / "repeat", repeat)
    assert [d.rule for d in found] == ["article-numbering"] and "(as 1)" in found[0].message
    roman_first = draft_text().replace("number: 1\n", "number: I\n").replace("number: 2\n", "number: 1\n")
    found = findings(tmp_path / "roman-first", roman_first)
    assert [d.rule for d in found] == ["article-numbering"] and "(as I)" in found[0].message
    gap = draft_text().replace("number: 2\n", "number: III\n")
    found = findings(tmp_path / "gap", gap)
    assert [d.rule for d in found] == ["article-numbering"] and "skip 2" in found[0].message


def test_diff_sees_renumbering_to_and_from_numbers_as_written() -> None:
    old = draft([art("a", 5, "The Parties shall cooperate in every field."),
                        art("b", 6, "The border commission shall meet.")], id="d-old")
    new = draft([art("a", "5", "The Parties shall cooperate in every field."),
                        art("b", "5 bis", "The border commission shall meet.")], id="d-new")
    result = diff_drafts(old, new, DiffOptions())
    by_id = {c.id: c for c in result.articles}
    assert "renumbered" not in by_id["a"].kinds  # 5 and "5" stand for the same place
    assert "renumbered" in by_id["b"].kinds and (by_id["b"].old_number, by_id["b"].new_number) == (6, "5 bis")
    assert same_number("5  bis", "5 bis") and same_number("VII", 7) and not same_number("VII", 8)


def test_textconv_orders_articles_as_a_reader_does() -> None:
    d = draft([art("c", "2 bis", "Third."), art("a", "1", "First."), art("d", 10, "Fourth."),
               art("b", 2, "Second.")])
    text = as_text(d)
    assert [text.index(f"[{k}]") for k in "abcd"] == sorted(text.index(f"[{k}]") for k in "abcd")


def test_roman_after_arabic_numerals_is_not_renumbering() -> None:
    old = draft([art("a", 1, "The Parties recognise each other."), art("b", 2, "The border is inviolable.")],
                id="d-old")
    new = draft([art("a", "I", "The Parties recognise each other."), art("b", "III", "The border is inviolable.")],
                id="d-new")
    by_id = {c.id: c for c in diff_drafts(old, new, DiffOptions()).articles}
    assert by_id["a"].kinds == [] and "renumbered" in by_id["b"].kinds
