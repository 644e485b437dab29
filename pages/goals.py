"""Goals and trends: are we on target, how did this period go, and what to change."""

import pandas as pd
import streamlit as st

import smroi
from smroi import charts
from smroi.goals import (
    LOWER_IS_BETTER,
    budget_shift,
    compare_with_previous,
    goal_periods,
    goal_sentence,
    goal_status,
    goal_title,
    ranking,
    review,
)
from ui import data, state
from ui.frame import period_caption, require_frame, show_warnings
from ui.state import get_view
from ui.widgets import chart_with_downloads, metric_table, plain

require_frame()

view = get_view()
settings, currency = view.settings, view.settings.currency
analysis = view.analysis

st.title("Are we on target?")
st.caption(period_caption(view))
show_warnings(view)
if analysis.rows.empty or analysis.first_day is None:
    st.info("Goals and trends need rows with dates.")
    st.stop()

st.header("Goals")
if not settings.goals:
    st.info("No goals yet. Add one in the sidebar under Goals (metric, target, period).")
for number, goal in enumerate(settings.goals):
    metric = smroi.METRICS[goal.metric]
    periods = goal_periods(analysis, goal, data.over_time(view.cache_key, goal.period, analysis))
    status = goal_status(analysis, goal, periods)
    actual = smroi.format_value(status["actual"], metric.unit, currency)
    st.subheader(goal_title(goal, currency))
    progress = status["progress_pct"]
    left, right = st.columns([1, 2])
    with left:
        st.metric(
            f"This {goal.period} (from {status['period_start']})",
            actual,
            help=f"{metric.help}\n\nFormula: {metric.formula}",
            border=True,
        )
        if progress is not None:
            st.progress(
                min(max(progress / 100, 0.0), 1.0),
                text=f"{progress:,.0f}% of the "
                + ("limit" if goal.metric in LOWER_IS_BETTER else "target"),
            )
        kind, sentence = goal_sentence(status, currency)
        if kind == "met":
            st.success(sentence)
        elif kind == "over":
            st.warning(sentence)
        else:
            st.caption(sentence)
    with right:
        chart_with_downloads(
            charts.goal_chart(periods, goal.metric, goal.target, goal.period, currency),
            periods,
            f"goal-{goal.metric}-per-{goal.period}",
            key=f"goal-{number}",
        )

st.header("This period against the one before")
period = (
    st.segmented_control(
        "Period",
        ["day", "week", "month", "quarter", "year"],
        default="month",
        key=state.GOALS_PERIOD,
    )
    or "month"
)
compared = compare_with_previous(analysis, period, data.over_time(view.cache_key, period, analysis))
if compared.attrs.get("previous_start") is None:
    st.info(f"The data covers only one {period}: nothing to compare with.")
else:
    latest_start = compared.attrs.get("latest_start")
    st.caption(
        f"The {period} from {latest_start} against the {period} from "
        f"{compared.attrs.get('previous_start')}. Weeks start on Monday."
    )
    if bool(compared["latest_partial"].iloc[0]):
        st.warning(
            f"The data stops before this {period} ends: its counts and money are for part of "
            f"a {period}, so they look low next to a whole one. Ratios compare fairly."
        )
    cards = st.columns(4)
    shown = ["cost", "return", "roi_pct", "leads", "conversions", "spend", "cpl", "cpa"]
    rows = compared.set_index("metric")
    for column, key in zip(cards * 2, shown, strict=True):
        row = rows.loc[key]
        metric = smroi.METRICS[key]
        delta = None if pd.isna(row["change_pct"]) else f"{row['change_pct']:+,.1f}%"
        column.metric(
            metric.label,
            smroi.format_value(row["latest"], metric.unit, currency),
            delta=delta,
            delta_color="inverse" if metric.lower_is_better else "normal",
            help=f"Before: {smroi.format_value(row['previous'], metric.unit, currency)}",
            border=True,
        )

    with st.expander(f"Every number, this {period} against the one before"):

        def shown(column: str) -> list[str]:
            pairs = zip(compared["metric"], compared[column], strict=True)
            return [smroi.format_metric(key, value, currency) for key, value in pairs]

        table = compared.assign(
            label=[smroi.METRICS[key].label for key in compared["metric"]],
            now=shown("latest"),
            before=shown("previous"),
            change_text=shown("change"),
        )
        st.dataframe(
            table[["label", "now", "before", "change_text", "change_pct"]],
            hide_index=True,
            placeholder=smroi.DASH,
            column_config={
                "label": st.column_config.TextColumn("Number"),
                "now": st.column_config.TextColumn(f"From {latest_start}"),
                "before": st.column_config.TextColumn(
                    f"From {compared.attrs.get('previous_start')}"
                ),
                "change_text": st.column_config.TextColumn("Change"),
                "change_pct": st.column_config.NumberColumn("Change (%)", format="%+,.1f%%"),
            },
        )

st.header("Review and reset")
by = (
    st.segmented_control(
        "Rank",
        ["platform", "campaign"],
        default="platform",
        format_func=lambda level: f"by {level}",
        key=state.REVIEW_BY,
    )
    or "platform"
)
st.caption(
    f"Each {by} by ROI (highest first) and cost per result. Return per cost is return / total "
    "cost, fixed costs shared by ad spend."
)
groups = data.by_group(view.cache_key, by, analysis)
metric_table(
    ranking(analysis, by, groups),
    {by: by.capitalize()},
    ["cost", "return", "roi_pct", "cost_per_result", "conversions", "leads"],
    currency,
    labels={"cost_per_result": smroi.cost_per_result_label(settings.objective)},
    key=f"ranking-{by}",
)
for sentence in review(analysis, by, groups=groups):
    st.markdown(f"- {plain(sentence)}")
shift = budget_shift(analysis, by, groups=groups)
if shift is not None:
    st.info(plain(shift["sentence"]), icon=":material/lightbulb:")
