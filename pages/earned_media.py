"""Earned media: what organic reach, saved ad money and soft returns are worth (estimates)."""

import pandas as pd
import streamlit as st

import smroi
from smroi import charts
from smroi.earned_media import ledger_totals, ppc_table, value_ledger
from ui import data, state
from ui.frame import period_caption, require_frame, show_warnings
from ui.rates import rate_editor, sources_note
from ui.soft_value import keyword_upload, soft_value_inputs
from ui.state import get_view
from ui.widgets import (
    chart_table,
    chart_with_downloads,
    kpi_cards,
    metric_table,
    number_format,
    plain,
)

require_frame()

view = get_view()
settings, currency = view.settings, view.settings.currency
locked = view.data.shared is not None
totals = data.headline(view.cache_key, view.analysis)

st.title("What is the rest worth?")
st.caption(period_caption(view))
show_warnings(view)
st.markdown(
    "Most of what social media gives a small business is not paid for: reach, visitors, "
    "questions answered in public. Here it is priced, **as estimates**: every figure says "
    "how it is worked out, and none is counted in ROI unless you say so."
)

st.header("Earned media value")
kpi_cards(totals, ["emv", "roi_without_emv_pct", "roi_with_emv_pct"], currency)
if settings.earned_media.include_in_roi:
    st.caption("Earned media value is counted in return and ROI on every page (sidebar).")
else:
    st.caption(
        "ROI on the other pages is the one without earned media. To count it, turn on "
        "'Count earned media value in return and ROI' in the sidebar; the Overview then "
        "shows both figures."
    )

by_platform = data.by_group(view.cache_key, "platform", view.analysis)
if by_platform.empty:
    st.info("No rows in this selection.")
    st.stop()
left, right = st.columns(2)
with left:
    chart_with_downloads(
        charts.metric_by_group(by_platform, "platform", "Platform", "emv", currency),
        chart_table(by_platform, ["platform", "emv"], currency),
        "earned-media-value-by-platform",
        key="emv-platform",
    )
with right:
    period = (
        st.segmented_control("Per", ["day", "week", "month"], default="week", key=state.EMV_PERIOD)
        or "week"
    )
    trend = data.over_time(view.cache_key, period, view.analysis)
    chart_with_downloads(
        charts.metric_over_time(trend, "emv", currency, period),
        chart_table(trend, ["period_start", "emv", "days", "partial"], currency),
        f"earned-media-value-by-{period}",
        key="emv-trend",
    )

level = (
    st.segmented_control(
        "Earned media value by",
        ["platform", "campaign", "element"],
        default="platform",
        format_func=lambda level: smroi.LEVEL_LABELS[level],
        key=state.EMV_LEVEL,
    )
    or "platform"
)
groups = data.by_group(view.cache_key, level, view.analysis)
groups = groups[groups["emv"] > 0].sort_values("emv", ascending=False)
metric_table(
    groups,
    {level: smroi.LEVEL_LABELS[level]},
    ["emv", "impressions", "clicks", "engagements"],
    currency,
    key=f"{state.EMV_LEVEL}.table",
)

st.subheader("The rates behind it")
st.caption(
    "Earned media value = organic impressions / 1000 x CPM + organic clicks x CPC + "
    "organic engagements x CPE, at each platform's rates (the default row where a platform "
    "has none). Your own ad costs are the best rates."
)
platforms = sorted(str(p) for p in view.data.table["platform"].dropna().unique())
rate_editor(settings, platforms, locked)
sources_note()

st.header("The value ledger")
st.caption(
    "Everything social media brought in, from cash to estimates. Cash is money received; "
    "estimates are worked out from your own assumptions and never counted as cash."
)
with st.expander(
    "Soft values: brand awareness, customer service, insights, search traffic", expanded=not locked
):
    soft_value_inputs(settings, locked)
    keyword_upload(locked)
settings = view.settings
lines = value_ledger(totals, settings, view.analysis.months)
ledger = pd.DataFrame(
    {
        "Line": [line.label for line in lines],
        "Kind": [line.kind for line in lines],
        f"Amount ({currency})": [line.amount for line in lines],
        "In ROI": ["yes" if line.in_roi else "no" for line in lines],
        "How it is worked out": [line.formula for line in lines],
    }
)
st.dataframe(
    ledger,
    hide_index=True,
    column_config={
        f"Amount ({currency})": st.column_config.NumberColumn(
            format=number_format("sales_value", currency)
        )
    },
)
sums = ledger_totals(lines, float(totals["cost"] or 0.0))
summary = st.columns(3)
summary[0].metric("Cash return", smroi.format_money(sums["cash"], currency), border=True)
summary[1].metric("Estimated value", smroi.format_money(sums["estimated"], currency), border=True)
summary[2].metric(
    "Net value with estimates",
    smroi.format_money(sums["net_with_estimates"], currency),
    help="Cash return + estimated value - total cost. Not ROI: most of it is not money.",
    border=True,
)
waterfall_lines = pd.DataFrame(
    {
        "label": [line.label for line in lines],
        "amount": [line.amount for line in lines],
        "kind": [line.kind for line in lines],
    }
)
chart_with_downloads(
    charts.value_waterfall(waterfall_lines, float(totals["cost"] or 0.0), currency),
    ledger,
    "value-ledger",
    key="ledger",
)
keywords = ppc_table(settings.soft_value.ppc_keywords)
if len(keywords):
    st.subheader("Search traffic you did not pay for")
    st.caption(
        f"Organic clicks x what each keyword costs per click in ads: "
        f"{plain(smroi.format_money(float(keywords['saved'].sum()), currency))} saved."
    )
    st.dataframe(keywords, hide_index=True)
