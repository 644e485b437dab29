"""Google Analytics 4 reports: the visits from social media, and a report that cannot say
where its visits came from (smroi.web_traffic)."""

from __future__ import annotations

import pytest

from smroi import read_file
from smroi.errors import InputFileError

GA4_BY_DATE = "Date,Sessions,Users,Key events\n20260501,120,80,3\n20260502,300,200,10\n"


def test_a_ga4_report_without_source_or_channel_is_refused_with_the_real_reason() -> None:
    with pytest.raises(InputFileError) as refused:
        read_file("ga4.csv", GA4_BY_DATE.encode())
    assert refused.value.problem == (
        "this Google Analytics report does not say where its visits came from, so those from "
        "social media cannot be told apart; add the dimension 'Session source / medium' or "
        "'Session default channel group' to it in Google Analytics and export it again."
    )


def test_a_ga4_exploration_by_channel_keeps_its_social_rows() -> None:
    data = (
        "# Start date: 20260501\n# End date: 20260531\n"
        "Session default channel group,Sessions,Key events,Total revenue\n"
        "Organic Social,120,3,150.00\nDirect,300,10,900.00\nPaid Social,40,1,60.00\n"
    )
    table, report = read_file("ga4.csv", data.encode())
    assert table["clicks"].sum() == 120 + 40  # sessions from social media
    assert table["revenue"].sum() == pytest.approx(150.00 + 60.00)  # not Direct's 900
    assert report.excluded["row"].tolist() == [5]
