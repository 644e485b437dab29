"""A Spend column that mixes decimal marks in the app: the Data page asks which mark is the
decimal one, the choice brings the waiting rows back and changes the numbers, and it can be
undone. The upload is tests/test_ingest_numbers.py's MIXED_FILE: spend $1,075.00 before the
choice (rows 5, 6, 7: 100 - 25 + 1,000), $6,044.00 with the comma (row 4's "2.500" is
2,500, rows 2 and 3 are 1,234.50 each: 1,075 + 2,469 + 2,500)."""

from __future__ import annotations

import re

from streamlit.testing.v1 import AppTest

from tests.conftest import ROOT
from tests.test_ingest_numbers import MIXED_FILE, MIXED_WARNING, QUESTION

APP = str(ROOT / "app.py")
RADIO = "data.decimal_mark.0.0"
UNDO = "data.undo_decimal_mark.0.0"


def rendered(markdown: str) -> str:
    """What a user reads: markdown escapes removed."""
    return re.sub(r"\\(.)", r"\1", markdown)


def cards(app: AppTest) -> dict[str, str]:
    return {card.label: card.value for card in app.metric}


def test_choosing_the_decimal_mark_of_a_mixed_column_changes_the_numbers_and_can_be_undone() -> (
    None
):
    app = AppTest.from_file(APP, default_timeout=60)
    app.run()
    app.file_uploader(key="uploads").set_value([("ads.csv", MIXED_FILE, "text/csv")]).run()
    assert not app.exception, app.exception
    assert cards(app)["Ad spend"] == "$1,075.00"
    assert MIXED_WARNING in [rendered(warning.value) for warning in app.warning]

    app.switch_page("pages/data.py").run()
    assert not app.exception, app.exception
    left_out = next(frame.value for frame in app.dataframe if "Reason" in frame.value.columns)
    assert left_out["Row in file"].tolist() == [2, 3, 4, 8, 9]
    assert left_out["Reason"].tolist()[0] == QUESTION
    radio = app.radio(key=RADIO)
    assert rendered(radio.label) == "Which is the decimal mark in 'Spend'?"
    assert [rendered(option) for option in radio.options] == [
        "1,234.50 — point",
        "1.234,50 — comma",
    ]
    assert radio.value is None  # nothing is guessed
    radio.set_value(",").run()
    assert not app.exception, app.exception
    assert not [radio for radio in app.radio if radio.key == RADIO]
    assert "'Spend' is read with the comma as its decimal mark, as you chose." in [
        rendered(caption.value) for caption in app.caption
    ]
    left_out = next(frame.value for frame in app.dataframe if "Reason" in frame.value.columns)
    assert left_out["Row in file"].tolist() == [8, 9]

    app.switch_page("pages/overview.py").run()
    assert not app.exception, app.exception
    assert cards(app)["Ad spend"] == "$6,044.00"
    assert MIXED_WARNING not in [rendered(warning.value) for warning in app.warning]

    app.switch_page("pages/data.py").run()
    undo = app.button(key=UNDO)
    assert undo.label == "Undo this choice"
    undo.click().run()
    assert not app.exception, app.exception
    assert app.radio(key=RADIO).value is None
    app.switch_page("pages/overview.py").run()
    assert cards(app)["Ad spend"] == "$1,075.00"
