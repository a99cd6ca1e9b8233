"""Addressing an entry: by id, by an article's number as written, by position; and findings that name an entry
the same way ``draftdiff set`` reads it, so an address copied from a finding reaches the entry it is about."""

from __future__ import annotations

import copy
from typing import Any

import pytest
from paths import ROOT

from draftdiff.edit import ops
from draftdiff.edit.tree import EditRefused
from draftdiff.load import describe_path
from draftdiff.numbering import names_number
from draftdiff.yamlsource import parse_yaml, strings


def _draft(*numbers: Any, parts: tuple[str, ...] = ()) -> dict[str, Any]:
    articles = []
    for i, number in enumerate(numbers):
        article: dict[str, Any] = {"id": f"a{i}", "number": number, "title": f"Article {i}", "status": "partial",
                                   "status_basis": "inferred", "status_note": f"Said of a{i}."}
        if i < len(parts):
            article["part"] = parts[i]
        articles.append(article)
    return {"id": "d", "sources": [{"id": "s1", "title": "T", "publisher": "P"}], "articles": articles}


# --- numbers as written ---------------------------------------------------------------------------------------


def test_a_number_is_named_as_written_and_an_int_by_its_digits() -> None:
    assert names_number("7", 7) and names_number("7", "7") and names_number("07", 7)
    assert names_number("5 bis", "5 bis") and names_number("5  BIS", "5 bis") and names_number("iv", "IV")
    assert not names_number("4", "IV") and not names_number("IV", 4) and not names_number("5bis", "5 bis")
    assert not names_number("7", None) and not names_number("1", True)


@pytest.mark.parametrize("ref, index", [("1 bis", 0), ("II", 1), ("2", 2), ("7", 3), ("146-1", 4)])
def test_every_number_form_the_format_allows_names_its_article(ref: str, index: int) -> None:
    data = _draft("1 bis", "II", 2, "7", "146-1")
    assert ops.find_article(data, ref) == index
    edit = ops.set_status(data, ref, "agreed", basis="inferred", note="Inferred.")
    assert edit.mutations[0].path == ("articles", index, "status")


def test_a_roman_number_is_not_named_by_its_value() -> None:
    with pytest.raises(EditRefused) as refused:
        ops.find_article(_draft("I", "II", "IV"), "4")
    assert "no article '4'" in refused.value.reason


def test_a_number_two_entries_share_is_refused_naming_both() -> None:
    data = _draft(1, 2, 2, parts=("article", "article", "annex"))
    with pytest.raises(EditRefused) as refused:
        ops.find_article(data, "2")
    assert refused.value.reason == "the number '2' is shared by Article 2 a1 and Annex 2 a2 in draft d"
    assert "a1, a2" in str(refused.value.hint)
    assert ops.find_article(data, "a2") == 2  # the id still names it


def test_the_refusal_lists_ids_with_their_numbers() -> None:
    data = _draft(7, "5 bis", None, 3, parts=("article", "article", "preamble", "annex"))
    with pytest.raises(EditRefused) as refused:
        ops.find_article(data, "99")
    assert str(refused.value.hint) == "name an article by its id or number: 7 a0, 5 bis a1, a2, Annex 3 a3"


# --- set types the value by the field ---------------------------------------------------------------------


def test_set_types_a_number_by_the_field_without_json() -> None:
    data = _draft(7, 8)
    assert ops.set_field(data, "articles[7].number", "7", as_text=True).mutations == []  # 7 stays the int 7
    [bis] = ops.set_field(data, "articles[7].number", "7 bis", as_text=True).mutations
    assert bis.value == "7 bis"
    [eight] = ops.set_field(data, "articles[a1].number", "9", as_text=True).mutations
    assert eight.value == 9 and type(eight.value) is int
    data["claimed_counts"] = [{"agreed": 1, "source": "s1"}]
    assert ops.set_field(data, "claimed_counts[0].agreed", "3", as_text=True).mutations[0].value == 3
    assert ops.set_field(data, "claimed_counts[0].approximate", "true", as_text=True).mutations[0].value is True
    assert ops.set_field(data, "claimed_counts[0].agreed_percent", "80", as_text=True).mutations[0].value == 80.0
    assert ops.set_field(data, "articles[a0].title", "12", as_text=True).mutations[0].value == "12"  # text stays
    assert ops.set_field(data, "articles[a0].number", "7", as_text=False).mutations[0].value == "7"  # JSON's "7"


# --- findings name entries as set reads them --------------------------------------------------------------


def test_a_path_is_named_by_ids_numbers_and_positions() -> None:
    tree = {"articles": [{"id": "x", "number": 1}, {"number": "5 bis"}, {"title": "no id, no number"}],
            "claimed_counts": [{"agreed": 1}], "sources": [{"id": "s.1"}, {"id": "dup"}, {"id": "dup"}]}
    assert describe_path(("articles", 0, "status"), tree) == "articles[x].status"
    assert describe_path(("articles", 1, "title"), tree) == "articles[5 bis].title"
    assert describe_path(("articles", 2, "title"), tree) == "articles[#2].title"
    assert describe_path(("claimed_counts", 0, "notes"), tree) == "claimed_counts[0].notes"
    assert describe_path(("sources", 0, "title"), tree) == "sources[s.1].title"
    assert describe_path(("sources", 2, "title"), tree) == "sources[2].title"  # an id two share names neither
    assert describe_path(("articles", 0, "status")) == "articles[#0].status"  # no tree: positions
    assert describe_path(("sources", 3, "title")) == "sources[3].title"


def test_an_address_with_a_dot_in_an_id_and_a_position_reads_back() -> None:
    data = {"id": "d", "sources": [{"id": "s.1", "title": "T"}], "articles": [{"title": "A", "status": "agreed"}]}
    assert ops.resolve_address(data, "sources[s.1].title")[0] == ("sources", 0, "title")
    assert ops.resolve_address(data, "articles[#0].title")[0] == ("articles", 0, "title")


@pytest.mark.parametrize("name", ["2024-12-18-status.yaml", "2025-03-13-finalized.yaml"])
def test_every_path_a_finding_can_name_in_a_bundled_draft_is_the_one_set_reads(name: str) -> None:
    tree, _ = parse_yaml((ROOT / "drafts" / name).read_text(encoding="utf-8"))
    checked = 0
    for path, _value in strings(tree):
        address = describe_path(path, tree)
        if "[" not in address:
            continue
        assert ops.resolve_address(tree, address)[0] == path, address
        checked += 1
    assert checked > 100


# --- what a change line says ---------------------------------------------------------------------------------


def test_set_unknown_says_what_it_removes() -> None:
    data = _draft(1)
    edit = ops.set_status(data, "a0", "unknown")
    assert edit.changes == [
        "Article 1 a0: partial → unknown",
        "Article 1 a0: status basis removed (it was 'inferred'; an unknown status rests on nothing)",
        "Article 1 a0: status note removed (it explained the status 'partial': \"Said of a0.\")",
    ]
    assert [m.kind for m in edit.mutations] == ["set", "delete", "delete"]


def test_a_deleted_entry_is_shown_by_its_id_and_title() -> None:
    data = _draft(1)
    edit = ops.set_field(data, "sources[s1]", None, delete=True)
    assert edit.changes == ["sources[s1] removed (was s1 \"T\")"]


def test_an_entry_of_a_list_without_ids_is_named_by_position_without_empty_parentheses() -> None:
    data = _draft(1)
    data["claimed_counts"] = [{"agreed": 1, "source": "s1"}, {"agreed": 2, "source": "s1"}]
    with pytest.raises(EditRefused) as refused:
        ops.set_field(data, "claimed_counts[5].notes", None, delete=True)
    assert str(refused.value.hint) == "its entries have no ids: name one by its position from 0 (0 to 1)"


def test_two_long_texts_alike_when_cut_short_are_shown_where_they_differ() -> None:
    data = _draft(1)
    old = "A long note that runs on well past the fifty characters a change line shows, to source [s1]."
    data["articles"][0]["status_note"] = old
    [line] = ops.set_field(data, "articles[a0].status_note", old.replace("[s1]", "[s2]")).changes
    before, after = line.split(" → ")
    assert before != after and "[s1]" in before and "[s2]" in after and "(from character 90)" in after


def test_text_that_was_not_utf8_is_refused_naming_the_byte() -> None:
    assert ops.not_utf8("caf\udce9") == "the byte 0xe9 (after 'caf') is not UTF-8"
    assert ops.not_utf8("café") is None
    with pytest.raises(EditRefused) as refused:
        ops.add_source(_draft(1), {"id": "s2", "title": "caf\udce9", "publisher": "P"})
    assert refused.value.reason == "source s2: the title: the byte 0xe9 (after 'caf') is not UTF-8"
    edit = ops.set_field(copy.deepcopy(_draft(1)), "articles[a0].status_note", "caf\udce9")
    with pytest.raises(EditRefused) as refused:
        ops.check_text(edit.mutations, _draft(1))
    assert refused.value.reason == "articles[a0].status_note: the byte 0xe9 (after 'caf') is not UTF-8"
