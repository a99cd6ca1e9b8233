"""The rapidyaml fast path: taken for plain drafts, and it reads exactly what the careful reader reads."""

from __future__ import annotations

import random
import sys
from pathlib import Path

import pytest

from draftdiff.fastyaml import fast_tree
from draftdiff.load import read_draft
from draftdiff.yamlsource import parse_yaml
from draft_support import draft_text

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
from bench_validate import generate_draft  # noqa: E402

pytest.importorskip("ryml")
ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(autouse=True)
def _fast_path_on(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("draftdiff.fastyaml.PAYS_OFF_AFTER", 0)


def test_plain_draft_takes_the_fast_path_and_matches_the_careful_reader() -> None:
    text = draft_text()
    fast = fast_tree(text)
    assert fast is not None, "the fast path declined a plain draft (is rapidyaml working?)"
    assert fast == parse_yaml(text)[0]


def test_generated_and_bundled_drafts_read_the_same_both_ways() -> None:
    rng = random.Random(7)
    texts = [generate_draft(rng, i) for i in range(20)]
    texts += [p.read_text(encoding="utf-8") for p in sorted((ROOT / "drafts").glob("*.yaml"))]
    for text in texts:
        fast = fast_tree(text)
        if fast is not None:
            assert fast == parse_yaml(text)[0]


SCALARS = """\
a: 'c:\\\\path'
b: "tab\\there \\u0531\\U0001F600"
c: |
  x
   y

  z

d: >
  a
  b

  c
e: 'multi
  line'
f: plain
  continued
g: []
h: {}
i: -1
j: 1.5e3
k: 0
m: 'x # y'
n: a#b
o: |+
  keep

p: |-
  strip
q: 2024-01-04
r: 12:30
s:
t: ''
"""


def test_scalar_forms_agree() -> None:
    fast = fast_tree(SCALARS)
    assert fast is not None
    assert fast == parse_yaml(SCALARS)[0]


@pytest.mark.parametrize("text", [
    "title: 80–90% agreed, A & B at peace!\nnote: '50%'\n", "a: x&y\n", "a: 2*3\n",
])
def test_signs_in_prose_keep_the_fast_path(text: str) -> None:
    assert fast_tree(text) == parse_yaml(text)[0]


def test_a_word_in_asterisks_is_read_carefully_not_wrongly() -> None:
    text = "title: a *stressed* word\n"  # could be an alias to a reader that guesses: the careful one decides
    assert fast_tree(text) is None
    assert read_draft(text.encode(), "x.yaml").diagnostics[0].rule != "yaml-alias"


@pytest.mark.parametrize("text", [
    "%YAML 1.2\n---\na: 1\n", "a: [&x 1]\n", "- *x\n", "a: {b: !t x}\n", "&x a: 1\n",
    "a: ~\n", "- True\n", "a: {b: NULL}\n", "a: 0x1F\n", "a: 01\n", "a: -.inf\n", "a: .NaN\n", "01: x\n",
    "a: +5\n", "a: 1\nb: 2\na: 3\n", "a: &x 1\n", "a: 1\n---\nb: 2\n", "a: !!str x\n", "a: [1, 2\n",
])
def test_anything_unusual_goes_to_the_careful_reader(text: str) -> None:
    assert fast_tree(text) is None


def test_a_yaml_error_prints_nothing_on_stderr(capfd: pytest.CaptureFixture[str]) -> None:
    loaded = read_draft(b"a: [1, 2\n", "x.yaml")
    assert loaded.diagnostics[0].rule == "yaml-syntax"
    assert capfd.readouterr().err == ""


def test_fast_path_waits_until_it_pays_off(monkeypatch: pytest.MonkeyPatch) -> None:
    import draftdiff.fastyaml as fastyaml

    monkeypatch.setattr(fastyaml, "_ryml", None)
    monkeypatch.setattr(fastyaml, "_bytes_seen", 0)
    monkeypatch.setattr(fastyaml, "PAYS_OFF_AFTER", 10_000)
    text = draft_text()
    assert fast_tree(text) is None  # a single small file: the careful reader is cheaper
    for _ in range(10_000 // len(text)):
        fast_tree(text)
    assert fast_tree(text) is not None


def test_valid_file_needs_no_positions_until_asked() -> None:
    loaded = read_draft(draft_text().encode(), "x.yaml")
    assert loaded.ok and loaded._positions is None
    assert loaded.position(("articles", 1, "status")) == (29, 13)


def test_batch_loading_freezes_each_draft_and_thaws_everything_after(tmp_path: Path) -> None:
    import gc

    from draftdiff.load import batch_loading, load_draft

    files = []
    for i in range(3):
        path = tmp_path / f"d{i}.yaml"
        path.write_text(draft_text(), encoding="utf-8")
        files.append(path)
    assert gc.get_freeze_count() == 0
    with batch_loading(files):
        with batch_loading(files[:1]):  # a nested batch must not thaw the outer one's drafts early
            kept = [load_draft(files[0])]
        frozen = gc.get_freeze_count()
        assert frozen > 0, "a loaded draft stays in the collector's sight"
        kept.append(load_draft(files[1]))
        assert gc.get_freeze_count() > frozen
    assert gc.get_freeze_count() == 0, "objects left frozen after the batch could never be collected"


def test_a_callers_own_freeze_is_left_alone(tmp_path: Path) -> None:
    import gc

    from draftdiff.load import batch_loading, load_draft

    path = tmp_path / "d.yaml"
    path.write_text(draft_text(), encoding="utf-8")
    gc.freeze()
    try:
        mine = gc.get_freeze_count()
        with batch_loading([path]):
            load_draft(path)
        assert gc.get_freeze_count() >= mine
    finally:
        gc.unfreeze()


def test_a_quiet_batch_prints_nothing_and_gives_stderr_back(capfd: pytest.CaptureFixture[str]) -> None:
    import os

    from draftdiff.fastyaml import quiet

    with quiet():
        loaded = read_draft(b"a: [1, 2\n", "x.yaml")
        os.write(2, b"swallowed\n")
    assert loaded.diagnostics[0].rule == "yaml-syntax"
    os.write(2, b"after\n")
    assert capfd.readouterr().err == "after\n"
