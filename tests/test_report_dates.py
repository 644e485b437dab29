"""smroi.report_dates: which dates a report can hold, and which rows are dated far from the
others (the rule is in the module's docstring: groups cut at gaps over 90 days, the main
group grows over neighbours no more than twice its span away or holding over 5% of rows,
and what is left is far only if it is at most 5% of the rows)."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from smroi.report_dates import (
    implausible_days,
    implausible_reasons,
    latest_report_day,
    outlier_warning,
    outlying_rows,
)

TODAY = date(2026, 4, 15)


def stamps(values: list[str]) -> pd.Series:
    return pd.Series(pd.to_datetime(values), dtype="datetime64[us]")


def dated(values: list[str] | pd.DatetimeIndex, ends: list[str] | None = None) -> pd.DataFrame:
    frame = pd.DataFrame({"date": pd.to_datetime(list(values))})
    frame["period_end"] = pd.to_datetime(ends) if ends is not None else pd.NaT
    return frame.astype("datetime64[ns]")


# ---------------------------------------------------------------- what a report can hold


def test_a_report_date_is_from_2000_to_a_year_after_today() -> None:
    assert latest_report_day(TODAY) == date(2027, 4, 15)
    assert latest_report_day(date(2028, 2, 29)) == date(2029, 2, 28)
    days = stamps(["1999-12-31", "2000-01-01", "2027-04-15", "2027-04-16", "0226-06-30"])
    days = pd.concat([days, pd.Series([pd.NaT], dtype="datetime64[us]")], ignore_index=True)
    assert implausible_days(days, TODAY).tolist() == [True, False, False, True, True, False]


def test_each_wrong_date_is_named_in_its_reason() -> None:
    days = stamps(["2026-01-01", "2226-06-30", "1899-12-31", "0226-06-30", "2226-06-30"])
    reasons = implausible_reasons(days, implausible_days(days, TODAY), "date", TODAY)
    assert pd.isna(reasons.iloc[0])
    assert reasons.tolist()[1:] == [
        "a date that cannot be a report date in column date (30 Jun 2226)",
        "a date that cannot be a report date in column date (31 Dec 1899)",
        "a date that cannot be a report date in column date (the year 0226)",
        "a date that cannot be a report date in column date (30 Jun 2226)",
    ]


def test_past_ten_distinct_wrong_dates_one_reason_names_the_bounds() -> None:
    days = stamps([f"19{year}-01-01" for year in range(70, 81)])  # 11 years of 1970s
    reasons = implausible_reasons(days, implausible_days(days, TODAY), "period_end", TODAY)
    assert set(reasons) == {
        "a date before 01 Jan 2000 or after 15 Apr 2027 in column period_end, which cannot "
        "be a report date"
    }


# ---------------------------------------------------------------- far from the others


def daily(first: str, last: str) -> list[str]:
    return [f"{day:%Y-%m-%d}" for day in pd.date_range(first, last)]


def test_one_row_in_2016_among_january_to_march_2026_is_far() -> None:
    days = daily("2026-01-01", "2026-03-31")
    days.insert(13, "2016-06-30")
    far = outlying_rows(dated(days))
    assert far.sum() == 1
    assert far.iloc[13]


def test_a_year_typo_on_either_side_is_far() -> None:
    days = [*daily("2026-01-01", "2026-03-31"), "2025-03-15", "2027-01-10"]
    assert outlying_rows(dated(days)).tolist()[-2:] == [True, True]


def test_a_typo_in_the_last_day_of_a_period_is_far() -> None:
    starts = [f"2026-{month:02d}-01" for month in (1, 2, 3)] * 4
    ends = [f"{pd.Timestamp(s) + pd.offsets.MonthEnd(0):%Y-%m-%d}" for s in starts]
    ends[5] = "2036-02-28"
    far = outlying_rows(dated(starts, ends))
    assert far.tolist() == [i == 5 for i in range(12)]


@pytest.mark.parametrize(
    "days",
    [
        daily("2025-01-01", "2025-12-31"),
        # monthly rows over two years, each month its first and last day
        [f"{2024 + m // 12}-{m % 12 + 1:02d}-01" for m in range(24)],
        # quarterly rows over two years: 91-day gaps, but the groups are a quarter each
        [f"{2024 + q // 4}-{3 * (q % 4) + 1:02d}-01" for q in range(8)] * 3,
        # November and December of three years, each season a third of the rows
        [day for year in (2023, 2024, 2025) for day in daily(f"{year}-11-01", f"{year}-12-31")],
        # a campaign in January and another in June, 4% of rows in the first
        [*daily("2025-01-01", "2025-01-04"), *daily("2025-06-01", "2025-08-31")],
        # rows scattered every four months over six years: nothing is "the rest"
        [f"{2020 + m // 3}-{4 * (m % 3) + 1:02d}-15" for m in range(18)],
    ],
    ids=["a-year-daily", "monthly-2-years", "quarterly", "seasons", "two-campaigns", "scattered"],
)
def test_no_row_is_far_in_data_that_spreads_evenly(days: list[str]) -> None:
    assert not outlying_rows(dated(days)).any()


def test_monthly_periods_over_two_years_are_not_far() -> None:
    starts = [f"{2024 + m // 12}-{m % 12 + 1:02d}-01" for m in range(24)]
    ends = [f"{pd.Timestamp(s) + pd.offsets.MonthEnd(0):%Y-%m-%d}" for s in starts]
    assert not outlying_rows(dated(starts, ends)).any()


def test_a_file_of_fewer_than_ten_rows_is_too_small_to_tell() -> None:
    assert not outlying_rows(dated(["2026-01-01", "2016-06-30", "2026-03-31"])).any()
    ten = [*daily("2026-01-01", "2026-01-09"), "2016-06-30"]
    assert outlying_rows(dated(ten)).tolist() == [False] * 9 + [True]


def test_more_than_5_percent_of_rows_far_is_not_flagged() -> None:
    days = daily("2026-01-01", "2026-03-31") + ["2016-06-30"] * 5  # 5 of 95 = 5.3%
    assert not outlying_rows(dated(days)).any()
    days = daily("2026-01-01", "2026-03-31") + ["2016-06-30"] * 4  # 4 of 94 = 4.3%
    assert outlying_rows(dated(days)).sum() == 4


def test_the_warning_says_how_far_monthly_costs_are_stretched() -> None:
    # by hand: 1 Jan - 31 Mar 2026 is 90 days = 90 / 30.4375 = 2.96 months; from 30 Jun
    # 2016 it is 3,562 days = 117.03 months
    one = outlier_warning("ads.csv", [(15, date(2016, 6, 30))], date(2026, 1, 1), date(2026, 3, 31))
    assert one == (
        "ads.csv: row 15 is dated 30 Jun 2016, far from its other rows (01 Jan 2026 – "
        "31 Mar 2026). Monthly costs are counted for every month from the first date to the "
        "last, so this row stretches them from 3.0 to 117.0 months. Leave it out if it is a "
        "typo."
    )
    two = outlier_warning(
        "ads.csv",
        [(4, date(2025, 3, 15)), (15, date(2016, 6, 30))],
        date(2026, 1, 1),
        date(2026, 3, 31),
    )
    assert two == (
        "ads.csv: 2 rows (rows 4, 15) are dated far from its other rows (01 Jan 2026 – "
        "31 Mar 2026), such as row 15 on 30 Jun 2016. Monthly costs are counted for every "
        "month from the first date to the last, so these rows stretch them from 3.0 to "
        "117.0 months. Leave them out if they are typos."
    )
