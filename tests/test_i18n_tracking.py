"""The Tracking and Attribution pages in Norwegian and Persian: titles, labels, model names,
the notes the core writes (UTM warnings, rows left out, conversions with no touch) and their
numbers, every expected string written by hand."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from smroi.attribution import attribute, read_journeys
from smroi.i18n import translate_message
from smroi.utm import build_links, check_convention
from tests.test_i18n import run_app, untranslated

FSI, PDI = "\u2068", "\u2069"  # a Persian message's fields are Unicode isolates
ZWNJ = "\u200c"

# one file with both touches and purchases: j2's purchase has no touch before it
JOURNEYS = (
    b"journey_id,timestamp,channel,type,value\n"
    b"j1,2026-03-01 10:00,instagram,touch,\n"
    b"j1,2026-03-02 10:00,,purchase,80\n"
    b"j2,2026-03-05 10:00,,purchase,1234.5\n"
)


def page(lang: str, path: str) -> AppTest:
    app = run_app(lang)
    app.switch_page(path)
    app.run()
    assert not app.exception, app.exception
    return app


def captions(app: AppTest) -> list[str]:
    return [caption.value for caption in app.caption]


def upload_journeys(app: AppTest) -> None:
    app.file_uploader(key="attribution.touches").set_value(
        [("journeys.csv", JOURNEYS, "text/csv")]
    ).run()
    assert not app.exception, app.exception


# ---------------------------------------------------------------- UTM warnings


def test_a_utm_warning_in_norwegian_and_persian() -> None:
    (warning,) = check_convention("https://shop.example/sale", "Facebook", "paid_social", "spring")
    assert warning == "source 'Facebook' has capital letters; write 'facebook'."
    assert translate_message(warning, "nb") == (
        "utm_source 'Facebook' har store bokstaver; skriv 'facebook'."
    )
    assert translate_message(warning, "fa") == (
        f"{FSI}source{PDI} {FSI}'Facebook'{PDI} {FSI}حروف بزرگ{PDI} دارد؛ "
        f"{FSI}'facebook'{PDI} بنویسید."
    )


def test_a_list_in_a_utm_warning_is_joined_the_language_s_way() -> None:
    base = "https://shop.example/?utm_source=x&utm_medium=y&utm_term=z"
    (warning,) = check_convention(base, "facebook", "paid_social", "spring")
    assert warning == (
        "the base URL already has utm_source, utm_medium and utm_term; "
        "the link replaces its utm tags."
    )
    assert translate_message(warning, "nb") == (
        "sideadressen har allerede utm_source, utm_medium og utm_term; "
        "lenken erstatter utm-taggene."
    )
    assert translate_message(warning, "fa") == (
        f"نشانی صفحه از پیش {FSI}{FSI}{FSI}utm_source{PDI}، {FSI}utm_medium{PDI}{PDI} و "
        f"{FSI}utm_term{PDI}{PDI} دارد؛ پیوند برچسب{ZWNJ}های utm آن را جایگزین می{ZWNJ}کند."
    )


def test_built_links_carry_their_warnings_in_the_language_asked_for() -> None:
    import pandas as pd

    links = pd.DataFrame(
        {
            "base_url": ["https://shop.example/"],
            "source": ["facebook"],
            "medium": ["paid social"],
            "campaign": [""],
        }
    )
    assert build_links(links, lang="nb")["warnings"].tolist() == [
        "utm_medium 'paid social' har mellomrom; skriv 'paid-social'. "
        "utm_campaign er tom; hver lenke trenger en kilde, et medium og en kampanje."
    ]
    assert build_links(links)["warnings"].tolist() == [
        "medium 'paid social' has spaces; write 'paid-social'. "
        "campaign is empty; every link needs a source, a medium and a campaign."
    ]


# ---------------------------------------------------------------- attribution notes


def test_rows_left_out_and_unattributed_reasons_in_norwegian_and_persian() -> None:
    data = read_journeys(
        (
            "t.csv",
            b"journey_id,timestamp,channel,type,value\n"
            b"j1,2026-03-01,a,touch,\n"
            b",2026-03-02,b,touch,\n"
            b"j1,2026-05-03,,purchase,5\n"
            b"j2,2026-03-03,,purchase,7\n",
        )
    )
    left_out = data.warnings[1]
    assert left_out == "t.csv: 1 touch row left out (no journey id): row 3."
    assert translate_message(left_out, "nb") == (
        "t.csv: 1 berøringsrad utelatt (ingen reise-ID): rad 3."
    )
    assert translate_message(left_out, "fa") == (
        f"{FSI}t.csv{PDI}: {FSI}۱{PDI} ردیف تماس کنار گذاشته شد ({FSI}بدون شناسهٔ سفر{PDI}): "
        f"ردیف {FSI}۳{PDI}."
    )
    reasons = attribute(data).unattributed["reason"].tolist()
    assert reasons == ["no touch within the 30-day lookback window", "no touch before it"]
    assert [translate_message(reason, "nb") for reason in reasons] == [
        "ingen berøring innenfor tilbakeblikksvinduet på 30 dager",
        "ingen berøring før den",
    ]
    assert [translate_message(reason, "fa") for reason in reasons] == [
        f"بدون تماس در بازهٔ بازنگری {FSI}۳۰{PDI} روزه",
        "بدون تماس پیش از آن",
    ]


# ---------------------------------------------------------------- Tracking


def test_tracking_page_in_norwegian() -> None:
    app = page("nb", "pages/tracking.py")
    assert app.title[0].value == "Merk lenken, og følg den"
    assert [header.value for header in app.main.header] == [
        "Merk lenkene dine",
        "Resultater per tagg",
        "Hvor de besøkende går",
    ]
    dimension = app.selectbox(key="tracking.dimension")
    assert dimension.label == "Del opp etter"
    assert dimension.value == "utm_source"  # the option values stay the tag names
    assert dimension.options[:2] == ["Kilde (utm_source)", "Medium (utm_medium)"]
    assert "Du ser på eksempelstier — last opp dine egne ovenfor." in [i.value for i in app.info]
    links = next(df.value for df in app.dataframe if "link" in df.value.columns)
    assert (
        links["warnings"]
        .iloc[1]
        .startswith("utm_source 'Instagram' har store bokstaver; skriv 'instagram'.")
    )
    assert untranslated(app, "nb") == []


def test_tracking_page_in_persian() -> None:
    app = page("fa", "pages/tracking.py")
    assert app.title[0].value == "برچسب بزنید، سپس دنبال کنید"
    assert app.header[0].value == "پیوندهایتان را برچسب بزنید"
    dimension = app.selectbox(key="tracking.dimension")
    assert dimension.label == "تفکیک بر اساس"
    assert dimension.options[0] == "منبع (utm_source)"
    links = next(df.value for df in app.dataframe if "link" in df.value.columns)
    assert (
        links["warnings"]
        .iloc[1]
        .startswith(f"{FSI}source{PDI} {FSI}'Instagram'{PDI} {FSI}حروف بزرگ{PDI} دارد؛ ")
    )
    assert untranslated(app, "fa") == []


def test_an_analytics_export_s_problems_in_norwegian_and_persian() -> None:
    for lang, error, left_out in [
        (
            "nb",
            "visits\\.csv\\: har ingen kildekolonne \\(for eksempel 'Session source' og "
            "'Landing page'\\)\\.",
            "2 av 3 rader (4 besøk) mangler kilde eller landingsside, eller har et antall besøk "
            "som ikke er et tall: utelatt fra stiene.",
        ),
        (
            "fa",
            f"{FSI}visits\\.csv{PDI}\\: {FSI}ستون منبع ندارد \\(برای نمونه 'Session source' و "
            f"'Landing page'\\)\\.{PDI}",
            f"{FSI}۲{PDI} ردیف از {FSI}۳{PDI} ردیف ({FSI}۴{PDI} بازدید) منبع یا صفحهٔ فرود "
            f"ندارند، یا تعداد بازدیدشان عدد نیست: از مسیرها کنار گذاشته شدند.",
        ),
    ]:
        app = page(lang, "pages/tracking.py")
        no_source = b"page,visits\n/,3\n"
        app.file_uploader(key="tracking.referrals").set_value(
            [("visits.csv", no_source, "text/csv")]
        ).run()
        assert [message.value for message in app.error] == [error]
        paths = b"source,landing page,visits\ngoogle,/,3\n,/shop,4\nfb,/,x\n"
        app.file_uploader(key="tracking.referrals").set_value(
            [("paths.csv", paths, "text/csv")]
        ).run()
        assert not app.exception
        assert left_out in captions(app)


# ---------------------------------------------------------------- Attribution


def test_attribution_page_in_norwegian() -> None:
    app = page("nb", "pages/attribution.py")
    assert app.title[0].value == "Hvilken kanal skaffet salget?"
    model = app.get("button_group")[0]
    assert model.label == "Modell"
    assert model.options == [
        "Siste berøring",
        "Første berøring",
        "Lineær",
        "Tidsforfall",
        "Posisjonsbasert (40/20/40)",
    ]
    assert app.number_input(key="attribution.lookback").label == "Tilbakeblikk (dager)"
    assert [card.label for card in app.metric] == [
        "Konverteringer tilskrevet",
        "Verdi tilskrevet",
        "Konverteringer uten berøring",
    ]
    assert (
        "**Siste berøring**: Hele verdien av en konvertering til den siste berøringen før den."
        in (captions(app))
    )
    assert app.subheader[0].value == "Per kanal, siste berøring"
    assert [header.value for header in app.main.header] == ["Rabattkoder", "Hva kundene sier"]
    assert untranslated(app, "nb") == []


def test_attribution_notes_and_numbers_in_norwegian() -> None:
    app = page("nb", "pages/attribution.py")
    upload_journeys(app)
    assert [card.value for card in app.metric] == ["1", "80,00\u00a0USD", "1"]
    assert (
        ":material/info: 1 konvertering \\(verdi 1\u00a0234,50\\) hadde ingen berøring i "
        "vinduet sitt \\(tilbakeblikk 30 dager\\); den vises som '\\(ingen berøring\\)' og "
        "tilskrives ingen kanal\\."
    ) in captions(app)
    table = next(df for df in app.dataframe if "conversions" in df.value.columns)
    assert table.value["channel"].tolist() == ["instagram", "(ingen berøring)"]
    assert untranslated(app, "nb") == []


def test_attribution_page_in_persian() -> None:
    app = page("fa", "pages/attribution.py")
    assert app.title[0].value == "کدام کانال فروش را آورد؟"
    model = app.get("button_group")[0]
    assert model.label == "مدل"
    assert model.options[:3] == ["آخرین تماس", "نخستین تماس", "خطی"]
    assert app.number_input(key="attribution.half_life").label == f"نیمه{ZWNJ}عمر (روز)"
    assert app.metric[2].label == f"تبدیل{ZWNJ}های بدون تماس"
    assert app.subheader[0].value == f"بر اساس کانال، {FSI}آخرین تماس{PDI}"
    assert untranslated(app, "fa") == []


def test_attribution_notes_in_persian_with_persian_or_latin_digits() -> None:
    app = page("fa", "pages/attribution.py")
    upload_journeys(app)
    assert [card.value for card in app.metric][::2] == ["۱", "۱"]
    note = (
        f":material/info: {FSI}۱{PDI} تبدیل \\(ارزش {FSI}۱٬۲۳۴٫۵۰{PDI}\\) در بازهٔ خود "
        f"\\({FSI}بازنگری {FSI}۳۰{PDI} روز{PDI}\\) هیچ تماسی نداشت؛ با عنوان «\\(بدون تماس\\)» "
        f"نشان داده می{ZWNJ}شود و به هیچ کانالی نسبت داده نمی{ZWNJ}شود\\."
    )
    assert note in captions(app)
    app.session_state["ui.digits"] = "latin"
    app.run()
    assert not app.exception
    assert [card.value for card in app.metric][::2] == ["1", "1"]
    assert (
        f":material/info: {FSI}1{PDI} تبدیل \\(ارزش {FSI}1,234\\.50{PDI}\\) در بازهٔ خود "
        f"\\({FSI}بازنگری {FSI}30{PDI} روز{PDI}\\) هیچ تماسی نداشت؛ با عنوان «\\(بدون تماس\\)» "
        f"نشان داده می{ZWNJ}شود و به هیچ کانالی نسبت داده نمی{ZWNJ}شود\\."
    ) in captions(app)
    assert untranslated(app, "fa") == []
