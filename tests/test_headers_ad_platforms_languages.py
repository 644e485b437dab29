"""The ad platforms' own headers in their other interface languages (TikTok, Microsoft
Advertising, Snapchat): one small file per platform x language, written with the names of
smroi/headers/ (each table's first line says which were confirmed and which not yet),
anonymised rows, totals computed by hand."""

from __future__ import annotations

import csv
import io

import pytest

from smroi import read_file
from smroi.exports import recognise


def _csv(headers: list[str], rows: list[list[object]], encoding: str = "utf-8") -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(headers)
    writer.writerows(rows)
    return out.getvalue().encode(encoding)


# ---- TikTok Ads ----

# campaign, ad, cost, impressions, reach, all clicks, clicks to the page, conversions, video
# views (and, where confirmed, the 2- and 6-second video views, which only TikTok writes)
TIKTOK = {
    "fr": [
        "Nom de la campagne",
        "Nom de l'annonce",
        "Coût",
        "Impressions",
        "Couverture",
        "Clics (tous)",
        "Clics (destination)",
        "Conversions",
        "Vues de vidéos",
    ],
    "de": [
        "Kampagnenname",
        "Anzeigenname",
        "Kosten",
        "Impressionen",
        "Reichweite",
        "Klicks (alle)",
        "Klicks (Ziel)",
        "Conversions",
        "Videoaufrufe",
    ],
    "it": [
        "Nome della campagna",
        "Nome dell'annuncio",
        "Costo",
        "Impressioni",
        "Copertura",
        "Clic (tutti)",
        "Clic (destinazione)",
        "Conversioni",
        "Visualizzazioni video",
    ],
    "tr": [
        "Kampanya adı",
        "Reklam adı",
        "Maliyet",
        "Gösterimler",
        "Erişim",
        "Tıklamalar (tümü)",
        "Tıklamalar (hedef)",
        "Dönüşümler",
        "Video görüntülemeleri",
        "2 saniyelik video görüntülemeleri",
        "6 saniyelik video görüntülemeleri",
    ],
    "ja": [
        "キャンペーン名",
        "広告名",
        "コスト",
        "インプレッション数",
        "リーチ",
        "クリック数（すべて）",
        "クリック数（遷移先）",
        "コンバージョン数",
        "動画視聴数",
        "動画の2秒視聴数",
        "動画の6秒視聴数",
    ],
    "ar": [
        "اسم الحملة",
        "اسم الإعلان",
        "التكلفة",
        "مرات الظهور",
        "الوصول",
        "النقرات (الكل)",
        "النقرات (الوجهة)",
        "التحويلات",
        "مشاهدات الفيديو",
    ],
}
# the languages with a sign of TikTok's own (its video play columns): recognised by their columns;
# the others take their platform from the file name
TIKTOK_RECOGNISED = {"tr", "ja"}
_TIKTOK_ROWS = [
    ["Spring", "Video 1", 12.5, 4000, 3000, 90, 60, 3, 2500, 1400, 700],
    ["Spring", "Video 2", 7.25, 2500, 2100, 31, 20, 1, 1200, 600, 250],
    ["Sale", "Video 3", 10.0, 3100, 2600, 55, 41, 0, 1900, 1000, 420],
]
# in the Japanese interface the export is written in Shift_JIS (issue 16)
_ENCODING = {"ja": "cp932"}


@pytest.mark.parametrize("language", sorted(TIKTOK))
def test_a_tiktok_report_in_each_further_interface_language(language: str) -> None:
    headers = TIKTOK[language]
    rows = [row[: len(headers)] for row in _TIKTOK_ROWS]
    data = _csv(headers, rows, _ENCODING.get(language, "utf-8"))
    table, report = read_file("tiktok_report.csv", data)
    recognised = language in TIKTOK_RECOGNISED
    assert report.export == ("TikTok Ads" if recognised else None)
    assert set(table["platform"]) == {"tiktok"}
    assert table["spend"].sum() == pytest.approx(12.5 + 7.25 + 10.0)
    assert table["impressions"].sum() == 4000 + 2500 + 3100
    assert table["reach"].sum() == 3000 + 2100 + 2600
    assert table["clicks"].sum() == 60 + 20 + 41  # clicks to the page, not all clicks
    assert report.column_map[headers[6]] == "clicks"
    assert headers[5] in report.ignored_columns
    assert table["conversions"].sum() == 3 + 1 + 0
    assert table["video_views"].sum() == 2500 + 1200 + 1900
    assert sorted(table["campaign"].astype(str).unique()) == ["Sale", "Spring"]
    assert table["element"].astype(str).tolist() == ["Video 1", "Video 2", "Video 3"]


def test_a_tiktok_report_without_a_sign_is_tiktok_when_the_user_chooses_it() -> None:
    # a French report under a name that says nothing: the user chooses TikTok on the Data page
    headers = TIKTOK["fr"]
    rows = [row[: len(headers)] for row in _TIKTOK_ROWS]
    table, report = read_file("export.csv", _csv(headers, rows), export_choice="tiktok_ads")
    assert report.export == "TikTok Ads"
    assert set(table["platform"]) == {"tiktok"} and table["paid"].all()
    assert table["spend"].sum() == pytest.approx(12.5 + 7.25 + 10.0)
    assert table["clicks"].sum() == 60 + 20 + 41


@pytest.mark.parametrize("language", ["tr", "ja"])
def test_tiktok_video_play_columns_tell_tiktok_apart(language: str) -> None:
    # the 2- and 6-second video views, confirmed on TikTok's help pages in these languages;
    # the Japanese インプレッション数 is also a sign of Yahoo! JAPAN Ads, and the two win
    export = recognise(TIKTOK[language])
    assert export is not None and export.name == "TikTok Ads"


@pytest.mark.parametrize(
    ("all_clicks", "link_clicks"),
    [
        ("Clics (tous)", "Clics sur un lien"),
        ("Klicks (alle)", "Link-Klicks"),
        ("Clic (tutti)", "Clic sul link"),
        ("Tıklamalar (tümü)", "Bağlantı tıklamaları"),
    ],
)
def test_other_platforms_link_clicks_still_win_over_the_bare_word(
    all_clicks: str, link_clicks: str
) -> None:
    # TikTok's clicks to the page match only their own column: in a Meta export the link
    # clicks still come before all clicks, whichever comes first in the file
    headers = ["Campaign name", all_clicks, link_clicks, "Impressions"]
    rows = [["A", 90, 40, 1000], ["B", 30, 12, 600]]
    table, report = read_file("meta.csv", _csv(headers, rows))
    assert report.column_map[link_clicks] == "clicks"
    assert table["clicks"].sum() == 40 + 12


# ---- Microsoft Advertising ----

# campaign, ad group, impressions, clicks, spend, conversions, revenue
MICROSOFT = {
    "fr": ["Campagne", "Groupe d'annonces", "Impressions", "Clics", "Dépenses", "Conv.", "Revenu"],
    "de": ["Kampagne", "Anzeigengruppe", "Aufrufe", "Klicks", "Kosten", "Abschlüsse", "Umsatz"],
    "es": ["Campaña", "Grupo de anuncios", "Impr.", "Clics", "Gasto", "Conv.", "Ingresos"],
    "ja": [
        "キャンペーン",
        "広告グループ",
        "インプレッション",
        "クリック",
        "支出",
        "コンバージョン",
        "収益",
    ],
}
_MICROSOFT_ROWS = [
    ["Brand", "Shoes", 1000, 40, 20.5, 2, 150.0],
    ["Brand", "Jackets", 400, 10, 8.25, 0, 0],
    ["Generic", "Shoes", 1200, 35, 18.0, 3, 210.0],
]


@pytest.mark.parametrize("language", sorted(MICROSOFT))
def test_a_microsoft_advertising_report_in_each_further_interface_language(language: str) -> None:
    # none of these names tells Microsoft apart, so the user chooses it on the Data page
    headers = MICROSOFT[language]
    data = _csv(headers, _MICROSOFT_ROWS)
    table, report = read_file("Campaign report.csv", data, export_choice="microsoft_ads")
    assert report.export == "Microsoft Advertising"
    assert set(table["platform"]) == {"microsoft"} and table["paid"].all()
    assert table["impressions"].sum() == 1000 + 400 + 1200
    assert table["clicks"].sum() == 40 + 10 + 35
    assert table["spend"].sum() == pytest.approx(20.5 + 8.25 + 18.0)
    assert table["conversions"].sum() == 2 + 0 + 3
    assert table["revenue"].sum() == pytest.approx(150.0 + 0 + 210.0)
    assert sorted(table["campaign"].astype(str).unique()) == ["Brand", "Generic"]
    assert table["element"].astype(str).tolist() == ["Shoes", "Jackets", "Shoes"]


def test_a_german_microsoft_report_with_its_account_number_is_recognised() -> None:
    # "Kontonummer" is a report column of the German interface only Microsoft names so
    headers = ["Kontonummer", *MICROSOFT["de"]]
    rows = [["X0000001", *row] for row in _MICROSOFT_ROWS]
    table, report = read_file("Kampagnenbericht.csv", _csv(headers, rows))
    assert report.export == "Microsoft Advertising"
    assert set(table["platform"]) == {"microsoft"}
    assert table["impressions"].sum() == 1000 + 400 + 1200  # "Aufrufe", its impressions
    assert table["spend"].sum() == pytest.approx(20.5 + 8.25 + 18.0)
    assert table["conversions"].sum() == 2 + 0 + 3
    assert table["revenue"].sum() == pytest.approx(150.0 + 0 + 210.0)


# ---- Snapchat Ads ----


def test_a_snapchat_export_from_the_french_interface() -> None:
    # the names of a real French export (Fin, beside Début, not yet checked); "Montant
    # dépensé" is Meta's French name too, "Impressions payées" only Snapchat's
    headers = [
        "Nom de la campagne",
        "Objectif de la campagne",
        "Début",
        "Fin",
        "Impressions payées",
        "Montant dépensé",
    ]
    rows = [
        ["Rentrée", "Awareness", "2026-09-01", "2026-09-07", 52000, 310.4],
        ["Rentrée", "Awareness", "2026-09-08", "2026-09-14", 48000, 289.6],
        ["Soldes", "Conversions", "2026-09-01", "2026-09-07", 15000, 120.0],
    ]
    table, report = read_file("Paid-digital-Snapchat.csv", _csv(headers, rows))
    assert report.export == "Snapchat Ads"
    assert set(table["platform"]) == {"snapchat"} and table["paid"].all()
    assert table["impressions"].sum() == 52000 + 48000 + 15000
    assert table["spend"].sum() == pytest.approx(310.4 + 289.6 + 120.0)
    assert sorted(table["campaign"].astype(str).unique()) == ["Rentrée", "Soldes"]
    assert str(table["date"].min().date()) == "2026-09-01"
    assert str(table["period_end"].max().date()) == "2026-09-14"
