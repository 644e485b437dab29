"""Goals and trends: are we on target, how did this period go, and what to change."""

from datetime import date

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
from smroi.i18n import DEFAULT_LANGUAGE, N_
from smroi.registry import metric_label
from ui import data, state, whatif
from ui.frame import period_caption, require_frame, show_warnings
from ui.goals import PERIOD_LABELS
from ui.i18n import day, digits, language, metric_value, number, option_labels, t
from ui.state import get_view
from ui.widgets import (
    chart_with_downloads,
    data_table,
    english_format,
    metric_help,
    metric_table,
    plain,
)

# Whole sentences per period, so that each language words its own grammar
# ("this month" is "denne måneden" but "dette året" in Norwegian).
THIS_PERIOD = {
    "day": N_("This day (from {start})"),
    "week": N_("This week (from {start})"),
    "month": N_("This month (from {start})"),
    "quarter": N_("This quarter (from {start})"),
    "year": N_("This year (from {start})"),
}
ONLY_ONE = {
    "day": N_("The data covers only one day: nothing to compare with."),
    "week": N_("The data covers only one week: nothing to compare with."),
    "month": N_("The data covers only one month: nothing to compare with."),
    "quarter": N_("The data covers only one quarter: nothing to compare with."),
    "year": N_("The data covers only one year: nothing to compare with."),
}
AGAINST = {
    "day": N_("The day from {latest} against the day from {previous}. Weeks start on Monday."),
    "week": N_("The week from {latest} against the week from {previous}. Weeks start on Monday."),
    "month": N_(
        "The month from {latest} against the month from {previous}. Weeks start on Monday."
    ),
    "quarter": N_(
        "The quarter from {latest} against the quarter from {previous}. Weeks start on Monday."
    ),
    "year": N_("The year from {latest} against the year from {previous}. Weeks start on Monday."),
}
PARTIAL = {
    "day": N_(
        "The data stops before this day ends: its counts and money are for part of a day, "
        "so they look low next to a whole one. Ratios compare fairly."
    ),
    "week": N_(
        "The data stops before this week ends: its counts and money are for part of a week, "
        "so they look low next to a whole one. Ratios compare fairly."
    ),
    "month": N_(
        "The data stops before this month ends: its counts and money are for part of a "
        "month, so they look low next to a whole one. Ratios compare fairly."
    ),
    "quarter": N_(
        "The data stops before this quarter ends: its counts and money are for part of a "
        "quarter, so they look low next to a whole one. Ratios compare fairly."
    ),
    "year": N_(
        "The data stops before this year ends: its counts and money are for part of a year, "
        "so they look low next to a whole one. Ratios compare fairly."
    ),
}
EVERY_NUMBER = {
    "day": N_("Every number, this day against the one before"),
    "week": N_("Every number, this week against the one before"),
    "month": N_("Every number, this month against the one before"),
    "quarter": N_("Every number, this quarter against the one before"),
    "year": N_("Every number, this year against the one before"),
}
RANK_BY = {"platform": N_("by platform"), "campaign": N_("by campaign")}
RANK_COLUMN = {"platform": N_("Platform"), "campaign": N_("Campaign")}
RANK_CAPTION = {
    "platform": N_(
        "Each platform by ROI (highest first) and cost per result. Return per cost is "
        "return / total cost, fixed costs shared by ad spend."
    ),
    "campaign": N_(
        "Each campaign by ROI (highest first) and cost per result. Return per cost is "
        "return / total cost, fixed costs shared by ad spend."
    ),
}

require_frame()

view = get_view()
settings, currency = view.settings, view.settings.currency_code
analysis = view.analysis
lang, digit_choice = language(), digits()


def from_day(iso: str | None) -> str:
    """A period's first day, as every date is written ('01 Sep 2026', '1. sep. 2026')."""
    if iso is None:
        return str(iso)
    return day(date.fromisoformat(iso))


def signed_percent(value: float) -> str:
    """A change in percent with its sign: '+12.5%', '-27.4%' ('-27,4 %', '-۲۷٫۴٪')."""
    if lang == DEFAULT_LANGUAGE:
        return f"{value:+,.1f}%"
    sign = "-" if round(value, 1) < 0 else "+"
    return sign + number(abs(value), "percent")


st.title(t("Are we on target?"))
st.caption(period_caption(view))
show_warnings(view)
if analysis.rows.empty or analysis.first_day is None:
    st.info(t("Goals and trends need rows with dates."))
    st.stop()

st.header(t("Goals"))
if not settings.goals:
    st.info(
        t("No goals yet. Add one on the Your business page, under Goals (metric, target, period).")
    )
for position, goal in enumerate(settings.goals):
    metric = smroi.METRICS[goal.metric]
    periods = goal_periods(analysis, goal, data.over_time(view.cache_key, goal.period, analysis))
    status = goal_status(analysis, goal, periods)
    st.subheader(goal_title(goal, currency, lang=lang, digits=digit_choice))
    progress = status["progress_pct"]
    left, right = st.columns([1, 2])
    with left:
        st.metric(
            t(THIS_PERIOD[goal.period], start=from_day(status["period_start"])),
            number(status["actual"], metric.unit, currency),
            help=metric_help(goal.metric),
            border=True,
        )
        if progress is not None:
            shown_progress = number(progress, "count")
            st.progress(
                min(max(progress / 100, 0.0), 1.0),
                text=t("{progress}% of the limit", progress=shown_progress)
                if goal.metric in LOWER_IS_BETTER
                else t("{progress}% of the target", progress=shown_progress),
            )
        kind, sentence = goal_sentence(status, currency, lang=lang, digits=digit_choice)
        if kind == "met":
            st.success(sentence)
        elif kind == "over":
            st.warning(sentence)
        else:
            st.caption(sentence)
    with right:
        chart_with_downloads(
            charts.goal_chart(
                periods,
                goal.metric,
                goal.target,
                goal.period,
                currency,
                lang=lang,
                digits=digit_choice,
            ),
            periods,
            f"goal-{goal.metric}-per-{goal.period}",
            key=f"goal-{position}",
        )

st.header(t("This period against the one before"))
period = (
    st.segmented_control(
        t("Period"),
        ["day", "week", "month", "quarter", "year"],
        default="month",
        format_func=option_labels(PERIOD_LABELS),
        key=state.GOALS_PERIOD,
    )
    or "month"
)
compared = compare_with_previous(analysis, period, data.over_time(view.cache_key, period, analysis))
if compared.attrs.get("previous_start") is None:
    st.info(t(ONLY_ONE[period]))
else:
    latest_start = from_day(compared.attrs.get("latest_start"))
    previous_start = from_day(compared.attrs.get("previous_start"))
    st.caption(t(AGAINST[period], latest=latest_start, previous=previous_start))
    if bool(compared["latest_partial"].iloc[0]):
        st.warning(t(PARTIAL[period]))
    cards = st.columns(4)
    shown = ["cost", "return", "roi_pct", "leads", "conversions", "spend", "cpl", "cpa"]
    rows = compared.set_index("metric")
    for column, key in zip(cards * 2, shown, strict=True):
        row = rows.loc[key]
        metric = smroi.METRICS[key]
        delta = None if pd.isna(row["change_pct"]) else signed_percent(row["change_pct"])
        column.metric(
            metric_label(key, lang),
            number(row["latest"], metric.unit, currency),
            delta=delta,
            delta_color="inverse" if metric.lower_is_better else "normal",
            help=t("Before: {value}", value=number(row["previous"], metric.unit, currency)),
            border=True,
        )

    with st.expander(t(EVERY_NUMBER[period])):

        def shown_values(column: str) -> list[str]:
            pairs = zip(compared["metric"], compared[column], strict=True)
            return [metric_value(key, value, currency) for key, value in pairs]

        table = compared.assign(
            label=[metric_label(key, lang) for key in compared["metric"]],
            now=shown_values("latest"),
            before=shown_values("previous"),
            change_text=shown_values("change"),
        )[["label", "now", "before", "change_text", "change_pct"]]
        data_table(
            table
            if lang == DEFAULT_LANGUAGE
            else table.style.format({"change_pct": signed_percent}, na_rep=smroi.DASH),
            hide_index=True,
            placeholder=smroi.DASH,
            column_config={
                "label": st.column_config.TextColumn(t("Number")),
                "now": st.column_config.TextColumn(t("From {start}", start=latest_start)),
                "before": st.column_config.TextColumn(t("From {start}", start=previous_start)),
                "change_text": st.column_config.TextColumn(t("Change")),
                "change_pct": st.column_config.NumberColumn(
                    t("Change (%)"), format=english_format("%+,.1f%%")
                ),
            },
        )

st.header(t("Review and reset"))
by = (
    st.segmented_control(
        t("Rank"),
        ["platform", "campaign"],
        default="platform",
        format_func=option_labels(RANK_BY),
        key=state.REVIEW_BY,
    )
    or "platform"
)
st.caption(t(RANK_CAPTION[by]))
groups = data.by_group(view.cache_key, by, analysis)
metric_table(
    ranking(analysis, by, groups),
    {by: t(RANK_COLUMN[by])},
    ["cost", "return", "roi_pct", "cost_per_result", "conversions", "leads"],
    currency,
    labels={"cost_per_result": smroi.cost_per_result_label(settings.objective, lang)},
    key=f"ranking-{by}",
)
for sentence in review(analysis, by, groups=groups, lang=lang, digits=digit_choice):
    st.markdown(f"- {plain(sentence)}")
caveat = smroi.sales_value_caveat(
    data.headline(view.cache_key, analysis), currency, lang=lang, digits=digit_choice
)
if caveat:  # the ranking's ROI and return count sales at their full value
    st.caption(plain(caveat))
shift = budget_shift(
    analysis,
    by,
    groups=groups,
    curves=whatif.curves(view.cache_key, by, analysis),
    lang=lang,
    digits=digit_choice,
)
if shift is not None:
    st.info(plain(shift["sentence"]), icon=":material/lightbulb:")

whatif.what_if_panel(view)
