"""An edit command as a whole process, against `draftdiff validate` of the same file, measured in the same run.

    python benchmarks/bench_edit.py [--runs N]

Works on a copy of the bundled drafts in a temporary folder. The edit is a dry run of
`set-status` on the largest draft (all of the write path: round-trip load, dump,
re-read, comparison, line check, the collection rules before and after; only the
final rename is skipped), and a real write of `set` alternating between two values
(the rename too). The target: each at most 3x `validate` of that file.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from _bench import alternate, compile_package, run_once  # noqa: E402

TARGET = 3.0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    compile_package()
    drafts = Path(__file__).resolve().parent.parent / "drafts"
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "drafts"
        shutil.copytree(drafts, folder)
        largest = max(folder.glob("*.yaml"), key=lambda p: p.stat().st_size)
        exe = [sys.executable, "-m", "draftdiff"]
        validate = exe + ["validate", str(largest)]
        article = _an_article(largest)
        dry = exe + ["set-status", str(largest), article, "unknown", "--basis", "inferred", "--note",
                     "benchmark", "--dry-run", "--allow-errors"]
        print(f"largest draft: {largest.name} ({largest.stat().st_size:,} bytes), article {article}")
        ours, reference = alternate(dry, validate, args.runs)
        ratio_dry = ours / reference
        print(f"set-status --dry-run: {ours * 1000:6.0f} ms   validate: {reference * 1000:6.0f} ms   "
              f"ratio {ratio_dry:.2f} (target <= {TARGET:g})")
        write_a = exe + ["set", str(largest), f"articles[{article}].notes", "benchmark note one"]
        write_b = exe + ["set", str(largest), f"articles[{article}].notes", "benchmark note two"]
        run_once(write_a)
        times = []
        refs = []
        for i in range(args.runs):
            times.append(run_once(write_b if i % 2 == 0 else write_a))
            refs.append(run_once(validate))
        times.sort()
        refs.sort()
        ours, reference = times[len(times) // 2], refs[len(refs) // 2]
        ratio_write = ours / reference
        print(f"set (written):        {ours * 1000:6.0f} ms   validate: {reference * 1000:6.0f} ms   "
              f"ratio {ratio_write:.2f} (target <= {TARGET:g})")
    worst = max(ratio_dry, ratio_write)
    print("PASS" if worst <= TARGET else "OVER TARGET", f"(worst ratio {worst:.2f})")
    return 0 if worst <= TARGET else 1


def _an_article(path: Path) -> str:
    from draftdiff.yamlsource import parse_yaml

    tree, _ = parse_yaml(path.read_text(encoding="utf-8"))
    return str(tree["articles"][len(tree["articles"]) // 2]["id"])


if __name__ == "__main__":
    raise SystemExit(main())
