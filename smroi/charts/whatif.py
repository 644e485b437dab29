"""The Goals page's what-if chart: each platform's week under a plan, with its 90% band."""

from __future__ import annotations

import altair as alt
import pandas as pd

from smroi.budget_curves import Estimate, Projection
from smroi.charts._shared import (
    NEUTRAL_COLOUR,
    TEXT_COLOUR,
    VALUE_FONT_SIZE,
    _drawn,
    axis_title,
    bar_height,
    category_axis,
    chart_title,
    label_lines,
    layers,
    localised,
    value_axis,
    wrap_label,
)
from smroi.formatting import format_value, label_with_unit, unit_label
from smroi.i18n import DEFAULT_LANGUAGE, N_, chart_translator, translator

# (title, value axis) for each measure: profit in money, or the objective's results
# ({results}: the results' name, "Sales", "Leads")
_WORDS: dict[str, tuple[str, str]] = {
    "profit": (N_("Profit a week under the plan"), N_("Profit a week")),
    "results": (N_("{results} a week under the plan"), N_("{results} a week")),
}
BAND_COLOUR = "#31333f"


def what_if_table(projection: Projection, measure: str) -> pd.DataFrame:
    """The chart's numbers per group: spend now and planned, the measure, its band and
    today's value (the curve at today's average week)."""
    records = []
    for row in projection.groups:
        estimate: Estimate | None = row.profit if measure == "profit" else row.results
        change = row.profit_change if measure == "profit" else row.results_change
        if estimate is None or change is None:
            continue
        records.append(
            {
                "group": row.group,
                "spend_now": row.spend_now,
                "spend_planned": row.spend_planned,
                "value": estimate.value,
                "low": estimate.low,
                "high": estimate.high,
                "today": estimate.value - change.value,
            }
        )
    return pd.DataFrame(
        records, columns=["group", "spend_now", "spend_planned", "value", "low", "high", "today"]
    )


def what_if_chart(
    projection: Projection,
    measure: str,
    currency: str,
    results: str = "",
    *,
    lang: str = DEFAULT_LANGUAGE,
    digits: str = "native",
) -> alt.LayerChart:
    """Each group's profit (or `results`, their name in `lang`) a week under the plan as a
    bar, its 90% band a line across the bar's end, and today's week a tick."""
    _ = chart_translator(lang)
    unit = "money" if measure == "profit" else "number"
    plain = translator(lang)  # text drawn whole below (_drawn, chart_title)
    title_words, axis_words = (plain(words).format(results=results) for words in _WORDS[measure])
    data = what_if_table(projection, measure)

    def shown(value: float) -> str:
        return format_value(value, unit, currency, lang=lang, digits=digits)

    data = data.assign(
        category=[wrap_label(str(group), lang) for group in data["group"]],
        value_text=[shown(value) for value in data["value"]],
        band_text=[
            _("between {low} and {high}").format(low=shown(low), high=shown(high))
            for low, high in zip(data["low"], data["high"], strict=True)
        ],
        today_text=[shown(value) for value in data["today"]],
        spend_now_text=[
            format_value(v, "money", currency, lang=lang, digits=digits) for v in data["spend_now"]
        ],
        spend_planned_text=[
            format_value(v, "money", currency, lang=lang, digits=digits)
            for v in data["spend_planned"]
        ],
        # the value printed past whichever reaches further right: the bar or its band
        text_at=data[["value", "high"]].max(axis=1).clip(lower=0.0),
    )
    unit_words = unit_label("money", currency, lang=lang) if unit == "money" else ""
    value_title = axis_title(_drawn(label_with_unit(axis_words, unit_words, lang), lang), lang)
    reach = [*data["low"].tolist(), *data["today"].tolist(), 0.0]
    far = [*data["high"].tolist(), *data["value"].tolist(), 0.0]
    low_end, high_end = min(reach), max(far)
    span = (high_end - low_end) or 1.0
    # room on the right for the printed values (a phone's plot is some 200 px)
    scale = alt.Scale(domain=[low_end, high_end + 0.45 * span], nice=False, zero=True)
    height = bar_height(len(data), 1, label_lines(data["category"]))
    tooltip = [
        alt.Tooltip("group:N", title=_("Platform")),
        alt.Tooltip("spend_now_text:N", title=_("Ad spend a week now")),
        alt.Tooltip("spend_planned_text:N", title=_("Ad spend a week planned")),
        alt.Tooltip("value_text:N", title=_drawn(axis_words, lang)),
        alt.Tooltip("band_text:N", title=_("90% band")),
        alt.Tooltip("today_text:N", title=_("Today's average week")),
    ]
    base = alt.Chart(data).encode(
        y=alt.Y("category:N", title=None, sort=list(data["category"]), axis=category_axis(lang)),
        tooltip=tooltip,
    )
    x = alt.X("value:Q", title=value_title, axis=value_axis(lang, digits), scale=scale)
    bars = base.mark_bar(cornerRadiusEnd=2, color=NEUTRAL_COLOUR, opacity=0.75).encode(x=x)
    band = base.mark_rule(color=BAND_COLOUR, size=2).encode(
        x=alt.X("low:Q", title=value_title, scale=scale), x2="high:Q"
    )
    today = base.mark_tick(color=BAND_COLOUR, thickness=2, size=14).encode(
        x=alt.X("today:Q", title=value_title, scale=scale)
    )
    values = base.mark_text(
        align="left", dx=6, baseline="middle", fontSize=VALUE_FONT_SIZE, fill=TEXT_COLOUR
    ).encode(x=alt.X("text_at:Q", title=value_title, scale=scale), text="value_text:N")
    title = chart_title(
        title_words,
        [_("Line: the 90% band. Tick: today's average week.")],
        lang,
    )
    chart = layers(*(layer.properties(height=height) for layer in (bars, band, today, values)))
    return localised(chart.properties(title=title), lang, digits)
