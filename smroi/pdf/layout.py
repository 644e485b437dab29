"""The PDF's pages: headings, paragraphs, coloured boxes, lists and tables, in either direction.

`Page` wraps an fpdf2 document on A4 in millimetres with the bundled DejaVu Sans (regular
and bold: every Persian letter of the catalog). Text is drawn line by line through
smroi.pdf.text.draw_line, so a Persian page runs right to left, joins its letters and
extracts in reading order. Tables put their first column at the start edge (the right
one in Persian), as the app's tables do. Room for a chart is reserved with `reserve`;
smroi.pdf.charts places the chart's vector page there after the document is written.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib.resources import files
from typing import Any

from fpdf import FPDF

from smroi.i18n import is_rtl
from smroi.pdf.text import draw_line, visible, wrap_lines

FONT = "DejaVu"
MARGIN = 15.0  # mm
FOOTER_ROOM = 14.0  # mm kept free at the page's foot for its number and "Made by smroi"
TEXT_COLOUR = (49, 51, 63)  # the app's text colour (#31333f)
MUTED_COLOUR = (110, 110, 120)
RULE_COLOUR = (200, 205, 215)
HEADER_FILL = (232, 238, 244)  # the workbook's header fill (#e8eef4)
# The app's verdict boxes (st.success, st.error, st.info): fill and text colour.
BOX_COLOURS: dict[str, tuple[tuple[int, int, int], tuple[int, int, int]]] = {
    "paid": ((223, 240, 225), (23, 92, 35)),
    "not_paid": ((251, 226, 226), (125, 25, 25)),
    "unknown": ((220, 234, 248), (20, 70, 130)),
}


@dataclass(frozen=True)
class Reserved:
    """A rectangle kept for a chart: its page (1-based) and place in millimetres."""

    page: int
    left: float
    top: float
    width: float
    height: float


class Page:
    """An A4 report being laid out, top to bottom, in one language's direction."""

    def __init__(self, lang: str, title: str) -> None:
        self.rtl = is_rtl(lang)
        self.pdf = FPDF(orientation="portrait", unit="mm", format="A4")
        self.pdf.set_auto_page_break(False)
        self.pdf.set_margins(MARGIN, MARGIN, MARGIN)
        fonts = files("smroi") / "fonts"
        self.pdf.add_font(FONT, "", str(fonts / "DejaVuSans.ttf"))
        self.pdf.add_font(FONT, "B", str(fonts / "DejaVuSans-Bold.ttf"))
        self.pdf.set_text_shaping(use_shaping_engine=True)
        self.pdf.c_margin = 0  # a piece of a line starts where draw_line puts it
        self.pdf.set_title(visible(title))
        self.pdf.set_creator("smroi")
        self.pdf.set_lang(lang)
        self.pdf.set_text_color(*TEXT_COLOUR)
        self.y = MARGIN
        self.pdf.add_page()

    @property
    def width(self) -> float:
        """The width between the margins, in mm."""
        return float(self.pdf.w) - 2 * MARGIN

    @property
    def bottom(self) -> float:
        """The lowest y a line may reach on a page."""
        return float(self.pdf.h) - MARGIN - FOOTER_ROOM

    def room(self, height: float) -> None:
        """Start a new page unless `height` mm still fit on this one."""
        if self.y + height > self.bottom and self.y > MARGIN:
            self.pdf.add_page()
            self.y = MARGIN

    def new_page(self) -> None:
        """Start a new page (unless this one is still empty)."""
        if self.y > MARGIN:
            self.pdf.add_page()
            self.y = MARGIN

    def gap(self, height: float) -> None:
        """Leave `height` mm of space."""
        self.y += height

    def font(self, size: float, bold: bool = False) -> None:
        """Set the font size (pt) and weight of the text that follows."""
        self.pdf.set_font(FONT, "B" if bold else "", size)

    def text(
        self,
        text: str,
        *,
        size: float = 10,
        bold: bool = False,
        colour: tuple[int, int, int] | None = None,
        left: float = 0.0,
        width: float | None = None,
        align: str = "start",
    ) -> None:
        """A paragraph, wrapped to the width; `left` mm indented from the start edge."""
        self.font(size, bold)
        self.pdf.set_text_color(*(colour or TEXT_COLOUR))
        width = (self.width - left) if width is None else width
        height = size * 0.5
        for line in wrap_lines(self.pdf, text, width):
            self.room(height)
            self._line(line, left, width, height, align)
            self.y += height
        self.pdf.set_text_color(*TEXT_COLOUR)

    def _line(self, line: str, left: float, width: float, height: float, align: str) -> None:
        """One line at the current y, `left` mm from the start edge."""
        x = MARGIN + (self.width - left - width if self.rtl else left)
        draw_line(self.pdf, line, x, self.y, width, height, rtl=self.rtl, align=align)

    def heading(self, text: str, size: float = 14) -> None:
        """A section's heading, kept with at least a few lines below it."""
        self.room(size * 0.6 + 30)
        self.gap(2)
        self.text(text, size=size, bold=True)
        self.gap(1.5)

    def box(self, text: str, kind: str, *, size: float = 11) -> None:
        """A coloured box around a paragraph, as the app's verdict box."""
        fill, ink = BOX_COLOURS[kind]
        self.font(size)
        pad = 3.0
        lines = wrap_lines(self.pdf, text, self.width - 2 * pad)
        height = len(lines) * size * 0.5 + 2 * pad
        self.room(height)
        self.pdf.set_fill_color(*fill)
        self.pdf.rect(MARGIN, self.y, self.width, height, style="F")
        self.y += pad
        self.text(text, size=size, colour=ink, left=pad, width=self.width - 2 * pad)
        self.y += pad + 2

    def bullets(self, items: list[str], *, size: float = 9.5) -> None:
        """A short list, one item a paragraph after a bullet."""
        for item in items:
            self.text(f"• {item}", size=size, left=2)

    def figures(self, cards: list[tuple[str, str, str]]) -> None:
        """Figures side by side, as the app's cards: (label, value, line under it)."""
        per_row = 3
        gap = 3.0
        card_width = (self.width - gap * (per_row - 1)) / per_row
        for start in range(0, len(cards), per_row):
            row = cards[start : start + per_row]
            height = 21.0 if any(under for _, _, under in row) else 16.0
            self.room(height + gap)
            for position, (label, value, under) in enumerate(row):
                offset = position * (card_width + gap)
                left = MARGIN + (self.width - offset - card_width if self.rtl else offset)
                self.pdf.set_draw_color(*RULE_COLOUR)
                self.pdf.rect(left, self.y, card_width, height)
                top = self.y + 2
                for text, font_size, bold, colour in (
                    (label, 8.5, False, MUTED_COLOUR),
                    (value, 15, True, TEXT_COLOUR),
                    (under, 7.5, False, MUTED_COLOUR),
                ):
                    if not text:
                        continue
                    self.font(font_size, bold)
                    self.pdf.set_text_color(*colour)
                    line = wrap_lines(self.pdf, text, card_width - 4)[0]
                    draw_line(
                        self.pdf,
                        line,
                        left + 2,
                        top,
                        card_width - 4,
                        font_size * 0.45,
                        rtl=self.rtl,
                    )
                    top += font_size * 0.45 + 1.2
                self.pdf.set_text_color(*TEXT_COLOUR)
            self.y += height + gap

    def table(
        self,
        headers: list[str],
        rows: list[list[str]],
        *,
        numeric: list[bool],
        more: str = "",
        size: float = 8,
    ) -> None:
        """A table of text cells (already formatted), its header on every page it spans;
        numbers at the cells' end edge; `more` under it ("and 12 more")."""
        self.font(size)
        widths = self._column_widths(headers, rows, numeric, size)
        height = size * 0.5
        self.room(3 * (height + 1))
        self._table_row(headers, widths, height, numeric, header=True)
        for row in rows:
            if self.y + height + 1 > self.bottom:
                self.new_page()
                self._table_row(headers, widths, height, numeric, header=True)
            self._table_row(row, widths, height, numeric)
        if more:
            self.gap(0.5)
            self.text(more, size=size, colour=MUTED_COLOUR)
        self.gap(2)

    def _column_widths(
        self, headers: list[str], rows: list[list[str]], numeric: list[bool], size: float
    ) -> list[float]:
        """Each column's width: its widest cell, shared out to fill the page's width. When
        the table is too wide, text columns give way (their cells end in "…"); a number is
        never cut."""
        self.font(size, bold=True)
        heads = [_two_line_width(self.pdf, visible(header)) + 3 for header in headers]
        self.font(size)
        cells = [3.0] * len(headers)
        for row in rows:
            for column, cell in enumerate(row):
                cells[column] = max(cells[column], self.pdf.get_string_width(visible(cell)) + 3)
        wanted = [max(head, cell) for head, cell in zip(heads, cells, strict=True)]
        total = sum(wanted)
        if total <= self.width:
            return [width + (self.width - total) / len(wanted) for width in wanted]
        fixed = sum(cell for cell, number in zip(cells, numeric, strict=True) if number)
        texts = [width for width, number in zip(wanted, numeric, strict=True) if not number]
        room = max(self.width - fixed, 20.0 * len(texts))
        scale = min(1.0, room / sum(texts)) if texts else 1.0
        spare = self.width - fixed - sum(width * scale for width in texts)
        numbers = sum(numeric) or 1
        return [
            cell + max(spare, 0) / numbers if number else width * scale
            for width, cell, number in zip(wanted, cells, numeric, strict=True)
        ]

    def _table_row(
        self,
        cells: list[str],
        widths: list[float],
        height: float,
        numeric: list[bool],
        header: bool = False,
    ) -> None:
        """One row of cells from the start edge, each cut to its column's width."""
        self.font(height * 2, bold=header)
        lines = [
            _header_lines(self.pdf, visible(cell), width - 2) if header else [cell]
            for cell, width in zip(cells, widths, strict=True)
        ]
        tall = max(len(cell_lines) for cell_lines in lines) * height
        if header:
            self.pdf.set_fill_color(*HEADER_FILL)
            self.pdf.rect(MARGIN, self.y, self.width, tall + 1, style="F")
        offset = 0.0
        for cell_lines, width, number in zip(lines, widths, numeric, strict=True):
            left = MARGIN + (self.width - offset - width if self.rtl else offset)
            for row, line in enumerate(cell_lines):
                draw_line(
                    self.pdf,
                    _cut(self.pdf, visible(line), width - 2),
                    left + 1,
                    self.y + 0.5 + row * height,
                    width - 2,
                    height,
                    rtl=self.rtl,
                    align="end" if number and not header else "start",
                )
            offset += width
            if self.rtl and offset < self.width:  # pypdf adds no space going leftwards
                self._space(MARGIN + self.width - offset, self.y + 0.5, height)
        self.y += tall + 1
        self.pdf.set_draw_color(*RULE_COLOUR)
        self.pdf.line(MARGIN, self.y, MARGIN + self.width, self.y)

    def _space(self, left: float, top: float, height: float) -> None:
        """An invisible space between two cells of a right-to-left row, so that the text
        extracted from the row keeps its cells apart."""
        self.pdf.set_xy(left, top)
        self.pdf.cell(w=0.01, h=height, text=" ")

    def reserve(self, width: float, height: float) -> Reserved:
        """Keep a rectangle of this size at the current place (a new page if it does not
        fit) for a chart, centred between the margins."""
        self.room(height)
        place = Reserved(
            page=self.pdf.page,
            left=MARGIN + (self.width - width) / 2,
            top=self.y,
            width=width,
            height=height,
        )
        self.y += height + 3
        return place

    def footers(self, left_text: str, page_text: Any) -> None:
        """Each page's foot: `left_text` (Made by smroi, the link) and `page_text(n, total)`."""
        total = self.pdf.pages_count
        for number in range(1, total + 1):
            self.pdf.page = number
            self.font(7.5)
            self.pdf.set_text_color(*MUTED_COLOUR)
            top = float(self.pdf.h) - MARGIN - 5
            self.pdf.set_draw_color(*RULE_COLOUR)
            self.pdf.line(MARGIN, top - 1.5, MARGIN + self.width, top - 1.5)
            draw_line(self.pdf, left_text, MARGIN, top, self.width, 4, rtl=self.rtl)
            if self.rtl:
                self._space(MARGIN + self.width / 2, top, 4)
            draw_line(
                self.pdf,
                page_text(number, total),
                MARGIN,
                top,
                self.width,
                4,
                rtl=self.rtl,
                align="end",
            )
        self.pdf.set_text_color(*TEXT_COLOUR)

    def output(self) -> bytes:
        """The document's bytes."""
        return bytes(self.pdf.output())


def _cut(pdf: Any, text: str, width: float) -> str:
    """The text cut with "…" to fit `width` mm."""
    if pdf.get_string_width(text) <= width:
        return text
    while text and pdf.get_string_width(text + "…") > width:
        text = text[:-1]
    return text.rstrip() + "…"


def _header_lines(pdf: Any, text: str, width: float) -> list[str]:
    """A column title on at most two lines of `width` mm (the second cut with "…")."""
    lines = wrap_lines(pdf, text, width)
    return lines if len(lines) <= 2 else [lines[0], " ".join(lines[1:])]


def _two_line_width(pdf: Any, text: str) -> float:
    """The narrowest width (mm) that holds a column title on two lines."""
    words = text.split(" ")
    if len(words) == 1:
        return float(pdf.get_string_width(text))
    return min(
        max(
            pdf.get_string_width(" ".join(words[:split])),
            pdf.get_string_width(" ".join(words[split:])),
        )
        for split in range(1, len(words))
    )
