"""Drill-down from platform to post/ad, and the best and worst by cost per result."""

from __future__ import annotations

import pandas as pd
import pytest

import smroi
from smroi import Settings, analyse, best_and_worst, drill_down


def table() -> pd.DataFrame:
    return smroi.conform(
        pd.DataFrame(
            {
                "date": ["2026-02-01"] * 6,
                "platform": ["facebook"] * 4 + ["linkedin"] * 2,
                "campaign": ["Sale", "Sale", "Sale", "Leads", "B2B", "B2B"],
                "element": ["A", "B", "C", "D", "E", "F"],
                "spend": [100, 60, 30, 40, 80, 0],
                "conversions": [10, 2, 3, 0, 4, 1],
                "revenue": [500, 100, 150, 0, 200, 50],
            }
        )
    )


def test_levels_group_by_platform_campaign_and_element() -> None:
    analysis = analyse(table(), Settings())
    assert list(drill_down(analysis, "platform")["platform"]) == ["facebook", "linkedin"]
    campaigns = drill_down(analysis, "campaign", platform="facebook")
    assert list(campaigns["campaign"]) == ["Leads", "Sale"]
    elements = drill_down(analysis, "element", platform="facebook", campaign="Sale")
    assert list(elements["element"]) == ["A", "B", "C"]
    # cost per sale of "Sale": (100 + 60 + 30) / (10 + 2 + 3)
    sale = campaigns.set_index("campaign").loc["Sale"]
    assert sale["cost_per_result"] == 190 / 15


def test_best_and_worst_are_the_rows_that_stand_apart_and_spend_without_results_is_listed() -> None:
    # All paid but F, objective sales; cost per sale = spend / sales, its 90% range
    # spend / (clicks x the Wilson bounds of sales / clicks):
    #   A $100, 1,000 clicks, 50 sales: $2.00, 90% $1.60 to $2.51 (5.0%: 3.98% to 6.26%)
    #   B $100, 1,000 clicks, 15 sales: $6.67, 90% $4.39 to $10.14 (1.5%: 0.99% to 2.28%)
    #   C $100, 1,000 clicks, 30 sales: $3.33, 90% $2.49 to $4.48
    #   D  $40,   200 clicks,  0 sales: no cost per sale, spent with no result
    #   F organic, 100 clicks, 1 sale: no ad spend, not ranked
    # The rest of A (B + C + D: $240, 45 sales of 2,200 clicks) runs $4.19 to $6.80: A is
    # cheaper by more than chance. The rest of B ($240, 80 of 2,200) runs $2.51 to $3.59:
    # B is dearer. The rest of C ($240, 65 of 2,200) runs $3.02 to $4.52 and overlaps C's.
    rows = smroi.conform(
        pd.DataFrame(
            {
                "date": ["2026-02-01"] * 5,
                "platform": ["facebook"] * 5,
                "campaign": ["Sale"] * 5,
                "element": ["A", "B", "C", "D", "F"],
                "paid": [True, True, True, True, False],
                "spend": [100, 100, 100, 40, 0],
                "clicks": [1000, 1000, 1000, 200, 100],
                "conversions": [50, 15, 30, 0, 1],
            }
        )
    )
    elements = drill_down(analyse(rows, Settings(objective="sales")), "element")
    best, worst, no_result = best_and_worst(elements, n=2, objective="sales")
    assert list(best["element"]) == ["A"]
    assert list(worst["element"]) == ["B"]
    assert list(no_result["element"]) == ["D"]
    assert best["cost_per_result_low"].iloc[0] == pytest.approx(1.5974, abs=1e-4)
    assert best["cost_per_result_high"].iloc[0] == pytest.approx(2.5108, abs=1e-4)


def test_without_clicks_no_row_is_named_best_or_worst() -> None:
    # the table above has no clicks: how sure each cost per sale is cannot be worked out,
    # so no row is said to beat the rest (A at $10 a sale may be luck)
    elements = drill_down(analyse(table(), Settings()), "element")
    best, worst, no_result = best_and_worst(elements, n=2, objective="sales")
    assert best.empty and worst.empty
    assert list(no_result["element"]) == ["D"]


def test_a_lead_ad_that_brought_leads_did_not_spend_with_no_sales() -> None:
    # objective "sales": G (a lead form) spent 50 and brought 7 leads, no sale; H spent 20 on
    # nothing at all. Only H spent money with no result.
    rows = smroi.conform(
        pd.DataFrame(
            {
                "date": ["2026-02-01"] * 3,
                "platform": ["facebook"] * 3,
                "campaign": ["Sale", "Newsletter", "Newsletter"],
                "element": ["A", "G", "H"],
                "spend": [100, 50, 20],
                "leads": [0, 7, 0],
                "conversions": [10, 0, 0],
            }
        )
    )
    elements = drill_down(analyse(rows, Settings(objective="sales")), "element")
    _, _, no_result = best_and_worst(elements, objective="sales")
    assert list(no_result["element"]) == ["H"]
