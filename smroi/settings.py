"""What the user tells us that no export knows: costs, values, rates, goals.

Settings are frozen, keyword-only dataclasses. They load from and save to the JSON
file described in docs/DESIGN.md; unknown keys are an error, missing keys take
the defaults below, and every problem in a file is reported at once.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field, fields, replace
from typing import Any, Literal

from smroi.canonical import MAPPABLE
from smroi.errors import SettingsError
from smroi.i18n import N_, _
from smroi.registry import METRICS

Objective = Literal["awareness", "engagement", "leads", "sales"]
OBJECTIVES: tuple[str, ...] = ("awareness", "engagement", "leads", "sales")
# what return counts on the days both the platforms' claims and the shop's orders cover
ROI_ON: tuple[str, ...] = ("claimed", "recorded")
GOAL_PERIODS: tuple[str, ...] = ("day", "week", "month", "quarter", "year")
# Amounts are shown in this currency when neither the settings nor the files name one.
DEFAULT_CURRENCY = "USD"
COST_LINES: tuple[str, ...] = ("labour", "tools", "agency", "content", "other")
COST_LINE_LABELS: dict[str, str] = {  # English; translated where shown (smroi.i18n)
    "labour": N_("Labour (hours x hourly rate)"),
    "tools": N_("Tools and software"),
    "agency": N_("Agency / freelancer"),
    "content": N_("Content production"),
    "other": N_("Other"),
}


@dataclass(frozen=True, kw_only=True)
class Costs:
    """Monthly costs that are not ad spend, in the account currency."""

    labour_hours_per_month: float = 0.0
    hourly_rate: float = 0.0
    tools_per_month: float = 0.0
    agency_per_month: float = 0.0
    content_per_month: float = 0.0
    other_per_month: float = 0.0
    # cost line ("labour", "tools", ...) -> platform it is spent on; absent = all platforms
    assigned_to: Mapping[str, str] = field(default_factory=dict)

    def monthly(self) -> dict[str, float]:
        """Each cost line's amount per month."""
        return {
            "labour": self.labour_hours_per_month * self.hourly_rate,
            "tools": self.tools_per_month,
            "agency": self.agency_per_month,
            "content": self.content_per_month,
            "other": self.other_per_month,
        }


@dataclass(frozen=True, kw_only=True)
class ValueAssumptions:
    """What a lead, an order, an engagement and a new follower are worth to the business."""

    value_per_lead: float = 0.0
    average_order_value: float = 0.0
    value_per_engagement: float = 0.0
    value_per_follower: float = 0.0
    # None = automatic: count lead value only on rows whose sales are not tracked
    count_lead_value: bool | None = None
    # gross profit as a share of sales value, 0 < m <= 100 (METRICS.md 4a); None = not known,
    # and then return counts sales value before the cost of goods
    gross_margin_pct: float | None = None
    # on the days both ad platforms' claimed sales and the shop's recorded orders cover, which
    # of the two return counts (smroi.claimed_sales): "claimed" or "recorded", never both
    roi_on: str = "claimed"


@dataclass(frozen=True, kw_only=True)
class Rate:
    """What buying the same reach would cost on one platform."""

    cpm: float = 7.0
    cpc: float = 1.0
    cpe: float = 0.0


@dataclass(frozen=True, kw_only=True)
class EarnedMediaRates:
    """Rates that price organic results as if they had been bought."""

    include_in_roi: bool = False
    rates: Mapping[str, Rate] = field(default_factory=lambda: {"default": Rate()})

    def rate_for(self, platform: str) -> Rate:
        """The platform's rate, or the default row's."""
        return self.rates.get(platform) or self.rates.get("default") or Rate()


@dataclass(frozen=True, kw_only=True)
class Goal:
    """A target for one metric over a period (a day, week, month, quarter or year)."""

    metric: str
    target: float
    period: str = "month"


@dataclass(frozen=True, kw_only=True)
class PpcKeyword:
    """A search keyword: the organic clicks it brought and what one ad click on it costs."""

    keyword: str
    organic_clicks: float
    cpc: float


@dataclass(frozen=True, kw_only=True)
class SoftValue:
    """Inputs of the soft values (estimated, shown apart from hard ROI; METRICS.md section 6).

    The fan defaults are Vitrue's April 2010 method: a fan sees each post once, 2 posts a
    day, at a $5 CPM: 730 impressions a year x 5 / 1000 = 3.65 a fan a year ("$3.60").
    """

    fans: float = 0.0
    impressions_per_fan_per_post: float = 1.0
    posts_per_day: float = 2.0
    fan_cpm: float = 5.0
    # customer service: questions answered in public or deflected, each one private answer saved
    contacts_answered_per_month: float = 0.0
    cost_per_contact: float = 0.0
    # consumer insights gained in the period, priced at what a focus group costs per insight
    insights: float = 0.0
    focus_group_cost: float = 0.0
    insights_per_focus_group: float = 0.0
    # organic search keywords priced at their cost per click (the PPC equivalent)
    ppc_keywords: tuple[PpcKeyword, ...] = ()


@dataclass(frozen=True, kw_only=True)
class Settings:
    """Everything the sidebar edits; saved and loaded as JSON."""

    # None: the currency the files name (DEFAULT_CURRENCY when none does); a code fixes it
    currency: str | None = None
    objective: str = "sales"
    costs: Costs = field(default_factory=Costs)
    values: ValueAssumptions = field(default_factory=ValueAssumptions)
    earned_media: EarnedMediaRates = field(default_factory=EarnedMediaRates)
    goals: tuple[Goal, ...] = ()
    soft_value: SoftValue = field(default_factory=SoftValue)
    # a column of the user's files (its header, exactly) -> the canonical column it fills,
    # or "" to leave it out; chosen in the Data page's mapping editor
    column_map: Mapping[str, str] = field(default_factory=dict)

    def with_changes(self, **changes: Any) -> Settings:
        """A copy with some fields replaced."""
        return replace(self, **changes)

    @property
    def currency_code(self) -> str:
        """The currency amounts are shown in: the settings' own, else DEFAULT_CURRENCY (entry
        points first fill `currency` from the files with smroi.currency.report_currency)."""
        return self.currency or DEFAULT_CURRENCY


# ---------------------------------------------------------------- to and from JSON


def settings_to_dict(settings: Settings) -> dict[str, Any]:
    """The settings as the JSON object of docs/DESIGN.md."""
    data = asdict(settings)
    data["costs"]["assigned_to"] = dict(settings.costs.assigned_to)
    data["earned_media"]["rates"] = {
        name: asdict(rate) for name, rate in settings.earned_media.rates.items()
    }
    data["goals"] = [asdict(goal) for goal in settings.goals]
    data["soft_value"]["ppc_keywords"] = [
        asdict(keyword) for keyword in settings.soft_value.ppc_keywords
    ]
    data["column_map"] = dict(settings.column_map)
    return data


def settings_to_json(settings: Settings) -> str:
    """The settings as pretty JSON text, for download or a file."""
    return json.dumps(settings_to_dict(settings), indent=2, ensure_ascii=False)


CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")  # never in JSON text


def settings_from_json(text: str | bytes, *, source: str = "settings") -> Settings:
    """Settings from JSON text; raises SettingsError naming every problem."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        if not CONTROL_CHARACTERS.search(exc.doc):
            raise SettingsError(
                [_("not valid JSON ({error})", error=str(exc))], source=source
            ) from None
        raise SettingsError(  # control characters: a binary file, not a mistake in JSON
            [_("not a settings file: it is not text (settings files are JSON text)")],
            source=source,
        ) from None
    except UnicodeDecodeError:
        raise SettingsError(
            [_("not a settings file: it is not text (settings files are JSON text)")],
            source=source,
        ) from None
    except RecursionError:
        raise SettingsError(
            [_("not valid JSON (its brackets are nested too deeply)")], source=source
        ) from None
    return settings_from_dict(data, source=source)


def settings_from_dict(data: Any, *, source: str = "settings") -> Settings:
    """Settings from a parsed JSON object; raises SettingsError naming every problem."""
    problems: list[str] = []
    if not isinstance(data, dict):
        raise SettingsError([_("the top level must be a JSON object")], source=source)
    _unknown_keys(data, Settings, "", problems)

    currency = data.get("currency")
    if currency is not None and (
        not isinstance(currency, str) or not re.fullmatch(r"[A-Za-z]{3}", currency.strip())
    ):
        problems.append(
            _(
                "currency must be a 3-letter code such as USD or NOK, not {value}",
                value=repr(currency),
            )
        )
        currency = None
    objective = data.get("objective", "sales")
    if objective not in OBJECTIVES:
        problems.append(
            _(
                "objective must be one of {options}, not {value}",
                options=", ".join(OBJECTIVES),
                value=repr(objective),
            )
        )
        objective = "sales"

    costs = _numbers_section(data.get("costs", {}), Costs, "costs", problems, skip={"assigned_to"})
    assigned = _assigned_to(data.get("costs", {}), problems)
    values = _numbers_section(
        data.get("values", {}),
        ValueAssumptions,
        "values",
        problems,
        skip={"count_lead_value", "gross_margin_pct", "roi_on"},
    )
    count_lead_value = _count_lead_value(data.get("values", {}), problems)
    gross_margin = _gross_margin(data.get("values", {}), problems)
    roi_on = _roi_on(data.get("values", {}), problems)
    earned = _earned_media(data.get("earned_media", {}), problems)
    goals = _goals(data.get("goals", []), problems)
    soft_value = _soft_value(data.get("soft_value", {}), problems)
    column_map = _column_map(data.get("column_map", {}), problems)

    if problems:
        raise SettingsError(problems, source=source)
    return Settings(
        currency=currency.strip().upper() if currency is not None else None,
        objective=objective,
        costs=Costs(**costs, assigned_to=assigned),
        values=ValueAssumptions(
            **values,
            count_lead_value=count_lead_value,
            gross_margin_pct=gross_margin,
            roi_on=roi_on,
        ),
        earned_media=earned,
        goals=goals,
        soft_value=soft_value,
        column_map=column_map,
    )


def _column_map(raw: Any, problems: list[str]) -> dict[str, str]:
    if not isinstance(raw, dict):
        problems.append(
            _("column_map must be an object such as {example}", example='{"Spend (kr)": "spend"}')
        )
        return {}
    result = {}
    for header, column in raw.items():
        if column not in ("", *MAPPABLE):
            problems.append(
                _(
                    "column_map: {header} cannot be read as {column} (use a column of the "
                    'canonical table, such as spend or clicks, or "" to leave it out)',
                    header=repr(header),
                    column=repr(column),
                )
            )
        else:
            result[str(header)] = column
    return result


def _unknown_keys(data: dict[str, Any], cls: type, where: str, problems: list[str]) -> None:
    known = {f.name for f in fields(cls)}
    for key in data:
        if key not in known:
            name = f"{where}.{key}" if where else key
            problems.append(
                _(
                    "unknown setting {name} (known: {known})",
                    name=repr(name),
                    known=", ".join(sorted(known)),
                )
            )


def _number(value: Any, name: str, problems: list[str]) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        problems.append(_("{name} must be a number, not {value}", name=name, value=repr(value)))
        return 0.0
    if value < 0:
        problems.append(_("{name} cannot be negative ({value})", name=name, value=str(value)))
        return 0.0
    return float(value)


def _numbers_section(
    section: Any, cls: type, where: str, problems: list[str], *, skip: set[str]
) -> dict[str, float]:
    if not isinstance(section, dict):
        problems.append(_("{name} must be a JSON object", name=where))
        return {}
    _unknown_keys(section, cls, where, problems)
    return {
        f.name: _number(section[f.name], f"{where}.{f.name}", problems)
        for f in fields(cls)
        if f.name in section and f.name not in skip
    }


def _assigned_to(section: Any, problems: list[str]) -> dict[str, str]:
    if not isinstance(section, dict):
        return {}
    assigned = section.get("assigned_to", {})
    if not isinstance(assigned, dict):
        problems.append(
            _(
                "costs.assigned_to must be an object such as {example}",
                example='{"agency": "facebook"}',
            )
        )
        return {}
    result: dict[str, str] = {}
    for line, platform in assigned.items():
        if line not in COST_LINES:
            problems.append(
                _(
                    "costs.assigned_to: unknown cost line {line} (known: {known})",
                    line=repr(line),
                    known=", ".join(COST_LINES),
                )
            )
        elif not isinstance(platform, str) or not platform.strip():
            name = f"costs.assigned_to.{line}"
            problems.append(_("{name} must be a platform name", name=name))
        elif platform.strip().lower() != "all":
            result[line] = platform.strip().lower()
    return result


def _count_lead_value(section: Any, problems: list[str]) -> bool | None:
    if not isinstance(section, dict):
        return None
    value = section.get("count_lead_value")
    if value is not None and not isinstance(value, bool):
        problems.append(
            _(
                "{name} must be true, false or null, not {value}",
                name="values.count_lead_value",
                value=repr(value),
            )
        )
        return None
    return value


def _gross_margin(section: Any, problems: list[str]) -> float | None:
    """values.gross_margin_pct: null (not known) or a percent above 0 and at most 100."""
    if not isinstance(section, dict) or section.get("gross_margin_pct") is None:
        return None
    value = section["gross_margin_pct"]
    name = "values.gross_margin_pct"
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        problems.append(_("{name} must be a number, not {value}", name=name, value=repr(value)))
        return None
    if not 0 < value <= 100:
        problems.append(
            _(
                "{name} must be above 0 and at most 100 (the percent of a sale's value you keep "
                "after the cost of goods), not {value}",
                name=name,
                value=str(value),
            )
        )
        return None
    return float(value)


def _roi_on(section: Any, problems: list[str]) -> str:
    """values.roi_on: which sales return counts where the platforms' claims and the shop's
    orders cover the same days, "claimed" (the default) or "recorded"."""
    if not isinstance(section, dict):
        return "claimed"
    value = section.get("roi_on", "claimed")
    if value not in ROI_ON:
        problems.append(
            _(
                "{name} must be one of {options}, not {value}",
                name="values.roi_on",
                options=", ".join(ROI_ON),
                value=repr(value),
            )
        )
        return "claimed"
    return str(value)


def _earned_media(section: Any, problems: list[str]) -> EarnedMediaRates:
    if not isinstance(section, dict):
        problems.append(_("{name} must be a JSON object", name="earned_media"))
        return EarnedMediaRates()
    _unknown_keys(section, EarnedMediaRates, "earned_media", problems)
    include = section.get("include_in_roi", False)
    if not isinstance(include, bool):
        problems.append(
            _(
                "{name} must be true or false, not {value}",
                name="earned_media.include_in_roi",
                value=repr(include),
            )
        )
        include = False
    raw_rates = section.get("rates", {"default": {}})
    rates: dict[str, Rate] = {}
    if not isinstance(raw_rates, dict):
        problems.append(
            _(
                "{name} must be an object of platform -> {example}",
                name="earned_media.rates",
                example="{cpm, cpc, cpe}",
            )
        )
        raw_rates = {}
    for platform, raw in raw_rates.items():
        where = f"earned_media.rates.{platform}"
        numbers = _numbers_section(raw, Rate, where, problems, skip=set())
        rates[str(platform).strip().lower()] = Rate(**numbers)
    rates.setdefault("default", Rate())
    return EarnedMediaRates(include_in_roi=include, rates=rates)


def _goals(raw: Any, problems: list[str]) -> tuple[Goal, ...]:
    if not isinstance(raw, list):
        problems.append(_("{name} must be a list", name="goals"))
        return ()
    goals: list[Goal] = []
    for number, item in enumerate(raw, start=1):
        where = f"goals[{number}]"
        if not isinstance(item, dict):
            problems.append(
                _("{name} must be an object with metric, target and period", name=where)
            )
            continue
        _unknown_keys(item, Goal, where, problems)
        metric = item.get("metric")
        if not isinstance(metric, str) or not metric:
            problems.append(_("{name} must name a metric such as 'leads'", name=where + ".metric"))
            continue
        if metric not in METRICS or metric == "months":
            known = ", ".join(key for key in METRICS if key != "months")
            problems.append(
                _(
                    "{name} {value} is not a number smroi tracks (use one of: {known})",
                    name=where + ".metric",
                    value=repr(metric),
                    known=known,
                )
            )
            continue
        period = item.get("period", "month")
        if period not in GOAL_PERIODS:
            problems.append(
                _(
                    "{name} must be one of {options}",
                    name=where + ".period",
                    options=", ".join(GOAL_PERIODS),
                )
            )
            continue
        target = _number(item.get("target"), f"{where}.target", problems)
        goals.append(Goal(metric=metric, target=target, period=period))
    return tuple(goals)


def _soft_value(section: Any, problems: list[str]) -> SoftValue:
    if not isinstance(section, dict):
        problems.append(_("{name} must be a JSON object", name="soft_value"))
        return SoftValue()
    numbers = _numbers_section(section, SoftValue, "soft_value", problems, skip={"ppc_keywords"})
    keywords = _ppc_keywords(section.get("ppc_keywords", []), problems)
    return SoftValue(**numbers, ppc_keywords=keywords)


def _ppc_keywords(raw: Any, problems: list[str]) -> tuple[PpcKeyword, ...]:
    if not isinstance(raw, list):
        problems.append(
            _(
                "{name} must be a list of {example}",
                name="soft_value.ppc_keywords",
                example='{"keyword": ..., "organic_clicks": ..., "cpc": ...}',
            )
        )
        return ()
    keywords: list[PpcKeyword] = []
    for number, item in enumerate(raw, start=1):
        where = f"soft_value.ppc_keywords[{number}]"
        if not isinstance(item, dict):
            problems.append(
                _("{name} must be an object with keyword, organic_clicks and cpc", name=where)
            )
            continue
        _unknown_keys(item, PpcKeyword, where, problems)
        missing = [f.name for f in fields(PpcKeyword) if f.name not in item]
        if missing:
            problems.append(_missing_keys(where, missing))
            continue
        keyword = item["keyword"]
        if not isinstance(keyword, str) or not keyword.strip():
            problems.append(
                _(
                    "{name} must be the keyword's text, not {value}",
                    name=where + ".keyword",
                    value=repr(keyword),
                )
            )
            continue
        clicks = _number(item["organic_clicks"], f"{where}.organic_clicks", problems)
        cpc = _number(item["cpc"], f"{where}.cpc", problems)
        keywords.append(PpcKeyword(keyword=keyword.strip(), organic_clicks=clicks, cpc=cpc))
    return tuple(keywords)


def _missing_keys(where: str, missing: list[str]) -> str:
    """'x has no keyword and no cpc' as a translatable Message."""
    if len(missing) == 1:
        return _("{name} has no {key}", name=where, key=missing[0])
    if len(missing) == 2:
        return _("{name} has no {key} and no {other}", name=where, key=missing[0], other=missing[1])
    return _(
        "{name} has no {key} and no {other} and no {third}",
        name=where,
        key=missing[0],
        other=missing[1],
        third=missing[2],
    )
