"""The Summary sheet: headline numbers, what they mean, and the settings behind them."""

from __future__ import annotations

import json
import math
from collections.abc import Callable
from datetime import date
from typing import Any

import pandas as pd

from smroi.formatting import is_undefined
from smroi.i18n import DEFAULT_LANGUAGE, N_, fill
from smroi.i18n import translator as gettext_of
from smroi.metrics import Analysis, headline
from smroi.registry import (
    METRICS,
    SUMMARY_KEYS,
    cost_per_result_label,
    metric_formula,
    metric_help_text,
    metric_label,
)
from smroi.settings import COST_LINE_LABELS, COST_LINES, Settings, settings_to_dict
from smroi.workbook._writer import MAX_WIDTH, MIN_WIDTH, TITLE, _Column, _Writer

PER_PERIOD: dict[str, str] = {
    "day": N_("per day"),
    "week": N_("per week"),
    "month": N_("per month"),
    "quarter": N_("per quarter"),
    "year": N_("per year"),
}
OBJECTIVE_NAMES: dict[str, str] = {  # a setting's value: the objective's key, as in settings
    "awareness": N_("awareness"),
    "engagement": N_("engagement"),
    "leads": N_("leads"),
    "sales": N_("sales"),
}


def _summary_sheet(
    writer: _Writer,
    analysis: Analysis,
    settings: Settings,
    start: date | None,
    end: date | None,
    platforms: list[str] | None,
    rows_used: int,
    notes: list[str],
) -> None:
    sheet = writer.sheet("Summary")
    _ = writer.gettext
    lang = writer.lang
    writer.text(sheet, 0, 0, _(TITLE), writer.title)
    # Translators: the platforms the report covers: "all" or "none" of them
    everything, nothing = _("all"), _("none")
    shown_platforms = everything if platforms is None else ", ".join(platforms) or nothing
    info: list[tuple[str, Callable[[int], None]]] = [
        (_("Period start"), lambda r: writer.day(sheet, r, 1, analysis.first_day or start)),
        (_("Period end"), lambda r: writer.day(sheet, r, 1, analysis.last_day or end)),
        (_("Months covered"), lambda r: writer.number(sheet, r, 1, analysis.months, "months")),
        (_("Currency"), lambda r: writer.text(sheet, r, 1, settings.currency)),
        (_("Platforms"), lambda r: writer.text(sheet, r, 1, shown_platforms)),
        (_("Rows used"), lambda r: writer.number(sheet, r, 1, rows_used, "count")),
    ]
    row = 2
    for label, write in info:
        writer.text(sheet, row, 0, label, writer.bold)
        write(row)
        row += 1
    for note in notes:
        writer.text(sheet, row, 0, note, writer.bold)
        row += 1
    top = row + 1
    totals = headline(analysis)
    metrics = pd.DataFrame(
        {
            "label": [metric_label(key, lang) for key in SUMMARY_KEYS],
            "formula": [metric_formula(key, lang) for key in SUMMARY_KEYS],
            "help": [_help(key, lang) for key in SUMMARY_KEYS],
        }
    )
    columns = [
        _Column(_("Metric"), "label", "text"),
        _Column(_("Value"), "label", "header only"),  # written below, each in its unit
        _Column(_("Formula in words"), "formula", "text"),
        _Column(_("What it means"), "help", "text"),
    ]
    widths: dict[int, int] = {}
    last = writer.table(sheet, top, columns, metrics, widths)
    widest = 0
    for offset, key in enumerate(SUMMARY_KEYS, start=top + 1):
        writer.number(sheet, offset, 1, totals[key], METRICS[key].unit)
        if not is_undefined(totals[key]):
            widest = max(widest, len(writer.shown(totals[key], METRICS[key].unit)))
    widths[1] = max(MIN_WIDTH + 6, widest + 2)
    for offset, record in enumerate(metrics.itertuples(), start=top + 1):
        lines = max(  # wrapped text needs a taller row: no spreadsheet sizes it on opening
            math.ceil(len(record.formula) / max(widths.get(2, MAX_WIDTH) - 1, 1)),
            math.ceil(len(record.help) / max(widths.get(3, MAX_WIDTH) - 1, 1)),
        )
        if lines > 1:
            sheet.set_row(offset, 15 * lines)
            writer.text(sheet, offset, 0, record.label, writer.top)  # beside its first line
    writer.freeze_header(sheet, top, 1)
    sheet.autofilter(top, 0, last, len(columns) - 1)

    row = last + 2
    writer.text(sheet, row, 0, _("Settings that produced these numbers"), writer.section)
    row += 1
    for col, header in enumerate((_("Setting"), _("Value"), _("Applies to / note"))):
        writer.text(sheet, row, col, header, writer.header)
    for label, value, unit, note in settings_rows(settings, writer):
        row += 1
        writer.text(sheet, row, 0, label)
        if unit:
            writer.number(sheet, row, 1, value, unit)
        else:
            writer.text(sheet, row, 1, value)
        writer.text(sheet, row, 2, note)
        widths[0] = max(widths.get(0, 0), min(len(label) + 2, MAX_WIDTH))
    row += 1
    writer.text(sheet, row, 0, _("Settings file (JSON)"))
    settings_json = json.dumps(settings_to_dict(settings), ensure_ascii=False)
    # one wrapped cell across Value … What it means, so a long text does not widen the page
    sheet.merge_range(row, 1, row, 3, "", writer.wrap)
    sheet.write_string(row, 1, settings_json, writer.wrap)
    sheet.set_row(row, 15 * (1 + len(settings_json) // 110))
    writer.text(
        sheet, row + 1, 1, _("Save this text as a .json file to load the same settings in smroi.")
    )
    writer.set_widths(sheet, widths, wrap=(2, 3))
    sheet.set_column(1, 1, widths[1], writer.top)


def _help(key: str, lang: str = DEFAULT_LANGUAGE) -> str:
    """What a metric means in `lang`, and whether it counts paid rows only or is estimated."""
    metric = METRICS[key]
    _ = gettext_of(lang)
    notes = [metric_help_text(key, lang)]
    if metric.paid_only:
        notes.append(_("Paid rows only."))
    if metric.estimated:
        notes.append(_("Estimated."))
    return " ".join(notes)


class SettingsWords:
    """What `settings_rows` needs to word a setting in a language (a _Writer has it too)."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.gettext = gettext_of(lang)

    def fill(self, message: str, /, **fields: object) -> str:
        """A translated message with its fields (already formatted) filled in."""
        return fill(message, self.lang, **fields)


def settings_rows(
    settings: Settings, writer: _Writer | SettingsWords
) -> list[tuple[str, Any, str, str]]:
    """(setting, value, unit or "" for text, note) for every setting behind the numbers, in
    the report's language (the workbook's, or the PDF's)."""
    _ = writer.gettext
    lang = writer.lang
    costs, values, earned = settings.costs, settings.values, settings.earned_media
    yes, no = _("yes"), _("no")
    objective = settings.objective
    rows: list[tuple[str, Any, str, str]] = [
        (
            _("Objective"),
            _(OBJECTIVE_NAMES[objective]) if objective in OBJECTIVE_NAMES else objective,
            "",
            cost_per_result_label(objective, lang),
        ),
        (_("Currency"), settings.currency, "", ""),
        (_("Hours spent per month"), costs.labour_hours_per_month, "general", ""),
        (_("Hourly rate"), costs.hourly_rate, "money", ""),
    ]
    for line in COST_LINES:
        platform = costs.assigned_to.get(line)
        if platform:
            note = writer.fill(_("{platform} only"), platform=platform)
        else:
            note = _("all platforms, shared by ad spend")
        label = writer.fill(_("{cost} per month"), cost=_(COST_LINE_LABELS[line]))
        rows.append((label, costs.monthly()[line], "money", note))
    counting = {
        None: _("automatic: only on rows whose sales are not tracked"),
        True: _("yes, on every row"),
        False: no,
    }[values.count_lead_value]
    rows += [
        (_("Value per lead"), values.value_per_lead, "money", ""),
        (
            _("Average order value"),
            values.average_order_value,
            "money",
            _("for sales without revenue"),
        ),
        (
            _("Gross margin"),
            _("not set: sales count at their full value")
            if values.gross_margin_pct is None
            else values.gross_margin_pct,
            "" if values.gross_margin_pct is None else "percent",
            _("where a row has no cost of goods"),
        ),
        (_("Value per engagement"), values.value_per_engagement, "money", ""),
        (_("Value per new follower"), values.value_per_follower, "money", ""),
        (_("Count lead value in return"), counting, "", ""),
        (
            _("Count earned media value in return and ROI"),
            yes if earned.include_in_roi else no,
            "",
            "",
        ),
    ]
    names = sorted(earned.rates, key=lambda name: (name != "default", name))
    for name in names:
        rate = earned.rates[name]
        where = _("every other platform") if name == "default" else name
        rows += [
            (_("Earned media: CPM (per 1,000 impressions)"), rate.cpm, "money", where),
            (_("Earned media: CPC (per click)"), rate.cpc, "money", where),
            (_("Earned media: CPE (per engagement)"), rate.cpe, "money", where),
        ]
    for goal in settings.goals:
        metric = METRICS.get(goal.metric)
        label = metric_label(goal.metric, lang) if metric else goal.metric
        unit = metric.unit if metric else "general"
        per = _(PER_PERIOD[goal.period]) if goal.period in PER_PERIOD else f"per {goal.period}"
        rows.append((writer.fill(_("Goal: {metric}"), metric=label), goal.target, unit, per))
    for header, column in settings.column_map.items():
        rows.append(
            (
                writer.fill(_("File column {header}"), header=repr(header)),
                column or _("not used"),
                "",
                _("read as"),
            )
        )
    return rows
