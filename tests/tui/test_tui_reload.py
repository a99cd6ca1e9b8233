"""Live reload: a changed draft refreshes the views; a broken one shows its problems instead of crashing."""

from __future__ import annotations

import asyncio
from pathlib import Path

from tui_support import copy_fixtures, make_app, screen_text

from draftdiff.tui.widgets.diagnostics_panel import DiagnosticsPanel


async def wait_for(pilot, condition, tries: int = 60) -> bool:  # type: ignore[no-untyped-def]
    for _ in range(tries):
        if condition():
            return True
        await pilot.pause(0.05)
    return condition()


def test_edit_on_disk_refreshes_the_board(tmp_path: Path) -> None:
    folder = copy_fixtures(tmp_path)
    target = folder / "2025-03-finalized.yaml"

    async def go() -> None:
        app = make_app([folder], watch=True, poll_interval=0.05)
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            assert "✓ 5 agreed" in screen_text(app)
            text = target.read_text()
            target.write_text(text.replace("    status: agreed\n", "    status: disputed\n", 1) + "\n")
            assert await wait_for(pilot, lambda: "✓ 4 agreed" in screen_text(app))
            assert "✗ 1 disputed" in screen_text(app)

    asyncio.run(go())


def test_invalid_draft_shows_diagnostics_and_the_app_keeps_running(tmp_path: Path) -> None:
    folder = copy_fixtures(tmp_path)
    target = folder / "2025-03-finalized.yaml"
    good = target.read_text()

    async def go() -> None:
        app = make_app([folder], watch=True, poll_interval=0.05)
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            panel = app.screen.query_one(DiagnosticsPanel)
            assert not panel.display or not panel.has_class("-has-problems")
            target.write_text(good.replace("stage: finalized", "stage: finalised"))
            assert await wait_for(pilot, lambda: "error [schema-value]" in screen_text(app))
            assert "Problems in the draft files" in screen_text(app)
            shown = str(panel.query_one("#diagnostics-text").content)
            assert "2025-03-finalized.yaml:9:8: error [schema-value] stage: 'finalised'" in shown
            assert app.version == "2024-09-status"  # the broken version is gone; the one before it shows
            target.write_text(good + "\n")
            assert await wait_for(pilot, lambda: not panel.has_class("-has-problems"))
            assert app.draft_set.get("2025-03-finalized") is not None
            assert app.version == "2025-03-finalized"  # fixed: the board goes back to it

    asyncio.run(go())


def test_removing_every_draft_keeps_the_last_good_board(tmp_path: Path) -> None:
    folder = copy_fixtures(tmp_path)

    async def go() -> None:
        app = make_app([folder], watch=True, poll_interval=0.05)
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            for path in folder.iterdir():
                path.unlink()
            assert await wait_for(pilot, lambda: app.load_error is not None)
            # the error is set by the reload worker; the board shows it on its next refresh
            assert await wait_for(pilot, lambda: "no draft files" in screen_text(app))
            assert "✓ 5 agreed" in screen_text(app)

    asyncio.run(go())


def test_yaml_syntax_error_position_is_reported(tmp_path: Path) -> None:
    folder = copy_fixtures(tmp_path)
    (folder / "zz-broken.yaml").write_text("schema_version: 1\nid: [unclosed\n")

    async def go() -> None:
        app = make_app([folder])
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            assert "zz-broken.yaml:" in screen_text(app)
            assert app.screen.query_one(DiagnosticsPanel).has_class("-has-problems")
            await pilot.press("d")
            assert "zz-broken.yaml:" not in screen_text(app)  # d hides the panel

    asyncio.run(go())
