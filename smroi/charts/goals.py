"""The Goals page's chart: actual per period against the target."""

from __future__ import annotations

import altair as alt
import numpy as np
import pandas as pd

from smroi.charts._shared import COST_COLOUR, RETURN_COLOUR, _drawn, _lines, localised
from smroi.formatting import format_value, period_label, unit_label
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
