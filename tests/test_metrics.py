"""Every formula of docs/METRICS.md sections 2-6 on small tables, against numbers by hand.

The table used by most tests (January 2026, 31 days covered):

| row | date  | platform  | paid | spend | impr.  | clicks | eng. | foll. | leads | sales | rev.   |
|-----|-------|-----------|------|-------|--------|--------|------|-------|-------|-------|--------|
| 1   | 01 Jan| facebook  | yes  | 100   | 10,000 | 100    | 50   |       |       | 5     | 300    |
| 2   | 31 Jan| facebook  | yes  | 50    | 5,000  | 50     | 25   |       |       | 1     | 0      |
| 3   | 15 Jan| linkedin  | yes  | 60    | 2,000  | 20     | 10   |       | 4     |       | blank  |
| 4   | 10 Jan| instagram | no   |       | 3,000  | 30     | 150  | 12    |       | 2     | blank  |

Settings: 10 h x $30 a month; value per lead $25, order $60, engagement $0.10,
follower $2; earned-media rates CPM 7, CPC 1, CPE 0.5.
"""

from __future__ import annotations

import math
from datetime import date

import pandas as pd
import pytest

import smroi
from smroi import (
    Costs,
    EarnedMediaRates,
    Rate,
    Settings,
    ValueAssumptions,
    analyse,
    by_group,
    headline,
    over_time,
)

MONTHS = 31 / (365.25 / 12)  # 1.0184805
FIXED = 300 * MONTHS  # 305.5441
SPEND = 210.0
COST = SPEND + FIXED
SALES_VALUE = 300 + 0 + 2 * 60  # revenue where tracked; row 4: 2 sales x $60
LEAD_VALUE = 4 * 25  # row 3 only: its sales are not tracked
ENGAGEMENT_VALUE = (50 + 25 + 10 + 150) * 0.10
FOLLOWER_VALUE = 12 * 2
RETURN = SALES_VALUE + LEAD_VALUE + ENGAGEMENT_VALUE + FOLLOWER_VALUE  # 567.5
EMV = 3000 / 1000 * 7 + 30 * 1 + 150 * 0.5  # organic row 4 only: 126


def january() -> pd.DataFrame:
    return smroi.conform(
        pd.DataFrame(
            {
                "date": ["2026-01-01", "2026-01-31", "2026-01-15", "2026-01-10"],
                "platform": ["facebook", "facebook", "linkedin", "instagram"],
                "campaign": ["Sale", "Sale", "B2B", "Organic"],
                "element": ["Ad A", "Ad B", "Form", "Post"],
                "paid": [True, True, True, False],
                "spend": [100, 50, 60, None],
                "impressions": [10000, 5000, 2000, 3000],
                "clicks": [100, 50, 20, 30],
                "engagements": [50, 25, 10, 150],
                "followers_gained": [None, None, None, 12],
                "leads": [None, None, 4, None],
                "conversions": [5, 1, None, 2],
                "revenue": [300, 0, None, None],
            }
        )
    )


def settings(**changes) -> Settings:  # type: ignore[no-untyped-def]
    base = Settings(
        costs=Costs(labour_hours_per_month=10, hourly_rate=30),
        values=ValueAssumptions(
            value_per_lead=25,
            average_order_value=60,
            value_per_engagement=0.10,
            value_per_follower=2,
        ),
        earned_media=EarnedMediaRates(rates={"default": Rate(cpm=7, cpc=1, cpe=0.5)}),
    )
    return base.with_changes(**changes)


def totals(table: pd.DataFrame | None = None, **changes) -> dict:  # type: ignore[no-untyped-def]
    return headline(analyse(january() if table is None else table, settings(**changes)))


# ---------------------------------------------------------------- sections 2-4: cost, return


def test_months_covered_is_days_over_the_average_month() -> None:
    assert smroi.months_covered(date(2026, 1, 1), date(2026, 1, 31)) == pytest.approx(MONTHS)
    assert smroi.months_covered(date(2026, 1, 1), date(2026, 1, 1)) == pytest.approx(1 / 30.4375)


def test_period_end_extends_the_days_covered() -> None:
    table = january().assign(period_end=pd.to_datetime(["2026-02-14", None, None, None]))
    assert analyse(table, settings()).months == pytest.approx(45 / 30.4375)


def test_no_dates_counts_one_month_and_says_so() -> None:
    analysis = analyse(january().assign(date=pd.NaT), settings())
    assert analysis.months == 1.0
    assert headline(analysis)["fixed_cost"] == pytest.approx(300.0)
    assert any("no dates" in warning for warning in analysis.warnings)


@pytest.mark.parametrize(
    ("key", "expected"),
    [
        ("spend", SPEND),
        ("fixed_cost", FIXED),
        ("cost", COST),
        ("sales_value", SALES_VALUE),
        ("revenue", 300.0),
        ("lead_value", LEAD_VALUE),
        ("engagement_value", ENGAGEMENT_VALUE),
        ("follower_value", FOLLOWER_VALUE),
        ("emv", EMV),
        ("return", RETURN),
        ("profit", RETURN - COST),
        ("roi_pct", (RETURN - COST) / COST * 100),  # 10.078 %
        ("roas", 300 / 210),  # paid sales value / paid spend
        ("ctr", 200 / 20000),
        ("cpc", 210 / 170),  # paid rows: 100 + 50 + 20 clicks
        ("cpm", 210 / 17000 * 1000),
        ("cpe", 210 / 85),
        ("cpl", 210 / 4),
        ("cpa", 210 / 6),  # paid sales 5 + 1
        ("full_cpl", COST / 4),
        ("full_cpa", COST / 8),  # all sales 5 + 1 + 2
        ("conversion_rate", 8 / 200),
        ("cost_per_result", 210 / 6),  # objective "sales" by default
    ],
    ids=lambda value: value if isinstance(value, str) else "",
)
def test_headline_metric_by_hand(key: str, expected: float) -> None:
    assert totals()[key] == pytest.approx(expected)


@pytest.mark.parametrize(
    ("objective", "expected"),
    [
        ("awareness", 210 / 17000 * 1000),
        ("engagement", 210 / 85),
        ("leads", 210 / 4),
        ("sales", 210 / 6),
    ],
    ids=["awareness-per-1000-impressions", "engagement", "leads", "sales"],
)
def test_cost_per_result_follows_the_objective(objective: str, expected: float) -> None:
    assert totals(objective=objective)["cost_per_result"] == pytest.approx(expected)


def test_earned_media_value_counts_in_return_only_when_turned_on() -> None:
    on = EarnedMediaRates(include_in_roi=True, rates={"default": Rate(cpm=7, cpc=1, cpe=0.5)})
    assert totals(earned_media=on)["return"] == pytest.approx(RETURN + EMV)
    assert totals()["return"] == pytest.approx(RETURN)


def test_with_earned_media_in_return_both_rois_are_there() -> None:
    on = EarnedMediaRates(include_in_roi=True, rates={"default": Rate(cpm=7, cpc=1, cpe=0.5)})
    both = totals(earned_media=on)
    assert both["roi_pct"] == pytest.approx((RETURN + EMV - COST) / COST * 100)
    assert both["roi_without_emv_pct"] == pytest.approx((RETURN - COST) / COST * 100)
    assert totals()["roi_without_emv_pct"] == pytest.approx(totals()["roi_pct"])
    # ROI with earned media is the same figure whether or not it is switched on
    assert both["roi_with_emv_pct"] == pytest.approx((RETURN + EMV - COST) / COST * 100)
    assert totals()["roi_with_emv_pct"] == pytest.approx((RETURN + EMV - COST) / COST * 100)


def test_earned_media_uses_the_platform_rate_before_the_default() -> None:
    rates = EarnedMediaRates(
        rates={"default": Rate(cpm=7, cpc=1, cpe=0.5), "instagram": Rate(cpm=10, cpc=2, cpe=0)}
    )
    assert totals(earned_media=rates)["emv"] == pytest.approx(3 * 10 + 30 * 2 + 0)


def lead_table() -> pd.DataFrame:
    """Row A tracks revenue ($100) and has 3 leads; row B tracks none and has 2 leads."""
    return smroi.conform(
        pd.DataFrame(
            {
                "date": ["2026-03-01", "2026-03-01"],
                "platform": ["facebook", "facebook"],
                "spend": [10, 10],
                "leads": [3, 2],
                "revenue": [100, None],
            }
        )
    )


@pytest.mark.parametrize(
    ("count_lead_value", "expected"),
    [(None, 2 * 25), (True, 5 * 25), (False, 0.0)],
    ids=["automatic-only-untracked-rows", "always", "never"],
)
def test_lead_value_counting(count_lead_value: bool | None, expected: float) -> None:
    values = ValueAssumptions(value_per_lead=25, count_lead_value=count_lead_value)
    result = headline(analyse(lead_table(), Settings(values=values)))
    assert result["lead_value"] == pytest.approx(expected)
    assert result["return"] == pytest.approx(100 + expected)


def test_commissions_add_to_return() -> None:
    table = lead_table().assign(commissions=[7.5, None])
    result = headline(analyse(table, Settings()))
    assert result["commissions"] == 7.5
    assert result["return"] == pytest.approx(100 + 7.5)


def test_revenue_is_undefined_when_no_row_tracks_it() -> None:
    table = january().assign(revenue=float("nan"))
    assert totals(table)["revenue"] is None
    # then every sale is valued at the average order value: 8 x $60
    assert totals(table)["sales_value"] == pytest.approx(8 * 60)


# ---------------------------------------------------------------- zero denominators


def test_undefined_ratios_are_none_never_zero_or_inf() -> None:
    organic_only = smroi.conform(
        pd.DataFrame(
            {
                "date": ["2026-01-01"],
                "platform": ["x"],
                "impressions": [0],
                "clicks": [0],
            }
        )
    )
    result = headline(analyse(organic_only, Settings()))
    for key in (
        "roi_pct",
        "roas",
        "ctr",
        "cpc",
        "cpm",
        "cpe",
        "cpl",
        "cpa",
        "full_cpl",
        "full_cpa",
        "conversion_rate",
        "cost_per_result",
    ):
        assert result[key] is None, key
    # no row reports ad spend and no other cost is entered: nothing says what it cost
    assert result["cost"] is None
    assert result["spend"] is None


def test_group_ratios_are_nan_where_undefined() -> None:
    frame = by_group(analyse(january(), settings()), "platform").set_index("platform")
    assert math.isnan(frame.loc["instagram", "cpc"])  # no paid clicks
    assert math.isnan(frame.loc["instagram", "roi_pct"])  # no spend, so no shared cost
    assert math.isnan(frame.loc["linkedin", "cpa"])  # no sales
    assert not frame.select_dtypes("number").isin([math.inf, -math.inf]).any().any()


# ---------------------------------------------------------------- sharing fixed costs


def test_costs_for_all_platforms_are_shared_by_spend() -> None:
    frame = by_group(analyse(january(), settings()), "platform").set_index("platform")
    assert frame.loc["facebook", "fixed_cost"] == pytest.approx(FIXED * 150 / 210)
    assert frame.loc["linkedin", "fixed_cost"] == pytest.approx(FIXED * 60 / 210)
    assert frame.loc["instagram", "fixed_cost"] == 0.0
    ads = by_group(analyse(january(), settings()), "element").set_index("element")
    assert ads.loc["Ad A", "fixed_cost"] == pytest.approx(FIXED * 100 / 210)


def test_costs_are_shared_evenly_when_nothing_was_spent() -> None:
    table = smroi.conform(
        pd.DataFrame(
            {
                "date": ["2026-01-01", "2026-01-02", "2026-01-02"],
                "platform": ["x", "x", "linkedin"],
                "impressions": [10, 20, 30],
            }
        )
    )
    costs = Costs(tools_per_month=100)
    analysis = analyse(table, Settings(costs=costs))
    frame = by_group(analysis, "platform").set_index("platform")
    total = 100 * 2 / 30.4375
    assert frame.loc["x", "fixed_cost"] == pytest.approx(total / 2)
    assert frame.loc["linkedin", "fixed_cost"] == pytest.approx(total / 2)


def test_a_cost_assigned_to_a_platform_goes_to_it_alone() -> None:
    costs = Costs(
        labour_hours_per_month=10,
        hourly_rate=30,
        agency_per_month=200,
        assigned_to={"agency": "linkedin"},
    )
    frame = by_group(analyse(january(), Settings(costs=costs)), "platform").set_index("platform")
    assert frame.loc["linkedin", "fixed_cost"] == pytest.approx(FIXED * 60 / 210 + 200 * MONTHS)
    assert frame.loc["facebook", "fixed_cost"] == pytest.approx(FIXED * 150 / 210)


def test_a_cost_assigned_to_an_absent_platform_is_still_counted_and_explained() -> None:
    costs = Costs(agency_per_month=200, assigned_to={"agency": "tiktok"})
    analysis = analyse(january(), Settings(costs=costs))
    assert headline(analysis)["cost"] == pytest.approx(SPEND + 200 * MONTHS)
    frame = by_group(analysis, "platform").set_index("platform")
    assert frame.loc["tiktok", "cost"] == pytest.approx(200 * MONTHS)
    assert pd.isna(frame.loc["tiktok", "return"])  # no tiktok rows report any return
    assert any("tiktok" in warning for warning in analysis.warnings)


def test_platform_filter_keeps_the_platforms_own_share() -> None:
    result = headline(analyse(january(), settings(), platforms=["linkedin"]))
    assert result["fixed_cost"] == pytest.approx(FIXED * 60 / 210)
    assert result["spend"] == 60.0


def test_date_filter_sets_the_months_covered() -> None:
    analysis = analyse(january(), settings(), start=date(2026, 1, 1), end=date(2026, 1, 15))
    result = headline(analysis)
    assert analysis.months == pytest.approx(15 / 30.4375)
    assert result["spend"] == 160.0  # rows of 1, 10 and 15 January
    assert result["fixed_cost"] == pytest.approx(300 * 15 / 30.4375)


# ---------------------------------------------------------------- groups and trends


def test_missing_labels_group_as_not_set_and_paid_as_words() -> None:
    table = january().assign(campaign=pd.Categorical(["Sale", "Sale", None, "Organic"]))
    campaigns = by_group(analyse(table, settings()), "campaign")
    assert set(campaigns["campaign"]) == {"Sale", "Organic", "(not set)"}
    paid = by_group(analyse(january(), settings()), "paid").set_index("paid")
    assert paid.loc["paid", "spend"] == 210.0
    assert paid.loc["organic", "impressions"] == 3000


def test_weekly_trend_starts_on_monday_and_spreads_costs_by_days() -> None:
    trend = over_time(analyse(january(), settings()), "week").set_index("period_start")
    # 1 January 2026 is a Thursday: its week starts on Monday 29 December
    assert trend.index[0] == pd.Timestamp("2025-12-29")
    assert trend.loc["2025-12-29", "days"] == 4 and trend.loc["2025-12-29", "partial"]
    assert trend.loc["2025-12-29", "fixed_cost"] == pytest.approx(FIXED * 4 / 31)
    # no rows in the week of 19 January, but its share of the costs
    assert trend.loc["2026-01-19", "spend"] == 0.0
    assert trend.loc["2026-01-19", "fixed_cost"] == pytest.approx(FIXED * 7 / 31)
    assert trend["fixed_cost"].sum() == pytest.approx(FIXED)
    assert trend["return"].sum() == pytest.approx(RETURN)


def test_a_ratio_too_large_to_hold_is_undefined_not_inf() -> None:
    # found by hypothesis: a cost of 5.8e-304 made ROI 1.8e306 before "x 100" overflowed
    table = smroi.conform(
        pd.DataFrame(
            {
                "date": ["2026-01-01"],
                "platform": ["facebook"],
                "paid": [False],
                "spend": [5.4e-304],
                "conversions": [19],
            }
        )
    )
    result = headline(analyse(table, Settings(values=ValueAssumptions(average_order_value=55))))
    assert result["return"] == pytest.approx(19 * 55)
    assert result["roi_pct"] is None
