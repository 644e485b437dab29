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
from functools import lru_cache

from charset_normalizer import from_bytes
from charset_normalizer.constant import IANA_SUPPORTED
from charset_normalizer.utils import is_multi_byte_encoding as _is_multi_byte

MOST_READINGS = 8  # distinct readings compared word by word
CHUNK_BYTES = 4096
THRESHOLD = 0.4  # charset-normalizer's most chaos in a reading it proposes
# a word: letters, digits and characters beyond ASCII, between ASCII spaces and punctuation
WORD = re.compile(
    r"[^\x00-\x2f\x3a-\x40\x5b-\x60\x7b-\x7f\s]*[^\x00-\x7f][^\x00-\x2f\x3a-\x40\x5b-\x60\x7b-\x7f\s]*"
)
SYMBOLS = frozenset({"No", "Po", "Sc", "Sk", "Sm", "So", "Co", "Cn", "Cc"})
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


def legacy_encodings(sample: bytes) -> list[str]:
    """The encodings that `sample` (text that is not UTF-8) may be in, the likeliest first,
    Windows-1252 among them (the only one when it holds nothing beyond ASCII)."""
    if sample.isascii():
        return ["cp1252"]
    chunk = min(CHUNK_BYTES, len(sample))
    steps = max(1, -(-len(sample) // chunk))
    matches = [
        (0, match)
        for match in from_bytes(sample, steps=steps, chunk_size=chunk, threshold=THRESHOLD)
    ]
    if any(is_multi_byte_encoding(match.encoding) for _pass, match in matches):
        # charset-normalizer skips single-byte encodings once a multi-byte one fits; they
        # come second, for a text whose multi-byte readings garble its words
        matches += [
            (1, match)
            for match in from_bytes(
                sample, steps=steps, chunk_size=chunk, threshold=THRESHOLD, cp_exclusion=MULTI_BYTE
            )
        ]
    readings: dict[str, tuple[float, float, str]] = {}  # text -> chaos, coherence, encoding
    ranked: list[tuple[int, int, float, float, bool, str]] = []
    for second, match in matches:
        named = [match.encoding, *match.could_be_from_charset]
        for encoding in dict.fromkeys(SUPERSETS.get(name, name) for name in named):
            try:
                text = sample.decode(encoding, errors="replace")
            except LookupError:
                continue
            if text not in readings and len(readings) >= MOST_READINGS:
                continue
            readings.setdefault(text, (match.chaos, match.coherence, encoding))
            odd = garbled_words(text)
            chaos, coherence = round(match.chaos, 2), -round(match.coherence, 2)
            ranked.append((odd, second, chaos, coherence, encoding != "cp1252", encoding))
    ranked.sort()
    return list(dict.fromkeys([*(encoding for *_key, encoding in ranked), "cp1252"]))


def garbled_words(text: str) -> int:
    """How many words of `text` look garbled by a wrong encoding: their letters are of two
    scripts (Japanese kanji and kana count as one), or a symbol stands between letters."""
    return sum(_garbled(word) for word in WORD.findall(text))


@lru_cache(maxsize=65536)
def _script(char: str) -> str:
    """The script of a letter, by the first word of its Unicode name."""
    first = unicodedata.name(char, "?").split(" ", 1)[0]
    return "CJK" if first in JAPANESE else first


@lru_cache(maxsize=65536)
def _garbled(word: str) -> bool:
    scripts = {_script(char) for char in word if char.isalpha()}
    if len(scripts) > 1:
        return True
    after_letter = between = False  # a letter came last; symbols came after a letter
    for char in word:
        if char.isalpha():
            if between:
                return True
            after_letter, between = True, False
        elif not char.isascii() and unicodedata.category(char) in SYMBOLS:
            between = between or after_letter
        else:
            after_letter = between = False
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
