"""Cost per result: what each click, lead and sale cost, by platform, campaign and post/ad."""

import streamlit as st

import smroi
from smroi import charts
from ui import state
from ui.frame import period_caption, require_frame, show_warnings
from ui.state import get_view
from ui.widgets import chart_table, chart_with_downloads, metric_table

require_frame()

TABLE_METRICS = [
    "spend",
    "impressions",
    "clicks",
    "ctr",
    "cpc",
    "cpm",
    "engagements",
    "cpe",
    "leads",
    "cpl",
    "conversions",
    "cpa",
    "full_cpl",
    "full_cpa",
    "cost_per_result",
    "roi_pct",
]
CHART_METRICS = [
    "cost_per_result",
    "cpc",
    "cpm",
    "ctr",
    "cpe",
    "cpl",
    "cpa",
    "full_cpl",
    "full_cpa",
    "roi_pct",
    "spend",
]

view = get_view()
settings, currency = view.settings, view.settings.currency
result_label = smroi.cost_per_result_label(settings.objective)
labels = {"cost_per_result": result_label}

st.title("Cost per result")
st.caption(period_caption(view))
show_warnings(view)
st.markdown(
    "What each click, lead and sale cost you, from platform down to each post or ad. "
    "CPC, CPM, CPE, cost per lead and cost per sale use **paid rows only**, as the ad "
    "platforms report them; *full* cost per lead and sale include your time and tools."
)

platforms = sorted(str(p) for p in view.analysis.rows["platform"].dropna().unique())
left, middle, right = st.columns(3)
level = left.radio(
    "Show one row per",
    list(smroi.LEVELS),
    horizontal=True,
    format_func=smroi.LEVEL_LABELS.__getitem__,
    key=state.CPR_LEVEL,
)
platform = middle.selectbox(
    "Inside platform",
    [None, *platforms],
    key=state.CPR_PLATFORM,
    format_func=lambda p: "All platforms" if p is None else p,
)
campaign = None
if level != "platform":
    narrowed = smroi.drill_down(view.analysis, "campaign", platform=platform)
    campaigns = sorted({str(c) for c in narrowed["campaign"]})
    campaign = right.selectbox(
        "Inside campaign",
        [None, *campaigns],
        key=state.CPR_CAMPAIGN,
        format_func=lambda c: "All campaigns" if c is None else c,
    )

frame = smroi.drill_down(view.analysis, level, platform=platform, campaign=campaign)
group_columns = smroi.LEVELS[level]
label_columns = {column: smroi.LEVEL_LABELS[column] for column in group_columns}
if frame.empty:
    st.info("No rows in this selection.")
    st.stop()

metric_table(frame, label_columns, TABLE_METRICS, currency, labels=labels, key=state.CPR_TABLE)

chosen = st.selectbox(
    "Chart",
    CHART_METRICS,
    key=state.CPR_CHART_METRIC,
    format_func=lambda k: labels.get(k, smroi.METRICS[k].label),
)
frame = frame.assign(label=frame[group_columns].astype(str).agg(" · ".join, axis=1))
chart_with_downloads(
    charts.metric_by_group(
        frame, "label", smroi.LEVEL_LABELS[level], chosen, currency, label=labels.get(chosen)
    ),
    chart_table(frame, [*group_columns, chosen], currency, labels=labels),
    f"{chosen}-by-{level}",
)

st.subheader(f"Best and worst posts and ads by {result_label.lower()}")
elements = smroi.drill_down(view.analysis, "element", platform=platform, campaign=campaign)
best, worst, no_result = smroi.best_and_worst(elements)
show = {column: smroi.LEVEL_LABELS[column] for column in smroi.LEVELS["element"]}
best_col, worst_col = st.columns(2)
with best_col:
    st.markdown("**Cheapest results**")
    metric_table(
        best, show, ["cost_per_result", "spend"], currency, labels=labels, key=state.CPR_BEST
    )
with worst_col:
    st.markdown("**Dearest results**")
    metric_table(
        worst, show, ["cost_per_result", "spend"], currency, labels=labels, key=state.CPR_WORST
    )
if not no_result.empty:
    results_word = smroi.RESULT_WORDS[settings.objective]
    st.markdown(f"**Spent money with no {results_word}**")
    metric_table(no_result, show, ["spend", "clicks"], currency, key=state.CPR_NO_RESULT)
