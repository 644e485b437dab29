"""The report's currency: the settings', else the one the files name (docs/METRICS.md)."""

from __future__ import annotations

import pandas as pd
import pytest

from smroi import InputFileError, load_files, read_file, report_currency
from smroi.currency import currencies_in_cells, currency_in_header, is_currency_code


@pytest.mark.parametrize(
    ("header", "code"),
    [
        ("Amount spent (AUD)", "AUD"),
        ("Cost [GBP]", "GBP"),
        ("Spend EUR", "EUR"),
        ("Beløp brukt (NOK)", "NOK"),
        ("Average order value (AOV)", None),  # not a currency code
        ("Clicks (ALL)", None),  # Albania's code, but here a word
        ("CTR (all)", None),
        ("Cost", None),
    ],
)
def test_a_header_names_a_currency_only_with_a_real_code(header: str, code: str | None) -> None:
    assert currency_in_header(header) == code


def test_only_iso_codes_are_currencies() -> None:
    assert is_currency_code("nok") and is_currency_code("BRL")
    assert not is_currency_code("AOV") and not is_currency_code("CPM")


@pytest.mark.parametrize(
    ("cells", "codes"),
    [
        (["£1,164.09", "£12.00", ""], {"GBP"}),
        (["R$ 12,50", "R$ 1.234,00"], {"BRL"}),
        (["A$30.00", "A$1.00"], {"AUD"}),
        (["1 234,50 NOK", "12,00 NOK"], {"NOK"}),
        (["$12.00", "$3.00"], set()),  # a dollar of which country? nothing decided
        (["kr 12,00"], set()),  # Norway, Sweden or Denmark
        (["€1.00", "£2.00"], {"EUR", "GBP"}),
    ],
    ids=["pound", "real", "aud", "nok-code", "dollar", "krone", "two"],
)
def test_money_cells_name_a_currency_only_when_the_symbol_is_one_countrys(
    cells: list[str], codes: set[str]
) -> None:
    assert currencies_in_cells(pd.Series(cells, dtype="object")) == codes


def test_a_file_names_its_currency_in_a_header_a_column_or_its_cells() -> None:
    header = b"date,platform,Amount spent (AUD),clicks\n2026-01-03,pinterest,50,1\n"
    column = b"date,Currency code,Cost,Clicks\n2026-01-03,gbp,5,1\n"
    cells = b'date,platform,spend\n2026-01-03,facebook,"\xc2\xa31,164.09"\n'
    none = b"date,platform,spend\n2026-01-03,facebook,12\n"
    assert read_file("aud.csv", header)[1].currency == "AUD"
    assert read_file("gbp.csv", column)[1].currency == "GBP"
    table, report = read_file("pounds.csv", cells)
    assert report.currency == "GBP"
    assert table["spend"].tolist() == [1164.09]
    assert read_file("plain.csv", none)[1].currency is None


def test_a_column_in_two_currencies_is_refused_naming_them() -> None:
    data = "date,platform,spend\n2026-01-03,facebook,€1\n2026-01-04,facebook,£2\n".encode()
    with pytest.raises(InputFileError, match=r"mixes currencies \(EUR, GBP\) in column spend"):
        read_file("mixed.csv", data)


def test_the_settings_currency_wins_and_differences_are_said() -> None:
    assert report_currency("NOK", [("a.csv", "NOK")]) == ("NOK", [])
    currency, notes = report_currency("USD", [("a.csv", "AUD"), ("b.csv", None)])
    assert currency == "USD"
    assert notes == [
        "a.csv: its amounts are in AUD, but the settings say USD; amounts are shown as they "
        "are, not converted."
    ]


def test_without_a_setting_the_files_currency_is_the_reports() -> None:
    assert report_currency(None, [("a.csv", None), ("b.csv", "AUD")]) == ("AUD", [])
    currency, notes = report_currency(None, [("a.csv", None)])
    assert currency == "USD"
    assert notes == [
        "Your files do not say which currency their amounts are in, so they are shown in "
        "USD; set your currency in the settings if it is another."
    ]
    assert report_currency(None, []) == ("USD", [])  # nothing loaded: nothing to say


USD = b"date,platform,Amount spent (USD),clicks\n2026-01-03,facebook,30,1\n"
NOK = b"date,platform,Amount spent (NOK),clicks\n2026-01-03,instagram,50,1\n"


def test_files_in_two_currencies_stay_apart_and_the_user_picks_one() -> None:
    files = [("usd.csv", USD), ("nok.csv", NOK)]
    table, reports = load_files(files)  # the first file's currency
    assert table["spend"].tolist() == [30.0]
    assert reports[1].error is not None and reports[0].error is None
    table, reports = load_files(files, currency="NOK")  # the user picked NOK
    assert table["spend"].tolist() == [50.0]
    assert reports[0].error == (
        "usd.csv: its amounts are in USD, but nok.csv is in NOK; amounts in two currencies "
        "cannot be added up, so it was left out. Choose USD as the report's currency to see "
        "it instead."
    )
    assert reports[1].error is None
    # a currency no file is in picks nothing: the first file's is shown
    assert load_files(files, currency="EUR")[0]["spend"].tolist() == [30.0]


@pytest.mark.parametrize(
    "header", ["CurrencyCode", "Para birimi", "Waluta", "通貨", "واحد پول", "العملة"]
)
def test_a_currency_column_in_the_exports_languages_names_the_files_currency(header: str) -> None:
    data = f"Date,Campaign,Spend,{header}\n2026-05-01,A,10.50,EUR\n2026-05-02,A,4.50,EUR\n"
    _table, report = read_file("ads.csv", data.encode())
    assert report.currency == "EUR"
