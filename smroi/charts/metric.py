"""One metric by group (bars, largest first) or per period: the charts several pages share."""

from __future__ import annotations

import altair as alt
import pandas as pd

from smroi.charts._shared import (
    BREAK_EVEN_COLOUR,
    ESTIMATE_COLOUR,
    NEUTRAL_COLOUR,
    _day_texts,
    _drawn,
    _lines,
    _period_axis,
    _period_start_tooltip,
    localised,
)
from smroi.charts.overview import _OVER_TIME_WORDS
from smroi.formatting import format_value, unit_label
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
) -> alt.Chart | alt.LayerChart:
    """Horizontal bars of one metric per group, largest first; undefined groups left out.

    `group_title` and `label` (a name for the metric other than the registry's) are
    already in `lang`. `break_even` (smroi.break_even.break_even_line) draws a dashed line
    at the value where the metric stops paying, labelled with it."""
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
    chart_title = alt.Title(
        _("{metric} by {group}").format(metric=title, group=group_title.lower()),
        subtitle=_drawn(metric_formula(metric_key, lang), lang),
    )
    chart = (
        alt.Chart(data)
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
    if break_even is None or data.empty:
        return localised(chart.properties(title=chart_title), lang, digits)
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
    layered = alt.LayerChart(layer=[chart, rule, label_mark], title=chart_title)
    return localised(layered, lang, digits)


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
