"""``draftdiff import`` end to end: write a valid draft, continue the base's ids, then diff and textconv."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest
from import_support import FIXTURES, docx_from_text, encrypted_office_file
from paths import ROOT

from draftdiff.cli import main
from draftdiff.collection import load_collection
from draftdiff.load import load_draft

V1_ARGS = ["--id", "2026-01-10-norland-draft", "--date", "2026-01-10", "--by", "norland",
           "--agreement", "norland-sudmark", "--parties", "norland,sudmark",
           "--source-title", "Draft treaty published by the Norland foreign ministry",
           "--source-publisher", "Norland Foreign Ministry", "--source-url", "https://example.org/norland/draft"]
V2_ARGS = ["--id", "2026-03-02-leak", "--date", "2026-03-02", "--by", "sudmark", "--kind", "counter-proposal",
           "--based-on", "2026-01-10-norland-draft", "--source-title", "Leaked counter-draft",
           "--source-publisher", "Example News", "--source-url", "https://example.org/news/leak"]


def run(capsys: pytest.CaptureFixture[str], *args: str | Path) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return code, out, err


@pytest.fixture
def drafts(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Path:
    """A drafts folder holding the first version, imported from text."""
    monkeypatch.chdir(tmp_path)
    folder = tmp_path / "drafts"
    folder.mkdir()
    code, out, err = run(capsys, "import", FIXTURES / "norland-v1.txt", *V1_ARGS)
    assert code == 0, err
    assert "wrote drafts/2026-01-10-norland-draft.yaml" in out
    return folder


def articles(path: Path) -> dict[str, object]:
    loaded = load_draft(path)
    assert loaded.draft is not None, loaded.diagnostics
    return {a.id: a for a in loaded.draft.articles}


def test_a_leak_of_part_of_the_text_is_partial_and_continues_the_base(
        drafts: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A leak of one article was written as the whole version: every other article then read "removed"; a
    shortened title under the same number started a new id; the agreement's name was dropped."""
    base = drafts / "2026-01-10-norland-draft.yaml"
    base.write_text(base.read_text(encoding="utf-8").replace(
        "agreement: norland-sudmark\n", "agreement: norland-sudmark\nagreement_title: Norland–Sudmark treaty\n"),
        encoding="utf-8")
    leak = tmp_path / "leak.txt"
    leak.write_text("Leaked article\n\nARTICLE II\nBorders\n\nThe Parties shall agree a commission.\n",
                    encoding="utf-8")
    code, out, err = run(capsys, "import", leak, *V2_ARGS, "--coverage", "partial")
    assert code == 0, err
    written = load_draft(drafts / "2026-03-02-leak.yaml").draft
    assert written is not None
    assert written.article_coverage == "partial"
    assert written.agreement_title == "Norland–Sudmark treaty"
    base_ids = {a.id for a in load_draft(base).draft.articles if a.number in ("II", 2)}  # type: ignore[union-attr]
    assert {a.id for a in written.articles if a.part == "article"} == base_ids  # "Borders" continues Article II
    code, out, _ = run(capsys, "diff", "2026-01-10-norland-draft", "2026-03-02-leak", "--drafts", drafts, "--stat")
    assert "articles not on record in 2026-03-02-leak" in out
    assert [line for line in out.splitlines() if line.startswith("- ") and not line.startswith("- source")] == []


def test_the_imported_draft_is_valid_as_written(drafts: Path) -> None:
    checked = load_collection([drafts])
    assert checked.report.diagnostics == []
    draft = checked.draft_set.get("2026-01-10-norland-draft")
    assert draft is not None
    assert draft.parties == ["norland", "sudmark"] and draft.agreement == "norland-sudmark"
    assert {a.status for a in draft.articles} == {"unknown"}
    assert {a.text_basis for a in draft.articles} == {"verbatim"}
    assert draft.sources[0].url == "https://example.org/norland/draft"
    assert all(a.sources == (draft.sources[0].id,) for a in draft.articles)
    assert [a.part for a in draft.articles][:2] == ["title", "preamble"] and draft.articles[-1].part == "annex"
    text = (FIXTURES / "norland-v1.txt").read_text(encoding="utf-8")
    for article in draft.articles:  # verbatim: every paragraph is the file's, character for character
        for paragraph in (article.text or "").split("\n\n"):
            assert paragraph in text


@pytest.mark.parametrize("name", ["norland-v2.txt", "norland-v2.md", "norland-v2.html", "norland-v2.docx"])
def test_a_revision_keeps_ids_through_renumbering_a_move_and_a_split(
        name: str, drafts: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = FIXTURES / name
    if name.endswith(".docx"):
        source = docx_from_text(FIXTURES / "norland-v2.txt", tmp_path / name)
    code, out, err = run(capsys, "import", source, *V2_ARGS)
    assert code == 0, err
    # the mapping chosen is printed, one line per entry
    assert re.search(r"Article VII\s+→ transit\s+continues Article IV \(renumbered\)", out)
    assert re.search(r"Article IV\s+→ non-deployment-of-forces\s+new, split off Article II", out)
    assert re.search(r"Article II\s+→ non-use-of-force\s+new", out)
    new = articles(drafts / "2026-03-02-leak.yaml")
    assert [(a.id, a.number) for a in new.values()] == [
        ("title", None), ("preamble", None), ("recognition", "I"), ("non-use-of-force", "II"),
        ("borders-and-delimitation", "III"), ("non-deployment-of-forces", "IV"), ("diplomatic-relations", "V"),
        ("settlement-of-disputes", "VI"), ("transit", "VII"), ("entry-into-force", "VIII"),
        ("delimitation-commission", 1)]
    assert load_collection([drafts]).report.diagnostics == []

    code, out, _ = run(capsys, "diff", "2026-01-10-norland-draft", "2026-03-02-leak", "-f", "json")
    assert code == 1
    by_id = {a["id"]: a for a in json.loads(out)["articles"]}
    assert "renumbered" in by_id["transit"]["kinds"] and (by_id["transit"]["old_number"],
                                                          by_id["transit"]["new_number"]) == ("IV", "VII")
    assert "split" in by_id["borders-and-delimitation"]["kinds"]
    assert "non-deployment-of-forces" in by_id["borders-and-delimitation"]["related"]
    assert "added" in by_id["non-use-of-force"]["kinds"]
    assert "moved" in by_id["settlement-of-disputes"]["kinds"] or "moved" in by_id["transit"]["kinds"]
    assert by_id["recognition"]["kinds"] and "renumbered" not in by_id["recognition"]["kinds"]
    assert by_id["preamble"]["part"] == "preamble"

    code, out, _ = run(capsys, "diff", "2026-01-10-norland-draft", "2026-03-02-leak", "--stat")
    assert re.search(r"Article IV → VII\s+transit", out)


def words_of(text: str) -> Counter[str]:
    """Words as a reader counts them; a heading's "ARTICLE" or "Art." is the word Article, as textconv writes it."""
    found = re.findall(r"[\w'\[\]:-]+", text)
    return Counter("article" if w.casefold() == "art" else w.casefold() for w in found)


@pytest.mark.parametrize("name", ["norland-v1.txt", "norland-v2.md", "norland-v2.html", "norland-v2.docx"])
def test_import_and_textconv_keep_every_word(name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = FIXTURES / name
    if name.endswith(".docx"):
        source = docx_from_text(FIXTURES / "norland-v2.txt", tmp_path / name)
    target = tmp_path / "imported.yaml"
    code, _, err = run(capsys, "import", source, *V1_ARGS, "-o", target)
    assert code == 0, err
    code, out, _ = run(capsys, "textconv", target)
    assert code == 0
    plain = FIXTURES / ("norland-v1.txt" if name == "norland-v1.txt" else "norland-v2.txt")
    lost = words_of(plain.read_text(encoding="utf-8")) - words_of(out)
    assert not lost, f"lost: {sorted(lost.elements())[:20]}"


def test_dry_run_shows_number_id_title_and_first_words_and_writes_nothing(
        drafts: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "import", FIXTURES / "norland-v2.txt", "--dry-run", "--based-on",
                       "2026-01-10-norland-draft")
    assert code == 0
    assert re.search(r"Article VII\s+transit\s+Transit — Each Party shall guarantee unimpeded transit of persons, …",
                     out)
    assert "nothing written" in out and not (drafts / "2026-03-02-leak.yaml").exists()


def test_map_overrides_the_alignment(drafts: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "import", FIXTURES / "norland-v2.txt", *V2_ARGS, "--map", "II=force-ban",
                         "--map", "VII=transit-and-trade")
    assert code == 0, err
    assert re.search(r"Article II\s+→ force-ban\s+given with --map", out)
    ids = list(articles(drafts / "2026-03-02-leak.yaml"))
    assert "force-ban" in ids and "transit-and-trade" in ids and "transit" not in ids


def test_a_map_for_a_number_the_text_lacks_is_refused(drafts: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "import", FIXTURES / "norland-v2.txt", *V2_ARGS, "--map", "XX=nowhere")
    assert code == 2 and "an id is given for xx, which the text does not have (--map)" in err


@pytest.mark.parametrize("value, said, hint", [
    ("VII", "'VII' does not give a number an id (--map)", "hint: write NUMBER=ID, e.g. --map '5 bis=border-commission'"),
    ("VII=Not An Id", "'VII=Not An Id': 'Not An Id' is not a valid id (--map)", "hint: use lower-case letters"),
])
def test_a_malformed_map_names_the_flag_and_its_form(value: str, said: str, hint: str, tmp_path: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "import", FIXTURES / "norland-v2.txt", "--dry-run", "--map", value)
    assert code == 2 and f"draftdiff import: {said}\n" in err and hint in err


def test_no_headings_hints_at_the_heading_pattern_flag(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "import", FIXTURES / "paragraphs-de.txt", "--dry-run")
    assert code == 2 and "no article headings found" in err
    assert "hint: headings are lines such as 'Article 1'" in err
    assert "for another language or form give --heading-pattern with a (?P<number>…) group" in err


def test_a_bad_heading_pattern_or_encoding_names_its_flag(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "import", FIXTURES / "paragraphs-de.txt", "--dry-run", "--heading-pattern", "(")
    assert code == 2 and "the heading pattern '(' is not a valid regular expression" in err
    assert err.splitlines()[0].endswith("(--heading-pattern)")
    code, _, err = run(capsys, "import", FIXTURES / "norland-v1.txt", "--dry-run", "--encoding", "klingon")
    assert code == 2 and "unknown encoding 'klingon' (--encoding)" in err
    code, _, err = run(capsys, "import", FIXTURES / "norland-v1.txt", "--dry-run", "--format", "docx")
    assert code == 2 and "not a Word file, not docx (--format)" in err
    assert "hint: leave out --format, or name the right one" in err


def test_suffix_numbers_import_valid_and_in_reading_order(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "fisheries.yaml"
    code, _, err = run(capsys, "import", FIXTURES / "suffixes.txt", *V1_ARGS[:4], "--by", "joint",
                       "--agreement", "fisheries", "--parties", "norland,sudmark", "--source-title", "Protocol",
                       "--source-publisher", "Example Gazette", "-o", target)
    assert code == 0, err
    assert load_collection([target]).report.diagnostics == []
    code, out, _ = run(capsys, "textconv", target)
    headings = re.findall(r"^## (Article \S+(?: bis)?)\.", out, re.M)
    assert headings == ["Article premier", "Article 2", "Article 2 bis", "Article 3", "Article 3-1", "Article 4"]


def test_heading_pattern_option(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "import", FIXTURES / "paragraphs-de.txt", "--dry-run",
                       "--heading-pattern", r"^§\s*(?P<number>\d+)\s+(?P<title>.+)$")
    assert code == 0 and re.search(r"Article 2\s+kommission\s+Kommission", out)


def test_it_writes_next_to_the_base_or_in_drafts_dir(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    elsewhere = tmp_path / "collection"
    elsewhere.mkdir()
    code, _, err = run(capsys, "import", FIXTURES / "norland-v1.txt", *V1_ARGS, "--drafts", elsewhere)
    assert code == 0, err and (elsewhere / "2026-01-10-norland-draft.yaml").exists()
    v2 = [a if a != "2026-01-10-norland-draft" else str(elsewhere / "2026-01-10-norland-draft.yaml") for a in V2_ARGS]
    code, _, err = run(capsys, "import", FIXTURES / "norland-v2.txt", *v2)
    assert code == 0, err
    assert (elsewhere / "2026-03-02-leak.yaml").exists()


def test_an_existing_file_is_never_overwritten(drafts: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = drafts / "2026-01-10-norland-draft.yaml"
    before = target.read_bytes()
    code, _, err = run(capsys, "import", FIXTURES / "norland-v1.txt", *V1_ARGS)
    assert code == 1 and "exists already" in err and target.read_bytes() == before


def test_statuses_given_are_reported_by_the_source(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "d.yaml"
    code, _, err = run(capsys, "import", FIXTURES / "norland-v1.txt", *V1_ARGS, "--status", "agreed", "-o", target)
    assert code == 0, err
    assert load_collection([target]).report.errors == 0
    assert {(a.status, a.status_basis) for a in articles(target).values()} == {("agreed", "reported")}


@pytest.mark.parametrize("args, message", [
    (["--id", "x"], "give --date, --by, --agreement, --parties"),
    (V1_ARGS[:6] + ["--agreement", "a", "--parties", "b"], "--source-title and --source-publisher"),
    (V1_ARGS[:2] + ["--date", "2026-02-30"] + V1_ARGS[4:], "date"),
])
def test_missing_or_bad_arguments(args: list[str], message: str, tmp_path: Path,
                                  capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "import", FIXTURES / "norland-v1.txt", "-o", tmp_path / "x.yaml", *args)
    assert code == 2 and message in err


def test_bad_files_get_a_message_not_a_traceback(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    locked = encrypted_office_file(tmp_path / "locked.docx")
    code, _, err = run(capsys, "import", locked, "--dry-run")
    assert code == 2 and "password-protected" in err and "hint:" in err

    fake = tmp_path / "fake.docx"
    fake.write_text("<html>an error page</html>", encoding="utf-8")
    code, _, err = run(capsys, "import", fake, "--dry-run")
    assert code == 2 and "not a Word file" in err

    import zipfile
    with zipfile.ZipFile(tmp_path / "other.docx", "w") as archive:
        archive.writestr("content.xml", "<x/>")
    code, _, err = run(capsys, "import", tmp_path / "other.docx", "--dry-run")
    assert code == 2 and "without word/document.xml" in err

    latin = tmp_path / "latin.txt"
    latin.write_bytes("Traité\n\nArticle 1\nLes Parties coopèrent.\n".encode("latin-1"))
    code, _, err = run(capsys, "import", latin, "--dry-run")
    assert code == 2 and "latin.txt:1: not valid utf-8" in err and "--encoding" in err
    code, out, _ = run(capsys, "import", latin, "--dry-run", "--encoding", "latin-1")
    assert code == 0 and "coopèrent" in out

    code, _, err = run(capsys, "import", tmp_path / "missing.txt", "--dry-run")
    assert code == 2 and "no such file" in err

    empty = tmp_path / "empty.txt"
    empty.write_text("Article 1\n\nArticle 2\nText.\n", encoding="utf-8")
    code, _, err = run(capsys, "import", empty, "--dry-run")
    assert code == 2 and "empty.txt:1: Article 1 ('Article 1') has no text" in err

    code, _, err = run(capsys, "import", FIXTURES / "paragraphs-de.txt", "--dry-run")
    assert code == 2 and "no article headings found" in err and "Abkommen" in err and "pattern:" in err


def test_json_outputs_take_numbers_as_written(drafts: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import jsonschema

    code, _, err = run(capsys, "import", FIXTURES / "norland-v2.txt", *V2_ARGS)
    assert code == 0, err
    code, out, _ = run(capsys, "diff", "2026-01-10-norland-draft", "2026-03-02-leak", "-f", "json")
    schema = json.loads((ROOT / "schema" / "diff.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(json.loads(out), schema)
    snapshot = tmp_path / "snap.json"
    code, _, err = run(capsys, "snapshot", "--as-of", "2026-03-05", "-f", "json", "-o", snapshot)
    assert code == 0, err
    rows = json.loads(snapshot.read_text(encoding="utf-8"))["content"]["articles"]
    assert [r["number"] for r in rows if r["part"] == "article"] == ["I", "II", "III", "IV", "V", "VI", "VII", "VIII"]
    code, out, err = run(capsys, "snapshot", "verify", snapshot)
    assert code == 0 and "verified" in out + err


@pytest.mark.parametrize(("old", "new", "alike"), [
    ("The Parties agree. Each Party shall guarantee transit. Transit is free of charge.",
     "The Parties agree. EACH PARTY shall guarantee TRANSIT. Transit is free of charge, always.", "0.96"),
    ("Les Parties conviennent. Chaque Partie garantit le libre passage. Le passage est gratuit pour l'État.",
     "Les Parties conviennent. CHAQUE PARTIE garantit le libre PASSAGE. Le passage est gratuit pour l'ÉTAT, "
     "toujours.", "0.97"),
    ("Yes. Yes. Yes. No more than this.", "Yes. No more than this. Maybe so.", "0.71"),
], ids=["ascii", "accented", "repeated"])
def test_the_wording_likeness_counts_words_whatever_their_case_and_punctuation(
        old: str, new: str, alike: str, tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    """13 of 14 words shared (16 of 17 in French): case and punctuation do not make a word differ; a word
    repeated counts as often as both texts have it (yes three times against once: 5 of 7 shared)."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "drafts").mkdir()
    for name, text in (("v1.txt", old), ("v2.txt", new)):
        (tmp_path / name).write_text(f"A treaty\n\nArticle 1 — Transit\n\n{text}\n", encoding="utf-8")
    code, _, err = run(capsys, "import", tmp_path / "v1.txt", *V1_ARGS)
    assert code == 0, err
    code, out, err = run(capsys, "import", tmp_path / "v2.txt", *V2_ARGS)
    assert code == 0, err
    assert f"→ transit  continues Article 1, wording {alike} alike" in out, out


def test_control_and_hidden_characters_in_a_text_are_removed_and_named_by_line(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = tmp_path / "v1.txt"
    text.write_text("A treaty\n\nArticle 1 — Transit\n\nEach Party\x1b[2J shall \u202eguarantee transit.\n"
                    "\nArticle 2 — Borders\n\nThe border is the line.\n", encoding="utf-8")
    code, out, _ = run(capsys, "import", text, "--dry-run")
    assert code == 0
    assert f"warning: {text}:5: removed 2 control or hidden characters" in out
    assert "Transit — Each Party[2J shall guarantee transit." in out
    assert "warning" not in out.split("Borders")[1]
    clean = tmp_path / "v2.txt"
    clean.write_text(text.read_text(encoding="utf-8").replace("\x1b", "").replace("\u202e", ""), encoding="utf-8")
    code, out, _ = run(capsys, "import", clean, "--dry-run")
    assert code == 0 and "warning" not in out


def test_bad_details_are_named_all_at_once_in_words_not_reprs(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "drafts").mkdir()
    bad = [a for a in V1_ARGS]
    bad[bad.index("--id") + 1] = "Bad Id"
    bad[bad.index("--date") + 1] = "2026-13-40"
    bad[bad.index("--source-url") + 1] = "notaurl"
    code, _, err = run(capsys, "import", FIXTURES / "norland-v1.txt", *bad)
    assert code == 2 and not list((tmp_path / "drafts").iterdir())
    assert "(not Bad Id)" in err and "(not 2026-13-40)" in err and "(not notaurl)" in err
    assert "got " not in err and "{" not in err
