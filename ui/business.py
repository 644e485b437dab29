"""'Your business': the short first-run form for what no export knows (hours and hourly rate,
tools, agency, gross margin, what a lead is worth), and the Overview's list of what is
still missing, each one click from that form.

The form writes the sidebar's own settings (so they are saved with the settings file and
shared with a link) and marks them as typed by the user (ui.state.mark_typed).
"""

from __future__ import annotations

from typing import Any

import streamlit as st

import smroi
from ui import state
from ui.i18n import t, tr
from ui.widgets import plain

S = state.SETTING_PREFIX
# form field -> the setting it fills
FIELDS: dict[str, str] = {
    "business.hours": "costs.labour_hours_per_month",
    "business.rate": "costs.hourly_rate",
    "business.tools": "costs.tools_per_month",
    "business.agency": "costs.agency_per_month",
    "business.margin": "values.gross_margin_pct",
    "business.lead_value": "values.value_per_lead",
    "business.order_value": "values.average_order_value",
}


def open_form() -> None:
    """Show the form (a button's on_click)."""
    st.session_state[state.BUSINESS_FORM] = "open"


def _save() -> None:
    typed = []
    for field, path in FIELDS.items():
        if field not in st.session_state:
            continue  # a field the form did not show
        value = st.session_state[field]
        if path == "values.gross_margin_pct":
            value = value or None  # empty or 0: not known
        elif value is None:
            value = 0.0
        st.session_state[S + path] = value
        typed.append(path)
    state.mark_typed(*typed)
    st.session_state[state.BUSINESS_FORM] = "closed"


def _skip() -> None:
    st.session_state[state.BUSINESS_FORM] = "closed"


def business_form(settings: smroi.Settings, asks_order_value: bool) -> None:
    """The 'Your business' form, prefilled with the settings in use; Save writes them to the
    sidebar, Skip closes it (the Overview keeps asking for what is missing)."""
    currency = settings.currency_code
    costs, values = settings.costs, settings.values
    with st.form("business", border=True):
        st.subheader(t("Your business"), anchor=False)
        st.caption(
            t(
                "A few figures no export has, so the answer is about your business. Every "
                "field can stay 0 or empty; change them later in the sidebar."
            )
        )
        money = {"min_value": 0.0, "format": "%.2f"}
        fields: list[tuple[str, str, Any, dict[str, Any]]] = [  # (key, label, value, options)
            (
                "business.hours",
                t("Hours spent on social media per month"),
                float(costs.labour_hours_per_month),
                {"min_value": 0.0, "step": 1.0, "format": "%.1f"},
            ),
            (
                "business.rate",
                t("Hourly rate ({currency})", currency=currency),
                float(costs.hourly_rate),
                {**money, "step": 5.0, "help": t("What an hour of that time costs you.")},
            ),
            (
                "business.tools",
                t("Tools and software per month ({currency})", currency=currency),
                float(costs.tools_per_month),
                {**money, "step": 10.0},
            ),
            (
                "business.agency",
                t("Agency or freelancer per month ({currency})", currency=currency),
                float(costs.agency_per_month),
                {**money, "step": 10.0},
            ),
            (
                "business.margin",
                t("Gross margin (%)"),
                values.gross_margin_pct,  # None: an empty box
                {
                    "min_value": 0.0,
                    "max_value": 100.0,
                    "step": 5.0,
                    "format": "%.1f",
                    "placeholder": t("Not set: sales count in full"),
                    "help": t(
                        "The share of a sale's value you keep after the cost of the goods. "
                        "Sold for 100, bought for 60: a 40% margin. Leave it empty if you sell "
                        "no goods or your orders file has a cost of goods column."
                    ),
                },
            ),
            (
                "business.lead_value",
                t("What a lead is worth to you ({currency})", currency=currency),
                float(values.value_per_lead),
                {
                    **money,
                    "step": 5.0,
                    "help": t("On average: the share of leads that buy x what they spend."),
                },
            ),
        ]
        if asks_order_value:
            fields.append(
                (
                    "business.order_value",
                    t("Average order value ({currency})", currency=currency),
                    float(values.average_order_value),
                    {
                        **money,
                        "step": 5.0,
                        "help": t("Used for sales on rows that have no revenue figure."),
                    },
                )
            )
        # a pair of fields a row, so that a phone stacks them in reading order
        for start in range(0, len(fields), 2):
            for column, (key, label, value, options) in zip(
                st.columns(2), fields[start : start + 2], strict=False
            ):
                column.number_input(label, value=value, key=key, **options)
        save, skip = st.columns([1, 1])
        save.form_submit_button(
            t("Save"), type="primary", icon=":material/check:", on_click=_save, width="stretch"
        )
        skip.form_submit_button(t("Skip for now"), on_click=_skip, width="stretch")


def missing_notes(missing: list[Any]) -> None:
    """What is still missing, in plain words, with one button to the form that takes it."""
    if not missing:
        return
    with st.container(border=True):
        st.markdown(t("**To make this your business's answer:**"))
        for item in missing:
            st.markdown(f"- {plain(tr(item.message))}")
        st.button(
            t("Enter your costs and margin"),
            icon=":material/edit:",
            on_click=open_form,
            key="business.open",
        )
