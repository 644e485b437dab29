"""The report store's tables and their versions: what smroi.store keeps, and how a database
made by an earlier smroi is brought up to date when it is opened (plain Python, no streamlit).

    1  smroi 0.1: the token as the key, the details as JSON text
    2  the token's SHA-256 instead of the token; details compressed; wrong passwords counted
    3  owner_hash: which owner session made each link, for the hourly limits (smroi.quotas)
    4  e-mail schedules (smroi.schedules): report_schedules, schedule_recipients and
       schedule_sends (what was sent for which week or month, unique per schedule, period
       and address, each message with the SHA-256 of its own stop token)

A database of an older version is upgraded in one transaction (on PostgreSQL under an
advisory lock, so that one replica does it while the others wait); a newer one is refused
by smroi.store.
"""

from __future__ import annotations

import hashlib
import sqlite3
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

SCHEMA_VERSION = 4
MAX_TITLE_CHARS = 200
SCHEMA_LOCK_KEY = 0x5347_524F_4931  # PostgreSQL advisory lock held while creating tables


def token_hash(token: str) -> str:
    """What the database keeps of a token: its SHA-256, in hex (64 characters)."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


class UTCDateTime(sa.types.TypeDecorator[datetime]):
    """A timestamp stored in UTC and read back timezone-aware (SQLite keeps no zone)."""

    impl = sa.DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: sa.Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("timestamps for the report store must be timezone-aware")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: Any, dialect: sa.Dialect) -> datetime | None:
        if value is None:
            return None
        if isinstance(value, str):  # a SQLite column read without its type
            value = datetime.fromisoformat(value)
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)


METADATA = sa.MetaData()
SCHEMA = sa.Table(
    "schema_version",
    METADATA,
    sa.Column("version", sa.Integer, nullable=False),
)
REPORTS = sa.Table(
    "shared_reports",
    METADATA,
    sa.Column("token_hash", sa.String(64), primary_key=True),  # SHA-256 of the token, hex
    sa.Column("title", sa.String(MAX_TITLE_CHARS), nullable=False),
    sa.Column("created_at", UTCDateTime, nullable=False),
    sa.Column("expires_at", UTCDateTime, nullable=True),
    sa.Column("revoked_at", UTCDateTime, nullable=True),
    sa.Column("password_hash", sa.String(255), nullable=True),
    sa.Column("table_parquet", sa.LargeBinary, nullable=False),
    sa.Column("settings_json", sa.Text, nullable=False),
    sa.Column("details_json", sa.Text, nullable=False),  # "" when details_zlib holds them
    sa.Column("payload_bytes", sa.BigInteger, nullable=False),  # as stored (compressed)
    # schema 2: the details JSON compressed (None in reports saved by schema 1), and the
    # wrong passwords in a row (failed_tries), since when, and the latest
    sa.Column("details_zlib", sa.LargeBinary, nullable=True),
    sa.Column("failed_tries", sa.Integer, nullable=False, server_default="0"),
    sa.Column("failed_since", UTCDateTime, nullable=True),
    sa.Column("last_failed_at", UTCDateTime, nullable=True),
    # schema 3: the SHA-256 of the random id of the session that made the link (None for
    # links made on the command line, and for those made before schema 3)
    sa.Column("owner_hash", sa.String(64), nullable=True),
)
_OWNER_INDEX = sa.Index("shared_reports_owner", REPORTS.c.owner_hash, REPORTS.c.created_at)
# schema 4: e-mail schedules. A schedule keeps the share token it mails (the live link in
# each message; smroi.schedules says why), and is deleted with its report (revoke, purge).
MAX_ADDRESS_CHARS = 254  # RFC 5321's longest path, less its angle brackets (smroi.mail)
SCHEDULES = sa.Table(
    "report_schedules",
    METADATA,
    sa.Column("id", sa.String(32), primary_key=True),  # random, url-safe
    sa.Column("report_hash", sa.String(64), nullable=False, index=True),
    sa.Column("share_token", sa.String(64), nullable=True),  # None once stopped
    sa.Column("every", sa.String(8), nullable=False),  # "week" or "month"
    sa.Column("lang", sa.String(8), nullable=False),
    sa.Column("digits", sa.String(8), nullable=False),
    sa.Column("created_at", UTCDateTime, nullable=False),
    sa.Column("stopped_at", UTCDateTime, nullable=True),
)
RECIPIENTS = sa.Table(
    "schedule_recipients",
    METADATA,
    sa.Column("schedule_id", sa.String(32), primary_key=True),
    sa.Column("address", sa.String(MAX_ADDRESS_CHARS), primary_key=True),
    sa.Column("stopped_at", UTCDateTime, nullable=True),
)
SENDS = sa.Table(
    "schedule_sends",
    METADATA,
    sa.Column("schedule_id", sa.String(32), nullable=False),
    sa.Column("period", sa.String(10), nullable=False),  # 2026-W49 or 2026-12
    sa.Column("address", sa.String(MAX_ADDRESS_CHARS), nullable=False),
    sa.Column("status", sa.String(8), nullable=False),  # "sending" (claimed) or "sent"
    sa.Column("at", UTCDateTime, nullable=False),
    # SHA-256 of the stop token in this message's stop link
    sa.Column("stop_hash", sa.String(64), nullable=False, unique=True),
    # one row per schedule, period and address: two runs at once cannot both send
    sa.UniqueConstraint("schedule_id", "period", "address", name="schedule_sends_once"),
)
SCHEDULE_TABLES = (SCHEDULES, RECIPIENTS, SENDS)
_ADDED_IN_2 = ("details_zlib", "failed_tries", "failed_since", "last_failed_at")


def schema_version(connection: Connection) -> int | None:
    """The database's schema version, or None when its tables are not made yet."""
    if not sa.inspect(connection).has_table(SCHEMA.name):
        return None
    version = connection.execute(sa.select(sa.func.max(SCHEMA.c.version))).scalar()
    return None if version is None else int(version)


def make_or_upgrade(connection: Connection) -> bool:
    """Create the tables, or bring an older database to this layout, inside the caller's
    write transaction; True when plain tokens were replaced (schema 1), so that the caller
    rewrites the file (`scrub`) and leaves none of them on disk."""
    if connection.dialect.name == "postgresql":
        connection.execute(sa.select(sa.func.pg_advisory_xact_lock(SCHEMA_LOCK_KEY)))
    version = schema_version(connection)  # another process may have just done it
    if version is None:
        METADATA.create_all(connection, checkfirst=True)
        connection.execute(SCHEMA.insert().values(version=SCHEMA_VERSION))
        return False
    if version >= SCHEMA_VERSION:
        return False
    if version < 2:
        _upgrade_from_1(connection)
    if version < 3:
        _upgrade_from_2(connection)
    _upgrade_from_3(connection)
    connection.execute(SCHEMA.update().values(version=SCHEMA_VERSION))
    return version < 2


def _add_column(connection: Connection, name: str, rest: str = "") -> None:
    """ALTER TABLE shared_reports ADD COLUMN, with the column's type in this database."""
    kind = REPORTS.c[name].type.compile(dialect=connection.dialect)
    connection.exec_driver_sql(f"ALTER TABLE {REPORTS.name} ADD COLUMN {name} {kind}{rest}")


def _upgrade_from_1(connection: Connection) -> None:
    """Schema 1 to 2: each token replaced by its hash (the links keep working), and the
    columns for compressed details and wrong passwords added."""
    connection.exec_driver_sql(f"ALTER TABLE {REPORTS.name} RENAME COLUMN token TO token_hash")
    column = REPORTS.c.token_hash
    for token in connection.execute(sa.select(column)).scalars().all():
        update = REPORTS.update().where(column == token).values(token_hash=token_hash(token))
        connection.execute(update)
    for name in _ADDED_IN_2:
        _add_column(connection, name, " NOT NULL DEFAULT 0" if name == "failed_tries" else "")


def _upgrade_from_2(connection: Connection) -> None:
    """Schema 2 to 3: the owner_hash column (empty in the links made before) and its index."""
    _add_column(connection, "owner_hash")
    _OWNER_INDEX.create(connection, checkfirst=True)


def _upgrade_from_3(connection: Connection) -> None:
    """Schema 3 to 4: the e-mail schedules' tables (empty)."""
    METADATA.create_all(connection, tables=list(SCHEDULE_TABLES), checkfirst=True)


def delete_schedules(connection: Connection, reports: sa.ColumnElement[bool]) -> int:
    """Delete the e-mail schedules of the reports `reports` selects (a condition on
    shared_reports), their recipients and what they sent, the share tokens they kept with
    them; how many schedules there were."""
    hashes = sa.select(REPORTS.c.token_hash).where(reports).scalar_subquery()
    ids = sa.select(SCHEDULES.c.id).where(SCHEDULES.c.report_hash.in_(hashes))
    connection.execute(SENDS.delete().where(SENDS.c.schedule_id.in_(ids)))
    connection.execute(RECIPIENTS.delete().where(RECIPIENTS.c.schedule_id.in_(ids)))
    gone = connection.execute(SCHEDULES.delete().where(SCHEDULES.c.report_hash.in_(hashes)))
    return int(gone.rowcount or 0)


def scrub(engine: Engine) -> None:
    """Rewrite the database after an upgrade, so that the plain tokens it replaced are
    not left in free pages, old row versions or the write-ahead log."""
    if engine.dialect.name == "sqlite":
        raw = engine.raw_connection()
        try:
            sqlite = raw.driver_connection
            assert isinstance(sqlite, sqlite3.Connection)
            sqlite.execute("VACUUM")
            sqlite.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            raw.close()
    else:
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
            connection.exec_driver_sql(f"VACUUM FULL {REPORTS.name}")
