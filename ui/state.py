"""Session-state keys and typed accessors: the only place that names a key.

Widget keys for settings are "set." + the setting's path in the settings JSON
("set.costs.hourly_rate"), so settings move between widgets, files and share
links without a hand-kept list of names.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

import pandas as pd
import streamlit as st

from smroi import (
    COST_LINES,
    Analysis,
    ImportReport,
    Rate,
    Settings,
    settings_from_dict,
    settings_to_dict,
)
from smroi.store import ReportInfo

SETTING_PREFIX = "set."
TYPED = "settings.typed"  # setting paths the user typed (sidebar, forms, editors)
SETTINGS_ORIGIN = "settings.origin"  # what the base settings are: "sample", "own" or "file"
BUSINESS_FORM = "business.form"  # the "Your business" form: "open", "closed" (saved/skipped)
LANGUAGE = "ui.language"  # the sidebar's language picker: "en", "nb", "fa" (smroi.i18n)
DIGITS = "ui.digits"  # "native" (۱۲۳ in Persian) or "latin" (123): numbers in a Persian UI
UPLOADS = "uploads"
SETTINGS_UPLOAD = "settings_upload"
SETTINGS_MESSAGE = "settings_message"
BASE_SETTINGS = "base_settings"
DATE_RANGE = "filter.date_range"
PLATFORMS = "filter.platforms"
FILTERS_FOR = "filter.for_data"
LAST_GOOD = "data.last_good"
DIGESTS = "data.digests"
VIEW = "view"
SHEETS = "data.sheets"  # file name -> the workbook sheet the user chose
SHEET_CHOICE = "data.sheet"  # + file number
MAPPING_EDITOR = "data.mapping"  # + file number + version
MAPPING_VERSION = "data.mapping_version"
LEFT_OUT = "data.left_out"  # file name -> the rows the user chose to leave out
USE_AGAIN = "data.use_again."  # + file number: the Data page's "Use row 14 again"
LEAVE_OUT = "overview.leave_out."  # + file number: the Overview's "Leave row 14 out"
# file name -> {column: "." or ","}: the decimal mark the user chose for a column that mixes
DECIMAL_MARKS = "data.decimal_marks"
DECIMAL_MARK = "data.decimal_mark."  # + file number + "." + column number: the Data page's radio
UNDO_DECIMAL_MARK = "data.undo_decimal_mark."  # + file number + "." + column number
# file name -> the platform export the user chose (smroi.exports.Export.key or NO_EXPORT)
EXPORT_CHOICES = "data.exports"
EXPORT_CHOICE = "data.export."  # + file number: the Data page's "Platform export"
# widgets of the pages
OVERVIEW_PERIOD = "overview.period"
CLAIMS_PERIOD = "overview.claims_period"  # claimed against recorded: by day, week or month
EXCEL_REPORT = "report.excel"  # the sidebar's download button
PDF_REPORT = "report.pdf"  # the PDF report's download button
# earned media page
RATE_EDITOR = "emv.rates"  # + version
RATE_VERSION = "emv.rates_version"
PENDING_RATES = "emv.pending_rates"
EMV_LEVEL = "emv.level"
EMV_PERIOD = "emv.period"
KEYWORD_UPLOAD = "emv.keywords"
KEYWORD_MESSAGES = "emv.keyword_messages"
# goals
GOALS_PERIOD = "goals.compare_period"
REVIEW_BY = "goals.review_by"
WHATIF_PLAN = "goals.whatif.plan"  # "move" (spend between platforms) or "total"
WHATIF_FROM = "goals.whatif.from"
WHATIF_TO = "goals.whatif.to"
WHATIF_SHARE = "goals.whatif.share"  # percent of the from platform's weekly ad spend
WHATIF_TOTAL = "goals.whatif.total."  # + today's total: the new weekly total
# tracking page
UTM_LINKS_EDITOR = "tracking.links"
UTM_DIMENSION = "tracking.dimension"
REFERRAL_UPLOAD = "tracking.referrals"
# attribution page
ATTRIBUTION_TOUCHES = "attribution.touches"
ATTRIBUTION_CONVERSIONS = "attribution.conversions"
ATTRIBUTION_MODEL = "attribution.model"
ATTRIBUTION_HALF_LIFE = "attribution.half_life"
ATTRIBUTION_LOOKBACK = "attribution.lookback"
ATTRIBUTION_LAST_GOOD = "attribution.last_good"
COUPON_UPLOAD = "attribution.coupons"
SURVEY_UPLOAD = "attribution.survey"
SURVEY_RULES_EDITOR = "attribution.survey_rules"
# funnel and audience page
FUNNEL_BY = "funnel.by"
AUDIENCE_DIMENSION = "audience.dimension"
HEATMAP_METRIC = "audience.heatmap_metric"
# share links
SHARE_FORM = "share.form"
MY_SHARES = "share.mine"  # tokens made in this session, for "My shared reports"
NEW_SHARE = "share.new"  # the link just made, shown to copy
SHARE_OWNER = "share.owner"  # a random id of this session; the store keeps only its hash
REVOKE = "share.revoke."  # + number
REVOKE_FAILED = "share.revoke_failed"  # why the last Revoke did not work, shown once
SCHEDULE_FORM = "share.schedule.form"  # "E-mail this report every week / month"
SCHEDULE_ADDRESSES = "share.schedule.addresses"
SCHEDULE_EVERY = "share.schedule.every"
SCHEDULE_STOP = "share.schedule.stop."  # + the schedule's id
SCHEDULE_PROBLEM = "share.schedule.problem"  # why the last Stop did not work, shown once
STOP_DONE = "stop.done"  # the address a stop link's button just stopped
SHARED_TOKEN = "shared.token"  # set when this session opened a share link: read-only
SHARED_SNAPSHOT = "shared.snapshot"
SHARED_PASSWORD = "shared.password"
SHARED_PASSWORD_FORM = "shared.password_form"
CPR_LEVEL = "cpr.level"
CPR_PLATFORM = "cpr.platform"
CPR_CAMPAIGN = "cpr.campaign"
CPR_TABLE = "cpr.table"
CPR_COLUMNS = "cpr.columns"  # which of the table's column groups is shown
CPR_CHART_METRIC = "cpr.chart_metric"
CPR_BEST = "cpr.best"
CPR_WORST = "cpr.worst"
CPR_NO_RESULT = "cpr.no_result"
LEAD_MODE = "lead_value_mode"  # "auto" | "always" | "never" (a radio cannot hold None)
LEAD_MODES = {"auto": None, "always": True, "never": False}


@dataclass(frozen=True)
class LoadedData:
    """The canonical table in use, its import reports, and where it came from."""

    key: str  # a digest of the files' bytes: the cache key, never a file name
    table: pd.DataFrame
    reports: tuple[ImportReport, ...]
    is_sample: bool
    shared: ReportInfo | None = None  # the share link this data came from (read-only)


@dataclass(frozen=True)
class View:
    """What every page draws from: the loaded data, the settings and the filters applied."""

    data: LoadedData
    settings: Settings
    start: date | None
    end: date | None
    platforms: tuple[str, ...] | None
    analysis: Analysis
    notices: tuple[str, ...]  # problems to show the user (files that could not be read)

    @property
    def cache_key(self) -> tuple[Any, ...]:
        """Identifies this view's numbers: data digest, settings and filters."""
        return (self.data.key, settings_key(self.settings), self.start, self.end, self.platforms)


def settings_key(settings: Settings) -> str:
    """A stable text form of the settings, for cache keys."""
    return json.dumps(settings_to_dict(settings), sort_keys=True)


def flatten(data: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    """{"costs": {"hourly_rate": 35}} -> {"costs.hourly_rate": 35}."""
    flat: dict[str, Any] = {}
    for key, value in data.items():
        path = f"{prefix}{key}"
        if isinstance(value, dict) and value and key not in ("assigned_to",):
            flat.update(flatten(value, f"{path}."))
        else:
            flat[path] = value
    return flat


def has_widget(path: str) -> bool:
    """Settings the sidebar has a widget for; the rest (goals, column_map, other platforms'
    rates) live only in the base settings."""
    if path.startswith(("goals", "column_map", "soft_value.ppc_keywords")):
        return False
    return not path.startswith("earned_media.rates.") or path.startswith(
        "earned_media.rates.default."
    )


# Settings paths that belong to the user's files, not to any sample: never replaced when the
# data switches between the sample and the user's own
_FILE_CHOICES = ("column_map",)


def mark_typed(*paths: str) -> None:
    """Remember that the user set these settings themselves (a widget's on_change): they are
    kept when the sample's settings give way to the user's own data."""
    st.session_state[TYPED] = st.session_state.get(TYPED, frozenset()) | frozenset(paths)


def typed_paths() -> frozenset[str]:
    """The settings paths the user typed in this session."""
    return st.session_state.get(TYPED, frozenset())


def overlay(base: Settings, current: Settings, paths: frozenset[str]) -> Settings:
    """`base` with the values of `current` at `paths` (a path may name a whole section,
    "goals" or "earned_media.rates")."""
    data, now = settings_to_dict(base), settings_to_dict(current)
    for path in sorted(set(paths) | set(_FILE_CHOICES)):
        parts = path.split(".")
        source, target = now, data
        for part in parts[:-1]:
            if not isinstance(source.get(part), dict):
                break
            source = source[part]
            target = target.setdefault(part, {})
        else:
            if parts[-1] in source:
                target[parts[-1]] = source[parts[-1]]
    return settings_from_dict(data, source="sidebar")


def settings_for_data(is_sample: bool, sample: Settings) -> bool:
    """Make the base settings fit the data shown: the sample's own settings on the sample, and
    none of them on the user's own files (nothing the user did not type or load from a
    settings file). Returns True when the user's own data has just replaced the sample."""
    origin = st.session_state.get(SETTINGS_ORIGIN, "sample")
    wanted = "sample" if is_sample else "own"
    if origin in ("file", wanted):
        return False
    current = settings_from_widgets()
    base = sample if is_sample else Settings()
    put_settings(overlay(base, current, typed_paths()))
    st.session_state[SETTINGS_ORIGIN] = wanted
    return not is_sample


def base_settings() -> Settings:
    """The settings that widgets are laid over (the last loaded file, or the defaults)."""
    return st.session_state.get(BASE_SETTINGS, Settings())


def put_settings(settings: Settings) -> None:
    """Make these the settings: the base, and every settings widget's value."""
    st.session_state[BASE_SETTINGS] = settings
    for path, value in flatten(settings_to_dict(settings)).items():
        if has_widget(path):
            st.session_state[SETTING_PREFIX + path] = value
    del st.session_state[SETTING_PREFIX + "values.count_lead_value"]
    mode = {value: name for name, value in LEAD_MODES.items()}[settings.values.count_lead_value]
    st.session_state[LEAD_MODE] = mode
    for line in COST_LINES:
        st.session_state[f"{SETTING_PREFIX}costs.assigned_to.{line}"] = (
            settings.costs.assigned_to.get(line, "all")
        )


def column_map_key() -> str:
    """The mapping editor's choices as stable text: part of the cache key of parsed files."""
    return json.dumps(dict(base_settings().column_map), sort_keys=True)


def sheets_key() -> str:
    """The user's sheet choices as stable text: part of the cache key of parsed files."""
    return json.dumps(st.session_state.get(SHEETS, {}), sort_keys=True)


def choose_sheet(file: str, sheet: str | None) -> None:
    """Read this sheet of the workbook (None: the one smroi picks)."""
    chosen = dict(st.session_state.get(SHEETS, {}))
    if sheet is None:
        chosen.pop(file, None)
    else:
        chosen[file] = sheet
    st.session_state[SHEETS] = chosen


def chosen_sheet(file: str) -> str | None:
    """The sheet the user chose for a workbook, if any."""
    return st.session_state.get(SHEETS, {}).get(file)


def change_column_map(changes: dict[str, str]) -> None:
    """Remember the user's column choices (header -> column, "" = not used); files are read
    again with them, and they are saved with the settings."""
    base = base_settings()
    st.session_state[BASE_SETTINGS] = base.with_changes(column_map={**base.column_map, **changes})
    st.session_state[MAPPING_VERSION] = st.session_state.get(MAPPING_VERSION, 0) + 1


def forget_column_map(headers: list[str]) -> None:
    """Back to automatic recognition for these headers."""
    base = base_settings()
    kept = {h: c for h, c in base.column_map.items() if h not in headers}
    st.session_state[BASE_SETTINGS] = base.with_changes(column_map=kept)
    st.session_state[MAPPING_VERSION] = st.session_state.get(MAPPING_VERSION, 0) + 1


def left_out_key() -> str:
    """The rows the user chose to leave out, as stable text: part of the cache key of parsed
    files."""
    return json.dumps(st.session_state.get(LEFT_OUT, {}), sort_keys=True)


def leave_out_rows(file: str, rows: list[int]) -> None:
    """Leave these rows of a file out (files are read again without them)."""
    chosen = dict(st.session_state.get(LEFT_OUT, {}))
    chosen[file] = sorted({*chosen.get(file, ()), *(int(row) for row in rows)})
    st.session_state[LEFT_OUT] = chosen


def use_rows_again(file: str, rows: list[int]) -> None:
    """Use these rows of a file again, after leave_out_rows."""
    chosen = dict(st.session_state.get(LEFT_OUT, {}))
    kept = [row for row in chosen.get(file, ()) if row not in set(rows)]
    if kept:
        chosen[file] = kept
    else:
        chosen.pop(file, None)
    st.session_state[LEFT_OUT] = chosen


def decimal_marks_key() -> str:
    """The decimal marks the user chose, as stable text: part of the cache key of parsed
    files (and JSON, for smroi.load_files' decimal_marks)."""
    return json.dumps(st.session_state.get(DECIMAL_MARKS, {}), sort_keys=True)


def choose_decimal_mark(file: str, column: str, mark: str | None) -> None:
    """Read this column of the file with this decimal mark ("." or ","); None: forget the
    choice (files are read again either way)."""
    chosen = {name: dict(marks) for name, marks in st.session_state.get(DECIMAL_MARKS, {}).items()}
    marks = chosen.setdefault(file, {})
    if mark in (".", ","):
        marks[column] = mark
    else:
        marks.pop(column, None)
    if not marks:
        chosen.pop(file, None)
    st.session_state[DECIMAL_MARKS] = chosen


def exports_key() -> str:
    """The platform exports the user chose, as stable text: part of the cache key of parsed
    files (and JSON, for smroi.load_files' exports)."""
    return json.dumps(st.session_state.get(EXPORT_CHOICES, {}), sort_keys=True)


def chosen_export(file: str) -> str | None:
    """The platform export the user chose for a file, if any."""
    return st.session_state.get(EXPORT_CHOICES, {}).get(file)


def choose_export(file: str, export: str | None) -> None:
    """Read the file as this platform's export (an Export.key, or NO_EXPORT); None: recognise
    it from its columns again (files are read again either way)."""
    chosen = dict(st.session_state.get(EXPORT_CHOICES, {}))
    if export is None:
        chosen.pop(file, None)
    else:
        chosen[file] = export
    st.session_state[EXPORT_CHOICES] = chosen


def queue_rates(rates: dict[str, Rate]) -> None:
    """Rates to apply at the start of the next run, before the sidebar's widgets exist."""
    st.session_state[PENDING_RATES] = rates


def apply_pending_rates() -> None:
    """Apply rates that a page changed in the previous run (see queue_rates)."""
    rates = st.session_state.pop(PENDING_RATES, None)
    if rates:
        set_rates(rates)


def set_rates(rates: dict[str, Rate]) -> None:
    """Make these the earned-media rates (the default row is also the sidebar's widgets).
    Call it before the sidebar is drawn: it sets widget values."""
    base = base_settings()
    kept = {name: rate for name, rate in rates.items() if name != "default"}
    if "default" in base.earned_media.rates:
        kept["default"] = base.earned_media.rates["default"]
    earned = replace(base.earned_media, rates=kept)
    st.session_state[BASE_SETTINGS] = base.with_changes(earned_media=earned)
    if "default" in rates:
        for part in ("cpm", "cpc", "cpe"):
            key = f"{SETTING_PREFIX}earned_media.rates.default.{part}"
            st.session_state[key] = float(getattr(rates["default"], part))
    st.session_state[RATE_VERSION] = st.session_state.get(RATE_VERSION, 0) + 1
    mark_typed("earned_media.rates")


def set_goals(goals: tuple[Any, ...]) -> None:
    """Keep these goals in the settings (the sidebar's goals table)."""
    st.session_state[BASE_SETTINGS] = base_settings().with_changes(goals=tuple(goals))
    mark_typed("goals")


def set_ppc_keywords(keywords: tuple[Any, ...]) -> None:
    """Keep the keyword table (organic clicks and cost per click) in the settings."""
    base = base_settings()
    soft = replace(base.soft_value, ppc_keywords=tuple(keywords))
    st.session_state[BASE_SETTINGS] = base.with_changes(soft_value=soft)
    mark_typed("soft_value.ppc_keywords")


def settings_from_widgets() -> Settings:
    """The base settings with every settings widget's current value laid over them."""
    data = settings_to_dict(base_settings())
    assigned: dict[str, str] = {}
    for key, value in st.session_state.items():
        if not isinstance(key, str) or not key.startswith(SETTING_PREFIX):
            continue
        if not has_widget(key[len(SETTING_PREFIX) :]):
            continue
        path = key[len(SETTING_PREFIX) :].split(".")
        if path[:2] == ["costs", "assigned_to"]:
            if len(path) == 3 and value and value != "all":
                assigned[path[2]] = value
            continue
        node = data
        for part in path[:-1]:
            node = node.setdefault(part, {})
        node[path[-1]] = value
    data["costs"]["assigned_to"] = assigned
    data["values"]["count_lead_value"] = LEAD_MODES[st.session_state.get(LEAD_MODE, "auto")]
    if not data["values"].get("gross_margin_pct"):  # an empty box or 0: not known
        data["values"]["gross_margin_pct"] = None
    return settings_from_dict(data, source="sidebar")


def set_view(view: View) -> None:
    """Keep the view for the page that runs after the sidebar."""
    st.session_state[VIEW] = view


def get_view() -> View:
    """The view the sidebar made in this run."""
    return st.session_state[VIEW]
