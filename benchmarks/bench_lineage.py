"""lineage-cycle on long ``based_on`` chains, as ratios measured in the same run.

1. The rule on one chain of N drafts (N = 10,000 by default), against the
   plainest pass over the same drafts (a dict of each id's base): linear work
   is a small constant times that pass (target <= 20x). The old rule walked
   the chain from every draft: cubic, 2,000 drafts took 14.7 s, 10,000 over
   300 s (about 100,000x that pass).
2. The same rule on N and on N/10 drafts: linear work takes about 10x as long
   for 10x the drafts (quadratic 100x, cubic 1,000x). On a busy machine the
   small case fits in the caches and the large one does not, so expect 10-50x.

Run: ``python benchmarks/bench_lineage.py [--drafts N] [--runs N]``.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from _bench import best  # noqa: E402
from draft_support import draft_text  # noqa: E402

from draftdiff.load import LoadedDraft, batch_loading, read_draft  # noqa: E402
from draftdiff.rules import lineage_cycle  # noqa: E402
from draftdiff.rules.context import RuleContext  # noqa: E402


def chain(n: int, closed: bool) -> RuleContext:
    template = read_draft(draft_text("x", "2024-01-01").encode(), "x.yaml").draft
    assert template is not None
    ids = [f"d{i:06d}" for i in range(n)]
    files = [LoadedDraft(f"{d}.yaml", b"", draft=template.model_copy(
        update={"id": d, "based_on": ids[i - 1] if i or closed else None})) for i, d in enumerate(ids)]
    return RuleContext(files)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--drafts", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    for closed in (False, True):
        big, small = chain(args.drafts, closed), chain(args.drafts // 10, closed)
        with batch_loading():  # the rules run inside the loader's batch, as validate runs them
            rule = best(lambda big=big: list(lineage_cycle.check(big)), args.runs)
            ref = best(lambda big=big: {d.id: d.based_on for _, d in big.drafts()}, args.runs)
            tenth = best(lambda small=small: list(lineage_cycle.check(small)), args.runs)
        shape = "one cycle through all" if closed else "one open chain"
        print(f"lineage-cycle, {args.drafts:,} drafts in {shape}: {rule * 1000:.1f} ms, "
              f"{rule / ref:.1f}x a dict of the bases ({ref * 1000:.1f} ms; target <= 20x); "
              f"{rule / tenth:.1f}x the time for {args.drafts // 10:,} drafts (linear ~10x, cubic 1,000x)")


if __name__ == "__main__":
    main()
