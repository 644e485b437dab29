"""More of the ad platforms' own headers in their interface languages (LinkedIn Campaign
Manager, Pinterest Ads): one small file per platform x language, written only with the names
that smroi/headers/ lists as confirmed for it (each table's first line says where they come
from), anonymised rows, totals computed by hand."""

from __future__ import annotations

import csv
import io

import pytest

from smroi import read_file
from smroi.exports import map_columns, recognise


def _csv(headers: list[str], rows: list[list[object]]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(headers)
    writer.writerows(rows)
    return out.getvalue().encode("utf-8")


def _utf16_report(title_lines: list[str], headers: list[str], rows: list[list[object]]) -> bytes:
    """A report as LinkedIn writes it: UTF-16 with its mark, tab-separated, title lines above."""
    lines = [*title_lines, "", "\t".join(headers)]
    lines += ["\t".join(str(cell) for cell in row) for row in rows]
    return ("\r\n".join(lines) + "\r\n").encode("utf-16")


# ---- LinkedIn Campaign Manager, Portuguese ----

# the columns a public importer reads from a real Portuguese campaign performance report
LINKEDIN_PT = [
    "Data de início (em UTC)",
    "Nome da campanha",
    "Nome do grupo de campanhas",
    "Total investido",
    "Impressões",
    "Cliques",
    "Leads",
]
# money with a decimal comma, as the Portuguese interface writes it
_LINKEDIN_PT_ROWS = [
    ["21/09/2026", "Vagas", "Recrutamento", "30,50", 2000, 25, 1],
    ["21/09/2026", "Marca", "Institucional", "9,25", 800, 6, 0],
    ["22/09/2026", "Vagas", "Recrutamento", "20,00", 1500, 12, 3],
]


def test_a_linkedin_campaign_report_from_the_portuguese_interface() -> None:
    data = _utf16_report(["Relatório de desempenho da campanha"], LINKEDIN_PT, _LINKEDIN_PT_ROWS)
    table, report = read_file("campaign_123_performance_report.csv", data)
    assert report.export == "LinkedIn Campaign Manager"
    assert set(table["platform"]) == {"linkedin"} and table["paid"].all()
    assert table["spend"].sum() == pytest.approx(30.50 + 9.25 + 20.00)
    assert table["impressions"].sum() == 2000 + 800 + 1500
    assert table["clicks"].sum() == 25 + 6 + 12
    assert table["leads"].sum() == 1 + 0 + 3
    assert table["campaign"].astype(str).tolist() == ["Vagas", "Marca", "Vagas"]
    assert str(table["date"].min().date()) == "2026-09-21"
    assert str(table["date"].max().date()) == "2026-09-22"


def test_the_portuguese_linkedin_names_tell_linkedin_apart() -> None:
    # "Nome da campanha", "Impressões" and "Cliques" are also Meta's and Google's Portuguese
    # names; "Total investido" and "Nome do grupo de campanhas" are LinkedIn's own
    export = recognise(LINKEDIN_PT)
    assert export is not None and export.name == "LinkedIn Campaign Manager"
    assert export.platform == "linkedin"


# ---- Pinterest Ads, German ----

# the reporting table's metrics on Pinterest's German help page
PINTEREST_DE = ["Ausgaben", "Impressions", "Klicks auf einen Pin", "Ausgehende Klicks"]
_PINTEREST_DE_ROWS = [
    [12.5, 4000, 90, 40],
    [7.25, 2500, 31, 12],
    [10.0, 3100, 55, 20],
]


def test_a_pinterest_report_from_the_german_interface() -> None:
    table, report = read_file("pinterest_report.csv", _csv(PINTEREST_DE, _PINTEREST_DE_ROWS))
    assert report.export == "Pinterest Ads"
    assert set(table["platform"]) == {"pinterest"} and table["paid"].all()
    assert table["spend"].sum() == pytest.approx(12.5 + 7.25 + 10.0)
    assert table["impressions"].sum() == 4000 + 2500 + 3100
    # outbound clicks (to the advertiser's site) before all Pin clicks, as in English
    assert table["clicks"].sum() == 40 + 12 + 20


def test_a_german_pinterest_report_without_outbound_clicks_counts_pin_clicks() -> None:
    headers = ["Ausgaben", "Impressions", "Klicks auf einen Pin"]
    rows = [row[:3] for row in _PINTEREST_DE_ROWS]
    table, report = read_file("report.csv", _csv(headers, rows))
    assert report.export == "Pinterest Ads"
    assert table["clicks"].sum() == 90 + 31 + 55
    assert table["spend"].sum() == pytest.approx(29.75)


def test_german_ausgaben_is_no_spend_outside_a_pinterest_report() -> None:
    # an everyday word: read as spend only in a file recognised as Pinterest
    assert recognise(["Datum", "Ausgaben", "Klicks"]) is None
    mapping, _ignored = map_columns(["Datum", "Ausgaben", "Klicks"], None)
    assert "Ausgaben" not in mapping and mapping["Klicks"] == "clicks"


# ---- Pinterest Ads, Polish ----

# the reporting table's metrics on Pinterest's Polish help page: "Kliknięcia linku" are its
# Pin clicks (also Meta's Polish link clicks), "Wyświetlenia" its impressions
PINTEREST_PL = ["Wydatki", "Wyświetlenia", "Kliknięcia linku"]


def test_a_pinterest_report_from_the_polish_interface_named_as_pinterest() -> None:
    rows = [[12.5, 4000, 90], [7.25, 2500, 31], [10.0, 3100, 55]]
    data = _csv(PINTEREST_PL, rows)
    # no column only Pinterest writes: the user chooses Pinterest on the Data page
    table, report = read_file("raport.csv", data, export_choice="pinterest_ads")
    assert report.export == "Pinterest Ads"
    assert set(table["platform"]) == {"pinterest"} and table["paid"].all()
    assert table["spend"].sum() == pytest.approx(12.5 + 7.25 + 10.0)
    assert table["impressions"].sum() == 4000 + 2500 + 3100
    assert table["clicks"].sum() == 90 + 31 + 55
    # not chosen, a file named as Pinterest's takes its platform from the name, but
    # "Wydatki" (an everyday word) is not read: the spend is left unreported and the column
    # listed as not read, never counted as 0
    table, report = read_file("pinterest_raport.csv", data)
    assert set(table["platform"]) == {"pinterest"}
    assert table["impressions"].sum() == 4000 + 2500 + 3100
    assert table["spend"].isna().all() and "Wydatki" in report.ignored_columns
