"""Which encoding a text that is not UTF-8 is in: Windows-1252, Shift_JIS, EUC-KR,
GB18030, Big5, Windows-1250 to 1257, ISO-8859-x and the others charset-normalizer knows.

charset-normalizer proposes the encodings (its measure of "chaos" and its language
coherence); on the short texts that small exports are, several decode cleanly, so the
readings are then also compared by how many words they garble: a word whose letters are
of two scripts ("Cr劼e", "밤멩溝죗") or a symbol between two letters ("Wy³¹czenia"). Ties go
to Windows-1252, the encoding of most files that are not UTF-8.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import pairwise

from charset_normalizer import CharsetMatch, from_bytes
from charset_normalizer.constant import IANA_SUPPORTED
from charset_normalizer.utils import is_multi_byte_encoding as _is_multi_byte

# two letters of the scripts of Chinese, Japanese or Korean in a row
KANA = re.compile(r"[\u3041-\u3096\u30a1-\u30fa\u30fc]{2}")  # two kana in a row
CJK_WORD = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]{2}")
# code pages of DOS, classic Mac OS, HP printers, IBM mainframes (EBCDIC) and Korean Johab:
# charset-normalizer proposes them, but no program that exports a report writes them today
RARE = re.compile(
    r"cp(?:037|273|424|437|500|7\d\d|8(?!74)\d\d|1006|1026|1125|1140)|mac_.*|hp_roman8|johab"
)
MOST_READINGS = 12  # distinct readings compared word by word
DAMAGED_FEW = 3
DAMAGED_SHARE = 0.01  # of the characters beyond ASCII that a damaged file may not have
MOST_PASSES = 3  # times charset-normalizer is asked
CHUNK_BYTES = 4096
THRESHOLD = 0.4  # charset-normalizer's most chaos in a reading it proposes
# a word: letters, digits and characters beyond ASCII, between ASCII spaces and punctuation
WORD = re.compile(
    r"[^\x00-\x2f\x3a-\x40\x5b-\x60\x7b-\x7f\s]*[^\x00-\x7f][^\x00-\x2f\x3a-\x40\x5b-\x60\x7b-\x7f\s]*"
)
SYMBOLS = frozenset({"No", "Po", "Sc", "Sk", "Sm", "So", "Cc"})
BEFORE_WORDS = frozenset("¿¡")  # symbols that may stand right before a word: "¿Qué"
AFTER_WORDS = frozenset("®™©°…")  # and right after it: "Brand®", "etc…"
UNREAL = frozenset({"Co", "Cn"})  # private-use and unassigned characters: no text has them
# the scripts Japanese writes one word in
JAPANESE = frozenset({"CJK", "HIRAGANA", "KATAKANA", "KATAKANA-HIRAGANA", "IDEOGRAPHIC"})


def is_multi_byte_encoding(encoding: str) -> bool:
    """Whether a character of `encoding` can take more than one byte (Shift_JIS, GB18030)."""
    try:
        return bool(_is_multi_byte(encoding))
    except (LookupError, ImportError, ModuleNotFoundError):
        return False


MULTI_BYTE = [name for name in IANA_SUPPORTED if is_multi_byte_encoding(name)]
# the encoding a file labelled with the first is really in (the WHATWG Encoding Standard,
# as browsers read them: Windows' supersets)
SUPERSETS = {
    "shift_jis": "cp932",
    "euc_kr": "cp949",
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "big5": "big5hkscs",
    "iso8859_1": "cp1252",
    "latin_1": "cp1252",
    "iso8859_9": "cp1254",
    "iso8859_11": "cp874",
}


@dataclass(frozen=True, order=True)
class _Reading:
    """A reading of a text in one encoding, ordered likeliest first: one that cannot read
    more than a few characters last; then fewest garbled words;
    a multi-byte reading with no word of two CJK letters (a Western text whose "é" and
    next letter make one kanji) after the others; a rare code page (DOS, Mac) after the
    others; charset-normalizer's first proposals before those it skipped; a reading with
    two kana in a row (Japanese read as Chinese has none: "僉儍儞儁乕儞" for "キャンペーン");
    then its chaos and its coherence."""

    unreadable: bool
    garbled: int
    doubtful: bool
    rare: bool
    second: int
    kanaless: bool
    chaos: float
    incoherence: float
    encoding: str = field(compare=False)
    text: str | None = field(default=None, compare=False, repr=False)


# Windows-1254 (Turkish) differs from Windows-1252 in six letters only, which Windows-1252
# reads as letters of Icelandic ("Tıklamalar" as "Týklamalar", "başlangıç" as "baþlangýç");
# Icelandic text also has its other accented letters, which Turkish does not write
TURKISH_AS_ICELANDIC = frozenset("ðþýÐÞÝ")
ICELANDIC_OTHERS = frozenset("áéíóúæÁÉÍÓÚÆ")
# Letters that one language alone writes among those of its code page, and the letters
# beyond ASCII that language writes (its alphabet, lower case). A reading with such a
# letter and two letters its language never writes is no language's text: Polish in
# Windows-1250 read as Windows-1252 ("Wyœwietlenia", "Jesieñ", "Ósma": French œ beside ñ
# and ó), Lithuanian in Windows-1257 read as Windows-1252 ("Iðlaidos", "àþuolas", "ðventë":
# Icelandic ð beside à and ë) or as Windows-1254 ("Işlaidos" beside à and ë). One such
# letter is let through: a menu of "Bœuf" and "Jalapeño" in Windows-1252 is two languages.
ONE_LANGUAGE_LETTERS = {
    "œÿ": "àâæçéèêëîïôœùûüÿ",  # French
    "ðþ": "áéíóúýðþæö",  # Icelandic
    "ığş": "çğıöşüâîû",  # Turkish
}
FOREIGN_LETTERS = 2


def legacy_encodings(sample: bytes) -> list[str]:
    """The encodings that `sample` (text that is not UTF-8) may be in, the likeliest first,
    Windows-1252 among them (the only one when it holds nothing beyond ASCII)."""
    if sample.isascii():
        return ["cp1252"]
    readings = sorted(_readings(sample))
    if readings and (cp1252 := _close_to_cp1252(readings)) is not None:
        readings.insert(0, cp1252)
    if readings and (turkish := _turkish(readings)) is not None:
        readings.insert(0, turkish)
    return list(dict.fromkeys([*(reading.encoding for reading in readings), "cp1252"]))


def no_language(text: str) -> bool:
    """Whether `text` writes a letter that only one language writes (French œ, Icelandic ð,
    Turkish ı) beside a letter that language never writes: the text of another code page,
    read in the wrong one."""
    letters = {char for char in text.lower() if char.isalpha() and not char.isascii()}
    return any(
        letters & set(own) and len(letters - set(alphabet)) >= FOREIGN_LETTERS
        for own, alphabet in ONE_LANGUAGE_LETTERS.items()
    )


def _turkish(readings: list[_Reading]) -> _Reading | None:
    """The Windows-1254 reading when Windows-1252 is first but reads Turkish's own letters as
    Icelandic ones (ı ş ğ as ý þ ð) in a text with none of Icelandic's other accented
    letters, and Windows-1254 garbles no more words."""
    first = readings[0]
    turkish = next((r for r in readings if r.encoding == "cp1254"), None)
    if first.encoding != "cp1252" or turkish is None or turkish.text is None:
        return None
    if (turkish.unreadable, turkish.garbled) > (first.unreadable, first.garbled):
        return None
    if no_language(turkish.text):
        return None
    western = first.text or ""
    if any(c in TURKISH_AS_ICELANDIC for c in western) and not any(
        c in ICELANDIC_OTHERS for c in western
    ):
        return turkish
    return None


def _readings(sample: bytes) -> list[_Reading]:
    """The readings charset-normalizer proposes for the sample, and their measures. It stops
    at the first family of encodings that fits ("definitive match"): a multi-byte one, or
    Cyrillic for Greek; so while the best reading so far garbles words, or is multi-byte,
    it is asked again without the encodings it proposed."""
    chunk = min(CHUNK_BYTES, len(sample))
    steps = max(1, -(-len(sample) // chunk))
    readings: list[_Reading] = []
    texts: set[str] = set()
    proposed: list[str] = []
    for number in range(MOST_PASSES):
        excluded = [*proposed, *MULTI_BYTE] if number else []
        matches = list(
            from_bytes(
                sample, steps=steps, chunk_size=chunk, threshold=THRESHOLD, cp_exclusion=excluded
            )
        )
        if not matches:
            break
        for match in matches:
            proposed += [match.encoding, *match.could_be_from_charset]
            readings += _measured(sample, match, number, texts)
        best = min(readings, default=None)
        if best is None or (best.garbled == 0 and not is_multi_byte_encoding(best.encoding)):
            break
    if "cp1252" not in proposed:  # measured, though charset-normalizer did not propose it
        readings += _measured(sample, _unproposed(sample), MOST_PASSES, set())
    return readings


def _unproposed(sample: bytes) -> CharsetMatch:
    """A Windows-1252 reading of the sample, with the most chaos."""
    return CharsetMatch(sample, "cp1252", 1.0, False, [], None)


def _measured(sample: bytes, match: CharsetMatch, number: int, texts: set[str]) -> list[_Reading]:
    """The readings of one of charset-normalizer's proposals (the encodings that read the
    sample alike), measured; at most MOST_READINGS distinct texts in all (`texts`)."""
    found: list[_Reading] = []
    named = [match.encoding, *match.could_be_from_charset]
    for encoding in dict.fromkeys(SUPERSETS.get(name, name) for name in named):
        try:
            text = sample.decode(encoding, errors="replace")
        except LookupError:
            continue
        if text not in texts and len(texts) >= MOST_READINGS and encoding != "cp1252":
            continue
        texts.add(text)
        found.append(
            _Reading(
                _unreadable(text),
                garbled_words(text),
                is_multi_byte_encoding(encoding) and not CJK_WORD.search(text),
                bool(RARE.fullmatch(encoding)),
                number,
                not KANA.search(text),
                round(match.chaos, 2),
                -round(match.coherence, 2),
                encoding,
                text if encoding in ("cp1252", "cp1254") else None,
            )
        )
    return found


def _close_to_cp1252(readings: list[_Reading]) -> _Reading | None:
    """The Windows-1252 reading when it garbles no more words than the likeliest single-byte
    reading (charset-normalizer's chaos and coherence, on the few words of a
    small export, as often prefer Windows-1257 for Danish as Windows-1254 for Turkish), so
    the encoding of most files that are not UTF-8 goes first. (A Turkish file in
    Windows-1254, whose letters are all letters in Windows-1252 too, is read as Windows-1252.)"""
    best = readings[0]
    for reading in readings:
        if (
            reading.encoding == "cp1252"
            and reading is not best
            and not is_multi_byte_encoding(best.encoding)
            and (reading.unreadable, reading.garbled, reading.doubtful, reading.rare)
            == (best.unreadable, best.garbled, best.doubtful, best.rare)
            and not no_language(reading.text or "")
        ):
            return reading
    return None


def _unreadable(text: str) -> bool:
    """Whether a reading could not read more than a few characters (3, or 1% of those
    beyond ASCII): a damaged file has a few, the wrong encoding many."""
    beyond_ascii = len(text) - len(text.encode("ascii", "ignore"))
    return text.count("\ufffd") > max(DAMAGED_FEW, DAMAGED_SHARE * beyond_ascii)


def garbled_words(text: str) -> int:
    """How many words of `text` look garbled by a wrong encoding: their letters are of two
    scripts (Japanese kanji and kana count as one), most of its Latin letters are accented
    ("Ðàñõîä"), a capital beyond ASCII follows a small letter, or a symbol is stuck to a letter
    ("Wy³¹czenia", "£ódŸ"; a symbol that a single-byte encoding has: not the CJK punctuation
    of "合計：アカウント", and not "¿Qué" or "Brand®")."""
    return sum(_garbled(word) for word in WORD.findall(text))


@lru_cache(maxsize=65536)
def _script(char: str) -> str:
    """The script of a letter, by the first word of its Unicode name."""
    first = unicodedata.name(char, "?").split(" ", 1)[0]
    return "CJK" if first in JAPANESE else first


@lru_cache(maxsize=65536)
def _garbled(word: str) -> bool:
    if any(unicodedata.category(char) in UNREAL for char in word):
        return True
    scripts = {_script(char) for char in word if char.isalpha()}
    if len(scripts) > 1:
        return True
    # a capital beyond ASCII right after a small letter: "CafÃ©", "релЬфет" (Greek as Cyrillic)
    if any(a.islower() and b.isupper() and not b.isascii() for a, b in pairwise(word)):
        return True
    latin = [char for char in word if char.isalpha() and _script(char) == "LATIN"]
    if len(latin) >= 4 and sum(not char.isascii() for char in latin) * 2 > len(latin):
        return True  # "Ðàñõîä": Russian read as Windows-1252
    for index, char in enumerate(word):
        if "\x7f" < char < "\u3000" and unicodedata.category(char) in SYMBOLS:
            before = word[index - 1] if index else ""
            after = word[index + 1 : index + 2]
            if (before.isalpha() and char not in AFTER_WORDS) or (
                after.isalpha() and char not in BEFORE_WORDS
            ):
                return True
    return False


ENCODING_NAMES = {"cp932": "Shift_JIS", "shift_jis": "Shift_JIS", "cp949": "EUC-KR"}


def encoding_name(encoding: str) -> str:
    """The name people know an encoding by: 'cp1251' -> 'Windows-1251'."""
    if encoding.replace("_", "-").startswith("utf-16"):
        return "UTF-16"
    if encoding in ENCODING_NAMES:
        return ENCODING_NAMES[encoding]
    if found := re.fullmatch(r"cp(125\d)", encoding):
        return f"Windows-{found.group(1)}"
    if found := re.fullmatch(r"iso8859_(\d+)", encoding):
        return f"ISO-8859-{found.group(1)}"
    return encoding.upper().replace("_", "-")
