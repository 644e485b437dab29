"""The import in Norwegian and Persian: the Data page, the import report's reasons and notes,
a file that cannot be read, a settings file that is not valid, the analysis' notes and the
shared-report banner; English stays word for word what it was.

The uploaded file, june.csv (the header is spreadsheet row 1):

| row | date       | platform | spend | clicks | what happens                         |
|-----|------------|----------|-------|--------|--------------------------------------|
| 2   | 2026-06-01 | facebook | 10    | 1      | used                                 |
| 3   | 2026-06-02 | facebook | 12    | 2      | used                                 |
| 4   | 31/31/2026 | facebook | 5     | 1      | left out: not a date in column date  |
| 5   | Total      |          | 27    | 4      | left out: a totals row               |

So 4 rows read, 2 used, 2 left out; the period is 1 to 2 June 2026, 2 days = 2 / 30.4375 =
0.066 months, shown with one decimal: 0.1.
"""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from smroi import analyse, read_file, settings_from_json
from smroi.errors import InputFileError, SettingsError
from smroi.i18n import Message, translate_message
from smroi.settings import Settings
from smroi.store import ReportStore
from tests.test_i18n import run_app, untranslated

JUNE = b"""date,platform,spend,clicks
2026-06-01,facebook,10,1
2026-06-02,facebook,12,2
31/31/2026,facebook,5,1
Total,,27,4
"""
BROKEN_XLSX = b"PK\x03\x04 not really a workbook"
BAD_SETTINGS = b'{"costs": {"hourly_rate": -5}, "colour": "red"}'
KNOWN = "column_map, costs, currency, earned_media, goals, objective, soft_value, values"
FSI, PDI = "\u2068", "\u2069"  # each value in a Persian sentence keeps its own direction
LRM = "\u200e"  # keeps ".xlsx" in a Persian sentence written left to right
NBSP = "\u00a0"
TOTALS_FA = "ردیف جمع کل (افزودن آن همه\u200cچیز را دو بار می\u200cشمارد)"
DAMAGED_FA = f"فایل اکسل آسیب دیده است (بایگانی {LRM}.xlsx معتبری نیست)."
COLOUR = "'colour'"
UNKNOWN_FA = (
    f"تنظیم ناشناخته {FSI}{COLOUR}{PDI} (تنظیم\u200cهای شناخته\u200cشده: {FSI}{KNOWN}{PDI})"
)
NEGATIVE_FA = f"{FSI}costs.hourly_rate{PDI} نمی\u200cتواند منفی باشد ({FSI}-5{PDI})"


def iso(text: str) -> str:
    """A value isolated inside a Persian sentence."""
    return f"{FSI}{text}{PDI}"


def rendered(markdown: str) -> str:
    """What a user reads: the markdown escapes of user text removed."""
    return re.sub(r"\\(.)", r"\1", markdown)


def data_page(lang: str, files: list[tuple[str, bytes]] | None = None) -> AppTest:
    app = run_app(lang)
    if files:
        app.file_uploader(key="uploads").set_value(
            [(name, data, "text/csv") for name, data in files]
        ).run()
    app.switch_page("pages/data.py")
    app.run()
    assert not app.exception, app.exception
    return app


# ---------------------------------------------------------------- the core keeps English


def test_the_import_report_is_english_text_that_remembers_its_messages() -> None:
    _, report = read_file("june.csv", JUNE)
    assert report.excluded["row"].tolist() == [4, 5]
    reasons = report.excluded["reason"].tolist()
    assert reasons == [
        "not a date in column date",
        "a totals row (adding it would count everything twice)",
    ]
    assert all(isinstance(reason, Message) for reason in reasons)
    assert report.summary() == [
        "june.csv: 1 row left out (not a date in column date): row 4.",
        "june.csv: 1 row left out (a totals row (adding it would count everything twice)): row 5.",
    ]
    assert json.dumps(report.summary()[:1]) == (
        '["june.csv: 1 row left out (not a date in column date): row 4."]'
    )


def test_the_import_report_in_norwegian_and_persian() -> None:
    _, report = read_file("june.csv", JUNE)
    assert [translate_message(line, "nb") for line in report.summary()] == [
        "june.csv: 1 rad utelatt (ikke en dato i kolonnen date): rad 4.",
        "june.csv: 1 rad utelatt (en totalrad (å ta den med ville telle alt to ganger)): rad 5.",
    ]
    reason = report.excluded["reason"].iloc[0]
    assert translate_message(reason, "fa") == f"در ستون {iso('date')} تاریخ نیست"
    assert translate_message(report.summary()[1], "fa") == (
        f"{iso('june.csv')}: {iso('۱')} ردیف کنار گذاشته شد ({iso(TOTALS_FA)}): ردیف {iso('۵')}."
    )


def test_notes_about_a_file_in_norwegian() -> None:
    data = b"Ads report\n1 Jun 2026 - 7 Jun 2026\nCampaign,Cost,Clicks\nSpring,10,2\n"
    _, report = read_file("ads.csv", data)
    assert report.warnings == [
        "ads.csv: 2 lines above the column names (a title or date range) passed over.",
        "ads.csv: no date column; its rows cover 01 Jun 2026 to 07 Jun 2026, as the lines "
        "above the table say.",
        "ads.csv: no platform column, so its rows are counted as 'other'.",
    ]
    # a date field is written as the language's day
    assert [translate_message(note, "nb") for note in report.warnings] == [
        "ads.csv: 2 linjer over kolonnenavnene (en tittel eller datoperiode) hoppet over.",
        "ads.csv: ingen datokolonne; radene dekker 1. juni 2026 til 7. juni 2026, slik linjene "
        "over tabellen sier.",
        "ads.csv: ingen plattformkolonne, så radene telles som 'other'.",
    ]


def test_a_broken_workbook_is_one_sentence_in_each_language() -> None:
    with pytest.raises(InputFileError) as caught:
        read_file("report.xlsx", BROKEN_XLSX)
    error = caught.value
    assert str(error) == "report.xlsx: the Excel file is damaged (not a valid .xlsx archive)."
    assert error.problem == "the Excel file is damaged (not a valid .xlsx archive)."
    assert translate_message(error.message, "nb") == (
        "report.xlsx: Excel-filen er skadet (ikke et gyldig .xlsx-arkiv)."
    )
    assert translate_message(error.message, "fa") == (f"{iso('report.xlsx')}: {iso(DAMAGED_FA)}")


def test_a_settings_error_lists_every_problem_in_each_language() -> None:
    with pytest.raises(SettingsError) as caught:
        settings_from_json(BAD_SETTINGS, source="bad.json")
    error = caught.value
    assert str(error) == (
        f"bad.json: unknown setting 'colour' (known: {KNOWN}); "
        "costs.hourly_rate cannot be negative (-5)"
    )
    assert translate_message(error.message, "nb") == (
        f"bad.json: ukjent innstilling 'colour' (kjente: {KNOWN}); "
        "costs.hourly_rate kan ikke være negativ (-5)"
    )
    assert translate_message(error.message, "fa") == (
        f"{iso('bad.json')}: {iso(f'{iso(UNKNOWN_FA)}؛ {iso(NEGATIVE_FA)}')}"
    )


def test_the_analysis_notes_in_norwegian() -> None:
    table, _ = read_file("clicks.csv", b"platform,spend,clicks\nfacebook,100,10\n")
    (note,) = analyse(table, Settings()).warnings
    assert note == "The data has no dates, so monthly costs are counted for 1 month."
    assert translate_message(note, "nb") == (
        "Dataene har ingen datoer, så månedlige kostnader regnes for 1 måned."
    )


def test_a_shared_report_keeps_its_reasons_translatable(tmp_path: Path) -> None:
    table, report = read_file("june.csv", JUNE)
    store = ReportStore(f"sqlite:///{tmp_path / 'reports.sqlite'}")
    token = store.save(table, Settings(), title="June", reports=[report])
    (shared,) = store.open(token).reports
    assert shared.excluded["reason"].tolist() == report.excluded["reason"].tolist()
    assert [translate_message(r, "nb") for r in shared.excluded["reason"]] == [
        "ikke en dato i kolonnen date",
        "en totalrad (å ta den med ville telle alt to ganger)",
    ]


# ---------------------------------------------------------------- the Data page


def test_the_data_page_in_norwegian() -> None:
    app = data_page("nb", [("june.csv", JUNE)])
    assert app.title[0].value == "Dine data"
    assert [c.value for c in app.caption][:1] == [
        "Hver rad som ble lest, er enten med i tabellen nedenfor eller står oppført her med "
        "årsaken."
    ]
    summary = app.dataframe[0].value
    assert list(summary.columns) == [
        "Fil",
        "Plattformer",
        "Gjenkjent som",
        "Valuta",
        "Rader lest",
        "Rader brukt",
        "Rader utelatt",
        "Problem",
    ]
    assert summary.iloc[0][["Rader lest", "Rader brukt", "Rader utelatt"]].tolist() == [4, 2, 2]
    (expander,) = app.main.expander
    assert rendered(expander.label) == "june.csv: 2 av 4 rader brukt"
    assert "**Rader utelatt (2)**" in [m.value for m in app.markdown]
    left_out = app.dataframe[2].value
    assert list(left_out.columns) == ["Rad i filen", "Årsak"]
    assert left_out["Årsak"].tolist() == [
        "ikke en dato i kolonnen date",
        "en totalrad (å ta den med ville telle alt to ganger)",
    ]
    editor = app.dataframe[1].value  # the mapping editor
    assert list(editor.columns) == ["Kolonne i filen din", "Leses som"]
    assert app.subheader[0].value == "Tabellen (2 rader)"
    assert untranslated(app, "nb") == []


def test_the_data_page_in_persian() -> None:
    app = data_page("fa", [("june.csv", JUNE)])
    assert app.title[0].value == "داده\u200cهای شما"
    (expander,) = app.main.expander
    assert rendered(expander.label) == (
        f"{iso('june.csv')}: {iso('۲')} از {iso('۴')} ردیف به کار رفت"
    )
    assert f"**ردیف\u200cهای کنارگذاشته\u200cشده ({iso('۲')})**" in [m.value for m in app.markdown]
    left_out = app.dataframe[2].value
    assert list(left_out.columns) == ["ردیف در فایل", "دلیل"]
    assert left_out["دلیل"].tolist() == [
        f"در ستون {iso('date')} تاریخ نیست",
        "ردیف جمع کل (افزودن آن همه\u200cچیز را دو بار می\u200cشمارد)",
    ]
    assert app.subheader[0].value == f"جدول ({iso('۲')} ردیف)"
    assert untranslated(app, "fa") == []


def test_the_data_page_keeps_its_english() -> None:
    app = data_page("", [("june.csv", JUNE)])
    assert app.title[0].value == "Your data"
    (expander,) = app.main.expander
    assert rendered(expander.label) == "june.csv: 2 of 4 rows used"
    assert "**Rows left out (2)**" in [m.value for m in app.markdown]
    assert app.dataframe[2].value["Reason"].tolist() == [
        "not a date in column date",
        "a totals row (adding it would count everything twice)",
    ]
    assert app.subheader[0].value == "The table (2 rows)"


@pytest.mark.parametrize("lang", ["nb", "fa"])
def test_the_data_page_on_the_sample_speaks_the_language(lang: str) -> None:
    app = data_page(lang)
    assert untranslated(app, lang) == []


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "nb",
            "report.xlsx: Excel-filen er skadet (ikke et gyldig .xlsx-arkiv). "
            "Dashbordet viser fortsatt dataene det hadde.",
        ),
        (
            "fa",
            f"{iso('report.xlsx')}: {iso(DAMAGED_FA)}"
            " داشبورد همچنان داده\u200cهای قبلی را نشان می\u200cدهد.",
        ),
    ],
    ids=["nb", "fa"],
)
def test_a_broken_upload_says_why_in_the_language(lang: str, expected: str) -> None:
    app = run_app(lang)
    app.file_uploader(key="uploads").set_value(
        [("report.xlsx", BROKEN_XLSX, "application/octet-stream")]
    ).run()
    assert not app.exception
    assert [rendered(error.value) for error in app.error] == [expected]
    app.switch_page("pages/data.py").run()
    assert not app.exception


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "nb",
            "Kunne ikke laste inn innstillingene; ingenting ble endret. bad.json: ukjent "
            f"innstilling 'colour' (kjente: {KNOWN}); costs.hourly_rate kan ikke være negativ (-5)",
        ),
        (
            "fa",
            "تنظیمات بارگذاری نشد؛ چیزی تغییر نکرد. "
            + iso(f"{iso('bad.json')}: " + iso(iso(UNKNOWN_FA) + "؛ " + iso(NEGATIVE_FA))),
        ),
    ],
    ids=["nb", "fa"],
)
def test_a_bad_settings_file_says_why_in_the_language(lang: str, expected: str) -> None:
    app = run_app(lang)
    app.switch_page("pages/business.py").run()  # where a settings file is loaded
    app.file_uploader(key="settings_upload").set_value(
        ("bad.json", BAD_SETTINGS, "application/json")
    ).run()
    assert not app.exception
    assert [rendered(error.value) for error in app.error] == [expected]


# ---------------------------------------------------------------- the frame


@pytest.mark.parametrize(
    ("lang", "caption"),
    [
        ("", "01 Jun 2026 – 02 Jun 2026 (0.1 months) · 2 rows · amounts in USD"),
        ("nb", "1. juni 2026 – 2. juni 2026 (0,1 måneder) · 2 rader · beløp i USD"),
        (
            "fa",
            f"{iso('۱ ژوئن ۲۰۲۶')} – {iso('۲ ژوئن ۲۰۲۶')} ({iso('۰٫۱ ماه')}) · "
            f"{iso('۲')} ردیف · مبالغ به {iso('USD')}",
        ),
    ],
    ids=["en", "nb", "fa"],
)
def test_the_period_caption_in_the_language(lang: str, caption: str) -> None:
    app = run_app(lang)
    app.file_uploader(key="uploads").set_value([("june.csv", JUNE, "text/csv")]).run()
    app.switch_page("pages/cost_per_result.py").run()
    assert not app.exception
    assert caption in [rendered(c.value) for c in app.caption]
    if lang == "nb":  # markdown would turn a caption starting "1. juni" into a numbered list
        assert any(c.value.startswith("1\\. juni 2026") for c in app.caption)


@pytest.mark.parametrize(
    ("lang", "warning"),
    [
        (
            "nb",
            "Byrå / frilanser er knyttet til tiktok, som ikke har noen rader i denne perioden; "
            f"kostnaden (1{NBSP}234,50) vises på en rad for tiktok uten resultater.",
        ),
        (
            "fa",
            f"{iso('آژانس / فریلنسر')} به {iso('tiktok')} اختصاص داده شده است که در این دوره "
            f"هیچ ردیفی ندارد؛ هزینهٔ آن ({iso('۱٬۲۳۴٫۵۰')}) در یک ردیف {iso('tiktok')} بدون "
            "نتیجه نشان داده می\u200cشود.",
        ),
    ],
    ids=["nb", "fa"],
)
def test_an_analysis_note_with_an_amount_in_the_language(lang: str, warning: str) -> None:
    app = run_app(lang)
    app.file_uploader(key="uploads").set_value(
        [("clicks.csv", b"platform,spend,clicks\nfacebook,100,10\n", "text/csv")]
    ).run()
    # a settings file: 1,234.50 a month for an agency that works on tiktok only
    costs = {"costs": {"agency_per_month": 1234.5, "assigned_to": {"agency": "tiktok"}}}
    app.switch_page("pages/business.py").run()  # where a settings file is loaded
    app.file_uploader(key="settings_upload").set_value(
        ("tiktok.json", json.dumps(costs).encode(), "application/json")
    ).run()
    app.switch_page("pages/overview.py").run()  # the numbers, and their notes
    assert not app.exception, app.exception
    # no dates: the monthly cost counts for one month, all of it on a tiktok row
    assert warning in [rendered(w.value) for w in app.warning]


@pytest.mark.parametrize(
    ("lang", "banner", "reason"),
    [
        (
            "nb",
            "**June** — en rapport delt 1. juni 2026. Skrivebeskyttet: du ser tallene slik de "
            "var da rapporten ble delt.",
            "ikke en dato i kolonnen date",
        ),
        (
            "fa",
            f"گزارشی که در {iso('۱ ژوئن ۲۰۲۶')} به اشتراک گذاشته شد.",
            f"در ستون {iso('date')} تاریخ نیست",
        ),
    ],
    ids=["nb", "fa"],
)
def test_a_shared_report_in_the_language(
    lang: str, banner: str, reason: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ui.share import report_store

    monkeypatch.setenv("SMROI_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("SMROI_DATABASE_URL", raising=False)
    report_store.clear()
    try:
        table, report = read_file("june.csv", JUNE)
        token = ReportStore().save(
            table,
            Settings(),
            title="June",
            reports=[report],
            now=datetime(2026, 6, 1, 9, 30, tzinfo=UTC),
        )
        app = AppTest.from_file(str(Path(__file__).parent.parent / "app.py"), default_timeout=60)
        app.query_params["report"] = token
        app.query_params["lang"] = lang
        app.run()
        app.switch_page("pages/data.py").run()
        assert not app.exception, app.exception
        assert any(banner in rendered(info.value) for info in app.info)
        assert reason in app.dataframe[2].value.iloc[:, 1].tolist()
        assert untranslated(app, lang) == []
    finally:
        report_store.clear()
