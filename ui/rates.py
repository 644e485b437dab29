"""The earned-media rate table: platform x CPM, CPC, CPE, editable, with low/mid/high presets."""

from __future__ import annotations

import math

import pandas as pd
import streamlit as st

import smroi
from smroi.earned_media import RATE_PRESETS, rate_sources
from smroi.i18n import N_
from ui import state
from ui.i18n import language, t

# The table's columns: the English titles are the frame's column names (the editor's edits
# name them, so they stay the same in every language); the user reads their translation.
COLUMNS = {
    "cpm": N_("CPM (per 1,000 impressions)"),
    "cpc": N_("CPC (per click)"),
    "cpe": N_("CPE (per engagement)"),
}
PLATFORM = N_("Platform")
OWN_RATE = N_("Own rate")
DEFAULT_ROW = "default"
PRESET_LABELS = {"low": N_("Low rates"), "mid": N_("Mid rates"), "high": N_("High rates")}


def rate_frame(settings: smroi.Settings, platforms: list[str]) -> pd.DataFrame:
    """One row per platform in the data (its own rate, or the default's), the default first."""
    rates = settings.earned_media
    names = [DEFAULT_ROW, *[p for p in platforms if p != DEFAULT_ROW]]
    rows = []
    for name in names:
        rate = rates.rate_for(name)
        rows.append(
            {
                PLATFORM: name,
                COLUMNS["cpm"]: rate.cpm,
                COLUMNS["cpc"]: rate.cpc,
                COLUMNS["cpe"]: rate.cpe,
                OWN_RATE: name == DEFAULT_ROW or name in rates.rates,
            }
        )
    return pd.DataFrame(rows)


def rate_editor(settings: smroi.Settings, platforms: list[str], locked: bool) -> None:
    """The table of rates; a change is applied at once and kept in the settings file."""
    frame = rate_frame(settings, platforms)
    shown = frame.copy()
    # the default row's name is ours, the platforms' names are the user's
    shown[PLATFORM] = [t("default") if p == DEFAULT_ROW else p for p in frame[PLATFORM]]
    version = st.session_state.get(state.RATE_VERSION, 0)
    key = f"{state.RATE_EDITOR}.{version}"
    currency = settings.currency_code
    money = {
        label: st.column_config.NumberColumn(
            _in_currency(t(label), currency), min_value=0.0, format="%.2f", required=True
        )
        for label in COLUMNS.values()
    }
    edited = st.data_editor(
        shown,
        key=key,
        hide_index=True,
        num_rows="fixed",
        disabled=True if locked else [PLATFORM, OWN_RATE],
        column_config={
            PLATFORM: st.column_config.TextColumn(t("Platform")),
            **money,
            OWN_RATE: st.column_config.CheckboxColumn(
                t("Own rate"), help=t("Unticked: the platform uses the default row's rates.")
            ),
        },
    )
    changed = _changed_rates(frame, edited)
    if changed and not locked:
        # the default row is also the business page's widgets, drawn already in this run: the
        # change is applied at the start of the next run (ui.state.apply_pending_rates)
        state.queue_rates(changed)
        st.rerun()
    if locked:
        return
    st.caption(t("Try a preset to see how much the estimate depends on the rates:"))
    columns = st.columns(len(RATE_PRESETS))
    for column, name in zip(columns, RATE_PRESETS, strict=True):
        column.button(
            t(PRESET_LABELS[name]),
            key=f"{state.RATE_EDITOR}.preset.{name}",
            on_click=_queue_preset,
            args=(name, platforms),
            width="stretch",
        )


def _in_currency(title: str, currency: str) -> str:
    """A column title with the currency its amounts are in: 'CPM (per 1000 visninger) (NOK)'."""
    return f"{title} ({currency})"


def _changed_rates(frame: pd.DataFrame, edited: pd.DataFrame) -> dict[str, smroi.Rate]:
    """The rows whose numbers the user changed, as the platforms' own rates (the platform
    names read from `frame`: the edited table shows the default row's name translated)."""
    rates = dict(state.base_settings().earned_media.rates)
    rates.pop(DEFAULT_ROW, None)
    changed = False
    for (_, before), (_, after) in zip(frame.iterrows(), edited.iterrows(), strict=True):
        values = {}
        for part, label in COLUMNS.items():
            number = after[label]
            ok = number is not None and math.isfinite(float(number)) and float(number) >= 0
            values[part] = float(number) if ok else float(before[label])
        if any(values[part] != float(before[label]) for part, label in COLUMNS.items()):
            rates[str(before[PLATFORM])] = smroi.Rate(**values)
            changed = True
    if not changed:
        return {}
    rates.setdefault(DEFAULT_ROW, state.settings_from_widgets().earned_media.rate_for(DEFAULT_ROW))
    return rates


def _queue_preset(name: str, platforms: list[str]) -> None:
    preset = RATE_PRESETS[name]
    rates = {DEFAULT_ROW: preset[DEFAULT_ROW]}
    rates.update({p: preset[p] for p in platforms if p in preset})
    state.queue_rates(rates)


def sources_note() -> None:
    """Where the default rates come from, beside the table."""
    st.caption(rate_sources(language()))
