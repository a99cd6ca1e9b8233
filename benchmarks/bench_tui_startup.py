"""Start-up of the terminal UI, as a ratio to a minimal Textual app measured in the same run.

Both are whole processes, run headless, timed from launch until their first screen has been drawn (each
appends the system's monotonic clock to a stamp file at that moment); both then exit by themselves, and the
time to exit is printed too, for context:

- ours: ``python -m draftdiff tui`` on the bundled drafts (run from an empty folder, so there is no
  ./drafts), with ``DRAFTDIFF_TUI_EXIT_WHEN_READY=1`` and ``DRAFTDIFF_TUI_READY_STAMP``: it loads and validates the collection, computes the
  board (counts, last change of each article) and exits right after the board is drawn;
- reference: a minimal Textual app with a 17-row DataTable that exits right after its first draw.

The two alternate, several runs each; the medians and their ratio are printed. Target: <= 1.5x.

Where the ratio comes from is measured beside it, by the reference app with one thing added before it
starts (same run, same alternation): ``+ pydantic`` imports pydantic and builds one one-field model (what
any use of pydantic pays), ``+ models`` imports draftdiff's models, ``+ reading`` reads and checks the
collection with draftdiff's loader, as the TUI does before the board can be drawn. The distance between
``+ reading`` and draftdiff is the TUI's own cost; ``--no-parts`` skips these.

    python benchmarks/bench_tui_startup.py [--runs N] [--drafts PATH]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

from _bench import alternate_to_stamp, compile_package

TARGET = 1.5

REFERENCE = '''
import os
import time

from textual.app import App
from textual.widgets import DataTable, Footer


class Minimal(App):
    def compose(self):
        yield DataTable(cursor_type="row")
        yield Footer()

    def on_mount(self):
        table = self.query_one(DataTable)
        table.add_columns("No.", "Article", "Status", "Basis", "Changed")
        for n in range(1, 18):
            table.add_row(str(n), f"Article number {n}", "agreed", "summary", "2024-09-11")
        self.call_after_refresh(self.drawn)

    def drawn(self):
        with open(os.environ["DRAFTDIFF_TUI_READY_STAMP"], "a", encoding="ascii") as stamp:
            stamp.write(f"{time.monotonic()!r}\\n")
        self.call_after_refresh(self.exit)


Minimal().run(headless=True)
'''


PARTS = {
    "+ pydantic": "from pydantic import BaseModel\n\n\nclass One(BaseModel):\n    x: int\n",
    "+ models": "import draftdiff.model\n",
    "+ reading": "import sys\n\nfrom draftdiff.collection import load_collection\n\n"
                 "load_collection([sys.argv[1]])\n",
}
"""What is added before the reference app starts, to show what each costs of the start-up."""


def _measure_parts(ref_cmd: list[str], drafts: Path, runs: int, folder: Path, stamp: Path,
                   env: dict[str, str]) -> None:
    """The reference with each part added, alternating with the plain reference, as ratios to it."""
    print("what the start-up is made of (the reference with one thing added before it starts):")
    for name, prelude in PARTS.items():
        script = folder / f"minimal_app_{name[2:]}.py"
        script.write_text(prelude + REFERENCE)
        (shown, _), (plain, _) = alternate_to_stamp([sys.executable, str(script), str(drafts)], ref_cmd, runs,
                                                    stamp, cwd=str(folder), env=env)
        print(f"  minimal app {name:<11} {shown * 1000:8.1f} ms   {shown / plain:.2f}x its reference "
              f"({plain * 1000:.1f} ms in these runs)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--drafts", help="a collection to open instead of the bundled drafts")
    parser.add_argument("--no-parts", action="store_true", help="do not measure what the start-up is made of")
    args = parser.parse_args()

    from draftdiff.bundled import drafts_dir

    drafts = Path(args.drafts).resolve() if args.drafts else drafts_dir()
    if drafts is None:
        sys.exit("no bundled drafts in this install; pass --drafts PATH")
    with tempfile.TemporaryDirectory() as empty:
        reference = Path(empty) / "minimal_app.py"
        reference.write_text(REFERENCE)
        stamp = Path(empty) / "drawn.stamp"
        env = {**os.environ, "DRAFTDIFF_TUI_EXIT_WHEN_READY": "1", "DRAFTDIFF_TUI_READY_STAMP": str(stamp),
               "TEXTUAL": ""}
        ours_cmd = [sys.executable, "-m", "draftdiff", "tui", *([str(drafts)] if args.drafts else [])]
        ref_cmd = [sys.executable, str(reference)]
        compile_package()
        (ours_shown, ours_exit), (ref_shown, ref_exit) = alternate_to_stamp(
            ours_cmd, ref_cmd, args.runs, stamp, cwd=empty, env=env)
        ratio = ours_shown / ref_shown
        print(f"collection: {drafts}  (medians of {args.runs} alternating runs)")
        print("                                    until drawn   until exited")
        print(f"draftdiff tui, board:               {ours_shown * 1000:8.1f} ms    {ours_exit * 1000:8.1f} ms")
        print(f"minimal Textual app, 17-row table:  {ref_shown * 1000:8.1f} ms    {ref_exit * 1000:8.1f} ms")
        print(f"ratio until drawn {ratio:.2f}x  (target <= {TARGET}x: {'met' if ratio <= TARGET else 'NOT met'});"
              f"  until exited {ours_exit / ref_exit:.2f}x")
        if not args.no_parts:
            _measure_parts(ref_cmd, drafts, args.runs, Path(empty), stamp, env)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
