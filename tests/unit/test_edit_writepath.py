"""The write path's promises: untouched drafts round-trip byte for byte, and a write is all or nothing."""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Any

import pytest
from edit_support import EDIT_DRAFT, make_folder
from paths import ROOT

from draftdiff.cli import main
from draftdiff.edit import CannotEdit, Edit, Mutation, apply_edit, canonical_bytes, ops, write_new_draft
from draftdiff.edit.writepath import _read_tree, render_edit

DRAFTS = sorted((ROOT / "drafts").glob("*.yaml"))


@pytest.mark.parametrize("path", DRAFTS, ids=[p.stem for p in DRAFTS])
def test_an_untouched_bundled_draft_round_trips_byte_for_byte(path: Path) -> None:
    data = path.read_bytes()
    _, tree = _read_tree(data, str(path))
    new_bytes, _, _ = render_edit(data, tree, Edit([], []))
    assert new_bytes == data
    assert canonical_bytes(data) == data  # and it is already in the canonical layout


def test_fmt_check_passes_on_the_bundled_drafts(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["fmt", "--check", str(DRAFTS[0].parent)]) == 0
    assert "already in the canonical layout" in capsys.readouterr().err


def test_an_edit_of_every_bundled_draft_changes_only_its_lines(tmp_path: Path) -> None:
    folder = tmp_path / "drafts"
    shutil.copytree(DRAFTS[0].parent, folder)
    for path in sorted(folder.glob("*.yaml")):
        _, tree = _read_tree(path.read_bytes(), str(path))
        if not tree.get("sources"):
            continue
        sid = tree["sources"][0]["id"]
        result = apply_edit(path, lambda d, sid=sid: ops.set_field(d, f"sources[{sid}].notes", "A note " * 30 + "end."),
                            dry_run=True, allow_errors=True)
        assert result.refused is None, (path.name, result.refused)
        changed = [line for line in result.diff.splitlines()[2:] if line[:1] in "+-"]
        def new_note_line(line: str) -> bool:  # the folded note may wrap between "A" and "note"
            return line.startswith("+      ") and set(line[7:].replace("end.", "").split()) <= {"A", "note"}

        assert all("notes" in line or new_note_line(line) or line.startswith("-      ")
                   or line.startswith("-    notes") for line in changed), changed


def test_a_file_changed_on_disk_meanwhile_is_refused(tmp_path: Path) -> None:
    path = make_folder(tmp_path)
    other = EDIT_DRAFT.replace("notes: Kept as a note.", "notes: Changed by another editor.")

    def meanwhile(data: dict) -> Edit:  # runs after the bytes were read, before the write
        path.write_text(other)
        return ops.set_status(data, "recognition", "unknown", sources=["src-2"])

    result = apply_edit(path, meanwhile)
    assert result.refused and "changed on disk" in result.refused
    assert path.read_text() == other
    assert not [p for p in path.parent.iterdir() if p.name.startswith(".")]


@pytest.mark.parametrize("failing", ["fsync", "replace"])
def test_a_failure_mid_write_leaves_the_original_intact(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                       failing: str) -> None:
    path = make_folder(tmp_path)
    os.chmod(path, 0o640)

    def boom(*args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, failing, boom)
    with pytest.raises(CannotEdit, match="No space left on device"):
        apply_edit(path, lambda d: ops.set_status(d, "recognition", "unknown", sources=["src-2"]))
    monkeypatch.undo()
    assert path.read_text() == EDIT_DRAFT
    assert not [p for p in path.parent.iterdir() if p.name.startswith(".")]


def test_a_write_keeps_the_files_mode(tmp_path: Path) -> None:
    path = make_folder(tmp_path)
    os.chmod(path, 0o600)
    result = apply_edit(path, lambda d: ops.set_status(d, "recognition", "unknown", sources=["src-2"]))
    assert result.written
    assert path.stat().st_mode & 0o777 == 0o600


def test_refused_and_dry_run_edits_leave_no_temporary_file(tmp_path: Path) -> None:
    path = make_folder(tmp_path)
    apply_edit(path, lambda d: ops.set_status(d, "nope", "agreed", sources=["src-1"]))
    apply_edit(path, lambda d: ops.set_status(d, "third-party-forces", "agreed", sources=["src-1"]))  # new errors
    apply_edit(path, lambda d: ops.set_status(d, "recognition", "unknown", sources=["src-2"]), dry_run=True)
    assert sorted(p.name for p in path.parent.iterdir()) == ["t-2024-06.yaml", "t-2024-09.yaml"]
    assert path.read_text() == EDIT_DRAFT


def test_an_edit_built_by_hand(tmp_path: Path) -> None:
    """What the TUI and an importer do: mutations of the plain data, with their own change lines."""
    path = make_folder(tmp_path)
    edit = Edit([Mutation("set", ("articles", 2, "title"), "Interstate claims and lawsuits")],
                ["Article 3 claims: title changed"])
    result = apply_edit(path, edit)
    assert result.written and result.changes == ["t-2024-09.yaml: Article 3 claims: title changed"]
    assert "    title: Interstate claims and lawsuits\n" in path.read_text()


def test_an_edit_whose_output_would_read_differently_is_refused(tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    """The proof step itself: if the dump said something else, nothing is written."""
    import draftdiff.edit.tree as tree

    path = make_folder(tmp_path)
    real = tree.apply_plain

    def wrong(data: object, mutation: Mutation) -> None:  # the intended data disagrees with the written one
        real(data, Mutation(mutation.kind, mutation.path, "partial"))

    monkeypatch.setattr(tree, "apply_plain", wrong)
    result = apply_edit(path, lambda d: ops.set_status(d, "recognition", "unknown", sources=["src-2"]))
    assert result.refused and "would read differently at articles[recognition].status" in result.refused
    assert path.read_text() == EDIT_DRAFT


# --- new versions -------------------------------------------------------------------------------------------

def new_version_args(path: Path, *extra: str) -> list[str]:
    return ["new-version", str(path), "--id", "t-2024-12", "--date", "2024-12-18", "--kind", "status-report",
            "--by", "beta", "--title", "Status of the test text, December 2024", *extra]


def test_new_version_carries_articles_and_not_what_belongs_to_the_base(tmp_path: Path,
                                                                        capsys: pytest.CaptureFixture[str]) -> None:
    path = make_folder(tmp_path)
    assert main(new_version_args(path)) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0] == ("t-2024-12.yaml: new version t-2024-12 (status-report by beta, 2024-12-18), "
                                   "based on t-2024-09; carried with their ids and statuses: 3 articles; "
                                   "1 precondition")
    assert "not carried from the base: title, summary, notes, attestation, claimed counts" in out
    new = (path.parent / "t-2024-12.yaml").read_text()
    base_articles = EDIT_DRAFT[EDIT_DRAFT.index("articles:"):]
    assert new.endswith(base_articles)  # articles, preconditions and their comments, as they were
    head = new[:new.index("sources:")]
    assert head == ("# yaml-language-server: $schema=../schema/draft.schema.json\n"
                    "schema_version: 1\nagreement: test-peace\nid: t-2024-12\n"
                    'title: "Status of the test text, December 2024"\ndate: 2024-12-18\nkind: status-report\n'
                    "proposed_by: beta\nbased_on: t-2024-09\nstage: negotiating\nparties: [alpha, beta]\n")
    assert "\nclaimed_counts:" not in new and "\nattested_by:" not in new and "\nsummary:" not in new
    assert main(["validate", str(path.parent)]) == 0
    assert path.read_text() == EDIT_DRAFT  # the base is untouched


def test_new_version_with_summary_stage_and_precision(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = make_folder(tmp_path)
    assert main(new_version_args(path, "--summary", "Beta's envoy reported the count.", "--stage", "finalized",
                                 "--date-precision", "month", "--coverage", "partial")) == 0
    new = (path.parent / "t-2024-12.yaml").read_text()
    assert "date: 2024-12-18\ndate_precision: month\n" in new
    assert "stage: finalized\nparties: [alpha, beta]\narticle_coverage: partial\nsummary: Beta's envoy" in new


@pytest.mark.parametrize(("extra", "message"), [
    (["--id", "t-2024-06"], "a draft with id 't-2024-06' exists already"),
    (["--kind", "status-reprt"], "did you mean 'status-report'?"),
    (["--by", "gama"], "not a party"),
    (["--date", "2024-02-30"], "not a real calendar date"),
])
def test_new_version_refusals(tmp_path: Path, capsys: pytest.CaptureFixture[str], extra: list[str],
                              message: str) -> None:
    path = make_folder(tmp_path)
    args = new_version_args(path)
    for flag, value in zip(extra[::2], extra[1::2], strict=True):
        args[args.index(flag) + 1] = value
    assert main(args) == 1
    assert message in capsys.readouterr().err
    assert sorted(p.name for p in path.parent.iterdir()) == ["t-2024-06.yaml", "t-2024-09.yaml"]


def test_new_version_refuses_an_existing_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = make_folder(tmp_path)
    (path.parent / "t-2024-12.yaml").write_text("not mine\n")
    assert main(new_version_args(path)) == 1
    assert "exists already" in capsys.readouterr().err
    assert (path.parent / "t-2024-12.yaml").read_text() == "not mine\n"


def test_new_version_never_replaces_a_file_that_appears_meanwhile(tmp_path: Path) -> None:
    path = make_folder(tmp_path)
    target = path.parent / "t-2024-12.yaml"

    def meanwhile(data: dict) -> Edit:
        edit = ops.new_version(data, {"id": "t-2024-12", "title": "T", "date": "2024-12-18",
                                      "kind": "status-report", "proposed_by": "beta"})
        target.write_text("written by someone else\n")
        return edit

    result = apply_edit(path, meanwhile, target=target)
    assert result.refused and "exists already" in result.refused
    assert target.read_text() == "written by someone else\n"


def test_write_new_draft_from_data(tmp_path: Path) -> None:
    """An importer's last step: plain data to a new file in the canonical layout, verified and validated."""
    from draftdiff.yamlsource import parse_yaml

    path = make_folder(tmp_path)
    data, _ = parse_yaml(EDIT_DRAFT)
    data["id"] = "t-2024-10"
    target = path.parent / "t-2024-10.yaml"
    result = write_new_draft(target, data, changes=["imported from a text"])
    assert result.written, result.refused
    written = target.read_text()
    assert written.startswith("# yaml-language-server: $schema=../schema/draft.schema.json\nschema_version: 1\n")
    assert parse_yaml(written)[0] == data
    assert canonical_bytes(target.read_bytes()) == target.read_bytes()
    again = write_new_draft(target, data)
    assert again.refused and "exists already" in again.refused


def _new_version_data(base: Path) -> dict[str, Any]:
    from draftdiff.yamlsource import parse_yaml

    data, _ = parse_yaml(EDIT_DRAFT)
    data["id"] = "t-2024-10"
    data["based_on"] = "t-2024-06"
    assert base.name == "t-2024-06.yaml"
    return data


def test_a_new_draft_checked_against_a_base_loaded_already_is_still_refused_for_new_errors(tmp_path: Path) -> None:
    """The base handed in stands for its file; a draft that adds errors is refused all the same."""
    from draftdiff.load import load_draft

    folder = make_folder(tmp_path).parent
    base = folder / "t-2024-06.yaml"
    known = [load_draft(base)]
    data = _new_version_data(base)
    data["articles"][0]["sources"] = ["nowhere"]  # cites a source the draft does not define: an error
    result = write_new_draft(folder / "t-2024-10.yaml", data, known=known)
    assert not result.written and result.refused and "error" in result.refused
    assert [d.rule for d in result.findings if d.severity == "error"] == ["unknown-source"]
    assert not (folder / "t-2024-10.yaml").exists()
    fine = write_new_draft(folder / "t-2024-10.yaml", _new_version_data(base), known=known)
    assert fine.written, fine.refused


def test_a_base_changed_on_disk_after_it_was_loaded_is_read_again(tmp_path: Path) -> None:
    """What the collection check sees is the folder as it is now, not the draft the caller loaded earlier."""
    from draftdiff.load import load_draft

    folder = make_folder(tmp_path).parent
    base = folder / "t-2024-06.yaml"
    stale = [load_draft(base)]
    base.write_text(base.read_text().replace("id: t-2024-06\n", "id: t-2024-05\n"), encoding="utf-8")
    result = write_new_draft(folder / "t-2024-10.yaml", _new_version_data(base), known=stale)
    assert not result.written  # the draft it is based on is no longer in the folder
    assert "based-on-missing" in {d.rule for d in result.findings}


def test_a_base_with_errors_of_its_own_neither_blocks_a_new_draft_nor_hides_the_same_errors_in_it(
        tmp_path: Path) -> None:
    """The base's own errors are not the new draft's; the same mistake made in the new draft is refused."""
    from draftdiff.load import load_draft

    folder = make_folder(tmp_path).parent
    base = folder / "t-2024-06.yaml"
    base.write_text(base.read_text().replace("    status: agreed\n    status_basis: reported\n",
                                             "    status: agreed\n"), encoding="utf-8")
    known = [load_draft(base)]
    assert [d.rule for d in validate_folder(folder) if d.severity == "error"] == ["status-basis"]
    clean = write_new_draft(folder / "t-2024-10.yaml", _new_version_data(base), known=known)
    assert clean.written and not clean.findings
    same_mistake = _new_version_data(base)
    del same_mistake["articles"][0]["status_basis"]
    again = write_new_draft(folder / "t-2024-11.yaml", {**same_mistake, "id": "t-2024-11"}, known=known)
    assert not again.written
    assert [(Path(d.file).name, d.rule) for d in again.findings if d.severity == "error"] == [
        ("t-2024-11.yaml", "status-basis")]
    twin = write_new_draft(folder / "t-2024-12.yaml", {**_new_version_data(base), "id": "t-2024-06"}, known=known)
    assert not twin.written and "duplicate-draft-id" in {d.rule for d in twin.findings}


def validate_folder(folder: Path) -> list[Any]:
    from draftdiff.collection import load_collection

    return load_collection([folder]).diagnostics


def test_fmt_check_is_part_of_ci_and_the_hooks() -> None:
    from draftdiff.yamlsource import parse_yaml

    root = DRAFTS[0].parent.parent
    assert "draftdiff fmt --check drafts/" in (root / ".ci" / "run").read_text()
    published, _ = parse_yaml((root / ".pre-commit-hooks.yaml").read_text())
    assert {"id": "draftdiff-fmt", "entry": "draftdiff fmt --check"}.items() <= \
        next(h for h in published if h["id"] == "draftdiff-fmt").items()
    own, _ = parse_yaml((root / ".pre-commit-config.yaml").read_text())
    assert "draftdiff fmt --check" in own["repos"][0]["hooks"][1]["entry"]


def test_an_edit_through_a_symbolic_link_changes_the_file_it_names(tmp_path: Path) -> None:
    path = make_folder(tmp_path)
    link = tmp_path / "linked.yaml"
    link.symlink_to(path)
    result = apply_edit(link, lambda d: ops.set_status(d, "recognition", "unknown", sources=["src-2"]))
    assert result.written and link.is_symlink()
    assert "    status: unknown\n" in path.read_text()


def _prove(old: str, new: str) -> str | None:
    """Run the write path's proof on a hand-made output for a one-status edit; the refusal, or None."""
    from draftdiff.edit.textmap import map_text
    from draftdiff.edit.tree import EditRefused, apply_plain
    from draftdiff.edit.verify import expected_comments, regions
    from draftdiff.edit.writepath import verify_output
    from draftdiff.yamlsource import parse_yaml

    tree, _ = parse_yaml(old)
    mutation = Mutation("set", ("articles", 0, "status"), "unknown")
    intended = parse_yaml(old)[0]
    apply_plain(intended, mutation)
    old_map = map_text(old)
    try:
        verify_output(old, new, new.encode(), intended, regions([mutation], old_map, tree),
                      expected_comments(old_map, []))
    except EditRefused as refusal:
        return refusal.reason
    return None


def test_the_proof_accepts_the_asked_change_only() -> None:
    good = EDIT_DRAFT.replace("    status: agreed\n", "    status: unknown\n", 1)
    assert _prove(EDIT_DRAFT, good) is None
    into_text = good.replace("      forces of third countries.\n    # the wording above is a summary\n",
                             "      forces of third countries.\n      # the wording above is a summary\n")
    assert "read differently at articles[third-party-forces].text" in (_prove(EDIT_DRAFT, into_text) or "")
    broken = good.replace("parties: [alpha, beta]", "parties: [alpha, beta")
    assert "would not read back" in (_prove(EDIT_DRAFT, broken) or "")
    lost = good.replace("  # Article 2 is the hard one.\n", "")
    assert "comment" in (_prove(EDIT_DRAFT, lost) or "")
    elsewhere = good.replace("title: Interstate claims", "title:  Interstate claims")
    assert "also change line" in (_prove(EDIT_DRAFT, elsewhere) or "")
    retyped = good.replace("    number: 3\n", "    number: 3.0\n")
    assert "read differently at articles[claims].number" in (_prove(EDIT_DRAFT, retyped) or "")
