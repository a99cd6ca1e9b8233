"""``draftdiff diff`` as a user runs it on changes of evidence: exit codes, --stat, --substantive, JSON options,
claimed counts read as changed, and the schema kept in step with the kinds the engine names."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from evidence_support import base_data
from paths import ROOT
from ruamel.yaml import YAML

from draftdiff.cli import main
from draftdiff.diff import diff_drafts
from draftdiff.diff import result as r
from draftdiff.model import Draft
from draftdiff.render import render

SCHEMA = ROOT / "schema" / "diff.schema.json"


def write(path: Path, data: dict[str, Any]) -> Path:
    yaml = YAML(typ="safe", pure=True)
    yaml.default_flow_style = False
    with path.open("w", encoding="utf-8") as out:
        yaml.dump(data, out)
    return path


def pair(tmp_path: Path, change: Any) -> tuple[str, str]:
    old = base_data()
    new = base_data()
    change(new)
    return str(write(tmp_path / "old.yaml", old)), str(write(tmp_path / "new.yaml", new))


def test_a_changed_quote_alone_exits_1_and_is_printed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    a, b = pair(tmp_path, lambda d: d["sources"][0].update(quote="all of the text is agreed"))
    assert main(["diff", a, a]) == 0
    capsys.readouterr()
    assert main(["diff", a, b, "--no-color"]) == 1
    out = capsys.readouterr().out
    assert "quote: [-most-]{+all+} of the text is agreed" in out
    assert "0 article entries changed" in out and "also 1 source changed" in out
    assert main(["textconv", a]) == 0
    before = capsys.readouterr().out
    assert main(["textconv", b]) == 0
    after = capsys.readouterr().out
    assert "most of the text is agreed" in before and "all of the text is agreed" in after


def test_a_changed_claimed_count_reads_as_changed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    a, b = pair(tmp_path, lambda d: d["claimed_counts"][0].update(agreed=6, speaker="Ilham Aliyev"))
    assert main(["diff", a, b, "--no-color"]) == 1
    out = capsys.readouterr().out
    assert "~ Ilham Aliyev 2024-01-02: agreed 5 → 6, speaker A. Speaker → Ilham Aliyev" in out
    assert "claimed count removed" not in out and "added" not in out


def claims(*entries: dict[str, Any]) -> Draft:
    data = base_data()
    data["claimed_counts"] = list(entries)
    return Draft.model_validate(data)


def test_claims_pair_by_speaker_date_and_source() -> None:
    aliyev = {"agreed": 15, "disputed": 2, "speaker": "Ilham Aliyev", "date": "2024-12-18", "source": "s1"}
    pashinyan = {"agreed": 13, "speaker": "Nikol Pashinyan", "date": "2024-12-18", "source": "s1"}
    diff = diff_drafts(claims(aliyev, pashinyan), claims(dict(pashinyan, agreed=14), dict(aliyev, agreed=16)))
    phrases = sorted(render("diff", "text", diff).split("Claimed counts\n")[1].split("\n\n")[0].splitlines())
    assert phrases == ["~ Ilham Aliyev 2024-12-18: agreed 15 → 16", "~ Nikol Pashinyan 2024-12-18: agreed 13 → 14"]
    # a corrected date still pairs (same speaker, same source); a new speaker's claim is added
    diff = diff_drafts(claims(aliyev), claims(dict(aliyev, date="2024-12-19"), dict(pashinyan, source="s2")))
    assert [(c.name, c.change) for c in diff.claims] == [("Ilham Aliyev 2024-12-19", "changed"),
                                                          ("Nikol Pashinyan 2024-12-18", "added")]
    # two claims the keys cannot tell apart are never paired by guesswork with a third
    twin = dict(aliyev, agreed=14)
    diff = diff_drafts(claims(aliyev, twin), claims(dict(aliyev, agreed=16, source="s2")))
    assert sorted(c.change for c in diff.claims) == ["added", "removed", "removed"]


def no_text_entries() -> tuple[Draft, Draft]:
    def position_only(id: str, number: int, stance: str) -> dict[str, Any]:
        return {"id": id, "number": number, "title": id.capitalize(), "status": "disputed",
                "positions": {"armenia": {"text": stance, "basis": "summary"}}}

    old = base_data()
    old["articles"] = [position_only("forces", 1, "Ban on delimited sections only")]
    new = base_data()
    new["articles"] = [position_only("forces", 1, "Ban along the whole border"),
                       {"id": "missing-persons", "number": 2, "title": "Missing persons", "status": "agreed"}]
    return Draft.model_validate(old), Draft.model_validate(new)


@pytest.mark.parametrize("fmt", ["text", "markdown", "html"])
def test_stat_says_what_changed_instead_of_plus_0_minus_0(fmt: str) -> None:
    old, new = no_text_entries()
    out = render("diff", fmt, diff_drafts(old, new), stat=True)
    out = out.split("</style>")[-1]  # the page's CSS says 100% too
    assert "+0 -0" not in out and "+0 / −0" not in out and "100%" not in out
    assert "positions: armenia reworded" in out
    assert "added (no text on record)" in out


@pytest.mark.parametrize("fmt", ["text", "markdown", "html"])
def test_a_positions_new_source_is_said_once_and_not_under_substantive(fmt: str) -> None:
    """The line read "positions: armenia reworded, sources +s2, position of armenia sources +s2"."""
    def position(stance: str, sources: list[str]) -> dict[str, Any]:
        return {"id": "forces", "title": "Third-party forces", "status": "disputed",
                "positions": {"armenia": {"text": stance, "basis": "summary", "sources": sources}}}

    old, new = base_data(), base_data()
    old["articles"] = [position("Ban on delimited sections only", ["s1"])]
    new["articles"] = [position("Ban along the whole border", ["s1", "s2"])]
    result = diff_drafts(Draft.model_validate(old), Draft.model_validate(new))
    out = render("diff", fmt, result, stat=True).split("</style>")[-1]
    assert "positions: armenia reworded" in out
    assert out.count("+s2") == 1, out
    substantive = render("diff", fmt, result, stat=True, substantive=True).split("</style>")[-1]
    assert "positions: armenia reworded" in substantive and "+s2" not in substantive
    if fmt != "text":  # the change list names an article with no number by its title, not "Unnumbered article"
        assert "Third-party forces" in out


@pytest.mark.parametrize(("command", "alias"), [("diff", "md"), ("snapshot", "markdown")])
def test_each_command_takes_the_other_name_of_markdown(command: str, alias: str, tmp_path: Path,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    old, new = pair(tmp_path, lambda d: d.update(title="A changed title"))
    args = ["diff", old, new] if command == "diff" else ["snapshot", "--drafts", str(ROOT / "drafts")]
    code = main([*args, "-f", alias])
    assert code in (0, 1), capsys.readouterr().err
    assert capsys.readouterr().out.lstrip().startswith("#")


def test_substantive_applies_to_stat_and_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    def change(d: dict[str, Any]) -> None:
        d["sources"][0]["quote"] = "all of the text is agreed"
        d["articles"][0]["notes"] = "A changed article note."
        d["articles"][1]["status"] = "agreed"

    a, b = pair(tmp_path, change)
    assert main(["diff", a, b, "--stat", "--no-color"]) == 1
    full = capsys.readouterr().out
    assert "recognition" in full and "source s1: quote changed" in full
    assert main(["diff", a, b, "--stat", "--substantive", "--no-color"]) == 1  # anything differs: exit 1
    short = capsys.readouterr().out
    assert "source s1" not in short and "recognition " not in short and "forces" in short
    assert "--substantive: 2 clerical changes not shown" in short
    assert main(["diff", a, b, "--format", "json", "--substantive"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert [x["id"] for x in data["articles"]] == ["forces"]
    assert data["sources"] == [] and data["hidden_by_substantive"] == 2
    assert data["options"]["substantive"] is True and data["options"]["show_all"] is False


def test_json_records_every_option_used(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    a, b = pair(tmp_path, lambda d: d["articles"][1].update(status="agreed"))
    assert main(["diff", a, b, "-f", "json", "-a", "--stat", "-i", "-w", "--ignore-punctuation",
                 "--ignore-party-order", "--granularity", "char", "--timeout", "3"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert data["options"] == {"granularity": "char", "ignore_case": True, "ignore_space": True,
                               "ignore_punctuation": True, "ignore_party_order": True, "timeout": 3.0,
                               "similarity_threshold": 0.5, "stat": True, "show_all": True, "substantive": False}
    assert [x["id"] for x in data["articles"]] == ["recognition", "forces"]  # -a: unchanged ones too
    jsonschema.validate(data, json.loads(SCHEMA.read_text(encoding="utf-8")))
    assert main(["diff", a, b, "-f", "json"]) == 1
    assert [x["id"] for x in json.loads(capsys.readouterr().out)["articles"]] == ["forces"]


def test_json_with_every_kind_of_evidence_validates() -> None:
    from evidence_support import MUTATIONS, base

    validator = jsonschema.Draft202012Validator(json.loads(SCHEMA.read_text(encoding="utf-8")))
    for mutation in MUTATIONS:
        for substantive in (False, True):
            data = json.loads(render("diff", "json", diff_drafts(base(), mutation.apply()), substantive=substantive))
            validator.validate(data)


def test_the_schema_names_exactly_the_kinds_the_engine_names() -> None:
    defs = json.loads(SCHEMA.read_text(encoding="utf-8"))["$defs"]
    assert defs["article_kind"]["enum"] == list(r.ARTICLE_KINDS)
    assert defs["precondition_kind"]["enum"] == list(r.PRECONDITION_KINDS)
    assert defs["draft_kind"]["enum"] == list(r.DRAFT_KINDS)


def test_an_added_article_says_its_status_and_each_party_s_position() -> None:
    old, new = no_text_entries()
    data = new.model_dump()
    data["articles"].append(dict(data["articles"][0], id="new-forces", number=3))
    out = render("diff", "text", diff_drafts(old, Draft.model_validate(data)))
    assert "added (no text on record), status disputed" in out
    assert "position of armenia (summary): added\n        {+Ban along the whole border+}" in out
