"""Funnel and audience: where people drop out, and which groups convert best."""

import streamlit as st

import smroi
from smroi import charts
from smroi.funnel import (
    DIMENSION_LABELS,
    MIN_CLICKS,
    MIN_RESULTS,
    best_and_worst_segments,
    dimensions_present,
    funnel,
    funnel_by,
    funnel_columns,
    heatmap,
    segments,
)
from smroi.i18n import N_
from smroi.registry import metric_label
from ui import state
from ui.frame import period_caption, require_frame, show_warnings
from ui.i18n import digits, language, metric_value, money, number, option_labels, t
from ui.state import get_view
from ui.widgets import (
    chart_table,
    chart_with_downloads,
    data_table,
    english_format,
    localised_table,
    metric_table,
    number_format,
    plain,
)

# The segments with the cheapest and the dearest result, per objective (a whole sentence
# each: the word for a result differs by objective and by language)
CHEAPEST = {
    "awareness": N_("**Cheapest impressions**"),
    "engagement": N_("**Cheapest engagements**"),
    "leads": N_("**Cheapest leads**"),
    "sales": N_("**Cheapest sales**"),
}
DEAREST = {
    "awareness": N_("**Dearest impressions**"),
    "engagement": N_("**Dearest engagements**"),
    "leads": N_("**Dearest leads**"),
    "sales": N_("**Dearest sales**"),
}


require_frame()

view = get_view()
settings, currency = view.settings, view.settings.currency_code
analysis, lang = view.analysis, language()

st.title(t("Who goes on to buy?"))
st.caption(period_caption(view))
show_warnings(view)
if analysis.rows.empty:
    st.info(t("No rows in this selection."))
    st.stop()

st.header(t("The funnel"))
stages = funnel(analysis, lang=lang)
chart_with_downloads(
    charts.funnel_chart(stages, currency, lang=lang, digits=digits()),
    stages[["stage", "value", "rate_name", "rate"]]
    .assign(
        range=[
            charts.rate_range_text(low, high, lang, digits())
            for low, high in zip(stages["rate_low"], stages["rate_high"], strict=True)
        ]
    )
    .set_axis([t("Step"), t("How many"), t("Rate"), t("Value"), t("90% range")], axis="columns"),
    "funnel",
    key="funnel",
)
money_stages = stages[stages["money"]].set_index("key")
st.caption(
    t(
        "Sales value {sales_value} ({per_sale} a sale); commissions {commissions}. "
        "A rate is '—' where the step before it is 0.",
        sales_value=plain(money(money_stages.loc["sales_value", "value"], currency)),
        per_sale=plain(number(money_stages.loc["sales_value", "rate"], "money", currency)),
        commissions=plain(money(money_stages.loc["commissions", "value"], currency)),
    )
)
by = (
    st.segmented_control(
        t("Funnel by"),
        ["platform", "campaign"],
        default="platform",
        format_func=option_labels(smroi.LEVEL_LABELS),
        key=state.FUNNEL_BY,
    )
    or "platform"
)
steps = funnel_by(analysis, by, lang=lang)
money_format = number_format("sales_value", currency)
printf = {"count": "%,d", "money": money_format, "fraction": "percent"}
units = {title: unit for _, title, unit in funnel_columns(lang)}
data_table(
    localised_table(steps, units, currency),
    hide_index=True,
    placeholder=smroi.DASH,
    column_config={
        by: t(smroi.LEVEL_LABELS[by]),
        **{
            title: st.column_config.NumberColumn(title, format=english_format(printf[unit]))
            for title, unit in units.items()
        },
    },
)
st.caption(
    t(
        "Sales can outnumber leads (a rate over 100%) when people buy without filling in a "
        "lead form first."
    )
)

st.header(t("Audience: who converts"))
present = dimensions_present(analysis)
if not present:
    st.info(
        t(
            "Your files have no audience columns (age, gender, location, interest, utm_…). "
            "Ad platforms export them as breakdowns, e.g. Meta's 'Age' and 'Gender'."
        )
    )
    st.stop()
dimension = st.selectbox(
    t("Break down by"),
    present,
    format_func=option_labels(DIMENSION_LABELS),
    key=state.AUDIENCE_DIMENSION,
)
dimension_title = t(DIMENSION_LABELS[dimension])
result_label = smroi.cost_per_result_label(settings.objective, lang)
frame = segments(analysis, dimension)
st.caption(
    t(
        "A segment is ranked only with at least {clicks} clicks and {results} results, and "
        "when its cost per result's 90% range lies wholly apart from that of the other "
        "segments together: otherwise the difference could be chance.",
        clicks=number(MIN_CLICKS, "count"),
        results=number(MIN_RESULTS, "count"),
    )
)
metric_table(
    frame.sort_values("cost", ascending=False),
    {dimension: dimension_title},
    ["cost", "spend", "clicks", "conversions", "conversion_rate", "cost_per_result", "roi_pct"],
    currency,
    labels={"cost_per_result": result_label},
    key=f"{state.AUDIENCE_DIMENSION}.table",
)
best, worst = best_and_worst_segments(frame, "cost_per_result", objective=settings.objective)
left, right = st.columns(2)
with left:
    st.markdown(t(CHEAPEST[settings.objective]))
    for _, row in best.iterrows():
        cost = metric_value("cost_per_result", row["cost_per_result"], currency)
        # a message, so that Persian keeps each value in its own direction
        line = t("{segment}: {cost}", segment=plain(row[dimension]), cost=plain(cost))
        st.markdown(f"- {line}")
    if best.empty:
        st.caption(t("No segment stands apart from the others yet."))
with right:
    st.markdown(t(DEAREST[settings.objective]))
    for _, row in worst.iterrows():
        cost = metric_value("cost_per_result", row["cost_per_result"], currency)
        # a message, so that Persian keeps each value in its own direction
        line = t("{segment}: {cost}", segment=plain(row[dimension]), cost=plain(cost))
        st.markdown(f"- {line}")

chart_with_downloads(
    charts.metric_by_group(
        frame,
        dimension,
        dimension_title,
        "cost_per_result",
        currency,
        label=result_label,
        lang=lang,
        digits=digits(),
    ),
    chart_table(
        frame,
        [dimension, "cost_per_result", "clicks", "results"],
        currency,
        labels={dimension: dimension_title},
    ),
    f"cost-per-result-by-{dimension}",
    key="audience",
)

if {"age", "gender"} <= set(present):
    st.subheader(t("Age and gender"))
    metric = (
        st.segmented_control(
            t("Colour by"),
            ["conversion_rate", "cpa"],
            default="conversion_rate",
            format_func=lambda key: metric_label(key, lang),
            key=state.HEATMAP_METRIC,
        )
        or "conversion_rate"
    )
    cells = heatmap(analysis, "age", "gender", metric)
    chart_with_downloads(
        charts.heatmap_chart(cells, "age", "gender", metric, currency, lang=lang, digits=digits()),
        chart_table(cells, ["age", "gender", metric, "clicks", "results"], currency),
        f"{metric}-by-age-and-gender",
        key="heatmap",
    )
