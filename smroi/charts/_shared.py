"""What every chart shares: colours, the locale of a chart (config.locale), digits, images."""

from __future__ import annotations

import re
from functools import cache
from typing import Any, TypeVar

import altair as alt
import pandas as pd
from babel import Locale

from smroi.formatting import BABEL_LOCALES, DASH, check_language, format_day, format_value
from smroi.i18n import DEFAULT_LANGUAGE, chart_translator, is_rtl

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
    """`chart` sized to the page's width (autosize fit-x), with the locale of `lang` as its
    top-level config (English: no locale).

    The chart stays the same Altair type (Chart, LayerChart), so st.altair_chart, chart_png,
    chart_svg and to_dict take it as before; like any configured chart it can no longer be
    layered or concatenated with another."""
    locale = chart_locale(lang, digits)
    # the page's width for the plot, and the plot's own height (bars: BAR_STEP each) with
    # the title, legend and axes added, so that a short chart is not squeezed into a
    # fixed height (Streamlit would fit the whole chart into the plot's height)
    chart = chart.properties(autosize=alt.AutoSizeParams(type="fit-x", contains="padding"))
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


# ---------------------------------------------------------------- the app's chart style
# One style for every chart: categories as horizontal bars with their value printed on each
# bar, no rotated labels, titles and labels wrapped to fit a phone, legends on top.

CHAR_PX = 7  # an estimate of one character's width in a title or label, in pixels
NARROWEST_WIDTH = 340  # a chart's width on a phone (a 390 px screen less the page's margins)
TITLE_CHAR_PX = 8.5  # a title's characters are larger and bold (Streamlit's chart theme)
TITLE_CHARS = int(NARROWEST_WIDTH // TITLE_CHAR_PX)  # a title's line, in characters (40)
SUBTITLE_CHARS = NARROWEST_WIDTH // CHAR_PX  # a subtitle's line, in characters (48)
LEGEND_WIDTH = 200  # pixels a legend on top has on a phone: it starts where the plot does
LABEL_CHARS = 18  # a category label's line (the bars keep the rest of a phone's width)
LABEL_LIMIT = LABEL_CHARS * CHAR_PX + 8  # pixels: a label line is never cut
AXIS_TITLE_CHARS = 30  # an axis title's line: the width of a phone's plot
LABEL_LINE_PX = 14  # pixels per line of a category label
BAR_STEP = 24  # pixels per bar: one platform is one thin bar, not a block
GROUPED_BAR_STEP = 18  # pixels per bar in a group of more than two (attribution's models)
LABEL_LINES = "split(datum.label, '\\n')"  # a label's lines (wrap_label joins them with \n)
TEXT_COLOUR = "#31333f"  # Streamlit's text colour: values printed beside a bar
INSIDE_COLOUR = "white"  # values printed inside a long bar
VALUE_FONT_SIZE = 11


_BREAKS = re.compile(r"[ \t\n]+")  # where a line may break: never at a no-break space


def wrap(text: str, width: int) -> list[str]:
    """A text's lines of at most `width` characters, broken between words (a word longer
    than a line keeps its own line; "2,00 %" with its no-break space stays whole)."""
    lines: list[str] = []
    line = ""
    for word in _BREAKS.split(text.strip(" \t\n")):
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    if line or not lines:
        lines.append(line)
    return lines


def wrap_label(text: str, lang: str = DEFAULT_LANGUAGE, width: int = LABEL_CHARS) -> str:
    """A category label ("Net value (with estimates)") as lines joined by a newline, each
    line drawn whole (axes split it with LABEL_LINES)."""
    return "\n".join(_drawn(line.strip(RLM), lang) for line in wrap(text.strip(RLM), width))


def chart_title(
    title: str, subtitle: list[str] | str | None = None, lang: str = DEFAULT_LANGUAGE
) -> alt.Title:
    """A chart's title and subtitle lines, wrapped to fit a phone's width, in plain words
    (a formula belongs in the tooltip, not here)."""
    lines = _wrapped(title, TITLE_CHARS, lang)
    if len(lines) > 1:  # a title of two lines: each its own, or one is drawn over the other
        lines = _lines(lines, lang)
    if subtitle is None:
        return alt.Title(lines if len(lines) > 1 else lines[0], anchor="start")
    texts = [subtitle] if isinstance(subtitle, str) else subtitle
    below = _lines([line for text in texts for line in _wrapped(text, SUBTITLE_CHARS, lang)], lang)
    return alt.Title(lines if len(lines) > 1 else lines[0], subtitle=below, anchor="start")


def axis_title(text: str, lang: str = DEFAULT_LANGUAGE) -> str | list[str]:
    """An axis title (with its unit) as one line, or lines when a phone's plot is narrower."""
    lines = _wrapped(text, AXIS_TITLE_CHARS, lang)
    return lines if len(lines) > 1 else lines[0]


def _wrapped(text: str, width: int, lang: str) -> list[str]:
    """Lines of a text that may already carry right-to-left marks, each drawn whole."""
    bare = text.strip(RLM)
    lines = wrap(bare, width)
    return [_drawn(line, lang) for line in lines] if bare != text or is_rtl(lang) else lines


def legend(labels: list[str], title: str | None = None) -> alt.Legend:
    """A legend on top of the plot, in as many rows as a phone needs, so it never squeezes
    the plot from the side."""
    widest = max((len(label) for label in labels), default=1) * CHAR_PX + 30
    columns = max(1, min(len(labels), LEGEND_WIDTH // widest))
    return alt.Legend(
        title=title, orient="top", direction="horizontal", columns=columns, labelLimit=0
    )


def category_axis(lang: str = DEFAULT_LANGUAGE, chars: int = LABEL_CHARS) -> alt.Axis:
    """The axis of a bar chart's categories: labels level, wrapped onto lines of `chars`
    characters (wrap_label's), never cut."""
    del lang  # labels are wrapped and marked when the data is made (wrap_label)
    return alt.Axis(
        labelAngle=0,
        labelExpr=LABEL_LINES,
        labelLimit=chars * CHAR_PX + 8,
        labelOverlap=False,  # every category is named, a label of two lines too
        ticks=False,
        labelPadding=6,
        # the title level, above the labels, not turned on its side
        titleAngle=0,
        titleAnchor="end",
        titleAlign="right",
        titleBaseline="bottom",
        titleY=-6,
        titleX=-6,
    )


def value_axis(lang: str = DEFAULT_LANGUAGE, digits: str = "native") -> alt.Axis:
    """The value axis of horizontal bars: a few level ticks (the values are on the bars)."""
    del lang, digits  # numbers follow the chart's config.locale
    return alt.Axis(labelAngle=0, tickCount=4, labelFlush=True, grid=True)


def place_values(
    values: pd.Series,
    also: float | None = None,
    *,
    inside_colour: str = INSIDE_COLOUR,
    beside_only: bool = False,
) -> pd.DataFrame:
    """Where each bar's value is printed: inside the end of a long bar (white, or
    `inside_colour` on a light bar), beside a short one (dark), never past the plot's edge.
    Columns text_at (the x the text is anchored at), text_align, text_dx and text_colour.
    `also`: another value the plot reaches (a target line). `beside_only`: every value
    beside its bar (bars of many colours; the plot makes room with room_for_values)."""
    numbers = pd.to_numeric(values, errors="coerce").fillna(0.0)
    reach = [*numbers.tolist(), 0.0] + ([also] if also is not None else [])
    high, low = max(reach), min(reach)
    span = (high - low) or 1.0
    inside = (numbers.abs() >= 0.5 * span) & (not beside_only)
    positive = numbers >= 0
    # a short negative bar has its value beside zero when the plot has room on the right
    at_zero = ~inside & ~positive & (high > 0)
    align = pd.Series("left", index=numbers.index)
    align[inside & positive] = "right"
    align[~inside & ~positive & ~at_zero] = "right"
    dx = pd.Series(4, index=numbers.index)
    dx[align == "right"] = -4
    return pd.DataFrame(
        {
            "text_at": numbers.where(~at_zero, 0.0),
            "text_align": align,
            "text_dx": dx,
            "text_colour": [inside_colour if i else TEXT_COLOUR for i in inside],
        },
        index=values.index,
    )


def room_for_values(values: pd.Series) -> alt.Scale:
    """A value axis reaching past the longest bar, so that a value printed beside it fits
    (a phone's plot is some 200 px: a value of 10 characters takes a third of it)."""
    high = float(pd.to_numeric(values, errors="coerce").fillna(0.0).max()) if len(values) else 0
    return alt.Scale(domainMax=max(high, 0.0) * 1.5 or 1.0, nice=False, zero=True)


def value_labels(
    base: alt.Chart, value_title: str | list[str], text: str = "value_text"
) -> alt.Chart:
    """The value printed on each bar of `base` (data from place_values); `value_title` is
    the bars' axis title (a layer's axes share it)."""
    return base.mark_text(
        align=alt.expr("datum.text_align"),
        dx=alt.expr("datum.text_dx"),
        baseline="middle",
        fontSize=VALUE_FONT_SIZE,
        fill=alt.expr("datum.text_colour"),
    ).encode(x=alt.X("text_at:Q", title=value_title), text=alt.Text(f"{text}:N"))


def bar_height(rows: int, offsets: int = 1, lines: int = 1) -> int:
    """A horizontal bar chart's plot height: BAR_STEP per bar (a little less in groups of
    more than two), however few the bars; more where a category's label has `lines` lines."""
    step = BAR_STEP if offsets <= 2 else GROUPED_BAR_STEP
    band = max(max(1, offsets) * step + (8 if offsets > 1 else 0), lines * LABEL_LINE_PX + 8)
    return max(1, rows) * band


def label_lines(labels: pd.Series) -> int:
    """The most lines a category label has (wrap_label's)."""
    return max((str(label).count("\n") + 1 for label in labels), default=1)


TREND_HEIGHT = 220  # pixels: a trend's plot
TREND_DAYS = 21  # under 3 weeks of data: a trend per day
TREND_WEEKS_DAYS = 183  # under 6 months: per week; longer: per month


def trend_period(first_day: Any, last_day: Any) -> str:
    """The trend's time grain for the data's span: "day" under 3 weeks, "week" under 6
    months, "month" after (a week's trend of 5 days would be two part-weeks)."""
    if first_day is None or last_day is None or pd.isna(first_day) or pd.isna(last_day):
        return "week"
    days = (pd.Timestamp(last_day) - pd.Timestamp(first_day)).days + 1
    if days < TREND_DAYS:
        return "day"
    return "week" if days < TREND_WEEKS_DAYS else "month"


def horizontal_bars(
    data: pd.DataFrame,
    *,
    category_title: str | None,
    value_title: str | list[str],
    tooltip: list[alt.Tooltip],
    colour: alt.Color | str = NEUTRAL_COLOUR,
    offset: alt.YOffset | None = None,
    offsets: int = 1,
    sort: Any = None,
    scale: alt.Scale | None = None,
    label_chars: int = LABEL_CHARS,
    lang: str = DEFAULT_LANGUAGE,
    digits: str = "native",
) -> tuple[alt.Chart, alt.Chart]:
    """The app's bar chart: one horizontal bar per category (grouped by `offset`) with its
    value printed on it. `data` has category (wrap_label's), value, value_text and
    place_values' columns; `label_chars`: wrap_label's width for the categories. Returns
    the bars and the values, to layer with what else a chart draws (a zero line, a target)."""
    encoding: dict[str, Any] = {
        "y": alt.Y(
            "category:N", title=category_title, sort=sort, axis=category_axis(lang, label_chars)
        ),
        "tooltip": tooltip,
    }
    if offset is not None:
        encoding["yOffset"] = offset
    base = alt.Chart(data).encode(**encoding)
    x = alt.X("value:Q", title=value_title, axis=value_axis(lang, digits))
    if scale is not None:
        x = alt.X("value:Q", title=value_title, axis=value_axis(lang, digits), scale=scale)
    bars = base.mark_bar(cornerRadiusEnd=2).encode(x=x)
    if isinstance(colour, str):
        bars = bars.mark_bar(cornerRadiusEnd=2, color=colour)
    else:
        bars = bars.encode(color=colour)
    height = bar_height(data["category"].nunique(), offsets, label_lines(data["category"]))
    return bars.properties(height=height), value_labels(base, value_title).properties(height=height)


def paired_platform_bars(
    long: pd.DataFrame,
    names: tuple[str, str],
    colours: tuple[str, str],
    amount: str,
    last_tooltip: alt.Tooltip,
    title: alt.Title,
    *,
    currency: str,
    lang: str = DEFAULT_LANGUAGE,
    digits: str = "native",
) -> alt.LayerChart:
    """Two bars per platform, `names[0]` above `names[1]` in `colours`, each with its amount
    printed; `long` has a row per platform and measure (platform, measure, value and the
    field of `last_tooltip`), in the platforms' order; `amount` is the value axis's title,
    its currency in it."""
    _ = chart_translator(lang)
    long = long.assign(
        category=[wrap_label(platform, lang) for platform in long["platform"]],
        amount_text=[
            format_value(v, "money", currency, lang=lang, digits=digits) for v in long["value"]
        ],
    )
    long = long.join(place_values(long["value"]))
    bars, values = horizontal_bars(
        long,
        category_title=_("Platform"),
        value_title=axis_title(amount, lang),
        tooltip=[
            alt.Tooltip("platform:N", title=_("Platform")),
            alt.Tooltip("measure:N", title=_("What")),
            alt.Tooltip("amount_text:N", title=amount),
            last_tooltip,
        ],
        colour=alt.Color(
            "measure:N",
            scale=alt.Scale(domain=list(names), range=list(colours)),
            legend=legend(list(names)),
        ),
        offset=alt.YOffset("measure:N", sort=list(names)),
        offsets=2,
        sort=list(dict.fromkeys(long["category"])),
        lang=lang,
        digits=digits,
    )
    values = values.encode(text=alt.Text("amount_text:N"))
    return localised(layers(bars, values, title=title), lang, digits)


def layers(*charts: alt.Chart, title: alt.Title | None = None) -> alt.LayerChart:
    """Charts drawn over each other (bars, their values, a line), under one title."""
    if title is None:
        return alt.LayerChart(layer=list(charts))
    return alt.LayerChart(layer=list(charts), title=title)


def nothing_to_draw(title: alt.Title, lang: str = DEFAULT_LANGUAGE) -> alt.LayerChart:
    """A chart with nothing to draw (every value 0 or undefined) says so in a line under
    its title, instead of an empty frame."""
    _ = chart_translator(lang)
    note = pd.DataFrame({"note": [_("Nothing to draw: every value is 0 or undefined")]})
    text = (
        alt.Chart(note)
        .mark_text(align="left", baseline="top", fontSize=13, color=TEXT_COLOUR)
        .encode(x=alt.value(0), y=alt.value(4), text="note:N")
        .properties(height=24)
    )
    return layers(text, title=title)
