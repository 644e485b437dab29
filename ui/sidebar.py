"""The sidebar every page shares: what the view shows (language, files, dates, platforms,
currency) and the business in one line with a link to the "Your business" page.

Every widget's value lives in session state under a key from ui.state; the sidebar
turns them, and the business page's (ui.business), into Settings and filters and returns
the View that pages draw. A share link's viewer gets no inputs here: the report's title,
its dates and platforms, and its assumptions as a short list.
"""

from __future__ import annotations

import hashlib
from datetime import date
from typing import Any

import streamlit as st

import smroi
from smroi.readers import MAX_FILE_MB
from smroi.store import Snapshot
from ui import business, data, share, state
from ui.frame import caption_day
from ui.i18n import language_picker, t, tr
from ui.widgets import plain

CURRENCIES = ("USD", "EUR", "GBP", "NOK", "SEK", "DKK", "IRR", "INR", "BRL", "CAD", "AUD", "JPY")
MAX_UPLOAD_MB = MAX_FILE_MB  # the uploader says it; larger files are refused by smroi too
S = state.SETTING_PREFIX  # settings widgets' keys: S + the setting's path in the settings file


def render_sidebar(shared: Snapshot | None = None) -> state.View:
    """Draw the sidebar and return what the pages should show; for a share link's
    snapshot, its data, settings and filters, read-only."""
    if state.BASE_SETTINGS not in st.session_state:
        state.put_settings(data.sample_settings())
    if shared is None:
        state.apply_pending_rates()
    notices: list[str] = []
    with st.sidebar:
        language_picker()
        if shared is not None:
            loaded = share.shared_data(shared)
            share.shared_heading(shared.info)
            start, end, platforms = shared.start, shared.end, shared.platforms
            settings = state.settings_from_widgets()  # the snapshot's (ui.share)
            _shared_filters(loaded, start, end, platforms)
            st.header(t("Assumptions"))
            business.read_only_assumptions(settings, small=True)
        else:
            loaded, notices = _data_section()
            # the sample's costs, values and goals are the sample shop's, never the user's
            own_data_arrived = state.settings_for_data(loaded.is_sample, data.sample_settings())
            if own_data_arrived and st.session_state.get(state.BUSINESS_FORM) != "closed":
                st.session_state[state.BUSINESS_FORM] = "open"  # ask about their business
            start, end, platforms = _filters(loaded)
            _currency(loaded)
            settings = state.settings_from_widgets()
            business.sidebar_summary(settings)
    analysis = smroi.analyse(
        loaded.table,
        settings,
        start=start,
        end=end,
        platforms=list(platforms) if platforms is not None else None,
        recorded_from=smroi.recorded_files(loaded.reports),
    )
    view = state.View(
        data=loaded,
        settings=settings,
        start=start,
        end=end,
        platforms=platforms,
        analysis=analysis,
        notices=tuple(notices),
    )
    state.set_view(view)
    return view


# ---------------------------------------------------------------- data


def _data_section() -> tuple[state.LoadedData, list[str]]:
    st.header(t("Your data"))
    files = st.file_uploader(
        t("Upload exports (CSV or Excel)"),
        type=["csv", "tsv", "txt", "xlsx", "xlsm", "xls"],
        accept_multiple_files=True,
        key=state.UPLOADS,
        max_upload_size=MAX_UPLOAD_MB,
        help=t(
            "Files with the columns described in sample_data/README.md: date, platform, "
            "campaign, element, paid, spend, impressions, clicks, leads, conversions, revenue…"
        ),
    )
    notices: list[str] = []
    if not files:
        return _sample(), notices
    payload = tuple((upload.name, upload.getvalue()) for upload in files)
    key = _files_key(files)
    choices = (state.column_map_key(), state.sheets_key())
    read_as = {
        "left_out": state.left_out_key(),
        "decimal_marks": state.decimal_marks_key(),
        "exports": state.exports_key(),
    }
    table, reports = data.load_files(key, payload, *choices, **read_as)
    picked = st.session_state.get(S + "currency")
    if picked in smroi.currency_choices(reports) and picked != smroi.shown_currency(reports):
        # files in two currencies: read again, keeping the files in the one the user picked
        key = f"{key}\0{picked}"
        table, reports = data.load_files(key, payload, *choices, picked, **read_as)
    # the files' errors: Messages, shown in the session's language by ui.frame.show_notices
    notices += [report.error for report in reports if report.error]
    if sum(report.rows_used for report in reports) == 0:
        previous = st.session_state.get(state.LAST_GOOD) or _sample()
        kept = t("The dashboard still shows the data it had.")
        if notices:
            notices[-1] = f"{tr(notices[-1])} {kept}"
        else:  # files were read but every row was left out (see the Data page)
            none_used = t("None of the uploaded rows could be used.")
            notices.append(f"{none_used} {kept}")
        return previous, notices
    loaded = state.LoadedData(
        key=_with_choices(key), table=table, reports=tuple(reports), is_sample=False
    )
    st.session_state[state.LAST_GOOD] = loaded
    return loaded, notices


def _with_choices(key: str) -> str:
    """The data's identity: its files and the user's choices (sheets, column map, rows left
    out, decimal marks, platform exports), so filters and caches follow any change to what
    was read."""
    choices = "\0".join(
        (
            key,
            state.column_map_key(),
            state.sheets_key(),
            state.left_out_key(),
            state.decimal_marks_key(),
            state.exports_key(),
        )
    )
    return hashlib.sha256(choices.encode()).hexdigest()


def _files_key(files: list[Any]) -> str:
    """A digest of every file's name and bytes, computed once per upload."""
    digests: dict[str, str] = st.session_state.setdefault(state.DIGESTS, {})
    parts = []
    for upload in files:
        if upload.file_id not in digests:
            digests[upload.file_id] = data.digest(upload.getvalue())
        parts.append(f"{upload.name}\0{digests[upload.file_id]}")
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()


def _sample() -> state.LoadedData:
    if not data.SAMPLE_FILE.exists():
        empty = smroi.empty_table()
        return state.LoadedData(key="no-sample", table=empty, reports=(), is_sample=False)
    raw = data.sample_bytes()
    key = data.digest(raw)
    table, reports = data.load_sample(key, ((data.SAMPLE_FILE.name, raw),), state.column_map_key())
    return state.LoadedData(
        key=_with_choices(key), table=table, reports=tuple(reports), is_sample=True
    )


# ---------------------------------------------------------------- filters


def _filters(loaded: state.LoadedData) -> tuple[date | None, date | None, tuple[str, ...] | None]:
    first, last = smroi.period_of(loaded.table)
    platforms = platforms_in(loaded)
    in_files = smroi.shown_currency(loaded.reports)
    if st.session_state.get(state.FILTERS_FOR) != loaded.key:
        st.session_state[state.DATE_RANGE] = (first, last) if first else ()
        st.session_state[state.PLATFORMS] = platforms
        st.session_state[state.FILTERS_FOR] = loaded.key
        if in_files:  # new data in a known currency: the setting follows it
            st.session_state[S + "currency"] = in_files
    if not st.session_state.get(S + "currency"):  # none set: the files' own, else the default
        st.session_state[S + "currency"] = in_files or smroi.DEFAULT_CURRENCY
    st.header(t("Show"))
    start = end = None
    if first is not None and last is not None:
        chosen = st.date_input(
            t("Date range"),
            key=state.DATE_RANGE,
            min_value=first,
            max_value=last,
            format="YYYY-MM-DD",
            help=t("Monthly costs are counted for the days in this range."),
        )
        picked = list(chosen) if isinstance(chosen, list | tuple) else [chosen]
        start = picked[0] if picked else None
        end = picked[1] if len(picked) > 1 else None
        if (start, end) == (first, last):
            start = end = None  # the whole period: keep rows that have no date too
    chosen_platforms = st.multiselect(
        t("Platforms"),
        platforms,
        key=state.PLATFORMS,
        help=t(
            "Costs for all platforms are shared by ad spend "
            "before this filter, so a platform keeps its share."
        ),
    )
    if not chosen_platforms:
        st.warning(t("Pick at least one platform to see numbers."))
    selected = None if set(chosen_platforms) == set(platforms) else tuple(chosen_platforms)
    return start, end, selected


def _shared_filters(
    loaded: state.LoadedData,
    start: date | None,
    end: date | None,
    platforms: tuple[str, ...] | None,
) -> None:
    """A shared report's dates and platforms, as text: the viewer cannot change them."""
    first, last = smroi.period_of(loaded.table)
    st.header(t("Show"))
    lines = []
    if first is not None and last is not None:
        lines.append(
            t(
                "Dates: {first} – {last}",
                first=caption_day(start or first),
                last=caption_day(end or last),
            )
        )
    shown = platforms if platforms is not None else platforms_in(loaded)
    lines.append(t("Platforms: {platforms}", platforms=", ".join(shown)))
    st.caption("\n".join(f"- {plain(line)}" for line in lines))


def platforms_in(loaded: state.LoadedData) -> list[str]:
    """The platforms in the data, in alphabetical order."""
    return sorted(str(p) for p in loaded.table["platform"].dropna().unique())


def _currency(loaded: state.LoadedData) -> None:
    """The currency amounts are shown in; with files in two, the one to show."""
    current = st.session_state.get(S + "currency") or smroi.DEFAULT_CURRENCY
    in_files = smroi.currency_choices(loaded.reports)
    options = list(dict.fromkeys([*in_files, *CURRENCIES, current]))
    st.selectbox(
        t("Currency"),
        options,
        key=S + "currency",
        help=t("The currency of your ad accounts and your costs. Amounts are not converted."),
        on_change=state.mark_typed,
        args=("currency",),
    )
    if len(in_files) > 1:
        st.caption(
            t(
                "Your files are in {currencies}. Amounts in two currencies are never added "
                "up: pick the one to show.",
                currencies=", ".join(in_files),
            )
        )
    elif not loaded.is_sample and loaded.reports and not in_files:
        st.caption(t("Your files do not say which currency they are in: pick yours here."))
