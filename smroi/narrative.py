"""The headline numbers in plain words, for owners who are not analysts."""

from __future__ import annotations

from typing import Any

from smroi.formatting import format_metric, format_money, is_undefined
from smroi.registry import OBJECTIVE_RESULTS


def headline_sentence(totals: dict[str, Any], currency: str) -> str:
    """One or two sentences: what social media cost, what it brought in, and whether it paid."""
    cost, return_, profit = totals.get("cost"), totals.get("return"), totals.get("profit")
    if is_undefined(cost) or not cost:
        if return_:
            return (
                f"Social media brought in {format_money(return_, currency)}, and no costs "
                "are entered yet: add your ad spend and monthly costs to see ROI."
            )
        return "There are no costs or returns in this selection yet."
    verdict = (
        "It paid for itself"
        if profit is not None and profit >= 0
        else "It has not paid for itself yet"
    )
    return (
        f"Social media cost you {format_money(cost, currency)} and brought in "
        f"{format_money(return_, currency)}. {verdict}: "
        f"{'a profit' if profit is not None and profit >= 0 else 'a loss'} of "
        f"{format_money(abs(profit or 0.0), currency)}, an ROI of "
        f"{format_metric('roi_pct', totals.get('roi_pct'), currency)}."
    )


def cost_per_result_sentence(totals: dict[str, Any], objective: str, currency: str) -> str:
    """What one result of the chosen objective cost in ad spend, in words."""
    results_key, one_result = OBJECTIVE_RESULTS[objective]
    value = totals.get("cost_per_result")
    if is_undefined(value):
        return (
            f"No paid {results_key} in this selection, so cost per {one_result} "
            "cannot be worked out (—)."
        )
    cost = format_money(value, currency)
    return f"Each {one_result} from paid posts and ads cost {cost} in ad spend."
