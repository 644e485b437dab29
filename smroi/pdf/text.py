"""Lines of text that read right, both on paper and when a program extracts them.

A PDF holds glyphs at positions; what a program extracting the text gets (pypdf, a screen
reader, copy and paste) follows the order of the glyphs in the page's content stream.
fpdf2 (like WeasyPrint) writes a right-to-left line as one text object in visual order,
left to right, and pypdf's `extract_text` reverses every run of right-to-left characters
(U+0590–U+08FF, Arabic presentation forms) in it, adding neutral characters (spaces,
punctuation, Persian digits ۰–۹ and ٫٬٪, U+2000–U+206F) to whichever run is current: a
naive Persian line extracts with its numbers reversed and its final full stop in front.

`draw_line` lays a line out itself. The Unicode bidirectional algorithm (fpdf2's own,
fpdf.bidi) gives each character its place on the page; the line is cut into pieces (a
word, or one neutral character: a space, a full stop, one digit of a Persian number),
each placed where the algorithm puts it, words shaped by HarfBuzz (fpdf2's text shaping:
Persian letters join). The pieces are then written in the line's logical order, each in a
text object of its own (BT … ET), which pypdf reads on its own and adds to the text in
the order it meets them: a right-to-left word, drawn last letter first, it turns back;
a single character has no order to lose. Extracted, the line is the logical sentence.
The bidi controls that smroi's sentences carry (isolates U+2066–U+2069, marks
U+200E/U+200F) place the other characters but are not drawn: they are layout
instructions, and the extracted text is the sentence without them. A bracket in
right-to-left text is drawn as its own glyph mirrored ("(" shows as ")", as the
algorithm's mirroring asks), so that it still extracts as the character written.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from typing import Any

from fpdf.bidi import BidiParagraph
from fpdf.enums import TextDirection

# Layout instructions in smroi's sentences (isolates, embeddings, marks): not drawn.
BIDI_CONTROLS = "\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_CONTROLS = dict.fromkeys(map(ord, BIDI_CONTROLS))
_JOINERS = "\u200c\u200d"  # zero-width non-joiner and joiner: part of a word


def visible(text: str) -> str:
    """The text as drawn: without the bidi controls (layout instructions, not characters)."""
    return text.translate(_CONTROLS)


def is_rtl_char(char: str) -> bool:
    """True for a character pypdf reads as right to left (Hebrew, Arabic, presentation forms)."""
    return (
        "\u0590" <= char <= "\u08ff" or "\ufb1d" <= char <= "\ufdff" or "\ufe70" <= char <= "\ufeff"
    )


def is_neutral(char: str) -> bool:
    """True for a character pypdf adds to whichever run it is reading (its neutral ranges)."""
    return (
        char <= "\x2f"
        or "\x3a" <= char <= "\x40"
        or "\u0660" <= char <= "\u066d"
        or "\u06f0" <= char <= "\u06f9"
        or "\u2000" <= char <= "\u206f"
        or "\u20a0" <= char <= "\u21ff"
    )


def _class(char: str) -> str:
    """pypdf's class of a character: "R", "L" or "N" (neutral)."""
    if is_neutral(char):
        return "N"
    return "R" if is_rtl_char(char) else "L"


def has_rtl(text: str) -> bool:
    """True when a text holds a right-to-left character."""
    return any(is_rtl_char(char) and not is_neutral(char) for char in text)


@dataclass
class _Piece:
    """Characters drawn in one call: a word, or one neutral character."""

    first: int  # logical index of its first character
    text: str  # in logical order
    rtl: bool  # drawn right to left (a right-to-left word)
    x: float = 0.0
    width: float = 0.0
    kind: str = "N"  # pypdf's class of its characters
    mirrored: bool = False  # a bracket in right-to-left text: "(" drawn as ")"
    chars: list[int] = field(default_factory=list)


def _word_char(char: str) -> bool:
    return not is_neutral(char) or char in _JOINERS or unicodedata.category(char) == "Mn"


def _pieces(text: str, rtl: bool) -> list[_Piece]:
    """The line's pieces in visual order, left to right."""
    direction = TextDirection.RTL if rtl else TextDirection.LTR
    paragraph = BidiParagraph(text, base_direction=direction, preserve_bn_chars=True)
    visual = paragraph.get_reordered_characters()
    pieces: list[_Piece] = []
    for char in visual:
        index, level = char.character_index, char.embedding_level
        letter = char.character
        if letter in BIDI_CONTROLS:  # they place the others; not drawn
            continue
        odd = bool(level % 2)
        last = pieces[-1] if pieces else None
        step = -1 if odd else 1
        if (
            last is not None
            and _word_char(letter)
            and _word_char(last.text[-1] if not last.rtl else last.text[0])
            and last.kind != "N"
            and last.rtl == odd
            and last.chars[-1] + step == index
            and (_class(letter) in (last.kind, "N"))
        ):
            last.chars.append(index)
            last.text = last.text + letter if not odd else letter + last.text
            last.first = min(last.chars)
            continue
        kind = _class(letter) if _word_char(letter) and letter not in _JOINERS else "N"
        mirrored = odd and kind == "N" and bool(unicodedata.mirrored(letter))
        pieces.append(
            _Piece(first=index, text=letter, rtl=odd, kind=kind, chars=[index], mirrored=mirrored)
        )
    return pieces


def line_width(pdf: Any, text: str) -> float:
    """The width of a line as drawn, in the document's unit."""
    return float(pdf.get_string_width(visible(text)))


def draw_line(
    pdf: Any,
    text: str,
    left: float,
    top: float,
    width: float,
    height: float,
    *,
    rtl: bool,
    align: str = "start",
) -> None:
    """Draw one line of text in the box (left, top, width, height), from its start edge
    (the right one when `rtl`), "end" or "center"; extracted, it reads in logical order."""
    shown = visible(text)
    if not shown:
        return
    total = pdf.get_string_width(shown)
    if align == "center":
        start = left + (width - total) / 2
    elif (align == "start") == rtl:
        start = left + width - total
    else:
        start = left
    if not has_rtl(shown) and not rtl:
        pdf.set_xy(start, top)
        pdf.cell(w=total, h=height, text=shown)
        return
    pieces = _pieces(text, rtl)  # with the controls, which place the rest
    x = start
    for piece in pieces:
        piece.width = pdf.get_string_width(piece.text)
        piece.x = x
        x += piece.width
    scale = total / (x - start) if x > start else 1.0  # the line's shaped width, kept
    for piece in sorted(pieces, key=lambda piece: piece.first):  # logical order
        _draw(pdf, piece, start + (piece.x - start) * scale, top, height)


def _draw(pdf: Any, piece: _Piece, x: float, top: float, height: float) -> None:
    """One piece in its own text object (BT … ET), which pypdf reads on its own; a
    bracket in right-to-left text is its own glyph flipped, so it still extracts as
    itself ("(" stays "(" in the text, and shows as ")")."""
    pdf.set_xy(x, top)
    if piece.mirrored:
        with pdf.mirror((x + piece.width / 2, top), "NORTH"):
            pdf.cell(w=piece.width, h=height, text=piece.text)
    else:
        pdf.cell(w=piece.width, h=height, text=piece.text)


def wrap_lines(pdf: Any, text: str, width: float) -> list[str]:
    """A paragraph's lines, broken between words so that each fits `width` as drawn (a
    word wider than the line keeps a line of its own)."""
    lines: list[str] = []
    for paragraph in text.split("\n"):  # the controls kept: draw_line places by them
        line = ""
        for word in paragraph.split(" "):
            candidate = f"{line} {word}" if line else word
            if line and pdf.get_string_width(visible(candidate)) > width:
                lines.append(line)
                line = word
            else:
                line = candidate
        lines.append(line)
    return lines
