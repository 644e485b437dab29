"""`smroi summary`: the JSON object of the headline numbers and its plain-text table
(the contract is in smroi.cli's docstring and docs/DESIGN.md)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pandas as pd

from smroi.claimed_sales import compare_claims, comparison_json, recorded_files
from smroi.currency import files_in_use, report_currency
from smroi.formatting import DASH, format_money
from smroi.goals import format_pace, goal_status
from smroi.i18n import _
from smroi.ingest import ImportReport
from smroi.intervals import LEVEL, intervals_of
from smroi.metric_format import format_metric
from smroi.metrics import (
    Analysis,
    analyse,
    by_group,
    headline,
    over_time,
    paid_counts,
)
from smroi.registry import METRICS, SUMMARY_KEYS
from smroi.settings import Settings


def summarise(
    table: pd.DataFrame,
    reports: list[ImportReport],
    settings: Settings,
    *,
    by: list[str] | None = None,
    period: str | None = None,
) -> dict[str, Any]:
    """The JSON object of docs/DESIGN.md's CLI contract, with `groups` when grouped `by`
    columns, `periods` for a `period`, and `goals` when the settings have goals."""
    currency, currency_notes = report_currency(settings.currency, files_in_use(reports))
    settings = settings.with_changes(currency=currency)
    recorded_from = recorded_files(reports)
    analysis = analyse(table, settings, recorded_from=recorded_from)
    warnings = [line for report in reports for line in report.summary()]
    warnings += currency_notes
    warnings += list(analysis.warnings)
    totals = headline(analysis)
    before = totals["sales_value_before_cost_of_goods"]
    if before is not None and before > 0:
        warnings.append(
            _(
                "ROI, profit and return count {amount} of sales at their full value, before the "
                "cost of goods: set values.gross_margin_pct in the settings to count the gross "
                "profit instead.",
                amount=format_money(before, currency),
            )
        )
    result: dict[str, Any] = {
        "rows_read": sum(report.rows_read for report in reports),
        "rows_used": sum(report.rows_used for report in reports),
        "warnings": warnings,
        "currency": currency,
        "period": {
            "start": analysis.first_day.isoformat() if analysis.first_day else None,
            "end": analysis.last_day.isoformat() if analysis.last_day else None,
        },
        "totals": _keys(totals),
        "by_platform": _by_platform(analysis),
        "intervals": _intervals(analysis, totals),
    }
    if by:
        result["groups"] = _groups(analysis, by)
    if period:
        result["periods"] = _periods(analysis, period)
    if settings.goals:
        result["goals"] = [goal_status(analysis, goal) for goal in settings.goals]
    claims = compare_claims(
        table,
        average_order_value=settings.values.average_order_value,
        recorded_from=recorded_from,
    )
    if claims is not None:
        result["claimed_vs_recorded"] = comparison_json(claims, currency, settings.values.roi_on)
    return result


def _keys(values: Mapping[str, Any]) -> dict[str, Any]:
    """The metric keys of `totals` from a row of metrics: None where undefined, int counts."""
    result: dict[str, float | int | None] = {}
    for key in SUMMARY_KEYS:
        value = values[key]
        if value is None or pd.isna(value):
            result[key] = None
        elif METRICS[key].unit == "count" and float(value).is_integer():
            result[key] = int(value)
        else:
            result[key] = float(value)
    return result


def _intervals(analysis: Analysis, totals: Mapping[str, Any]) -> dict[str, Any]:
    """Each rate's 90% interval: {"low", "high", "level"}, or None where it has none."""
    paid = paid_counts(analysis).iloc[0].to_dict()
    return {
        key: None if interval is None else {**interval._asdict(), "level": LEVEL}
        for key, interval in intervals_of(totals, paid, analysis.settings.objective).items()
    }


def _by_platform(analysis: Analysis) -> dict[str, dict[str, Any]]:
    frame = by_group(analysis, "platform")
    return {str(record["platform"]): _keys(record) for record in frame.to_dict("records")}


def _groups(analysis: Analysis, by: list[str]) -> list[dict[str, Any]]:
    frame = by_group(analysis, by)
    if frame.empty:
        return []
    return [
        {column: str(record[column]) for column in by} | _keys(record)
        for record in frame.to_dict("records")
    ]


def _periods(analysis: Analysis, period: str) -> list[dict[str, Any]]:
    frame = over_time(analysis, period)
    if frame.empty:
        return []
    return [
        {"period": record["period_start"].date().isoformat()}
        | _keys(record)
        | {"days": int(record["days"]), "partial": bool(record["partial"])}
        for record in frame.to_dict("records")
    ]


def summary_text(result: dict[str, Any]) -> str:
    currency = result["currency"]
    period = result["period"]
    lines = [
        f"rows read {result['rows_read']:,}, used {result['rows_used']:,}; "
        f"period {period['start'] or '?'} to {period['end'] or '?'}; currency {currency}",
        "",
    ]
    width = max(len(METRICS[key].label) for key in SUMMARY_KEYS)
    for key in SUMMARY_KEYS:
        lines.append(
            f"{METRICS[key].label:<{width}}  {format_metric(key, result['totals'][key], currency)}"
        )
    if result.get("goals"):
        lines += ["", "Goals:"] + [f"- {_goal_line(goal, currency)}" for goal in result["goals"]]
    claims = result.get("claimed_vs_recorded")
    if claims:
        said = claims["sentence"] if claims["compared"] else claims["reason"]
        lines += ["", f"Claimed against recorded (return counts the {claims['roi_on']} sales):"]
        lines.append(f"- {said}")
    if result["warnings"]:
        lines += ["", "Warnings:"] + [f"- {line}" for line in result["warnings"]]
    return "\n".join(lines)


def _goal_line(status: dict[str, Any], currency: str) -> str:
    """'Leads per month from 2026-04-01: 12 of 30 (40.0%); 0.90 a day needed, 20 days left'."""
    metric = status["metric"]
    label = METRICS[metric].label
    if status["period_start"] is None:
        return f"{label} per {status['period']}: no dated rows to measure it."
    progress = status["progress_pct"]
    line = (
        f"{label} per {status['period']} from {status['period_start']}: "
        f"{format_metric(metric, status['actual'], currency)} of "
        f"{format_metric(metric, status['target'], currency)}"
        f" ({DASH if progress is None else f'{progress:,.1f}%'})"
    )
    needed = status["needed_per_day"]
    if status["met"]:
        line += "; met"
    elif needed is not None:
        pace = format_pace(needed, metric, currency)
        line += f"; {pace} a day needed, {status['days_left']} days left"
    return line
