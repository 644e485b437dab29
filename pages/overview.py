"""Overview: is social media paying? Cost, return, profit, ROI, ROAS, cost per result."""

import streamlit as st

import smroi
from smroi import charts
from ui import data, state
from ui.frame import period_caption, require_frame, show_warnings
from ui.state import get_view
from ui.widgets import kpi_cards, plain

require_frame()

view = get_view()
settings, currency = view.settings, view.settings.currency
totals = data.headline(view.cache_key, view.analysis)

st.title("Is social media paying?")
st.caption(period_caption(view))
show_warnings(view)
st.markdown(smroi.headline_sentence(totals, currency))

kpi_cards(
    totals,
    ["cost", "return", "profit", "roi_pct", "roas", "cost_per_result"],
    currency,
    labels={"cost_per_result": smroi.cost_per_result_label(settings.objective)},
)
st.caption(smroi.cost_per_result_sentence(totals, settings.objective, currency))

with st.expander("Where the cost and return come from"):
    kpi_cards(
        totals, ["spend", "fixed_cost", "sales_value", "lead_value", "commissions", "emv"], currency
    )
    if settings.earned_media.include_in_roi:
        st.caption("Earned media value is counted in return (you turned it on).")
    else:
        st.caption("Earned media value is an estimate and is not counted in return.")

by_platform = data.by_group(view.cache_key, "platform", view.analysis)
if by_platform.empty:
    st.info("No rows in this selection.")
else:
    left, right = st.columns(2)
    left.altair_chart(charts.return_vs_cost_by_platform(by_platform, currency), width="stretch")
    right.altair_chart(charts.roi_by_platform(by_platform), width="stretch")
    no_cost = [
        str(p) for p, c in zip(by_platform["platform"], by_platform["cost"], strict=True) if not c
    ]
    if no_cost:
        right.caption(
            f"ROI is undefined (—) for {plain(', '.join(no_cost))}: no cost was assigned."
        )
    period = (
        st.segmented_control(
            "Trend by", ["day", "week", "month"], default="week", key=state.OVERVIEW_PERIOD
        )
        or "week"
    )
    trend = data.over_time(view.cache_key, period, view.analysis)
    st.altair_chart(charts.return_and_cost_over_time(trend, currency, period), width="stretch")
