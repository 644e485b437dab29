"""Drill-down from platform to post/ad, and the best and worst by cost per result."""

from __future__ import annotations

import pandas as pd

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


def test_best_and_worst_never_share_a_row_and_list_spend_without_results() -> None:
    elements = drill_down(analyse(table(), Settings()), "element")
    best, worst, no_result = best_and_worst(elements, n=2)
    # cost per sale: A 10, C 10, E 20, B 30; D spent 40 with no sale; F spent nothing
    assert list(best["element"]) == ["A", "C"]
    assert list(worst["element"]) == ["B", "E"]
    assert list(no_result["element"]) == ["D"]
    small = best_and_worst(elements[elements["element"].isin(["A", "B", "C"])], n=5)
    assert list(small[0]["element"]) == ["A", "C"]
    assert list(small[1]["element"]) == ["B"]


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
    _, _, no_result = best_and_worst(elements)
    assert list(no_result["element"]) == ["H"]
