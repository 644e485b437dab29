"""Overview: is social media paying? Cost, return, profit, ROI, ROAS, cost per result."""

import streamlit as st

import smroi
from smroi import charts
from smroi.i18n import N_
from ui import data, state
from ui.break_even import break_even_section
from ui.business import business_form, missing_notes
from ui.claims import claims_section
from ui.frame import (
    period_caption,
    require_frame,
    show_mixed_decimal_marks,
    show_outlying_dates,
    show_warnings,
)
from ui.i18n import digits, language, option_labels, t
from ui.state import get_view
from ui.widgets import (
    chart_table,
    chart_with_downloads,
    key_figures,
    kpi_cards,
    plain,
    verdict_box,
)

TREND_PERIODS = {"day": N_("day"), "week": N_("week"), "month": N_("month")}

require_frame()

view = get_view()
settings, currency, lang, digit_choice = (
    view.settings,
    view.settings.currency_code,
    language(),
    digits(),
)
totals = data.headline(view.cache_key, view.analysis)
ranges = data.intervals(view.cache_key, view.analysis)

st.title(t("Is social media paying?"))
st.caption(period_caption(view))
show_warnings(view)
show_outlying_dates(view)
show_mixed_decimal_marks(view)
own_data = not view.data.is_sample and view.data.shared is None
missing = smroi.missing_inputs(view.analysis, totals) if own_data else []
if own_data and st.session_state.get(state.BUSINESS_FORM) == "open":
    business_form(settings, asks_order_value=any(m.key == "order_value" for m in missing))
verdict_box(totals, currency)
labels = {"cost_per_result": smroi.cost_per_result_label(settings.objective, lang)}
if settings.earned_media.include_in_roi:  # two ROI figures, never one replacing the other
    labels["roi_pct"] = t("ROI with earned media")
    labels["return"] = t("Return with earned media")
    key_figures(totals, ["roi_without_emv_pct", "roi_pct", "profit"], currency, labels)
else:
    key_figures(totals, ["roi_pct", "profit"], currency, labels, ranges)
if caveat := smroi.sales_value_caveat(totals, currency, lang=lang, digits=digit_choice):
    st.caption(plain(caveat))
if st.session_state.get(state.BUSINESS_FORM) != "open":
    missing_notes(missing)

kpi_cards(
    totals,
    ["cost", "return", "roas", "cost_per_result"],
    currency,
    labels,
    per_row=4,
    ranges=ranges,
)
st.caption(
    smroi.cost_per_result_sentence(
        totals, settings.objective, currency, lang=lang, digits=digit_choice
    )
)

with st.expander(t("Where the cost and return come from")):
    kpi_cards(
        totals,
        [
            "spend",
            "fixed_cost",
            "sales_value",
            "gross_profit",
            "sales_value_before_cost_of_goods",
            "lead_value",
            "commissions",
            "emv",
        ],
        currency,
    )
    if settings.earned_media.include_in_roi:
        st.caption(t("Earned media value is counted in return (you turned it on)."))
    else:
        st.caption(t("Earned media value is an estimate and is not counted in return."))
claims_section(view)

by_platform = data.by_group_with_intervals(view.cache_key, "platform", view.analysis)
break_even_section(totals, by_platform, settings.objective, currency)
if by_platform.empty:
    st.info(t("No rows in this selection."))
else:
    left, right = st.columns(2)
    chart_with_downloads(
        charts.return_vs_cost_by_platform(by_platform, currency, lang=lang, digits=digit_choice),
        chart_table(by_platform, ["platform", "return", "cost"], currency),
        "return-vs-cost-by-platform",
        left,
    )
    chart_with_downloads(
        charts.roi_by_platform(by_platform, lang=lang, digits=digit_choice),
        chart_table(by_platform, ["platform", "roi_pct", "profit", "cost"], currency),
        "roi-by-platform",
        right,
    )
    no_cost = [
        str(p) for p, c in zip(by_platform["platform"], by_platform["cost"], strict=True) if not c
    ]
    if no_cost:
        right.caption(
            t(
                "ROI is undefined (—) for {platforms}: no cost was assigned.",
                platforms=plain(", ".join(no_cost)),
            )
        )
    compared = smroi.compare_sentence(
        by_platform, "platform", settings.objective, currency, lang=lang, digits=digit_choice
    )
    if compared:  # can the counts tell the best platform from the worst?
        st.caption(plain(compared))
    grain = charts.trend_period(view.analysis.first_day, view.analysis.last_day)
    period = (
        st.segmented_control(
            t("Trend by"),
            ["day", "week", "month"],
            format_func=option_labels(TREND_PERIODS),
            default=grain,
            key=state.OVERVIEW_PERIOD,
        )
        or grain
    )
    trend = data.over_time(view.cache_key, period, view.analysis)
    chart_with_downloads(
        charts.return_and_cost_over_time(trend, currency, period, lang=lang, digits=digit_choice),
        chart_table(trend, ["period_start", "return", "cost", "days", "partial"], currency),
        f"return-and-cost-by-{period}",
    )
