"""Norwegian and Persian next to English: the catalogs cover every message the code shows,
translations keep their fields, and the app speaks the language the link or picker asks for."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.pofile import read_po, write_po
from streamlit.testing.v1 import AppTest

import smroi.i18n
from smroi import METRICS, cost_per_result_label, cost_per_result_sentence, headline_sentence
from smroi.i18n import (
    LANGUAGES,
    RTL,
    catalog_path,
    chart_translator,
    fill,
    language_code,
    message_fields,
    plural_translator,
    translations,
    translator,
)
from smroi.registry import metric_formula, metric_help_text, metric_label
from tests.conftest import ROOT
from tests.test_pages import PAGES

APP = str(ROOT / "app.py")
TRANSLATED = [lang for lang in LANGUAGES if lang != "en"]
# The keywords of the README's extract command (pybabel adds them to its defaults)
EXTRACT_COMMAND = (
    "pybabel extract -F babel.cfg -k t -k nt:1,2 -k N_ -k _n:1,2 --add-comments=Translators: "
    "--sort-by-file --project=smroi --version=0.1.0 "
    '--copyright-holder="smroi contributors" -o smroi/locale/smroi.pot .'
)
KEYWORDS = {**DEFAULT_KEYWORDS, "t": None, "nt": (1, 2), "N_": None, "_n": (1, 2)}
MsgId = str | tuple[str, ...]


def extracted() -> dict[MsgId, list[str]]:
    """Every message id the code marks, as Babel extracts it, with the files it is in."""
    with (ROOT / "babel.cfg").open(encoding="utf-8") as cfg:
        method_map, options_map = parse_mapping_cfg(cfg)
    found: dict[MsgId, list[str]] = {}
    for path, _line, message, _comments, _context in extract_from_dir(
        ROOT, method_map, options_map, keywords=KEYWORDS
    ):
        found.setdefault(message, []).append(path)
    return found


MESSAGES = extracted()


def read_catalog(path: Path) -> Catalog:
    with path.open("rb") as po:
        return read_po(po)


def key(message: MsgId) -> str:
    return message[0] if isinstance(message, tuple) else message


def forms(string: str | tuple[str, ...]) -> tuple[str, ...]:
    return string if isinstance(string, tuple) else (string,)


# ---------------------------------------------------------------- the catalogs


def test_the_code_marks_the_sidebar_frame_overview_and_registry_texts() -> None:
    files = {path for paths in MESSAGES.values() for path in paths}
    for module in ("app.py", "ui/sidebar.py", "ui/frame.py", "pages/overview.py"):
        assert module in files
    for metric in METRICS.values():
        for text in (metric.label, metric.help, metric.formula):
            assert text in MESSAGES, f"{metric.key}: {text!r} is not marked with N_()"


@pytest.mark.parametrize("lang", TRANSLATED)
def test_the_catalog_translates_every_message_id_the_code_uses(lang: str) -> None:
    catalog = read_catalog(catalog_path(lang))
    missing = []
    for message, paths in MESSAGES.items():
        entry = catalog.get(key(message))
        if entry is None or entry.fuzzy or not all(forms(entry.string)):
            missing.append(f"{message!r} ({', '.join(sorted(set(paths)))})")
    assert not missing, (
        f"{lang} lacks {len(missing)} translation(s); run the README's pybabel extract and "
        "update, then translate:\n" + "\n".join(missing)
    )


@pytest.mark.parametrize("lang", TRANSLATED)
def test_the_catalog_holds_no_message_the_code_no_longer_uses(lang: str) -> None:
    wanted = {key(message) for message in MESSAGES}
    stale = [entry.id for entry in read_catalog(catalog_path(lang)) if entry.id]
    assert [m for m in stale if key(m) not in wanted] == [], "run the README's pybabel update"


def test_the_template_is_extracted_from_the_current_code() -> None:
    template = read_catalog(ROOT / "smroi" / "locale" / "smroi.pot")
    assert {key(entry.id) for entry in template if entry.id} == {key(m) for m in MESSAGES}, (
        "smroi/locale/smroi.pot is stale: run the README's pybabel extract"
    )


@pytest.mark.parametrize("lang", TRANSLATED)
def test_translations_keep_the_fields_of_their_message(lang: str) -> None:
    wrong = []
    for entry in read_catalog(catalog_path(lang)):
        if not entry.id:
            continue
        fields = set().union(*(message_fields(text) for text in forms(entry.id)))
        for text in forms(entry.string):
            if message_fields(text) != fields:
                wrong.append(f"{entry.id!r} -> {text!r}")
    assert not wrong, "\n".join(wrong)


def test_marked_text_is_never_inside_an_f_string_where_babel_cannot_see_it() -> None:
    hidden = re.compile(r"""\bf(["'])[^"'\n]*\{[^}\n]*\b(?:t|nt|N_|_)\(""")
    sources = [ROOT / "app.py", *(ROOT / "ui").glob("*.py"), *(ROOT / "pages").glob("*.py")]
    sources += (ROOT / "smroi").rglob("*.py")  # and its subpackages
    found = [
        f"{path.relative_to(ROOT)}:{number}"
        for path in sources
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if hidden.search(line)
    ]
    assert not found


def test_the_readme_gives_the_extract_command_the_tests_use() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert EXTRACT_COMMAND in readme
    assert "pybabel update -i smroi/locale/smroi.pot -d smroi/locale -D smroi" in readme


def test_every_language_but_english_has_a_catalog_and_persian_reads_right_to_left() -> None:
    assert list(LANGUAGES) == ["en", "nb", "fa"]
    assert set(RTL) == {"fa"}
    for lang in TRANSLATED:
        assert catalog_path(lang).is_file()
        assert read_catalog(catalog_path(lang)).locale_identifier == lang


# ---------------------------------------------------------------- translating


@pytest.mark.parametrize(
    ("lang", "english", "expected"),
    [
        ("nb", "Total cost", "Total kostnad"),
        ("nb", "Is social media paying?", "Lønner sosiale medier seg?"),
        ("nb", "Upload exports (CSV or Excel)", "Last opp eksporter (CSV eller Excel)"),
        ("nb", "Formula: {formula}", "Formel: {formula}"),
        ("fa", "Total cost", "هزینهٔ کل"),
        ("fa", "Is social media paying?", "آیا شبکه\u200cهای اجتماعی سودآور است؟"),
        ("fa", "Language", "زبان"),
        ("fa", "Formula: {formula}", "فرمول: {formula}"),
        ("en", "Total cost", "Total cost"),
        ("nb", "A text no catalog has", "A text no catalog has"),
    ],
    ids=[
        "nb-kpi",
        "nb-title",
        "nb-uploader",
        "nb-field",
        "fa-kpi",
        "fa-title",
        "fa-picker",
        "fa-field",
        "en-is-the-id",
        "missing-is-english",
    ],
)
def test_hand_checked_translations(lang: str, english: str, expected: str) -> None:
    assert translator(lang)(english) == expected


def test_metric_names_help_and_formulas_follow_the_registry() -> None:
    assert metric_label("cost", "nb") == "Total kostnad"
    assert metric_label("cost", "fa") == "هزینهٔ کل"
    assert metric_label("roas", "fa") == "بازگشت هزینهٔ تبلیغات"
    assert metric_help_text("ctr", "nb") == "Klikkrate: andelen visninger som førte til et klikk."
    assert metric_formula("profit", "nb") == "avkastning - total kostnad"
    assert cost_per_result_label("leads", "nb") == "Kostnad per lead"
    assert cost_per_result_label("awareness", "fa") == "هزینهٔ هر ۱٬۰۰۰ نمایش"
    for key_, metric in METRICS.items():  # English is the registry, word for word
        assert metric_label(key_) == metric.label
        assert metric_help_text(key_, "en") == metric.help
        assert metric_formula(key_, "en") == metric.formula


def test_sentences_in_norwegian_and_persian() -> None:
    nothing = {"cost": 0.0, "return": 0.0, "profit": 0.0}
    assert headline_sentence(nothing, "NOK", lang="nb") == (
        "Det er ingen kostnader eller avkastning i dette utvalget ennå."
    )
    assert cost_per_result_sentence({"cost_per_result": None}, "sales", "NOK", lang="nb") == (
        "Ingen betalte konverteringer i dette utvalget, så kostnad per salg kan ikke beregnes (—)."
    )
    assert cost_per_result_sentence({"cost_per_result": None}, "leads", "IRR", lang="fa") == (
        "در این انتخاب هیچ سرنخی از محتوای پولی نیست، بنابراین هزینهٔ هر سرنخ قابل محاسبه نیست (—)."
    )


def test_values_in_a_persian_sentence_keep_their_own_order() -> None:
    fsi, pdi = "\u2068", "\u2069"  # first strong isolate ... pop directional isolate
    assert fill("{first} – {last}", "fa", first="01 Jun 2026", last="28 Sep 2026") == (
        f"{fsi}01 Jun 2026{pdi} – {fsi}28 Sep 2026{pdi}"
    )
    assert fill("{first} – {last}", "nb", first="1", last="2") == "1 – 2"
    assert cost_per_result_sentence({"cost_per_result": 12.5}, "sales", "USD", lang="fa") == (
        f"هر فروش از پست\u200cها و تبلیغات پولی {fsi}۱۲٫۵۰\u00a0${pdi} هزینهٔ تبلیغات داشت."
    )
    latin = cost_per_result_sentence(
        {"cost_per_result": 12.5}, "sales", "USD", lang="fa", digits="latin"
    )
    assert (
        latin == f"هر فروش از پست\u200cها و تبلیغات پولی {fsi}12.50\u00a0${pdi} هزینهٔ تبلیغات داشت."
    )
    totals = {"cost": 1234.5, "return": 2469.0, "profit": 1234.5, "roi_pct": 100.0}
    assert headline_sentence(totals, "NOK", lang="nb") == (
        "Sosiale medier kostet deg 1\u00a0234,50\u00a0kr og ga 2\u00a0469,00\u00a0kr. "
        "Det har lønnet seg: en fortjeneste på 1\u00a0234,50\u00a0kr og en ROI på 100,0\u00a0%."
    )
    assert cost_per_result_sentence({"cost_per_result": 12.5}, "sales", "USD") == (
        "Each sale from paid posts and ads cost $12.50 in ad spend."
    )


def test_chart_text_in_persian_is_one_right_to_left_run() -> None:
    assert chart_translator("en")("ROI by platform") == "ROI by platform"
    assert chart_translator("nb")("ROI by platform") == "ROI per plattform"
    assert chart_translator("fa")("ROI (%)") == "\u200fبازگشت سرمایه (٪)\u200f"


def test_plurals_follow_each_language() -> None:
    rows = ("{rows} row", "{rows} rows")
    assert [plural_translator("en")(*rows, n) for n in (1, 2)] == list(rows)
    assert [plural_translator("nb")(*rows, n) for n in (1, 2)] == ["{rows} rad", "{rows} rader"]
    assert [plural_translator("fa")(*rows, n) for n in (1, 2)] == ["{rows} ردیف", "{rows} ردیف"]


@pytest.mark.parametrize(
    ("code", "expected"),
    [("nb", "nb"), ("NB", "nb"), ("nb-NO", "nb"), ("fa_IR", "fa"), ("de", None), ("", None)],
)
def test_language_codes_from_a_link(code: str, expected: str | None) -> None:
    assert language_code(code) == expected


def test_an_unknown_language_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown language 'de'; smroi speaks en, nb, fa"):
        translator("de")


@pytest.fixture
def scratch_catalogs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Catalogs read from tmp_path instead of the package."""
    monkeypatch.setattr(smroi.i18n, "LOCALE_DIR", tmp_path)
    translations.cache_clear()
    yield tmp_path
    translations.cache_clear()


def test_empty_fuzzy_and_half_translated_plurals_fall_back_to_english(
    scratch_catalogs: Path,
) -> None:
    catalog = Catalog(locale="nb", domain="smroi")
    catalog.add("Profit", "Fortjeneste")
    catalog.add("Return", "")
    catalog.add("Total cost", "Total kostnad", flags=["fuzzy"])
    catalog.add(("{n} row", "{n} rows"), ("{n} rad", ""))
    path = scratch_catalogs / "nb" / "LC_MESSAGES" / "smroi.po"
    path.parent.mkdir(parents=True)
    with path.open("wb") as po:
        write_po(po, catalog)
    _ = translator("nb")
    assert [_("Profit"), _("Return"), _("Total cost")] == ["Fortjeneste", "Return", "Total cost"]
    assert plural_translator("nb")("{n} row", "{n} rows", 2) == "{n} rows"


def test_a_language_without_a_catalog_file_shows_english(scratch_catalogs: Path) -> None:
    assert translator("fa")("Total cost") == "Total cost"


# ---------------------------------------------------------------- the app


def run_app(lang: str | None = None) -> AppTest:
    app = AppTest.from_file(APP, default_timeout=60)
    if lang:
        app.query_params["lang"] = lang
    app.run()
    assert not app.exception, app.exception
    return app


def shown_texts(app: AppTest) -> list[str]:
    """The texts on screen: titles, captions, notices, markdown, cards, widget labels, help."""
    texts: list[str] = []
    for kind in (
        "title",
        "header",
        "subheader",
        "caption",
        "markdown",
        "info",
        "warning",
        "error",
        "success",
    ):
        texts += [element.value for element in app.get(kind)]
    for card in app.metric:
        texts += [card.label, card.proto.help]
    widgets = (
        "selectbox",
        "multiselect",
        "number_input",
        "date_input",
        "radio",
        "checkbox",
        "toggle",
        "text_input",
        "text_area",
        "slider",
        "select_slider",
        "button",
    )
    for kind in widgets:
        for widget in app.get(kind):
            texts += [widget.label, widget.help or ""]
    for kind in ("selectbox", "multiselect", "radio"):  # option labels as shown
        for widget in app.get(kind):
            texts += [str(option) for option in widget.options]
    texts += [expander.label for expander in app.expander]
    texts += [tab.label for tab in app.tabs]
    return texts


def chart_title(spec: dict) -> str:
    title = spec.get("title") or (spec.get("layer") or [{}])[0].get("title") or {}
    return title.get("text") if isinstance(title, dict) else str(title)


def untranslated(app: AppTest, lang: str) -> list[str]:
    """Texts on screen that are an English message id whose translation differs."""
    _ = translator(lang)
    english = {key(m) for m in MESSAGES if isinstance(m, str) and _(m) != m}
    return sorted({text for text in shown_texts(app) if text in english})


def test_overview_in_norwegian_from_the_link() -> None:
    app = run_app("nb")
    assert app.title[0].value == "Lønner sosiale medier seg?"
    labels = [card.label for card in app.metric][:6]
    assert labels == [
        "ROI",
        "Fortjeneste",
        "Total kostnad",
        "Avkastning",
        "ROAS",
        "Kostnad per salg",
    ]
    assert app.metric[2].proto.help.endswith("Formel: annonsekostnad + andre kostnader")
    banners = [info.value for info in app.info]
    assert "Du ser på eksempeldata — last opp dine egne i sidepanelet." in banners
    assert [h.value for h in app.sidebar.header][:2] == ["Dine data", "Vis"]
    assert app.sidebar.selectbox(key="ui.language").value == "nb"
    assert app.query_params["lang"] == "nb"
    assert not app.get("html")  # left to right: no direction stylesheet
    assert untranslated(app, "nb") == []


def test_overview_in_persian_reads_right_to_left_with_left_to_right_charts() -> None:
    app = run_app("fa")
    assert app.title[0].value == "آیا شبکه\u200cهای اجتماعی سودآور است؟"
    labels = [card.label for card in app.metric][:6]
    assert labels == [
        "بازگشت سرمایه",
        "سود",
        "هزینهٔ کل",
        "بازده",
        "بازگشت هزینهٔ تبلیغات",
        "هزینهٔ هر فروش",
    ]
    assert untranslated(app, "fa") == []
    (style,) = app.get("html")
    css = style.proto.body
    assert "direction: rtl" in css and "direction: ltr" in css
    assert "stVegaLiteChart" in css  # charts keep left to right
    specs = [json.loads(chart.proto.spec) for chart in app.get("vega_lite_chart")]
    titles = {chart_title(spec) for spec in specs}
    rlm = "\u200f"  # each text one right-to-left run inside the left-to-right chart
    assert {
        f"{rlm}بازده در برابر هزینهٔ کل به تفکیک پلتفرم{rlm}",
        f"{rlm}بازگشت سرمایه به تفکیک پلتفرم{rlm}",
        f"{rlm}بازده و هزینهٔ کل در هر هفته{rlm}",
    } <= titles


def test_english_stays_the_default_without_a_lang_in_the_link() -> None:
    app = run_app()
    assert app.title[0].value == "Is social media paying?"
    assert app.sidebar.selectbox(key="ui.language").value == "en"
    assert "lang" not in app.query_params
    assert not app.get("html")


def test_an_unknown_lang_in_the_link_opens_in_english_and_leaves_the_link() -> None:
    app = run_app("xx")
    assert app.title[0].value == "Is social media paying?"
    assert "lang" not in app.query_params


def test_the_picker_changes_the_language_and_the_link_and_keeps_the_inputs() -> None:
    app = run_app()
    app.switch_page("pages/business.py").run()
    app.number_input(key="set.costs.agency_per_month").set_value(1234.0)
    app.run()
    picker = app.sidebar.selectbox(key="ui.language")
    assert picker.options == ["English", "Norsk bokmål", "فارسی"]
    picker.select("nb")
    app.run()
    assert not app.exception
    assert app.title[0].value == "Din bedrift"
    assert app.query_params["lang"] == "nb"
    assert app.number_input(key="set.costs.agency_per_month").value == 1234.0
    app.sidebar.selectbox(key="ui.language").select("fa")
    app.run()
    assert app.title[0].value == "کسب\u200cوکار شما"
    assert app.query_params["lang"] == "fa"
    app.sidebar.selectbox(key="ui.language").select("en")
    app.run()
    assert app.title[0].value == "Your business"
    assert "lang" not in app.query_params
    assert app.number_input(key="set.costs.agency_per_month").value == 1234.0
    app.switch_page("pages/overview.py").run()  # and the number reaches the other pages
    assert "Costs $2,133.00 a month" in app.sidebar.caption[0].value  # 899 + 1,234


def test_the_language_stays_on_another_page() -> None:
    app = run_app("nb")
    app.switch_page("pages/data.py")
    app.run()
    assert not app.exception
    assert app.sidebar.selectbox(key="ui.language").value == "nb"
    assert [h.value for h in app.sidebar.header][:2] == ["Dine data", "Vis"]


def test_a_link_shared_in_norwegian_opens_in_norwegian(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ui.share import report_store

    monkeypatch.setenv("SMROI_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("SMROI_DATABASE_URL", raising=False)
    monkeypatch.setenv("SMROI_BASE_URL", "https://roi.example")
    report_store.clear()
    try:
        app = run_app("nb")
        (create,) = [b for b in app.button if b.label == "Lag lenke"]
        create.click()
        app.run()
        (link,) = [code.value for code in app.code]
        assert re.fullmatch(r"https://roi\.example/\?report=[\w-]+&lang=nb", link)
    finally:
        report_store.clear()


@pytest.mark.parametrize("lang", TRANSLATED)
@pytest.mark.parametrize("page", PAGES, ids=[Path(page).stem for page in PAGES])
def test_every_page_speaks_the_language_with_no_english_message_left(page: str, lang: str) -> None:
    app = run_app(lang)
    app.switch_page(page)
    app.run()
    assert not app.exception, app.exception
    assert untranslated(app, lang) == []
    ids = {key(message) for message in MESSAGES}
    assert app.title[0].value not in ids  # the page's title is in the language, not English


@contextmanager
def session_language(lang: str) -> Iterator[None]:
    """The UI helpers outside an app run (Streamlit's bare mode: one session, this test's)."""
    import streamlit as st

    from ui import state

    st.session_state[state.LANGUAGE] = lang
    try:
        yield
    finally:
        del st.session_state[state.LANGUAGE]


@pytest.mark.parametrize(
    ("lang", "titles"),
    [
        ("en", ["Post / ad", "Period start", "Return (NOK)", "Total cost (NOK)", "Days"]),
        (
            "nb",
            [
                "Innlegg / annonse",
                "Periodestart",
                "Avkastning (NOK)",
                "Total kostnad (NOK)",
                "Dager",
            ],
        ),
        ("fa", ["پست / تبلیغ", "آغاز دوره", "بازده (NOK)", "هزینهٔ کل (NOK)", "روزها"]),
    ],
)
def test_a_chart_s_numbers_download_with_titles_in_the_language(
    lang: str, titles: list[str]
) -> None:
    import pandas as pd

    from ui.widgets import chart_table

    frame = pd.DataFrame(
        {
            "element": ["Reel"],
            "period_start": ["2026-06-01"],
            "return": [1.0],
            "cost": [2.0],
            "days": [7],
        }
    )
    with session_language(lang):
        table = chart_table(frame, list(frame.columns), "NOK")
    assert list(table.columns) == titles


def test_a_long_table_keeps_its_printf_formats_so_the_page_stays_fast() -> None:
    import pandas as pd

    from ui.widgets import MAX_STYLED_ROWS, english_format, localised_table

    short = pd.DataFrame({"spend": [1234.5]})
    long = pd.DataFrame({"spend": [1234.5] * (MAX_STYLED_ROWS + 1)})
    with session_language("nb"):
        styler = localised_table(short, {"spend": "money"}, "NOK")
        assert styler.data.equals(short)  # the cells stay numbers; the text is the Styler's
        assert "1\u00a0234,50\u00a0kr" in styler.to_string()
        assert english_format("%,.2f", rows=len(short)) is None
        assert localised_table(long, {"spend": "money"}, "NOK") is long
        assert english_format("%,.2f", rows=len(long)) == "%,.2f"


def test_row_numbers_in_a_message_follow_the_language_s_digits() -> None:
    from smroi.i18n import _n, listed, translate_message

    note = _n(
        "{file}: {count:,} row left out ({reason}): row {rows}.",
        "{file}: {count:,} rows left out ({reason}): rows {rows}.",
        12,
        file="a.csv",
        count=12,
        reason="x",
        rows=listed(range(4, 16)),
    )
    assert note == "a.csv: 12 rows left out (x): rows 4, 5, 6, 7, 8, 9, 10, 11, 12, 13 …."
    fsi, pdi = "\u2068", "\u2069"
    assert translate_message(note, "fa").endswith(
        f"ردیف\u200cهای {fsi}۴، ۵، ۶، ۷، ۸، ۹، ۱۰، ۱۱، ۱۲، ۱۳ …{pdi}."
    )
    assert translate_message(note, "nb") == (
        "a.csv: 12 rader utelatt (x): rad 4, 5, 6, 7, 8, 9, 10, 11, 12, 13 …."
    )
