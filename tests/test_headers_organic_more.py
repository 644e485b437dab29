"""More interface languages of the organic post exports (YouTube Studio, Meta Business
Suite's Instagram and Facebook post exports, X tweet activity), the Google Ads reports
recognised from their average CPC column and Meta Ads Manager exports in Japanese, Turkish
and Polish, with the names their sources confirm
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


# ---- Meta Business Suite: Instagram and Facebook post exports ----

# publish time, views, reach, likes, comments, shares, saves, follows, and the column that
# tells the export; None where the language's name is not known
INSTAGRAM: dict[str, dict[str, str | None]] = {
    "it": {
        "user": "Nome utente dell'account",
        "published": "Orario di pubblicazione",
        "views": "Visualizzazioni",
        "reach": "Copertura",
        "likes": "Mi piace",
        "comments": "Commenti",
        "shares": "Condivisioni",
        "saves": "Salvataggi",
        "follows": None,
    },
    "nl": {
        "user": None,
        "published": "Publicatietijdstip",
        "views": "Weergaven",
        "reach": "Bereik",
        "likes": "Vind-ik-leuks",
        "comments": "Opmerkingen",
        "shares": "Aantal keer gedeeld",
        "saves": "Aantal keer opgeslagen",
        "follows": "Volgt",
    },
    "ja": {
        "user": "アカウントのユーザーネーム",
        "published": "公開時間",
        "views": "ビュー",
        "reach": "リーチ",
        "likes": "いいね！の数",
        "comments": "コメント数",
        "shares": "シェア数",
        "saves": "保存数",
        "follows": "フォロー数",
    },
}
_INSTAGRAM_ROWS: list[dict[str, object]] = [
    {
        "user": "shop.example",
        "published": "09/15/2026 18:00",
        "views": 15000,
        "reach": 9800,
        "likes": 410,
        "comments": 20,
        "shares": 120,
        "saves": 55,
        "follows": 14,
    },
    {
        "user": "shop.example",
        "published": "09/22/2026 09:30",
        "views": 4000,
        "reach": 3100,
        "likes": 150,
        "comments": 11,
        "shares": 9,
        "saves": 30,
        "follows": 2,
    },
]


def _table(spec: dict[str, str | None], rows: list[dict[str, object]]) -> bytes:
    keys = [key for key, header in spec.items() if header is not None]
    return _csv([str(spec[k]) for k in keys], [[row[k] for k in keys] for row in rows])


@pytest.mark.parametrize("language", sorted(INSTAGRAM))
def test_a_meta_business_suite_instagram_export_in_italian_dutch_and_japanese(
    language: str,
) -> None:
    spec = INSTAGRAM[language]
    table, report = read_file("export.csv", _table(spec, _INSTAGRAM_ROWS))
    assert report.export == "Instagram Insights"
    assert set(table["platform"]) == {"instagram"} and not table["paid"].any()
    assert table["impressions"].sum() == 15000 + 4000  # views
    assert table["reach"].sum() == 9800 + 3100
    # likes + comments + shares + saves
    assert table["engagements"].sum() == (410 + 20 + 120 + 55) + (150 + 11 + 9 + 30)
    if spec["follows"]:
        assert table["followers_gained"].sum() == 14 + 2
    assert str(table["date"].min().date()) == "2026-09-15"


# page id, post id, publish time, views, reach, reactions + comments + shares, reactions,
# comments, shares
FACEBOOK: dict[str, dict[str, str | None]] = {
    "fr": {
        "page": "ID de la Page",
        "id": "Identifiant de la publication",
        "published": "Heure de publication",
        "views": "Vues",
        "reach": "Couverture",
        "engaged": "Réactions, commentaires et partages",
        "reactions": "Réactions",
        "comments": "Commentaires",
        "shares": "Partages",
    },
    "it": {
        "page": None,
        "id": None,
        "published": "Orario di pubblicazione",
        "views": "Visualizzazioni",
        "reach": "Copertura",
        "engaged": "Reazioni, commenti e condivisioni",
        "reactions": "Reazioni",
        "comments": "Commenti",
        "shares": "Condivisioni",
    },
    "nl": {
        "page": "Pagina-ID",
        "id": None,
        "published": "Publicatietijdstip",
        "views": "Weergaven",
        "reach": "Bereik",
        "engaged": "Reacties, opmerkingen en deelacties",
        "reactions": "Reacties",
        "comments": "Opmerkingen",
        "shares": "Deelacties",
    },
}
_FACEBOOK_ROWS: list[dict[str, object]] = [
    {
        "page": "100000000000001",
        "id": "100000000000001_200000000000001",
        "published": "10/14/2026 08:00",
        "views": 5200,
        "reach": 3100,
        "engaged": 85,
        "reactions": 70,
        "comments": 10,
        "shares": 5,
    },
    {
        "page": "100000000000001",
        "id": "100000000000001_200000000000002",
        "published": "10/21/2026 17:45",
        "views": 9800,
        "reach": 6400,
        "engaged": 240,
        "reactions": 200,
        "comments": 25,
        "shares": 15,
    },
]


@pytest.mark.parametrize("language", sorted(FACEBOOK))
def test_a_meta_business_suite_facebook_export_in_french_italian_and_dutch(
    language: str,
) -> None:
    spec = FACEBOOK[language]
    table, report = read_file("export.csv", _table(spec, _FACEBOOK_ROWS))
    assert report.export == "Facebook Insights (posts)"
    assert set(table["platform"]) == {"facebook"} and not table["paid"].any()
    assert table["impressions"].sum() == 5200 + 9800  # views
    assert table["reach"].sum() == 3100 + 6400
    # the export's own total of reactions, comments and shares, not the parts added again
    assert table["engagements"].sum() == 85 + 240
    assert str(table["date"].min().date()) == "2026-10-14"
    if spec["id"]:
        assert table["element"].astype(str).tolist() == [
            "100000000000001_200000000000001",
            "100000000000001_200000000000002",
        ]


def test_an_italian_instagram_export_without_its_username_is_still_instagram() -> None:
    # saves are only Instagram's
    headers = ["Orario di pubblicazione", "Visualizzazioni", "Mi piace", "Salvataggi"]
    rows = [["09/15/2026 18:00", 15000, 410, 55], ["09/22/2026 09:30", 4000, 150, 30]]
    table, report = read_file("export.csv", _csv(headers, rows))
    assert report.export == "Instagram Insights"
    assert table["engagements"].sum() == (410 + 55) + (150 + 30)


# ---- X (Twitter): the tweet activity export of analytics.twitter.com, in French ----


def test_an_x_tweet_activity_export_in_french() -> None:
    headers = ["Identifiant du Tweet", "Permalien du Tweet", "Texte du Tweet", "heure"]
    headers += ["impressions", "engagements", "Retweets", "réponses", "J'aime"]
    rows = [
        [
            *("917000000000000001", "https://twitter.com/a/status/917000000000000001", "Ce soir"),
            *("2017-10-08 18:30 +0000", 2400, 61, 5, 2, 14),
        ],
        [
            *("917000000000000002", "https://twitter.com/a/status/917000000000000002", "Données"),
            *("2017-10-09 09:10 +0000", 1800, 40, 3, 1, 9),
        ],
    ]
    name = "tweet_activity_metrics_a_20171001_20171101_fr.csv"
    table, report = read_file(name, _csv(headers, rows))
    assert report.export == "X (Twitter) tweet activity"
    assert set(table["platform"]) == {"x"} and not table["paid"].any()
    assert table["impressions"].sum() == 2400 + 1800
    assert table["engagements"].sum() == 61 + 40  # the export's own, not the parts
    assert "917000000000000001" in set(table["element"].astype(str))
    assert str(table["date"].min().date()) == "2017-10-08"


def test_a_french_tweet_activity_export_is_x_whatever_its_file_name() -> None:
    headers = ["Identifiant du Tweet", "Texte du Tweet", "heure", "impressions", "J'aime"]
    rows = [["917000000000000003", "Bonjour", "2017-10-10 07:00 +0000", 1000, 12]]
    rows += [["917000000000000004", "Bonsoir", "2017-10-11 19:00 +0000", 700, 4]]
    table, report = read_file("export.csv", _csv(headers, rows))
    assert report.export == "X (Twitter) tweet activity"
    assert table["impressions"].sum() == 1000 + 700
    assert table["engagements"].sum() == 12 + 4  # only likes: the parts added up


# ---- Google Ads, recognised from its average CPC column, not its file name ----

# campaign, day, clicks, impressions, cost, conversions, the average CPC
GOOGLE_ADS = {
    "de": ("Kampagne", "Tag", "Klicks", "Impr.", "Kosten", "Conversions", "Durchschn. CPC"),
    "fr": ("Campagne", "Jour", "Clics", "Impr.", "Coût", "Conversions", "CPC moy."),
    "nb": ("Kampanje", "Dag", "Klikk", "Visn.", "Kostnad", "Konverteringer", "Gj.sn. CPC"),
    "sv": ("Kampanj", "Dag", "Klick", "Exponeringar", "Kostnad", "Konverteringar", "Gen. CPC"),
    "da": (
        "Kampagne",
        "Dag",
        "Klik",
        "Eksponeringer",
        "Omkostninger",
        "Konverteringer",
        "Gns. CPC",
    ),
    "pl": ("Kampania", "Dzień", "Kliknięcia", "Wyświetlenia", "Koszt", "Konwersje", "Śr. CPC"),
    "pt": ("Campanha", "Dia", "Cliques", "Impr.", "Custo", "Conversões", "CPC méd."),
}
_GOOGLE_ROWS = [
    ["Campaign A", "2026-05-01", 12, 400, 10.5, 1, 0.88],
    ["Campaign A", "2026-05-02", 30, 1000, 20.25, 2, 0.68],
    ["Campaign B", "2026-05-01", 8, 250, 4.0, 0, 0.5],
]


@pytest.mark.parametrize("language", sorted(GOOGLE_ADS))
def test_a_google_ads_report_is_recognised_by_its_average_cpc_column(language: str) -> None:
    headers = list(GOOGLE_ADS[language])
    table, report = read_file("report.csv", _csv(headers, _GOOGLE_ROWS))
    assert report.export == "Google Ads"
    assert report.recognition.sure
    assert headers[-1] in report.recognition.evidence
    assert set(table["platform"]) == {"google"} and table["paid"].all()
    assert table["spend"].sum() == pytest.approx(10.5 + 20.25 + 4.0)
    assert table["clicks"].sum() == 12 + 30 + 8
    assert table["impressions"].sum() == 400 + 1000 + 250
    assert table["conversions"].sum() == 1 + 2 + 0
    assert set(table["campaign"].astype(str)) == {"Campaign A", "Campaign B"}
    assert str(table["date"].min().date()) == "2026-05-01"


def test_a_turkish_google_ads_campaign_report_as_downloaded() -> None:
    # UTF-16, tab-separated, a title and a date range above the column names and the
    # account's total below; the average CPC ("Ort. TBM") tells Google Ads apart
    report_text = (
        "Kampanya performans raporu\n"
        "1 Eylül 2026 - 2 Eylül 2026\n"
        "Gün\tKampanya\tGösterim\tTıklamalar\tMaliyet\tOrt. TBM\tDönüşümler\tDönüşüm değeri\n"
        "2026-09-01\tArama | A\t1000\t50\t125,50\t2,51\t2\t300,00\n"
        "2026-09-02\tArama | A\t2000\t40\t74,50\t1,86\t0\t0,00\n"
        "2026-09-01\tPMax B\t500\t10\t1200,00\t120,00\t1\t150,00\n"
        "Toplam: Hesap\t\t3500\t100\t1400,00\t14,00\t3\t450,00\n"
    )
    table, report = read_file("rapor.csv", report_text.encode("utf-16"))
    assert report.export == "Google Ads"
    assert report.recognition.evidence == ("Ort. TBM",)
    assert report.rows_used == 3  # the account's total is left out
    assert table["spend"].sum() == pytest.approx(125.5 + 74.5 + 1200.0)
    assert table["impressions"].sum() == 1000 + 2000 + 500
    assert table["clicks"].sum() == 50 + 40 + 10
    assert table["conversions"].sum() == 2 + 0 + 1
    assert table["revenue"].sum() == pytest.approx(300.0 + 0.0 + 150.0)
    assert str(table["date"].min().date()) == "2026-09-01"


def test_the_norwegian_abbreviation_of_impressions_tells_google_ads_apart() -> None:
    headers = ["Kampanje", "Klikk", "Visn.", "Kostnad"]
    rows = [["Kampanje A", 12, 400, 10.5], ["Kampanje B", 8, 250, 4.0]]
    table, report = read_file("report.csv", _csv(headers, rows))
    assert report.export == "Google Ads"
    assert report.recognition.evidence == ("Visn.",)
    assert table["impressions"].sum() == 400 + 250
    assert table["spend"].sum() == pytest.approx(10.5 + 4.0)


def test_a_japanese_instagram_export_as_meta_writes_it() -> None:
    # every column in the export's order; 日時 says 通算 (lifetime), so 公開時間 is the date
    headers = ["投稿ID", "アカウントID", "アカウントのユーザーネーム", "アカウント名", "説明"]
    headers += ["時間(秒)", "公開時間", "リンク", "投稿タイプ", "データコメント", "日時", "ビュー"]
    headers += ["リーチ", "いいね！の数", "シェア数", "フォロー数", "コメント数", "保存数"]
    rows = [
        [
            *("17900000000000001", "1", "shop.example", "Shop", "新作", 38, "09/22/2026 23:48"),
            *("https://www.instagram.com/reel/AAA/", "IGリール動画", "", "通算", 105000, 70000),
            *(448, 47, 122, 136, 149),
        ],
        [
            *("17900000000000002", "1", "shop.example", "Shop", "告知", 0, "09/25/2026 12:00"),
            *("https://www.instagram.com/p/BBB/", "IGリール動画", "", "通算", 5000, 4000),
            *(52, 3, 1, 8, 11),
        ],
    ]
    table, report = read_file("instagram.csv", _csv(headers, rows))
    assert report.export == "Instagram Insights"
    assert table["impressions"].sum() == 105000 + 5000
    assert table["reach"].sum() == 70000 + 4000
    # likes + shares + comments + saves
    assert table["engagements"].sum() == (448 + 47 + 136 + 149) + (52 + 3 + 8 + 11)
    assert table["followers_gained"].sum() == 122 + 1
    assert str(table["date"].min().date()) == "2026-09-22"
    assert table["element"].astype(str).tolist() == ["17900000000000001", "17900000000000002"]


# ---- Meta Ads Manager: Japanese, Turkish and Polish exports as public readers of real
# exports have them ----

# campaign, ad set (or ad), reporting start, reporting end, amount spent, impressions,
# reach, link clicks, purchases, purchases conversion value; None where not known
META_ADS: dict[str, tuple[str | None, ...]] = {
    "ja": (
        "キャンペーン名",
        "広告の名前",
        "レポート開始日",
        "レポート終了日",
        "消化金額 (JPY)",
        "インプレッション",
        "リーチ",
        "リンクのクリック",
        None,
        None,
    ),
    "tr": (
        "Kampanya adı",
        None,
        "Raporlama başlangıcı",
        "Raporlama bitişi",
        "Harcanan tutar (TRY)",
        "Gösterimler",
        "Erişim",
        "Bağlantı tıklamaları",
        "Satın almalar",
        "Satın alma dönüşüm değeri",
    ),
    "pl": (
        "Nazwa kampanii",
        "Nazwa zestawu reklam",
        "Początek raportowania",
        None,
        "Wydana kwota (PLN)",
        "Wyświetlenia",
        "Zasięg",
        "Kliknięcia linku",
        "Zakupy",
        None,
    ),
}
_META_ROWS = [
    ["Campaign A", "Set 1", "2026-06-01", "2026-06-30", 120.5, 5000, 3000, 80, 4, 260.0],
    ["Campaign A", "Set 2", "2026-06-01", "2026-06-30", 79.5, 2500, 2000, 20, 1, 55.0],
    ["Campaign B", "Set 3", "2026-06-01", "2026-06-30", 50.0, 1500, 1200, 15, 0, 0.0],
]


@pytest.mark.parametrize("language", sorted(META_ADS))
def test_a_meta_ads_manager_export_in_japanese_turkish_and_polish(language: str) -> None:
    names = META_ADS[language]
    keep = [i for i, name in enumerate(names) if name is not None]
    headers = [str(names[i]) for i in keep]
    rows = [[row[i] for i in keep] for row in _META_ROWS]
    table, report = read_file("export.csv", _csv(headers, rows))
    assert report.export == "Meta Ads Manager"
    assert report.recognition.sure
    assert report.ignored_columns == []
    assert report.currency == names[4][-4:-1]  # "消化金額 (JPY)"
    assert set(table["platform"]) == {"facebook"} and table["paid"].all()
    assert table["spend"].sum() == pytest.approx(120.5 + 79.5 + 50.0)
    assert table["impressions"].sum() == 5000 + 2500 + 1500
    assert table["reach"].sum() == 3000 + 2000 + 1200
    assert table["clicks"].sum() == 80 + 20 + 15
    assert set(table["campaign"].astype(str)) == {"Campaign A", "Campaign B"}
    assert str(table["date"].min().date()) == "2026-06-01"
    if names[1]:
        assert table["element"].astype(str).tolist() == ["Set 1", "Set 2", "Set 3"]
    if names[8]:
        assert table["conversions"].sum() == 4 + 1 + 0
    if names[9]:
        assert table["revenue"].sum() == pytest.approx(260.0 + 55.0)
