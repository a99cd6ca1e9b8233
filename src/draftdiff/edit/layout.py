"""The layout a draft file was written in, read from its bytes, and the ruamel.yaml set up to keep it.

What YAML leaves to the author (line endings, a byte-order mark, the final newline,
how far maps and lists are indented, how long folded lines run, whether short lists
are written ``[a, b]``) is detected here, so a write gives the file back as its
author left it. Quoting, folding, key order and comments are kept by ruamel.yaml's
round-trip mode itself (``preserve_quotes``).
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from typing import Any

from draftdiff.errors import Refused

BOM = b"\xef\xbb\xbf"
UNLIMITED = 10**9
"""The width ruamel.yaml is given: it must never re-fold a value the author wrote on one line."""

CANONICAL_WIDTH = 104
"""Where new folded text is wrapped when the file shows no width of its own (the bundled drafts' width)."""


class LayoutProblem(Refused):
    """The file's layout cannot be kept (mixed line endings); the message says how to fix it."""


@dataclass(frozen=True)
class Layout:
    newline: str = "\n"
    bom: bool = False
    final_newline: bool = True
    mapping: int = 2
    sequence: int = 4
    offset: int = 2
    width: int = CANONICAL_WIDTH
    flow_lists: bool = True
    """Lists of ids are written ``[a, b]`` (the drafts' habit) rather than one ``- a`` per line."""

    @property
    def newline_name(self) -> str:
        return {"\n": "LF", "\r\n": "CRLF", "\r": "CR"}[self.newline]


CANONICAL = Layout()
"""The documented canonical layout ``draftdiff fmt`` writes (see README, "Recording news")."""

_KEY_LINE = re.compile(r"^( *)[A-Za-z0-9_\"'][^:#]*:(?: *(?:#.*)?)$")
_DASH = re.compile(r"^( *)- ")
_ANY_KEY = re.compile(r"^( *)(?:- )?[A-Za-z0-9_\"'][^:#]*:(?: |$)")


def detect(data: bytes) -> tuple[Layout, str]:
    """The layout of ``data`` and its text with LF line endings and no BOM (what ruamel.yaml reads)."""
    bom = data.startswith(BOM)
    raw = data[3:] if bom else data
    text = raw.decode("utf-8")
    crlf = text.count("\r\n")
    cr = text.count("\r") - crlf
    lf = text.count("\n") - crlf
    kinds = [name for name, count in (("CRLF", crlf), ("CR", cr), ("LF", lf)) if count]
    if len(kinds) > 1:
        raise LayoutProblem(f"the file mixes line endings ({', '.join(kinds)}), so it has no one layout to keep; "
                            "run 'draftdiff fmt FILE' to write it with LF line endings first")
    newline = "\r\n" if crlf else "\r" if cr else "\n"
    if newline != "\n":
        text = text.replace(newline, "\n")
    final = text.endswith("\n") or not text
    lines = text.split("\n")
    mapping, sequence, offset = _indents(lines)
    return Layout(newline=newline, bom=bom, final_newline=final, mapping=mapping, sequence=sequence,
                  offset=offset, width=_width(lines), flow_lists=_flow_lists(text)), text


_BLOCK_HEAD = re.compile(r"^( *)(?:- +)?[A-Za-z0-9_\"'][^:#]*: +[|>][-+0-9]*(?: +#.*)?$")
_DASH_CONTENT = re.compile(r"^( *)(- +)\S")


def _indents(lines: list[str]) -> tuple[int, int, int]:
    """(mapping indent, sequence indent, dash offset): from the first nested map, list and block text."""
    mapping = offset = sequence = None
    for before, line in itertools.pairwise(lines):
        head = _KEY_LINE.match(before)
        if head is not None:
            parent = len(head.group(1))
            dash = _DASH_CONTENT.match(line)
            if dash is not None:
                if offset is None:
                    offset = len(dash.group(1)) - parent
                    sequence = offset + len(dash.group(2))
            elif mapping is None:
                child = _ANY_KEY.match(line)
                if child is not None and len(child.group(1)) > parent:
                    mapping = len(child.group(1)) - parent
        elif mapping is None:
            block = _BLOCK_HEAD.match(before)
            if block is not None and not before.lstrip().startswith("- ") and line.strip():
                mapping = (len(line) - len(line.lstrip(" "))) - len(block.group(1))
        if mapping is not None and offset is not None:
            break
    mapping = mapping if mapping and mapping > 0 else CANONICAL.mapping
    if offset is None or offset < 0 or sequence is None:
        offset, sequence = CANONICAL.offset, CANONICAL.sequence
    return mapping, sequence, offset


def _width(lines: list[str]) -> int:
    """How long the author's folded lines run: the longest of them, outliers aside (90th percentile)."""
    lengths: list[int] = []
    inside: int | None = None
    for line in lines:
        stripped = line.lstrip(" ")
        indent = len(line) - len(stripped)
        if inside is not None:
            if stripped and indent > inside:
                lengths.append(len(line))
                continue
            if not stripped:
                continue
            inside = None
        if re.search(r": *>[-+]?\s*$", line):
            inside = indent if not stripped.startswith("- ") else indent + 2
    if len(lengths) < 5:
        return CANONICAL.width
    lengths.sort()
    return max(60, lengths[int(len(lengths) * 0.9)])


def _flow_lists(text: str) -> bool:
    flow = len(re.findall(r"^ *(?:- )?[a-z_]+: \[", text, re.M))
    block = len(re.findall(r"^ *(?:- )?(?:sources|attested_by|parties): *$", text, re.M))
    return flow >= block


def make_yaml(layout: Layout) -> Any:
    """A round-trip ruamel.yaml that writes ``layout`` and reads dates as text, as the project's reader does."""
    from ruamel.yaml import YAML

    yaml = YAML(typ="rt")
    yaml.Resolver = _draft_resolver()
    yaml.preserve_quotes = True
    yaml.width = UNLIMITED
    yaml.indent(mapping=layout.mapping, sequence=layout.sequence, offset=layout.offset)
    yaml.allow_duplicate_keys = False
    return yaml


_RESOLVER: Any = None


def _draft_resolver() -> Any:
    """YAML 1.2 without timestamps: ``date: 2024-01-04`` is text, so it is written back unquoted."""
    global _RESOLVER
    if _RESOLVER is None:
        from ruamel.yaml import resolver

        class DraftResolver(resolver.VersionedResolver):
            def add_version_implicit_resolver(self, version: Any, tag: Any, regexp: Any, first: Any) -> None:
                if not str(tag).endswith(":timestamp"):
                    super().add_version_implicit_resolver(version, tag, regexp, first)

        _RESOLVER = DraftResolver
    return _RESOLVER


def encode(text: str, layout: Layout) -> bytes:
    """LF text from ruamel.yaml back into the file's own line endings, BOM and final newline."""
    if not layout.final_newline:
        text = text.rstrip("\n")
    elif text and not text.endswith("\n"):
        text += "\n"
    if layout.newline != "\n":
        text = text.replace("\n", layout.newline)
    data = text.encode("utf-8")
    return BOM + data if layout.bom else data
