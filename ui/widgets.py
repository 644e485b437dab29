"""Shared pieces of the pages: KPI cards and metric tables, formatted from the registry."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

import pandas as pd
import streamlit as st

import smroi
from smroi import DASH, MEASURES, METRICS, PREFIX_SYMBOLS, currency_symbol
from smroi.charts import chart_png, chart_svg
from smroi.cost_per_result import LEVEL_LABELS
from smroi.errors import SmroiError
from smroi.formatting import (
    CURRENCY_GROUPING,
    format_numbers,
    format_value,
    format_value_range,
    is_undefined,
    label_with_unit,
)
from smroi.funnel import DIMENSION_LABELS
from smroi.i18n import N_, is_rtl
from smroi.intervals import Interval
from smroi.registry import metric_formula, metric_help_text, metric_label
from smroi.workbook import table_csv
from ui.i18n import day, digits, language, metric_value, t, tr

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:])")


def plain(text: object) -> str:
    """User text (file, column, platform names) made safe to show in markdown elements:
    every markdown character is escaped, so a name cannot become a link, an image or
    formatting."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", str(text))


def error_text(error: SmroiError) -> str:
    """An error's sentence for the user in the session's language, safe for markdown."""
    return plain(tr(error.message))


def metric_help(key: str) -> str:
    """A metric's tooltip, in the session's language: what it means, then its formula."""
    metric, lang = METRICS[key], language()
    text = metric_help_text(key, lang)
    if metric.paid_only:
        text += " " + t("Paid rows only.")
    if metric.estimated:
        text += " " + t("(estimated)")
    return text + "\n\n" + t("Formula: {formula}", formula=metric_formula(key, lang))


def kpi_cards(
    values: dict[str, Any],
    keys: Sequence[str],
    currency: str,
    labels: dict[str, str] | None = None,
    per_row: int = 3,
    ranges: Mapping[str, Interval | None] | None = None,
) -> None:
    """One card per metric with its formatted value and its formula in the help; with
    `ranges`, a metric's 90% range in grey under its value."""
    labels = labels or {}
    for start in range(0, len(keys), per_row):
        columns = st.columns(per_row)
        for column, key in zip(columns, keys[start : start + per_row], strict=False):
            _card(column, values, key, currency, labels, ranges)


def key_figures(
    values: dict[str, Any],
    keys: Sequence[str],
    currency: str,
    labels: dict[str, str],
    ranges: Mapping[str, Interval | None] | None = None,
) -> None:
    """The figures that decide the verdict, side by side while they fit (on a phone too),
    each with its formula in the help (and its 90% range, as kpi_cards)."""
    row = st.container(horizontal=True, gap="small")
    for key in keys:
        _card(row, values, key, currency, labels, ranges)


def _card(
    place: Any,
    values: dict[str, Any],
    key: str,
    currency: str,
    labels: dict[str, str],
    ranges: Mapping[str, Interval | None] | None = None,
) -> None:
    """One KPI card in `place`: its label, its formatted value, and why it is "—"; its 90%
    range, when known, in grey where a change would stand (no arrow: it is no change)."""
    value = values.get(key)
    help_text = metric_help(key)
    if is_undefined(value):  # "—": say why before what it means
        help_text = f"{undefined_reason(key)}\n\n{help_text}"
    interval = (ranges or {}).get(key)
    shown_range = None
    if interval is not None and not is_undefined(value):
        shown_range = t("90% range: {range}", range=range_text(key, interval, currency))
        help_text = f"{help_text}\n\n{range_help()}"
    place.metric(
        labels[key] if key in labels else metric_label(key, language()),
        metric_value(key, value, currency),
        delta=shown_range,
        delta_color="off",
        delta_arrow="off",
        help=help_text,
        border=True,
        height="stretch",  # as tall as a neighbour that shows its range
    )


def range_text(key: str, interval: Interval, currency: str) -> str:
    """A metric's 90% range as a reader writes it: '$24.56–$27.92', '1,21 %–1,24 %'; in a
    right-to-left language the low bound first in reading order, on the right (each bound
    an isolate inside a right-to-left one, as smroi.formatting writes a range of days)."""
    low = metric_value(key, interval.low, currency)
    high = metric_value(key, interval.high, currency)
    return format_value_range(low, high, language())


def range_help() -> str:
    """What a 90% range means, for a tooltip."""
    return t(
        "90% range: where the true figure most likely lies, given how few clicks, leads or "
        "sales it rests on. It treats each click as an independent try and knows nothing of "
        "seasons or tracking errors."
    )


def undefined_reason(key: str) -> str:
    """Why a number shows "—": a measure no file reports, or one that cannot be worked out."""
    if key in MEASURES:
        return t("Not in your files: no row reports it (blank is not 0).")
    return t("Cannot be worked out from your files: a number it needs is missing or 0.")


def number_format(key: str, currency: str) -> str:
    """A printf format for a metric's column in st.dataframe."""
    unit = METRICS[key].unit
    if unit == "money":
        symbol = currency_symbol(currency)
        return f"{symbol}%,.2f" if currency in PREFIX_SYMBOLS else f"%,.2f {symbol}"
    if unit == "count":
        return "%,d"
    if unit in ("percent", "fraction"):
        return "%,.2f%%"
    if unit == "multiple":
        return "%.2fx"
    return "%,.2f"


def metric_table(
    frame: pd.DataFrame,
    label_columns: dict[str, str],
    keys: Sequence[str],
    currency: str,
    *,
    labels: dict[str, str] | None = None,
    height: int | str = "auto",
    key: str | None = None,
    ranges: Sequence[str] = (),
) -> None:
    """A sortable table: label columns, then metrics in their units; undefined shows "—".
    Each metric in `ranges` is followed by its 90% range as text ("$24.56–$27.92"), from
    the frame's `<key>_low` and `<key>_high` (smroi.with_intervals)."""
    labels = labels or {}
    shown = frame[list(label_columns) + list(keys)].copy()
    config: dict[str, Any] = {
        column: st.column_config.TextColumn(title) for column, title in label_columns.items()
    }
    for metric_key in keys:
        if METRICS[metric_key].unit == "fraction":
            shown[metric_key] = shown[metric_key] * 100  # shown as a percent
        if METRICS[metric_key].unit == "count":
            shown[metric_key] = shown[metric_key].round().astype("Int64")
        config[metric_key] = st.column_config.NumberColumn(
            labels[metric_key] if metric_key in labels else metric_label(metric_key, language()),
            help=metric_help(metric_key),
            # a column format would win over the Styler's locale text (localised_numbers)
            format=english_format(
                number_format(metric_key, currency), rows=len(shown), currency=currency
            ),
        )
    for column in label_columns:
        shown[column] = shown[column].astype(str)
    order = list(shown.columns)
    for metric_key in (k for k in ranges if k in keys and f"{k}_low" in frame):
        column = f"{metric_key}_range"
        shown[column] = [
            DASH
            if is_undefined(low) or is_undefined(high)
            else range_text(metric_key, Interval(low, high), currency)
            for low, high in zip(
                frame[f"{metric_key}_low"], frame[f"{metric_key}_high"], strict=True
            )
        ]
        config[column] = st.column_config.TextColumn(t("90% range"), help=range_help())
        order.insert(order.index(metric_key) + 1, column)
    data_table(
        localised_numbers(shown, keys, currency),
        column_config=config,
        column_order=order,
        hide_index=True,
        placeholder=DASH,
        height=height,
        key=key,
    )


def localised_numbers(shown: pd.DataFrame, keys: Sequence[str], currency: str) -> Any:
    """A metric table as st.dataframe should draw it (localised_table with each metric's
    unit; fractions arrive already multiplied by 100, so they are shown as percents)."""
    units: dict[str, str] = {
        key: "percent_2" if METRICS[key].unit == "fraction" else METRICS[key].unit for key in keys
    }
    return localised_table(shown, units, currency)


# A Styler costs about 0.1 ms a row in Streamlit: past this many rows a table keeps its
# printf formats (Latin digits, "," and "."), so a page still redraws in under 0.3 s.
MAX_STYLED_ROWS = 2_000


def styled(rows: int, currency: str = "USD") -> bool:
    """True when a table of `rows` rows gets the language's numbers (localised_table): in
    every language but English, and in English for a currency with its own grouping (rupees
    in lakhs, which a printf format cannot write)."""
    own_words = language() != "en" or currency in CURRENCY_GROUPING
    return own_words and rows <= MAX_STYLED_ROWS


def english_format(printf: str, *, rows: int = 0, currency: str = "USD") -> str | None:
    """A number column's printf format, unless the table's Styler writes its numbers in the
    language (a column format would win over the Styler)."""
    return None if styled(rows, currency) else printf


def data_table(data: Any, **options: Any) -> Any:
    """st.dataframe laid out in the reader's direction: in a right-to-left language the first
    column stands on the right and the others follow leftwards, as a Persian reader reads a
    table. (Streamlit's grid draws left to right whatever the page's direction, so its
    columns are given in reverse; the numbers inside stay left to right.)"""
    if is_rtl(language()):
        frame = data.data if hasattr(data, "data") and hasattr(data, "format") else data
        columns = list(options.get("column_order") or getattr(frame, "columns", []))
        options["column_order"] = [str(column) for column in columns][::-1] or None
    return st.dataframe(data, **options)


def localised_table(frame: pd.DataFrame, units: dict[str, str], currency: str = "USD") -> Any:
    """A table as st.dataframe should draw it: in English the columns' printf formats (or
    none) do the work; in another language a Styler writes each number the locale's way
    ('1 234,50 kr', '۱٬۲۳۴ ریال') while the cells stay numbers, so sorting still sorts by
    size. `units` maps columns to a unit of smroi.formatting.format_value ("percent_2": a
    percent with two decimals). A column given a `format` in column_config ignores the
    Styler: give these columns `english_format(printf, rows=len(frame))`. A table of more
    than MAX_STYLED_ROWS rows is left to its printf formats."""
    lang, digit_choice = language(), digits()
    if not styled(len(frame), currency):
        return frame

    def formatter(unit: str) -> Any:
        if unit == "percent_2":  # a percent already x100, shown with 2 decimals
            return lambda value: format_value(
                value if is_undefined(value) else value / 100,
                "fraction",
                currency,
                lang=lang,
                digits=digit_choice,
            )
        return lambda value: format_value(value, unit, currency, lang=lang, digits=digit_choice)

    formats = {column: formatter(unit) for column, unit in units.items() if column in frame}
    return frame.style.format(formats, na_rep=DASH)


# the printf formats of English tables, per unit of smroi.formatting.format_value
UNIT_PRINTF = {"money": "%,.2f", "count": "%,d", "multiple": "%.2fx"}


def number_table(
    frame: pd.DataFrame, units: dict[str, str], currency: str
) -> tuple[Any, dict[str, Any]]:
    """A table of numbers ready for data_table: written in the reader's language
    (localised_table), and the column_config that formats them in English (UNIT_PRINTF)."""
    config = {
        column: st.column_config.NumberColumn(
            format=english_format(UNIT_PRINTF[unit], rows=len(frame), currency=currency)
        )
        for column, unit in units.items()
    }
    return localised_table(frame, units, currency), config


def written_numbers(
    frame: pd.DataFrame, amounts: Sequence[str], counts: Sequence[str], days: Sequence[str] = ()
) -> tuple[pd.DataFrame, dict[str, Any]]:
    """A big table (thousands of rows) with its numbers and dates as the reader writes them,
    and the column_config that shows them: `amounts` with two decimals, `counts` as whole
    numbers ("152", not "152.0"), `days` as every day is written ("01 Jun 2026"). English
    keeps numbers and dates with the grid's formats; another language gets text in its
    digits and separators (smroi.formatting.format_numbers: a Styler would take seconds at
    this size), so such a column sorts as text."""
    lang, digit_choice = language(), digits()
    config: dict[str, Any] = {}
    shown = frame.copy()
    for column in (c for c in days if c in frame):
        if lang == "en":
            config[column] = st.column_config.DateColumn(format="DD MMM YYYY")
            continue
        moments = (pd.Timestamp(value) for value in frame[column].dropna().unique())
        written = {moment: day(moment.date()) for moment in moments}
        shown[column] = frame[column].map(written)
        config[column] = st.column_config.TextColumn()
    for columns, unit, printf in ((amounts, "number", "%,.2f"), (counts, "count", "%,d")):
        for column in (c for c in columns if c in frame):
            if lang == "en":
                config[column] = st.column_config.NumberColumn(format=printf)
            else:
                shown[column] = format_numbers(frame[column], unit, lang, digit_choice)
                config[column] = st.column_config.TextColumn()
    return shown, config


def chart_with_downloads(
    chart: Any, table: pd.DataFrame, name: str, container: Any = st, key: str = ""
) -> None:
    """Draw a chart, with its picture (PNG, SVG) and the table behind it (CSV) to download.

    The files are made only when a button is clicked, so drawing costs nothing extra; for
    a share link's viewer, only after the link is checked again.
    """
    from ui.share import on_demand  # imported here: ui.share draws with this module

    container.altair_chart(chart, width="stretch")
    with container.popover(t("Download this chart"), icon=":material/download:"):
        st.download_button(
            t("Picture (PNG)"),
            on_demand(lambda: chart_png(chart)),
            file_name=f"{name}.png",
            mime="image/png",
            on_click="ignore",
            key=f"{key or name}.png",
        )
        st.download_button(
            t("Picture (SVG)"),
            on_demand(lambda: chart_svg(chart)),
            file_name=f"{name}.svg",
            mime="image/svg+xml",
            on_click="ignore",
            key=f"{key or name}.svg",
        )
        st.download_button(
            t("Its numbers (CSV)"),
            on_demand(lambda: table_csv(table)),
            file_name=f"{name}.csv",
            mime="text/csv",
            on_click="ignore",
            key=f"{key or name}.csv",
        )


# Titles of the columns a chart's table has besides metrics (the download's CSV)
COLUMN_TITLES: dict[str, str] = {
    **LEVEL_LABELS,
    **DIMENSION_LABELS,
    "period_start": N_("Period start"),
    "days": N_("Days"),
    "partial": N_("Partial"),
    "results": N_("Results"),
}


def chart_table(
    frame: pd.DataFrame,
    columns: Sequence[str],
    currency: str,
    labels: dict[str, str] | None = None,
) -> pd.DataFrame:
    """The numbers behind a chart, with column names a reader understands ("Return (NOK)"),
    in the session's language; `labels` names columns (a metric's own label, or any column)."""
    labels = labels or {}
    lang = language()
    names = {}
    for column in columns:
        metric = METRICS.get(column)
        if metric is None:
            title = COLUMN_TITLES.get(column)
            names[column] = labels.get(column) or (
                t(title) if title else column.replace("_", " ").capitalize()
            )
            continue
        label = labels.get(column) or metric_label(column, lang)
        unit = {"money": currency, "percent": "%"}.get(metric.unit, "")
        names[column] = label_with_unit(label, unit, lang)
    return frame[list(columns)].rename(columns=names)


VERDICT_BOXES = {"paid": st.success, "not_paid": st.error, "unknown": st.info}
VERDICT_ICONS = {
    "paid": ":material/trending_up:",
    "not_paid": ":material/trending_down:",
    "unknown": ":material/help:",
}


def verdict_box(totals: dict[str, Any], currency: str) -> None:
    """Whether social media paid for itself, first and in colour: green for a profit, red for
    a loss, blue while no cost or no return is known; the figures in one or two sentences."""
    kind = smroi.verdict(totals)
    sentence = smroi.headline_sentence(
        totals, currency, lang=language(), digits=digits(), caveat=False
    )
    VERDICT_BOXES[kind](plain(sentence), icon=VERDICT_ICONS[kind])
