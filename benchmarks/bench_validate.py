"""Validation speed, as ratios to references measured in the same run.

1. Validating 1,000 generated 17-article drafts in one process, against reading
   the same files' JSON twins and ``json.loads`` of each (target <= 8x), both with
   the garbage collector as the ``draftdiff`` command settles it
   (:func:`draftdiff.cli.collect_for_a_command`; ``DRAFTDIFF_DEFAULT_GC=1`` leaves Python's default).
   ruamel's round-trip loader on a sample is printed for context.
2. ``draftdiff validate ONE.yaml`` as a whole process, against
   ``python -c "import ruamel.yaml; from pydantic import BaseModel"`` (target <= 1.5x).

Run: ``python benchmarks/bench_validate.py [--drafts N] [--runs N]``. The
generated drafts are deterministic and written to a temporary folder.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

from _bench import alternate, compile_package

WORDS = ["the", "parties", "shall", "recognize", "respect", "sovereignty", "territorial", "integrity",
         "inviolability", "of", "borders", "commission", "delimitation", "demarcation", "within", "days",
         "after", "exchange", "instruments", "ratification", "agreement", "article", "obligations",
         "international", "law", "dispute", "settlement", "cooperation", "transit", "economic", "humanitarian",
         "cultural", "missing", "persons", "third", "party", "forces", "deploy", "along", "mutual", "border",
         "Republic", "Armenia", "Azerbaijan", "refrain", "use", "force", "threat", "political", "independence"]
STATUSES = ("agreed", "agreed", "agreed", "partial", "disputed", "unknown")


def _sentence(rng: random.Random, n: int) -> str:
    words = [rng.choice(WORDS) for _ in range(n)]
    return " ".join(words).capitalize() + "."


def generate_draft(rng: random.Random, index: int) -> str:
    """A draft shaped like the bundled ones: metadata, sources, 17 articles, preconditions."""
    day = 1 + index % 28
    lines = [
        "# yaml-language-server: $schema=../schema/draft.schema.json",
        "# A generated draft for the validation benchmark.",
        "schema_version: 1",
        "agreement: bench-peace",
        f"id: bench-{index:04d}",
        f"title: Generated proposal number {index}",
        f"date: 2024-{1 + index % 12:02d}-{day:02d}",
        "kind: proposal",
        "proposed_by: armenia",
        "stage: negotiating",
        "parties: [armenia, azerbaijan]",
        "sources:",
    ]
    for s in range(4):
        lines += [f"  - id: src-{s}", f"    title: {_sentence(rng, 8)!r}", "    publisher: Example Agency",
                  f"    date: 2024-01-{10 + s:02d}", f"    url: https://example.org/news/{index}/{s}",
                  f"    quote: \"{_sentence(rng, 14)}\""]
    lines += ["claimed_counts:", "  - {total: 17, source: src-0}", "articles:"]
    for a in range(17):
        status = STATUSES[(a + index) % len(STATUSES)] if a else "agreed"
        lines += [f"  - id: article-{a}", f"    number: {a + 1}", f"    title: {_sentence(rng, 5)}",
                  f"    status: {status}"]
        if status != "unknown":
            lines += ["    status_basis: reported"]
        lines += ["    text: >-"] + [f"      {_sentence(rng, 12)}" for _ in range(4)] + [
            "    text_basis: summary", "    positions:",
            f"      armenia: {{text: \"{_sentence(rng, 10)}\", basis: summary, sources: [src-1]}}",
            f"      azerbaijan: {{text: \"{_sentence(rng, 10)}\", basis: summary, sources: [src-2]}}",
            f"    sources: [src-{a % 4}]"]
    lines += ["preconditions:"]
    for p in range(3):
        lines += [f"  - id: demand-{p}", "    party: azerbaijan", "    kind: precondition",
                  f"    demand: {_sentence(rng, 12)}", "    status: open", "    raised: 2024-02-01",
                  "    sources: [src-3]"]
    return "\n".join(lines) + "\n"


def _best(fn, repeat: int) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def _paired_rounds(ours, reference, rounds: int) -> tuple[float, float, float]:  # type: ignore[no-untyped-def]
    """Best of each, and the median ratio of rounds run back to back.

    On a shared machine the speed drifts by tens of percent between seconds; the
    two halves of one round see the same machine, so their ratio is steadier
    than a ratio of bests taken at different moments.
    """
    a: list[float] = []
    b: list[float] = []
    for _ in range(rounds):
        b.append(_best(reference, 1))
        a.append(_best(ours, 1))
    return min(a), min(b), statistics.median(x / y for x, y in zip(a, b, strict=True))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--drafts", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=15, help="process runs per command")
    parser.add_argument("--rounds", type=int, default=7, help="in-process rounds, ours and the reference in turn")
    args = parser.parse_args()

    from ruamel.yaml import YAML

    from draftdiff.validate import validate_paths

    rng = random.Random(20240104)
    with tempfile.TemporaryDirectory(prefix="draftdiff-bench-") as tmp:
        folder = Path(tmp) / "drafts"
        twins = Path(tmp) / "json"
        folder.mkdir()
        twins.mkdir()
        safe = YAML(typ="safe", pure=False)
        for i in range(args.drafts):
            text = generate_draft(rng, i)
            (folder / f"bench-{i:04d}.yaml").write_text(text, encoding="utf-8")
            (twins / f"bench-{i:04d}.json").write_text(json.dumps(safe.load(text), default=str), encoding="utf-8")
        size = sum(p.stat().st_size for p in folder.iterdir()) / args.drafts

        json_files = sorted(twins.iterdir())

        def reference() -> None:
            for path in json_files:
                json.loads(path.read_text(encoding="utf-8"))

        from draftdiff.cli import collect_for_a_command

        settled = collect_for_a_command()  # as `draftdiff validate` settles the collector (DRAFTDIFF_DEFAULT_GC=1: not)
        if settled:  # and, as the command does, lets the fast batch reader silence rapidyaml
            from draftdiff import fastyaml

            fastyaml.allow_muting()
        report = validate_paths([folder])
        assert report.errors == 0, report.sorted()[:3]
        ours, ref, paired = _paired_rounds(lambda: validate_paths([folder]), reference, args.rounds)

        sample = sorted(folder.iterdir())[:50]
        rt = YAML()
        roundtrip = _best(lambda: [rt.load(p.read_text(encoding="utf-8")) for p in sample], 1)
        roundtrip_full = roundtrip * args.drafts / len(sample)

        print(f"validate {args.drafts} drafts ({size / 1024:.1f} KiB each, 17 articles), garbage collector "
              f"{'as the command settles it' if settled else 'as Python sets it (DRAFTDIFF_DEFAULT_GC)'}")
        print(f"  reference: read + json.loads of JSON twins   {ref * 1e3:8.1f} ms")
        print(f"  draftdiff validate (in process)               {ours * 1e3:8.1f} ms")
        print(f"  ratio, median of {args.rounds} paired rounds            {paired:8.2f}x   (target <= 8x)")
        print(f"  ratio of the bests                            {ours / ref:8.2f}x")
        print(f"  for context, ruamel round-trip load alone     {roundtrip_full / ref:8.1f}x (from {len(sample)} files)")

        one = folder / "bench-0000.yaml"
        baseline_cmd = [sys.executable, "-c", "import ruamel.yaml; from pydantic import BaseModel"]
        ours_cmd = [sys.executable, "-m", "draftdiff", "validate", str(one)]
        floor_cmd = [sys.executable, "-c", "import ruamel.yaml\nfrom pydantic import BaseModel\n"
                     "class One(BaseModel):\n    x: str\nOne(x='a')"]
        compile_package()
        our_med, base_med = alternate(ours_cmd, baseline_cmd, args.runs)
        floor_med, floor_base = alternate(floor_cmd, baseline_cmd, args.runs)
        print(f"\nwhole process, one draft ({args.runs} runs each, medians)")
        print(f"  reference: python -c 'import ruamel.yaml; from pydantic import BaseModel'  {base_med * 1e3:7.1f} ms")
        print(f"  draftdiff validate ONE.yaml                                           {our_med * 1e3:7.1f} ms")
        print(f"  ratio                                                                 {our_med / base_med:7.2f}x"
              "   (target <= 1.5x)")
        print(f"  for context, the same imports plus one one-field pydantic model:     {floor_med / floor_base:7.2f}x"
              "   (pydantic's first model: fields, plugins, schema)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
