"""Schema errors: each points at the offending key or value, says why, and suggests a fix."""

from __future__ import annotations

from draft_support import draft_text

from draftdiff.diagnostics import Diagnostic
from draftdiff.load import read_draft


def errors(text: str) -> list[Diagnostic]:
    loaded = read_draft(text.encode(), "d.yaml")
    assert loaded.draft is None
    return loaded.diagnostics


def line_of(text: str, needle: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), 1) if needle in line)


def test_misspelt_key_is_an_error_with_did_you_mean_at_the_key() -> None:
    text = draft_text().replace("    status: disputed", "    staus: disputed")
    found = {d.rule: d for d in errors(text)}
    unknown = found["schema-unknown-key"]
    assert (unknown.line, unknown.col) == (line_of(text, "staus"), 5)
    assert "did you mean 'status'?" in unknown.message
    # and the missing 'status' is reported on the article that lacks it
    missing = found["schema-missing-key"]
    assert "'status'" in missing.message and "articles[third-party-forces]" in missing.message
    assert missing.line == line_of(text, "id: third-party-forces")


def test_unknown_top_level_key_lists_suggestion() -> None:
    text = draft_text() + "preconditons: []\n"
    (d,) = errors(text)
    assert d.rule == "schema-unknown-key"
    assert "did you mean 'preconditions'?" in d.message
    assert (d.line, d.col) == (line_of(text, "preconditons"), 1)


def test_wrong_vocabulary_value_suggests_closest() -> None:
    text = draft_text().replace("status: agreed", "status: agred")
    (d,) = errors(text)
    assert d.rule == "schema-value"
    assert "did you mean 'agreed'?" in d.message
    assert (d.line, d.col) == (line_of(text, "agred"), 13)


def test_impossible_date_is_an_error_not_a_crash() -> None:
    text = draft_text(date="2023-02-29")
    (d,) = errors(text)
    assert d.rule == "schema-date"
    assert (d.line, d.col) == (5, 7)
    assert "2023-02-29" in d.message


def test_date_in_other_form_is_refused() -> None:
    text = draft_text(date="'4 January 2024'")
    (d,) = errors(text)
    assert d.rule == "schema-date"
    assert d.hint and "YYYY-MM-DD" in d.hint


def test_timestamp_is_not_a_date() -> None:
    text = draft_text(date="2024-01-04T10:00:00Z")
    (d,) = errors(text)
    assert d.rule == "schema-date"


def test_wrong_type_names_the_path() -> None:
    text = draft_text().replace("parties: [alpha, beta]", "parties: alpha")
    (d,) = errors(text)
    assert d.rule == "schema-type"
    assert d.message.startswith("parties:")
    assert (d.line, d.col) == (line_of(text, "parties: alpha"), 10)


def test_bad_party_key_in_positions_points_at_the_key() -> None:
    text = draft_text().replace("      beta: {", "      Beta Side: {")
    (d,) = errors(text)
    assert d.rule == "schema-value"
    assert (d.line, d.col) == (line_of(text, "Beta Side"), 7)


def test_schema_version_must_be_1() -> None:
    text = draft_text().replace("schema_version: 1", "schema_version: 2")
    (d,) = errors(text)
    assert d.rule == "schema-value"
    assert (d.line, d.col) == (1, 17)


def test_every_error_is_reported_not_just_the_first() -> None:
    text = draft_text(date="2024-13-01").replace("kind: proposal", "kind: proposl").replace(
        "stage: negotiating", "stage: talks")
    assert {d.rule for d in errors(text)} == {"schema-date", "schema-value"}
    assert len(errors(text)) == 3
