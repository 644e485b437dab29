"""Sales the ad platforms claim against the sales the shop recorded (docs/METRICS.md,
"Claimed against recorded").

An ad platform counts a sale as its own when someone bought after seeing or clicking one of
its ads (its attribution); two platforms can claim the same order, and a sale the shop never
had (a returned or test order) still counts in the platform. The shop's own record of orders
(a Shopify orders export, GA4 purchases, any orders file) counts each order once. When both
cover the same days, smroi compares them, and never adds the two into one return: ROI counts
one of them on those days (`values.roi_on`: the platforms' claims, the default, or the shop's
record shared over the platforms in proportion to their claims).

A row is
- **recorded** when it comes from an orders or web-analytics export (Shopify, GA4), or
  when it reports sales (a count or a value) and no ad spend, impressions, clicks or
  engagements and is not paid: a line of an orders file;
- **claimed** when it is paid, reports sales and is not recorded: an ad platform's row.

The days each kind covers are those from the first to the last day of its rows in each file
(a file's span, so a day without orders inside an orders export counts as none sold); the
**overlap** is the days both kinds cover. A row counts in the comparison when all of its
days are inside the overlap; a row that reaches outside it (a month's total of an ad
export against a fortnight of orders) cannot be split without guessing, and is left out of
the comparison and counted as it is.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

import numpy as np
import pandas as pd

from smroi.canonical import SOURCE
from smroi.exports import EXPORTS
from smroi.formatting import (
    format_day,
    format_day_range,
    format_money,
    format_value,
    period_label,
)
from smroi.i18n import DEFAULT_LANGUAGE, N_, fill, message_fields, translator
from smroi.settings import ROI_ON

CLAIMED, RECORDED = ROI_ON  # what return counts where both cover a day (values.roi_on)
ROI_ON_LABELS: dict[str, str] = {  # English; translated where shown
    CLAIMED: N_("What the platforms claim"),
    RECORDED: N_("What the shop recorded"),
}
# the export names whose rows are a record of orders, not an ad platform's claims
RECORDING_EXPORTS: frozenset[str] = frozenset(
    export.name for export in EXPORTS if export.one_sale_per_row or export.web_analytics
)
# measures whose presence says a row is activity (an ad or a post), not an order
_ACTIVITY = ("spend", "impressions", "clicks", "engagements")
# the priced values of a sale (smroi.metrics) that move with the sales a row counts
_VALUE_COLUMNS = ("revenue", "sales_value", "gross_profit", "unmargined_sales_value")
_COST_OF_GOODS = "cost_of_goods"


def recorded_files(reports: Iterable[Any]) -> frozenset[str]:
    """The files that are a record of orders (a Shopify orders or GA4 export), by file name,
    from their import reports."""
    return frozenset(
        str(report.file)
        for report in reports
        if getattr(report, "export", None) in RECORDING_EXPORTS
    )


def sale_kinds(
    table: pd.DataFrame, recorded_from: Iterable[str] = ()
) -> tuple[np.ndarray, np.ndarray]:
    """Which rows are sales the platforms claim and which are sales the shop recorded (two
    boolean arrays; most rows are neither)."""
    sales = (table["conversions"].notna() | table["revenue"].notna()).to_numpy()
    activity = np.zeros(len(table), dtype=bool)
    for column in _ACTIVITY:
        activity |= table[column].notna().to_numpy()
    paid = table["paid"].to_numpy(dtype=bool)
    files = frozenset(recorded_from)
    from_orders = (
        table[SOURCE].isin(files).to_numpy(dtype=bool)
        if files and SOURCE in table
        else np.zeros(len(table), dtype=bool)
    )
    recorded = sales & (from_orders | (~activity & ~paid))
    claimed = sales & paid & ~recorded
    return claimed, recorded


def _first_and_last_days(table: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """Each row's first and last day (a day row's are the same; NaT without a date)."""
    first = table["date"].to_numpy(dtype="datetime64[D]")
    end = table["period_end"].to_numpy(dtype="datetime64[D]")
    last = np.where(np.isnat(end), first, np.maximum(first, end))
    return first, last


def _day_numbers(table: pd.DataFrame) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Each row's first and last day as day numbers (int64, fast to compare), and whether
    the row has a date at all."""
    first, last = _first_and_last_days(table)
    dated = ~np.isnat(first)
    return first.view("int64"), last.view("int64"), dated


def _file_codes(table: pd.DataFrame) -> np.ndarray:
    """Each row's file as a small integer (rows without a file share one)."""
    if SOURCE not in table:
        return np.zeros(len(table), dtype="int64")
    files = table[SOURCE]
    if isinstance(files.dtype, pd.CategoricalDtype):
        return files.cat.codes.to_numpy().astype("int64")
    return pd.factorize(files)[0].astype("int64")


def _covered_days(
    first: np.ndarray, last: np.ndarray, files: np.ndarray, rows: np.ndarray
) -> np.ndarray:
    """The days (day numbers, sorted) some rows cover: each file's first to last day."""
    if not rows.any():
        return np.array([], dtype="int64")
    firsts, lasts, codes = first[rows], last[rows], files[rows]
    spans = []
    for code in np.unique(codes):
        mine = codes == code
        spans.append(np.arange(firsts[mine].min(), lasts[mine].max() + 1, dtype="int64"))
    return np.unique(np.concatenate(spans))


def _days_inside(
    first: np.ndarray, last: np.ndarray, dated: np.ndarray, days: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """How many of each row's days are among `days` (sorted day numbers), and how many days
    it has (0 and 0 for a row without a date)."""
    if not len(days):
        return np.zeros(len(first), dtype="int64"), np.zeros(len(first), dtype="int64")
    # days among `days` up to each day of their span: a count between two days is a
    # difference of two lookups (no search per row)
    low = int(days[0])
    marked = np.zeros(int(days[-1]) - low + 1, dtype="int64")
    marked[days - low] = 1
    up_to = np.concatenate([[0], np.cumsum(marked)])
    safe_first = np.where(dated, first, low)
    safe_last = np.where(dated, last, low)
    counted = (
        up_to[np.clip(safe_last - low + 1, 0, len(marked))]
        - up_to[np.clip(safe_first - low, 0, len(marked))]
    )
    length = safe_last - safe_first + 1
    return np.where(dated, counted, 0), np.where(dated, length, 0)


@dataclass(frozen=True)
class _Kinds:
    """Which rows claim, which record, the days each kind covers and the rows compared."""

    claimed: np.ndarray
    recorded: np.ndarray
    claimed_days: np.ndarray  # day numbers
    recorded_days: np.ndarray
    shared_days: np.ndarray
    compared: np.ndarray  # rows whose every day both kinds cover
    straddling: np.ndarray  # rows with some of their days shared and some not


def _kinds(table: pd.DataFrame, recorded_from: Iterable[str]) -> _Kinds | None:
    """The rows of each kind and the days they cover; None without both kinds."""
    claimed, recorded = sale_kinds(table, recorded_from)
    if not claimed.any() or not recorded.any():
        return None
    first, last, dated = _day_numbers(table)
    files = _file_codes(table)
    claimed_days = _covered_days(first, last, files, claimed & dated)
    recorded_days = _covered_days(first, last, files, recorded & dated)
    shared = np.intersect1d(claimed_days, recorded_days, assume_unique=True)
    inside, length = _days_inside(first, last, dated, shared)
    return _Kinds(
        claimed=claimed,
        recorded=recorded,
        claimed_days=claimed_days,
        recorded_days=recorded_days,
        shared_days=shared,
        compared=(length > 0) & (inside == length),
        straddling=(inside > 0) & (inside < length),
    )


def counted_sales(
    table: pd.DataFrame, recorded_from: Iterable[str] = ()
) -> tuple[np.ndarray, np.ndarray]:
    """The claims and the orders that count in the comparison: rows of each kind whose every
    day both kinds cover (two boolean arrays; all False when the kinds share no day)."""
    kinds = _kinds(table, recorded_from)
    if kinds is None:
        none = np.zeros(len(table), dtype=bool)
        return none, none
    return kinds.claimed & kinds.compared, kinds.recorded & kinds.compared


def _sales_value(table: pd.DataFrame, average_order_value: float) -> pd.Series:
    """Each row's sales value: its revenue where it has one, else sales x average order value
    (as smroi.metrics prices a row)."""
    return table["revenue"].where(
        table["revenue"].notna(), table["conversions"] * average_order_value
    )


def _sum(values: pd.Series | np.ndarray) -> float | None:
    """The sum of the numbers there are; None when there are none."""
    array = np.asarray(values, dtype="float64")
    known = ~np.isnan(array)
    return float(array[known].sum()) if known.any() else None


def _ratio(claimed: float | None, recorded: float | None) -> float | None:
    """claimed / recorded; None when either is unknown or nothing was recorded."""
    if claimed is None or recorded is None or recorded == 0:
        return None
    return claimed / recorded


# ---------------------------------------------------------------- the comparison


@dataclass(frozen=True)
class ClaimsComparison:
    """Sales the platforms claim against sales the shop recorded, over the days both cover."""

    first_day: date
    last_day: date
    days: int  # days both cover (they may have gaps between first_day and last_day)
    claimed_sales: float | None  # sales the platforms claim (count)
    claimed_value: float | None  # their value (revenue, else sales x average order value)
    recorded_sales: float | None  # orders the shop recorded (count)
    recorded_value: float | None  # their value
    over_claim: float | None  # claimed value / recorded value (count / count without values)
    count_over_claim: float | None  # claimed sales / recorded sales
    # per platform that claims: platform, claimed_sales, claimed_value, claim_share (0-1 of
    # all claims), recorded_sales_share, recorded_value_share (the shop's record shared in
    # proportion to the claims), over_claim (its claimed value / all recorded value)
    by_platform: pd.DataFrame
    # rows of either kind with some days inside the overlap and some outside: not compared
    rows_across_the_edge: int
    # the rows compared: platform, first_day, last_day, kind (CLAIMED or RECORDED), sales
    # (count), value
    sales: pd.DataFrame


@dataclass(frozen=True)
class NoComparison:
    """Both kinds of sales are there, but they cannot be compared (`why_not_compared` says
    why): they cover no day in common, or the claims' rows each span more than those days."""

    claimed_first: date
    claimed_last: date
    recorded_first: date
    recorded_last: date
    shared_days: int  # days both cover (0: none in common)


def compare_claims(
    table: pd.DataFrame,
    *,
    average_order_value: float = 0.0,
    recorded_from: Iterable[str] = (),
    start: date | None = None,
    end: date | None = None,
) -> ClaimsComparison | NoComparison | None:
    """The platforms' claims against the shop's record over the days both cover, in the date
    range; None when the files hold only one kind (or neither), so there is nothing to say."""
    if start is not None or end is not None:
        keep = table["date"].notna()
        if start is not None:
            keep &= table["date"] >= pd.Timestamp(start)
        if end is not None:
            keep &= table["date"] <= pd.Timestamp(end)
        table = table[keep]
    kinds = _kinds(table, recorded_from)
    if kinds is None:
        return None
    counted_claims = kinds.claimed & kinds.compared
    counted_records = kinds.recorded & kinds.compared
    if not counted_claims.any() or not counted_records.any():
        return _not_compared(kinds.claimed_days, kinds.recorded_days, len(kinds.shared_days))
    days = kinds.shared_days.astype("datetime64[D]")
    straddling = int(((kinds.claimed | kinds.recorded) & kinds.straddling).sum())
    value = _sales_value(table, average_order_value)
    claims = table[counted_claims]
    claimed_value = _sum(value[counted_claims])
    claimed_count = _sum(claims["conversions"])
    recorded_value = _sum(value[counted_records])
    recorded_count = _sum(_order_count(table[counted_records]))
    over_claim = _ratio(claimed_value, recorded_value)
    count_over_claim = _ratio(claimed_count, recorded_count)
    if over_claim is None and claimed_value is None:
        over_claim = count_over_claim
    first, last = _first_and_last_days(table)
    both = counted_claims | counted_records
    sales = pd.DataFrame(
        {
            "platform": table["platform"].astype(object).to_numpy()[both],
            "first_day": first[both],
            "last_day": last[both],
            "kind": np.where(counted_claims[both], CLAIMED, RECORDED),
            "sales": np.where(
                counted_claims[both],
                table["conversions"].to_numpy(dtype="float64")[both],
                _order_count(table[both]).to_numpy(),
            ),
            "value": value.to_numpy(dtype="float64")[both],
        }
    )
    return ClaimsComparison(
        first_day=pd.Timestamp(days[0]).date(),
        last_day=pd.Timestamp(days[-1]).date(),
        days=len(days),
        claimed_sales=claimed_count,
        claimed_value=claimed_value,
        recorded_sales=recorded_count,
        recorded_value=recorded_value,
        over_claim=over_claim,
        count_over_claim=count_over_claim,
        by_platform=_by_platform(
            claims.assign(value=value[counted_claims]), recorded_count, recorded_value
        ),
        rows_across_the_edge=straddling,
        sales=sales,
    )


def _order_count(records: pd.DataFrame) -> pd.Series:
    """How many orders each row of the shop's record is: its sales count, a row of an orders
    file without one being one order."""
    return records["conversions"].where(
        records["conversions"].notna(), records["revenue"].notna().astype("float64")
    )


def _by_platform(
    claims: pd.DataFrame, recorded_count: float | None, recorded_value: float | None
) -> pd.DataFrame:
    """Per platform that claims: its claims, its share of all claims, the shop's record
    shared in proportion, and its claimed value against all recorded value."""
    grouped = (
        claims.assign(platform=claims["platform"].astype(object).fillna("(not set)"))
        .groupby("platform", sort=True)[["conversions", "value"]]
        .sum(min_count=1)
        .rename(columns={"conversions": "claimed_sales", "value": "claimed_value"})
    )
    value_weight, count_weight = claim_weights(grouped["claimed_value"], grouped["claimed_sales"])
    frame = grouped.assign(
        claim_share=value_weight,
        recorded_sales_share=count_weight * (np.nan if recorded_count is None else recorded_count),
        recorded_value_share=value_weight * (np.nan if recorded_value is None else recorded_value),
        over_claim=grouped["claimed_value"] / recorded_value if recorded_value else np.nan,
    )
    frame = frame.reset_index().sort_values("claimed_value", ascending=False, kind="stable")
    return frame.reset_index(drop=True)


def claim_weights(value: pd.Series, count: pd.Series) -> tuple[pd.Series, pd.Series]:
    """Each claim's share of all claims, by value and by count (each 0-1, summing to 1). A
    value is shared by claimed value (by count when no value is claimed), a count by claimed
    count (by value when no count is claimed); even shares when the platforms claim nothing."""
    value = value.astype("float64").fillna(0.0)
    count = count.astype("float64").fillna(0.0)

    def share(first: pd.Series, second: pd.Series) -> pd.Series:
        for key in (first, second):
            total = float(key.clip(lower=0).sum())
            if total > 0:
                return key.clip(lower=0) / total
        return pd.Series(1.0 / len(first) if len(first) else 0.0, index=first.index)

    return share(value, count), share(count, value)


# ---------------------------------------------------------------- ROI on recorded sales


def settle_claims(
    rows: pd.DataFrame,
    roi_on: str,
    *,
    average_order_value: float = 0.0,
    recorded_from: Iterable[str] = (),
) -> pd.DataFrame:
    """Priced rows (smroi.metrics) whose sales count once on the days both kinds cover.

    With `roi_on` "claimed", the shop's orders on those days count nothing (their sales
    and values are blank: not counted), so return holds the platforms' claims. With
    "recorded", the claims on those days are replaced by the shop's record shared over them
    in proportion to their claims (value by claimed value, count by claimed count), and the
    orders themselves count nothing, so return holds the shop's record. Outside the days
    both cover there is only one kind, and each row counts as it is.
    """
    claims, records = counted_sales(rows, recorded_from)
    if not claims.any() or not records.any():
        return rows
    moved = [c for c in (*_VALUE_COLUMNS, _COST_OF_GOODS, "conversions") if c in rows]
    changed = {
        column: rows[column].to_numpy(dtype="float64", copy=True)
        for column in (*moved, "paid_sales_value", "paid_conversions")
        if column in rows
    }
    if roi_on == RECORDED:
        value_weight, count_weight = claim_weights(
            rows["sales_value"][claims], rows["conversions"][claims]
        )
        recorded = rows[records]
        totals = {column: _sum(recorded[column]) for column in moved}
        totals["conversions"] = _sum(_order_count(recorded))
        for column, total in totals.items():
            weight = count_weight if column == "conversions" else value_weight
            changed[column][claims] = weight.to_numpy() * (np.nan if total is None else total)
        paid_claims = claims & rows["paid"].to_numpy(dtype=bool)
        if "paid_sales_value" in changed:
            changed["paid_sales_value"][paid_claims] = changed["sales_value"][paid_claims]
        if "paid_conversions" in changed:
            changed["paid_conversions"][paid_claims] = np.nan_to_num(
                changed["conversions"][paid_claims]
            )
    for column in moved:
        changed[column][records] = np.nan
    if "paid_sales_value" in changed:
        changed["paid_sales_value"][records] = np.nan
    if "paid_conversions" in changed:
        changed["paid_conversions"][records] = 0.0
    return rows.assign(**{c: pd.Series(v, index=rows.index) for c, v in changed.items()})


# ---------------------------------------------------------------- per day, week or month


def claims_by_period(comparison: ClaimsComparison, period: str) -> pd.DataFrame:
    """Per day, week or month of the days both cover: claimed and recorded sales and values
    and the over-claim ratio. Empty when a claim or an order covers days of two periods (a
    month's total cannot be split into weeks without guessing)."""
    frequency = {"day": "D", "week": "W", "month": "M"}[period]
    sales = comparison.sales
    starts = pd.PeriodIndex(pd.DatetimeIndex(sales["first_day"]), freq=frequency)
    ends = pd.PeriodIndex(pd.DatetimeIndex(sales["last_day"]), freq=frequency)
    if (starts != ends).any():
        return pd.DataFrame()
    claimed = (sales["kind"] == CLAIMED).to_numpy()
    frame = pd.DataFrame(
        {
            "period_start": starts.start_time,
            "claimed_sales": sales["sales"].where(claimed).to_numpy(),
            "claimed_value": sales["value"].where(claimed).to_numpy(),
            "recorded_sales": sales["sales"].where(~claimed).to_numpy(),
            "recorded_value": sales["value"].where(~claimed).to_numpy(),
        }
    )
    # a period of the days both cover without one kind's rows had none of it
    summed = frame.groupby("period_start").sum().reset_index()
    summed["over_claim"] = summed["claimed_value"] / summed["recorded_value"].where(
        summed["recorded_value"] != 0
    )
    return summed


# ---------------------------------------------------------------- in words


# How the platforms write their names (the canonical table keeps them lower case)
_PLATFORM_NAMES = {"facebook": "Meta", "linkedin": "LinkedIn", "tiktok": "TikTok", "x": "X"}
_PLATFORM_NAMES |= {"youtube": "YouTube"}


def platform_name(platform: str) -> str:
    """A platform as people write it: 'facebook' (Meta's ads) -> 'Meta', 'google' -> 'Google'."""
    if platform in _PLATFORM_NAMES:
        return _PLATFORM_NAMES[platform]
    return platform[:1].upper() + platform[1:] if platform.islower() else platform


def _listed(names: Sequence[str], lang: str) -> str:
    """'Meta', 'Meta and Google', 'Meta, Google and TikTok' in `lang`."""
    translate = translator(lang)
    if len(names) == 1:
        return names[0]
    comma = "، " if lang == "fa" else ", "
    pair = N_("{first} and {last}")
    return fill(translate(pair), lang, first=comma.join(names[:-1]), last=names[-1])


def _whole_month(comparison: ClaimsComparison) -> bool:
    """True when the days both cover are one whole calendar month."""
    first, last = comparison.first_day, comparison.last_day
    month_end = (pd.Timestamp(first) + pd.offsets.MonthEnd(0)).date()
    return first.day == 1 and last == month_end and comparison.days == last.day


# whole sentences (several platforms or one; a whole month or some days), so that each
# language words its own grammar
_SENTENCES: dict[tuple[bool, bool], str] = {
    (True, True): N_(
        "{platforms} together claim {ratio} the sales your shop recorded in {month} "
        "({claimed} against {recorded})."
    ),
    (True, False): N_(
        "{platforms} together claim {ratio} the sales your shop recorded from {first} to "
        "{last} ({claimed} against {recorded})."
    ),
    (False, True): N_(
        "{platforms} claims {ratio} the sales your shop recorded in {month} ({claimed} "
        "against {recorded})."
    ),
    (False, False): N_(
        "{platforms} claims {ratio} the sales your shop recorded from {first} to {last} "
        "({claimed} against {recorded})."
    ),
}
_NOTHING_RECORDED: dict[bool, str] = {
    True: N_(
        "Your shop recorded no sales in {month}, while {platforms} claim {claimed}, so the "
        "claims cannot be put as a multiple of the shop's (—)."
    ),
    False: N_(
        "Your shop recorded no sales from {first} to {last}, while {platforms} claim "
        "{claimed}, so the claims cannot be put as a multiple of the shop's (—)."
    ),
}


def claims_sentence(
    comparison: ClaimsComparison,
    currency: str,
    *,
    lang: str = DEFAULT_LANGUAGE,
    digits: str = "native",
) -> str:
    """The comparison in one plain sentence: "Meta and Google together claim 2.00x the sales
    your shop recorded from 03 Jun 2026 to 08 Jun 2026 ($920.00 against $460.00)." (values;
    counts when the sales have no value)."""
    translate = translator(lang)
    names = [platform_name(str(p)) for p in comparison.by_platform["platform"]]
    by_value = comparison.claimed_value is not None and comparison.recorded_value is not None

    def amount(value: float | None) -> str:
        if by_value:
            return format_money(value, currency, lang=lang, digits=digits)
        return format_value(value, "count", lang=lang, digits=digits)

    whole_month = _whole_month(comparison)
    fields = {
        "platforms": _listed(names, lang),
        "month": period_label(comparison.first_day, "month", lang=lang, digits=digits),
        "first": format_day(comparison.first_day, lang, digits),
        "last": format_day(comparison.last_day, lang, digits),
        "claimed": amount(comparison.claimed_value if by_value else comparison.claimed_sales),
        "recorded": amount(comparison.recorded_value if by_value else comparison.recorded_sales),
        "ratio": format_value(comparison.over_claim, "multiple", lang=lang, digits=digits),
    }
    if comparison.over_claim is None:
        template = _NOTHING_RECORDED[whole_month]
    else:
        template = _SENTENCES[(len(names) > 1, whole_month)]
    used = message_fields(template)
    return fill(translate(template), lang, **{k: v for k, v in fields.items() if k in used})


def _not_compared(claimed_days: np.ndarray, recorded_days: np.ndarray, shared: int) -> NoComparison:
    """Why nothing is compared, with the days each kind covers."""

    def day(value: np.int64) -> date:
        return pd.Timestamp(np.datetime64(int(value), "D")).date()

    return NoComparison(
        claimed_first=day(claimed_days[0]),
        claimed_last=day(claimed_days[-1]),
        recorded_first=day(recorded_days[0]),
        recorded_last=day(recorded_days[-1]),
        shared_days=shared,
    )


def why_not_compared(
    nothing: NoComparison, *, lang: str = DEFAULT_LANGUAGE, digits: str = "native"
) -> str:
    """Why the platforms' claims cannot be checked against the shop, in one sentence."""
    translate = translator(lang)
    claimed = format_day_range(nothing.claimed_first, nothing.claimed_last, lang, digits)
    recorded = format_day_range(nothing.recorded_first, nothing.recorded_last, lang, digits)
    if nothing.shared_days:
        template = N_(
            "The ad platforms' sales ({claimed}) and your shop's orders ({recorded}) share "
            "days, but each of the platforms' rows covers more days than that, so they cannot "
            "be compared without guessing on which days those sales fell."
        )
    else:
        template = N_(
            "The ad platforms' sales ({claimed}) and your shop's orders ({recorded}) cover no "
            "day in common, so the platforms' claims cannot be checked against the shop."
        )
    return fill(translate(template), lang, claimed=claimed, recorded=recorded)


# ---------------------------------------------------------------- as JSON (smroi summary)


def _plain(value: Any) -> float | None:
    """A number for JSON: None where undefined (NaN)."""
    if value is None or pd.isna(value):
        return None
    return float(value)


def _count(value: float | None) -> float | int | None:
    """A count for JSON: a whole number as an int."""
    return int(value) if value is not None and float(value).is_integer() else value


def comparison_json(
    comparison: ClaimsComparison | NoComparison, currency: str, roi_on: str
) -> dict[str, Any]:
    """The comparison as the CLI's `claimed_vs_recorded` object (numbers, ISO days, English
    sentences; null where undefined)."""
    if isinstance(comparison, NoComparison):
        return {
            "compared": False,
            "reason": why_not_compared(comparison),
            "claimed_days": {
                "start": comparison.claimed_first.isoformat(),
                "end": comparison.claimed_last.isoformat(),
            },
            "recorded_days": {
                "start": comparison.recorded_first.isoformat(),
                "end": comparison.recorded_last.isoformat(),
            },
            "roi_on": roi_on,
        }
    return {
        "compared": True,
        "sentence": claims_sentence(comparison, currency),
        "start": comparison.first_day.isoformat(),
        "end": comparison.last_day.isoformat(),
        "days": comparison.days,
        "claimed": {
            "sales": _count(comparison.claimed_sales),
            "value": comparison.claimed_value,
        },
        "recorded": {
            "sales": _count(comparison.recorded_sales),
            "value": comparison.recorded_value,
        },
        "over_claim": comparison.over_claim,
        "count_over_claim": comparison.count_over_claim,
        "rows_across_the_edge": comparison.rows_across_the_edge,
        "roi_on": roi_on,
        "by_platform": {
            str(record["platform"]): {
                key: _plain(record[key])
                for key in (
                    "claimed_sales",
                    "claimed_value",
                    "claim_share",
                    "recorded_sales_share",
                    "recorded_value_share",
                    "over_claim",
                )
            }
            for record in comparison.by_platform.to_dict("records")
        },
    }
