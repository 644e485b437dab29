"""How sure each rate is (smroi/intervals.py, docs/METRICS.md "How sure is each rate?"),
against intervals worked out by hand.

Wilson's 90% interval of x successes in n trials, with z = 1.644854 (z² = 2.705543):
    centre = (p + z²/2n) / (1 + z²/n),  half = z / (1 + z²/n) x sqrt(p(1-p)/n + z²/4n²)
    low, high = centre - half, centre + half, where p = x / n.
"""

from __future__ import annotations

import math

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

import smroi
from smroi.goals import compare_with_previous
from smroi.intervals import (
    Interval,
    Tally,
    about,
    compare_sentence,
    cost_interval,
    intervals_of,
    more_trials_to_tell,
    overlap,
    proportion_interval,
    stands_apart,
    within_normal_variation,
)
from smroi.settings import Settings

# ---------------------------------------------------------------- rates, by hand


def test_12_of_300() -> None:
    # p = 0.04, z²/n = 0.0090185
    # centre = (0.04 + 0.0045092) / 1.0090185 = 0.044111
    # half = 1.644854 / 1.0090185 x sqrt(0.0384/300 + 2.705543/360000)
    #      = 1.630153 x sqrt(0.000128 + 0.0000075154) = 1.630153 x 0.0116411 = 0.018977
    interval = proportion_interval(12, 300)
    assert interval is not None
    assert interval.low == pytest.approx(0.044111 - 0.018977, abs=2e-6)  # 0.025134
    assert interval.high == pytest.approx(0.044111 + 0.018977, abs=2e-6)  # 0.063088


def test_0_of_n_starts_at_exactly_0() -> None:
    # p = 0: centre = (z²/40) / (1 + z²/20) = 0.0676386 / 1.1352772 = 0.059579, and half is
    # the same (z / 1.1352772 x z/40 = 1.448857 x 0.0411214), so low = 0, high = 0.119158:
    # no sale in 20 clicks still allows a rate of up to about 12%
    assert proportion_interval(0, 20) == Interval(0.0, pytest.approx(0.119158, abs=2e-6))


def test_n_of_n_ends_at_exactly_1() -> None:
    # the mirror of 0 of 20: 1 - 0.119158 = 0.880842 to 1
    assert proportion_interval(20, 20) == Interval(pytest.approx(0.880842, abs=2e-6), 1.0)


@pytest.mark.parametrize(
    ("successes", "trials"),
    [(0, 0), (5, 0), (None, 100), (5, None), (11, 10), (-1, 10), (math.nan, 10)],
    ids=["0 of 0", "5 of 0", "no successes", "no trials", "more than trials", "negative", "nan"],
)
def test_no_interval_without_a_share(successes: float | None, trials: float | None) -> None:
    assert proportion_interval(successes, trials) is None


def test_a_cost_per_lead_divides_the_cost_by_the_rates_bounds() -> None:
    # $600 for 12 leads from 300 clicks: $50 a lead. Leads = clicks x rate, rate 90% between
    # 0.025134 and 0.063088 (above): $600 / (300 x 0.063088) = $600 / 18.9265 = $31.70 to
    # $600 / (300 x 0.025134) = $600 / 7.5403 = $79.57
    interval = cost_interval(600, 12, 300)
    assert interval is not None
    assert interval.low == pytest.approx(31.70, abs=0.01)
    assert interval.high == pytest.approx(79.57, abs=0.01)


def test_a_cost_per_result_without_a_result_has_no_interval() -> None:
    assert cost_interval(600, 0, 300) is None  # no lead: no cost per lead, no range
    assert cost_interval(600, 12, 0) is None  # no clicks: nothing to draw the rate from
    assert cost_interval(None, 12, 300) is None


def table(rows: list[dict[str, object]]) -> pd.DataFrame:
    return smroi.conform(pd.DataFrame(rows))


def test_the_headline_intervals_from_the_counts_behind_them() -> None:
    # 2 paid rows: $600, 10,000 impressions, 300 clicks, 12 sales worth $900; no other cost
    analysis = smroi.analyse(
        table(
            [
                {
                    "date": f"2026-03-0{day}",
                    "platform": "facebook",
                    "paid": True,
                    "spend": 300,
                    "impressions": 5000,
                    "clicks": 150,
                    "conversions": 6,
                    "revenue": 450,
                }
                for day in (1, 2)
            ]
        ),
        Settings(objective="sales"),
    )
    totals = smroi.headline(analysis)
    ranges = intervals_of(totals, smroi.paid_counts(analysis).iloc[0].to_dict(), "sales")
    # CTR 300 of 10,000: p = 0.03, z²/n = 0.00027055; centre = 0.030135277 / 1.00027055
    # = 0.0301271; half = 1.644409 x sqrt(0.00000291 + 0.0000000067639) = 0.0028084
    assert ranges["ctr"] == (
        pytest.approx(0.0273187, abs=2e-6),
        pytest.approx(0.0329355, abs=2e-6),
    )
    # conversion rate 12 of 300 and cost per sale $600 / 12 as above
    assert ranges["conversion_rate"] == (
        pytest.approx(0.025134, abs=2e-6),
        pytest.approx(0.063088, abs=2e-6),
    )
    assert ranges["cpa"] == (pytest.approx(31.70, abs=0.01), pytest.approx(79.57, abs=0.01))
    assert ranges["cost_per_result"] == ranges["cpa"]  # objective sales
    # ROI = ($900 - $600) / $600 = 50%. Only the sales move: at 300 x 0.025134 = 7.540
    # sales worth $75 each, return is $565.52 and ROI (565.52 - 600) / 600 = -5.75%; at
    # 300 x 0.063088 = 18.926 sales, return $1,419.49 and ROI 136.58%
    assert ranges["roi_pct"] == (pytest.approx(-5.75, abs=0.01), pytest.approx(136.58, abs=0.01))
    assert ranges["cpl"] is None  # no leads in the files
    assert ranges["cpe"] is None


# ---------------------------------------------------------------- invariants

counts = st.integers(min_value=1, max_value=100_000).flatmap(
    lambda n: st.tuples(st.integers(min_value=0, max_value=n), st.just(n))
)


@given(counts)
def test_the_interval_holds_the_rate(pair: tuple[int, int]) -> None:
    successes, trials = pair
    interval = proportion_interval(successes, trials)
    assert interval is not None
    assert 0.0 <= interval.low <= successes / trials <= interval.high <= 1.0


@given(counts, st.integers(min_value=2, max_value=50))
def test_the_same_rate_on_more_trials_is_surer(pair: tuple[int, int], times: int) -> None:
    successes, trials = pair
    fewer = proportion_interval(successes, trials)
    more = proportion_interval(successes * times, trials * times)
    assert fewer is not None and more is not None
    assert more.high - more.low < fewer.high - fewer.low


@given(counts, st.floats(min_value=0.01, max_value=1e6))
def test_a_cost_per_result_lies_in_its_interval(pair: tuple[int, int], cost: float) -> None:
    successes, trials = pair
    interval = cost_interval(cost, successes, trials)
    if successes == 0:
        assert interval is None
        return
    assert interval is not None
    assert interval.low <= cost / successes * (1 + 1e-12)
    assert cost / successes <= interval.high * (1 + 1e-12)


# ---------------------------------------------------------------- telling two apart


def test_how_many_more_clicks_would_tell_instagram_from_linkedin() -> None:
    # Instagram: $300 for 6 sales of 200 clicks ($50 a sale); LinkedIn: $300 for 3 of 200
    # ($100 a sale). Their 90% ranges, $26.34-$96.21 and $40.61-$249.57, overlap. At the
    # same cost per click and rates, the normal approximation says they part once each has
    # N = z² (sqrt(p1 q1) + sqrt(p2 q2))² / (p1 - p2)² = 2.7055 x (0.17059 + 0.12155)² /
    # 0.015² = 1,026 clicks, about 826 more; Wilson's own ranges part after 858 more.
    instagram, linkedin = Tally("Instagram", 6, 200, 300.0), Tally("LinkedIn", 3, 200, 300.0)
    more = more_trials_to_tell(instagram, linkedin)
    assert more == 858
    assert 826 * 0.9 < more < 826 * 1.1
    # the definition: apart at 858 more clicks each, still overlapping at 857
    apart = (instagram.interval(858), linkedin.interval(858))
    close = (instagram.interval(857), linkedin.interval(857))
    assert apart[0] is not None and apart[1] is not None and not overlap(*apart)
    assert close[0] is not None and close[1] is not None and overlap(*close)


def test_rounding_the_number_of_clicks_as_a_person_says_it() -> None:
    assert [about(n) for n in (0, 37, 99, 100, 858, 1234, 25_001)] == [
        0,
        37,
        99,
        100,
        860,
        1300,
        26_000,
    ]


def platforms(rows: list[tuple[str, float, float, float]]) -> pd.DataFrame:
    """A frame as with_intervals gives it: name, paid spend, paid sales, paid clicks."""
    return pd.DataFrame(rows, columns=["platform", "paid_spend", "paid_conversions", "paid_clicks"])


def test_too_few_sales_says_how_many_more_clicks_would_tell() -> None:
    frame = platforms([("Instagram", 300, 6, 200), ("LinkedIn", 300, 3, 200)])
    assert compare_sentence(frame, "platform", "sales", "USD") == (
        "Too few sales to compare Instagram and LinkedIn yet: about 860 more clicks each "
        "would tell."
    )
    assert compare_sentence(frame, "platform", "sales", "USD", lang="nb") == (
        "For få salg til å sammenligne Instagram og LinkedIn ennå: omtrent 860 klikk til på "
        "hver ville vise forskjellen."
    )


def test_costs_apart_by_more_than_chance_are_said_so() -> None:
    # A: $100, 50 sales of 1,000 clicks: $2.00, 90% $1.60-$2.51; B: $100, 15 of 1,000:
    # $6.67, 90% $4.39-$10.14 (see test_cost_per_result)
    frame = platforms([("A", 100, 50, 1000), ("B", 100, 15, 1000), ("C", 0, 0, 0)])
    assert compare_sentence(frame, "platform", "sales", "USD") == (
        "Sales cost less on A than on B, by more than chance: $2.00 against $6.67 a sale."
    )


def test_the_same_cost_cannot_be_told_apart_by_more_clicks() -> None:
    frame = platforms([("A", 100, 10, 500), ("B", 200, 20, 1000)])
    assert compare_sentence(frame, "platform", "sales", "USD") == (
        "A and B do as well as each other so far: more clicks would not tell them apart."
    )


def test_one_platform_has_nothing_to_compare_with() -> None:
    frame = platforms([("A", 100, 10, 500), ("B", 100, math.nan, 500)])
    assert compare_sentence(frame, "platform", "sales", "USD") is None


def test_a_row_stands_apart_only_from_all_the_others_together() -> None:
    # the rows of test_cost_per_result: A is cheaper than B + C + D ($240, 45 of 2,200:
    # $4.19-$6.80), B dearer than A + C + D ($2.51-$3.59), C ($2.49-$4.48) overlaps its rest
    frame = platforms(
        [("A", 100, 50, 1000), ("B", 100, 15, 1000), ("C", 100, 30, 1000), ("D", 40, 0, 200)]
    )
    cheaper, dearer = stands_apart(frame, "cpa", "sales")
    assert cheaper.tolist() == [True, False, False, False]
    assert dearer.tolist() == [False, True, False, False]


# ---------------------------------------------------------------- this period and the one before


def test_overlapping_ranges_are_within_normal_variation() -> None:
    assert within_normal_variation(Interval(8.0, 12.0), Interval(11.0, 15.0)) is True
    assert within_normal_variation(Interval(8.0, 10.0), Interval(11.0, 15.0)) is False
    assert within_normal_variation(Interval(8.0, 10.0), None) is None


def test_the_period_comparison_marks_what_could_be_chance() -> None:
    # March and April: 1,000 paid clicks and $300 each month. Sales 30 then 33: cost per
    # sale $10.00 then $9.09, 90% $7.46-$13.44 and $6.88-$12.05 (300 / (1,000 x Wilson of
    # 30/1,000 and 33/1,000)): they overlap, within normal variation. Impressions 100,000
    # then 50,000: CTR 1% then 2%, 90% 0.95%-1.05% and 1.90%-2.11%: a real change.
    rows = [
        {
            "date": day,
            "platform": "facebook",
            "paid": True,
            "spend": 300,
            "impressions": impressions,
            "clicks": 1000,
            "conversions": sales,
        }
        for day, impressions, sales in (
            ("2026-03-01", 100_000, 30),
            ("2026-04-01", 50_000, 33),
        )
    ]
    analysis = smroi.analyse(table(rows), Settings(objective="sales"))
    compared = compare_with_previous(analysis, "month").set_index("metric")
    assert compared.loc["cpa", "within_normal_variation"] is True
    assert compared.loc["cpa", "previous_low"] == pytest.approx(300 / (1000 * 0.0402196), abs=0.01)
    assert compared.loc["cpa", "previous_high"] == pytest.approx(300 / (1000 * 0.0223168), abs=0.01)
    assert compared.loc["ctr", "within_normal_variation"] is False
    # counts and money are not tested: they are not a share of anything
    assert compared.loc["conversions", "within_normal_variation"] is None
    assert compared.loc["spend", "within_normal_variation"] is None
