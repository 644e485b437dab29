"""The earned-media rate table: platform x CPM, CPC, CPE, editable, with low/mid/high presets."""

from __future__ import annotations

import math

import pandas as pd
import streamlit as st

import smroi
from smroi.earned_media import RATE_PRESETS, RATE_SOURCES
from ui import state

COLUMNS = {
    "cpm": "CPM (per 1,000 impressions)",
    "cpc": "CPC (per click)",
    "cpe": "CPE (per engagement)",
}


def rate_frame(settings: smroi.Settings, platforms: list[str]) -> pd.DataFrame:
    """One row per platform in the data (its own rate, or the default's), the default first."""
    rates = settings.earned_media
    names = ["default", *[p for p in platforms if p != "default"]]
    rows = []
    for name in names:
        rate = rates.rate_for(name)
        rows.append(
            {
                "Platform": name,
                COLUMNS["cpm"]: rate.cpm,
                COLUMNS["cpc"]: rate.cpc,
                COLUMNS["cpe"]: rate.cpe,
                "Own rate": name == "default" or name in rates.rates,
            }
        )
    return pd.DataFrame(rows)


def rate_editor(settings: smroi.Settings, platforms: list[str], locked: bool) -> None:
    """The table of rates; a change is applied at once and kept in the settings file."""
    frame = rate_frame(settings, platforms)
    version = st.session_state.get(state.RATE_VERSION, 0)
    key = f"{state.RATE_EDITOR}.{version}"
    currency = settings.currency
    money = {
        label: st.column_config.NumberColumn(
            f"{label} ({currency})", min_value=0.0, format="%.2f", required=True
        )
        for label in COLUMNS.values()
    }
    edited = st.data_editor(
        frame,
        key=key,
        hide_index=True,
        num_rows="fixed",
        disabled=True if locked else ["Platform", "Own rate"],
        column_config={
            **money,
            "Own rate": st.column_config.CheckboxColumn(
                "Own rate", help="Unticked: the platform uses the default row's rates."
            ),
        },
    )
    changed = _changed_rates(frame, edited)
    if changed and not locked:
        # the default row is also the sidebar's widgets, drawn already in this run: the
        # change is applied at the start of the next run (ui.state.apply_pending_rates)
        state.queue_rates(changed)
        st.rerun()
    if locked:
        return
    st.caption("Try a preset to see how much the estimate depends on the rates:")
    columns = st.columns(len(RATE_PRESETS))
    for column, name in zip(columns, RATE_PRESETS, strict=True):
        column.button(
            f"{name.capitalize()} rates",
            key=f"{state.RATE_EDITOR}.preset.{name}",
            on_click=_queue_preset,
            args=(name, platforms),
            width="stretch",
        )


def _changed_rates(frame: pd.DataFrame, edited: pd.DataFrame) -> dict[str, smroi.Rate]:
    """The rows whose numbers the user changed, as the platforms' own rates."""
    rates = dict(state.base_settings().earned_media.rates)
    rates.pop("default", None)
    changed = False
    for (_, before), (_, after) in zip(frame.iterrows(), edited.iterrows(), strict=True):
        values = {}
        for part, label in COLUMNS.items():
            number = after[label]
            ok = number is not None and math.isfinite(float(number)) and float(number) >= 0
            values[part] = float(number) if ok else float(before[label])
        if any(values[part] != float(before[label]) for part, label in COLUMNS.items()):
            rates[str(after["Platform"])] = smroi.Rate(**values)
            changed = True
    if not changed:
        return {}
    rates.setdefault("default", state.settings_from_widgets().earned_media.rate_for("default"))
    return rates


def _queue_preset(name: str, platforms: list[str]) -> None:
    preset = RATE_PRESETS[name]
    rates = {"default": preset["default"]}
    rates.update({p: preset[p] for p in platforms if p in preset})
    state.queue_rates(rates)


def sources_note() -> None:
    """Where the default rates come from, beside the table."""
    st.caption(RATE_SOURCES)
