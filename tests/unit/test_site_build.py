"""The static site without a browser: pages, escaping, CSP, determinism, the atomic write, the downloads."""

from __future__ import annotations

import os
import re
from html.parser import HTMLParser
from itertools import pairwise
from pathlib import Path

import pytest
from site_support import PLANTED, write_collection

from draftdiff.bundled import drafts_dir
from draftdiff.cli import main
from draftdiff.collection import load_draft_set
from draftdiff.history import last_changed, precondition_history
from draftdiff.render import render
from draftdiff.render.site import MARKER, gather
from draftdiff.render.site.page import CSP
from draftdiff.snapshot import build_snapshot


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("site")
    write_collection(root / "drafts")
    cwd = os.getcwd()
    os.chdir(root)
    try:
        assert main(["site", "drafts", "-o", "public"]) == 0
    finally:
        os.chdir(cwd)
    return root


def _pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if p.name != "snapshot.html")


class _Outline(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.headings: list[int] = []
        self.lang: str | None = None
        self.csp: str | None = None
        self.resources: list[str] = []
        self.links: list[tuple[str, str]] = []
        self.scripts: list[str | None] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "html":
            self.lang = a.get("lang")
        if re.fullmatch(r"h[1-6]", tag):
            self.headings.append(int(tag[1]))
        if tag == "meta" and a.get("http-equiv") == "Content-Security-Policy":
            self.csp = a.get("content")
        if tag == "script":
            self.scripts.append(a.get("src"))
        for key in ("src", "href"):
            if a.get(key) and tag != "a":
                self.resources.append(a[key] or "")
        if tag == "a" and a.get("href"):
            self.links.append((a["href"] or "", a.get("class") or ""))


def _outline(path: Path) -> _Outline:
    parser = _Outline()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def test_every_page_is_there(built: Path) -> None:
    site = built / "public"
    for rel in ("index.html", "versions.html", "articles.html", "compare.html", "preconditions.html",
                "versions/v1-alpha-proposal.html", "articles/forces.html", "redlines/v1-alpha-proposal/v2-beta-reply.html",
                "redlines/v1-alpha-proposal/v3-status.html", "snapshots/v2-beta-reply/index.html",
                "snapshots/v2-beta-reply/snapshot.bib", "snapshots/v2-beta-reply/snapshot.csl.json",
                "snapshots/v2-beta-reply/CITATION.cff", "assets/site.css", "assets/site.js", MARKER):
        assert (site / rel).is_file(), rel


def test_pages_are_accessible_and_locked_down(built: Path) -> None:
    for page in _pages(built / "public"):
        o = _outline(page)
        assert o.lang == "en", page
        assert o.csp == CSP and "'unsafe-inline'" not in CSP and "default-src 'none'" in CSP
        assert o.headings.count(1) == 1 and o.headings[0] == 1, page
        assert all(b <= a + 1 for a, b in pairwise(o.headings)), (page, o.headings)
        assert all(not r.startswith(("http:", "https:", "//", "data:")) for r in o.resources), page
        assert all(s is not None and s.endswith("assets/site.js") for s in o.scripts), page
        for href, cls in o.links:
            assert not href.startswith("/"), (page, href)  # relative links only
            if href.startswith(("http:", "https:")):
                assert cls == "ext", (page, href)  # a source's address, shown as a link, never loaded


def test_text_from_drafts_is_escaped_and_controls_made_visible(built: Path) -> None:
    site = built / "public"
    for page in site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert "<script>document" not in html and "<script>alert" not in html, page
        assert "<img src=\"https://example.org" not in html and "<b>now</b>" not in html, page
        assert "\u202e" not in html, page  # a control escape is refused by the reader; a bidi mark is shown
    article = (site / "articles/recognition.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;document.documentElement.setAttribute(" in article
    forces = (site / "articles/forces.html").read_text(encoding="utf-8")
    assert "&lt;img src=" in forces
    assert "\\u202e" in (site / "versions/v1-alpha-proposal.html").read_text(encoding="utf-8")
    assert PLANTED not in article


def test_the_same_drafts_give_byte_identical_sites(built: Path, tmp_path: Path) -> None:
    cwd = os.getcwd()
    os.chdir(built)
    try:
        assert main(["site", "drafts", "-o", str(tmp_path / "again")]) == 0
    finally:
        os.chdir(cwd)
    first = {p.relative_to(built / "public"): p.read_bytes() for p in (built / "public").rglob("*") if p.is_file()}
    second = {p.relative_to(tmp_path / "again"): p.read_bytes() for p in (tmp_path / "again").rglob("*")
              if p.is_file()}
    assert first == second


def test_snapshot_downloads_are_what_the_snapshot_command_writes(built: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(built)
    draft_set = load_draft_set(["drafts"])
    snap = build_snapshot(draft_set, draft_id="v2-beta-reply", drafts_path="drafts", git=False)
    folder = built / "public/snapshots/v2-beta-reply"
    for fmt, name in (("bibtex", "snapshot.bib"), ("csl", "snapshot.csl.json"), ("cff", "CITATION.cff"),
                      ("md", "snapshot.md"), ("json", "snapshot.json")):
        assert (folder / name).read_text(encoding="utf-8") == render("snapshot", fmt, snap)
    page = (folder / "index.html").read_text(encoding="utf-8")
    assert snap.digest in page and 'href="snapshot.bib" download' in page
    assert main(["snapshot", "verify", str(folder / "snapshot.md")]) == 0  # against the drafts it came from


def test_snapshot_downloads_are_byte_for_byte_what_the_command_writes_outside_git(
        built: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """The command, asking git and finding no commit, writes what the site (which never asks) writes."""
    import json

    from draftdiff.render.site.record import DOWNLOADS

    monkeypatch.chdir(built)
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(built.parent))  # never a repository above the test's folder
    folder = built / "public/snapshots/v2-beta-reply"
    for fmt, name, _ in DOWNLOADS:
        assert main(["snapshot", "--drafts", "drafts", "--draft", "v2-beta-reply", "-f", fmt, "-o", f"cli.{fmt}"]) == 0
        if fmt == "json":
            assert json.loads((built / "cli.json").read_text(encoding="utf-8"))["provenance"]["git_commit"] is None
        assert (built / f"cli.{fmt}").read_bytes() == (folder / name).read_bytes(), fmt
    capsys.readouterr()


def test_a_version_known_only_by_its_date_takes_its_statuses_from_before(built: Path) -> None:
    page = (built / "public/versions/v3-status.html").read_text(encoding="utf-8")
    assert "records no article statuses" in page
    snap = (built / "public/snapshots/v3-status/index.html").read_text(encoding="utf-8")
    assert "v2-beta-reply" in snap


def test_version_page_says_claims_dates_with_precision_and_preconditions(built: Path) -> None:
    v1 = (built / "public/versions/v1-alpha-proposal.html").read_text(encoding="utf-8")
    assert "1 agreed, 3 in all" in v1 and "fits this board" in v1
    v2 = (built / "public/versions/v2-beta-reply.html").read_text(encoding="utf-8")
    assert ">2024-03<" in v2  # month precision
    pre = (built / "public/preconditions.html").read_text(encoding="utf-8")
    assert "withdrawn" in pre and "open" in pre and 'id="p-constitution"' in pre


def test_a_preconditions_history_says_first_listed_then_changed(built: Path) -> None:
    """Its first row read "changed", under a column with no name: nothing had changed yet."""
    import re

    pre = (built / "public/preconditions.html").read_text(encoding="utf-8")
    section = pre[pre.index('id="p-constitution"'):]
    section = section[:section.index("</section>")]
    assert '<th scope="col">Change</th>' in section
    cells = [re.sub(r"<[^>]+>", "", row.split('<td data-label="Change">')[-1]) for row in section.split("<tr>")[2:]]
    assert cells[0].startswith("first listed"), cells
    assert "status changed" in "".join(cells[1:]), cells


def test_an_existing_folder_that_is_not_a_site_is_never_replaced(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_collection(tmp_path / "drafts")
    precious = tmp_path / "notes"
    precious.mkdir()
    (precious / "thesis.txt").write_text("years of work", encoding="utf-8")
    assert main(["site", str(tmp_path / "drafts"), "-o", str(precious)]) == 2
    assert "did not build" in capsys.readouterr().err
    assert (precious / "thesis.txt").read_text(encoding="utf-8") == "years of work"


def test_a_failed_write_leaves_the_old_site_and_no_half_site(tmp_path: Path) -> None:
    from draftdiff.cli import UsageError
    from draftdiff.cli.site import write_site

    write_collection(tmp_path / "drafts")
    target = tmp_path / "public"
    assert main(["site", str(tmp_path / "drafts"), "-o", str(target)]) == 0
    before = sorted(p.relative_to(target) for p in target.rglob("*"))
    with pytest.raises(UsageError):
        write_site(target, {MARKER: b"x", "a": b"file", "a/b.html": b"cannot be under a file"}, MARKER)
    assert sorted(p.relative_to(target) for p in target.rglob("*")) == before
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []
    assert main(["site", str(tmp_path / "drafts"), "-o", str(target)]) == 0  # a site is replaced


def test_invalid_drafts_build_no_site(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = write_collection(tmp_path / "drafts")
    (folder / "v2-beta-reply.yaml").write_text("schema_version: 1\nid: [broken\n", encoding="utf-8")
    assert main(["site", str(folder), "-o", str(tmp_path / "public")]) == 2
    err = capsys.readouterr().err
    assert "v2-beta-reply.yaml:" in err and "validation errors" in err
    assert not (tmp_path / "public").exists()


def test_pairs_base_builds_each_version_against_its_base_and_predecessor_only() -> None:
    draft_set = load_draft_set([drafts_dir()])
    data = gather(draft_set, pairs="base")
    n = len(draft_set.drafts)
    assert not data.all_pairs and n - 1 <= len(data.diffs) <= 2 * (n - 1)
    assert all(data.bases[d] == old for (old, d) in data.diffs if data.bases.get(d) == old)
    # 23 bundled versions since issue 15 (more than ALL_PAIRS_UP_TO): every pair only when asked for
    everything = gather(draft_set, pairs="all")
    assert everything.all_pairs and len(everything.diffs) == n * (n - 1) // 2


def test_since_is_history_last_changed_for_every_version() -> None:
    draft_set = load_draft_set([drafts_dir()])
    data = gather(draft_set, pairs="base")
    for article_id, since in data.since.items():
        for k, draft in enumerate(draft_set.drafts):
            expected = last_changed(draft_set, draft.id, article_id)
            got = draft_set.drafts[since[k]] if since[k] is not None else None
            assert (got.id if got else None) == (expected.id if expected else None), (article_id, draft.id)


def test_precondition_history_reads_silence_as_not_on_record(tmp_path: Path) -> None:
    draft_set = load_draft_set([write_collection(tmp_path / "drafts")])
    steps = precondition_history(draft_set, "constitution")
    assert [(s.status, s.changed) for s in steps] == [("open", True), ("withdrawn", True), ("unrecorded", False)]
