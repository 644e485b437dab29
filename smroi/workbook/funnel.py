"""The Funnel sheet: the funnel's steps overall, by platform and by audience segment."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from smroi.funnel import (
    MIN_CLICKS,
    MIN_RESULTS,
    MONEY_STAGES,
    STAGES,
    dimensions_present,
    funnel,
    funnel_by,
    segments,
)
from smroi.i18n import N_
from smroi.i18n import translator as gettext_of
from smroi.metrics import Analysis, rows_in_view
from smroi.registry import cost_per_result_label, metric_label
from smroi.workbook._writer import LEVEL_NAMES, MAX_WIDTH, _Column, _Layout, _Writer

RESULTS_TITLES: dict[str, str] = {  # smroi.registry.RESULT_WORDS in a column title
    "awareness": N_("Results (impressions)"),
    "engagement": N_("Results (engagements)"),
    "leads": N_("Results (leads)"),
    "sales": N_("Results (sales)"),
}
# The funnel's steps (smroi.funnel.STAGES): name, and what the rate into the step is called.
STAGE_NAMES: dict[str, tuple[str, str]] = {
    "impressions": (N_("Impressions"), ""),
    "clicks": (N_("Clicks"), N_("Click-through rate")),
    "leads": (N_("Leads"), N_("Clicks that became leads")),
    "conversions": (N_("Sales"), N_("Leads that became sales")),
    "sales_value": (N_("Sales value"), N_("Sales value per sale")),
    "commissions": (N_("Commissions"), N_("Commissions per 1 of sales value")),
}
DIMENSION_NAMES: dict[str, str] = {  # audience columns; utm_… keep their own names
    "age": N_("Age"),
    "gender": N_("Gender"),
    "location": N_("Location"),
    "interest": N_("Interest"),
    "device": N_("Device"),
}
NO_ROWS_FOR_FUNNEL = N_("No rows in this selection, so there is no funnel to show.")
NO_DIMENSIONS = N_(
    "The files have no audience columns (age, gender, location, interest, device, utm_…), "
    "so there are no segments to compare."
)
NEUTRAL_COLOUR = "#1f77b4"
FUNNEL_CHART_ROWS = 21  # rows the funnel chart takes (380 pixels)


def _stage_name(key: str, label: str, lang: str) -> str:
    """A funnel step's name in `lang` (`label`, smroi.funnel's, where the step is unknown)."""
    return gettext_of(lang)(STAGE_NAMES[key][0] if key in STAGE_NAMES else label)


def _rate_name(key: str, rate: str, lang: str) -> str:
    """What the rate into a funnel step is called, capitalised, in `lang`."""
    known = STAGE_NAMES.get(key, ("", ""))[1]
    return gettext_of(lang)(known) if known else rate.capitalize()


def _funnel_sheet(writer: _Writer, analysis: Analysis, platforms: pd.Series, limit: int) -> None:
    """The funnel's steps (METRICS.md section 7) overall, by platform and for each value of
    every audience dimension the data fills, with a native chart of the steps. `platforms`
    are the platforms in the order of the By platform sheet; each segment table lists at
    most `limit` (MAX_GROUP_ROWS) values."""
    _ = writer.gettext
    lang = writer.lang
    sheet = writer.sheet("Funnel")
    if rows_in_view(analysis) == 0:
        writer.text(sheet, 0, 0, _(NO_ROWS_FOR_FUNNEL))
        sheet.set_column(0, 0, MAX_WIDTH)
        return
    layout = _Layout(writer, sheet)
    stages = funnel(analysis)
    rows = [
        [
            (_stage_name(record.key, record.stage, lang), ""),
            (record.value, "money" if record.money else "count"),
            (record.rate if record.rate_name else None, _funnel_rate_unit(record.key)),
            (_rate_name(record.key, str(record.rate_name), lang) if record.rate_name else "", ""),
        ]
        for record in stages.itertuples(index=False)
    ]
    top = layout.cells(
        [_("Step"), _("Total"), _("Rate from the step before"), _("What the rate is")],
        rows,
        "FunnelSteps",
    )
    writer.freeze_header(sheet, top, 1)
    layout.sentence(
        _(
            "Each rate is the step over the step before it, from the sums (an empty cell where "
            "the step before is 0). Sales can outnumber leads (a rate over 100%) when people buy "
            "without filling in a lead form first."
        )
    )
    layout.gap()
    counts = [i for i, money in enumerate(stages["money"].tolist()) if not money]
    values = pd.to_numeric(stages["value"], errors="coerce").iloc[counts]
    if (values.fillna(0) > 0).any():
        _funnel_chart(writer, sheet, writer.names["Funnel"], top, counts, layout.row)
        layout.gap(FUNNEL_CHART_ROWS)

    layout.heading(_("The funnel by platform"))
    by_platform = funnel_by(analysis, "platform")
    columns = [_Column(_(LEVEL_NAMES["platform"]), "platform", "text")]
    for key, label, rate in STAGES:
        unit = "money" if key in MONEY_STAGES else "count"
        columns.append(_Column(_stage_name(key, label, lang), label, "number", unit))
        if rate:
            source = rate.capitalize()
            columns.append(
                _Column(_rate_name(key, rate, lang), source, "number", _funnel_rate_unit(key))
            )
    layout.table(columns, _in_order(by_platform, "platform", platforms), "FunnelByPlatform")

    layout.heading(_("Audience: who converts"))
    present = dimensions_present(analysis)
    if not present:
        layout.sentence(_(NO_DIMENSIONS))
    settings = analysis.settings
    objective = settings.objective
    results = _(RESULTS_TITLES[objective])
    yes, no = _("yes"), _("no")
    for dimension in present:
        if dimension in DIMENSION_NAMES:
            shown = _(DIMENSION_NAMES[dimension])
            heading = writer.fill(_("By {dimension}"), dimension=shown.lower())
        else:  # utm_source …: a column's own name
            shown = dimension.replace("_", " ").capitalize()
            heading = writer.fill(_("By {dimension}"), dimension=dimension.replace("_", " "))
        layout.heading(heading)
        frame = segments(analysis, dimension)
        frame = frame.assign(
            enough_text=np.where(frame["enough"].astype(bool), yes, no)
        ).sort_values("cost", ascending=False, kind="stable")
        total = len(frame)
        frame = frame.head(limit)
        segment_columns = [
            _Column(shown, dimension, "text"),
            _Column(metric_label("cost", lang), "cost", "number", "money"),
            _Column(metric_label("clicks", lang), "clicks", "number", "count"),
            _Column(results, "results", "number", "count"),
            _Column(metric_label("conversion_rate", lang), "conversion_rate", "number", "fraction"),
            _Column(cost_per_result_label(objective, lang), "cost_per_result", "number", "money"),
            _Column(_("Enough to compare"), "enough_text", "text"),
        ]
        layout.table(segment_columns, frame, f"Audience_{dimension}")
        if len(frame) < total:
            layout.row -= 1
            layout.sentence(
                writer.fill(
                    _("The {shown} with the highest total cost, of {total}."),
                    shown=writer.count(len(frame)),
                    total=writer.count(total),
                )
            )
            layout.gap()
    if present:
        layout.sentence(
            writer.fill(
                _(
                    "Enough to compare: at least {clicks} clicks and {results} results; with "
                    "fewer, one sale more or less changes a segment's rates a lot. Total cost "
                    "includes each segment's share of the monthly costs (shared by ad spend); "
                    "cost per result is ad spend over the results of paid rows."
                ),
                clicks=writer.count(MIN_CLICKS),
                results=writer.count(MIN_RESULTS),
            )
        )
    layout.finish()


def _funnel_rate_unit(key: str) -> str:
    """The unit of the rate into a funnel step: money for sales value per sale, else a share."""
    return "money" if key == "sales_value" else "fraction"


def _in_order(frame: pd.DataFrame, level: str, names: pd.Series) -> pd.DataFrame:
    """A frame of groups in the order of `names` (the By platform sheet's: the highest total
    cost first); groups not in `names` last."""
    order = {name: i for i, name in enumerate(names.astype(str))}
    ranks = frame[level].astype(str).map(order).fillna(len(order))
    return frame.assign(_rank=ranks).sort_values("_rank", kind="stable").drop(columns="_rank")


def _funnel_chart(
    writer: _Writer, sheet: Any, name: str, top: int, counts: list[int], at: int
) -> None:
    """A bar chart of the count steps (people, not money), widest first, linked to the cells."""
    first, last = top + 1 + counts[0], top + 1 + counts[-1]
    chart = writer.book.add_chart({"type": "bar"})
    chart.add_series(
        {
            "name": [name, top, 1],
            "categories": [name, first, 0, last, 0],
            "values": [name, first, 1, last, 1],
            "fill": {"color": NEUTRAL_COLOUR},
            "border": {"color": NEUTRAL_COLOUR},
            "gap": 50,
            "data_labels": {"value": True, "num_format": "#,##0"},
        }
    )
    _ = writer.chart_gettext
    chart.set_title({"name": _("The funnel: how many went on to each step")})
    chart.set_x_axis(
        {
            "name": _("How many"),
            "num_format": "#,##0",
            "major_gridlines": {"visible": True, "line": {"color": "#d9d9d9"}},
        }
    )
    chart.set_y_axis(
        {"name": _("Step"), "reverse": True, "crossing": "max", "label_position": "low"}
    )
    chart.set_legend({"none": True})
    chart.set_size({"width": 640, "height": 380})
    sheet.insert_chart(at, 0, chart, {"x_offset": 5, "y_offset": 5})
