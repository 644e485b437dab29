"""Shared reports: a snapshot of the dashboard saved under a random token (docs/DESIGN.md,
"Sharing with a boss").

A snapshot holds the canonical table (as Parquet, compressed with zstd) and the settings,
import reports and date/platform filters (as JSON); nothing is ever pickled, so a database
row cannot run code. The store is SQLAlchemy over SQLite in a local file by default, or the
database named by SMROI_DATABASE_URL (PostgreSQL when several app replicas serve one site).
Tokens are 256 random bits, and the database keeps only their SHA-256 hash; a password is kept
only as a salted scrypt hash (smroi.passwords), and wrong passwords are counted per report in
the database, so the wait they earn holds on every replica. A SQLite file is readable by its
owner alone (0600, in a 0700 folder). The database's address is never put in a message or a
log: a failure is named by its kind ("the report store is not reachable"). Each owner
session's links and bytes an hour, and the store's whole size, are limited (smroi.quotas),
checked in the transaction that saves a link; `purge` deletes expired and revoked reports.
A report's e-mail schedules (smroi.schedules, which keep the share token they mail while
they run) are deleted with it, by `revoke` and by `purge`; `snapshot_for_mail` reads a
report for them by its hash, without its password. The tables and their upgrades are in
smroi.store_schema. This module is plain Python: it
never imports streamlit.
"""

from __future__ import annotations

import json
import logging
import math
import os
import secrets
import threading
import zlib
from collections.abc import Iterable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow as pa
import sqlalchemy as sa
from sqlalchemy.engine import URL, Connection, Engine
from sqlalchemy.exc import ArgumentError, NoSuchModuleError

from smroi.canonical import conform
from smroi.errors import SmroiError
from smroi.i18n import Message, _
from smroi.ingest import ImportReport
from smroi.passwords import (
    FREE_TRIES,
    TooManyTries,
    check_password,
    hash_password,
    password_matches,
    wait_after,
    wait_left,
)
from smroi.quotas import (
    WINDOW,
    Limits,
    Share,
    StoreFull,
    check_share,
    limits_from_environment,
    owner_hash,
)
from smroi.settings import Settings, settings_from_json, settings_to_json
from smroi.snapshot_payload import (
    FORMAT_VERSION,
    day_from_text,
    details_to_json,
    report_from_dict,
    table_from_parquet,
    table_to_parquet,
)
from smroi.store_schema import (
    MAX_TITLE_CHARS,
    SCHEMA_VERSION,
    delete_schedules,
    make_or_upgrade,
    schema_version,
    scrub,
    token_hash,
)
from smroi.store_schema import REPORTS as _REPORTS

MAX_SNAPSHOT_BYTES = 50 * 1024 * 1024  # payload before compression: Parquet table + JSON
MAX_EXPIRES_DAYS = 3650  # a link expires at most ten years after it is made (0 = never)
BACKENDS = ("sqlite", "postgresql")  # the databases the store is made and tested for
DEFAULT_TITLE = "Social media ROI report"
NOT_AVAILABLE = _("This report link is not valid (unknown, expired or revoked).")

_MB = 1024 * 1024
_TOKEN_BYTES = 32  # secrets.token_urlsafe(32): 43 url-safe characters
_TOKEN_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
_TRY_RACES = 10  # a password try lost to as many others at once is told to wait
_SQLITE_SIDE_FILES = ("-wal", "-shm", "-journal")
_QUOTA_LOCK_KEY = 0x5347_524F_4932  # PostgreSQL advisory lock held while checking the limits
_WRITE = "smroi_write"  # execution option: on SQLite, take the write lock at BEGIN


# ---------------------------------------------------------------- errors


class ReportNotAvailable(SmroiError):
    """The token is unknown, or its report has expired or been revoked."""

    def __init__(self, message: str = NOT_AVAILABLE) -> None:
        super().__init__(message)


class PasswordNeeded(SmroiError):
    """The report has a password and none was given."""

    def __init__(
        self, message: str = _("This report has a password; enter it to open it.")
    ) -> None:
        super().__init__(message)


class WrongPassword(SmroiError):
    """The password given is not the report's."""

    def __init__(self, message: str = _("That password is not right.")) -> None:
        super().__init__(message)


class SnapshotTooLarge(SmroiError):
    """The snapshot would take more room than a shared report may."""

    def __init__(self, size: int, limit: int) -> None:
        self.size = size
        self.limit = limit
        super().__init__(
            _(
                "This report would take {size} MB to save, more than the {limit} MB a shared "
                "report can hold. Choose a shorter period or fewer platforms and share again.",
                size=_megabytes(size),
                limit=_megabytes(limit),
            )
        )


class ReportDamaged(SmroiError):
    """The report's saved data cannot be read (damaged, or saved by a newer smroi)."""


# What a failing database is called, by kind; never its address or the driver's words,
# which can name the host, the user or (in a URL's query) the password.
_FAILURES: dict[str, Message] = {
    "unreachable": _("The report store is not reachable; try again in a minute."),
    "refused": _("The report store refused smroi's login or rights; tell whoever runs this site."),
    "read-only": _(
        "The report store is read-only just now, so links cannot be made or revoked; try "
        "again later."
    ),
    "full": _("The report store is full, so no link can be made; tell whoever runs this site."),
    "failed": _("The report store failed to do that; try again in a minute."),
}


class StoreUnavailable(SmroiError):
    """The report database failed (not reachable, refused, read-only, full): `kind` says which."""

    def __init__(self, kind: str) -> None:
        self.kind = kind
        super().__init__(_FAILURES[kind])


# ---------------------------------------------------------------- what the store returns


@dataclass(frozen=True)
class ReportInfo:
    """What a list of shared links shows about one report; no data."""

    token: str
    title: str
    created_at: datetime  # timezone-aware UTC
    expires_at: datetime | None
    revoked: bool
    has_password: bool
    failed_tries: int = 0  # wrong passwords since the last right one
    failed_since: datetime | None = None  # the first of them


@dataclass(frozen=True, kw_only=True)
class Purged:
    """What `smroi purge` deleted: expired and revoked reports, and the bytes they took."""

    reports: int
    bytes: int


@dataclass(frozen=True)
class Snapshot:
    """A shared report as it was saved: the table, settings, import reports and filters."""

    info: ReportInfo
    table: pd.DataFrame  # the canonical table (smroi.canonical.conform), RangeIndex
    settings: Settings
    reports: list[ImportReport]
    start: date | None  # the dashboard's date filter at share time
    end: date | None
    platforms: tuple[str, ...] | None


# ---------------------------------------------------------------- tables


_INFO_COLUMNS = (
    _REPORTS.c.title,
    _REPORTS.c.created_at,
    _REPORTS.c.expires_at,
    _REPORTS.c.revoked_at,
    _REPORTS.c.password_hash,
    _REPORTS.c.failed_tries,
    _REPORTS.c.failed_since,
)
_LOG = logging.getLogger(__name__)


# ---------------------------------------------------------------- engines


_ENGINES: dict[str, Engine] = {}
_ENGINES_LOCK = threading.Lock()


def _new_token() -> str:
    """A random token (256 bits) that does not start with "-", so that a command line
    does not take it for an option (`smroi revoke TOKEN`)."""
    while (token := secrets.token_urlsafe(_TOKEN_BYTES)).startswith("-"):
        pass
    return token


def token_of(link_or_token: str) -> str:
    """The token of a share link ("…/?report=TOKEN"), or the text itself."""
    text = link_or_token.strip()
    return text.split("report=", 1)[1].split("&", 1)[0] if "report=" in text else text


def database_url() -> str:
    """SMROI_DATABASE_URL, else SQLite in the file SMROI_DATA_DIR (default ~/.smroi)/reports.sqlite;
    the app and the CLI use the same."""
    configured = os.environ.get("SMROI_DATABASE_URL", "").strip()
    if configured:
        return configured
    folder = Path(os.environ.get("SMROI_DATA_DIR", "").strip() or "~/.smroi").expanduser()
    return f"sqlite:///{(folder.absolute() / 'reports.sqlite').as_posix()}"


def has_database(url: str) -> bool:
    """Whether there may be a report database at this URL: False only for a SQLite file that
    does not exist yet (so that cleaning up does not make one)."""
    try:
        parsed = sa.make_url(url)
    except ArgumentError:
        return True  # ReportStore says what is wrong with it
    name = parsed.database or ""
    if parsed.get_backend_name() != "sqlite" or name.startswith("file:"):
        return True
    if name in ("", ":memory:"):
        return True
    return Path(name).expanduser().exists()


def _engine(url: str) -> Engine:
    """The one engine for this URL in this process."""
    with _ENGINES_LOCK:
        engine = _ENGINES.get(url)
        if engine is None:
            engine = _ENGINES[url] = _new_engine(url)
        return engine


def _dispose_engine(url: str) -> None:
    """Close the pooled connections to this URL (for tests and shutdown)."""
    with _ENGINES_LOCK:
        engine = _ENGINES.pop(url, None)
    if engine is not None:
        engine.dispose()


def _new_engine(url: str) -> Engine:
    """An engine for this URL; a URL smroi cannot use is a SmroiError that does not show it."""
    try:
        parsed = sa.make_url(url)
    except ArgumentError:
        raise SmroiError(
            _(
                "The report database address (SMROI_DATABASE_URL) is not a database URL such "
                "as sqlite:///path/reports.sqlite or postgresql+psycopg://user:password@host/db."
            )
        ) from None
    if parsed.drivername in ("postgresql", "postgres"):
        parsed = parsed.set(drivername="postgresql+psycopg")
    if parsed.get_backend_name() not in BACKENDS:
        raise SmroiError(
            _(
                "The report database address (SMROI_DATABASE_URL) names a {kind} database, "
                "which is not one smroi can use: it keeps shared reports in SQLite or PostgreSQL "
                "(sqlite:///path/reports.sqlite or postgresql+psycopg://user:password@host/db).",
                kind=parsed.get_backend_name(),
            )
        )
    try:
        if parsed.get_backend_name() == "sqlite":
            return _sqlite_engine(parsed)
        waits = {} if "connect_timeout" in parsed.query else {"connect_timeout": 10}
        return sa.create_engine(parsed, pool_pre_ping=True, connect_args=waits)
    except (ArgumentError, NoSuchModuleError, ImportError, sa.exc.InvalidRequestError):
        raise SmroiError(
            _(
                "smroi cannot use the report database address (SMROI_DATABASE_URL): its driver "
                "{driver} is not installed or its options are not ones the driver takes.",
                driver=parsed.drivername,
            )
        ) from None
    except OSError as exc:  # the folder of a SQLite file cannot be made
        raise SmroiError(
            _(
                "The folder for the report database cannot be made ({reason}); set "
                "SMROI_DATA_DIR (or SMROI_DATABASE_URL) to a folder smroi can write to.",
                reason=exc.strerror or type(exc).__name__,
            )
        ) from None


def _sqlite_engine(url: URL) -> Engine:
    """SQLite in WAL mode, shared by threads; writers wait up to 30 s for each other. Deleted
    rows are overwritten (secure_delete), and the file is its owner's alone."""
    in_memory = url.database in (None, "", ":memory:")
    if not in_memory and url.database and not url.database.startswith("file:"):
        _private_sqlite_file(Path(url.database).expanduser())
    engine = sa.create_engine(
        url,
        connect_args={"timeout": 30, "check_same_thread": False},
        poolclass=sa.pool.StaticPool if in_memory else None,
    )

    @sa.event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None  # transactions are begun below, not by sqlite3
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA busy_timeout = 30000")
        cursor.execute("PRAGMA secure_delete = ON")
        if not in_memory:
            cursor.execute("PRAGMA journal_mode = WAL")
        cursor.close()

    @sa.event.listens_for(engine, "begin")
    def _on_begin(connection: Connection) -> None:
        write = connection.get_execution_options().get(_WRITE, False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")

    return engine


def _private_sqlite_file(path: Path) -> None:
    """Make the SQLite file 0600 (created so, or tightened) in a folder made 0700; an
    existing folder is tightened too when it holds nothing but the report database (a
    folder such as the home folder is left as it is). OSError if the folder cannot be made."""
    folder = path.parent
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    # made 0600 before SQLite makes it 0644; if it exists or cannot be made here, SQLite
    # says so when it opens it
    with suppress(OSError):
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    names = {path.name, *(path.name + side for side in _SQLITE_SIDE_FILES)}
    mine = [folder / name for name in names if (folder / name).exists()]
    try:
        for file in mine:
            if file.stat().st_mode & 0o077:
                file.chmod(0o600)
        if folder.stat().st_mode & 0o077 and {f.name for f in folder.iterdir()} <= names:
            folder.chmod(0o700)
    except OSError as exc:  # not ours to change; the database still works
        _LOG.warning("smroi could not make the report database private (%s)", exc.strerror)


# ---------------------------------------------------------------- the store


class ReportStore:
    """Shared-report snapshots in a database, looked up by the hash of their token."""

    def __init__(self, url: str | None = None) -> None:
        """Open the store at this URL (default database_url()), creating its tables if new
        and bringing a database of an older layout up to date."""
        self._engine = _engine(url or database_url())
        self._writer = self._engine.execution_options(**{_WRITE: True})
        with self._failures():
            self._ensure_schema()

    @contextmanager
    def _failures(self) -> Iterator[None]:
        """The database failing (unreachable, refused, read-only, its disk full) as a
        StoreUnavailable that names the kind of failure, and a log line that names it too;
        neither shows the database's address nor the driver's words."""
        try:
            yield
        except sa.exc.IntegrityError:  # a row that is there already: the caller decides
            raise
        except (sa.exc.DBAPIError, sa.exc.TimeoutError) as exc:
            kind, code = _failure_kind(exc)
            _LOG.warning("the report store failed: %s (%s)", kind, code)
            raise StoreUnavailable(kind) from None

    @contextmanager
    def reading(self) -> Iterator[Connection]:
        """A connection to read with (smroi.schedules); a failing database is StoreUnavailable."""
        with self._failures(), self._engine.connect() as connection:
            yield connection

    @contextmanager
    def writing(self) -> Iterator[Connection]:
        """A write transaction (smroi.schedules), committed at the end; a failing database is
        StoreUnavailable, a row that breaks a unique constraint is IntegrityError."""
        with self._failures(), self._writer.begin() as connection:
            yield connection

    def save(
        self,
        table: pd.DataFrame,
        settings: Settings,
        *,
        title: str,
        reports: Iterable[ImportReport] = (),
        start: date | None = None,
        end: date | None = None,
        platforms: Iterable[str] | None = None,
        expires_days: float | None = None,
        password: str | None = None,
        owner: str | None = None,
        limits: Limits | None = None,
        now: datetime | None = None,
    ) -> str:
        """Save a snapshot of the dashboard and return the token of its link (a password,
        if any, of at least MIN_PASSWORD_CHARS characters). `owner` is the random id of the
        session that shares (kept only as its hash): its links and bytes in the last hour
        are limited (smroi.quotas; `limits`, else the SMROI_* variables), and so is the
        whole store's size, for links made without an owner too. Raises ShareLimitReached
        or StoreFull when a limit would be passed; nothing is saved then."""
        limits = limits or limits_from_environment()
        if password:
            check_password(password)
        created = _utc(now)
        expires = _expiry(created, expires_days)
        canonical = conform(table.reset_index(drop=True))
        parquet = table_to_parquet(canonical)
        settings_text = settings_to_json(settings)
        details = details_to_json(canonical, list(reports), start, end, platforms).encode()
        size = len(parquet) + len(settings_text.encode()) + len(details)
        if size > MAX_SNAPSHOT_BYTES:
            raise SnapshotTooLarge(size, MAX_SNAPSHOT_BYTES)
        packed = zlib.compress(details)
        token = _new_token()
        row = {
            "token_hash": token_hash(token),
            "title": _clean_title(title),
            "created_at": created,
            "expires_at": expires,
            "revoked_at": None,
            "password_hash": hash_password(password) if password else None,
            "table_parquet": parquet,
            "settings_json": settings_text,
            "details_json": "",
            "details_zlib": packed,
            "payload_bytes": size - len(details) + len(packed),
            "failed_tries": 0,
            "owner_hash": owner_hash(owner) if owner else None,
        }
        try:
            self._insert_within_limits(row, limits, created)
        except StoreFull:
            if not self.purge(now=created).reports:  # expired and revoked ones make room
                raise
            self._insert_within_limits(row, limits, created)
        return token

    def purge(self, *, now: datetime | None = None) -> Purged:
        """Delete the expired and revoked reports, their data with them, and say how many
        there were and how many bytes of snapshots they took."""
        gone = sa.or_(_REPORTS.c.revoked_at.is_not(None), _REPORTS.c.expires_at <= _utc(now))
        counted = sa.select(
            sa.func.count(), sa.func.coalesce(sa.func.sum(_REPORTS.c.payload_bytes), 0)
        ).where(gone)
        with self._failures(), self._writer.begin() as connection:
            reports, size = connection.execute(counted).one()
            delete_schedules(connection, gone)  # and the share tokens they kept
            connection.execute(_REPORTS.delete().where(gone))
        return Purged(reports=int(reports), bytes=int(size))

    def _insert_within_limits(self, row: dict[str, Any], limits: Limits, now: datetime) -> None:
        """Insert the report's row if the owner's hourly limits and the store's size allow
        it, checked in the same transaction (SQLite's write lock, or on PostgreSQL an
        advisory lock that every replica takes to share), so that no two links slip past."""
        with self._failures(), self._writer.begin() as connection:
            if connection.dialect.name == "postgresql":
                connection.execute(sa.select(sa.func.pg_advisory_xact_lock(_QUOTA_LOCK_KEY)))
            shares: list[Share] = []
            if row["owner_hash"] is not None:
                query = sa.select(_REPORTS.c.created_at, _REPORTS.c.payload_bytes).where(
                    _REPORTS.c.owner_hash == row["owner_hash"],
                    _REPORTS.c.created_at > now - WINDOW,
                )
                rows = connection.execute(query)
                shares = [Share(r.created_at, int(r.payload_bytes)) for r in rows]
            stored = connection.execute(
                sa.select(sa.func.coalesce(sa.func.sum(_REPORTS.c.payload_bytes), 0))
            ).scalar_one()
            check_share(shares, int(row["payload_bytes"]), int(stored), limits, now)
            connection.execute(_REPORTS.insert().values(**row))

    def open(
        self, token: str, password: str | None = None, *, now: datetime | None = None
    ) -> Snapshot:
        """The saved snapshot; raises ReportNotAvailable, PasswordNeeded, WrongPassword,
        TooManyTries (the password is then not checked), ReportDamaged or StoreUnavailable."""
        at = _utc(now)
        info, password_hash = self._available(token, at)
        if password_hash is not None:
            if not password:
                raise PasswordNeeded()
            self._try_password(token_hash(token), password, password_hash, at)
        return self._read_snapshot(token_hash(token), info)

    def _read_snapshot(self, hashed: str, info: ReportInfo) -> Snapshot:
        """The stored table, settings and details of the report with this hash."""
        query = sa.select(
            _REPORTS.c.table_parquet,
            _REPORTS.c.settings_json,
            _REPORTS.c.details_json,
            _REPORTS.c.details_zlib,
        ).where(_REPORTS.c.token_hash == hashed)
        with self._failures(), self._engine.connect() as connection:
            payload = connection.execute(query).one_or_none()
        if payload is None:  # deleted between the two reads
            raise ReportNotAvailable()
        details = _details_text(payload.details_json, payload.details_zlib)
        return _snapshot(info, bytes(payload.table_parquet), payload.settings_json, details)

    def info(self, token: str, *, now: datetime | None = None) -> ReportInfo:
        """The report's title, dates and wrong passwords, without its data; raises
        ReportNotAvailable."""
        return self._available(token, _utc(now))[0]

    def needs_password(self, token: str) -> bool:
        """Whether opening this report asks for a password (False if it cannot be opened)."""
        try:
            _info, password_hash = self._available(token, _utc(None))
        except ReportNotAvailable:
            return False
        return password_hash is not None

    def revoke(self, token: str) -> bool:
        """Revoke the link, and delete its e-mail schedules (with the token they kept); True
        if it existed and was not yet revoked."""
        if not _token_shape_ok(token):
            return False
        statement = (
            _REPORTS.update()
            .where(_REPORTS.c.token_hash == token_hash(token), _REPORTS.c.revoked_at.is_(None))
            .values(revoked_at=_utc(None))
        )
        with self._failures(), self._writer.begin() as connection:
            revoked = connection.execute(statement).rowcount == 1
            delete_schedules(connection, _REPORTS.c.token_hash == token_hash(token))
            return revoked

    def snapshot_for_mail(
        self, hashed: str, *, token: str = "", now: datetime | None = None
    ) -> Snapshot:
        """The snapshot of the report whose token hashes to `hashed`, read without its
        password: only for the e-mails its owner scheduled (smroi.schedules), never for a
        reader of the link. Raises ReportNotAvailable once it is revoked, expired or gone."""
        info, _password = self._available_hash(hashed, _utc(now), token)
        return self._read_snapshot(hashed, info)

    # ------------------------------------------------------------ inside

    def _available(self, token: str, now: datetime) -> tuple[ReportInfo, str | None]:
        """The report's info and password hash, if it can be opened at `now`."""
        if not _token_shape_ok(token):
            raise ReportNotAvailable()
        return self._available_hash(token_hash(token), now, token)

    def _available_hash(
        self, hashed: str, now: datetime, token: str
    ) -> tuple[ReportInfo, str | None]:
        """The info and password hash of the report with this token hash, if it can be
        opened at `now` (its info names `token`, which may be "" when not known)."""
        query = sa.select(*_INFO_COLUMNS).where(_REPORTS.c.token_hash == hashed)
        with self._failures(), self._engine.connect() as connection:
            row = connection.execute(query).one_or_none()
        if row is None or row.revoked_at is not None:
            raise ReportNotAvailable()
        if row.expires_at is not None and now >= row.expires_at:
            raise ReportNotAvailable()
        info = ReportInfo(
            token=token,
            title=row.title,
            created_at=row.created_at,
            expires_at=row.expires_at,
            revoked=False,
            has_password=row.password_hash is not None,
            failed_tries=row.failed_tries,
            failed_since=row.failed_since,
        )
        return info, row.password_hash

    def _try_password(self, hashed: str, password: str, stored: str, now: datetime) -> None:
        """Check a password, counting the try first as a wrong one (so that tries made at
        once on several replicas are all counted); a right password clears the count."""
        self._count_a_try(hashed, now)
        if not password_matches(password, stored):
            raise WrongPassword()
        clear = (
            _REPORTS.update()
            .where(_REPORTS.c.token_hash == hashed, _REPORTS.c.failed_tries > 0)
            .values(failed_tries=0, failed_since=None, last_failed_at=None)
        )
        with self._failures(), self._writer.begin() as connection:
            connection.execute(clear)

    def _count_a_try(self, hashed: str, now: datetime) -> None:
        """Add a try to the report's wrong passwords, unless it must wait (TooManyTries).
        The count only moves from the value read (compare and set), so no try slips past."""
        tries = sa.select(
            _REPORTS.c.failed_tries, _REPORTS.c.failed_since, _REPORTS.c.last_failed_at
        ).where(_REPORTS.c.token_hash == hashed)
        for _race in range(_TRY_RACES):
            with self._failures(), self._engine.connect() as connection:
                row = connection.execute(tries).one_or_none()
            if row is None:
                raise ReportNotAvailable()
            wait = wait_left(row.failed_tries, row.last_failed_at, now)
            if wait:
                raise TooManyTries(wait)
            count = (
                _REPORTS.update()
                .where(_REPORTS.c.token_hash == hashed, _REPORTS.c.failed_tries == row.failed_tries)
                .values(
                    failed_tries=row.failed_tries + 1,
                    failed_since=row.failed_since or now,
                    last_failed_at=now,
                )
            )
            with self._failures(), self._writer.begin() as connection:
                if connection.execute(count).rowcount == 1:
                    return
        raise TooManyTries(wait_after(FREE_TRIES))

    def _ensure_schema(self) -> None:
        """Create the tables on first use, bring an older layout up to date, refuse a
        database made by a newer smroi."""
        with self._engine.connect() as connection:
            version = schema_version(connection)
        if version is None or version < SCHEMA_VERSION:
            with self._writer.begin() as connection:
                replaced_tokens = make_or_upgrade(connection)
            if replaced_tokens:
                scrub(self._engine)
            with self._engine.connect() as connection:
                version = schema_version(connection) or SCHEMA_VERSION
        if version > SCHEMA_VERSION:
            raise SmroiError(
                _(
                    "The report database was made by a newer smroi (schema version {version}; "
                    "this smroi knows version {known}). Update smroi to open it.",
                    version=version,
                    known=SCHEMA_VERSION,
                )
            )


# ---------------------------------------------------------------- helpers


def _failure_kind(exc: Exception) -> tuple[str, str]:
    """What kind of failure a database error is (a key of _FAILURES), and a code for the
    log (the driver's error class and SQLSTATE or SQLite error name, never its message)."""
    original = getattr(exc, "orig", None)
    sqlstate = str(getattr(original, "sqlstate", None) or "")
    sqlite_name = str(getattr(original, "sqlite_errorname", "") or "")
    code = " ".join(filter(None, (type(original or exc).__name__, sqlstate, sqlite_name)))
    if sqlstate.startswith("28") or sqlstate == "42501" or sqlite_name == "SQLITE_AUTH":
        return "refused", code
    if sqlstate == "25006" or sqlite_name.startswith("SQLITE_READONLY"):
        return "read-only", code
    if sqlstate == "53100" or sqlite_name == "SQLITE_FULL":
        return "full", code
    if isinstance(exc, sa.exc.TimeoutError | sa.exc.OperationalError | sa.exc.InterfaceError):
        return "unreachable", code
    return "failed", code


def _utc(now: datetime | None) -> datetime:
    """`now` in UTC (the current time when None); a naive time is a mistake."""
    if now is None:
        return datetime.now(UTC)
    if now.tzinfo is None or now.utcoffset() is None:
        raise ValueError("now must be timezone-aware, such as datetime.now(UTC)")
    return now.astimezone(UTC)


def _expiry(created: datetime, days: float | None) -> datetime | None:
    """When a link made at `created` expires; None or 0 days = never."""
    if days is None or days == 0:
        return None
    if not math.isfinite(days) or days < 0 or days > MAX_EXPIRES_DAYS:
        raise ValueError(
            f"expires_days must be a positive number of days up to {MAX_EXPIRES_DAYS}, not {days!r}"
        )
    try:
        return created + timedelta(days=days)
    except OverflowError:
        raise ValueError(f"expires_days is too far in the future ({days!r})") from None


def _clean_title(title: str) -> str:
    """The title stripped and cut to MAX_TITLE_CHARS, or the default title when empty."""
    cleaned = (title or "").strip()[:MAX_TITLE_CHARS].strip()
    return cleaned or DEFAULT_TITLE


def _token_shape_ok(token: object) -> bool:
    """Whether the token could be one of ours (url-safe characters, sensible length)."""
    return isinstance(token, str) and 16 <= len(token) <= 64 and set(token) <= _TOKEN_CHARS


def _megabytes(size: int) -> str:
    """A size in MB for a sentence: 52, 3.4, 0.0012."""
    mb = size / _MB
    return f"{mb:,.0f}" if mb >= 10 else f"{mb:.2g}"


# ---------------------------------------------------------------- snapshots


def _details_text(details_json: str, details_zlib: bytes | None) -> str:
    """A snapshot's details JSON: decompressed, or as a schema-1 database kept it (text)."""
    if details_zlib is None:
        return details_json
    try:
        inflate = zlib.decompressobj()
        text = inflate.decompress(bytes(details_zlib), MAX_SNAPSHOT_BYTES)
        if inflate.unconsumed_tail or not inflate.eof:
            raise ValueError("the details are longer than a shared report may be, or cut short")
        return text.decode("utf-8")
    except (zlib.error, ValueError) as exc:
        raise _damaged(exc) from None


def _damaged(exc: Exception) -> ReportDamaged:
    """The error for saved data that cannot be read, naming what went wrong."""
    error = f"{type(exc).__name__}: {exc}"
    return ReportDamaged(_("This report's saved data could not be read ({error}).", error=error))


def _snapshot(info: ReportInfo, parquet: bytes, settings_text: str, details_text: str) -> Snapshot:
    """The snapshot from its stored parts; ReportDamaged if they cannot be read."""
    try:
        details = json.loads(details_text)
        if details.get("format", 0) > FORMAT_VERSION:
            raise ReportDamaged(
                _("This report was saved by a newer smroi; update smroi to open it.")
            )
        platforms = details.get("platforms")
        return Snapshot(
            info=info,
            table=table_from_parquet(parquet, details.get("categories", {})),
            settings=settings_from_json(settings_text, source="the shared report's settings"),
            reports=[report_from_dict(report) for report in details.get("reports", [])],
            start=day_from_text(details.get("start")),
            end=day_from_text(details.get("end")),
            platforms=None if platforms is None else tuple(str(p) for p in platforms),
        )
    except ReportDamaged:
        raise
    except SmroiError as exc:  # the saved settings are not valid
        raise ReportDamaged(exc.message) from None
    except (ValueError, TypeError, KeyError, AttributeError, pa.ArrowException) as exc:
        raise _damaged(exc) from None


DEFAULT_BASE_URL = "http://localhost:8501"


def share_link(token: str, base: str | None = None) -> str:
    """The link that opens a shared report: `base`, else SMROI_BASE_URL, else localhost."""
    base = (base or os.environ.get("SMROI_BASE_URL", "")).strip().rstrip("/")
    return f"{base or DEFAULT_BASE_URL}/?report={token}"
