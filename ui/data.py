"""Cached wrappers over smroi: keyed on the files' bytes and the settings, never on names.

st.cache_data is shared by every session of the server, so every key here is a
digest of content: two users get the same cached result only for the same bytes
and the same settings, and nobody can reach another user's data by a file name.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import pandas as pd
import streamlit as st

import smroi
import smroi.attribution
import smroi.referrals
from smroi.i18n import Message
from smroi.isolation import read_table_isolated
from smroi.readers import without_unread_rows
from ui.i18n import t

SAMPLE_FILE = Path(__file__).resolve().parent.parent / "sample_data" / "social_media_sample.csv"
SAMPLE_SETTINGS = SAMPLE_FILE.with_name("settings.json")


def digest(data: bytes) -> str:
    """A content fingerprint for cache keys."""
    return hashlib.sha256(data).hexdigest()


def load_files(
    key: str,
    files: tuple[tuple[str, bytes], ...],
    column_map: str = "{}",
    sheets: str = "{}",
    currency: str | None = None,
    left_out: str = "{}",
    decimal_marks: str = "{}",
    exports: str = "{}",
) -> tuple[pd.DataFrame, list[smroi.ImportReport]]:
    """Parse files once per distinct content (key = digest of names and bytes) and choices
    (column_map, sheets, left_out, decimal_marks and exports: the Data page's and the
    Overview's choices as JSON; currency: which currency to keep when the files are in two),
    with a spinner in the session's language while a new file is read."""
    with st.spinner(t("Reading your files…")):
        return _load_files(
            key, files, column_map, sheets, currency, left_out, decimal_marks, exports
        )


@st.cache_data(max_entries=4, ttl="1h", show_spinner=False)
def _load_files(
    key: str,
    _files: tuple[tuple[str, bytes], ...],
    column_map: str = "{}",
    sheets: str = "{}",
    currency: str | None = None,
    left_out: str = "{}",
    decimal_marks: str = "{}",
    exports: str = "{}",
) -> tuple[pd.DataFrame, list[smroi.ImportReport]]:
    return smroi.load_files(
        list(_files),
        json.loads(column_map),
        json.loads(sheets),
        currency,
        left_out=json.loads(left_out),
        decimal_marks=json.loads(decimal_marks),
        exports=json.loads(exports),
    )


@st.cache_data(max_entries=1, show_spinner=False)
def sample_bytes() -> bytes:
    """The sample data file shipped with the app."""
    return SAMPLE_FILE.read_bytes()


def load_sample(
    key: str, files: tuple[tuple[str, bytes], ...], column_map: str = "{}"
) -> tuple[pd.DataFrame, list[smroi.ImportReport]]:
    """The sample data's import (key: the digest of its bytes; column_map: the user's column
    choices as JSON), read once per process and choice, with a spinner while it is read."""
    with st.spinner(t("Reading your files…")):
        return _load_sample(key, files, column_map)


@st.cache_data(max_entries=4, show_spinner=False)
def _load_sample(
    key: str, _files: tuple[tuple[str, bytes], ...], column_map: str = "{}"
) -> tuple[pd.DataFrame, list[smroi.ImportReport]]:
    # its own cache, without a time limit: every new session opens on the sample, and the
    # uploads that fill _load_files' entries never push the sample out (a session gets its
    # own copy of the cached table: st.cache_data returns a copy on each call)
    return smroi.load_files(list(_files), json.loads(column_map))


@st.cache_data(max_entries=1, show_spinner=False)
def sample_settings() -> smroi.Settings:
    """The settings that go with the sample data (a shop's costs and values), read once per
    process (each call returns its own copy)."""
    return smroi.settings_from_json(SAMPLE_SETTINGS.read_bytes(), source=SAMPLE_SETTINGS.name)


@st.cache_data(max_entries=64, show_spinner=False)
def headline(view_key: tuple[Any, ...], _analysis: smroi.Analysis) -> dict[str, Any]:
    """Headline metrics for a view (view_key identifies data, settings and filters)."""
    return smroi.headline(_analysis)


@st.cache_data(max_entries=64, show_spinner=False)
def by_group(
    view_key: tuple[Any, ...], by: str | tuple[str, ...], _analysis: smroi.Analysis
) -> pd.DataFrame:
    """Metrics per group for a view."""
    return smroi.by_group(_analysis, list(by) if isinstance(by, tuple) else by)


@st.cache_data(max_entries=64, show_spinner=False)
def by_group_with_intervals(
    view_key: tuple[Any, ...], by: str, _analysis: smroi.Analysis
) -> pd.DataFrame:
    """Metrics per group for a view, with each rate's 90% bounds (smroi.intervals)."""
    return smroi.with_intervals(
        smroi.by_group(_analysis, by),
        smroi.paid_counts(_analysis, by),
        _analysis.settings.objective,
    )


@st.cache_data(max_entries=64, show_spinner=False)
def intervals(view_key: tuple[Any, ...], _analysis: smroi.Analysis) -> dict[str, Any]:
    """Each headline rate's 90% interval for a view (None where it has none)."""
    paid = smroi.paid_counts(_analysis).iloc[0].to_dict()
    return smroi.intervals_of(smroi.headline(_analysis), paid, _analysis.settings.objective)


@st.cache_data(max_entries=64, show_spinner=False)
def over_time(view_key: tuple[Any, ...], period: str, _analysis: smroi.Analysis) -> pd.DataFrame:
    """Metrics per period for a view."""
    return smroi.over_time(_analysis, period)


SAMPLE_JOURNEYS = SAMPLE_FILE.parent / "sample_journeys.csv"
SAMPLE_COUPONS = SAMPLE_FILE.parent / "sample_coupons.csv"
SAMPLE_SURVEY = SAMPLE_FILE.parent / "sample_survey.csv"
SAMPLE_REFERRALS = SAMPLE_FILE.parent / "sample_referrals.csv"


def journeys(
    touches: tuple[str, bytes], conversions: tuple[str, bytes] | None
) -> smroi.attribution.Journeys:
    """Touchpoints and conversions read from the uploaded bytes (the key is their content),
    with a spinner in the session's language while new files are read."""
    with st.spinner(t("Reading the journeys…")):
        return _journeys(touches, conversions)


@st.cache_data(max_entries=8, ttl="1h", show_spinner=False)
def _journeys(
    touches: tuple[str, bytes], conversions: tuple[str, bytes] | None
) -> smroi.attribution.Journeys:
    return smroi.attribution.read_journeys(touches, conversions)


def journeys_key(
    touches: tuple[str, bytes], conversions: tuple[str, bytes] | None
) -> tuple[str, str | None]:
    """Identifies a journeys upload by content, for the caches below."""
    return digest(touches[1]), None if conversions is None else digest(conversions[1])


@st.cache_data(max_entries=32, ttl="1h", show_spinner=False)
def attribution(
    key: tuple[str, str | None],
    _journeys: smroi.attribution.Journeys,
    model: str,
    half_life_days: float,
    lookback_days: float,
) -> smroi.attribution.Attribution:
    """One model's credits for a journeys upload (key: its content digests)."""
    return smroi.attribution.attribute(
        _journeys, model, half_life_days=half_life_days, lookback_days=lookback_days
    )


@st.cache_data(max_entries=16, ttl="1h", show_spinner=False)
def model_comparison(
    key: tuple[str, str | None],
    _journeys: smroi.attribution.Journeys,
    half_life_days: float,
    lookback_days: float,
) -> pd.DataFrame:
    """Value by channel under every model, for a journeys upload."""
    return smroi.attribution.compare_models(
        _journeys, half_life_days=half_life_days, lookback_days=lookback_days
    )


@st.cache_data(max_entries=8, ttl="1h", show_spinner=False)
def small_table(name: str, data: bytes) -> tuple[pd.DataFrame, list[Message]]:
    """A small uploaded table (coupons, survey answers) as the file has it, without the rows
    it could not read, and a sentence naming those rows (Messages)."""
    return without_unread_rows(name, read_table_isolated(name, data))


@st.cache_data(max_entries=8, ttl="1h", show_spinner=False)
def referrals(name: str, data: bytes) -> smroi.referrals.Referrals:
    """Referral paths read from an uploaded analytics export (keyed on its bytes)."""
    return smroi.referrals.read_referrals(name, data)
