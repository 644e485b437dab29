"""The Overview's "claimed against recorded" section (smroi.claimed_sales): shown only when
the files hold both ad platforms' claimed sales and the shop's record of orders.

It says in one sentence how many times the shop's sales the platforms claim, shows it per
platform (a chart and a table) and per day, week or month, and holds the choice of which
of the two ROI counts (setting `values.roi_on`, a widget keyed by its path like every
setting: saved in the settings file and in share links; read-only for a link's viewer).
"""

from __future__ import annotations

from typing import Any

import pandas as pd
import streamlit as st

import smroi
from smroi import charts
from smroi.formatting import DASH, period_label
from smroi.i18n import N_
from ui import state
from ui.i18n import digits, language, nt, number, option_labels, t
from ui.widgets import chart_with_downloads, data_table, number_table, plain

ROI_ON = state.SETTING_PREFIX + "values.roi_on"
PERIODS = {"day": N_("day"), "week": N_("week"), "month": N_("month")}


@st.cache_data(max_entries=16, show_spinner=False)
def comparison(
    view_key: tuple[Any, ...], _view: state.View
) -> smroi.ClaimsComparison | smroi.NoComparison | None:
    """The platforms' claims against the shop's record for a view (keyed by its data,
    settings and filters); None when the files hold only one of the two."""
    view = _view
    return smroi.compare_claims(
        view.data.table,
        average_order_value=view.settings.values.average_order_value,
        recorded_from=smroi.recorded_files(view.data.reports),
        start=view.start,
        end=view.end,
    )


def claims_section(view: state.View) -> None:
    """The section, when the files hold both kinds of sales; nothing otherwise."""
    found = comparison(view.cache_key, view)
    if found is None:
        return
    lang, digit_choice, currency = language(), digits(), view.settings.currency_code
    with st.container(border=True):
        st.subheader(t("Sales the platforms claim against sales your shop recorded"), anchor=False)
        if isinstance(found, smroi.NoComparison):
            st.info(plain(smroi.why_not_compared(found, lang=lang, digits=digit_choice)))
            return
        st.markdown(plain(smroi.claims_sentence(found, currency, lang=lang, digits=digit_choice)))
        st.caption(
            t(
                "An ad platform counts a sale when someone bought after seeing or clicking its "
                "ad, so two platforms can count the same order; your shop counts each order "
                "once. Return never counts both: on the days both cover, choose which."
            )
        )
        roi_on_choice(shared=view.data.shared is not None)
        if found.rows_across_the_edge:
            st.caption(
                nt(
                    "{rows} row covers days on both sides of the shared days and is left out "
                    "of this comparison (it counts in return as it is).",
                    "{rows} rows cover days on both sides of the shared days and are left out "
                    "of this comparison (they count in return as they are).",
                    found.rows_across_the_edge,
                    rows=number(found.rows_across_the_edge, "count"),
                )
            )
        left, right = st.columns(2)
        table = _platform_table(found.by_platform, currency, right)
        chart_with_downloads(
            charts.claimed_vs_recorded_by_platform(
                found.by_platform, currency, lang=lang, digits=digit_choice
            ),
            table,
            "claimed-vs-recorded-by-platform",
            left,
        )
        with st.expander(t("Claimed and recorded by day, week or month")):
            _period_table(found, currency)


def roi_on_choice(*, shared: bool) -> None:
    """The choice of the sales ROI counts on the days both cover (read-only in a link)."""
    st.radio(
        t("Compute ROI on"),
        list(smroi.ROI_ON_LABELS),
        format_func=option_labels(smroi.ROI_ON_LABELS),
        key=ROI_ON,
        horizontal=True,
        help=t(
            "What the shop recorded is shared over the platforms in proportion to what each "
            "claims. Outside the days both cover, each sale counts as it is."
        ),
        on_change=state.mark_typed,
        args=("values.roi_on",),
        disabled=shared,
        persist_state="session",
    )


def _platform_table(by_platform: pd.DataFrame, currency: str, container: Any) -> pd.DataFrame:
    """The per-platform claims, the shop's record shared by them and the ratio, shown in
    `container` (compact: it sits beside the chart); returns every column for the CSV."""
    frame = by_platform.assign(
        platform=[smroi.platform_name(str(p)) for p in by_platform["platform"]],
        claim_share=by_platform["claim_share"] * 100,
        claimed_sales=by_platform["claimed_sales"].round().astype("Int64"),
    )
    names = {
        "platform": t("Platform"),
        "claimed_value": t("Claimed ({currency})", currency=currency),
        "recorded_value_share": t("Recorded share ({currency})", currency=currency),
        "over_claim": t("Claimed / recorded (x)"),
        "claimed_sales": t("Sales claimed"),
        "claim_share": t("Share of the claims (%)"),
    }
    every = frame[list(names)].rename(columns=names)
    shown = every[[names[c] for c in ("platform", "claimed_value", "recorded_value_share")]]
    shown = shown.assign(**{names["over_claim"]: every[names["over_claim"]]})
    units = {
        names["claimed_value"]: "money",
        names["recorded_value_share"]: "money",
        names["over_claim"]: "multiple",
    }
    table, config = number_table(shown, units, currency)
    with container:
        data_table(
            table,
            column_config=config,
            hide_index=True,
            width="stretch",
            placeholder=DASH,
        )
        st.caption(
            t(
                "Recorded share: the shop's sales shared over the platforms in proportion to "
                "their claims. Claimed / recorded: the platform's claims against all the sales "
                "the shop recorded (— when it recorded none)."
            )
        )
    return every


def _period_table(found: smroi.ClaimsComparison, currency: str) -> None:
    """Claimed and recorded per day, week or month of the days both cover."""
    period = (
        st.segmented_control(
            t("By"),
            list(PERIODS),
            format_func=option_labels(PERIODS),
            default="week",
            key=state.CLAIMS_PERIOD,
        )
        or "week"
    )
    frame = smroi.claims_by_period(found, period)
    if frame.empty:
        st.caption(
            t(
                "The ad exports give totals over several days, so they cannot be split by "
                "this period; choose a longer one."
            )
        )
        return
    lang, digit_choice = language(), digits()
    names = {
        "period_start": t("Period starting"),
        "claimed_sales": t("Sales claimed"),
        "claimed_value": t("Value claimed ({currency})", currency=currency),
        "recorded_sales": t("Orders recorded"),
        "recorded_value": t("Value recorded ({currency})", currency=currency),
        "over_claim": t("Claimed / recorded (x)"),
    }
    counts = {c: frame[c].round().astype("Int64") for c in ("claimed_sales", "recorded_sales")}
    shown = frame.assign(
        **counts,
        period_start=[
            period_label(day.date(), period, lang=lang, digits=digit_choice)
            for day in frame["period_start"]
        ],
    ).rename(columns=names)
    units = {
        names["claimed_sales"]: "count",
        names["claimed_value"]: "money",
        names["recorded_sales"]: "count",
        names["recorded_value"]: "money",
        names["over_claim"]: "multiple",
    }
    table, config = number_table(shown, units, currency)
    data_table(
        table,
        column_config=config,
        hide_index=True,
        width="stretch",
        placeholder=DASH,
    )
    st.caption(t("Claimed / recorded is — where the shop recorded nothing."))
