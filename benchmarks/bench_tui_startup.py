"""Start-up of the terminal UI, as a ratio to a minimal Textual app measured in the same run.

Both are whole processes, run headless, timed from launch until their first screen has been drawn and the
app exits by itself:

- ours: ``python -m draftdiff tui`` on the bundled drafts (run from an empty folder, so there is no
  ./drafts), with ``DRAFTDIFF_TUI_EXIT_WHEN_READY=1``: it loads and validates the collection, computes the
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

from _bench import alternate, compile_package

TARGET = 1.5

REFERENCE = '''
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
        self.call_after_refresh(lambda: self.call_after_refresh(self.exit))


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
        env = {**os.environ, "DRAFTDIFF_TUI_EXIT_WHEN_READY": "1", "TEXTUAL": ""}
        ours_cmd = [sys.executable, "-m", "draftdiff", "tui", *([str(drafts)] if args.drafts else [])]
        ref_cmd = [sys.executable, str(reference)]
        compile_package()
        ours_median, ref_median = alternate(ours_cmd, ref_cmd, args.runs, cwd=empty, env=env)
    ratio = ours_median / ref_median
    print(f"collection: {drafts}")
    print(f"draftdiff tui, board drawn:       median {ours_median * 1000:7.1f} ms  (runs {args.runs})")
    print(f"minimal Textual app, 17-row table: median {ref_median * 1000:7.1f} ms")
    print(f"ratio {ratio:.2f}x  (target <= {TARGET}x: {'met' if ratio <= TARGET else 'NOT met'})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
