"""Every page of the site in a real browser: headless Chromium driven by Selenium and Debian's chromium-driver.

For each page: no console message of level error or warning (a CSP violation is one), no request that
failed, no request that is not a file of the site itself, every link leads to a file of the site (and
an anchor to an element that exists), nothing planted in a draft runs. The index is photographed at
390 and 1280 px wide into tests/artifacts/ (ignored by git). Skipped, with the reason, when there is no
Chromium: `.ci/run` installs it, so CI never skips.
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import pytest
from paths import TESTS
from site_support import write_collection

from draftdiff.bundled import drafts_dir
from draftdiff.cli import main

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
DRIVER = shutil.which("chromedriver")
ARTIFACTS = TESTS / "artifacts"

MISSING = "headless Chromium is not installed (apt-get install chromium chromium-driver; .ci/run does)"
pytestmark = pytest.mark.skipif((CHROMIUM is None or DRIVER is None) and not os.environ.get("CI"), reason=MISSING)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if CHROMIUM is None or DRIVER is None:  # only under CI: there it must run, never skip
        pytest.fail(f"CI: {MISSING}")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM or ""
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--hide-scrollbars",
                "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-default-apps", "--disable-sync", "--metrics-recording-only", "--lang=en-US"):
        options.add_argument(arg)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    driver = webdriver.Chrome(service=Service(DRIVER or ""), options=options)
    driver.set_page_load_timeout(60)
    try:
        yield driver
    finally:
        driver.quit()


def _build(root: Path, drafts: Path, *extra: str) -> Path:
    cwd = os.getcwd()
    os.chdir(root)
    try:
        assert main(["site", str(drafts), "-o", "public", *extra]) == 0
    finally:
        os.chdir(cwd)
    return root / "public"


@pytest.fixture(scope="module")
def fixture_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("browser-site")
    return _build(root, write_collection(root / "drafts"))


@pytest.fixture(scope="module")
def bundled_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("bundled-site")
    folder = drafts_dir()
    assert folder is not None
    return _build(root, folder, "--pairs", "base")


def _events(driver: Any) -> list[dict[str, Any]]:
    return [json.loads(entry["message"])["message"] for entry in driver.get_log("performance")]


def _visit(driver: Any, site: Path, page: Path) -> list[str]:
    """Open ``page``; return every problem seen (console, requests, links, planted code)."""
    driver.get_log("browser")
    driver.get_log("performance")
    driver.get(page.as_uri())
    driver.execute_script("return document.readyState")
    problems: list[str] = []
    for entry in driver.get_log("browser"):
        if entry["level"] in ("SEVERE", "WARNING"):
            problems.append(f"console {entry['level']}: {entry['message']}")
    root = site.resolve().as_uri() + "/"
    for event in _events(driver):
        method, params = event["method"], event.get("params", {})
        if method == "Network.requestWillBeSent":
            url = params["request"]["url"]
            if not url.startswith(root):
                problems.append(f"request outside the site: {url}")
        elif method == "Network.loadingFailed":
            problems.append(f"failed request: {params.get('errorText')} {params.get('blockedReason') or ''}")
    if driver.execute_script("return document.documentElement.getAttribute('data-pwned')"):
        problems.append("a script planted in a draft ran")
    if driver.title == "pwned":
        problems.append("an event handler planted in a draft ran")
    links = driver.execute_script(  # SVG links too (their href is not a string)
        "return Array.from(document.querySelectorAll('a[href]')).map("
        "a => [new URL(a.getAttribute('href'), document.baseURI).href, a.getAttribute('class') || ''])")
    for url, cls in links:
        parts = urlsplit(url)
        if parts.scheme in ("http", "https"):  # shown, never loaded (the requests above say so)
            if cls != "ext" and page.name != "snapshot.html":  # that one is the snapshot command's own page
                problems.append(f"link out of the site that is not a source's address: {url}")
            continue
        if parts.scheme != "file":
            problems.append(f"link of another kind: {url}")
            continue
        target = Path(unquote(parts.path))
        if not target.is_file() or not str(target.resolve()).startswith(str(site.resolve())):
            problems.append(f"broken link: {url}")
        elif parts.fragment and f'id="{parts.fragment}"' not in target.read_text(encoding="utf-8"):
            problems.append(f"link to a missing anchor: {url}")
    return problems


def _check_every_page(driver: Any, site: Path) -> None:
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 10
    problems = {str(p.relative_to(site)): found for p in pages if (found := _visit(driver, site, p))}
    assert problems == {}


def test_every_page_of_a_site_with_planted_markup_is_clean(browser: Any, fixture_site: Path) -> None:
    _check_every_page(browser, fixture_site)
    browser.get((fixture_site / "articles/recognition.html").as_uri())
    shown = browser.find_element("tag name", "main").text
    assert "<script>document.documentElement.setAttribute('data-pwned', 'yes')</script>" in shown
    assert browser.execute_script("return document.scripts.length") == 0  # the article page needs none


def test_every_page_of_the_bundled_site_is_clean(browser: Any, bundled_site: Path) -> None:
    _check_every_page(browser, bundled_site)


@pytest.mark.parametrize("width", [390, 1280])
def test_the_index_reads_at_phone_and_desktop_widths(browser: Any, bundled_site: Path, width: int) -> None:
    browser.set_window_size(width, 900)
    browser.get((bundled_site / "index.html").as_uri())
    inner = browser.execute_script("return window.innerWidth")
    # Nothing but the scrolling tables is wider than the window: no sideways scrolling of the page.
    assert browser.execute_script("return document.documentElement.scrollWidth") <= inner
    assert browser.find_element("tag name", "h1").is_displayed()
    height = browser.execute_script("return document.documentElement.scrollHeight")
    browser.set_window_size(width, min(height, 6000))
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"site-index-{width}.png"
    assert browser.save_screenshot(str(path)) and path.stat().st_size > 10_000
    browser.set_window_size(1280, 900)


def test_the_script_filters_the_board_and_picks_two_versions(browser: Any, fixture_site: Path) -> None:
    from selenium.webdriver.support.ui import Select

    browser.get((fixture_site / "index.html").as_uri())
    Select(browser.find_element("id", "status-filter")).select_by_value("agreed")
    rows = browser.find_elements("css selector", "table.board tbody tr")
    shown = [r.get_attribute("data-status") for r in rows if r.is_displayed()]
    assert shown and set(shown) == {"agreed"}
    browser.get((fixture_site / "compare.html").as_uri())
    Select(browser.find_element("id", "pick-from")).select_by_value("v3-status")
    Select(browser.find_element("id", "pick-to")).select_by_value("v1-alpha-proposal")
    browser.find_element("css selector", "#pick button").click()
    assert browser.current_url.endswith("redlines/v1-alpha-proposal/v3-status.html")
    assert browser.find_element("tag name", "h1").text == "Redline: v1-alpha-proposal → v3-status"


def test_without_script_the_compare_page_lists_every_redline(browser: Any, fixture_site: Path) -> None:
    browser.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": True})
    try:
        browser.get((fixture_site / "compare.html").as_uri())
        assert not browser.find_element("id", "pick").is_displayed()
        hrefs = [a.get_attribute("href") for a in browser.find_elements("css selector", "ul.pairs a")]
        assert len(hrefs) == 3 and all("/redlines/" in h for h in hrefs)
    finally:
        browser.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": False})


def test_printing_drops_the_navigation(browser: Any, fixture_site: Path) -> None:
    browser.get((fixture_site / "versions/v1-alpha-proposal.html").as_uri())
    browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        assert not browser.find_element("tag name", "nav").is_displayed()
        assert browser.find_element("tag name", "h1").is_displayed()
    finally:
        browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
