"""The Overview answers first: the coloured verdict and the ROI are on the first screen,
on a desktop and on a phone, in English, Norwegian and Persian (checked by the elements'
positions, not by pixels)."""

from __future__ import annotations

import pytest

from smroi import metric_label
from tests.browser import settle

pytestmark = pytest.mark.browser

SIZES = [(1440, 900), (390, 844)]


@pytest.mark.parametrize("lang", ["en", "nb", "fa"])
@pytest.mark.parametrize(("width", "height"), SIZES, ids=["desktop", "phone"])
def test_the_verdict_and_roi_are_above_the_fold(  # type: ignore[no-untyped-def]
    browser, app_url: str, lang: str, width: int, height: int
) -> None:
    page = browser.new_context(viewport={"width": width, "height": height}).new_page()
    page.goto(f"{app_url}/?lang={lang}")
    page.wait_for_selector("[data-testid=stMetric]", timeout=60_000)
    settle(page)
    # the sample paid for itself: its verdict is the green box (st.success)
    verdict = page.locator("[data-testid=stAlertContentSuccess]")
    assert verdict.count() == 1
    roi = (
        page.locator("[data-testid=stMetric]")
        .filter(
            has=page.locator("[data-testid=stMetricLabel]", has_text=metric_label("roi_pct", lang))
        )
        .first
    )
    verdict_box, roi_box = verdict.bounding_box(), roi.bounding_box()
    assert verdict_box is not None and roi_box is not None
    assert verdict_box["y"] + verdict_box["height"] <= height
    assert roi_box["y"] + roi_box["height"] <= height
    assert verdict_box["y"] < roi_box["y"]  # the verdict first, then the figure
    # nothing but the sample's notice and the title stand above the verdict
    cards_above = page.evaluate(
        "y => [...document.querySelectorAll('[data-testid=stMetric]')]"
        ".filter(e => e.getBoundingClientRect().y < y).length",
        verdict_box["y"],
    )
    assert cards_above == 0
    page.context.close()
