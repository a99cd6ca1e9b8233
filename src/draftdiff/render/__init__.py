"""One registry of renderers: ``(result kind, format name) → function(data, **options) -> output``.

Adding an output format is one entry here: the CLI's ``--format`` choices, the
file suffix a face proposes and the TUI's export list all come from it.
Renderers are imported only when used, so asking for JSON never loads the
terminal or HTML code. A renderer takes the plain result object and returns its
output; writing it out is the caller's job. The output is text (``str``), ``bytes``
for a binary format such as a Word document (its :class:`Format` says ``binary``, so
a face can refuse to print it to a terminal before rendering), or, for a kind whose
output is a tree of files (``site``), a mapping of relative POSIX paths to bytes.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, TypeAlias

Output: TypeAlias = str | bytes | Mapping[str, bytes]
"""What a renderer returns: text, the bytes of one binary file, or a tree of files (path → bytes)."""


@dataclass(frozen=True)
class Format:
    """One output format of one kind of result."""

    target: str
    """``"module:function"``, imported when first used."""
    suffix: str
    """The file name ending a face proposes (no dot): ``md``, ``csl.json``."""
    description: str
    binary: bool = False
    """The renderer returns bytes (never written to a terminal)."""


_REGISTRY: dict[str, dict[str, Format]] = {
    "diagnostics": {
        "text": Format("draftdiff.render.diagnostics_text:render", "txt", "file:line:col lines with hints"),
        "github": Format("draftdiff.render.diagnostics_github:render", "txt", "GitHub Actions annotations"),
        "json": Format("draftdiff.render.diagnostics_json:render", "json", "machine-readable diagnostics"),
        "sarif": Format("draftdiff.render.diagnostics_sarif:render", "sarif", "SARIF 2.1.0 for code scanning"),
    },
    "diff": {
        "text": Format("draftdiff.render.diff_text:render", "txt", "terminal redline"),
        "markdown": Format("draftdiff.render.diff_markdown:render", "md", "Markdown report"),
        "html": Format("draftdiff.render.diff_html:render", "html", "self-contained HTML page"),
        "json": Format("draftdiff.render.diff_json:render", "json", "JSON (schema/diff.schema.json)"),
        "docx": Format("draftdiff.render.diff_docx:render", "docx", "Word redline with tracked changes",
                       binary=True),
    },
    "snapshot": {
        "md": Format("draftdiff.render.snapshot_md:render", "md", "Markdown, verifiable"),
        "json": Format("draftdiff.render.snapshot_json:render", "json", "JSON, verifiable"),
        "csv": Format("draftdiff.render.snapshot_csv:render", "csv", "one row per article"),
        "html": Format("draftdiff.render.snapshot_html:render", "html", "self-contained HTML, verifiable"),
        "bibtex": Format("draftdiff.render.snapshot_bibtex:render", "bib", "BibTeX @misc entry"),
        "csl": Format("draftdiff.render.snapshot_csl:render", "csl.json", "CSL-JSON for Zotero, Pandoc"),
        "cff": Format("draftdiff.render.snapshot_cff:render", "cff", "CITATION.cff (CFF 1.2.0)"),
        "text": Format("draftdiff.render.snapshot_text:render", "txt", "the terminal board"),
    },
    "snapshot-verify": {
        "text": Format("draftdiff.render.snapshot_verify_text:render", "txt", "what verify found"),
    },
    "site": {
        "html": Format("draftdiff.render.site:render", "", "a folder of pages, assets and downloads"),
    },
    "import": {
        "text": Format("draftdiff.render.import_text:render", "txt", "the entries found and the ids they took"),
    },
    "edit": {
        "text": Format("draftdiff.render.edit_text:render", "txt", "the change lines, findings and refusal"),
    },
}


ALIASES = {"md": "markdown", "markdown": "md", "txt": "text", "bib": "bibtex"}
"""A format's other common name: ``diff -f md`` and ``snapshot -f markdown`` mean what the other command calls it."""


def format_name(kind: str, name: str) -> str:
    """The registry's name for ``name`` in ``kind``, through :data:`ALIASES`; unknown names come back as they
    are (the CLI's choices then refuse them and list the names)."""
    if name in _REGISTRY.get(kind, {}):
        return name
    alias = ALIASES.get(name)
    return alias if alias is not None and alias in _REGISTRY.get(kind, {}) else name


def register(kind: str, name: str, target: str | Format, suffix: str | None = None, description: str = "") -> None:
    """Add a renderer given as a :class:`Format` or ``"module:function"``."""
    spec = target if isinstance(target, Format) else Format(target, suffix or name, description)
    _REGISTRY.setdefault(kind, {})[name] = spec


def formats(kind: str) -> list[str]:
    """The format names of a kind, in the registry's order (the CLI's choices and default order)."""
    return list(_REGISTRY.get(kind, {}))


def format_info(kind: str, name: str) -> Format:
    try:
        return _REGISTRY[kind][name]
    except KeyError:
        raise KeyError(f"no {kind} renderer named {name!r}; choose from {', '.join(formats(kind))}") from None


def is_binary(kind: str, name: str) -> bool:
    """Whether the format's output is bytes that are not text (never written to a terminal)."""
    return format_info(kind, name).binary


def suffix(kind: str, name: str) -> str:
    return format_info(kind, name).suffix


def renderer(kind: str, name: str) -> Callable[..., Any]:
    module_name, _, func = format_info(kind, name).target.partition(":")
    found: Callable[..., Any] = getattr(importlib.import_module(module_name), func)
    return found


def render(kind: str, name: str, data: Any, **options: Any) -> Any:
    """The renderer's output: ``str`` for text formats, ``bytes`` for binary ones (see :data:`Output`)."""
    return renderer(kind, name)(data, **options)


def as_bytes(output: str | bytes) -> bytes:
    """One file's output as the bytes to write: text is UTF-8."""
    return output.encode("utf-8") if isinstance(output, str) else output
