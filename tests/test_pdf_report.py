"""The PDF report (smroi.pdf): figures, tables and Persian text, read back with pypdf."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from smroi.cli import _load
from smroi.formatting import format_day, format_value
from smroi.i18n import fill, translator
from smroi.narrative import headline_sentence
from smroi.pdf import report_pdf
from smroi.pdf.text import BIDI_CONTROLS, draw_line
from smroi.settings import Settings

# 12 small campaigns (10 spent, 20 brought in each) and two with a user's hostile names.
ROWS = [
    '2026-06-01,facebook,"=HYPERLINK(""http://x.io"")",true,100,50,1000,2,300',
    "2026-06-03,linkedin,Organic,false,0,3,500,0,0",
    "2026-06-02,instagram,<script>alert(1)</script>,true,50,20,800,1,100",
    *[f"2026-06-03,facebook,Camp {n:02d},true,10,5,100,1,20" for n in range(1, 13)],
]
CSV = "date,platform,campaign,paid,spend,clicks,impressions,conversions,revenue\n" + "\n".join(ROWS)


def text_of(pdf: bytes) -> str:
    """Every page's extracted text."""
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


@pytest.fixture(scope="module")
def english(tmp_path_factory: pytest.TempPathFactory) -> str:
    """The fixture's report in English, extracted (rendered once for the module)."""
    path = tmp_path_factory.mktemp("pdf") / "ads.csv"
    path.write_text(CSV)
    settings = Settings()
    table, reports = _load([path], settings.column_map, None, None, {}, {})
    return text_of(report_pdf(table, reports, settings, link="https://roi.example.com/?report=T"))


def test_the_headline_figures_are_the_hand_worked_ones(english: str) -> None:
    # cost = ad spend 100 + 50 + 12 x 10 = 270 (no fixed costs); return = revenue
    # 300 + 100 + 12 x 20 = 640; ROI = (640 - 270) / 270 = 137.04 % (docs/METRICS.md 1-3)
    assert "$270.00" in english
    assert "$640.00" in english
    assert "137.0%" in english
    assert "ROAS" in english and "2.37x" in english  # 640 / 270


def test_a_users_campaign_names_are_printed_as_text(english: str) -> None:
    assert '=HYPERLINK("http://x.io")' in english
    assert "<script>alert(1)</script>" in english


def test_a_long_table_shows_its_top_rows_and_how_many_more(english: str) -> None:
    # 15 campaigns, the 10 with the most ad spend shown: the two hostile ones and 8 of the
    # 12 that spent 10 each; Organic (nothing spent) is among the 5 left out
    assert "and 5 more" in english
    assert sum(f"Camp {n:02d}" in english for n in range(1, 13)) == 8


def test_undefined_numbers_are_a_dash_never_zero(english: str) -> None:
    # linkedin spent nothing and sold nothing: its ROI, ROAS and cost per sale are "—"
    line = next(line for line in english.split("\n") if line.startswith("linkedin $0.00"))
    assert line == "linkedin $0.00 $0.00 $0.00 — — —"  # cost, return, profit, ROI, ROAS, CPS
    assert "Made by smroi · https://roi.example.com/?report=T" in english
    assert "Page 1 of" in english


def extracted_line(text: str, lang: str) -> str:
    """One line drawn as the report draws it, extracted again by pypdf."""
    from smroi.pdf.layout import Page

    page = Page(lang, "t")
    page.font(10)
    draw_line(page.pdf, text, 15, 20, 180, 5, rtl=lang == "fa")
    return PdfReader(io.BytesIO(page.output())).pages[0].extract_text()


def without_controls(text: str) -> str:
    return text.translate(dict.fromkeys(map(ord, BIDI_CONTROLS)))


@pytest.mark.parametrize(
    "sentence",
    [
        translator("fa")("Social media ROI report"),  # a heading
        translator("fa")("Earned media value is an estimate and is not counted in return."),
        headline_sentence(
            {"cost": 1234.5, "return": 1666.66, "profit": 432.16, "roi_pct": 35.0},
            "USD",
            lang="fa",
            caveat=False,
        ),
        headline_sentence(
            {"cost": 20.0, "return": 10.0, "profit": -10.0, "roi_pct": -50.0}, "IRR", lang="fa"
        ),
        "شبکه‌های اجتماعی ۱۲۳٫۴۵ دلار هزینه داشت و سود ROI ۳۵٪ بود.",
        fill(  # the period line: brackets, drawn mirrored, still extract as written
            translator("fa")("{first} – {last} ({months})"),
            "fa",
            first=format_day(date(2026, 6, 1), "fa"),
            last=format_day(date(2026, 9, 28), "fa"),
            months=format_value(3.9, "months", lang="fa"),
        ),
    ],
)
def test_a_persian_sentence_extracts_as_the_catalog_writes_it(sentence: str) -> None:
    assert any("\u0600" <= char <= "\u06ff" for char in sentence)
    assert extracted_line(sentence, "fa") == without_controls(sentence)


@pytest.mark.parametrize(
    ("sentence", "lang"),
    [
        (translator("nb")("Earned media value is an estimate and is not counted in return."), "nb"),
        ("Blåbærsyltetøy på øya: 1 234,50 kr.", "nb"),
        (
            headline_sentence(
                {"cost": 20.0, "return": 30.0, "profit": 10.0, "roi_pct": 50.0}, "USD"
            ),
            "en",
        ),
    ],
)
def test_norwegian_and_english_lines_extract_as_written(sentence: str, lang: str) -> None:
    assert extracted_line(sentence, lang) == without_controls(sentence)


def test_a_persian_report_is_right_to_left_and_holds_the_verdict(tmp_path: Path) -> None:
    path = tmp_path / "ads.csv"
    path.write_text(CSV)
    settings = Settings()
    table, reports = _load([path], settings.column_map, None, None, {}, {})
    text = text_of(report_pdf(table, reports, settings, lang="fa"))
    first = text.split("\n")[0]
    assert first == translator("fa")("Social media ROI report")
    assert "۱۳۷٫۰٪" in text  # the ROI in Persian digits, in reading order


def test_a_persian_tables_rows_extract_cell_by_cell(tmp_path: Path) -> None:
    path = tmp_path / "ads.csv"
    path.write_text(CSV)
    settings = Settings()
    table, reports = _load([path], settings.column_map, None, None, {}, {})
    text = text_of(report_pdf(table, reports, settings, lang="fa"))
    # the campaigns' table, first column on the right: platform, campaign, ad spend, ...
    assert "instagram <script>alert(1)</script> ۵۰٫۰۰\xa0$ ۵۰٫۰۰\xa0$ ۲٫۵۰\xa0$" in text
