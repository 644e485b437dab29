"""The Funnel page's charts: the funnel's steps and a heatmap of two audience dimensions."""

from __future__ import annotations

import altair as alt
import pandas as pd

from smroi.charts._shared import NEUTRAL_COLOUR, _drawn, localised
from smroi.formatting import format_value, unit_label
from smroi.funnel import DIMENSION_LABELS
from smroi.i18n import DEFAULT_LANGUAGE, chart_translator, translator
from smroi.registry import METRICS, metric_label


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
