"""One family of errors, each with its exit code, turned into a message in one place (cli.main)."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

import pytest
from draft_support import draft_text

from draftdiff.cli import FLAGS, UsageError, describe, main
from draftdiff.errors import CouldNotRun, DraftdiffError, Refused


def _every_kind() -> list[type[DraftdiffError]]:
    from draftdiff.collection import CollectionError
    from draftdiff.git import GitError
    from draftdiff.load import DraftReadError
    from draftdiff.snapshot.faithful import NotFaithful
    from draftdiff.snapshot.inputs import InvalidDrafts
    from draftdiff.snapshot.model import SnapshotError
    from draftdiff.snapshot.verify import SnapshotFileError

    return [UsageError, CollectionError, DraftReadError, SnapshotError, InvalidDrafts, GitError,
            SnapshotFileError, NotFaithful]


def test_every_kind_is_a_draftdiff_error_that_could_not_run() -> None:
    for kind in _every_kind():
        assert issubclass(kind, DraftdiffError) and kind.exit_code == 2, kind
    assert Refused.exit_code == 1 and CouldNotRun.exit_code == 2


def test_one_git_error_under_every_old_name() -> None:
    import draftdiff.git
    import draftdiff.gitrev
    import draftdiff.snapshot.git

    assert draftdiff.gitrev.GitError is draftdiff.snapshot.git.GitError is draftdiff.git.GitError
    assert draftdiff.gitrev.read_rev_path is draftdiff.git.read_rev_path
    assert draftdiff.snapshot.git.repo_root is draftdiff.git.repo_root


@pytest.mark.parametrize("error, code", [(Refused("the edit was refused"), 1),
                                         (CouldNotRun("the drafts folder is gone"), 2),
                                         (UsageError("bad arguments"), 2)])
def test_main_turns_any_draftdiff_error_into_its_message_and_exit_code(
        error: DraftdiffError, code: int, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    import draftdiff.cli.status as status

    def fail(args: argparse.Namespace) -> int:
        raise error

    monkeypatch.setattr(status, "run", fail)
    assert main(["status"]) == code
    err = capsys.readouterr().err
    assert err == f"draftdiff: {error}\n"
    assert "Traceback" not in err


def test_the_face_names_the_flag_of_the_setting_at_fault() -> None:
    assert describe(CouldNotRun("use an as-of date of 2024-01-04 or later", setting="as_of")) == \
        "use an as-of date of 2024-01-04 or later (--as-of)"
    assert describe(CouldNotRun("give one: --commit REV", setting="commit")) == "give one: --commit REV"
    assert describe(CouldNotRun("no setting at fault")) == "no setting at fault"
    assert set(FLAGS.values()) <= {"--as-of", "--draft", "--drafts", "--follow-links", "--commit", "--at", "--map",
                                   "--encoding", "--format", "--heading-pattern"}


def test_a_snapshot_before_the_first_draft_names_the_flag_on_the_command_line(
        tmp_path: Path, write: Callable[..., Path], capsys: pytest.CaptureFixture[str]) -> None:
    write("drafts/a.yaml", draft_text("a", "2024-01-04"))
    code = main(["snapshot", "--drafts", str(tmp_path / "drafts"), "--as-of", "2020-01-01"])
    err = capsys.readouterr().err
    assert code == 2
    assert "no draft is dated on or before 2020-01-01" in err and "2024-01-04 or later (--as-of)" in err


def test_the_core_says_the_same_without_the_flag(tmp_path: Path, write: Callable[..., Path]) -> None:
    from draftdiff.snapshot import SnapshotError, build_snapshot
    from draftdiff.snapshot.inputs import load_checked

    write("drafts/a.yaml", draft_text("a", "2024-01-04"))
    with pytest.raises(SnapshotError) as caught:
        build_snapshot(load_checked(tmp_path / "drafts"), "2020-01-01", None, git=False)
    assert "--" not in str(caught.value) and caught.value.setting == "as_of"


def test_the_edit_and_import_errors_are_in_the_one_family() -> None:
    from draftdiff.cli.import_cmd import Refused as ImportRefused
    from draftdiff.edit.layout import LayoutProblem
    from draftdiff.edit.tree import EditRefused
    from draftdiff.edit.writepath import CannotEdit
    from draftdiff.errors import CouldNotRun, Refused
    from draftdiff.importer.formats import ImportProblem

    assert all(issubclass(kind, Refused) for kind in (EditRefused, LayoutProblem, ImportRefused))
    assert all(issubclass(kind, CouldNotRun) for kind in (CannotEdit, ImportProblem))
    assert EditRefused("no such article", "name it by id").exit_code == 1
