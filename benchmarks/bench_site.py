"""Building the static site grows linearly with the number of versions.

Generates collections of 170-article drafts (15, 30 and 60 versions; each version revises about a
tenth of its base's articles with bench_diff's sentence editor and moves a few statuses) and builds
the site of each with ``draftdiff site DIR -o OUT --pairs base`` in this process: loading and checking
the drafts, every redline against its base, every snapshot, every page, the atomic write. It prints
the time per version of each, as a ratio to the time per version of the bundled collection built the
same way in the same run, and the growth of the time per version from the smallest collection to the
largest (1.0 = linear). The bundled collection's default build (every pair of its 18 versions) is
timed beside it for context.

    python benchmarks/bench_site.py            # 15, 30 and 60 versions (best of 2 each)
    python benchmarks/bench_site.py --quick    # 15 and 30 versions, one run each
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as _dt
import io
import json
import random
import sys
import tempfile
import time
from pathlib import Path

from bench_diff import _NOUNS, _article_text, _revise

from draftdiff.bundled import drafts_dir
from draftdiff.cli import main as draftdiff

ARTICLES = 170
WORDS = 80
STATUSES = ("disputed", "partial", "agreed")


def generate(folder: Path, versions: int, seed: int = 7) -> None:
    """``versions`` drafts of ``ARTICLES`` articles, each based on the one before."""
    rng = random.Random(seed)
    folder.mkdir(parents=True)
    articles = [{"id": f"art-{k:03d}", "number": k + 1, "title": f"Article on the {rng.choice(_NOUNS)} {k + 1}",
                 "status": rng.choice(STATUSES[:2]), "status_basis": "reported",
                 "text": _article_text(rng, WORDS), "text_basis": "summary", "sources": ["src-0"]}
                for k in range(ARTICLES)]
    start = _dt.date(2020, 1, 6)
    for v in range(versions):
        if v:
            for k in rng.sample(range(ARTICLES), ARTICLES // 10):
                a = dict(articles[k], text=_revise(rng, str(articles[k]["text"]), 0.3))
                if rng.random() < 0.3:
                    a["status"] = STATUSES[min(2, STATUSES.index(str(a["status"])) + 1)]
                articles[k] = a
        party = ("alpha", "beta")[v % 2]
        draft = {
            "schema_version": 1, "agreement": "bench-peace", "id": f"v{v:03d}", "title": f"Version {v + 1}",
            "date": (start + _dt.timedelta(days=14 * v)).isoformat(), "kind": "proposal" if v == 0 else
            "counter-proposal", "proposed_by": party, "stage": "negotiating", "parties": ["alpha", "beta"],
            **({"based_on": f"v{v - 1:03d}"} if v else {}),
            "summary": f"Generated version {v + 1} [src-0].",
            "sources": [{"id": "src-0", "title": "A generated statement", "publisher": "Bench News",
                         "date": "2020-01-01", "quote": "progress on several articles"}],
            "articles": articles,
            "preconditions": [{"id": "demand-0", "party": "beta", "kind": "precondition",
                               "demand": "A generated demand.", "status": "open" if v < versions // 2 else "met",
                               "raised": "2020-01-06", "sources": ["src-0"]}],
        }
        (folder / f"v{v:03d}.yaml").write_text(json.dumps(draft), encoding="utf-8")  # JSON is YAML


def build(drafts: Path, out: Path, *extra: str) -> float:
    """Seconds for one whole ``draftdiff site`` build, in this process."""
    sink = io.StringIO()
    start = time.perf_counter()
    with contextlib.redirect_stderr(sink):
        code = draftdiff(["site", str(drafts), "-o", str(out), *extra])
    elapsed = time.perf_counter() - start
    if code != 0:
        sys.exit(f"draftdiff site {drafts} failed ({code}):\n{sink.getvalue()[-2000:]}")
    return elapsed


def best(drafts: Path, out: Path, runs: int, *extra: str) -> float:
    return min(build(drafts, out, *extra) for _ in range(runs))


def size(folder: Path) -> tuple[int, float]:
    files = [p for p in folder.rglob("*") if p.is_file()]
    return len(files), sum(p.stat().st_size for p in files) / 1e6


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="15 and 30 versions, one run each")
    parser.add_argument("--runs", type=int, default=None, help="builds per collection (the best is kept)")
    args = parser.parse_args()
    runs = args.runs or (1 if args.quick else 2)
    counts = (15, 30) if args.quick else (15, 30, 60)
    bundled = drafts_dir()
    if bundled is None:
        sys.exit("no bundled drafts in this install")
    n_bundled = len(list(bundled.glob("*.yaml")))
    with tempfile.TemporaryDirectory(prefix="bench-site-") as tmp:
        root = Path(tmp)
        build(bundled, root / "warm", "--pairs", "base")  # imports and caches, outside the clock
        ref = best(bundled, root / "bundled", runs + 1, "--pairs", "base")
        full = best(bundled, root / "bundled-all", runs)
        ref_per = ref / n_bundled
        files, mb = size(root / "bundled")
        print(f"bundled: {n_bundled} versions x 17 articles, --pairs base: {ref:.2f} s, "
              f"{ref_per * 1000:.1f} ms per version ({files} files, {mb:.1f} MB)")
        print(f"bundled, default (every pair: {n_bundled * (n_bundled - 1) // 2} redlines): {full:.2f} s")
        print(f"{'collection':<22}{'build s':>9}{'ms/version':>12}{'ratio/version':>15}{'files':>8}{'MB':>8}")
        per_version: list[float] = []
        for n in counts:
            drafts = root / f"gen-{n}"
            generate(drafts, n)
            elapsed = best(drafts, root / f"site-{n}", runs, "--pairs", "base")
            per_version.append(elapsed / n)
            files, mb = size(root / f"site-{n}")
            print(f"{f'{n} x {ARTICLES} articles':<22}{elapsed:>9.2f}{elapsed / n * 1000:>12.1f}"
                  f"{elapsed / n / ref_per:>14.1f}x{files:>8}{mb:>8.1f}")
        growth = per_version[-1] / per_version[0]
        print(f"time per version at {counts[-1]} versions / at {counts[0]}: {growth:.2f} (1.00 = linear; "
              f"{counts[-1] / counts[0]:.0f}x the versions)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
