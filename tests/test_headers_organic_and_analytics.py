"""Organic post exports (YouTube Studio, Instagram, Facebook, X) and the web-analytics and
shop exports (Google Analytics 4, Shopify) in the interface languages their headers are
known in (smroi/headers/*.csv). Each file is small and anonymised; totals are worked out
by hand in the test."""

from __future__ import annotations

import csv
import io

import pytest

from smroi import read_file
from smroi.exports import normalise_header


def _csv(headers: list[str], rows: list[list[object]]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(headers)
    writer.writerows(rows)
    return out.getvalue().encode("utf-8")


def _table(spec: dict[str, str | None], rows: list[dict[str, object]]) -> bytes:
    """A CSV of the columns a language has (spec: our key -> its header, or None)."""
    keys = [key for key, header in spec.items() if header is not None]
    return _csv(
        [str(spec[key]) for key in keys], [[row.get(key, "") for key in keys] for row in rows]
    )


# ---- YouTube Studio: Advanced mode > Export > "Table data.csv" ----

# content (video id), title, publish time, views, watch time, subscribers, impressions,
# impressions CTR, likes, comments, shares; None where the language's name is not known
YOUTUBE: dict[str, dict[str, str | None]] = {
    "en": {
        "content": "Content",
        "title": "Video title",
        "published": "Video publish time",
        "views": "Views",
        "watch": "Watch time (hours)",
        "subs": "Subscribers",
        "impr": "Impressions",
        "ctr": "Impressions click-through rate (%)",
        "likes": "Likes",
        "comments": "Comments added",
        "shares": "Shares",
    },
    "de": {
        "content": "Videos",
        "title": "Videotitel",
        "published": "Veröffentlichungszeitpunkt des Videos",
        "views": "Aufrufe",
        "watch": "Wiedergabezeit (Stunden)",
        "subs": "Abonnenten",
        "impr": "Impressionen",
        "ctr": "Klickrate der Impressionen (%)",
        "likes": None,
        "comments": None,
        "shares": None,
    },
    "es": {
        "content": None,
        "title": "Título del vídeo",
        "published": "Hora de publicación del vídeo",
        "views": "Visualizaciones",
        "watch": "Tiempo de visualización (horas)",
        "subs": "Suscriptores",
        "impr": "Impresiones",
        "ctr": "Porcentaje de clics de las impresiones (%)",
        "likes": None,
        "comments": None,
        "shares": None,
    },
    "pt": {
        "content": "Conteúdo",
        "title": "Título do vídeo",
        "published": "Horário de publicação do vídeo",
        "views": "Visualizações",
        "watch": "Tempo de exibição (horas)",
        "subs": "Inscritos",
        "impr": "Impressões",
        "ctr": "Taxa de cliques de impressões (%)",
        "likes": 'Marcações "Gostei"',
        "comments": "Comentários adicionados",
        "shares": "Compartilhamentos",
    },
    "fr": {
        "content": "Contenu",
        "title": "Titre de la vidéo",
        "published": "Heure de publication de la vidéo",
        "views": "Vues",
        "watch": "Durée de visionnage (heures)",
        "subs": None,
        "impr": "Impressions",
        "ctr": "Taux de clics par impression (%)",
        "likes": None,
        "comments": None,
        "shares": None,
    },
    "it": {
        "content": "Contenuti",
        "title": None,
        "published": "Ora pubblicazione video",
        "views": "Visualizzazioni",
        "watch": "Tempo di visualizzazione (ore)",
        "subs": "Iscritti",
        "impr": None,
        "ctr": None,
        "likes": None,
        "comments": None,
        "shares": None,
    },
    "ja": {
        "content": "コンテンツ",
        "title": "動画のタイトル",
        "published": "動画公開時刻",
        "views": "視聴回数",
        "watch": "総再生時間（単位: 時間）",
        "subs": "チャンネル登録者",
        "impr": "インプレッション数",
        "ctr": "インプレッションのクリック率 (%)",
        "likes": "高評価数",
        "comments": None,
        "shares": "共有数",
    },
}
# the word of each language's channel total, the first row of the table
_YOUTUBE_TOTAL = {"en": "Total", "de": "Gesamt", "pt": "Total", "fr": "Total", "it": "Totale"}
_YOUTUBE_TOTAL["ja"] = "合計"
_YOUTUBE_ROWS: list[dict[str, object]] = [
    {
        "content": "vid00000001",
        "title": "How to pot a plant",
        "published": "Mar 3, 2026",
        "views": 1200,
        "watch": 40.5,
        "subs": 12,
        "impr": 15000,
        "ctr": 4.2,
        "likes": 90,
        "comments": 14,
        "shares": 6,
    },
    {
        "content": "vid00000002",
        "title": "Repotting",
        "published": "Mar 10, 2026",
        "views": 800,
        "watch": 20.1,
        "subs": 3,
        "impr": 9000,
        "ctr": 3.1,
        "likes": 40,
        "comments": 5,
        "shares": 2,
    },
]


@pytest.mark.parametrize("language", sorted(YOUTUBE))
def test_a_youtube_studio_table_in_each_interface_language(language: str) -> None:
    spec = YOUTUBE[language]
    rows = list(_YOUTUBE_ROWS)
    if spec["content"] is not None:  # the channel's total comes first, as Studio writes it
        total: dict[str, object] = {"content": _YOUTUBE_TOTAL[language], "views": 2000}
        total.update({"watch": 60.6, "subs": 15, "impr": 24000, "likes": 130})
        rows.insert(0, total)
    table, report = read_file("Table data.csv", _table(spec, rows))
    assert report.export == "YouTube Studio"
    assert set(table["platform"]) == {"youtube"} and not table["paid"].any()
    assert report.rows_used == 2
    assert table["video_views"].sum() == 1200 + 800
    assert str(table["date"].min().date()) == "2026-03-03"
    if spec["subs"]:
        assert table["followers_gained"].sum() == 12 + 3
    if spec["impr"]:
        assert table["impressions"].sum() == 15000 + 9000
    if spec["title"]:
        assert table["element"].astype(str).tolist() == ["How to pot a plant", "Repotting"]
    parts = [key for key in ("likes", "comments", "shares") if spec[key]]
    if parts:
        by_part = {"likes": 90 + 40, "comments": 14 + 5, "shares": 6 + 2}
        expected = sum(by_part[key] for key in parts)
        assert table["engagements"].sum() == expected


def test_a_youtube_table_in_japanese_counts_likes_and_shares_as_engagements() -> None:
    table, _report = read_file("表データ.csv", _table(YOUTUBE["ja"], _YOUTUBE_ROWS))
    assert table["engagements"].sum() == (90 + 6) + (40 + 2)


def test_a_youtube_table_with_only_likes_still_counts_engagements() -> None:
    headers = ["Content", "Video title", "Video publish time", "Views", "Likes"]
    rows = [
        ["vid00000001", "How to pot a plant", "Mar 3, 2026", 1200, 90],
        ["vid00000002", "Repotting", "Mar 10, 2026", 800, 40],
    ]
    table, report = read_file("Table data.csv", _csv(headers, rows))
    assert report.export == "YouTube Studio"
    assert table["engagements"].sum() == 90 + 40
    assert report.column_map["Likes"] == "engagements"
    assert "Likes" not in report.ignored_columns


def test_a_likes_column_alone_in_a_file_of_no_known_export_is_not_engagements() -> None:
    # a lone "Likes" may be a page's fans: only a platform's post export reads it alone
    headers = ["Date", "Post", "Likes", "Impressions"]
    rows = [["2026-03-03", "p1", 90, 1500], ["2026-03-10", "p2", 40, 900]]
    table, report = read_file("posts.csv", _csv(headers, rows))
    assert report.export is None
    assert table["engagements"].isna().all()


def test_german_youtube_headers_with_soft_hyphens_are_read() -> None:
    assert normalise_header("Video\xadtitel") == normalise_header("Videotitel")
    spec = dict(YOUTUBE["de"])
    spec["title"] = "Video\xadtitel"
    spec["published"] = "Veröffentlichungs\xadzeitpunkt des Videos"
    table, report = read_file("Tabellendaten.csv", _table(spec, _YOUTUBE_ROWS))
    assert report.export == "YouTube Studio"
    assert table["element"].astype(str).tolist() == ["How to pot a plant", "Repotting"]
    assert str(table["date"].max().date()) == "2026-03-10"


# ---- Google Analytics 4: report and exploration downloads ----

# the source / medium (or channel) dimension, sessions, key events or purchases, revenue,
# campaign; None where the language's name is not known
GA4: dict[str, tuple[str, str, str | None, str | None, str | None]] = {
    "en": (
        "Session source / medium",
        "Sessions",
        "Key events",
        "Total revenue",
        "Session campaign",
    ),
    "es": (
        "Fuente/medio de la sesión",
        "Sesiones",
        "Compras en comercio electrónico",
        "Ingresos derivados de las compras",
        "Campaña de la sesión",
    ),
    "pt": ("Origem / mídia da sessão", "Sessões", None, None, "Campanha da sessão"),
    "fr": ("Source/support de la session", "Sessions", "Événements clés", "Revenus totaux", None),
    "de": (
        "Sitzung – Quelle/Medium",
        "Sitzungen",
        "Schlüsselereignisse",
        "Gesamtumsatz",
        "Sitzung – Kampagne",
    ),
    "it": ("Sorgente/mezzo sessione", "Sessioni", None, None, "Campagna sessione"),
    "ja": (
        "セッションの参照元 / メディア",
        "セッション",
        "キーイベント",
        "購入による収益",
        "セッションのキャンペーン",
    ),
    "nl": ("Sessiebron/-medium", "Sessies", None, None, "Sessiecampagne"),
    "pl": ("Źródło/medium sesji", "Sesje", None, "Łączne przychody", None),
    "tr": ("Oturum kaynağı/aracı", "Oturumlar", None, None, "Oturum kampanyası"),
}
_GA4_ROWS = [
    ["facebook.com / referral", 120, 3, 330.5, "spring"],
    ["l.instagram.com / referral", 80, 2, 100.0, "spring"],
    ["google / organic", 500, 10, 1200.0, "(organic)"],  # not social: left out
]


@pytest.mark.parametrize("language", sorted(GA4))
def test_a_ga4_traffic_report_by_source_in_each_interface_language(language: str) -> None:
    names = GA4[language]
    keep = [i for i, name in enumerate(names) if name is not None]
    headers = [str(names[i]) for i in keep]
    rows = [[row[i] for i in keep] for row in _GA4_ROWS]
    table, report = read_file("download.csv", _csv(headers, rows))
    assert report.export == "Google Analytics 4"
    assert report.rows_used == 2
    assert sorted(table["platform"].astype(str)) == ["facebook", "instagram"]
    assert table["clicks"].sum() == 120 + 80  # sessions
    if names[2]:
        assert table["conversions"].sum() == 3 + 2
    if names[3]:
        assert table["revenue"].sum() == pytest.approx(330.5 + 100.0)
    if names[4]:
        assert set(table["campaign"].astype(str)) == {"spring"}


def test_a_spanish_ga4_exploration_as_downloaded() -> None:
    headers = [
        "Fecha",
        "Plataforma",
        "Categoría de dispositivo",
        "Fuente/medio de la sesión",
        "Campaña de la sesión",
        "Sesiones",
        "Compras en comercio electrónico",
        "Ingresos derivados de las compras",
    ]
    rows = [
        ["20260901", "web", "mobile", "instagram / social", "otoño", 40, 2, 90.0],
        ["20260902", "web", "desktop", "facebook / paid_social", "otoño", 25, 1, 45.5],
        ["20260902", "web", "mobile", "(direct) / (none)", "(direct)", 300, 9, 800.0],
    ]
    table, report = read_file("exploracion.csv", _csv(headers, rows))
    assert report.export == "Google Analytics 4"
    assert table["platform"].astype(str).tolist() == ["instagram", "facebook"]
    assert table["paid"].tolist() == [False, True]  # paid_social
    assert table["clicks"].sum() == 40 + 25
    assert table["conversions"].sum() == 2 + 1
    assert table["revenue"].sum() == pytest.approx(90.0 + 45.5)
    assert str(table["date"].min().date()) == "2026-09-01"


@pytest.mark.parametrize(
    ("channel", "sessions", "key_events", "revenue"),
    [
        (
            "Grupo de canales principal de la sesión (Grupo de canales predeterminado)",
            "Sesiones",
            "Eventos clave",
            "Ingresos totales",
        ),
        (
            "Sitzung – primäre Channelgruppe (Standard-Channelgruppe)",
            "Sitzungen",
            "Schlüsselereignisse",
            "Gesamtumsatz",
        ),
        (
            "Groupe de canaux par défaut de la session",
            "Sessions",
            "Événements clés",
            "Revenus totaux",
        ),
        ("セッションのデフォルト チャネル グループ", "セッション", "キーイベント", "総収益"),
        ("Grupo de canais padrão da sessão", "Sessões", None, None),
        ("Standard kanalgruppe for første bruker", "Økter", None, None),
    ],
)
def test_a_ga4_report_by_channel_keeps_social_in_each_language(
    channel: str, sessions: str, key_events: str | None, revenue: str | None
) -> None:
    headers = [channel, sessions] + [h for h in (key_events, revenue) if h]
    rows = [["Direct", 224, 5, 300.0], ["Organic Social", 7, 4, 0.0], ["Paid Social", 3, 1, 20.0]]
    table, report = read_file("traffic.csv", _csv(headers, [r[: len(headers)] for r in rows]))
    assert report.export == "Google Analytics 4"
    assert set(table["platform"]) == {"social"}
    assert table["clicks"].sum() == 7 + 3
    assert table["paid"].tolist() == [False, True]
    if key_events:
        assert table["conversions"].sum() == 4 + 1
    if revenue:
        assert table["revenue"].sum() == 0.0 + 20.0


# ---- X (Twitter) analytics ----


def test_an_x_tweet_activity_export_in_japanese() -> None:
    headers = [
        "ツイートID",
        "ツイートの固定リンク",
        "ツイート本文",
        "時間",
        "インプレッション",
        "エンゲージメント",
        "エンゲージメント率",
        "リツイート",
        "返信",
        "いいね",
        "ユーザープロフィールクリック",
        "URLクリック数",
        "ハッシュタグクリック",
        "詳細クリック",
        "固定リンクのクリック数",
    ]
    rows = [
        [
            *("1091117122825084928", "https://twitter.com/a/status/1091117122825084928", "新作"),
            *("2019-01-31 23:32 +0000", 5534, 94, 0.017, 8, 0, 6, 45, 3, 0, 13, 0),
        ],
        [
            *("1091000000000000001", "https://twitter.com/a/status/1091000000000000001", "告知"),
            *("2019-01-30 10:05 +0000", 2466, 31, 0.013, 2, 1, 10, 6, 7, 1, 4, 0),
        ],
    ]
    name = "tweet_activity_metrics_a_20190101_20190201_ja.csv"
    table, report = read_file(name, _csv(headers, rows))
    assert report.export == "X (Twitter) tweet activity"
    assert set(table["platform"]) == {"x"} and not table["paid"].any()
    assert table["impressions"].sum() == 5534 + 2466
    assert table["engagements"].sum() == 94 + 31
    assert table["clicks"].sum() == 3 + 7  # URL clicks
    assert "1091117122825084928" in set(table["element"].astype(str))
    assert str(table["date"].max().date()) == "2019-01-31"


def test_an_x_daily_activity_export_in_japanese() -> None:
    headers = ["日付", "Tweets published", "インプレッション", "エンゲージメント"]
    headers += ["エンゲージメント率", "リツイート", "返信", "いいね", "URLクリック数"]
    rows = [
        ["2021-08-01", 0, 1088, 13, 0.0119, 0, 0, 2, 2],
        ["2021-08-02", 2, 1244, 19, 0.0153, 0, 2, 3, 0],
    ]
    table, report = read_file("daily_tweet_activity_metrics_a_ja.csv", _csv(headers, rows))
    assert report.export == "X (Twitter) tweet activity"
    assert table["impressions"].sum() == 1088 + 1244
    assert table["engagements"].sum() == 13 + 19
    assert table["clicks"].sum() == 2 + 0
    assert str(table["date"].min().date()) == "2021-08-01"


def test_the_newer_x_analytics_content_export_in_english() -> None:
    headers = ["Post id", "Date", "Post text", "Post Link", "Impressions", "Likes"]
    headers += ["Engagements", "Bookmarks", "Shares", "New follows", "Replies", "Reposts"]
    headers += ["Profile visits", "Detail Expands", "URL Clicks", "Hashtag Clicks"]
    headers += ["Permalink Clicks"]
    rows = [
        [
            *("2074000000000000001", "Tue, Jul 14, 2026", "Launch", "https://x.com/a/status/1"),
            *(12978, 12, 300, 0, 1, 2, 3, 4, 129, 200, 66, 0, 0),
        ],
        [
            *("2073000000000000002", "Mon, Jul 13, 2026", "Teaser", "https://x.com/a/status/2"),
            *(5022, 8, 90, 1, 0, 1, 0, 2, 20, 40, 14, 1, 0),
        ],
    ]
    table, report = read_file("account_analytics_content.csv", _csv(headers, rows))
    assert report.export == "X (Twitter) tweet activity"
    assert set(table["platform"]) == {"x"}
    assert table["impressions"].sum() == 12978 + 5022
    assert table["engagements"].sum() == 300 + 90
    assert table["clicks"].sum() == 66 + 14  # URL clicks
    assert table["followers_gained"].sum() == 2 + 1  # new follows
    assert str(table["date"].min().date()) == "2026-07-13"


# ---- Meta Business Suite: Instagram and Facebook post exports ----

# post id, account (or page) username, publish time, permalink, views, reach, likes,
# comments, shares, saves, follows
INSTAGRAM: dict[str, dict[str, str | None]] = {
    "en": {
        "id": "Post ID",
        "user": "Account username",
        "published": "Publish time",
        "link": "Permalink",
        "type": "Post type",
        "lifetime": "Date",
        "views": "Views",
        "reach": "Reach",
        "likes": "Likes",
        "shares": "Shares",
        "follows": "Follows",
        "comments": "Comments",
        "saves": "Saves",
    },
    "pt": {
        "id": "Identificação do post",
        "user": "Nome de usuário da conta",
        "published": "Horário de publicação",
        "link": "Link permanente",
        "type": "Tipo de post",
        "lifetime": None,
        "views": "Visualizações",
        "reach": "Alcance",
        "likes": "Curtidas",
        "shares": "Compartilhamentos",
        "follows": "Seguimentos",
        "comments": "Comentários",
        "saves": "Salvamentos",
    },
    "es": {
        "id": "Identificador de la publicación",
        "user": None,
        "published": "Hora de publicación",
        "link": None,
        "type": "Tipo de publicación",
        "lifetime": None,
        "views": "Visualizaciones",
        "reach": "Alcance",
        "likes": "Me gusta",
        "shares": "Veces que se ha compartido",
        "follows": None,
        "comments": "Comentarios",
        "saves": "Veces guardado",
    },
    "sv": {
        "id": "Publicerings-id",
        "user": "Kontots användarnamn",
        "published": "Publiceringstid",
        "link": "Permalänk",
        "type": "Inläggstyp",
        "lifetime": None,
        "views": "Visningar",
        "reach": "Räckvidd",
        "likes": "Gilla-markeringar",
        "shares": "Delningar",
        "follows": "Följer",
        "comments": "Kommentarer",
        "saves": "Sparade objekt",
    },
}
_INSTAGRAM_ROWS: list[dict[str, object]] = [
    {
        "id": "17900000000000001",
        "user": "shop.example",
        "published": "09/15/2026 18:00",
        "link": "https://www.instagram.com/reel/AAA/",
        "type": "IG reel",
        "lifetime": "Lifetime",
        "views": 15000,
        "reach": 9800,
        "likes": 410,
        "shares": 120,
        "follows": 14,
        "comments": 20,
        "saves": 55,
    },
    {
        "id": "17900000000000002",
        "user": "shop.example",
        "published": "09/22/2026 09:30",
        "link": "https://www.instagram.com/p/BBB/",
        "type": "IG carousel",
        "lifetime": "Lifetime",
        "views": 4000,
        "reach": 3100,
        "likes": 150,
        "shares": 9,
        "follows": 2,
        "comments": 11,
        "saves": 30,
    },
]


@pytest.mark.parametrize("language", sorted(INSTAGRAM))
def test_a_meta_business_suite_instagram_export_in_each_language(language: str) -> None:
    spec = INSTAGRAM[language]
    table, report = read_file("Instagram posts.csv", _table(spec, _INSTAGRAM_ROWS))
    assert report.export == "Instagram Insights"
    assert set(table["platform"]) == {"instagram"} and not table["paid"].any()
    assert table["impressions"].sum() == 15000 + 4000  # views
    assert table["reach"].sum() == 9800 + 3100
    # likes + comments + shares + saves
    assert table["engagements"].sum() == (410 + 20 + 120 + 55) + (150 + 11 + 9 + 30)
    if spec["follows"]:
        assert table["followers_gained"].sum() == 14 + 2
    assert str(table["date"].min().date()) == "2026-09-15"  # the publish time, not "Lifetime"
    assert table["element"].astype(str).tolist() == ["17900000000000001", "17900000000000002"]


# post id, page id, publish time, views, reach, reactions + comments + shares, reactions,
# comments, shares, and a column only the Facebook export writes
FACEBOOK: dict[str, dict[str, str | None]] = {
    "en": {
        "id": "Post ID",
        "page": "Page ID",
        "title": "Title",
        "published": "Publish time",
        "type": "Post type",
        "funded": "Funded content status",
        "lifetime": "Date",
        "views": "Views",
        "reach": "Reach",
        "engaged": "Reactions, Comments and Shares",
        "reactions": "Reactions",
        "comments": "Comments",
        "shares": "Shares",
    },
    "es": {
        "id": "Identificador de la publicación",
        "page": "Nombre de la página",
        "title": "Título",
        "published": "Hora de publicación",
        "type": "Tipo de publicación",
        "funded": None,
        "lifetime": None,
        "views": None,
        "reach": "Alcance",
        "engaged": "Reacciones, comentarios y veces que se ha compartido",
        "reactions": "Reacciones",
        "comments": "Comentarios",
        "shares": "Veces que se ha compartido",
    },
    "sv": {
        "id": "Publicerings-id",
        "page": "Sid-id",
        "title": "Titel",
        "published": "Publiceringstid",
        "type": "Inläggstyp",
        "funded": None,
        "lifetime": None,
        "views": "Visningar",
        "reach": "Räckvidd",
        "engaged": "Reaktioner, kommentarer och delningar",
        "reactions": "Reaktioner",
        "comments": "Kommentarer",
        "shares": "Delningar",
    },
}
_FACEBOOK_ROWS: list[dict[str, object]] = [
    {
        "id": "100000000000001_200000000000001",
        "page": "100000000000001",
        "title": "Autumn opening hours",
        "published": "10/14/2026 08:00",
        "type": "Photos",
        "funded": "",
        "lifetime": "Lifetime",
        "views": 5200,
        "reach": 3100,
        "engaged": 85,
        "reactions": 70,
        "comments": 10,
        "shares": 5,
    },
    {
        "id": "100000000000001_200000000000002",
        "page": "100000000000001",
        "title": "New workshop",
        "published": "10/21/2026 17:45",
        "type": "Reels",
        "funded": "",
        "lifetime": "Lifetime",
        "views": 9800,
        "reach": 6400,
        "engaged": 240,
        "reactions": 200,
        "comments": 25,
        "shares": 15,
    },
]


@pytest.mark.parametrize("language", sorted(FACEBOOK))
def test_a_meta_business_suite_facebook_export_in_each_language(language: str) -> None:
    spec = FACEBOOK[language]
    table, report = read_file("Facebook posts.csv", _table(spec, _FACEBOOK_ROWS))
    assert report.export == "Facebook Insights (posts)"
    assert set(table["platform"]) == {"facebook"} and not table["paid"].any()
    assert table["reach"].sum() == 3100 + 6400
    # the export's own total of reactions, comments and shares, not the parts added again
    assert table["engagements"].sum() == 85 + 240
    if spec["views"]:
        assert table["impressions"].sum() == 5200 + 9800
    assert str(table["date"].min().date()) == "2026-10-14"


# ---- Shopify orders export: English headers in every admin language ----


def test_a_shopify_orders_export_counts_orders_not_line_items() -> None:
    headers = ["Name", "Email", "Financial Status", "Paid at", "Fulfillment Status"]
    headers += ["Fulfilled at", "Accepts Marketing", "Currency", "Subtotal", "Shipping", "Taxes"]
    headers += ["Total", "Discount Code", "Discount Amount", "Shipping Method", "Created at"]
    headers += ["Lineitem quantity", "Lineitem name", "Lineitem price", "Lineitem sku"]
    order = ["#1001", "a@example.com", "paid", "2026-06-01 10:00:00 +0200", "fulfilled"]
    order += ["2026-06-02 09:00:00 +0200", "no", "EUR", 95.0, 5.0, 0.0, 100.0, "", 0.0]
    order += ["Standard", "2026-06-01 09:58:00 +0200", 2, "Mug", 30.0, "M-1"]
    # the order's second line item: Shopify leaves the order's own columns blank
    item = ["#1001", "a@example.com", "", "", "", "", "", "", "", "", "", "", "", ""]
    item += ["", "2026-06-01 09:58:00 +0200", 1, "Vase", 35.0, "V-1"]
    second = ["#1002", "b@example.com", "paid", "2026-06-03 11:00:00 +0200", "unfulfilled"]
    second += ["", "yes", "EUR", 40.0, 5.0, 0.0, 45.0, "SPRING", 5.0]
    second += ["Standard", "2026-06-03 10:59:00 +0200", 1, "Bowl", 45.0, "B-1"]
    table, report = read_file("orders_export.csv", _csv(headers, [order, item, second]))
    assert report.export == "Shopify orders"
    assert table["conversions"].sum() == 2  # two orders, three lines
    assert table["revenue"].sum() == 100.0 + 45.0
    assert table["coupon_code"].dropna().astype(str).tolist() == ["SPRING"]
    assert str(table["date"].min().date()) == "2026-06-01"
    assert report.excluded["row"].tolist() == [3]  # the Vase line, with the reason why
    assert report.summary()[-1] == (
        "orders_export.csv: 1 row left out (a further item of the order above (its total is "
        "on the order's first row)): row 3."
    )
