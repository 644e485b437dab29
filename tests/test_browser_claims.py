"""The Overview checks the platforms' claims against the shop's orders in a real browser:
upload a Meta export, a Google Ads export and a Shopify orders export of the same June
days, read the sentence, and move ROI onto the shop's record (numbers by hand in
tests/test_claimed_sales.py)."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser import kpi, settle
from tests.conftest import ROOT

pytestmark = pytest.mark.browser

FIXTURES = ROOT / "tests" / "fixtures"
FILES = [
    str(FIXTURES / name)
    for name in ("claims_meta_june.csv", "claims_google_june.csv", "claims_shopify_june.csv")
]


def _upload(browser, url: str, lang: str, width: int = 1440, height: int = 900):  # type: ignore[no-untyped-def]
    page = browser.new_context(viewport={"width": width, "height": height}).new_page()
    page.goto(f"{url}/?lang={lang}")
    page.wait_for_selector("[data-testid=stMetric]", timeout=60_000)
    settle(page)
    page.set_input_files("[data-testid=stSidebar] input[type=file]", FILES)
    page.wait_for_selector("[data-testid=stMain] [data-testid=stRadio]", timeout=90_000)
    settle(page)
    return page


def test_the_sentence_and_roi_on_what_the_shop_recorded(browser, app_url: str) -> None:  # type: ignore[no-untyped-def]
    page = _upload(browser, app_url, "en")
    sentence = (
        "Meta and Google together claim 2.00x the sales your shop recorded from 03 Jun 2026 "
        "to 08 Jun 2026 ($920.00 against $460.00)."
    )
    expect(page.get_by_text(sentence)).to_be_visible()
    # return counts the claims once (780 + 320) and the one order no claim covers (70)
    expect(kpi(page, "Return")).to_have_text("$1,170.00")
    page.get_by_text("What the shop recorded", exact=True).click()
    settle(page)
    # Meta 180 + 300, Google 160, the shop's Jun 9 order 70
    expect(kpi(page, "Return")).to_have_text("$710.00")
    # the choice is a setting: it stays when the user comes back from another page
    page.get_by_role("link", name="Data").first.click()
    settle(page)
    page.get_by_role("link", name="Overview").first.click()
    page.wait_for_selector("[data-testid=stMain] [data-testid=stRadio]", timeout=60_000)
    settle(page)
    expect(kpi(page, "Return")).to_have_text("$710.00")
    page.context.close()


@pytest.mark.parametrize("lang", ["nb", "fa"])
def test_the_sentence_in_norwegian_and_persian_on_a_phone(browser, app_url: str, lang: str) -> None:  # type: ignore[no-untyped-def]
    page = _upload(browser, app_url, lang, 390, 844)
    # Persian sets each value apart in Unicode isolates (FSI … PDI), so its words are found
    # between them: "together claim", and the ratio in Persian digits
    words = {"nb": ("Meta og Google påstår til sammen 2,00x",), "fa": ("روی هم", "۲٫۰۰x")}
    paragraph = page.locator("[data-testid=stMarkdownContainer] p")
    for word in words[lang]:
        paragraph = paragraph.filter(has_text=word)
    expect(paragraph).to_have_count(1)
    box = paragraph.bounding_box()
    assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 390  # no overflow
    page.context.close()
