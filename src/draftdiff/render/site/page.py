"""What every page of the site shares: the shell (CSP, nav, footer), escaping, links, status badges.

Every text from the drafts passes :func:`e`: ``textsafe.visible`` first (control characters and
direction overrides become visible escapes), then ``html.escape``. Links are relative to the page
that holds them, so the site works from ``file://`` and from any folder of any static host.
"""

from __future__ import annotations

import html
import posixpath
import re
from collections.abc import Iterable
from urllib.parse import quote

from draftdiff.textsafe import visible
from draftdiff.vocab import (
    PRECONDITION_MEANINGS,
    PRECONDITION_ORDER,
    PRECONDITION_SYMBOLS,
    STATUS_ORDER,
    STATUS_SYMBOLS,
    format_date,
)

CSP = ("default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self'; base-uri 'none'; "
       "form-action 'none'")
"""Nothing but the site's own stylesheet, script and icon: no inline code, no other origin, no form posts."""

STATUS_MEANINGS = {"agreed": "agreed", "partial": "partly agreed", "disputed": "disputed",
                   "removed": "removed from the text", "unknown": "status not known"}


def e(text: object) -> str:
    """Outside text, escaped, with hidden characters made visible."""
    return "" if text is None else html.escape(visible(str(text)), quote=True)


def version_path(draft_id: str) -> str:
    return f"versions/{quote(draft_id)}.html"


def article_path(article_id: str) -> str:
    return f"articles/{quote(article_id)}.html"


def redline_path(old_id: str, new_id: str) -> str:
    return f"redlines/{quote(old_id)}/{quote(new_id)}.html"


def snapshot_dir(draft_id: str) -> str:
    return f"snapshots/{quote(draft_id)}"


def snapshot_path(draft_id: str) -> str:
    return f"{snapshot_dir(draft_id)}/index.html"


def href(page: str, target: str) -> str:
    """``target`` (a site path, maybe with ``#anchor``) as a link relative to ``page``."""
    path, _, anchor = target.partition("#")
    rel = posixpath.relpath(path, posixpath.dirname(page) or ".")
    return html.escape(rel + (f"#{anchor}" if anchor else ""), quote=True)


def link(page: str, target: str, text: str, *, raw: bool = False) -> str:
    return f'<a href="{href(page, target)}">{text if raw else e(text)}</a>'


def status(value: str | None) -> str:
    """An article status as symbol, word and colour (the word alone says it)."""
    if value is None:
        return '<span class="st st-none">— not in this version</span>'
    if value == "unrecorded":
        return '<span class="st st-unrecorded">· not on record</span>'
    symbol = STATUS_SYMBOLS.get(value, "·")
    return f'<span class="st st-{e(value)}"><span aria-hidden="true">{symbol}</span> {e(value)}</span>'


def status_cell(value: str | None, where: str) -> str:
    """A matrix cell: the symbol shown, the word for screen readers and as a tooltip."""
    if value is None:
        word, symbol, cls = "not in this version", "—", "none"
    elif value == "unrecorded":
        word, symbol, cls = "not on record", "·", "unrecorded"
    else:
        word, symbol, cls = value, STATUS_SYMBOLS.get(value, "·"), value
    return (f'<td class="cell st-{e(cls)}" title="{e(word)} in {e(where)}"><span aria-hidden="true">{symbol}'
            f'</span><span class="sr"> {e(word)}</span></td>')


def precondition_status(value: str) -> str:
    symbol = PRECONDITION_SYMBOLS.get(value, "·")
    return f'<span class="pst pst-{e(value)}"><span aria-hidden="true">{symbol}</span> {e(value)}</span>'


def legend() -> str:
    items = "".join(f"<li>{status(s)}: {e(STATUS_MEANINGS.get(s, s))}</li>" for s in STATUS_ORDER)
    return (f'<ul class="legend" aria-label="Article statuses">{items}'
            f'<li>{status("unrecorded")}: the version\'s article list is only partly on record</li>'
            f"<li>{status(None)}</li></ul>")


def precondition_legend() -> str:
    items = "".join(f"<li>{precondition_status(s)}: {e(PRECONDITION_MEANINGS.get(s, s))}</li>"
                    for s in PRECONDITION_ORDER)
    return f'<ul class="legend" aria-label="Precondition statuses">{items}</ul>'


def when(date: str | None, precision: str = "day") -> str:
    return f'<span class="date">{e(format_date(date, precision))}</span>'


def text_block(text: str | None) -> str:
    return f'<div class="text">{e(text)}</div>' if text else ""


def table(head: Iterable[str], rows: Iterable[Iterable[str]], *, caption: str | None = None,
          cls: str = "", row_status: Iterable[str] | None = None) -> list[str]:
    """A table whose cells are already HTML (escaped by the caller); ``row_status`` lets the filter hide rows.

    Each cell carries its column's name, so a narrow screen can show every row as a card."""
    head = list(head)
    label = f' aria-label="{e(caption)}"' if caption else ""
    out = [f'<div class="scroll" role="region" tabindex="0"{label}>', f'<table class="{cls}">' if cls else "<table>"]
    if caption:
        out.append(f"<caption>{e(caption)}</caption>")
    out.append("<thead><tr>" + "".join(f'<th scope="col">{h}</th>' for h in head) + "</tr></thead><tbody>")
    marks = [f' data-status="{e(v)}"' for v in row_status] if row_status is not None else None
    names = [html.unescape(re.sub(r"<[^>]+>", "", h)) for h in head]
    out += [f"<tr{marks[k] if marks else ''}>"
            + "".join(f'<td data-label="{e(names[i])}">{c}</td>' if names[i] else f"<td>{c}</td>"
                      for i, c in enumerate(row)) + "</tr>"
            for k, row in enumerate(rows)]
    out += ["</tbody></table>", "</div>"]
    return out


NAV = (("index.html", "Board"), ("versions.html", "Versions"), ("articles.html", "Articles"),
       ("compare.html", "Compare"), ("preconditions.html", "Preconditions"))


def shell(path: str, title: str, site_title: str, body: list[str], footer: str, *, script: bool = False) -> str:
    """A whole page: ``title`` is its only ``h1``; ``body`` starts at ``h2``."""
    current = ' aria-current="page"'
    nav = " ".join(f'<a href="{href(path, target)}"{current if target == path else ""}>{label}</a>'
                   for target, label in NAV)
    head = ["<!DOCTYPE html>", '<html lang="en">', "<head>", '<meta charset="utf-8">',
            f'<meta http-equiv="Content-Security-Policy" content="{CSP}">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            '<meta name="referrer" content="no-referrer">',
            f"<title>{e(title)} · {e(site_title)}</title>",
            f'<link rel="icon" href="{href(path, "assets/icon.svg")}" type="image/svg+xml">',
            f'<link rel="stylesheet" href="{href(path, "assets/site.css")}">']
    if script:
        head.append(f'<script src="{href(path, "assets/site.js")}" defer></script>')
    head += ["</head>", "<body>", '<a class="skip" href="#main">Skip to the content</a>',
             f'<header><p class="site">{link(path, "index.html", site_title)}</p>'
             f'<nav aria-label="Site">{nav}</nav></header>',
             '<main id="main">', f"<h1>{e(title)}</h1>"]
    return "\n".join([*head, *body, "</main>", f"<footer><p>{footer}</p></footer>", "</body>", "</html>", ""])
