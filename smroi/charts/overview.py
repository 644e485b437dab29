"""The Overview page's charts: return against cost and ROI by platform, and over time."""

from __future__ import annotations

import altair as alt
import pandas as pd

from smroi.charts._shared import (
    COST_COLOUR,
    RETURN_COLOUR,
    TREND_HEIGHT,
    _day_texts,
    _drawn,
    _period_axis,
    _period_start_tooltip,
    axis_title,
    chart_title,
    horizontal_bars,
    layers,
    legend,
    localised,
    nothing_to_draw,
    paired_platform_bars,
    place_values,
    wrap_label,
)
from smroi.formatting import format_value
from smroi.i18n import DEFAULT_LANGUAGE, N_, chart_translator
from smroi.registry import metric_formula


def _with_something(by_platform: pd.DataFrame, columns: list[str]) -> pd.DataFrame:
    """The platforms with something to draw: a platform whose figures are all 0 or
    undefined (one with no rows in view) gets no slot in a chart."""
    frame = by_platform.astype({"platform": str})
    values = frame[columns].apply(pd.to_numeric, errors="coerce").fillna(0.0)
    return frame[(values != 0).any(axis=1)]


def return_vs_cost_by_platform(
    by_platform: pd.DataFrame,
    currency: str,
    *,
    lang: str = DEFAULT_LANGUAGE,
    digits: str = "native",
) -> alt.LayerChart:
    """For each platform, what it brought in (return) over what it cost, as two bars with
    their amounts; platforms with neither are left out."""
    _ = chart_translator(lang)
    names = (_("Return"), _("Total cost"))
    frame = _with_something(by_platform, ["return", "cost"]).sort_values("return", ascending=False)
    long = frame.melt(
        id_vars=["platform"], value_vars=["return", "cost"], var_name="key", value_name="value"
    )
    long["measure"] = long["key"].map({"return": names[0], "cost": names[1]})
    long["formula"] = [_drawn(metric_formula(key, lang), lang) for key in long["key"]]
    title = chart_title(_("Return vs total cost by platform"), lang=lang)
    if long.empty:
        return localised(nothing_to_draw(title, lang), lang, digits)
    return paired_platform_bars(
        long,
        names,
        (RETURN_COLOUR, COST_COLOUR),
        _("Amount ({currency})").format(currency=currency),
        alt.Tooltip("formula:N", title=_("How it is worked out")),
        title,
        currency=currency,
        lang=lang,
        digits=digits,
    )


def roi_by_platform(
    by_platform: pd.DataFrame, *, lang: str = DEFAULT_LANGUAGE, digits: str = "native"
) -> alt.LayerChart:
    """ROI % per platform with its value on the bar: green above break-even, red below;
    platforms with no cost (undefined ROI) left out."""
    _ = chart_translator(lang)
    frame = by_platform.astype({"platform": str})[["platform", "roi_pct", "profit", "cost"]]
    frame = frame[frame["roi_pct"].notna()].sort_values("roi_pct", ascending=False)
    frame = frame.assign(
        category=[wrap_label(platform, lang) for platform in frame["platform"]],
        value=frame["roi_pct"],
        roi_text=[format_value(v, "percent", lang=lang, digits=digits) for v in frame["roi_pct"]],
        formula=_drawn(metric_formula("roi_pct", lang), lang),
        # the colour's domain (no legend is drawn): data, not words
        result=frame["roi_pct"].map(lambda v: "profit" if v >= 0 else "loss"),
    )
    frame = frame.join(place_values(frame["value"]))
    title = chart_title(_("ROI by platform"), _("Above 0% a platform paid for itself"), lang)
    if frame.empty:
        return localised(nothing_to_draw(title, lang), lang, digits)
    bars, values = horizontal_bars(
        frame,
        category_title=_("Platform"),
        value_title=_("ROI (%)"),
        tooltip=[
            alt.Tooltip("platform:N", title=_("Platform")),
            alt.Tooltip("roi_text:N", title=_("ROI")),
            alt.Tooltip("formula:N", title=_("How it is worked out")),
        ],
        colour=alt.Color(
            "result:N",
            scale=alt.Scale(domain=["profit", "loss"], range=[RETURN_COLOUR, COST_COLOUR]),
            legend=None,
        ),
        sort=list(frame["category"]),
        lang=lang,
        digits=digits,
    )
    values = values.encode(text=alt.Text("roi_text:N"))
    zero = alt.Chart(pd.DataFrame({"x": [0]})).mark_rule(color="#555").encode(x="x:Q")
    return localised(layers(bars, zero, values, title=title), lang, digits)


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

    A period the data covers only in part (the first or last) is a hollow point that the
    line does not reach, so a short last week does not read as a collapse.
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
    colour = alt.Color("measure:N", title=None, scale=scale, legend=legend(names))
    base = alt.Chart(long).encode(
        x=alt.X(
            "period_start:T",
            title=starting,
            # ticks on the periods themselves (weeks start on Monday), never hourly ones
            axis=_period_axis(trend, period, lang, digits),
        ),
        y=alt.Y("amount:Q", title=axis_title(amount, lang), axis=alt.Axis(tickCount=5)),
        color=colour,
    )
    # the line joins whole periods only: a part-period's smaller sum is not a fall
    line = base.mark_line().transform_filter("!datum.partial")
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
    chart = layers(
        line.properties(height=TREND_HEIGHT),
        points.properties(height=TREND_HEIGHT),
        title=chart_title(title, subtitle, lang),
    )
    return localised(chart, lang, digits)
