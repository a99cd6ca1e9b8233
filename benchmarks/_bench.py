"""What the benchmarks share: fair whole-process timing against a reference in the same run."""

from __future__ import annotations

import compileall
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path


def compile_package() -> None:
    """Write bytecode for draftdiff, as any installed package has it.

    An editable checkout under PYTHONDONTWRITEBYTECODE=1 (set on some machines)
    recompiles every module on every start, which the reference, whose packages
    pip compiled at install, never pays: compiling first keeps the comparison fair.
    """
    import draftdiff

    compileall.compile_dir(str(Path(draftdiff.__file__).parent), quiet=1)


def run_once(cmd: Sequence[str], cwd: str | None = None, env: Mapping[str, str] | None = None) -> float:
    start = time.perf_counter()
    result = subprocess.run(list(cmd), cwd=cwd, env=None if env is None else dict(env), capture_output=True,
                            text=True, timeout=120)
    elapsed = time.perf_counter() - start
    if result.returncode not in (0, 1):
        sys.exit(f"{' '.join(cmd)} failed ({result.returncode}):\n{result.stderr[-2000:]}")
    return elapsed


def alternate(ours: Sequence[str], reference: Sequence[str], runs: int, cwd: str | None = None,
              env: Mapping[str, str] | None = None) -> tuple[float, float]:
    """Medians of ``runs`` alternating runs of each (after one warm-up each), so noise hits both alike."""
    run_once(ours, cwd, env)
    run_once(reference, cwd, env)
    a: list[float] = []
    b: list[float] = []
    for _ in range(runs):
        a.append(run_once(ours, cwd, env))
        b.append(run_once(reference, cwd, env))
    return statistics.median(a), statistics.median(b)


def run_to_stamp(cmd: Sequence[str], stamp: Path, cwd: str | None = None,
                 env: Mapping[str, str] | None = None) -> tuple[float, float]:
    """Seconds from launch until the process appended its monotonic clock to ``stamp``, and until it exited.

    The first is start-up ("until the first screen is drawn"); the second adds the
    interpreter's shutdown, which no user waits for when quitting a TUI they used.
    Both clocks are the system-wide monotonic clock, so the two processes agree.
    """
    stamp.unlink(missing_ok=True)
    start = time.monotonic()
    result = subprocess.run(list(cmd), cwd=cwd, env=None if env is None else dict(env), capture_output=True,
                            text=True, timeout=120)
    ended = time.monotonic()
    if result.returncode != 0 or not stamp.exists():
        sys.exit(f"{' '.join(cmd)} failed ({result.returncode}) or wrote no stamp:\n{result.stderr[-2000:]}")
    shown = float(stamp.read_text(encoding="ascii").split()[0])
    return shown - start, ended - start


def alternate_to_stamp(ours: Sequence[str], reference: Sequence[str], runs: int, stamp: Path,
                       cwd: str | None = None, env: Mapping[str, str] | None = None
                       ) -> tuple[tuple[float, float], tuple[float, float]]:
    """Like :func:`alternate`, for (until stamped, until exited): medians for ours, then the reference."""
    run_to_stamp(ours, stamp, cwd, env)
    run_to_stamp(reference, stamp, cwd, env)
    a: list[tuple[float, float]] = []
    b: list[tuple[float, float]] = []
    for _ in range(runs):
        a.append(run_to_stamp(ours, stamp, cwd, env))
        b.append(run_to_stamp(reference, stamp, cwd, env))

    def medians(rows: list[tuple[float, float]]) -> tuple[float, float]:
        return statistics.median(r[0] for r in rows), statistics.median(r[1] for r in rows)

    return medians(a), medians(b)


def best(fn: Callable[[], object], repeat: int) -> float:
    """The fastest of ``repeat`` runs of ``fn``, in seconds: the least disturbed by the machine's other work."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)
