"""The Earned media page, its rate table and soft-value inputs, the value ledger and the
keyword-file messages in Norwegian and Persian, against strings written by hand.

The page runs on the sample data: its cash return is sales value 42,085.83 + commissions
172.73 = 42,258.56 USD (tests/test_sample_golden.py pins the sample's numbers). The ledger
in the core is the March table of tests/test_earned_media.py.
"""

from __future__ import annotations

import pytest
from streamlit.dataframe_util import convert_arrow_bytes_to_pandas_df
from streamlit.testing.v1 import AppTest

from smroi import analyse, headline
from smroi.earned_media import RATE_SOURCES, rate_sources, read_keyword_files, value_ledger
from smroi.i18n import translate_message
from tests.conftest import FIXTURES
from tests.test_earned_media import fixture, ledger_settings, march
from tests.test_i18n import run_app, untranslated

PAGE = "pages/earned_media.py"
NBSP, FSI, PDI, RLM = "\u00a0", "\u2068", "\u2069", "\u200f"
ZWNJ = "\u200c"


def earned_media_page(lang: str) -> AppTest:
    app = run_app(lang)
    app.switch_page(PAGE)
    app.run()
    assert not app.exception, app.exception
    return app


def card(app: AppTest, label: str) -> str:
    return next(metric.value for metric in app.metric if metric.label == label)


def ledger_table(app: AppTest, line_column: str):  # type: ignore[no-untyped-def]
    return next(df.value for df in app.dataframe if line_column in df.value.columns)


# ---------------------------------------------------------------- the page


def test_the_page_in_norwegian() -> None:
    app = earned_media_page("nb")
    assert app.title[0].value == "Hva er resten verdt?"
    assert [h.value for h in app.main.header] == ["Verdi av fortjente medier", "Verdiregnskapet"]
    assert [s.value for s in app.main.subheader] == ["Prisene bak"]
    presets = [b.label for b in app.main.button if str(b.key).startswith("emv.rates.preset.")]
    assert presets == ["Lave priser", "Middels priser", "Høye priser"]
    assert app.number_input(key="set.soft_value.fans").label == "Fans / følgere"
    assert app.number_input(key="set.soft_value.fan_cpm").label == "CPM for fans (USD)"
    assert app.main.expander[-1].label == (
        "Myke verdier: merkevarekjennskap, kundeservice, innsikt, søketrafikk"
    )
    assert card(app, "Avkastning i kontanter") == f"42{NBSP}258,56{NBSP}USD"
    ledger = ledger_table(app, "Linje")
    assert list(ledger.columns) == [
        "Linje",
        "Type",
        "Beløp (USD)",
        "I ROI",
        "Slik er det regnet ut",
    ]
    assert ledger["Linje"].tolist()[:3] == ["Salgsverdi", "Provisjoner", "Leadverdi"]
    assert ledger["Linje"].tolist()[-4:] == [
        "PPC-ekvivalent",
        "Merkevarekjennskap (verdi per fan)",
        "Besparelser i kundeservice",
        "Kundeinnsikt",
    ]
    assert set(ledger["Type"]) == {"penger", "anslått"}
    assert set(ledger["I ROI"]) == {"ja", "nei"}
    assert ledger["Slik er det regnet ut"].iloc[0] == f"sporet omsetning 42{NBSP}085,83{NBSP}USD"
    sources = next(c.value for c in app.caption if "Vitrue" in c.value)
    assert sources.startswith("**Hvor disse prisene kommer fra.**")
    assert untranslated(app, "nb") == []


def test_the_page_in_persian() -> None:
    app = earned_media_page("fa")
    assert app.title[0].value == "بقیه چه ارزشی دارد؟"
    assert [h.value for h in app.main.header] == ["ارزش رسانهٔ اکتسابی", "دفتر ارزش"]
    assert [b.label for b in app.main.button if str(b.key).startswith("emv.rates.preset.")] == [
        f"نرخ{ZWNJ}های پایین",
        f"نرخ{ZWNJ}های متوسط",
        f"نرخ{ZWNJ}های بالا",
    ]
    assert app.number_input(key="set.soft_value.insights").label == (
        f"بینش{ZWNJ}ها از شبکه{ZWNJ}های اجتماعی"
    )
    assert card(app, "بازده نقدی") == f"۴۲٬۲۵۸٫۵۶{NBSP}$"
    ledger = ledger_table(app, "روش محاسبه")
    assert ledger.columns[2] == "مبلغ (USD)"
    assert ledger.iloc[0, 0] == "ارزش فروش"
    assert ledger.iloc[-1, 0] == "بینش مشتریان"
    assert set(ledger.iloc[:, 1]) == {"پول نقد", "برآوردی"}
    assert ledger.iloc[0, 4] == f"درآمد ردیابی{ZWNJ}شده {FSI}۴۲٬۰۸۵٫۸۳{NBSP}${PDI}"
    assert untranslated(app, "fa") == []
    # the waterfall's steps are the ledger's names, each one right-to-left run in the chart
    waterfall = app.get("vega_lite_chart")[-1]
    steps = convert_arrow_bytes_to_pandas_df(waterfall.proto.datasets[0].data.data)
    assert steps["label"].tolist()[:3] == [
        f"{RLM}هزینهٔ کل{RLM}",
        f"{RLM}ارزش فروش{RLM}",
        f"{RLM}کمیسیون{ZWNJ}ها{RLM}",
    ]


def test_persian_with_latin_digits() -> None:
    app = run_app("fa")
    app.sidebar.radio(key="ui.digits").set_value("latin").run()
    app.switch_page(PAGE)
    app.run()
    assert not app.exception
    assert card(app, "بازده نقدی") == f"42,258.56{NBSP}$"


def test_a_rate_edited_in_norwegian_is_kept_under_the_same_keys() -> None:
    """The table's columns keep their English names (the edit names them) and the default
    row is still the settings' "default", though the user reads "standard"."""
    app = earned_media_page("nb")
    table = next(df.value for df in app.dataframe if "Own rate" in df.value.columns)
    assert table["Platform"].iloc[0] == "standard"
    app.session_state["emv.rates.0"] = {
        "edited_rows": {0: {"CPM (per 1,000 impressions)": 14.0}},
        "added_rows": [],
        "deleted_rows": [],
    }
    app.run()
    assert not app.exception
    assert app.session_state["set.earned_media.rates.default.cpm"] == 14.0
    app.button(key="emv.rates.preset.low").click().run()
    assert not app.exception
    assert app.session_state["set.earned_media.rates.default.cpm"] == 4.0


def test_keyword_file_warnings_in_norwegian() -> None:
    app = earned_media_page("nb")
    upload = (FIXTURES / "search_console_queries.csv").read_bytes()
    app.file_uploader(key="emv.keywords").set_value([("sc.csv", upload, "text/csv")]).run()
    assert not app.exception
    warnings = [w.value for w in app.warning]
    # plain() escapes every markdown character of the message, the colon too
    assert r"sc\.csv\: 1 søkeord uten klikk er utelatt\." in warnings
    assert (
        r"sc\.csv\: ingen av filene har kostnad per klikk per søkeord, så 5 søkeord med klikk "
        r"er utelatt\: legg til en eksport fra Google Ads Keyword Planner \(eller en fil med en "
        r"CPC\-kolonne\)\."
    ) in warnings
    assert untranslated(app, "nb") == []


# ---------------------------------------------------------------- the core


def ledger_lines(currency: str, lang: str, digits: str = "native") -> dict[str, tuple[str, str]]:
    settings = ledger_settings(currency=currency)
    analysis = analyse(march(), settings)
    lines = value_ledger(headline(analysis), settings, analysis.months, lang=lang, digits=digits)
    return {line.key: (line.label, line.formula) for line in lines}


def test_the_ledger_in_norwegian() -> None:
    lines = ledger_lines("NOK", "nb")
    assert lines["sales_value"] == ("Salgsverdi", f"sporet omsetning 480,00{NBSP}kr")
    assert lines["lead_value"] == (
        "Leadverdi",
        f"2 av 5 leads x 20,00{NBSP}kr per lead (leads på rader med sporet omsetning telles "
        "ikke på nytt)",
    )
    assert lines["ppc_equivalent"] == (
        "PPC-ekvivalent",
        "450 organiske klikk på 2 søkeord x hvert søkeords kostnad per klikk",
    )
    assert lines["fan_value"] == (
        "Merkevarekjennskap (verdi per fan)",
        f"1{NBSP}200 fans x 3,65{NBSP}kr i året x 1,0 / 12 måneder; 3,65{NBSP}kr = 1 visning "
        f"per fan per innlegg x 2 innlegg om dagen x 365 dager x 5,00{NBSP}kr CPM / 1000",
    )
    assert lines["service_savings"][1] == (
        f"30 henvendelser besvart i måneden x 1,0 måneder x 5,00{NBSP}kr per henvendelse"
    )
    assert lines["insight_value"] == (
        "Kundeinnsikt",
        f"3 innsikter x 2{NBSP}400,00{NBSP}kr per fokusgruppe / 8 innsikter per fokusgruppe",
    )
    assert lines["emv"][1].endswith(
        f"(standard 7,00{NBSP}kr CPM, 1,00{NBSP}kr per klikk, 0,00{NBSP}kr per engasjement); "
        "ikke regnet med i avkastningen"
    )


@pytest.mark.parametrize(
    ("digits", "revenue", "insights"),
    [
        (
            "native",
            f"{FSI}۴۸۰{NBSP}ریال{PDI}",
            f"{FSI}۳{PDI} بینش × {FSI}۲٬۴۰۰{NBSP}ریال{PDI} برای هر گروه کانونی / {FSI}۸{PDI} "
            "بینش در هر گروه کانونی",
        ),
        (
            "latin",
            f"{FSI}480{NBSP}ریال{PDI}",
            f"{FSI}3{PDI} بینش × {FSI}2,400{NBSP}ریال{PDI} برای هر گروه کانونی / {FSI}8{PDI} "
            "بینش در هر گروه کانونی",
        ),
    ],
    ids=["persian-digits", "latin-digits"],
)
def test_the_ledger_in_persian(digits: str, revenue: str, insights: str) -> None:
    lines = ledger_lines("IRR", "fa", digits)
    assert lines["sales_value"] == ("ارزش فروش", f"درآمد ردیابی{ZWNJ}شده {revenue}")
    assert lines["insight_value"] == ("بینش مشتریان", insights)
    assert lines["service_savings"][0] == f"صرفه{ZWNJ}جویی در خدمات مشتری"


def test_the_english_ledger_is_the_default() -> None:
    assert ledger_lines("NOK", "en") == ledger_lines("NOK", "en", "latin")
    assert ledger_lines("NOK", "en")["sales_value"] == ("Sales value", "tracked revenue 480.00 kr")


def test_keyword_messages_stay_english_and_translate() -> None:
    _, messages = read_keyword_files(fixture("search_console_queries.csv"))
    zero = next(m for m in messages if "0 clicks" in m)
    assert zero == "search_console_queries.csv: 1 keyword with 0 clicks left out."
    assert translate_message(zero, "nb") == (
        "search_console_queries.csv: 1 søkeord uten klikk er utelatt."
    )
    assert translate_message(zero, "fa") == (
        f"{FSI}search_console_queries.csv{PDI}: {FSI}1{PDI} کلیدواژهٔ بدون کلیک کنار گذاشته شد."
    )
    _, persian = read_keyword_files(fixture("search_console_queries.csv"), lang="fa")
    zero = next(m for m in persian if "0 clicks" in m)
    assert translate_message(zero, "fa") == (
        f"{FSI}search_console_queries.csv{PDI}: {FSI}۱{PDI} کلیدواژهٔ بدون کلیک کنار گذاشته شد."
    )


def test_two_click_files_are_named_in_the_language() -> None:
    data = b"Keyword,Clicks\nshoes,10\n"
    _, messages = read_keyword_files([("a.csv", data), ("b.csv", data)])
    (message,) = messages
    assert message.startswith("a.csv and b.csv: none of the files has a cost per click")
    assert translate_message(message, "nb").startswith(
        "a.csv og b.csv: ingen av filene har kostnad per klikk per søkeord, så 1 søkeord"
    )


def test_where_the_rates_come_from_in_each_language() -> None:
    assert rate_sources("en") == RATE_SOURCES
    assert rate_sources("nb").startswith(
        "**Hvor disse prisene kommer fra.** De er grove, avrundede tall i amerikanske dollar"
    )
    assert "\n- **Verdi per fan**: Vitrues studie fra april 2010" in rate_sources("nb")
    assert rate_sources("fa").startswith(f"**این نرخ{ZWNJ}ها از کجا آمده{ZWNJ}اند.**")
