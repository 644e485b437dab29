"""The Funnel page's charts: the funnel's steps and a heatmap of two audience dimensions."""

from __future__ import annotations

import altair as alt
import pandas as pd

from smroi.charts._shared import (
    LABEL_LIMIT,
    LABEL_LINES,
    VALUE_FONT_SIZE,
    _drawn,
    category_axis,
    chart_title,
    horizontal_bars,
    layers,
    localised,
    place_values,
    wrap_label,
)
from smroi.formatting import DASH, format_value, format_value_range, label_with_unit, unit_label
from smroi.funnel import DIMENSION_LABELS, MORE_THAN_BEFORE
from smroi.i18n import DEFAULT_LANGUAGE, chart_translator, translator
from smroi.registry import METRICS, metric_label

LINE_PX = 15  # pixels per line of a step's count and rate
RATE_CHARS = 34  # a rate's line beside a bar, in characters


def funnel_chart(
    stages: pd.DataFrame, currency: str, *, lang: str = DEFAULT_LANGUAGE, digits: str = "native"
) -> alt.LayerChart:
    """The count steps of the funnel as bars on a plain (linear) scale, widest first, each
    with its count and its rate from the step before (money steps are left to the table:
    they are not people). A "rate" over 100% is no conversion rate: it is said in words.

    `stages` (smroi.funnel's) names its stages and rates in `lang`."""
    _ = chart_translator(lang)
    counts = stages[~stages["money"] & stages["value"].notna()].copy()
    counts["category"] = [wrap_label(str(stage), lang) for stage in counts["stage"]]
    counts["stage"] = [_drawn(str(stage), lang) for stage in counts["stage"]]
    counts["value_text"] = [
        format_value(v, "count", currency, lang=lang, digits=digits) for v in counts["value"]
    ]
    counts["rate_text"] = [
        _rate_text(str(key), rate, str(name), lang, digits)
        for key, rate, name in zip(counts["key"], counts["rate"], counts["rate_name"], strict=True)
    ]
    no_bounds = pd.Series(float("nan"), index=counts.index)  # stages given without them
    counts["range_text"] = [
        rate_range_text(low, high, lang, digits)
        for low, high in zip(
            counts.get("rate_low", no_bounds), counts.get("rate_high", no_bounds), strict=True
        )
    ]
    counts["label"] = [
        "\n".join([count, *wrap_label(rate, lang, RATE_CHARS).split("\n")]) if rate else count
        for count, rate in zip(counts["value_text"], counts["rate_text"], strict=True)
    ]
    counts = counts.join(place_values(counts["value"]))
    how_many = _("How many")
    bars, values = horizontal_bars(
        counts,
        category_title=None,
        value_title=how_many,
        tooltip=[
            alt.Tooltip("stage:N", title=_("Step")),
            alt.Tooltip("value_text:N", title=how_many),
            alt.Tooltip("rate_text:N", title=_("Rate")),
            alt.Tooltip("range_text:N", title=_("90% range")),
        ],
        sort=list(counts["category"]),
        scale=alt.Scale(type="linear", zero=True),
        lang=lang,
        digits=digits,
    )
    # each step as tall as its count and rate's lines need (two, or three for a long rate)
    lines = max((label.count("\n") + 1 for label in counts["label"]), default=1)
    height = max(1, len(counts)) * (lines * LINE_PX + 14)
    values = values.mark_text(
        align=alt.expr("datum.text_align"),
        dx=alt.expr("datum.text_dx"),
        baseline="middle",
        lineBreak="\n",
        fontSize=VALUE_FONT_SIZE,
        fill=alt.expr("datum.text_colour"),
    ).encode(text=alt.Text("label:N"))
    title = chart_title(_("The funnel: how many went on to the next step"), lang=lang)
    chart = layers(bars.properties(height=height), values.properties(height=height))
    return localised(chart.properties(title=title), lang, digits)


def rate_range_text(low: object, high: object, lang: str, digits: str) -> str:
    """A step's rate's 90% range ('2.91%–3.52%'); "—" where it has none (a money step, a
    step larger than the one before, or none before it)."""
    if low is None or high is None or pd.isna(low) or pd.isna(high):  # type: ignore[call-overload]
        return DASH
    low_text, high_text = (
        format_value(bound, "fraction", lang=lang, digits=digits) for bound in (low, high)
    )
    return format_value_range(low_text, high_text, lang)


def _rate_text(key: str, rate: object, name: str, lang: str, digits: str) -> str:
    """A step's rate from the step before, as its line beside the bar: "1.22% click-through
    rate"; a count over the step before's in words; "" where there is no rate."""
    if rate is None or pd.isna(rate) or not name:  # type: ignore[call-overload]
        return ""
    if float(rate) > 1 and key in MORE_THAN_BEFORE:  # type: ignore[arg-type]
        return translator(lang)(MORE_THAN_BEFORE[key])
    return f"{format_value(rate, 'fraction', lang=lang, digits=digits)} {name}"


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
    title = chart_title(
        _("{metric} by {rows} and {columns}").format(
            metric=name, rows=row_title.lower(), columns=column_title.lower()
        ),
        _("(few): too few clicks or results to compare"),
        lang,
    )
    data["column_label"] = [wrap_label(str(value), lang, 10) for value in data[columns]]
    data["row_label"] = [wrap_label(str(value), lang) for value in data[rows]]
    base = alt.Chart(data, title=title).encode(
        # the columns' names level, on top, wrapped onto lines rather than turned
        x=alt.X(
            "column_label:N",
            title=_drawn(column_title, lang),
            axis=alt.Axis(
                labelAngle=0, orient="top", labelExpr=LABEL_LINES, labelLimit=LABEL_LIMIT
            ),
        ),
        y=alt.Y("row_label:N", title=_drawn(row_title, lang), axis=category_axis(lang)),
    )
    rects = base.mark_rect().encode(
        color=alt.Color(
            "shown:Q",
            title=_drawn(label_with_unit(name, unit, lang), lang),
            scale=alt.Scale(scheme="redyellowgreen", reverse=lower_is_better),
            legend=alt.Legend(
                orient="bottom", direction="horizontal", gradientLength=200, titleLimit=0
            ),
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
    text = base.mark_text(color="black", fontSize=VALUE_FONT_SIZE).encode(text="label:N")
    return localised(rects + text, lang, digits)
