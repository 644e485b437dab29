"""The Goals page's chart: actual per period against the target."""

from __future__ import annotations

import altair as alt
import numpy as np
import pandas as pd

from smroi.charts._shared import (
    COST_COLOUR,
    RETURN_COLOUR,
    _drawn,
    axis_title,
    chart_title,
    horizontal_bars,
    layers,
    legend,
    localised,
    place_values,
    wrap_label,
)
from smroi.formatting import format_value, label_with_unit, period_label, unit_label
from smroi.i18n import DEFAULT_LANGUAGE, N_, chart_translator
from smroi.registry import METRICS, metric_label

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
    """Actual per period as horizontal bars with their values (green where the target was
    met, pale where the data covers the period only in part), the target a dashed line."""
    _ = chart_translator(lang)
    metric = METRICS[metric_key]
    name = metric_label(metric_key, lang)
    unit = unit_label(metric.unit, currency, lang=lang)
    factor = 100.0 if metric.unit == "fraction" else 1.0
    title_words, target_words, period_word = (_(w) for w in _GOAL_WORDS[period])
    met, not_met = _(_GOAL_STATUS[True]), _(_GOAL_STATUS[False])
    labels = [
        period_label(start.date(), period, lang=lang, digits=digits)
        for start in periods["period_start"]
    ]
    data = periods.assign(
        label=[_drawn(text, lang) for text in labels],
        category=[wrap_label(text, lang) for text in labels],
        value=periods["actual"] * factor,
        actual_text=[
            format_value(v, metric.unit, currency, lang=lang, digits=digits)
            for v in periods["actual"]
        ],
        status=np.where(periods["met"], met, not_met),
    )
    data = data.join(place_values(data["value"], also=target * factor))
    target_text = format_value(target, metric.unit, currency, lang=lang, digits=digits)
    subtitle = [target_words.format(target=target_text)]
    if data["partial"].any():
        subtitle.append(_("Pale bar: a period the data covers only in part"))
    value_title = axis_title(_drawn(label_with_unit(name, unit, lang), lang), lang)
    bars, values = horizontal_bars(
        data,
        category_title=period_word,
        value_title=value_title,
        tooltip=[
            alt.Tooltip("label:N", title=period_word),
            alt.Tooltip("actual_text:N", title=_drawn(name, lang)),
            alt.Tooltip("status:N", title=_("Target")),
            alt.Tooltip("days:Q", title=_("Days covered")),
        ],
        colour=alt.Color(
            "status:N",
            scale=alt.Scale(domain=[met, not_met], range=[RETURN_COLOUR, "#9e9e9e"]),
            legend=legend([met, not_met]),
        ),
        sort=list(data["category"]),
        lang=lang,
        digits=digits,
    )
    bars = bars.encode(opacity=alt.condition("datum.partial", alt.value(0.45), alt.value(1.0)))
    values = values.encode(text=alt.Text("actual_text:N"))
    line = (
        alt.Chart(pd.DataFrame({"target": [target * factor]}))
        .mark_rule(color=COST_COLOUR, strokeDash=[6, 4], size=2)
        .encode(x=alt.X("target:Q", title=value_title))
    )
    title = chart_title(title_words.format(metric=name), subtitle, lang)
    return localised(layers(bars, line, values, title=title), lang, digits)
