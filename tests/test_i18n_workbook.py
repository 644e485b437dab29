"""The Excel report in Norwegian and Persian (issue 9): sheet names, column titles, number
formats with the language's currency symbol, right-to-left sheets, translated reasons.

Every expected text is written out by hand here. The table of most tests is January 2026:

| date   | platform  | campaign | spend | impr.  | clicks | leads | sales | revenue |
|--------|-----------|----------|-------|--------|--------|-------|-------|---------|
| 5 Jan  | facebook  | A        | 200   | 10,000 | 200    | 10    | 6     | 700     |
| 20 Jan | instagram | B        | 100   | 5,000  | 50     | 2     | 3     | 200     |

and the file it comes from also has a totals row (row 4) and a row with no date (row 5),
which the import report lists as left out. The goal: leads, 10 a month.
"""

from __future__ import annotations

import io
from typing import Any

import openpyxl
import pandas as pd
import pytest

import smroi
from smroi.cli import main
from smroi.settings import Goal, Settings
from smroi.workbook import (
    SHEET_NAMES,
    money_format,
    number_format,
    report_workbook,
    sheet_names,
)

CSV = (
    b"date,platform,campaign,spend,impressions,clicks,leads,conversions,revenue\n"
    b"2026-01-05,facebook,A,200,10000,200,10,6,700\n"
    b"2026-01-20,instagram,B,100,5000,50,2,3,200\n"
    b"Total,,,300,15000,250,12,9,900\n"
    b"not a day,facebook,A,10,100,1,0,0,0\n"
)
FSI, PDI = "\u2068", "\u2069"  # Persian sentences wrap each filled-in value in an isolate

NB_SHEETS = [
    "Sammendrag",
    "Per plattform",
    "Per kampanje",
    "Per innlegg og annonse",
    "Over tid",
    "Fortjente medier",
    "Trakt",
    "Mål",
    "Data",
    "Importrapport",
]
FA_SHEETS = [
    "خلاصه",
    "به تفکیک پلتفرم",
    "به تفکیک کمپین",
    "به تفکیک پست و تبلیغ",
    "در طول زمان",
    "رسانهٔ اکتسابی",
    "قیف فروش",
    "اهداف",
    "داده\u200cها",
    "گزارش ورود داده\u200cها",
]


def january() -> tuple[pd.DataFrame, list[smroi.ImportReport]]:
    table, report = smroi.read_file("ads.csv", CSV)
    return table, [report]


def export(lang: str, currency: str = "NOK", **kw: Any) -> openpyxl.Workbook:
    table, reports = january()
    settings = Settings(currency=currency, goals=(Goal(metric="leads", target=10, period="month"),))
    data = report_workbook(table, reports, settings, period="month", lang=lang, **kw)
    return openpyxl.load_workbook(io.BytesIO(data))


def header(sheet: Any, row: int = 1) -> list[Any]:
    return [cell.value for cell in sheet[row] if cell.value is not None]


def column_of(sheet: Any, title: str, row: int = 1) -> list[Any]:
    """The cells under a column title (header in `row`), down to the first empty one."""
    col = next(cell.column for cell in sheet[row] if cell.value == title)
    cells = []
    for offset in range(row + 1, sheet.max_row + 1):
        cell = sheet.cell(offset, col)
        if cell.value is None:
            break
        cells.append(cell)
    return cells


def texts(sheet: Any) -> list[str]:
    return [cell.value for row in sheet.iter_rows() for cell in row if isinstance(cell.value, str)]


# ---------------------------------------------------------------- Norwegian


def test_norwegian_sheet_names_and_column_titles() -> None:
    book = export("nb")
    assert book.sheetnames == NB_SHEETS
    platforms = book["Per plattform"]
    assert header(platforms)[:4] == ["Plattform", "Annonsekostnad", "Visninger", "Klikk"]
    assert {"Total kostnad", "Avkastning", "Fortjeneste", "Kostnad per salg"} <= set(
        header(platforms)
    )
    assert header(book["Per innlegg og annonse"])[0] == "Innlegg / annonse"
    assert header(book["Over tid"])[:3] == ["Måned som starter", "Dager med data", "Delvis periode"]
    assert header(book["Importrapport"]) == [
        "Fil",
        "Eksport gjenkjent",
        "Plattformer",
        "Rader lest",
        "Rader brukt",
        "Rader utelatt",
        "Valuta",
        "Ark",
        "Problem",
    ]
    # the Data sheet keeps the canonical names, so that it reads back into smroi
    assert header(book["Data"])[:3] == ["date", "platform", "campaign"]
    assert not any(sheet.sheet_view.rightToLeft for sheet in book.worksheets)


def test_norwegian_summary_words_and_values() -> None:
    summary = export("nb")["Sammendrag"]
    assert summary["A1"].value == "ROI-rapport for sosiale medier"
    labels = [summary.cell(row, 1).value for row in range(3, 9)]
    assert labels == [
        "Periodestart",
        "Periodeslutt",
        "Måneder dekket",
        "Valuta",
        "Plattformer",
        "Rader brukt",
    ]
    assert summary["B7"].value == "alle"
    assert summary["B8"].value == 2
    words = texts(summary)
    assert "Innstillingene bak disse tallene" in words
    assert "Mål: Leads" in words
    assert "per måned" in words


def test_norwegian_number_formats_put_the_symbol_after_the_amount() -> None:
    book = export("nb", currency="EUR")
    summary = book["Sammendrag"]
    cost = next(row for row in summary.iter_rows() if row[0].value == "Total kostnad")[1]
    assert cost.value == 300
    assert cost.number_format == '#,##0.00 "€"'  # English: "€"#,##0.00
    roi = next(row for row in summary.iter_rows() if row[0].value == "ROI")[1]
    assert roi.value == pytest.approx(2.0)  # (900 - 300) / 300, a true percentage
    assert roi.number_format == "#,##0.0 %"
    assert summary["B5"].number_format == '#,##0.0" måneder"'
    days = column_of(book["Over tid"], "Måned som starter")
    assert days[0].number_format == "yyyy-mm-dd"  # dates stay dates
    assert days[0].value.date().isoformat() == "2026-01-01"


def test_money_formats_per_language() -> None:
    assert money_format("USD") == '"$"#,##0.00'
    assert money_format("NOK") == '#,##0.00 "kr"'
    assert money_format("USD", lang="nb") == '#,##0.00 "USD"'
    assert money_format("NOK", lang="nb") == '#,##0.00 "kr"'
    assert money_format("IRR", lang="fa") == '#,##0 "ریال"'
    assert money_format("USD", lang="fa") == '#,##0.00 "$"'
    assert number_format("months", "NOK", lang="fa") == '#,##0.0" ماه"'
    assert number_format("percent", "NOK", lang="fa") == "#,##0.0%"


def test_norwegian_import_report_translates_the_reasons() -> None:
    sheet = export("nb")["Importrapport"]
    top = next(row[0].row for row in sheet.iter_rows() if row[0].value == "Rader utelatt")
    assert header(sheet, top + 1) == ["Fil", "Rad i filen", "Årsak"]
    reasons = [cell.value for cell in column_of(sheet, "Årsak", top + 1)]
    assert reasons == [
        "en totalrad (å ta den med ville telle alt to ganger)",
        "ikke en dato i kolonnen date",
    ]
    assert "Merknader" in texts(sheet)


def test_norwegian_goals_and_funnel_sheets() -> None:
    book = export("nb")
    goals = texts(book["Mål"])
    assert goals[0] == "Mål"
    assert "Leads: 10 per måned" in goals
    assert "Denne perioden mot den forrige" in goals
    funnel = book["Trakt"]
    assert header(funnel) == ["Steg", "Totalt", "Rate fra steget før", "Hva raten er"]
    steps = [cell.value for cell in column_of(funnel, "Steg")]
    assert steps[:4] == ["Visninger", "Klikk", "Leads", "Salg"]


def test_norwegian_chart_titles() -> None:
    book = export("nb")
    titles = {
        _chart_text(chart.title)
        for sheet in book.worksheets
        for chart in sheet._charts  # openpyxl keeps the charts it read
    }
    assert {"Avkastning og kostnad per plattform", "ROI per plattform"} <= titles


def _chart_text(title: Any) -> str:
    return "".join(
        run.t
        for paragraph in title.tx.rich.p
        for run in (paragraph.r or [])  # type: ignore[union-attr]
    )


# ---------------------------------------------------------------- Persian


def test_persian_sheets_read_right_to_left() -> None:
    book = export("fa", currency="IRR")
    assert book.sheetnames == FA_SHEETS
    assert all(sheet.sheet_view.rightToLeft for sheet in book.worksheets)
    platforms = book["به تفکیک پلتفرم"]
    assert header(platforms)[:3] == ["پلتفرم", "هزینهٔ تبلیغات", "نمایش\u200cها"]
    assert "هزینهٔ کل" in header(platforms)
    spend = column_of(platforms, "هزینهٔ تبلیغات")
    assert [cell.value for cell in spend] == [200, 100]
    assert spend[0].number_format == '#,##0 "ریال"'


def test_persian_summary_and_import_report() -> None:
    book = export("fa", currency="IRR")
    summary = book["خلاصه"]
    assert summary["A1"].value == "گزارش بازگشت سرمایهٔ شبکه\u200cهای اجتماعی"
    assert summary["A3"].value == "آغاز دوره"
    assert summary["B7"].value == "همه"
    assert f"هدف: {FSI}سرنخ\u200cها{PDI}" in texts(summary)
    sheet = book["گزارش ورود داده\u200cها"]
    assert header(sheet)[:2] == ["فایل", "خروجی شناخته\u200cشده"]
    top = next(
        row[0].row
        for row in sheet.iter_rows()
        if row[0].value == "ردیف\u200cهای کنارگذاشته\u200cشده"
    )
    reasons = [cell.value for cell in column_of(sheet, "دلیل", top + 1)]
    assert reasons[0] == "ردیف جمع کل (افزودن آن همه\u200cچیز را دو بار می\u200cشمارد)"


def test_persian_digits_in_sentences_follow_the_choice() -> None:
    native = texts(export("fa", currency="IRR")["اهداف"])
    latin = texts(export("fa", currency="IRR", digits="latin")["اهداف"])
    assert f"{FSI}سرنخ\u200cها{PDI}: {FSI}۱۰{PDI} در ماه" in native
    assert f"{FSI}سرنخ\u200cها{PDI}: {FSI}10{PDI} در ماه" in latin


# ---------------------------------------------------------------- names and the CLI


def test_sheet_names_fit_excel_in_every_language() -> None:
    for lang in ("en", "nb", "fa"):
        names = list(sheet_names(lang).values())
        assert len(names) == len(SHEET_NAMES)
        assert len({name.casefold() for name in names}) == len(names)
        for name in names:
            assert 0 < len(name) <= 31
            assert not set(name) & set("[]:*?/\\")


def test_english_stays_english() -> None:
    book = export("en")
    assert book.sheetnames[:2] == ["Summary", "By platform"]
    assert book["Summary"]["A1"].value == "Social media ROI report"
    assert not book["Summary"].sheet_view.rightToLeft


def test_unknown_language_is_refused() -> None:
    table, reports = january()
    with pytest.raises(ValueError, match="de"):
        report_workbook(table, reports, Settings(), lang="de")


def test_cli_export_writes_a_norwegian_workbook(
    tmp_path: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "ads.csv"
    source.write_bytes(CSV)
    out = tmp_path / "rapport.xlsx"
    assert main(["export", str(source), "--out", str(out), "--lang", "nb"]) == 0
    printed = capsys.readouterr().out
    assert printed == f"smroi: wrote {out}\n"  # the command line itself stays English
    assert openpyxl.load_workbook(out).sheetnames == NB_SHEETS


def test_the_sidebar_button_writes_the_report_in_the_session_language(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The download button gets a function that writes the workbook when clicked; call it."""
    import streamlit as st

    from tests.test_i18n import run_app

    made: dict[str, Any] = {}
    original = st.download_button

    def download_button(label: str, data: Any, *args: Any, **kwargs: Any) -> Any:
        if label == "Last ned Excel-rapport":
            made["workbook"] = data
        return original(label, data, *args, **kwargs)

    monkeypatch.setattr(st, "download_button", download_button)
    run_app("nb")
    book = openpyxl.load_workbook(io.BytesIO(made["workbook"]()))
    assert book.sheetnames == NB_SHEETS
