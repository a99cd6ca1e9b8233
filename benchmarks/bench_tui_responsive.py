"""The TUI on a large collection: first frame, and the longest stall of the UI thread while in use.

A generated collection of 60 versions × 170 articles (each ~80 words, with statuses moving and texts
revised from version to version) is opened the way a user opens it:

1. **First frame**, as a whole process: ``python -m draftdiff tui DIR`` run headless until its first screen
   is drawn (the drafts are still being read in a worker then), as a ratio to the minimal Textual app of
   ``bench_tui_startup.py`` run the same way. Target: <= 2.5x. The moment the board shows the drafts is
   printed beside it.
2. **Longest stall**, in one process: the app runs headless (Textual's ``run_test``) with a heartbeat timer
   every 10 ms on the UI thread; the script steps through versions on the board, opens comparisons
   (pairs far apart, so each diff is computed anew) and goes back and forth. The longest gap between two
   beats, less the 10 ms period, is the longest time the UI thread could not answer a key. Target: < 100 ms.
   CPython's full garbage collections (generation 2) are observed with ``gc.callbacks`` (never tuned:
   the collector runs as Python sets it) and printed apart: they stop every thread for a time that grows
   with the objects alive (here 10,200 article models), so the longest gap is also given without the gaps
   that hold one, which is the app's own work.

    python benchmarks/bench_tui_responsive.py [--runs N] [--versions 60] [--articles 170] [--stalls-only]
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from itertools import pairwise
from pathlib import Path

from _bench import compile_package

sys.path.insert(0, str(Path(__file__).parent))
from bench_tui_startup import REFERENCE  # noqa: E402

FRAME_TARGET = 2.5
STALL_TARGET = 0.100
BEAT = 0.010
STATUSES = ("agreed", "partial", "disputed", "unknown")
WORDS = ["the", "parties", "shall", "border", "commission", "delimitation", "recognise", "territorial",
         "integrity", "sovereignty", "communications", "transit", "roads", "railways", "forces", "observers",
         "claims", "withdraw", "courts", "arbitration", "within", "months", "after", "entry", "into", "force",
         "of", "this", "agreement", "each", "party", "its"]


def _sentence(rng: random.Random) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(8, 16))]
    return " ".join(words).capitalize() + "."


def generate(folder: Path, versions: int, articles: int, seed: int = 7) -> None:
    """Write ``versions`` drafts of ``articles`` articles each, one based on the previous."""
    rng = random.Random(seed)
    texts = [" ".join(_sentence(rng) for _ in range(6)) for _ in range(articles)]
    statuses = [rng.choice(STATUSES) for _ in range(articles)]
    previous = None
    for v in range(versions):
        year, month = 2020 + v // 12, v % 12 + 1
        draft_id = f"{year}-{month:02d}-version-{v + 1}"
        for i in rng.sample(range(articles), articles // 8):  # an eighth of the articles revised
            sentences = texts[i].split(". ")
            sentences[rng.randrange(len(sentences))] = _sentence(rng).rstrip(".")
            texts[i] = ". ".join(sentences)
        for i in rng.sample(range(articles), articles // 20):
            statuses[i] = rng.choice(STATUSES)
        lines = ["schema_version: 1", "agreement: generated-peace", f"id: {draft_id}",
                 f"title: Version {v + 1}", f"date: '{year}-{month:02d}-15'",
                 f"kind: {'proposal' if v % 2 == 0 else 'counter-proposal'}",
                 f"proposed_by: {'alpha' if v % 2 == 0 else 'beta'}", "stage: negotiating",
                 "parties: [alpha, beta]"]
        if previous:
            lines.append(f"based_on: {previous}")
        lines += ["sources:", f"  - id: report-{v + 1}", f"    title: Report {v + 1}", "    publisher: Example Wire",
                  f"    date: '{year}-{month:02d}-16'", "articles:"]
        for i in range(articles):
            lines += [f"  - id: article-{i + 1}", f"    number: {i + 1}", f"    title: Article about {WORDS[i % len(WORDS)]} {i + 1}",
                      f"    status: {statuses[i]}"]
            if statuses[i] != "unknown":
                lines += ["    status_basis: reported", f"    sources: [report-{v + 1}]"]
            lines += [f"    text: \"{texts[i]}\"", "    text_basis: summary"]
        (folder / f"{draft_id}.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
        previous = draft_id


def first_frame(cmd: list[str], env: dict[str, str], frame: Path, ready: Path, cwd: str) -> tuple[float, float]:
    """Seconds from launch to the first frame (and to the board with the drafts, when stamped)."""
    frame.unlink(missing_ok=True)
    ready.unlink(missing_ok=True)
    start = time.monotonic()
    result = subprocess.run(cmd, env=env, cwd=cwd, capture_output=True, text=True, timeout=300)
    if result.returncode != 0 or not frame.exists():
        sys.exit(f"{' '.join(cmd)} failed ({result.returncode}):\n{result.stderr[-2000:]}")
    shown = float(frame.read_text(encoding="ascii").split()[0]) - start
    drawn = float(ready.read_text(encoding="ascii").split()[0]) - start if ready.exists() else float("nan")
    return shown, drawn


def measure_frames(folder: Path, runs: int) -> tuple[float, float, float]:
    with tempfile.TemporaryDirectory() as work:
        reference = Path(work) / "minimal_app.py"
        reference.write_text(REFERENCE)
        frame, ready = Path(work) / "frame.stamp", Path(work) / "ready.stamp"
        env = {**os.environ, "DRAFTDIFF_TUI_EXIT_WHEN_READY": "1", "DRAFTDIFF_TUI_FRAME_STAMP": str(frame),
               "DRAFTDIFF_TUI_READY_STAMP": str(ready), "TEXTUAL": ""}
        ref_env = {**env, "DRAFTDIFF_TUI_READY_STAMP": str(frame)}  # the reference stamps its first frame
        ours_cmd = [sys.executable, "-m", "draftdiff", "tui", str(folder)]
        ref_cmd = [sys.executable, str(reference)]
        ours, boards, refs = [], [], []
        first_frame(ours_cmd, env, frame, ready, work)
        first_frame(ref_cmd, ref_env, frame, ready, work)
        for _ in range(runs):
            shown, drawn = first_frame(ours_cmd, env, frame, ready, work)
            ours.append(shown)
            boards.append(drawn)
            refs.append(first_frame(ref_cmd, ref_env, frame, ready, work)[0])
        return statistics.median(ours), statistics.median(boards), statistics.median(refs)


async def measure_stalls(folder: Path) -> dict[str, float]:
    """The longest gap between heartbeats (less the beat) in each phase of use, and while idle."""
    from draftdiff.tui.app import DraftDiffApp

    app = DraftDiffApp([folder], watch=False)
    beats: list[float] = []
    marks: list[tuple[str, float]] = []
    collections: list[tuple[float, float]] = []  # CPython's full collections (generation 2), start and end
    started = [0.0]

    def on_collection(stage: str, info: dict[str, int]) -> None:
        if info["generation"] == 2:
            if stage == "start":
                started[0] = time.perf_counter()
            else:
                collections.append((started[0], time.perf_counter()))

    def phase(name: str) -> None:
        marks.append((name, time.perf_counter()))

    async with app.run_test(size=(120, 36)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause(0.5)
        app.set_interval(BEAT, lambda: beats.append(time.perf_counter()), name="heartbeat")
        gc.callbacks.append(on_collection)  # observed only, to tell the interpreter's pauses from the app's
        await pilot.pause(0.2)
        phase("idle (the machine's own noise)")
        await pilot.pause(1.0)
        ids = app.draft_set.ids()
        phase("switching versions")
        for _ in range(12):  # step through versions on the board
            await pilot.press("left_square_bracket")
            await pilot.pause(0.15)
        phase("opening comparisons")
        for old, new in ((0, len(ids) - 1), (5, 40), (10, 50), (20, 21)):  # comparisons, far apart
            app.open_compare(ids[old], ids[new])
            await pilot.pause(0.1)
            await app.workers.wait_for_complete()
            await pilot.pause(0.3)
            await pilot.press("n")
            await pilot.pause(0.15)
        phase("switching versions")
        await pilot.press("b")
        await pilot.pause(0.2)
        for _ in range(6):
            await pilot.press("right_square_bracket")
            await pilot.pause(0.15)
        phase("opening comparisons")
        await pilot.press("c")  # the compare view again, for the selected version
        await pilot.pause(0.1)
        await app.workers.wait_for_complete()
        await pilot.pause(0.3)
        phase("history matrix (170 × 60 cells; not in the target)")
        await pilot.press("h")
        await pilot.pause(0.5)
        await pilot.press("left_square_bracket")
        await pilot.pause(0.3)
        phase("end")
    gc.callbacks.remove(on_collection)
    worst: dict[str, float] = {}
    for (name, start), (_, end) in pairwise(marks):
        inside = [b for b in beats if start <= b <= end]
        gaps = [(b - a, a, b) for a, b in pairwise(inside)]
        if gaps:
            worst[name] = max(worst.get(name, 0.0), max(gaps)[0] - BEAT)
            own = [g for g, a, b in gaps if not any(a <= end_ and start_ <= b for start_, end_ in collections)]
            if own:
                key = f"{name} [no full collection in the gap]"
                worst[key] = max(worst.get(key, 0.0), max(own) - BEAT)
    if collections:
        worst["CPython's full collections (generation 2)"] = max(end - start for start, end in collections)
        worst["CPython's full collections: how many"] = len(collections)
    return worst


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--versions", type=int, default=60)
    parser.add_argument("--articles", type=int, default=170)
    parser.add_argument("--stalls-only", action="store_true", help="measure the stalls only, not the first frame")
    args = parser.parse_args()
    compile_package()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "drafts"
        folder.mkdir()
        generate(folder, args.versions, args.articles)
        size = sum(p.stat().st_size for p in folder.iterdir()) / 1e6
        print(f"collection: {args.versions} versions × {args.articles} articles ({size:.1f} MB of YAML)")
        if not args.stalls_only:
            shown, drawn, ref = measure_frames(folder, args.runs)
            ratio = shown / ref
            print(f"first frame: {shown * 1000:.0f} ms vs minimal Textual app {ref * 1000:.0f} ms: "
                  f"{ratio:.2f}x (target <= {FRAME_TARGET}x) {'OK' if ratio <= FRAME_TARGET else 'OVER'}")
            print(f"  the board with the drafts read and checked: {drawn * 1000:.0f} ms ({drawn / ref:.2f}x)")
        worst = asyncio.run(measure_stalls(folder))
        stall = max(worst.get("switching versions", 0.0), worst.get("opening comparisons", 0.0))
        print(f"longest stall of the UI thread while switching versions and opening comparisons: "
              f"{stall * 1000:.0f} ms (target < {STALL_TARGET * 1000:.0f} ms) "
              f"{'OK' if stall < STALL_TARGET else 'OVER'}")
        own = max(worst.get("switching versions [no full collection in the gap]", 0.0),
                  worst.get("opening comparisons [no full collection in the gap]", 0.0))
        print(f"  of which the app's own work (gaps with no full collection of the interpreter in them): "
              f"{own * 1000:.0f} ms {'OK' if own < STALL_TARGET else 'OVER'}")
        for name, gap in worst.items():
            if name.endswith("how many"):
                print(f"  {name}: {gap:.0f}")
            elif name.startswith("CPython"):
                print(f"  {name}: longest {gap * 1000:.0f} ms")
            else:
                print(f"  {name}: longest stall {gap * 1000:.0f} ms")
        print(f"  (load average now {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores: a busy machine "
              "lengthens every gap, the idle one included)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
