"""Property tests: valid drafts mutated every which way, then every command run on them.

Keys are deleted, duplicated, retyped and reordered; bytes are corrupted; escapes,
controls and hidden marks are injected; nesting is deepened; line endings change.
Whatever comes out: diagnostics or output, exit 0, 1 or 2, never a traceback, no raw
control or hidden character anywhere, and each example within a generous deadline
(hypothesis's per-example ``deadline``, not a wall-clock assertion).
"""

from __future__ import annotations

import asyncio
import contextlib
import io
import tempfile
from datetime import timedelta
from pathlib import Path

from hostile_support import (
    CONTROL_ESCAPES,
    HIDDEN_ESCAPES,
    HIDDEN_RAW,
    LINK_MAKERS,
    hostile_draft,
    output_text,
    unsafe_chars,
)
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from draftdiff.cli import main
from draftdiff.render import formats

BASE = hostile_draft("plain words")
NEXT = hostile_draft("plain words", id="d-2", date="2024-02-01", based_on="d-1", status="agreed",
                     words="and more words")

SETTINGS = settings(deadline=timedelta(seconds=30), max_examples=20, derandomize=False, database=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

_VALUES = ("[1, 2]", "{a: 1}", "123", "null", "true", "~", "'2024-13-45'", "0x1F", '""', "-", "[", "}", "|",
           ">-", "!!python/object:os.system", "&a x", "*a", "<<: {a: 1}", "@see", "`x`")


@st.composite
def mutated(draw: st.DrawFn) -> bytes:
    lines = BASE.splitlines(keepends=True)
    for _ in range(draw(st.integers(1, 4))):
        if not lines:
            break
        _mutate_a_line(draw, lines)
    return _damage_bytes(draw, "".join(lines).encode("utf-8"))


def _mutate_a_line(draw: st.DrawFn, lines: list[str]) -> None:
    """Delete, duplicate, swap, indent or rewrite one line of ``lines`` in place."""
    k = draw(st.integers(0, len(lines) - 1))
    action = draw(st.sampled_from(("delete", "duplicate", "retype", "swap", "inject", "raw", "deepen",
                                   "indent", "link")))
    line = lines[k]
    if action == "delete":
        del lines[k]
    elif action == "duplicate":
        lines.insert(k, line)
    elif action == "swap":
        j = draw(st.integers(0, len(lines) - 1))
        lines[k], lines[j] = lines[j], lines[k]
    elif action == "indent":
        lines[k] = " " * draw(st.integers(1, 9)) + line
    else:
        lines[k] = _rewritten(draw, action, line)


def _rewritten(draw: st.DrawFn, action: str, line: str) -> str:
    """``line`` with a hostile value, escape, raw character, deep nesting or link maker put in (when it fits)."""
    if action == "retype" and ":" in line:
        key = line.split(":", 1)[0]
        return f"{key}: {draw(st.sampled_from(_VALUES))}\n"
    if action == "inject" and '"' in line:
        spelling = draw(st.sampled_from(CONTROL_ESCAPES + HIDDEN_ESCAPES))
        at = line.index('"') + 1
        return line[:at] + spelling + line[at:]
    if action == "raw":
        char = draw(st.sampled_from(("\x1b", "\x00", "\x9b", "\x85", "\u2028", "\r", "\t") + HIDDEN_RAW))
        at = draw(st.integers(0, len(line)))
        return line[:at] + char + line[at:]
    if action == "deepen" and ":" in line:
        depth = draw(st.integers(1, 200))
        key = line.split(":", 1)[0]
        return f"{key}: " + "[" * depth + "x" + "]" * depth + "\n"
    if action == "link" and '"' in line:
        at = line.index('"') + 1
        return line[:at] + draw(st.sampled_from(LINK_MAKERS)) + " " + line[at:]
    return line


def _damage_bytes(draw: st.DrawFn, data: bytes) -> bytes:
    """Other line endings, a few corrupt bytes, perhaps a truncation."""
    ending = draw(st.sampled_from((b"\n", b"\r\n", b"\r")))
    if ending != b"\n":
        data = data.replace(b"\n", ending)
    for _ in range(draw(st.integers(0, 2))):  # corrupt bytes
        if data:
            at = draw(st.integers(0, len(data) - 1))
            data = data[:at] + bytes([draw(st.integers(0, 255))]) + data[at + 1:]
    if draw(st.booleans()) and data:
        data = data[:draw(st.integers(0, len(data)))]  # truncated
    return data


@st.composite
def injected(draw: st.DrawFn) -> bytes:
    """A draft that stays readable: only escapes, hidden marks and link makers put into its quoted texts."""
    lines = BASE.splitlines(keepends=True)
    quoted = [k for k, line in enumerate(lines) if '"' in line]
    for _ in range(draw(st.integers(1, 6))):
        k = draw(st.sampled_from(quoted))
        spelling = draw(st.sampled_from(CONTROL_ESCAPES + HIDDEN_ESCAPES + LINK_MAKERS + HIDDEN_ESCAPES))
        if "\\" not in spelling and draw(st.booleans()):
            spelling = draw(st.sampled_from(HIDDEN_RAW))
        at = lines[k].index('"') + 1
        lines[k] = lines[k][:at] + spelling + " " + lines[k][at:]
    return "".join(lines).encode("utf-8")


drafts = st.one_of(mutated(), injected())


def run(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(args))
    return code, out.getvalue(), err.getvalue()


def check(args: list[str], written: Path | None = None) -> None:
    code, out, err = run(*args)
    assert code in (0, 1, 2), (args, code)
    assert "internal error" not in err and "Traceback" not in err, (args, err)
    texts = [out, err]
    if written is not None and written.exists():
        texts.append(output_text(written))
    for text in texts:
        bad = unsafe_chars(text, crlf_ok=bool(written and written.suffix == ".csv"))
        assert bad == [], (args, bad[:5])


def folder_with(data: bytes, root: str) -> tuple[Path, Path, Path]:
    folder = Path(root) / "drafts"
    folder.mkdir()
    (folder / "a.yaml").write_text(BASE, encoding="utf-8")
    (folder / "b.yaml").write_bytes(data)
    other = Path(root) / "next.yaml"
    other.write_text(NEXT, encoding="utf-8")
    return folder, folder / "b.yaml", other


@SETTINGS
@given(drafts)
def test_validate_and_textconv_on_a_mutated_draft(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as root:
        folder, target, _ = folder_with(data, root)
        for fmt in formats("diagnostics"):
            check(["validate", str(target), "--format", fmt])
            check(["validate", str(folder), "--format", fmt, "--strict"])
        check(["textconv", str(target)])


@SETTINGS
@given(drafts)
def test_diff_on_a_mutated_draft(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as root:
        folder, target, other = folder_with(data, root)
        for fmt in formats("diff"):
            out = Path(root) / f"out.{fmt}"
            check(["diff", str(other), str(target), "--format", fmt, "-o", str(out)], out)
            if fmt != "docx":  # binary: only ever written to a file
                check(["diff", str(target), str(other), "--format", fmt, "--stat"])


@SETTINGS
@given(drafts)
def test_status_and_snapshots_on_a_mutated_draft(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as root:
        folder, _, _ = folder_with(data, root)
        check(["status", "--drafts", str(folder)])
        for fmt in formats("snapshot"):
            out = Path(root) / f"snap.{fmt}"
            check(["snapshot", "--drafts", str(folder), "-f", fmt, "-o", str(out)], out)


@settings(deadline=timedelta(seconds=60), max_examples=4, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(drafts)
def test_the_terminal_ui_headless_on_a_mutated_draft(data: bytes) -> None:
    from tui_support import make_app, screen_text

    with tempfile.TemporaryDirectory() as root:
        folder, _, _ = folder_with(data, root)
        (folder / "c.yaml").write_text(NEXT.replace("id: d-2", "id: d-3").replace("2024-02-01", "2024-03-01"),
                                       encoding="utf-8")

        async def go() -> list[str]:
            app = make_app([folder])
            screens = []
            async with app.run_test(size=(100, 30)) as pilot:
                await pilot.pause()
                screens.append(screen_text(app))
                for key in ("enter", "escape", "c", "s", "escape", "h", "escape", "d", "["):
                    await pilot.press(key)
                    await pilot.pause()
                    screens.append(screen_text(app))
            assert app.return_code in (None, 0), app.return_code
            return screens

        for screen in asyncio.run(go()):
            assert unsafe_chars(screen) == [], unsafe_chars(screen)[:5]


def test_the_history_view_survives_two_files_with_one_id(tmp_path: Path) -> None:
    """Found by the property test: a copied draft made the history table repeat a column key and crash."""
    from tui_support import make_app, screen_text

    folder = tmp_path / "drafts"
    folder.mkdir()
    (folder / "a.yaml").write_text(BASE, encoding="utf-8")
    (folder / "b.yaml").write_text(BASE.replace("Title plain", "Title copied"), encoding="utf-8")

    async def go() -> str:
        app = make_app([folder])
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            await pilot.press("h")
            await pilot.pause()
            return screen_text(app)

    assert "Status of 2 article entries" in asyncio.run(go())
