"""`smroi whatif`: the plan's options, the JSON object and its plain-text table (the
contract is in smroi.cli's docstring)."""

from __future__ import annotations

import argparse
import math
from collections.abc import Mapping
from typing import Any

import pandas as pd

from smroi.budget_curves import (
    Estimate,
    Projection,
    change_total,
    current_plan,
    group_curves,
    move_share,
    outside_sentence,
    project,
    refusal_sentence,
    shift_sentence,
    total_sentence,
)
from smroi.currency import files_in_use, report_currency
from smroi.errors import SmroiError
from smroi.formatting import DASH, format_money
from smroi.ingest import ImportReport
from smroi.metrics import (
    analyse,
)
from smroi.registry import METRICS, OBJECTIVE_RESULTS
from smroi.settings import Settings


def plan_move(text: str) -> tuple[float, str, str]:
    """'20%:instagram:facebook' -> (0.2, "instagram", "facebook")."""
    parts = text.split(":")
    share_text = parts[0].strip().removesuffix("%") if parts else ""
    try:
        share = float(share_text) / 100
    except ValueError:
        share = math.nan
    if len(parts) != 3 or not 0 < share <= 1 or not parts[1].strip() or not parts[2].strip():
        raise argparse.ArgumentTypeError(
            f"--move takes SHARE%:FROM:TO, a share above 0% and at most 100% "
            f"(20%:instagram:facebook), not {text!r}"
        )
    return share, parts[1].strip(), parts[2].strip()


def plan_amount(text: str) -> float:
    """A weekly amount of 0 or more."""
    try:
        amount = float(text)
    except ValueError:
        amount = math.nan
    if not (amount >= 0 and math.isfinite(amount)):
        raise argparse.ArgumentTypeError(f"--total takes an amount of 0 or more, not {text!r}")
    return amount


def _estimate(value: Estimate | None) -> dict[str, float] | None:
    return None if value is None else {"value": value.value, "low": value.low, "high": value.high}


def what_if(
    table: pd.DataFrame,
    reports: list[ImportReport],
    settings: Settings,
    *,
    move: tuple[float, str, str] | None = None,
    total: float | None = None,
) -> dict[str, Any]:
    """The `whatif` JSON object: each platform's week under the plan, with its band."""
    currency, currency_notes = report_currency(settings.currency, files_in_use(reports))
    settings = settings.with_changes(currency=currency)
    analysis = analyse(table, settings)
    curves = group_curves(analysis, "platform")
    objective = settings.objective
    not_fitted: dict[str, dict[str, Any]] = {
        name: {
            "reason": curve.refusal,
            "weeks": curve.weeks,
            "spread": curve.spread,
            "why": refusal_sentence(curve, objective),
        }
        for name, curve in curves.items()
        if curve.refusal is not None
    }
    plan = current_plan(curves)
    for name in move[1:] if move else ():
        if name not in curves:
            raise SmroiError(f"--move names {name}, which has no paid rows with ad spend")
        if name not in plan:
            raise SmroiError(f"--move: {not_fitted[name]['why']}")
    if not plan:
        raise SmroiError(
            "no platform's curve can be told: "
            + " ".join(item["why"] for item in not_fitted.values())
            if not_fitted
            else "no paid rows with dates and ad spend to fit a curve to"
        )
    if move:
        try:
            plan = move_share(plan, *move)
        except ValueError as exc:
            raise SmroiError(f"--move: {exc}") from exc
    if total is not None:
        plan = change_total(plan, total)
    projection = project(curves, plan)
    if move and total is None:
        sentence = shift_sentence(projection, move[1], move[2], move[0], currency)
    else:
        sentence = total_sentence(projection, currency)
    warnings = [line for report in reports for line in report.summary()]
    warnings += currency_notes + list(analysis.warnings)
    outside = [row.group for row in projection.groups if row.outside]
    if outside:
        warnings.append(outside_sentence(outside))
    return {
        "currency": currency,
        "objective": objective,
        "results": OBJECTIVE_RESULTS[objective][0],
        "plan": {
            "move": {"share": move[0], "from": move[1], "to": move[2]} if move else None,
            "total": total,
        },
        "platforms": {row.group: _platform_week(row, curves) for row in projection.groups},
        "not_fitted": not_fitted,
        "total": _total_week(projection),
        "sentence": sentence,
        "warnings": warnings,
    }


def _platform_week(row: Any, curves: Mapping[str, Any]) -> dict[str, Any]:
    curve = curves[row.group]
    money = curve.money
    return {
        "weeks": curve.weeks,
        "spend_now": row.spend_now,
        "spend_planned": row.spend_planned,
        "curve": {
            "results": {"a": curve.results.curve.a, "b": curve.results.curve.b},
            "return": None if money is None else {"a": money.curve.a, "b": money.curve.b},
        },
        "results": _estimate(row.results),
        "results_change": _estimate(row.results_change),
        "return": _estimate(row.return_),
        "profit": _estimate(row.profit),
        "profit_change": _estimate(row.profit_change),
        "outside": row.outside,
    }


def _total_week(projection: Projection) -> dict[str, Any]:
    return {
        "spend_now": projection.spend_now,
        "spend_planned": projection.spend_planned,
        "results": _estimate(projection.results),
        "results_change": _estimate(projection.results_change),
        "return": _estimate(projection.return_),
        "profit": _estimate(projection.profit),
        "profit_change": _estimate(projection.profit_change),
    }


def what_if_text(result: dict[str, Any]) -> str:
    """The `whatif` result as a table a person reads: one line per platform, then the total."""
    currency = result["currency"]
    results_label = METRICS[result["results"]].label

    def money(value: float | None) -> str:
        return format_money(value, currency)

    def banded(estimate: dict[str, float] | None, unit: str) -> str:
        if estimate is None:
            return DASH
        shown = money if unit == "money" else (lambda value: f"{value:,.1f}")
        return f"{shown(estimate['value'])} ({shown(estimate['low'])} to {shown(estimate['high'])})"

    header = (
        "platform",
        "ad spend now",
        "ad spend planned",
        f"{results_label} a week",
        "profit a week (return - ad spend)",
    )
    rows_ = [header]
    for name, week in [*result["platforms"].items(), ("total", result["total"])]:
        name_shown = f"{name} (far from its weeks)" if week.get("outside") else name
        rows_.append(
            (
                name_shown,
                money(week["spend_now"]),
                money(week["spend_planned"]),
                banded(week["results"], "count"),
                banded(week["profit"], "money"),
            )
        )
    widths = [max(len(line[i]) for line in rows_) for i in range(len(header))]
    out = ["A week under the plan, each number with its 90% band (5th to 95th percentile):", ""]
    out += [
        "  ".join(cell.ljust(width) for cell, width in zip(line, widths, strict=True)).rstrip()
        for line in rows_
    ]
    out += ["", result["sentence"]]
    if result["not_fitted"]:
        reasons = [f"- {item['why']}" for item in result["not_fitted"].values()]
        out += ["", "Not projected:", *reasons]
    if result["warnings"]:
        out += ["", "Warnings:"] + [f"- {line}" for line in result["warnings"]]
    return "\n".join(out)
