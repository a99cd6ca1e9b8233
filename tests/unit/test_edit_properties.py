"""Random edits on random valid drafts: each write is exactly the intended change, or nothing is written.

The drafts vary what ruamel.yaml must keep (quoting styles, folded notes, comments
between and after articles, flow and block lists); the edits vary the values
(any printable text, quotes, colons, '#', leading dashes, line breaks, long lines).
The checks do not reuse the write path's own verification: the file is read back by
the project's reader and compared with the old data plus the change, and the lines
that changed must lie inside the edited article or source (found from the reader's
positions).
"""

from __future__ import annotations

import copy
import difflib
import json
import tempfile
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from paths import ROOT

from draftdiff.edit import apply_edit, ops
from draftdiff.edit.tree import plain_safe
from draftdiff.yamlsource import parse_yaml

STATUSES = ["agreed", "partial", "disputed", "removed", "unknown"]

text = st.text(st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\u2028\u2029\x85\ufeff"),
               min_size=1, max_size=150).filter(lambda s: s.strip() == s and s != "")
prose = st.one_of(text, st.lists(st.sampled_from(["the", "Parties", "shall", "border", "article", "[s1]",
                                                 "agreed:", "#3", "-", "'quoted'", "\"said\""]),
                                 min_size=1, max_size=60).map(" ".join))


def scalar(value: str, style: str) -> str:
    """``value`` written in one of the styles the drafts use (falling back to double quotes)."""
    if style == "plain" and plain_safe(value):
        return value
    if style == "single" and value.isprintable():
        return "'" + value.replace("'", "''") + "'"
    escaped = style == "escaped" and all(ord(c) <= 0xFFFF for c in value)  # JSON would write surrogate pairs
    return json.dumps(value, ensure_ascii=escaped)


@st.composite
def drafts(draw: st.DrawFn) -> str:
    n = draw(st.integers(1, 4))
    lines = ["# yaml-language-server: $schema=../schema/draft.schema.json", "schema_version: 1",
             "agreement: prop-peace", "id: p-1", f"title: {scalar(draw(text), draw(st.sampled_from(['plain', 'double'])))}",
             "date: 2024-01-04", "kind: proposal", "proposed_by: alpha", "stage: negotiating",
             "parties: [alpha, beta]", "sources:"]
    for sid in ("s1", "s2"):
        lines += [f"  - id: {sid}", f"    title: {scalar(draw(text), draw(st.sampled_from(['plain', 'single', 'double', 'escaped'])))}",
                  "    publisher: Example News"]
    lines.append("articles:")
    flow = draw(st.booleans())
    for i in range(1, n + 1):
        if draw(st.booleans()):
            lines.append(f"  # about article {i}")
        status = draw(st.sampled_from(STATUSES))
        lines += [f"  - id: a{i}", f"    number: {i}", f"    title: {scalar(draw(text), draw(st.sampled_from(['plain', 'double'])))}",
                  f"    status: {status}", "    status_basis: reported"]
        if draw(st.booleans()):
            words = draw(st.lists(st.sampled_from(["Open", "said", "the", "minister", "[s1]", "of", "border"]),
                                  min_size=15, max_size=40))
            folded, line = [], ""
            for word in words:
                if len(line) + len(word) > 90:
                    folded.append(line)
                    line = word
                else:
                    line = f"{line} {word}".strip()
            folded.append(line)
            lines += ["    status_note: >-"] + [f"      {w}" for w in folded]
        eol = "  # cited" if draw(st.booleans()) else ""
        lines += [f"    sources: [s1]{eol}"] if flow else ["    sources:", "      - s1"]
    if draw(st.booleans()):
        lines.append("# the end")
    return "\n".join(lines) + "\n"


edits = st.one_of(
    st.tuples(st.just("status"), st.integers(1, 4), st.sampled_from(STATUSES),
              st.one_of(st.none(), prose), st.sampled_from([[], ["s2"], ["s1", "s2"]])),
    st.tuples(st.just("field"), st.integers(1, 4), st.sampled_from(["title", "notes", "status_note"]), prose),
    st.tuples(st.just("source"), st.sampled_from(["s3", "s1"]), prose, st.one_of(st.none(), prose)),
)


def expected(old: dict[str, Any], edit: tuple[Any, ...]) -> tuple[dict[str, Any], tuple[str, int]]:
    """The old data plus the change, computed without the write path; and which record may change."""
    new = copy.deepcopy(old)
    kind = edit[0]
    if kind == "source":
        new["sources"].append({"id": edit[1], "title": edit[2], "publisher": "P",
                               **({"quote": edit[3]} if edit[3] is not None else {})})
        return new, ("sources", len(old["sources"]))
    article = new["articles"][edit[1] - 1]
    if kind == "field":
        article[edit[2]] = edit[3]
        return new, ("articles", edit[1] - 1)
    _, _, status, note, sources = edit
    basis = "reported" if sources else "inferred"
    changes = status != article["status"]
    article["status"] = status
    if status == "unknown" and not sources:  # unknown on no source rests on nothing: no basis
        article.pop("status_basis", None)
    else:
        article["status_basis"] = basis
    if note is not None:
        article["status_note"] = note
    elif changes:
        article.pop("status_note", None)
    article["sources"] = article["sources"] + [s for s in sources if s not in article["sources"]]
    return new, ("articles", edit[1] - 1)


def run_edit(path: Path, edit: tuple[Any, ...]) -> Any:
    kind = edit[0]
    if kind == "status":
        _, number, status, note, sources = edit
        return apply_edit(path, lambda d: ops.set_status(d, f"a{number}", status, sources=sources, note=note),
                          allow_errors=True)
    if kind == "field":
        _, number, name, value = edit
        return apply_edit(path, lambda d: ops.set_field(d, f"articles[a{number}].{name}", value), allow_errors=True)
    _, sid, title, quote = edit
    return apply_edit(path, lambda d: ops.add_source(d, {"id": sid, "title": title, "publisher": "P",
                                                         "quote": quote}), allow_errors=True)


def record_lines(text: str, record: tuple[str, int]) -> range:
    """The 0-based lines of one article or source, from the reader's positions (up to the next record)."""
    tree, positions = parse_yaml(text)
    group, index = record
    start = positions.of_value((group, index))[0] - 1
    items = tree[group]
    if index + 1 < len(items):
        end = positions.of_value((group, index + 1))[0] - 1
    else:
        later = [line for path, (line, _) in positions.values.items() if path and path[0] != group
                 and line - 1 > start]
        end = min(later) - 1 if later else len(text.splitlines())
    return range(start, end + 1)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(drafts(), edits, st.sampled_from(["\n", "\r\n"]))
def test_a_random_edit_is_exactly_what_was_asked_or_nothing(draft: str, edit: tuple[Any, ...], newline: str) -> None:
    old, _ = parse_yaml(draft)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "p-1.yaml"
        path.write_bytes(draft.replace("\n", newline).encode("utf-8"))
        result = run_edit(path, edit)
        raw = path.read_bytes()
        after = raw.decode("utf-8").replace(newline, "\n")
        assert raw.count(b"\r") == (raw.count(b"\n") if newline == "\r\n" else 0)
        leftovers = [p.name for p in Path(tmp).iterdir() if p.name != "p-1.yaml"]
    assert not leftovers
    if result.refused or not result.written:
        event("refused" if result.refused else "nothing to do")
        assert after == draft
        return
    event("written")
    want, record = expected(old, edit)
    assert parse_yaml(after)[0] == want
    allowed = record_lines(draft, record) if record[1] < len(old[record[0]]) else None
    matcher = difflib.SequenceMatcher(None, draft.splitlines(), after.splitlines(), autojunk=False)
    for tag, i1, i2, _, _ in matcher.get_opcodes():
        if tag == "equal":
            continue
        if allowed is None:  # a new source: only an insertion, after the last source
            assert tag == "insert" and i1 == record_lines(draft, ("sources", record[1] - 1)).stop or tag == "insert"
        else:
            assert all(line in allowed for line in range(i1, max(i2, i1 + 1) if tag != "insert" else i1)), \
                (tag, i1, i2, draft.splitlines()[i1:i2])
    assert [c for c in draft.splitlines() if c.lstrip().startswith("#")] == \
        [c for c in after.splitlines() if c.lstrip().startswith("#") and c in draft.splitlines()]


BUNDLED = sorted((ROOT / "drafts").glob("*.yaml"))


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(BUNDLED), st.data())
def test_random_edits_of_the_bundled_drafts_are_written_as_asked(source: Path, data: st.DataObject) -> None:
    """The real drafts (issue 15 edits them with these commands): no edit may be refused for want of layout."""
    old, _ = parse_yaml(source.read_text(encoding="utf-8"))
    articles = old.get("articles") or []
    choices = ["title"] + (["status", "note"] if articles else [])
    kind = data.draw(st.sampled_from(choices))
    value = data.draw(prose)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / source.name
        path.write_bytes(source.read_bytes())
        if kind == "title":
            result = apply_edit(path, lambda d: ops.set_field(d, "title", value), allow_errors=True)
            want = dict(old, title=value)
        else:
            index = data.draw(st.integers(0, len(articles) - 1))
            article = articles[index]
            if kind == "status":
                status = data.draw(st.sampled_from(STATUSES))
                result = apply_edit(path, lambda d: ops.set_status(d, article["id"], status, basis="inferred",
                                                                   note=value), allow_errors=True)
            else:
                result = apply_edit(path, lambda d: ops.set_field(d, f"articles[{article['id']}].notes", value),
                                    allow_errors=True)
            want = None
        after = path.read_text(encoding="utf-8")
    assert result.refused is None, result.refused
    reread, _ = parse_yaml(after)
    if want is not None:
        assert reread == want
    changed = [line for line in difflib.unified_diff(source.read_text().splitlines(), after.splitlines(), n=0)
               if line[:1] in "+-" and not line.startswith(("+++", "---"))]
    assert len([line for line in changed if line.startswith("-")]) <= 12
