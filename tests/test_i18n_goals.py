"""The Goals page, the sidebar's goals and the goal sentences in Norwegian and Persian.

Every expected string is written by hand. Norwegian groups thousands with a no-break space
and writes "1,00 kr"; Persian writes its own digits (۰–۹), "٫" as the decimal point, "٬"
between thousands, and each value inside a sentence is a Unicode isolate (FSI … PDI).
"""

from __future__ import annotations

import json

import pytest

from smroi import Costs, Goal, Settings, SettingsError, analyse
from smroi.goals import (
    budget_shift,
    check_goal,
    format_pace,
    goal_sentence,
    goal_title,
    review,
)
from smroi.i18n import translate_message
from tests.test_budget_curves import two_platforms
from tests.test_goals import table, three_platforms
from tests.test_i18n import chart_title, run_app, untranslated

NBSP, FSI, PDI, ZWNJ = "\u00a0", "\u2068", "\u2069", "\u200c"


def iso(text: str) -> str:
    """A value as a Persian sentence holds it: inside a first strong isolate."""
    return f"{FSI}{text}{PDI}"


# September 2026's leads goal on the sample data: 90 of 100, 2 days left
BEHIND = {
    "metric": "leads",
    "period": "month",
    "actual": 90,
    "target": 100.0,
    "met": False,
    "days_left": 2,
    "needed_per_day": 5.0,
    "on_pace": False,
    "period_end": "2026-09-30",
}


# ---------------------------------------------------------------- titles and sentences


def test_goal_titles_in_norwegian_and_persian() -> None:
    leads = Goal(metric="leads", target=100, period="month")
    spend = Goal(metric="spend", target=150, period="week")
    roi = Goal(metric="roi_pct", target=50, period="quarter")
    assert goal_title(leads, "NOK", lang="nb") == "Leads: 100 per måned"
    assert goal_title(spend, "NOK", lang="nb") == f"Annonsekostnad: høyst 150,00{NBSP}kr per uke"
    assert goal_title(roi, "USD", lang="nb") == f"ROI: 50,0{NBSP}% per kvartal"
    assert goal_title(leads, "IRR", lang="fa") == (
        f"{iso('سرنخ' + ZWNJ + 'ها')}: {iso('۱۰۰')} در ماه"
    )
    assert goal_title(roi, "IRR", lang="fa") == (
        f"{iso('بازگشت سرمایه')}: {iso('۵۰٫۰٪')} در هر سه{ZWNJ}ماهه"
    )
    assert goal_title(spend, "IRR", lang="fa", digits="latin") == (
        f"{iso('هزینهٔ تبلیغات')}: حداکثر {iso(f'150{NBSP}ریال')} در هفته"
    )
    # English stays as it was
    assert goal_title(spend, "NOK") == "Ad spend: at most 150.00 kr a week"


def test_pace_in_norwegian_and_persian() -> None:
    assert format_pace(0.9, "leads", "NOK", lang="nb") == "0,90"
    assert format_pace(1234.5, "spend", "NOK", lang="nb") == f"1{NBSP}234,50{NBSP}kr"
    assert format_pace(0.9, "leads", "IRR", lang="fa") == "۰٫۹۰"
    assert format_pace(0.9, "leads", "IRR", lang="fa", digits="latin") == "0.90"
    assert format_pace(0.9, "leads", "USD") == "0.90"


def test_where_a_goal_stands_in_norwegian() -> None:
    assert goal_sentence(BEHIND, "USD", lang="nb") == (
        "behind",
        "Bak skjema: 5,00 per dag trengs de 2 dagene som er igjen for å nå 100 innen "
        "30. sep. 2026.",
    )
    one_day = {**BEHIND, "days_left": 1, "on_pace": True}
    assert goal_sentence(one_day, "USD", lang="nb") == (
        "on_pace",
        "I rute: 5,00 per dag trengs den 1 dagen som er igjen for å nå 100 innen 30. sep. 2026.",
    )
    assert goal_sentence({**BEHIND, "actual": 120, "met": True}, "USD", lang="nb") == (
        "met",
        "Målet er nådd.",
    )
    over = {**BEHIND, "metric": "spend", "actual": 3779.0, "target": 3000.0}
    assert goal_sentence(over, "NOK", lang="nb") == (
        "over",
        f"Over grensen på 3{NBSP}000,00{NBSP}kr med 779,00{NBSP}kr.",
    )
    short = {**BEHIND, "period": "week", "actual": 5, "days_left": 0}
    assert goal_sentence(short, "USD", lang="nb") == ("behind", "Uken endte 95 under målet.")
    ratio = {**BEHIND, "metric": "roi_pct", "actual": 30.0, "target": 50.0, "needed_per_day": None}
    assert goal_sentence(ratio, "USD", lang="nb") == (
        "info",
        f"20,0{NBSP}% igjen. Et forholdstall har ikke noe daglig tempo: det følger summene for "
        "hele måneden.",
    )
    nothing = {**BEHIND, "period": "year", "actual": None}
    assert goal_sentence(nothing, "USD", lang="nb") == (
        "info",
        "Ingen leads å måle dette året ennå.",
    )


def test_where_a_goal_stands_in_persian() -> None:
    assert goal_sentence(BEHIND, "IRR", lang="fa") == (
        "behind",
        f"عقب از برنامه: برای رسیدن به {iso('۱۰۰')} تا {iso('۳۰ سپتامبر ۲۰۲۶')}، در "
        f"{iso('۲')} روز باقی{ZWNJ}مانده روزانه {iso('۵٫۰۰')} لازم است.",
    )
    assert goal_sentence(BEHIND, "IRR", lang="fa", digits="latin") == (
        "behind",
        f"عقب از برنامه: برای رسیدن به {iso('100')} تا {iso('30 سپتامبر 2026')}، در "
        f"{iso('2')} روز باقی{ZWNJ}مانده روزانه {iso('5.00')} لازم است.",
    )
    assert goal_sentence({**BEHIND, "actual": 100, "met": True}, "IRR", lang="fa") == (
        "met",
        "هدف محقق شد.",
    )
    within = {**BEHIND, "metric": "cpl", "actual": 8.0, "target": 10.0, "met": True}
    assert goal_sentence(within, "IRR", lang="fa") == (
        "met",
        f"در محدودهٔ سقف {iso(f'۱۰{NBSP}ریال')}.",
    )
    nothing = {**BEHIND, "actual": None}
    assert goal_sentence(nothing, "IRR", lang="fa") == (
        "info",
        f"هنوز در این ماه چیزی از «{iso('سرنخ' + ZWNJ + 'ها')}» برای سنجش نیست.",
    )


def test_english_pace_says_day_for_one_day_left() -> None:
    assert goal_sentence({**BEHIND, "days_left": 1}, "USD")[1] == (
        "Behind pace: 5.00 a day is needed over the 1 day left to reach 100 by 30 Sep 2026."
    )


def test_a_goal_that_cannot_be_tracked_is_explained_in_norwegian() -> None:
    with pytest.raises(SettingsError) as caught:
        check_goal(Goal(metric="leads", target=5, period="fortnight"))
    (problem,) = caught.value.problems
    assert problem == "the goal on 'leads' has period 'fortnight'; use one of: " + (
        "day, week, month, quarter, year"
    )
    assert translate_message(problem, "nb") == (
        "målet for 'leads' har perioden 'fortnight'; bruk én av: day, week, month, quarter, year"
    )


# ---------------------------------------------------------------- review and budget shift


def test_review_in_norwegian() -> None:
    frame, settings = three_platforms("NOK")
    assert review(analyse(frame, settings), lang="nb") == [
        f"linkedin gir tilbake 3,10x av kostnaden: hver 1,00{NBSP}kr i kostnad der gir "
        f"3,10{NBSP}kr tilbake.",
        f"instagram gir tilbake 0,40x av kostnaden: hver 1,00{NBSP}kr i kostnad der gir "
        f"0,40{NBSP}kr tilbake.",
        "Pengene kommer tilbake på linkedin: avkastningen dekker minst kostnaden.",
        "Pengene kommer ikke tilbake på instagram: avkastningen er lavere enn kostnaden.",
        "x har ingen kostnad tildelt, så avkastningen kan ikke sammenlignes.",
    ]


def test_review_of_many_groups_in_norwegian() -> None:
    returns = [80, 5, 30, 60, 1, 20, 40, 12]
    frame = table(
        platform=["facebook"] * 8,
        campaign=[f"c{r}" for r in returns],
        paid=[True] * 8,
        spend=[10] * 8,
        revenue=returns,
    )
    analysis = analyse(frame, Settings(costs=Costs(tools_per_month=0)))
    sentences = review(analysis, "campaign", lang="nb")
    assert sentences[3] == "2 til ligger imellom (se tabellen)."
    assert sentences[7] == (
        "Pengene kommer tilbake på c80, c60, c40, c30, c20 og 1 annen: "
        "avkastningen dekker minst kostnaden."
    )
    assert sentences[8] == (
        "Pengene kommer ikke tilbake på c5 og c1: avkastningen er lavere enn kostnaden."
    )


def test_review_in_persian_keeps_names_and_amounts_in_their_own_order() -> None:
    frame, settings = three_platforms("USD")
    sentences = review(analyse(frame, settings), lang="fa")
    assert sentences[0] == (
        f"{iso('linkedin')} {iso('۳٫۱۰x')} هزینه{ZWNJ}اش را بازمی{ZWNJ}گرداند: هر "
        f"{iso(f'۱٫۰۰{NBSP}$')} هزینه در آنجا {iso(f'۳٫۱۰{NBSP}$')} بازمی{ZWNJ}گرداند."
    )
    assert sentences[2] == (
        f"پول در {iso(iso('linkedin'))} بازمی{ZWNJ}گردد: بازده دست{ZWNJ}کم هزینه را پوشش "
        f"می{ZWNJ}دهد."
    )
    assert sentences[-1] == (
        f"برای {iso('x')} هزینه{ZWNJ}ای ثبت نشده است، بنابراین بازده آن قابل مقایسه نیست."
    )


def test_budget_shift_in_norwegian_and_persian() -> None:
    # tests/test_budget_curves.py's weeks: 20% of instagram's 85 a week is 17; the change
    # 40 x (sqrt(204.5) - sqrt(187.5)) - 34 = -9.71; half is 42.5 and
    # 40 x (sqrt(230) - sqrt(187.5)) - 85 = -26.09 (exact weeks: the band is the point)
    shift = budget_shift(analyse(two_platforms(), Settings(currency="NOK")), lang="nb")
    assert shift is not None
    assert shift["sentence"] == (
        f"Å flytte 20{NBSP}% av annonsekostnaden på instagram (17,00{NBSP}kr per uke) til "
        f"linkedin ville endre fortjenesten med omtrent -9,71{NBSP}kr per uke (mellom "
        f"-9,71{NBSP}kr og -9,71{NBSP}kr), hvis hver følger kurven fra sine tidligere uker "
        "(resultatene vokser ikke raskere enn kostnaden). En framskriving fra disse dataene, "
        "ikke en prognose."
    )
    shift = budget_shift(
        analyse(two_platforms(), Settings(currency="USD")), share=0.5, lang="fa", digits="latin"
    )
    assert shift is not None
    minus = f"\u200e-26.09{NBSP}$"  # a left-to-right mark keeps the minus before the amount
    assert shift["sentence"] == (
        f"انتقال {iso('50')}٪ از هزینهٔ تبلیغات {iso('instagram')} ({iso(f'42.50{NBSP}$')} "
        f"در هفته) به {iso('linkedin')} سود را حدود {iso(minus)} در هفته تغییر می{ZWNJ}داد "
        f"(بین {iso(minus)} و {iso(minus)})، اگر هر کدام بر منحنی هفته{ZWNJ}های گذشتهٔ خود "
        f"بماند (نتایج سریع{ZWNJ}تر از هزینه رشد نمی{ZWNJ}کنند). برون{ZWNJ}یابی از همین "
        f"داده{ZWNJ}ها، نه پیش{ZWNJ}بینی."
    )


# ---------------------------------------------------------------- the page


def goals_page(lang: str, page: str = "pages/goals.py"):
    app = run_app(lang)
    app.switch_page(page)
    app.run()
    assert not app.exception, app.exception
    return app


def test_goals_page_in_norwegian() -> None:
    app = goals_page("nb")
    assert app.title[0].value == "Når vi målene?"
    assert [h.value for h in app.main.header] == [
        "Mål",
        "Denne perioden mot den forrige",
        "Gjennomgang og justering",
        "Hva om",
    ]
    # the what-if on the sample: its weekly spend barely varies, so no curve can be told
    infos = [info.value for info in app.info]
    assert "Ingen plattforms kurve kan leses ennå, så det er ingenting å framskrive." in infos
    assert (
        f"- facebook: annonsekostnaden endret seg knapt fra uke til uke (5,5{NBSP}% rundt "
        f"snittet; minst 10,0{NBSP}% trengs): kurven kan ikke leses."
    ) in [m.value.replace("\\", "") for m in app.markdown]  # without markdown's escapes
    assert [h.value for h in app.subheader] == ["Leads: 100 per måned"]
    captions = [c.value for c in app.caption]
    assert (
        "Bak skjema: 5,00 per dag trengs de 2 dagene som er igjen for å nå 100 innen "
        "30. sep. 2026." in captions
    )
    assert (
        "Måneden fra 1. sep. 2026 mot måneden fra 1. aug. 2026. Uker starter på mandag." in captions
    )
    goal_card = app.metric[0]
    assert (goal_card.label, goal_card.value) == ("Denne måneden (fra 1. sep. 2026)", "90")
    assert app.get("progress")[0].proto.text == f"90{NBSP}% av målet"
    leads = next(card for card in app.metric if card.label == "Leads")
    assert (leads.value, leads.proto.delta) == ("90", f"-27,4{NBSP}%")  # 90 against 124
    assert leads.proto.help == "Før: 124"
    assert any(w.value.startswith("Dataene slutter før denne måneden er over") for w in app.warning)
    options = {w.label: w.options for w in app.get("button_group")}
    assert options == {
        "Periode": ["dag", "uke", "måned", "kvartal", "år"],
        "Ranger": ["per plattform", "per kampanje"],
    }
    table = next(df.value for df in app.dataframe if "change_text" in df.value.columns)
    assert {"Total kostnad", "Annonsekostnad", "Kostnad per salg"} <= set(table["label"])
    sentences = [m.value for m in app.markdown]
    assert any(s.startswith("- facebook gir tilbake 3,60x av kostnaden") for s in sentences)
    specs = [json.loads(chart.proto.spec) for chart in app.get("vega_lite_chart")]
    assert "Leads per måned mot målet" in {chart_title(spec) for spec in specs}
    assert untranslated(app, "nb") == []


def test_goals_page_in_norwegian_after_editing_the_goals() -> None:
    app = goals_page("nb", "pages/business.py")
    app.number_input(key="goals.target.0.leads.month.100.0").set_value(80.0).run()
    app.selectbox(key="goals.add.metric").set_value("spend")
    app.number_input(key="goals.add.target").set_value(3000.0)
    next(b for b in app.button if b.label == "Legg til mål").click().run()
    labels = [box.label for box in app.number_input]
    assert "Leads per måned" in labels and "Annonsekostnad per måned (høyst)" in labels
    assert untranslated(app, "nb") == []
    app.switch_page("pages/goals.py").run()
    assert not app.exception
    assert [h.value for h in app.subheader] == [
        "Leads: 80 per måned",
        f"Annonsekostnad: høyst 3{NBSP}000,00{NBSP}USD per måned",
    ]
    assert [s.value for s in app.success] == ["Målet er nådd."]  # 90 leads >= 80
    # 90 / 80 = 112.5 %, rounded half to even; ad spend 3,779.00 is 779.00 over 3,000
    assert [bar.proto.text for bar in app.get("progress")] == [
        f"112{NBSP}% av målet",
        f"126{NBSP}% av grensen",
    ]
    assert f"Over grensen på 3{NBSP}000,00{NBSP}USD med 779,00{NBSP}USD." in [
        w.value for w in app.warning
    ]
    assert untranslated(app, "nb") == []


def test_goals_page_in_persian() -> None:
    app = goals_page("fa")
    assert app.title[0].value == f"آیا به اهداف می{ZWNJ}رسیم؟"
    assert [h.value for h in app.subheader] == [f"{iso('سرنخ' + ZWNJ + 'ها')}: {iso('۱۰۰')} در ماه"]
    pace = (
        f"عقب از برنامه: برای رسیدن به {iso('۱۰۰')} تا {iso('۳۰ سپتامبر ۲۰۲۶')}، در "
        f"{iso('۲')} روز باقی{ZWNJ}مانده روزانه {iso('۵٫۰۰')} لازم است."
    )
    assert pace in [c.value for c in app.caption]
    goal_card = app.metric[0]
    assert (goal_card.label, goal_card.value) == (f"این ماه (از {iso('۱ سپتامبر ۲۰۲۶')})", "۹۰")
    assert app.get("progress")[0].proto.text == f"{iso('۹۰')}٪ از هدف"
    leads = next(card for card in app.metric if card.label == f"سرنخ{ZWNJ}ها")
    assert (leads.value, leads.proto.delta) == ("۹۰", "-۲۷٫۴٪")
    assert untranslated(app, "fa") == []

    # the target met, in Latin digits
    app.sidebar.radio(key="ui.digits").set_value("latin").run()
    app.switch_page("pages/business.py").run()
    app.number_input(key="goals.target.0.leads.month.100.0").set_value(80.0).run()
    app.switch_page("pages/goals.py").run()
    assert not app.exception
    assert [h.value for h in app.subheader] == [f"{iso('سرنخ' + ZWNJ + 'ها')}: {iso('80')} در ماه"]
    assert [s.value for s in app.success] == ["هدف محقق شد."]
    assert app.get("progress")[0].proto.text == f"{iso('112')}٪ از هدف"
    assert untranslated(app, "fa") == []


def test_goals_page_without_goals_in_persian() -> None:
    app = goals_page("fa", "pages/business.py")
    app.button(key="goals.remove.0").click().run()
    app.switch_page("pages/goals.py").run()
    assert not app.exception
    assert (
        "هنوز هدفی نیست. یکی در صفحهٔ «کسب‌وکار شما» زیر «اهداف» بیفزایید (شاخص، مقدار هدف، دوره)."
        in [i.value for i in app.info]
    )
    assert untranslated(app, "fa") == []
