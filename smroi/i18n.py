"""The languages smroi speaks: gettext catalogs read at run time, English as the message ids.

A message id is the English text itself, so English needs no catalog, and a message a
catalog lacks (or leaves empty, or marks fuzzy) shows in English rather than as a key.
Catalogs are the gettext files `smroi/locale/<lang>/LC_MESSAGES/smroi.po`, made from the
template `smroi/locale/smroi.pot` that Babel extracts from the code (README, "For
developers"). They are read with Babel when a language is first used and kept for the
life of the process: no compile step, and a new language is a .po file and a line in
LANGUAGES, not code.

Messages are str.format templates with named fields ("{rows} rows"), filled with `fill`:
the translation keeps the same fields in its own order. Mark text for extraction with `_` (the
translator's usual name) or, where the text is data translated later, with `N_`.
"""

from __future__ import annotations

import gettext
import numbers
import re
from collections.abc import Callable, Iterable
from datetime import date, time
from functools import cache
from io import BytesIO
from pathlib import Path

from smroi.formatting import RIGHT_TO_LEFT, format_day, format_value, localise_digits

LANGUAGES: dict[str, str] = {"en": "English", "nb": "Norsk bokmål", "fa": "فارسی"}
DEFAULT_LANGUAGE = "en"
# written right to left: the UI turns its text blocks around for these
RTL: frozenset[str] = RIGHT_TO_LEFT
DOMAIN = "smroi"
LOCALE_DIR = Path(__file__).resolve().parent / "locale"

_FIELD = re.compile(r"(?<!\{)\{([A-Za-z_][A-Za-z0-9_]*)[^{}]*\}")
_FORMAT_SPEC = re.compile(r"(?<!\{)\{([A-Za-z_][A-Za-z0-9_]*):[^{}]*\}")


def N_(message: str) -> str:
    """Mark `message` for extraction and return it unchanged (gettext_noop): for labels kept
    as data (the metric registry, option lists) and translated where they are shown."""
    return message


def language_code(value: object) -> str | None:
    """The supported language a code names ("nb", "NB", "nb-NO", "fa_IR"), or None for
    anything else (a URL can carry any text)."""
    if not isinstance(value, str):
        return None
    code = value.strip().lower().replace("_", "-").split("-")[0]
    return code if code in LANGUAGES else None


def is_rtl(lang: str) -> bool:
    """True for a language written right to left."""
    return lang in RTL


def catalog_path(lang: str) -> Path:
    """Where a language's catalog lives: locale/<lang>/LC_MESSAGES/smroi.po."""
    return LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


@cache
def translations(lang: str) -> gettext.NullTranslations:
    """A language's translations (gettext and ngettext), read once per process.

    English, and a language whose catalog file is missing, translate nothing. Raises
    ValueError for a language that is not in LANGUAGES.
    """
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}; smroi speaks {', '.join(LANGUAGES)}")
    path = catalog_path(lang)
    if lang == DEFAULT_LANGUAGE or not path.is_file():
        return gettext.NullTranslations()
    # Babel reads the .po file and writes it as an in-memory .mo file; the standard
    # library's gettext then applies the catalog's own plural rule.
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    with path.open("rb") as po:
        catalog = read_po(po, locale=lang, domain=DOMAIN)
    for message in list(catalog):
        # a plural with a form left empty would show an empty text: use English instead
        if message.id and isinstance(message.string, tuple) and not all(message.string):
            catalog.delete(message.id, message.context)
    compiled = BytesIO()
    write_mo(compiled, catalog)  # leaves out empty and fuzzy translations
    compiled.seek(0)
    return gettext.GNUTranslations(compiled)


def translator(lang: str) -> Callable[[str], str]:
    """The gettext function of a language: English text in, that language's text out
    (the English text itself when the catalog has no translation for it)."""
    return translations(lang).gettext


def plural_translator(lang: str) -> Callable[[str, str, int], str]:
    """The ngettext function of a language: (singular, plural, n) in, the form for n out."""
    return translations(lang).ngettext


def fill(message: str, lang: str, /, **fields: object) -> str:
    """A (translated) message with its {fields} filled in with text already formatted.

    In a right-to-left language each value becomes a Unicode isolate (FSI … PDI), as
    Fluent does, so that a left-to-right value inside a Persian sentence (an amount, a
    date, a file name) keeps its own order: without it "01 Jun 2026" shows as
    "Jun 2026 01". Other languages get the plain values.
    """
    if is_rtl(lang):
        fields = {name: f"\u2068{value}\u2069" for name, value in fields.items()}
    return message.format(**fields)


def chart_translator(lang: str) -> Callable[[str], str]:
    """The gettext function for text drawn inside a chart. Charts stay left to right (axes,
    numbers), so a right-to-left language's text gets a right-to-left mark (U+200F) at both
    ends: without them "(بازده - هزینه) / هزینه" would be drawn with its parts out of order."""
    translate = translator(lang)
    if not is_rtl(lang):
        return translate
    return lambda message: f"\u200f{translate(message)}\u200f"


def message_fields(message: str) -> set[str]:
    """The named str.format fields of a message ("{rows:,} rows" -> {"rows"}); a
    translation must use the same ones."""
    return set(_FIELD.findall(message))


class Message(str):
    """A sentence the core writes for the user: its English text (it is a str, so logs, the
    CLI, tests and JSON see plain English), plus the message id and fields it was made from,
    so that the app can show it in the user's language (`translate_message`).

    Made with `_("{file}: no rows", file=name)` or `_n("{n} row", "{n} rows", n, n=...)` in
    the core; Babel extracts those calls like any gettext call (babel.cfg).
    """

    template: str | tuple[str, str]
    plural_count: int | None  # the n that picks a plural form (not str.count)
    fields: dict[str, object]

    def __new__(
        cls, template: str | tuple[str, str], fields: dict[str, object], count: int | None = None
    ) -> Message:
        if isinstance(template, tuple):
            text = template[0] if count == 1 else template[1]
        else:
            text = template
        self = super().__new__(cls, text.format(**fields) if fields else text)
        self.template, self.plural_count, self.fields = template, count, dict(fields)
        return self

    def __reduce__(self) -> tuple[object, ...]:  # pickled by st.cache_data and multiprocessing
        return (Message, (self.template, self.fields, self.plural_count))


class NumberList(tuple[int, ...]):
    """Numbers listed inside a sentence ("rows 4, 5, 9 …"): as a field it reads as English
    text ("4, 5, 9 …"), and translate_message writes it with the language's digits and comma
    ("۴، ۵، ۹ …"). Made with `listed(numbers, most)`."""

    more: bool  # the list was cut short: " …" follows

    def __new__(cls, numbers: Iterable[int], more: bool = False) -> NumberList:
        self = super().__new__(cls, (int(n) for n in numbers))
        self.more = more
        return self

    def __reduce__(self) -> tuple[object, ...]:
        return (NumberList, (tuple(self), self.more))

    def text(self, separator: str = ", ", write: Callable[[int], str] = str) -> str:
        """The numbers joined by `separator`, each written by `write`."""
        return separator.join(write(n) for n in self) + (" …" if self.more else "")

    def __str__(self) -> str:
        return self.text()

    def __format__(self, spec: str) -> str:
        return self.text()


def listed(numbers: Iterable[int], most: int = 10) -> NumberList:
    """The first `most` of `numbers` to list in a sentence, marked when there are more."""
    numbers = list(numbers)
    return NumberList(numbers[:most], more=len(numbers) > most)


# How a language separates the items of a list of numbers
_LIST_SEPARATORS = {"fa": "، "}


def _(message: str, /, **fields: object) -> Message:
    """A core message for the user: English now, translatable later (see Message)."""
    return Message(message, fields)


def _n(singular: str, plural: str, count: int, /, **fields: object) -> Message:
    """A core message with a count ("1 row left out", "3 rows left out")."""
    return Message((singular, plural), fields, count)


def translate_message(text: object, lang: str, digits: str = "native") -> str:
    """A core message in `lang`: a Message is translated and its fields filled in (fields
    that are Messages themselves are translated too, numbers are written the locale's way:
    whole numbers as counts, others with two decimals, dates as days and times of day as
    16:42); any other text is
    shown as it is."""
    if not isinstance(text, Message) or lang == DEFAULT_LANGUAGE:
        return str(text)
    fields: dict[str, object] = {}
    for name, value in text.fields.items():
        if isinstance(value, Message):
            value = translate_message(value, lang, digits)
        elif isinstance(value, date):
            value = format_day(value, lang, digits)
        elif isinstance(value, time):  # a time of day: 16:42, in the language's digits
            value = localise_digits(f"{value:%H:%M}", lang, digits)
        elif isinstance(value, NumberList):
            value = value.text(
                _LIST_SEPARATORS.get(lang, ", "),
                lambda n: localise_digits(str(n), lang, digits),
            )
        elif isinstance(value, numbers.Real) and not isinstance(value, bool):
            unit = "count" if isinstance(value, numbers.Integral) else "number"
            value = format_value(value, unit, lang=lang, digits=digits)
        fields[name] = value
    if isinstance(text.template, tuple):
        translated = plural_translator(lang)(*text.template, text.plural_count or 0)
    else:
        translated = translator(lang)(text.template)
    # a number field's format spec ("{rows:,}") was for the number: it is text now
    translated = _FORMAT_SPEC.sub(r"{\1}", translated)
    try:
        return fill(translated, lang, **fields)
    except (KeyError, IndexError, ValueError):  # a catalog with a broken field: show English
        return str(text)
