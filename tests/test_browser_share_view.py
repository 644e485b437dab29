"""A share link's viewer in headless Chromium: every page, a reload, and a revoke while the
page sits open.

The reports are saved straight into the app server's store (as `smroi share` does) and
opened in a fresh browser context, as the boss who got the link would. The server checks
open links every CHECK_SECONDS (SMROI_LINK_CHECK_SECONDS; 30 s by default). Screenshots
go to the test's tmp_path: run with `--basetemp DIR` to look at them.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from playwright.sync_api import expect

from smroi import read_file
from smroi.settings import Settings
from smroi.store import ReportStore
from tests.browser import require_chromium, settle, streamlit_server
from tests.conftest import ROOT
from tests.test_browser_share import new_page, wait_for_text

pytestmark = pytest.mark.browser

CHECK_SECONDS = 2
SAMPLE = ROOT / "sample_data" / "social_media_sample.csv"
NOT_VALID = "This report link is not valid (unknown, expired or revoked)."


@contextmanager
def store_of(folder: Path) -> Iterator[ReportStore]:
    """The store the app server uses (SMROI_DATA_DIR=folder), as the CLI would open it."""
    before = {name: os.environ.get(name) for name in ("SMROI_DATA_DIR", "SMROI_DATABASE_URL")}
    os.environ["SMROI_DATA_DIR"] = str(folder)
    os.environ.pop("SMROI_DATABASE_URL", None)
    try:
        yield ReportStore()
    finally:
        for name, value in before.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def share(folder: Path, title: str, days: float = 7) -> str:
    table, report = read_file(SAMPLE.name, SAMPLE.read_bytes())
    with store_of(folder) as store:
        return store.save(table, Settings(), title=title, reports=[report], expires_days=days)


@pytest.fixture(scope="module")
def reports(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("reports")


@pytest.fixture(scope="module")
def app_url(reports: Path) -> Iterator[str]:
    require_chromium()
    environment = {"SMROI_LINK_CHECK_SECONDS": str(CHECK_SECONDS)}
    with streamlit_server(ROOT, data_dir=reports, environment=environment) as url:
        yield url


def page_menu(page):  # type: ignore[no-untyped-def]
    return page.locator("[data-testid=stSidebarNav] a")


def heading(page) -> str:  # type: ignore[no-untyped-def]
    return page.locator("[data-testid=stMain] h1").first.inner_text()


def assert_read_only_report(page, token: str, title: str) -> None:  # type: ignore[no-untyped-def]
    """What the viewer must see on any page: the link in the address, the report's title,
    no uploader anywhere, no "Share this report", nothing to type into, and the report's
    assumptions as a list in the sidebar."""
    assert f"report={token}" in page.url and "lang=nb" in page.url, page.url
    sidebar = page.locator("[data-testid=stSidebar]")
    assert sidebar.get_by_text(title, exact=True).is_visible()
    assert page.locator("[data-testid=stFileUploader]").count() == 0
    assert page.get_by_text("Del denne rapporten").count() == 0  # "Share this report"
    assert sidebar.locator("input[type=number]").count() == 0  # nothing to type into
    assert sidebar.locator("[data-testid=stDateInput], [data-testid=stMultiSelect]").count() == 0
    assert sidebar.get_by_role("heading", name="Forutsetninger").is_visible()  # "Assumptions"
    # Settings(): no costs besides ad spend, no margin
    assert sidebar.get_by_text("Kostnader utenom annonsekostnad: ingen").is_visible()
    assert page.get_by_text(NOT_VALID).count() == 0


def test_a_viewer_walks_every_page_and_reloads_and_stays_on_the_report(  # type: ignore[no-untyped-def]
    browser, app_url: str, reports: Path, tmp_path: Path
) -> None:
    token = share(reports, "June for the boss")
    page = new_page(browser, f"{app_url}/?report={token}&lang=nb")
    assert_read_only_report(page, token, "June for the boss")
    assert page_menu(page).count() == 9
    seen = []
    for position in range(9):
        before = page.url
        page_menu(page).nth(position).click()
        if position:  # the first is the page the link opened
            page.wait_for_url(lambda url, before=before: url != before, timeout=30_000)
        # Streamlit drops the query on a page change; the app puts it back
        page.wait_for_url(re.compile(rf"report={token}"), timeout=30_000)
        settle(page)
        seen.append(heading(page))
        assert_read_only_report(page, token, "June for the boss")
        if position in (1, 6):
            page.screenshot(path=str(tmp_path / f"viewer-page-{position + 1}.png"))
    assert len(set(seen)) == 9, seen  # nine different pages
    page_menu(page).nth(6).click()  # Attribution, which had four uploaders
    page.wait_for_url(re.compile(rf"/attribution\?report={token}"), timeout=30_000)
    settle(page)
    page.reload()
    page.wait_for_selector("[data-testid=stMetric]", timeout=60_000)
    settle(page)
    assert "/attribution?" in page.url
    assert heading(page) == seen[6]
    assert_read_only_report(page, token, "June for the boss")
    page.context.close()


def fetch(url: str) -> int:
    """The HTTP status of a GET without the browser's cookies."""
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return int(response.status)
    except urllib.error.HTTPError as error:
        return error.code


def test_an_open_page_turns_not_valid_after_a_revoke_with_no_click(  # type: ignore[no-untyped-def]
    browser, app_url: str, reports: Path, tmp_path: Path
) -> None:
    token = share(reports, "Soon revoked")
    page = new_page(browser, f"{app_url}/?report={token}&lang=nb")
    page_menu(page).nth(1).click()  # Cost per result
    page.wait_for_url(re.compile(rf"/cost_per_result\?report={token}"), timeout=30_000)
    settle(page)
    # while the link is valid: the Excel report downloads, made when clicked, and its
    # address stops answering within two checks (nothing keeps it for the session)
    page.get_by_role("button", name="Last ned", exact=True).click()  # the downloads' menu
    with page.expect_download(timeout=60_000) as got:
        page.get_by_role("button", name="Last ned Excel-rapport").click()
    download = got.value
    assert Path(download.path()).read_bytes()[:2] == b"PK"
    assert fetch(download.url) == 200
    made = time.monotonic()
    while fetch(download.url) == 200:
        assert time.monotonic() - made < 3 * CHECK_SECONDS + 5, "the workbook is still served"
        time.sleep(0.25)
    assert fetch(download.url) == 404
    # revoked from the command line while the page sits open; nobody touches it
    revoked = subprocess.run(
        [sys.executable, "-m", "smroi.cli", "revoke", token],
        env={**os.environ, "SMROI_DATA_DIR": str(reports)},
        capture_output=True,
        text=True,
        timeout=60,
        cwd=ROOT,
    )
    assert revoked.returncode == 0, revoked.stderr
    start = time.monotonic()
    page.get_by_text("Denne rapportlenken er ikke gyldig").first.wait_for(timeout=30_000)
    waited = time.monotonic() - start
    assert waited < 2 * CHECK_SECONDS + 3, waited  # the next check, with room for the run
    page.screenshot(path=str(tmp_path / "viewer-after-revoke.png"))
    expect(page.locator("[data-testid=stMetric]")).to_have_count(0, timeout=15_000)
    expect(page.locator("[data-testid=stDownloadButton]")).to_have_count(0, timeout=15_000)
    expect(page.get_by_text("Soon revoked")).to_have_count(0, timeout=15_000)
    assert f"report={token}" in page.url  # a reload shows "not valid" again
    page_menu(page).nth(0).click()  # another page: still not the report, nor the full app
    page.wait_for_url(re.compile(rf"report={token}"), timeout=30_000)
    settle(page)
    wait_for_text(page, "Denne rapportlenken er ikke gyldig")
    expect(page.locator("[data-testid=stMetric]")).to_have_count(0, timeout=15_000)
    expect(page.locator("[data-testid=stFileUploader]")).to_have_count(0, timeout=15_000)
    page.context.close()


def test_an_open_page_turns_not_valid_when_its_link_expires(  # type: ignore[no-untyped-def]
    browser, app_url: str, reports: Path
) -> None:
    lifetime = 15.0  # seconds: long enough to open the page on a busy machine
    token = share(reports, "Gone in seconds", days=lifetime / 86_400)
    expires = time.monotonic() + lifetime
    page = new_page(browser, f"{app_url}/?report={token}")
    assert time.monotonic() < expires, "the page took longer to open than the link lives"
    wait_for_text(page, "Gone in seconds")
    page.get_by_text(NOT_VALID).first.wait_for(timeout=(lifetime + 15) * 1000)
    late = time.monotonic() - expires
    assert -1 < late < 2 * CHECK_SECONDS + 3, late  # not before it expired, nor long after
    expect(page.locator("[data-testid=stMetric]")).to_have_count(0, timeout=15_000)
    page.context.close()


@pytest.fixture(scope="module")
def slow_check_url(reports: Path) -> Iterator[str]:
    """A server that checks open links only every ten minutes (none in this test)."""
    require_chromium()
    environment = {"SMROI_LINK_CHECK_SECONDS": "600"}
    with streamlit_server(ROOT, data_dir=reports, environment=environment) as url:
        yield url


def test_a_download_after_a_revoke_makes_no_file_before_the_page_knows(  # type: ignore[no-untyped-def]
    browser, slow_check_url: str, reports: Path
) -> None:
    token = share(reports, "Revoked under the button")
    page = new_page(browser, f"{slow_check_url}/?report={token}")
    with store_of(reports) as store:
        assert store.revoke(token)
    downloads: list[object] = []
    page.on("download", lambda download: downloads.append(download))
    page.get_by_role("button", name="Download", exact=True).click()  # the downloads' menu
    page.get_by_role("button", name="Download Excel report").click()
    page.get_by_role("button", name="Download PDF").click()
    page.keyboard.press("Escape")
    page.get_by_role("button", name="Download this chart").first.click()
    page.get_by_role("button", name="Its numbers (CSV)").first.click()
    page.wait_for_timeout(5_000)
    assert downloads == []
    # the page has not been told yet (no check for ten minutes): the file's own check
    # refused, not the page
    assert page.locator("[data-testid=stMetric]").count() > 0
    page.keyboard.press("Escape")
    page_menu(page).nth(2).click()  # the next interaction shows "not valid"
    wait_for_text(page, NOT_VALID)
    expect(page.locator("[data-testid=stMetric]")).to_have_count(0, timeout=15_000)
    page.context.close()
