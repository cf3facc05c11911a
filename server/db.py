"""Database engine, sessions and the declarative base shared by every domain's models."""

from __future__ import annotations

import json
import logging
import os
import stat
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from anyio import CapacityLimiter
from sqlalchemy import (
    DateTime,
    Engine,
    MetaData,
    String,
    create_engine,
    event,
    func,
    make_url,
    type_coerce,
)
from sqlalchemy.dialects import mysql
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Session, sessionmaker
from sqlalchemy.sql.elements import ColumnElement
from sqlalchemy.types import TypeDecorator

if TYPE_CHECKING:
    from sqlalchemy.ext.asyncio import AsyncEngine

log = logging.getLogger(__name__)

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

# Binary collation: uniqueness is decided by our own normalised key columns, and the default
# general collation would treat every emoji as equal.
MYSQL_TABLE_ARGS = {
    "mysql_charset": "utf8mb4",
    "mysql_collate": "utf8mb4_bin",
    "mysql_engine": "InnoDB",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class UTCDateTime(TypeDecorator[datetime]):
    """Stores naive UTC (SQLite and MySQL keep no zone) and always returns aware UTC datetimes."""

    impl = DateTime
    cache_ok = True

    def load_dialect_impl(self, dialect: Dialect) -> Any:
        if dialect.name in ("mysql", "mariadb"):
            return dialect.type_descriptor(mysql.DATETIME(fsp=6))
        return dialect.type_descriptor(DateTime())

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC column")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        return None if value is None else value.replace(tzinfo=UTC)


def utc_text(column: Any) -> ColumnElement[str]:
    """A UTCDateTime column read as text in the API's form, ``2026-12-01T15:00:00.123456Z`` (no
    fraction when it is zero, as pydantic writes a datetime), on SQLite and MySQL alike (NULL
    stays NULL): read paths put it in their JSON as it comes."""
    stored = type_coerce(column, String)  # 2026-12-01 15:00:00.123456 on both databases
    iso = func.replace(func.replace(stored, " ", "T", type_=String), ".000000", "", type_=String)
    return iso + "Z"


def json_text(column: Any) -> ColumnElement[str]:
    """A JSON column read as its stored text (NULL stays NULL), to be passed through as JSON."""
    return type_coerce(column, String)


def compact_json(value: Any) -> str:
    """How JSON columns are written: no spaces and UTF-8 as it is, the form the API answers in,
    so read paths can pass the stored text through (see ``json_text``)."""
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False)


# Ids are 32-bit signed integers on MySQL; anything outside cannot name a row.
MAX_ROW_ID = 2_147_483_647


def id_in_range(value: int) -> bool:
    """Whether ``value`` can be a row id (so a query with it cannot overflow the column)."""
    return 1 <= value <= MAX_ROW_ID


def utcnow() -> datetime:
    return datetime.now(UTC)


# Connections kept open in the pool. Requests run on up to 40 worker threads (anyio's default);
# with fewer pooled connections than requests in flight, every request over the pool size opened
# and closed a connection of its own (measured: a fifth of a listing's time at 16 clients).
SQLITE_POOL_SIZE = 40
MYSQL_POOL_SIZE = 20

# SQLite's driver lets go of the GIL for every row it steps through. With a worker thread per
# request in flight (16 clients), each row of a page then waited its turn for the GIL again
# (py-spy: 58 % of a page's wall time in fetchone). Two threads for the hot reads keep the rows
# flowing: at 16 clients the album list went from 0.27 to 0.35 of a bare endpoint, a page of 50
# photos from 0.09 to 0.12-0.15, one photo from 0.28 to 0.37. MySQL's driver fetches a result
# in one call; there fewer threads only left requests waiting on the server (measured 0.26 to
# 0.23 for the album list), so MySQL keeps anyio's pool.
SQLITE_HOT_READ_THREADS = 2


def hot_read_limiter(engine: Engine) -> CapacityLimiter | None:
    """The cap on worker threads for the hot reads on this database (None: no cap of its own)."""
    return CapacityLimiter(SQLITE_HOT_READ_THREADS) if engine.dialect.name == "sqlite" else None


def make_async_read_engine(engine: Engine) -> AsyncEngine | None:
    """On MySQL, an async engine (asyncmy) for the three hottest reads; None elsewhere.

    A worker-thread hop per request was most of such a read's cost; on the event loop with an
    async driver the reads never block the loop while they wait on the server. Measured at 16
    clients on MariaDB (same machine, ratio to a bare endpoint): album list 0.29 → 0.48, a page
    of 50 photos 0.22 → 0.34, one photo 0.28 → 0.45. The reads run the same synchronous
    repository code through ``AsyncConnection.run_sync``.

    Its connections are AUTOCOMMIT: every read is one SELECT (InnoDB's non-locking consistent
    read), so there is no transaction to roll back when a connection goes back to the pool and
    no reset round trip. There is no ping before each checkout either; ``deps.OwnerRead`` reads
    again once on a connection the server had dropped (the pool is then invalidated, see
    SQLAlchemy's "optimistic" disconnect handling), and connections are recycled after 30 min.

    Async connections belong to the event loop that opened them: the app opens this engine in
    its lifespan and disposes of it there (``app.create_app``)."""
    if engine.dialect.name != "mysql":
        return None
    from sqlalchemy.ext.asyncio import create_async_engine

    return create_async_engine(
        engine.url.set(drivername="mysql+asyncmy"),
        isolation_level="AUTOCOMMIT",
        pool_reset_on_return=None,
        pool_pre_ping=False,
        pool_recycle=1800,
        pool_size=MYSQL_POOL_SIZE,
        max_overflow=20,
    )


def hot_reads_inline(engine: Engine) -> bool:
    """Whether the three hottest reads (album list, a page of photos, one photo) run on the event
    loop itself instead of a worker thread.

    On SQLite, yes. The hop to a worker thread and back was most of such a request: at 16
    clients, reading inline took the album list from 0.36 to 0.56 of a bare endpoint, a page of
    50 photos from 0.23 to 0.38, one photo from 0.44 to 0.77 (same-run comparison). The reads are
    bounded (a page is at most ``page_size_max`` rows; the album list one row per album) and
    SQLite serves them from a local file in well under a millisecond, without waiting on a
    writer (WAL). SQLite is the bundled, single-user mode. MySQL's reads wait on the network and
    on the server, which must never hold up the loop: they run on an async driver instead
    (``make_async_read_engine``)."""
    return engine.dialect.name == "sqlite"


PRIVATE_FILE_MODE = 0o600
PRIVATE_DIR_MODE = 0o700


def _sqlite_files(url: str) -> list[Path]:
    database = make_url(url).database
    if not database or database == ":memory:" or database.startswith("file:"):
        return []
    path = Path(database)
    return [path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")]


def restrict_sqlite_files(url: str) -> None:
    """Make the SQLite file (created empty if missing, so it is never world-readable even for
    a moment) and its -wal/-shm files readable by the owner only: they hold password, token
    and face data."""
    files = _sqlite_files(url)
    if not files:
        return
    if not files[0].exists():
        files[0].parent.mkdir(parents=True, exist_ok=True)
        os.close(os.open(files[0], os.O_CREAT | os.O_WRONLY, PRIVATE_FILE_MODE))
    for path in files:
        try:
            if path.exists() and stat.S_IMODE(path.stat().st_mode) != PRIVATE_FILE_MODE:
                path.chmod(PRIVATE_FILE_MODE)
        except OSError as exc:  # not ours (e.g. a shared folder): say so, keep running
            log.warning("cannot restrict permissions of %s: %s", path, exc)


def ensure_private_dir(path: Path) -> None:
    """Create the data dir (and parents) if missing and make it owner-only (0700)."""
    path.mkdir(parents=True, exist_ok=True, mode=PRIVATE_DIR_MODE)
    try:
        if stat.S_IMODE(path.stat().st_mode) != PRIVATE_DIR_MODE:
            path.chmod(PRIVATE_DIR_MODE)
    except OSError as exc:
        log.warning("cannot restrict permissions of %s: %s", path, exc)


def make_engine(url: str) -> Engine:
    """Create the engine; SQLite gets foreign keys, WAL and a busy timeout so threads can share
    it, and owner-only files."""
    if url.startswith("sqlite"):
        restrict_sqlite_files(url)
        engine = create_engine(
            url,
            connect_args={"check_same_thread": False, "timeout": 30},
            json_serializer=compact_json,
            pool_size=SQLITE_POOL_SIZE,
            max_overflow=10,
        )

        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
            cursor = dbapi_connection.cursor()
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=NORMAL")
            cursor.close()
            restrict_sqlite_files(url)  # WAL mode has just created the -wal and -shm files

        return engine
    return create_engine(
        url,
        json_serializer=compact_json,
        pool_pre_ping=True,
        pool_recycle=1800,
        pool_size=MYSQL_POOL_SIZE,
        max_overflow=20,
    )


def make_session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(bind=engine, expire_on_commit=False, autoflush=False)


def import_all_models() -> None:
    """Import every domain's models so the metadata is complete (migrations, tests)."""
    from server.albums import models as _albums  # noqa: F401
    from server.auth import models as _auth  # noqa: F401
    from server.faces import models as _faces  # noqa: F401
    from server.jobs import models as _jobs  # noqa: F401
    from server.people import models as _people  # noqa: F401
    from server.photos import models as _photos  # noqa: F401
    from server.users import models as _users  # noqa: F401
