"""One registry of renderers: ``(result kind, format name) → function(data, **options)``.

Adding an output format is one entry here: the CLI's ``--format`` choices, the
file suffix a face proposes and the TUI's export list all come from it.
Renderers are imported only when used, so asking for JSON never loads the
terminal or HTML code. A renderer takes the plain result object and returns
text (or bytes, for a binary format); writing it out is the caller's job.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any


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
}


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


def suffix(kind: str, name: str) -> str:
    return format_info(kind, name).suffix


def renderer(kind: str, name: str) -> Callable[..., Any]:
    module_name, _, func = format_info(kind, name).target.partition(":")
    return getattr(importlib.import_module(module_name), func)  # type: ignore[no-any-return]


def render(kind: str, name: str, data: Any, **options: Any) -> Any:
    return renderer(kind, name)(data, **options)
