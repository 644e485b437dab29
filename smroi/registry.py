"""Every number smroi shows, as data: key, label, unit, formula in words, help.

One registry drives the KPI cards, tooltips, table headers, the CLI's JSON keys
and the README glossary (a test checks they agree). The formulas are those of
docs/METRICS.md.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Unit = Literal["money", "count", "percent", "fraction", "multiple", "months"]


@dataclass(frozen=True, kw_only=True)
class Metric:
    """One number the product shows, with the words that explain it."""

    key: str
    label: str
    unit: Unit
    formula: str
    help: str
    paid_only: bool = False
    estimated: bool = False
    # a ratio is recomputed from sums and never added up over days or groups
    ratio: bool = False
    # a cost: less is better, so a goal on it is a ceiling
    lower_is_better: bool = False


_METRICS: tuple[Metric, ...] = (
    Metric(
        key="spend",
        label="Ad spend",
        unit="money",
        formula="sum of spend",
        help="Money paid to the ad platforms.",
        lower_is_better=True,
    ),
    Metric(
        key="impressions",
        label="Impressions",
        unit="count",
        formula="sum of impressions",
        help="How many times your posts and ads were shown.",
    ),
    Metric(
        key="clicks",
        label="Clicks",
        unit="count",
        formula="sum of (link) clicks",
        help="Clicks on links, where a platform tells link clicks apart.",
    ),
    Metric(
        key="engagements",
        label="Engagements",
        unit="count",
        formula="sum of engagements",
        help="Reactions, comments, shares and saves.",
    ),
    Metric(
        key="followers_gained",
        label="New followers",
        unit="count",
        formula="sum of followers gained",
        help="Followers gained in the period.",
    ),
    Metric(
        key="leads",
        label="Leads",
        unit="count",
        formula="sum of leads",
        help="Sign-ups, enquiries and form fills.",
    ),
    Metric(
        key="conversions",
        label="Sales",
        unit="count",
        formula="sum of conversions",
        help="Purchases, sales or sign-ups you count as sales.",
    ),
    Metric(
        key="revenue",
        label="Tracked revenue",
        unit="money",
        formula="sum of revenue (empty when no row tracks revenue)",
        help="Value of the sales the platforms or your shop tracked.",
    ),
    Metric(
        key="commissions",
        label="Commissions",
        unit="money",
        formula="sum of commissions",
        help="Back-end value such as affiliate commissions and upsells.",
    ),
    Metric(
        key="sales_value",
        label="Sales value",
        unit="money",
        formula="tracked revenue; on rows without revenue, sales x average order value",
        help="What your sales brought in.",
    ),
    Metric(
        key="lead_value",
        label="Lead value",
        unit="money",
        estimated=True,
        formula="leads x value per lead, on rows whose sales are not tracked "
        "(or on all rows when you turn it on)",
        help="What your leads are worth, by your own value per lead.",
    ),
    Metric(
        key="engagement_value",
        label="Engagement value",
        unit="money",
        estimated=True,
        formula="engagements x value per engagement",
        help="What engagements are worth, by your own value per engagement.",
    ),
    Metric(
        key="follower_value",
        label="Follower value",
        unit="money",
        estimated=True,
        formula="new followers x value per follower",
        help="What new followers are worth, by your own value per follower.",
    ),
    Metric(
        key="emv",
        label="Earned media value (estimated)",
        unit="money",
        estimated=True,
        formula="organic rows: impressions / 1000 x CPM + clicks x CPC + engagements x CPE, "
        "at each platform's rates",
        help="What your organic (unpaid) results would have cost as ads. "
        "Counted in return only when you turn it on.",
    ),
    Metric(
        key="fixed_cost",
        label="Other costs",
        unit="money",
        formula="monthly costs (labour hours x rate, tools, agency, content, other) "
        "x months covered",
        help="Your costs besides ad spend, for the months the data covers.",
        lower_is_better=True,
    ),
    Metric(
        key="cost",
        label="Total cost",
        unit="money",
        formula="ad spend + other costs",
        help="Everything social media cost you in the period.",
        lower_is_better=True,
    ),
    Metric(
        key="return",
        label="Return",
        unit="money",
        formula="sales value + commissions + counted lead value + engagement value "
        "+ follower value (+ earned media value when turned on)",
        help="Everything social media brought in, in money.",
    ),
    Metric(
        key="profit",
        label="Profit",
        unit="money",
        formula="return - total cost",
        help="What is left of the return after all costs.",
    ),
    Metric(
        key="roi_pct",
        label="ROI",
        unit="percent",
        formula="(return - total cost) / total cost x 100",
        help="Return on investment: profit as a share of what you spent. "
        "0% = break-even; 100% = every 1 spent came back as 2.",
        ratio=True,
    ),
    Metric(
        key="roi_without_emv_pct",
        label="ROI without earned media",
        unit="percent",
        formula="(return - earned media value counted in it - total cost) / total cost x 100",
        help="ROI from money and the values you set, without the estimated earned media "
        "value. The same as ROI unless you count earned media in return.",
        ratio=True,
    ),
    Metric(
        key="roi_with_emv_pct",
        label="ROI with earned media",
        unit="percent",
        formula="(return without earned media value + earned media value - total cost) / "
        "total cost x 100",
        help="ROI if the estimated earned media value counted as return. An estimate: "
        "that value is not money received.",
        estimated=True,
        ratio=True,
    ),
    Metric(
        key="roas",
        label="ROAS",
        unit="multiple",
        paid_only=True,
        formula="sales value of paid rows / ad spend",
        help="Return on ad spend: sales value per 1 of ad spend (paid rows only).",
        ratio=True,
    ),
    Metric(
        key="ctr",
        label="CTR",
        unit="fraction",
        formula="clicks / impressions",
        help="Click-through rate: the share of impressions that led to a click.",
        ratio=True,
    ),
    Metric(
        key="cpc",
        label="CPC",
        unit="money",
        paid_only=True,
        formula="ad spend / clicks (paid rows)",
        help="Cost per click, as the ad platforms report it.",
        ratio=True,
        lower_is_better=True,
    ),
    Metric(
        key="cpm",
        label="CPM",
        unit="money",
        paid_only=True,
        formula="ad spend / impressions x 1000 (paid rows)",
        help="Cost per 1,000 impressions.",
        ratio=True,
        lower_is_better=True,
    ),
    Metric(
        key="cpe",
        label="CPE",
        unit="money",
        paid_only=True,
        formula="ad spend / engagements (paid rows)",
        help="Cost per engagement.",
        ratio=True,
        lower_is_better=True,
    ),
    Metric(
        key="cpl",
        label="Cost per lead",
        unit="money",
        paid_only=True,
        formula="ad spend / leads (paid rows)",
        help="Ad spend for each lead from paid posts and ads.",
        ratio=True,
        lower_is_better=True,
    ),
    Metric(
        key="cpa",
        label="Cost per sale",
        unit="money",
        paid_only=True,
        formula="ad spend / sales (paid rows)",
        help="Ad spend for each sale from paid posts and ads (CPA).",
        ratio=True,
        lower_is_better=True,
    ),
    Metric(
        key="full_cpl",
        label="Full cost per lead",
        unit="money",
        formula="total cost / leads",
        help="Everything you spent, including time and tools, for each lead.",
        ratio=True,
        lower_is_better=True,
    ),
    Metric(
        key="full_cpa",
        label="Full cost per sale",
        unit="money",
        formula="total cost / sales",
        help="Everything you spent, including time and tools, for each sale.",
        ratio=True,
        lower_is_better=True,
    ),
    Metric(
        key="conversion_rate",
        label="Conversion rate",
        unit="fraction",
        formula="sales / clicks",
        help="The share of clicks that became a sale.",
        ratio=True,
    ),
    Metric(
        key="cost_per_result",
        label="Cost per result",
        unit="money",
        paid_only=True,
        formula="ad spend / results of your objective (paid rows); awareness: per 1,000 "
        "impressions, engagement: per engagement, leads: per lead, sales: per sale",
        help="What one result of your chosen objective costs in ad spend.",
        ratio=True,
        lower_is_better=True,
    ),
    Metric(
        key="months",
        label="Months covered",
        unit="months",
        formula="(last date - first date + 1 day) / (365.25 / 12)",
        help="How many months the data covers; monthly costs are multiplied by it.",
    ),
)

METRICS: dict[str, Metric] = {metric.key: metric for metric in _METRICS}

# The keys of `smroi summary --json` totals, in the order docs/DESIGN.md names them.
SUMMARY_KEYS: tuple[str, ...] = (
    "spend",
    "impressions",
    "clicks",
    "engagements",
    "leads",
    "conversions",
    "revenue",
    "fixed_cost",
    "cost",
    "return",
    "profit",
    "roi_pct",
    "roas",
    "ctr",
    "cpc",
    "cpm",
    "cpe",
    "cpl",
    "cpa",
    "emv",
)

# What "results" means for each objective, and the word for one result.
OBJECTIVE_RESULTS: dict[str, tuple[str, str]] = {
    "awareness": ("impressions", "1,000 impressions"),
    "engagement": ("engagements", "engagement"),
    "leads": ("leads", "lead"),
    "sales": ("conversions", "sale"),
}

# The results of each objective in words, for sentences ("no sales", "no leads").
RESULT_WORDS: dict[str, str] = {
    "awareness": "impressions",
    "engagement": "engagements",
    "leads": "leads",
    "sales": "sales",
}


def cost_per_result_label(objective: str) -> str:
    """'Cost per lead', 'Cost per 1,000 impressions', ... for an objective."""
    return f"Cost per {OBJECTIVE_RESULTS[objective][1]}"


GLOSSARY_START = "<!-- glossary:start (generated by `python -m smroi.registry`) -->"
GLOSSARY_END = "<!-- glossary:end -->"
_UNIT_WORDS = {
    "money": "money",
    "count": "count",
    "percent": "%",
    "fraction": "% (a fraction in JSON)",
    "multiple": "x",
    "months": "months",
}


def glossary_markdown() -> str:
    """The README's table of every number, made from this registry."""
    lines = [
        GLOSSARY_START,
        "| number | key | unit | formula | what it tells you |",
        "|---|---|---|---|---|",
    ]
    for entry in _METRICS:
        notes = " Paid rows only." if entry.paid_only else ""
        notes += " Estimated." if entry.estimated else ""
        lines.append(
            f"| **{entry.label}** | `{entry.key}` | {_UNIT_WORDS[entry.unit]} | "
            f"{entry.formula} | {entry.help}{notes} |"
        )
    lines.append(GLOSSARY_END)
    return "\n".join(lines)


if __name__ == "__main__":  # python -m smroi.registry [README.md]: print, or rewrite in place
    import sys
    from pathlib import Path

    if len(sys.argv) > 1:
        readme = Path(sys.argv[1])
        text = readme.read_text(encoding="utf-8")
        start = text.index(GLOSSARY_START)
        end = text.index(GLOSSARY_END) + len(GLOSSARY_END)
        readme.write_text(text[:start] + glossary_markdown() + text[end:], encoding="utf-8")
    else:
        print(glossary_markdown())
