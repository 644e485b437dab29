"""Altair chart builders: a DataFrame of metrics in, a titled, labelled chart out.

One builder per chart. Every chart has a title, axis titles with their unit or
currency, and tooltips with formatted values. Undefined values (NaN) are left
out of a chart, never drawn as 0.

Every builder takes keyword-only `lang` (en, nb, fa) and `digits` ("native" or "latin"):
the words drawn are translated (`chart_translator`), tooltip values are written by
smroi.formatting in that locale, and for nb and fa the chart carries a top-level
`config.locale` (`chart_locale`: Vega's number and time locale, made from Babel's CLDR
data) so that axis numbers and dates follow the locale too, in Streamlit (vega-embed)
and in the PNG/SVG pictures (vl-convert) alike. English charts are what they always
were, with no locale config. Text that is data (platform, campaign, channel names)
is drawn as it is; labels a caller passes in (group titles, model names) must already
be in `lang`.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any, TypeVar

import altair as alt
import numpy as np
import pandas as pd
from babel import Locale

from smroi.formatting import (
    BABEL_LOCALES,
    DASH,
    check_language,
    format_day,
    format_value,
    period_label,
    unit_label,
)
from smroi.funnel import DIMENSION_LABELS
from smroi.i18n import DEFAULT_LANGUAGE, N_, chart_translator, is_rtl, translator
from smroi.registry import METRICS, metric_formula, metric_label

RETURN_COLOUR = "#2e7d32"
COST_COLOUR = "#c62828"
NEUTRAL_COLOUR = "#1f77b4"
# English time axes (d3-time-format); other languages take CLDR's patterns (_PERIOD_SKELETONS)
PERIOD_FORMATS = {
    "day": "%d %b",
    "week": "%d %b",
    "month": "%b %Y",
    "quarter": "%b %Y",
    "year": "%Y",
}
PERIOD_TICKS = {"day": "day", "week": "week", "month": "month", "quarter": "month", "year": "year"}
# The CLDR skeleton of each period's time-axis label in nb and fa ("1. juni", "juni 2026").
_PERIOD_SKELETONS = {"day": "MMMd", "week": "MMMd", "month": "yMMM", "quarter": "yMMM", "year": "y"}
RLM = "\u200f"  # right-to-left mark
LRM = "\u200e"  # left-to-right mark
LATIN_DIGITS = "0123456789"

ChartT = TypeVar("ChartT", bound=alt.TopLevelMixin)


# ---------------------------------------------------------------- the locale of a chart

# CLDR date pattern letters (as many as written) -> d3-time-format directives
_D3_DIRECTIVES: dict[str, str] = {
    "y": "%Y",
    "yyyy": "%Y",
    "yy": "%y",
    "M": "%-m",
    "MM": "%m",
    "MMM": "%b",
    "MMMM": "%B",
    "L": "%-m",
    "LL": "%m",
    "LLL": "%b",
    "LLLL": "%B",
    "d": "%-d",
    "dd": "%d",
    "H": "%-H",
    "HH": "%H",
    "h": "%-I",
    "hh": "%I",
    "m": "%-M",
    "mm": "%M",
    "s": "%-S",
    "ss": "%S",
    "a": "%p",
    "E": "%a",
    "EEE": "%a",
    "EEEE": "%A",
    "ccc": "%a",
    "cccc": "%A",
}
_CLDR_TOKEN = re.compile(r"'((?:[^']|'')*)'|(([A-Za-z])\3*)|([^'A-Za-z]+)")


def d3_time_format(pattern: str) -> str:
    """A CLDR date/time pattern ("d. MMM y") as a d3-time-format string ("%-d. %b %Y")."""
    out = []
    for quoted, letters, _letter, literal in _CLDR_TOKEN.findall(pattern):
        if letters:
            if letters not in _D3_DIRECTIVES:
                raise ValueError(f"no d3 time directive for {letters!r} in {pattern!r}")
            out.append(_D3_DIRECTIVES[letters])
        else:
            text = literal if literal else (quoted.replace("''", "'") or "'")
            out.append(text.replace("%", "%%"))
    return "".join(out)


@cache
def _babel_locale(lang: str) -> Locale:
    return Locale.parse(BABEL_LOCALES[lang])


def chart_locale(lang: str, digits: str = "native") -> dict[str, Any] | None:
    """Vega's locale for a chart in `lang` (`config.locale`): d3-format's number locale and
    d3-time-format's time locale, from Babel's CLDR data; None for English (Vega's default).

    Numbers: the decimal and group separators of the numbering system formatting.py writes
    ("," and a no-break space in nb; "٫" and "٬" in fa, "." and "," with Latin digits), the
    same minus and percent sign, "—" for an undefined number, and, when the digits are not
    Latin (fa with digits="native"), `numerals` (۰–۹). Currency affixes are empty: charts
    give the currency in their axis titles. Dates: CLDR's month and day names, AM/PM, and
    its short date, medium time and date-time patterns. d3-time-format writes Latin digits
    whatever the locale: time axes turn them into the language's own with `labelExpr`.
    """
    check_language(lang, digits)
    if lang == DEFAULT_LANGUAGE:
        return None
    locale = _babel_locale(lang)
    system = "latn" if digits == "latin" else str(locale.default_numbering_system)
    symbols = locale.number_symbols[system]
    # the same characters formatting.py writes, so axes and tooltips agree
    sample = format_value(-1.5, "percent", lang=lang, digits=digits)
    minus = sample[: sample.index(_numerals(lang, digits)[1])]
    percent = str(locale.percent_formats[None].suffix[0]).replace(
        "%", str(symbols.get("percentSign", "%"))
    )
    number: dict[str, Any] = {
        "decimal": str(symbols["decimal"]),
        "thousands": str(symbols["group"]),
        "grouping": [3],
        "currency": ["", ""],
        "minus": minus,
        "percent": percent,
        "nan": DASH,
    }
    numerals = _numerals(lang, digits)
    if numerals != list(LATIN_DIGITS):
        number["numerals"] = numerals
    sunday_first = [6, 0, 1, 2, 3, 4, 5]  # Babel counts from Monday, d3 from Sunday
    days, short_days = locale.days["format"]["wide"], locale.days["format"]["abbreviated"]
    months = locale.months["format"]["wide"]
    short_months = locale.months["format"]["abbreviated"]
    periods = locale.day_periods["format"]["abbreviated"]
    date_pattern = d3_time_format(locale.date_formats["short"].pattern)
    time_pattern = d3_time_format(locale.time_formats["medium"].pattern)
    date_time = str(locale.datetime_formats["medium"]).replace("{1}", "%x").replace("{0}", "%X")
    time = {
        "dateTime": date_time,
        "date": date_pattern,
        "time": time_pattern,
        "periods": [str(periods["am"]), str(periods["pm"])],
        "days": [str(days[d]) for d in sunday_first],
        "shortDays": [str(short_days[d]) for d in sunday_first],
        "months": [str(months[m]) for m in range(1, 13)],
        "shortMonths": [str(short_months[m]) for m in range(1, 13)],
    }
    return {"number": number, "time": time}


def _numerals(lang: str, digits: str) -> list[str]:
    """The ten digits formatting.py writes for a language and digits choice."""
    return [format_value(d, "count", lang=lang, digits=digits) for d in range(10)]


def localised(chart: ChartT, lang: str, digits: str = "native") -> ChartT:
    """`chart` with the locale of `lang` as its top-level config (English: unchanged).

    The chart stays the same Altair type (Chart, LayerChart), so st.altair_chart, chart_png,
    chart_svg and to_dict take it as before; like any configured chart it can no longer be
    layered or concatenated with another."""
    locale = chart_locale(lang, digits)
    return chart if locale is None else chart.configure(locale=locale)


def _drawn(text: str, lang: str) -> str:
    """Text already in `lang` (a metric's name, a date) as drawn in a chart: between
    right-to-left marks in a right-to-left language, as chart_translator does."""
    return f"{RLM}{text}{RLM}" if is_rtl(lang) else text


def _lines(lines: list[str], lang: str) -> list[str]:
    """A title's or subtitle's lines. In a right-to-left language each line starts with a
    left-to-right mark: the chart's own direction, without which vl-convert's PNG and SVG
    renderer draws the second line of right-to-left text over the first."""
    return [f"{LRM}{line}" for line in lines] if is_rtl(lang) else lines


def _native_digits_expr(lang: str, digits: str) -> str | None:
    """A Vega labelExpr writing an axis label's Latin digits in the language's own and
    keeping a right-to-left label in its order; None when the label needs neither."""
    numerals = _numerals(lang, digits)
    if numerals == list(LATIN_DIGITS) and not is_rtl(lang):
        return None
    expr = "datum.label"
    for latin, native in zip(LATIN_DIGITS, numerals, strict=True):
        if latin != native:
            expr = f"replace({expr}, regexp('{latin}', 'g'), '{native}')"
    if is_rtl(lang):
        expr = f"'{RLM}' + {expr} + '{RLM}'"
    return expr


def _day_texts(days: pd.Series, lang: str, digits: str) -> list[str]:
    """Each period's first day as the locale writes it ("1. juni 2026", "۱ ژوئن ۲۰۲۶")."""
    return [_drawn(format_day(pd.Timestamp(d).date(), lang, digits), lang) for d in days]


def _period_start_tooltip(title: str, lang: str) -> alt.Tooltip:
    """The tooltip of a period's first day: Vega's date format in English (as always),
    the locale's own text (the `period_text` column) in other languages."""
    if lang == DEFAULT_LANGUAGE:
        return alt.Tooltip("period_start:T", title=title, format="%d %b %Y")
    return alt.Tooltip("period_text:N", title=title)


def _amounts_long(
    frame: pd.DataFrame,
    key: str,
    currency: str,
    names: tuple[str, str],
    lang: str = DEFAULT_LANGUAGE,
    digits: str = "native",
) -> pd.DataFrame:
    long = frame.melt(
        id_vars=[key], value_vars=["return", "cost"], var_name="measure", value_name="amount"
    )
    long["measure"] = long["measure"].map({"return": names[0], "cost": names[1]})
    long["amount_text"] = [
        format_value(v, "money", currency, lang=lang, digits=digits) for v in long["amount"]
    ]
    return long


def return_vs_cost_by_platform(
    by_platform: pd.DataFrame,
    currency: str,
    *,
    lang: str = DEFAULT_LANGUAGE,
    digits: str = "native",
) -> alt.Chart:
    """Bars of return next to total cost for each platform."""
    _ = chart_translator(lang)
    names = (_("Return"), _("Total cost"))
    long = _amounts_long(
        by_platform.astype({"platform": str}), "platform", currency, names, lang, digits
    )
    amount = _("Amount ({currency})").format(currency=currency)
    chart = (
        alt.Chart(
            long,
            title=alt.Title(
                _("Return vs total cost by platform"),
                subtitle=_("Total cost = ad spend + your other costs"),
            ),
        )
        .mark_bar()
        .encode(
            x=alt.X("platform:N", title=_("Platform"), sort="-y"),
            xOffset=alt.XOffset("measure:N", sort=list(names)),
            y=alt.Y("amount:Q", title=amount),
            color=alt.Color(
                "measure:N",
                title=None,
                scale=alt.Scale(domain=list(names), range=[RETURN_COLOUR, COST_COLOUR]),
                legend=alt.Legend(orient="top"),
            ),
            tooltip=[
                alt.Tooltip("platform:N", title=_("Platform")),
                alt.Tooltip("measure:N", title=_("What")),
                alt.Tooltip("amount_text:N", title=amount),
            ],
        )
    )
    return localised(chart, lang, digits)


def roi_by_platform(
    by_platform: pd.DataFrame, *, lang: str = DEFAULT_LANGUAGE, digits: str = "native"
) -> alt.LayerChart:
    """ROI % per platform: green above break-even, red below; platforms with no cost left out."""
    _ = chart_translator(lang)
    frame = by_platform.astype({"platform": str})[["platform", "roi_pct", "profit", "cost"]]
    frame = frame[frame["roi_pct"].notna()].copy()
    frame["roi_text"] = [
        format_value(v, "percent", lang=lang, digits=digits) for v in frame["roi_pct"]
    ]
    # the colour's domain (no legend is drawn): data, not words
    frame["result"] = frame["roi_pct"].map(lambda v: "profit" if v >= 0 else "loss")
    bars = (
        alt.Chart(
            frame,
            title=alt.Title(
                _("ROI by platform"),
                subtitle=_("(return - total cost) / total cost; 0% = break-even"),
            ),
        )
        .mark_bar()
        .encode(
            x=alt.X("platform:N", title=_("Platform"), sort="-y"),
            y=alt.Y("roi_pct:Q", title=_("ROI (%)")),
            color=alt.Color(
                "result:N",
                title=None,
                scale=alt.Scale(domain=["profit", "loss"], range=[RETURN_COLOUR, COST_COLOUR]),
                legend=None,
            ),
            tooltip=[
                alt.Tooltip("platform:N", title=_("Platform")),
                alt.Tooltip("roi_text:N", title=_("ROI")),
            ],
        )
    )
    zero = alt.Chart(pd.DataFrame({"y": [0]})).mark_rule(color="#555").encode(y="y:Q")
    return localised(bars + zero, lang, digits)


# The over-time chart's words for each period, whole, so each language words its own grammar:
# title, the points' subtitle, the hollow points' subtitle, the time axis.
_OVER_TIME_WORDS: dict[str, tuple[str, str, str, str]] = {
    "day": (
        N_("Return and total cost per day"),
        N_("Each point is the day starting that day"),
        N_("Hollow point: a day the data covers only in part"),
        N_("Day starting"),
    ),
    "week": (
        N_("Return and total cost per week"),
        N_("Each point is the week starting that day"),
        N_("Hollow point: a week the data covers only in part"),
        N_("Week starting"),
    ),
    "month": (
        N_("Return and total cost per month"),
        N_("Each point is the month starting that day"),
        N_("Hollow point: a month the data covers only in part"),
        N_("Month starting"),
    ),
    "quarter": (
        N_("Return and total cost per quarter"),
        N_("Each point is the quarter starting that day"),
        N_("Hollow point: a quarter the data covers only in part"),
        N_("Quarter starting"),
    ),
    "year": (
        N_("Return and total cost per year"),
        N_("Each point is the year starting that day"),
        N_("Hollow point: a year the data covers only in part"),
        N_("Year starting"),
    ),
}


def return_and_cost_over_time(
    trend: pd.DataFrame,
    currency: str,
    period: str = "week",
    *,
    lang: str = DEFAULT_LANGUAGE,
    digits: str = "native",
) -> alt.LayerChart:
    """Lines of return and total cost per period (fixed costs spread by days).

    A period the data covers only in part (the first or last) has a hollow point, so a
    short last week does not read as a collapse.
    """
    _ = chart_translator(lang)
    title, each_point, hollow_point, starting = (_(w) for w in _OVER_TIME_WORDS[period])
    names = [_("Return"), _("Total cost")]
    amount = _("Amount ({currency})").format(currency=currency)
    long = trend.melt(
        id_vars=["period_start", "days", "partial"],
        value_vars=["return", "cost"],
        var_name="measure",
        value_name="amount",
    )
    long["measure"] = long["measure"].map({"return": names[0], "cost": names[1]})
    long["amount_text"] = [
        format_value(v, "money", currency, lang=lang, digits=digits) for v in long["amount"]
    ]
    if lang != DEFAULT_LANGUAGE:
        long["period_text"] = _day_texts(long["period_start"], lang, digits)
    subtitle = [each_point]
    if trend["partial"].any():
        subtitle.append(hollow_point)
    scale = alt.Scale(domain=names, range=[RETURN_COLOUR, COST_COLOUR])
    colour = alt.Color("measure:N", title=None, scale=scale, legend=alt.Legend(orient="top"))
    base = alt.Chart(long, title=alt.Title(title, subtitle=_lines(subtitle, lang))).encode(
        x=alt.X(
            "period_start:T",
            title=starting,
            # ticks on the periods themselves (weeks start on Monday), never hourly ones
            axis=_period_axis(trend, period, lang, digits),
        ),
        y=alt.Y("amount:Q", title=amount),
        color=colour,
    )
    points = base.mark_point(size=70, strokeWidth=2, opacity=1).encode(
        fill=alt.condition(
            "datum.partial",
            alt.value("white"),
            alt.Color("measure:N", scale=scale, legend=None),
        ),
        tooltip=[
            _period_start_tooltip(starting, lang),
            alt.Tooltip("measure:N", title=_("What")),
            alt.Tooltip("amount_text:N", title=amount),
            alt.Tooltip("days:Q", title=_("Days covered")),
        ],
    )
    return localised(base.mark_line() + points, lang, digits)


def _period_axis(
    trend: pd.DataFrame, period: str, lang: str = DEFAULT_LANGUAGE, digits: str = "native"
) -> alt.Axis:
    """A time axis labelled per period: English's own formats, CLDR's in nb and fa (with
    the language's digits)."""
    if lang == DEFAULT_LANGUAGE:
        label_format = PERIOD_FORMATS.get(period, "%d %b %Y")
    else:
        skeleton = _PERIOD_SKELETONS.get(period, "yMMMd")
        label_format = d3_time_format(_babel_locale(lang).datetime_skeletons[skeleton].pattern)
    options: dict[str, Any] = {"format": label_format}
    expr = _native_digits_expr(lang, digits)
    if expr is not None:
        options["labelExpr"] = expr
    starts = pd.to_datetime(trend["period_start"])
    if len(starts) <= 20:
        return alt.Axis(values=[day.isoformat() for day in starts], **options)
    return alt.Axis(tickCount={"interval": PERIOD_TICKS.get(period, "day"), "step": 1}, **options)


def metric_by_group(
    frame: pd.DataFrame,
    group: str,
    group_title: str,
    metric_key: str,
    currency: str,
    *,
    label: str | None = None,
    limit: int = 25,
    lang: str = DEFAULT_LANGUAGE,
    digits: str = "native",
) -> alt.Chart:
    """Horizontal bars of one metric per group, largest first; undefined groups left out.

    `group_title` and `label` (a name for the metric other than the registry's) are
    already in `lang`."""
    _ = chart_translator(lang)
    metric = METRICS[metric_key]
    title = label or metric_label(metric_key, lang)
    data = frame[[group, metric_key]].astype({group: str})
    data = data[data[metric_key].notna()].sort_values(metric_key, ascending=False).head(limit)
    factor = 100.0 if metric.unit == "fraction" else 1.0
    data = data.assign(
        value=data[metric_key] * factor,
        value_text=[
            format_value(v, metric.unit, currency, lang=lang, digits=digits)
            for v in data[metric_key]
        ],
    )
    unit = unit_label(metric.unit, currency, lang=lang)
    chart = (
        alt.Chart(
            data,
            title=alt.Title(
                _("{metric} by {group}").format(metric=title, group=group_title.lower()),
                subtitle=_drawn(metric_formula(metric_key, lang), lang),
            ),
        )
        .mark_bar(color=NEUTRAL_COLOUR)
        .encode(
            y=alt.Y(f"{group}:N", title=_drawn(group_title, lang), sort="-x"),
            x=alt.X("value:Q", title=_drawn(f"{title} ({unit})", lang)),
            tooltip=[
                alt.Tooltip(f"{group}:N", title=_drawn(group_title, lang)),
                alt.Tooltip("value_text:N", title=_drawn(title, lang)),
            ],
        )
    )
    return localised(chart, lang, digits)


ESTIMATE_COLOUR = "#f9a825"

# A metric per period, the words for each period whole: title, the bars' subtitle, the
# lighter bars' subtitle (the time axis is _OVER_TIME_WORDS's).
_METRIC_OVER_TIME_WORDS: dict[str, tuple[str, str, str]] = {
    "day": (
        N_("{metric} per day"),
        N_("Each bar is the day starting that day"),
        N_("Lighter bar: a day the data covers only in part"),
    ),
    "week": (
        N_("{metric} per week"),
        N_("Each bar is the week starting that day"),
        N_("Lighter bar: a week the data covers only in part"),
    ),
    "month": (
        N_("{metric} per month"),
        N_("Each bar is the month starting that day"),
        N_("Lighter bar: a month the data covers only in part"),
    ),
    "quarter": (
        N_("{metric} per quarter"),
        N_("Each bar is the quarter starting that day"),
        N_("Lighter bar: a quarter the data covers only in part"),
    ),
    "year": (
        N_("{metric} per year"),
        N_("Each bar is the year starting that day"),
        N_("Lighter bar: a year the data covers only in part"),
    ),
}


def metric_over_time(
    trend: pd.DataFrame,
    metric_key: str,
    currency: str,
    period: str = "week",
    *,
    lang: str = DEFAULT_LANGUAGE,
    digits: str = "native",
) -> alt.Chart:
    """One metric per period as bars (earned media value per week); partial periods lighter."""
    _ = chart_translator(lang)
    metric = METRICS[metric_key]
    name = metric_label(metric_key, lang)
    unit = unit_label(metric.unit, currency, lang=lang)
    title, each_bar, lighter_bar = (_(w) for w in _METRIC_OVER_TIME_WORDS[period])
    starting = _(_OVER_TIME_WORDS[period][3])
    data = trend[["period_start", metric_key, "partial", "days"]].assign(
        value_text=[
            format_value(v, metric.unit, currency, lang=lang, digits=digits)
            for v in trend[metric_key]
        ]
    )
    if lang != DEFAULT_LANGUAGE:
        data["period_text"] = _day_texts(data["period_start"], lang, digits)
    subtitle = [each_bar]
    if trend["partial"].any():
        subtitle.append(lighter_bar)
    chart = (
        alt.Chart(data, title=alt.Title(title.format(metric=name), subtitle=_lines(subtitle, lang)))
        .mark_bar(color=ESTIMATE_COLOUR if metric.estimated else NEUTRAL_COLOUR)
        .encode(
            x=alt.X(
                "period_start:T",
                title=starting,
                axis=_period_axis(trend, period, lang, digits),
            ),
            y=alt.Y(f"{metric_key}:Q", title=_drawn(f"{name} ({unit})", lang)),
            opacity=alt.condition("datum.partial", alt.value(0.4), alt.value(1.0)),
            tooltip=[
                _period_start_tooltip(starting, lang),
                alt.Tooltip("value_text:N", title=_drawn(name, lang)),
                alt.Tooltip("days:Q", title=_("Days covered")),
            ],
        )
    )
    return localised(chart, lang, digits)


# The waterfall's kinds of step, as its legend names them.
_WATERFALL_KINDS: dict[str, str] = {
    "cost": N_("cost"),
    "cash": N_("cash"),
    "estimated": N_("estimated"),
    "net": N_("total"),
}


def value_waterfall(
    lines: pd.DataFrame,
    cost: float,
    currency: str,
    *,
    lang: str = DEFAULT_LANGUAGE,
    digits: str = "native",
) -> alt.LayerChart:
    """From cost to total value: the cost down, each value line up, the net at the end.

    `lines` has label (in `lang`), amount and kind ("cash" or "estimated"); lines without
    an amount (undefined) are left out. Cash and estimated steps have their own colours.
    """
    _ = chart_translator(lang)
    steps = lines[lines["amount"].notna() & (lines["amount"] != 0)][["label", "amount", "kind"]]
    steps = steps.assign(label=[_drawn(str(label), lang) for label in steps["label"]])
    rows = [{"label": _drawn(metric_label("cost", lang), lang), "amount": -cost, "kind": "cost"}]
    rows += steps.to_dict("records")
    data = pd.DataFrame(rows)
    data["end"] = data["amount"].cumsum()
    data["start"] = data["end"] - data["amount"]
    net = float(data["end"].iloc[-1]) if len(data) else 0.0
    total = pd.DataFrame(
        [
            {
                "label": _("Net value (with estimates)"),
                "amount": net,
                "kind": "net",
                "start": 0.0,
                "end": net,
            }
        ]
    )
    data = pd.concat([data, total], ignore_index=True)
    data["order"] = range(len(data))
    data["amount_text"] = [
        format_value(v, "money", currency, lang=lang, digits=digits) for v in data["amount"]
    ]
    kinds = {kind: _(name) for kind, name in _WATERFALL_KINDS.items()}
    data["kind_text"] = data["kind"].map(kinds)
    scale = alt.Scale(
        domain=[kinds["cost"], kinds["cash"], kinds["estimated"], kinds["net"]],
        range=[COST_COLOUR, RETURN_COLOUR, ESTIMATE_COLOUR, NEUTRAL_COLOUR],
    )
    amount = _("Amount ({currency})").format(currency=currency)
    bars = (
        alt.Chart(
            data,
            title=alt.Title(
                _("From cost to total value"),
                subtitle=_("Red: what it cost; green: money; yellow: estimates (not cash)"),
            ),
        )
        .mark_bar()
        .encode(
            x=alt.X("label:N", title=None, sort=alt.SortField("order")),
            y=alt.Y("start:Q", title=amount),
            y2="end:Q",
            color=alt.Color(
                "kind_text:N", title=None, scale=scale, legend=alt.Legend(orient="top")
            ),
            tooltip=[
                alt.Tooltip("label:N", title=_("Line")),
                alt.Tooltip("kind_text:N", title=_("Kind")),
                alt.Tooltip("amount_text:N", title=amount),
            ],
        )
    )
    zero = alt.Chart(pd.DataFrame({"y": [0]})).mark_rule(color="#555").encode(y="y:Q")
    return localised(bars + zero, lang, digits)


def funnel_chart(
    stages: pd.DataFrame, currency: str, *, lang: str = DEFAULT_LANGUAGE, digits: str = "native"
) -> alt.LayerChart:
    """The count stages of the funnel as bars, widest first, each with its rate from the
    stage before (money stages are left to the table: they are not people).

    `stages` (smroi.funnel's) names its stages and rates in `lang`."""
    _ = chart_translator(lang)
    counts = stages[~stages["money"] & stages["value"].notna()].copy()
    counts["stage"] = [_drawn(str(stage), lang) for stage in counts["stage"]]
    counts["value_text"] = [
        format_value(v, "count", currency, lang=lang, digits=digits) for v in counts["value"]
    ]
    counts["rate_text"] = [
        ""
        if pd.isna(rate) or not name
        else _drawn(
            f"{format_value(rate, 'fraction', currency, lang=lang, digits=digits)} {name}", lang
        )
        for rate, name in zip(counts["rate"], counts["rate_name"], strict=True)
    ]
    counts["order"] = range(len(counts))
    base = alt.Chart(
        counts,
        title=alt.Title(
            _("The funnel: how many went on to the next step"),
            subtitle=_("Each rate is the step over the step before it (from sums)"),
        ),
    ).encode(
        y=alt.Y("stage:N", title=None, sort=alt.SortField("order")),
        tooltip=[
            alt.Tooltip("stage:N", title=_("Step")),
            alt.Tooltip("value_text:N", title=_("How many")),
            alt.Tooltip("rate_text:N", title=_("Rate")),
        ],
    )
    bars = base.mark_bar(color=NEUTRAL_COLOUR).encode(
        x=alt.X(
            "value:Q",
            title=_("How many (log scale: each step is often 10 to 100 times smaller)"),
            scale=alt.Scale(type="symlog"),
            axis=alt.Axis(grid=False, tickCount=4, format="~s"),
        )
    )
    labels = base.mark_text(align="left", dx=4).encode(
        x=alt.X("value:Q", scale=alt.Scale(type="symlog")), text="rate_text:N"
    )
    return localised(bars + labels, lang, digits)


def _dimension_title(dimension: str, lang: str) -> str:
    """An audience dimension's name ("Age", "Alder"); a dimension without one, capitalised."""
    if dimension in DIMENSION_LABELS:
        return translator(lang)(DIMENSION_LABELS[dimension])
    return dimension.capitalize()


def heatmap_chart(
    cells: pd.DataFrame,
    rows: str,
    columns: str,
    metric_key: str,
    currency: str,
    *,
    lang: str = DEFAULT_LANGUAGE,
    digits: str = "native",
) -> alt.LayerChart:
    """A grid of one metric for every pair of two dimensions (age x gender); pairs with too
    little volume are left pale and say so."""
    _ = chart_translator(lang)
    metric = METRICS[metric_key]
    name = metric_label(metric_key, lang)
    row_title, column_title = _dimension_title(rows, lang), _dimension_title(columns, lang)
    data = cells.astype({rows: str, columns: str}).copy()
    data["value_text"] = [
        format_value(v, metric.unit, currency, lang=lang, digits=digits) for v in data[metric_key]
    ]
    few = _("{value} (few)")
    data["label"] = [
        text if enough else few.format(value=text)
        for text, enough in zip(data["value_text"], data["enough"], strict=True)
    ]
    factor = 100.0 if metric.unit == "fraction" else 1.0
    data["shown"] = data[metric_key] * factor
    unit = unit_label(metric.unit, currency, lang=lang)
    lower_is_better = metric.unit == "money"
    base = alt.Chart(
        data,
        title=alt.Title(
            _("{metric} by {rows} and {columns}").format(
                metric=name, rows=row_title.lower(), columns=column_title.lower()
            ),
            subtitle=_("(few): too few clicks or results to compare"),
        ),
    ).encode(
        x=alt.X(f"{columns}:N", title=_drawn(column_title, lang)),
        y=alt.Y(f"{rows}:N", title=_drawn(row_title, lang)),
    )
    rects = base.mark_rect().encode(
        color=alt.Color(
            "shown:Q",
            title=_drawn(f"{name} ({unit})", lang),
            scale=alt.Scale(scheme="redyellowgreen", reverse=lower_is_better),
        ),
        opacity=alt.condition("datum.enough", alt.value(1.0), alt.value(0.35)),
        tooltip=[
            alt.Tooltip(f"{rows}:N", title=_drawn(row_title, lang)),
            alt.Tooltip(f"{columns}:N", title=_drawn(column_title, lang)),
            alt.Tooltip("label:N", title=_drawn(name, lang)),
            alt.Tooltip(
                "clicks:Q", title=_drawn(metric_label("clicks", lang), lang), format=",.0f"
            ),
            alt.Tooltip("results:Q", title=_("Results"), format=",.0f"),
        ],
    )
    text = base.mark_text(color="black").encode(text="label:N")
    return localised(rects + text, lang, digits)


# A goal's chart, the words for each period whole: title, the target's subtitle, the x axis.
_GOAL_WORDS: dict[str, tuple[str, str, str]] = {
    "day": (
        N_("{metric} per day against the target"),
        N_("Target: {target} a day (dashed line)"),
        N_("Day"),
    ),
    "week": (
        N_("{metric} per week against the target"),
        N_("Target: {target} a week (dashed line)"),
        N_("Week"),
    ),
    "month": (
        N_("{metric} per month against the target"),
        N_("Target: {target} a month (dashed line)"),
        N_("Month"),
    ),
    "quarter": (
        N_("{metric} per quarter against the target"),
        N_("Target: {target} a quarter (dashed line)"),
        N_("Quarter"),
    ),
    "year": (
        N_("{metric} per year against the target"),
        N_("Target: {target} a year (dashed line)"),
        N_("Year"),
    ),
}
# The legend of a goal's bars.
_GOAL_STATUS: dict[bool, str] = {True: N_("met"), False: N_("not met")}


def goal_chart(
    periods: pd.DataFrame,
    metric_key: str,
    target: float,
    period: str,
    currency: str,
    *,
    lang: str = DEFAULT_LANGUAGE,
    digits: str = "native",
) -> alt.LayerChart:
    """Actual per period as bars (green where the target was met), the target as a line."""
    _ = chart_translator(lang)
    metric = METRICS[metric_key]
    name = metric_label(metric_key, lang)
    unit = unit_label(metric.unit, currency, lang=lang)
    factor = 100.0 if metric.unit == "fraction" else 1.0
    title_words, target_words, period_word = (_(w) for w in _GOAL_WORDS[period])
    met, not_met = _(_GOAL_STATUS[True]), _(_GOAL_STATUS[False])
    data = periods.assign(
        label=[
            _drawn(period_label(start.date(), period, lang=lang, digits=digits), lang)
            for start in periods["period_start"]
        ],
        shown=periods["actual"] * factor,
        actual_text=[
            format_value(v, metric.unit, currency, lang=lang, digits=digits)
            for v in periods["actual"]
        ],
        status=np.where(periods["met"], met, not_met),
    )
    target_text = format_value(target, metric.unit, currency, lang=lang, digits=digits)
    subtitle = [target_words.format(target=target_text)]
    if data["partial"].any():
        subtitle.append(_("Pale bar: a period the data covers only in part"))
    title = alt.Title(title_words.format(metric=name), subtitle=_lines(subtitle, lang))
    angle = 0 if len(data) <= 8 else -45
    x = alt.X("label:N", title=period_word, sort=None, axis=alt.Axis(labelAngle=angle))
    y_title = _drawn(f"{name} ({unit})", lang)
    bars = (
        alt.Chart(data, title=title)
        .mark_bar()
        .encode(
            x=x,
            y=alt.Y("shown:Q", title=y_title),
            color=alt.Color(
                "status:N",
                title=None,
                scale=alt.Scale(domain=[met, not_met], range=[RETURN_COLOUR, "#9e9e9e"]),
                legend=alt.Legend(orient="top"),
            ),
            opacity=alt.condition("datum.partial", alt.value(0.45), alt.value(1.0)),
            tooltip=[
                alt.Tooltip("label:N", title=period_word),
                alt.Tooltip("actual_text:N", title=_drawn(name, lang)),
                alt.Tooltip("status:N", title=_("Target")),
                alt.Tooltip("days:Q", title=_("Days covered")),
            ],
        )
    )
    line = (
        alt.Chart(pd.DataFrame({"target": [target * factor]}))
        .mark_rule(color=COST_COLOUR, strokeDash=[6, 4], size=2)
        .encode(y=alt.Y("target:Q", title=y_title))
    )
    return localised(bars + line, lang, digits)


def attribution_by_model(
    compared: pd.DataFrame,
    model_labels: dict[str, str],
    currency: str,
    *,
    lang: str = DEFAULT_LANGUAGE,
    digits: str = "native",
) -> alt.Chart:
    """Value credited to each channel under each attribution model, bars side by side,
    so the user sees where the models disagree. `model_labels` are already in `lang`."""
    _ = chart_translator(lang)
    long = (
        compared.rename_axis("channel")
        .reset_index()
        .melt(id_vars="channel", var_name="model", value_name="value")
    )
    long["model"] = long["model"].map(model_labels).fillna(long["model"])
    long["value_text"] = [
        format_value(v, "money", currency, lang=lang, digits=digits) for v in long["value"]
    ]
    order = list(compared.index)
    chart = (
        alt.Chart(
            long,
            title=alt.Title(
                _("Value credited to each channel, by attribution model"),
                subtitle=_("Where the bars differ, the models disagree about that channel"),
            ),
        )
        .mark_bar()
        .encode(
            x=alt.X("channel:N", title=_("Channel"), sort=order, axis=alt.Axis(labelAngle=0)),
            xOffset=alt.XOffset("model:N", sort=list(model_labels.values())),
            y=alt.Y("value:Q", title=_("Value credited ({currency})").format(currency=currency)),
            color=alt.Color(
                "model:N",
                title=_("Model"),
                sort=list(model_labels.values()),
                legend=alt.Legend(orient="top"),
            ),
            tooltip=[
                alt.Tooltip("channel:N", title=_("Channel")),
                alt.Tooltip("model:N", title=_("Model")),
                alt.Tooltip(
                    "value_text:N", title=_("Value ({currency})").format(currency=currency)
                ),
            ],
        )
    )
    return localised(chart, lang, digits)


def referral_flows(
    top: pd.DataFrame, *, lang: str = DEFAULT_LANGUAGE, digits: str = "native"
) -> alt.Chart:
    """The busiest paths from source to landing page (to next page) as horizontal bars."""
    _ = chart_translator(lang)
    data = top.assign(
        share_text=[format_value(v, "percent", lang=lang, digits=digits) for v in top["share_pct"]]
    )
    chart = (
        alt.Chart(
            data,
            title=alt.Title(
                _("Where visitors come from and where they go"),
                subtitle=_("The busiest paths: source → landing page → next page"),
            ),
        )
        .mark_bar()
        .encode(
            y=alt.Y("path:N", title=_("Path"), sort=None, axis=alt.Axis(labelLimit=360)),
            x=alt.X("sessions:Q", title=_("Visits (sessions)")),
            tooltip=[
                alt.Tooltip("path:N", title=_("Path")),
                alt.Tooltip("sessions:Q", title=_("Visits"), format=",.0f"),
                alt.Tooltip("share_text:N", title=_("Share of visits")),
            ],
        )
    )
    return localised(chart, lang, digits)


def chart_svg(chart: alt.TopLevelMixin) -> str:
    """The chart as an SVG image (for slides and documents), drawn without a browser."""
    import vl_convert as vlc  # imported on use: only downloads need it

    return str(vlc.vegalite_to_svg(_image_spec(chart), vl_version=_vl_version()))


def chart_png(chart: alt.TopLevelMixin, scale: float = 2.0) -> bytes:
    """The chart as a PNG image at twice screen resolution."""
    import vl_convert as vlc

    return bytes(vlc.vegalite_to_png(_image_spec(chart), scale=scale, vl_version=_vl_version()))


IMAGE_WIDTH = 640  # pixels; on screen a chart takes the page's width


def _image_spec(chart: alt.TopLevelMixin) -> dict:
    spec = chart.to_dict()
    if not isinstance(spec.get("width"), int | float):
        spec["width"] = IMAGE_WIDTH
    return spec


def _vl_version() -> str:
    """The Vega-Lite version Altair writes, as vl-convert names it ("5.20")."""
    major, minor = alt.SCHEMA_VERSION.lstrip("v").split(".")[:2]
    return f"{major}.{minor}"
