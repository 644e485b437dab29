"""Tables and dates in the real app, measured in Chromium at 1440x900: in Persian the Cost
per result table reads right to left (its first column, Platform, on the right) with every
header in view, the Data page's table writes Persian digits, the date range reads from the
earlier day; in English the Cost per result table is no wider than the page."""

from __future__ import annotations

import pytest

from tests.browser import settle

pytestmark = pytest.mark.browser

PERSIAN_DIGITS = set("۰۱۲۳۴۵۶۷۸۹")
LATIN_DIGITS = set("0123456789")
# header cells of a grid, left to right as drawn (the grid's accessible table follows its
# drawing order), and its scroller's widths: content against what is shown
GRID = """grid => {
  const scroller = grid.querySelector('.dvn-scroller');
  return {
    headers: [...grid.querySelectorAll('th')].map(cell => cell.textContent),
    scrollWidth: scroller.scrollWidth,
    clientWidth: scroller.clientWidth,
  };
}"""


def open_page(browser, url: str):  # type: ignore[no-untyped-def]
    """A page at 1440x900, drawn (its first table in place)."""
    page = browser.new_context(viewport={"width": 1440, "height": 900}).new_page()
    page.goto(url)
    page.wait_for_selector("[data-testid=stMain] h1", timeout=90_000)
    if "lang=fa" in url:  # a deep link's second run lays it out right to left
        page.wait_for_function(
            "getComputedStyle(document.querySelector('[data-testid=stMain]')).direction === 'rtl'",
            timeout=30_000,
        )
    page.wait_for_selector("[data-testid=stDataFrame] th", state="attached", timeout=60_000)
    settle(page)
    return page


def test_persian_cost_per_result_table_reads_right_to_left_with_every_header_shown(  # type: ignore[no-untyped-def]
    browser, app_url: str
) -> None:
    page = open_page(browser, f"{app_url}/cost_per_result?lang=fa")
    grid = page.locator("[data-testid=stDataFrame]").first
    drawn = grid.evaluate(GRID)
    # Platform (پلتفرم) is the first column: drawn rightmost, ad spend beside it
    assert drawn["headers"][-1] == "پلتفرم", drawn["headers"]
    assert drawn["headers"][-2] == "هزینهٔ تبلیغات", drawn["headers"]
    # plain words beside the jargon
    assert "نرخ کلیک (CTR)" in drawn["headers"]
    assert "هزینهٔ هر کلیک (CPC)" in drawn["headers"]
    # nothing hidden past an edge: every header is in view
    assert drawn["scrollWidth"] <= drawn["clientWidth"], drawn
    # Platform, the six columns of "Reach and clicks" and the click rate's 90% range, read
    # after it (on its left)
    assert len(drawn["headers"]) == 8
    ctr = drawn["headers"].index("نرخ کلیک (CTR)")
    assert drawn["headers"][ctr - 1] == "بازهٔ ۹۰٪", drawn["headers"]


def test_persian_data_table_writes_persian_digits(browser, app_url: str) -> None:  # type: ignore[no-untyped-def]
    page = open_page(browser, f"{app_url}/data?lang=fa")
    grid = page.locator("[data-testid=stDataFrame]").last  # the table as loaded
    # its first columns (date, platform, ... spend, impressions) are on the right: go there
    grid.locator(".dvn-scroller").evaluate("scroller => { scroller.scrollLeft = 1e6; }")
    page.wait_for_timeout(500)
    cells = grid.locator("td").all_inner_texts()
    # the cells that hold a number (names such as "Studio tip (01 Jun)" are the file's own)
    numbers = [
        cell
        for cell in cells
        if cell and set(cell) <= PERSIAN_DIGITS | LATIN_DIGITS | set("٬٫,.-\u200e")
    ]
    assert numbers, cells[:20]
    assert all(set(cell) & PERSIAN_DIGITS for cell in numbers), numbers[:10]
    assert not set("".join(numbers)) & LATIN_DIGITS, numbers[:10]
    # the first day of the sample is 1 June 2026, written the Persian way
    assert "۱ ژوئن ۲۰۲۶" in cells, cells[:20]


def test_persian_date_range_reads_from_the_earlier_day(browser, app_url: str) -> None:  # type: ignore[no-untyped-def]
    page = open_page(browser, f"{app_url}/cost_per_result?lang=fa")
    box = page.locator("[data-testid=stSidebar] [data-testid=stDateInputField]")

    def drawn(field: str, part: str) -> tuple[str, float]:
        """A day's year, month or day as shown, and where it stands from the left."""
        segment = box.locator(f"[data-range-field={field}] [role=spinbutton][data-type={part}]")
        return segment.inner_text(), segment.bounding_box()["x"]  # type: ignore[index]

    start = {part: drawn("start", part) for part in ("year", "month", "day")}
    end = {part: drawn("end", part) for part in ("year", "month", "day")}
    assert {part: text for part, (text, _) in start.items()} == {
        "year": "2026",
        "month": "06",
        "day": "01",
    }
    assert end["month"][0] == "09" and end["day"][0] == "28"
    # right to left, the reader starts at the right: the earlier day stands there
    assert start["year"][1] > end["day"][1]
    # and each day reads 2026-06-01 left to right, not 01-06-2026
    assert start["year"][1] < start["month"][1] < start["day"][1]


def test_english_cost_per_result_table_is_no_wider_than_the_page(browser, app_url: str) -> None:  # type: ignore[no-untyped-def]
    page = open_page(browser, f"{app_url}/cost_per_result")
    main_width = page.locator("[data-testid=stMainBlockContainer]").evaluate(
        "block => block.clientWidth"
    )
    for view in ("Reach and clicks", "Cost of each result", "Full cost and break-even"):
        page.locator("[data-testid=stButtonGroup]").get_by_text(view, exact=True).click()
        settle(page)
        page.wait_for_function(
            "name => [...document.querySelector('[data-testid=stDataFrame]')"
            ".querySelectorAll('th')].length > 3",
            arg=view,
            timeout=30_000,
        )
        drawn = page.locator("[data-testid=stDataFrame]").first.evaluate(GRID)
        assert drawn["scrollWidth"] <= drawn["clientWidth"] <= main_width, (view, drawn)
        assert drawn["headers"][0] == "Platform", drawn["headers"]
    assert "Click rate (CTR)" not in drawn["headers"]  # the last view has no CTR
