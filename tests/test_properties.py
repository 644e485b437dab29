"""Invariants of the metrics over random tables (docs/DESIGN.md, Testing)."""

from __future__ import annotations

import math

import hypothesis.strategies as st
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings

import smroi
from smroi import Costs, Settings, ValueAssumptions, analyse, by_group, headline, over_time

ADDITIVE = [
    "spend",
    "impressions",
    "clicks",
    "leads",
    "conversions",
    "fixed_cost",
    "cost",
    "return",
    "profit",
    "emv",
    "sales_value",
]
RATIOS = [
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
]
SETTINGS = Settings(
    costs=Costs(
        labour_hours_per_month=10,
        hourly_rate=30,
        tools_per_month=49,
        agency_per_month=100,
        assigned_to={"agency": "linkedin"},
    ),
    values=ValueAssumptions(value_per_lead=20, average_order_value=55, value_per_engagement=0.1),
)
maybe = st.one_of(st.none(), st.integers(0, 5000))


@st.composite
def tables(draw) -> pd.DataFrame:  # type: ignore[no-untyped-def]
    n = draw(st.integers(0, 40))
    column = lambda values: draw(st.lists(values, min_size=n, max_size=n))  # noqa: E731
    frame = pd.DataFrame(
        {
            "date": [
                pd.Timestamp("2026-01-01") + pd.Timedelta(days=d)
                for d in column(st.integers(0, 90))
            ],
            "platform": column(st.sampled_from(["facebook", "instagram", "linkedin", "x"])),
            "campaign": column(st.sampled_from(["A", "B", None])),
            "paid": column(st.booleans()),
            "spend": column(st.one_of(st.none(), st.floats(0, 500, allow_nan=False))),
            "impressions": column(maybe),
            "clicks": column(maybe),
            "engagements": column(maybe),
            "leads": column(maybe),
            "conversions": column(maybe),
            "revenue": column(st.one_of(st.none(), st.floats(0, 9000, allow_nan=False))),
        }
    )
    return smroi.conform(frame)


PROPERTY = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _close(a: float | None, b: float | None) -> bool:
    if a is None or b is None or (isinstance(a, float) and math.isnan(a)):
        return (a is None or math.isnan(a)) and (b is None or math.isnan(b))
    return a == pytest.approx(b, rel=1e-9, abs=1e-6)


@PROPERTY
@given(tables(), st.sampled_from(["platform", "campaign", "paid"]))
def test_group_sums_equal_the_totals(table: pd.DataFrame, column: str) -> None:
    analysis = analyse(table, SETTINGS)
    total = headline(analysis)
    groups = by_group(analysis, column)
    for key in ADDITIVE:
        if key == "profit" and groups[["return", "cost"]].isna().any(axis=None):
            # a group whose return (or cost) is unknown has no profit, yet its cost (or
            # return) still counts in the total's profit
            continue
        # the groups that report it add up to the total; none reports it: neither does the
        # total (blank is not zero, METRICS.md 4b)
        assert _close(groups[key].sum(min_count=1), total[key]), key


@PROPERTY
@given(tables())
def test_weekly_sums_equal_the_totals(table: pd.DataFrame) -> None:
    analysis = analyse(table, SETTINGS)
    total = headline(analysis)
    trend = over_time(analysis, "week")
    if table["date"].isna().all():  # nothing dated: a trend has nothing to draw
        assert trend.empty
        return
    for key in ("spend", "fixed_cost", "cost", "return", "clicks"):
        assert _close(trend[key].sum(min_count=1), total[key]), key


@PROPERTY
@given(tables())
def test_group_ratios_come_from_the_groups_own_sums(table: pd.DataFrame) -> None:
    analysis = analyse(table, SETTINGS)
    groups = by_group(analysis, "platform").set_index("platform")
    rows = analysis.rows
    for platform, group in groups.iterrows():
        own = rows[rows["platform"] == platform]
        paid = own[own["paid"]]
        # sums over the rows that report a measure; none does: undefined (METRICS.md 4b)
        paid_spend = paid["spend"].sum(min_count=1)
        paid_clicks = paid["clicks"].sum(min_count=1)
        clicks, impressions = own["clicks"].sum(min_count=1), own["impressions"].sum()
        assert _close(group["cpc"], paid_spend / paid_clicks if paid_clicks else None)
        assert _close(group["ctr"], clicks / impressions if impressions else None)
        spend, fixed = own["spend"].sum(min_count=1), own["fixed_cost"].sum()
        cost = None if math.isnan(spend) and fixed == 0 else (0 if math.isnan(spend) else spend)
        assert _close(group["cost"], None if cost is None else cost + fixed)


@PROPERTY
@given(tables(), st.sampled_from(smroi.OBJECTIVES))
def test_no_value_is_ever_infinite(table: pd.DataFrame, objective: str) -> None:
    analysis = analyse(table, SETTINGS.with_changes(objective=objective))
    total = headline(analysis)
    for key in RATIOS:
        value = total[key]
        assert value is None or math.isfinite(value), key
    groups = by_group(analysis, ["platform", "campaign"])
    numbers = groups.select_dtypes("number").to_numpy()
    assert not (numbers == math.inf).any() and not (numbers == -math.inf).any()
