"""The Earned media sheet: the value ledger, the earned-media rates and the ledger's chart."""

from __future__ import annotations

import math
from typing import Any

import pandas as pd

from smroi.earned_media import ledger_totals, value_ledger
from smroi.i18n import N_
from smroi.metrics import Analysis, headline
from smroi.workbook._writer import MIN_WIDTH, RETURN_COLOUR, _axis_format, _Column, _Writer

LEDGER_KINDS: dict[str, str] = {"cash": N_("cash"), "estimated": N_("estimated")}
ESTIMATE_COLOUR = "#F9A825"


def _earned_media_sheet(writer: _Writer, analysis: Analysis) -> None:
    """The value ledger (cash and estimated lines, with formulas), the earned-media rates,
    and a native chart of the ledger."""
    _ = writer.gettext
    sheet = writer.sheet("Earned media")
    settings = analysis.settings
    totals = headline(analysis)
    lines = value_ledger(totals, settings, analysis.months, lang=writer.lang, digits=writer.digits)
    yes, no = _("yes"), _("no")
    labels = [line.label for line in lines]
    kinds = [
        _(LEDGER_KINDS[line.kind]) if line.kind in LEDGER_KINDS else line.kind for line in lines
    ]
    formulas = [line.formula for line in lines]
    frame = pd.DataFrame(
        {
            "label": labels,
            "kind": kinds,
            "amount": [line.amount for line in lines],
            "in_roi": [yes if line.in_roi else no for line in lines],
            "formula": formulas,
        }
    )
    columns = [
        _Column(_("Line"), "label", "text"),
        _Column(_("Kind"), "kind", "text"),
        _Column(
            writer.fill(_("Amount ({currency})"), currency=writer.currency),
            "amount",
            "number",
            "money",
        ),
        _Column(_("Counted in ROI"), "in_roi", "text"),
        _Column(_("How it is worked out"), "formula", "text"),
    ]
    widths: dict[int, int] = {}
    last = writer.table(sheet, 0, columns, frame, widths)
    writer.freeze_header(sheet, 0, 1)
    sheet.autofilter(0, 0, last, len(columns) - 1)
    sums = ledger_totals(lines, float(totals["cost"] or 0.0))
    row = last + 2
    for label, key in (
        (_("Cash return"), "cash"),
        (_("Estimated value"), "estimated"),
        (_("Total cost"), "cost"),
        (_("Net value with estimates (not ROI: most of it is not money)"), "net_with_estimates"),
    ):
        writer.text(sheet, row, 0, label, writer.bold)
        writer.number(sheet, row, 2, sums[key], "money")
        row += 1
    row += 1
    writer.text(sheet, row, 0, _("Earned-media rates (organic rows)"), writer.section)
    rates = pd.DataFrame(
        [
            {
                "platform": _("default") if platform == "default" else platform,
                "cpm": rate.cpm,
                "cpc": rate.cpc,
                "cpe": rate.cpe,
            }
            for platform, rate in settings.earned_media.rates.items()
        ]
    )
    rate_columns = [
        _Column(_("Platform"), "platform", "text"),
        _Column(_("CPM (per 1,000 impressions)"), "cpm", "number", "money"),
        _Column(_("CPC (per click)"), "cpc", "number", "money"),
        _Column(_("CPE (per engagement)"), "cpe", "number", "money"),
    ]
    writer.table(sheet, row + 1, rate_columns, rates, widths)
    widths[4] = max(widths.get(4, MIN_WIDTH), 60)
    writer.set_widths(sheet, widths, wrap=(4,))
    sheet.set_row(0, 30)
    for offset, line in enumerate(lines, start=1):  # wrapped formulas need taller rows
        formula = formulas[offset - 1]
        sheet.set_row(offset, 15 * max(1, math.ceil(len(formula) / (widths[4] - 1))))
        for col, text in enumerate((labels[offset - 1], kinds[offset - 1])):  # beside the top line
            writer.text(sheet, offset, col, text, writer.top)
        writer.text(sheet, offset, 3, yes if line.in_roi else no, writer.top)
    sheet.set_row(row + 1, 30)
    if any(line.amount for line in lines):  # no chart over zeros
        _ledger_chart(writer, sheet, lines, last, len(columns) + 1)


def _ledger_chart(writer: _Writer, sheet: Any, lines: list[Any], last: int, col: int) -> None:
    """The ledger's amounts as bars: cash green, estimates yellow."""
    _ = writer.chart_gettext
    name = writer.names["Earned media"]
    chart = writer.book.add_chart({"type": "bar"})
    colours = {"cash": RETURN_COLOUR, "estimated": ESTIMATE_COLOUR}
    chart.add_series(
        {
            "name": [name, 0, 2],
            "categories": [name, 1, 0, last, 0],
            "values": [name, 1, 2, last, 2],
            "points": [{"fill": {"color": colours[line.kind]}} for line in lines],
            "gap": 60,
        }
    )
    chart.set_title({"name": _("The value ledger: cash (green) and estimates (yellow)")})
    chart.set_x_axis(
        {
            "name": writer.fill(_("Amount ({currency})"), currency=writer.currency),
            "num_format": _axis_format("money", writer.currency, writer.lang),
            "major_gridlines": {"visible": True, "line": {"color": "#d9d9d9"}},
        }
    )
    chart.set_y_axis(
        {"name": _("Line"), "reverse": True, "crossing": "max", "label_position": "low"}
    )
    chart.set_legend({"none": True})
    chart.set_size({"width": 720, "height": 400})
    sheet.insert_chart(1, col, chart, {"x_offset": 10, "y_offset": 5})
