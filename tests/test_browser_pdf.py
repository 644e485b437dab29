"""Download PDF: the report the dashboard shows, as one PDF, holds the ROI on the Overview."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pypdf import PdfReader

from tests.browser import CHROMIUM, CHROMIUM_ARGS, kpi, require_chromium, streamlit_server
from tests.conftest import ROOT

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def app_url() -> Iterator[str]:
    require_chromium()
    with streamlit_server(ROOT) as url:
        yield url


@pytest.fixture
def page(app_url: str):  # type: ignore[no-untyped-def]
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        tab = browser.new_context(viewport={"width": 1400, "height": 1000}).new_page()
        tab.goto(app_url)
        tab.wait_for_selector("[data-testid=stMetric]", timeout=60_000)
        yield tab
        browser.close()


def test_the_pdf_holds_the_roi_and_cost_on_the_overview(page, tmp_path) -> None:  # type: ignore[no-untyped-def]
    roi_on_screen = kpi(page, "ROI").inner_text()  # "162.9%"
    cost_on_screen = kpi(page, "Total cost").inner_text()  # "$20,144.74"
    page.get_by_role("button", name="Download", exact=True).click()  # the downloads' menu
    with page.expect_download(timeout=60_000) as download:
        page.get_by_role("button", name="Download PDF").click()
    path = tmp_path / download.value.suggested_filename
    download.value.save_as(path)
    assert path.name.startswith("social-media-roi-") and path.suffix == ".pdf"
    first = PdfReader(path).pages[0].extract_text()
    assert roi_on_screen in first and cost_on_screen in first
    assert first.startswith("Social media ROI report\n")
