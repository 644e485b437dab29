"""Interface languages confirmed for issue 16 (smroi/headers/*.csv, first line of each
table, and smroi/headers/README.md): Meta Ads Manager in Italian, GA4's sessions in Dutch,
Turkish and Swedish, and TikTok's German cost and reach. Each file is small and
anonymised, built from the names the sources show; totals are worked out by hand."""

from __future__ import annotations

import csv
import io

import pytest

from smroi import read_file
from smroi.errors import InputFileError


def _csv(headers: list[str], rows: list[list[object]]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(headers)
    writer.writerows(rows)
    return out.getvalue().encode("utf-8")


# ---- Meta Ads Manager, Italian interface ----

# the columns of Ads Manager's default export as public readers of Italian exports list
# them, the campaign's own end date ("Fine") included
ITALIAN_META = [
    "Inizio dei report",
    "Fine dei report",
    "Nome della campagna",
    "Pubblicazione della campagna",
    "Risultati",
    "Indicatore di risultato",
    "Importo speso (EUR)",
    "Impression",
    "Copertura",
    "Fine",
]
_RESULT = "actions:link_click"
_ITALIAN_ROWS: list[list[object]] = [
    [
        "2026-05-01",
        "2026-05-31",
        "Primavera",
        "active",
        12,
        _RESULT,
        84.5,
        9100,
        6100,
        "2026-06-15",
    ],
    ["2026-05-01", "2026-05-31", "Saldi", "inactive", 3, _RESULT, 15.5, 2400, 1900, "In corso"],
]


def test_an_italian_meta_export_is_recognised_from_its_own_columns() -> None:
    table, report = read_file("export.csv", _csv(ITALIAN_META, _ITALIAN_ROWS))
    assert report.export == "Meta Ads Manager"
    assert report.recognition.sure and not report.recognition.chosen
    assert set(report.recognition.evidence) == {"Inizio dei report", "Importo speso (EUR)"}
    assert report.currency == "EUR"
    assert table["spend"].sum() == pytest.approx(84.5 + 15.5)
    assert table["impressions"].sum() == 9100 + 2400
    assert table["reach"].sum() == 6100 + 1900
    assert table["campaign"].astype(str).tolist() == ["Primavera", "Saldi"]
    assert str(table["date"].min().date()) == "2026-05-01"
    assert str(table["period_end"].max().date()) == "2026-05-31"  # not the campaign's "Fine"
    assert "Fine" in report.ignored_columns
    assert set(table["platform"]) == {"facebook"} and table["paid"].all()


def test_an_italian_meta_export_by_ad_with_its_link_clicks() -> None:
    headers = ["Inizio dei report", "Fine dei report", "Nome del gruppo di inserzioni"]
    headers += ["Nome dell'inserzione", "Importo speso (EUR)", "Impression", "Clic sul link"]
    rows: list[list[object]] = [
        ["2026-05-01", "2026-05-31", "Gruppo 1", "Annuncio A", 30.25, 4000, 61],
        ["2026-05-01", "2026-05-31", "Gruppo 1", "Annuncio B", 19.75, 2600, 24],
        ["2026-05-01", "2026-05-31", "Gruppo 2", "Annuncio C", 10.0, 1400, 15],
    ]
    table, report = read_file("Inserzioni.csv", _csv(headers, rows))
    assert report.export == "Meta Ads Manager"
    # the ad's name is the row's element; its ad set's name is not read beside it
    assert report.ignored_columns == ["Nome del gruppo di inserzioni"]
    assert table["spend"].sum() == pytest.approx(30.25 + 19.75 + 10.0)
    assert table["clicks"].sum() == 61 + 24 + 15
    assert table["element"].astype(str).tolist() == ["Annuncio A", "Annuncio B", "Annuncio C"]


# ---- Google Analytics 4: the sessions metric ----

GA4_SESSIONS = {
    "nl": ("Sessiebron/-medium", "Sessies", "Sessiecampagne"),
    "tr": ("Oturum kaynağı/aracı", "Oturumlar", "Oturum kampanyası"),
}
_GA4_ROWS: list[list[object]] = [
    ["facebook.com / referral", 64, "zomer"],
    ["l.instagram.com / referral", 36, "zomer"],
    ["google / organic", 700, "(organic)"],  # not social: left out
]


@pytest.mark.parametrize("language", sorted(GA4_SESSIONS))
def test_a_ga4_download_counts_its_sessions_in_dutch_and_turkish(language: str) -> None:
    headers = list(GA4_SESSIONS[language])
    table, report = read_file("download.csv", _csv(headers, _GA4_ROWS))
    assert report.export == "Google Analytics 4"
    assert report.column_map[headers[1]] == "clicks"
    assert report.rows_used == 2
    assert sorted(table["platform"].astype(str)) == ["facebook", "instagram"]
    assert table["clicks"].sum() == 64 + 36


# no Swedish source/medium column is confirmed: the user names that column and the export
SWEDISH_GA4 = ["Kolumn A", "Sessioner"]


def test_a_swedish_ga4_download_counts_its_sessions_once_chosen() -> None:
    rows = [[row[0], row[1]] for row in _GA4_ROWS]
    table, report = read_file(
        "nedladdning.csv",
        _csv(SWEDISH_GA4, rows),
        column_map={"Kolumn A": "element"},
        export_choice="ga4",
    )
    assert report.export == "Google Analytics 4"
    assert report.column_map["Sessioner"] == "clicks"
    assert table["platform"].astype(str).tolist() == ["facebook", "instagram"]
    assert table["clicks"].sum() == 64 + 36


def test_swedish_sessions_alone_do_not_make_a_file_ga4s() -> None:
    # "Sessioner" is no sign: the file is not claimed, and nothing else in it is known
    rows = [[row[0], row[1]] for row in _GA4_ROWS]
    with pytest.raises(InputFileError):
        read_file("nedladdning.csv", _csv(SWEDISH_GA4, rows))


# ---- TikTok Ads, German interface ----

GERMAN_TIKTOK = ["Kosten", "Reichweite", "Klicks (Ziel)"]
_TIKTOK_ROWS: list[list[object]] = [[10.5, 300, 7], [4.5, 200, 3]]


def test_a_german_tiktok_report_reads_its_cost_and_reach_once_chosen() -> None:
    table, report = read_file(
        "bericht.csv", _csv(GERMAN_TIKTOK, _TIKTOK_ROWS), export_choice="tiktok_ads"
    )
    assert report.export == "TikTok Ads"
    assert report.ignored_columns == []
    assert table["spend"].sum() == pytest.approx(10.5 + 4.5)
    assert table["reach"].sum() == 300 + 200
    assert table["clicks"].sum() == 7 + 3
    assert set(table["platform"]) == {"tiktok"} and table["paid"].all()


def test_a_german_tiktok_report_takes_its_platform_from_its_file_name() -> None:
    # Kosten and Reichweite are Google's and Meta's German names too: no sign of TikTok
    table, report = read_file("TikTok Kampagnen.csv", _csv(GERMAN_TIKTOK, _TIKTOK_ROWS))
    assert report.export is None
    assert set(table["platform"]) == {"tiktok"}
    assert table["spend"].sum() == pytest.approx(10.5 + 4.5)
