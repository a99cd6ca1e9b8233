"""The one way a cited source reads on the Article, Version and Preconditions screens."""

from __future__ import annotations

from draftdiff.model import Draft
from draftdiff.tui.sources import sources_text


def _draft(**source: object) -> Draft:
    return Draft.model_validate({
        "schema_version": 1, "agreement": "test-peace", "id": "d-1", "title": "T", "date": "2024-01-04",
        "kind": "proposal", "proposed_by": "alpha", "stage": "negotiating", "parties": ["alpha", "beta"],
        "sources": [{"id": "src-1", "title": "Minister's statement", "publisher": "Example News", **source}],
        "articles": []})


def test_a_source_shows_what_a_reader_needs_to_find_it_and_what_it_says() -> None:
    draft = _draft(author="Doe, Jane", date="2024-01-05", url="https://example.org/s", quote="some progress",
                   quote_basis="translation", language="ru", notes="Read from the archived copy.")
    shown = sources_text(draft, ["src-1"]).plain.splitlines()
    assert shown[0] == "Minister's statement — Doe, Jane, Example News, 2024-01-05  [src-1]"
    assert shown[1:] == ["  https://example.org/s", "  “some progress” (translation) [ru]", "  Read from the archived copy."]


def test_the_address_alone_is_underlined_not_its_indent() -> None:
    text = sources_text(_draft(url="https://example.org/s"), ["src-1"])
    underlined = [text.plain[span.start:span.end] for span in text.spans if "underline" in str(span.style)]
    assert underlined == ["https://example.org/s"]


def test_each_source_once_in_citing_order_and_an_undefined_one_says_so() -> None:
    shown = sources_text(_draft(), ["ghost", "src-1", "ghost", "src-1"]).plain.splitlines()
    assert shown == ["ghost: not defined in this draft", "Minister's statement — Example News  [src-1]"]


def test_nothing_cited_reads_as_the_screen_words_it() -> None:
    assert sources_text(_draft(), [], none="No source cited for this article.").plain == "No source cited for this article."
    assert sources_text(_draft(), []).plain == "none cited"


def test_a_verbatim_quote_carries_no_basis_and_control_characters_are_made_visible() -> None:
    shown = sources_text(_draft(quote="said\x1b[2J it"), ["src-1"]).plain
    assert "(verbatim)" not in shown and "\x1b" not in shown


def test_sources_of_several_lines_are_set_apart_by_a_blank_line_one_liners_are_not() -> None:
    draft = Draft.model_validate({**_draft().model_dump(), "sources": [
        {"id": "a", "title": "A", "publisher": "P"}, {"id": "b", "title": "B", "publisher": "P"}]})
    assert sources_text(draft, ["a", "b"]).plain == "A — P  [a]\nB — P  [b]"
    noted = Draft.model_validate({**draft.model_dump(), "sources": [
        {"id": "a", "title": "A", "publisher": "P", "notes": "long"}, {"id": "b", "title": "B", "publisher": "P"}]})
    assert sources_text(noted, ["a", "b"]).plain == "A — P  [a]\n  long\n\nB — P  [b]"
