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
    assert width >= 2 * charts.IMAGE_WIDTH
    # one platform with an ROI: a short figure (title, one thin bar, axis), not a tall block
    assert 2 * 80 < height < 2 * 200


def test_an_undefined_roi_is_not_drawn_as_a_bar() -> None:
    svg = charts.chart_svg(charts.roi_by_platform(BY_PLATFORM))
    # one bar (facebook, 50 %): x has no defined ROI and must not show as a 0 % bar
    assert svg.count('aria-roledescription="bar"') == 1


def test_goal_chart_draws_each_period_against_the_target_line() -> None:
    periods = pd.DataFrame(
        {
            "period_start": pd.to_datetime(["2026-08-01", "2026-09-01"]),
            "actual": [124.0, 90.0],
            "target": [100.0, 100.0],
            "progress_pct": [124.0, 90.0],
            "met": [True, False],
            "days": [31, 28],
            "partial": [False, True],
        }
    )
    svg = charts.chart_svg(charts.goal_chart(periods, "leads", 100, "month", "USD"))
    for text in (
        "Leads per month against the target",
        "Target: 100 a month (dashed line)",
        "Pale bar: a period the data covers only in part",
        "Leads (count)",
        "Aug 2026",
        "Sep 2026",
    ):
        assert text in svg
    assert svg.count('aria-roledescription="bar"') == 2
    assert "stroke-dasharray" in svg  # the target line


def test_cost_per_sale_draws_the_break_even_line_with_its_value() -> None:
    frame = pd.DataFrame({"platform": ["facebook", "instagram"], "cpa": [20.0, 50.0]})
    spec = charts.metric_by_group(
        frame, "platform", "Platform", "cpa", "GBP", break_even=22.5
    ).to_dict()
    assert spec["title"]["text"] == "Cost per sale by platform"
    bars, rule, label, values = spec["layer"]
    assert bars["mark"]["type"] == "bar"
    assert values["mark"]["type"] == "text"  # each bar's value
    assert rule["mark"]["type"] == "rule" and rule["mark"]["strokeDash"] == [6, 4]
    line = spec["datasets"][rule["data"]["name"]]
    assert line == [{"value": 22.5, "text": "Break-even: £22.50"}]
    assert label["encoding"]["text"]["field"] == "text"
    svg = charts.chart_svg(
        charts.metric_by_group(frame, "platform", "Platform", "cpa", "GBP", break_even=22.5)
    )
    assert "Break-even: £22.50" in svg


def test_no_break_even_no_line() -> None:
    frame = pd.DataFrame({"platform": ["facebook"], "cpa": [20.0]})
    spec = charts.metric_by_group(frame, "platform", "Platform", "cpa", "GBP").to_dict()
    assert [layer["mark"]["type"] for layer in spec["layer"]] == ["bar", "text"]


def test_the_break_even_label_reads_away_from_the_nearer_edge() -> None:
    """A line in the right half gets its label on its left, so a phone's narrow chart does not
    cut it off; in the left half, on its right."""
    frame = pd.DataFrame({"platform": ["facebook"], "cpa": [26.67]})
    right = charts.metric_by_group(frame, "platform", "Platform", "cpa", "GBP", break_even=23.33)
    left = charts.metric_by_group(frame, "platform", "Platform", "cpa", "GBP", break_even=5.0)
    assert right.to_dict()["layer"][2]["mark"]["align"] == "right"
    assert left.to_dict()["layer"][2]["mark"]["align"] == "left"
