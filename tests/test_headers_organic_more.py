"""More interface languages of the organic post exports (YouTube Studio, Meta Business
Suite's Instagram and Facebook post exports, X tweet activity) and the Google Ads reports
recognised from their average CPC column, with the names their sources confirm
(smroi/headers/*.csv, first line). Each file is small and anonymised; totals are worked
out by hand in the test."""

from __future__ import annotations

import csv
import io

import pytest

from smroi import read_file


def _csv(headers: list[str], rows: list[list[object]]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(headers)
    writer.writerows(rows)
    return out.getvalue().encode("utf-8")


# ---- YouTube Studio: Advanced mode > Export, the channel's total first ----

# content, title, publish time, views, watch time, subscribers, impressions, impressions CTR
YOUTUBE = {
    "sv": (
        "Innehåll",
        "Videotitel",
        "Publiceringstid för video",
        "Visningar",
        "Visningstid (timmar)",
        "Prenumeranter",
        "Exponeringar",
        "Klickfrekvens för exponeringar (%)",
    ),
    "tr": (
        "İçerik",
        "Video başlığı",
        "Videonun yayınlanma tarihi",
        "Görüntüleme",
        "İzlenme süresi (saat)",
        "Aboneler",
        "Gösterimler",
        "Gösterim tıklama oranı (%)",
    ),
}
_YOUTUBE_TOTAL = {"sv": "Totalt", "tr": "Toplam"}


def _youtube_rows(total: str) -> list[list[object]]:
    return [
        [total, "", "", 2000, 60.6, 15, 24000, 3.8],
        ["vid00000001", "How to pot a plant", "Mar 3, 2026", 1200, 40.5, 12, 15000, 4.2],
        ["vid00000002", "Repotting", "Mar 10, 2026", 800, 20.1, 3, 9000, 3.1],
    ]


@pytest.mark.parametrize("language", sorted(YOUTUBE))
def test_a_youtube_studio_table_in_swedish_and_turkish(language: str) -> None:
    headers = list(YOUTUBE[language])
    rows = _youtube_rows(_YOUTUBE_TOTAL[language])
    table, report = read_file("Table data.csv", _csv(headers, rows))
    assert report.export == "YouTube Studio"
    assert report.recognition.sure
    assert set(table["platform"]) == {"youtube"} and not table["paid"].any()
    assert report.rows_used == 2  # the channel's total is left out
    assert table["video_views"].sum() == 1200 + 800
    assert table["impressions"].sum() == 15000 + 9000
    assert table["followers_gained"].sum() == 12 + 3
    assert table["element"].astype(str).tolist() == ["How to pot a plant", "Repotting"]
    assert str(table["date"].min().date()) == "2026-03-03"


def test_a_turkish_youtube_table_as_a_studio_zip_holds_it() -> None:
    # "Tablo verileri.csv" with the video's length, which smroi does not read
    headers = ["İçerik", "Video başlığı", "Videonun yayınlanma tarihi", "Süre", "Görüntüleme"]
    headers += ["İzlenme süresi (saat)", "Aboneler"]
    rows = [
        ["Toplam", "", "", "", 1500, 30.0, 7],
        ["vid00000003", "Toprak", "Apr 2, 2026", 185, 900, 18.5, 5],
        ["vid00000004", "Saksı", "Apr 9, 2026", 240, 600, 11.5, 2],
    ]
    table, report = read_file("Tablo verileri.csv", _csv(headers, rows))
    assert report.export == "YouTube Studio"
    assert table["video_views"].sum() == 900 + 600
    assert table["followers_gained"].sum() == 5 + 2
    assert "Süre" in report.ignored_columns
    assert report.excluded["row"].tolist() == [2]  # "Toplam"


def test_an_italian_youtube_table_with_its_video_title() -> None:
    headers = ["Contenuti", "Titolo video", "Ora pubblicazione video", "Visualizzazioni"]
    headers += ["Tempo di visualizzazione (ore)", "Iscritti"]
    rows = [
        ["Totale", "", "", 2000, 60.6, 15],
        ["vid00000001", "Rinvaso", "Mar 3, 2026", 1200, 40.5, 12],
        ["vid00000002", "Terriccio", "Mar 10, 2026", 800, 20.1, 3],
    ]
    table, report = read_file("Table data.csv", _csv(headers, rows))
    assert report.export == "YouTube Studio"
    assert report.rows_used == 2
    assert table["element"].astype(str).tolist() == ["Rinvaso", "Terriccio"]
    assert table["video_views"].sum() == 1200 + 800
    assert table["followers_gained"].sum() == 12 + 3
