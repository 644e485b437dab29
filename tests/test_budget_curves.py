"""The budget what-if (smroi/budget_curves.py) and `smroi whatif`.

Curves are results a week = a x spend^b. The hand-made weeks below follow known curves
exactly, so every projection is arithmetic on a and b:
  linkedin   spend 100, 121, 144, 169, 196, 225, 256, 289 (squares: sqrt 10 … 17)
             return (revenue) 40 x sqrt(spend), sales 2 x sqrt(spend)   -> a 40, b 0.5
  instagram  spend 50, 60, … 120 (steps of 10)
             return 2 x spend, sales spend / 10                         -> a 2, b 1
Average weeks: linkedin 1500 / 8 = 187.5, instagram 680 / 8 = 85. Weeks are Mondays
(2026-03-02 is a Monday) with period_end the Sunday after, so every week is whole.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import smroi
from smroi import Settings, analyse
from smroi.budget_curves import (
    FEW_WEEKS,
    MIN_WEEKS,
    NO_RESULTS,
    NO_SPREAD,
    Curve,
    Fitted,
    GroupCurve,
    change_total,
    current_plan,
    fit_curve,
    group_curves,
    move_share,
    project,
    refusal_sentence,
    resampled_curves,
    spend_spread,
    weekly_spend_and_results,
    why_not_fitted,
)
from smroi.cli import main

LINKEDIN = [100, 121, 144, 169, 196, 225, 256, 289]
INSTAGRAM = [50, 60, 70, 80, 90, 100, 110, 120]
MONDAYS = pd.date_range("2026-03-02", periods=8, freq="7D")


def weekly_rows(platform: str, spends: list[float], a: float, b: float, per_sale: float) -> list:
    """One whole week per row, return a x spend^b and sales (return / per_sale)."""
    return [
        {
            "date": monday.date().isoformat(),
            "period_end": (monday + pd.Timedelta(days=6)).date().isoformat(),
            "platform": platform,
            "campaign": platform.upper(),
            "paid": True,
            "spend": spend,
            "conversions": a * spend**b / per_sale,
            "revenue": a * spend**b,
        }
        for monday, spend in zip(MONDAYS, spends, strict=False)
    ]


def two_platforms() -> pd.DataFrame:
    rows = weekly_rows("linkedin", LINKEDIN, 40, 0.5, 20) + weekly_rows(
        "instagram", INSTAGRAM, 2, 1, 20
    )
    return smroi.conform(pd.DataFrame(rows))


# ---------------------------------------------------------------- the fit


def test_the_fit_recovers_a_and_b_from_exact_weeks() -> None:
    curve = fit_curve(np.array(LINKEDIN, float), 40 * np.sqrt(LINKEDIN))
    assert curve.a == pytest.approx(40, rel=1e-6)
    assert curve.b == pytest.approx(0.5, abs=1e-6)


def test_the_fit_recovers_a_and_b_from_noisy_weeks() -> None:
    # a year of weeks, spend between 200 and 2,000, results 5 x spend^0.7 with 5% noise
    rng = np.random.default_rng(7)
    spend = rng.uniform(200, 2000, 52)
    results = 5 * spend**0.7 * (1 + rng.normal(0, 0.05, 52))
    curve = fit_curve(spend, results)
    # tolerance: b within 0.05 of 0.7; the curve at 1,000 a week within 2% of the true one
    assert curve.b == pytest.approx(0.7, abs=0.05)
    assert curve.at(1000) == pytest.approx(5 * 1000**0.7, rel=0.02)
    # and the 90% band of the resampled curves at 1,000 holds the true value
    a_draws, b_draws = resampled_curves(spend, results)
    at_1000 = a_draws * 1000**b_draws
    low, high = np.percentile(at_1000, [5, 95])
    assert low < 5 * 1000**0.7 < high
    assert low < curve.at(1000) < high  # the band holds the fitted value too
    assert high - low < 0.05 * curve.at(1000)  # and is narrow for a year of 5% noise


def test_a_curve_is_never_steeper_than_a_straight_line() -> None:
    # results growing as spend^2 (increasing returns) are capped at b = 1
    spend = np.array([100.0, 150, 200, 250, 300, 350])
    curve = fit_curve(spend, 0.01 * spend**2)
    assert curve.b == 1.0


def test_too_few_weeks_or_too_little_spread_cannot_be_fitted() -> None:
    varied = np.array([100.0, 150, 200, 250, 300, 350, 400])
    assert MIN_WEEKS == 6
    assert why_not_fitted(varied[:5], varied[:5]) == FEW_WEEKS
    assert why_not_fitted(varied[:6], varied[:6]) is None
    # 100, 102, 98, 101, 99, 100: standard deviation sqrt(10/6) = 1.29 over an average of
    # 100: 1.3%, under 10%
    flat = np.array([100.0, 102, 98, 101, 99, 100])
    assert spend_spread(flat) == pytest.approx((10 / 6) ** 0.5 / 100)
    assert why_not_fitted(flat, flat) == NO_SPREAD
    assert why_not_fitted(varied, np.zeros(7)) == NO_RESULTS


def test_the_refusals_in_words() -> None:
    few = GroupCurve("x", 4, 100, 50, 150, 0.3, FEW_WEEKS, None, None)
    assert refusal_sentence(few, "sales") == (
        "x has 4 whole weeks with ad spend; a curve needs at least 6: its curve cannot be told yet."
    )
    flat = GroupCurve("facebook", 17, 606, 583, 695, 0.055, NO_SPREAD, None, None)
    assert refusal_sentence(flat, "sales") == (
        "facebook: spend barely changed week to week (by 5.5% around its average; at least "
        "10.0% is needed): its curve cannot be told."
    )
    none = GroupCurve("linkedin", 17, 160, 150, 190, 0.2, NO_RESULTS, None, None)
    assert refusal_sentence(none, "leads") == (
        "linkedin had no leads in its weeks with ad spend: nothing to scale."
    )


# ---------------------------------------------------------------- the weeks of a table


def test_weeks_are_whole_paid_weeks_per_platform() -> None:
    frame = two_platforms()
    # an organic post and a part-week (one day past the last Sunday) do not count
    extra = smroi.conform(
        pd.DataFrame(
            {
                "date": ["2026-03-03", "2026-04-27"],
                "platform": ["linkedin", "linkedin"],
                "paid": [False, True],
                "spend": [None, 500.0],
                "revenue": [99.0, 1.0],
            }
        )
    )
    analysis = analyse(pd.concat([frame, extra], ignore_index=True), Settings())
    weeks = weekly_spend_and_results(analysis)
    linkedin = weeks[weeks["group"] == "linkedin"]
    assert linkedin["spend"].tolist() == LINKEDIN
    assert linkedin["return"].tolist() == pytest.approx([40 * s**0.5 for s in LINKEDIN])
    assert linkedin["results"].tolist() == pytest.approx([2 * s**0.5 for s in LINKEDIN])


def test_group_curves_of_the_hand_made_weeks() -> None:
    curves = group_curves(analyse(two_platforms(), Settings()))
    linkedin, instagram = curves["linkedin"], curves["instagram"]
    assert linkedin.refusal is None and instagram.refusal is None
    assert linkedin.weeks == 8
    assert linkedin.spend_per_week == pytest.approx(1500 / 8)
    assert (linkedin.smallest_week, linkedin.largest_week) == (100, 289)
    assert linkedin.money is not None and linkedin.results is not None
    assert linkedin.money.curve.a == pytest.approx(40, rel=1e-6)
    assert linkedin.money.curve.b == pytest.approx(0.5, abs=1e-6)
    assert linkedin.results.curve.a == pytest.approx(2, rel=1e-6)
    assert instagram.money is not None
    assert instagram.money.curve.b == pytest.approx(1.0)
    assert current_plan(curves) == pytest.approx({"linkedin": 187.5, "instagram": 85.0})


# ---------------------------------------------------------------- plans and projections


def test_plans_move_a_share_or_scale_the_total() -> None:
    plan = {"a": 100.0, "b": 300.0}
    assert move_share(plan, 0.2, "a", "b") == {"a": 80.0, "b": 320.0}
    # a total of 600 keeps the shares 1/4 and 3/4
    assert change_total(plan, 600) == {"a": 150.0, "b": 450.0}
    with pytest.raises(ValueError, match="share"):
        move_share(plan, 1.5, "a", "b")
    with pytest.raises(ValueError, match="another"):
        move_share(plan, 0.2, "a", "a")


def known_curve(name: str, a_draws: list[float], b: float, now: float) -> GroupCurve:
    """A curve with a = the middle draw, and three resampled curves with the same b."""
    fitted = Fitted(Curve(a_draws[1], b), np.array(a_draws), np.full(3, b))
    return GroupCurve(name, 10, now, now / 2, now * 2, 0.3, None, fitted, fitted)


def test_a_projection_by_hand() -> None:
    # p: a 40 (draws 30, 40, 50), b 0.5, today 100 a week; q: a 2 (draws 1, 2, 3), b 1, 200
    curves = {
        "p": known_curve("p", [30, 40, 50], 0.5, 100),
        "q": known_curve("q", [1, 2, 3], 1, 200),
    }
    plan = move_share({"p": 100.0, "q": 200.0}, 0.5, "q", "p")  # p 200, q 100
    result = project(curves, plan)
    p, q = result.groups
    # p at 200: 40 x sqrt(200) = 565.69; draws 30, 40, 50 x sqrt(200); the 5th percentile
    # lies a tenth of the way from the first draw to the second (numpy's linear rule)
    root = 200**0.5
    assert p.results.value == pytest.approx(40 * root)
    assert p.results.low == pytest.approx((30 + 0.1 * 10) * root)
    assert p.results.high == pytest.approx((40 + 0.9 * 10) * root)
    assert p.results_change.value == pytest.approx(40 * root - 40 * 10)
    assert p.profit is not None and p.profit.value == pytest.approx(40 * root - 200)
    # q at 100: 2 x 100 = 200; its change 200 - 400 = -200; profit change -200 + 100
    assert q.results.value == pytest.approx(200)
    assert q.profit_change is not None
    assert q.profit_change.value == pytest.approx(2 * 100 - 2 * 200 - (100 - 200))
    # the total: spend unchanged, profit changes by the two returns' changes
    assert result.spend_now == result.spend_planned == 300
    assert result.profit_change is not None
    change = (40 * root - 400) + (200 - 400)
    assert result.profit_change.value == pytest.approx(change)
    # the total's draws add the groups' draws of the same number (a 30 with 1, 40 with 2,
    # 50 with 3): p's profit change a (sqrt(200) - 10) - 100, q's a (100 - 200) + 100
    draws = sorted(a_p * (root - 10) - 100 * a_q for a_p, a_q in ((30, 1), (40, 2), (50, 3)))
    assert result.profit_change.low == pytest.approx(draws[0] + 0.1 * (draws[1] - draws[0]))
    assert result.profit_change.high == pytest.approx(draws[1] + 0.9 * (draws[2] - draws[1]))
    assert result.profit_change.low <= result.profit_change.value <= result.profit_change.high
    assert not p.outside and not q.outside  # 200 is p's largest week; 100 q's smallest x 2


def test_a_plan_far_from_the_weeks_seen_is_marked() -> None:
    curves = {"p": known_curve("p", [30, 40, 50], 0.5, 100)}  # weeks from 50 to 200
    assert not project(curves, {"p": 300.0}).groups[0].outside  # 1.5 x 200
    assert project(curves, {"p": 301.0}).groups[0].outside
    assert project(curves, {"p": 33.0}).groups[0].outside  # below 50 / 1.5


def test_the_band_holds_the_projection_on_noisy_weeks() -> None:
    rng = np.random.default_rng(3)
    rows = []
    for platform, a, b in (("facebook", 3.0, 0.8), ("instagram", 9.0, 0.5)):
        spends = rng.uniform(100, 600, 20)
        for monday, spend in zip(
            pd.date_range("2026-01-05", periods=20, freq="7D"), spends, strict=True
        ):
            rows.append(
                {
                    "date": monday,
                    "period_end": monday + pd.Timedelta(days=6),
                    "platform": platform,
                    "paid": True,
                    "spend": spend,
                    "conversions": a * spend**b / 50,
                    "revenue": a * spend**b * (1 + rng.normal(0, 0.1)),
                }
            )
    curves = group_curves(analyse(smroi.conform(pd.DataFrame(rows)), Settings()))
    for plan in (
        move_share(current_plan(curves), 0.3, "instagram", "facebook"),
        change_total(current_plan(curves), 900),
    ):
        result = project(curves, plan)
        for estimate in (
            result.return_,
            result.profit_change,
            *[row.return_ for row in result.groups],
        ):
            assert estimate is not None
            assert estimate.low <= estimate.value <= estimate.high
            assert estimate.high > estimate.low  # noise gives a band, not a point


# ---------------------------------------------------------------- the review's sentence


def test_budget_shift_from_the_curves() -> None:
    from smroi.goals import budget_shift

    shift = budget_shift(analyse(two_platforms(), Settings()))
    assert shift is not None
    # ROAS: linkedin 40 x (10 + … + 17) / 1500 = 2.88, instagram 2: move 20% of
    # instagram's 85 a week (17) to linkedin: 187.5 -> 204.5 and 85 -> 68
    assert (shift["from"], shift["to"]) == ("instagram", "linkedin")
    assert shift["amount"] == pytest.approx(17)
    change = 40 * (204.5**0.5 - 187.5**0.5) + 2 * (68 - 85)  # -9.71: diminishing returns
    assert shift["return_change"] == pytest.approx(change, abs=1e-4)
    assert shift["sentence"] == (
        "Moving 20% of instagram's ad spend ($17.00 a week) to linkedin would change profit "
        "by about -$9.71 a week (between -$9.71 and -$9.71), if each keeps to the curve of "
        "its past weeks (results grow no faster than spend). A projection from this data, "
        "not a forecast."
    )


# ---------------------------------------------------------------- the command line


def test_whatif_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "weeks.csv"
    two_platforms().to_csv(path, index=False)
    assert main(["whatif", str(path), "--move", "20%:instagram:linkedin", "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["plan"] == {
        "move": {"share": 0.2, "from": "instagram", "to": "linkedin"},
        "total": None,
    }
    linkedin = result["platforms"]["linkedin"]
    assert linkedin["spend_now"] == pytest.approx(187.5)
    assert linkedin["spend_planned"] == pytest.approx(204.5)
    assert linkedin["curve"]["return"]["b"] == pytest.approx(0.5, abs=1e-6)
    assert linkedin["return"]["value"] == pytest.approx(40 * 204.5**0.5, rel=1e-6)
    assert linkedin["results"]["value"] == pytest.approx(2 * 204.5**0.5, rel=1e-6)
    total = result["total"]
    change = 40 * (204.5**0.5 - 187.5**0.5) - 34
    assert total["profit_change"]["value"] == pytest.approx(change, abs=1e-4)
    assert total["profit_change"]["low"] <= total["profit_change"]["value"]
    assert total["profit_change"]["value"] <= total["profit_change"]["high"]
    assert result["not_fitted"] == {}


def test_whatif_table_and_a_platform_without_a_curve(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    frame = two_platforms()
    # x: six weeks of 100 a week: no spread
    flat = smroi.conform(pd.DataFrame(weekly_rows("x", [100] * 6, 3, 1, 10)))
    path = tmp_path / "weeks.csv"
    pd.concat([frame, flat]).to_csv(path, index=False)
    assert main(["whatif", str(path), "--total", "545"]) == 0
    text = capsys.readouterr().out
    # 545 is twice 272.5: each platform doubles
    assert "instagram  $85.00        $170.00           17.0 (17.0 to 17.0)" in text
    assert "total      $272.50       $545.00" in text
    assert "- x: spend barely changed week to week (by 0.0% around its average" in text
    assert main(["whatif", str(path), "--move", "20%:x:linkedin"]) == 2
    assert "x: spend barely changed week to week" in capsys.readouterr().err
    with pytest.raises(SystemExit) as bad_option:
        main(["whatif", str(path), "--move", "20%:linkedin"])
    assert bad_option.value.code == 2
    assert "--move takes SHARE%:FROM:TO" in capsys.readouterr().err
