"""The goals on the Your business page: metric, target and period, kept in the settings
file ("goals").

Each goal is a target box (change it in place) with a remove button; "Add a goal" takes a
metric, a target and a period. A narrow column reads a list better than a grid.
"""

from __future__ import annotations

from dataclasses import replace

import streamlit as st

import smroi
from smroi.goals import LOWER_IS_BETTER
from smroi.i18n import N_
from smroi.registry import metric_help_text, metric_label
from ui import state
from ui.i18n import language, option_labels, t

PERIODS = ("week", "month", "quarter", "year")
PERIOD_LABELS = {  # English; shown through t()
    "day": N_("day"),
    "week": N_("week"),
    "month": N_("month"),
    "quarter": N_("quarter"),
    "year": N_("year"),
}
# "Leads a month", whole, so that each language words its own grammar
_GOAL_LABELS = {
    "day": N_("{metric} a day"),
    "week": N_("{metric} a week"),
    "month": N_("{metric} a month"),
    "quarter": N_("{metric} a quarter"),
    "year": N_("{metric} a year"),
}
_CEILING_LABELS = {
    "day": N_("{metric} a day (at most)"),
    "week": N_("{metric} a week (at most)"),
    "month": N_("{metric} a month (at most)"),
    "quarter": N_("{metric} a quarter (at most)"),
    "year": N_("{metric} a year (at most)"),
}
GOAL_METRICS = tuple(key for key in smroi.METRICS if key != "months")
ADD_METRIC = "goals.add.metric"
ADD_TARGET = "goals.add.target"
ADD_PERIOD = "goals.add.period"


def goal_label(goal: smroi.Goal) -> str:
    """'Leads a month', 'Cost per lead a week (at most)', in the session's language."""
    labels = _CEILING_LABELS if goal.metric in LOWER_IS_BETTER else _GOAL_LABELS
    return t(labels[goal.period], metric=metric_label(goal.metric, language()))


def _target_key(number: int, goal: smroi.Goal) -> str:
    # the key carries the goal itself: a goal changed anywhere (a loaded settings file,
    # a removed goal above it) gets a fresh box showing its new target
    return f"goals.target.{number}.{goal.metric}.{goal.period}.{goal.target!r}"


def _change_target(number: int, key: str) -> None:
    goals = list(state.base_settings().goals)
    value = st.session_state.get(key)
    if value is not None and number < len(goals):
        goals[number] = replace(goals[number], target=float(value))
        state.set_goals(tuple(goals))


def _remove(number: int) -> None:
    goals = list(state.base_settings().goals)
    if number < len(goals):
        del goals[number]
        state.set_goals(tuple(goals))


def _add() -> None:
    goal = smroi.Goal(
        metric=st.session_state[ADD_METRIC],
        target=float(st.session_state[ADD_TARGET]),
        period=st.session_state[ADD_PERIOD],
    )
    if goal not in state.base_settings().goals:
        state.set_goals((*state.base_settings().goals, goal))


def goals_editor() -> None:
    """The goals, each a target box with a remove button, and a form to add one."""
    goals = state.base_settings().goals
    st.subheader(t("Goals"), anchor=False)
    st.caption(t("What you aim for: the Goals and trends page tracks each one per period."))
    for number, goal in enumerate(goals):
        key = _target_key(number, goal)
        left, right = st.columns([5, 1], vertical_alignment="bottom")
        left.number_input(
            goal_label(goal),
            min_value=0.0,
            value=float(goal.target),
            key=key,
            on_change=_change_target,
            args=(number, key),
            help=metric_help_text(goal.metric, language()),
        )
        right.button(
            "",
            icon=":material/delete:",
            key=f"goals.remove.{number}",
            help=t("Remove the goal on {goal}", goal=goal_label(goal).lower()),
            on_click=_remove,
            args=(number,),
        )
    lang = language()  # read now: a format_func may run outside the script
    with st.form("goals.add", border=False):
        st.markdown(t("**Add a goal**"))
        st.selectbox(
            t("Metric"),
            GOAL_METRICS,
            index=GOAL_METRICS.index("leads"),
            format_func=lambda key: metric_label(key, lang),
            key=ADD_METRIC,
        )
        st.number_input(t("Target"), min_value=0.0, value=100.0, key=ADD_TARGET)
        st.selectbox(
            t("Per"),
            PERIODS,
            index=PERIODS.index("month"),
            format_func=option_labels(PERIOD_LABELS),
            key=ADD_PERIOD,
        )
        st.form_submit_button(t("Add goal"), icon=":material/add:", on_click=_add)
