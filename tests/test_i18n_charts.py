"""Charts in Norwegian and Persian: every word drawn is translated, tooltip values and axis
numbers and dates follow the locale, and English charts stay exactly as they were.

Expected texts are written by hand. Escapes: \\u00a0 no-break space, \\u200f right-to-left
mark (chart_translator puts one at both ends of Persian chart text), \\u200e left-to-right
mark (before a Persian minus, and at the start of each line of a Persian subtitle),
\\u200c zero-width non-joiner.
"""

from __future__ import annotations

import inspect
import re
from typing import Any

import altair as alt
import pandas as pd
import pytest

from smroi import charts

BY_PLATFORM = pd.DataFrame(
    {
        "platform": ["facebook", "x"],
        "return": [1500.0, 40.0],
        "cost": [1234.5, 0.0],
        "roi_pct": [21.5, None],
        "profit": [265.5, 40.0],
        "ctr": [0.0123, 0.05],
    }
)
TREND = pd.DataFrame(
    {
        "period_start": pd.to_datetime(["2026-06-01", "2026-06-08", "2026-06-15"]),
        "days": [7, 7, 3],
        "partial": [False, False, True],
        "return": [1234.5, 800.0, 200.0],
        "cost": [1000.0, 900.0, 300.0],
        "emv": [100.0, 50.0, 20.0],
    }
)
PERIODS = pd.DataFrame(
    {
        "period_start": pd.to_datetime(["2026-08-01", "2026-09-01"]),
        "actual": [124.0, 90.0],
        "target": [100.0, 100.0],
        "progress_pct": [124.0, 90.0],
        "met": [True, False],
        "days": [31, 28],
        "partial": [False, True],
    }
)
LINES = pd.DataFrame(
    {"label": ["Salgsverdi"], "amount": [1500.0], "kind": ["cash"]},
)
CELLS = pd.DataFrame(
    {
        "age": ["18-24", "25-34"],
        "gender": ["female", "male"],
        "cost_per_result": [12.5, 20.0],
        "clicks": [1200, 40],
        "results": [30, 1],
        "enough": [True, False],
    }
)
COMPARED = pd.DataFrame(
    {"last_click": [1000.0, 500.0], "linear": [800.0, 700.0]}, index=["instagram", "newsletter"]
)
TOP = pd.DataFrame(
    {"path": ["instagram → /shop → /cart"], "sessions": [1200], "share_pct": [45.26]}
)
STAGES = pd.DataFrame(
    {
        "key": ["impressions", "clicks"],
        "stage": ["Visninger", "Klikk"],
        "value": [120000.0, 2400.0],
        "money": [False, False],
        "rate_name": ["", "klikkrate"],
        "rate": [None, 0.02],
    }
)
GROUP_TITLES = {"en": "Platform", "nb": "Plattform", "fa": "پلتفرم"}
BUILDERS = [
    charts.return_vs_cost_by_platform,
    charts.roi_by_platform,
    charts.return_and_cost_over_time,
    charts.metric_by_group,
    charts.metric_over_time,
    charts.value_waterfall,
    charts.funnel_chart,
    charts.heatmap_chart,
    charts.goal_chart,
    charts.attribution_by_model,
    charts.referral_flows,
    charts.claimed_vs_recorded_by_platform,
]


def every_chart(lang: str = "en", digits: str = "native") -> dict[str, alt.TopLevelMixin]:
    return {
        "return_vs_cost": charts.return_vs_cost_by_platform(
            BY_PLATFORM, "NOK", lang=lang, digits=digits
        ),
        "roi": charts.roi_by_platform(BY_PLATFORM, lang=lang, digits=digits),
        "over_time": charts.return_and_cost_over_time(
            TREND, "NOK", "week", lang=lang, digits=digits
        ),
        # the caller names the group in the chart's language
        "by_group": charts.metric_by_group(
            BY_PLATFORM,
            "platform",
            GROUP_TITLES[lang],
            "ctr",
            "NOK",
            lang=lang,
            digits=digits,
        ),
        "metric_over_time": charts.metric_over_time(
            TREND, "emv", "NOK", "week", lang=lang, digits=digits
        ),
        "waterfall": charts.value_waterfall(LINES, 1000.0, "NOK", lang=lang, digits=digits),
        "funnel": charts.funnel_chart(STAGES, "NOK", lang=lang, digits=digits),
        "heatmap": charts.heatmap_chart(
            CELLS, "age", "gender", "cost_per_result", "NOK", lang=lang, digits=digits
        ),
        "goal": charts.goal_chart(PERIODS, "leads", 100, "month", "USD", lang=lang, digits=digits),
        "attribution": charts.attribution_by_model(
            COMPARED,
            {"last_click": "Last click", "linear": "Linear"},
            "NOK",
            lang=lang,
            digits=digits,
        ),
        "referral": charts.referral_flows(TOP, lang=lang, digits=digits),
    }


def layers(spec: dict[str, Any]) -> list[dict[str, Any]]:
    return spec.get("layer", [spec])


def records(spec: dict[str, Any]) -> list[dict[str, Any]]:
    return [row for rows in spec["datasets"].values() for row in rows]


def column(spec: dict[str, Any], name: str) -> list[Any]:
    return [row[name] for row in records(spec) if name in row]


def tooltip_titles(spec: dict[str, Any]) -> list[str]:
    return [
        tip["title"]
        for layer in layers(spec)
        for tip in layer.get("encoding", {}).get("tooltip", [])
    ]


def svg_texts(chart: alt.TopLevelMixin) -> list[str]:
    return re.findall(r"<text[^>]*>(?:<tspan[^>]*>)?([^<]*)<", charts.chart_svg(chart))


# ---------------------------------------------------------------- the signature convention


@pytest.mark.parametrize("builder", BUILDERS, ids=lambda b: b.__name__)
def test_every_builder_takes_keyword_only_lang_and_digits(builder: Any) -> None:
    parameters = inspect.signature(builder).parameters
    for name, default in (("lang", "en"), ("digits", "native")):
        assert parameters[name].kind is inspect.Parameter.KEYWORD_ONLY
        assert parameters[name].default == default


# ---------------------------------------------------------------- English is unchanged


def test_english_charts_carry_no_locale() -> None:
    for name, chart in every_chart().items():
        assert "locale" not in chart.to_dict().get("config", {}), name
    explicit = every_chart(lang="en", digits="latin")
    for name, chart in every_chart().items():
        assert chart.to_dict() == explicit[name].to_dict(), name


def test_english_tooltips_and_dates_as_before() -> None:
    spec = charts.return_and_cost_over_time(TREND, "NOK", "week").to_dict()
    points = spec["layer"][1]["encoding"]
    assert points["tooltip"][0] == {
        "field": "period_start",
        "format": "%d %b %Y",
        "title": "Week starting",
        "type": "temporal",
    }
    assert points["x"]["axis"]["format"] == "%d %b"
    assert "labelExpr" not in points["x"]["axis"]
    assert column(spec, "amount_text")[0] == "1,234.50 kr"


# ---------------------------------------------------------------- Norwegian


def test_norwegian_titles_and_axis_titles() -> None:
    specs = {name: chart.to_dict() for name, chart in every_chart(lang="nb").items()}

    goal = specs["goal"]
    assert goal["title"] == {
        "text": "Leads per måned mot målet",
        "anchor": "start",
        # a subtitle's line wraps to a phone's width (48 characters)
        "subtitle": [
            "Mål: 100 per måned (stiplet linje)",
            "Blek søyle: en periode dataene bare dekker",
            "delvis",
        ],
    }
    bars = goal["layer"][0]
    assert bars["encoding"]["y"]["title"] == "Måned"  # the periods, one bar each
    assert bars["encoding"]["x"]["title"] == "Leads (antall)"
    assert bars["encoding"]["color"]["scale"]["domain"] == ["nådd", "ikke nådd"]
    assert column(goal, "label") == ["aug. 2026", "sep. 2026"]

    over_time = specs["metric_over_time"]
    # a title's line fits a phone (40 characters)
    assert over_time["title"]["text"] == ["Verdi av fortjente medier (anslått) per", "uke"]
    assert over_time["title"]["subtitle"] == [
        "Hvert punkt er uken som starter den dagen",
        "Hult punkt: en uke dataene bare dekker delvis",
    ]
    line = over_time["layer"][0]["encoding"]
    # the axis title on two lines: one would not fit a phone's plot
    assert line["y"]["title"] == ["Verdi av fortjente medier", "(anslått, NOK)"]
    assert line["x"]["title"] == "Uke som starter"

    waterfall = specs["waterfall"]
    assert waterfall["title"]["text"] == "Fra kostnad til samlet verdi"
    assert waterfall["layer"][0]["encoding"]["x"]["title"] == "Beløp (NOK)"
    assert waterfall["layer"][0]["encoding"]["color"]["scale"]["domain"] == [
        "kostnad",
        "penger",
        "anslått",
        "totalt",
    ]
    assert column(waterfall, "label") == [
        "Total kostnad",
        "Salgsverdi",
        "Nettoverdi (med anslag)",
    ]

    heatmap = specs["heatmap"]["layer"][0]
    assert heatmap["title"]["text"] == ["Kostnad per resultat etter alder og", "kjønn"]
    assert heatmap["encoding"]["x"]["title"] == "Kjønn"
    assert heatmap["encoding"]["y"]["title"] == "Alder"

    by_group = specs["by_group"]
    assert by_group["title"] == {"text": "CTR etter plattform", "anchor": "start"}
    assert by_group["layer"][0]["encoding"]["x"]["title"] == "CTR (%)"
    # the formula is in the tooltip, not a subtitle
    assert set(column(by_group, "formula")) == {"klikk / visninger"}

    attribution = specs["attribution"]["layer"][0]["encoding"]
    assert attribution["y"]["title"] == "Kanal"
    assert attribution["x"]["title"] == "Verdi tilskrevet (NOK)"
    referral = specs["referral"]
    assert referral["title"]["text"] == "Hvor besøkende kommer fra og hvor de går"
    assert referral["layer"][0]["encoding"]["x"]["title"] == "Besøk (økter)"
    assert specs["funnel"]["title"]["text"] == [
        "Trakten: hvor mange gikk videre til",
        "neste steg",
    ]


def test_norwegian_tooltips() -> None:
    specs = {name: chart.to_dict() for name, chart in every_chart(lang="nb").items()}
    assert column(specs["return_vs_cost"], "amount_text") == [
        "1\u00a0500,00\u00a0kr",
        "40,00\u00a0kr",
        "1\u00a0234,50\u00a0kr",
        "0,00\u00a0kr",
    ]
    assert tooltip_titles(specs["return_vs_cost"])[:4] == [
        "Plattform",
        "Hva",
        "Beløp (NOK)",
        "Slik er det regnet ut",
    ]
    assert column(specs["roi"], "roi_text") == ["21,5\u00a0%"]
    assert column(specs["heatmap"], "label") == ["12,50\u00a0kr", "20,00\u00a0kr (få)"]
    assert column(specs["funnel"], "rate_text") == ["", "2,00\u00a0% klikkrate"]
    assert column(specs["funnel"], "label") == ["120\u00a0000", "2\u00a0400\n2,00\u00a0% klikkrate"]
    assert column(specs["referral"], "share_text") == ["45,3\u00a0%"]
    assert column(specs["goal"], "actual_text") == ["124", "90"]
    # a period's first day in the locale's words, not Vega's "%d %b %Y"
    assert column(specs["over_time"], "period_text")[:3] == [
        "1. juni 2026",
        "8. juni 2026",
        "15. juni 2026",
    ]
    assert tooltip_titles(specs["over_time"])[:2] == ["Uke som starter", "Hva"]


def test_norwegian_locale_config() -> None:
    locale = charts.chart_locale("nb")
    assert locale is not None
    assert locale["number"]["decimal"] == ","
    assert locale["number"]["thousands"] == "\u00a0"
    assert "numerals" not in locale["number"]
    assert locale["time"]["shortMonths"][5] == "juni"
    assert locale["time"]["days"][0] == "søndag"  # d3 counts from Sunday
    assert locale["time"]["date"] == "%d.%m.%Y"
    spec = charts.roi_by_platform(BY_PLATFORM, lang="nb").to_dict()
    assert spec["config"]["locale"] == locale
    axis = charts.return_and_cost_over_time(TREND, "NOK", lang="nb").to_dict()
    assert axis["layer"][0]["encoding"]["x"]["axis"]["format"] == "%-d. %b"


def test_norwegian_axes_are_drawn_in_the_locale() -> None:
    texts = svg_texts(charts.return_and_cost_over_time(TREND, "NOK", "week", lang="nb"))
    assert "1\u00a0000" in texts  # the amount axis, grouped with a no-break space
    assert [t for t in texts if "juni" in t] == ["1. juni", "8. juni", "15. juni"]
    assert "Avkastning og total kostnad per uke" in texts


# ---------------------------------------------------------------- Persian


def test_persian_titles_and_axis_titles() -> None:
    specs = {name: chart.to_dict() for name, chart in every_chart(lang="fa").items()}
    goal = specs["goal"]
    assert goal["title"] == {
        "text": "\u200fسرنخ\u200cها در هر ماه در برابر هدف\u200f",
        "anchor": "start",
        "subtitle": [
            "\u200e\u200fهدف: ۱۰۰ در ماه (خط\u200cچین)\u200f",
            # wrapped to a phone's width, each line marked whole
            "\u200e\u200fستون کم\u200cرنگ: دوره\u200cای که داده\u200cها فقط بخشی از آن\u200f",
            "\u200e\u200fرا پوشش می\u200cدهند\u200f",
        ],
    }
    bars = goal["layer"][0]["encoding"]
    assert bars["y"]["title"] == "\u200fماه\u200f"
    assert bars["x"]["title"] == "\u200fسرنخ\u200cها (تعداد)\u200f"
    assert column(goal, "label") == ["\u200fاوت ۲۰۲۶\u200f", "\u200fسپتامبر ۲۰۲۶\u200f"]

    waterfall = specs["waterfall"]
    assert waterfall["title"]["text"] == "\u200fاز هزینه تا ارزش کل\u200f"
    assert waterfall["layer"][0]["encoding"]["x"]["title"] == "\u200fمبلغ (NOK)\u200f"

    heatmap = specs["heatmap"]["layer"][0]
    assert heatmap["title"]["text"] == "\u200fهزینهٔ هر نتیجه به تفکیک سن و جنسیت\u200f"
    assert heatmap["encoding"]["y"]["title"] == "\u200fسن\u200f"

    attribution = specs["attribution"]
    assert attribution["layer"][0]["encoding"]["y"]["title"] == "\u200fکانال\u200f"
    assert attribution["title"]["text"] == [  # two lines: each marked whole, as subtitles
        "\u200e\u200fارزش نسبت\u200cداده\u200cشده به هر کانال، به تفکیک\u200f",
        "\u200e\u200fمدل انتساب\u200f",
    ]
    # data stays as it is: platform, channel and model names are the user's
    assert column(attribution, "channel")[:2] == ["instagram", "newsletter"]


def test_persian_tooltips_with_native_and_latin_digits() -> None:
    native = charts.return_vs_cost_by_platform(BY_PLATFORM, "IRR", lang="fa").to_dict()
    assert column(native, "amount_text") == [
        "۱٬۵۰۰\u00a0ریال",
        "۴۰\u00a0ریال",
        "۱٬۲۳۴\u00a0ریال",  # 1234.5 rials: rounded half to even, as formatting.py does
        "۰\u00a0ریال",
    ]
    latin = charts.return_vs_cost_by_platform(
        BY_PLATFORM, "IRR", lang="fa", digits="latin"
    ).to_dict()
    assert column(latin, "amount_text")[0] == "1,500\u00a0ریال"
    over_time = charts.return_and_cost_over_time(TREND, "USD", lang="fa").to_dict()
    assert column(over_time, "period_text")[0] == "\u200f۱ ژوئن ۲۰۲۶\u200f"
    assert column(over_time, "amount_text")[0] == "۱٬۲۳۴٫۵۰\u00a0$"
    roi = charts.roi_by_platform(BY_PLATFORM, lang="fa").to_dict()
    assert column(roi, "roi_text") == ["۲۱٫۵٪"]


def test_persian_locale_config() -> None:
    native = charts.chart_locale("fa")
    assert native is not None
    assert native["number"]["numerals"] == list("۰۱۲۳۴۵۶۷۸۹")
    assert (native["number"]["decimal"], native["number"]["thousands"]) == ("٫", "٬")
    assert native["number"]["minus"] == "\u200e-"
    assert native["time"]["shortMonths"][5] == "ژوئن"
    latin = charts.chart_locale("fa", "latin")
    assert latin is not None
    assert "numerals" not in latin["number"]
    assert (latin["number"]["decimal"], latin["number"]["thousands"]) == (".", ",")
    assert charts.chart_locale("en") is None
    spec = charts.goal_chart(PERIODS, "leads", 100, "month", "USD", lang="fa").to_dict()
    assert spec["config"]["locale"] == native


def test_persian_time_axis_writes_persian_digits() -> None:
    axis = charts.return_and_cost_over_time(TREND, "NOK", lang="fa").to_dict()["layer"][0]
    label_expr = axis["encoding"]["x"]["axis"]["labelExpr"]
    assert "regexp('1', 'g'), '۱'" in label_expr
    latin = charts.return_and_cost_over_time(TREND, "NOK", lang="fa", digits="latin")
    assert "regexp(" not in latin.to_dict()["layer"][0]["encoding"]["x"]["axis"]["labelExpr"]


def test_a_persian_chart_is_drawn_with_persian_numbers() -> None:
    chart = charts.return_and_cost_over_time(TREND, "NOK", "week", lang="fa")
    png = charts.chart_png(chart)
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    texts = svg_texts(chart)
    assert "۱٬۰۰۰" in texts  # vl-convert honours config.locale: numerals and separators
    assert "\u200f۱ ژوئن\u200f" in texts  # the time axis, through labelExpr
    assert "\u200fبازده و هزینهٔ کل در هر هفته\u200f" in texts
    for built in every_chart(lang="fa").values():
        assert charts.chart_png(built, scale=1)[:4] == b"\x89PNG"


def test_builders_keep_their_altair_types() -> None:
    built = every_chart(lang="nb")
    assert isinstance(built["return_vs_cost"], alt.LayerChart)  # bars and their values
    assert isinstance(built["goal"], alt.LayerChart)
    assert isinstance(built["over_time"], alt.LayerChart)


# ---------------------------------------------------------------- CLDR patterns to d3


@pytest.mark.parametrize(
    ("pattern", "d3"),
    [
        ("d. MMM y", "%-d. %b %Y"),
        ("d LLL", "%-d %b"),
        ("y/M/d", "%Y/%-m/%-d"),
        ("dd.MM.y", "%d.%m.%Y"),
        ("h:mm:ss a", "%-I:%M:%S %p"),
        ("EEEE d. MMMM y 'kl'. HH:mm", "%A %-d. %B %Y kl. %H:%M"),
        ("'100%' y", "100%% %Y"),
    ],
)
def test_cldr_patterns_as_d3_time_formats(pattern: str, d3: str) -> None:
    assert charts.d3_time_format(pattern) == d3


def test_unknown_language_is_refused() -> None:
    with pytest.raises(ValueError, match="'de'"):
        charts.roi_by_platform(BY_PLATFORM, lang="de")
