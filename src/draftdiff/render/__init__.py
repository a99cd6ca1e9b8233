"""One registry of renderers: ``(result kind, format name) → function(data, **options) -> str``.

Renderers are imported only when used, so asking for JSON never loads the
terminal or HTML code. Each renderer takes the plain result object and
returns text; writing it out is the caller's job.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any

_REGISTRY: dict[str, dict[str, str]] = {
    "diagnostics": {
        "text": "draftdiff.render.diagnostics_text:render",
        "github": "draftdiff.render.diagnostics_github:render",
        "json": "draftdiff.render.diagnostics_json:render",
        "sarif": "draftdiff.render.diagnostics_sarif:render",
    },
    "diff": {
        "text": "draftdiff.render.diff_text:render",
        "markdown": "draftdiff.render.diff_markdown:render",
        "html": "draftdiff.render.diff_html:render",
        "json": "draftdiff.render.diff_json:render",
    },
    "snapshot": {
        "text": "draftdiff.render.snapshot_text:render",
        "md": "draftdiff.render.snapshot_md:render",
        "json": "draftdiff.render.snapshot_json:render",
        "csv": "draftdiff.render.snapshot_csv:render",
        "html": "draftdiff.render.snapshot_html:render",
        "bibtex": "draftdiff.render.snapshot_bibtex:render",
        "csl": "draftdiff.render.snapshot_csl:render",
        "cff": "draftdiff.render.snapshot_cff:render",
    },
    "snapshot-verify": {
        "text": "draftdiff.render.snapshot_verify_text:render",
    },
    "import": {
        "text": "draftdiff.render.import_text:render",
    },
    "edit": {
        "text": "draftdiff.render.edit_text:render",
    },
}


def register(kind: str, name: str, target: str) -> None:
    """Add a renderer given as ``"module:function"``."""
    _REGISTRY.setdefault(kind, {})[name] = target


def formats(kind: str) -> list[str]:
    return list(_REGISTRY.get(kind, {}))


def renderer(kind: str, name: str) -> Callable[..., str]:
    try:
        target = _REGISTRY[kind][name]
    except KeyError:
        raise KeyError(f"no {kind} renderer named {name!r}; choose from {', '.join(formats(kind))}") from None
    module_name, _, func = target.partition(":")
    return getattr(importlib.import_module(module_name), func)  # type: ignore[no-any-return]


def render(kind: str, name: str, data: Any, **options: Any) -> str:
    return renderer(kind, name)(data, **options)
