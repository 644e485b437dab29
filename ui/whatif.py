"""The Goals page's "What if" panel: move ad spend between platforms, or change the total,
and see a week of results and profit from each platform's curve (smroi.budget_curves)."""

from __future__ import annotations

from typing import Any

import pandas as pd
import streamlit as st

import smroi
from smroi import charts
from smroi.budget_curves import (
    Estimate,
    GroupCurve,
    Projection,
    by_extra_return,
    change_total,
    current_plan,
    group_curves,
    move_share,
    project,
    refusal_sentence,
    shift_sentence,
    total_sentence,
)
from smroi.i18n import N_
from smroi.registry import OBJECTIVE_RESULTS, metric_label
from ui import state
from ui.i18n import digits, language, money, number, option_labels, t
from ui.state import View
from ui.widgets import chart_with_downloads, data_table, plain

PLANS = {"move": N_("Move spend"), "total": N_("Change the total")}


@st.cache_data(max_entries=16, show_spinner=False)
def curves(view_key: tuple[Any, ...], by: str, _analysis: smroi.Analysis) -> dict[str, GroupCurve]:
    """Each group's curves for a view (view_key identifies data, settings and filters)."""
    return group_curves(_analysis, by)


def _banded(estimate: Estimate | None, unit: str, currency: str) -> str:
    """'12.3 (between 10.1 and 14.0)', or '—' when undefined."""
    if estimate is None:
        return smroi.DASH
    return t(
        "{value} (between {low} and {high})",
        value=number(estimate.value, unit, currency),
        low=number(estimate.low, unit, currency),
        high=number(estimate.high, unit, currency),
    )


def _table(projection: Projection, currency: str, results: str) -> pd.DataFrame:
    """The plan's week per platform and in total, each number with its band, as text."""
    rows = [
        (
            row.group + (" ⚠" if row.outside else ""),
            money(row.spend_now, currency),
            money(row.spend_planned, currency),
            _banded(row.results, "number", currency),
            _banded(row.profit, "money", currency),
        )
        for row in projection.groups
    ]
    rows.append(
        (
            t("Total"),
            money(projection.spend_now, currency),
            money(projection.spend_planned, currency),
            _banded(projection.results, "number", currency),
            _banded(projection.profit, "money", currency),
        )
    )
    return pd.DataFrame(rows, columns=["group", "now", "planned", "results", "profit"])


def what_if_panel(view: View) -> None:
    """The panel: the plan's widgets, the sentence, the chart, the table, and why a platform
    has no curve."""
    analysis, currency = view.analysis, view.settings.currency_code
    objective = view.settings.objective
    lang, digit_choice = language(), digits()
    st.header(t("What if"))
    st.caption(
        t(
            "Move ad spend between platforms, or change the total, and see a week of results "
            "and profit. Each platform's curve is fitted to its whole weeks with ad spend "
            "(results a week = a x ad spend^b, b at most 1), so an extra dollar never brings "
            "back more than the ones before. The band is where 90% of 200 resamples of the "
            "weeks fall. It knows only these weeks: not the season, not what else changed."
        )
    )
    found = curves(view.cache_key, "platform", analysis)
    reasons = [
        refusal_sentence(curve, objective, lang=lang, digits=digit_choice)
        for curve in found.values()
        if curve.refusal is not None
    ]
    ranked = by_extra_return(found)
    if not ranked:
        st.info(
            t("No platform's curve can be told yet, so there is nothing to project.")
            if found
            else t("A what-if needs paid rows with dates and ad spend.")
        )
        for reason in reasons:
            st.markdown(f"- {plain(reason)}")
        return
    plan = current_plan(found)
    modes = ["move", "total"] if len(ranked) > 1 else ["total"]
    mode = (
        st.segmented_control(
            t("Plan"),
            modes,
            default=modes[0],
            format_func=option_labels(PLANS),
            key=state.WHATIF_PLAN,
        )
        or modes[0]
    )
    if mode == "move":
        left, middle, right = st.columns(3)
        source = (
            left.selectbox(t("From"), ranked, index=len(ranked) - 1, key=state.WHATIF_FROM)
            or ranked[-1]
        )
        targets = [name for name in ranked if name != source]
        target = middle.selectbox(t("To"), targets, index=0, key=state.WHATIF_TO) or targets[0]
        share = right.slider(
            t("Share of its weekly ad spend to move (%)"),
            min_value=5,
            max_value=100,
            value=20,
            step=5,
            key=state.WHATIF_SHARE,
        )
        plan = move_share(plan, share / 100, source, target)
        projection = project(found, plan)
        sentence = shift_sentence(
            projection, source, target, share / 100, currency, lang=lang, digits=digit_choice
        )
    else:
        now = round(sum(plan.values()), 2)
        total = st.number_input(
            t("Total ad spend a week ({currency}), shared as today", currency=currency),
            min_value=0.0,
            value=now,
            step=10.0,
            key=f"{state.WHATIF_TOTAL}{now!r}",  # new data: a fresh box at its own total
        )
        projection = project(found, change_total(plan, float(total)))
        sentence = total_sentence(projection, currency, lang=lang, digits=digit_choice)
    st.info(plain(sentence), icon=":material/query_stats:")
    results = metric_label(OBJECTIVE_RESULTS[objective][0], lang)
    measure = "profit" if projection.profit is not None else "results"
    chart_with_downloads(
        charts.what_if_chart(
            projection, measure, currency, results, lang=lang, digits=digit_choice
        ),
        charts.what_if_table(projection, measure),
        f"what-if-{measure}-a-week",
        key="whatif",
    )
    data_table(
        _table(projection, currency, results),
        hide_index=True,
        column_config={
            "group": st.column_config.TextColumn(t("Platform")),
            "now": st.column_config.TextColumn(t("Ad spend a week now")),
            "planned": st.column_config.TextColumn(t("Ad spend a week planned")),
            "results": st.column_config.TextColumn(t("{results} a week", results=results)),
            "profit": st.column_config.TextColumn(t("Profit a week (return - ad spend)")),
        },
    )
    if any(row.outside for row in projection.groups):
        st.caption(
            t(
                "⚠ The plan takes this platform far from any week in the data (beyond 1.5 "
                "times its largest week, or below its smallest by as much): there its curve "
                "is a guess."
            )
        )
    st.caption(
        t(
            "Profit here is return - ad spend; your other costs (hours, tools, agency) do "
            "not change with the plan and are left out."
        )
    )
    for reason in reasons:
        st.markdown(f"- {plain(reason)}")
