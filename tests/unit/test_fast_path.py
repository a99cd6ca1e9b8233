"""The fast path (yaml-rs): taken for plain drafts, and it reads exactly what the careful reader reads."""

from __future__ import annotations

import math
import random
import re
import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from draft_support import draft_text
from paths import ROOT

from draftdiff import fastyaml
from draftdiff.fastyaml import fast_tree
from draftdiff.load import read_draft
from draftdiff.synthetic import generate_draft
from draftdiff.yamlsource import YamlProblem, parse_yaml

pytest.importorskip("yaml_rs")
ROOT = ROOT


def test_plain_draft_takes_the_fast_path_and_matches_the_careful_reader() -> None:
    text = draft_text()
    fast = fast_tree(text)
    assert fast is not None, "the fast path declined a plain draft (is yaml-rs installed?)"
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


@pytest.mark.parametrize("newline", ["\r", "\r\n"])
def test_lines_broken_by_cr_read_the_same_and_only_crlf_keeps_the_fast_path(newline: str) -> None:
    """The fast path's checks look along lines for ``\n``: a file broken by CR alone was one line to them,
    and checking it cost the square of its size (minutes near the size limit). It goes to the careful reader."""
    plain = draft_text()
    text = plain.replace("\n", newline)
    assert (fast_tree(text) is None) == (newline == "\r")
    assert read_draft(text.encode("utf-8"), "cr.yaml").draft == read_draft(plain.encode("utf-8"), "lf.yaml").draft


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
    "%YAML 1.2\n---\na: 1\n", "a: [&x 1]\n", "- *x\n", "a: {b: !t x}\n", "&x a: 1\n", "a: 1\nb: 2\na: 3\n",
    "a: &x 1\n", "a: 1\n---\nb: 2\n", "a: !!str x\n", "a: [1, 2\n", "- a list\n", "just a value\n",
    "a: 0X1F\n", "a: 0b101\n", "a: 1_000\n", "a: [x, 7_52]\n", "- -3_.1\n", "? [a]\n: 1\n", "01: x\n",
    "l: [https://x.org]\n", "l: {a:b}\n", "l: [a, b:]\n", "l: [a,\n  b:c]\n", "l: {u: x, v: [1]}\nm: [a:b]\n",
])
def test_anything_unusual_goes_to_the_careful_reader(text: str) -> None:
    assert fast_tree(text) is None


@pytest.mark.parametrize("text", [
    "a: ~\n", "a: [True, false, NULL]\n", "a: {b: NULL}\n", "a: 01\n", "a: -.inf\n", "a: +5\n",
    "a: 1e3\nb: .5\n", "a: yes\nb: on\n", "a: 2024-01-04T10:00:00\n",
    "a: 'x # y'\n", "a: \"\\x41\\u00e9\"\n", "a: 1\r\nb: |\r\n  x\r\n  y\r\n",
])
def test_plain_scalars_read_alike_on_both_paths(text: str) -> None:
    assert fast_tree(text) == parse_yaml(text)[0]


def _typed(value: object) -> object:
    """A value with the type of everything in it, NaN equal to NaN: ``1 == 1.0 == True`` must not pass."""
    if isinstance(value, dict):
        return {key: _typed(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_typed(item) for item in value]
    if isinstance(value, float) and math.isnan(value):
        return ("nan",)
    return (type(value).__name__, value)


def test_random_scalars_never_read_differently_on_the_fast_path() -> None:
    """The two readers disagree on some plain scalars (``1_000``, ``0X1F``); the fast path must decline those.

    Random tokens from the characters numbers, nulls and booleans are made of: the
    fast path may decline any of them, but what it reads must be what the careful
    reader reads, value and type (the check that found ``_NUMBER_IN_DOUBT``).
    """
    rng = random.Random(1)
    alphabet = [*"0123456789+-._:xXoObBeE ", "inf", "nan", "Inf", "NaN", "null", "true", "false", "~", "True",
                "NULL", "FALSE"]
    compared = 0
    for _ in range(20_000):
        token = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 6))).strip()
        text = f"k: {token}\nl: [{token}]\n"
        fast = fast_tree(text)
        if fast is None:
            continue
        try:
            careful = parse_yaml(text)[0]
        except YamlProblem:
            pytest.fail(f"the fast path read {token!r}, which the careful reader refuses")
        assert _typed(fast) == _typed(careful), token
        compared += 1
    assert compared > 10_000  # most tokens stay on the fast path


def _string_keys_only(value: object) -> bool:
    if isinstance(value, dict):
        return all(type(key) is str and _string_keys_only(item) for key, item in value.items())
    if isinstance(value, list):
        return all(_string_keys_only(item) for item in value)
    return True


PIECES = ["a", "b", "word", "x y", ":", ": ", "- ", "-", "[", "]", "{", "}", ",", ", ", "#", " #", "'", '"', "\\",
          "\n", "\n  ", "\n- ", "?", "|", ">", "1", "0", ".", "%", "@", "`", " ", "\t", "~", "null", "true", "é",
          "http://x", "''", '""', "\\n", "|-\n  ", ">\n  "]


@pytest.mark.parametrize("seed", [2, 3, 6])
def test_random_texts_never_read_differently_on_the_fast_path(seed: int) -> None:
    """Random YAML-like texts: what the fast path reads, the careful reader reads the same, and accepts.

    This is how tabs, explicit and empty keys, empty block scalars and signs inside
    flows (``[a:b]``, ``{a: |}``, ``[?x]``) were found to read differently. A mapping
    whose key is not a string (``0: x``, ``~: x``) is not compared: every mapping of
    a draft's models takes string keys only, so such a draft fails validation and
    goes to the careful reader (the next test).
    """
    rng = random.Random(seed)
    compared = 0
    for _ in range(12_000):
        body = "".join(rng.choice(PIECES) for _ in range(rng.randint(1, 14)))
        text = rng.choice(["k: ", "k:\n  ", "- ", "k: [", "k: {a: ", ""]) + body + "\n"
        fast = fast_tree(text)
        if fast is None or not _string_keys_only(fast):
            continue
        try:
            careful = parse_yaml(text)[0]
        except YamlProblem as problem:
            pytest.fail(f"the fast path read {text!r}, which the careful reader refuses ({problem.rule})")
        assert _typed(fast) == _typed(careful), text
        compared += 1
    assert compared > 800


@pytest.mark.parametrize("key", [None, True, 0, ("a",)])
def test_a_key_that_is_not_a_string_fails_the_models(key: object) -> None:
    """What lets the fast path hand pydantic a mapping with a key yaml-rs typed (``~: x``, ``1: x``)."""
    import copy

    from pydantic import ValidationError

    from draftdiff.model import Draft

    original = parse_yaml(RICH)[0]
    Draft.model_validate(original)
    with_positions = next(i for i, a in enumerate(original["articles"]) if a.get("positions"))
    for path in ((), ("articles", with_positions), ("articles", with_positions, "positions"), ("sources", 0)):
        tree = copy.deepcopy(original)
        where = tree
        for step in path:
            where = where[step]
        first = next(iter(where))
        where[key] = where.pop(first)
        with pytest.raises(ValidationError):
            Draft.model_validate(tree)


def test_a_yaml_error_in_a_batch_prints_nothing_on_stderr(capfd: pytest.CaptureFixture[str], tmp_path) -> None:
    """yaml-rs raises; nothing of its own reaches the terminal, and nothing needs silencing."""
    from draftdiff.validate import validate_paths

    for i in range(30):
        (tmp_path / f"d{i:02d}.yaml").write_text(draft_text(id=f"d-{i}", date=f"2024-01-{i % 28 + 1:02d}"))
    (tmp_path / "broken.yaml").write_text("a: [1, 2\n" + "# padding\n" * 20_000)
    report = validate_paths([tmp_path])
    assert [d.rule for d in report.diagnostics if d.severity == "error"] == ["yaml-syntax"]
    assert capfd.readouterr().err == ""


def test_valid_file_needs_no_positions_until_asked() -> None:
    loaded = read_draft(draft_text().encode(), "x.yaml")
    assert loaded.ok and loaded._positions is None
    assert loaded.position(("articles", 1, "status")) == (29, 13)


# --- the loader's fast path: pydantic validates the fast reader's data, repeated keys still caught -------


def _careful_draft(text: str):  # type: ignore[no-untyped-def]
    from draftdiff.model import Draft

    return Draft.model_validate(parse_yaml(text)[0])


def _models_in(value: object) -> set[type]:
    from pydantic import BaseModel

    if isinstance(value, BaseModel):
        found = {type(value)}
        for name in type(value).model_fields:
            found |= _models_in(getattr(value, name))
        return found
    if isinstance(value, dict):
        return set().union(*(_models_in(v) for v in value.values()))
    if isinstance(value, (list, tuple)):
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


def test_the_corpus_uses_every_model() -> None:
    """The comparisons below cover every model a draft is made of."""
    from draftdiff.model import _Strict

    seen: set[type] = set()
    for text in _corpus():
        seen |= _models_in(_careful_draft(text))
    assert seen == set(_Strict.__subclasses__()) - {type(None)}


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
    """The careful reader refuses ``summary: @see annex``, batch or not."""
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


def test_a_document_over_the_limits_is_refused_as_the_careful_reader_refuses_it(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The fast reader counts values and keys as the careful one does, and leaves a file over a limit to it."""
    import draftdiff.yamlsource as yamlsource

    text = draft_text(extra="summary: " + "peace " * 30 + "\n")
    nodes = sum(1 for _ in _walk(parse_yaml(text)[0]))
    monkeypatch.setattr(fastyaml, "_NODES_POSSIBLE", 0)
    monkeypatch.setattr(fastyaml, "MAX_NODES", nodes)
    assert fast_tree(text) == parse_yaml(text)[0]  # exactly at the limit: read
    monkeypatch.setattr(fastyaml, "MAX_NODES", nodes - 1)
    monkeypatch.setattr(yamlsource, "MAX_NODES", nodes - 1)
    assert fast_tree(text) is None
    assert [d.rule for d in read_draft(text.encode(), "x.yaml").diagnostics] == ["yaml-too-many-nodes"]


def _walk(value: object):  # type: ignore[no-untyped-def]
    yield value
    if isinstance(value, dict):
        for child in value.values():
            yield None  # its key
            yield from _walk(child)
    elif isinstance(value, list):
        for child in value:
            yield from _walk(child)


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
def test_an_empty_document_reads_as_the_careful_reader_reads_it(text: str) -> None:
    assert fast_tree(text) is None
    fast = read_draft(text.encode(), "empty.yaml")
    careful = read_draft(text.encode(), "empty.yaml", careful=True)
    assert fast.draft is None and fast.diagnostics == careful.diagnostics


# --- the doubt checks decide as the checks they replaced did ------------------------------------------------
# The reference: the checks as they were before they were made cheaper (commit 43a0c79), copied unchanged
# but for their names. Every decision of the cheaper checks must be the same, on every input below.

_REFERENCE_CLASSES = bytes(
    ord("z") if chr(byte) == "0" else ord("9") if chr(byte) in "123456789." else ord("x") if chr(byte) in "xXbBoO"
    else ord("_") if chr(byte) == "_" else ord("a") for byte in range(256))
_REFERENCE_NEAR = (b"9", b"z")


def _reference_number_in_doubt(text: str) -> bool:
    classes = text.encode("utf-8", "surrogatepass").translate(_REFERENCE_CLASSES)
    after_zeros = classes.split(b"z")[1:]
    if any(part[:1] == b"x" for part in after_zeros):
        return True
    if b"_" not in classes:
        return False
    around = classes.split(b"_")
    return (any(part[-1:] in _REFERENCE_NEAR for part in around[:-1])
            or any(part[:1] in _REFERENCE_NEAR for part in around[1:]))


_REFERENCE_QUOTED = re.compile(r"\"(?:[^\"\\\n]|\\.)*\"|'(?:[^'\n]|'')*'")
_REFERENCE_COMMENT = re.compile(r"(?:^|[ \t])#.*")
_REFERENCE_SIGN_IN_A_FLOW = re.compile(r":[^ \t\r\n]|[|>?]|[\[{,][ \t]*:")
_REFERENCE_FLOW_SIGNS = re.compile(r"[][{}:|>?#]")
_REFERENCE_BLOCK_HEADER = re.compile(r"[|>][-+1-9]{0,2}[ \t]*(?:#[^\n]*)?(?=\r?\n|$)")


def _reference_sign_in_a_flow(text: str) -> bool:
    return any(_reference_doubtful_flow_line(text[start:end]) for start, end in _reference_lines_with(text, "[{"))


def _reference_doubtful_flow_line(line: str) -> bool:
    double, single = line.find('"'), line.find("'")
    if double != -1 or single != -1:
        first = double if single == -1 or (double != -1 and double < single) else single
        if _REFERENCE_FLOW_SIGNS.search(line, first, max(line.rfind('"'), line.rfind("'"))):
            line = _REFERENCE_QUOTED.sub('""', line)
    if "#" in line:
        line = _REFERENCE_COMMENT.sub("", line)
    opened = line.count("[") + line.count("{")
    if opened != line.count("]") + line.count("}"):
        return True
    if not opened:
        return False
    if ("|" in line or ">" in line or "?" in line or line.count(":") != line.count(": ")
            or "[ :" in line or "{ :" in line or ", :" in line):
        square, curly = line.find("["), line.find("{")
        first = square if curly == -1 or (square != -1 and square < curly) else curly
        return _REFERENCE_SIGN_IN_A_FLOW.search(line, first) is not None
    return False


def _reference_lines_with(text: str, signs: str) -> list[tuple[int, int]]:
    lines: dict[int, int] = {}
    for sign in signs:
        at = text.find(sign)
        while at != -1:
            start = text.rfind("\n", 0, at) + 1
            end = text.find("\n", at)
            if end == -1:
                end = len(text)
            lines[start] = end
            at = text.find(sign, end)
    return list(lines.items())


def _reference_forms_in_doubt(text: str) -> bool:
    if "\t" in text:
        return True
    for start, end in _reference_lines_with(text, "?"):
        if _reference_starts_with_a_key_sign(text[start:end], "?"):
            return True
    if text.startswith(":") or "\n:" in text or " :" in text:
        for start, end in _reference_lines_with(text, ":"):
            if _reference_starts_with_a_key_sign(text[start:end], ":"):
                return True
    for sign in "|>":
        at = text.find(sign)
        while at != -1:
            if _reference_empty_block(text, at):
                return True
            at = text.find(sign, at + 1)
    return False


def _reference_starts_with_a_key_sign(line: str, sign: str) -> bool:
    rest = line.lstrip(" -")
    return rest.startswith(sign) and (len(rest) == 1 or rest[1] in " \r\n")


def _reference_empty_block(text: str, at: int) -> bool:
    line_start = text.rfind("\n", 0, at) + 1
    if at > line_start and text[at - 1] not in " -:":
        return False
    header = _REFERENCE_BLOCK_HEADER.match(text, at)
    if header is None:
        return False
    head = text[line_start:at]
    indent = len(head) - len(head.lstrip(" "))
    after = text.find("\n", header.end())
    if after == -1:
        return True
    end = text.find("\n", after + 1)
    following = text[after + 1:end if end != -1 else len(text)]
    return not following.strip() or len(following) - len(following.lstrip(" ")) <= indent


_CHECKS = {"_number_in_doubt": _reference_number_in_doubt, "_forms_in_doubt": _reference_forms_in_doubt,
           "_sign_in_a_flow": _reference_sign_in_a_flow}


def _disagreements(texts: list[str]) -> list[tuple[str, str, bool]]:
    """(check, text, the reference's decision) wherever a check decides otherwise than its reference."""
    return [(name, text, reference(text)) for text in texts for name, reference in _CHECKS.items()
            if getattr(fastyaml, name)(text) != reference(text)]


def test_the_doubt_checks_decide_as_their_reference_on_the_drafts() -> None:
    rng = random.Random(20240104)
    texts = [generate_draft(rng, i) for i in range(200)] + _corpus()
    texts += [p.read_text(encoding="utf-8") for p in sorted((ROOT / "drafts").glob("*.yaml"))]
    texts += [text.replace("\n", "\r\n") for text in texts[:20]]
    assert _disagreements(texts) == []
    assert not any(check(text) for text in texts[:200] for check in _CHECKS.values())  # the drafts stay fast


SIGNS = [*"[]{}:,|>?#'\"- ", "\n", "\n", "\t", "\r", "\\", "0", "1", "7", ".", "_", "x", "b", "O", "a", "k", "é",
         "\u2028", "\x85", "\xa0", "\x0c", "\ud800", ": ", ", ", "- ", "  ", "\n  ", "\n    ", "0x", "1_0", "|-", ">+2",
         " #c", "key: ", "[a, b]", "{a: b}", '"q r"', "'q'", "[src-1]"]


@pytest.mark.parametrize("seed", [1, 2])
def test_the_doubt_checks_decide_as_their_reference_on_random_texts(seed: int) -> None:
    """Lines and texts of YAML's signs, and drafts with one sign put somewhere on a line that matters."""
    rng = random.Random(seed)
    texts = ["".join(rng.choice(SIGNS) for _ in range(rng.randint(1, 12))) for _ in range(3000)]
    texts += ["".join(rng.choice(SIGNS) for _ in range(rng.randint(10, 60))) for _ in range(1500)]
    lines = [line for line in draft_text().splitlines(keepends=True) if any(sign in line for sign in "[{|>:")]
    for _ in range(1500):
        line = rng.choice(lines)
        at = rng.randrange(len(line))
        cut = rng.choice([at, at + 1])
        following = rng.choice(["", "  x\n", "      more text\n", "\n", " \n", "k: v\n"])
        texts.append("a: 1\n" + line[:at] + rng.choice(SIGNS) + line[cut:] + following)
    assert _disagreements(texts) == []


def test_a_block_with_only_whitespace_under_its_header_is_empty_to_both() -> None:
    """The cheaper check reads "blank" as ``\\S``; the reference as ``str.strip``: the same characters."""
    texts = [f"k: |\n  {chr(code)}\n" for code in range(0x110000) if chr(code).isspace() or code % 251 == 0]
    assert _disagreements(texts) == []


# --- flow lines at the edge of the plain shape -----------------------------------------------------------
# ``_PLAIN_FLOW_LINES`` lets a run of flow lines skip ``_doubtful_flow_line``: a loosened pattern (a single
# quote, a backslash in a string, a colon before a sign let in, a lookaround dropped) would wave through a
# line the reference doubts. Random texts of all signs seldom make a line that nearly has the plain shape;
# these do, and put it where the checks look.

FLOW_TOKENS = [*"[]{}'\"\\,:#-?|> \t\r\n", ", ", ": ", " #", "  ", "\n  ", "a", "b", "word", "x y", "src-1", '"q r"',
               "'q'", "''", '"a\\"', '""']
FLOW_LEAVES = ["a", "word", "x y", "src-1", "", '"q r"', '"k: v, [w]"', '"{x}"', "'q'", "'it''s'", "-1", "a-b",
               '"x\\"', '"x\\\\"', '"x\\", "y]"', "it's", "x'", "b'c", ": a", " ",
               '"q\n  r"', "a:b", "b:"]
FLOW_KEYS = ["a", "key", '"k"', "x y", "'k'", "k'", "", " "]


def _flow(rng: random.Random, depth: int) -> str:
    """A flow of the shape drafts write (``{text: "…", sources: [a, b]}``), nested ``depth`` deep at most."""
    if depth == 0 or rng.random() < 0.35:
        return rng.choice(FLOW_LEAVES)
    items = [_flow(rng, depth - 1) for _ in range(rng.randint(0, 3))]
    if rng.random() < 0.5:
        return "[" + rng.choice([", ", ","]).join(items) + "]"
    return "{" + ", ".join(rng.choice(FLOW_KEYS) + ": " + item for item in items) + "}"


def _flow_line(rng: random.Random) -> str:
    """A flow of the plain shape with a few tokens put in, replaced or cut out: most lines sit near its edge."""
    if rng.random() < 0.2:  # tokens alone, in a bracket
        line = rng.choice("[{") + "".join(rng.choice(FLOW_TOKENS) for _ in range(rng.randint(0, 10)))
        return line + rng.choice(["]", "}", ""])
    line = _flow(rng, rng.choice([1, 2, 2, 3, 3]))
    if rng.random() < 0.15:
        line += rng.choice([" ", ", ", "", "\t", "\r", "  "]) + _flow(rng, 2)
    for _ in range(rng.choice([0, 1, 1, 2, 3])):
        at = rng.randrange(len(line) + 1)
        cut = at + rng.choice([0, 0, 1, 2])
        line = line[:at] + rng.choice(FLOW_TOKENS + [""]) + line[cut:]
    return line


FLOW_PLACES = ["k: ", "- ", "  - ", "  j: ", "- k: ", "", "k: [a, ", "k: {a: ", "? ", "k: x "]


def _flow_document(rng: random.Random) -> str:
    """One to three flow lines as mapping values, sequence items or nested in another flow, amid plain ones."""
    lines = []
    for _ in range(rng.choice([1, 1, 2, 3])):
        place = rng.choice(FLOW_PLACES)
        close = {"k: [a, ": "]", "k: {a: ": "}"}.get(place, "")
        lines.append(place + _flow_line(rng) + close + rng.choice(["", "", " # c", " "]))
    if rng.random() < 0.3:
        lines.insert(rng.randrange(len(lines) + 1), rng.choice(["a: [x, y]", "b: {c: d}", "c: plain", "- [s]"]))
    return rng.choice(["\n", "\n", "\r\n"]).join(lines) + rng.choice(["\n", "\n", "", "\r\n"])


def _line_starts(text: str) -> list[int]:
    """Where each line begins: the one match is tried there, as ``_sign_in_a_flow`` tries it."""
    return [0] + [at.end() for at in re.finditer("\n", text)]


@contextmanager
def _finishing_within(seconds: float) -> Iterator[None]:
    """A check that loops (a match ending inside a line finds the same bracket again) fails, not hangs, the test."""
    def stop(signum: int, frame: object) -> None:
        raise TimeoutError(f"a check did not finish within {seconds} s")

    if not hasattr(signal, "setitimer") or threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGALRM, stop)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@pytest.mark.parametrize("seed", [3, 4])
def test_the_flow_check_decides_as_its_reference_on_lines_near_the_plain_shape(seed: int) -> None:
    """Thousands of flow lines at the edge of ``_PLAIN_FLOW_LINES``, in the places the checks look at."""
    rng = random.Random(seed)
    texts = [_flow_document(rng) for _ in range(4000)]
    with _finishing_within(5):
        assert _disagreements(texts) == []
    doubted = sum(_reference_sign_in_a_flow(text) for text in texts)
    plain = sum(any(fastyaml._PLAIN_FLOW_LINES.match(text, start) for start in _line_starts(text)) for text in texts)
    assert len(texts) // 5 < doubted < len(texts) * 9 // 10  # both decisions are made
    assert plain > len(texts) // 8  # and many lines take the one match, where a loosened pattern would err


@pytest.mark.parametrize("text", [
    # a single-quoted string over brackets: what the reference takes out leaves the brackets unbalanced
    "k: [x'{a}, [b'c]]\n", "- [x'{a}, [b'c]]\n", "k:\n  - {a: [x'{a}, [b'c]]}\n", "k: ['a, b]', c]]\n",
    "k: [a, ']', b\n",
    # a backslash escapes the quote that seems to close a string; a string over a line break
    "k: {a: \"x\\\", \"y]\"}\n", "k: [\"a\\\", \"b]\"]\n", "k: [\"a\nj: b\"]\n",
    # a colon before a sign, or after an opener or a comma and a space
    "k: [a:b]\n", "k: {a:b}\n", "k: [a, : b]\n", "k: {a: b, : c}\n", "k: [ : a]\n",
    # a comment, a question mark, a block header in a flow
    "k: [a #b]\n", "k: [[a #b], c]\n", "k: [a, b]#c]\n", "k: [a, ?b]\n", "k: {a: |}\n", "k: [a, >b]\n",
    # brackets that do not balance, after a plain flow on the line or in a run of plain lines
    "k: [a] [b\n", "k: [a]\r[b\n", "k: [a]\nj: [b] [c\n", "k: [a] {b\nj: c}\n", "k: [[a]]]\n", "k: {a: [b}]}\n",
    "k: [a]]\r\n",
])
def test_a_flow_line_the_reference_doubts_is_doubted(text: str) -> None:
    """Lines one sign away from the plain shape, each caught by the reference: none may pass the one match."""
    assert _reference_sign_in_a_flow(text)
    with _finishing_within(1):
        assert fastyaml._sign_in_a_flow(text)
