"""What every chart shares: colours, the locale of a chart (config.locale), digits, images."""

from __future__ import annotations

import re
from functools import cache
from typing import Any, TypeVar

import altair as alt
import pandas as pd
from babel import Locale

from smroi.formatting import BABEL_LOCALES, DASH, check_language, format_day, format_value
from smroi.i18n import DEFAULT_LANGUAGE, is_rtl

RETURN_COLOUR = "#2e7d32"
COST_COLOUR = "#c62828"
NEUTRAL_COLOUR = "#1f77b4"
ESTIMATE_COLOUR = "#f9a825"
BREAK_EVEN_COLOUR = "#6a1b9a"  # the dashed break-even line: apart from cost red and return green
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
