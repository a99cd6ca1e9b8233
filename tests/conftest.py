"""Shared fixtures: files written under a temporary folder."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def the_command_s_fast_reader(request: pytest.FixtureRequest):
    """Tests run the commands in this process, so they get what the ``draftdiff`` command sets up: the fast
    batch reader may silence descriptor 2 (see ``fastyaml.allow_muting``). A test marked ``library`` sees
    draftdiff as a program importing it does."""
    from draftdiff import fastyaml

    fastyaml.allow_muting(request.node.get_closest_marker("library") is None)
    yield
    fastyaml.allow_muting(False)


@pytest.fixture
def write(tmp_path: Path) -> Callable[..., Path]:
    """Write a file under tmp_path (str is UTF-8 encoded; bytes are written as they are)."""

    def _write(name: str, content: str | bytes) -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, str):
            path.write_text(content, encoding="utf-8")
        else:
            path.write_bytes(content)
        return path

    return _write
