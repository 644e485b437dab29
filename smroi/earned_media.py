"""The value ledger of the Earned media page: hard money, then estimates, each with its formula.

Hard ROI (METRICS.md section 4) counts sales value, commissions and the values the user
set per lead, engagement and follower (+ earned media value when turned on). The soft
values of METRICS.md section 6 (PPC equivalent of organic search, value per fan,
customer-service savings, consumer insights) are real but estimated; they are shown
beside hard ROI, never summed into it. Every amount is in the settings' currency.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

import pandas as pd

from smroi.errors import InputFileError
from smroi.exports import normalise_header
from smroi.formatting import format_money, plural
from smroi.metrics import safe_divide
from smroi.parsing import is_blank, parse_numbers
from smroi.readers import read_table
from smroi.settings import PpcKeyword, Rate, Settings, SoftValue

DAYS_PER_YEAR = 365
MAX_KEYWORD_FILE_BYTES = 200 * 1024 * 1024

# ---------------------------------------------------------------- soft values


def value_per_fan(soft: SoftValue) -> float:
    """What one fan is worth a year: the impressions a fan gets in a year, priced at a CPM.

    impressions per fan per post x posts a day x 365 x CPM / 1000 (3.65 with the defaults).
    """
    yearly_impressions = soft.impressions_per_fan_per_post * soft.posts_per_day * DAYS_PER_YEAR
    return yearly_impressions * soft.fan_cpm / 1000


def fan_value(soft: SoftValue, months: float) -> float:
    """Brand-awareness value of the fans over the period: fans x value per fan x months / 12."""
    return soft.fans * value_per_fan(soft) * months / 12


def service_savings(soft: SoftValue, months: float) -> float:
    """Customer service saved: contacts answered a month x months x cost of one private answer."""
    return soft.contacts_answered_per_month * months * soft.cost_per_contact


def insight_value(soft: SoftValue) -> float | None:
    """What the insights would have cost from focus groups: insights x cost / insights a group.

    0 when there are no insights; undefined (None) when insights were gained but the
    number of insights one focus group yields is 0 (never 0 or inf).
    """
    if soft.insights == 0:
        return 0.0
    return safe_divide(soft.insights * soft.focus_group_cost, soft.insights_per_focus_group)


PPC_COLUMNS: tuple[str, ...] = ("keyword", "organic_clicks", "cpc", "saved")


def ppc_table(keywords: Sequence[PpcKeyword]) -> pd.DataFrame:
    """Each keyword's organic clicks x its cost per click = ad money not spent, largest first."""
    frame = pd.DataFrame(
        {
            "keyword": pd.Series([k.keyword for k in keywords], dtype="object"),
            "organic_clicks": pd.Series([k.organic_clicks for k in keywords], dtype="float64"),
            "cpc": pd.Series([k.cpc for k in keywords], dtype="float64"),
        }
    )
    frame["saved"] = frame["organic_clicks"] * frame["cpc"]
    return frame.sort_values("saved", ascending=False, kind="stable").reset_index(drop=True)


def ppc_equivalent(keywords: Sequence[PpcKeyword]) -> float:
    """What the organic search visits would have cost as pay-per-click ads: sum of clicks x CPC."""
    return float(sum(k.organic_clicks * k.cpc for k in keywords))


# ---------------------------------------------------------------- keyword files

# Header names (as smroi.exports.normalise_header writes them), best first.
KEYWORD_HEADERS: tuple[str, ...] = (
    "keyword",
    "keywords",
    "search_keyword",
    "top_queries",
    "query",
    "queries",
    "top_query",
    "search_query",
    "search_term",
    "search_terms",
    "sokeord",
    "nokkelord",
)
CLICK_HEADERS: tuple[str, ...] = (
    "organic_clicks",
    "clicks",
    "url_clicks",
    "organic_traffic",
    "traffic",
    "organic_visits",
    "visits",
    "sessions",
    "klikk",
)
CPC_HEADERS: tuple[str, ...] = ("cpc", "avg_cpc", "average_cpc", "cost_per_click", "suggested_bid")
# A column of ad cost says the file is an ad report: its clicks were paid for.
COST_HEADERS: tuple[str, ...] = ("cost", "spend", "amount_spent", "kostnad")
# Keyword Planner's bids; the brackets tell them apart, so they are matched with them kept.
LOW_BID = "top_of_page_bid_low_range"
HIGH_BID = "top_of_page_bid_high_range"


@dataclass(frozen=True)
class _FileKeywords:
    """One file's keywords: keyword key -> (keyword as written, its clicks); key -> CPC."""

    name: str
    clicks: dict[str, tuple[str, float]]
    cpc: dict[str, float]


def read_keyword_files(
    files: list[tuple[str, bytes]],
) -> tuple[tuple[PpcKeyword, ...], list[str]]:
    """Keywords with their organic clicks and cost per click, from one file or two, and
    what to tell the user.

    One file with keyword, clicks and CPC columns, or two joined on the keyword (case and
    spaces at the ends do not matter): one with clicks (a Google Search Console "Queries"
    export) and one with CPC (a Google Ads Keyword Planner export, whose CPC is the
    midpoint of its low and high top-of-page bids). A file that cannot be used is
    reported, never raised. Keywords with clicks but no CPC are left out and counted.
    """
    messages: list[str] = []
    found: list[_FileKeywords] = []
    for name, data in files:
        result = _read_keyword_file(name, data, messages)
        if result is not None:
            found.append(result)
    if not found:
        return (), messages

    clicks: dict[str, tuple[str, float]] = {}
    clicks_files: list[str] = []
    cpc: dict[str, float] = {}
    for file in found:
        if file.clicks:
            clicks_files.append(file.name)
        for key, (keyword, count) in file.clicks.items():
            written, total = clicks.get(key, (keyword, 0.0))
            clicks[key] = (written, total + count)  # two periods of one site add up
        for key, price in file.cpc.items():
            cpc.setdefault(key, price)  # the first file that prices a keyword wins

    if not any(file.clicks for file in found):
        messages.append(
            "None of the files has organic clicks per keyword: add a file with them, such "
            'as a Google Search Console "Queries" export.'
        )
        return (), messages
    keywords: list[PpcKeyword] = []
    unpriced: list[str] = []
    for key, (keyword, count) in clicks.items():
        if key in cpc:
            keywords.append(PpcKeyword(keyword=keyword, organic_clicks=count, cpc=cpc[key]))
        else:
            unpriced.append(keyword)
    where = " and ".join(clicks_files)
    if not any(file.cpc for file in found):
        messages.append(
            f"{where}: none of the files has a cost per click per keyword, so "
            f"{plural(len(unpriced), 'keyword')} with clicks "
            f"{'is' if len(unpriced) == 1 else 'are'} left out: add a Google Ads Keyword "
            "Planner export (or a file with a CPC column)."
        )
    elif unpriced:
        examples = ", ".join(f"'{k}'" for k in unpriced[:3])
        more = f" and {len(unpriced) - 3:,} more" if len(unpriced) > 3 else ""
        messages.append(
            f"{where}: {plural(len(unpriced), 'keyword')} with organic clicks "
            f"{'has' if len(unpriced) == 1 else 'have'} no cost per click in the files, so "
            f"{'it is' if len(unpriced) == 1 else 'they are'} left out of the PPC "
            f"equivalent ({examples}{more})."
        )
    return tuple(keywords), messages


def _read_keyword_file(name: str, data: bytes, messages: list[str]) -> _FileKeywords | None:
    """One file's keywords, or None with the reason added to messages."""
    if not data:
        messages.append(f"{name}: the file is empty.")
        return None
    if len(data) > MAX_KEYWORD_FILE_BYTES:
        messages.append(f"{name}: the file is {len(data) / 1e6:,.0f} MB, too large to read.")
        return None
    try:
        raw = read_table(name, data, {})
    except InputFileError as exc:
        messages.append(str(exc))
        return None
    except Exception as exc:  # a bug must not show the user a traceback; tests catch bugs
        messages.append(
            f"{name}: smroi could not read it ({type(exc).__name__}: {exc}); please report this."
        )
        return None

    headers = [str(column) for column in raw.columns]
    keyword_column = _column(headers, KEYWORD_HEADERS)
    if keyword_column is None:
        messages.append(
            f"{name}: it has no keyword column (such as Keyword, Query or Top queries), "
            "so it is not used."
        )
        return None
    clicks_column = _column(headers, CLICK_HEADERS)
    cpc_column = _column(headers, CPC_HEADERS)
    bid_columns = [h for h in headers if _bracketed(h).startswith((LOW_BID, HIGH_BID))]
    if clicks_column is not None and _column(headers, COST_HEADERS) is not None:
        messages.append(
            f"{name}: it has an ad cost column, so its clicks are paid clicks, not organic "
            "visits; only its cost per click is used."
        )
        clicks_column = None
    if clicks_column is None and cpc_column is None and not bid_columns:
        messages.append(
            f"{name}: it has no column of organic clicks (such as Clicks) and none of cost "
            "per click (such as CPC or Top of page bid), so it is not used."
        )
        return None

    written = raw[keyword_column].map(lambda v: None if is_blank(v) else " ".join(str(v).split()))
    frame = pd.DataFrame(
        {"keyword": written, "key": written.map(lambda v: None if v is None else v.casefold())}
    )
    frame["clicks"] = _numbers(raw[clicks_column]) if clicks_column is not None else float("nan")
    if cpc_column is not None:
        frame["cpc"] = _numbers(raw[cpc_column])
    elif bid_columns:  # the midpoint of the low and high bids, or the one that is there
        frame["cpc"] = pd.concat([_numbers(raw[h]) for h in bid_columns], axis=1).mean(axis=1)
    else:
        frame["cpc"] = float("nan")
    nameless = int(frame["key"].isna().sum())
    if nameless:
        messages.append(f"{name}: {plural(nameless, 'row')} without a keyword left out.")
    groups = frame.dropna(subset=["key"]).groupby("key", sort=False)
    keyword = groups["keyword"].first()
    clicks = groups["clicks"].sum(min_count=1)
    cpc = groups["cpc"].mean()  # one keyword in several rows (match types): their mean
    no_clicks = int((clicks == 0).sum())
    if no_clicks:
        messages.append(f"{name}: {plural(no_clicks, 'keyword')} with 0 clicks left out.")
    return _FileKeywords(
        name=name,
        clicks={k: (keyword[k], float(c)) for k, c in clicks.items() if pd.notna(c) and c > 0},
        cpc={k: float(p) for k, p in cpc.items() if pd.notna(p)},
    )


def _column(headers: list[str], names: tuple[str, ...]) -> str | None:
    """The header that is the first of these names, if any."""
    normalised = {normalise_header(header): header for header in reversed(headers)}
    return next((normalised[name] for name in names if name in normalised), None)


def _bracketed(header: str) -> str:
    """A header with the text in its brackets kept: 'top_of_page_bid_low_range'."""
    return normalise_header(header.replace("(", " ").replace(")", " "))


def _numbers(values: pd.Series) -> pd.Series:
    """Numbers from a column (currency text such as 'US$1.20' read); negatives are missing."""
    parsed, _, _ = parse_numbers(values)
    return parsed.where(parsed >= 0)


# ---------------------------------------------------------------- rate presets

# Earned-media rates a small business can start from, in USD: platform -> CPM, CPC, CPE.
# "mid" keeps the app's default CPM and CPC on its default row.
RATE_PRESETS: dict[str, dict[str, Rate]] = {
    "low": {
        "default": Rate(cpm=4.0, cpc=0.5, cpe=0.02),
        "facebook": Rate(cpm=5.0, cpc=0.4, cpe=0.01),
        "instagram": Rate(cpm=4.0, cpc=0.5, cpe=0.02),
        "linkedin": Rate(cpm=20.0, cpc=3.0, cpe=0.25),
        "x": Rate(cpm=2.0, cpc=0.25, cpe=0.03),
        "tiktok": Rate(cpm=4.0, cpc=0.5, cpe=0.01),
        "youtube": Rate(cpm=4.0, cpc=0.5, cpe=0.02),
        "pinterest": Rate(cpm=2.0, cpc=0.1, cpe=0.05),
    },
    "mid": {
        "default": Rate(cpm=7.0, cpc=1.0, cpe=0.05),
        "facebook": Rate(cpm=9.0, cpc=0.9, cpe=0.05),
        "instagram": Rate(cpm=8.0, cpc=1.1, cpe=0.05),
        "linkedin": Rate(cpm=33.0, cpc=5.5, cpe=0.6),
        "x": Rate(cpm=6.5, cpc=0.4, cpe=0.1),
        "tiktok": Rate(cpm=10.0, cpc=1.0, cpe=0.03),
        "youtube": Rate(cpm=9.0, cpc=1.5, cpe=0.05),
        "pinterest": Rate(cpm=4.0, cpc=1.0, cpe=0.1),
    },
    "high": {
        "default": Rate(cpm=15.0, cpc=2.5, cpe=0.2),
        "facebook": Rate(cpm=15.0, cpc=2.0, cpe=0.15),
        "instagram": Rate(cpm=14.0, cpc=2.5, cpe=0.15),
        "linkedin": Rate(cpm=60.0, cpc=10.0, cpe=1.5),
        "x": Rate(cpm=10.0, cpc=1.0, cpe=0.5),
        "tiktok": Rate(cpm=20.0, cpc=2.0, cpe=0.1),
        "youtube": Rate(cpm=15.0, cpc=3.5, cpe=0.2),
        "pinterest": Rate(cpm=8.0, cpc=1.5, cpe=0.5),
    },
}

RATE_SOURCES = """\
**Where these rates come from.** They are rough figures in US dollars, rounded, for a
start only: what buying the same results as ads tends to cost.

- **Value per fan**: Vitrue's April 2010 study (reported by Adweek) took a fan to see
  each post about once, 2 posts a day, priced at a "conservative" $5 CPM:
  2 x 30 days x 12 months = 720 impressions x $5 / 1000 = **$3.60** a fan a year.
  smroi counts 365 days, which gives $3.65.
- **CPM, CPC and CPE per platform** ("mid"): near the middle of published 2024-2025
  benchmarks, e.g. WordStream's and Revealbot's Facebook and Instagram ad benchmarks,
  LinkedIn's own and agencies' published CPM and CPC figures, and industry round-ups for
  X, TikTok, YouTube and Pinterest. "Low" and "high" span most of what those
  benchmarks report. The default CPE of smroi is 0 (engagements not priced); the
  presets price them at a few cents.
- Rates differ by country, industry, audience, season and ad format by a factor of
  several. **Your own ad costs are the best rates**: the CPM, CPC and CPE your paid
  rows show on the Overview and Cost per result pages.
"""


# ---------------------------------------------------------------- the value ledger


@dataclass(frozen=True)
class LedgerLine:
    """One line of the value ledger: an amount (None when undefined), how it was found, and
    whether it is counted in return (ROI)."""

    key: str
    label: str
    amount: float | None
    kind: Literal["cash", "estimated"]
    formula: str
    in_roi: bool


def _number(totals: Mapping[str, float | int | None], key: str) -> float:
    value = totals.get(key)
    return 0.0 if value is None else float(value)


def _count(number: float) -> str:
    """1,200 or 2.5: a count as written in a formula."""
    return f"{number:,.0f}" if float(number).is_integer() else f"{number:,.2f}"


def _counted(number: float, word: str) -> str:
    """'1 post', '2 posts', '0.5 posts'."""
    return f"{_count(number)} {word}" if number == 1 else f"{_count(number)} {word}s"


def value_ledger(
    totals: Mapping[str, float | int | None], settings: Settings, months: float
) -> list[LedgerLine]:
    """Every value social media brought in the period, hard money first, then estimates.

    `totals` is `smroi.metrics.headline(analysis)` and `months` the months it covers.
    The lines counted in ROI (in_roi) sum to totals["return"]; the others are shown
    beside it, never summed into it.
    """
    values, soft = settings.values, settings.soft_value

    def money(amount: float | None) -> str:
        return format_money(amount, settings.currency)

    sales_value = _number(totals, "sales_value")
    revenue = totals.get("revenue")
    untracked = sales_value - (0.0 if revenue is None else float(revenue))
    if revenue is None:
        sales_formula = (
            f"{_count(_number(totals, 'conversions'))} sales x "
            f"{money(values.average_order_value)} average order value (no revenue tracked)"
        )
    elif abs(untracked) < 0.005:
        sales_formula = f"tracked revenue {money(revenue)}"
    else:
        sales_formula = (
            f"tracked revenue {money(revenue)} + {money(untracked)} for sales without "
            f"revenue at {money(values.average_order_value)} an order"
        )

    lead_value = _number(totals, "lead_value")
    leads = _number(totals, "leads")
    if values.count_lead_value is False:
        lead_formula = (
            f"turned off: {_count(leads)} leads not priced, so that a lead that became a "
            "sale is not counted twice"
        )
    elif values.count_lead_value is True:
        lead_formula = f"{_count(leads)} leads x {money(values.value_per_lead)} a lead"
    else:
        counted = safe_divide(lead_value, values.value_per_lead)
        lead_formula = (
            f"{_count(counted if counted is not None else 0.0)} of {_count(leads)} leads x "
            f"{money(values.value_per_lead)} a lead (leads on rows with tracked revenue "
            "are not counted again)"
        )

    default = settings.earned_media.rate_for("default")
    own = sorted(name for name in settings.earned_media.rates if name != "default")
    emv_formula = (
        "organic (unpaid) results: impressions / 1000 x CPM + clicks x CPC + engagements x CPE, at "
        f"each platform's rates (default {money(default.cpm)} CPM, {money(default.cpc)} a "
        f"click, {money(default.cpe)} an engagement"
        + (f"; own rates for {', '.join(own)}" if own else "")
        + ")"
        + (
            "; counted in return"
            if settings.earned_media.include_in_roi
            else "; not counted in return"
        )
    )

    keywords = soft.ppc_keywords
    ppc_formula = (
        f"{_count(sum(k.organic_clicks for k in keywords))} organic clicks on "
        f"{plural(len(keywords), 'keyword')} x each keyword's cost per click"
        if keywords
        else "no keywords yet: add a Search Console and a Keyword Planner export"
    )
    per_fan = value_per_fan(soft)
    fan_formula = (
        f"{_count(soft.fans)} fans x {money(per_fan)} a year x {months:,.1f} / 12 months; "
        f"{money(per_fan)} = {_counted(soft.impressions_per_fan_per_post, 'impression')} per "
        f"fan per post x {_counted(soft.posts_per_day, 'post')} a day x 365 days x "
        f"{money(soft.fan_cpm)} CPM / 1000"
    )
    service_formula = (
        f"{_count(soft.contacts_answered_per_month)} contacts answered a month x "
        f"{months:,.1f} months x {money(soft.cost_per_contact)} a contact"
    )
    insights = insight_value(soft)
    insight_formula = (
        f"{_count(soft.insights)} insights x {money(soft.focus_group_cost)} a focus group / "
        f"{_count(soft.insights_per_focus_group)} insights a focus group"
    )
    if insights is None:
        insight_formula = (
            "undefined: enter how many insights one focus group yields; " + insight_formula
        )

    return [
        LedgerLine("sales_value", "Sales value", sales_value, "cash", sales_formula, True),
        LedgerLine(
            "commissions",
            "Commissions",
            _number(totals, "commissions"),
            "cash",
            "sum of commissions in your files",
            True,
        ),
        LedgerLine(
            "lead_value",
            "Lead value",
            lead_value,
            "estimated",
            lead_formula,
            values.count_lead_value is not False,
        ),
        LedgerLine(
            "engagement_value",
            "Engagement value",
            _number(totals, "engagement_value"),
            "estimated",
            f"{_count(_number(totals, 'engagements'))} engagements x "
            f"{money(values.value_per_engagement)} an engagement",
            True,
        ),
        LedgerLine(
            "follower_value",
            "Follower value",
            _number(totals, "follower_value"),
            "estimated",
            f"{_count(_number(totals, 'followers_gained'))} new followers x "
            f"{money(values.value_per_follower)} a follower",
            True,
        ),
        LedgerLine(
            "emv",
            "Earned media value",
            _number(totals, "emv"),
            "estimated",
            emv_formula,
            settings.earned_media.include_in_roi,
        ),
        LedgerLine(
            "ppc_equivalent",
            "PPC equivalent",
            ppc_equivalent(keywords),
            "estimated",
            ppc_formula,
            False,
        ),
        LedgerLine(
            "fan_value",
            "Brand awareness (value per fan)",
            fan_value(soft, months),
            "estimated",
            fan_formula,
            False,
        ),
        LedgerLine(
            "service_savings",
            "Customer-service savings",
            service_savings(soft, months),
            "estimated",
            service_formula,
            False,
        ),
        LedgerLine(
            "insight_value", "Consumer insights", insights, "estimated", insight_formula, False
        ),
    ]


def ledger_totals(lines: Sequence[LedgerLine], cost: float) -> dict[str, float]:
    """Cash, estimated (undefined lines skipped), their total, the cost, total - cost, and
    what of it is counted in return ("in_roi", equal to headline's return)."""
    cash = sum(line.amount for line in lines if line.kind == "cash" and line.amount is not None)
    estimated = sum(
        line.amount for line in lines if line.kind == "estimated" and line.amount is not None
    )
    in_roi = sum(line.amount for line in lines if line.in_roi and line.amount is not None)
    total = cash + estimated
    return {
        "cash": float(cash),
        "estimated": float(estimated),
        "total": float(total),
        "cost": float(cost),
        "net_with_estimates": float(total - cost),
        "in_roi": float(in_roi),
    }
