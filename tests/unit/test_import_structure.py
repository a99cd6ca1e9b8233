"""Recognising a treaty text's structure, in every format the importer reads."""

from __future__ import annotations

from pathlib import Path

import pytest
from import_support import FIXTURES, docx_from_text

from draftdiff.importer import ImportProblem, read_source, recognise
from draftdiff.importer.structure import StructureProblem


def entries(path: Path, **kwargs: object) -> list[tuple[str, object, str | None, str]]:
    found = recognise(read_source(path), **kwargs)  # type: ignore[arg-type]
    return [(e.part, e.number, e.title, e.text) for e in found.entries]


def test_title_preamble_articles_and_annex_of_a_plain_text() -> None:
    found = entries(FIXTURES / "norland-v1.txt")
    parts = [(p, n, t) for p, n, t, _ in found]
    assert parts == [
        ("title", None, None), ("preamble", None, None),
        ("article", "I", "Recognition"), ("article", "II", "Borders and delimitation"),
        ("article", "III", "Diplomatic relations"), ("article", "IV", "Transit"),
        ("article", "V", "Settlement of disputes"), ("article", "VI", "Entry into force"),
        ("annex", 1, "Delimitation commission"),
    ]
    title, preamble = found[0][3], found[1][3]
    assert title == "TREATY OF GOOD NEIGHBOURLINESS\nBETWEEN THE REPUBLIC OF NORLAND AND THE KINGDOM OF SUDMARK"
    # bracketed negotiating text stays verbatim in the preamble, paragraphs and all
    assert "Recalling [the Charter of the United Nations] [alt 2: the principles of international law];" in preamble
    assert preamble.startswith("The Republic of Norland") and preamble.endswith("Have agreed as follows:")
    recognition = found[2][3]
    assert recognition.split("\n\n") == [
        "1. The Parties recognise each other's sovereignty, territorial integrity and political independence.",
        "2. [The Parties shall] [alt 2: Each Party shall] refrain from any claim to the territory of the other."]


@pytest.mark.parametrize("heading, number, title", [
    ("Article 1", 1, None), ("ARTICLE I", "I", None), ("Art. 15", 15, None), ("Article 7. Borders", 7, "Borders"),
    ("Article 7 — Borders", 7, "Borders"), ("Article 7 - Borders", 7, "Borders"), ("Article 7: Borders", 7, "Borders"),
    ("Article 1er", "1er", None), ("Article premier", "premier", None), ("Article 146-1", "146-1", None),
    ("Article 5 bis", "5 bis", None), ("Article 5bis — Fees", "5bis", "Fees"), ("ARTICLE XIV. FINAL CLAUSES", "XIV",
                                                                               "FINAL CLAUSES"),
    ("Article 12.3", "12.3", None), ("Artículo 4", 4, None),
])
def test_heading_forms(tmp_path: Path, heading: str, number: object, title: str | None) -> None:
    path = tmp_path / "t.txt"
    path.write_text(f"A Title\n\n{heading}\n\nThe Parties shall cooperate.\n", encoding="utf-8")
    found = entries(path)
    assert found[-1] == ("article", number, title, "The Parties shall cooperate.")


def test_a_title_on_the_next_line_and_a_run_in_first_sentence(tmp_path: Path) -> None:
    path = tmp_path / "t.txt"
    path.write_text("Title\n\nArticle 1\nBorders\n\nThe border is the line.\n\n"
                    "Article 2. The Parties shall settle every dispute that arises between them by peaceful means "
                    "and by negotiation alone.\n\nArticle 3\n1. The first paragraph.\n2. The second one.\n",
                    encoding="utf-8")
    found = entries(path)
    assert found[1][2:] == ("Borders", "The border is the line.")
    assert found[2][2] is None and found[2][3].startswith("The Parties shall settle") and found[2][3].endswith(".")
    assert found[3][2:] == (None, "1. The first paragraph.\n2. The second one.")


def test_a_title_line_right_above_the_text_is_the_title_and_a_wrapped_line_is_not(tmp_path: Path) -> None:
    """"Article 1 / Recognition / The Parties …" with no blank line made "Recognition" the text's first word."""
    path = tmp_path / "t.txt"
    path.write_text("Title\n\nArticle 1\nRecognition\nThe Parties recognise each other.\n\n"
                    "Article 2\nThe Parties shall settle every dispute\nby peaceful means alone.\n", encoding="utf-8")
    found = entries(path)
    assert found[1][2:] == ("Recognition", "The Parties recognise each other.")
    assert found[2][2:] == (None, "The Parties shall settle every dispute\nby peaceful means alone.")


def test_words_in_prose_are_not_headings(tmp_path: Path) -> None:
    path = tmp_path / "t.txt"
    path.write_text("Title\n\nArticle 1\n\nArticle 5 of the Charter applies.\nCivil matters stay apart.\n"
                    "Article Civil shall not be a heading.\n", encoding="utf-8")
    found = entries(path)
    assert len(found) == 2 and "Article 5 of the Charter applies." in found[1][3]


def test_suffix_numbering() -> None:
    found = entries(FIXTURES / "suffixes.txt")
    assert [n for p, n, _, _ in found if p == "article"] == ["premier", 2, "2 bis", 3, "3-1", 4]
    assert found[3][3] == "[The fee shall be] [alt 2: No fee shall be] charged for a licence."


@pytest.mark.parametrize("name", ["norland-v2.md", "norland-v2.html", "norland-v2.docx"])
def test_every_format_gives_the_same_entries_as_the_plain_text(name: str, tmp_path: Path) -> None:
    path = FIXTURES / name
    if name.endswith(".docx"):
        path = docx_from_text(FIXTURES / "norland-v2.txt", tmp_path / name)
    assert entries(path) == entries(FIXTURES / "norland-v2.txt")


def test_a_word_file_without_heading_styles_reads_the_same(tmp_path: Path) -> None:
    path = docx_from_text(FIXTURES / "norland-v2.txt", tmp_path / "plain.docx", styles=False)
    assert entries(path) == entries(FIXTURES / "norland-v2.txt")


def test_html_leaves_out_scripts_menus_and_footers() -> None:
    source = read_source(FIXTURES / "norland-v2.html")
    text = "\n".join(line.text for line in source.lines)
    assert "tracking" not in text and "terms" not in text and "site rules" not in text
    assert "each other's capitals" in text  # inline markup (<em>) joins its words


def test_markdown_drops_its_marks_but_keeps_brackets() -> None:
    found = entries(FIXTURES / "norland-v2.md")
    transit = next(t for p, n, _, t in found if n == "VII")
    assert transit.startswith("Each Party shall guarantee unimpeded")
    assert "[on the basis of reciprocity] [alt 2: without discrimination]" in transit


def test_heading_pattern_for_another_form() -> None:
    found = entries(FIXTURES / "paragraphs-de.txt", patterns=[r"^§\s*(?P<number>\d+)\s+(?P<title>.+)$"])
    assert [(n, t) for p, n, t, _ in found if p == "article"] == [(1, "Zweck"), (2, "Kommission"),
                                                                  (3, "Inkrafttreten")]


def test_a_heading_pattern_without_a_number_group_is_refused() -> None:
    with pytest.raises(ImportProblem, match="no group named 'number'"):
        recognise(read_source(FIXTURES / "paragraphs-de.txt"), [r"^§\s*\d+"])


def test_no_headings_shows_the_first_lines_and_the_patterns_tried() -> None:
    with pytest.raises(StructureProblem) as caught:
        recognise(read_source(FIXTURES / "paragraphs-de.txt"))
    problem = caught.value
    assert "no article headings found" in problem.message
    assert any("paragraphs-de.txt:1: Abkommen über die Grenzgewässer" in p for p in problem.problems)
    assert any(p.startswith("pattern: ") for p in problem.problems)
    assert problem.hint is not None and "give a heading pattern with a (?P<number>…) group" in problem.hint.text
    assert "--" not in problem.hint.text and problem.hint.code == "no-headings"  # the face names its flag


def test_duplicate_numbers_and_empty_articles_are_named_with_their_lines(tmp_path: Path) -> None:
    path = tmp_path / "t.txt"
    path.write_text("Title\n\nArticle 1\nOne.\n\nArticle 2\n\nArticle 3\nThree.\n\nArticle III\nAgain.\n",
                    encoding="utf-8")
    with pytest.raises(StructureProblem) as caught:
        recognise(read_source(path))
    problems = caught.value.problems
    assert any("t.txt:6: Article 2 ('Article 2') has no text" in p for p in problems)
    assert any("t.txt:11: Article III again" in p and "Article 3 is at" in p and "t.txt:8" in p for p in problems)
