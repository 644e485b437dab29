"""Goals, period-over-period changes and the review sentences (smroi/goals.py).

Every expected number is worked out by hand from the small tables below, written as
arithmetic on their numbers. Dates: April 2026 has 30 days, May 31; 2026-03-01 is a
Sunday and 2026-03-02 a Monday.
"""

from __future__ import annotations

import math
from datetime import date

import pandas as pd
import pytest

import smroi
from smroi import Costs, Goal, Settings, SettingsError, analyse
from smroi.goals import (
    LOWER_IS_BETTER,
    NOT_A_GOAL,
    RATIOS,
    budget_shift,
    check_goal,
    compare_with_previous,
    goal_periods,
    goal_sentence,
    goal_status,
    goal_title,
    is_summed,
    period_end,
    ranking,
    return_per_cost,
    review,
)
from smroi.registry import METRICS, SUMMARY_KEYS


def table(**columns: list) -> pd.DataFrame:
    return smroi.conform(pd.DataFrame(columns))


def status(frame: pd.DataFrame, goal: Goal, settings: Settings | None = None) -> dict:
    return goal_status(analyse(frame, settings or Settings()), goal)


# ---------------------------------------------------------------- which metric is which


def test_every_registry_metric_is_summed_a_ratio_or_not_a_goal() -> None:
    assert set(METRICS) >= RATIOS
    assert set(METRICS) >= LOWER_IS_BETTER
    for key, metric in METRICS.items():
        kinds = [is_summed(key), key in RATIOS, key in NOT_A_GOAL]
        assert kinds.count(True) == 1, key
        if metric.unit == "count":
            assert is_summed(key), key
        if metric.unit in ("percent", "fraction", "multiple"):
            assert key in RATIOS, key
    # costs are ceilings; a cost per unit is a ratio, a cost in total is summed
    assert {"spend", "cost", "fixed_cost"} <= LOWER_IS_BETTER
    assert is_summed("spend") and "cpl" in RATIOS and "cpl" in LOWER_IS_BETTER
    assert not {"leads", "revenue", "return", "profit", "roi_pct", "ctr"} & LOWER_IS_BETTER


@pytest.mark.parametrize(
    ("goal", "words"),
    [
        (Goal(metric="likes", target=5), "'likes', which is not a number smroi tracks"),
        (Goal(metric="months", target=2), "'months', which is not a number smroi tracks"),
        (Goal(metric="leads", target=5, period="fortnight"), "period 'fortnight'"),
    ],
    ids=["unknown-metric", "months", "unknown-period"],
)
def test_a_goal_that_cannot_be_tracked_is_a_settings_error(goal: Goal, words: str) -> None:
    with pytest.raises(SettingsError, match=words) as caught:
        check_goal(goal, source="my-settings.json")
    assert str(caught.value).startswith("my-settings.json: ")
    assert "\n" not in str(caught.value)
    with pytest.raises(SettingsError):
        goal_periods(analyse(table(date=["2026-04-01"], leads=[1]), Settings()), goal)


@pytest.mark.parametrize(
    ("start", "period", "end"),
    [
        (date(2026, 4, 1), "day", date(2026, 4, 1)),
        (date(2026, 3, 2), "week", date(2026, 3, 8)),  # Monday to Sunday
        (date(2026, 2, 1), "month", date(2026, 2, 28)),
        (date(2024, 2, 1), "month", date(2024, 2, 29)),
        (date(2026, 4, 1), "quarter", date(2026, 6, 30)),
        (date(2026, 1, 1), "year", date(2026, 12, 31)),
    ],
)
def test_period_end_is_the_last_calendar_day(start: date, period: str, end: date) -> None:
    assert period_end(start, period) == end


# ---------------------------------------------------------------- goal_periods


def two_months() -> pd.DataFrame:
    """Leads 5 + 10 in April (all 30 days covered), 4 + 1 in May (1st to 10th only)."""
    return table(
        date=["2026-04-01", "2026-04-20", "2026-05-03", "2026-05-10"],
        platform=["facebook"] * 4,
        leads=[5, 10, 4, 1],
    )


def test_goal_periods_by_month_with_a_partial_last_month() -> None:
    periods = goal_periods(
        analyse(two_months(), Settings()), Goal(metric="leads", target=12, period="month")
    )
    assert list(periods.columns) == [
        "period_start",
        "actual",
        "target",
        "progress_pct",
        "met",
        "days",
        "partial",
    ]
    assert list(periods["period_start"]) == [pd.Timestamp("2026-04-01"), pd.Timestamp("2026-05-01")]
    assert list(periods["actual"]) == [5 + 10, 4 + 1]
    assert list(periods["target"]) == [12.0, 12.0]
    assert periods["progress_pct"].tolist() == pytest.approx([15 / 12 * 100, 5 / 12 * 100])
    assert list(periods["met"]) == [True, False]
    assert list(periods["days"]) == [30, 10]  # April whole; May 1 .. 10
    assert list(periods["partial"]) == [False, True]


def test_weeks_start_on_monday() -> None:
    # Sunday 1 March is the last day of the week from Monday 23 February
    frame = table(date=["2026-03-01", "2026-03-02", "2026-03-08"], leads=[1, 2, 3])
    periods = goal_periods(
        analyse(frame, Settings()), Goal(metric="leads", target=4, period="week")
    )
    assert list(periods["period_start"]) == [pd.Timestamp("2026-02-23"), pd.Timestamp("2026-03-02")]
    assert all(start.weekday() == 0 for start in periods["period_start"])
    assert list(periods["actual"]) == [1, 2 + 3]
    assert list(periods["days"]) == [1, 7]
    assert list(periods["partial"]) == [True, False]
    assert list(periods["met"]) == [False, True]


def test_a_target_of_zero_has_no_progress_percentage() -> None:
    periods = goal_periods(analyse(two_months(), Settings()), Goal(metric="leads", target=0))
    assert periods["progress_pct"].isna().all()
    assert periods["met"].all()


def test_goal_periods_without_dates_is_empty() -> None:
    frame = table(platform=["facebook"], leads=[3])
    periods = goal_periods(analyse(frame, Settings()), Goal(metric="leads", target=1))
    assert periods.empty
    assert "progress_pct" in periods


# ---------------------------------------------------------------- goal_status


def april_leads(first: float = 5, tenth: float = 7) -> pd.DataFrame:
    """Leads on 1 and 10 April 2026: 5 + 7 = 12 by the 10th of a 30-day month."""
    return table(date=["2026-04-01", "2026-04-10"], platform=["linkedin"] * 2, leads=[first, tenth])


def test_goal_status_mid_month() -> None:
    result = status(april_leads(), Goal(metric="leads", target=30, period="month"))
    assert result == {
        "metric": "leads",
        "period": "month",
        "period_start": "2026-04-01",
        "period_end": "2026-04-30",
        "target": 30.0,
        "actual": 12,
        "progress_pct": pytest.approx(12 / 30 * 100),  # 40 %
        "met": False,
        "days_covered": 10,
        "days_in_period": 30,
        "days_left": 30 - 10,
        "needed_per_day": pytest.approx((30 - 12) / 20),  # 0.9 a day
        "on_pace": True,  # 12 in 10 days = 1.2 a day; the target needs 30 / 30 = 1
    }
    assert type(result["actual"]) is int


def test_goal_status_behind_pace() -> None:
    result = status(april_leads(3, 5), Goal(metric="leads", target=30))
    assert result["progress_pct"] == pytest.approx(8 / 30 * 100)
    assert result["needed_per_day"] == pytest.approx((30 - 8) / 20)  # 1.1 a day
    assert result["on_pace"] is False  # 8 in 10 days = 0.8 a day < 1


def test_goal_status_already_met_needs_nothing_more() -> None:
    result = status(april_leads(), Goal(metric="leads", target=10))
    assert result["met"] is True
    assert result["progress_pct"] == pytest.approx(120.0)
    assert result["needed_per_day"] == 0.0
    assert result["on_pace"] is True


def test_goal_status_in_the_latest_of_two_months() -> None:
    result = status(two_months(), Goal(metric="leads", target=12, period="month"))
    assert (result["period_start"], result["period_end"]) == ("2026-05-01", "2026-05-31")
    assert result["actual"] == 4 + 1
    assert result["days_covered"] == 10
    assert result["days_in_period"] == 31
    assert result["days_left"] == 31 - 10
    assert result["needed_per_day"] == pytest.approx((12 - 5) / 21)
    assert result["on_pace"] is True  # 5 / 10 = 0.5 a day >= 12 / 31 = 0.387


def test_goal_status_with_no_days_left_needs_no_pace() -> None:
    # the data ends on Sunday 8 March, the last day of its week
    frame = table(date=["2026-03-02", "2026-03-08"], leads=[2, 3])
    result = status(frame, Goal(metric="leads", target=100, period="week"))
    assert (result["period_start"], result["period_end"]) == ("2026-03-02", "2026-03-08")
    assert result["days_left"] == 0
    assert result["needed_per_day"] is None
    assert result["on_pace"] is False  # 5 in 7 days < 100 in 7 days


def test_a_lower_is_better_goal_is_met_below_its_target() -> None:
    # paid: 80 spent for 10 leads, cost per lead 80 / 10 = 8 against a ceiling of 10
    frame = table(
        date=["2026-04-01", "2026-04-10"],
        platform=["facebook"] * 2,
        paid=[True, True],
        spend=[30, 50],
        leads=[4, 6],
    )
    cpl = status(frame, Goal(metric="cpl", target=10))
    assert cpl["actual"] == pytest.approx(80 / 10)
    assert cpl["met"] is True
    assert cpl["progress_pct"] == pytest.approx(8 / 10 * 100)
    assert cpl["needed_per_day"] is None  # a ratio has no per-day pace
    assert cpl["on_pace"] is None
    assert status(frame, Goal(metric="cpl", target=7))["met"] is False
    # a budget is a ceiling too, and summed: 80 of 100 is within it
    spend = status(frame, Goal(metric="spend", target=100))
    assert (spend["actual"], spend["met"]) == (pytest.approx(80.0), True)
    assert spend["needed_per_day"] is None
    assert spend["on_pace"] is None
    assert status(frame, Goal(metric="spend", target=70))["met"] is False


def test_a_ratio_goal_has_no_needed_per_day() -> None:
    # ROI = (150 - 100) / 100 x 100 = 50 %; CTR = 25 / 1000
    frame = table(
        date=["2026-04-01", "2026-04-10"],
        platform=["facebook"] * 2,
        paid=[True, False],
        spend=[100, None],
        impressions=[600, 400],
        clicks=[15, 10],
        revenue=[150, 0],
    )
    roi = status(frame, Goal(metric="roi_pct", target=40))
    assert roi["actual"] == pytest.approx(50.0)
    assert roi["progress_pct"] == pytest.approx(50 / 40 * 100)
    assert roi["met"] is True
    assert roi["needed_per_day"] is None
    assert roi["on_pace"] is None
    ctr = status(frame, Goal(metric="ctr", target=0.03))
    assert ctr["actual"] == pytest.approx(25 / 1000)
    assert ctr["met"] is False
    assert ctr["needed_per_day"] is None


def test_a_summed_money_goal_has_a_pace() -> None:
    # revenue 150 + 0 by 10 April against 600 for the month: (600 - 150) / 20 a day
    frame = table(date=["2026-04-01", "2026-04-10"], spend=[100, None], revenue=[150, 0])
    result = status(frame, Goal(metric="revenue", target=600))
    assert result["actual"] == pytest.approx(150.0)
    assert result["needed_per_day"] == pytest.approx(22.5)
    assert result["on_pace"] is False  # 15 a day < 20 a day


def test_an_undefined_actual_is_not_met_and_has_no_pace() -> None:
    # no row tracks revenue, so revenue is undefined (not 0)
    result = status(april_leads(), Goal(metric="revenue", target=100))
    assert result["actual"] is None
    assert result["progress_pct"] is None
    assert result["met"] is False
    assert result["needed_per_day"] is None
    assert result["on_pace"] is None


def test_goal_status_without_dates_says_nothing_it_cannot_know() -> None:
    result = status(table(platform=["x"], leads=[4]), Goal(metric="leads", target=10))
    assert result["metric"] == "leads"
    assert result["target"] == 10.0
    assert all(
        result[key] is None
        for key in ("period_start", "period_end", "actual", "progress_pct", "needed_per_day")
    )


def test_goal_titles_say_a_cost_is_a_ceiling() -> None:
    assert goal_title(Goal(metric="leads", target=100, period="month"), "USD") == (
        "Leads: 100 a month"
    )
    assert goal_title(Goal(metric="spend", target=150, period="week"), "NOK") == (
        "Ad spend: at most 150.00 kr a week"
    )
    assert goal_title(Goal(metric="roi_pct", target=50, period="quarter"), "USD") == (
        "ROI: 50.0% a quarter"
    )


def test_goal_sentences_say_where_each_goal_stands() -> None:
    def said(frame: pd.DataFrame, goal: Goal, currency: str = "USD") -> tuple[str, str]:
        return goal_sentence(status(frame, goal), currency)

    # 12 leads by 10 April: 18 more over 20 days is 0.90 a day
    assert said(april_leads(), Goal(metric="leads", target=30)) == (
        "on_pace",
        "On pace: 0.90 a day is needed over the 20 days left to reach 30 by 30 Apr 2026.",
    )
    # 8 by 10 April: 22 over 20 days is 1.10 a day, and 0.8 a day so far is behind
    assert said(april_leads(3, 5), Goal(metric="leads", target=30)) == (
        "behind",
        "Behind pace: 1.10 a day is needed over the 20 days left to reach 30 by 30 Apr 2026.",
    )
    assert said(april_leads(), Goal(metric="leads", target=10)) == ("met", "Target met.")
    week = table(date=["2026-03-02", "2026-03-08"], leads=[2, 3])
    assert said(week, Goal(metric="leads", target=100, period="week")) == (
        "behind",
        "The week ended 95 short of the target.",
    )
    paid = table(
        date=["2026-04-01", "2026-04-10"],
        platform=["facebook"] * 2,
        paid=[True, True],
        spend=[30, 50],
        leads=[4, 6],
    )
    assert said(paid, Goal(metric="cpl", target=10), "NOK") == (
        "met",
        "Within the limit of 10.00 kr.",
    )
    assert said(paid, Goal(metric="spend", target=70)) == (
        "over",
        "Over the limit of $70.00 by $10.00.",
    )
    roi = table(date=["2026-04-01"], platform=["x"], paid=[True], spend=[100], revenue=[150])
    assert said(roi, Goal(metric="roi_pct", target=80)) == (
        "info",
        "30.0% to go. A ratio has no daily pace: it moves with the whole month's sums.",
    )
    assert said(april_leads(), Goal(metric="revenue", target=100)) == (
        "info",
        "No tracked revenue to measure in this month yet.",
    )


# ---------------------------------------------------------------- compare_with_previous


def march_april() -> pd.DataFrame:
    """March: 50 spent, 100 clicks, no leads. April 1 .. 15: 75 spent, 100 clicks, 6 leads."""
    return table(
        date=["2026-03-01", "2026-03-31", "2026-04-15"],
        platform=["facebook"] * 3,
        paid=[True, True, True],
        spend=[20, 30, 75],
        clicks=[60, 40, 100],
        leads=[None, 0, 6],
    )


def test_compare_with_previous_month() -> None:
    frame = compare_with_previous(analyse(march_april(), Settings()), "month")
    assert list(frame["metric"]) == list(SUMMARY_KEYS)
    rows = frame.set_index("metric")
    assert rows.loc["spend", "latest"] == 75
    assert rows.loc["spend", "previous"] == 20 + 30
    assert rows.loc["spend", "change"] == 75 - 50
    assert rows.loc["spend", "change_pct"] == pytest.approx(25 / 50 * 100)
    assert rows.loc["clicks", "change"] == 0
    assert rows.loc["clicks", "change_pct"] == 0
    assert rows.loc["cpc", "latest"] == pytest.approx(75 / 100)
    assert rows.loc["cpc", "previous"] == pytest.approx(50 / 100)
    assert rows.loc["cpc", "change_pct"] == pytest.approx((0.75 - 0.5) / 0.5 * 100)
    # a zero before: the change is there, its percentage is not
    assert rows.loc["leads", "change"] == 6
    assert math.isnan(rows.loc["leads", "change_pct"])
    # CPL was undefined in March (no leads): no change either way
    assert rows.loc["cpl", "latest"] == pytest.approx(75 / 6)
    assert math.isnan(rows.loc["cpl", "previous"])
    assert math.isnan(rows.loc["cpl", "change"])
    assert math.isnan(rows.loc["cpl", "change_pct"])
    # April is covered 1 .. 15 only: a part compared with a whole
    assert frame["latest_partial"].all()
    assert not frame["previous_partial"].any()
    assert frame.attrs["latest_start"] == "2026-04-01"
    assert frame.attrs["previous_start"] == "2026-03-01"


def test_compare_with_a_negative_previous_value_uses_its_size() -> None:
    # profit: March -50 (spend 50, no return); April 150 - 75 = 75: change 125 = 250 % of 50
    frame = march_april().assign(revenue=[None, None, 150.0])
    rows = compare_with_previous(analyse(frame, Settings()), "month").set_index("metric")
    assert rows.loc["profit", "previous"] == -50
    assert rows.loc["profit", "change"] == 125
    assert rows.loc["profit", "change_pct"] == pytest.approx(125 / 50 * 100)


def test_compare_with_only_one_period_has_no_previous() -> None:
    frame = compare_with_previous(analyse(april_leads(), Settings()), "month")
    rows = frame.set_index("metric")
    assert rows.loc["leads", "latest"] == 12
    assert frame["previous"].isna().all()
    assert frame["change_pct"].isna().all()
    assert frame.attrs["previous_start"] is None


def test_compare_with_an_unknown_period_is_refused() -> None:
    with pytest.raises(ValueError, match="fortnight"):
        compare_with_previous(analyse(april_leads(), Settings()), "fortnight")


# ---------------------------------------------------------------- review and budget shift


def three_platforms(currency: str = "USD") -> tuple[pd.DataFrame, Settings]:
    """No dates, so 1 month of tools (30) shared by spend: linkedin 20, instagram 10, x 0.

    linkedin: cost 100 + 20 = 120, return 372 -> 3.1x; ROAS 372 / 100 = 3.72
    instagram: cost 50 + 10 = 60, return 24 -> 0.4x; ROAS 24 / 50 = 0.48
    x: organic, no cost, return 30
    """
    frame = table(
        platform=["linkedin", "instagram", "x"],
        campaign=["B2B", "Reels", "Threads"],
        paid=[True, True, False],
        spend=[100, 50, None],
        impressions=[5000, 8000, 1000],
        revenue=[372, 24, 30],
    )
    return frame, Settings(currency=currency, costs=Costs(tools_per_month=30))


def test_return_per_cost_is_return_over_total_cost_best_first() -> None:
    frame, settings = three_platforms()
    ranked = return_per_cost(analyse(frame, settings))
    assert list(ranked["group"]) == ["linkedin", "instagram", "x"]
    assert ranked["cost"].tolist()[:2] == pytest.approx([100 + 20, 50 + 10])
    assert pd.isna(ranked["cost"].iloc[2])  # x reports no spend and has no share of the tools
    assert ranked["return"].tolist() == pytest.approx([372, 24, 30])
    assert ranked["return_per_cost"].iloc[0] == pytest.approx(372 / 120)
    assert ranked["return_per_cost"].iloc[1] == pytest.approx(24 / 60)
    assert math.isnan(ranked["return_per_cost"].iloc[2])


def test_review_sentences_rank_platforms_by_return_per_cost() -> None:
    frame, settings = three_platforms()
    assert review(analyse(frame, settings)) == [
        "linkedin returns 3.10x its cost: each $1.00 of cost there brings back $3.10.",
        "instagram returns 0.40x its cost: each $1.00 of cost there brings back $0.40.",
        "Money comes back on linkedin: return at least covers cost.",
        "Money does not come back on instagram: return is less than cost.",
        "x has no cost assigned, so its return cannot be compared.",
    ]


def test_review_uses_the_settings_currency_and_other_groupings() -> None:
    frame, settings = three_platforms("NOK")
    sentences = review(analyse(frame, settings), by="campaign")
    assert sentences[0] == (
        "B2B returns 3.10x its cost: each 1.00 kr of cost there brings back 3.10 kr."
    )
    # paid vs organic: paid costs 180 and returns 372 + 24 = 396 -> 2.2x
    by_paid = review(analyse(frame, settings), by="paid")
    assert (
        by_paid[0] == "paid returns 2.20x its cost: each 1.00 kr of cost there brings back 2.20 kr."
    )
    assert by_paid[-1] == "organic has no cost assigned, so its return cannot be compared."


def test_review_of_many_groups_names_the_best_and_worst_three() -> None:
    # eight paid campaigns, each 10 of spend and no fixed cost: return r gives r / 10
    returns = [80, 5, 30, 60, 1, 20, 40, 12]
    frame = table(
        platform=["facebook"] * 8,
        campaign=[f"c{r}" for r in returns],
        paid=[True] * 8,
        spend=[10] * 8,
        revenue=returns,
    )
    sentences = review(analyse(frame, Settings(costs=Costs(tools_per_month=0))), "campaign")
    assert [s.split(" returns ")[0] for s in sentences[:3]] == ["c80", "c60", "c40"]
    assert sentences[3] == "2 more lie between (see the table)."
    assert [s.split(" returns ")[0] for s in sentences[4:7]] == ["c12", "c5", "c1"]
    assert sentences[4].startswith("c12 returns 1.20x its cost")
    assert sentences[7] == (
        "Money comes back on c80, c60, c40, c30, c20 and 1 other: return at least covers cost."
    )
    assert sentences[8] == "Money does not come back on c5 and c1: return is less than cost."
    assert len(sentences) == 9


def test_ranking_puts_the_highest_roi_first_and_no_cost_last() -> None:
    frame, settings = three_platforms()
    ranked = ranking(analyse(frame, settings))
    assert list(ranked["platform"]) == ["linkedin", "instagram", "x"]
    # linkedin (372 - 120) / 120 = 210 %; instagram (24 - 60) / 60 = -60 %; x no cost
    assert ranked["roi_pct"].iloc[0] == pytest.approx(210)
    assert ranked["roi_pct"].iloc[1] == pytest.approx(-60)
    assert pd.isna(ranked["roi_pct"].iloc[2])


def test_review_of_nothing_is_silent() -> None:
    assert review(analyse(smroi.empty_table(), Settings())) == []


def test_budget_shift_moves_a_share_from_the_weakest_to_the_strongest() -> None:
    # tests/test_budget_curves.py's weeks: linkedin returns 40 x sqrt(spend) a week (ROAS
    # 40 x (10 + … + 17) / 1500 = 2.88), instagram 2 x spend (ROAS 2); average weeks
    # 187.5 and 85
    from tests.test_budget_curves import two_platforms

    shift = budget_shift(analyse(two_platforms(), Settings()))
    assert shift is not None
    assert (shift["from"], shift["to"]) == ("instagram", "linkedin")
    assert shift["from_roas"] == pytest.approx(2)
    assert shift["to_roas"] == pytest.approx(40 * 108 / 1500)
    assert shift["amount"] == pytest.approx(0.2 * 85)  # 17 a week
    # a straight line would say +17 x (2.88 - 2) = +14.96; the curve flattens: linkedin's
    # next dollar brings 40 x 0.5 / sqrt(187.5) = 1.46, less than instagram's 2
    change = 40 * (204.5**0.5 - 187.5**0.5) + 2 * (68 - 85)  # -9.71
    assert shift["return_change"] == pytest.approx(change, abs=1e-4)
    assert shift["return_change_low"] == pytest.approx(change, abs=1e-4)  # exact weeks: no band
    assert "would change profit by about -$9.71 a week" in shift["sentence"]
    half = budget_shift(analyse(two_platforms(), Settings()), share=0.5)
    assert half is not None
    assert half["amount"] == pytest.approx(42.5)
    assert half["return_change"] == pytest.approx(
        40 * (230**0.5 - 187.5**0.5) + 2 * (42.5 - 85), abs=1e-4
    )


def test_budget_shift_without_weeks_says_why_it_cannot_project() -> None:
    frame, settings = three_platforms()  # no dates: no weeks
    shift = budget_shift(analyse(frame, settings))
    assert shift is not None
    assert shift["return_change"] is None
    assert shift["sentence"] == (
        "What moving 20% of instagram's ad spend to linkedin would bring cannot be projected "
        "yet: instagram has 0 whole weeks with ad spend; a curve needs at least 6: its curve "
        "cannot be told yet. linkedin has 0 whole weeks with ad spend; a curve needs at least "
        "6: its curve cannot be told yet."
    )


def test_budget_shift_needs_two_groups_with_ad_spend() -> None:
    frame, settings = three_platforms()
    one_spender = frame[frame["platform"] != "instagram"]
    assert budget_shift(analyse(one_spender, settings)) is None
    same_roas = table(platform=["a", "b"], spend=[10, 20], revenue=[30, 60])
    assert budget_shift(analyse(same_roas, Settings())) is None
    assert budget_shift(analyse(smroi.empty_table(), Settings())) is None
    with pytest.raises(ValueError, match="share"):
        budget_shift(analyse(frame, settings), share=1.5)
