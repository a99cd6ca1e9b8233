"""One registry of renderers: ``(result kind, format name) → function(data, **options) -> output``.

Renderers are imported only when used, so asking for JSON never loads the
terminal or HTML code. Each renderer takes the plain result object and
returns its output; writing it out is the caller's job. The output is text
(``str``) for text formats, ``bytes`` for a binary file such as a Word
document (:data:`BINARY` names them, so a face can refuse to print one to a
terminal before rendering), or, for a kind whose output is a tree of files
(``site``), a mapping of relative POSIX paths to bytes.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from typing import Any, Union

Output = Union[str, bytes, Mapping[str, bytes]]
"""What a renderer returns: text, the bytes of one binary file, or a tree of files (path → bytes)."""

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
        "docx": "draftdiff.render.diff_docx:render",
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
    "site": {
        "html": "draftdiff.render.site:render",
    },
}

BINARY: frozenset[tuple[str, str]] = frozenset({("diff", "docx")})
"""Renderers whose output is bytes that are not text: never written to a terminal."""


def register(kind: str, name: str, target: str) -> None:
    """Add a renderer given as ``"module:function"``."""
    _REGISTRY.setdefault(kind, {})[name] = target


def formats(kind: str) -> list[str]:
    return list(_REGISTRY.get(kind, {}))


def is_binary(kind: str, name: str) -> bool:
    return (kind, name) in BINARY


def renderer(kind: str, name: str) -> Callable[..., Any]:
    try:
        target = _REGISTRY[kind][name]
    except KeyError:
        raise KeyError(f"no {kind} renderer named {name!r}; choose from {', '.join(formats(kind))}") from None
    module_name, _, func = target.partition(":")
    return getattr(importlib.import_module(module_name), func)  # type: ignore[no-any-return]


def render(kind: str, name: str, data: Any, **options: Any) -> Any:
    """The renderer's output: ``str`` for text formats, ``bytes`` for binary ones (see :data:`Output`)."""
    return renderer(kind, name)(data, **options)


def as_bytes(output: str | bytes) -> bytes:
    """One file's output as the bytes to write: text is UTF-8."""
    return output.encode("utf-8") if isinstance(output, str) else output
