"""One collection loader: every face sees the same findings, the collection rules included."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from draft_support import draft_text

from draftdiff.cli import main
from draftdiff.collection import load_collection
from draftdiff.snapshot.inputs import InvalidDrafts, load_checked

CONTRADICTED = """\
claimed_counts:
  - {agreed: 2, total: 2, source: src-1, speaker: Minister, date: 2024-01-05}
"""


@pytest.fixture
def contradicted(tmp_path: Path, write: Callable[..., Path]) -> Path:
    """A valid file whose article statuses contradict a count made public: only a collection rule sees it."""
    write("a.yaml", draft_text("a", extra=CONTRADICTED))
    return tmp_path


def test_collection_rules_are_part_of_loading(contradicted: Path) -> None:
    collection = load_collection([contradicted])
    assert collection.draft_set.ids() == ["a"]
    assert not collection.ok
    assert {d.rule for d in collection.diagnostics} == {"claimed-counts"}


def test_validate_and_snapshot_agree_with_the_loader(contradicted: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(contradicted)]) == 1
    assert "claimed-counts" in capsys.readouterr().out
    with pytest.raises(InvalidDrafts) as caught:
        load_checked(contradicted)
    assert [d.rule for d in caught.value.report.diagnostics] == [d.rule for d in load_collection([contradicted]).diagnostics]


def test_disabled_rules_are_left_out(contradicted: Path) -> None:
    assert load_collection([contradicted], disabled=["claimed-counts"]).ok


def test_single_file_sees_its_siblings_for_lineage(tmp_path: Path, write: Callable[..., Path]) -> None:
    write("a.yaml", draft_text("a"))
    child = write("b.yaml", draft_text("b", "2024-02-01", based_on="a"))
    collection = load_collection([child])
    assert collection.ok, collection.diagnostics
    assert collection.draft_set.ids() == ["b"]  # the sibling informs the rules, it is not part of the set
