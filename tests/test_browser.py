"""The real app in headless Chromium: change a cost and see ROI change; upload a CSV."""

from __future__ import annotations

import pytest

from tests.browser import (
    CHROMIUM,
    CHROMIUM_ARGS,
    choose_option,
    kpi,
    settle,
)
from tests.conftest import FIXTURES

pytestmark = pytest.mark.browser


@pytest.fixture
def page(app_url: str):  # type: ignore[no-untyped-def]
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        context = browser.new_context(viewport={"width": 1400, "height": 1000})
        tab = context.new_page()
        tab.goto(app_url)
        tab.wait_for_selector("[data-testid=stApp]")
        tab.wait_for_selector("[data-testid=stMetric]", timeout=60_000)
        yield tab
        browser.close()


def test_changing_a_cost_on_the_business_page_changes_roi(page) -> None:  # type: ignore[no-untyped-def]
    from playwright.sync_api import expect

    expect(kpi(page, "ROI")).to_have_text("162.9%")  # the sample's
    page.get_by_role("link", name="Your business").first.click()
    agency = page.get_by_role("spinbutton", name="Agency or freelancer per month (USD)")
    agency.fill("2500")
    agency.press("Enter")
    # $899 of the sample shop's costs and the agency's $2,500, every month
    sidebar = page.locator("[data-testid=stSidebar]")
    expect(sidebar.get_by_text("Costs $3,399.00 a month")).to_be_visible(timeout=30_000)
    page.get_by_role("link", name="Overview").first.click()
    # 1 Jun - 28 Sep is 120 days, 120 / 30.4375 = 3.9425 months: $9,856.26 of agency fees
    # on top of $20,144.74 makes $30,001.00 against a return of $52,958.56
    expect(kpi(page, "Total cost")).to_have_text("$30,001.00", timeout=30_000)
    expect(kpi(page, "ROI")).to_have_text("76.5%")


def test_uploading_a_canonical_csv_replaces_the_sample(page) -> None:  # type: ignore[no-untyped-def]
    from playwright.sync_api import expect

    banner = page.get_by_text("You are looking at sample data")
    expect(banner).to_be_visible()
    settle(page)  # an upload sent while the first run still draws can be lost under load
    page.set_input_files(
        "[data-testid=stSidebar] input[type=file]", str(FIXTURES / "browser_upload.csv")
    )
    expect(page.get_by_text("browser_upload.csv")).to_be_visible(timeout=30_000)
    expect(banner).to_have_count(0, timeout=60_000)
    # the fixture: spend 100 + 50 = 150, no other costs entered for these numbers to change
    expect(kpi(page, "ROAS")).to_have_text("3.00x", timeout=30_000)


def test_the_excel_report_holds_the_numbers_on_screen(page, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from openpyxl import load_workbook

    roi_on_screen = kpi(page, "ROI").inner_text()  # "162.9%"
    cost_on_screen = kpi(page, "Total cost").inner_text()  # "$20,144.74"
    page.get_by_role("button", name="Download", exact=True).click()  # the downloads' menu
    with page.expect_download(timeout=60_000) as download:
        page.get_by_role("button", name="Download Excel report").click()
    path = tmp_path / download.value.suggested_filename
    download.value.save_as(path)
    assert path.name.startswith("social-media-roi-") and path.suffix == ".xlsx"
    summary = load_workbook(path)["Summary"]
    values = {
        row[0].value: row[1].value
        for row in summary.iter_rows(min_row=1, max_col=2)
        if row[0].value
    }
    assert f"{values['ROI'] * 100:,.1f}%" == roi_on_screen  # stored as a true percentage
    assert f"${values['Total cost']:,.2f}" == cost_on_screen


def test_a_chart_downloads_as_a_picture(page, tmp_path) -> None:  # type: ignore[no-untyped-def]
    page.get_by_role("button", name="Download this chart").first.click()
    with page.expect_download(timeout=60_000) as download:
        page.get_by_role("button", name="Picture (PNG)").click()
    path = tmp_path / download.value.suggested_filename
    download.value.save_as(path)
    assert path.name == "return-vs-cost-by-platform.png"
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 10_000


def test_counting_earned_media_shows_roi_with_and_without_it(page) -> None:  # type: ignore[no-untyped-def]
    from playwright.sync_api import expect

    roi = kpi(page, "ROI").inner_text()
    page.get_by_role("link", name="Your business").first.click()  # where the switch is
    settle(page)
    toggle = page.get_by_role("checkbox", name="Count earned media value in return and ROI")
    label = page.get_by_text("Count earned media value in return and ROI")
    for _ in range(3):  # a click that lands while the page is still drawing can be lost: redo
        if not toggle.is_checked():
            label.click()
        try:
            expect(toggle).to_be_checked(timeout=15_000)
            break
        except AssertionError:
            continue
    settle(page)
    page.get_by_role("link", name="Overview").first.click()
    without = kpi(page, "ROI without earned media")
    expect(without).to_have_text(roi, timeout=30_000)  # the ROI it had: cash and set values
    with_emv = kpi(page, "ROI with earned media").inner_text()
    assert float(with_emv.rstrip("%").replace(",", "")) > float(roi.rstrip("%").replace(",", ""))


def test_setting_a_goal_shows_its_progress(page, app_url) -> None:  # type: ignore[no-untyped-def]
    from playwright.sync_api import expect

    page.goto(f"{app_url}/goals")
    # the sample's goal: 100 leads a month; September has 90 so far
    expect(page.get_by_text("90% of the target")).to_be_visible(timeout=60_000)
    page.get_by_role("link", name="Your business").first.click()  # where goals are set
    main = page.locator("[data-testid=stMain]")
    target = main.get_by_role("spinbutton", name="Leads a month")
    target.fill("80")
    target.press("Enter")
    settle(page)
    # a new goal: 150 sales a month (September has 136)
    metric = main.get_by_role("combobox", name="Metric")
    choose_option(page, metric, "Sales")
    main.get_by_role("spinbutton", name="Target").fill("150")
    main.get_by_role("button", name="Add goal").click()
    settle(page)
    page.get_by_role("link", name="Goals and trends").first.click()
    expect(page.get_by_text("Leads: 80 a month")).to_be_visible(timeout=30_000)
    expect(page.get_by_text("112% of the target")).to_be_visible()  # 90 / 80
    expect(page.get_by_text("Target met.")).to_be_visible()
    expect(page.get_by_text("Sales: 150 a month")).to_be_visible(timeout=30_000)
    expect(page.get_by_text("91% of the target")).to_be_visible()  # 136 / 150
    assert page.locator("[data-testid=stException]").count() == 0


def test_attribution_models_on_an_uploaded_journey_file(page, app_url, tmp_path) -> None:  # type: ignore[no-untyped-def]
    import csv

    from playwright.sync_api import expect

    page.goto(f"{app_url}/attribution")
    expect(page.get_by_text("You are looking at sample journeys")).to_be_visible(timeout=60_000)
    # the whole page has run (its last section is drawn) before the upload
    expect(page.get_by_text("Sample answers from 150 buyers.")).to_be_visible(timeout=60_000)
    sample = page.get_by_text("You are looking at sample journeys")
    for _ in range(3):  # an upload sent while the page is still drawing can be lost: resend
        page.set_input_files(
            "[data-testid=stMain] input[type=file] >> nth=0",
            str(FIXTURES / "attribution_browser.csv"),
        )
        try:
            expect(sample).to_have_count(0, timeout=15_000)
            break
        except AssertionError:
            continue
    expect(sample).to_have_count(0)
    # two purchases (100 and 50); j3 never bought, so x gets nothing
    expect(kpi(page, "Conversions credited")).to_have_text("2")
    expect(kpi(page, "Value credited")).to_have_text("$150.00")
    page.get_by_role("radio", name="Linear").click()
    expect(page.get_by_text("By channel, linear")).to_be_visible(timeout=30_000)
    page.get_by_role("button", name="Download this chart").first.click()
    with page.expect_download(timeout=60_000) as download:
        page.get_by_role("button", name="Its numbers (CSV)").click()
    path = tmp_path / "models.csv"
    download.value.save_as(path)
    with path.open(encoding="utf-8-sig", newline="") as file:
        rows = {row["channel"]: row for row in csv.DictReader(file)}
    # j1: instagram then facebook before the 100; j2: email before the 50
    assert float(rows["facebook"]["Last touch"]) == 100
    assert float(rows["instagram"]["First touch"]) == 100
    assert float(rows["instagram"]["Linear"]) == float(rows["facebook"]["Linear"]) == 50
    assert float(rows["email"]["Position based (40/20/40)"]) == 50
    assert "x" not in rows
    assert page.locator("[data-testid=stException]").count() == 0
