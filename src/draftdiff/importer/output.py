"""Hand the imported draft to the write path.

TEMPORARY: the one write path (``draftdiff.edit``) is being built on another
branch. Until it is merged, :func:`write_new_draft` lays the draft out as YAML,
reads it back with the project's own reader and refuses any difference, runs
the collection rules with the drafts beside it, and writes atomically, never
over an existing file. When ``draftdiff.edit`` lands, this function calls it
and the code below goes.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from draftdiff.diagnostics import Diagnostic
from draftdiff.importer.build import SCHEMA_COMMENT
from draftdiff.importer.formats import ImportProblem
from draftdiff.load import LoadedDraft
from draftdiff.model import Draft


class Refused(ImportProblem):
    """The draft was not written: it would not be valid, or the file exists; ``findings`` says why."""

    def __init__(self, message: str, findings: Sequence[Diagnostic] = (), hint: str | None = None) -> None:
        super().__init__(message, hint)
        self.findings = list(findings)


def draft_yaml(data: dict[str, Any]) -> str:
    """The draft as YAML in the bundled drafts' layout, multi-line wording as literal blocks (kept exactly)."""
    from ruamel.yaml import YAML
    from ruamel.yaml.comments import CommentedMap, CommentedSeq
    from ruamel.yaml.scalarstring import LiteralScalarString

    def convert(value: Any) -> Any:
        if isinstance(value, dict):
            out = CommentedMap()
            for k, v in value.items():
                out[k] = convert(v)
            return out
        if isinstance(value, list):
            items = CommentedSeq(convert(v) for v in value)
            if all(isinstance(v, str) and "\n" not in v for v in value):
                items.fa.set_flow_style()  # [armenia, azerbaijan], as the drafts write short lists
            return items
        if isinstance(value, str) and "\n" in value:
            return LiteralScalarString(value)
        return value

    yaml = YAML(typ="rt")
    yaml.width = 4096  # a long line stays one line: folding would leave a space at each line's end
    yaml.indent(mapping=2, sequence=4, offset=2)
    stream = io.StringIO()
    yaml.dump(convert(data), stream)
    return f"# {SCHEMA_COMMENT}\n" + stream.getvalue()


def write_new_draft(path: str | Path, data: dict[str, Any], neighbours: Sequence[LoadedDraft] = ()) -> None:
    """Write a new draft file; raise :class:`Refused` if it exists or would not be valid among ``neighbours``."""
    from draftdiff.atomic import write_atomic
    from draftdiff.collection import check_collection
    from draftdiff.load import read_draft

    target = Path(path)
    if target.exists():
        raise Refused(f"{target}: already exists; an import never overwrites a draft",
                      hint="give another --id, or -o FILE")
    if not target.parent.is_dir():
        raise Refused(f"{target.parent}: no such folder", hint="create it, or give --drafts DIR or -o FILE")
    text = draft_yaml(data)
    encoded = text.encode("utf-8")
    loaded = read_draft(encoded, str(target))
    intended = Draft.model_validate(data)
    if loaded.draft is None or loaded.draft != intended:
        raise Refused(f"{target}: the YAML laid out does not read back as the imported draft; nothing written",
                      loaded.diagnostics, "please report this with the file imported")
    others = [item for item in neighbours if Path(item.name).resolve() != target.resolve()]
    checked = check_collection([*others, loaded])
    errors = [d for d in checked.report.diagnostics if d.file == str(target) and d.severity == "error"]
    if errors:
        raise Refused(f"{target}: the imported draft would not be valid; nothing written", errors)
    try:
        write_atomic(target, encoded)
    except OSError as exc:
        raise Refused(f"cannot write {target}: {exc.strerror or exc}") from None
