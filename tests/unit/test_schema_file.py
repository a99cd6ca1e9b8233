"""The committed JSON Schema matches the models, and agrees with the validator on real files."""

from __future__ import annotations

import json

import jsonschema
from draft_support import draft_text
from paths import ROOT

from draftdiff.load import read_draft
from draftdiff.schema import draft_json_schema, draft_json_schema_text

ROOT = ROOT


def test_committed_schema_is_in_sync_with_the_models() -> None:
    committed = (ROOT / "schema" / "draft.schema.json").read_text(encoding="utf-8")
    assert committed == draft_json_schema_text(), (
        "schema/draft.schema.json is stale: run 'draftdiff schema -o schema/draft.schema.json'")


def test_schema_accepts_a_valid_draft_and_rejects_a_typo() -> None:
    validator = jsonschema.Draft202012Validator(draft_json_schema())
    tree = read_draft(draft_text().encode(), "a.yaml").tree
    assert list(validator.iter_errors(tree)) == []
    tree["articles"][0]["staus"] = "agreed"
    assert any("staus" in e.message for e in validator.iter_errors(tree))


def test_schema_is_itself_a_valid_json_schema() -> None:
    jsonschema.Draft202012Validator.check_schema(json.loads(draft_json_schema_text()))


def test_bundled_drafts_satisfy_the_schema_and_point_at_it() -> None:
    validator = jsonschema.Draft202012Validator(draft_json_schema())
    files = sorted((ROOT / "drafts").glob("*.yaml"))
    for path in files:
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first == "# yaml-language-server: $schema=../schema/draft.schema.json", path.name
        loaded = read_draft(path.read_bytes(), path.name)
        assert list(validator.iter_errors(loaded.tree)) == [], path.name
