"""The Goals sheet: each goal per period, this period against the one before, the review."""

from __future__ import annotations

from datetime import date
from typing import Any

import numpy as np
import pandas as pd

from smroi.errors import SettingsError
from smroi.formatting import format_day, unit_label
from smroi.goals import (
    LOWER_IS_BETTER,
    budget_shift,
    compare_with_previous,
    goal_periods,
    goal_sentence,
    goal_status,
    goal_title,
    ranking,
    review,
)
from smroi.i18n import N_
from smroi.metrics import Analysis, by_group
from smroi.registry import METRICS, cost_per_result_label, metric_label
from smroi.settings import Goal
from smroi.workbook._writer import (
    COST_COLOUR,
    LEVEL_NAMES,
    PERIOD_STARTING,
    RETURN_COLOUR,
    _axis_format,
    _Column,
    _Layout,
    _metric_name,
    _Writer,
)

# Words for a period (a trend's or a goal's), whole, so each language words its own grammar.
PERIOD_WORDS: dict[str, str] = {
    "day": N_("day"),
    "week": N_("week"),
    "month": N_("month"),
    "quarter": N_("quarter"),
    "year": N_("year"),
}
PERIOD_NAMES: dict[str, str] = {  # an axis title
    "day": N_("Day"),
    "week": N_("Week"),
    "month": N_("Month"),
    "quarter": N_("Quarter"),
    "year": N_("Year"),
}
LATEST_PERIOD: dict[str, str] = {
    "day": N_("Latest day"),
    "week": N_("Latest week"),
    "month": N_("Latest month"),
    "quarter": N_("Latest quarter"),
    "year": N_("Latest year"),
}
PERIOD_BEFORE: dict[str, str] = {
    "day": N_("Day before"),
    "week": N_("Week before"),
    "month": N_("Month before"),
    "quarter": N_("Quarter before"),
    "year": N_("Year before"),
}
GOAL_CHART_TITLES: dict[str, str] = {
    "day": N_("{metric} per day against the target"),
    "week": N_("{metric} per week against the target"),
    "month": N_("{metric} per month against the target"),
    "quarter": N_("{metric} per quarter against the target"),
    "year": N_("{metric} per year against the target"),
}


NO_GOALS = N_("No goals set. Add them on the Your business page, under Goals.")
GOAL_CHART_ROWS = 17  # rows a goal's chart takes (320 pixels)
NOT_MET_COLOUR = "#9e9e9e"


def _goals_sheet(writer: _Writer, analysis: Analysis, period: str) -> None:
    """Each goal against its target per period, with a chart; this period against the one
    before; and the platforms ranked by ROI, with the review's sentences."""
    _ = writer.gettext
    sheet = writer.sheet("Goals")
    layout = _Layout(writer, sheet)
    layout.heading(_("Goals"))
    goals = analysis.settings.goals
    if not goals:
        layout.sentence(_(NO_GOALS))
    for number, goal in enumerate(goals, start=1):
        layout.gap()
        _goal_block(writer, layout, writer.names["Goals"], analysis, goal, number)
    layout.gap()
    _comparison(writer, layout, analysis, period)
    layout.gap()
    _review(writer, layout, analysis)
    layout.finish()


def _goal_block(
    writer: _Writer, layout: _Layout, name: str, analysis: Analysis, goal: Goal, number: int
) -> None:
    _ = writer.gettext
    currency = writer.currency
    lang, digits = writer.lang, writer.digits
    layout.heading(goal_title(goal, currency, lang=lang, digits=digits), writer.bold)
    try:
        periods = goal_periods(analysis, goal)
    except SettingsError as error:
        problems = "; ".join(writer.core(problem) for problem in error.problems)
        layout.sentence(
            writer.fill(_("This goal cannot be tracked: {problems}."), problems=problems)
        )
        return
    status = goal_status(analysis, goal, periods)
    layout.sentence(goal_sentence(status, currency, lang=lang, digits=digits)[1])
    metric = METRICS[goal.metric]
    ceiling = goal.metric in LOWER_IS_BETTER
    yes, no = _("yes"), _("no")
    frame = periods.assign(
        met_text=np.where(periods["met"], yes, no),
        partial_text=np.where(periods["partial"], yes, no),
    )
    columns = [
        _Column(_(PERIOD_STARTING[goal.period]), "period_start", "date"),
        _Column(_("Actual"), "actual", "number", metric.unit),
        _Column(_("Target"), "target", "number", metric.unit),
        _Column(
            _("Progress (% of the limit)") if ceiling else _("Progress (% of the target)"),
            "progress_pct",
            "number",
            "percent",
        ),
        _Column(_("Within the limit") if ceiling else _("Met"), "met_text", "text"),
        _Column(_("Days covered"), "days", "number", "count"),
        _Column(_("Partial period"), "partial_text", "text"),
    ]
    top, last = layout.table(columns, frame, f"Goal_{number}")
    actual = pd.to_numeric(frame["actual"], errors="coerce").to_numpy(dtype="float64")
    if not np.isfinite(actual).any():
        return  # nothing to chart: no chart over empty cells
    _goal_chart(writer, layout.sheet, name, goal, frame, top, last, len(columns) + 1)
    layout.row = max(layout.row, top + GOAL_CHART_ROWS + 1)


def _goal_chart(
    writer: _Writer,
    sheet: Any,
    name: str,
    goal: Goal,
    frame: pd.DataFrame,
    top: int,
    last: int,
    col: int,
) -> None:
    """Actual per period as columns (green where met, pale where partial), the target as a
    dashed line on the same axes."""
    _ = writer.chart_gettext
    metric = METRICS[goal.metric]
    label = metric_label(goal.metric, writer.lang)
    categories = [name, top + 1, 0, last, 0]
    columns = writer.book.add_chart({"type": "column"})
    columns.add_series(
        {
            "name": [name, top, 1],
            "categories": categories,
            "values": [name, top + 1, 1, last, 1],
            "fill": {"color": NOT_MET_COLOUR},
            "points": [
                {
                    "fill": {
                        "color": RETURN_COLOUR if met else NOT_MET_COLOUR,
                        "transparency": 55 if partial else 0,
                    }
                }
                for met, partial in zip(frame["met"], frame["partial"], strict=True)
            ],
            "gap": 60,
        }
    )
    line = writer.book.add_chart({"type": "line"})
    line.add_series(
        {
            "name": [name, top, 2],
            "categories": categories,
            "values": [name, top + 1, 2, last, 2],
            "line": {"color": COST_COLOUR, "width": 2, "dash_type": "dash"},
            "marker": {"type": "dash", "size": 12, "fill": {"color": COST_COLOUR}}
            if last == top + 1
            else {"type": "none"},
            "smooth": False,
        }
    )
    columns.combine(line)
    columns.set_title({"name": writer.fill(_(GOAL_CHART_TITLES[goal.period]), metric=label)})
    columns.set_x_axis(
        {
            "name": _(PERIOD_NAMES[goal.period]),
            "text_axis": True,
            "num_format": writer.axis_dates(goal.period),
            "num_font": {"rotation": -45},
        }
    )
    unit = unit_label(metric.unit, writer.currency, lang=writer.lang)
    columns.set_y_axis(
        {
            "name": f"{label} ({unit})",
            "num_format": _axis_format(metric.unit, writer.currency, writer.lang),
            "major_gridlines": {"visible": True, "line": {"color": "#d9d9d9"}},
        }
    )
    columns.set_legend({"position": "top"})
    columns.set_size({"width": 600, "height": 320})
    sheet.insert_chart(top, col, columns, {"x_offset": 10, "y_offset": 0})


def _comparison(writer: _Writer, layout: _Layout, analysis: Analysis, period: str) -> None:
    """Every headline number in the latest period beside the period before it."""
    _ = writer.gettext
    layout.heading(_("This period against the one before"))
    compared = compare_with_previous(analysis, period)
    latest, previous = compared.attrs.get("latest_start"), compared.attrs.get("previous_start")
    word = _(PERIOD_WORDS[period])
    if latest is None:
        layout.sentence(
            writer.fill(_("No rows with dates, so there is no {period} to compare."), period=word)
        )
        return
    if previous is None:
        layout.sentence(
            writer.fill(
                _("The data covers only one {period} (from {latest}): nothing to compare."),
                period=word,
                latest=_day_text(latest, writer),
            )
        )
    else:
        sentence = (
            _(
                "The {period} from {latest} against the {period} from {previous}. Weeks "
                "start on Monday."
            )
            if period == "week"
            else _("The {period} from {latest} against the {period} from {previous}.")
        )
        layout.sentence(
            writer.fill(
                sentence,
                period=word,
                latest=_day_text(latest, writer),
                previous=_day_text(previous, writer),
            )
        )
    if bool(compared["latest_partial"].iloc[0]):
        layout.sentence(
            writer.fill(
                _(
                    "The data stops before the latest {period} ends: its counts and money are "
                    "for part of a {period}, so they look low next to a whole one. Ratios "
                    "compare fairly."
                ),
                period=word,
            )
        )
    rows = []
    for record in compared.itertuples(index=False):
        metric = METRICS[record.metric]
        rows.append(
            [
                (_metric_name(record.metric, analysis.settings, writer.lang), ""),
                (record.latest, metric.unit),
                (record.previous, metric.unit),
                (record.change, metric.unit),
                (record.change_pct, "percent"),
            ]
        )
    headers = [
        _("Number"),
        _(LATEST_PERIOD[period]),
        _(PERIOD_BEFORE[period]),
        _("Change"),
        _("Change (%)"),
    ]
    layout.cells(headers, rows, "Comparison")
    layout.row -= 1
    layout.sentence(
        _(
            "Change = latest - before (for ROI, in percentage points); change (%) = change / "
            "the value before. An empty cell: the number is undefined in one of the two periods."
        )
    )
    layout.gap()


def _day_text(value: Any, writer: _Writer) -> str:
    """A period's first day (an ISO date) inside a sentence, as every date is written
    ('05 Jan 2026', '5. jan. 2026', '۵ ژانویهٔ ۲۰۲۶')."""
    try:
        day = value if isinstance(value, date) else date.fromisoformat(str(value))
    except ValueError:
        return str(value)
    return format_day(day, writer.lang, writer.digits)


def _review(writer: _Writer, layout: _Layout, analysis: Analysis) -> None:
    """The review's sentences, the budget-shift projection, and the platforms ranked."""
    _ = writer.gettext
    lang = writer.lang
    layout.heading(_("Review"))
    groups = by_group(analysis, "platform")
    for sentence in review(analysis, "platform", groups=groups, lang=lang, digits=writer.digits):
        layout.sentence(sentence)
    shift = budget_shift(analysis, "platform", groups=groups, lang=lang, digits=writer.digits)
    if shift is not None:
        layout.sentence(shift["sentence"])
    ranked = ranking(analysis, "platform", groups)
    if ranked.empty:
        layout.sentence(_("No platforms to rank."))
        return
    layout.gap()
    layout.heading(_("Platforms ranked by ROI (highest first), then cost per result"), writer.bold)
    objective = analysis.settings.objective
    columns = [
        _Column(_(LEVEL_NAMES["platform"]), "platform", "text"),
        _Column(metric_label("cost", lang), "cost", "number", "money"),
        _Column(metric_label("return", lang), "return", "number", "money"),
        _Column(metric_label("roi_pct", lang), "roi_pct", "number", "percent"),
        _Column(cost_per_result_label(objective, lang), "cost_per_result", "number", "money"),
    ]
    layout.table(columns, ranked, "Ranking")
