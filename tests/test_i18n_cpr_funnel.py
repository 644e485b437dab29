"""The Cost per result and the Funnel and audience pages in Norwegian and Persian: every text
translated, the option values unchanged, numbers written the locale's way.

The uploaded file (March 2026, all paid, objective "sales"):

| platform  | spend  | impr.   | clicks | leads | sales | revenue | commiss. | age   | gender |
|-----------|--------|---------|--------|-------|-------|---------|----------|-------|--------|
| facebook  | 1000   | 200,000 | 2,500  | 120   | 30    | 2400.50 | 50       | 25-34 | female |
| facebook  | 234.50 | 50,000  | 500    | 30    | 10    | 1200    | 25.25    | 35-44 | male   |
| instagram | 40     | 10,000  | 100    | 0     | 0     |         | 0        |       |        |

By hand: sales value 2400.50 + 1200 = 3600.50 (instagram sold nothing), 3600.50 / 40 sales =
90.0125 a sale, commissions 75.25. Facebook: 250,000 impressions, 3,000 clicks, click-through
rate 3,000 / 250,000 = 1.20 %, leads 150 (5.00 % of clicks), sales 40 (26.67 % of leads).
Cost per sale by age: 35-44 234.50 / 10 = 23.45, 25-34 1000 / 30 = 33.33. The instagram
reel spent 40 with no sale.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterable
from typing import Any

import pandas as pd
import pyarrow as pa
import pytest
from streamlit.testing.v1 import AppTest

from smroi import LEVEL_LABELS, analyse, conform
from smroi.funnel import DIMENSION_LABELS, RATE_TITLES, STAGES, funnel, funnel_by, funnel_columns
from smroi.settings import Settings
from tests.test_i18n import run_app, untranslated

CSV = b"""date,platform,campaign,element,paid,spend,impressions,clicks,leads,conversions,revenue,\
commissions,age,gender
2026-03-01,facebook,Spring,ad-1,true,1000,200000,2500,120,30,2400.50,50,25-34,female
2026-03-02,facebook,Spring,ad-2,true,234.5,50000,500,30,10,1200,25.25,35-44,male
2026-03-03,instagram,Reels,reel-1,true,40,10000,100,0,0,,0,,
"""
NBSP = "\u00a0"  # Norwegian groups digits and sets the currency apart with a no-break space
FSI, PDI = "\u2068", "\u2069"  # a value inside a Persian sentence keeps its own direction


def open_page(lang: str, page: str, *, upload: bool = True) -> AppTest:
    app = run_app(lang)
    if upload:
        app.file_uploader(key="uploads").set_value([("march.csv", CSV, "text/csv")]).run()
    app.switch_page(page)
    app.run()
    assert not app.exception, app.exception
    return app


def shown_cells(app: AppTest, index: int) -> pd.DataFrame:
    """A table's cells as the user reads them (the Styler's text, not the numbers)."""
    styler = app.dataframe[index].proto.arrow_data.styler
    return pa.ipc.open_stream(styler.display_values).read_pandas()


def read(elements: Iterable[Any]) -> list[str]:
    """What the user reads in markdown elements: the escapes of user text and numbers removed."""
    return [re.sub(r"\\(.)", r"\1", element.value) for element in elements]


def segmented(app: AppTest, key: str) -> tuple[str, list[str]]:
    """A segmented control's label and the labels of its options."""
    (control,) = [w for w in app.get("button_group") if w.key == key]
    return control.label, [option.content for option in control.proto.options]


def show_columns(app: AppTest, group: str) -> None:
    """Pick which of the Cost per result table's column groups is shown."""
    (control,) = [w for w in app.get("button_group") if w.key == "cpr.columns"]
    control.set_value(group).run()
    assert not app.exception, app.exception


# ---------------------------------------------------------------- the core


def march() -> pd.DataFrame:
    return conform(pd.read_csv(io.BytesIO(CSV)))


def test_level_and_dimension_labels_stay_english_data_marked_for_translation() -> None:
    assert LEVEL_LABELS == {"platform": "Platform", "campaign": "Campaign", "element": "Post / ad"}
    assert DIMENSION_LABELS["age"] == "Age"
    assert DIMENSION_LABELS["utm_source"] == "Source (utm_source)"


def test_funnel_names_its_steps_and_rates_in_the_language_asked() -> None:
    analysis = analyse(march(), Settings(objective="sales"))
    english = funnel(analysis)
    assert list(english["stage"]) == [label for _, label, _ in STAGES]
    assert list(english["rate_name"])[:3] == ["", "click-through rate", "clicks that became leads"]
    norwegian = funnel(analysis, lang="nb").set_index("key")
    assert norwegian.loc["clicks", "stage"] == "Klikk"
    assert norwegian.loc["clicks", "rate_name"] == "klikkrate"
    assert norwegian.loc["conversions", "rate_name"] == "leads som ble salg"
    assert norwegian.loc["clicks", "value"] == 3100
    persian = funnel(analysis, lang="fa").set_index("key")
    assert persian.loc["leads", "stage"] == "سرنخ‌ها"
    assert persian.loc["leads", "rate_name"] == "کلیک‌هایی که سرنخ شدند"


def test_funnel_by_titles_its_columns_in_the_language_asked() -> None:
    analysis = analyse(march(), Settings(objective="sales"))
    english = funnel_by(analysis, "platform")
    assert list(english.columns) == [
        "platform",
        "Impressions",
        "Clicks",
        "Click-through rate",
        "Leads",
        "Clicks that became leads",
        "Sales",
        "Leads that became sales",
        "Sales value",
        "Sales value per sale",
        "Commissions",
        "Commissions per 1 of sales value",
    ]
    # the English rate titles are the rate names, capitalised (the Excel sheet's headers)
    assert [RATE_TITLES[key] for key, _, rate in STAGES if rate] == [
        rate.capitalize() for _, _, rate in STAGES if rate
    ]
    norwegian = funnel_by(analysis, "platform", lang="nb").set_index("platform")
    assert norwegian.loc["facebook", "Klikkrate"] == pytest.approx(3000 / 250000)
    assert norwegian.loc["facebook", "Leads som ble salg"] == pytest.approx(40 / 150)
    assert list(norwegian.columns) == [title for _, title, _ in funnel_columns("nb")]
    assert funnel_columns("fa")[:3] == [
        ("impressions", "نمایش‌ها", "count"),
        ("clicks", "کلیک‌ها", "count"),
        ("clicks", "نرخ کلیک", "fraction"),
    ]
    assert ("sales_value", "Salgsverdi per salg", "money") in funnel_columns("nb")


# ---------------------------------------------------------------- Cost per result


def test_cost_per_result_in_norwegian() -> None:
    app = open_page("nb", "pages/cost_per_result.py")
    assert app.title[0].value == "Kostnad per resultat"
    assert app.markdown[0].value.startswith("Hva hvert klikk, hver lead og hvert salg kostet deg")
    level = app.radio(key="cpr.level")
    assert level.label == "Vis én rad per"
    assert level.options == ["Plattform", "Kampanje", "Innlegg / annonse"]
    assert level.value == "platform"  # the value stays the key
    inside = app.selectbox(key="cpr.platform")
    assert inside.label == "Innenfor plattform"
    assert inside.options == ["Alle plattformer", "facebook", "instagram"]
    chart = app.selectbox(key="cpr.chart_metric")
    assert chart.label == "Diagram"
    assert chart.options[:3] == [
        "Kostnad per salg",
        "Kostnad per klikk (CPC)",
        "Kostnad per 1000 visninger (CPM)",
    ]
    assert [h.value for h in app.subheader] == [
        "Beste og dårligste innlegg og annonser etter kostnad per salg"
    ]
    texts = read(app.markdown)
    assert {"**Billigste resultater**", "**Dyreste resultater**"} <= set(texts)
    assert "**Brukte penger uten salg eller leads**" in texts  # the instagram reel
    # cost per sale by platform: facebook 1234.50 / 40 = 30.8625
    cells = shown_cells(app, 0).set_index("platform")
    assert cells.loc["facebook", "clicks"] == f"3{NBSP}000"
    assert segmented(app, "cpr.columns") == (
        "Kolonner",
        ["Rekkevidde og klikk", "Kostnad per resultat", "Full kostnad og break-even"],
    )
    show_columns(app, "full")
    cells = shown_cells(app, 0).set_index("platform")
    assert cells.loc["facebook", "cost_per_result"] == f"30,86{NBSP}USD"
    assert untranslated(app, "nb") == []

    level.set_value("element").run()
    assert not app.exception
    assert app.selectbox(key="cpr.campaign").label == "Innenfor kampanje"
    assert app.selectbox(key="cpr.campaign").options[0] == "Alle kampanjer"
    assert untranslated(app, "nb") == []


def test_cost_per_result_headings_follow_the_objective() -> None:
    app = open_page("nb", "pages/business.py")
    app.selectbox(key="set.objective").set_value("leads").run()
    app.switch_page("pages/cost_per_result.py").run()
    assert [h.value for h in app.subheader] == [
        "Beste og dårligste innlegg og annonser etter kostnad per lead"
    ]
    assert "**Brukte penger uten leads eller salg**" in [m.value for m in app.markdown]


def test_cost_per_result_in_persian() -> None:
    app = open_page("fa", "pages/cost_per_result.py")
    assert app.title[0].value == "هزینهٔ هر نتیجه"
    level = app.radio(key="cpr.level")
    assert level.label == "یک ردیف برای هر"
    assert level.options == ["پلتفرم", "کمپین", "پست / تبلیغ"]
    assert app.selectbox(key="cpr.platform").options[0] == "همهٔ پلتفرم‌ها"
    assert [h.value for h in app.subheader] == [
        "بهترین و بدترین پست‌ها و تبلیغات بر اساس هزینهٔ هر فروش"
    ]
    assert "**پول خرج‌شده بدون هیچ فروش یا سرنخی**" in [m.value for m in app.markdown]
    cells = shown_cells(app, 0).set_index("platform")
    assert cells.loc["facebook", "clicks"] == "۳٬۰۰۰"
    show_columns(app, "full")
    cells = shown_cells(app, 0).set_index("platform")
    assert cells.loc["facebook", "cost_per_result"] == f"۳۰٫۸۶{NBSP}$"
    assert untranslated(app, "fa") == []


def test_english_cost_per_result_is_unchanged() -> None:
    app = open_page("", "pages/cost_per_result.py")
    assert app.title[0].value == "Cost per result"
    assert app.radio(key="cpr.level").options == ["Platform", "Campaign", "Post / ad"]
    assert [h.value for h in app.subheader] == ["Best and worst posts and ads by cost per sale"]
    assert "**Spent money with no sales or leads**" in [m.value for m in app.markdown]


# ---------------------------------------------------------------- Funnel and audience


def test_funnel_and_audience_in_norwegian() -> None:
    app = open_page("nb", "pages/funnel.py")
    assert app.title[0].value == "Hvem går videre og kjøper?"
    assert [h.value for h in app.main.header] == ["Trakten", "Målgruppe: hvem konverterer"]
    assert segmented(app, "funnel.by") == ("Trakt per", ["Plattform", "Kampanje"])
    captions = read(app.caption)
    assert (
        f"Salgsverdi 3{NBSP}600,50{NBSP}USD (90,01{NBSP}USD per salg); provisjoner "
        f"75,25{NBSP}USD. En rate er «—» der steget før er 0."
    ) in captions
    assert (
        "Et segment rangeres bare med minst 100 klikk og 5 resultater, og når 90 %-intervallet "
        "for kostnaden per resultat ligger helt atskilt fra intervallet for de andre "
        "segmentene til sammen: ellers kan forskjellen være tilfeldig."
    ) in captions
    steps = shown_cells(app, 0).set_index("platform")
    facebook = steps.loc["facebook"]
    assert facebook["Visninger"] == f"250{NBSP}000"
    assert facebook["Klikk"] == f"3{NBSP}000"
    assert facebook["Klikkrate"] == f"1,20{NBSP}%"
    assert facebook["Klikk som ble leads"] == f"5,00{NBSP}%"
    assert facebook["Leads som ble salg"] == f"26,67{NBSP}%"
    assert facebook["Salgsverdi"] == f"3{NBSP}600,50{NBSP}USD"
    assert steps.loc["instagram", "Leads som ble salg"] == "—"  # no leads: undefined
    breakdown = app.selectbox(key="audience.dimension")
    assert breakdown.label == "Del opp etter"
    assert breakdown.options == ["Alder", "Kjønn"]
    assert breakdown.value == "age"
    texts = read(app.markdown)
    # 35-44 ($23.45 a sale) and 25-34 ($33.33) rest on too few sales to stand apart
    assert "**Billigste salg**" in texts and "**Dyreste salg**" in texts
    assert not [text for text in texts if text.startswith("- ")]
    assert "Ingen segmenter skiller seg ut fra de andre ennå." in captions
    assert [s.value for s in app.subheader] == ["Alder og kjønn"]
    assert segmented(app, "audience.heatmap_metric") == (
        "Farge etter",
        ["Konverteringsrate", "Kostnad per salg"],
    )
    assert untranslated(app, "nb") == []


def test_funnel_and_audience_in_persian_with_native_and_latin_digits() -> None:
    app = open_page("fa", "pages/funnel.py")
    assert app.title[0].value == "چه کسانی تا خرید پیش می‌روند؟"
    assert [h.value for h in app.main.header] == ["قیف فروش", "مخاطبان: چه کسانی تبدیل می‌شوند"]
    assert segmented(app, "funnel.by") == ("قیف بر اساس", ["پلتفرم", "کمپین"])
    captions = read(app.caption)
    assert (
        f"ارزش فروش {FSI}۳٬۶۰۰٫۵۰{NBSP}${PDI} ({FSI}۹۰٫۰۱{NBSP}${PDI} برای هر فروش)؛ "
        f"کمیسیون‌ها {FSI}۷۵٫۲۵{NBSP}${PDI}. هر جا مرحلهٔ قبل ۰ باشد، نرخ «—» است."
    ) in captions
    assert (
        f"یک بخش تنها با دست‌کم {FSI}۱۰۰{PDI} کلیک و {FSI}۵{PDI} نتیجه رتبه‌بندی می‌شود، و "
        "زمانی که بازهٔ ۹۰٪ هزینه به ازای هر نتیجه‌اش کاملاً جدا از بازهٔ بقیهٔ بخش‌ها با هم "
        "باشد: وگرنه تفاوت ممکن است تصادفی باشد."
    ) in captions
    facebook = shown_cells(app, 0).set_index("platform").loc["facebook"]
    assert facebook["کلیک‌ها"] == "۳٬۰۰۰"
    assert facebook["نرخ کلیک"] == "۱٫۲۰٪"
    breakdown = app.selectbox(key="audience.dimension")
    assert breakdown.label == "تفکیک بر اساس"
    assert breakdown.options == ["سن", "جنسیت"]
    texts = read(app.markdown)
    assert "**ارزان‌ترین فروش‌ها**" in texts
    assert "هنوز هیچ بخشی از بقیه جدا نمی‌شود." in captions
    assert [s.value for s in app.subheader] == ["سن و جنسیت"]
    assert untranslated(app, "fa") == []

    app.sidebar.radio(key="ui.digits").set_value("latin").run()
    captions = read(app.caption)
    assert (
        f"یک بخش تنها با دست‌کم {FSI}100{PDI} کلیک و {FSI}5{PDI} نتیجه رتبه‌بندی می‌شود، و "
        "زمانی که بازهٔ ۹۰٪ هزینه به ازای هر نتیجه‌اش کاملاً جدا از بازهٔ بقیهٔ بخش‌ها با هم "
        "باشد: وگرنه تفاوت ممکن است تصادفی باشد."
    ) in captions
    assert shown_cells(app, 0).set_index("platform").loc["facebook", "کلیک‌ها"] == "3,000"


def test_funnel_on_the_sample_data_is_translated_in_every_language() -> None:
    for lang in ("nb", "fa"):
        app = open_page(lang, "pages/funnel.py", upload=False)
        assert untranslated(app, lang) == []
        app.selectbox(key="audience.dimension").set_value("utm_source").run()
        (by,) = [w for w in app.get("button_group") if w.key == "funnel.by"]
        by.set_value("campaign").run()
        assert not app.exception
        assert untranslated(app, lang) == []
        assert app.dataframe[0].value.columns[0] == "campaign"


def test_english_funnel_is_unchanged() -> None:
    app = open_page("", "pages/funnel.py")
    assert app.title[0].value == "Who goes on to buy?"
    captions = read(app.caption)
    assert (
        "Sales value $3,600.50 ($90.01 a sale); commissions $75.25. "
        "A rate is '—' where the step before it is 0."
    ) in captions
    steps = app.dataframe[0].value.set_index("platform")
    assert steps.loc["facebook", "Click-through rate"] == pytest.approx(0.012)
    texts = read(app.markdown)
    assert "**Cheapest sales**" in texts
    assert "No segment stands apart from the others yet." in captions


@pytest.mark.parametrize(
    ("lang", "labels"),
    [("", ["Conversion rate", "Cost per sale"]), ("nb", ["Konverteringsrate", "Kostnad per salg"])],
)
def test_the_heatmaps_colour_choice_names_its_metrics_in_the_language(
    lang: str, labels: list[str]
) -> None:
    app = open_page(lang, "pages/funnel.py", upload=False)  # the sample has age and gender
    (colour_by,) = [w for w in app.get("button_group") if w.key == "audience.heatmap_metric"]
    assert [option.content for option in colour_by.proto.options] == labels
