"""Chart pictures (PNG and SVG) drawn without a browser, as a user downloads them."""

from __future__ import annotations

import struct

import pandas as pd

from smroi import charts

BY_PLATFORM = pd.DataFrame(
    {
        "platform": ["facebook", "x"],
        "return": [1500.0, 40.0],
        "cost": [1000.0, 0.0],
        "roi_pct": [50.0, None],  # x has no cost: ROI undefined
        "profit": [500.0, 40.0],
    }
)


def test_svg_has_the_title_axis_titles_and_currency() -> None:
    svg = charts.chart_svg(charts.return_vs_cost_by_platform(BY_PLATFORM, "NOK"))
    assert svg.lstrip().startswith("<svg")
    for text in ("Return vs total cost by platform", "Amount (NOK)", "Platform", "facebook"):
        assert text in svg


def test_png_is_drawn_at_twice_the_page_width() -> None:
    png = charts.chart_png(charts.roi_by_platform(BY_PLATFORM))
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", png[16:24])  # the IHDR chunk
    assert width >= 2 * charts.IMAGE_WIDTH and height > 300


def test_an_undefined_roi_is_not_drawn_as_a_bar() -> None:
    svg = charts.chart_svg(charts.roi_by_platform(BY_PLATFORM))
    # one bar (facebook, 50 %): x has no defined ROI and must not show as a 0 % bar
    assert svg.count('aria-roledescription="bar"') == 1
