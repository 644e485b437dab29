"""The ad platforms' own headers (LinkedIn, TikTok, Microsoft Advertising, Snapchat, X,
Pinterest): one small file per platform x language, written with the names the platform's
export writes (smroi/headers/, each table's sources), anonymised rows, totals by hand."""

from __future__ import annotations

import csv
import io

import pytest

from smroi import read_file
from smroi.exports import recognise


def _csv(headers: list[str], rows: list[list[object]], delimiter: str = ",") -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\n")
    writer.writerow(headers)
    writer.writerows(rows)
    return out.getvalue().encode("utf-8")


def _utf16_report(title_lines: list[str], headers: list[str], rows: list[list[object]]) -> bytes:
    """A report as LinkedIn writes it: UTF-16 with its mark, tab-separated, title lines above."""
    lines = [*title_lines, "", "\t".join(headers)]
    lines += ["\t".join(str(cell) for cell in row) for row in rows]
    return ("\r\n".join(lines) + "\r\n").encode("utf-16")


# ---- Microsoft Advertising ----


def test_a_microsoft_advertising_keyword_report_from_the_web_app() -> None:
    # the header row of a real keyword report (English web app), its title lines above
    title = [
        "Report Name: Keywords",
        "Report Time: 6/10/2026,6/16/2026",
        "Time Zone: (GMT+01:00) Amsterdam, Berlin, Bern, Rome, Stockholm, Vienna",
        "Last Completed Available Day: 6/17/2026 7:20:00 AM (GMT)",
        "Last Completed Available Hour: 6/17/2026 7:20:00 AM (GMT)",
    ]
    headers = [
        "Account name",
        "Campaign name",
        "Ad group",
        "Keyword ID",
        "Keyword",
        "Bid match type",
        "Ad distribution",
        "Current maximum CPC",
        "Impressions",
        "Clicks",
        "CTR",
        "Avg. CPC",
        "Spend",
        "Conversions",
        "CPA",
    ]
    rows = [
        ["Shop", "Brand", "Core", "[101]", "garden tools", "Phrase", "Search", 7.62],
        ["Shop", "Brand", "Core", "[102]", "rake", "Exact", "Search", 2.25],
        ["Shop", "Generic", "Long tail", "[103]", "steel rake", "Phrase", "Search", 3.66],
    ]
    numbers = [
        [309, 91, "29.45%", 3.5, 318.26, 20, 15.91],
        [115, 28, "24.35%", 0.83, 23.3, 1, 23.3],
        [55, 10, "18.18%", 2.09, 20.87, 1, 20.87],
    ]
    body = [a + b for a, b in zip(rows, numbers, strict=True)]
    text = "\n".join(title) + "\n\n" + _csv(headers, body, "\t").decode("utf-8")
    table, report = read_file("Keywords.csv", text.encode("utf-8"))
    assert report.export == "Microsoft Advertising"
    assert set(table["platform"]) == {"microsoft"} and table["paid"].all()
    assert table["spend"].sum() == pytest.approx(318.26 + 23.3 + 20.87)
    assert table["clicks"].sum() == 91 + 28 + 10
    assert table["impressions"].sum() == 309 + 115 + 55
    assert table["conversions"].sum() == 20 + 1 + 1
    assert table["element"].astype(str).tolist() == ["garden tools", "rake", "steel rake"]


def test_a_microsoft_advertising_ad_report_with_a_gregorian_date() -> None:
    # the first columns of a real hourly ad report (English web app)
    headers = [
        "Gregorian date",
        "Account name",
        "Campaign name",
        "Ad group",
        "Ad title",
        "Ad distribution",
        "Impressions",
        "Clicks",
        "Spend",
        "Conversions",
        "Account number",
        "Delivered match type",
        "Revenue",
        "Cost per assist",
    ]
    rows = [
        ["2026-01-18", "Bank", "Loans", "Cars", "Car loans", "Search", 500, 20, 12.4, 2],
        ["2026-01-18", "Bank", "Loans", "Homes", "Home loans", "Search", 300, 5, 6.1, 0],
        ["2026-01-19", "Bank", "Loans", "Cars", "Car loans", "Audience", 900, 9, 3.0, 1],
    ]
    tail = [["X0000001", "Exact", 240.0, ""], ["X0000001", "Phrase", 0, ""]]
    tail.append(["X0000001", "Exact", 90.0, ""])
    body = [a + b for a, b in zip(rows, tail, strict=True)]
    table, report = read_file("Ad report.csv", _csv(headers, body))
    assert report.export == "Microsoft Advertising"
    assert set(table["platform"]) == {"microsoft"}
    assert table["spend"].sum() == pytest.approx(12.4 + 6.1 + 3.0)
    assert table["clicks"].sum() == 20 + 5 + 9
    assert table["impressions"].sum() == 500 + 300 + 900
    assert table["conversions"].sum() == 2 + 0 + 1
    assert table["revenue"].sum() == 240.0 + 0 + 90.0
    # the ad, not its ad group, is the row's element
    assert table["element"].astype(str).tolist() == ["Car loans", "Home loans", "Car loans"]
    assert str(table["date"].max().date()) == "2026-01-19"


def test_a_microsoft_advertising_api_report_reads_in_any_interface_language() -> None:
    # Reporting API downloads name their columns by the API's column names, whatever the
    # language of the account: the title lines and the copyright line are as the API writes
    lines = [
        '"Report Name: Campaign report"',
        '"Report Time: 2/1/2026,2/2/2026"',
        '"Time Zone: (GMT+01:00) Amsterdam, Berlin, Bern, Rome, Stockholm, Vienna"',
        '"Last Completed Available Day: 2/3/2026 9:00:00 AM (GMT)"',
        '"Last Completed Available Hour: 2/3/2026 9:00:00 AM (GMT)"',
        '"Report Aggregation: Daily"',
        '"Report Filter: "',
        '"Potential Incomplete Data: false"',
        '"Rows: 3"',
        "",
    ]
    headers = [
        "TimePeriod",
        "AccountNumber",
        "CampaignName",
        "AdGroupName",
        "CurrencyCode",
        "Impressions",
        "Clicks",
        "Spend",
        "Conversions",
        "Revenue",
    ]
    rows = [
        ["2026-02-01", "X0000001", "Marke", "Schuhe", "EUR", 1000, 40, 20.5, 2, 150.0],
        ["2026-02-01", "X0000001", "Marke", "Jacken", "EUR", 400, 10, 8.25, 0, 0],
        ["2026-02-02", "X0000001", "Marke", "Schuhe", "EUR", 1200, 35, 18.0, 3, 210.0],
    ]
    text = "\n".join(lines) + "\n" + _csv(headers, rows).decode("utf-8")
    text += '\n"©2026 Microsoft Corporation. All rights reserved. "\n'
    table, report = read_file("CampaignPerformance.csv", text.encode("utf-8"))
    assert report.export == "Microsoft Advertising"
    assert set(table["platform"]) == {"microsoft"}
    assert table["spend"].sum() == pytest.approx(20.5 + 8.25 + 18.0)
    assert table["clicks"].sum() == 40 + 10 + 35
    assert table["impressions"].sum() == 1000 + 400 + 1200
    assert table["conversions"].sum() == 2 + 0 + 3
    assert table["revenue"].sum() == 150.0 + 0 + 210.0
    assert sorted(table["campaign"].astype(str).unique()) == ["Marke"]
    assert table["element"].astype(str).tolist() == ["Schuhe", "Jacken", "Schuhe"]
    assert str(table["date"].min().date()) == "2026-02-01"


def test_a_microsoft_keyword_report_with_avg_cpc_is_microsoft_not_google() -> None:
    # "Avg. CPC" is one of Google's signs; two of Microsoft's outweigh it
    headers = ["Keyword", "Bid match type", "Ad distribution", "Avg. CPC", "Spend", "Clicks"]
    export = recognise(headers)
    assert export is not None and export.name == "Microsoft Advertising"


def test_an_api_report_with_only_time_period_and_names_is_microsoft() -> None:
    export = recognise(["TimePeriod", "CampaignName", "Impressions", "Clicks", "Spend"])
    assert export is not None and export.name == "Microsoft Advertising"


# ---- LinkedIn Campaign Manager ----

# date, campaign, ad, spend, impressions, clicks, clicks to the landing page, engagements,
# conversions, leads (the ad performance report's columns, in each language confirmed)
LINKEDIN = {
    "en": (
        ["Ad Performance Report (in UTC)", "Report Start: Sep 21, 2026, 12:00 AM"],
        [
            "Start Date (in UTC)",
            "Campaign Name",
            "Ad Name",
            "Ad Introduction Text",
            "Total Spent",
            "Impressions",
            "Clicks",
            "Clicks to Landing Page",
            "Total Engagements",
            "Conversions",
            "Leads",
        ],
    ),
    "nl": (
        ["Rapport met advertentieprestaties", "Begindatum van rapport: 21 september 2026 00:00"],
        [
            "Begindatum (in UTC)",
            "Campagnenaam",
            "Advertentienaam",
            "Inleidende advertentietekst",
            "Totaal besteed",
            "Weergaven",
            "Klikken",
            "Klikken naar bestemmingspagina",
            "Aantal interacties",
            "Conversies",
            "Leads",
        ],
    ),
}
_LINKEDIN_ROWS = [
    ["2026-09-21", "Hiring", "Ad 1", "Join us", 30.5, 2000, 25, 18, 40, 2, 1],
    ["2026-09-21", "Hiring", "Ad 2", "We grow", 9.25, 800, 6, 4, 9, 0, 0],
    ["2026-09-22", "Brand", "Ad 3", "Hello", 20.0, 1500, 12, 10, 22, 1, 3],
]


@pytest.mark.parametrize("language", sorted(LINKEDIN))
def test_a_linkedin_ad_performance_report_in_each_language_confirmed(language: str) -> None:
    title, headers = LINKEDIN[language]
    data = _utf16_report(title, headers, _LINKEDIN_ROWS)
    table, report = read_file("creative_123_ad_performance_report.csv", data)
    assert report.export == "LinkedIn Campaign Manager"
    assert set(table["platform"]) == {"linkedin"} and table["paid"].all()
    assert table["spend"].sum() == pytest.approx(30.5 + 9.25 + 20.0)
    assert table["impressions"].sum() == 2000 + 800 + 1500
    assert table["clicks"].sum() == 18 + 4 + 10  # clicks to the landing page, before all clicks
    assert table["engagements"].sum() == 40 + 9 + 22
    assert table["conversions"].sum() == 2 + 0 + 1
    assert table["leads"].sum() == 1 + 0 + 3
    assert table["element"].astype(str).tolist() == ["Ad 1", "Ad 2", "Ad 3"]
    assert sorted(table["campaign"].astype(str).unique()) == ["Brand", "Hiring"]
    assert str(table["date"].max().date()) == "2026-09-22"


def test_a_linkedin_report_from_the_german_interface() -> None:
    headers = [
        "Startdatum (in UTC)",
        "Name der Kampagne",
        "Name der Anzeigengruppe",
        "Anzeigengruppen-ID",
        "Gesamtausgaben",
        "Impressions",
        "Klicks",
        "Conversions",
        "Leads",
    ]
    rows = [
        ["2026-10-01", "Parent", "Group A", 123, "330.51", 4197, 17, 9, 2],
        ["2026-10-02", "Parent", "Group B", 124, "20.00", 500, 3, 0, 1],
    ]
    table, report = read_file(
        "report.csv", _utf16_report(["Bericht zur Performance"], headers, rows)
    )
    assert report.export == "LinkedIn Campaign Manager"
    assert set(table["platform"]) == {"linkedin"}
    assert table["spend"].sum() == pytest.approx(330.51 + 20.0)
    assert table["impressions"].sum() == 4197 + 500
    assert table["clicks"].sum() == 17 + 3
    assert table["conversions"].sum() == 9 + 0
    assert table["leads"].sum() == 2 + 1
    assert table["campaign"].astype(str).tolist() == ["Parent", "Parent"]
    assert table["element"].astype(str).tolist() == ["Group A", "Group B"]


def test_a_french_linkedin_creative_report_is_linkedin_not_meta() -> None:
    # the French names confirmed from a real creative report (its metric names were not);
    # "Nom de la publicité" is also Meta's French name for the ad, and no sign of Meta's
    headers = [
        "ID de la campagne",
        "Nom du groupe de campagnes",
        "Nom de la publicité",
        "ID Pub",
        "Statut de la publicité",
        "Texte pub présentation",
        "URL à cliquer",
    ]
    export = recognise(headers)
    assert export is not None and export.name == "LinkedIn Campaign Manager"
    assert export.platform == "linkedin"


def test_the_campaign_group_report_still_reads_the_linkedin_fixture_layout() -> None:
    headers = [
        "Start Date (in UTC)",
        "Account Name",
        "Campaign Group Name",
        "Campaign Name",
        "Creative Name",
        "Total Spent",
        "Reach",
        "Impressions",
        "Clicks",
        "Clicks to LinkedIn Page",
        "Total Social Actions",
        "Viral Impressions",
        "Lead Forms Opened",
    ]
    rows = [
        ["11/1/2026", "Acme", "Default", "B2B", "Creative 1", 12.5, 700, 1000, 8, 2, 5, 30, 1],
        ["11/2/2026", "Acme", "Default", "B2B", "Creative 2", 7.5, 300, 500, 2, 0, 1, 0, 0],
    ]
    table, report = read_file("campaign_performance_report.csv", _csv(headers, rows))
    assert report.export == "LinkedIn Campaign Manager"
    assert table["spend"].sum() == 12.5 + 7.5
    assert table["reach"].sum() == 700 + 300
    assert table["clicks"].sum() == 8 + 2  # no landing-page clicks here: all chargeable clicks
    assert table["element"].astype(str).tolist() == ["Creative 1", "Creative 2"]


# ---- TikTok Ads ----


def test_a_tiktok_custom_report_with_its_video_and_destination_columns() -> None:
    headers = [
        "By Day",
        "Campaign name",
        "Ad group name",
        "Ad name",
        "Cost",
        "Impressions",
        "Reach",
        "Clicks (destination)",
        "Conversions",
        "Video views",
        "2-second video views",
        "6-second video views",
    ]
    rows = [
        ["2026-05-01", "Spring", "UGC", "Unboxing", 25.4, 12400, 9800, 186, 9, 6210, 3000, 1500],
        ["2026-05-02", "Spring", "UGC", "Try-on", 30.1, 15020, 11040, 201, 7, 7005, 3400, 1700],
    ]
    table, report = read_file("tiktok.csv", _csv(headers, rows))
    assert report.export == "TikTok Ads"
    assert set(table["platform"]) == {"tiktok"} and table["paid"].all()
    assert table["spend"].sum() == pytest.approx(25.4 + 30.1)
    assert table["impressions"].sum() == 12400 + 15020
    assert table["reach"].sum() == 9800 + 11040
    assert table["clicks"].sum() == 186 + 201
    assert table["conversions"].sum() == 9 + 7
    assert table["video_views"].sum() == 6210 + 7005
    assert table["element"].astype(str).tolist() == ["Unboxing", "Try-on"]


def test_tiktok_video_view_columns_tell_tiktok_without_an_ad_group() -> None:
    export = recognise(["By Day", "Cost", "2-second video views", "6-second video views"])
    assert export is not None and export.name == "TikTok Ads"


# the Spanish interface's names, from real exports: day, campaign, ad, currency, spend (two
# wordings seen), impressions, reach, destination clicks, conversions, video views
TIKTOK_SPANISH_SPEND = ["Coste", "Gasto"]


@pytest.mark.parametrize("spend_header", TIKTOK_SPANISH_SPEND)
def test_a_tiktok_report_from_the_spanish_interface(spend_header: str) -> None:
    headers = [
        "Por día",
        "Nombre de la campaña",
        "Nombre del anuncio",
        "Moneda",
        spend_header,
        "Impresiones",
        "Alcance",
        "Clics (destino)",
        "Conversiones",
        "Visualizaciones de vídeo",
    ]
    rows = [
        ["2026-03-01", "Primavera", "Video 1", "EUR", 12.5, 4000, 3000, 60, 3, 2500],
        ["2026-03-02", "Primavera", "Video 2", "EUR", 7.25, 2500, 2100, 20, 1, 1200],
        ["2026-03-02", "Rebajas", "Video 3", "EUR", 10.0, 3100, 2600, 41, 0, 1900],
    ]
    table, report = read_file("informe.csv", _csv(headers, rows))
    assert report.export == "TikTok Ads"
    assert set(table["platform"]) == {"tiktok"} and table["paid"].all()
    assert report.currency == "EUR"
    assert table["spend"].sum() == pytest.approx(12.5 + 7.25 + 10.0)
    assert table["impressions"].sum() == 4000 + 2500 + 3100
    assert table["reach"].sum() == 3000 + 2100 + 2600
    assert table["clicks"].sum() == 60 + 20 + 41
    assert table["conversions"].sum() == 3 + 1 + 0
    assert table["video_views"].sum() == 2500 + 1200 + 1900
    assert table["element"].astype(str).tolist() == ["Video 1", "Video 2", "Video 3"]
    assert str(table["date"].max().date()) == "2026-03-02"


def test_a_tiktok_report_from_the_portuguese_interface_takes_its_platform_from_the_file_name() -> (
    None
):
    # every name of the Portuguese report is one other platforms write too
    headers = [
        "Nome da campanha",
        "Custo",
        "Impressões",
        "Alcance",
        "Cliques (Destino)",
        "CPC (Destino)",
        "CPM",
    ]
    rows = [
        ["Verão", 150.0, 30000, 21000, 420, 0.36, 5.0],
        ["Leads", 80.5, 12000, 9000, 150, 0.54, 6.71],
    ]
    table, report = read_file("Tiktok Ads Dez25.csv", _csv(headers, rows))
    assert report.export is None
    assert set(table["platform"]) == {"tiktok"}
    assert table["spend"].sum() == pytest.approx(150.0 + 80.5)
    assert table["impressions"].sum() == 30000 + 12000
    assert table["reach"].sum() == 21000 + 9000
    assert table["clicks"].sum() == 420 + 150
    assert sorted(table["campaign"].astype(str).unique()) == ["Leads", "Verão"]


@pytest.mark.parametrize(
    ("all_clicks", "destination"),
    [
        ("Clicks (all)", "Clicks (destination)"),
        ("Clics (todos)", "Clics (destino)"),
        ("Cliques (Todos)", "Cliques (Destino)"),
    ],
)
def test_tiktok_clicks_to_the_page_win_over_all_clicks_whichever_comes_first(
    all_clicks: str, destination: str
) -> None:
    headers = ["By Day", "Ad group name", "Cost", all_clicks, destination, "Impressions"]
    rows = [
        ["2026-05-01", "Group A", 10.0, 90, 40, 1000],
        ["2026-05-02", "Group A", 5.0, 30, 12, 600],
    ]
    table, report = read_file("tiktok.csv", _csv(headers, rows))
    assert report.column_map[destination] == "clicks"
    assert all_clicks in report.ignored_columns
    assert table["clicks"].sum() == 40 + 12  # not 90 + 30
