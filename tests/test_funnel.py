"""The funnel and audience segments (smroi/funnel.py) against numbers worked out by hand.

The table (March 2026, all paid, objective "sales", order value $50 where revenue is blank):

| row | platform | age   | gender | spend | impr.  | clicks | leads | sales | revenue |
|-----|----------|-------|--------|-------|--------|--------|-------|-------|---------|
| 1   | facebook | 18-24 | female | 100   | 10,000 | 200    | 20    | 8     | 400     |
| 2   | facebook | 18-24 | male   | 50    | 5,000  | 50     | 4     | 1     | 60      |
| 3   | facebook | 25-34 | female | 80    | 8,000  | 160    | 10    | 6     | blank   |
| 4   | linkedin | 25-34 | male   | 120   | 2,000  | 40     | 8     | 0     | blank   |
"""

from __future__ import annotations

import pandas as pd
import pytest

import smroi
from smroi.funnel import (
    best_and_worst_segments,
    dimensions_present,
    funnel,
    funnel_by,
    heatmap,
    segments,
)
from smroi.settings import Settings, ValueAssumptions


def march(leads: list[int] | None = None) -> smroi.Analysis:
    table = smroi.conform(
        pd.DataFrame(
            {
                "date": ["2026-03-01", "2026-03-05", "2026-03-10", "2026-03-31"],
                "platform": ["facebook", "facebook", "facebook", "linkedin"],
                "paid": [True, True, True, True],
                "age": ["18-24", "18-24", "25-34", "25-34"],
                "gender": ["female", "male", "female", "male"],
                "spend": [100, 50, 80, 120],
                "impressions": [10000, 5000, 8000, 2000],
                "clicks": [200, 50, 160, 40],
                "leads": leads or [20, 4, 10, 8],
                "conversions": [8, 1, 6, 0],
                "revenue": [400, 60, None, None],
            }
        )
    )
    settings = Settings(objective="sales", values=ValueAssumptions(average_order_value=50))
    return smroi.analyse(table, settings)


def test_funnel_stages_and_rates_from_sums() -> None:
    stages = funnel(march()).set_index("key")
    assert stages.loc["impressions", "value"] == 25000
    assert stages.loc["clicks", "value"] == 450
    assert stages.loc["leads", "value"] == 42
    assert stages.loc["conversions", "value"] == 15
    # tracked revenue 400 + 60, and 6 untracked sales x $50 (row 4 has no sales)
    assert stages.loc["sales_value", "value"] == pytest.approx(760)
    assert stages.loc["clicks", "rate"] == pytest.approx(450 / 25000)
    assert stages.loc["leads", "rate"] == pytest.approx(42 / 450)
    assert stages.loc["conversions", "rate"] == pytest.approx(15 / 42)
    assert stages.loc["sales_value", "rate"] == pytest.approx(760 / 15)  # per sale
    # no row reports commissions: the stage is undefined, not 0 (METRICS.md 4b)
    assert pd.isna(stages.loc["commissions", "value"])
    assert pd.isna(stages.loc["commissions", "rate"])
    assert pd.isna(stages.loc["impressions", "rate"])  # the first stage has none


def test_a_stage_after_an_empty_stage_has_no_rate() -> None:
    stages = funnel(march(leads=[0, 0, 0, 0])).set_index("key")
    assert pd.isna(stages.loc["conversions", "rate"])  # 15 sales / 0 leads: undefined, not 0
    assert stages.loc["leads", "rate"] == 0.0  # 0 leads / 450 clicks is a real 0


def test_funnel_per_platform_recomputes_rates_from_each_platforms_sums() -> None:
    rows = funnel_by(march(), "platform").set_index("platform")
    assert rows.loc["facebook", "Clicks"] == 410
    assert rows.loc["facebook", "Leads that became sales"] == pytest.approx(15 / 34)
    assert rows.loc["linkedin", "Leads that became sales"] == 0.0
    # 0 sales: sales value per sale is undefined, not 0
    assert pd.isna(rows.loc["linkedin", "Sales value per sale"])


def test_segments_by_age_with_the_volume_rule() -> None:
    frame = segments(march(), "age").set_index("age")
    assert frame.loc["18-24", "spend"] == 150
    assert frame.loc["18-24", "results"] == 9  # objective sales: 8 + 1
    assert frame.loc["18-24", "conversion_rate"] == pytest.approx(9 / 250)
    assert frame.loc["18-24", "cost_per_result"] == pytest.approx(150 / 9)
    assert frame.loc["25-34", "cost_per_result"] == pytest.approx(200 / 6)
    # 250 clicks and 9 sales: enough; 25-34 has 200 clicks and 6 sales: enough too
    assert frame["enough"].tolist() == [True, True]
    by_gender = segments(march(), "gender").set_index("gender")
    assert bool(by_gender.loc["male", "enough"]) is False  # 90 clicks, 1 sale: too few


def test_best_and_worst_need_more_than_enough_volume_they_must_stand_apart() -> None:
    frame = segments(march(), ["age", "gender"])
    best, worst = best_and_worst_segments(frame, "cost_per_result", count=1, objective="sales")
    # Enough volume: 18-24 female ($100, 8 sales of 200 clicks: $12.50 a sale) and 25-34
    # female ($80/6 = $13.33). Neither stands apart from the rest: 18-24 female's 90% range
    # is $7.18 to $22.04 (8 of 200: 2.27% to 6.96%, $100 / (200 x those)) and the other
    # segments together ($250, 7 sales of 250 clicks) run $19.66 to $65.57: they overlap.
    assert bool(frame["enough"].iloc[0]) is True
    assert best.empty and worst.empty


def test_heatmap_pairs_hold_their_own_rates() -> None:
    cells = heatmap(march(), "age", "gender", "conversion_rate").set_index(["age", "gender"])
    assert cells.loc[("18-24", "female"), "conversion_rate"] == pytest.approx(8 / 200)
    assert cells.loc[("25-34", "male"), "conversion_rate"] == 0.0
    assert dimensions_present(march()) == ["age", "gender"]


def test_segment_sums_add_up_to_the_totals() -> None:
    frame = segments(march(), "gender")
    totals = smroi.headline(march())
    for key in ("spend", "clicks", "leads", "conversions", "sales_value"):
        assert frame[key].sum() == pytest.approx(totals[key])


def test_the_funnel_chart_gives_each_rate_its_90_percent_range() -> None:
    from smroi.charts import funnel_chart

    stages = funnel(march())
    spec = funnel_chart(stages, "USD").to_dict()
    rows = {row["key"]: row for row in spec["datasets"][next(iter(spec["datasets"]))]}
    # leads: 42 of 450 clicks. Wilson at 90% (z = 1.6449, z² = 2.7055): centre
    # (0.09333 + 2.7055/900) / (1 + 2.7055/450) = 0.09576; half-width
    # 1.6449 x sqrt(0.09333 x 0.90667 / 450 + 2.7055 / (4 x 450²)) / 1.00601 = 0.02262
    assert rows["leads"]["range_text"] == "7.31%–11.84%"
    assert rows["impressions"]["range_text"] == "—"  # the first step has no rate
    tooltips = [
        tip["title"]
        for layer in spec["layer"]
        for tip in layer.get("encoding", {}).get("tooltip", [])
    ]
    assert "90% range" in tooltips
