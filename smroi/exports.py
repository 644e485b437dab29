"""What the platforms' exports call our columns, and how to tell which platform made a file.

Headers are compared in a normalised form (see `normalise_header`): accents folded,
bracketed parts such as a currency "(USD)" dropped, lower case, words joined by "_".
Meta Ads Manager headers are listed in English, Portuguese, Spanish, Norwegian,
German and French.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass

# canonical column -> normalised headers that fill it, best first (e.g. link clicks
# before all clicks, the ad before the ad set)
SYNONYMS: dict[str, tuple[str, ...]] = {
    "date": (
        "date",
        "day",
        "reporting_starts",
        "reporting_start",
        "inicio_dos_relatorios",
        "inicio_del_informe",
        "rapporteringen_starter",
        "rapportering_starter",
        "berichtsbeginn",
        "debut_des_rapports",
        "start_date",
        "ad_date",
        "post_date",
        "posted",
        "published",
        "publish_time",
        "time",
        "dia",
        "dag",
        "tag",
        "jour",
        "datum",
        "data",
        "fecha",
    ),
    "period_end": (
        "period_end",
        "reporting_ends",
        "reporting_end",
        "encerramento_dos_relatorios",
        "termino_dos_relatorios",
        "fin_del_informe",
        "rapporteringen_slutter",
        "rapportering_slutter",
        "berichtsende",
        "fin_des_rapports",
        "end_date",
    ),
    "platform": (
        "platform",
        "channel",
        "channel_used",
        "source_platform",
        "plataforma",
        "plattform",
        "plateforme",
    ),
    "campaign": (
        "campaign",
        "campaign_name",
        "nome_da_campanha",
        "nombre_de_la_campana",
        "kampanjenavn",
        "kampagnenname",
        "nom_de_la_campagne",
        "fb_campaign_id",
        "campaign_id",
    ),
    "element": (
        "element",
        "ad_name",
        "nome_do_anuncio",
        "nombre_del_anuncio",
        "annonsenavn",
        "anzeigenname",
        "nom_de_la_publicite",
        "ad",
        "ad_id",
        "post",
        "post_id",
        "tweet_id",
        "keyword",
        "search_keyword",
        "search_term",
        "search",
        "ad_set_name",
        "adset_name",
        "nome_do_conjunto_de_anuncios",
        "nombre_del_conjunto_de_anuncios",
        "annonsesettnavn",
        "anzeigengruppenname",
        "nom_de_l_ensemble_de_publicites",
        "ad_group",
        "ad_group_name",
        "permalink",
    ),
    "paid": ("paid", "is_paid", "paid_or_organic"),
    "spend": (
        "spend",
        "amount_spent",
        "valor_usado",
        "importe_gastado",
        "belop_brukt",
        "ausgegebener_betrag",
        "montant_depense",
        "cost",
        "spent",
        "total_spent",
        "ad_spend",
    ),
    "impressions": (
        "impressions",
        "impr",
        "impressoes",
        "impresiones",
        "visninger",
        "impressionen",
        "lifetime_post_total_impressions",
    ),
    "reach": (
        "reach",
        "alcance",
        "rekkevidde",
        "reichweite",
        "couverture",
        "lifetime_post_total_reach",
    ),
    "clicks": (
        "link_clicks",
        "cliques_no_link",
        "clics_en_el_enlace",
        "lenkeklikk",
        "link_klicks",
        "clics_sur_un_lien",
        "url_clicks",
        "clicks",
        "cliques",
        "clics",
        "klikk",
        "klicks",
    ),
    "engagements": (
        "engagements",
        "post_engagements",
        "post_engagement",
        "engajamento_com_a_publicacao",
        "interacciones_con_la_publicacion",
        "innleggsengasjement",
        "beitragsinteraktionen",
        "interactions_avec_la_publication",
        "total_interactions",  # comments + likes + shares (engaged users are people)
        "lifetime_engaged_users",
        "total_engagement",
        "engagement",
    ),
    "video_views": ("video_views", "thruplays", "video_plays", "media_views"),
    "followers_gained": (
        "followers_gained",
        "new_followers",
        "follows",
        "page_likes",
        "net_follows",
    ),
    "leads": (
        "leads",
        "clientes_potenciais",
        "clientes_potenciales",
        "potensielle_kunder",
        "prospects",
        "total_conversion",
    ),
    "conversions": (
        "conversions",
        "purchases",
        "compras",
        "kjop",
        "kaufe",
        "achats",
        "approved_conversion",
        "website_purchases",
        "orders",
        "sales",
    ),
    "revenue": (
        "revenue",
        "purchases_conversion_value",
        "valor_de_conversao_de_compras",
        "valor_de_conversion_de_compras",
        "konverteringsverdi_for_kjop",
        "conversion_wert_fur_kaufe",
        "valeur_de_conversion_des_achats",
        "conv_value",
        "conversion_value",
        "total_conversion_value",
        "sale_amount",
        "sales_value",
    ),
    "commissions": ("commissions", "commission"),
    # what the goods sold cost the business (an orders or profit report), METRICS.md 4a
    "cost_of_goods": (
        "cost_of_goods",
        "cost_of_goods_sold",
        "cogs",
        "product_cost",
        "cost_of_sales",
        "varekost",
        "varekostnad",
        "custo_das_mercadorias",
        "custo_das_mercadorias_vendidas",
        "costo_de_los_bienes_vendidos",
        "costo_de_ventas",
        "wareneinsatz",
        "cout_des_marchandises_vendues",
    ),
    "age": ("age", "age_range", "idade", "edad", "alder", "alter"),
    "gender": ("gender", "genero", "kjonn", "geschlecht", "genre", "sex"),
    "location": (
        "location",
        "location_name",
        "country",
        "region",
        "city",
        "pais",
        "land",
        "billing_country",
    ),
    "interest": ("interest", "interests", "target_audience"),
    "device": (
        "device",
        "device_type",
        "device_category",
        "device_platform",
        "impression_device",
        "dispositivo",
        "enhet",
        "gerat",
        "appareil",
    ),
    "utm_source": ("utm_source",),
    "utm_medium": ("utm_medium",),
    "utm_campaign": ("utm_campaign",),
    "utm_content": ("utm_content",),
    "coupon_code": ("coupon_code", "coupon", "discount_code"),
}
# Columns of the links people clicked (normalised headers, best first): where a file has
# no utm_* columns of its own, the links' utm tags fill them (smroi.utm).
URL_COLUMNS: tuple[str, ...] = (
    "landing_page_url",
    "landing_page",
    "landing_page_query_string",  # GA4 "Landing page + query string"
    "page_location",
    "final_url",
    "destination_url",
    "website_url",
    "link_url",
    "link",
    "url",
)
# What an engagement is made of, where a file counts the parts but not the whole
# (Instagram Insights: likes, comments, shares and saves in separate columns).
ENGAGEMENT_PARTS = (
    "likes",
    "like",
    "reactions",
    "comments",
    "comment",
    "shares",
    "share",
    "saves",
    "retweets",
    "replies",
)
CURRENCY_COLUMNS = ("currency_code", "currency", "moeda", "moneda", "valuta", "wahrung", "devise")
RESULT_COLUMNS = ("results", "resultados", "resultater", "ergebnisse", "resultats")
RESULT_INDICATORS = (
    "result_indicator",
    "indicador_de_resultados",
    "indicador_de_resultado",
    "resultatindikator",
    "ergebnisindikator",
    "indicateur_de_resultats",
)


@dataclass(frozen=True)
class Export:
    """A platform's export, known by headers that only it writes."""

    name: str  # what the import report says
    platform: str  # the canonical platform of its rows
    paid: bool | None  # rows are ads (True), organic posts (False), or say so themselves
    signs: frozenset[str]
    extra: tuple[tuple[str, str], ...] = ()  # (normalised header, canonical) for this export only
    one_sale_per_row: bool = False
    web_analytics: bool = False  # rows are website traffic by source or channel (GA4)


EXPORTS: tuple[Export, ...] = (
    Export(
        name="X (Twitter) tweet activity",
        platform="x",
        paid=False,
        signs=frozenset({"tweet_id", "tweet_permalink", "tweets_published"}),
    ),
    Export(
        name="Facebook Insights (posts)",
        platform="facebook",
        paid=None,
        signs=frozenset({"lifetime_post_total_reach", "lifetime_post_total_impressions"}),
    ),
    Export(
        name="Instagram Insights",
        platform="instagram",
        paid=False,
        signs=frozenset({"from_home", "from_hashtags", "from_explore"}),
    ),
    Export(
        name="LinkedIn Campaign Manager",
        platform="linkedin",
        paid=True,
        signs=frozenset({"campaign_group_name", "campaign_group", "total_spent"}),
    ),
    Export(
        name="TikTok Ads",
        platform="tiktok",
        paid=True,
        signs=frozenset({"ad_group_name", "total_complete_payment", "complete_payment_roas"}),
        # "Complete payment" counts purchases; "Conversions" counts the optimisation event
        extra=(
            ("by_day", "date"),
            ("complete_payment", "conversions"),
            ("total_complete_payment_value", "revenue"),
            ("complete_payment_value", "revenue"),
            ("total_complete_payment", "revenue"),
        ),
    ),
    Export(
        name="Google Ads",
        platform="google",
        paid=True,
        signs=frozenset(
            {
                "impr",
                "avg_cpc",
                "cost_conv",
                "conv_value",
                "keyword_status",
                "search_term",
                "interaction_rate",
                "search_keyword",
                "criterion_status",
                "ad_group_status",
                "top_containing_queries",
            }
        ),
    ),
    Export(
        name="Meta Ads Manager",
        platform="facebook",
        paid=True,
        signs=frozenset(
            {
                "amount_spent",
                "valor_usado",
                "importe_gastado",
                "belop_brukt",
                "ausgegebener_betrag",
                "montant_depense",
                "reporting_starts",
                "inicio_dos_relatorios",
                "inicio_del_informe",
                "rapporteringen_starter",
                "berichtsbeginn",
                "debut_des_rapports",
                "fb_campaign_id",
            }
        ),
    ),
    Export(
        name="Google Analytics 4",
        platform="social",
        paid=None,
        signs=frozenset(
            {
                "session_primary_channel_group",
                "session_default_channel_group",
                "session_source",
                "session_manual_source",
                "session_source_medium",
                "session_manual_source_medium",
                "first_user_primary_channel_group",
                "first_user_source",
                "engaged_sessions",
                "key_events",
                "session_key_event_rate",
            }
        ),
        # best first within a column: purchases are sales, key events may be any goal
        extra=(
            ("sessions", "clicks"),
            ("ecommerce_purchases", "conversions"),
            ("transactions", "conversions"),
            ("key_events", "conversions"),
            ("conversions", "conversions"),
            ("purchase_revenue", "revenue"),
            ("total_revenue", "revenue"),
            ("session_source", "utm_source"),
            ("session_manual_source", "utm_source"),
            ("first_user_source", "utm_source"),
            ("first_user_manual_source", "utm_source"),
            ("session_medium", "utm_medium"),
            ("session_manual_medium", "utm_medium"),
            ("first_user_medium", "utm_medium"),
            ("session_campaign", "campaign"),
            ("session_manual_campaign_name", "campaign"),
            ("first_user_campaign", "campaign"),
            ("session_source_medium", "element"),
            ("session_manual_source_medium", "element"),
            ("first_user_source_medium", "element"),
            ("session_primary_channel_group", "element"),
            ("session_default_channel_group", "element"),
            ("first_user_primary_channel_group", "element"),
            ("first_user_default_channel_group", "element"),
        ),
        web_analytics=True,
    ),
    Export(
        name="Shopify orders",
        platform="shop",
        paid=False,
        signs=frozenset({"financial_status", "fulfillment_status", "subtotal"}),
        extra=(("total", "revenue"), ("created_at", "date"), ("name", "element")),
        one_sale_per_row=True,
    ),
)


# letters that Unicode does not split into a base letter and an accent
_LETTERS = str.maketrans(
    {
        "ø": "o",
        "Ø": "O",
        "æ": "ae",
        "Æ": "AE",
        "ß": "ss",
        "œ": "oe",
        "Œ": "OE",
        "ł": "l",
        "Ł": "L",
        "đ": "d",
        "Đ": "D",
    }
)


def normalise_header(header: object) -> str:
    """'Amount spent (USD)' -> 'amount_spent', 'Início dos relatórios' -> 'inicio_dos_relatorios'.

    Accents are folded and bracketed parts dropped, so exports in other languages match.
    """
    text = unicodedata.normalize("NFKD", str(header).translate(_LETTERS))
    text = "".join(char for char in text if not unicodedata.combining(char))
    text = re.sub(r"\([^)]*\)", " ", text).strip().lower()
    return re.sub(r"[^0-9a-z]+", "_", text).strip("_")


def recognise(headers: list[str]) -> Export | None:
    """The platform export whose signature headers the file has, if any."""
    names = {normalise_header(header) for header in headers}
    for export in EXPORTS:
        if export.signs & names:
            return export
    return None


def map_columns(
    headers: list[str],
    export: Export | None = None,
    overrides: Mapping[str, str] | None = None,
) -> tuple[dict[str, str], list[str]]:
    """Which source header fills which canonical column, and the headers not used.

    The user's choices (`overrides`: header -> column, or "" for not used) come first;
    then, for the columns still open, the best synonym wins.
    """
    overrides = overrides or {}
    mapping: dict[str, str] = {}
    for header in headers:
        column = overrides.get(header)
        if column and column not in mapping.values():
            mapping[header] = column
    open_headers = [h for h in headers if h not in overrides and h not in mapping]
    normalised = {header: normalise_header(header) for header in open_headers}
    synonyms = dict(SYNONYMS)
    extra: dict[str, tuple[str, ...]] = {}
    for name, column in export.extra if export else ():
        extra[column] = (*extra.get(column, ()), name)
    for column, names in extra.items():
        synonyms[column] = (*names, *synonyms.get(column, ()))
    for column, names in synonyms.items():
        if column in mapping.values():
            continue
        for name in names:
            found = next(
                (h for h in open_headers if normalised[h] == name and h not in mapping), None
            )
            if found is not None:
                mapping[found] = column
                break
    ignored = [header for header in headers if header not in mapping]
    return mapping, ignored


_KNOWN_HEADERS = frozenset(
    {name for names in SYNONYMS.values() for name in names}
    | {sign for export in EXPORTS for sign in export.signs}
    | {name for export in EXPORTS for name, _ in export.extra}
)
# Headers that say which platform a row is from count double: of two tables in a GA4
# file, the one by source ("m.facebook.com") tells more than the one by channel.
_PLATFORM_HEADERS = frozenset(
    {*SYNONYMS["platform"], "session_source", "session_manual_source", "session_source_medium"}
)


def header_score(cells: list[str]) -> int:
    """How many cells of a row are headers we know: the header row has the most."""
    names = [normalise_header(cell) for cell in cells if cell]
    return sum((2 if name in _PLATFORM_HEADERS else 1) for name in names if name in _KNOWN_HEADERS)


# Where website visits come from: a referrer's domain or a utm_source, by platform.
SOCIAL_SOURCES: dict[str, str] = {
    "facebook.com": "facebook",
    "fb.com": "facebook",
    "fb.me": "facebook",
    "facebook": "facebook",
    "fb": "facebook",
    "meta": "facebook",
    "instagram.com": "instagram",
    "instagram": "instagram",
    "ig": "instagram",
    "t.co": "x",
    "twitter.com": "x",
    "x.com": "x",
    "twitter": "x",
    "x": "x",
    "linkedin.com": "linkedin",
    "lnkd.in": "linkedin",
    "linkedin": "linkedin",
    "tiktok.com": "tiktok",
    "tiktok": "tiktok",
    "youtube.com": "youtube",
    "youtu.be": "youtube",
    "youtube": "youtube",
    "pinterest.com": "pinterest",
    "pin.it": "pinterest",
    "pinterest": "pinterest",
    "reddit.com": "reddit",
    "reddit": "reddit",
    "snapchat.com": "snapchat",
    "snapchat": "snapchat",
    "threads.net": "threads",
    "threads.com": "threads",
    "threads": "threads",
}
# GA4's default channel groups of social media traffic (which network, it does not say)
SOCIAL_CHANNELS = frozenset({"organic social", "paid social", "organic video", "paid video"})
PAID_MEDIUMS = frozenset(
    {"cpc", "ppc", "cpm", "cpv", "paid", "paidsocial", "paid_social", "paid-social", "ads", "ad"}
)


def platform_of_source(source: object) -> str | None:
    """The social platform a visit came from: 'l.instagram.com' -> instagram, 't.co' -> x,
    'facebook.com / referral' -> facebook; None for other sources."""
    text = str(source).split(" / ")[0].strip().lower()
    text = re.sub(r"^https?://", "", text).split("/")[0].removeprefix("www.")
    parts = text.split(".")
    for start in range(len(parts)):
        platform = SOCIAL_SOURCES.get(".".join(parts[start:]))
        if platform:
            return platform
    return None
