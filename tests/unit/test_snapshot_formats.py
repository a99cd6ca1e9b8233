"""Each snapshot format parses with a real parser for it, and outside text is escaped in every one.

The CFF check validates against the CITATION.cff 1.2.0 JSON schema in tests/data/cff-schema-1.2.0.json,
copied unchanged from the cffconvert 2.0.0 package on PyPI (schema by the Citation File Format authors,
https://citation-file-format.github.io/1.2.0/schema.json, CC-BY-4.0). cffconvert itself pins
jsonschema<4, which the rest of the suite cannot use.
"""

from __future__ import annotations

import csv
import html.parser
import io
import json
from pathlib import Path

import pytest
from paths import TESTS
from snapshot_fixtures import write_collection

from draftdiff.collection import DraftSet, load_draft_set
from draftdiff.load import read_draft
from draftdiff.render import render
from draftdiff.snapshot import build_snapshot
from draftdiff.snapshot.cite import MARKER_RE

SCHEMA = TESTS / "data" / "cff-schema-1.2.0.json"


@pytest.fixture
def snap(tmp_path: Path):
    return build_snapshot(load_draft_set([write_collection(tmp_path)]), "2024-09-15", git=False,
                          authors=("Doe, Jane", "Example Institute"), generated_at="2025-02-01T10:00:00Z")


def _carries_citation_facts(text: str, snap) -> None:
    assert "2024-09-15" in text and snap.digest in text and "draftdiff 0.1.0" in text
    assert "snapshot" in text and "--as-of" in text.replace("-{}-", "--")


def test_bibtex_parses_with_bibtexparser(snap) -> None:
    import bibtexparser

    text = render("snapshot", "bibtex", snap)
    library = bibtexparser.parse_string(text)
    assert not library.failed_blocks
    [entry] = library.entries
    assert entry.entry_type == "misc" and entry.key.startswith("draftdiff-test-peace-2024-09-15-")
    assert entry.fields_dict["author"].value == "Doe, Jane and {Example Institute}"
    assert entry.fields_dict["version"].value == snap.digest
    # the status date, not the day the file was made: the same snapshot cites the same whenever it is made
    assert (entry.fields_dict["year"].value, entry.fields_dict["date"].value) == ("2024", "2024-09-15")
    assert entry.fields_dict["urldate"].value == "2025-02-01"
    _carries_citation_facts(text, snap)
    assert MARKER_RE.search(entry.fields_dict["note"].value)


def test_csl_json_reads_and_formats_with_citeproc(snap) -> None:
    from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
    from citeproc.source.json import CiteProcJSON

    text = render("snapshot", "csl", snap)
    data = json.loads(text)
    assert isinstance(data, list) and data[0]["type"] == "dataset" and data[0]["version"] == snap.digest
    assert data[0]["author"] == [{"family": "Doe", "given": "Jane"}, {"literal": "Example Institute"}]
    assert data[0]["issued"] == {"date-parts": [[2024, 9, 15]]}
    assert data[0]["accessed"] == {"date-parts": [[2025, 2, 1]]}
    source = CiteProcJSON(data)
    style = CitationStylesStyle("harvard-cite-them-right", validate=False)
    bibliography = CitationStylesBibliography(style, source, formatter.plain)
    bibliography.register(Citation([CitationItem(data[0]["id"])]))
    [formatted] = [str(item) for item in bibliography.bibliography()]
    assert "as of 2024-09-15" in formatted and "Doe" in formatted
    _carries_citation_facts(text, snap)


def test_citations_carry_a_date_without_timestamp(tmp_path: Path) -> None:
    """Without --timestamp a style must not print "n.d.": the status date is the citation's date."""
    from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
    from citeproc.source.json import CiteProcJSON

    plain = build_snapshot(load_draft_set([write_collection(tmp_path)]), "2024-09-15", git=False)
    data = json.loads(render("snapshot", "csl", plain))
    assert data[0]["issued"] == {"date-parts": [[2024, 9, 15]]}
    bibliography = CitationStylesBibliography(CitationStylesStyle("harvard-cite-them-right", validate=False),
                                              CiteProcJSON(data), formatter.plain)
    bibliography.register(Citation([CitationItem(data[0]["id"])]))
    assert "n.d." not in str(next(iter(bibliography.bibliography())))
    assert "date = {2024-09-15}" in render("snapshot", "bibtex", plain)
    assert 'date-released: "2024-09-15"' in render("snapshot", "cff", plain)


def test_cff_is_valid_citation_file_format_1_2_0(snap) -> None:
    import jsonschema
    from ruamel.yaml import YAML

    text = render("snapshot", "cff", snap)
    data = YAML(typ="safe", pure=True).load(text)
    jsonschema.validate(data, json.loads(SCHEMA.read_text(encoding="utf-8")))
    assert data["type"] == "dataset" and data["version"] == snap.digest
    assert data["authors"][0] == {"family-names": "Doe", "given-names": "Jane"}
    assert {i["value"] for i in data["identifiers"] if i["type"] == "swh"} == {d.swhid for d in snap.drafts}
    assert str(data["date-released"]) == "2024-09-15"
    _carries_citation_facts(text, snap)


def test_cff_without_authors_or_timestamp_is_still_valid(tmp_path: Path) -> None:
    import jsonschema
    from ruamel.yaml import YAML

    bare = build_snapshot(load_draft_set([write_collection(tmp_path)]), "2024-09-15", git=False)
    data = YAML(typ="safe", pure=True).load(render("snapshot", "cff", bare))
    jsonschema.validate(data, json.loads(SCHEMA.read_text(encoding="utf-8")))
    assert str(data["date-released"]) == "2024-09-15"  # the status date: deterministic, never "n.d."


def test_plain_text_citation_and_json_agree_with_the_others(snap) -> None:
    data = json.loads(render("snapshot", "json", snap))
    text = data["citation"]["text"]
    assert text.startswith("Doe, Jane; Example Institute. Status of the 4 articles")
    _carries_citation_facts(text, snap)
    assert data["citation"]["reproduce"].startswith("draftdiff snapshot --drafts ")
    assert data["citation"]["reproduce"].endswith(" --as-of 2024-09-15 --author 'Doe, Jane' "
                                                  "--author 'Example Institute' --format json")


def test_csv_reads_back_with_one_row_per_article(snap) -> None:
    rows = list(csv.DictReader(io.StringIO(render("snapshot", "csv", snap), newline="")))
    assert [(r["article"], r["status"]) for r in rows] == [
        ("recognition", "agreed"), ("borders", "agreed"), ("forces", "partial"), ("claims", "disputed")]
    assert {r["as_of"] for r in rows} == {"2024-09-15"} and all(snap.digest in r["snapshot"] for r in rows)


# --- outside text is data, in every format ---------------------------------------------------------

EVIL = "\u202egnp.exe Evil <script>alert(1)</script> & *bold* | [link](x) {\\x} %_$ --> ="


@pytest.fixture
def evil() -> object:
    """A draft whose title and status note carry markup of every kind (made in memory; the loader
    would also accept it, bar the warning rules)."""
    from snapshot_fixtures import draft_yaml

    text = draft_yaml("evil", "2024-05-01", {"a": "agreed"})
    text = text.replace("title: A\n", f"title: {json.dumps(EVIL)}\n")
    loaded = read_draft(text.encode("utf-8"), "drafts/evil.yaml")
    assert loaded.draft is not None, loaded.diagnostics
    return build_snapshot(DraftSet([loaded]), git=False)


def test_html_escapes_outside_text(evil) -> None:
    page = render("snapshot", "html", evil)
    assert "<script>alert" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert page.count("</script>") == 1  # only the embedded JSON's own element

    class Check(html.parser.HTMLParser):
        scripts = 0

        def handle_starttag(self, tag, attrs):
            if tag == "script":
                Check.scripts += 1
    Check().feed(page)
    assert Check.scripts == 1


def test_markdown_escapes_outside_text(evil) -> None:
    page = render("snapshot", "md", evil)
    row = next(line for line in page.splitlines() if line.startswith("| 1 |"))
    assert "<script>" not in row and "&lt;script&gt;" in row
    assert "\\*bold\\*" in row and "\\[link\\]" in row and "\\|" in row
    assert "\u202e" not in row  # the direction override is shown, not obeyed
    assert row.count(" | ") == 8 - 1  # the title's pipe did not make a new column
    comment = page[page.rindex("<!-- draftdiff-snapshot"):]
    assert comment.count("-->") == 1  # a '-->' in a title cannot close the embedded comment early


def test_bibtex_escapes_specials(tmp_path: Path) -> None:
    import bibtexparser

    snap = build_snapshot(load_draft_set([write_collection(tmp_path)]), "2024-09-15", git=False,
                          authors=("Brown & Sons {Ltd} 100%_#$~^\\",))
    text = render("snapshot", "bibtex", snap)
    library = bibtexparser.parse_string(text)
    assert not library.failed_blocks
    assert library.entries[0].fields_dict["author"].value == (
        "{Brown \\& Sons \\textbraceleft{}Ltd\\textbraceright{} 100\\%\\_\\#\\$\\textasciitilde{}\\textasciicircum{}\\textbackslash{}}")
    assert "-{}-as-of" in text  # TeX would print '--' as an en dash


def test_csv_neutralises_formulas(evil, tmp_path: Path) -> None:
    from snapshot_fixtures import draft_yaml

    text = draft_yaml("f", "2024-05-01", {"a": "agreed"}).replace("title: A\n", 'title: "=HYPERLINK(1)"\n')
    snap = build_snapshot(DraftSet([read_draft(text.encode(), "f.yaml")]), git=False)
    [row] = list(csv.DictReader(io.StringIO(render("snapshot", "csv", snap), newline="")))
    assert row["title"] == "'=HYPERLINK(1)"


def test_terminal_board_shows_control_characters_as_escapes(evil) -> None:
    board = render("snapshot", "text", evil, color=False)
    assert "\u202e" not in board and "\\u202e" in board and "\x1b" not in board


def test_the_citation_gives_the_latest_drafts_date_with_its_precision() -> None:
    """Azerbaijan's proposal of late December 2023 is dated ~2023-12-31: the citation said "latest draft
    taken into account dated 2023-12-31", a day nobody gave."""
    from draftdiff.snapshot import build_snapshot
    from draftdiff.snapshot.cite import citation, note

    drafts = load_draft_set([TESTS.parent / "drafts"])
    snap = build_snapshot(drafts, draft_id="2023-12-azerbaijan-proposal")
    said = note(citation(snap, "md"))
    assert "latest draft taken into account dated ~2023-12-31" in said
    assert "from draft 2023-12-azerbaijan-proposal dated ~2023-12-31" in said
