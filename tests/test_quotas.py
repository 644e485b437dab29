"""The share limits as pure functions (smroi.quotas): links and bytes per owner session an
hour, the store's size, and the sentences a user reads when a limit is reached. The same
limits against a real store, on SQLite and PostgreSQL, are in tests/test_share_quota.py.
"""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime, time, timedelta

import pytest

from smroi.errors import SmroiError
from smroi.i18n import translate_message
from smroi.quotas import (
    MB,
    Limits,
    Share,
    ShareLimitReached,
    StoreFull,
    bytes_free_at,
    check_share,
    clock,
    limits_from_environment,
    links_free_at,
    owner_hash,
)

T0 = datetime(2026, 3, 1, 15, 42, tzinfo=UTC)
DEFAULTS = Limits()


def minutes(n: float) -> timedelta:
    return timedelta(minutes=n)


def twenty_links() -> list[Share]:
    """20 links of 1 MB, one a minute from 15:42 to 16:01."""
    return [Share(T0 + minutes(n), MB) for n in range(20)]


def test_the_defaults_are_20_links_100_mb_an_hour_and_1000_mb_in_all() -> None:
    assert Limits() == Limits(shares_per_hour=20, bytes_per_hour=100 * MB, store_bytes=1000 * MB)
    assert MB == 1_048_576


def test_the_21st_link_in_an_hour_is_refused_until_the_first_is_an_hour_old() -> None:
    shares = twenty_links()
    now = T0 + minutes(30)  # 16:12
    assert links_free_at(shares, 20, now) == datetime(2026, 3, 1, 16, 42, tzinfo=UTC)
    with pytest.raises(ShareLimitReached) as caught:
        check_share(shares, MB, 0, DEFAULTS, now)
    assert str(caught.value) == (
        "You have made 20 links in the last hour, as many as one session may; you can make "
        "more at 16:42 UTC."
    )
    assert caught.value.free_at == datetime(2026, 3, 1, 16, 42, tzinfo=UTC)
    # at 16:42 the first link (15:42) is an hour old and no longer counts: 19 do
    check_share(shares, MB, 0, DEFAULTS, T0 + minutes(60))
    assert links_free_at(shares, 20, T0 + minutes(60)) is None
    # a second earlier it still counts
    assert links_free_at(shares, 20, T0 + minutes(60) - timedelta(seconds=1)) is not None


def test_the_20th_link_is_allowed() -> None:
    check_share(twenty_links()[:19], MB, 0, DEFAULTS, T0 + minutes(19))


def test_with_more_links_than_the_limit_the_one_that_frees_a_place_is_named() -> None:
    # 22 links counted (a limit lowered since): 3 must leave, the third is 15:44's
    shares = [Share(T0 + minutes(n), 1) for n in range(22)]
    assert links_free_at(shares, 20, T0 + minutes(25)) == T0 + minutes(62)


def test_one_link_an_hour_reads_in_the_singular() -> None:
    with pytest.raises(ShareLimitReached) as caught:
        check_share([Share(T0, 1)], 1, 0, Limits(shares_per_hour=1), T0 + minutes(5))
    assert str(caught.value) == (
        "You have made 1 link in the last hour, as many as one session may; you can make more "
        "at 16:42 UTC."
    )


def test_the_time_is_rounded_up_to_the_minute() -> None:
    assert clock(datetime(2026, 3, 1, 16, 41, 30, tzinfo=UTC)) == time(16, 42)
    assert clock(datetime(2026, 3, 1, 16, 42, tzinfo=UTC)) == time(16, 42)
    assert clock(datetime(2026, 3, 1, 23, 59, 1, tzinfo=UTC)) == time(0, 0)
    shares = [Share(T0 + timedelta(seconds=30), 1), *twenty_links()[1:]]
    with pytest.raises(ShareLimitReached) as caught:
        check_share(shares, 1, 0, DEFAULTS, T0 + minutes(30))
    assert "at 16:43 UTC." in str(caught.value)  # free at 16:42:30


# ---------------------------------------------------------------- bytes an hour

#          15:00 40 MB, 15:10 30 MB, 15:20 20 MB: 90 MB of the 100 MB an hour, at 15:30
AT_1500 = datetime(2026, 3, 1, 15, 0, tzinfo=UTC)
SHARED = [Share(AT_1500, 40 * MB), Share(AT_1500 + minutes(10), 30 * MB)]
SHARED.append(Share(AT_1500 + minutes(20), 20 * MB))
NOW = AT_1500 + minutes(30)


@pytest.mark.parametrize(
    ("size_mb", "free_at"),
    [
        pytest.param(10, None, id="90+10=100-fits"),
        pytest.param(11, "16:00", id="90+11-waits-for-15:00s-40"),
        pytest.param(50, "16:00", id="90+50-minus-40=100-fits-at-16:00"),
        pytest.param(51, "16:10", id="90+51-minus-40-minus-30=71-at-16:10"),
        pytest.param(100, "16:20", id="all-three-must-leave"),
    ],
)
def test_the_megabytes_an_hour_free_up_as_the_oldest_shares_age(
    size_mb: int, free_at: str | None
) -> None:
    found = bytes_free_at(SHARED, size_mb * MB, 100 * MB, NOW)
    assert (None if found is None else f"{found:%H:%M}") == free_at


def test_the_bytes_limit_is_a_sentence_with_the_time() -> None:
    with pytest.raises(ShareLimitReached) as caught:
        check_share(SHARED, 11 * MB, 0, DEFAULTS, NOW)
    assert str(caught.value) == (
        "This report would take your session past the 100 MB of reports it may share in an "
        "hour; you can share it at 16:00 UTC."
    )
    assert caught.value.free_at == AT_1500 + minutes(60)


def test_a_report_larger_than_an_hour_allows_can_never_be_shared() -> None:
    with pytest.raises(ShareLimitReached) as caught:
        check_share([], 101 * MB, 0, DEFAULTS, NOW)
    assert str(caught.value) == (
        "This report would take 101 MB, more than the 100 MB one session may share in an "
        "hour. Choose a shorter period or fewer platforms and share again."
    )
    assert caught.value.free_at is None


def test_shares_older_than_an_hour_do_not_count() -> None:
    check_share(SHARED, 100 * MB, 0, DEFAULTS, AT_1500 + minutes(80))  # 15:20's left at 16:20


# ---------------------------------------------------------------- the store's size


def test_a_link_that_would_fill_the_store_past_1000_mb_is_refused() -> None:
    check_share([], 2 * MB, 998 * MB, DEFAULTS, NOW)  # 998 + 2 = 1000: fits
    with pytest.raises(StoreFull) as caught:
        check_share([], 2 * MB + 1, 998 * MB, DEFAULTS, NOW)
    assert str(caught.value) == (
        "The report store is full (it may hold 1000 MB of shared reports), so no link can be "
        "made just now; tell whoever runs this site."
    )
    assert caught.value.limit == 1000 * MB


def test_the_hourly_limits_are_told_before_the_store_is_full() -> None:
    with pytest.raises(ShareLimitReached):
        check_share(twenty_links(), MB, 1000 * MB, DEFAULTS, T0 + minutes(30))


# ---------------------------------------------------------------- settings and owners


def test_the_variables_set_the_limits() -> None:
    environ = {
        "SMROI_SHARES_PER_HOUR": "5",
        "SMROI_SHARE_MB_PER_HOUR": " 20 ",
        "SMROI_STORE_MB": "",  # empty: the default
    }
    assert limits_from_environment(environ) == Limits(
        shares_per_hour=5, bytes_per_hour=20 * MB, store_bytes=1000 * MB
    )
    assert limits_from_environment({}) == DEFAULTS


@pytest.mark.parametrize("value", ["0", "-3", "2.5", "many"])
def test_a_limit_that_is_not_a_whole_number_of_1_or_more_is_a_sentence(value: str) -> None:
    with pytest.raises(SmroiError) as caught:
        limits_from_environment({"SMROI_STORE_MB": value})
    assert str(caught.value) == (
        f"SMROI_STORE_MB must be a whole number of 1 or more (it is {value})."
    )


def test_an_owner_is_known_by_a_hash_of_its_session_id() -> None:
    session_id = "k3Q-random-session-id"
    assert owner_hash(session_id) == hashlib.sha256(session_id.encode()).hexdigest()
    assert session_id not in owner_hash(session_id) and len(owner_hash(session_id)) == 64


# ---------------------------------------------------------------- in the user's language


def refusal(shares: list[Share], size: int, now: datetime) -> ShareLimitReached | StoreFull:
    with pytest.raises((ShareLimitReached, StoreFull)) as caught:
        check_share(shares, size, 999 * MB, DEFAULTS, now)
    return caught.value


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "nb",
            "Du har laget 20 lenker den siste timen, så mange som én økt kan; du kan lage "
            "flere kl. 16:42 UTC.",
        ),
        (
            "fa",
            "در یک ساعت گذشته \u2068۲۰\u2069 پیوند ساخته‌اید، بیشترین تعدادی که یک نشست "
            "می‌تواند؛ از ساعت \u2068۱۶:۴۲\u2069 (UTC) می‌توانید پیوندهای بیشتری بسازید.",
        ),
    ],
)
def test_the_links_limit_in_norwegian_and_persian(lang: str, expected: str) -> None:
    message = refusal(twenty_links(), MB, T0 + minutes(30)).message
    assert translate_message(message, lang) == expected


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "nb",
            "Rapportlageret er fullt (det kan romme 1\u00a0000 MB med delte rapporter), så ingen "
            "lenke kan lages akkurat nå; si fra til den som driver dette nettstedet.",
        ),
        (
            "fa",
            "انبار گزارش‌ها پر است (حداکثر \u2068۱٬۰۰۰\u2069 مگابایت گزارش همرسانی‌شده را نگه "
            "می‌دارد)، پس فعلاً هیچ پیوندی ساخته نمی‌شود؛ به کسی که این سایت را اداره می‌کند "
            "خبر دهید.",
        ),
    ],
)
def test_a_full_store_in_norwegian_and_persian(lang: str, expected: str) -> None:
    message = refusal([], 2 * MB, NOW).message
    assert translate_message(message, lang) == expected
