"""`smroi attribution`: the JSON object and the table it prints (docs in smroi.cli)."""

from __future__ import annotations

import argparse
import math
from typing import Any

from smroi.attribution import (
    MODELS,
    NO_TOUCH,
    Attribution,
)


def attribution_result(result: Attribution) -> dict[str, Any]:
    """The JSON object of `smroi attribution --json`: model, by_channel (channel ->
    conversions, value; the attributed conversions only), unattributed (the conversions
    with no touch in their window) and warnings."""
    return {
        "model": result.model,
        "by_channel": {
            str(row["channel"]): {
                "conversions": float(row["conversions"]),
                "value": float(row["value"]),
            }
            for row in result.by_channel.to_dict("records")
        },
        "unattributed": {
            "conversions": result.unattributed_conversions,
            "value": result.unattributed_value,
        },
        "warnings": list(result.warnings),
    }


def attribution_text(result: dict[str, Any], args: argparse.Namespace) -> str:
    """The by-channel table: channel, conversions, value, a total and the unattributed."""
    model = MODELS[result["model"]]
    if result["model"] == "time_decay":
        model += f", half-life {args.half_life_days:g} days"
    rows = [(channel, v["conversions"], v["value"]) for channel, v in result["by_channel"].items()]
    total = (
        "total",
        sum(conversions for _, conversions, _ in rows),
        sum(value for _, _, value in rows),
    )
    lost = result["unattributed"]
    rows_shown = [*rows, total]
    if lost["conversions"]:
        rows_shown.append((NO_TOUCH, lost["conversions"], lost["value"]))
    width = max(len("channel"), *(len(str(row[0])) for row in rows_shown))
    lines = [
        f"{model}; "
        + (
            f"lookback {args.lookback_days:g} days"
            if math.isfinite(args.lookback_days)
            else "no lookback limit"
        ),
        "",
        f"{'channel':<{width}}  {'conversions':>11}  {'value':>14}",
    ]
    for index, (channel, conversions, value) in enumerate(rows_shown):
        if index == len(rows):
            lines.append("-" * (width + 29))
        lines.append(f"{channel:<{width}}  {conversions:>11,.2f}  {value:>14,.2f}")
    if result["warnings"]:
        lines += ["", "Warnings:"] + [f"- {line}" for line in result["warnings"]]
    return "\n".join(lines)
