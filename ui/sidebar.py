"""The sidebar every page shares: data, filters, objective, costs, values, settings file.

Every widget's value lives in session state under a key from ui.state; the sidebar
turns them into Settings and filters and returns the View that pages draw.
"""

from __future__ import annotations

import hashlib
from datetime import date
from typing import Any

import streamlit as st

import smroi
from smroi.i18n import N_
from smroi.readers import MAX_FILE_MB
from smroi.store import Snapshot
from ui import data, share, state
from ui.goals import goals_editor
from ui.i18n import digits, language, language_picker, option_labels, t, tr
from ui.widgets import plain

CURRENCIES = ("USD", "EUR", "GBP", "NOK", "SEK", "DKK", "IRR", "INR", "BRL", "CAD", "AUD", "JPY")
OBJECTIVE_LABELS = {  # English; shown through t()
    "awareness": N_("Awareness (impressions)"),
    "engagement": N_("Engagement"),
    "leads": N_("Leads"),
    "sales": N_("Sales"),
}
LEAD_VALUE_MODES = {
    "auto": N_("Automatic: only where sales are not tracked"),
    "always": N_("Always count lead value"),
    "never": N_("Never count lead value"),
}
MAX_UPLOAD_MB = MAX_FILE_MB  # the uploader says it; larger files are refused by smroi too
S = state.SETTING_PREFIX  # settings widgets' keys: S + the setting's path in the settings file


def render_sidebar(shared: Snapshot | None = None) -> state.View:
    """Draw the sidebar and return what the pages should show; for a share link's
    snapshot, its data and settings with every input locked."""
    if state.BASE_SETTINGS not in st.session_state:
        state.put_settings(data.sample_settings())
    locked = shared is not None
    if not locked:
        state.apply_pending_rates()
    with st.sidebar:
        language_picker()
        if shared is not None:
            loaded, notices = share.shared_data(shared), []
            share.shared_heading(shared.info)
        else:
            loaded, notices = _data_section()
            # the sample's costs, values and goals are the sample shop's, never the user's
            own_data_arrived = state.settings_for_data(loaded.is_sample, data.sample_settings())
            if own_data_arrived and st.session_state.get(state.BUSINESS_FORM) != "closed":
                st.session_state[state.BUSINESS_FORM] = "open"  # ask about their business
        report_slot = st.container()
        start, end, platforms = _filters(loaded, locked)
        _objective_and_currency(loaded, locked)
        _costs(loaded, locked)
        _values(locked)
        _earned_media(locked)
        goals_editor(locked)
        settings = state.settings_from_widgets()
        if not locked:
            _save_and_load(settings)
            share.share_section(loaded, settings, start, end, platforms)
    analysis = smroi.analyse(
        loaded.table,
        settings,
        start=start,
        end=end,
        platforms=list(platforms) if platforms is not None else None,
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
    with report_slot:
        excel_report_button(view)
    return view


def excel_report_button(view: state.View) -> None:
    """The Excel report of what is on screen: same data, settings, dates and platforms.

    The workbook is written only when the button is clicked (a 100,000-row report takes
    seconds), so the pages do not slow down for it; for a share link's viewer, only after
    the link is checked again. It is in the session's language and digits, read now: the
    button may call `workbook` outside the script run.
    """

    period = st.session_state.get(state.OVERVIEW_PERIOD) or "week"
    lang, digit_style = language(), digits()

    def workbook() -> bytes:
        return smroi.report_workbook(
            view.data.table,
            list(view.data.reports),
            view.settings,
            start=view.start,
            end=view.end,
            platforms=list(view.platforms) if view.platforms is not None else None,
            period=period,
            lang=lang,
            digits=digit_style,
        )

    first, last = view.analysis.first_day, view.analysis.last_day
    span = f"-{first:%Y-%m-%d}-to-{last:%Y-%m-%d}" if first and last else ""
    st.download_button(
        t("Download Excel report"),
        share.on_demand(workbook),  # a viewer's link is checked again first
        file_name=f"social-media-roi{span}.xlsx",
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        on_click="ignore",
        icon=":material/download:",
        help=t(
            "A workbook with the numbers on these pages, native Excel charts, your "
            "settings and the import report, for the selected dates and platforms."
        ),
        key=state.EXCEL_REPORT,
        width="stretch",
    )


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


def _filters(
    loaded: state.LoadedData, locked: bool = False
) -> tuple[date | None, date | None, tuple[str, ...] | None]:
    first, last = smroi.period_of(loaded.table)
    platforms = sorted(str(p) for p in loaded.table["platform"].dropna().unique())
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
            disabled=locked,
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
        disabled=locked,
    )
    if not chosen_platforms:
        st.warning(t("Pick at least one platform to see numbers."))
    selected = None if set(chosen_platforms) == set(platforms) else tuple(chosen_platforms)
    return start, end, selected


# ---------------------------------------------------------------- settings widgets


def _objective_and_currency(loaded: state.LoadedData, locked: bool = False) -> None:
    st.header(t("Goal and money"))
    st.selectbox(
        t("Objective"),
        list(OBJECTIVE_LABELS),
        format_func=option_labels(OBJECTIVE_LABELS),
        key=S + "objective",
        help=t(
            "What social media is for. It decides what 'cost per result' counts: "
            "1,000 impressions, engagements, leads or sales."
        ),
        disabled=locked,
        on_change=state.mark_typed,
        args=("objective",),
    )
    current = st.session_state.get(S + "currency") or smroi.DEFAULT_CURRENCY
    in_files = smroi.currency_choices(loaded.reports)
    options = list(dict.fromkeys([*in_files, *CURRENCIES, current]))
    st.selectbox(
        t("Currency"),
        options,
        key=S + "currency",
        help=t("The currency of your ad accounts and your costs. Amounts are not converted."),
        disabled=locked,
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
    elif not loaded.is_sample and loaded.reports and not in_files and not locked:
        st.caption(t("Your files do not say which currency they are in: pick yours here."))


def _money_input(
    label: str, key: str, help_text: str, step: float = 10.0, locked: bool = False
) -> None:
    st.number_input(
        label,
        min_value=0.0,
        step=step,
        key=S + key,
        help=help_text,
        format="%.2f",
        disabled=locked,
        on_change=state.mark_typed,
        args=(key,),
    )


def _costs(loaded: state.LoadedData, locked: bool = False) -> None:
    with st.expander(t("Monthly costs besides ad spend"), expanded=True):
        st.number_input(
            t("Hours spent per month"),
            min_value=0.0,
            step=1.0,
            format="%.1f",
            key=S + "costs.labour_hours_per_month",
            help=t("Time you or your staff spend on social media each month."),
            disabled=locked,
            on_change=state.mark_typed,
            args=("costs.labour_hours_per_month",),
        )
        _money_input(
            t("Hourly rate"),
            "costs.hourly_rate",
            t("What an hour of that time costs."),
            5.0,
            locked=locked,
        )
        _money_input(
            t("Tools and software"),
            "costs.tools_per_month",
            t("Scheduling, design and analytics subscriptions per month."),
            locked=locked,
        )
        _money_input(
            t("Agency / freelancer"),
            "costs.agency_per_month",
            t("Fees per month."),
            locked=locked,
        )
        _money_input(
            t("Content production"),
            "costs.content_per_month",
            t("Photography, video, copywriting per month."),
            locked=locked,
        )
        _money_input(
            t("Other"), "costs.other_per_month", t("Anything else per month."), locked=locked
        )
    platforms = sorted(str(p) for p in loaded.table["platform"].dropna().unique())
    all_platforms = t("All platforms")  # read now: a format_func may run outside the script
    with st.expander(t("Which platform is each cost for?")):
        st.caption(t("Costs for all platforms are shared by each platform's ad spend."))
        for line, label in smroi.COST_LINE_LABELS.items():
            key = f"{S}costs.assigned_to.{line}"
            current = st.session_state.get(key, "all")
            options = ["all", *platforms] + (
                [current] if current not in ("all", *platforms) else []
            )
            st.selectbox(
                t(label),
                options,
                key=key,
                format_func=lambda p: all_platforms if p == "all" else p,
                disabled=locked,
                on_change=state.mark_typed,
                args=("costs.assigned_to",),
            )


def _values(locked: bool = False) -> None:
    with st.expander(t("What results are worth")):
        _money_input(
            t("Value per lead"),
            "values.value_per_lead",
            t("What a lead is worth to you on average (e.g. close rate x order value)."),
            locked=locked,
        )
        _money_input(
            t("Average order value"),
            "values.average_order_value",
            t("Used for sales on rows that have no revenue figure."),
            locked=locked,
        )
        margin_input(locked)
        _money_input(
            t("Value per engagement"),
            "values.value_per_engagement",
            t("Leave at 0 unless you know what an engagement is worth."),
            0.01,
            locked=locked,
        )
        _money_input(
            t("Value per new follower"),
            "values.value_per_follower",
            t("Leave at 0 unless you know what a follower is worth."),
            0.1,
            locked=locked,
        )
        if state.LEAD_MODE not in st.session_state:
            st.session_state[state.LEAD_MODE] = "auto"
        st.radio(
            t("Count lead value in return"),
            list(LEAD_VALUE_MODES),
            format_func=option_labels(LEAD_VALUE_MODES),
            key=state.LEAD_MODE,
            help=t(
                "A lead that later became a tracked sale would be counted twice, so by "
                "default lead value counts only on rows with no revenue figure."
            ),
            disabled=locked,
            on_change=state.mark_typed,
            args=("values.count_lead_value",),
        )


def margin_input(locked: bool = False) -> None:
    """The gross margin box: empty while the user does not know it (sales then count at
    their full value, and every ROI says so)."""
    key = S + "values.gross_margin_pct"
    if key not in st.session_state:
        st.session_state[key] = None  # empty: not known
    st.number_input(
        t("Gross margin (%)"),
        min_value=0.0,
        max_value=100.0,
        step=5.0,
        format="%.1f",
        key=key,
        placeholder=t("Not set: sales count in full"),
        help=t(
            "The share of a sale's value you keep after the cost of the goods: (price - cost "
            "of goods) / price x 100. A shop that sells for 100 what it bought for 60 has a "
            "40% margin. Return then counts 40 of each 100 of sales, not all of it."
        ),
        disabled=locked,
        on_change=state.mark_typed,
        args=("values.gross_margin_pct",),
    )


def _earned_media(locked: bool = False) -> None:
    with st.expander(t("Earned media value (estimated)")):
        st.caption(t("What your organic results would have cost as ads."))
        _money_input(
            t("CPM (per 1,000 impressions)"),
            "earned_media.rates.default.cpm",
            t("What 1,000 ad impressions cost you."),
            0.5,
            locked=locked,
        )
        _money_input(
            t("CPC (per click)"),
            "earned_media.rates.default.cpc",
            t("What one ad click costs you."),
            0.1,
            locked=locked,
        )
        _money_input(
            t("CPE (per engagement)"),
            "earned_media.rates.default.cpe",
            t("What one ad engagement costs you."),
            0.01,
            locked=locked,
        )
        st.checkbox(
            t("Count earned media value in return and ROI"),
            key=S + "earned_media.include_in_roi",
            help=t("Off by default: it is an estimate, not money received."),
            disabled=locked,
            on_change=state.mark_typed,
            args=("earned_media.include_in_roi",),
        )


def _save_and_load(settings: smroi.Settings) -> None:
    with st.expander(t("Save or load settings")):
        st.download_button(
            t("Save settings (JSON)"),
            smroi.settings_to_json(settings),
            file_name="smroi-settings.json",
            mime="application/json",
            help=t("Your costs, values and objective, to load again later."),
        )
        st.file_uploader(
            t("Load settings"),
            type=["json"],
            key=state.SETTINGS_UPLOAD,
            on_change=_load_settings_file,
            max_upload_size=1,
        )
        message = st.session_state.get(state.SETTINGS_MESSAGE)
        if message:  # kept in English with its fields; shown in the language of the day
            kind, text, fields = message
            shown = {name: tr(value) for name, value in fields.items()}
            (st.error if kind == "error" else st.success)(plain(t(text, **shown)))


def _load_settings_file() -> None:
    upload = st.session_state.get(state.SETTINGS_UPLOAD)
    if upload is None:
        return
    try:
        loaded = smroi.settings_from_json(upload.getvalue(), source=upload.name)
    except smroi.SettingsError as exc:
        st.session_state[state.SETTINGS_MESSAGE] = (
            "error",
            N_("Could not load the settings; nothing was changed. {problem}"),
            {"problem": exc.message},  # a Message: translated where it is shown
        )
        return
    state.put_settings(loaded)
    st.session_state[state.SETTINGS_ORIGIN] = "file"  # the user's own: kept on any data
    st.session_state[state.SETTINGS_MESSAGE] = (
        "success",
        N_("Loaded settings from {file}."),
        {"file": upload.name},
    )
