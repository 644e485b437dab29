"""Exports of any country (smroi.readers, smroi.text_encodings): Shift_JIS, EUC-JP, EUC-KR,
GB18030, Big5, Windows-1250/1251/1253/1256/1257, UTF-16 with or without its mark, a stray byte
at the end, title lines in any script, totals rows in Japanese; and no parser or codec
text in any message a broken file gets.

Each file is built here in a few bytes from the header and cell text of a real export in
its language; the decoded header names and cells are asserted exactly.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pandas as pd
import pytest

from smroi import readers
from smroi.errors import InputFileError
from smroi.ingest import read_file
from smroi.readers import read_table
from tests.hostile_csv import HOSTILE_CSV
from tests.hostile_files import HOSTILE_XLSX, READABLE_ODD_XLSX
from tests.test_readers import bounded

FIXTURES = Path(__file__).parent / "fixtures"


def table(name: str, data: bytes) -> pd.DataFrame:
    """The file's own table, as smroi.readers reads it."""
    with bounded():
        return read_table(name, data, {})


def cells(frame: pd.DataFrame) -> list[list[str | None]]:
    return [[None if pd.isna(v) else str(v) for v in row] for row in frame.to_numpy().tolist()]


def csv_text(*rows: str) -> str:
    return "".join(f"{row}\n" for row in rows)


# ---------------------------------------------------------------- one file per language


GOOGLE_ADS_JA = csv_text(
    "キャンペーン レポート",
    "2026/06/01～2026/06/30",
    "キャンペーン,費用,表示回数,クリック数",
    '春のセール,"12,345",10000,200',
    "夏の大感謝祭,500,2000,30",
)


def test_a_japanese_google_ads_report_in_shift_jis_with_title_lines() -> None:
    raw = table("キャンペーン レポート.csv", GOOGLE_ADS_JA.encode("cp932"))
    assert list(raw.columns) == ["キャンペーン", "費用", "表示回数", "クリック数"]
    assert cells(raw) == [
        ["春のセール", "12,345", "10000", "200"],
        ["夏の大感謝祭", "500", "2000", "30"],
    ]
    assert raw.attrs["preamble"] == ["キャンペーン レポート", "2026/06/01～2026/06/30"]
    assert raw.attrs["notes"] == [
        "キャンペーン レポート.csv: 2 lines above the column names (a title or date range) "
        "passed over."
    ]


def test_the_same_report_in_utf8_finds_its_header_below_the_title_too() -> None:
    # before: "Error tokenizing data. C error: Expected 1 fields in line 3, saw 4"
    raw = table("report.csv", GOOGLE_ADS_JA.encode("utf-8"))
    assert list(raw.columns) == ["キャンペーン", "費用", "表示回数", "クリック数"]
    assert len(raw) == 2


@pytest.mark.parametrize(
    ("encoding", "header", "rows"),
    [
        pytest.param(
            "euc_jp",
            "キャンペーン,費用,表示回数,クリック数",
            ["春のセール,1000,10000,200", "新規顧客,300,4000,25"],
            id="japanese-euc-jp",
        ),
        pytest.param(
            "euc_kr",
            "캠페인,비용,노출수,클릭수",
            ["봄 세일,1000,10000,200", "신규 고객,300,4000,25"],
            id="korean-euc-kr",
        ),
        pytest.param(
            "gb18030",
            "日期,广告系列,花费,展示次数,点击次数",
            ["2026-06-01,春季促销,1000,10000,200", "2026-06-02,再营销,300,4000,25"],
            id="chinese-gb18030",
        ),
        pytest.param(
            "big5",
            "日期,廣告活動,費用,曝光次數,點擊次數",
            ["2026-06-01,春季促銷,1000,10000,200", "2026-06-02,再行銷,300,4000,25"],
            id="chinese-big5",
        ),
        pytest.param(
            "cp1250",
            "Nazwa kampanii,Początek raportowania,Wydana kwota (PLN),Wyświetlenia,"
            "Kliknięcia w link",
            ['Wiosenna wyprzedaż,2026-06-01,"1 234,50",1000,20', 'Łódź,2026-06-01,"12,00",300,4'],
            id="polish-windows-1250",
        ),
        pytest.param(
            "cp1251",
            "Дата,Кампания,Расход,Показы,Клики",
            ["2026-06-01,Весенняя распродажа,100,1000,10", "2026-06-02,Москва,50,400,3"],
            id="russian-windows-1251",
        ),
        pytest.param(
            "cp1253",
            "Ημερομηνία,Καμπάνια,Δαπάνη,Εμφανίσεις,Κλικ",
            ["2026-06-01,Ανοιξιάτικες εκπτώσεις,100,1000,10", "2026-06-02,Αθήνα,50,400,3"],
            id="greek-windows-1253",
        ),
        pytest.param(
            "cp1256",
            "التاريخ,الحملة,المبلغ المنفق,مرات الظهور,النقرات",
            ["2026-06-01,حملة الربيع,100,1000,10", "2026-06-02,الرياض,50,400,3"],
            id="arabic-windows-1256",
        ),
        pytest.param(
            "cp1252",
            "Día,Campaña,Costo,Conversiones",
            ["2026-06-01,Promoción año nuevo,100,2", "2026-06-02,Niño,50,1"],
            id="spanish-windows-1252",
        ),
        pytest.param(
            "cp1252",
            "Date,Campaign,Label",
            ["2026-06-01,Jul på,a", "2026-06-02,à la carte,b", "2026-06-03,Høst,c"],
            id="danish-french-windows-1252",  # charset-normalizer alone says Windows-1257
        ),
        pytest.param(
            "cp1252",
            "Date,Campaign,Label",
            ["2026-06-01,Øl,a"],
            id="one-word-windows-1252",  # alone, "Øl" is one Big5 character
        ),
    ],
)
def test_each_encoding_reads_the_header_and_cells_exactly(
    encoding: str, header: str, rows: list[str]
) -> None:
    raw = table("export.csv", csv_text(header, *rows).encode(encoding))
    assert list(raw.columns) == header.split(",")
    assert cells(raw) == list(csv.reader(rows))
    assert raw.attrs["notes"] == []  # an encoding read whole is no news


def test_a_turkish_file_in_windows_1254() -> None:
    header = "Kampanya adı,Raporlama başlangıcı,Harcanan tutar (TRY),Gösterimler,Tıklamalar"
    raw = table(
        "tr.csv",
        csv_text(header, 'Bahar indirimi,2026-06-01,"1.234,50",10000,200').encode("cp1254"),
    )
    assert list(raw.columns) == header.split(",")


def test_a_turkish_meta_export_in_windows_1254_gives_its_totals() -> None:
    header = (
        "Kampanya adı,Raporlama başlangıcı,Harcanan tutar (TRY),Gösterimler,Bağlantı tıklamaları"
    )
    rows = ['Şubat indirimi,2026-06-01,"1.234,50",10000,200', 'Çiçek,2026-06-02,"99,50",500,12']
    table_, report = read_file("tr.csv", csv_text(header, *rows).encode("cp1254"))
    assert report.export == "Meta Ads Manager"
    assert table_["spend"].sum() == pytest.approx(1234.50 + 99.50)
    assert table_["clicks"].sum() == 200 + 12
    assert sorted(table_["campaign"]) == ["Çiçek", "Şubat indirimi"]


def test_icelandic_in_windows_1252_is_not_taken_for_turkish() -> None:
    header = "Herferð,Dagsetning,Kostnaður,Birtingar,Smellir"
    raw = table(
        "is.csv",
        csv_text(
            header, "Sumarútsala,2026-06-01,1500,10000,200", "Þjónusta,2026-06-02,700,800,9"
        ).encode("cp1252"),
    )
    assert list(raw.columns) == header.split(",")
    assert list(raw.iloc[:, 0]) == ["Sumarútsala", "Þjónusta"]


def test_polish_in_windows_1250_without_a_letter_windows_1252_lacks() -> None:
    # ą, ł and ż are symbols in Windows-1252 ("¹", "³", "¿") and give the encoding away;
    # without them, Windows-1252 reads ś, ń, ó as French œ beside ñ and ó: no language
    header = "Kampania,Wyświetlenia,Kliknięcia,Koszt,Konwersje"
    rows = ['Jesień,1200,34,"56,20",3', 'Promocja ósma,800,20,"30,00",1']
    raw = table("pl.csv", csv_text(header, *rows).encode("cp1250"))
    assert list(raw.columns) == header.split(",")
    assert list(raw["Kampania"]) == ["Jesień", "Promocja ósma"]


def test_a_polish_google_ads_report_in_windows_1250_gives_its_totals() -> None:
    header = "Kampania,Wyświetlenia,Kliknięcia,Koszt,Konwersje"
    rows = ['Jesień,1200,34,"56,20",3', 'Promocja ósma,800,20,"30,00",1']
    table_, _ = read_file("pl.csv", csv_text(header, *rows).encode("cp1250"))
    assert table_["impressions"].sum() == 1200 + 800
    assert table_["clicks"].sum() == 34 + 20
    assert table_["spend"].sum() == pytest.approx(56.20 + 30.00)
    assert sorted(table_["campaign"]) == ["Jesień", "Promocja ósma"]


def test_lithuanian_in_windows_1257_is_not_read_as_turkish_or_icelandic() -> None:
    header = "Kampanija,Parodymai,Paspaudimai,Išlaidos"
    rows = ["Rudens akcija ąžuolas,1200,34,56.20", "Žiemos išpardavimas,800,20,30.00"]
    raw = table("lt.csv", csv_text(header, "Vasaros šventė,1,1,1.00", *rows).encode("cp1257"))
    assert list(raw.columns) == header.split(",")
    assert list(raw["Kampanija"]) == [
        "Vasaros šventė",
        "Rudens akcija ąžuolas",
        "Žiemos išpardavimas",
    ]


def test_a_western_menu_of_two_languages_stays_windows_1252() -> None:
    rows = ["2026-06-01,Bœuf bourguignon,a", "2026-06-02,Jalapeño,b", "2026-06-03,Crème,c"]
    raw = table("menu.csv", csv_text("Date,Campaign,Label", *rows).encode("cp1252"))
    assert list(raw["Campaign"]) == ["Bœuf bourguignon", "Jalapeño", "Crème"]


def test_the_encoding_is_decided_beyond_the_first_64_kib() -> None:
    filler = "".join(f"2026-06-01,plain {i},1.00\n" for i in range(6_000))  # 140 KB of ASCII
    data = ("Date,Campaign,Spend\n" + filler + "2026-06-02,春のセール,2.00\n").encode("cp932")
    assert len(data) > 2 * 65536
    raw = table("late.csv", data)
    assert raw["Campaign"].iloc[-1] == "春のセール"


def test_a_damaged_byte_outside_the_sample_is_replaced_and_said() -> None:
    rows = [f"2026-06-01,春のセール {i},1.00" for i in range(8_000)]
    data = bytearray(csv_text("Date,Campaign,Spend", *rows).encode("cp932"))
    sample = readers._not_utf8_sample(bytes(data))
    line = next(i for i, row in enumerate(rows) if row.encode("cp932") not in sample and i > 100)
    end = data.index(rows[line].encode("cp932")) + len(rows[line].encode("cp932"))
    comma = data.rindex(b",", 0, end)
    data[comma:comma] = b"\x82"  # the first byte of a character whose second is lost
    raw = table("damaged.csv", bytes(data))
    assert raw["Campaign"].iloc[line] == f"春のセール {line}\ufffd"
    assert raw["Campaign"].iloc[0] == "春のセール 0"
    assert raw.attrs["notes"] == [
        "damaged.csv: 1 character could not be read as Shift_JIS text and was replaced by "
        "\ufffd (the file may be damaged)."
    ]


# ---------------------------------------------------------------- the header search


def test_title_lines_in_arabic_above_column_names_smroi_does_not_know() -> None:
    data = csv_text(
        "تقرير الحملات",
        "2026/06/01 - 2026/06/30",
        "الحملة;المبلغ المنفق;مرات الظهور",
        "حملة الربيع;100;1000",
        "الرياض;50;400",
    ).encode("utf-8")
    raw = table("ar.csv", data)
    assert list(raw.columns) == ["الحملة", "المبلغ المنفق", "مرات الظهور"]
    assert cells(raw) == [["حملة الربيع", "100", "1000"], ["الرياض", "50", "400"]]
    assert raw.attrs["preamble"] == ["تقرير الحملات", "2026/06/01 - 2026/06/30"]


def test_a_header_with_a_cell_more_than_its_rows_stays_the_header() -> None:
    raw = table("trailing.csv", b"Name,Value,\nx,1\ny,2\n")
    assert list(raw.columns)[:2] == ["Name", "Value"]
    assert cells(raw)[0][:2] == ["x", "1"]


# ---------------------------------------------------------------- UTF-16


YAHOO = "日付\tキャンペーン名\tコスト\tクリック数\n2026/06/01\t春のセール\t1200\t30\n"


def test_utf16_little_endian_without_a_mark() -> None:
    raw = table("yahoo.csv", YAHOO.encode("utf-16-le"))
    assert list(raw.columns) == ["日付", "キャンペーン名", "コスト", "クリック数"]
    assert cells(raw) == [["2026/06/01", "春のセール", "1200", "30"]]
    assert raw.attrs["notes"] == []


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le"], ids=["with-mark", "without"])
def test_utf16_with_a_stray_byte_at_the_end(encoding: str) -> None:
    raw = table("yahoo.csv", YAHOO.encode(encoding) + b"\x04")
    assert cells(raw) == [["2026/06/01", "春のセール", "1200", "30"]]
    assert raw.attrs["notes"] == [
        "yahoo.csv: a stray byte at the end of the file was left out (UTF-16 text comes in "
        "pairs of bytes)."
    ]


def test_utf16_with_a_broken_character_replaces_just_that_one() -> None:
    data = YAHOO.encode("utf-16").replace("春".encode("utf-16-le"), b"\x3d\xd8")  # half of a pair
    raw = table("yahoo.csv", data)
    assert cells(raw) == [["2026/06/01", "\ufffdのセール", "1200", "30"]]
    assert raw.attrs["notes"] == [
        "yahoo.csv: 1 character could not be read as UTF-16 text and was replaced by \ufffd "
        "(the file may be damaged)."
    ]


# ---------------------------------------------------------------- summary rows


META_JA = csv_text(
    "全2件の結果",
    "Campaign name,Day,Amount spent (JPY),Impressions,Link clicks",
    "全2件の結果,,1500,3000,30",
    "春のセール,2026-06-01,1000,2000,20",
    "夏のセール,2026-06-02,500,1000,10",
    "合計：アカウント,,1500,3000,30",
)


@pytest.mark.parametrize("encoding", ["utf-8", "cp932"])
def test_summary_rows_above_and_below_the_header_are_not_data(encoding: str) -> None:
    with bounded():
        rows, report = read_file("meta.csv", META_JA.encode(encoding))
    assert rows["campaign"].tolist() == ["春のセール", "夏のセール"]
    assert rows["spend"].sum() == 1500.0  # 1000 + 500, the totals rows not added again
    assert rows["clicks"].sum() == 30.0
    assert report.summary() == [
        "meta.csv: read as Meta Ads Manager from one column only ('Amount spent (JPY)'); if it "
        "is another platform's export, choose the platform on the Data page.",
        "meta.csv: 1 line above the column names (a title or date range) passed over.",
        "meta.csv: 2 rows left out (a totals row (adding it would count everything twice)): "
        "rows 3, 6.",
    ]


def test_spanish_total_general_and_grand_total_rows_are_left_out() -> None:
    data = csv_text(
        "Campaign,Day,Cost,Clicks",
        "Primavera,2026-06-01,10,1",
        "Total general,,10,1",
        "Grand total,,10,1",
    ).encode()
    with bounded():
        rows, report = read_file("es.csv", data)
    assert rows["spend"].tolist() == [10.0]
    assert report.excluded["row"].tolist() == [3, 4]


# ---------------------------------------------------------------- no parser or codec text


FORBIDDEN = ("Error tokenizing", "C error", "codec", "Traceback", "utf-", "byte 0x")

BROKEN_HERE = {
    "title_only_ja.csv": "キャンペーン レポート\n2026/06/01～2026/06/30\n".encode("cp932"),
    "odd_utf16.csv": YAHOO.encode("utf-16-le") + b"\x04",
    "broken_surrogate.csv": YAHOO.encode("utf-16").replace("春".encode("utf-16-le"), b"\x3d\xd8"),
    "ja_title_ragged.csv": (GOOGLE_ADS_JA + "a,b,c,d,e,f,g\n").encode("cp932"),
    "undefined_bytes.csv": b"Date,Campaign,Spend\n2026-06-01,\x81\x8d\x8f\x90,1\n",
    "mixed_undefined.csv": "Date,Campaign,Spend\n2026-06-01,Café ☕,1\n".encode()
    + b"2026-06-02,\x81\x8d,2\n",
}


def every_broken_file() -> dict[str, bytes]:
    files = {name: hostile.data for name, hostile in HOSTILE_CSV.items()}
    files |= {name: data for name, (data, _says) in HOSTILE_XLSX.items()}
    files |= {name: data for name, (data, _table) in READABLE_ODD_XLSX.items()}
    files |= {p.name: p.read_bytes() for p in FIXTURES.rglob("*") if p.is_file()}
    return files | BROKEN_HERE


@pytest.mark.parametrize(
    ("name", "data"),
    [pytest.param(*item, id=item[0]) for item in sorted(every_broken_file().items())],
)
def test_no_message_holds_parser_or_codec_text(name: str, data: bytes) -> None:
    try:
        _rows, report = read_file(name, data)
    except InputFileError as refusal:
        said = [str(refusal)]
    else:
        said = [str(s) for s in (*report.summary(), *report.warnings)]
    for sentence in said:
        assert not any(word in sentence for word in FORBIDDEN), sentence
