"""The whole record as a static site: one renderer whose output is a tree of files (path → bytes).

``render(SiteData)`` returns every page, asset and download; writing them (atomically, as a
whole) is the caller's job, as for every renderer. Pages are plain HTML readable without
script, with relative links, a restrictive Content-Security-Policy and no request to anything
outside the site, so it works from ``file://`` and any static host. The same data gives the
same bytes: every date comes from the drafts, and everything is visited in the drafts' order.

    from draftdiff.render.site.data import gather
    files = render("site", "html", gather(draft_set, drafts_path="drafts"))
"""

from __future__ import annotations

from draftdiff import __version__
from draftdiff.render.site import article, assets, index, record, redline, version
from draftdiff.render.site.data import SiteData, gather
from draftdiff.render.site.page import (
    article_path,
    e,
    redline_path,
    shell,
    snapshot_path,
    version_path,
)
from draftdiff.vocab import format_date

__all__ = ["SiteData", "gather", "render"]

MARKER = "draftdiff-site.txt"
"""A file at the site's root that says what made it: ``draftdiff site`` replaces only a folder holding one."""


def render(site: SiteData, **_options: object) -> dict[str, bytes]:
    latest = site.drafts[-1]
    footer = (f"Made with draftdiff {e(__version__)} from {len(site.drafts)} versions, the latest dated "
              f"{e(format_date(latest.date, latest.date_precision))}. An analyst's record compiled from public "
              "reporting, not an authentic text of the agreement.")
    files: dict[str, bytes] = {}

    def page(path: str, title: str, body: list[str], script: bool = False) -> None:
        files[path] = shell(path, title, site.title, body, footer, script=script).encode("utf-8")

    body, script = index.index(site)
    page("index.html", f"{site.title}: where the articles stand", body, script)
    page("versions.html", "Versions", index.versions(site))
    page("articles.html", "Articles", index.articles(site))
    page("compare.html", "Compare two versions", redline.compare(site), script=True)
    page("preconditions.html", "Preconditions and demands", record.preconditions(site))
    for draft in site.drafts:
        page(version_path(draft.id), draft.title, version.version(site, draft))
        page(snapshot_path(draft.id), f"Snapshot of {draft.id}", record.snapshot(site, draft.id))
        files.update(record.snapshot_files(site.snapshots[draft.id], draft.id))
    assert site.matrix is not None
    for row in site.matrix.rows:
        page(article_path(row.article_id), article.title(site, row.article_id), article.article(site, row.article_id))
    for old_id, new_id in site.diffs:
        page(redline_path(old_id, new_id), redline.title(old_id, new_id), redline.redline(site, old_id, new_id))
    files.update(assets.files())
    files[MARKER] = (f"Made by draftdiff {__version__}: a static site of {len(site.drafts)} versions. "
                     "draftdiff site replaces a folder only when it holds this file.\n").encode()
    return dict(sorted(files.items()))
