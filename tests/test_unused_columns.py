"""Columns read as nothing that hold a core measure the file lacks are asked about
(smroi.unused_columns; issue 16, "never silently wrong")."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from smroi import read_file
from smroi.cli import main
from smroi.errors import InputFileError
from smroi.exports import map_columns, recognise
from smroi.unused_columns import (
    ADS,
    COUNT,
    DECIMAL,
    MONEY,
    ORDERS,
    POSTS,
    Suggestion,
    file_kind,
    holds,
    suggest_columns,
)
from tests.test_pages import rendered, run_app

# a Spanish agency's Google Ads summary, with two headers of its own (the Spanish
# interface's "Costo" and "Conversiones" are read without a question)
SPANISH_AGENCY_REPORT = (
    "Campaña,Inversión,Impr.,Clics,CPC prom.,Conversiones totales\n"
    'Verano,"1.234,56",10000,300,"4,12",12\n'
    'Invierno,"87,10",2000,40,"2,18",3\n'
)


def suggestions(csv: str, column_map: dict[str, str] | None = None) -> list[Suggestion]:
    """What a file's unused columns are suggested as, with the file's own headers and cells."""
    raw = pd.read_csv(io.StringIO(csv), dtype=str, keep_default_na=False)
    headers = list(raw.columns)
    export = recognise(headers)
    mapping, _ignored = map_columns(headers, export, column_map)
    declined = [h for h, chosen in (column_map or {}).items() if not chosen]
    return suggest_columns(raw, mapping, export, declined=declined)


def test_a_spanish_agency_report_asks_whether_inversion_is_the_ad_spend() -> None:
    assert suggestions(SPANISH_AGENCY_REPORT) == [
        Suggestion("Inversión", "spend", MONEY),
        Suggestion("Conversiones totales", "conversions", COUNT),
    ]


def test_the_spanish_interfaces_own_headers_are_read_without_a_question() -> None:
    csv = (
        "Campaña,Costo,Impr.,Clics,Conversiones\n"
        'Verano,"1.234,56",10000,300,12\n'
        'Invierno,"87,10",2000,40,3\n'
    )
    assert suggestions(csv) == []
    table, report = read_file("informe.csv", csv.encode())
    assert report.suggestions == []
    assert table["spend"].sum() == pytest.approx(1234.56 + 87.10)
    assert table["conversions"].sum() == 12 + 3


def test_a_post_export_asks_whether_visningar_totalt_are_the_impressions() -> None:
    csv = (
        "Inlägg,Datum,Visningar totalt,Räckvidd,Engagemang\n"
        "Sommarrea,2024-06-01,1200,900,50\n"
        "Nyhet,2024-06-02,3400,2000,80\n"
    )
    assert suggestions(csv) == [Suggestion("Visningar totalt", "impressions", COUNT)]


def test_an_orders_file_asks_whether_totalbelop_is_the_revenue_not_the_shipping() -> None:
    csv = (
        "Ordrenummer,Dato,Frakt,Totalbeløp\n"
        '1001,01.02.2024,"49,00","1 234,50"\n'
        '1002,02.02.2024,"0,00","99,90"\n'
        '1003,02.02.2024,"49,00","500,00"\n'
    )
    assert suggestions(csv) == [Suggestion("Totalbeløp", "revenue", MONEY)]


def test_ids_postal_codes_and_percentages_are_never_suggested() -> None:
    ads = (
        "Campaign,Clicks,Conversions,Campaign ID,Postnummer,Tasa de conv.,Share\n"
        'Summer,300,12,120034567890,0150,"4,00 %",3%\n'
        'Winter,40,3,120034567891,5003,"7,50 %",5%\n'
        'Spring,25,1,120034567892,7010,"4,00 %",1%\n'
    )
    assert suggestions(ads) == []  # spend is missing, but none of these is an amount
    orders = "Order ID,Date,Items\n1001,2024-02-01,2\n1002,2024-02-02,1\n1003,2024-02-03,4\n"
    assert suggestions(orders) == []  # revenue is missing; order numbers are not it


def test_a_file_with_everything_mapped_has_no_suggestions() -> None:
    csv = (
        "Campaña,Inversión,Impr.,Clics,Conversiones totales,Notas\n"
        'Verano,"1.234,56",10000,300,12,ok\n'
        'Invierno,"87,10",2000,40,3,ok\n'
    )
    chosen = {"Inversión": "spend", "Conversiones totales": "conversions"}
    assert suggestions(csv, chosen) == []


def test_a_column_the_user_left_out_is_not_asked_about_again() -> None:
    chosen = {"Inversión": "", "Conversiones totales": ""}
    assert suggestions(SPANISH_AGENCY_REPORT, chosen) == []


def test_interactions_are_asked_about_when_an_ad_report_has_no_clicks() -> None:
    csv = "Kampanj,Kostnad,Visningar,Interaktioner\nSommar,120.50,10000,300\nVinter,80.25,2000,40\n"
    assert suggestions(csv) == [Suggestion("Interaktioner", "clicks", COUNT)]


def test_google_ads_interactions_are_its_clicks_when_the_report_has_no_clicks_column() -> None:
    csv = (
        "Campaign,Cost,Impr.,Interactions,Interaction rate\n"
        "Summer,120.50,10000,300,3.00%\n"
        "Winter,80.25,2000,40,2.00%\n"
    )
    assert suggestions(csv) == []
    table, _report = read_file("google.csv", csv.encode())
    assert table["clicks"].sum() == 300 + 40


def test_an_amount_no_name_explains_is_suggested_only_when_it_is_the_only_one() -> None:
    one = "Kampanjnamn,Visningar,Klick,Belopp som spenderats\nA,100,5,12.50\nB,300,7,7.25\n"
    assert suggestions(one)[0] == Suggestion("Belopp som spenderats", "spend", MONEY)
    unnamed = "Campaign,Clicks,Xyz\nA,5,12.50\nB,7,7.25\n"
    assert suggestions(unnamed) == [Suggestion("Xyz", "spend", MONEY)]
    two = "Campaign,Clicks,Xyz,Qrs\nA,5,12.50,3.10\nB,7,7.25,4.40\n"
    assert suggestions(two) == []  # which one is the spend, only the user knows
    budget = "Campaign,Clicks,Budget\nA,5,12.50\nB,7,7.25\n"
    assert suggestions(budget) == []  # a budget is not what was spent


@pytest.mark.parametrize(
    ("header", "cells", "expected"),
    [
        ("Costo", ["12", "40"], MONEY),  # its name says money, whole or not
        ("Betrag", ["12,50", "40,00"], MONEY),
        ("Xyz", ["£12.50", "£40"], MONEY),  # a currency symbol in the cells
        ("Xyz (EUR)", ["12", "40"], MONEY),  # a currency code in the header
        ("Xyz", ["12,50", "40,00"], DECIMAL),  # two decimals, nothing else to tell
        ("Xyz", ["12.5", "7.25"], DECIMAL),  # a workbook's 12.50 loses its last 0
        ("Xyz", ["12", "40"], COUNT),
        ("CPC medio", ["0,50", "0,75"], None),  # per click: a rate of money
        ("Costo/conv.", ["10,50", "7,00"], None),
        ("Xyz", ["12%", "40%"], None),
        ("Xyz", ["123456789012", "123456789013"], None),  # long integers: ids
        ("Xyz", ["01234", "40"], None),  # a code with its leading zero
        ("Xyz", ["7", "8", "9", "10", "11"], None),  # row numbers
        ("Xyz", ["7", "8", "9"], COUNT),  # too few to tell from three counts
        ("Xyz", ["abc", "12"], None),  # not mostly numbers
        ("費用", ["1200", "800"], MONEY),
        ("هزینه", ["۱۲۰۰", "۸۰۰"], MONEY),
    ],
)
def test_what_a_column_holds(header: str, cells: list[str], expected: str | None) -> None:
    assert holds(header, pd.Series(cells, dtype=object)) == expected


def test_the_kind_of_file() -> None:
    google = recognise(["Campaign", "Impr.", "Clicks"])
    assert file_kind(["Campaign", "Impr.", "Clicks"], {"Clicks": "clicks"}, google) == ADS
    assert file_kind(["Pedido", "Total"], {}, None) == ORDERS
    assert file_kind(["Post", "Reach"], {"Reach": "reach"}, None) == POSTS
    assert file_kind(["Xyz"], {}, None) is None


def test_the_import_report_leads_with_the_question_and_spend_stays_undefined() -> None:
    table, report = read_file("informe.csv", SPANISH_AGENCY_REPORT.encode())
    assert report.summary()[:2] == [
        "informe.csv: 'Inversión' holds money but is not read as anything: is it your ad "
        "spend? Choose it in the column mapping (Data page).",
        "informe.csv: 'Conversiones totales' holds numbers but is not read as anything: are "
        "they your conversions (sales)? Choose it in the column mapping (Data page).",
    ]
    assert table["spend"].isna().all()  # not reported, not 0
    assert table["clicks"].sum() == 300 + 40
    chosen, chosen_report = read_file(
        "informe.csv", SPANISH_AGENCY_REPORT.encode(), {"Inversión": "spend"}
    )
    assert chosen["spend"].sum() == pytest.approx(1234.56 + 87.10)
    assert chosen_report.suggestions == [Suggestion("Conversiones totales", "conversions", COUNT)]


INVERSION_WARNING = (
    "informe.csv: 'Inversión' holds money but is not read as anything: is it your ad spend? "
    "Choose it in the column mapping (Data page)."
)


def upload_spanish_report() -> AppTest:
    app = run_app("pages/data.py")
    app.file_uploader(key="uploads").set_value(
        [("informe.csv", SPANISH_AGENCY_REPORT.encode(), "text/csv")]
    ).run()
    assert not app.exception, app.exception
    return app


def test_the_data_page_opens_the_mapping_at_the_suggestion_and_applies_it_when_confirmed() -> None:
    app = upload_spanish_report()
    assert INVERSION_WARNING in [rendered(warning.value) for warning in app.warning]
    [expander] = [e for e in app.expander if e.label.startswith(r"informe\.csv")]
    assert expander.proto.expanded
    [editor] = app.data_editor
    rows = editor.value.set_index("Column in your file")
    assert rows.loc["Inversión", "Read as"] == "spend"  # pre-selected …
    assert rows.loc["Inversión", "Suggestion"] == "suggested: not read as it until you confirm"
    assert rows.loc["Conversiones totales", "Read as"] == "conversions"
    assert rows.loc["Campaña", "Suggestion"] == ""
    # … but not applied: nothing changes in the numbers until the user confirms
    assert app.session_state["view"].data.table["spend"].isna().all()
    assert dict(app.session_state["base_settings"].column_map) == {}

    [confirm] = [button for button in app.button if button.label == "Use the suggestions"]
    confirm.click().run()
    assert not app.exception, app.exception
    assert dict(app.session_state["base_settings"].column_map) == {
        "Inversión": "spend",
        "Conversiones totales": "conversions",
    }
    table = app.session_state["view"].data.table
    assert table["spend"].sum() == pytest.approx(1234.56 + 87.10)
    assert table["conversions"].sum() == 12 + 3
    assert INVERSION_WARNING not in [rendered(warning.value) for warning in app.warning]
    [expander] = [e for e in app.expander if e.label.startswith(r"informe\.csv")]
    assert not expander.proto.expanded


def test_leaving_the_suggested_column_out_on_the_data_page_stops_the_question() -> None:
    app = upload_spanish_report()
    [editor] = app.data_editor
    costo = list(editor.value["Column in your file"]).index("Inversión")
    # what a user's edit in the table sends (AppTest cannot type into a data editor)
    app.session_state["data.mapping.0.0"] = {
        "edited_rows": {costo: {"Read as": "(not used)"}},
        "added_rows": [],
        "deleted_rows": [],
    }
    app.run()
    assert not app.exception, app.exception
    assert dict(app.session_state["base_settings"].column_map) == {"Inversión": ""}
    assert INVERSION_WARNING not in [rendered(warning.value) for warning in app.warning]
    assert app.session_state["view"].data.table["spend"].isna().all()  # still not 0


def test_smroi_summary_warns_first_about_the_column_and_keeps_spend_undefined(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    report = tmp_path / "informe.csv"
    report.write_text(SPANISH_AGENCY_REPORT, encoding="utf-8")
    status = main(["summary", str(report), "--json"])
    out, _err = capsys.readouterr()
    assert status == 0
    result = json.loads(out)
    assert result["warnings"][0] == (
        f"{report}: 'Inversión' holds money but is not read as anything: is it your ad spend? "
        "Choose it in the column mapping (Data page)."
    )
    assert result["totals"]["spend"] is None  # not reported, not 0
    assert result["totals"]["clicks"] == 300 + 40

    assert main(["summary", str(report)]) == 0
    text, _err = capsys.readouterr()
    assert (
        f"- {report}: 'Inversión' holds money but is not read as anything: is it your ad spend?"
    ) in text


FINNISH_ADS = "Kampanja,Kulut,Näyttökerrat\nKevät,12.50,1000\nSyksy,7.25,400\n"


def test_a_file_with_no_known_measure_is_read_and_asks_instead_of_being_refused() -> None:
    table, report = read_file("mainokset.csv", FINNISH_ADS.encode())
    assert report.suggestions == [Suggestion("Kulut", "spend", MONEY)]
    assert report.summary()[0] == (
        "mainokset.csv: 'Kulut' holds money but is not read as anything: is it your ad spend? "
        "Choose it in the column mapping (Data page)."
    )
    assert table["spend"].isna().all()  # not reported until the user says, not 0
    assert report.rows_used == 2  # kept, so the Data page can ask about them
    chosen, _report = read_file("mainokset.csv", FINNISH_ADS.encode(), {"Kulut": "spend"})
    assert chosen["spend"].sum() == pytest.approx(12.50 + 7.25)


def test_the_data_page_asks_about_a_file_with_no_known_measure_and_applies_the_answer() -> None:
    app = run_app("pages/data.py")
    app.file_uploader(key="uploads").set_value(
        [("mainokset.csv", FINNISH_ADS.encode(), "text/csv")]
    ).run()
    assert not app.exception, app.exception
    [confirm] = [button for button in app.button if button.label == "Use the suggestion"]
    confirm.click().run()
    assert not app.exception, app.exception
    assert app.session_state["view"].data.table["spend"].sum() == pytest.approx(12.50 + 7.25)


def test_a_file_with_no_known_measure_and_nothing_to_suggest_is_still_refused() -> None:
    with pytest.raises(InputFileError) as refused:
        read_file("notes.csv", "Kampanja,Huomio\nKevät,hyvä\nSyksy,ok\n".encode())
    assert "none of its columns is a number smroi knows" in refused.value.problem
