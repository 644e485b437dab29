"""The real app on a user's own export, in Chromium: none of the sample's settings reach it,
the Overview asks for the costs and margin, and a margin moves ROI and draws break-even."""

from __future__ import annotations

import io
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.browser import kpi, require_chromium, settle, streamlit_server
from tests.conftest import REALDATA, ROOT

pytestmark = pytest.mark.browser

# DanielTheC's Google Ads campaign report (GBP): two campaigns, cost 798.88 + 365.22 =
# £1,164.10, conversion value 1,286.58 + 841.23 = £2,127.81 from 74 conversions.
GOOGLE_ADS = REALDATA / "agency_exports_danielthec" / "Campaign report (1).csv"
SPEND, SALES, SALES_COUNT = 798.88 + 365.22, 1286.58 + 841.23, 74
BREAK_EVEN_PURPLE = (0x6A, 0x1B, 0x9A)  # smroi.charts._shared.BREAK_EVEN_COLOUR


@pytest.fixture(scope="module")
def app_url() -> Iterator[str]:
    require_chromium()
    if not GOOGLE_ADS.exists():
        if os.environ.get("CI") or os.environ.get("SMROI_REQUIRE_BROWSER") == "1":
            pytest.fail(f"{GOOGLE_ADS} is missing; CI must test the real exports")
        pytest.skip("../shared/realdata is not here")
    with streamlit_server(ROOT) as url:
        yield url


def own_file_loaded(browser, url: str):  # type: ignore[no-untyped-def]
    """A fresh visitor who opens the app (sample data) and uploads the Google Ads report."""
    from playwright.sync_api import expect

    page = browser.new_context(viewport={"width": 1400, "height": 1100}).new_page()
    page.goto(url)
    page.wait_for_selector("[data-testid=stMetric]", timeout=60_000)
    expect(page.get_by_text("You are looking at sample data")).to_be_visible()
    sidebar = page.locator("[data-testid=stSidebar]")
    # the sample shop's 20 h x $35 + $49 + $150 a month, in one line
    expect(sidebar.get_by_text("Costs $899.00 a month")).to_be_visible()
    page.set_input_files("[data-testid=stSidebar] input[type=file]", str(GOOGLE_ADS))
    expect(page.get_by_text("You are looking at sample data")).to_have_count(0, timeout=30_000)
    expect(page.get_by_role("heading", name="Your business")).to_be_visible(timeout=30_000)
    settle(page)
    return page


def purple_pixels(png: bytes) -> int:
    """How many pixels of a screenshot are the break-even line's purple."""
    import numpy as np
    from PIL import Image

    pixels = np.asarray(Image.open(io.BytesIO(png)).convert("RGB")).astype(int)
    near = np.abs(pixels - np.array(BREAK_EVEN_PURPLE)).max(axis=2) <= 30
    return int(near.sum())


def cost_per_result_chart(page):  # type: ignore[no-untyped-def]
    """Open Cost per result and return its chart (cost per sale: the sales objective's)."""
    from playwright.sync_api import expect

    page.get_by_role("link", name="Cost per result").click()
    settle(page)
    chart = page.locator("[data-testid=stVegaLiteChart]").first
    expect(chart).to_be_visible(timeout=30_000)
    page.wait_for_timeout(500)  # the chart draws
    return chart


def test_no_sample_setting_reaches_a_real_export_and_the_overview_asks(  # type: ignore[no-untyped-def]
    browser, app_url: str, tmp_path: Path
) -> None:
    from playwright.sync_api import expect

    page = own_file_loaded(browser, app_url)
    sidebar = page.locator("[data-testid=stSidebar]")
    # the cost is the ad spend alone, in the file's pounds; sales count in full for now
    expect(kpi(page, "Total cost")).to_have_text(f"£{SPEND:,.2f}")
    expect(kpi(page, "ROI")).to_have_text(f"{(SALES - SPEND) / SPEND * 100:.1f}%")  # 82.8%
    expect(sidebar.get_by_text("Costs £0.00 a month · margin not set")).to_be_visible()
    page.get_by_role("button", name="Skip for now").click()
    settle(page)
    expect(page.get_by_text("Only ad spend is counted: add what else social media")).to_be_visible()
    expect(
        page.get_by_text("Sales are counted at their full value, before the cost of goods")
    ).to_be_visible()
    expect(page.get_by_role("button", name="Enter your costs and margin")).to_be_visible()
    page.screenshot(path=str(tmp_path / "own-file-asks.png"), full_page=True)
    # the sample shop's 20 h x $35, tools $49, content $150, values and goal are gone
    sidebar.get_by_role("link", name="Your business").first.click()
    settle(page)
    main = page.locator("[data-testid=stMain]")
    for name, empty in (
        ("Hours spent on social media per month", "0.0"),
        ("Hourly rate (GBP)", "0.00"),
        ("Tools and software per month (GBP)", "0.00"),
        ("Content production per month (GBP)", "0.00"),
        ("What a lead is worth to you (GBP)", "0.00"),
        ("Average order value (GBP)", "0.00"),
    ):
        expect(main.get_by_role("spinbutton", name=name, exact=True)).to_have_value(empty)
    expect(main.get_by_role("spinbutton", name="Leads a month")).to_have_count(0)


def test_a_margin_moves_roi_and_draws_the_break_even_line(  # type: ignore[no-untyped-def]
    browser, app_url: str, tmp_path: Path
) -> None:
    from playwright.sync_api import expect

    page = own_file_loaded(browser, app_url)
    expect(kpi(page, "ROI")).to_have_text("82.8%")
    chart = cost_per_result_chart(page)
    assert purple_pixels(chart.screenshot()) == 0  # no margin yet: no break-even to draw
    expect(page.get_by_text("Set your gross margin to draw the break-even line")).to_be_visible()

    page.get_by_role("link", name="Overview").click()
    settle(page)
    form = page.locator("[data-testid=stForm]").filter(has_text="Your business")
    form.get_by_role("spinbutton", name="Gross margin (%)").fill("40")
    form.get_by_role("button", name="Save").click()
    settle(page)
    # return = 40% of £2,127.81 = £851.12, against £1,164.10 of ads: ROI -26.9%
    expect(kpi(page, "ROI")).to_have_text(
        f"{(SALES * 0.4 - SPEND) / SPEND * 100:.1f}%", timeout=30_000
    )
    worth = SALES / SALES_COUNT * 0.4  # a sale leaves £11.50
    expect(kpi(page, "Break-even cost per sale")).to_have_text(f"£{worth:,.2f}")
    expect(kpi(page, "Break-even ROAS")).to_have_text("2.50x")

    chart = cost_per_result_chart(page)
    expect(page.get_by_text(f"Dashed line: break-even, £{worth:,.2f}")).to_be_visible()
    shot = chart.screenshot()
    (tmp_path / "break-even.png").write_bytes(shot)
    assert purple_pixels(shot) > 50, "no break-even line in the chart"
