"""The Over time sheet: every metric per period, and its chart of return and cost."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from smroi.i18n import N_
from smroi.metrics import Analysis, over_time
from smroi.workbook._writer import (
    COST_COLOUR,
    PERIOD_STARTING,
    RETURN_COLOUR,
    _axis_format,
    _Column,
    _column_index,
    _metric_columns,
    _Writer,
)

PARTIAL_NOTES: dict[str, str] = {
    "day": N_(
        'Partial period "yes" (a hollow point in the chart): a day the data covers only in '
        "part, so its sums are not comparable with the others. Other costs are spread over "
        "the days covered."
    ),
    "week": N_(
        'Partial period "yes" (a hollow point in the chart): a week the data covers only in '
        "part, so its sums are not comparable with the others. Other costs are spread over "
        "the days covered."
    ),
    "month": N_(
        'Partial period "yes" (a hollow point in the chart): a month the data covers only in '
        "part, so its sums are not comparable with the others. Other costs are spread over "
        "the days covered."
    ),
    "quarter": N_(
        'Partial period "yes" (a hollow point in the chart): a quarter the data covers only '
        "in part, so its sums are not comparable with the others. Other costs are spread "
        "over the days covered."
    ),
    "year": N_(
        'Partial period "yes" (a hollow point in the chart): a year the data covers only in '
        "part, so its sums are not comparable with the others. Other costs are spread over "
        "the days covered."
    ),
}


def _over_time_sheet(writer: _Writer, analysis: Analysis, period: str) -> None:
    _ = writer.gettext
    sheet = writer.sheet("Over time")
    trend = over_time(analysis, period)
    if "days" not in trend:
        trend = trend.assign(days=pd.Series(dtype="float64"), partial=pd.Series(dtype=bool))
    yes, no = _("yes"), _("no")
    trend = trend.assign(partial_text=np.where(trend["partial"].astype(bool), yes, no))
    starting = _(PERIOD_STARTING[period])
    columns = [
        _Column(starting, "period_start", "date"),
        _Column(_("Days covered"), "days", "number", "count"),
        _Column(_("Partial period"), "partial_text", "text"),
        *_metric_columns(trend, analysis.settings, writer.lang),
    ]
    widths: dict[int, int] = {}
    last = writer.table(sheet, 0, columns, trend, widths)
    writer.freeze_header(sheet, 0, 1)
    sheet.autofilter(0, 0, last, len(columns) - 1)
    writer.set_widths(sheet, widths)
    sheet.set_row(0, 45)
    note = last + 2
    writer.text(sheet, note, 0, _(PARTIAL_NOTES[period]))
    if not trend.empty:
        _over_time_chart(writer, sheet, period, columns, trend, last, note + 2)


def _over_time_chart(
    writer: _Writer,
    sheet: Any,
    period: str,
    columns: list[_Column],
    trend: pd.DataFrame,
    last: int,
    at: int,
) -> None:
    """Return and cost per period as lines, a hollow point for a partial period."""
    _ = writer.chart_gettext
    name = writer.names["Over time"]
    ret, cost = _column_index(columns, "return"), _column_index(columns, "cost")
    partial = trend["partial"].astype(bool).tolist()
    chart = writer.book.add_chart({"type": "line"})
    for col, colour, dash in ((ret, RETURN_COLOUR, "solid"), (cost, COST_COLOUR, "dash")):
        chart.add_series(
            {
                "name": [name, 0, col],
                "categories": [name, 1, 0, last, 0],
                "values": [name, 1, col, last, col],
                "line": {"color": colour, "width": 2.25, "dash_type": dash},
                "smooth": False,
                "marker": {
                    "type": "circle",
                    "size": 6,
                    "fill": {"color": colour},
                    "border": {"color": colour},
                },
                "points": [
                    {"fill": {"color": "#ffffff"}, "border": {"color": colour, "width": 1.5}}
                    if is_partial
                    else None
                    for is_partial in partial
                ],
            }
        )
    chart.set_title({"name": _("Return and cost over time")})
    chart.set_x_axis(
        {
            "name": _(PERIOD_STARTING[period]),
            "text_axis": True,  # one label per period, not a tick per day
            "num_format": writer.axis_dates(period),
            "num_font": {"rotation": -45},
        }
    )
    chart.set_y_axis(
        {
            "name": writer.fill(_("Amount ({currency})"), currency=writer.currency),
            "num_format": _axis_format("money", writer.currency, writer.lang),
            "major_gridlines": {"visible": True, "line": {"color": "#d9d9d9"}},
        }
    )
    chart.set_legend({"position": "top"})
    chart.set_size({"width": 760, "height": 400})
    sheet.insert_chart(at, 0, chart, {"x_offset": 5, "y_offset": 5})
