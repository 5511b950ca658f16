"""The HTML redline in a real headless Chromium: it renders, navigates, and
a ``<script>`` planted in a document never runs.

Needs Debian's ``chromium`` (``python3 dev.py test`` installs it when run as
root) and the ``playwright`` package, which drives the system browser (it
never downloads one).  Without them the tests are skipped, except under
``CI=true``, where a missing browser fails the run.  Screenshots are written
to ``artifacts/`` (git-ignored) for a person to look at.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import conceptdiff
from conceptdiff.render import render_html
from conceptdiff.render._report import build_report

from .conftest import CORPUS, PAIRS, ROOT

ARTIFACTS = ROOT / "artifacts"
PLANTED = '<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2">'


def _chromium() -> str | None:
    for candidate in (os.environ.get("CONCEPTDIFF_CHROMIUM"), "/usr/bin/chromium", shutil.which("chromium")):
        if candidate and Path(candidate).exists():
            return candidate
    return None


def _unavailable(reason: str) -> None:
    if os.environ.get("CI") == "true":
        pytest.fail(f"{reason}; CI must run the browser tests (dev.py test installs Debian's chromium as root)")
    pytest.skip(reason)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    executable = _chromium()
    if executable is None:
        _unavailable("no Chromium at /usr/bin/chromium (install Debian's chromium package)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("the playwright package is not installed (python3 dev.py test installs it)")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=executable,
            headless=True,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        try:
            yield launched
        finally:
            launched.close()


def _open(browser: Any, path: Path, *, width: int = 1280, height: int = 900) -> tuple[Any, list[str], list[str]]:
    """A page showing ``path``; the console errors and the requests it made for anything else."""
    page = browser.new_page(viewport={"width": width, "height": height})
    problems: list[str] = []
    requests: list[str] = []
    page.on("console", lambda message: problems.append(message.text) if message.type in ("error", "warning") else None)
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.on("request", lambda request: requests.append(request.url) if request.url != path.as_uri() else None)
    page.goto(path.as_uri())
    page.wait_for_load_state("load")
    return page, problems, requests


def _planted_comparison() -> conceptdiff.Comparison:
    old = conceptdiff.Edition.from_text(
        "# Reporting\n\n"
        "Members may report breaches to the committee within 30 days.\n\n"
        f"The notice reads {PLANTED} in full.\n\n"
        "The committee shall publish its findings.\n\n"
        "# Fees\n\n"
        "Members pay an annual fee of 30 euros.\n\n"
        "The chair is elected for two years.\n",
        label="2022 <edition>",
        format="text",  # read as plain text: the planted markup is document text, to be escaped
    )
    new = conceptdiff.Edition.from_text(
        "# Reporting\n\n"
        "Members shall report breaches to the committee within 60 days.\n\n"
        f"The notice now reads {PLANTED} in full.\n\n"
        "The committee shall not publish its findings.\n\n"
        "# Fees\n\n"
        "The chair is elected for three years.\n\n"
        "An ethics committee reviews every complaint.\n",
        label="2023 <edition>",
        format="text",
    )
    return conceptdiff.compare(old, new)


def test_report_renders_navigates_and_planted_script_does_not_run(browser: Any, tmp_path: Path) -> None:
    comparison = _planted_comparison()
    report = build_report(comparison)
    numbers = [entry.number for entry in report.changes]
    assert len(numbers) >= 5
    path = tmp_path / "report.html"
    path.write_text(render_html(comparison), encoding="utf-8")
    page, problems, requests = _open(browser, path)

    # The planted markup is shown as text and never runs; the page's own script did run.
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.evaluate("document.querySelectorAll('script').length") == 1
    assert page.evaluate("document.querySelectorAll('img').length") == 0
    assert PLANTED in page.inner_text("main")
    assert page.evaluate("document.documentElement.getAttribute('data-nav')") == "ready"
    assert page.title() == "What changed: 2022 <edition> → 2023 <edition>"
    # The inline style sheet is allowed by its hash: deletions are struck through.
    assert "line-through" in page.evaluate("getComputedStyle(document.querySelector('del')).textDecorationLine")
    assert problems == [], problems  # no CSP violation, no script error
    assert requests == [], requests  # nothing fetched: the file is self-contained

    # Every change is listed and findable.
    links = page.evaluate("Array.from(document.querySelectorAll('nav a')).map(a => a.getAttribute('href'))")
    assert links == [f"#c{n}" for n in numbers]
    assert page.evaluate("Array.from(document.querySelectorAll('article.change')).map(a => a.id)") == [
        f"c{n}" for n in numbers
    ]

    # Clicking an entry of the list goes to that change.
    target = numbers[2]
    page.click(f"nav a[href='#c{target}']")
    assert page.evaluate("location.hash") == f"#c{target}"
    top = page.evaluate(f"document.getElementById('c{target}').getBoundingClientRect().top")
    assert 0 <= top < 900

    # Keyboard: j / n next change, k / p previous.
    page.keyboard.press("j")
    assert page.evaluate("document.activeElement.id") == f"c{numbers[3]}"
    assert page.evaluate("location.hash") == f"#c{numbers[3]}"
    page.keyboard.press("n")
    assert page.evaluate("document.activeElement.id") == f"c{numbers[4]}"
    page.keyboard.press("k")
    page.keyboard.press("p")
    assert page.evaluate("document.activeElement.id") == f"c{numbers[2]}"
    assert page.evaluate("document.querySelector('nav a[aria-current=true]').getAttribute('href')") == f"#c{target}"

    # The side-by-side view replaces the inline one, without script.
    reworded = page.locator("article.change").filter(has=page.locator(".side")).first
    assert reworded.locator(".inline").is_visible() and not reworded.locator(".side").is_visible()
    page.click("label[for=view-side]")
    assert reworded.locator(".side").is_visible() and not reworded.locator(".inline").is_visible()
    page.click("label[for=view-inline]")

    ARTIFACTS.mkdir(exist_ok=True)
    page.goto(path.as_uri())
    page.screenshot(path=str(ARTIFACTS / "html-report-planted.png"))
    page.close()
    assert (ARTIFACTS / "html-report-planted.png").stat().st_size > 10_000


def test_real_corpus_report_in_the_browser(browser: Any, tmp_path: Path) -> None:
    old = conceptdiff.Edition.from_path(CORPUS / "eupl-1.1.en.txt")
    new = conceptdiff.Edition.from_path(CORPUS / "eupl-1.2.en.txt")
    comparison = conceptdiff.compare(old, new)
    path = tmp_path / "eupl.html"
    path.write_text(render_html(comparison), encoding="utf-8")
    page, problems, requests = _open(browser, path)
    listed = len(build_report(comparison).changes)
    assert page.evaluate("document.querySelectorAll('article.change').length") == listed
    assert page.evaluate("document.querySelectorAll('nav li').length") == listed
    # The last change is reachable from the list.
    page.click(f"nav a[href='#c{listed}']")
    assert page.evaluate("location.hash") == f"#c{listed}"
    assert problems == [] and requests == []
    ARTIFACTS.mkdir(exist_ok=True)
    page.goto(path.as_uri())
    page.screenshot(path=str(ARTIFACTS / "html-report-eupl.png"))
    page.click("label[for=view-side]")
    page.screenshot(path=str(ARTIFACTS / "html-report-eupl-side-by-side.png"))
    # Narrow screens: one column, nothing wider than the viewport.
    page.set_viewport_size({"width": 400, "height": 800})
    assert page.evaluate("document.documentElement.scrollWidth") <= 400
    # ... and the first change comes first, the list of changes after the changes.
    first_change = page.locator("article.change").first.bounding_box()
    changes_list = page.locator("nav#toc").bounding_box()
    assert first_change is not None and changes_list is not None and first_change["y"] < changes_list["y"]
    page.screenshot(path=str(ARTIFACTS / "html-report-eupl-narrow.png"))
    page.close()


def test_print_layout_shows_the_inline_view(browser: Any, tmp_path: Path) -> None:
    path = tmp_path / "report.html"
    path.write_text(render_html(_planted_comparison()), encoding="utf-8")
    page, _, _ = _open(browser, path)
    page.emulate_media(media="print")
    assert not page.locator("nav").is_visible()
    first = page.locator("article.change").filter(has=page.locator(".side")).first
    assert first.locator(".inline").is_visible() and not first.locator(".side").is_visible()
    ARTIFACTS.mkdir(exist_ok=True)
    page.pdf(path=str(ARTIFACTS / "html-report-print.pdf"))
    page.close()


def test_hide_cosmetic_switch(browser: Any, tmp_path: Path) -> None:
    old = conceptdiff.Edition.from_path(PAIRS / "smart_quotes_vs_ascii" / "old.txt")
    new = conceptdiff.Edition.from_path(PAIRS / "smart_quotes_vs_ascii" / "new.txt")
    path = tmp_path / "quotes.html"
    path.write_text(render_html(conceptdiff.compare(old, new)), encoding="utf-8")
    page, problems, _ = _open(browser, path)
    articles = page.locator("article.change")
    assert articles.count() == 2 and articles.first.is_visible()
    page.click("label[for=hide-cosmetic]")
    assert not articles.first.is_visible() and not page.locator("nav li").first.is_visible()
    page.click("label[for=hide-cosmetic]")
    assert articles.first.is_visible()
    assert problems == []
    page.close()
