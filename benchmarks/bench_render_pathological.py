"""Hostile input costs what plain input costs: renderers on pathological texts, and reading files far too big.

1. Every diff renderer on articles made of pathological texts (thousands of blank
   lines, one 100,000-character word, 1 MB of punctuation, 10,000 bracketed
   fragments), each printed as a ratio to the text renderer on the same diff; the
   snapshot renderers likewise with the texts in every title and note, as a ratio to
   the snapshot text renderer. A renderer linear in its input stays within a small
   constant of the text renderer (``diff --format markdown`` on a few thousand blank
   lines once took over 20 s against 0.3 s).
2. Reading files whose structure is far beyond any draft (100,000 keys, 50,000
   comment lines, too many values, too many lines): time and peak memory
   (tracemalloc) until the refusal, beside reading the largest bundled draft.
3. A generated 1,700-article draft (``bench_diff``'s) written as YAML: it must stay
   within every limit, and its counts are printed against them.

Run: ``python benchmarks/bench_render_pathological.py [--repeat N]``.
"""

from __future__ import annotations

import argparse
import random
import sys
import textwrap
import time
import tracemalloc
from pathlib import Path

from _bench import best
from bench_diff import make_pair

from draftdiff.collection import DraftSet
from draftdiff.diff import diff_drafts
from draftdiff.load import LoadedDraft, read_draft
from draftdiff.model import Draft
from draftdiff.render import formats, render
from draftdiff.snapshot.build import build_snapshot
from draftdiff.yamlsource import MAX_KEYS, MAX_LINES, MAX_NODES, parse_yaml

PUNCTUATION = "[]<>*_\\`#&;:./@!|~-+=(){}\"'%^$?,"


def pathological() -> dict[str, str]:
    rng = random.Random(19)
    return {
        "5,000 blank lines": "Start of the article.\n" + "\n" * 5_000 + "The end of it.",
        "one 100,000-character word": "x" * 100_000,
        "1 MB of punctuation": "".join(rng.choice(PUNCTUATION) for _ in range(1_000_000)),
        "10,000 bracketed fragments": " ".join(f"[option {k} or <alt {k}>]" for k in range(10_000)),
    }


def _draft(draft_id: str, date: str, text: str) -> Draft:
    return Draft.model_validate({
        "schema_version": 1, "agreement": "bench", "id": draft_id, "title": "Bench " + text[:2000], "date": date,
        "kind": "proposal", "proposed_by": "armenia", "stage": "negotiating", "parties": ["armenia", "azerbaijan"],
        "sources": [{"id": "src-1", "title": text, "publisher": "P"}],
        "articles": [{"id": "a-1", "number": 1, "title": text, "status": "partial", "status_basis": "inferred",
                      "status_note": text, "text": text, "text_basis": "summary"},
                     {"id": "a-2", "number": 2, "title": "Other", "status": "agreed", "status_basis": "reported",
                      "sources": ["src-1"], "text": text + " " + draft_id, "text_basis": "summary"}]})


def renderers(repeat: int) -> None:
    print("1. renderers on pathological texts (best of", repeat, "runs; ratio to the text renderer)")
    for name, text in pathological().items():
        old = _draft("d-1", "2024-01-01", text)
        new = _draft("d-2", "2024-02-01", text[: len(text) // 2] + " inserted words " + text[len(text) // 2:])
        diff = diff_drafts(old, new)
        base = best(lambda diff=diff: render("diff", "text", diff), repeat)
        cells = [f"{fmt} {best(lambda fmt=fmt, diff=diff: render('diff', fmt, diff), repeat) / base:5.2f}x"
                 for fmt in formats("diff") if fmt != "text"]
        print(f"  {name:28} diff:     text {base * 1e3:8.1f} ms | " + " | ".join(cells))
        snap = build_snapshot(DraftSet([LoadedDraft(f"{d.id}.yaml", b"", draft=d) for d in (old, new)]), git=False)
        base = best(lambda snap=snap: render("snapshot", "text", snap), repeat)
        cells = [f"{fmt} {best(lambda fmt=fmt, snap=snap: render('snapshot', fmt, snap), repeat) / base:5.2f}x"
                 for fmt in formats("snapshot") if fmt != "text"]
        print(f"  {'':28} snapshot: text {base * 1e3:8.1f} ms | " + " | ".join(cells))


def _measure(data: bytes) -> tuple[float, float, list[str]]:
    """Time (a run of its own: tracing slows allocation several times over), then peak memory traced."""
    start = time.perf_counter()
    loaded = read_draft(data, "x.yaml")
    elapsed = time.perf_counter() - start
    tracemalloc.start()
    read_draft(data, "x.yaml")
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return elapsed, peak / 1e6, sorted({d.rule for d in loaded.diagnostics})


def reading() -> None:
    print("\n2. reading files far beyond any draft (time and peak Python memory until the refusal)")
    folder = Path(__file__).resolve().parents[1] / "drafts"
    largest = max(folder.glob("*.yaml"), key=lambda p: p.stat().st_size)
    head = largest.read_text(encoding="utf-8")
    ref, ref_mb, _ = _measure(largest.read_bytes())
    print(f"  reference: the largest bundled draft ({largest.stat().st_size / 1024:.0f} KiB) "
          f"{ref * 1e3:7.1f} ms {ref_mb:6.1f} MB")
    cases = {
        "100,000 keys": head + "".join(f"k{i}: v\n" for i in range(100_000)),
        "50,000 comment lines": "".join(f"# comment line {i} with some words\n" for i in range(50_000)) + head,
        f"{MAX_NODES + 1_000:,} values in one list": head + "extra: [" + ",".join(["x"] * (MAX_NODES + 1_000)) + "]\n",
        f"{MAX_LINES + 1_000:,} lines": head + "#\n" * (MAX_LINES + 1_000),
        "depth 10,000": head + "extra: " + "[" * 10_000 + "]" * 10_000 + "\n",
        "8 copies, CR line breaks": (head * 8).replace("\n", "\r"),
        "8 copies, LF line breaks": head * 8,
    }
    for name, text in cases.items():
        data = text.encode("utf-8")
        elapsed, peak, rules = _measure(data)
        print(f"  {name:30} {len(data) / 1e6:5.1f} MB file  {elapsed * 1e3:8.1f} ms ({elapsed / ref:6.1f}x)  "
              f"peak {peak:6.1f} MB  {', '.join(rules) or 'valid'}")


def _yaml(draft: Draft) -> str:
    lines = [f"{k}: {v}" for k, v in (("schema_version", 1), ("agreement", draft.agreement), ("id", draft.id),
                                      ("title", draft.title), ("date", draft.date), ("kind", draft.kind),
                                      ("proposed_by", draft.proposed_by), ("stage", draft.stage))]
    lines += ["parties: [" + ", ".join(draft.parties) + "]", "sources:", "  - id: src-1", "    title: A source",
              "    publisher: P", "articles:"]
    for a in draft.articles:
        lines += [f"  - id: {a.id}", f"    number: {a.number}", f"    title: {a.title}", f"    status: {a.status}",
                  "    status_basis: reported", "    text: >-"]
        lines += ["      " + row for row in textwrap.wrap(a.text or "", 78)]
        lines += ["    text_basis: verbatim", "    sources: [src-1]", "    positions:",
                  "      armenia: {text: Its position, basis: summary, sources: [src-1]}",
                  "      azerbaijan: {text: Its position, basis: summary, sources: [src-1]}"]
    return "\n".join(lines) + "\n"


def largest_generated() -> int:
    print("\n3. a generated 1,700-article draft (bench_diff's), as YAML, against the limits")
    old, _ = make_pair(1700, 400, 1)
    text = _yaml(old)
    loaded = read_draft(text.encode("utf-8"), "generated.yaml")
    _, positions = parse_yaml(text)
    lines = text.count("\n")
    print(f"  {len(text) / 1e6:.1f} MB, {lines:,} lines (limit {MAX_LINES:,}), "
          f"{len(positions.values) + len(positions.keys):,} values and keys (limit {MAX_NODES:,}), "
          f"{len(positions.keys):,} keys (limit {MAX_KEYS:,}): {'valid' if loaded.ok else 'REFUSED'}")
    if not loaded.ok:
        print("  ", [d.message for d in loaded.diagnostics[:3]])
        return 1
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    renderers(args.repeat)
    reading()
    return largest_generated()


if __name__ == "__main__":
    sys.exit(main())
