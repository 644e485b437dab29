"""The sidebar's goals: metric, target and period, kept in the settings file ("goals")."""

from __future__ import annotations

import math

import pandas as pd
import streamlit as st

import smroi
from ui import state

PERIODS = ("week", "month", "quarter", "year")
GOAL_METRICS = tuple(key for key in smroi.METRICS if key != "months")


def goals_editor(locked: bool) -> None:
    """A small table of goals; rows can be added and removed. A change is kept at once."""
    base = state.base_settings()
    frame = pd.DataFrame(
        {
            "Metric": [goal.metric for goal in base.goals],
            "Target": [goal.target for goal in base.goals],
            "Period": [goal.period for goal in base.goals],
        }
    )
    version = st.session_state.get(state.GOALS_VERSION, 0)
    with st.expander("Goals"):
        st.caption("What you aim for: the Goals and trends page tracks each one per period.")
        edited = st.data_editor(
            frame,
            key=f"{state.GOALS_EDITOR}.{version}",
            hide_index=True,
            num_rows="fixed" if locked else "dynamic",
            disabled=locked,
            column_config={
                "Metric": st.column_config.SelectboxColumn(
                    "Metric",
                    options=list(GOAL_METRICS),
                    required=True,
                    format_func=lambda key: smroi.METRICS[key].label,
                ),
                "Target": st.column_config.NumberColumn("Target", min_value=0.0, required=True),
                "Period": st.column_config.SelectboxColumn(
                    "Period", options=list(PERIODS), required=True, default="month"
                ),
            },
        )
    if locked:
        return
    goals = tuple(
        smroi.Goal(
            metric=str(row["Metric"]), target=float(row["Target"]), period=str(row["Period"])
        )
        for _, row in edited.iterrows()
        if row["Metric"] in GOAL_METRICS
        and row["Period"] in PERIODS
        and row["Target"] is not None
        and math.isfinite(float(row["Target"]))
    )
    if goals != base.goals:
        state.set_goals(goals)
