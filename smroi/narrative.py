"""The headline numbers in plain words, for owners who are not analysts."""

from __future__ import annotations

from typing import Any

from smroi.formatting import format_money, is_undefined
from smroi.i18n import DEFAULT_LANGUAGE, N_, fill, translator
from smroi.metric_format import format_metric

# Whole sentences per objective, so that each language words its own grammar.
_NO_PAID_RESULTS: dict[str, str] = {
    "awareness": N_(
        "No paid impressions in this selection, so cost per 1,000 impressions "
        "cannot be worked out (—)."
    ),
    "engagement": N_(
        "No paid engagements in this selection, so cost per engagement cannot be worked out (—)."
    ),
    "leads": N_("No paid leads in this selection, so cost per lead cannot be worked out (—)."),
    "sales": N_(
        "No paid conversions in this selection, so cost per sale cannot be worked out (—)."
    ),
}
_EACH_RESULT_COST: dict[str, str] = {
    "awareness": N_("Each 1,000 impressions from paid posts and ads cost {cost} in ad spend."),
    "engagement": N_("Each engagement from paid posts and ads cost {cost} in ad spend."),
    "leads": N_("Each lead from paid posts and ads cost {cost} in ad spend."),
    "sales": N_("Each sale from paid posts and ads cost {cost} in ad spend."),
}


def headline_sentence(
    totals: dict[str, Any], currency: str, *, lang: str = DEFAULT_LANGUAGE, digits: str = "native"
) -> str:
    """One or two sentences: what social media cost, what it brought in, and whether it paid."""
    _ = translator(lang)

    def money(value: Any) -> str:
        return format_money(value, currency, lang=lang, digits=digits)

    cost, return_, profit = totals.get("cost"), totals.get("return"), totals.get("profit")
    if is_undefined(cost) or not cost:
        if return_:
            sentence = _(
                "Social media brought in {brought_in}, and no costs are entered yet: "
                "add your ad spend and monthly costs to see ROI."
            )
            return fill(sentence, lang, brought_in=money(return_))
        return _("There are no costs or returns in this selection yet.")
    if profit is not None and profit >= 0:
        sentence = _(
            "Social media cost you {cost} and brought in {brought_in}. "
            "It paid for itself: a profit of {profit}, an ROI of {roi}."
        )
    else:
        sentence = _(
            "Social media cost you {cost} and brought in {brought_in}. "
            "It has not paid for itself yet: a loss of {profit}, an ROI of {roi}."
        )
    return fill(
        sentence,
        lang,
        cost=money(cost),
        brought_in=money(return_),
        profit=money(abs(profit or 0.0)),
        roi=format_metric("roi_pct", totals.get("roi_pct"), currency, lang=lang, digits=digits),
    )


def cost_per_result_sentence(
    totals: dict[str, Any],
    objective: str,
    currency: str,
    *,
    lang: str = DEFAULT_LANGUAGE,
    digits: str = "native",
) -> str:
    """What one result of the chosen objective cost in ad spend, in words."""
    _ = translator(lang)
    value = totals.get("cost_per_result")
    if is_undefined(value):
        return _(_NO_PAID_RESULTS[objective])
    cost = format_money(value, currency, lang=lang, digits=digits)
    return fill(_(_EACH_RESULT_COST[objective]), lang, cost=cost)
