"""Start-up of the terminal UI, as a ratio to a minimal Textual app measured in the same run.

Both are whole processes, run headless, timed from launch until their first screen has been drawn (each
appends the system's monotonic clock to a stamp file at that moment); both then exit by themselves, and the
time to exit is printed too, for context:

- ours: ``python -m draftdiff tui`` on the bundled drafts (run from an empty folder, so there is no
  ./drafts), with ``DRAFTDIFF_TUI_EXIT_WHEN_READY=1`` and ``DRAFTDIFF_TUI_READY_STAMP``: it loads and validates the collection, computes the
  board (counts, last change of each article) and exits right after the board is drawn;
- reference: a minimal Textual app with a 17-row DataTable that exits right after its first draw.

The two alternate, several runs each; the medians and their ratio are printed. Target: <= 1.5x.

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


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--drafts", help="a collection to open instead of the bundled drafts")
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
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
