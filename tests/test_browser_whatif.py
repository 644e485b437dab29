"""The Goals page's What if panel in Chromium: on the sample data it says why no curve can
be told; with weeks of varied spend it draws the plan's week per platform, with its band,
inside the page on a desktop and on a phone (checked by the elements' positions)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import expect

from tests.browser import settle

pytestmark = pytest.mark.browser

SIZES = [(1440, 900), (390, 844)]


def varied_weeks(path: Path) -> Path:
    """16 whole weeks of three platforms whose weekly spend varies by 15% to 30%."""
    rng = np.random.default_rng(5)
    rows = []
    curves = {"facebook": (60.0, 0.55, 300, 900), "instagram": (9.0, 0.85, 100, 400)}
    curves["linkedin"] = (3.0, 0.9, 150, 250)
    for platform, (a, b, low, high) in curves.items():
        for monday in pd.date_range("2026-03-02", periods=16, freq="7D"):
            spend = round(rng.uniform(low, high), 2)
            revenue = a * spend**b * (1 + rng.normal(0, 0.12))
            rows.append(
                {
                    "date": monday.date(),
                    "period_end": (monday + pd.Timedelta(days=6)).date(),
                    "platform": platform,
                    "paid": "true",
                    "spend": spend,
                    "conversions": round(revenue / 60),
                    "revenue": round(revenue, 2),
                }
            )
    pd.DataFrame(rows).to_csv(path, index=False)
    return path


def what_if_heading(page):  # type: ignore[no-untyped-def]
    # while a rerun draws the page anew, the old heading and the new one are both there for
    # a moment: the last is the new one
    heading = page.locator("h2", has_text="What if").last
    for _attempt in range(3):
        try:
            heading.wait_for(timeout=60_000)
            heading.scroll_into_view_if_needed(timeout=10_000)
            return heading
        except PlaywrightError:
            settle(page)
    heading.scroll_into_view_if_needed()
    return heading


def first_below(page, items, anchor, what: str):  # type: ignore[no-untyped-def]
    """The first of `items` drawn below `anchor`'s bottom edge, waited for: on a loaded
    machine a chart's or a table's frame can come seconds after the text around it."""
    for _attempt in range(60):
        edge = anchor.bounding_box()  # None for a moment while a rerun redraws it
        for i in range(items.count() if edge else 0):
            box = items.nth(i).bounding_box()
            if box and box["y"] >= edge["y"] + edge["height"]:
                return items.nth(i)
        page.wait_for_timeout(500)
    raise AssertionError(f"no {what} came under the one before it in 30 s")


def test_on_the_sample_the_panel_says_why_no_curve_can_be_told(  # type: ignore[no-untyped-def]
    browser, app_url: str
) -> None:
    page = browser.new_context(viewport={"width": 1440, "height": 900}).new_page()
    page.goto(f"{app_url}/goals")
    what_if_heading(page)
    settle(page)
    assert page.get_by_text("No platform's curve can be told yet").count() == 1
    for platform in ("facebook", "instagram", "linkedin"):
        reason = page.get_by_text(f"{platform}: spend barely changed week to week", exact=False)
        assert reason.count() >= 1, platform
    page.context.close()


@pytest.mark.parametrize(("width", "height"), SIZES, ids=["desktop", "phone"])
def test_with_varied_weeks_the_panel_draws_the_plan(  # type: ignore[no-untyped-def]
    browser, app_url: str, tmp_path: Path, width: int, height: int
) -> None:
    page = browser.new_context(viewport={"width": width, "height": height}).new_page()
    page.goto(f"{app_url}/goals")
    what_if_heading(page)
    page.set_input_files(
        "[data-testid=stSidebar] input[type=file]", str(varied_weeks(tmp_path / "weeks.csv"))
    )
    settle(page)
    page.get_by_text("Moving 20% of", exact=False).first.wait_for(timeout=60_000)
    heading = what_if_heading(page)
    settle(page)
    # the sentence with its band, the chart and the table with a band per platform
    sentence = page.locator("[data-testid=stAlert]", has_text="would change profit by about")
    # the review's and the panel's; waited for, as a loaded machine can start one more rerun
    # after the upload's (its elements are redrawn)
    expect(sentence).to_have_count(2, timeout=60_000)
    settle(page)
    assert "(between " in sentence.last.inner_text()
    chart = first_below(page, page.locator("[data-testid=stVegaLiteChart]"), heading, "chart")
    chart.scroll_into_view_if_needed()
    box = chart.bounding_box()
    assert box is not None and box["width"] > 200
    assert box["x"] >= 0 and box["x"] + box["width"] <= width  # inside the page
    # the table of the plan's week comes under the chart, and the note under the table
    table = first_below(page, page.locator("[data-testid=stDataFrame]"), chart, "table")
    table.scroll_into_view_if_needed()
    table_box, chart_box = table.bounding_box(), chart.bounding_box()
    assert table_box is not None and chart_box is not None
    assert table_box["y"] >= chart_box["y"] + chart_box["height"]
    assert table_box["x"] + table_box["width"] <= width
    note = page.get_by_text("Profit here is return - ad spend", exact=False)
    note.wait_for(timeout=30_000)
    note_box = note.bounding_box()
    assert note_box is not None and note_box["y"] >= table_box["y"] + table_box["height"]
    page.context.close()
