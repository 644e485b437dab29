"""The value ledger of the Earned media page: hard money, then estimates, each with its formula.

Hard ROI (METRICS.md section 4) counts sales value, commissions and the values the user
set per lead, engagement and follower (+ earned media value when turned on). The soft
values of METRICS.md section 6 (PPC equivalent of organic search, value per fan,
customer-service savings, consumer insights) are real but estimated; they are shown
beside hard ROI, never summed into it. Every amount is in the settings' currency.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

import pandas as pd

from smroi.errors import InputFileError
from smroi.exports import normalise_header
from smroi.formatting import _localised, format_money, format_value
from smroi.i18n import DEFAULT_LANGUAGE, N_, Message, _, _n, translate_message, translator
from smroi.isolation import read_table_isolated
from smroi.metrics import safe_divide
from smroi.parsing import is_blank, parse_numbers
from smroi.readers import without_unread_rows
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
    *,
    lang: str = DEFAULT_LANGUAGE,
    digits: str = "native",
) -> tuple[tuple[PpcKeyword, ...], list[Message]]:
    """Keywords with their organic clicks and cost per click, from one file or two, and
    what to tell the user.

    One file with keyword, clicks and CPC columns, or two joined on the keyword (case and
    spaces at the ends do not matter): one with clicks (a Google Search Console "Queries"
    export) and one with CPC (a Google Ads Keyword Planner export, whose CPC is the
    midpoint of its low and high top-of-page bids). A file that cannot be used is
    reported, never raised. Keywords with clicks but no CPC are left out and counted.

    The messages are `Message`s (English text; the UI shows them with `tr()`); the counts
    in them are written for `lang` and `digits`.
    """

    def count(number: float) -> str:
        return format_value(number, "count", lang=lang, digits=digits)

    messages: list[Message] = []
    found: list[_FileKeywords] = []
    for name, data in files:
        result = _read_keyword_file(name, data, messages, count)
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
        for key, (keyword, clicked) in file.clicks.items():
            written, total = clicks.get(key, (keyword, 0.0))
            clicks[key] = (written, total + clicked)  # two periods of one site add up
        for key, price in file.cpc.items():
            cpc.setdefault(key, price)  # the first file that prices a keyword wins

    if not any(file.clicks for file in found):
        messages.append(
            _(
                "None of the files has organic clicks per keyword: add a file with them, such "
                'as a Google Search Console "Queries" export.'
            )
        )
        return (), messages
    keywords: list[PpcKeyword] = []
    unpriced: list[str] = []
    for key, (keyword, clicked) in clicks.items():
        if key in cpc:
            keywords.append(PpcKeyword(keyword=keyword, organic_clicks=clicked, cpc=cpc[key]))
        else:
            unpriced.append(keyword)
    where: str = clicks_files[0]
    for name in clicks_files[1:]:
        where = _("{first} and {second}", first=where, second=name)
    if not any(file.cpc for file in found):
        messages.append(
            _n(
                "{files}: none of the files has a cost per click per keyword, so {count} "
                "keyword with clicks is left out: add a Google Ads Keyword Planner export "
                "(or a file with a CPC column).",
                "{files}: none of the files has a cost per click per keyword, so {count} "
                "keywords with clicks are left out: add a Google Ads Keyword Planner export "
                "(or a file with a CPC column).",
                len(unpriced),
                files=where,
                count=count(len(unpriced)),
            )
        )
    elif len(unpriced) > 3:
        messages.append(
            _(
                "{files}: {count} keywords with organic clicks have no cost per click in the "
                "files, so they are left out of the PPC equivalent ({examples} and {more} more).",
                files=where,
                count=count(len(unpriced)),
                examples=", ".join(f"'{k}'" for k in unpriced[:3]),
                more=count(len(unpriced) - 3),
            )
        )
    elif unpriced:
        messages.append(
            _n(
                "{files}: {count} keyword with organic clicks has no cost per click in the "
                "files, so it is left out of the PPC equivalent ({examples}).",
                "{files}: {count} keywords with organic clicks have no cost per click in the "
                "files, so they are left out of the PPC equivalent ({examples}).",
                len(unpriced),
                files=where,
                count=count(len(unpriced)),
                examples=", ".join(f"'{k}'" for k in unpriced),
            )
        )
    return tuple(keywords), messages


def _read_keyword_file(
    name: str, data: bytes, messages: list[Message], count: Callable[[float], str]
) -> _FileKeywords | None:
    """One file's keywords, or None with the reason added to messages (counts written
    with `count`)."""
    if not data:
        messages.append(_("{file}: the file is empty.", file=name))
        return None
    if len(data) > MAX_KEYWORD_FILE_BYTES:
        messages.append(
            _(
                "{file}: the file is {size} MB, too large to read.",
                file=name,
                size=count(len(data) / 1e6),
            )
        )
        return None
    try:
        raw = read_table_isolated(name, data)
    except InputFileError as exc:
        messages.append(_("{file}: {problem}", file=exc.file, problem=exc.problem))
        return None
    except Exception as exc:  # a bug must not show the user a traceback; tests catch bugs
        error = f"{type(exc).__name__}: {exc}"
        messages.append(
            _(
                "{file}: smroi could not read it ({error}); please report this.",
                file=name,
                error=error,
            )
        )
        return None
    raw, unread = without_unread_rows(name, raw)  # more cells than the header
    messages += unread

    headers = [str(column) for column in raw.columns]
    keyword_column = _column(headers, KEYWORD_HEADERS)
    if keyword_column is None:
        messages.append(
            _(
                "{file}: it has no keyword column (such as Keyword, Query or Top queries), "
                "so it is not used.",
                file=name,
            )
        )
        return None
    clicks_column = _column(headers, CLICK_HEADERS)
    cpc_column = _column(headers, CPC_HEADERS)
    bid_columns = [h for h in headers if _bracketed(h).startswith((LOW_BID, HIGH_BID))]
    if clicks_column is not None and _column(headers, COST_HEADERS) is not None:
        messages.append(
            _(
                "{file}: it has an ad cost column, so its clicks are paid clicks, not organic "
                "visits; only its cost per click is used.",
                file=name,
            )
        )
        clicks_column = None
    if clicks_column is None and cpc_column is None and not bid_columns:
        messages.append(
            _(
                "{file}: it has no column of organic clicks (such as Clicks) and none of cost "
                "per click (such as CPC or Top of page bid), so it is not used.",
                file=name,
            )
        )
        return None

    written = raw[keyword_column].map(lambda v: None if is_blank(v) else " ".join(str(v).split()))
    frame = pd.DataFrame(
        {
            "keyword": written,
            # a str column holds a blank as NaN, not None (an empty line)
            "key": written.map(lambda v: v.casefold() if isinstance(v, str) else None),
        }
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
        messages.append(
            _n(
                "{file}: {count} row without a keyword left out.",
                "{file}: {count} rows without a keyword left out.",
                nameless,
                file=name,
                count=count(nameless),
            )
        )
    groups = frame.dropna(subset=["key"]).groupby("key", sort=False)
    keyword = groups["keyword"].first()
    clicks = groups["clicks"].sum(min_count=1)
    cpc = groups["cpc"].mean()  # one keyword in several rows (match types): their mean
    no_clicks = int((clicks == 0).sum())
    if no_clicks:
        messages.append(
            _n(
                "{file}: {count} keyword with 0 clicks left out.",
                "{file}: {count} keywords with 0 clicks left out.",
                no_clicks,
                file=name,
                count=count(no_clicks),
            )
        )
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

# Where the rates come from: a heading sentence and three points, each one message.
_RATE_SOURCES_INTRO = N_(
    "**Where these rates come from.** They are rough figures in US dollars, rounded, for a "
    "start only: what buying the same results as ads tends to cost."
)
_RATE_SOURCES_POINTS = (
    N_(
        "**Value per fan**: Vitrue's April 2010 study (reported by Adweek) took a fan to see "
        'each post about once, 2 posts a day, priced at a "conservative" $5 CPM: '
        "2 x 30 days x 12 months = 720 impressions x $5 / 1000 = **$3.60** a fan a year. "
        "smroi counts 365 days, which gives $3.65."
    ),
    N_(
        '**CPM, CPC and CPE per platform** ("mid"): near the middle of published 2024-2025 '
        "benchmarks, e.g. WordStream's and Revealbot's Facebook and Instagram ad benchmarks, "
        "LinkedIn's own and agencies' published CPM and CPC figures, and industry round-ups "
        'for X, TikTok, YouTube and Pinterest. "Low" and "high" span most of what those '
        "benchmarks report. The default CPE of smroi is 0 (engagements not priced); the "
        "presets price them at a few cents."
    ),
    N_(
        "Rates differ by country, industry, audience, season and ad format by a factor of "
        "several. **Your own ad costs are the best rates**: the CPM, CPC and CPE your paid "
        "rows show on the Overview and Cost per result pages."
    ),
)


def rate_sources(lang: str = DEFAULT_LANGUAGE) -> str:
    """Where the preset and default rates come from (markdown), in `lang`."""
    translate = translator(lang)
    points = "\n".join(f"- {translate(point)}" for point in _RATE_SOURCES_POINTS)
    return f"{translate(_RATE_SOURCES_INTRO)}\n\n{points}\n"


RATE_SOURCES = rate_sources()


# ---------------------------------------------------------------- the value ledger


@dataclass(frozen=True)
class LedgerLine:
    """One line of the value ledger: an amount (None when undefined), how it was found, and
    whether it is counted in return (ROI). `label` and `formula` are in the language the
    ledger was made for; `kind` is "cash" or "estimated" in every language (LEDGER_KINDS
    names them)."""

    key: str
    label: str
    amount: float | None
    kind: Literal["cash", "estimated"]
    formula: str
    in_roi: bool


# The ledger's line names (English; translated where shown) by line key, in ledger order.
LEDGER_LABELS: dict[str, str] = {
    "sales_value": N_("Sales value"),
    "commissions": N_("Commissions"),
    "lead_value": N_("Lead value"),
    "engagement_value": N_("Engagement value"),
    "follower_value": N_("Follower value"),
    "emv": N_("Earned media value"),
    "ppc_equivalent": N_("PPC equivalent"),
    "fan_value": N_("Brand awareness (value per fan)"),
    "service_savings": N_("Customer-service savings"),
    "insight_value": N_("Consumer insights"),
}
# What a line's amount is: money received, or worked out from the user's assumptions.
LEDGER_KINDS: dict[str, str] = {"cash": N_("cash"), "estimated": N_("estimated")}


def _number(totals: Mapping[str, float | int | None], key: str) -> float:
    value = totals.get(key)
    return 0.0 if value is None else float(value)


def value_ledger(
    totals: Mapping[str, float | int | None],
    settings: Settings,
    months: float,
    *,
    lang: str = DEFAULT_LANGUAGE,
    digits: str = "native",
) -> list[LedgerLine]:
    """Every value social media brought in the period, hard money first, then estimates.

    `totals` is `smroi.metrics.headline(analysis)` and `months` the months it covers.
    The lines counted in ROI (in_roi) sum to totals["return"]; the others are shown
    beside it, never summed into it. Labels and formulas are written in `lang` (numbers
    with `digits`); English by default.
    """
    values, soft = settings.values, settings.soft_value
    label = translator(lang)

    def say(message: Message) -> str:
        return translate_message(message, lang)

    def money(amount: float | None) -> str:
        return format_money(amount, settings.currency_code, lang=lang, digits=digits)

    def count(number: float) -> str:
        """1,200 or 2.50: a count as written in a formula."""
        unit = "count" if float(number).is_integer() else "number"
        return format_value(number, unit, lang=lang, digits=digits)

    period = f"{months:,.1f}" if lang == DEFAULT_LANGUAGE else _localised(months, 1, lang, digits)

    sales_value = _number(totals, "sales_value")
    revenue = totals.get("revenue")
    untracked = sales_value - (0.0 if revenue is None else float(revenue))
    if revenue is None:
        sales_formula = _(
            "{sales} sales x {order_value} average order value (no revenue tracked)",
            sales=count(_number(totals, "conversions")),
            order_value=money(values.average_order_value),
        )
    elif abs(untracked) < 0.005:
        sales_formula = _("tracked revenue {revenue}", revenue=money(revenue))
    else:
        sales_formula = _(
            "tracked revenue {revenue} + {untracked} for sales without revenue at "
            "{order_value} an order",
            revenue=money(revenue),
            untracked=money(untracked),
            order_value=money(values.average_order_value),
        )

    lead_value = _number(totals, "lead_value")
    leads = _number(totals, "leads")
    if values.count_lead_value is False:
        lead_formula = _(
            "turned off: {leads} leads not priced, so that a lead that became a sale is not "
            "counted twice",
            leads=count(leads),
        )
    elif values.count_lead_value is True:
        lead_formula = _(
            "{leads} leads x {value} a lead", leads=count(leads), value=money(values.value_per_lead)
        )
    else:
        priced = safe_divide(lead_value, values.value_per_lead)
        lead_formula = _(
            "{counted} of {leads} leads x {value} a lead (leads on rows with tracked revenue "
            "are not counted again)",
            counted=count(priced if priced is not None else 0.0),
            leads=count(leads),
            value=money(values.value_per_lead),
        )

    default = settings.earned_media.rate_for("default")
    own = sorted(name for name in settings.earned_media.rates if name != "default")
    rate_fields = {
        "cpm": money(default.cpm),
        "cpc": money(default.cpc),
        "cpe": money(default.cpe),
    }
    if own:
        rates = _(
            "organic (unpaid) results: impressions / 1000 x CPM + clicks x CPC + engagements x "
            "CPE, at each platform's rates (default {cpm} CPM, {cpc} a click, {cpe} an "
            "engagement; own rates for {platforms})",
            platforms=", ".join(own),
            **rate_fields,
        )
    else:
        rates = _(
            "organic (unpaid) results: impressions / 1000 x CPM + clicks x CPC + engagements x "
            "CPE, at each platform's rates (default {cpm} CPM, {cpc} a click, {cpe} an "
            "engagement)",
            **rate_fields,
        )
    if settings.earned_media.include_in_roi:
        emv_formula = _("{rates}; counted in return", rates=rates)
    else:
        emv_formula = _("{rates}; not counted in return", rates=rates)

    keywords = soft.ppc_keywords
    if keywords:
        ppc_formula = _n(
            "{clicks} organic clicks on {count} keyword x each keyword's cost per click",
            "{clicks} organic clicks on {count} keywords x each keyword's cost per click",
            len(keywords),
            clicks=count(sum(k.organic_clicks for k in keywords)),
            count=count(len(keywords)),
        )
    else:
        ppc_formula = _("no keywords yet: add a Search Console and a Keyword Planner export")
    per_fan = value_per_fan(soft)
    impressions = count(soft.impressions_per_fan_per_post)
    if soft.impressions_per_fan_per_post == 1:
        per_post = _("{count} impression", count=impressions)
    else:  # 0.5 impressions, 2 impressions
        per_post = _("{count} impressions", count=impressions)
    posts = count(soft.posts_per_day)
    if soft.posts_per_day == 1:
        per_day = _("{count} post", count=posts)
    else:
        per_day = _("{count} posts", count=posts)
    fan_formula = _(
        "{fans} fans x {per_fan} a year x {months} / 12 months; {per_fan} = {impressions} per "
        "fan per post x {posts} a day x 365 days x {cpm} CPM / 1000",
        fans=count(soft.fans),
        per_fan=money(per_fan),
        months=period,
        impressions=per_post,
        posts=per_day,
        cpm=money(soft.fan_cpm),
    )
    service_formula = _(
        "{contacts} contacts answered a month x {months} months x {cost} a contact",
        contacts=count(soft.contacts_answered_per_month),
        months=period,
        cost=money(soft.cost_per_contact),
    )
    insights = insight_value(soft)
    insight_formula = _(
        "{insights} insights x {cost} a focus group / {per_group} insights a focus group",
        insights=count(soft.insights),
        cost=money(soft.focus_group_cost),
        per_group=count(soft.insights_per_focus_group),
    )
    if insights is None:
        insight_formula = _(
            "undefined: enter how many insights one focus group yields; {formula}",
            formula=insight_formula,
        )

    def line(
        key: str,
        amount: float | None,
        kind: Literal["cash", "estimated"],
        formula: Message,
        in_roi: bool,
    ) -> LedgerLine:
        return LedgerLine(key, label(LEDGER_LABELS[key]), amount, kind, say(formula), in_roi)

    return [
        line("sales_value", sales_value, "cash", sales_formula, True),
        line(
            "commissions",
            _number(totals, "commissions"),
            "cash",
            _("sum of commissions in your files"),
            True,
        ),
        line(
            "lead_value",
            lead_value,
            "estimated",
            lead_formula,
            values.count_lead_value is not False,
        ),
        line(
            "engagement_value",
            _number(totals, "engagement_value"),
            "estimated",
            _(
                "{engagements} engagements x {value} an engagement",
                engagements=count(_number(totals, "engagements")),
                value=money(values.value_per_engagement),
            ),
            True,
        ),
        line(
            "follower_value",
            _number(totals, "follower_value"),
            "estimated",
            _(
                "{followers} new followers x {value} a follower",
                followers=count(_number(totals, "followers_gained")),
                value=money(values.value_per_follower),
            ),
            True,
        ),
        line(
            "emv",
            _number(totals, "emv"),
            "estimated",
            emv_formula,
            settings.earned_media.include_in_roi,
        ),
        line("ppc_equivalent", ppc_equivalent(keywords), "estimated", ppc_formula, False),
        line("fan_value", fan_value(soft, months), "estimated", fan_formula, False),
        line("service_savings", service_savings(soft, months), "estimated", service_formula, False),
        line("insight_value", insights, "estimated", insight_formula, False),
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
