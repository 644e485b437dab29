"""Referral paths from an analytics export (smroi/referrals.py), numbers by hand from
tests/fixtures/referrals.csv."""

from __future__ import annotations

import pandas as pd
import pytest

from smroi import InputFileError
from smroi.referrals import read_referrals, referral_paths, top_flows
from tests.conftest import FIXTURES


def fixture() -> object:
    path = FIXTURES / "referrals.csv"
    return read_referrals(path.name, path.read_bytes())


def test_paths_are_summed_and_sorted_busiest_first() -> None:
    referrals = fixture()
    flows = referrals.flows
    assert referrals.has_next_page
    first = flows.iloc[0]
    assert (first["source"], first["landing_page"], first["next_page"]) == (
        "facebook",
        "/summer-sale",
        "/cart",
    )
    assert first["sessions"] == 1050  # "1,050"
    # instagram /shop -> /cart twice: 120 + 5
    row = flows[(flows["source"] == "instagram") & (flows["next_page"] == "/cart")]
    assert row["sessions"].tolist() == [125]
    # a blank next page is kept as "(not set)"
    assert flows[flows["next_page"] == "(not set)"]["sessions"].tolist() == [40]


def test_rows_without_a_source_or_landing_page_are_counted_not_lost() -> None:
    referrals = fixture()
    assert referrals.rows_read == 10
    # no source (7 sessions) and a "(not set)" landing page (9 sessions)
    assert (referrals.rows_left_out, referrals.sessions_left_out) == (2, 7 + 9)
    assert referrals.flows["sessions"].sum() + referrals.sessions_left_out == (
        120 + 30 + 1050 + 40 + 15 + 7 + 22 + 5 + 9
    )


def test_top_flows_have_labels_and_shares() -> None:
    top = top_flows(fixture(), 2)
    total = 1050 + 125 + 40 + 30 + 22 + 15  # all paths with a source and landing page
    assert top["path"].tolist() == [
        "facebook → /summer-sale → /cart",
        "instagram → /shop → /cart",
    ]
    assert top["share_pct"].tolist() == pytest.approx([1050 / total * 100, 125 / total * 100])


def test_without_a_visit_count_each_row_is_one_visit_and_next_page_is_optional() -> None:
    frame = pd.DataFrame(
        {"Referrer": ["instagram", "instagram", "facebook"], "Entry page": ["/a", "/a", "/b"]}
    )
    referrals = referral_paths(frame)
    assert not referrals.has_next_page
    assert referrals.flows.to_dict("records") == [
        {"source": "instagram", "landing_page": "/a", "sessions": 2.0},
        {"source": "facebook", "landing_page": "/b", "sessions": 1.0},
    ]
    assert top_flows(referrals)["path"].tolist() == ["instagram → /a", "facebook → /b"]


def test_a_file_without_the_columns_is_one_sentence_naming_it() -> None:
    with pytest.raises(InputFileError) as caught:
        read_referrals("visits.csv", b"Day,Sessions\n2026-06-01,4\n")
    message = str(caught.value)
    assert message.startswith("visits.csv")
    assert "no source and landing page column" in message
    assert "\n" not in message
