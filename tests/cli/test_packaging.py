"""What a user installs: the wheel carries the bundled drafts, the sdist everything to build and test from it."""

from __future__ import annotations

import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import pytest
from paths import ROOT

ROOT = ROOT


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    done = subprocess.run([sys.executable, "-m", "build", "--sdist", "--wheel", "--outdir", str(out), str(ROOT)],
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-2000:]
    return out


def test_the_sdist_is_complete(dist: Path) -> None:
    [sdist] = dist.glob("*.tar.gz")
    with tarfile.open(sdist) as tar:
        names = {name.split("/", 1)[1] for name in tar.getnames() if "/" in name}
    drafts = {p.relative_to(ROOT).as_posix() for p in (ROOT / "drafts").glob("*.yaml")}
    golden = {p.relative_to(ROOT).as_posix() for p in (ROOT / "tests" / "golden").rglob("*") if p.is_file()}
    needed = {"setup.py", "pyproject.toml", "README.md", "action.yml", ".pre-commit-config.yaml", "schema/draft.schema.json",
              "schema/diff.schema.json", "tests/conftest.py", "benchmarks/bench_diff.py", ".ci/run"}
    assert needed | drafts | golden <= names, sorted((needed | drafts | golden) - names)
    assert not any("__pycache__" in n for n in names)


def test_the_wheel_carries_the_drafts_without_a_link(dist: Path) -> None:
    [wheel] = dist.glob("*.whl")
    with zipfile.ZipFile(wheel) as z:
        bundled = {Path(n).name for n in z.namelist() if n.startswith("draftdiff/data/drafts/")}
        metadata = next(n for n in z.namelist() if n.endswith("METADATA"))
        text = z.read(metadata).decode()
    assert bundled == {p.name for p in (ROOT / "drafts").glob("*.yaml")}
    assert "Name: draftdiff-negotiations" in text and "License-Expression: MIT" in text
    assert not (ROOT / "src" / "draftdiff" / "data" / "drafts").is_symlink()


def test_the_github_action_installs_from_its_own_checkout_and_validates() -> None:
    from ruamel.yaml import YAML

    action = YAML(typ="safe", pure=True).load((ROOT / "action.yml").read_text(encoding="utf-8"))
    assert action["runs"]["using"] == "composite"
    steps = " ".join(str(step.get("run", "")) for step in action["runs"]["steps"])
    assert 'pip install "${GITHUB_ACTION_PATH}"' in steps and "draftdiff validate" in steps
    assert "pip install draftdiff" not in steps  # the PyPI name belongs to another project
    assert set(action["inputs"]) == {"paths", "strict", "sarif", "python-version"}


def test_the_action_uploads_sarif_only_from_a_run_that_validated() -> None:
    """A run that could not validate (exit 2) writes a SARIF log with no results; uploaded, code scanning
    would close every open alert as fixed."""
    from ruamel.yaml import YAML

    steps = YAML(typ="safe", pure=True).load((ROOT / "action.yml").read_text(encoding="utf-8"))["runs"]["steps"]
    write = next(s for s in steps if "--format sarif" in str(s.get("run", "")))
    upload = next(s for s in steps if "upload-sarif" in str(s.get("uses", "")))
    assert "[ $? -eq 1 ]" in write["run"]  # exit 1 (findings) is a success of this step; exit 2 is not
    assert f"steps.{write['id']}.outcome == 'success'" in upload["if"]


def test_no_install_instruction_names_the_strangers_package() -> None:
    for path in (ROOT / "README.md", ROOT / "action.yml"):
        text = path.read_text(encoding="utf-8")
        assert "pip install draftdiff\n" not in text and "pip install draftdiff " not in text, path
