"""The fast reader's doubt checks alone, on the drafts ``bench_validate.py`` validates.

Times ``_number_in_doubt``, ``_forms_in_doubt`` and ``_sign_in_a_flow`` of
:mod:`draftdiff.fastyaml` over 1,000 generated drafts (best of ``--rounds``), and
with ``--against OLD.py`` the same functions of another copy of the module (for
instance ``git show REV:src/draftdiff/fastyaml.py > /tmp/old.py``), round by
round in turn, so a before/after comparison sees the same machine.

Run: ``PYTHONPATH=src python benchmarks/bench_doubt.py [--drafts N] [--rounds N] [--against OLD.py]``.
"""

from __future__ import annotations

import argparse
import importlib.util
import random
import time
from collections.abc import Callable
from types import ModuleType

from draftdiff import fastyaml
from draftdiff.synthetic import generate_draft

CHECKS = ("_number_in_doubt", "_forms_in_doubt", "_sign_in_a_flow")


def _load(path: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location("fastyaml_against", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _time(check: Callable[[str], bool], texts: list[str]) -> float:
    start = time.perf_counter()
    for text in texts:
        check(text)
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--drafts", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=9)
    parser.add_argument("--against", help="another fastyaml.py to time alongside")
    args = parser.parse_args()

    rng = random.Random(20240104)  # the drafts bench_validate.py writes
    texts = [generate_draft(rng, i) for i in range(args.drafts)]
    modules = {"this": fastyaml}
    if args.against:
        modules["against"] = _load(args.against)
    bests = {(label, name): float("inf") for label in modules for name in CHECKS}
    for _ in range(args.rounds):
        for label, module in modules.items():
            for name in CHECKS:
                bests[label, name] = min(bests[label, name], _time(getattr(module, name), texts))

    print(f"doubt checks on {args.drafts} generated drafts, best of {args.rounds} rounds (ms)")
    print(f"  {'check':<20}" + "".join(f"{label:>10}" for label in modules))
    for name in (*CHECKS, "all"):
        row = [sum(bests[label, n] for n in CHECKS) if name == "all" else bests[label, name] for label in modules]
        ratio = f"   {row[0] / row[1]:.2f}x" if len(row) == 2 else ""
        print(f"  {name:<20}" + "".join(f"{value * 1e3:10.1f}" for value in row) + ratio)
    if len(modules) == 2:
        agree = all(getattr(fastyaml, n)(t) == getattr(modules["against"], n)(t) for n in CHECKS for t in texts)
        print(f"  same decisions on every draft: {agree}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
