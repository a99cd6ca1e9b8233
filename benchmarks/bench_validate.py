"""Validation speed, as ratios to references measured in the same run.

1. Validating 1,000 generated 17-article drafts in one process, against reading
   the same files' JSON twins and ``json.loads`` of each (target <= 8x), both with
   the interpreter as Python sets it (the command tunes nothing). ruamel's
   round-trip loader on a sample is printed for context.
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
from pathlib import Path

from _bench import alternate, best, compile_package

from draftdiff.synthetic import generate_draft


def _paired_rounds(ours, reference, rounds: int) -> tuple[float, float, float]:  # type: ignore[no-untyped-def]
    """Best of each, and the median ratio of rounds run back to back.

    On a shared machine the speed drifts by tens of percent between seconds; the
    two halves of one round see the same machine, so their ratio is steadier
    than a ratio of bests taken at different moments.
    """
    a: list[float] = []
    b: list[float] = []
    for _ in range(rounds):
        b.append(best(reference, 1))
        a.append(best(ours, 1))
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

        report = validate_paths([folder])
        assert report.errors == 0, report.sorted()[:3]
        ours, ref, paired = _paired_rounds(lambda: validate_paths([folder]), reference, args.rounds)

        sample = sorted(folder.iterdir())[:50]
        rt = YAML()
        roundtrip = best(lambda: [rt.load(p.read_text(encoding="utf-8")) for p in sample], 1)
        roundtrip_full = roundtrip * args.drafts / len(sample)

        print(f"validate {args.drafts} drafts ({size / 1024:.1f} KiB each, 17 articles)")
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
