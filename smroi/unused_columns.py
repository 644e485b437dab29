"""The safety net for columns smroi did not understand: never silently wrong.

When a file leaves a core measure of its kind empty (spend for an ad export, impressions
for a post export, revenue for an orders file; clicks and conversions for an ad export
too), its number columns that were read as nothing are looked at: what their cells hold
(money, counts, rates, ids) and what their names say, in the languages of the platforms'
interfaces. The most likely column for each missing measure becomes a Suggestion; the
user confirms it in the column mapping (nothing is read as it until then).

smroi.exports knows the platforms' real headers; this module only asks about what that
still does not know, so its word lists are broad stems, not exact headers.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache

import pandas as pd

from smroi.currency import currencies_in_cells, currencies_in_headers
from smroi.exports import Export
from smroi.parsing import blank_cells, read_numbers

ADS, POSTS, ORDERS = "ads", "posts", "orders"  # the kinds of file
# what a column's cells hold: MONEY (Suggestion.reason) by its currency or its name, COUNT
# (whole numbers), DECIMAL (numbers with two decimals and nothing else to tell)
MONEY, COUNT, DECIMAL = "money", "count", "decimal"

MOSTLY = 0.9  # share of a column's non-blank cells that must read as numbers
LONG_INTEGER = 1e8  # a column whose every value is at least this is an id, not a count
SEQUENCE = 5  # this many whole numbers or more, one apart when sorted: row or order numbers
SAMPLE = 1_000  # cells of an unnamed column looked at before all of them are
MOST_LOOKED_AT = 100  # beyond, only columns whose names say a measure are read

# The words below are stems of column names in the languages of the platforms' interfaces
# (English, Spanish, Portuguese, French, German, Italian, Dutch, Norwegian, Swedish,
# Danish, Polish, Turkish, Japanese, Persian, Arabic): the words those interfaces and
# their help pages use for cost, revenue, impressions, clicks and conversions, and the
# everyday words for the same things. They were written from that knowledge, not checked
# header by header against each interface (smroi.exports.SYNONYMS holds the exact headers
# that were); a wrong word here costs a question the user declines, never a number.
# They are matched after the header is folded like the words (see `folded`): a word
# matches a whole word of the header, or the end of a compound ("Gesamtkosten",
# "Totalbeløp"); a word in another script than Latin matches anywhere in the header
# (Japanese writes no spaces).

# header words that name a measure (canonical column -> words)
MEASURE_WORDS: dict[str, tuple[str, ...]] = {
    "spend": (
        *("cost", "costs", "spend", "spent", "ad spend", "costo", "costos", "coste", "gasto"),
        *("gastos", "custo", "custos", "gasto", "investimento", "inversion", "cout", "couts"),
        *("depenses", "kosten", "ausgaben", "spesa", "spese", "costi", "uitgaven", "kostnad"),
        *("kostnader", "spenderat", "spenderats", "brukt", "forbruk", "forbrug", "udgift"),
        *("koszt", "koszty", "wydatki", "wydano", "maliyet", "harcama", "harcanan"),
        *("udgifter", "utgift", "費用", "コスト", "広告費", "ご利用額", "消化金額"),
        *("هزینه", "تكلفة", "التكلفة", "الإنفاق"),
    ),
    "revenue": (
        *("revenue", "sales", "income", "turnover", "ingresos", "ingreso", "ventas", "receita"),
        *("receitas", "faturamento", "vendas", "chiffre d affaires", "ventes", "recettes"),
        *("umsatz", "erlos", "einnahmen", "ricavi", "fatturato", "vendite", "omzet"),
        *("opbrengst", "inkomsten", "omsetning", "inntekt", "inntekter", "salg"),
        *("intakter", "omsattning", "forsaljning", "omsaetning", "indtaegt", "indtaegter"),
        *("przychod", "przychody", "sprzedaz", "gelir", "ciro", "satis", "satislar"),
        *("売上", "売上高", "収益", "درآمد", "فروش", "الإيرادات", "إيرادات", "المبيعات"),
    ),
    "impressions": (
        *("impressions", "impression", "impr", "impresiones", "impressoes", "impressioni"),
        *("impressionen", "impressies", "vertoningen", "weergaven", "visningar", "visninger"),
        *("eksponeringer", "exponeringar", "wyswietlenia", "gosterim", "gosterimler"),
        *("views", "visualizaciones", "visualizacoes", "vues", "aufrufe", "visualizzazioni"),
        *("インプレッション", "表示回数", "インプレッション数", "نمایش", "ایمپرشن", "مرات الظهور"),
    ),
    "clicks": (
        *("clicks", "click", "clics", "clic", "cliques", "clique", "klicks", "klick", "klikk"),
        *("klik", "klikken", "klikkene", "klickningar", "klik", "klikniecia", "klikniecie"),
        *("tiklama", "tiklamalar", "クリック", "クリック数", "کلیک", "النقرات", "نقرات"),
        # Google Ads counts interactions where a report has no Clicks column
        *("interactions", "interacciones", "interacoes", "interaktionen", "interazioni"),
        *("interacties", "interaksjoner", "interaktioner", "interakcje", "etkilesimler"),
        *("インタラクション", "インタラクション数", "تعاملات", "التفاعلات"),
    ),
    "conversions": (
        *("conversions", "conversion", "conv", "conversiones", "conversoes", "konvertierungen"),
        *("conversioni", "conversies", "konverteringer", "konverteringar", "konwersje"),
        *("donusumler", "donusum", "コンバージョン", "コンバージョン数", "تبدیل", "التحويلات"),
    ),
}
# header words of money that do not say which measure ("Totalbeløp", "Betrag")
MONEY_WORDS: tuple[str, ...] = (
    *("amount", "price", "importe", "importe total", "monto", "precio", "valor", "preco"),
    *("valor total", "montant", "prix", "betrag", "preis", "importo", "prezzo", "bedrag"),
    *("prijs", "belop", "totalbelop", "pris", "belopp", "kwota", "cena", "tutar", "fiyat"),
    *("金額", "価格", "مبلغ", "قیمت", "المبلغ", "السعر"),
)
# header words of a total, of money or not ("Page total likes"): they only rank the
# columns that hold money
TOTAL_WORDS: tuple[str, ...] = (
    *("total", "summe", "gesamt", "totale", "totaal", "sum", "summa", "totalt", "suma"),
    *("toplam", "合計", "جمع", "الإجمالي"),
)
# a measure's value per something, a share or a rate: never a total
RATIO_WORDS: tuple[str, ...] = (
    *("/", "%", "٪"),  # "Costo/conv.", "Impr. (Top) %"
    *("per", "por", "pro", "par", "pr", "je", "cpc", "cpm", "cpa", "cpl", "cpv", "cpe"),
    *("ctr", "roas", "roi", "rate", "tasa", "taxa", "taux", "quote", "rata", "tasso"),
    *("ratio", "share", "avg", "average", "mean", "medio", "media", "promedio", "moyen"),
    *("moyenne", "durchschnitt", "durchschn", "gemiddeld", "gemiddelde", "gjennomsnitt"),
    *("gjsn", "snitt", "genomsnitt", "gennemsnit", "sredni", "srednia", "ortalama", "orani"),
    *("平均", "単価", "率", "あたり", "میانگین", "نرخ", "درصد", "متوسط", "معدل", "نسبة"),
)
# an identifier, a code or a number that is not an amount (order, post, postal code);
# not "number" nor "número", which also head counts ("Number of clicks")
ID_WORDS: tuple[str, ...] = (
    *("id", "ids", "no", "nr", "nro", "code", "codigo", "zip", "postal", "postcode", "plz"),
    *("postleitzahl", "cep", "postnummer", "postnr", "nummer", "kod", "kodu", "kode"),
    *("phone", "telefon", "telefone", "telefono", "year", "ano", "jahr", "annee", "ar", "yil"),
    *("番号", "コード", "郵便番号", "شناسه", "کد", "شماره", "رقم", "الرمز"),
)
# words of a file that lists orders, one a row ("Order ID", "Ordrenummer", "Pedido")
ORDER_WORDS: tuple[str, ...] = (
    *("order", "orders", "order id", "order number", "ordre", "ordrenummer", "ordrenr"),
    *("pedido", "pedidos", "commande", "bestellung", "bestellnummer", "ordine", "bestelling"),
    *("ordernummer", "order nr", "zamowienie", "siparis", "注文", "注文番号", "سفارش", "طلب"),
)
# words of an ad export ("Campaign", "Ad group", "Anzeigengruppe", "広告グループ")
AD_WORDS: tuple[str, ...] = (
    *("campaign", "campana", "campanha", "campagne", "kampagne", "kampanje", "kampanj"),
    *("campagna", "kampania", "kampanya", "ad group", "ad set", "ad name", "grupo de anuncios"),
    *("anuncio", "anuncios", "annonce", "anzeige", "anzeigengruppe", "annonse", "annons"),
    *("annuncio", "advertentie", "reklama", "reklam", "keyword", "palabra clave"),
    *("キャンペーン", "広告グループ", "広告", "キーワード", "کمپین", "تبلیغ", "حملة", "إعلان"),
)
# words that say a money column is not the sale's value (shipping, taxes, discounts)
NOT_REVENUE_WORDS: tuple[str, ...] = (
    *("shipping", "tax", "taxes", "discount", "refund", "refunded", "fee", "fees", "envio"),
    *("impuesto", "impuestos", "iva", "descuento", "frete", "imposto", "desconto", "livraison"),
    *("tva", "remise", "versand", "steuer", "mwst", "rabatt", "spedizione", "sconto"),
    *("verzending", "btw", "korting", "frakt", "mva", "moms", "rabat", "dostawa", "vat"),
    *("podatek", "kargo", "vergi", "indirim", "送料", "税", "割引", "ارسال", "مالیات", "تخفیف"),
)
# words that say a money column of an ad export is not what was spent (a budget, a bid)
NOT_SPEND_WORDS: tuple[str, ...] = (
    *("budget", "budgets", "presupuesto", "orcamento", "budsjett", "budzet", "butce"),
    *("bilancio", "bid", "bids", "puja", "lance", "gebot", "enchere", "offerta", "bod"),
    *("予算", "入札", "بودجه", "الميزانية"),
)
# what a count may not be named (its value, not how many)
VALUE_WORDS: tuple[str, ...] = (
    *("value", "valor", "valeur", "wert", "valore", "waarde", "verdi", "varde", "vaerdi"),
    *("wartosc", "deger", "価値", "値", "ارزش", "قيمة"),
)
# measures whose absence is worth asking about, by kind of file, most important first
CORE_MEASURES: dict[str, tuple[str, ...]] = {
    ADS: ("spend", "clicks", "conversions"),
    POSTS: ("impressions",),
    ORDERS: ("revenue",),
}
MEASURE_HOLDS: dict[str, str] = {
    "spend": MONEY,
    "revenue": MONEY,
    "impressions": COUNT,
    "clicks": COUNT,
    "conversions": COUNT,
}
# canonical columns a file of posts fills (and an ad export may too, but then it says so)
POST_MEASURES = frozenset({"engagements", "reach", "followers_gained", "video_views"})


@dataclass(frozen=True)
class Suggestion:
    """A column read as nothing that is most likely `canonical`; `reason` is what its cells
    hold: MONEY or COUNT."""

    header: str
    canonical: str
    reason: str


_SCRIPT_LETTERS = str.maketrans({"ي": "ی", "ك": "ک", "ø": "o", "æ": "ae", "ß": "ss", "ł": "l"})


@lru_cache(maxsize=4096)
def folded(text: object) -> str:
    """'Totalbeløp (NOK)' -> 'totalbelop nok', 'Costo/conv.' -> 'costo / conv': lower case,
    accents off, words split by spaces, '/' and '%' kept as words."""
    text = unicodedata.normalize("NFKD", str(text).lower().translate(_SCRIPT_LETTERS))
    text = "".join(char for char in text if not unicodedata.combining(char))
    text = re.sub(r"([/%٪])", r" \1 ", text)
    return " ".join(re.sub(r"[^\w/%٪]+|_", " ", text).split())


def _is_latin(word: str) -> bool:
    return all(char.isascii() for char in word)


_FOLDED_WORDS: dict[tuple[str, ...], tuple[tuple[str, bool], ...]] = {}


def _words(words: tuple[str, ...]) -> tuple[tuple[str, bool], ...]:
    """The words folded, each once, with whether it is in Latin letters."""
    if words not in _FOLDED_WORDS:
        unique = dict.fromkeys(folded(word) for word in words)
        _FOLDED_WORDS[words] = tuple((word, _is_latin(word)) for word in unique if word)
    return _FOLDED_WORDS[words]


def name_match(header: object, words: tuple[str, ...], *, starts: bool = False) -> int:
    """How well a header is named by one of `words`: 2 for a whole word or a word in another
    script ('Costo', '費用'), 1 for the end of a compound ('Gesamtkosten') or, with
    `starts`, its start ('Kampanjnamn'), 0 for none."""
    text = folded(header)
    padded = f" {text} "
    parts = text.split()
    best = 0
    for word, latin in _words(words):
        if not latin:
            if word in text:
                return 2
        elif f" {word} " in padded:
            return 2
        elif best == 0 and " " not in word and len(word) >= 4:
            for part in parts:
                if len(part) > len(word) and (
                    part.endswith(word) or (starts and part.startswith(word))
                ):
                    best = 1
    return best


def file_kind(
    headers: Iterable[object], mapping: Mapping[str, str], export: Export | None = None
) -> str | None:
    """ORDERS, ADS or POSTS: what a file lists, from its export, the columns it fills and
    the words of its headers; None when nothing tells."""
    headers = list(headers)
    filled = set(mapping.values())
    if export is not None and export.one_sale_per_row:
        return ORDERS
    if export is not None and export.web_analytics:
        return None
    if "spend" not in filled and any(name_match(h, ORDER_WORDS, starts=True) for h in headers):
        return ORDERS
    if export is not None and export.paid:
        return ADS
    if filled & {"spend", "paid"} or any(name_match(h, AD_WORDS, starts=True) for h in headers):
        return ADS
    if (export is not None and export.paid is False) or filled & POST_MEASURES:
        return POSTS
    return None


def _decimals(cell: object) -> int | None:
    """How many decimals a cell is written with ('12,50' -> 2, '1.234' -> None: unsure)."""
    text = str(cell).strip()
    match = re.search(r"\d[.,٫](\d+)\D*$", text)
    if match is None:
        return 0 if re.search(r"\d", text) else None
    return len(match[1]) if len(match[1]) != 3 else None


def holds(header: object, values: pd.Series) -> str | None:
    """What a column's cells hold: MONEY, COUNT, DECIMAL, or None (not mostly numbers, a
    rate or a share, an id or a code). Decided from all of its values and its header."""
    if name_match(header, RATIO_WORDS) or name_match(header, ID_WORDS):
        return None
    blank = blank_cells(values)
    cells = values[~blank]
    if cells.empty:
        return None
    numbers = read_numbers(cells)
    read = numbers.values.dropna()
    if len(read) < MOSTLY * len(cells):
        return None
    text = cells.astype(str)
    if text.str.contains("[%٪]", regex=True).any():
        return None  # a rate
    if text.str.fullmatch(r"\s*0\d+\s*").any():
        return None  # a code written with its leading zero (a postal code)
    whole = bool((read == read.round()).all())
    if whole and len(read) and bool((read.abs() >= LONG_INTEGER).all()):
        return None  # ids
    if whole and len(read) >= SEQUENCE and read.is_unique:
        steps = read.sort_values().diff().dropna()
        if bool((steps == 1).all()):
            return None  # row or order numbers
    money = bool(currencies_in_cells(cells) or currencies_in_headers([header]))
    if money or name_match(header, (*MEASURE_WORDS["spend"], *MEASURE_WORDS["revenue"])):
        return MONEY
    if name_match(header, MONEY_WORDS):
        return MONEY
    if whole:
        return COUNT
    cents = (read * 100 - (read * 100).round()).abs() < 1e-6
    if pd.api.types.is_numeric_dtype(cells):
        return DECIMAL if bool(cents.all()) else None
    # two decimals, or one where a workbook's number lost its last 0 ("12.5" for 12.50)
    places = [p for p in map(_decimals, text.drop_duplicates().head(1000)) if p is not None]
    if places and all(p in (0, 1, 2) for p in places) and max(places) > 0:
        return DECIMAL
    return None


def _rank(measure: str, header: object, what: str | None) -> int | None:
    """How likely a column is `measure` (higher is better), from what its cells hold and its
    name; None when it cannot be."""
    wanted = MEASURE_HOLDS[measure]
    if what not in ((MONEY, DECIMAL) if wanted == MONEY else (COUNT, DECIMAL)):
        return None  # a count is never an amount (but conversions may be fractional)
    named = name_match(header, MEASURE_WORDS[measure])
    if wanted == COUNT:
        return named if named and not name_match(header, VALUE_WORDS) else None
    others = [m for m in ("spend", "revenue") if m != measure]
    if any(name_match(header, MEASURE_WORDS[m]) for m in others):
        return None
    if measure == "revenue" and name_match(header, NOT_REVENUE_WORDS):
        return None
    if measure == "spend" and name_match(header, (*NOT_SPEND_WORDS, *VALUE_WORDS)):
        return None
    return 2 if named else 1 if name_match(header, (*MONEY_WORDS, *TOTAL_WORDS)) else 0


def suggest_columns(
    raw: pd.DataFrame,
    mapping: Mapping[str, str],
    export: Export | None = None,
    *,
    filled: Collection[str] = (),
    declined: Collection[str] = (),
) -> list[Suggestion]:
    """For each core measure the file's kind leaves empty, the column read as nothing that
    is most likely it. `mapping`: header -> what it is read as; `filled`: canonical columns
    filled otherwise (added up from parts); `declined`: headers the user chose to leave out
    (not asked about again). A count is suggested only when its name says so; an amount
    whose name does not, only when it is the one such column of a file of at most
    MOST_LOOKED_AT unused columns."""
    headers = list(raw.columns)
    kind = file_kind(headers, mapping, export)
    present = set(mapping.values()) | set(filled)
    missing = [m for m in CORE_MEASURES.get(kind or "", ()) if m not in present]
    if not missing:
        return []
    unused = [h for h in headers if h not in mapping and h not in declined]
    held: dict[object, str | None] = {}

    def what(header: object) -> str | None:
        if header not in held:
            held[header] = holds(header, raw[header])
        return held[header]

    suggestions: list[Suggestion] = []
    taken: set[object] = set()
    for measure in missing:
        named = [h for h in unused if h not in taken and _named_like(measure, h)]
        ranked = _ranked(measure, named, what)
        if not ranked and MEASURE_HOLDS[measure] == MONEY and len(unused) <= MOST_LOOKED_AT:
            ranked = _unnamed_amounts(measure, raw, [h for h in unused if h not in taken], what)
        best = max((rank for rank, _h in ranked), default=None)
        if best is None:
            continue
        top = [h for rank, h in ranked if rank == best]
        if best == 0 and len(top) > 1:
            continue  # several unnamed amounts: which one is it, only the user knows
        taken.add(top[0])
        suggestions.append(Suggestion(str(top[0]), measure, MEASURE_HOLDS[measure]))
    return suggestions


def _ranked(
    measure: str, headers: list[object], what: Callable[[object], str | None]
) -> list[tuple[int, object]]:
    return [(rank, h) for h in headers if (rank := _rank(measure, h, what(h))) is not None]


def _unnamed_amounts(
    measure: str,
    raw: pd.DataFrame,
    headers: list[object],
    what: Callable[[object], str | None],
) -> list[tuple[int, object]]:
    """The columns that may be `measure` by their cells alone, up to two (two are already
    too many to choose from); a column's first SAMPLE cells decide whether all of its cells
    are read (a long file's counts are not read twice)."""
    found: list[tuple[int, object]] = []
    for header in headers:
        if holds(header, raw[header].head(SAMPLE)) not in (MONEY, DECIMAL):
            continue
        found += _ranked(measure, [header], what)
        if len(found) > 1:
            break
    return found


def _named_like(measure: str, header: object) -> bool:
    """Whether a header's name says `measure`, or (for money) an amount."""
    return bool(name_match(header, _naming_words(measure)))


@lru_cache(maxsize=16)
def _naming_words(measure: str) -> tuple[str, ...]:
    """The words that name `measure` in a header, and (for money) those of an amount."""
    words = MEASURE_WORDS[measure]
    if MEASURE_HOLDS[measure] == MONEY:
        words = (*words, *MONEY_WORDS, *TOTAL_WORDS)
    return words
