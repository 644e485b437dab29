"""The app's chart style, checked in every chart's Vega-Lite spec (chart.to_dict()), in en, nb
and fa, built from the sample data and from small edge-case tables: no rotated axis label,
no slot for a category with nothing, the value printed on each bar, titles and labels
that fit a phone's width, the trend's grain from the data's span, a linear funnel.

Widths are estimated at charts.CHAR_PX (7) pixels a character against a phone's chart
(charts.NARROWEST_WIDTH, 340 px). Expected numbers are worked out by hand in the comments.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from typing import Any

import altair as alt
import pandas as pd
import pytest

import smroi
from smroi import charts
from smroi.attribution import compare_models, read_journeys
from smroi.earned_media import value_ledger
from smroi.funnel import funnel, heatmap
from smroi.goals import goal_periods
from smroi.referrals import read_referrals, top_flows
from smroi.settings import Goal
from tests.conftest import ROOT

SAMPLE = ROOT / "sample_data"
LANGUAGES = ("en", "nb", "fa")
RLM, LRM = "\u200f", "\u200e"


# ---------------------------------------------------------------- the charts to check


def sample_analysis() -> smroi.Analysis:
    """The sample data with its settings, as the app opens on it."""
    table, _reports = smroi.load_files(
        [("social_media_sample.csv", (SAMPLE / "social_media_sample.csv").read_bytes())]
    )
    settings = smroi.settings_from_json((SAMPLE / "settings.json").read_bytes())
    return smroi.analyse(table, settings)


def edge_table(days: pd.DatetimeIndex, platforms: tuple[str, ...] = ("facebook",)) -> Any:
    """A day's row per platform: 100 spent, 1,000 impressions, 50 clicks, 2 leads, 3 sales
    (more sales than leads) worth 90 in all; and an "x" row with nothing in it."""
    rows = pd.DataFrame(
        [
            {
                "date": day,
                "platform": platform,
                "campaign": "Spring",
                "paid": True,
                "spend": 100.0,
                "impressions": 1000.0,
                "clicks": 50.0,
                "leads": 2.0,
                "conversions": 3.0,
                "revenue": 90.0,
            }
            for day in days
            for platform in platforms
        ]
    )
    empty = pd.DataFrame([{"date": days[0], "platform": "x", "campaign": "Nothing"}])
    return smroi.conform(pd.concat([rows, empty], ignore_index=True))


EDGES = {
    "one platform, 5 days": pd.date_range("2026-06-01", periods=5),
    "4 months": pd.date_range("2026-06-03", "2026-09-30"),
    "2 years": pd.date_range("2025-01-01", "2026-12-31", freq="7D"),
}


def analysis_charts(analysis: smroi.Analysis, lang: str) -> dict[str, alt.TopLevelMixin]:
    """Every chart of the Overview, Cost per result, Funnel, Goals and Earned media pages,
    drawn from an analysis as the pages draw them."""
    settings, currency = analysis.settings, analysis.settings.currency_code
    totals = smroi.headline(analysis)
    by_platform = smroi.by_group(analysis, "platform")
    by_campaign = smroi.by_group(analysis, "campaign")
    period = charts.trend_period(analysis.first_day, analysis.last_day)
    trend = smroi.over_time(analysis, period)
    lines = value_ledger(totals, settings, analysis.months, lang=lang)
    ledger = pd.DataFrame(
        {
            "label": [line.label for line in lines],
            "amount": [line.amount for line in lines],
            "kind": [line.kind for line in lines],
        }
    )
    goal = Goal(metric="leads", target=100, period="month")
    built: dict[str, alt.TopLevelMixin] = {
        "return vs cost": charts.return_vs_cost_by_platform(by_platform, currency, lang=lang),
        "roi": charts.roi_by_platform(by_platform, lang=lang),
        "trend": charts.return_and_cost_over_time(trend, currency, period, lang=lang),
        "cost per result": charts.metric_by_group(
            by_campaign, "campaign", "Campaign", "cpa", currency, lang=lang, break_even=20.0
        ),
        "emv by platform": charts.metric_by_group(
            by_platform, "platform", "Platform", "emv", currency, lang=lang
        ),
        "emv trend": charts.metric_over_time(trend, "emv", currency, period, lang=lang),
        "waterfall": charts.value_waterfall(
            ledger, float(totals["cost"] or 0.0), currency, lang=lang
        ),
        "funnel": charts.funnel_chart(funnel(analysis, lang=lang), currency, lang=lang),
        "goal": charts.goal_chart(
            goal_periods(analysis, goal, smroi.over_time(analysis, "month")),
            "leads",
            100,
            "month",
            currency,
            lang=lang,
        ),
    }
    if {"age", "gender"} <= set(analysis.rows.columns) and analysis.rows["age"].notna().any():
        cells = heatmap(analysis, "age", "gender", "conversion_rate")
        built["heatmap"] = charts.heatmap_chart(
            cells, "age", "gender", "conversion_rate", currency, lang=lang
        )
    return built


def sample_only_charts(lang: str) -> dict[str, alt.TopLevelMixin]:
    """The Attribution and Tracking pages' charts, from their sample files."""
    journeys = read_journeys(
        ("sample_journeys.csv", (SAMPLE / "sample_journeys.csv").read_bytes()), None
    )
    models = {
        "last": "Last touch",
        "first": "First touch",
        "linear": "Linear",
        "time_decay": "Time decay",
        "position": "Position based (40/20/40)",
    }
    referrals = read_referrals(
        "sample_referrals.csv", (SAMPLE / "sample_referrals.csv").read_bytes()
    )
    return {
        "attribution": charts.attribution_by_model(
            compare_models(journeys), models, "USD", lang=lang
        ),
        "referral paths": charts.referral_flows(top_flows(referrals), lang=lang),
        "claimed vs recorded": charts.claimed_vs_recorded_by_platform(
            claims_by_platform(), "USD", lang=lang
        ),
    }


def claims_by_platform() -> pd.DataFrame:
    """The platforms' claims against the shop's orders in the claims_*.csv fixtures
    (tests/test_claimed_sales.py)."""
    names = ("claims_meta_june.csv", "claims_google_june.csv", "claims_shopify_june.csv")
    fixtures = ROOT / "tests" / "fixtures"
    table, reports = smroi.load_files([(name, (fixtures / name).read_bytes()) for name in names])
    found = smroi.compare_claims(table, recorded_from=smroi.recorded_files(reports))
    assert isinstance(found, smroi.ClaimsComparison)
    return found.by_platform


@pytest.fixture(scope="module")
def sample() -> smroi.Analysis:
    return sample_analysis()


def every_spec(sample: smroi.Analysis) -> Iterator[tuple[str, dict[str, Any]]]:
    """(a name, the spec) of every chart in every language, from the sample data and from
    each edge-case table."""
    sources = {"sample": sample}
    sources.update(
        {name: smroi.analyse(edge_table(days), smroi.Settings()) for name, days in EDGES.items()}
    )
    for lang in LANGUAGES:
        for source, analysis in sources.items():
            for name, chart in analysis_charts(analysis, lang).items():
                yield f"{source} · {name} · {lang}", chart.to_dict()
        for name, chart in sample_only_charts(lang).items():
            yield f"sample · {name} · {lang}", chart.to_dict()


@pytest.fixture(scope="module")
def specs(sample: smroi.Analysis) -> dict[str, dict[str, Any]]:
    return dict(every_spec(sample))


# ---------------------------------------------------------------- reading a spec


def layers(spec: dict[str, Any]) -> list[dict[str, Any]]:
    return spec.get("layer", [spec])


def mark(layer: dict[str, Any]) -> str:
    return layer["mark"] if isinstance(layer["mark"], str) else layer["mark"]["type"]


def rows(spec: dict[str, Any], layer: dict[str, Any]) -> list[dict[str, Any]]:
    """The data rows a layer draws (its own data, or the chart's)."""
    data = layer.get("data") or spec.get("data")
    return spec["datasets"][data["name"]] if data and "name" in data else []


def axes(spec: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    """(channel, encoding) of every x and y of every layer."""
    for layer in layers(spec):
        for channel in ("x", "y"):
            if channel in layer.get("encoding", {}):
                yield channel, layer["encoding"][channel]


def title_lines(title: Any) -> list[str]:
    """A title's or subtitle's lines, whatever form it takes."""
    if title is None:
        return []
    if isinstance(title, dict):
        return title_lines(title.get("text")) + title_lines(title.get("subtitle"))
    return [title] if isinstance(title, str) else list(title)


def shown_width(text: str) -> int:
    """Pixels a line takes, marks that draw nothing left out."""
    return len(text.replace(RLM, "").replace(LRM, "")) * charts.CHAR_PX


# ---------------------------------------------------------------- the style, chart by chart


def test_every_chart_of_every_page_is_checked(specs: dict[str, dict[str, Any]]) -> None:
    names = {name.split(" · ")[1] for name in specs}
    assert names == {
        "return vs cost",
        "roi",
        "trend",
        "cost per result",
        "emv by platform",
        "emv trend",
        "waterfall",
        "funnel",
        "goal",
        "heatmap",
        "attribution",
        "referral paths",
        "claimed vs recorded",
    }
    assert len(specs) > 3 * 4 * 9  # three languages, four sources, nine charts each at least


def test_no_axis_label_is_rotated(specs: dict[str, dict[str, Any]]) -> None:
    for name, spec in specs.items():
        for channel, encoding in axes(spec):
            axis = encoding.get("axis") or {}
            assert axis.get("labelAngle", 0) == 0, name
            if channel == "x" and encoding.get("type") in {"nominal", "ordinal"}:
                # Vega-Lite turns a band axis's labels 90° unless told not to
                assert axis.get("labelAngle") == 0, name
        for key, config in spec.get("config", {}).items():
            if key.startswith("axis"):
                assert config.get("labelAngle", 0) == 0, name


def test_every_bar_has_its_value_printed(specs: dict[str, dict[str, Any]]) -> None:
    for name, spec in specs.items():
        bars = [layer for layer in layers(spec) if mark(layer) == "bar"]
        texts = [layer for layer in layers(spec) if mark(layer) == "text"]
        for bar in bars:
            category = bar["encoding"]["y"]["field"]  # every bar chart is horizontal
            assert bar["encoding"]["x"]["type"] == "quantitative", name
            printed = [
                text
                for text in texts
                if text["encoding"].get("y", {}).get("field") == category
                and rows(spec, text) == rows(spec, bar)
            ]
            assert printed, f"{name}: no value on the bars"
            field = printed[0]["encoding"]["text"]["field"]
            for row in rows(spec, bar):
                assert str(row[field]).strip(), f"{name}: {row[category]!r} has no value"


def test_no_slot_for_a_category_with_nothing(specs: dict[str, dict[str, Any]]) -> None:
    for name, spec in specs.items():
        for bar in (layer for layer in layers(spec) if mark(layer) == "bar"):
            category = bar["encoding"]["y"]["field"]
            x = bar["encoding"]["x"]["field"]
            x2 = bar["encoding"].get("x2", {}).get("field")
            drawn: dict[str, bool] = {}
            for row in rows(spec, bar):
                length = abs((row[x] or 0) - (row[x2] or 0 if x2 else 0))
                drawn[row[category]] = drawn.get(row[category], False) or length > 0
                # no bar stands for "undefined": a missing value is left out, not 0
                assert row[x] is not None, name
            if "waterfall" in name or "goal" in name:
                continue  # a step of 0 or a period with 0 leads is an answer, not an empty slot
            assert all(drawn.values()), f"{name}: empty slots {drawn}"


def test_the_platform_with_nothing_gets_no_slot(specs: dict[str, dict[str, Any]]) -> None:
    """ "x" has a row with no numbers (edge tables) or only organic posts with no cost or
    return (sample data): no bar, no label, in the return and cost chart."""
    for name, spec in specs.items():
        if "return vs cost" in name or "· roi ·" in name:
            platforms = {row["platform"] for row in rows(spec, spec["layer"][0])}
            assert "x" not in platforms, name
            assert platforms, name


def test_titles_and_labels_fit_a_phone(specs: dict[str, dict[str, Any]]) -> None:
    for name, spec in specs.items():
        for part in [spec, *layers(spec)]:
            title = part.get("title") or {}
            # a title's letters are larger and bold: 8.5 px; a subtitle's, 7 px
            for line in title_lines(title.get("text") if isinstance(title, dict) else title):
                assert shown_width(line) * 8.5 / 7 <= charts.NARROWEST_WIDTH, f"{name}: {line!r}"
            for line in title_lines(title.get("subtitle") if isinstance(title, dict) else None):
                assert shown_width(line) <= charts.NARROWEST_WIDTH, f"{name}: {line!r}"
        for channel, encoding in axes(spec):
            for line in title_lines(encoding.get("title")):
                assert shown_width(line) <= 30 * charts.CHAR_PX, f"{name}: {line!r}"
            axis = encoding.get("axis") or {}
            if channel == "y" and encoding.get("type") == "nominal":
                # every line of every category label within the label's limit: none is cut
                limit = axis["labelLimit"]
                assert axis["labelExpr"] == "split(datum.label, '\\n')", name
                for row in rows(spec, spec["layer"][0] if "layer" in spec else spec):
                    for line in str(row[encoding["field"]]).split("\n"):
                        assert shown_width(line) <= limit, f"{name}: {line!r} > {limit}px"


def test_legends_sit_on_top_or_below_never_beside(specs: dict[str, dict[str, Any]]) -> None:
    for name, spec in specs.items():
        for layer in layers(spec):
            legend = layer.get("encoding", {}).get("color", {}).get("legend")
            if legend:  # None: no legend drawn
                assert legend["orient"] in {"top", "bottom"}, name
                assert legend["direction"] == "horizontal", name


def test_one_platform_is_a_short_figure_not_a_block(specs: dict[str, dict[str, Any]]) -> None:
    """One platform: one thin bar (24 px), so the ROI chart is short on a page."""
    spec = specs["one platform, 5 days · roi · en"]
    bars = spec["layer"][0]
    assert [row["platform"] for row in rows(spec, bars)] == ["facebook"]
    assert spec["height"] == 24
    png = charts.chart_png(
        charts.roi_by_platform(
            pd.DataFrame({"platform": ["facebook"], "roi_pct": [-82.0], "profit": [0], "cost": [1]})
        ),
        scale=1,
    )
    height = int.from_bytes(png[20:24], "big")
    assert height < 150  # title, subtitle, the bar and the axis: far from the old 300 px


def test_no_formula_in_a_subtitle(specs: dict[str, dict[str, Any]]) -> None:
    """Formulas are in the tooltips ("How it is worked out"), not over the chart."""
    for name, spec in specs.items():
        if not name.endswith(" en"):
            continue
        for line in title_lines(spec.get("title")):
            assert not re.search(r"[/=]| x ", line.replace("→", "")), f"{name}: {line!r}"
    tooltip = [
        tip["title"]
        for tip in specs["sample · cost per result · en"]["layer"][0]["encoding"]["tooltip"]
    ]
    assert "How it is worked out" in tooltip


# ---------------------------------------------------------------- trends


@pytest.mark.parametrize(
    ("first", "last", "grain"),
    [
        (date(2026, 6, 1), date(2026, 6, 5), "day"),  # 5 days
        (date(2026, 6, 1), date(2026, 6, 20), "day"),  # 20 days: under 3 weeks
        (date(2026, 6, 1), date(2026, 6, 21), "week"),  # 21 days
        (date(2026, 6, 3), date(2026, 9, 30), "week"),  # 4 months
        (date(2026, 1, 1), date(2026, 7, 1), "week"),  # 182 days: under half a year
        (date(2026, 1, 1), date(2026, 7, 2), "month"),  # 183 days
        (date(2025, 1, 1), date(2026, 12, 31), "month"),  # 2 years
        (None, None, "week"),  # no dates: the page's old default
    ],
)
def test_the_trend_grain_follows_the_span(first: Any, last: Any, grain: str) -> None:
    assert charts.trend_period(first, last) == grain


def test_each_edge_table_is_drawn_at_its_grain(specs: dict[str, dict[str, Any]]) -> None:
    expected = {"one platform, 5 days": "day", "4 months": "week", "2 years": "month"}
    for source, grain in expected.items():
        title = specs[f"{source} · trend · en"]["title"]["text"]
        assert title == f"Return and total cost per {grain}"


def test_five_days_are_five_whole_days_joined_by_a_line(
    specs: dict[str, dict[str, Any]],
) -> None:
    spec = specs["one platform, 5 days · trend · en"]
    _line, points = spec["layer"]
    days = {row["period_start"] for row in rows(spec, points)}
    assert len(days) == 5
    assert not any(row["partial"] for row in rows(spec, points))


def test_a_part_period_is_hollow_and_not_joined(
    sample: smroi.Analysis, specs: dict[str, dict[str, Any]]
) -> None:
    """The sample's last week (Monday 28 September, 1 day of 7) is marked, and the line does
    not fall to it: the line path has one vertex per whole week (17 from 1 June)."""
    spec = specs["sample · trend · en"]
    line, points = spec["layer"]
    assert line["transform"] == [{"filter": "!datum.partial"}]
    assert points["encoding"]["fill"]["condition"] == {
        "test": "datum.partial",
        "value": "white",
    }
    partial = [row for row in rows(spec, points) if row["partial"]]
    assert {row["days"] for row in partial} == {1}
    trend = smroi.over_time(sample, "week")
    svg = charts.chart_svg(charts.return_and_cost_over_time(trend, "USD", "week"))
    paths = re.findall(r'aria-roledescription="line mark"[^>]*d="([^"]+)"', svg)
    if not paths:  # attribute order differs between renderers
        paths = re.findall(r'd="(M[^"]+)"[^>]*aria-roledescription="line mark"', svg)
    assert len(paths) == 2  # return and cost
    whole_weeks = int((~trend["partial"]).sum())
    assert whole_weeks == 17
    for path in paths:
        assert path.count("L") + 1 == whole_weeks


# ---------------------------------------------------------------- the funnel


def test_the_funnel_is_linear_with_each_steps_count_and_rate(
    specs: dict[str, dict[str, Any]],
) -> None:
    spec = specs["one platform, 5 days · funnel · en"]
    bars, values = spec["layer"]
    assert bars["encoding"]["x"]["scale"]["type"] == "linear"
    for name, other in specs.items():
        if "funnel" in name:
            scale = other["layer"][0]["encoding"]["x"].get("scale", {})
            assert scale.get("type", "linear") == "linear", name
    # 5 days of 1,000 impressions, 50 clicks, 2 leads and 3 sales
    assert [row["label"] for row in rows(spec, values)] == [
        "5,000",
        "250\n5.00% click-through rate",
        "10\n4.00% clicks that became leads",
        # 15 sales from 10 leads is no conversion rate of 150%: it is said in words
        "15\nmore sales than leads: sales did\nnot all come through leads",
    ]
    assert [row["value"] for row in rows(spec, bars)] == [5000, 250, 10, 15]


def test_the_funnel_says_it_in_every_language(specs: dict[str, dict[str, Any]]) -> None:
    spec = specs["one platform, 5 days · funnel · nb"]
    labels = [row["label"] for row in rows(spec, spec["layer"][1])]
    assert labels[3].startswith("15\nflere salg enn leads")
    spec = specs["one platform, 5 days · funnel · fa"]
    labels = [row["label"] for row in rows(spec, spec["layer"][1])]
    assert labels[0] == "۵٬۰۰۰"
    assert "فروش‌ها بیشتر از سرنخ‌ها" in labels[3]
    assert "%" not in labels[3] and "٪" not in labels[3]


def test_a_unit_joins_the_names_own_brackets(specs: dict[str, dict[str, Any]]) -> None:
    """'Earned media value (estimated, USD)', never '(estimated) (USD)' on an axis."""
    seen = []
    for name, spec in specs.items():
        for _, encoding in axes(spec):
            for line in title_lines(encoding.get("title")):
                plain = line.replace(RLM, "").replace(LRM, "")
                assert ") (" not in plain and ") ،(" not in plain, (name, plain)
                seen.append(plain)
    assert "Earned media value (estimated, USD)" in " ".join(seen)
