"""Gross margin, cost of goods and break-even (docs/METRICS.md 4a), and blank is not zero
(4b), on small tables worked out by hand.

The shop (one week of March 2026, 7 days):

| row | platform  | paid | spend | sales | revenue | leads |
|-----|-----------|------|-------|-------|---------|-------|
| 1   | facebook  | yes  | 200   | 10    | 600     |       |
| 2   | instagram | yes  | 300   | 6     | 300     |       |
| 3   | linkedin  | yes  | 100   |       |         | 8     |

Settings: tools 30.4375 a month (so 7 a week: 7 days / 30.4375 x 30.4375), value per
lead 20.
"""

from __future__ import annotations

import pandas as pd
import pytest

import smroi
from smroi import Costs, Settings, ValueAssumptions, analyse, by_group, headline

SPEND = 200 + 300 + 100
FIXED = 7.0
COST = SPEND + FIXED  # 607
SALES_VALUE = 600 + 300  # 900, 16 sales
LEAD_VALUE = 8 * 20  # 160: linkedin tracks no revenue, so its leads count


def shop(**columns: list) -> pd.DataFrame:  # type: ignore[type-arg]
    data = {
        "date": ["2026-03-02", "2026-03-05", "2026-03-08"],
        "platform": ["facebook", "instagram", "linkedin"],
        "paid": [True, True, True],
        "spend": [200, 300, 100],
        "conversions": [10, 6, None],
        "revenue": [600, 300, None],
        "leads": [None, None, 8],
    }
    return smroi.conform(pd.DataFrame({**data, **columns}))


def settings(margin: float | None = None, **values: float) -> Settings:
    return Settings(
        costs=Costs(tools_per_month=30.4375),
        values=ValueAssumptions(value_per_lead=20, gross_margin_pct=margin, **values),
    )


def test_without_a_margin_return_counts_sales_value_and_says_how_much() -> None:
    totals = headline(analyse(shop(), settings()))
    assert totals["fixed_cost"] == pytest.approx(FIXED)
    assert totals["return"] == pytest.approx(SALES_VALUE + LEAD_VALUE)  # 1060
    assert totals["roi_pct"] == pytest.approx((1060 - 607) / 607 * 100)  # 74.6%
    assert totals["gross_profit"] is None
    assert totals["gross_margin_pct"] is None
    assert totals["break_even_roas"] is None
    assert totals["break_even_cpa"] is None
    assert totals["sales_value_before_cost_of_goods"] == pytest.approx(900)
    sentence = smroi.headline_sentence(totals, "USD")
    assert sentence.endswith(
        "This counts $900.00 of sales at their full value, before the cost of goods: set your "
        "gross margin to see what they really left you."
    )


def test_a_40_percent_margin_counts_the_gross_profit_in_return() -> None:
    totals = headline(analyse(shop(), settings(margin=40)))
    gross_profit = 900 * 0.40  # 360
    assert totals["gross_profit"] == pytest.approx(360)
    assert totals["sales_value"] == pytest.approx(900)  # still what customers paid
    assert totals["return"] == pytest.approx(360 + 160)  # 520
    assert totals["profit"] == pytest.approx(520 - 607)  # a loss of 87
    assert totals["roi_pct"] == pytest.approx((520 - 607) / 607 * 100)  # -14.3%
    assert totals["roas"] == pytest.approx(900 / 600)  # ROAS stays on sales value: 1.5x
    assert totals["gross_margin_pct"] == pytest.approx(40)
    assert totals["break_even_roas"] == pytest.approx(2.5)  # 100 / 40
    assert totals["average_sale_value"] == pytest.approx(900 / 16)  # 56.25
    assert totals["break_even_cpa"] == pytest.approx(56.25 * 0.40)  # 22.50
    assert totals["break_even_cpl"] == pytest.approx(20)
    assert totals["sales_value_before_cost_of_goods"] == 0
    assert gross_profit < totals["sales_value"]
    sentence = smroi.headline_sentence(totals, "USD")
    assert sentence == (
        "Social media cost you $607.00 and brought in $520.00. It has not paid for itself "
        "yet: a loss of $87.00, an ROI of -14.3%."
    )


def test_a_cost_of_goods_column_gives_each_rows_gross_profit() -> None:
    """Row 1 has its cost of goods (390 of 600 = a 35% margin); row 2 has none, so it takes
    the 50% margin of the settings; without that setting it counts at sales value."""
    table = shop(cost_of_goods=[390, None, None])
    totals = headline(analyse(table, settings(margin=50)))
    assert totals["cost_of_goods"] == pytest.approx(390)
    assert totals["gross_profit"] == pytest.approx((600 - 390) + 300 * 0.5)  # 210 + 150
    assert totals["gross_margin_pct"] == pytest.approx(360 / 900 * 100)  # 40%
    assert totals["return"] == pytest.approx(360 + 160)
    alone = headline(analyse(table, settings()))
    assert alone["gross_profit"] == pytest.approx(210)
    assert alone["gross_margin_pct"] == pytest.approx(210 / 600 * 100)  # 35%: row 1's
    assert alone["return"] == pytest.approx(210 + 300 + 160)  # row 2 at its sales value
    assert alone["sales_value_before_cost_of_goods"] == pytest.approx(300)
    assert alone["break_even_roas"] == pytest.approx(100 / 35)


def test_break_even_per_platform_from_each_platforms_own_sales() -> None:
    frame = by_group(analyse(shop(), settings(margin=40)), "platform").set_index("platform")
    # facebook: 10 sales of 600 -> 60 each, 24 left after goods; its ads cost 20 a sale
    assert frame.loc["facebook", "cpa"] == pytest.approx(20)
    assert frame.loc["facebook", "break_even_cpa"] == pytest.approx(24)
    # instagram: 6 sales of 300 -> 50 each, 20 left; its ads cost 50 a sale
    assert frame.loc["instagram", "cpa"] == pytest.approx(50)
    assert frame.loc["instagram", "break_even_cpa"] == pytest.approx(20)
    # linkedin reports no sales at all: undefined, not 0
    assert pd.isna(frame.loc["linkedin", "conversions"])
    assert pd.isna(frame.loc["linkedin", "break_even_cpa"])
    table = smroi.break_even_table(frame.reset_index(), "sales")
    assert table["group"].tolist() == ["instagram", "facebook", "linkedin"]  # by spend
    assert smroi.break_even_sentences(table, "sales", "GBP") == [
        "Instagram's sales cost £50.00 each in ad spend; a sale leaves you £20.00 after the "
        "cost of goods: each one loses £30.00.",
        "Facebook's sales cost £20.00 each in ad spend; a sale leaves you £24.00 after the "
        "cost of goods: each one earns £4.00 before your other costs.",
    ]


def test_break_even_for_leads_is_the_value_of_a_lead() -> None:
    frame = by_group(analyse(shop(), settings(margin=40)), "platform")
    table = smroi.break_even_table(frame, "leads")
    # linkedin: 100 of ads for 8 leads = 12.50 a lead, worth 20
    assert smroi.break_even_sentences(table, "leads", "USD") == [
        "LinkedIn's leads cost $12.50 each in ad spend; a lead is worth $20.00 to you: each "
        "one earns $7.50 before your other costs.",
    ]


def test_the_whole_selection_against_break_even_on_ads_and_on_full_cost() -> None:
    totals = headline(analyse(shop(), settings(margin=40)))
    # full cost per sale = 607 / 16 = 37.9375; a sale leaves 22.50
    assert smroi.overall_break_even_sentence(totals, "sales", "USD") == (
        "Your ads need a ROAS of 2.50x to break even at a 40.0% gross margin; they made 1.50x, "
        "so they cost more than their sales leave you. With your time, tools and fees, each "
        "sale cost $37.94 in all; it leaves you $22.50, so on full cost each sale loses $15.44."
    )
    without = headline(analyse(shop(), settings()))
    assert smroi.overall_break_even_sentence(without, "sales", "USD") == ""


def test_a_measure_no_row_reports_is_undefined_in_totals_and_groups() -> None:
    """No clicks, impressions or engagement column: their totals and every ratio on them
    are undefined, never 0; the sums that exist are the rows' that report them."""
    totals = headline(analyse(shop(), settings()))
    for key in ("clicks", "impressions", "engagements", "ctr", "cpc", "cpm", "cpe"):
        assert totals[key] is None, key
    assert totals["conversions"] == 16  # two rows report sales, one does not
    assert totals["leads"] == 8
    frame = by_group(analyse(shop(), settings()), "platform").set_index("platform")
    assert pd.isna(frame.loc["facebook", "leads"])
    assert pd.isna(frame.loc["facebook", "conversion_rate"])


def test_spend_on_a_platform_with_no_outcome_columns_has_an_unknown_return() -> None:
    """A platform whose file reports spend and clicks but no sales, leads or revenue: its
    return is not known (not a loss of everything); its cost still counts in the total."""
    table = smroi.conform(
        pd.DataFrame(
            {
                "date": ["2026-03-02", "2026-03-03"],
                "platform": ["facebook", "x"],
                "paid": [True, True],
                "spend": [100, 50],
                "clicks": [40, 10],
                "revenue": [300, None],
            }
        )
    )
    analysis = analyse(table, Settings())
    frame = by_group(analysis, "platform").set_index("platform")
    assert pd.isna(frame.loc["x", "return"])
    assert pd.isna(frame.loc["x", "roi_pct"])
    assert frame.loc["x", "cost"] == 50
    totals = headline(analysis)
    assert totals["return"] == 300
    assert totals["cost"] == 150
    assert totals["roi_pct"] == pytest.approx((300 - 150) / 150 * 100)


def test_missing_inputs_ask_for_costs_margin_and_lead_value() -> None:
    bare = Settings()
    analysis = analyse(shop(), bare)
    asked = smroi.missing_inputs(analysis, headline(analysis))
    assert [item.key for item in asked] == ["costs", "margin", "lead_value"]
    assert asked[0].message == (
        "Only ad spend is counted: add what else social media costs you each month (your "
        "hours, tools, an agency)."
    )
    assert asked[2].message == (
        "Your files have 8 leads, worth nothing in return until you say what a lead is "
        "worth to you."
    )
    told = analyse(shop(), settings(margin=40))
    assert smroi.missing_inputs(told, headline(told)) == []


def test_missing_inputs_ask_for_an_order_value_when_sales_have_no_revenue() -> None:
    table = shop(revenue=[None, None, None])
    analysis = analyse(table, settings(margin=40))
    asked = smroi.missing_inputs(analysis, headline(analysis))
    assert [item.key for item in asked] == ["order_value"]
    assert asked[0].message == (
        "16 sales have no revenue figure and count as 0 until you set your average order value."
    )


@pytest.mark.parametrize(
    ("metric", "objective", "line"),
    [
        ("cpa", "leads", 22.5),  # a sale leaves 56.25 x 40%
        ("full_cpa", "sales", 22.5),
        ("cost_per_result", "sales", 22.5),
        ("cost_per_result", "leads", 20.0),  # the value of a lead
        ("cpl", "sales", 20.0),
        ("roas", "sales", 2.5),  # 100 / 40
        ("cost_per_result", "awareness", None),  # per 1,000 impressions: no break-even
        ("ctr", "sales", None),
    ],
)
def test_break_even_line_of_each_chart(metric: str, objective: str, line: float | None) -> None:
    totals = headline(analyse(shop(), settings(margin=40)))
    assert smroi.break_even_line(metric, objective, totals) == (
        None if line is None else pytest.approx(line)
    )
    assert smroi.break_even_line("cpa", "sales", headline(analyse(shop(), settings()))) is None


def test_break_even_is_judged_on_what_the_files_report() -> None:
    both = headline(analyse(shop(), settings()))
    assert smroi.reported_result_kind(both, "sales") == "sales"
    assert smroi.reported_result_kind(both, "leads") == "leads"
    leads_only = headline(analyse(shop(conversions=[None] * 3, revenue=[None] * 3), settings()))
    assert smroi.reported_result_kind(leads_only, "sales") == "leads"  # no sales to judge
    neither = shop(conversions=[None] * 3, revenue=[None] * 3, leads=[None] * 3)
    assert smroi.reported_result_kind(headline(analyse(neither, settings())), "sales") is None
