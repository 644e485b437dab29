"""Does each paid sale or lead pay for itself? Break-even figures in plain words (METRICS.md 4a).

A sale pays for its ads when it costs less in ad spend than it leaves the business after
the cost of goods (the break-even cost per sale); a lead pays when it costs less than it
is worth (the value per lead). The same thresholds against the full cost per sale or lead
say whether it still pays once time, tools and fees are counted.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from smroi.formatting import format_money, is_undefined
from smroi.i18n import DEFAULT_LANGUAGE, N_, fill, translator
from smroi.metric_format import format_metric

# What one result is, per objective: leads for a leads objective, sales for every other.
RESULT_KINDS: dict[str, str] = {
    "awareness": "sales",
    "engagement": "sales",
    "leads": "leads",
    "sales": "sales",
}
# (ad spend per result, total cost per result, break-even, results) for each kind
_COLUMNS: dict[str, tuple[str, str, str, str]] = {
    "sales": ("cpa", "full_cpa", "break_even_cpa", "conversions"),
    "leads": ("cpl", "full_cpl", "break_even_cpl", "leads"),
}
_LOSES = {
    "sales": N_(
        "{group}'s sales cost {cost} each in ad spend; a sale leaves you {worth} after the "
        "cost of goods: each one loses {gap}."
    ),
    "leads": N_(
        "{group}'s leads cost {cost} each in ad spend; a lead is worth {worth} to you: each "
        "one loses {gap}."
    ),
}
_EARNS = {
    "sales": N_(
        "{group}'s sales cost {cost} each in ad spend; a sale leaves you {worth} after the "
        "cost of goods: each one earns {gap} before your other costs."
    ),
    "leads": N_(
        "{group}'s leads cost {cost} each in ad spend; a lead is worth {worth} to you: each "
        "one earns {gap} before your other costs."
    ),
}
_NONE = {
    "sales": N_("{group} spent {spend} on ads and brought no sales."),
    "leads": N_("{group} spent {spend} on ads and brought no leads."),
}

_ROAS_PAYS = N_(
    "Your ads need a ROAS of {needed} to break even at a {margin} gross margin; they made "
    "{roas}, so they pay for themselves."
)
_ROAS_LOSES = N_(
    "Your ads need a ROAS of {needed} to break even at a {margin} gross margin; they made "
    "{roas}, so they cost more than their sales leave you."
)
# (loses, earns) on full cost
_FULL_COST = {
    "sales": (
        N_(
            "With your time, tools and fees, each sale cost {full} in all; it leaves you "
            "{worth}, so on full cost each sale loses {gap}."
        ),
        N_(
            "With your time, tools and fees, each sale cost {full} in all; it leaves you "
            "{worth}, so even on full cost each sale earns {gap}."
        ),
    ),
    "leads": (
        N_(
            "With your time, tools and fees, each lead cost {full} in all; a lead is worth "
            "{worth} to you, so on full cost each lead loses {gap}."
        ),
        N_(
            "With your time, tools and fees, each lead cost {full} in all; a lead is worth "
            "{worth} to you, so even on full cost each lead earns {gap}."
        ),
    ),
}


def result_kind(objective: str) -> str:
    """'leads' for a leads objective, else 'sales': what one paid result is."""
    return RESULT_KINDS.get(objective, "sales")


def reported_result_kind(totals: dict[str, Any], objective: str) -> str | None:
    """The kind of result to judge break-even on: the objective's, unless the files report
    none of it and do report the other ('leads' for a shop's lead-only file); None when they
    report neither sales nor leads."""
    kind = result_kind(objective)
    other = "leads" if kind == "sales" else "sales"
    reported = {
        "sales": not is_undefined(totals.get("conversions")),
        "leads": not is_undefined(totals.get("leads")),
    }
    if reported[kind]:
        return kind
    return other if reported[other] else None


def break_even_table(groups: pd.DataFrame, objective: str, by: str = "platform") -> pd.DataFrame:
    """Per group with ad spend: its ad spend, paid results, ad spend and full cost per result,
    the break-even cost per result, and what each result gains (+) or loses (-) after its
    ad spend (break-even - cost per result). Undefined values are NaN."""
    kind = result_kind(objective)
    per, full, threshold, results = _COLUMNS[kind]
    spent = groups[groups["spend"].fillna(0) > 0]
    table = pd.DataFrame(
        {
            "group": spent[by].astype(str),
            "spend": spent["spend"],
            "results": spent[results],
            "cost_per_result": spent[per],
            "full_cost_per_result": spent[full],
            "break_even": spent[threshold],
            "gain_per_result": spent[threshold] - spent[per],
        }
    )
    return table.sort_values("spend", ascending=False, kind="stable").reset_index(drop=True)


def break_even_sentences(
    table: pd.DataFrame,
    objective: str,
    currency: str,
    *,
    lang: str = DEFAULT_LANGUAGE,
    digits: str = "native",
) -> list[str]:
    """One sentence per group of a break_even_table: what a result costs, what it leaves
    you, and what each one gains or loses; groups whose break-even is unknown are passed
    over (the margin or the value per lead is not set)."""
    _ = translator(lang)
    kind = result_kind(objective)

    def money(value: Any) -> str:
        return format_money(value, currency, lang=lang, digits=digits)

    sentences = []
    for row in table.itertuples(index=False):
        group = _starts_a_sentence(row.group)
        if is_undefined(row.cost_per_result):
            if not is_undefined(row.results):  # results reported, and none: a sure loss
                none = fill(_(_NONE[kind]), lang, group=group, spend=money(row.spend))
                sentences.append(none)
            continue
        if is_undefined(row.break_even):
            continue
        template = _LOSES[kind] if row.gain_per_result < 0 else _EARNS[kind]
        sentences.append(
            fill(
                _(template),
                lang,
                group=group,
                cost=money(row.cost_per_result),
                worth=money(row.break_even),
                gap=money(abs(row.gain_per_result)),
            )
        )
    return sentences


# How the platforms write their own names (the canonical table keeps them lower case)
PLATFORM_NAMES: dict[str, str] = {
    "linkedin": "LinkedIn",
    "tiktok": "TikTok",
    "youtube": "YouTube",
    "x": "X",
}


def _starts_a_sentence(name: str) -> str:
    """'instagram' -> 'Instagram', 'linkedin' -> 'LinkedIn' (platforms are kept lower case);
    other names as they are."""
    if name in PLATFORM_NAMES:
        return PLATFORM_NAMES[name]
    return name[:1].upper() + name[1:] if name.islower() else name


def overall_break_even_sentence(
    totals: dict[str, Any],
    objective: str,
    currency: str,
    *,
    lang: str = DEFAULT_LANGUAGE,
    digits: str = "native",
) -> str:
    """The whole selection against break-even, ads alone and then with every cost: "Your
    ads need a ROAS of 2.50x to break even at a 40% gross margin; they made 1.83x. …"; ""
    when the break-even is unknown."""
    _ = translator(lang)

    def metric(key: str) -> str:
        return format_metric(key, totals.get(key), currency, lang=lang, digits=digits)

    sentences = []
    if result_kind(objective) == "sales":
        if is_undefined(totals.get("break_even_roas")):
            return ""
        if not is_undefined(totals.get("roas")):
            roas_above = totals["roas"] >= totals["break_even_roas"]
            sentences.append(
                fill(
                    _(_ROAS_PAYS if roas_above else _ROAS_LOSES),
                    lang,
                    needed=metric("break_even_roas"),
                    margin=metric("gross_margin_pct"),
                    roas=metric("roas"),
                )
            )
        full, worth = totals.get("full_cpa"), totals.get("break_even_cpa")
        full_sentence = _FULL_COST["sales"]
    else:
        full, worth = totals.get("full_cpl"), totals.get("break_even_cpl")
        full_sentence = _FULL_COST["leads"]
    if full is not None and worth is not None and not is_undefined(full - worth):
        gap = worth - full
        sentences.append(
            fill(
                _(full_sentence[gap >= 0]),
                lang,
                full=format_money(full, currency, lang=lang, digits=digits),
                worth=format_money(worth, currency, lang=lang, digits=digits),
                gap=format_money(abs(gap), currency, lang=lang, digits=digits),
            )
        )
    return " ".join(sentences)


# Which break-even a chart of each metric is drawn against (cost per result: the objective's)
_LINES: dict[str, str] = {
    "cpa": "break_even_cpa",
    "full_cpa": "break_even_cpa",
    "cpl": "break_even_cpl",
    "full_cpl": "break_even_cpl",
    "roas": "break_even_roas",
}


def break_even_line(metric_key: str, objective: str, totals: dict[str, Any]) -> float | None:
    """Where a chart of `metric_key` crosses from paying to losing, from the selection's
    totals: the break-even cost per sale for (full) cost per sale, the value of a lead for
    (full) cost per lead, the break-even ROAS for ROAS; None for any other metric, or while
    the margin or the value per lead is not known."""
    key = _LINES.get(metric_key)
    if metric_key == "cost_per_result" and objective in ("sales", "leads"):
        key = "break_even_cpa" if objective == "sales" else "break_even_cpl"
    value = totals.get(key) if key else None
    return None if value is None or is_undefined(value) else float(value)
