"""Benchmark ``draftdiff import`` against the diff of the same two texts, measured in the same run.

The texts are bench_diff's deterministic treaty-like drafts (1,700 articles of
~400 words by default): the old one is written as the base draft, the revised
one (12 % sentences edited, one article moved, one split, renumbered) as a
plain text with "Article N — Title" headings. Importing it runs the whole
command in this process: reading, recognising the structure, aligning ids with
the base, and writing through the one write path (which lays out the YAML,
reads it back, compares, and runs the rules with the base beside it). The
reference is ``diff_drafts`` of the two drafts. Best of N runs each, in turn.

The base is a valid draft, as a base a user imports against is (each status has
its basis and source); ``--no-valid-base`` leaves the statuses without a basis,
so that the base carries 1,700 errors of its own that the write path must look
past (its own findings are not the new draft's): the target holds for both.

    python benchmarks/bench_import.py               # 1,700 articles, target ≤ 3x the diff
    python benchmarks/bench_import.py --no-valid-base
    python benchmarks/bench_import.py --articles 170 --repeat 3
"""

from __future__ import annotations

import argparse
import contextlib
import io
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from bench_diff import make_pair, time_engine  # noqa: E402

from draftdiff.model import Draft  # noqa: E402

TARGET = 3.0


def as_text(draft: Draft) -> str:
    """The draft as a published text would be: a title line, then each article's heading and wording."""
    out = [draft.title, ""]
    for article in draft.articles:
        out += [f"Article {article.number} — {article.title}", "", article.full_text, ""]
    return "\n".join(out)


def time_plan(text_file: Path, folder: Path) -> float:
    """The import's own work: read, recognise, align ids with the base, build the draft's data (no writing)."""
    from draftdiff.importer.build import DraftInfo, SourceInfo
    from draftdiff.importer.plan import plan_import
    from draftdiff.load import load_draft

    start = time.perf_counter()
    base = load_draft(folder / "old.yaml").draft
    assert base is not None
    plan_import(text_file, base=base, taken={a.id for a in base.articles},
                info=DraftInfo("new", "2024-02-01", "proposal", "azerbaijan", base.agreement, base.parties,
                               based_on=base.id),
                source=SourceInfo("Bench text", "Bench"))
    return time.perf_counter() - start


def time_import(text_file: Path, folder: Path, k: int) -> float:
    from draftdiff.cli import main

    args = ["import", str(text_file), "--id", f"new-{k}", "--date", "2024-02-01", "--by", "azerbaijan",
            "--based-on", "old", "--drafts", str(folder), "--source-title", "Bench text",
            "--source-publisher", "Bench"]
    start = time.perf_counter()
    with contextlib.redirect_stdout(io.StringIO()) as out:
        code = main(args)
    elapsed = time.perf_counter() - start
    if code != 0:
        sys.exit(f"import failed ({code}):\n{out.getvalue()[-2000:]}")
    (folder / f"new-{k}.yaml").unlink()
    return elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=1700)
    parser.add_argument("--words", type=int, default=400)
    parser.add_argument("--repeat", type=int, default=5, help="runs per measurement (best is kept)")
    parser.add_argument("--valid-base", action=argparse.BooleanOptionalAction, default=True,
                        help="give the base's statuses a status_basis, as a real base draft has (default); "
                             "--no-valid-base: the base carries 1,700 status-basis errors the write path must "
                             "look past")
    args = parser.parse_args()
    from draftdiff.edit import write_new_draft

    old, new = make_pair(args.articles, args.words, seed=4242)
    with tempfile.TemporaryDirectory(prefix="bench-import-") as tmp:
        folder = Path(tmp, "drafts")
        folder.mkdir()
        base = old.model_dump(mode="json", exclude_defaults=True)
        for article in base["articles"]:
            article["sources"] = ["bench-source"]
            if args.valid_base:
                article["status_basis"] = "reported"
        base["sources"] = [{"id": "bench-source", "title": "Bench", "publisher": "Bench"}]
        result = write_new_draft(folder / "old.yaml", base, allow_errors=not args.valid_base)
        if not result.written:
            sys.exit(f"could not write the base draft: {result.refused}")
        text_file = Path(tmp, "new.txt")
        text_file.write_text(as_text(new), encoding="utf-8")
        size = text_file.stat().st_size
        diff_best = import_best = plan_best = float("inf")
        for k in range(args.repeat):
            elapsed, _ = time_engine(old, new)
            diff_best = min(diff_best, elapsed)
            plan_best = min(plan_best, time_plan(text_file, folder))
            import_best = min(import_best, time_import(text_file, folder, k))
    ratio, plan_ratio = import_best / diff_best, plan_best / diff_best
    base_kind = "a valid base" if args.valid_base else f"a base with {args.articles:,} errors of its own"
    print(f"{args.articles:,} articles ({size / 1e6:.1f} MB of text), {base_kind}; "
          f"diff of the two drafts {diff_best:.3f} s")
    print(f"  import up to the write path (read, structure, ids, data): {plan_best:.3f} s = {plan_ratio:.2f}x the diff")
    print(f"  import, the whole command (with the write path):           {import_best:.3f} s = {ratio:.2f}x the diff"
          f"  (target ≤ {TARGET:.0f}x)")
    print("target met" if ratio <= TARGET else "target missed: see where the time goes with cProfile")
    return 0 if ratio <= TARGET else 1


if __name__ == "__main__":
    sys.exit(main())
