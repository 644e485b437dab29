"""What the user has not told us yet that changes the answer: costs, margin, what a lead or
an order is worth. The Overview asks for each, with one click to the place to enter it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from smroi.formatting import is_undefined
from smroi.i18n import _, _n
from smroi.metrics import Analysis


@dataclass(frozen=True)
class MissingInput:
    """One thing to enter, and the sentence that asks for it (a translatable Message)."""

    key: str  # "costs", "margin", "lead_value" or "order_value", asked in that order
    message: str


def _positive(value: Any) -> bool:
    return not is_undefined(value) and value > 0


def missing_inputs(analysis: Analysis, totals: dict[str, Any]) -> list[MissingInput]:
    """What to ask the user for, given the rows in view and their headline numbers."""
    settings, missing = analysis.settings, []
    if not any(settings.costs.monthly().values()):
        if _positive(totals.get("spend")):
            text = _(
                "Only ad spend is counted: add what else social media costs you each month "
                "(your hours, tools, an agency)."
            )
        else:
            text = _(
                "No costs are counted: your files report no ad spend and no monthly costs "
                "are entered. Add what social media costs you each month."
            )
        missing.append(MissingInput("costs", text))
    if _positive(totals.get("sales_value_before_cost_of_goods")):
        text = _(
            "Sales are counted at their full value, before the cost of goods: set your gross "
            "margin to count what they leave you."
        )
        missing.append(MissingInput("margin", text))
    values = settings.values
    leads = totals.get("leads")
    if _positive(leads) and values.value_per_lead == 0 and values.count_lead_value is not False:
        count = int(leads or 0)
        text = _n(
            "Your files have {count:,} lead, worth nothing in return until you say what a "
            "lead is worth to you.",
            "Your files have {count:,} leads, worth nothing in return until you say what a "
            "lead is worth to you.",
            count,
            count=count,
        )
        missing.append(MissingInput("lead_value", text))
    rows = analysis.rows
    untracked = rows.loc[rows["revenue"].isna(), "conversions"].sum() if len(rows) else 0
    if untracked > 0 and values.average_order_value == 0:
        count = int(untracked)
        text = _n(
            "{count:,} sale has no revenue figure and counts as 0 until you set your average "
            "order value.",
            "{count:,} sales have no revenue figure and count as 0 until you set your average "
            "order value.",
            count,
            count=count,
        )
        missing.append(MissingInput("order_value", text))
    return missing
