"""The headline in plain words."""

from __future__ import annotations

from smroi import cost_per_result_sentence, headline_sentence, verdict


def test_a_profit_is_said_as_a_profit() -> None:
    totals = {"cost": 1000.0, "return": 1500.0, "profit": 500.0, "roi_pct": 50.0}
    assert headline_sentence(totals, "USD") == (
        "Social media cost you $1,000.00 and brought in $1,500.00. It paid for itself: "
        "a profit of $500.00, an ROI of 50.0%."
    )


def test_a_loss_is_said_as_a_loss() -> None:
    totals = {"cost": 1000.0, "return": 400.0, "profit": -600.0, "roi_pct": -60.0}
    assert headline_sentence(totals, "NOK") == (
        "Social media cost you 1,000.00 kr and brought in 400.00 kr. It has not paid for "
        "itself yet: a loss of 600.00 kr, an ROI of -60.0%."
    )


def test_no_cost_asks_for_costs() -> None:
    totals = {"cost": 0.0, "return": 250.0, "profit": 250.0, "roi_pct": None}
    assert "no costs are entered yet" in headline_sentence(totals, "USD")


def test_undefined_cost_per_result_says_why() -> None:
    assert cost_per_result_sentence({"cost_per_result": None}, "leads", "USD") == (
        "No paid leads in this selection, so cost per lead cannot be worked out (—)."
    )
    assert cost_per_result_sentence({"cost_per_result": 12.5}, "sales", "USD") == (
        "Each sale from paid posts and ads cost $12.50 in ad spend."
    )


def test_the_verdict_is_paid_from_a_profit_of_zero_or_more_on_a_cost() -> None:
    assert verdict({"cost": 1000.0, "return": 1500.0, "profit": 500.0}) == "paid"
    assert verdict({"cost": 1000.0, "return": 1000.0, "profit": 0.0}) == "paid"
    assert verdict({"cost": 1000.0, "return": 400.0, "profit": -600.0}) == "not_paid"


def test_no_verdict_without_a_cost_or_a_return() -> None:
    assert verdict({"cost": 0.0, "return": 250.0, "profit": 250.0}) == "unknown"
    assert verdict({"cost": None, "return": 250.0, "profit": None}) == "unknown"
    assert verdict({"cost": 300.0, "return": None, "profit": None}) == "unknown"
    assert verdict({}) == "unknown"


def test_the_full_value_caveat_can_be_left_to_a_caption() -> None:
    totals = {
        "cost": 1000.0,
        "return": 1500.0,
        "profit": 500.0,
        "roi_pct": 50.0,
        "sales_value_before_cost_of_goods": 1200.0,
    }
    with_caveat = headline_sentence(totals, "USD")
    assert with_caveat.endswith(
        "This counts $1,200.00 of sales at their full value, before the cost of goods: set "
        "your gross margin to see what they really left you."
    )
    assert headline_sentence(totals, "USD", caveat=False) == (
        "Social media cost you $1,000.00 and brought in $1,500.00. It paid for itself: "
        "a profit of $500.00, an ROI of 50.0%."
    )


def test_assumptions_say_what_the_cost_and_return_hold() -> None:
    from smroi.narrative import assumption_lines
    from smroi.settings import EarnedMediaRates, Settings, ValueAssumptions

    totals = {"spend": 1200.0, "fixed_cost": 899.0, "leads": 40.0}
    settings = Settings(values=ValueAssumptions(value_per_lead=25.0, gross_margin_pct=40.0))
    assert assumption_lines(totals, settings, "USD") == [
        "The cost is ad spend ($1,200.00) and $899.00 of monthly costs for these months "
        "(time, tools, agency, content).",
        "Gross margin: 40.0%",
        "A lead counts as $25.00 in return.",
        "Earned media value is an estimate and is not counted in return.",
    ]
    # no fixed costs, no margin, leads without a value, earned media counted
    bare = Settings(earned_media=EarnedMediaRates(include_in_roi=True))
    assert assumption_lines({"spend": 50.0, "fixed_cost": 0.0, "leads": 3.0}, bare, "USD") == [
        "The cost is ad spend ($50.00) alone: no time, tools or fees are entered.",
        "Gross margin: not set (sales count in full)",
        "Leads add nothing to return: no value per lead is set.",
        "Earned media value is counted in return (you turned it on).",
    ]
    # spend no file reports is "—", not 0; no leads say nothing of a lead's value
    lines = assumption_lines({"spend": None, "fixed_cost": None, "leads": None}, Settings(), "NOK")
    assert lines[0] == "The cost is ad spend (—) alone: no time, tools or fees are entered."
    assert len(lines) == 3
