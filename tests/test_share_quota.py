"""The share limits and the clean-up against a real store, on SQLite and PostgreSQL (the
fixtures of tests/test_store.py): links an hour per owner session, megabytes an hour, the
store's size, `purge` (in the store, on the command line and when the app starts), and
databases of schema 1 and 2 brought up to schema 3 with their links kept.
"""

from __future__ import annotations

import secrets
import tempfile
import threading
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import sqlalchemy as sa
from streamlit.testing.v1 import AppTest

from smroi import store as store_module
from smroi.errors import SmroiError
from smroi.quotas import Limits, ShareLimitReached, StoreFull, owner_hash
from smroi.settings import Settings
from smroi.store import PasswordNeeded, Purged, ReportNotAvailable, ReportStore, token_hash
from smroi.store_schema import REPORTS, SCHEMA_VERSION
from tests.conftest import ROOT
from tests.test_cli import assert_bad_input, cli
from tests.test_store import (  # noqa: F401  (fixtures: a fresh database on each backend)
    PASSWORD,
    db_url,
    fast_scrypt,
    make_schema_1_database,
    old_password_hash,
    postgres_admin_url,
    raw_rows,
    small_table,
)

T0 = datetime(2026, 3, 1, 9, 30, tzinfo=UTC)
KARI = "kari's session id, random in the app"
OLA = "ola's session id, random in the app"
NOT_VALID = "This report link is not valid (unknown, expired or revoked)."


@pytest.fixture(autouse=True)
def default_limits(monkeypatch: pytest.MonkeyPatch) -> None:
    """The limits at their defaults, whatever this machine's environment sets."""
    for name in ("SMROI_SHARES_PER_HOUR", "SMROI_SHARE_MB_PER_HOUR", "SMROI_STORE_MB"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def store(db_url: str) -> ReportStore:  # noqa: F811  (db_url is the imported fixture)
    return ReportStore(db_url)


def share(store: ReportStore, at: datetime, owner: str | None = KARI, **options: object) -> str:
    return store.save(small_table(), Settings(), title="Q1", owner=owner, now=at, **options)


def sizes(store: ReportStore) -> dict[str, int]:
    """token hash -> the bytes its snapshot takes in the store."""
    return {str(row["token_hash"]): int(row["payload_bytes"]) for row in raw_rows(store)}


# ---------------------------------------------------------------- links an hour


def test_20_links_an_hour_pass_the_21st_is_refused_another_owner_still_shares(
    store: ReportStore,
) -> None:
    tokens = [share(store, T0 + timedelta(minutes=n)) for n in range(20)]  # 09:30 to 09:49
    with pytest.raises(ShareLimitReached) as caught:
        share(store, T0 + timedelta(minutes=20))
    assert str(caught.value) == (
        "You have made 20 links in the last hour, as many as one session may; you can make "
        "more at 10:30 UTC."
    )
    assert caught.value.free_at == datetime(2026, 3, 1, 10, 30, tzinfo=UTC)
    assert len(raw_rows(store)) == 20  # nothing was saved
    other = share(store, T0 + timedelta(minutes=20), owner=OLA)
    command_line = share(store, T0 + timedelta(minutes=20), owner=None)
    assert store.open(other).info.title == store.open(command_line).info.title == "Q1"
    # at 10:30 the 09:30 link is an hour old: Kari may make one more, and not two
    share(store, T0 + timedelta(minutes=60))
    with pytest.raises(ShareLimitReached, match="at 10:31 UTC"):
        share(store, T0 + timedelta(minutes=60, seconds=1))
    assert all(store.open(token).info.title == "Q1" for token in tokens)


def test_the_database_keeps_the_owners_hash_never_the_session_id(store: ReportStore) -> None:
    share(store, T0)
    share(store, T0, owner=None)
    owners = sorted(str(row["owner_hash"]) for row in raw_rows(store))
    assert owners == sorted([owner_hash(KARI), "None"])
    assert all(KARI not in str(value) for row in raw_rows(store) for value in row.values())


def test_links_made_at_once_on_several_servers_stop_at_20(store: ReportStore, db_url: str) -> None:  # noqa: F811
    outcomes: list[str] = []
    start = threading.Barrier(26)

    def server() -> None:
        start.wait()
        try:
            ReportStore(db_url).save(small_table(), Settings(), title="At once", owner=KARI)
            outcomes.append("saved")
        except ShareLimitReached:
            outcomes.append("refused")

    workers = [threading.Thread(target=server) for _ in range(26)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    assert sorted(outcomes) == ["refused"] * 6 + ["saved"] * 20
    assert len(raw_rows(store)) == 20


# ---------------------------------------------------------------- bytes an hour, store size


def test_the_megabytes_an_hour_are_counted_in_the_store(store: ReportStore) -> None:
    first = share(store, T0)
    size = sizes(store)[token_hash(first)]
    limits = Limits(bytes_per_hour=3 * size)  # three snapshots an hour
    share(store, T0 + timedelta(minutes=10), limits=limits)
    share(store, T0 + timedelta(minutes=20), limits=limits)
    with pytest.raises(ShareLimitReached) as caught:
        share(store, T0 + timedelta(minutes=30), limits=limits)
    assert str(caught.value) == (
        "This report would take your session past the 1 MB of reports it may share in an "
        "hour; you can share it at 10:30 UTC."
    )
    share(store, T0 + timedelta(minutes=30), owner=OLA, limits=limits)
    share(store, T0 + timedelta(minutes=60), limits=limits)  # the 09:30 one no longer counts


def test_a_full_store_is_refused_after_purging_what_it_could(store: ReportStore) -> None:
    first = share(store, T0, owner=None)
    size = sizes(store)[token_hash(first)]
    limits = Limits(store_bytes=2 * size)
    second = share(store, T0, owner=OLA, limits=limits)
    with pytest.raises(StoreFull) as caught:
        share(store, T0, limits=limits)
    assert str(caught.value) == (
        "The report store is full (it may hold 1 MB of shared reports), so no link can be "
        "made just now; tell whoever runs this site."
    )
    assert store.revoke(first)
    third = share(store, T0, limits=limits)  # the revoked report was purged to make room
    assert set(sizes(store)) == {token_hash(second), token_hash(third)}


def test_a_limit_set_wrongly_in_the_environment_is_a_sentence(
    store: ReportStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SMROI_SHARES_PER_HOUR", "lots")
    with pytest.raises(SmroiError) as caught:
        share(store, T0)
    assert str(caught.value) == (
        "SMROI_SHARES_PER_HOUR must be a whole number of 1 or more (it is lots)."
    )
    monkeypatch.setenv("SMROI_SHARES_PER_HOUR", "2")
    share(store, T0)
    share(store, T0)
    with pytest.raises(ShareLimitReached, match="You have made 2 links in the last hour"):
        share(store, T0)


# ---------------------------------------------------------------- purge


def test_purge_deletes_expired_and_revoked_reports_and_keeps_live_ones(
    store: ReportStore,
) -> None:
    live = share(store, T0, expires_days=30)
    forever = share(store, T0)
    expired = share(store, T0, expires_days=1)
    revoked = share(store, T0)
    store.revoke(revoked)
    before = sizes(store)
    purged = store.purge(now=T0 + timedelta(days=2))
    assert purged == Purged(
        reports=2, bytes=before[token_hash(expired)] + before[token_hash(revoked)]
    )
    assert purged.bytes > 0
    assert set(sizes(store)) == {token_hash(live), token_hash(forever)}
    for token in (expired, revoked):
        with pytest.raises(ReportNotAvailable):
            store.open(token)
    assert store.open(live, now=T0 + timedelta(days=2)).info.title == "Q1"
    assert store.purge(now=T0 + timedelta(days=2)) == Purged(reports=0, bytes=0)
    # a link expires at the moment its days are up: 30 days after 09:30 on 1 March
    assert store.purge(now=T0 + timedelta(days=30) - timedelta(seconds=1)).reports == 0
    assert store.purge(now=T0 + timedelta(days=30)) == Purged(
        reports=1, bytes=before[token_hash(live)]
    )


def test_smroi_purge_prints_how_many_and_the_bytes(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'reports.sqlite'}"
    try:
        store = ReportStore(url)
        live = share(store, datetime.now(UTC))
        expired = [share(store, T0, expires_days=1) for _ in range(2)]
        freed = sum(sizes(store)[token_hash(token)] for token in expired)
    finally:
        store_module._dispose_engine(url)
    done = cli("purge", env={"SMROI_DATA_DIR": str(tmp_path)})
    assert (done.returncode, done.stderr) == (0, "")
    assert done.stdout == (
        f"smroi: deleted 2 expired or revoked reports, freeing {freed:,} bytes (0.0 MB).\n"
    )
    again = cli("purge", env={"SMROI_DATA_DIR": str(tmp_path)})
    assert (
        again.stdout == "smroi: deleted 0 expired or revoked reports, freeing 0 bytes (0.0 MB).\n"
    )
    try:
        assert set(sizes(ReportStore(url))) == {token_hash(live)}
    finally:
        store_module._dispose_engine(url)


def test_smroi_purge_with_the_store_unreachable_is_one_line() -> None:
    url = "postgresql://kari:s3cret@127.0.0.1:1/reports?connect_timeout=5"
    done = cli("purge", env={"SMROI_DATABASE_URL": url})
    assert_bad_input(done, "smroi: The report store is not reachable; try again in a minute.")
    assert "s3cret" not in done.stderr and "127.0.0.1" not in done.stderr


def test_smroi_purge_is_in_the_help() -> None:
    done = cli("--help")
    assert "purge" in done.stdout and "delete expired and revoked shared reports" in done.stdout


# ---------------------------------------------------------------- purge when the app starts

APP = str(ROOT / "app.py")


def test_the_app_purges_once_when_it_starts_not_on_every_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ui.share import _purge_once, report_store

    monkeypatch.setenv("SMROI_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("SMROI_DATABASE_URL", raising=False)
    url = f"sqlite:///{tmp_path / 'reports.sqlite'}"
    store = ReportStore(url)
    live = share(store, datetime.now(UTC))
    store.revoke(share(store, T0))
    share(store, T0, expires_days=1)
    _purge_once.clear()
    report_store.clear()
    try:
        app = AppTest.from_file(APP, default_timeout=60)
        app.run()
        assert not app.exception, app.exception
        assert set(sizes(store)) == {token_hash(live)}
        store.revoke(share(store, T0))  # revoked after the start: left for the next one
        app.run()
        app2 = AppTest.from_file(APP, default_timeout=60)  # another visitor, same process
        app2.run()
        assert len(sizes(store)) == 2
    finally:
        _purge_once.clear()
        report_store.clear()
        store_module._dispose_engine(url)


def test_starting_the_app_makes_no_database_where_there_is_none(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ui.share import _purge_once

    monkeypatch.setenv("SMROI_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("SMROI_DATABASE_URL", raising=False)
    _purge_once.clear()
    try:
        app = AppTest.from_file(APP, default_timeout=60)
        app.run()
        assert not app.exception, app.exception
        assert not (tmp_path / "data").exists()
    finally:
        _purge_once.clear()


# ---------------------------------------------------------------- refused in the app


def create_link(app: AppTest) -> None:
    (button,) = [b for b in app.button if b.label in ("Create link", "Lag lenke")]
    button.click()
    app.run()
    assert not app.exception, app.exception


def free_at_text(store: ReportStore) -> str:
    """The time of day a refusal names: an hour after the first link, up to the minute."""
    with store._engine.connect() as connection:
        first = connection.execute(sa.select(sa.func.min(REPORTS.c.created_at))).scalar_one()
    free = first + timedelta(hours=1)
    whole = free.replace(second=0, microsecond=0)
    return f"{whole + timedelta(minutes=1) if whole < free else whole:%H:%M}"


@pytest.mark.parametrize(
    ("lang", "says"),
    [
        (
            None,
            "You have made 2 links in the last hour, as many as one session may; you can make "
            "more at {time} UTC.",
        ),
        (
            "nb",
            "Du har laget 2 lenker den siste timen, så mange som én økt kan; du kan lage flere "
            "kl. {time} UTC.",
        ),
    ],
)
def test_the_app_says_when_more_links_can_be_made_never_a_traceback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str | None, says: str
) -> None:
    from ui.share import report_store

    monkeypatch.setenv("SMROI_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("SMROI_DATABASE_URL", raising=False)
    monkeypatch.setenv("SMROI_SHARES_PER_HOUR", "2")
    report_store.clear()
    url = f"sqlite:///{tmp_path / 'reports.sqlite'}"
    try:
        app = AppTest.from_file(APP, default_timeout=60)
        if lang:
            app.query_params["lang"] = lang
        app.run()
        create_link(app)
        create_link(app)
        assert not app.error
        create_link(app)
        store = ReportStore(url)
        assert len(raw_rows(store)) == 2
        # shown as markdown with its markdown characters escaped: "kl\\. 16\\:17"
        assert [error.value.replace("\\", "") for error in app.error] == [
            says.format(time=free_at_text(store))
        ]
        # another session (a new owner id) may share
        other = AppTest.from_file(APP, default_timeout=60)
        other.run()
        create_link(other)
        assert not other.error and len(raw_rows(store)) == 3
    finally:
        report_store.clear()
        store_module._dispose_engine(url)


# ---------------------------------------------------------------- schema 1 and 2 to 4


def schema_version_and_columns(store: ReportStore) -> tuple[int, set[str]]:
    with store._engine.connect() as connection:
        version = connection.execute(sa.text("SELECT version FROM schema_version")).scalar_one()
        columns = {column["name"] for column in sa.inspect(connection).get_columns(REPORTS.name)}
    return int(version), columns


def make_schema_2_database(url: str) -> dict[str, str]:
    """A database with schema 2's layout (no owner_hash) and two reports, as the smroi before
    the share limits left it: {title: token}."""
    metadata = sa.MetaData()
    version = sa.Table("schema_version", metadata, sa.Column("version", sa.Integer))
    reports = sa.Table(
        REPORTS.name,
        metadata,
        *(column._copy() for column in REPORTS.columns if column.name != "owner_hash"),
    )
    tokens = {title: secrets.token_urlsafe(32) for title in ("Plain", "Locked", "Revoked")}
    scratch = f"sqlite:///{tempfile.mkdtemp(prefix='smroi-schema-2-')}/reports.sqlite"
    rows = []
    try:
        made = ReportStore(scratch)  # the rows as smroi saves them, then as schema 2 held them
        for title, token in tokens.items():
            saved = made.save(small_table(), Settings(currency="NOK"), title=title, now=T0)
            row = next(r for r in raw_rows(made) if r["token_hash"] == token_hash(saved))
            row.pop("owner_hash")
            row["created_at"], row["token_hash"] = T0, token_hash(token)
            row["password_hash"] = old_password_hash(PASSWORD) if title == "Locked" else None
            row["revoked_at"] = T0 if title == "Revoked" else None
            rows.append(row)
    finally:
        store_module._dispose_engine(scratch)
    engine = sa.create_engine(url)
    try:
        with engine.begin() as connection:
            metadata.create_all(connection)
            connection.execute(version.insert().values(version=2))
            connection.execute(reports.insert(), rows)
    finally:
        engine.dispose()
    return tokens


@pytest.mark.parametrize("old", [1, 2])
def test_a_schema_1_or_2_database_is_upgraded_to_4_and_keeps_its_links(
    db_url: str,  # noqa: F811
    old: int,
) -> None:
    tokens = (make_schema_1_database if old == 1 else make_schema_2_database)(db_url)
    store = ReportStore(db_url)
    version, columns = schema_version_and_columns(store)
    assert version == SCHEMA_VERSION == 4
    assert "owner_hash" in columns and "token" not in columns
    plain = store.open(tokens["Plain"])
    assert (plain.info.title, plain.settings.currency, plain.table["spend"].sum()) == (
        "Plain",
        "NOK",
        150.5,
    )
    with pytest.raises(PasswordNeeded):
        store.open(tokens["Locked"])
    assert store.open(tokens["Locked"], PASSWORD).info.title == "Locked"
    with pytest.raises(ReportNotAvailable):
        store.open(tokens["Revoked"])
    assert {row["owner_hash"] for row in raw_rows(store)} == {None}  # made by no session
    # the old links count against no owner; new ones do, and purge works on the old
    for n in range(20):
        share(store, T0 + timedelta(minutes=n))
    with pytest.raises(ShareLimitReached):
        share(store, T0 + timedelta(minutes=21))
    assert store.purge(now=T0).reports == 1  # the revoked one
    ReportStore(db_url)  # opening it again changes nothing
    assert schema_version_and_columns(store)[0] == 4
    assert len(raw_rows(store)) == 2 + 20


def test_a_new_database_gets_the_owner_index(store: ReportStore) -> None:
    with store._engine.connect() as connection:
        indexes = sa.inspect(connection).get_indexes(REPORTS.name)
    assert [(i["name"], i["column_names"]) for i in indexes] == [
        ("shared_reports_owner", ["owner_hash", "created_at"])
    ]
