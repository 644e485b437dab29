"""One metric by group (bars, largest first) or per period: the charts several pages share."""

from __future__ import annotations

import altair as alt
import pandas as pd

from smroi.charts._shared import (
    BREAK_EVEN_COLOUR,
    ESTIMATE_COLOUR,
    INSIDE_COLOUR,
    NEUTRAL_COLOUR,
    TEXT_COLOUR,
    TREND_HEIGHT,
    _day_texts,
    _drawn,
    _period_axis,
    _period_start_tooltip,
    axis_title,
    chart_title,
    horizontal_bars,
    layers,
    localised,
    nothing_to_draw,
    place_values,
    wrap_label,
)
from smroi.charts.overview import _OVER_TIME_WORDS
from smroi.formatting import format_value, label_with_unit, unit_label
from smroi.i18n import DEFAULT_LANGUAGE, N_, chart_translator
from smroi.registry import METRICS, metric_formula, metric_label


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
    break_even: float | None = None,
) -> alt.LayerChart:
    """Horizontal bars of one metric per group, largest first, each with its value;
    undefined groups left out (no slot), the formula in the tooltip.

    `group_title` and `label` (a name for the metric other than the registry's) are
    already in `lang`. `break_even` (smroi.break_even.break_even_line) draws a dashed line
    at the value where the metric stops paying, labelled with it."""
    _ = chart_translator(lang)
    metric = METRICS[metric_key]
    title = label or metric_label(metric_key, lang)
    data = frame[[group, metric_key]].astype({group: str})
    # a group with nothing (undefined, or 0) gets no slot
    shown = data[metric_key].notna() & (data[metric_key] != 0)
    data = data[shown].sort_values(metric_key, ascending=False).head(limit)
    factor = 100.0 if metric.unit == "fraction" else 1.0
    data = data.assign(
        category=[wrap_label(name, lang) for name in data[group]],
        value=data[metric_key] * factor,
        value_text=[
            format_value(v, metric.unit, currency, lang=lang, digits=digits)
            for v in data[metric_key]
        ],
        formula=_drawn(metric_formula(metric_key, lang), lang),
    )
    colour = ESTIMATE_COLOUR if metric.estimated else NEUTRAL_COLOUR
    # dark figures on the light yellow of an estimate, white on blue
    inside = TEXT_COLOUR if metric.estimated else INSIDE_COLOUR
    data = data.join(place_values(data["value"], inside_colour=inside))
    unit = unit_label(metric.unit, currency, lang=lang)
    chart_title_ = chart_title(
        _("{metric} by {group}").format(metric=title, group=group_title.lower()), lang=lang
    )
    if data.empty:
        return localised(nothing_to_draw(chart_title_, lang), lang, digits)
    bars, values = horizontal_bars(
        data,
        category_title=_drawn(group_title, lang),
        value_title=axis_title(_drawn(label_with_unit(title, unit, lang), lang), lang),
        tooltip=[
            alt.Tooltip(f"{group}:N", title=_drawn(group_title, lang)),
            alt.Tooltip("value_text:N", title=_drawn(title, lang)),
            alt.Tooltip("formula:N", title=_("How it is worked out")),
        ],
        colour=colour,
        sort=list(data["category"]),
        lang=lang,
        digits=digits,
    )
    if break_even is None:
        return localised(layers(bars, values, title=chart_title_), lang, digits)
    shown = format_value(break_even, metric.unit, currency, lang=lang, digits=digits)
    text = _("Break-even: {value}").format(value=shown)
    line = pd.DataFrame({"value": [break_even * factor], "text": [_drawn(text, lang)]})
    rule = (
        alt.Chart(line)
        .mark_rule(color=BREAK_EVEN_COLOUR, strokeDash=[6, 4], strokeWidth=2)
        .encode(x="value:Q", tooltip=[alt.Tooltip("text:N", title=_drawn(_("Break-even"), lang))])
    )
    # the label reads away from the nearer edge, so a narrow chart (a phone) does not clip it
    right_half = break_even * factor > 0.5 * max(float(data["value"].max()), break_even * factor)
    label_mark = (
        alt.Chart(line)
        .mark_text(
            align="right" if right_half else "left",
            baseline="bottom",
            dx=-4 if right_half else 4,
            color=BREAK_EVEN_COLOUR,
            fontSize=12,
        )
        .encode(x="value:Q", y=alt.value(-3), text="text:N")  # just above the bars
    )
    layered = layers(bars, rule, label_mark, values, title=chart_title_)
    return localised(layered, lang, digits)


# A metric per period: the title for each period, whole (the points' words and the time
# axis are _OVER_TIME_WORDS's).
_METRIC_OVER_TIME_WORDS: dict[str, str] = {
    "day": N_("{metric} per day"),
    "week": N_("{metric} per week"),
    "month": N_("{metric} per month"),
    "quarter": N_("{metric} per quarter"),
    "year": N_("{metric} per year"),
}


def metric_over_time(
    trend: pd.DataFrame,
    metric_key: str,
    currency: str,
    period: str = "week",
    *,
    lang: str = DEFAULT_LANGUAGE,
    digits: str = "native",
) -> alt.LayerChart:
    """One metric per period as a line (earned media value per week); a period the data
    covers only in part is a hollow point the line does not reach."""
    _ = chart_translator(lang)
    metric = METRICS[metric_key]
    name = metric_label(metric_key, lang)
    unit = unit_label(metric.unit, currency, lang=lang)
    title = _(_METRIC_OVER_TIME_WORDS[period]).format(metric=name)
    _title, each_point, hollow_point, starting = (_(w) for w in _OVER_TIME_WORDS[period])
    factor = 100.0 if metric.unit == "fraction" else 1.0
    data = trend[["period_start", "partial", "days"]].assign(
        value=trend[metric_key] * factor,
        value_text=[
            format_value(v, metric.unit, currency, lang=lang, digits=digits)
            for v in trend[metric_key]
        ],
    )
    if lang != DEFAULT_LANGUAGE:
        data["period_text"] = _day_texts(data["period_start"], lang, digits)
    subtitle = [each_point]
    if trend["partial"].any():
        subtitle.append(hollow_point)
    colour = ESTIMATE_COLOUR if metric.estimated else NEUTRAL_COLOUR
    base = alt.Chart(data).encode(
        x=alt.X("period_start:T", title=starting, axis=_period_axis(trend, period, lang, digits)),
        y=alt.Y(
            "value:Q",
            title=axis_title(_drawn(label_with_unit(name, unit, lang), lang), lang),
            axis=alt.Axis(tickCount=5),
        ),
    )
    line = base.mark_line(color=colour).transform_filter("!datum.partial")
    points = base.mark_point(size=70, strokeWidth=2, opacity=1, color=colour).encode(
        fill=alt.condition("datum.partial", alt.value("white"), alt.value(colour)),
        tooltip=[
            _period_start_tooltip(starting, lang),
            alt.Tooltip("value_text:N", title=_drawn(name, lang)),
            alt.Tooltip("days:Q", title=_("Days covered")),
        ],
    )
    chart = layers(
        line.properties(height=TREND_HEIGHT),
        points.properties(height=TREND_HEIGHT),
        title=chart_title(title, subtitle, lang),
    )
    return localised(chart, lang, digits)
