"""The layering the README promises, read from the source: the core never reaches for a face."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import draftdiff

PACKAGE = Path(draftdiff.__file__).parent
FACES = ("cli", "tui", "render")
"""The packages that show things; everything else under draftdiff/ is the core."""
FORBIDDEN = ("draftdiff.render", "draftdiff.cli", "draftdiff.tui", "textual")


def core_modules() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py")
                  if p.relative_to(PACKAGE).parts[0] not in FACES and p.name != "__main__.py")


def imported(tree: ast.AST) -> list[tuple[int, str]]:
    """Every module an ``import`` names (at the top or inside a function), with its line."""
    names: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            base = node.module if node.level == 0 else f"draftdiff.{node.module}"
            names += [(node.lineno, base), *((node.lineno, f"{base}.{a.name}") for a in node.names)]
    return names


def _reaches_a_face(name: str) -> bool:
    return any(name == f or name.startswith(f + ".") for f in FORBIDDEN)


def test_the_walk_sees_the_core_packages() -> None:
    parts = {p.relative_to(PACKAGE).parts[0] for p in core_modules()}
    assert {"rules", "diff", "snapshot", "model.py", "load.py", "collection.py", "vocab.py", "git.py",
            "errors.py"} <= parts
    assert not parts & set(FACES)


def test_no_core_module_imports_a_renderer_a_face_or_textual() -> None:
    found = [f"{path.relative_to(PACKAGE)}:{line}: imports {name}"
             for path in core_modules()
             for line, name in imported(ast.parse(path.read_text(encoding="utf-8")))
             if _reaches_a_face(name)]
    assert found == []


def test_the_check_catches_an_import_inside_a_function() -> None:
    tree = ast.parse("def f():\n    from draftdiff.render import render\n    import textual.app\n")
    assert [name for _, name in imported(tree) if _reaches_a_face(name)] == [
        "draftdiff.render", "draftdiff.render.render", "textual.app"]


_FLAG = re.compile(r"(?<![\w-])--[a-z][\w-]*")
COMMAND_LINES = {"git.py", "snapshot/cite.py", "snapshot/faithful.py"}
"""Modules whose strings with ``--`` are command lines (git's arguments, the reproduce command), not messages."""


def _flags_in_messages(path: Path) -> list[str]:
    rel = path.relative_to(PACKAGE).as_posix()
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {id(node.value) for node in ast.walk(tree)
                  if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant)}
    return [f"{rel}:{node.lineno}: {m.group()}" for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings
            for m in _FLAG.finditer(node.value)]


def test_the_core_names_no_command_line_flag_in_its_messages() -> None:
    found = []
    for path in core_modules():
        rel = path.relative_to(PACKAGE).as_posix()
        if rel in COMMAND_LINES:
            continue
        found += _flags_in_messages(path)
    assert found == [], "the core says what is wrong; the face adds its flag"
