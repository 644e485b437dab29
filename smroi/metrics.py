"""Totals, group-bys and trends per docs/METRICS.md.

The work is done in two steps. `analyse` prices every row (its sales value,
counted lead value, earned media value and share of the fixed costs). Then
`headline`, `by_group` and `over_time` sum those row values and recompute every
ratio from the sums, never averaging ratios across rows. A ratio whose
denominator is zero or missing is undefined: None / NaN, shown as "—".
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cached_property
from typing import Any, overload

import numpy as np
import pandas as pd

from smroi.canonical import MEASURES, NOT_SET, empty_table
from smroi.claimed_sales import settle_claims
from smroi.group_sums import RowValues, group_ids, row_values, summed_by
from smroi.i18n import Message, _, _n
from smroi.registry import METRICS, OBJECTIVE_RESULTS
from smroi.settings import COST_LINE_LABELS, Settings

DAYS_PER_MONTH = 365.25 / 12

# Row values that add up; every metric is computed from their sums. NaN in a row means the
# row does not report it, and a sum over rows that all leave it out is NaN too (METRICS.md
# 4b: blank is not zero), never 0.
SUMMED: tuple[str, ...] = (
    # reach and video views are kept in the table but never summed (a person reached on two
    # days is one person), so summing them would only cost time
    *(measure for measure in MEASURES if measure not in ("reach", "video_views")),
    "paid_spend",
    "paid_impressions",
    "paid_clicks",
    "paid_engagements",
    "paid_leads",
    "paid_conversions",
    "paid_sales_value",
    "sales_value",
    "gross_profit",
    "unmargined_sales_value",
    "lead_value",
    "engagement_value",
    "follower_value",
    "emv",
    "fixed_cost",
)
# Per period of a trend chart.
FREQUENCIES: dict[str, str] = {"day": "D", "week": "W", "month": "M", "quarter": "Q", "year": "Y"}


@overload
def safe_divide(numerator: float | None, denominator: float | None) -> float | None: ...
@overload
def safe_divide(numerator: pd.Series, denominator: pd.Series) -> pd.Series: ...
def safe_divide(numerator: Any, denominator: Any) -> Any:
    """numerator / denominator, undefined (None, or NaN in a column) when the denominator is 0.

    A missing numerator or denominator is undefined too, and so is a result too large to
    hold (a cost of 1e-300): never inf, never 0 by default. Scale the numerator (x 100,
    x 1000) before dividing, so that this guard sees the number shown.
    """
    if isinstance(numerator, pd.Series) or isinstance(denominator, pd.Series):
        num = pd.Series(numerator, dtype="float64")
        den = pd.Series(denominator, dtype="float64")
        with np.errstate(divide="ignore", invalid="ignore"):
            result = num / den.where(den != 0)
        return result.where(np.isfinite(result))
    if numerator is None or denominator is None:
        return None
    num, den = float(numerator), float(denominator)
    if den == 0 or math.isnan(num) or math.isnan(den):
        return None
    result = num / den
    return result if math.isfinite(result) else None


def period_of(table: pd.DataFrame) -> tuple[date | None, date | None]:
    """The first and last day the rows cover, over `date` and `period_end`."""
    days = pd.concat([table["date"], table["period_end"]]).dropna()
    if days.empty:
        return None, None
    return days.min().date(), days.max().date()


def months_covered(first_day: date | None, last_day: date | None) -> float:
    """How many months the data covers: days covered / (365.25 / 12); 1 when there are no dates."""
    if first_day is None or last_day is None:
        return 1.0
    return ((last_day - first_day).days + 1) / DAYS_PER_MONTH


@dataclass(frozen=True)
class Analysis:
    """Priced rows in view, with the period and months they cover and what to tell the user."""

    rows: pd.DataFrame
    settings: Settings
    first_day: date | None
    last_day: date | None
    months: float
    warnings: tuple[str, ...] = ()  # smroi.i18n Messages: English as str, translatable
    # the SUMMED values some row has (None: not worked out); a group-by sums only these,
    # since a column no row reports is undefined in every group anyway
    reported: tuple[str, ...] | None = None

    @cached_property
    def group_sums(self) -> dict[tuple[str, ...], pd.DataFrame]:
        """The sums per grouping worked out so far for this analysis (smroi.metrics)."""
        return {}

    @cached_property
    def row_values(self) -> RowValues:
        """The summed columns of the rows, laid out once for every group-by of a rerun."""
        return row_values(self.rows, self.reported if self.reported is not None else SUMMED)


def analyse(
    table: pd.DataFrame,
    settings: Settings,
    *,
    start: date | None = None,
    end: date | None = None,
    platforms: list[str] | None = None,
    recorded_from: Iterable[str] = (),
) -> Analysis:
    """Price the rows in the date range, then keep the chosen platforms.

    Fixed costs are shared over all platforms of the date range before the
    platform filter, so a platform keeps its own share when shown alone. On the days
    that both ad platforms' claimed sales and the shop's recorded orders cover, return
    counts one of the two (`settings.values.roi_on`, smroi.claimed_sales), never both;
    `recorded_from` names the files that are a record of orders (claimed_sales.recorded_files).
    """
    warnings: list[str] = []
    if start is not None or end is not None:
        table, note = _in_date_range(table, start, end)
        warnings += note
    first_day, last_day = period_of(table)
    if first_day is None and len(table):
        warnings.append(_("The data has no dates, so monthly costs are counted for 1 month."))
    months = months_covered(first_day, last_day)
    if start is not None and end is not None and first_day is None:
        months = months_covered(start, end)
    rows, cost_notes = _price_rows(table, settings, months)
    warnings += cost_notes
    rows = settle_claims(
        rows,
        settings.values.roi_on,
        average_order_value=settings.values.average_order_value,
        recorded_from=recorded_from,
    )
    if platforms is not None:
        rows = rows[rows["platform"].isin(platforms)]
    reported = tuple(column for column in SUMMED if _has_values(rows[column]))
    return Analysis(rows, settings, first_day, last_day, months, tuple(warnings), reported)


def _has_values(values: pd.Series) -> bool:
    """True when a column holds at least one number."""
    array = values.to_numpy(dtype="float64")
    return bool(len(array)) and not np.isnan(array).all()


def _in_date_range(
    table: pd.DataFrame, start: date | None, end: date | None
) -> tuple[pd.DataFrame, list[str]]:
    keep = table["date"].notna()
    undated = int((~keep).sum())
    if start is not None:
        keep &= table["date"] >= pd.Timestamp(start)
    if end is not None:
        keep &= table["date"] <= pd.Timestamp(end)
    notes: list[str] = []
    if undated:
        notes.append(
            _n(
                "{count:,} row has no date and is left out while a date range is set.",
                "{count:,} rows have no date and are left out while a date range is set.",
                undated,
                count=undated,
            )
        )
    return table[keep], notes


def _price_rows(
    table: pd.DataFrame, settings: Settings, months: float
) -> tuple[pd.DataFrame, list[str]]:
    """Each row with its money: sales value, gross profit, counted lead value, EMV, share of
    fixed costs. A value the row has no figure for stays NaN (not reported), never 0."""
    values = settings.values
    paid = table["paid"]
    revenue_known = table["revenue"].notna()
    sales_value = table["revenue"].where(
        revenue_known, table["conversions"] * values.average_order_value
    )
    gross_profit = _gross_profit(sales_value, table["cost_of_goods"], values.gross_margin_pct)
    if values.count_lead_value is None:
        count_leads = ~revenue_known  # a lead that became a tracked sale counts once
    else:
        count_leads = pd.Series(values.count_lead_value, index=table.index)
    leads = table["leads"]
    # the paid rows' results are only ever divided by: 0 on organic rows leaves every ratio
    # over them as it is (no paid result: undefined), and a column without gaps sums four
    # times faster. Paid spend and sales value are divided, so organic rows stay blank
    # there: a group whose paid rows report no spend has no cost per click, not one of 0.
    priced = {
        "paid_spend": table["spend"].where(paid),
        "paid_impressions": table["impressions"].where(paid, 0.0),
        "paid_clicks": table["clicks"].where(paid, 0.0),
        "paid_engagements": table["engagements"].where(paid, 0.0),
        "paid_leads": leads.where(paid, 0.0),
        "paid_conversions": table["conversions"].where(paid, 0.0),
        "paid_sales_value": sales_value.where(paid),
        "sales_value": sales_value,
        "gross_profit": gross_profit,
        # sales value still counted in full: no cost of goods and no margin for the row
        "unmargined_sales_value": sales_value.where(gross_profit.isna()),
        "lead_value": (leads * values.value_per_lead).mask(~count_leads & leads.notna(), 0.0),
        "engagement_value": table["engagements"] * values.value_per_engagement,
        "follower_value": table["followers_gained"] * values.value_per_follower,
        # earned media is organic rows' only: a paid row earns none (0)
        "emv": earned_media_value_per_row(table, settings).where(~paid, 0.0),
    }
    rows = table.assign(**priced)
    fixed, notes, extra = _allocate_fixed_cost(rows, settings, months)
    rows = rows.assign(fixed_cost=fixed)
    if extra is not None:
        rows = pd.concat([rows, extra], ignore_index=True)
    return rows, notes


def _gross_profit(
    sales_value: pd.Series, cost_of_goods: pd.Series, margin_pct: float | None
) -> pd.Series:
    """Each row's gross profit from sales (METRICS.md 4a): sales value - cost of goods where the
    row has a cost of goods, else sales value x margin / 100 where a margin is set, else NaN."""
    by_margin = sales_value * (margin_pct / 100) if margin_pct is not None else np.nan
    return (sales_value - cost_of_goods).where(cost_of_goods.notna(), by_margin)


def _platform_codes(table: pd.DataFrame) -> tuple[np.ndarray, list[str]]:
    """Each row's platform as a small integer, and the names behind the integers."""
    platform = table["platform"]
    if not isinstance(platform.dtype, pd.CategoricalDtype):
        platform = platform.astype("category")
    names = [str(name) for name in platform.cat.categories] + [NOT_SET]
    codes = platform.cat.codes.to_numpy()
    return np.where(codes < 0, len(names) - 1, codes), names


def earned_media_value_per_row(table: pd.DataFrame, settings: Settings) -> pd.Series:
    """What each row's results would have cost as ads, at its platform's rates (estimated)."""
    codes, names = _platform_codes(table)
    rates = [settings.earned_media.rate_for(name) for name in names]
    cpm = np.array([rate.cpm for rate in rates])[codes]
    cpc = np.array([rate.cpc for rate in rates])[codes]
    cpe = np.array([rate.cpe for rate in rates])[codes]
    impressions, clicks, engagements = (
        table[column].to_numpy(dtype="float64")
        for column in ("impressions", "clicks", "engagements")
    )
    value = (
        np.nan_to_num(impressions) / 1000 * cpm
        + np.nan_to_num(clicks) * cpc
        + np.nan_to_num(engagements) * cpe
    )
    reports_none = np.isnan(impressions) & np.isnan(clicks) & np.isnan(engagements)
    return pd.Series(np.where(reports_none, np.nan, value), index=table.index)


def _allocate_fixed_cost(
    rows: pd.DataFrame, settings: Settings, months: float
) -> tuple[pd.Series, list[str], pd.DataFrame | None]:
    """Each row's share of the fixed costs for the months covered.

    Costs for all platforms go to platforms by their share of spend (evenly when
    nothing was spent), a platform-assigned cost to that platform; within a
    platform, rows share by spend (evenly when its spend is 0).
    """
    amounts = {line: monthly * months for line, monthly in settings.costs.monthly().items()}
    assigned = settings.costs.assigned_to
    shared_total = sum(a for line, a in amounts.items() if line not in assigned)
    per_platform: dict[str, float] = {}
    for line, platform in assigned.items():
        per_platform[platform] = per_platform.get(platform, 0.0) + amounts[line]

    fixed = pd.Series(0.0, index=rows.index)
    notes: list[str] = []
    present: set[str] = set()
    if len(rows):
        codes, names = _platform_codes(rows)
        weight = rows["spend"].fillna(0.0).clip(lower=0.0).to_numpy()
        platform_spend = np.bincount(codes, weights=weight, minlength=len(names))
        platform_rows = np.bincount(codes, minlength=len(names))
        present = {name for name, count in zip(names, platform_rows, strict=True) if count}
        total_spend = float(platform_spend.sum())
        with np.errstate(divide="ignore", invalid="ignore"):
            row_share = np.where(
                platform_spend[codes] > 0,
                weight / platform_spend[codes],
                1.0 / platform_rows[codes],
            )
            platform_share = (
                platform_spend / total_spend
                if total_spend > 0
                else (platform_rows > 0) / len(present)
            )
        own = np.array([per_platform.get(name, 0.0) for name in names])
        fixed = pd.Series(
            (shared_total * platform_share[codes] + own[codes]) * row_share, index=rows.index
        )

    missing = {p: a for p, a in per_platform.items() if p not in present and a > 0}
    if not len(rows) and shared_total > 0:
        missing[NOT_SET] = shared_total
    extra = None
    if missing:
        extra = _cost_only_rows(missing)
        for platform, amount in missing.items():
            if platform == NOT_SET:
                continue
            lines = [
                Message(COST_LINE_LABELS[line], {})  # a label marked N_: translatable
                for line, p in assigned.items()
                if p == platform
            ]
            notes.append(
                _(
                    "{lines} is assigned to {platform}, which has no rows in this period; its "
                    "cost ({amount:,.2f}) is shown on a {platform} row with no results.",
                    lines=_listed(lines),
                    platform=platform,
                    amount=float(amount),
                )
            )
    return fixed, notes, extra


def _listed(parts: Sequence[str]) -> str:
    """Labels one after another, ", " between them, as one translatable Message."""
    if not parts:
        return ""
    text = parts[-1]
    for part in reversed(parts[:-1]):
        # Translators: one item of a list, then the others (a comma between them)
        text = _("{item}, {more}", item=part, more=text)
    return text


def _cost_only_rows(amounts: dict[str, float]) -> pd.DataFrame:
    frame = empty_table()
    frame = pd.concat(
        [
            frame,
            pd.DataFrame(
                {
                    "platform": list(amounts),
                    "campaign": "(fixed costs)",
                    "element": "(fixed costs)",
                    "paid": False,
                }
            ),
        ],
        ignore_index=True,
    )
    unreported = {
        column: np.nan for column in SUMMED if column not in frame and column != "fixed_cost"
    }
    return frame.assign(**unreported, fixed_cost=list(amounts.values()))


# ---------------------------------------------------------------- metrics from sums


def _sums(
    rows: pd.DataFrame, by: list[str] | None = None, reported: Sequence[str] | None = None
) -> pd.DataFrame:
    """Row values summed, overall or per group; NaN where no row of a group reports a value.
    Only the `reported` columns are summed (default: all); the others are NaN."""
    columns = list(SUMMED if reported is None else [c for c in SUMMED if c in reported])
    if not by:
        sums = pd.DataFrame([[_column_sum(rows[column]) for column in columns]], columns=columns)
    else:
        keys = [_group_key(rows, column) for column in by]
        groups = rows.groupby(keys, observed=True, dropna=False, sort=True)
        sums = groups[columns].sum(min_count=1) if columns else groups.size().to_frame().iloc[:, :0]
    sums = sums.reindex(columns=list(SUMMED))
    return sums.assign(fixed_cost=sums["fixed_cost"].fillna(0.0))


def _column_sum(values: pd.Series) -> float:
    """The sum of the values a column has; NaN when it has none (a plain sum first: most
    columns are complete, and a NaN-aware sum costs four times as much)."""
    array = values.to_numpy(dtype="float64")
    if not len(array):
        return math.nan
    total = float(array.sum())
    if math.isnan(total):
        missing = np.isnan(array)
        total = float(array[~missing].sum()) if not missing.all() else math.nan
    return total


def _group_key(rows: pd.DataFrame, column: str) -> pd.Series:
    if column == "paid":
        return rows["paid"].map({True: "paid", False: "organic"}).rename("paid")
    values = rows[column]
    if isinstance(values.dtype, pd.CategoricalDtype) and NOT_SET not in values.cat.categories:
        values = values.cat.add_categories([NOT_SET])
    return values.fillna(NOT_SET)


def _total(parts: list[np.ndarray]) -> np.ndarray:
    """The sum of the parts that are known; NaN only where none of them is."""
    stacked = np.vstack(parts)
    known = ~np.isnan(stacked)
    with np.errstate(over="ignore", invalid="ignore"):  # a sum past 1e308 is inf: shown "—"
        total = np.nansum(stacked, axis=0)
    return np.where(known.any(axis=0), total, np.nan)


def _ratio(numerator: np.ndarray, denominator: np.ndarray) -> np.ndarray:
    """safe_divide on arrays: NaN where the denominator is 0 or missing, never inf."""
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        result = numerator / np.where(denominator != 0, denominator, np.nan)
    return np.where(np.isfinite(result), result, np.nan)


def _derive(sums: pd.DataFrame, settings: Settings) -> pd.DataFrame:
    """Every registry metric from summed row values; ratios from sums. A number that needs a
    measure no row reports is NaN (undefined), not 0. (Plain arrays: a rerun computes this
    for every group and period, and pandas' per-operation cost would dominate.)"""
    with np.errstate(all="ignore"):  # overflow and 0/0 end as inf or NaN, cleaned by _ratio
        return _derived(sums, settings)


def _derived(sums: pd.DataFrame, settings: Settings) -> pd.DataFrame:
    s = {column: sums[column].to_numpy(dtype="float64") for column in sums.columns}
    values = settings.values
    spend, fixed = s["spend"], s["fixed_cost"]
    # total cost: ad spend (where reported) + other costs; undefined when the files report no
    # ad spend and no other cost is entered, since then nothing says what anything cost
    cost = np.where(~np.isnan(spend) | (fixed != 0), np.nan_to_num(spend) + fixed, np.nan)
    # what the sales leave the business: gross profit where known, else their sales value
    sales_return = _total([s["gross_profit"], s["unmargined_sales_value"]])
    # the sales value of the rows whose gross profit is known (each sale is one or the other)
    margined = s["sales_value"] - np.nan_to_num(s["unmargined_sales_value"])
    parts = [sales_return, s["commissions"], s["lead_value"]]
    # an engagement or a follower is worth nothing in return until the user gives it a value
    if values.value_per_engagement > 0:
        parts.append(s["engagement_value"])
    if values.value_per_follower > 0:
        parts.append(s["follower_value"])
    without_emv = _total(parts)
    with_emv = _total([*parts, s["emv"]])
    return_ = with_emv if settings.earned_media.include_in_roi else without_emv
    profit = return_ - cost
    margin_pct = _ratio(s["gross_profit"] * 100, margined)
    average_sale = _ratio(s["sales_value"], s["conversions"])
    # 0 once every sale's gross profit is known; undefined while there are no sales
    unmargined = np.where(
        np.isnan(s["sales_value"]),
        s["unmargined_sales_value"],
        np.nan_to_num(s["unmargined_sales_value"]),
    )
    results_column, _ = OBJECTIVE_RESULTS[settings.objective]
    per = 1000.0 if settings.objective == "awareness" else 1.0
    lead_worth = values.value_per_lead if values.value_per_lead > 0 else np.nan
    paid_spend = s["paid_spend"]
    columns = {
        "spend": spend,
        "impressions": s["impressions"],
        "clicks": s["clicks"],
        "engagements": s["engagements"],
        "followers_gained": s["followers_gained"],
        "leads": s["leads"],
        "conversions": s["conversions"],
        "revenue": s["revenue"],
        "commissions": s["commissions"],
        "cost_of_goods": s["cost_of_goods"],
        "sales_value": s["sales_value"],
        "gross_profit": s["gross_profit"],
        "gross_margin_pct": margin_pct,
        "sales_value_before_cost_of_goods": unmargined,
        "lead_value": s["lead_value"],
        "engagement_value": s["engagement_value"],
        "follower_value": s["follower_value"],
        "emv": s["emv"],
        "fixed_cost": fixed,
        "cost": cost,
        "return": return_,
        "profit": profit,
        "roi_pct": _ratio(profit * 100, cost),
        "roi_without_emv_pct": _ratio((without_emv - cost) * 100, cost),
        "roi_with_emv_pct": _ratio((with_emv - cost) * 100, cost),
        "roas": _ratio(s["paid_sales_value"], paid_spend),
        "break_even_roas": _ratio(np.full(len(cost), 100.0), margin_pct),
        "average_sale_value": average_sale,
        "break_even_cpa": average_sale * margin_pct / 100,
        "break_even_cpl": np.full(len(cost), lead_worth, dtype="float64"),
        "ctr": _ratio(s["clicks"], s["impressions"]),
        "cpc": _ratio(paid_spend, s["paid_clicks"]),
        "cpm": _ratio(paid_spend * 1000, s["paid_impressions"]),
        "cpe": _ratio(paid_spend, s["paid_engagements"]),
        "cpl": _ratio(paid_spend, s["paid_leads"]),
        "cpa": _ratio(paid_spend, s["paid_conversions"]),
        "full_cpl": _ratio(cost, s["leads"]),
        "full_cpa": _ratio(cost, s["conversions"]),
        "conversion_rate": _ratio(s["conversions"], s["clicks"]),
        "cost_per_result": _ratio(paid_spend * per, s[f"paid_{results_column}"]),
    }
    return pd.DataFrame(columns, index=sums.index)


def _plain(value: Any, key: str) -> float | int | None:
    if value is None or pd.isna(value):
        return None
    if METRICS.get(key) is not None and METRICS[key].unit == "count" and float(value).is_integer():
        return int(value)
    return float(value)


def headline(analysis: Analysis) -> dict[str, float | int | None]:
    """Every headline number for the rows in view; None where a ratio is undefined."""
    derived = _derive(_sums(analysis.rows, reported=analysis.reported), analysis.settings)
    totals = {key: _plain(value, key) for key, value in derived.iloc[0].items()}
    totals["months"] = analysis.months
    return totals


def by_group(analysis: Analysis, by: str | list[str]) -> pd.DataFrame:
    """Every metric per group (platform, campaign, element, dimension); ratios from each
    group's sums. Missing labels are grouped as "(not set)"."""
    columns = [by] if isinstance(by, str) else list(by)
    if analysis.rows.empty:
        return _derive(_sums(analysis.rows).iloc[:0], analysis.settings).reset_index(drop=True)
    derived = _derive(_grouped_sums(analysis, columns), analysis.settings)
    return derived.reset_index()


def _grouped_sums(analysis: Analysis, by: list[str]) -> pd.DataFrame:
    """_sums per group of `by`, from the analysis' row values laid out once (quick when a
    page groups the same rows many ways), worked out once per grouping of an analysis (a
    page asks for its metrics and for the counts behind their ranges)."""
    known = analysis.group_sums
    if tuple(by) not in known:
        known[tuple(by)] = _summed_per_group(analysis, by)
    return known[tuple(by)]


def _summed_per_group(analysis: Analysis, by: list[str]) -> pd.DataFrame:
    found = group_ids([_group_key(analysis.rows, column) for column in by])
    if found is None:
        return _sums(analysis.rows, by, analysis.reported)
    ids, groups = found
    values = analysis.row_values
    sums = pd.DataFrame(
        summed_by(values, ids, len(groups)), index=groups, columns=list(values.columns)
    ).reindex(columns=list(SUMMED))
    return sums.assign(fixed_cost=sums["fixed_cost"].fillna(0.0))


def over_time(analysis: Analysis, period: str = "week") -> pd.DataFrame:
    """Every metric per day, week, month, quarter or year, with fixed costs spread by days.

    Periods with no rows still carry their fixed costs. Rows without a date are left
    out of a trend. `days` is how many covered days a period has, and `partial` marks a
    first or last period the data covers only in part (its sums are not comparable).
    """
    frequency = FREQUENCIES[period]
    dates = analysis.rows["date"]
    if analysis.first_day is None or not dates.notna().any():
        empty = _derive(_sums(analysis.rows).iloc[:0], analysis.settings)
        return empty.assign(
            period_start=pd.Series(dtype="datetime64[ns]"),
            days=pd.Series(dtype="int64"),
            partial=pd.Series(dtype=bool),
        ).reset_index(drop=True)
    sums = _sums_per_period(analysis, dates.dt.to_period(frequency).dt.start_time)
    days = pd.date_range(analysis.first_day, analysis.last_day, freq="D")
    days_per_period = pd.Series(1, index=days).groupby(days.to_period(frequency).start_time).sum()
    # a period without rows had none of what the files report (0), and still none of what
    # they never report (NaN)
    reported = [column for column in sums.columns if sums[column].notna().any()]
    empty_periods = days_per_period.index.difference(sums.index)
    sums = sums.reindex(days_per_period.index.union(sums.index))
    sums.loc[empty_periods, reported] = 0.0
    total_fixed = float(analysis.rows["fixed_cost"].sum())
    share = days_per_period.reindex(sums.index, fill_value=0) / len(days)
    sums["fixed_cost"] = total_fixed * share
    sums.index.name = "period_start"
    derived = _derive(sums, analysis.settings)
    period_days = derived.index.to_period(frequency)
    derived["days"] = days_per_period.reindex(derived.index, fill_value=0).to_numpy()
    derived["partial"] = derived["days"] < (period_days.end_time - period_days.start_time).days + 1
    return derived.reset_index()


def _sums_per_period(analysis: Analysis, starts: pd.Series) -> pd.DataFrame:
    """_sums per period start (rows without a date left out), from the analysis' row
    values laid out once."""
    codes, periods = pd.factorize(starts, sort=True, use_na_sentinel=True)
    ids = np.where(codes < 0, len(periods), codes)  # undated rows: one more group, dropped
    values = analysis.row_values
    sums = pd.DataFrame(
        summed_by(values, ids, len(periods) + 1)[: len(periods)],
        index=pd.DatetimeIndex(periods, name="period_start"),
        columns=list(values.columns),
    )
    return sums.reindex(columns=list(SUMMED))


# The paid rows' spend and counts behind the paid-only costs (cost per lead, per sale, per
# engagement): what smroi.intervals needs besides by_group's columns to say how sure they are.
PAID_COUNTS: tuple[str, ...] = (
    "paid_spend",
    "paid_impressions",
    "paid_clicks",
    "paid_engagements",
    "paid_leads",
    "paid_conversions",
)


def paid_counts(
    analysis: Analysis, by: str | list[str] | None = None, *, period: str | None = None
) -> pd.DataFrame:
    """The paid rows' spend, impressions, clicks, engagements, leads and sales: one row for
    the rows in view, one per group in by_group's order, or one per period of over_time
    (indexed by period_start); NaN where no row reports one."""
    rows = analysis.rows
    if period is not None:
        starts = rows["date"].dt.to_period(FREQUENCIES[period]).dt.start_time
        return _sums_per_period(analysis, starts)[list(PAID_COUNTS)]
    columns = None if by is None else ([by] if isinstance(by, str) else list(by))
    if columns and rows.empty:
        return pd.DataFrame(columns=list(PAID_COUNTS), dtype="float64")
    sums = _grouped_sums(analysis, columns) if columns else _sums(rows, None, analysis.reported)
    return sums[list(PAID_COUNTS)].reset_index(drop=True)


def rows_in_view(analysis: Analysis) -> int:
    """How many data rows are in view (rows that only carry an assigned cost do not count)."""
    rows = analysis.rows
    return int((rows["element"] != "(fixed costs)").sum()) if len(rows) else 0
