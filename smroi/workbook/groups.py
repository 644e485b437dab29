"""The By platform, By campaign and By element sheets, and the platform charts."""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import pandas as pd

from smroi.metrics import Analysis, by_group
from smroi.workbook._writer import (
    COST_COLOUR,
    LEVEL_NAMES,
    RETURN_COLOUR,
    _axis_format,
    _Column,
    _column_index,
    _metric_columns,
    _Writer,
)


def _groups(analysis: Analysis, level: str, limit: int) -> tuple[pd.DataFrame, int]:
    """Every metric per platform, campaign or post/ad, the highest total cost first (then the
    highest return, then by name); at most `limit` (MAX_GROUP_ROWS) of them, and how many
    there are."""
    frame = by_group(analysis, level)
    if frame.empty:
        frame = frame.assign(**{level: pd.Series(dtype="object")})
    order = (
        frame.assign(_name=frame[level].astype(str))
        .sort_values(["cost", "return", "_name"], ascending=[False, False, True], kind="stable")
        .index
    )
    frame = frame.loc[order].reset_index(drop=True)
    return frame.head(limit), len(frame)


def _group_sheet(
    writer: _Writer, name: str, analysis: Analysis, level: str, frame: pd.DataFrame, total: int
) -> None:
    _ = writer.gettext
    sheet = writer.sheet(name)
    labels = [_Column(_(LEVEL_NAMES[level]), level, "text")]
    columns = labels + _metric_columns(frame, analysis.settings, writer.lang)
    widths: dict[int, int] = {}
    last = writer.table(sheet, 0, columns, frame, widths)
    writer.freeze_header(sheet, 0, len(labels))
    sheet.autofilter(0, 0, last, len(columns) - 1)
    writer.set_widths(sheet, widths)
    sheet.set_row(0, 45)
    if len(frame) < total:
        writer.text(
            sheet,
            last + 2,
            0,
            writer.fill(
                _(
                    "The {shown} with the highest total cost, of {total}; the Data sheet has "
                    "every row."
                ),
                shown=writer.count(len(frame)),
                total=writer.count(total),
            ),
            writer.bold,
        )
    if level == "platform" and len(frame):
        _platform_charts(writer, sheet, writer.names[name], columns, frame, last)


def _platform_charts(
    writer: _Writer,
    sheet: Any,
    name: str,
    columns: list[_Column],
    frame: pd.DataFrame,
    last: int,
) -> None:
    currency = writer.currency
    _ = writer.chart_gettext
    ret, cost, roi = (_column_index(columns, key) for key in ("return", "cost", "roi_pct"))
    categories = [name, 1, 0, last, 0]
    chart = writer.book.add_chart({"type": "column"})
    for col, colour in ((ret, RETURN_COLOUR), (cost, COST_COLOUR)):
        chart.add_series(
            {
                "name": [name, 0, col],
                "categories": categories,
                "values": [name, 1, col, last, col],
                "fill": {"color": colour},
                "border": {"color": colour},
                "gap": 80,
            }
        )
    chart.set_title({"name": _("Return vs cost by platform")})
    chart.set_x_axis({"name": _("Platform")})
    chart.set_y_axis(
        {
            "name": writer.fill(_("Amount ({currency})"), currency=currency),
            "num_format": _axis_format("money", currency, writer.lang),
            "major_gridlines": {"visible": True, "line": {"color": "#d9d9d9"}},
        }
    )
    chart.set_legend({"position": "top"})
    chart.set_size({"width": 640, "height": 380})
    anchor = last + 3
    writer.text(sheet, anchor - 1, 0, writer.gettext("Charts"), writer.section)  # a cell
    sheet.insert_chart(anchor, 0, chart, {"x_offset": 5, "y_offset": 5})

    roi_values = frame["roi_pct"].to_numpy(dtype="float64", na_value=np.nan)
    if not np.isfinite(roi_values).any():
        writer.text(
            sheet,
            anchor,
            9,
            writer.gettext("No platform has a cost, so there is no ROI to chart."),
            writer.bold,
        )
        return
    points = [
        {"fill": {"color": RETURN_COLOUR if value >= 0 else COST_COLOUR}}
        if math.isfinite(value)
        else None
        for value in roi_values
    ]
    bars = writer.book.add_chart({"type": "bar"})
    bars.add_series(
        {
            "name": [name, 0, roi],
            "categories": categories,
            "values": [name, 1, roi, last, roi],
            "points": points,
            "gap": 60,
            "data_labels": {
                "value": True,
                "num_format": _axis_format("percent", currency, writer.lang),
            },
        }
    )
    bars.set_title({"name": _("ROI by platform")})
    # in a bar chart, x is the value axis (across) and y the category axis (down)
    bars.set_x_axis(
        {
            "name": _("ROI (%)"),
            "num_format": _axis_format("percent", currency, writer.lang),
            "major_gridlines": {"visible": True, "line": {"color": "#d9d9d9"}},
        }
    )
    # the first platform on top, as in the table, with the ROI axis still at the bottom
    bars.set_y_axis(
        {"name": _("Platform"), "reverse": True, "crossing": "max", "label_position": "low"}
    )
    bars.set_legend({"none": True})
    bars.set_size({"width": 560, "height": 380})
    sheet.insert_chart(anchor, 0, bars, {"x_offset": 665, "y_offset": 5})
