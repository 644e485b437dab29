"""Funnel and audience: where people drop out, and which groups convert best."""

import streamlit as st

import smroi
from smroi import charts
from smroi.funnel import (
    MIN_CLICKS,
    MIN_RESULTS,
    MONEY_STAGES,
    STAGES,
    best_and_worst_segments,
    dimensions_present,
    funnel,
    funnel_by,
    heatmap,
    segments,
)
from ui import state
from ui.frame import period_caption, require_frame, show_warnings
from ui.state import get_view
from ui.widgets import chart_table, chart_with_downloads, metric_table, number_format, plain

require_frame()

view = get_view()
settings, currency = view.settings, view.settings.currency
analysis = view.analysis

st.title("Who goes on to buy?")
st.caption(period_caption(view))
show_warnings(view)
if analysis.rows.empty:
    st.info("No rows in this selection.")
    st.stop()

st.header("The funnel")
stages = funnel(analysis)
chart_with_downloads(
    charts.funnel_chart(stages, currency),
    stages[["stage", "value", "rate_name", "rate"]].rename(
        columns={"stage": "Step", "value": "How many", "rate_name": "Rate", "rate": "Value"}
    ),
    "funnel",
    key="funnel",
)
money = stages[stages["money"]].set_index("key")
st.caption(
    f"Sales value {plain(smroi.format_money(money.loc['sales_value', 'value'], currency))}"
    f" ({plain(smroi.format_value(money.loc['sales_value', 'rate'], 'money', currency))} a "
    f"sale); commissions {plain(smroi.format_money(money.loc['commissions', 'value'], currency))}"
    ". A rate is '—' where the step before it is 0."
)
by = (
    st.segmented_control(
        "Funnel by",
        ["platform", "campaign"],
        default="platform",
        format_func=lambda level: smroi.LEVEL_LABELS[level],
        key=state.FUNNEL_BY,
    )
    or "platform"
)
steps = funnel_by(analysis, by)
money_format = number_format("sales_value", currency)
formats = {label: "%,d" for key, label, _ in STAGES if key not in MONEY_STAGES}
formats.update({label: money_format for key, label, _ in STAGES if key in MONEY_STAGES})
formats.update({rate.capitalize(): "percent" for _, _, rate in STAGES[1:]})
formats["Sales value per sale"] = money_format
st.dataframe(
    steps,
    hide_index=True,
    placeholder=smroi.DASH,
    column_config={
        by: smroi.LEVEL_LABELS[by],
        **{name: st.column_config.NumberColumn(name, format=f) for name, f in formats.items()},
    },
)
st.caption(
    "Sales can outnumber leads (a rate over 100%) when people buy without filling in a "
    "lead form first."
)

st.header("Audience: who converts")
present = dimensions_present(analysis)
if not present:
    st.info(
        "Your files have no audience columns (age, gender, location, interest, utm_…). "
        "Ad platforms export them as breakdowns, e.g. Meta's 'Age' and 'Gender'."
    )
    st.stop()
dimension = st.selectbox(
    "Break down by",
    present,
    format_func=lambda d: d.replace("_", " ").capitalize(),
    key=state.AUDIENCE_DIMENSION,
)
result_label = smroi.cost_per_result_label(settings.objective)
frame = segments(analysis, dimension)
st.caption(
    f"A segment needs at least {MIN_CLICKS} clicks and {MIN_RESULTS} results to be ranked: "
    "with fewer, one sale more or less would change its rates a lot."
)
metric_table(
    frame.sort_values("cost", ascending=False),
    {dimension: dimension.replace("_", " ").capitalize()},
    ["cost", "spend", "clicks", "conversions", "conversion_rate", "cost_per_result", "roi_pct"],
    currency,
    labels={"cost_per_result": result_label},
    key=f"{state.AUDIENCE_DIMENSION}.table",
)
best, worst = best_and_worst_segments(frame, "cost_per_result")
left, right = st.columns(2)
with left:
    st.markdown(f"**Cheapest {result_label.lower().removeprefix('cost per ')}s**")
    for _, row in best.iterrows():
        st.markdown(
            f"- {plain(row[dimension])}: "
            f"{plain(smroi.format_metric('cost_per_result', row['cost_per_result'], currency))}"
        )
    if best.empty:
        st.caption("No segment has enough volume to rank.")
with right:
    st.markdown(f"**Dearest {result_label.lower().removeprefix('cost per ')}s**")
    for _, row in worst.iterrows():
        st.markdown(
            f"- {plain(row[dimension])}: "
            f"{plain(smroi.format_metric('cost_per_result', row['cost_per_result'], currency))}"
        )

chart_with_downloads(
    charts.metric_by_group(
        frame,
        dimension,
        dimension.replace("_", " ").capitalize(),
        "cost_per_result",
        currency,
        label=result_label,
    ),
    chart_table(frame, [dimension, "cost_per_result", "clicks", "results"], currency),
    f"cost-per-result-by-{dimension}",
    key="audience",
)

if {"age", "gender"} <= set(present):
    st.subheader("Age and gender")
    metric = (
        st.segmented_control(
            "Colour by",
            ["conversion_rate", "cpa"],
            default="conversion_rate",
            format_func=lambda key: smroi.METRICS[key].label,
            key=state.HEATMAP_METRIC,
        )
        or "conversion_rate"
    )
    cells = heatmap(analysis, "age", "gender", metric)
    chart_with_downloads(
        charts.heatmap_chart(cells, "age", "gender", metric, currency),
        chart_table(cells, ["age", "gender", metric, "clicks", "results"], currency),
        f"{metric}-by-age-and-gender",
        key="heatmap",
    )
