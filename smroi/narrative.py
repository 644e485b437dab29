"""The headline numbers in plain words, for owners who are not analysts."""

from __future__ import annotations

from typing import Any, Literal

from smroi.formatting import format_money, format_value, is_undefined
from smroi.i18n import DEFAULT_LANGUAGE, N_, fill, translator
from smroi.metric_format import format_metric
from smroi.settings import Settings

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


Verdict = Literal["paid", "not_paid", "unknown"]


def verdict(totals: dict[str, Any]) -> Verdict:
    """Whether social media paid for itself: "paid" (a profit of 0 or more on a cost),
    "not_paid" (a loss), or "unknown" (no cost entered, or no return reported)."""
    cost, return_, profit = totals.get("cost"), totals.get("return"), totals.get("profit")
    if is_undefined(cost) or not cost or is_undefined(return_) or profit is None:
        return "unknown"
    if is_undefined(profit):
        return "unknown"
    return "paid" if profit >= 0 else "not_paid"


def headline_sentence(
    totals: dict[str, Any],
    currency: str,
    *,
    lang: str = DEFAULT_LANGUAGE,
    digits: str = "native",
    caveat: bool = True,
) -> str:
    """One to three sentences: what social media cost, what it brought in, whether it paid,
    and (with `caveat`), while no gross margin is known, that sales count at their full
    value."""
    _ = translator(lang)

    def money(value: Any) -> str:
        return format_money(value, currency, lang=lang, digits=digits)

    cost, return_, profit = totals.get("cost"), totals.get("return"), totals.get("profit")
    if is_undefined(cost) or not cost:
        if not is_undefined(return_) and return_:
            sentence = _(
                "Social media brought in {brought_in}, and no costs are entered yet: "
                "add your ad spend and monthly costs to see ROI."
            )
            return fill(sentence, lang, brought_in=money(return_))
        return _("There are no costs or returns in this selection yet.")
    if is_undefined(return_):
        sentence = _(
            "Social media cost you {cost}. Your files report no sales, leads or revenue, so "
            "what it brought in is not known: add a file with your sales, or say what a lead "
            "is worth to you."
        )
        return fill(sentence, lang, cost=money(cost))
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
    text = fill(
        sentence,
        lang,
        cost=money(cost),
        brought_in=money(return_),
        profit=money(abs(profit or 0.0)),
        roi=format_metric("roi_pct", totals.get("roi_pct"), currency, lang=lang, digits=digits),
    )
    full_value = sales_value_caveat(totals, currency, lang=lang, digits=digits) if caveat else ""
    return f"{text} {full_value}" if full_value else text


def sales_value_caveat(
    totals: dict[str, Any], currency: str, *, lang: str = DEFAULT_LANGUAGE, digits: str = "native"
) -> str:
    """While sales count at their full value (no margin or cost of goods known for them), the
    sentence that says so; "" once every sale's gross profit is known (METRICS.md 4a)."""
    before = totals.get("sales_value_before_cost_of_goods")
    if before is None or is_undefined(before) or before <= 0:
        return ""
    _ = translator(lang)
    sentence = _(
        "This counts {sales} of sales at their full value, before the cost of goods: set "
        "your gross margin to see what they really left you."
    )
    return fill(sentence, lang, sales=format_money(before, currency, lang=lang, digits=digits))


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


def assumption_lines(
    totals: dict[str, Any],
    settings: Settings,
    currency: str,
    *,
    lang: str = DEFAULT_LANGUAGE,
    digits: str = "native",
) -> list[str]:
    """What the verdict takes as given, in a few plain lines: what the cost holds, what a
    sale and a lead count as in return, and whether earned media is in it."""
    _ = translator(lang)

    def money(value: Any) -> str:
        return format_money(value, currency, lang=lang, digits=digits)

    spend, fixed = totals.get("spend"), totals.get("fixed_cost")  # no spend reported: "—"
    if not is_undefined(fixed) and fixed:
        cost = fill(
            _(
                "The cost is ad spend ({spend}) and {fixed} of monthly costs for these "
                "months (time, tools, agency, content)."
            ),
            lang,
            spend=money(spend),
            fixed=money(fixed),
        )
    else:
        cost = fill(
            _("The cost is ad spend ({spend}) alone: no time, tools or fees are entered."),
            lang,
            spend=money(spend),
        )
    values = settings.values
    if values.gross_margin_pct is None:
        margin = _("Gross margin: not set (sales count in full)")
    else:
        percent = format_value(values.gross_margin_pct, "percent", lang=lang, digits=digits)
        margin = fill(_("Gross margin: {percent}"), lang, percent=percent)
    lines = [cost, margin]
    leads = totals.get("leads")
    if values.value_per_lead:
        lines.append(
            fill(_("A lead counts as {value} in return."), lang, value=money(values.value_per_lead))
        )
    elif not is_undefined(leads) and leads:
        lines.append(_("Leads add nothing to return: no value per lead is set."))
    if settings.earned_media.include_in_roi:
        lines.append(_("Earned media value is counted in return (you turned it on)."))
    else:
        lines.append(_("Earned media value is an estimate and is not counted in return."))
    return lines
