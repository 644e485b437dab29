"""Meta Ads Manager and Google Ads exports in Arabic (and the other report kinds of Google Ads
in each interface language), and cells written in Persian or Arabic-Indic digits.

Each case is a small file with the interface's own headers (smroi/headers/meta_ads.csv and
google_ads.csv say where the names come from) and anonymised rows; the totals are worked out
by hand in the test.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pandas as pd
import pytest

from smroi import read_file
from smroi.exports import recognise
from smroi.import_report import ImportReport

FIXTURES = Path(__file__).parent / "fixtures"
TO_ARABIC_INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")
TO_PERSIAN = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")


def _csv(headers: list[str], rows: list[list[object]]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(headers)
    writer.writerows(rows)
    return out.getvalue().encode("utf-8")


# ---- Meta Ads Manager from the Arabic interface ----

# reporting starts, reporting ends, campaign name, ad set name, ad name, amount spent,
# impressions, reach, link clicks, purchases, purchases conversion value
META_ARABIC = [
    "بداية التقارير",
    "نهاية التقارير",
    "اسم الحملة",
    "اسم مجموعة الإعلانات",
    "اسم الإعلان",
    "المبلغ الذي تم إنفاقه (SAR)",
    "مرات الظهور",
    "الوصول",
    "النقرات على الرابط",
    "عمليات الشراء",
    "قيمة تحويل عمليات الشراء",
]
# one month of three ads (anonymised); money with two decimals as the export writes it
_META_ROWS = [
    [
        "2026-06-01",
        "2026-06-30",
        "حملة أ",
        "الكل",
        "إعلان 1",
        "1234.50",
        12000,
        8500,
        320,
        12,
        "2400.75",
    ],
    [
        "2026-06-01",
        "2026-06-30",
        "حملة أ",
        "الكل",
        "إعلان 2",
        "765.50",
        8100,
        6000,
        45,
        3,
        "600.00",
    ],
    ["2026-06-01", "2026-06-30", "حملة ب", "الكل", "إعلان 3", "300.00", 4000, 3900, 0, 0, "0"],
]


def _check_meta_arabic_totals(table: pd.DataFrame, report: ImportReport) -> None:
    assert report.export == "Meta Ads Manager"
    # the ad name is the element; the ad set name is a coarser name of the same rows
    assert report.ignored_columns == ["اسم مجموعة الإعلانات"]
    assert report.currency == "SAR"
    assert report.warnings == []
    assert table["spend"].sum() == pytest.approx(1234.50 + 765.50 + 300.00)
    assert table["impressions"].sum() == 12000 + 8100 + 4000
    assert table["reach"].sum() == 8500 + 6000 + 3900
    assert table["clicks"].sum() == 320 + 45 + 0
    assert table["conversions"].sum() == 12 + 3 + 0
    assert table["revenue"].sum() == pytest.approx(2400.75 + 600.00)
    assert str(table["date"].min().date()) == "2026-06-01"
    assert str(table["period_end"].max().date()) == "2026-06-30"
    assert sorted(table["campaign"].astype(str).unique()) == ["حملة أ", "حملة ب"]
    assert set(table["platform"]) == {"facebook"} and table["paid"].all()


def test_a_meta_ads_manager_export_from_the_arabic_interface() -> None:
    table, report = read_file("export.csv", _csv(META_ARABIC, _META_ROWS))
    _check_meta_arabic_totals(table, report)


def _written_with(rows: list[list[object]], digits: dict[int, int]) -> list[list[object]]:
    """The rows as a locale writes them: its own digits, '٬' grouping thousands and '٫' as
    the decimal mark ("1234.50" -> "١٬٢٣٤٫٥٠")."""
    out = []
    for row in rows:
        cells: list[object] = []
        for cell in row:
            text = str(cell)
            if text.replace(".", "").isdigit():
                whole, _, part = text.partition(".")
                grouped = f"{int(whole):,}".replace(",", "٬")
                text = grouped + (f"٫{part}" if part else "")
            cells.append(text.translate(digits))
        out.append(cells)
    return out


def test_a_meta_export_in_arabic_indic_digits_with_arabic_separators_gives_the_same_totals() -> (
    None
):
    rows = _written_with(_META_ROWS, TO_ARABIC_INDIC)
    assert rows[0][5] == "١٬٢٣٤٫٥٠" and rows[0][0] == "٢٠٢٦-٠٦-٠١"  # as the cells are written
    table, report = read_file("export.csv", _csv(META_ARABIC, rows))
    _check_meta_arabic_totals(table, report)


def test_a_meta_export_in_persian_digits_with_arabic_separators_gives_the_same_totals() -> None:
    rows = _written_with(_META_ROWS, TO_PERSIAN)
    assert rows[0][5] == "۱٬۲۳۴٫۵۰" and rows[0][0] == "۲۰۲۶-۰۶-۰۱"
    table, report = read_file("export.csv", _csv(META_ARABIC, rows))
    _check_meta_arabic_totals(table, report)


def test_the_persian_digits_fixture_reads_its_clicks_and_spend() -> None:
    table, _report = read_file("persian_digits.csv", (FIXTURES / "persian_digits.csv").read_bytes())
    assert table["spend"].sum() == pytest.approx(1250.50 + 800)  # ۱٬۲۵۰٫۵۰ and ۸۰۰
    assert table["impressions"].sum() == 12000 + 9500  # ۱۲٬۰۰۰ and ۹٬۵۰۰
    assert table["clicks"].sum() == 150 + 90  # ۱۵۰ and ۹۰


@pytest.mark.parametrize(
    "cell",
    ["۲۰۲۶-۰۳-۰۱", "٢٠٢٦-٠٣-٠١", "۰۱/۰۳/۲۰۲۶"],
    ids=["persian iso", "arabic-indic iso", "persian day first"],
)
def test_a_date_written_in_persian_or_arabic_indic_digits_is_a_date(cell: str) -> None:
    headers = ["Reporting starts", "Ad name", "Amount spent (USD)", "Impressions"]
    table, report = read_file("export.csv", _csv(headers, [[cell, "Ad 1", "5.00", 100]]))
    assert report.export == "Meta Ads Manager"
    assert str(table["date"].iloc[0].date()) == "2026-03-01"


def test_the_persian_and_arabic_names_do_not_take_another_platforms_file() -> None:
    meta = recognise(META_ARABIC)
    assert meta is not None and meta.name == "Meta Ads Manager"
    # the Arabic Google Ads names are not yet checked against a real export: no sign, so
    # such a report is Google's by its file name or the user's choice on the Data page
    assert recognise(["الحملة", "النقرات", "مرات الظهور", "التكلفة", "متوسط تكلفة النقرة"]) is None
    # names both platforms' Arabic interfaces write tell neither apart
    assert recognise(["اسم الحملة", "مرات الظهور", "النقرات"]) is None


# ---- Google Ads from the Arabic interface ----

# campaign, day, clicks, impressions, cost, conversions, average CPC
GOOGLE_ARABIC = [
    "الحملة",
    "اليوم",
    "النقرات",
    "مرات الظهور",
    "التكلفة",
    "الإحالات الناجحة",
    "متوسط تكلفة النقرة",
]
_GOOGLE_ROWS = [
    ["حملة أ", "2026-05-01", 12, 400, 10.5, 1, 0.88],
    ["حملة أ", "2026-05-02", 30, 1000, 20.25, 2, 0.68],
    ["حملة ب", "2026-05-01", 8, 250, 4.0, 0, 0.5],
]


def test_a_google_ads_campaign_report_from_the_arabic_interface() -> None:
    data = _csv(GOOGLE_ARABIC, _GOOGLE_ROWS)
    table, report = read_file("Campaign report.csv", data, export_choice="google_ads")
    assert report.export == "Google Ads"
    assert report.ignored_columns == ["متوسط تكلفة النقرة"]  # the average is no total
    assert table["spend"].sum() == pytest.approx(10.5 + 20.25 + 4.0)
    assert table["clicks"].sum() == 12 + 30 + 8
    assert table["impressions"].sum() == 400 + 1000 + 250
    assert table["conversions"].sum() == 1 + 2 + 0
    assert str(table["date"].min().date()) == "2026-05-01"
    assert sorted(table["campaign"].astype(str).unique()) == ["حملة أ", "حملة ب"]
    assert set(table["platform"]) == {"google"}


def test_an_arabic_google_ads_report_without_its_average_cpc_takes_the_file_name() -> None:
    headers = GOOGLE_ARABIC[:6]
    rows = [row[:6] for row in _GOOGLE_ROWS]
    table, report = read_file("Google Ads campaigns.csv", _csv(headers, rows))
    assert report.export is None and report.ignored_columns == []
    assert set(table["platform"]) == {"google"}
    assert table["spend"].sum() == pytest.approx(10.5 + 20.25 + 4.0)
    assert table["conversions"].sum() == 3


# ---- Google Ads' other reports: keywords, search terms, devices, hours, days of the week ----

# Each report: its headers (the measures last: clicks, impressions, cost, conversions), the
# column that names the row (keyword, search term or device, or None), and a column only
# Google writes when the language has one (else the platform comes from the file name).
# The first cells of each row are text cells in the order of the headers.
_MEASURES = {
    "en": ["Clicks", "Impr.", "Cost", "Conversions"],
    "es": ["Clics", "Impr.", "Costo", "Conversiones"],
    "pt": ["Cliques", "Impr.", "Custo", "Conversões"],
    "fr": ["Clics", "Impr.", "Coût", "Conversions"],
    "de": ["Klicks", "Impr.", "Kosten", "Conversions"],
    "it": ["Clic", "Impr.", "Costo", "Conversioni"],
    "nl": ["Klikken", "Vertoningen", "Kosten", "Conversies"],
    "nb": ["Klikk", "Visninger", "Kostnad", "Konverteringer"],
    "sv": ["Klick", "Visningar", "Kostnad", "Konverteringar"],
    "da": ["Klik", "Visninger", "Omkostninger", "Konverteringer"],
    "pl": ["Kliknięcia", "Wyświetlenia", "Koszt", "Konwersje"],
    "tr": ["Tıklamalar", "Gösterim", "Maliyet", "Dönüşümler"],
    "ja": ["クリック数", "表示回数", "費用", "コンバージョン"],
    "ar": ["النقرات", "مرات الظهور", "التكلفة", "الإحالات الناجحة"],
}
_SIGN = {
    "en": "Avg. CPC",
    "es": "CPC prom.",
    "pt": "CPC méd.",
    "fr": "CPC moy.",
    "de": "Durchschn. CPC",
    "nl": "Gem. CPC",
    "ja": "平均クリック単価",
}
# it "CPC medio" and ar "متوسط تكلفة النقرة" are not yet checked against a fetched page or a real
# export: no sign (smroi/headers/README.md), so those reports are Google's by their file name
# keyword report: keyword, campaign, ad group
_KEYWORD = {
    "en": ("Keyword", "Campaign", "Ad group"),
    "es": ("Palabra clave", "Campaña", "Grupo de anuncios"),
    "pt": ("Palavra-chave", "Campanha", "Grupo de anúncios"),
    "fr": ("Mot clé", "Campagne", "Groupe d'annonces"),
    "de": ("Keyword", "Kampagne", "Anzeigengruppe"),
    "it": ("Parola chiave", "Campagna", "Gruppo di annunci"),
    "nl": ("Zoekwoord", "Campagne", "Advertentiegroep"),
    "nb": ("Søkeord", "Kampanje", "Annonsegruppe"),
    "sv": ("Sökord", "Kampanj", "Annonsgrupp"),
    "da": ("Søgeord", "Kampagne", "Annoncegruppe"),
    "pl": ("Słowo kluczowe", "Kampania", "Grupa reklam"),
    "tr": ("Anahtar kelime", "Kampanya", "Reklam grubu"),
    "ja": ("キーワード", "キャンペーン", "広告グループ"),
    "ar": ("الكلمة الرئيسية", "الحملة", "المجموعة الإعلانية"),
}
# search terms report: search term, campaign, ad group
_SEARCH_TERM = {
    "en": ("Search term", "Campaign", "Ad group"),
    "es": ("Término de búsqueda", "Campaña", "Grupo de anuncios"),
    "pt": ("Termo de pesquisa", "Campanha", "Grupo de anúncios"),
    "fr": ("Terme de recherche", "Campagne", "Groupe d'annonces"),
    "de": ("Suchbegriff", "Kampagne", "Anzeigengruppe"),
    "it": ("Termine di ricerca", "Campagna", "Gruppo di annunci"),
    "nl": ("Zoekterm", "Campagne", "Advertentiegroep"),
    "nb": ("Søketerm", "Kampanje", "Annonsegruppe"),
    "sv": ("Sökterm", "Kampanj", "Annonsgrupp"),
    "da": ("Søgeterm", "Kampagne", "Annoncegruppe"),
    "pl": ("Wyszukiwane hasło", "Kampania", "Grupa reklam"),
    "tr": ("Arama terimi", "Kampanya", "Reklam grubu"),
    "ja": ("検索語句", "キャンペーン", "広告グループ"),
    "ar": ("عبارة البحث", "الحملة", "المجموعة الإعلانية"),
}
# device report: device, campaign
_DEVICE = {
    "en": ("Device", "Campaign"),
    "es": ("Dispositivo", "Campaña"),
    "pt": ("Dispositivo", "Campanha"),
    "fr": ("Appareil", "Campagne"),
    "de": ("Gerät", "Kampagne"),
    "it": ("Dispositivo", "Campagna"),
    "nl": ("Apparaat", "Campagne"),
    "nb": ("Enhet", "Kampanje"),
    "sv": ("Enhet", "Kampanj"),
    "da": ("Enhed", "Kampagne"),
    "pl": ("Urządzenie", "Kampania"),
    "tr": ("Cihaz", "Kampanya"),
    "ja": ("デバイス", "キャンペーン"),
    "ar": ("الجهاز", "الحملة"),
}
# hour-of-day and day-of-week reports, where the column's name is known: it names no element
# and is left unused (an hour is no count), the totals are the report's
_HOUR = {"en": "Hour of the day", "es": "Hora del día", "pt": "Hora do dia"}
_WEEKDAY = {"en": "Day of the week", "es": "Día de la semana", "pt": "Dia da semana"}

# two rows of measures: clicks, impressions, cost, conversions
_TWO = [[25, 900, 12.4, 2], [5, 300, 3.1, 0]]


def _google_file(
    language: str, text_headers: list[str], text_rows: list[list[str]]
) -> tuple[pd.DataFrame, ImportReport]:
    sign = _SIGN.get(language)
    headers = [*text_headers, *_MEASURES[language], *([sign] if sign else [])]
    rows = [
        [*text, *measures, *([0.5] if sign else [])]
        for text, measures in zip(text_rows, _TWO, strict=True)
    ]
    file = "Report.csv" if sign else "Google Ads report.csv"
    table, report = read_file(file, _csv(headers, rows))
    # Impressions' "Impr." (en es pt fr de it, confirmed) is a sign of Google Ads too
    assert report.export == ("Google Ads" if sign or "Impr." in headers else None)
    assert set(table["platform"]) == {"google"}
    assert table["clicks"].sum() == 25 + 5
    assert table["impressions"].sum() == 900 + 300
    assert table["spend"].sum() == pytest.approx(12.4 + 3.1)
    assert table["conversions"].sum() == 2 + 0
    return table, report


@pytest.mark.parametrize("language", sorted(_KEYWORD))
def test_a_google_ads_keyword_report_names_each_row_by_its_keyword(language: str) -> None:
    keyword, campaign, ad_group = _KEYWORD[language]
    rows = [["running shoes", "Shoes", "Group A"], ["trail shoes", "Shoes", "Group A"]]
    table, report = _google_file(language, [keyword, campaign, ad_group], rows)
    assert table["element"].astype(str).tolist() == ["running shoes", "trail shoes"]
    assert table["campaign"].astype(str).tolist() == ["Shoes", "Shoes"]
    assert ad_group in report.ignored_columns  # the keyword names the row, not its group


@pytest.mark.parametrize("language", sorted(_SEARCH_TERM))
def test_a_google_ads_search_terms_report_names_each_row_by_its_search_term(
    language: str,
) -> None:
    term, campaign, ad_group = _SEARCH_TERM[language]
    rows = [["buy running shoes", "Shoes", "Group A"], ["shoes near me", "Shoes", "Group A"]]
    table, report = _google_file(language, [term, campaign, ad_group], rows)
    assert table["element"].astype(str).tolist() == ["buy running shoes", "shoes near me"]
    assert ad_group in report.ignored_columns


@pytest.mark.parametrize("language", sorted(_DEVICE))
def test_a_google_ads_device_report_reads_its_devices(language: str) -> None:
    device, campaign = _DEVICE[language]
    rows = [["Mobile phones", "Shoes"], ["Computers", "Shoes"]]
    table, report = _google_file(language, [device, campaign], rows)
    assert table["device"].astype(str).tolist() == ["Mobile phones", "Computers"]
    assert report.column_map[device] == "device"


@pytest.mark.parametrize("language", sorted(_HOUR))
def test_a_google_ads_hour_of_day_report_leaves_the_hour_unused(language: str) -> None:
    _table, report = _google_file(language, [_HOUR[language]], [["9"], ["21"]])
    assert _HOUR[language] in report.ignored_columns
    assert report.warnings == []


@pytest.mark.parametrize("language", sorted(_WEEKDAY))
def test_a_google_ads_day_of_week_report_leaves_the_weekday_unused(language: str) -> None:
    table, report = _google_file(language, [_WEEKDAY[language]], [["Monday"], ["Sunday"]])
    assert _WEEKDAY[language] in report.ignored_columns
    assert table["date"].isna().all()  # a weekday is no date


# ---- Dutch names corrected from real exports ----


def test_a_dutch_meta_export_with_the_names_its_interface_writes() -> None:
    headers = [
        "Start rapportage",
        "Einde rapportage",
        "Campagnenaam",
        "Naam advertentieset",
        "Besteed bedrag (EUR)",
        "Weergaven",
        "Bereik",
        "Klikken op links",
        "Aankopen",
        "Conversiewaarde aankopen",
    ]
    rows = [
        ["2026-06-01", "2026-06-30", "Zomer", "Set 1", 120.5, 5000, 3000, 80, 4, 310.0],
        ["2026-06-01", "2026-06-30", "Zomer", "Set 2", 79.5, 2500, 2000, 20, 1, 45.5],
    ]
    table, report = read_file("export.csv", _csv(headers, rows))
    assert report.export == "Meta Ads Manager" and report.ignored_columns == []
    assert report.currency == "EUR"
    assert table["spend"].sum() == pytest.approx(120.5 + 79.5)
    assert table["clicks"].sum() == 80 + 20
    assert table["conversions"].sum() == 4 + 1
    assert table["revenue"].sum() == pytest.approx(310.0 + 45.5)
    assert str(table["date"].iloc[0].date()) == "2026-06-01"
    assert set(table["platform"]) == {"facebook"}


def test_a_dutch_google_ads_download_reads_its_conversion_value() -> None:
    headers = ["Campagne", "Dag", "Vertoningen", "Klikken", "Gem. CPC", "Kosten", "Conversies"]
    headers.append("Conv.waarde")
    rows = [["Zomer", "2026-05-01", 400, 12, 0.88, 10.5, 1, 59.0]]
    rows.append(["Zomer", "2026-05-02", 1000, 30, 0.68, 20.25, 2, 120.5])
    table, report = read_file("Campagnerapport.csv", _csv(headers, rows))
    assert report.export == "Google Ads" and report.ignored_columns == ["Gem. CPC"]
    assert table["revenue"].sum() == pytest.approx(59.0 + 120.5)
    assert table["spend"].sum() == pytest.approx(10.5 + 20.25)
    assert set(table["platform"]) == {"google"}
