"""Spotify Ad Studio's own headers in Spanish: one small file per Spanish help page's names
(smroi/headers/spotify_ads.csv says where each comes from), anonymised rows, totals computed
by hand. No Spanish name of the spend was found, so a Spanish report's spend stays unreported:
never a 0 that looks like free advertising."""

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


# ---- Spotify Ad Studio, Spanish (Spain): the music-campaign reporting metrics ----

# the names on https://ads.spotify.com/es-ES/centro-de-ayuda/informes-de-campana-musicales/
SPOTIFY_ES = ["Impresiones", "Reach", "Listeners", "Nuevos listeners"]
_SPOTIFY_ES_ROWS = [
    [52000, 31000, 1400, 620],
    [18500, 12000, 410, 150],
    [7300, 5100, 95, 40],
]


def test_a_spotify_music_campaign_report_from_the_spanish_interface() -> None:
    table, report = read_file("informe.csv", _csv(SPOTIFY_ES, _SPOTIFY_ES_ROWS))
    # "Nuevos listeners" is a name only Spotify writes: the report is recognised by it
    assert report.export == "Spotify Ad Studio"
    assert set(table["platform"]) == {"spotify"} and table["paid"].all()
    assert table["impressions"].sum() == 52000 + 18500 + 7300
    assert table["reach"].sum() == 31000 + 12000 + 5100
    # no spend column: the spend is not reported, never counted as 0
    assert table["spend"].isna().all()


def test_nuevos_listeners_alone_tells_spotify_apart() -> None:
    export = recognise(["Impresiones", "Nuevos listeners"])
    assert export is not None and export.name == "Spotify Ad Studio"
    assert export.platform == "spotify"
    # without it, the Spanish impressions and reach name no platform
    assert recognise(["Impresiones", "Reach"]) is None


# ---- Spotify Ad Studio, Spanish (Latin America): the same metrics, other words ----

# the names on https://ads.spotify.com/es-MX/centro-de-ayuda/reportes-para-campanas-de-musica/
SPOTIFY_ES_MX = ["Anuncios mostrados", "Alcance de los anuncios"]
_SPOTIFY_ES_MX_ROWS = [[40000, 22000], [9000, 6100], [2500, 1900]]


def test_a_latin_american_spotify_report_chosen_as_spotify() -> None:
    data = _csv(SPOTIFY_ES_MX, _SPOTIFY_ES_MX_ROWS)
    # neither name is Spotify's alone: the user chooses Spotify Ad Studio on the Data page
    table, report = read_file("reporte.csv", data, export_choice="spotify_ads")
    assert report.export == "Spotify Ad Studio"
    assert set(table["platform"]) == {"spotify"} and table["paid"].all()
    assert table["impressions"].sum() == 40000 + 9000 + 2500  # the ads served
    assert table["reach"].sum() == 22000 + 6100 + 1900
    assert table["spend"].isna().all()


@pytest.mark.parametrize("header", SPOTIFY_ES_MX)
def test_the_latin_american_names_are_read_only_in_a_spotify_report(header: str) -> None:
    # everyday Spanish words: outside a Spotify report they are not read as anything
    mapping, ignored = map_columns(["Fecha", header], None)
    assert header not in mapping and header in ignored
