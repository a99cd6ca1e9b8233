"""The rapidyaml fast path: taken for plain drafts, and it reads exactly what the careful reader reads."""

from __future__ import annotations

import json
import random
import sys

import pytest
from draft_support import draft_text
from paths import ROOT

from draftdiff.fastyaml import fast_json
from draftdiff.load import read_draft
from draftdiff.synthetic import generate_draft
from draftdiff.yamlsource import parse_yaml

pytest.importorskip("ryml")
ROOT = ROOT


class _Repeat(Exception):
    pass


def _no_repeats(pairs: list[tuple[str, object]]) -> dict[str, object]:
    result = dict(pairs)
    if len(result) != len(pairs):
        raise _Repeat
    return result


def fast_tree(text: str) -> object | None:
    """What the fast path reads, as plain data to compare with the careful reader (None: it declined)."""
    emitted = fast_json(text)
    if emitted is None:
        return None
    try:
        return json.loads(emitted, object_pairs_hook=_no_repeats, strict=False)
    except (_Repeat, ValueError, RecursionError):
        return None


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


def test_a_quiet_batch_prints_nothing_and_gives_stderr_back(capfd: pytest.CaptureFixture[str]) -> None:
    import os

    from draftdiff.fastyaml import quiet

    with quiet():
        loaded = read_draft(b"a: [1, 2\n", "x.yaml")
        os.write(2, b"swallowed\n")
    assert loaded.diagnostics[0].rule == "yaml-syntax"
    os.write(2, b"after\n")
    assert capfd.readouterr().err == "after\n"


# --- the loader's fast path: pydantic validates rapidyaml's JSON, repeated keys still caught ----------


def _careful_draft(text: str):  # type: ignore[no-untyped-def]
    from draftdiff.model import Draft

    return Draft.model_validate(parse_yaml(text)[0])


def _keys_in(tree: object) -> int:
    if isinstance(tree, dict):
        return len(tree) + sum(_keys_in(v) for v in tree.values())
    if isinstance(tree, list):
        return sum(_keys_in(v) for v in tree)
    return 0


def _models_in(value: object) -> set[type]:
    from pydantic import BaseModel

    if isinstance(value, BaseModel):
        found = {type(value)}
        for name in type(value).model_fields:
            found |= _models_in(getattr(value, name))
        return found
    if isinstance(value, dict):
        return set().union(*(_models_in(v) for v in value.values()))
    if isinstance(value, list):
        return set().union(*(_models_in(v) for v in value))
    return set()


RICH = draft_text(extra="""\
    claimed_counts:
      - {agreed: 1, disputed: 1, total: 2, source: src-1}
    preconditions:
      - {id: pre-1, party: alpha, kind: demand, demand: Change the constitution, status: open, sources: [src-1]}
    """).replace("""    sources: [src-1]
  - id: third-party-forces""", """    sources: [src-1]
    fragments:
      - {text: each other's sovereignty, basis: verbatim, sources: [src-1]}
  - id: third-party-forces""")


def _corpus() -> list[str]:
    rng = random.Random(11)
    texts = [RICH, draft_text()] + [generate_draft(rng, i) for i in range(10)]
    return texts + [p.read_text(encoding="utf-8") for p in sorted((ROOT / "drafts").glob("*.yaml"))]


def test_keys_given_counts_every_key_of_every_nested_model() -> None:
    """If a model nested in the draft were left out of the count, every file would lose the fast path."""
    from draftdiff.load import keys_given
    from draftdiff.model import _Strict

    seen: set[type] = set()
    for text in _corpus():
        draft = _careful_draft(text)
        seen |= _models_in(draft)
        assert keys_given(draft) == _keys_in(parse_yaml(text)[0])
    assert seen == set(_Strict.__subclasses__()) - {type(None)}, "the corpus must use every model"


def test_the_fast_path_reads_the_same_draft_as_the_careful_reader() -> None:
    for text in _corpus():
        loaded = read_draft(text.encode(), "x.yaml")
        assert loaded.ok, loaded.diagnostics[:2]
        assert loaded.draft == _careful_draft(text)
    generated = read_draft(generate_draft(random.Random(3), 0).encode(), "g.yaml")
    assert generated._tree is None, "a plain generated draft should not need the careful reader"


@pytest.mark.parametrize(("before", "after", "repeat"), [
    ("title: A test proposal\n", "title: A test proposal\ntitle: Another\n", "title: Another"),
    ("    text_basis: summary\n", "    text_basis: summary\n    text_basis: verbatim\n", "text_basis: verbatim"),
    ("{text: Ban along the whole border,", "{text: Ban along the whole border, text: x,", "text: x"),
    ("      beta: {", "      alpha: {text: Again, basis: summary}\n      beta: {", "alpha: {text: Again"),
], ids=["top level", "article", "position", "positions key"])
def test_a_repeated_key_is_reported_with_its_position_not_silently_dropped(before: str, after: str,
                                                                           repeat: str) -> None:
    text = draft_text().replace(before, after, 1)
    lines = text.splitlines()
    line = next(n for n, row in enumerate(lines, 1) if repeat in row)
    col = lines[line - 1].index(repeat) + 1
    loaded = read_draft(text.encode(), "x.yaml")
    assert not loaded.ok
    assert [(d.rule, d.line, d.col) for d in loaded.diagnostics] == [("yaml-duplicate-key", line, col)]


def test_a_quoted_word_before_a_colon_in_prose_keeps_the_fast_path() -> None:
    """Prose like ``two "nuances": a …`` is not a key: it must not send the file to the careful reader."""
    text = draft_text().replace("title: Mutual recognition", "title: 'The \"recognition\": a first step'")
    loaded = read_draft(text.encode(), "x.yaml")
    assert loaded.ok and loaded.draft == _careful_draft(text)
    assert loaded.draft.articles[0].title == 'The "recognition": a first step'
    assert loaded._tree is None


def test_a_backslash_before_a_quote_and_colon_is_read_right() -> None:
    """Where escapes cannot be told apart cheaply the careful reader decides, and reads the same draft."""
    text = draft_text().replace("title: Mutual recognition", "title: 'C:\\\": x'")
    loaded = read_draft(text.encode(), "x.yaml")
    assert loaded.ok and loaded.draft == _careful_draft(text)
    assert loaded.draft.articles[0].title == 'C:\\": x'


def test_every_bundled_draft_takes_the_fast_path() -> None:
    for path in sorted((ROOT / "drafts").glob("*.yaml")):
        loaded = read_draft(path.read_bytes(), path.name)
        assert loaded.ok and loaded._tree is None, f"{path.name} fell back to the careful reader"


@pytest.mark.parametrize("value", ["@see annex", "`code`", "}A", "]A"])
def test_a_value_yaml_forbids_is_an_error_in_a_batch_too(value: str) -> None:
    """rapidyaml reads ``summary: @see annex``; the careful reader refuses it, batch or not."""
    text = draft_text(extra=f"summary: {value}\n")
    lines = text.splitlines()
    loaded = read_draft(text.encode(), "x.yaml")
    assert not loaded.ok
    assert [(d.rule, d.line) for d in loaded.diagnostics] == [("yaml-syntax", len(lines))]


@pytest.mark.parametrize("brk", ["\u2028", "\u2029", "\x85"])
def test_unicode_line_separators_are_refused_by_every_path(brk: str) -> None:
    """YAML 1.1 readers break lines at NEL, LS and PS, YAML 1.2 readers do not: refused, at their place."""
    text = draft_text(extra=f"summary: plain{brk}  continued\n")
    loaded = read_draft(text.encode(), "x.yaml")
    line = text.count("\n")
    assert [(d.rule, d.line, d.col) for d in loaded.diagnostics] == [("file-control-char", line, 15)]


def test_each_draft_reads_alone_though_the_tree_and_buffer_are_reused() -> None:
    """One tree serves file after file: a broken file in between, or one larger than the buffer,
    must leave nothing of itself in the next draft read."""
    from draftdiff import fastyaml

    first = draft_text(id="first")
    second = draft_text(id="second", extra="notes: one\n")
    large = draft_text(id="large", extra="summary: " + "peace " * 40_000 + "\n")  # JSON beyond the 64 KB buffer
    for text in (first, "a: [unclosed\n", second, large, first, "- a list\n- at the top\n", second):
        fast = fast_tree(text)
        careful = parse_yaml(text)[0] if not text.startswith(("a:", "-")) else None
        if careful is not None:
            assert fast == careful
    assert len(fastyaml._workspace.buffer) > fastyaml._BUFFER_START  # it grew to fit, and kept the room


def test_a_huge_draft_does_not_keep_its_tree_or_buffer(monkeypatch: pytest.MonkeyPatch) -> None:
    from draftdiff import fastyaml

    monkeypatch.setattr(fastyaml, "_KEEP_UP_TO", 10_000)
    monkeypatch.setattr(fastyaml, "_workspace", fastyaml._Workspace())
    text = draft_text(extra="summary: " + "peace " * 5_000 + "\n")
    assert fast_tree(text) == parse_yaml(text)[0]
    assert fastyaml._workspace.tree is None
    assert len(fastyaml._workspace.buffer) == fastyaml._BUFFER_START


def test_threads_reading_at_once_each_read_their_own_draft() -> None:
    import threading

    texts = {name: draft_text(id=name, extra=f"summary: {name} {name} {name}\n") for name in ("north", "south", "east")}
    expected = {name: parse_yaml(text)[0] for name, text in texts.items()}
    failures: list[str] = []

    def read(name: str) -> None:
        for _ in range(40):
            if fast_tree(texts[name]) != expected[name]:
                failures.append(name)

    threads = [threading.Thread(target=read, args=(name,)) for name in texts]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failures == []


@pytest.mark.parametrize("text", ["", "# only a comment\n", "\n\n", "...\n", "---\n# nothing\n"])
def test_an_empty_document_reads_as_the_careful_reader_reads_it(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    if text.strip() in ("", "# only a comment"):
        assert fast_json(text) is None  # nothing to emit: not even an empty JSON text
    fast = read_draft(text.encode(), "empty.yaml")
    monkeypatch.setattr("draftdiff.fastyaml.PAYS_OFF_AFTER", 10**12)
    monkeypatch.setattr("draftdiff.fastyaml._ryml", None)
    careful = read_draft(text.encode(), "empty.yaml")
    assert fast.draft is None and fast.diagnostics == careful.diagnostics


@pytest.mark.library
def test_a_program_importing_draftdiff_keeps_its_descriptors(capfd: pytest.CaptureFixture[str],
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    """Only the draftdiff command may redirect descriptor 2; a library caller reads carefully instead."""
    import os

    from draftdiff import fastyaml
    from draftdiff.fastyaml import fast_json, quiet

    calls: list[tuple[int, int]] = []
    real_dup2 = os.dup2
    monkeypatch.setattr(os, "dup2", lambda a, b, *rest: calls.append((a, b)) or real_dup2(a, b, *rest))
    assert not fastyaml.muting_allowed()
    big = "a: [1, 2\n" + "# padding\n" * 20_000  # large enough for the fast path, and broken
    assert fast_json(big) is None
    with quiet():
        loaded = read_draft(b"a: [1, 2\n", "x.yaml")
    assert loaded.diagnostics[0].rule == "yaml-syntax"
    assert calls == [] and capfd.readouterr().err == ""


def test_the_command_lets_the_fast_reader_silence_rapidyaml() -> None:
    import subprocess

    code = ("import draftdiff.cli as c, draftdiff.fastyaml as f, sys; sys.argv=['draftdiff','rules'];"
            "import atexit; atexit.register(lambda: print('ALLOWED' if f.muting_allowed() else 'NO', file=sys.stderr));"
            "c.entry()")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.stderr.strip().endswith("ALLOWED")
    env_off = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60,
                             env={**__import__("os").environ, "DRAFTDIFF_DEFAULT_GC": "1"})
    assert env_off.stderr.strip().endswith("NO")
