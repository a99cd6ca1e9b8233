"""The test suite's own layout (issue 18): tests stand on the package and tests/, never on benchmarks/,
and reach Textual only through its public API, so that a benchmark edit or a Textual release cannot break
a test for a reason no user would see."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from paths import TESTS

_ON_PATH = re.compile(r"sys\.path\.(insert|append)\(.*benchmarks")


def _test_modules() -> list[Path]:
    return sorted(p for p in TESTS.rglob("*.py") if "__snapshots__" not in p.parts and p != Path(__file__))


def _imports(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            found += [(node.lineno, f"{node.module}.{alias.name}") for alias in node.names]
    return found


def test_no_test_imports_from_the_benchmarks() -> None:
    bench = {p.stem for p in (TESTS.parent / "benchmarks").glob("*.py")}
    found = [f"{p.relative_to(TESTS)}:{line}: {name}" for p in _test_modules()
             for line, name in _imports(p) if name.split(".")[0] in bench]
    found += [f"{p.relative_to(TESTS)}: puts benchmarks/ on sys.path" for p in _test_modules()
              if _ON_PATH.search(p.read_text(encoding="utf-8"))]
    assert found == []


def test_tui_tests_use_no_private_textual_name() -> None:
    found = [f"{p.relative_to(TESTS)}:{line}: {name}" for p in _test_modules()
             for line, name in _imports(p)
             if name.split(".")[0] == "textual" and any(part.startswith("_") for part in name.split(".")[1:])]
    assert found == []


def test_the_checks_see_what_they_look_for(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text("import sys\nsys.path.insert(0, str(ROOT / 'benchmarks'))\n"
                      "from bench_validate import generate_draft\nfrom textual._compositor import Compositor\n")
    names = [name for _, name in _imports(sample)]
    assert "bench_validate.generate_draft" in names and "textual._compositor.Compositor" in names
    assert _ON_PATH.search(sample.read_text())
