"""Speed as a user feels it, in Chromium: navigation to the ROI figure, and a page switch
to the page drawn with its charts; medians of 5.

    python bench/bench_browser.py [--runs 5] [--lang en] [--url http://127.0.0.1:8501]
    python bench/bench_browser.py --root ../other-checkout   # the same against another

A fresh app server (`streamlit run app.py` on a free port, as the browser tests start it)
is opened once first: the first session of a process reads the sample data and fills the
per-process caches, and its time is printed as "first ever". Then, on the sample data at
1440x900 in Debian's Chromium (Playwright):

- first view: a new browser context (a new visitor with an empty cache, a new session)
  opens the Overview; the time runs from the navigation's start (the page's own clock,
  performance.now()) to the moment the ROI card shows a value. Then the same with the
  browser's cache warm (a returning visitor: a new tab, a new session, in one context);
- page switch: in an open Overview, a click on a page in the sidebar's menu; the time runs
  from the click to the moment that page's title is drawn and every chart it has when it
  is finished is drawn (its SVG marks), with no element of the old page left. Each page is
  switched to from the Overview, and back to the Overview from it.

The clock is read in the page, on every animation frame, so Playwright's own messages do
not count. Targets (issue 18): first view at most 1.2 s, page switch at most 0.5 s.
It is a bench, not a test: pytest does not collect it (bench/ is not under testpaths).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from playwright.sync_api import Page, sync_playwright  # noqa: E402

from smroi import metric_label  # noqa: E402
from tests.browser import CHROMIUM, CHROMIUM_ARGS, streamlit_server  # noqa: E402

FIRST_VIEW_TARGET = 1.2  # seconds, issue 18
SWITCH_TARGET = 0.5
# the pages a switch goes to from the Overview (their paths), then back to the Overview
SWITCHES = ("cost_per_result", "goals", "funnel", "earned_media")

# Records the time of every click on the page menu (the page's clock, ms since navigation).
_CLOCK = """
window.__bench = {clickAt: null};
document.addEventListener('click', (event) => {
  if (event.target.closest('[data-testid=stSidebarNav] a')) {
    window.__bench.clickAt = performance.now();
  }
}, true);
"""
# True (and the time noted) once a KPI card labelled `label` shows a value.
_ROI_SHOWN = """
(label) => {
  const shown = [...document.querySelectorAll('[data-testid=stMetric]')].some((card) => {
    const name = card.querySelector('[data-testid=stMetricLabel]');
    const value = card.querySelector('[data-testid=stMetricValue]');
    return name && value && name.innerText.includes(label) && value.innerText.trim() !== '';
  });
  if (shown) window.__bench.doneAt = performance.now();
  return shown;
}
"""
# True (and the time noted) once the page titled `title` shows `charts` drawn charts and
# nothing of the page before.
_PAGE_DRAWN = """
([title, charts]) => {
  const main = document.querySelector('[data-testid=stMain]');
  const heading = main && main.querySelector('h1');
  if (!heading || heading.innerText.trim() !== title) return false;
  if (main.querySelector('[data-stale=true]')) return false;
  const drawn = [...main.querySelectorAll('[data-testid=stVegaLiteChart]')]
    .filter((chart) => chart.querySelector('svg g[class*=mark-]')).length;
  if (drawn < charts) return false;
  window.__bench.doneAt = performance.now();
  return true;
}
"""


@contextmanager
def app_server(url: str | None, root: Path = ROOT) -> Iterator[str]:
    """The running server at `url`, or a fresh one of the checkout at `root`."""
    if url:
        yield url.rstrip("/")
        return
    with streamlit_server(root, timeout=120) as started:
        yield started


def open_overview(page: Page, url: str, roi: str) -> float:
    """Open the Overview; seconds from the navigation's start to the ROI card's value."""
    page.add_init_script(_CLOCK)
    page.goto(url, wait_until="commit")
    page.wait_for_function(_ROI_SHOWN, arg=roi, polling="raf", timeout=120_000)
    return float(page.evaluate("window.__bench.doneAt")) / 1000


def settle(page: Page) -> None:
    """Wait until the script run has ended (nothing running, a moment of quiet)."""
    page.wait_for_timeout(300)
    page.wait_for_selector("[data-testid=stStatusWidget]", state="detached", timeout=120_000)


def menu_link(page: Page, path: str | None):  # type: ignore[no-untyped-def]
    """A page's link in the sidebar's menu (None: the first, the Overview)."""
    links = page.locator("[data-testid=stSidebarNav] a")
    return (
        links.first
        if path is None
        else links.locator(f'xpath=self::*[contains(@href, "/{path}")]').first
    )


def page_shape(page: Page, path: str | None) -> tuple[str, int]:
    """A page's title and how many charts it draws when finished (read once, settled)."""
    menu_link(page, path).click()
    settle(page)
    page.wait_for_timeout(1000)
    title = page.locator("[data-testid=stMain] h1").first.inner_text().strip()
    charts = page.locator("[data-testid=stMain] [data-testid=stVegaLiteChart]").count()
    return title, charts


def switch_to(page: Page, path: str | None, shape: tuple[str, int]) -> float:
    """Click a page in the menu; seconds from the click to that page drawn with its charts."""
    page.evaluate("window.__bench.clickAt = null; window.__bench.doneAt = null")
    menu_link(page, path).click()
    page.wait_for_function(_PAGE_DRAWN, arg=list(shape), polling="raf", timeout=120_000)
    done, clicked = page.evaluate("[window.__bench.doneAt, window.__bench.clickAt]")
    settle(page)  # the rest of the run ends before the next click
    return (float(done) - float(clicked)) / 1000


def load() -> str:
    """The machine's load averages over 1, 5 and 15 minutes."""
    return " / ".join(f"{value:.1f}" for value in os.getloadavg())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="times each is measured")
    parser.add_argument("--lang", default="en", help="the app's language (en, nb, fa)")
    parser.add_argument("--url", help="a running app server instead of a fresh one")
    parser.add_argument(
        "--root", type=Path, default=ROOT, help="the checkout whose app.py to start (to compare)"
    )
    args = parser.parse_args(argv)
    roi = metric_label("roi_pct", args.lang)
    query = f"/?lang={args.lang}" if args.lang != "en" else "/"
    print(f"load average before: {load()} ({os.cpu_count()} CPUs)")
    with app_server(args.url, args.root) as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)

        def visitor() -> Page:
            return browser.new_context(viewport={"width": 1440, "height": 900}).new_page()

        started = time.perf_counter()
        page = visitor()
        first_ever = open_overview(page, url + query, roi)
        settle(page)
        shapes = {path: page_shape(page, path) for path in SWITCHES}
        overview_shape = page_shape(page, None)
        page.context.close()

        first_views = []
        for _ in range(args.runs):
            page = visitor()
            first_views.append(open_overview(page, url + query, roi))
            page.context.close()
        returning = []  # one browser context: its cache holds the app's scripts
        context = visitor().context
        open_overview(context.pages[0], url + query, roi)
        for _ in range(args.runs):
            page = context.new_page()
            returning.append(open_overview(page, url + query, roi))
            page.close()
        context.close()

        switches: dict[str, list[float]] = {path: [] for path in SWITCHES}
        back: list[float] = []
        page = visitor()
        open_overview(page, url + query, roi)
        settle(page)
        for _ in range(args.runs):
            for path in SWITCHES:
                switches[path].append(switch_to(page, path, shapes[path]))
                back.append(switch_to(page, None, overview_shape))
        page.context.close()
        browser.close()
        took = time.perf_counter() - started

    def row(name: str, times: list[float], target: float) -> str:
        median = statistics.median(times)
        verdict = "within" if median <= target else "OVER"
        return (
            f"| {name} | {median:.2f} s | {min(times):.2f}–{max(times):.2f} s | "
            f"≤ {target} s ({verdict}) |"
        )

    print(f"first ever (a new server's first session): {first_ever:.2f} s")
    print("| measured | median | range | target |")
    print("|---|---:|---:|---|")
    print(row("first view: navigation → ROI shown (Overview)", first_views, FIRST_VIEW_TARGET))
    print(row("first view, the browser's cache warm", returning, FIRST_VIEW_TARGET))
    for path in SWITCHES:
        title, charts = shapes[path]
        print(row(f"switch Overview → {title} ({charts} charts)", switches[path], SWITCH_TARGET))
    print(row(f"switch back → Overview ({overview_shape[1]} charts)", back, SWITCH_TARGET))
    print(f"runs: {args.runs} each ({len(back)} back to the Overview); {took:.0f} s in all")
    print(f"load average after: {load()}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
