"""One renderer registry: a format added there is offered by every face, with its file suffix."""

from __future__ import annotations

import importlib
import pkgutil

import pytest

import draftdiff.render as registry
from draftdiff.cli import build_parser


@pytest.fixture
def extra_format(monkeypatch: pytest.MonkeyPatch):
    table = {kind: dict(entries) for kind, entries in registry._REGISTRY.items()}
    monkeypatch.setattr(registry, "_REGISTRY", table)
    registry.register("snapshot", "plain", "draftdiff.render.snapshot_text:render", "plain.txt", "test format")
    registry.register("diff", "plain", "draftdiff.render.diff_text:render", "plain.txt", "test format")
    return "plain"


@pytest.mark.parametrize("command", ["snapshot", "diff"])
def test_cli_choices_come_from_the_registry(extra_format: str, command: str) -> None:
    parser = build_parser(command)
    sub = next(a for a in parser._actions if a.dest == "command").choices[command]  # argparse's own objects
    choices = next(a for a in sub._actions if a.dest == "format").choices
    assert list(choices) == registry.formats(command) and extra_format in choices


def test_tui_export_offers_and_names_files_from_the_registry(extra_format: str) -> None:
    from draftdiff.tui.export import snapshot_formats

    assert extra_format in snapshot_formats()
    assert registry.suffix("snapshot", extra_format) == "plain.txt"


def test_every_renderer_module_is_registered() -> None:
    targets = {fmt.target.partition(":")[0] for kind in registry._REGISTRY.values() for fmt in kind.values()}
    modules = {f"draftdiff.render.{m.name}" for m in pkgutil.iter_modules(registry.__path__)
               if m.name.split("_")[0] in {"diff", "snapshot", "diagnostics"} and m.name != "diff_common"}
    assert modules <= targets, f"renderer modules missing from the registry: {sorted(modules - targets)}"
    for target in targets:
        importlib.import_module(target)
