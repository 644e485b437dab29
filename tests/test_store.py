"""The shared-report store (docs/DESIGN.md, "Sharing with a boss"), on SQLite and PostgreSQL.

Every test runs on both backends, each on a fresh database. PostgreSQL is the server at
SMROI_TEST_POSTGRES_URL (its role must be allowed to CREATE DATABASE), or else a throwaway
server this module starts with initdb and pg_ctl and stops at the end of the session.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import pwd
import secrets
import shutil
import socket
import sqlite3
import stat
import subprocess
import sys
import tempfile
import threading
import time
import zlib
from collections.abc import Iterator
from dataclasses import fields
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pandas as pd
import pytest
import sqlalchemy as sa

from smroi import passwords, store_schema
from smroi import store as store_module
from smroi.canonical import conform
from smroi.errors import SmroiError
from smroi.exports import EXPORTS_BY_KEY, Recognition
from smroi.ingest import ImportReport, load_files
from smroi.passwords import PasswordTooShort, TooManyTries
from smroi.settings import Costs, Goal, Settings, ValueAssumptions, settings_to_json
from smroi.snapshot_payload import details_to_json, table_to_parquet
from smroi.store import (
    PasswordNeeded,
    ReportDamaged,
    ReportNotAvailable,
    ReportStore,
    SnapshotTooLarge,
    StoreUnavailable,
    WrongPassword,
    database_url,
    token_hash,
)
from smroi.unused_columns import Suggestion
from tests.conftest import ROOT

NOT_VALID = "This report link is not valid (unknown, expired or revoked)."
NOT_REACHABLE = "The report store is not reachable; try again in a minute."
T0 = datetime(2026, 3, 1, 9, 30, tzinfo=UTC)
FAST_N = 2**10  # scrypt's N in these tests; test_the_default_scrypt_parameters_are_owasps
PASSWORD = "correct horse battery staple"


@pytest.fixture(autouse=True)
def fast_scrypt(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """scrypt at N=2^10 instead of OWASP's 2^17 (0.4 s a hash), unless a test asks for
    `owasp_scrypt`."""
    if "owasp_scrypt" not in request.fixturenames:
        monkeypatch.setattr(passwords, "SCRYPT_N", FAST_N)


@pytest.fixture
def owasp_scrypt() -> None:
    """scrypt at its default parameters (see fast_scrypt)."""


# ---------------------------------------------------------------- a throwaway PostgreSQL


def _postgres_bin() -> Path | None:
    """The folder of initdb and pg_ctl: on PATH, or Debian's /usr/lib/postgresql/N/bin."""
    found = shutil.which("initdb")
    if found and shutil.which("pg_ctl"):
        return Path(found).parent
    versions = sorted(
        Path("/usr/lib/postgresql").glob("*/bin/initdb"),
        key=lambda p: int(p.parent.parent.name) if p.parent.parent.name.isdigit() else 0,
    )
    return versions[-1].parent if versions else None


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class _Server:
    """A PostgreSQL cluster in a temporary folder, run as a non-root user when we are root."""

    def __init__(self, bin_dir: Path) -> None:
        self.bin = bin_dir
        self.dir = Path(tempfile.mkdtemp(prefix="smroi-pg-"))
        self.data = self.dir / "data"
        self.log = self.dir / "server.log"
        self.password = secrets.token_urlsafe(16)
        self.user: str | None = None
        if os.geteuid() == 0:  # initdb and postgres refuse to run as root
            self.user = "postgres" if _has_user("postgres") else "nobody"
            entry = pwd.getpwnam(self.user)
            os.chown(self.dir, entry.pw_uid, entry.pw_gid)
        self.port = 0

    def run(self, *command: str) -> None:
        """Run a PostgreSQL program as the server's user; fail the tests with its output."""
        uid = gid = None
        if self.user is not None:
            entry = pwd.getpwnam(self.user)
            uid, gid = entry.pw_uid, entry.pw_gid
        result = subprocess.run(
            [str(self.bin / command[0]), *command[1:]],
            cwd=self.dir,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
            user=uid,
            group=gid,
            extra_groups=None if uid is None else [],
        )
        if result.returncode != 0:
            log = self.log.read_text() if self.log.exists() else ""
            pytest.fail(f"{' '.join(command)} failed:\n{result.stdout}{result.stderr}\n{log}")

    def start(self) -> str:
        """initdb, then pg_ctl start on a free port of 127.0.0.1; the admin URL."""
        password_file = self.dir / "password"
        password_file.write_text(self.password)
        if self.user is not None:
            entry = pwd.getpwnam(self.user)
            os.chown(password_file, entry.pw_uid, entry.pw_gid)
        password_file.chmod(0o600)
        self.run(
            "initdb", "-D", str(self.data), "-U", "postgres", "--auth-local=trust",
            "--auth-host=scram-sha-256", f"--pwfile={password_file}", "--no-sync",
            "-E", "UTF8", "--locale=C",
        )  # fmt: skip
        self.port = _free_port()
        options = (
            f"-c listen_addresses=127.0.0.1 -p {self.port} "
            f"-c unix_socket_directories={self.dir} -c fsync=off"
        )
        self.run("pg_ctl", "-D", str(self.data), "-l", str(self.log), "-w", "-o", options, "start")
        return f"postgresql+psycopg://postgres:{self.password}@127.0.0.1:{self.port}/postgres"

    def stop(self) -> None:
        """pg_ctl stop, then remove the folder."""
        try:
            if (self.data / "postmaster.pid").exists():
                self.run("pg_ctl", "-D", str(self.data), "-m", "fast", "-w", "stop")
        finally:
            shutil.rmtree(self.dir, ignore_errors=True)


def _has_user(name: str) -> bool:
    try:
        pwd.getpwnam(name)
    except KeyError:
        return False
    return True


@pytest.fixture(scope="session")
def postgres_admin_url() -> Iterator[str]:
    """A PostgreSQL URL of a role that may create databases."""
    given = os.environ.get("SMROI_TEST_POSTGRES_URL", "").strip()
    if given:
        yield given
        return
    bin_dir = _postgres_bin()
    if bin_dir is None:
        why = "PostgreSQL's initdb and pg_ctl are not installed (apt-get install postgresql)"
        if os.environ.get("CI") or os.environ.get("SMROI_REQUIRE_BROWSER") == "1":
            pytest.fail(f"{why}, and CI must test the store on PostgreSQL.")
        pytest.skip(f"{why}; set SMROI_TEST_POSTGRES_URL to test on a server of yours.")
    server = _Server(bin_dir)
    try:
        yield server.start()
    finally:
        server.stop()


def _fresh_postgres(admin_url: str) -> Iterator[str]:
    """A new, empty database on the server for one test; dropped afterwards."""
    admin = sa.make_url(admin_url)
    if admin.drivername in ("postgresql", "postgres"):
        admin = admin.set(drivername="postgresql+psycopg")
    name = f"smroi_test_{secrets.token_hex(6)}"
    engine = sa.create_engine(admin, isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as connection:
            connection.exec_driver_sql(f'CREATE DATABASE "{name}"')
        url = admin.set(database=name).render_as_string(hide_password=False)
        yield url
        store_module._dispose_engine(url)
        with engine.connect() as connection:
            connection.exec_driver_sql(f'DROP DATABASE "{name}" WITH (FORCE)')
    finally:
        engine.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """The URL of a fresh, empty database on each backend."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'reports.sqlite'}"
        yield url
        store_module._dispose_engine(url)
    else:
        yield from _fresh_postgres(request.getfixturevalue("postgres_admin_url"))


@pytest.fixture
def store(db_url: str) -> ReportStore:
    return ReportStore(db_url)


# ---------------------------------------------------------------- what we save


def small_table() -> pd.DataFrame:
    """Three rows as a user's file gives them: before conform."""
    return pd.DataFrame(
        {
            "date": ["2026-02-01", "2026-02-02", "2026-02-03"],
            "platform": ["facebook", "instagram", "facebook"],
            "campaign": ["Spring sale", '=HYPERLINK("x")', "Spring sale"],
            "paid": pd.array([True, False, pd.NA], dtype="boolean"),
            "spend": [120.5, None, 30.0],
            "clicks": [40, 12, 9],
        }
    )


def user_settings() -> Settings:
    return Settings(
        currency="NOK",
        objective="leads",
        costs=Costs(labour_hours_per_month=10, hourly_rate=450, assigned_to={"agency": "x"}),
        values=ValueAssumptions(value_per_lead=250, count_lead_value=True),
        goals=(Goal(metric="leads", target=40, period="month"),),
        column_map={"Beløp (kr)": "spend", "Notes": ""},
    )


def user_reports() -> list[ImportReport]:
    excluded = pd.DataFrame(
        {
            "row": pd.Series([7, 12], dtype="int64"),
            "reason": pd.Series(["a totals row", "not a date in column Dato"], dtype=object),
        }
    )
    return [
        ImportReport(
            file="meta.csv",
            rows_read=5,
            rows_used=3,
            platforms=["facebook", "instagram"],
            column_map={"Dato": "date", "Beløp (kr)": "spend"},
            ignored_columns=["Notes"],
            excluded=excluded,
            currency="NOK",
            export="Meta Ads Manager",
            sheets=["Raw data", "Summary"],
            sheet="Raw data",
            warnings=["meta.csv: its facebook rows overlap those of other.csv."],
            suggestions=[Suggestion("Totalbeløp", "revenue", "money")],
            recognition=Recognition(
                EXPORTS_BY_KEY["meta_ads"],
                ("Rapporteringen starter",),
                (EXPORTS_BY_KEY["tiktok_ads"],),
                sure=False,
            ),
        ),
        ImportReport(
            file="ads.csv",
            rows_read=2,
            rows_used=2,
            export="Pinterest Ads",
            recognition=Recognition(EXPORTS_BY_KEY["pinterest_ads"], chosen=True),
        ),
        ImportReport(file="broken.xlsx", error="broken.xlsx: the file is empty."),
    ]


def assert_same_reports(got: list[ImportReport], want: list[ImportReport]) -> None:
    assert len(got) == len(want)
    for got_report, want_report in zip(got, want, strict=True):
        for item in fields(ImportReport):
            got_value, want_value = getattr(got_report, item.name), getattr(want_report, item.name)
            if isinstance(want_value, pd.DataFrame):
                pd.testing.assert_frame_equal(got_value, want_value)
            else:
                assert got_value == want_value, item.name
        assert got_report.summary() == want_report.summary()


def raw_rows(store: ReportStore) -> list[dict[str, object]]:
    """The shared_reports rows as the database holds them."""
    with store._engine.connect() as connection:
        result = connection.execute(sa.text("SELECT * FROM shared_reports"))
        return [dict(row._mapping) for row in result]


# ---------------------------------------------------------------- round trip


def test_a_snapshot_opens_as_it_was_saved(store: ReportStore) -> None:
    table, settings, reports = small_table(), user_settings(), user_reports()
    token = store.save(
        table,
        settings,
        title="  March for the boss  ",
        reports=reports,
        start=date(2026, 2, 1),
        end=date(2026, 2, 28),
        platforms=("facebook", "instagram"),
        now=T0,
    )
    snapshot = store.open(token, now=T0 + timedelta(hours=1))

    pd.testing.assert_frame_equal(snapshot.table, conform(table))
    assert snapshot.table["date"].dt.strftime("%Y-%m-%d").tolist() == [
        "2026-02-01",
        "2026-02-02",
        "2026-02-03",
    ]
    assert snapshot.table["campaign"].tolist() == ["Spring sale", '=HYPERLINK("x")', "Spring sale"]
    assert snapshot.table["spend"].sum() == 150.5  # 120.5 + (none) + 30.0
    assert snapshot.table["paid"].tolist() == [True, False, True]  # NA: paid, as it has spend
    assert snapshot.settings == settings
    assert_same_reports(snapshot.reports, reports)
    assert (snapshot.start, snapshot.end) == (date(2026, 2, 1), date(2026, 2, 28))
    assert snapshot.platforms == ("facebook", "instagram")
    assert snapshot.info.title == "March for the boss"
    assert snapshot.info.created_at == T0
    assert snapshot.info.created_at.utcoffset() == timedelta(0)
    assert snapshot.info.expires_at is None
    assert not snapshot.info.revoked and not snapshot.info.has_password


def test_what_the_app_loaded_from_a_file_opens_the_same(store: ReportStore) -> None:
    csv = (
        b"date,platform,campaign,spend,clicks\n"
        b"2026-03-01,facebook,Spring,10.5,4\n"
        b'2026-03-02,instagram,"=HYPERLINK(""x"")",,7\n'
        b"Total,,,10.5,11\n"
        b"not a date,x,Bad,1,1\n"
    )
    table, reports = load_files([("ads.csv", csv)])
    token = store.save(table, Settings(), title="From a file", reports=reports)
    snapshot = store.open(token)

    pd.testing.assert_frame_equal(snapshot.table, table)
    assert_same_reports(snapshot.reports, reports)
    assert snapshot.reports[0].summary() == [
        "ads.csv: 1 of 2 rows leaves spend blank, so it counts as not reported there, not as 0.",
        "ads.csv: 1 row left out (a totals row (adding it would count everything twice)): row 4.",
        "ads.csv: 1 row left out (not a date in column date): row 5.",
    ]
    assert snapshot.table["clicks"].sum() == 11  # 4 + 7, the totals row left out


def test_an_empty_table_and_no_filters_round_trip(store: ReportStore) -> None:
    empty = conform(pd.DataFrame({"date": pd.Series(dtype="object")}))
    token = store.save(empty, Settings(), title="")
    snapshot = store.open(token)
    pd.testing.assert_frame_equal(snapshot.table, empty)
    assert snapshot.reports == []
    assert (snapshot.start, snapshot.end, snapshot.platforms) == (None, None, None)
    assert snapshot.info.title == "Social media ROI report"


def test_the_title_is_stripped_and_cut_to_200_characters(store: ReportStore) -> None:
    token = store.save(small_table(), Settings(), title="   \n ")
    assert store.info(token).title == "Social media ROI report"
    token = store.save(small_table(), Settings(), title=" " + "é" * 300)
    assert store.info(token).title == "é" * 200


def test_the_snapshot_is_parquet_and_json_never_a_pickle(store: ReportStore) -> None:
    settings = user_settings()
    store.save(small_table(), settings, title="Formats", reports=user_reports())
    (row,) = raw_rows(store)
    parquet = row["table_parquet"]
    assert isinstance(parquet, bytes | memoryview) and bytes(parquet)[:4] == b"PAR1"
    assert row["settings_json"] == settings_to_json(settings)
    assert row["details_json"] == ""  # kept compressed, in details_zlib
    text = zlib.decompress(bytes(row["details_zlib"]))
    details = json.loads(text)
    assert len(row["details_zlib"]) < len(text) / 2
    stored = len(parquet) + len(row["settings_json"].encode()) + len(row["details_zlib"])
    assert row["payload_bytes"] == stored
    assert details["reports"][0]["excluded"]["values"] == [
        [7, 12],
        ["a totals row", "not a date in column Dato"],
    ]


def test_damaged_saved_data_is_a_sentence_not_a_crash(store: ReportStore) -> None:
    token = store.save(small_table(), Settings(), title="Damaged")
    with store._engine.begin() as connection:
        connection.execute(
            sa.text("UPDATE shared_reports SET table_parquet = :junk"), {"junk": b"not parquet"}
        )
    with pytest.raises(ReportDamaged, match=r"^This report's saved data could not be read"):
        store.open(token)


def test_damaged_compressed_details_are_a_sentence_not_a_crash(store: ReportStore) -> None:
    token = store.save(small_table(), Settings(), title="Damaged")
    for junk in (b"not zlib", zlib.compress(b"{")[:-3], zlib.compress(b"[1, 2]")):
        with store._engine.begin() as connection:
            connection.execute(
                sa.text("UPDATE shared_reports SET details_zlib = :junk"), {"junk": junk}
            )
        with pytest.raises(ReportDamaged, match=r"^This report's saved data could not be read"):
            store.open(token)


# ---------------------------------------------------------------- tokens


def test_tokens_are_long_random_and_url_safe(store: ReportStore) -> None:
    first = store.save(small_table(), Settings(), title="One")
    second = store.save(small_table(), Settings(), title="Two")
    for token in (first, second):
        assert len(token) >= 43  # 32 random bytes
        assert set(token) <= set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
    assert first != second
    assert store.info(first).title == "One" and store.info(second).title == "Two"


@pytest.mark.parametrize(
    "token", ["", "no-such-report-token-at-all-0000000000000000", "' OR 1=1 --", "x" * 5000]
)
def test_an_unknown_token_is_not_available(store: ReportStore, token: str) -> None:
    store.save(small_table(), Settings(), title="Someone else's")
    with pytest.raises(ReportNotAvailable) as caught:
        store.open(token)
    assert str(caught.value) == NOT_VALID
    with pytest.raises(ReportNotAvailable):
        store.info(token)
    assert store.needs_password(token) is False
    assert store.revoke(token) is False


def test_a_link_expires_after_its_days(store: ReportStore) -> None:
    token = store.save(small_table(), Settings(), title="For a week", expires_days=7, now=T0)
    assert store.info(token, now=T0).expires_at == datetime(2026, 3, 8, 9, 30, tzinfo=UTC)
    assert store.open(token, now=T0 + timedelta(days=6, hours=23)).info.title == "For a week"
    for later in (T0 + timedelta(days=7), T0 + timedelta(days=30)):
        with pytest.raises(ReportNotAvailable) as caught:
            store.open(token, now=later)
        assert str(caught.value) == NOT_VALID
        with pytest.raises(ReportNotAvailable):
            store.info(token, now=later)


def test_no_expiry_means_never(store: ReportStore) -> None:
    for days in (None, 0):
        token = store.save(small_table(), Settings(), title="Forever", expires_days=days, now=T0)
        assert store.info(token).expires_at is None
        assert store.open(token, now=T0 + timedelta(days=36500)).info.title == "Forever"


def test_expiry_is_checked_before_the_password(store: ReportStore) -> None:
    token = store.save(
        small_table(), Settings(), title="Old", expires_days=1, password=PASSWORD, now=T0
    )
    for password in (None, "wrong", PASSWORD):
        with pytest.raises(ReportNotAvailable):
            store.open(token, password, now=T0 + timedelta(days=2))


def test_a_revoked_link_no_longer_opens(store: ReportStore) -> None:
    token = store.save(small_table(), Settings(), title="Revoke me")
    other = store.save(small_table(), Settings(), title="Keep me")
    assert store.revoke(token) is True
    assert store.revoke(token) is False  # already revoked
    with pytest.raises(ReportNotAvailable) as caught:
        store.open(token)
    assert str(caught.value) == NOT_VALID
    with pytest.raises(ReportNotAvailable):
        store.info(token)
    assert store.open(other).info.title == "Keep me"
    (revoked,) = [row for row in raw_rows(store) if row["token_hash"] == token_hash(token)]
    assert revoked["revoked_at"] is not None


def test_mistakes_in_the_call_are_errors_not_silent(store: ReportStore) -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        store.save(small_table(), Settings(), title="Naive", now=datetime(2026, 3, 1, 9, 30))
    with pytest.raises(ValueError, match="positive number of days"):
        store.save(small_table(), Settings(), title="Negative", expires_days=-1)
    assert raw_rows(store) == []


# ---------------------------------------------------------------- passwords


def test_a_password_protects_the_report(store: ReportStore) -> None:
    password = "correct horse battery staple 7"
    token = store.save(small_table(), Settings(), title="Secret", password=password)
    assert store.needs_password(token) is True
    assert store.info(token).has_password is True
    assert store.info(token).title == "Secret"  # the title shows before the password

    with pytest.raises(PasswordNeeded):
        store.open(token)
    with pytest.raises(PasswordNeeded):
        store.open(token, "")
    with pytest.raises(WrongPassword) as caught:
        store.open(token, "correct horse battery staple 8")
    assert str(caught.value) == "That password is not right."
    assert store.open(token, password).table["spend"].sum() == 150.5

    (row,) = raw_rows(store)
    for column, value in row.items():
        if isinstance(value, str):
            assert password not in value, column
        elif isinstance(value, bytes | memoryview):
            assert password.encode() not in bytes(value), column
    assert str(row["password_hash"]).startswith(f"scrypt${FAST_N}$8$1$")


def test_each_password_hash_has_its_own_salt(store: ReportStore) -> None:
    store.save(small_table(), Settings(), title="A", password=PASSWORD)
    store.save(small_table(), Settings(), title="B", password=PASSWORD)
    hashes = {row["password_hash"] for row in raw_rows(store)}
    assert len(hashes) == 2


def test_an_empty_password_means_none(store: ReportStore) -> None:
    token = store.save(small_table(), Settings(), title="Open", password="")
    assert store.needs_password(token) is False
    assert store.info(token).has_password is False
    assert store.open(token).info.title == "Open"
    assert store.open(token, "anything").info.title == "Open"


def test_needs_password_tells_nothing_about_unknown_tokens(store: ReportStore) -> None:
    token = store.save(small_table(), Settings(), title="Locked", password=PASSWORD)
    assert store.needs_password(token) is True
    assert store.needs_password("no-such-report-token-at-all-0000000000000000") is False
    store.revoke(token)
    assert store.needs_password(token) is False  # revoked looks like unknown


# ---------------------------------------------------------------- size limit


def test_a_snapshot_over_the_limit_is_refused_before_writing(
    store: ReportStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    # 0.03 MB: the 3-row table (about 16 kB of Parquet) fits, 2,000 rows (about 40 kB) do not
    monkeypatch.setattr(store_module, "MAX_SNAPSHOT_BYTES", 1024 * 1024 * 3 // 100)
    big = pd.DataFrame(
        {
            "date": pd.date_range("2026-01-01", periods=2000, freq="D").strftime("%Y-%m-%d"),
            "platform": "facebook",
            "campaign": [f"campaign {i}" for i in range(2000)],
            "spend": [float(i) for i in range(2000)],
        }
    )
    with pytest.raises(SnapshotTooLarge) as caught:
        store.save(big, Settings(), title="Too big")
    message = str(caught.value)
    assert "MB" in message and "the 0.03 MB a shared report can hold" in message
    assert "shorter period" in message and "fewer platforms" in message
    assert raw_rows(store) == []
    assert store.open(store.save(small_table(), Settings(), title="Small")).info.title == "Small"


def test_the_limit_is_50_megabytes() -> None:
    assert store_module.MAX_SNAPSHOT_BYTES == 50 * 1024 * 1024
    assert "52 MB" in str(SnapshotTooLarge(52 * 1024 * 1024 + 1, 50 * 1024 * 1024))


# ---------------------------------------------------------------- many users at once


def test_concurrent_saves_keep_every_report_apart(store: ReportStore) -> None:
    threads, per_thread = 8, 10
    tokens: dict[tuple[int, int], str] = {}
    errors: list[BaseException] = []
    start = threading.Barrier(threads)

    def table_of(thread: int, number: int) -> pd.DataFrame:
        return pd.DataFrame(
            {
                "date": ["2026-01-01", "2026-01-02"],
                "platform": ["facebook", "x"],
                "campaign": [f"thread {thread} save {number}"] * 2,
                "spend": [thread * 100 + number, 0.5],
            }
        )

    def work(thread: int) -> None:
        try:
            start.wait()
            for number in range(per_thread):
                tokens[thread, number] = store.save(
                    table_of(thread, number), Settings(), title=f"{thread}/{number}"
                )
        except BaseException as exc:  # reported below, in the test's thread
            errors.append(exc)

    workers = [threading.Thread(target=work, args=(n,)) for n in range(threads)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    assert errors == []
    assert len(set(tokens.values())) == threads * per_thread == 80

    for (thread, number), token in tokens.items():
        snapshot = store.open(token)
        assert snapshot.info.title == f"{thread}/{number}"
        pd.testing.assert_frame_equal(snapshot.table, conform(table_of(thread, number)))
        assert snapshot.table["spend"].tolist() == [thread * 100 + number, 0.5]
    assert len(raw_rows(store)) == 80


def test_many_replicas_starting_on_an_empty_database_make_it_once(db_url: str) -> None:
    errors: list[BaseException] = []
    tokens: list[str] = []
    start = threading.Barrier(8)

    def replica() -> None:
        try:
            start.wait()
            tokens.append(ReportStore(db_url).save(small_table(), Settings(), title="Hi"))
        except BaseException as exc:  # reported below, in the test's thread
            errors.append(exc)

    workers = [threading.Thread(target=replica) for _ in range(8)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    assert errors == []
    store = ReportStore(db_url)
    with store._engine.connect() as connection:
        versions = connection.execute(sa.text("SELECT version FROM schema_version")).all()
    assert [row[0] for row in versions] == [4]
    assert {token_hash(token) for token in tokens} == {row["token_hash"] for row in raw_rows(store)}
    assert len(tokens) == 8


def test_sqlite_runs_in_wal_mode(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'reports.sqlite'}"
    try:
        store = ReportStore(url)
        with store._engine.connect() as connection:
            assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
    finally:
        store_module._dispose_engine(url)


# ---------------------------------------------------------------- restart and schema


def test_a_snapshot_survives_a_restart(store: ReportStore, db_url: str) -> None:
    token = store.save(small_table(), Settings(currency="EUR"), title="After the restart")
    code = (
        "import sys\n"
        "from smroi.store import ReportStore\n"
        "snapshot = ReportStore().open(sys.argv[1])\n"
        "print(snapshot.info.title)\n"
        "print(snapshot.table['spend'].sum(), snapshot.settings.currency)\n"
    )
    env = {**os.environ, "SMROI_DATABASE_URL": db_url}
    result = subprocess.run(
        [sys.executable, "-c", code, token],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == ["After the restart", "150.5 EUR"]


def test_a_new_database_gets_schema_version_4(store: ReportStore, db_url: str) -> None:
    with store._engine.connect() as connection:
        versions = connection.execute(sa.text("SELECT version FROM schema_version")).all()
    assert [row[0] for row in versions] == [4]
    ReportStore(db_url)  # opening it again adds no second version row
    with store._engine.connect() as connection:
        count = connection.execute(sa.text("SELECT COUNT(*) FROM schema_version")).scalar()
    assert count == 1


def test_a_database_from_a_newer_smroi_is_refused(store: ReportStore, db_url: str) -> None:
    token = store.save(small_table(), Settings(), title="Kept")
    with store._engine.begin() as connection:
        connection.execute(sa.text("UPDATE schema_version SET version = 99"))
    with pytest.raises(SmroiError) as caught:
        ReportStore(db_url)
    assert str(caught.value) == (
        "The report database was made by a newer smroi (schema version 99; this smroi knows "
        "version 4). Update smroi to open it."
    )
    with store._engine.connect() as connection:  # nothing was changed or lost
        titles = connection.execute(sa.text("SELECT title FROM shared_reports")).scalars().all()
    assert titles == ["Kept"] and token


# ---------------------------------------------------------------- where the database is


def test_database_url_takes_the_variable_first(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SMROI_DATABASE_URL", "postgresql+psycopg://u:p@db.example/smroi")
    monkeypatch.setenv("SMROI_DATA_DIR", "/somewhere/else")
    assert database_url() == "postgresql+psycopg://u:p@db.example/smroi"


def test_database_url_defaults_to_sqlite_in_the_data_folder(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv("SMROI_DATABASE_URL", raising=False)
    monkeypatch.setenv("SMROI_DATA_DIR", str(tmp_path / "data"))
    assert database_url() == f"sqlite:///{tmp_path}/data/reports.sqlite"
    monkeypatch.delenv("SMROI_DATA_DIR")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert database_url() == f"sqlite:///{tmp_path}/home/.smroi/reports.sqlite"


def test_the_default_store_makes_its_folder_and_file(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv("SMROI_DATABASE_URL", raising=False)
    monkeypatch.setenv("SMROI_DATA_DIR", str(tmp_path / "new" / "folder"))
    try:
        token = ReportStore().save(small_table(), Settings(), title="Default place")
        assert (tmp_path / "new" / "folder" / "reports.sqlite").is_file()
        assert ReportStore().open(token).info.title == "Default place"
    finally:
        store_module._dispose_engine(database_url())


def test_a_url_that_is_not_a_database_is_a_sentence() -> None:
    with pytest.raises(SmroiError, match="not a database URL"):
        ReportStore("this is not a url")


def test_a_database_that_cannot_be_reached_is_a_sentence_without_its_address(
    caplog: pytest.LogCaptureFixture,
) -> None:
    url = (
        "postgresql+psycopg://smroi:s3cret-word@127.0.0.1:1/reports"
        "?password=query-s3cret&connect_timeout=5"
    )
    caplog.set_level(logging.DEBUG)
    try:
        with pytest.raises(StoreUnavailable) as caught:
            ReportStore(url)
    finally:
        store_module._dispose_engine(url)
    assert str(caught.value) == NOT_REACHABLE
    assert caught.value.kind == "unreachable"
    assert caught.value.__cause__ is None and caught.value.__suppress_context__
    said = str(caught.value) + "\n" + caplog.text
    for secret in ("s3cret-word", "query-s3cret", "smroi:", "127.0.0.1", "postgresql", "reports"):
        assert secret not in said, secret
    assert "the report store failed: unreachable (OperationalError)" in caplog.text


@pytest.mark.parametrize(
    ("url", "kind"),
    [
        ("mysql://kari:s3cret@db.example.com/reports", "mysql"),
        ("oracle://db.example.com/x", "oracle"),
        ("mssql://db.example.com/x", "mssql"),
    ],
)
def test_a_database_smroi_is_not_made_for_is_refused_in_a_sentence(url: str, kind: str) -> None:
    with pytest.raises(SmroiError) as caught:
        ReportStore(url)
    assert str(caught.value) == (
        f"The report database address (SMROI_DATABASE_URL) names a {kind} database, which is "
        "not one smroi can use: it keeps shared reports in SQLite or PostgreSQL "
        "(sqlite:///path/reports.sqlite or postgresql+psycopg://user:password@host/db)."
    )
    assert "s3cret" not in str(caught.value) and "db.example.com" not in str(caught.value)


def test_a_sqlite_folder_that_cannot_be_made_is_a_sentence(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("not a folder")
    url = f"sqlite:///{tmp_path / 'file' / 'reports.sqlite'}"
    with pytest.raises(SmroiError) as caught:
        ReportStore(url)
    assert str(caught.value) == (
        "The folder for the report database cannot be made (File exists); set "
        "SMROI_DATA_DIR (or SMROI_DATABASE_URL) to a folder smroi can write to."
    )


def test_a_read_only_database_fails_to_save_and_revoke_in_a_sentence(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "reports.sqlite"
    writable = ReportStore(f"sqlite:///{path}")
    token = writable.save(small_table(), Settings(), title="Kept")
    url = f"sqlite:///file:{path}?mode=ro&uri=true"
    try:
        store = ReportStore(url)
        assert store.info(token).title == "Kept"  # reading still works
        for attempt in (
            lambda: store.save(small_table(), Settings(), title="New"),
            lambda: store.revoke(token),
        ):
            with pytest.raises(StoreUnavailable) as caught:
                attempt()
            assert str(caught.value) == (
                "The report store is read-only just now, so links cannot be made or revoked; "
                "try again later."
            )
    finally:
        store_module._dispose_engine(url)
        store_module._dispose_engine(f"sqlite:///{path}")
    assert "read-only (OperationalError SQLITE_READONLY)" in caplog.text
    assert str(tmp_path) not in caplog.text


def test_a_read_only_postgresql_is_named_read_only(postgres_admin_url: str) -> None:
    for url in _fresh_postgres(postgres_admin_url):
        store = ReportStore(url)
        token = store.save(small_table(), Settings(), title="Kept")
        name = sa.make_url(url).database
        with store._engine.connect() as connection:
            connection.exec_driver_sql(
                f'ALTER DATABASE "{name}" SET default_transaction_read_only = on'
            )
            connection.commit()
        store_module._dispose_engine(url)  # new connections take the setting
        store = ReportStore(url)
        with pytest.raises(StoreUnavailable) as caught:
            store.revoke(token)
        assert caught.value.kind == "read-only"
        assert store.info(token).title == "Kept"


@pytest.mark.parametrize("days", [3650.5, 1e9])
def test_an_expiry_past_ten_years_is_a_mistake_in_the_call(store: ReportStore, days: float) -> None:
    with pytest.raises(ValueError, match="up to 3650"):
        store.save(small_table(), Settings(), title="Long", expires_days=days)


# ---------------------------------------------------------------- at rest: hashed tokens, 0600


def database_bytes(path: Path) -> bytes:
    """The SQLite database as it lies on disk: the file and its write-ahead log."""
    parts = [path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")]
    return b"".join(part.read_bytes() for part in parts if part.exists())


def test_the_database_keeps_the_tokens_hash_never_the_token(tmp_path: Path) -> None:
    path = tmp_path / "reports.sqlite"
    url = f"sqlite:///{path}"
    try:
        store = ReportStore(url)
        tokens = [store.save(small_table(), Settings(), title=f"No. {n}") for n in range(3)]
        store.revoke(tokens[0])
        assert store.open(tokens[1]).info.title == "No. 1"
        on_disk = database_bytes(path)
        for token in tokens:
            assert token.encode() not in on_disk
            assert token_hash(token).encode() in on_disk  # what is kept instead
        assert {row["token_hash"] for row in raw_rows(store)} == {token_hash(t) for t in tokens}
    finally:
        store_module._dispose_engine(url)
    assert token_hash("abc") == hashlib.sha256(b"abc").hexdigest()


def test_the_sqlite_file_is_made_0600_in_a_0700_folder(tmp_path: Path) -> None:
    path = tmp_path / "new" / "reports.sqlite"
    url = f"sqlite:///{path}"
    try:
        ReportStore(url).save(small_table(), Settings(), title="Private")
        assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
        for file in path.parent.iterdir():  # the file and its -wal and -shm files
            assert stat.S_IMODE(file.stat().st_mode) == 0o600, file.name
    finally:
        store_module._dispose_engine(url)


def test_an_open_sqlite_file_and_its_folder_are_tightened(tmp_path: Path) -> None:
    folder = tmp_path / "old"
    folder.mkdir(mode=0o755)
    folder.chmod(0o755)
    path = folder / "reports.sqlite"
    sqlite3.connect(path).close()
    path.chmod(0o644)
    url = f"sqlite:///{path}"
    try:
        ReportStore(url)
    finally:
        store_module._dispose_engine(url)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700


def test_a_folder_that_holds_other_files_is_left_as_it_is(tmp_path: Path) -> None:
    folder = tmp_path / "home"
    folder.mkdir()
    folder.chmod(0o755)
    (folder / "notes.txt").write_text("mine")
    path = folder / "reports.sqlite"
    url = f"sqlite:///{path}"
    try:
        ReportStore(url)
    finally:
        store_module._dispose_engine(url)
    assert stat.S_IMODE(folder.stat().st_mode) == 0o755
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


# ---------------------------------------------------------------- schema 1 to 4


def old_password_hash(password: str) -> str:
    """A password hash as smroi 0.1 made it: scrypt at N=2^14."""
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(password.encode(), salt=salt, n=2**14, r=8, p=1, dklen=32)
    return f"scrypt$16384$8$1${salt.hex()}${digest.hex()}"


def make_schema_1_database(url: str) -> dict[str, str]:
    """A database with schema 1's layout (the plain token as the key, details as JSON
    text) and three reports in it, as smroi 0.1 left it: {title: token}."""
    metadata = sa.MetaData()
    sa.Table("schema_version", metadata, sa.Column("version", sa.Integer, nullable=False))
    reports = sa.Table(
        "shared_reports",
        metadata,
        sa.Column("token", sa.String(64), primary_key=True),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("created_at", store_schema.UTCDateTime, nullable=False),
        sa.Column("expires_at", store_schema.UTCDateTime, nullable=True),
        sa.Column("revoked_at", store_schema.UTCDateTime, nullable=True),
        sa.Column("password_hash", sa.String(255), nullable=True),
        sa.Column("table_parquet", sa.LargeBinary, nullable=False),
        sa.Column("settings_json", sa.Text, nullable=False),
        sa.Column("details_json", sa.Text, nullable=False),
        sa.Column("payload_bytes", sa.BigInteger, nullable=False),
    )
    table = conform(small_table())
    parquet = table_to_parquet(table)
    settings = settings_to_json(Settings(currency="NOK"))
    details = details_to_json(table, user_reports(), date(2026, 2, 1), None, ["facebook"])
    tokens = {title: secrets.token_urlsafe(32) for title in ("Plain", "Locked", "Revoked")}
    rows = [
        {
            "token": token,
            "title": title,
            "created_at": T0,
            "expires_at": None,
            "revoked_at": T0 if title == "Revoked" else None,
            "password_hash": old_password_hash(PASSWORD) if title == "Locked" else None,
            "table_parquet": parquet,
            "settings_json": settings,
            "details_json": details,
            "payload_bytes": len(parquet) + len(settings) + len(details),
        }
        for title, token in tokens.items()
    ]
    engine = sa.create_engine(url)
    try:
        with engine.begin() as connection:
            metadata.create_all(connection)
            connection.execute(metadata.tables["schema_version"].insert().values(version=1))
            connection.execute(reports.insert(), rows)
    finally:
        engine.dispose()
    return tokens


def test_a_schema_1_database_is_upgraded_to_4_and_its_links_still_work(db_url: str) -> None:
    tokens = make_schema_1_database(db_url)
    store = ReportStore(db_url)
    with store._engine.connect() as connection:
        versions = connection.execute(sa.text("SELECT version FROM schema_version")).scalars()
        assert list(versions) == [4]
    plain = store.open(tokens["Plain"])
    assert (plain.info.title, plain.settings.currency) == ("Plain", "NOK")
    assert plain.table["spend"].sum() == 150.5
    assert (plain.start, plain.end, plain.platforms) == (date(2026, 2, 1), None, ("facebook",))
    assert_same_reports(plain.reports, user_reports())
    with pytest.raises(PasswordNeeded):
        store.open(tokens["Locked"])
    with pytest.raises(WrongPassword):
        store.open(tokens["Locked"], "not the password at all")
    assert store.info(tokens["Locked"]).failed_tries == 1
    assert store.open(tokens["Locked"], PASSWORD).info.title == "Locked"  # N=2^14 still verifies
    assert store.info(tokens["Locked"]).failed_tries == 0
    with pytest.raises(ReportNotAvailable):
        store.open(tokens["Revoked"])
    rows = raw_rows(store)
    assert {row["token_hash"] for row in rows} == {token_hash(t) for t in tokens.values()}
    assert "token" not in rows[0]
    for row in rows:
        assert not any(token in str(value) for token in tokens.values() for value in row.values())
    new = store.save(small_table(), Settings(), title="Made after", password=PASSWORD)
    assert store.open(new, PASSWORD).info.title == "Made after"
    ReportStore(db_url)  # opening it again changes nothing
    assert len(raw_rows(store)) == 4


def test_an_upgraded_sqlite_file_holds_no_token(tmp_path: Path) -> None:
    path = tmp_path / "reports.sqlite"
    url = f"sqlite:///{path}"
    tokens = make_schema_1_database(url)
    path.chmod(0o644)
    assert all(token.encode() in database_bytes(path) for token in tokens.values())
    try:
        store = ReportStore(url)
        assert store.open(tokens["Plain"]).info.title == "Plain"
        on_disk = database_bytes(path)
        for token in tokens.values():
            assert token.encode() not in on_disk
    finally:
        store_module._dispose_engine(url)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_many_replicas_opening_a_schema_1_database_upgrade_it_once(db_url: str) -> None:
    tokens = make_schema_1_database(db_url)
    errors: list[BaseException] = []
    start = threading.Barrier(6)

    def replica() -> None:
        try:
            start.wait()
            assert ReportStore(db_url).open(tokens["Plain"]).info.title == "Plain"
        except BaseException as exc:  # reported below, in the test's thread
            errors.append(exc)

    workers = [threading.Thread(target=replica) for _ in range(6)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    assert errors == []
    store = ReportStore(db_url)
    assert {row["token_hash"] for row in raw_rows(store)} == {
        token_hash(t) for t in tokens.values()
    }


# ---------------------------------------------------------------- passwords: OWASP, length


def test_the_default_scrypt_parameters_are_owasps(owasp_scrypt: None) -> None:
    assert (passwords.SCRYPT_N, passwords.SCRYPT_R, passwords.SCRYPT_P) == (2**17, 8, 1)
    stored = passwords.hash_password(PASSWORD)
    assert stored.startswith("scrypt$131072$8$1$")
    started = time.perf_counter()
    assert passwords.password_matches(PASSWORD, stored)
    took = time.perf_counter() - started
    print(f"one scrypt verify at N=2^17, r=8, p=1: {took:.2f} s")
    assert not passwords.password_matches(PASSWORD + "!", stored)
    assert passwords.password_matches(PASSWORD, old_password_hash(PASSWORD))  # N=2^14


def test_a_hash_asking_more_memory_than_allowed_never_matches() -> None:
    stored = passwords.hash_password(PASSWORD)
    scheme, _n, r, p, salt, digest = stored.split("$")
    assert not passwords.password_matches(
        PASSWORD, "$".join((scheme, str(2**22), r, p, salt, digest))
    )


@pytest.mark.parametrize(
    ("password", "length"), [("short", 5), ("nine char", 9), ("e\u0301" * 9, 9)]
)
def test_a_password_under_10_characters_is_refused_in_a_sentence(
    store: ReportStore, password: str, length: int
) -> None:
    with pytest.raises(PasswordTooShort) as caught:
        store.save(small_table(), Settings(), title="Weak", password=password)
    assert str(caught.value) == (
        f"A report's password must have at least 10 characters; this one has {length}. "
        "Choose a longer one, such as a few words."
    )
    assert raw_rows(store) == []


def test_a_password_of_10_characters_is_enough(store: ReportStore) -> None:
    token = store.save(small_table(), Settings(), title="Ten", password="é" * 10)
    assert store.open(token, "e\u0301" * 10).info.title == "Ten"  # the same text, decomposed


# ---------------------------------------------------------------- throttling


def test_five_wrong_passwords_make_the_sixth_try_wait_unchecked(
    store: ReportStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    token = store.save(small_table(), Settings(), title="Guarded", password=PASSWORD, now=T0)
    checked: list[str] = []
    real_matches = store_module.password_matches

    def counting(password: str, stored: str) -> bool:
        checked.append(password)
        return real_matches(password, stored)

    monkeypatch.setattr(store_module, "password_matches", counting)
    for n in range(5):
        with pytest.raises(WrongPassword):
            store.open(token, f"guess number {n}", now=T0 + timedelta(seconds=n))
    assert len(checked) == 5
    for later, password in ((5, PASSWORD), (20, "guess number 5"), (33, PASSWORD)):
        with pytest.raises(TooManyTries) as caught:
            store.open(token, password, now=T0 + timedelta(seconds=later))
        assert str(caught.value) == "Too many wrong passwords: try again in 1 minute."
    assert len(checked) == 5  # the password was not checked while it had to wait
    info = store.info(token)
    assert (info.failed_tries, info.failed_since) == (5, T0)
    # 30 s after the fifth wrong one, a try goes ahead
    assert store.open(token, PASSWORD, now=T0 + timedelta(seconds=34)).info.title == "Guarded"
    assert len(checked) == 6
    assert (store.info(token).failed_tries, store.info(token).failed_since) == (0, None)


def test_the_wait_doubles_up_to_an_hour(store: ReportStore) -> None:
    token = store.save(small_table(), Settings(), title="Guarded", password=PASSWORD, now=T0)
    at = T0
    told = []
    for n in range(1, 15):
        with pytest.raises(WrongPassword):  # each wrong try goes ahead once its wait is over
            store.open(token, f"guess number {n}", now=at)
        if n >= 5:  # a try one second later waits
            with pytest.raises(TooManyTries) as caught:
                store.open(token, PASSWORD, now=at + timedelta(seconds=1))
            told.append(str(caught.value))
        at += passwords.wait_after(n)
    minutes = [int(text.split(" in ")[1].split()[0]) for text in told]
    assert minutes == [1, 1, 2, 4, 8, 16, 32, 60, 60, 60]
    assert told[-1] == "Too many wrong passwords: try again in 60 minutes."
    assert store.info(token).failed_tries == 14


def test_wait_after_counts_30_seconds_doubling_to_an_hour() -> None:
    waits = [passwords.wait_after(n).total_seconds() for n in range(15)]
    assert waits == [0] * 5 + [30, 60, 120, 240, 480, 960, 1920, 3600, 3600, 3600]
    assert passwords.wait_after(10_000) == timedelta(hours=1)


def test_a_clock_behind_waits_no_longer_than_the_wait() -> None:
    left = passwords.wait_left(6, T0, T0 - timedelta(days=30))
    assert left == timedelta(seconds=60)


def test_a_right_password_clears_the_count(store: ReportStore) -> None:
    token = store.save(small_table(), Settings(), title="Guarded", password=PASSWORD, now=T0)
    for round_ in range(3):
        for n in range(4):
            with pytest.raises(WrongPassword):
                store.open(token, f"guess {round_} {n}", now=T0)
        assert store.info(token).failed_tries == 4
        assert store.open(token, PASSWORD, now=T0).info.title == "Guarded"
        assert store.info(token).failed_tries == 0


def test_tries_at_once_are_all_counted(store: ReportStore) -> None:
    token = store.save(small_table(), Settings(), title="Guarded", password=PASSWORD, now=T0)
    outcomes: list[str] = []
    start = threading.Barrier(12)

    def guess(n: int) -> None:
        start.wait()
        try:
            store.open(token, f"guess number {n}", now=T0)
        except (WrongPassword, TooManyTries) as exc:
            outcomes.append(type(exc).__name__)

    workers = [threading.Thread(target=guess, args=(n,)) for n in range(12)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    assert sorted(outcomes) == ["TooManyTries"] * 7 + ["WrongPassword"] * 5
    assert store.info(token).failed_tries == 5


def test_the_wait_holds_in_another_process(store: ReportStore, db_url: str) -> None:
    token = store.save(small_table(), Settings(), title="Guarded", password=PASSWORD)
    for n in range(5):
        with pytest.raises(WrongPassword):
            store.open(token, f"guess number {n}")
    code = (
        "import sys\n"
        "from smroi.store import ReportStore\n"
        "from smroi.passwords import TooManyTries\n"
        "store = ReportStore()\n"
        "print(store.info(sys.argv[1]).failed_tries)\n"
        "try:\n"
        "    store.open(sys.argv[1], sys.argv[2])\n"
        "except TooManyTries as exc:\n"
        "    print(exc)\n"
    )
    env = {**os.environ, "SMROI_DATABASE_URL": db_url}
    result = subprocess.run(
        [sys.executable, "-c", code, token, PASSWORD],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == ["5", "Too many wrong passwords: try again in 1 minute."]
