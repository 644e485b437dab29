"""How sure each number is, as a reader sees it in Chromium on the sample data: the ROI and
cost per sale cards carry their 90% range inside the card (desktop and phone, English and
Persian), the Cost per result table has a "90% range" column beside the click rate and
still fits the page, each page says whether facebook and instagram differ by more than
chance, and the Goals page shows "within normal variation" without an arrow."""

from __future__ import annotations

import re

import pytest

from tests.browser import settle

pytestmark = pytest.mark.browser

SIZES = [(1440, 900), (390, 844)]
VERDICT = "Sales cost less on facebook than on instagram, by more than chance"


def open_page(browser, url: str, width: int = 1440, height: int = 900):  # type: ignore[no-untyped-def]
    page = browser.new_context(viewport={"width": width, "height": height}).new_page()
    page.goto(url)
    page.wait_for_selector("[data-testid=stMetric], [data-testid=stDataFrame]", timeout=90_000)
    settle(page)
    return page


def card(page, label: str):  # type: ignore[no-untyped-def]
    return (
        page.locator("[data-testid=stMetric]")
        .filter(has=page.locator("[data-testid=stMetricLabel]", has_text=label))
        .first
    )


def number(text: str) -> float:
    return float(text.replace("$", "").replace("%", "").replace(",", ""))


@pytest.mark.parametrize(("width", "height"), SIZES, ids=["desktop", "phone"])
def test_the_overview_cards_carry_their_range_inside_them(  # type: ignore[no-untyped-def]
    browser, app_url: str, width: int, height: int
) -> None:
    page = open_page(browser, f"{app_url}/", width, height)
    for label in ("ROI", "Cost per sale"):
        box = card(page, label)
        value = number(box.locator("[data-testid=stMetricValue]").inner_text())
        shown = box.locator("[data-testid=stMetricDelta]")
        found = re.fullmatch(r"90% range: (\S+)–(\S+)", shown.inner_text().strip())
        assert found, shown.inner_text()
        low, high = number(found.group(1)), number(found.group(2))
        assert low < value < high  # the range holds the figure it qualifies
        assert shown.locator("svg").count() == 0  # no arrow: a range is no change
        inner, outer = shown.bounding_box(), box.bounding_box()
        assert inner is not None and outer is not None
        assert (
            outer["x"] <= inner["x"] and inner["x"] + inner["width"] <= outer["x"] + outer["width"]
        )
    if width > 1000:  # cards in one row keep one height: the one with a range is not taller
        heights = {
            round(card(page, label).bounding_box()["height"])
            for label in ("Total cost", "Return", "ROAS", "Cost per sale")
        }
        assert len(heights) == 1, heights
    assert page.get_by_text(VERDICT).count() == 1
    page.context.close()


def test_the_persian_overview_says_the_range_in_persian(browser, app_url: str) -> None:  # type: ignore[no-untyped-def]
    page = open_page(browser, f"{app_url}/?lang=fa", 390, 844)
    shown = card(page, "بازگشت سرمایه").locator("[data-testid=stMetricDelta]").inner_text()
    assert shown.startswith("بازهٔ ۹۰٪:"), shown
    assert set(shown) & set("۰۱۲۳۴۵۶۷۸۹") and not set(shown) & set("0123456789")
    page.context.close()


def test_the_cost_per_result_table_has_a_range_column_and_a_verdict(browser, app_url: str) -> None:  # type: ignore[no-untyped-def]
    page = open_page(browser, f"{app_url}/cost_per_result")
    page.wait_for_selector("[data-testid=stDataFrame] th", state="attached", timeout=60_000)
    grid = page.locator("[data-testid=stDataFrame]").first
    headers = grid.evaluate("g => [...g.querySelectorAll('th')].map(c => c.textContent)")
    assert headers.index("90% range") == headers.index("Click rate (CTR)") + 1, headers
    widths = grid.locator(".dvn-scroller").evaluate("s => [s.scrollWidth, s.clientWidth]")
    assert widths[0] <= widths[1], widths  # the extra column still fits the page
    assert page.get_by_text(VERDICT).count() == 1
    page.context.close()


def test_the_goals_page_marks_a_change_within_normal_variation(browser, app_url: str) -> None:  # type: ignore[no-untyped-def]
    page = open_page(browser, f"{app_url}/goals")
    # September against August: cost per lead $41.99 after $36.48, on 90 and 124 leads
    lead = card(page, "Cost per lead").locator("[data-testid=stMetricDelta]")
    assert lead.inner_text().strip() == "within normal variation"
    assert lead.locator("svg").count() == 0
    # ROI fell from 222% to 130%, beyond what chance would explain: its arrow stays
    roi = card(page, "ROI").locator("[data-testid=stMetricDelta]")
    assert roi.inner_text().strip().startswith("-")
    assert roi.locator("svg").count() == 1
    assert page.get_by_text(VERDICT).count() == 1
    page.context.close()
