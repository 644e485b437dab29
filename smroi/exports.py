"""What the platforms' exports call our columns, and how to tell which platform made a file.

Headers are compared in a normalised form (see `normalise_header`): letters and digits of
any script, accents folded on Latin letters, bracketed parts such as a currency "(USD)"
dropped, lower case, words joined by "_". The names themselves are data: one table per
platform in smroi/headers/ (its README.md says what the columns mean and where the names
come from), read once at import into SYNONYMS and EXPORTS.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from smroi.canonical import COLUMNS

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
        "ı": "i",  # Turkish dotless i: "Tıklamalar" as "tiklamalar"
        # Arabic and Persian write yeh and kaf in two forms; ZWNJ and tatweel only shape words
        "ي": "ی",
        "ى": "ی",
        "ك": "ک",
        "\u200c": "",
        "\u200d": "",
        "\u00ad": "",  # soft hyphen: YouTube Studio's German headers may hold one
        "\u0640": "",
        "أ": "ا",
        "إ": "ا",
        "آ": "ا",
        # Arabic vowel marks (harakat), which exports may or may not write
        **{chr(code): "" for code in (*range(0x064B, 0x0660), 0x0670)},
    }
)
_BRACKETED = re.compile(r"\([^)]*\)")
_SEPARATORS = re.compile(r"_+")


def _is_latin(char: str) -> bool:
    return unicodedata.name(char, "").startswith("LATIN")


def _fold_latin_accents(text: str) -> str:
    """Accents off Latin letters ("Início" -> "Inicio"); other scripts' marks (Japanese
    voicing marks, Devanagari vowel signs) stay, as they are part of the letter."""
    out: list[str] = []
    for char in text:
        if char.isascii() or not _is_latin(char):
            out.append(char)
            continue
        out.extend(c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c))
    return unicodedata.normalize("NFC", "".join(out))


@lru_cache(maxsize=1 << 16)  # headers, and the few words of a type column
def _normalised(text: str, brackets: bool = False) -> str:
    text = unicodedata.normalize("NFKC", text).translate(_LETTERS)
    text = _fold_latin_accents(text)
    text = (text if brackets else _BRACKETED.sub(" ", text)).strip().casefold()
    text = _fold_latin_accents(text.translate(_LETTERS))  # casefold may add a mark ("İ")
    kept = "".join(c if unicodedata.category(c)[0] in "LNM" else "_" for c in text)
    return _SEPARATORS.sub("_", kept).strip("_")


def normalise_header(header: object) -> str:
    """'Amount spent (USD)' -> 'amount_spent', 'Início dos relatórios' -> 'inicio_dos_relatorios',
    'クリック数' -> 'クリック数', '費用（円）' -> '費用'.

    Letters and digits of any script are kept, in lower case (full-width forms made
    ordinary, accents folded on Latin letters, Arabic letter variants made one), bracketed
    parts such as a currency "(USD)" dropped, and the words joined by "_", so exports in
    other languages match.
    """
    return _normalised(str(header))


def normalise_with_brackets(header: object) -> str:
    """'Clicks (destination)' -> 'clicks_destination': normalise_header keeping the words in
    brackets, which tell two columns of one measure apart ("Clicks (all)")."""
    return _normalised(str(header), brackets=True)


# The headers live as data, one table per platform in smroi/headers/ (README.md there
# gives each table's sources): header,canonical,language,rank,sign,scope.
#   canonical: the column the header fills, ENGAGEMENT_PART (a part of engagements, added
#     up), or empty (a header that only tells the platform)
#   rank: lower is better among the headers of one column (ties keep the tables' order)
#   sign: "yes" when the header tells the platform's export apart (Export.signs)
#   scope: "all" (read in any file), "export" (only in a file recognised as this export, before
#     the names of "all") or "fallback" (only in such a file, and only when no other name of
#     the column is there: Google Ads' "Interactions" where a report has no "Clicks")
HEADERS_DIR = Path(__file__).parent / "headers"
ENGAGEMENT_PART = "engagement_part"
GENERIC_TABLE = "generic"
_SCOPES = ("all", "export", "fallback")


@dataclass(frozen=True)
class HeaderName:
    """One line of a header table: a platform's name for one of our columns."""

    header: str  # as the platform writes it
    canonical: str  # a canonical column, ENGAGEMENT_PART, or "" (only tells the platform)
    language: str
    rank: int
    sign: bool
    scope: str  # "all", "export" or "fallback"
    table: str

    @property
    def name(self) -> str:
        """The header as compared (normalise_header)."""
        return normalise_header(self.header)

    @property
    def full_name(self) -> str:
        """The header as compared with the words in its brackets (normalise_with_brackets)."""
        return normalise_with_brackets(self.header)


def read_header_table(path: Path) -> tuple[HeaderName, ...]:
    """One header table (lines starting with "#" are comments: the sources)."""
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    rows = csv.DictReader(line for line in lines if not line.startswith("#"))
    names = []
    for row in rows:
        scope = row["scope"].strip() or "all"
        if scope not in _SCOPES:
            raise ValueError(f"{path.name}: scope {scope!r} is not one of {_SCOPES}")
        names.append(
            HeaderName(
                header=row["header"].strip(),
                canonical=row["canonical"].strip(),
                language=row["language"].strip(),
                rank=int(row["rank"]) if row["rank"].strip() else 0,
                sign=row["sign"].strip().lower() == "yes",
                scope=scope,
                table=path.stem,
            )
        )
    return tuple(names)


def _read_header_tables() -> dict[str, tuple[HeaderName, ...]]:
    paths = sorted(HEADERS_DIR.glob("*.csv"), key=lambda p: (p.stem != GENERIC_TABLE, p.stem))
    return {path.stem: read_header_table(path) for path in paths}


HEADER_TABLES: dict[str, tuple[HeaderName, ...]] = _read_header_tables()


def _best_first(names: list[HeaderName]) -> tuple[str, ...]:
    """The normalised headers, best first, each once; a header with words in brackets
    ("Clicks (destination)") comes with them first, so that it wins over another column
    that only its brackets tell apart ("Clicks (all)")."""
    ordered = sorted(enumerate(names), key=lambda pair: (pair[1].rank, pair[0]))
    return tuple(dict.fromkeys(form for _, name in ordered for form in (name.full_name, name.name)))


def _synonyms(tables: Mapping[str, tuple[HeaderName, ...]]) -> dict[str, tuple[str, ...]]:
    """Canonical column -> the normalised headers that fill it in any file, best first."""
    by_column: dict[str, list[HeaderName]] = {}
    for names in tables.values():
        for name in names:
            if name.scope == "all" and name.canonical in COLUMNS:
                by_column.setdefault(name.canonical, []).append(name)
    return {column: _best_first(by_column[column]) for column in COLUMNS if column in by_column}


# canonical column -> normalised headers that fill it, best first (e.g. link clicks
# before all clicks, the ad before the ad set)
SYNONYMS: dict[str, tuple[str, ...]] = _synonyms(HEADER_TABLES)
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
ENGAGEMENT_PARTS: tuple[str, ...] = _best_first(
    [
        name
        for names in HEADER_TABLES.values()
        for name in names
        if name.canonical == ENGAGEMENT_PART
    ]
)
# a column of the currency's code, as exports name it ("Currency code"; Microsoft
# Advertising's API "CurrencyCode"; "Moneda", "Para birimi", "通貨", "واحد پول", "العملة")
CURRENCY_COLUMNS = (
    *("currency_code", "currencycode", "currency", "moeda", "moneda", "valuta", "wahrung"),
    *("devise", "waluta", "para_birimi", "valutakode", "通貨", "通貨コード", "واحد_پول", "العملة"),
)
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

    key: str  # its header table's name: how a user or a settings file chooses it
    name: str  # what the import report says
    platform: str  # the canonical platform of its rows
    paid: bool | None  # rows are ads (True), organic posts (False), or say so themselves
    signs: frozenset[str]
    extra: tuple[tuple[str, str], ...] = ()  # (normalised header, canonical) for this export only
    # (normalised header, canonical) read only when no other name of the column is there
    fallback: tuple[tuple[str, str], ...] = ()
    one_sale_per_row: bool = False
    web_analytics: bool = False  # rows are website traffic by source or channel (GA4)


def export_from_table(
    name: str,
    platform: str,
    paid: bool | None,
    table: str,
    *,
    one_sale_per_row: bool = False,
    web_analytics: bool = False,
) -> Export:
    """The export whose signature headers and own names are in header table `table`."""
    names = HEADER_TABLES[table]
    return Export(
        key=table,
        name=name,
        platform=platform,
        paid=paid,
        signs=frozenset(n.name for n in names if n.sign),
        extra=_own_names(names, "export"),
        fallback=_own_names(names, "fallback"),
        one_sale_per_row=one_sale_per_row,
        web_analytics=web_analytics,
    )


def _own_names(names: tuple[HeaderName, ...], scope: str) -> tuple[tuple[str, str], ...]:
    """(normalised header, canonical column) of one scope of an export's table, best first."""
    by_column: dict[str, list[HeaderName]] = {}
    for header in names:
        if header.scope == scope and header.canonical in COLUMNS:
            by_column.setdefault(header.canonical, []).append(header)
    return tuple(
        (header, column) for column, headers in by_column.items() for header in _best_first(headers)
    )


# Known exports, in the order they are tried when two are equally likely.
EXPORTS: tuple[Export, ...] = (
    export_from_table("X (Twitter) tweet activity", "x", False, "x_tweet_activity"),
    export_from_table("Facebook Insights (posts)", "facebook", None, "facebook_insights"),
    export_from_table("Instagram Insights", "instagram", False, "instagram_insights"),
    export_from_table("LinkedIn Campaign Manager", "linkedin", True, "linkedin"),
    # before TikTok: both write "Ad group name"
    export_from_table("Pinterest Ads", "pinterest", True, "pinterest_ads"),
    # before Meta: both write "Amount spent"
    export_from_table("Snapchat Ads", "snapchat", True, "snapchat_ads"),
    export_from_table("YouTube Studio", "youtube", False, "youtube_studio"),
    export_from_table("Spotify Ad Studio", "spotify", True, "spotify_ads"),
    export_from_table("Microsoft Advertising", "microsoft", True, "microsoft_ads"),
    export_from_table("X Ads", "x", True, "x_ads"),
    export_from_table("Yahoo! JAPAN Ads", "yahoo", True, "yahoo_japan_ads"),
    # "Complete payment" counts purchases; "Conversions" counts the optimisation event
    export_from_table("TikTok Ads", "tiktok", True, "tiktok_ads"),
    export_from_table("Google Ads", "google", True, "google_ads"),
    export_from_table("Meta Ads Manager", "facebook", True, "meta_ads"),
    # best first within a column: purchases are sales, key events may be any goal
    export_from_table("Google Analytics 4", "social", None, "ga4", web_analytics=True),
    export_from_table("Shopify orders", "shop", False, "shopify", one_sale_per_row=True),
)


EXPORTS_BY_KEY: dict[str, Export] = {export.key: export for export in EXPORTS}
# a user's choice that a file is no platform's export: its columns are read by their names
NO_EXPORT = "none"
# this many of an export's own columns make its recognition sure; fewer, and the Data page
# asks the user to check it, unless the one is a name no other table has
SURE_SIGNS = 2


def _tables_of_names(tables: Mapping[str, tuple[HeaderName, ...]]) -> dict[str, frozenset[str]]:
    """Each normalised header -> the header tables that name it (as a sign or a column)."""
    found: dict[str, set[str]] = {}
    for table, names in tables.items():
        for name in names:
            for form in (name.name, name.full_name):
                found.setdefault(form, set()).add(table)
    return {name: frozenset(tables) for name, tables in found.items()}


# a sign that no other table names ("Reporting starts") tells its export apart on its own;
# one that another table names too ("Ad group name": TikTok's sign, and Pinterest's column)
# does not
TABLES_OF_NAME: dict[str, frozenset[str]] = _tables_of_names(HEADER_TABLES)


@dataclass(frozen=True)
class Recognition:
    """Which platform's export a file is, and the file's columns that say so."""

    export: Export | None
    evidence: tuple[str, ...] = ()  # the file's headers that only this export writes
    # other exports that some of the file's headers are signs of, most signs first
    others: tuple[Export, ...] = ()
    chosen: bool = False  # the user chose the export (or NO_EXPORT); nothing was guessed
    # enough of the export's own columns, and more than of any other's, for the guess to
    # stand without asking the user to check it
    sure: bool = True


def recognise_with_evidence(headers: list[str], choice: str | None = None) -> Recognition:
    """The platform export whose own columns the file has most of, with those columns; or
    the export the user chose (`choice`: an Export.key, or NO_EXPORT for none).

    A column only one export writes counts before one that several write; of two exports
    with as many, the one listed first in EXPORTS wins."""
    if choice == NO_EXPORT:
        return Recognition(None, chosen=True)
    names = {header: normalise_header(header) for header in headers}
    present = set(names.values())
    if choice in EXPORTS_BY_KEY:
        export = EXPORTS_BY_KEY[choice]
        evidence = tuple(h for h, name in names.items() if name in export.signs)
        return Recognition(export, evidence, chosen=True)
    scored = sorted(
        (
            (-len(_own_signs(export, present)), -len(export.signs & present), place),
            export,
        )
        for place, export in enumerate(EXPORTS)
        if export.signs & present
    )
    if not scored:
        return Recognition(None)
    best = scored[0][1]
    evidence = tuple(h for h, name in names.items() if name in best.signs)
    others = tuple(export for _score, export in scored[1:])
    enough = len(evidence) >= SURE_SIGNS or bool(_own_signs(best, present))
    sure = enough and all(len(other.signs & present) < len(evidence) for other in others)
    return Recognition(best, evidence, others, sure=sure)


def _own_signs(export: Export, present: set[str]) -> set[str]:
    """The export's signs among the file's headers that no other header table names."""
    return {
        sign
        for sign in export.signs & present
        if TABLES_OF_NAME.get(sign, frozenset()) <= {export.key}
    }


def recognise(headers: list[str]) -> Export | None:
    """The platform export whose own columns the file has most of, if any (see
    recognise_with_evidence)."""
    return recognise_with_evidence(headers).export


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
    # each compared form of a header (without and with its bracket words) -> the headers
    # that have it, in the file's order
    by_form: dict[str, list[str]] = {}
    for header in open_headers:
        forms = (normalise_header(header), normalise_with_brackets(header))
        for form in dict.fromkeys(forms):
            by_form.setdefault(form, []).append(header)
    synonyms = dict(SYNONYMS)
    extra: dict[str, tuple[str, ...]] = {}
    for name, column in export.extra if export else ():
        extra[column] = (*extra.get(column, ()), name)
    for column, names in extra.items():
        synonyms[column] = (*names, *synonyms.get(column, ()))
    for name, column in export.fallback if export else ():
        synonyms[column] = (*synonyms.get(column, ()), name)
    for column, names in synonyms.items():
        if column in mapping.values():
            continue
        for name in names:
            found = next((h for h in by_form.get(name, ()) if h not in mapping), None)
            if found is not None:
                mapping[found] = column
                break
    ignored = [header for header in headers if header not in mapping]
    return mapping, ignored


_KNOWN_HEADERS = frozenset(
    {name for names in SYNONYMS.values() for name in names}
    | {sign for export in EXPORTS for sign in export.signs}
    | {name for export in EXPORTS for name, _ in (*export.extra, *export.fallback)}
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
