"""Every number smroi shows, as data: key, label, unit, formula in words, help.

One registry drives the KPI cards, tooltips, table headers, the CLI's JSON keys
and the README glossary (a test checks they agree). The formulas are those of
docs/METRICS.md. Labels, help texts and formulas are English, and are the message ids
of the translations (smroi.i18n): metric_label(key, lang) and its siblings give them in
the user's language.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from smroi.i18n import DEFAULT_LANGUAGE, N_, translator

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
        label=N_("Ad spend"),
        unit="money",
        formula=N_("sum of spend"),
        help=N_("Money paid to the ad platforms."),
        lower_is_better=True,
    ),
    Metric(
        key="impressions",
        label=N_("Impressions"),
        unit="count",
        formula=N_("sum of impressions"),
        help=N_("How many times your posts and ads were shown."),
    ),
    Metric(
        key="clicks",
        label=N_("Clicks"),
        unit="count",
        formula=N_("sum of (link) clicks"),
        help=N_("Clicks on links, where a platform tells link clicks apart."),
    ),
    Metric(
        key="engagements",
        label=N_("Engagements"),
        unit="count",
        formula=N_("sum of engagements"),
        help=N_("Reactions, comments, shares and saves."),
    ),
    Metric(
        key="followers_gained",
        label=N_("New followers"),
        unit="count",
        formula=N_("sum of followers gained"),
        help=N_("Followers gained in the period."),
    ),
    Metric(
        key="leads",
        label=N_("Leads"),
        unit="count",
        formula=N_("sum of leads"),
        help=N_("Sign-ups, enquiries and form fills."),
    ),
    Metric(
        key="conversions",
        label=N_("Sales"),
        unit="count",
        formula=N_("sum of conversions"),
        help=N_("Purchases, sales or sign-ups you count as sales."),
    ),
    Metric(
        key="revenue",
        label=N_("Tracked revenue"),
        unit="money",
        formula=N_("sum of revenue (empty when no row tracks revenue)"),
        help=N_("Value of the sales the platforms or your shop tracked."),
    ),
    Metric(
        key="commissions",
        label=N_("Commissions"),
        unit="money",
        formula=N_("sum of commissions"),
        help=N_("Back-end value such as affiliate commissions and upsells."),
    ),
    Metric(
        key="sales_value",
        label=N_("Sales value"),
        unit="money",
        formula=N_("tracked revenue; on rows without revenue, sales x average order value"),
        help=N_("What your sales brought in."),
    ),
    Metric(
        key="cost_of_goods",
        label=N_("Cost of goods"),
        unit="money",
        formula=N_("sum of cost of goods (from an orders file)"),
        help=N_("What the goods you sold cost you to buy or make."),
        lower_is_better=True,
    ),
    Metric(
        key="gross_profit",
        label=N_("Gross profit from sales"),
        unit="money",
        formula=N_(
            "sales value - cost of goods where your files have it, else sales value x "
            "gross margin / 100 (empty while neither is known)"
        ),
        help=N_(
            "What your sales leave you after the cost of the goods sold. Return counts this, "
            "not the sales value, once your margin is known."
        ),
    ),
    Metric(
        key="gross_margin_pct",
        label=N_("Gross margin"),
        unit="percent",
        formula=N_("gross profit from sales / their sales value x 100"),
        help=N_("The share of a sale's value you keep after the cost of goods."),
        ratio=True,
    ),
    Metric(
        key="sales_value_before_cost_of_goods",
        label=N_("Sales value before cost of goods"),
        unit="money",
        formula=N_("sales value of the rows with neither a cost of goods nor a gross margin"),
        help=N_(
            "Sales counted in return at their full value, because no margin is known for "
            "them: set your gross margin to count what they leave you."
        ),
    ),
    Metric(
        key="average_sale_value",
        label=N_("Average sale value"),
        unit="money",
        formula=N_("sales value / sales"),
        help=N_("What one sale brings in, on average, before the cost of goods."),
        ratio=True,
    ),
    Metric(
        key="break_even_roas",
        label=N_("Break-even ROAS"),
        unit="multiple",
        formula=N_("100 / gross margin"),
        help=N_(
            "The ROAS at which ads pay for themselves: below it, the gross profit from the "
            "sales is less than the ad spend."
        ),
        ratio=True,
    ),
    Metric(
        key="break_even_cpa",
        label=N_("Break-even cost per sale"),
        unit="money",
        formula=N_("average sale value x gross margin / 100"),
        help=N_(
            "The most a sale can cost in ad spend and still pay: what one sale leaves you "
            "after the cost of goods."
        ),
        ratio=True,
    ),
    Metric(
        key="break_even_cpl",
        label=N_("Break-even cost per lead"),
        unit="money",
        formula=N_("value per lead (empty while it is 0)"),
        help=N_("The most a lead can cost and still pay: what a lead is worth to you."),
        ratio=True,
    ),
    Metric(
        key="lead_value",
        label=N_("Lead value"),
        unit="money",
        estimated=True,
        formula=N_(
            "leads x value per lead, on rows whose sales are not tracked "
            "(or on all rows when you turn it on)"
        ),
        help=N_("What your leads are worth, by your own value per lead."),
    ),
    Metric(
        key="engagement_value",
        label=N_("Engagement value"),
        unit="money",
        estimated=True,
        formula=N_("engagements x value per engagement"),
        help=N_("What engagements are worth, by your own value per engagement."),
    ),
    Metric(
        key="follower_value",
        label=N_("Follower value"),
        unit="money",
        estimated=True,
        formula=N_("new followers x value per follower"),
        help=N_("What new followers are worth, by your own value per follower."),
    ),
    Metric(
        key="emv",
        label=N_("Earned media value (estimated)"),
        unit="money",
        estimated=True,
        formula=N_(
            "organic rows: impressions / 1000 x CPM + clicks x CPC + engagements x CPE, "
            "at each platform's rates"
        ),
        help=N_(
            "What your organic (unpaid) results would have cost as ads. "
            "Counted in return only when you turn it on."
        ),
    ),
    Metric(
        key="fixed_cost",
        label=N_("Other costs"),
        unit="money",
        formula=N_(
            "monthly costs (labour hours x rate, tools, agency, content, other) x months covered"
        ),
        help=N_("Your costs besides ad spend, for the months the data covers."),
        lower_is_better=True,
    ),
    Metric(
        key="cost",
        label=N_("Total cost"),
        unit="money",
        formula=N_("ad spend + other costs"),
        help=N_("Everything social media cost you in the period."),
        lower_is_better=True,
    ),
    Metric(
        key="return",
        label=N_("Return"),
        unit="money",
        formula=N_(
            "sales value + commissions + counted lead value + engagement value "
            "+ follower value (+ earned media value when turned on)"
        ),
        help=N_("Everything social media brought in, in money."),
    ),
    Metric(
        key="profit",
        label=N_("Profit"),
        unit="money",
        formula=N_("return - total cost"),
        help=N_("What is left of the return after all costs."),
    ),
    Metric(
        key="roi_pct",
        label=N_("ROI"),
        unit="percent",
        formula=N_("(return - total cost) / total cost x 100"),
        help=N_(
            "Return on investment: profit as a share of what you spent. "
            "0% = break-even; 100% = every 1 spent came back as 2."
        ),
        ratio=True,
    ),
    Metric(
        key="roi_without_emv_pct",
        label=N_("ROI without earned media"),
        unit="percent",
        formula=N_("(return - earned media value counted in it - total cost) / total cost x 100"),
        help=N_(
            "ROI from money and the values you set, without the estimated earned media "
            "value. The same as ROI unless you count earned media in return."
        ),
        ratio=True,
    ),
    Metric(
        key="roi_with_emv_pct",
        label=N_("ROI with earned media"),
        unit="percent",
        formula=N_(
            "(return without earned media value + earned media value - total cost) / "
            "total cost x 100"
        ),
        help=N_(
            "ROI if the estimated earned media value counted as return. An estimate: "
            "that value is not money received."
        ),
        estimated=True,
        ratio=True,
    ),
    Metric(
        key="roas",
        label=N_("ROAS"),
        unit="multiple",
        paid_only=True,
        formula=N_("sales value of paid rows / ad spend"),
        help=N_("Return on ad spend: sales value per 1 of ad spend."),
        ratio=True,
    ),
    Metric(
        key="ctr",
        label=N_("CTR"),
        unit="fraction",
        formula=N_("clicks / impressions"),
        help=N_("Click-through rate: the share of impressions that led to a click."),
        ratio=True,
    ),
    Metric(
        key="cpc",
        label=N_("CPC"),
        unit="money",
        paid_only=True,
        formula=N_("ad spend / clicks (paid rows)"),
        help=N_("Cost per click, as the ad platforms report it."),
        ratio=True,
        lower_is_better=True,
    ),
    Metric(
        key="cpm",
        label=N_("CPM"),
        unit="money",
        paid_only=True,
        formula=N_("ad spend / impressions x 1000 (paid rows)"),
        help=N_("Cost per 1,000 impressions."),
        ratio=True,
        lower_is_better=True,
    ),
    Metric(
        key="cpe",
        label=N_("CPE"),
        unit="money",
        paid_only=True,
        formula=N_("ad spend / engagements (paid rows)"),
        help=N_("Cost per engagement."),
        ratio=True,
        lower_is_better=True,
    ),
    Metric(
        key="cpl",
        label=N_("Cost per lead"),
        unit="money",
        paid_only=True,
        formula=N_("ad spend / leads (paid rows)"),
        help=N_("Ad spend for each lead from paid posts and ads."),
        ratio=True,
        lower_is_better=True,
    ),
    Metric(
        key="cpa",
        label=N_("Cost per sale"),
        unit="money",
        paid_only=True,
        formula=N_("ad spend / sales (paid rows)"),
        help=N_("Ad spend for each sale from paid posts and ads (CPA)."),
        ratio=True,
        lower_is_better=True,
    ),
    Metric(
        key="full_cpl",
        label=N_("Full cost per lead"),
        unit="money",
        formula=N_("total cost / leads"),
        help=N_("Everything you spent, including time and tools, for each lead."),
        ratio=True,
        lower_is_better=True,
    ),
    Metric(
        key="full_cpa",
        label=N_("Full cost per sale"),
        unit="money",
        formula=N_("total cost / sales"),
        help=N_("Everything you spent, including time and tools, for each sale."),
        ratio=True,
        lower_is_better=True,
    ),
    Metric(
        key="conversion_rate",
        label=N_("Conversion rate"),
        unit="fraction",
        formula=N_("sales / clicks"),
        help=N_("The share of clicks that became a sale."),
        ratio=True,
    ),
    Metric(
        key="cost_per_result",
        label=N_("Cost per result"),
        unit="money",
        paid_only=True,
        formula=N_(
            "ad spend / results of your objective (paid rows); awareness: per 1,000 "
            "impressions, engagement: per engagement, leads: per lead, sales: per sale"
        ),
        help=N_("What one result of your chosen objective costs in ad spend."),
        ratio=True,
        lower_is_better=True,
    ),
    Metric(
        key="months",
        label=N_("Months covered"),
        unit="months",
        formula=N_("(last date - first date + 1 day) / (365.25 / 12)"),
        help=N_("How many months the data covers; monthly costs are multiplied by it."),
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
    "gross_profit",
    "gross_margin_pct",
    "break_even_roas",
    "break_even_cpa",
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


# "Cost per <one result>" for each objective, whole, so a language can word each its own way.
COST_PER_RESULT_LABELS: dict[str, str] = {
    "awareness": N_("Cost per 1,000 impressions"),
    "engagement": N_("Cost per engagement"),
    "leads": N_("Cost per lead"),
    "sales": N_("Cost per sale"),
}


def cost_per_result_label(objective: str, lang: str = DEFAULT_LANGUAGE) -> str:
    """'Cost per lead', 'Cost per 1,000 impressions', ... for an objective, in a language."""
    return translator(lang)(COST_PER_RESULT_LABELS[objective])


def metric_label(key: str, lang: str = DEFAULT_LANGUAGE) -> str:
    """A metric's name in a language ("Total cost", "Total kostnad", "هزینهٔ کل")."""
    return translator(lang)(METRICS[key].label)


def metric_help_text(key: str, lang: str = DEFAULT_LANGUAGE) -> str:
    """What a metric tells you, in a language."""
    return translator(lang)(METRICS[key].help)


def metric_formula(key: str, lang: str = DEFAULT_LANGUAGE) -> str:
    """A metric's formula in words, in a language."""
    return translator(lang)(METRICS[key].formula)


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
