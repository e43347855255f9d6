"""Which database, and a working connection to it, or a clear error saying why not.

The URL comes from `--db` or `SPHERE_DATABASE_URL` (`sphere.config`); by default a SQLite file in the
user's data directory. A bare path is a SQLite file; `postgresql://` means `postgresql+psycopg://`.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError

from sphere.errors import ConfigError, DatabaseUnavailable

if TYPE_CHECKING:  # the ORM is imported when a session is made: a query on a Connection never needs it
    from sqlalchemy.orm import Session, sessionmaker

WRITE_LOCK = 0x5F_53_50_48  # pg_advisory_xact_lock key: one writer at a time commits an article


def resolve_url(db: str | None = None) -> str:
    """The SQLAlchemy URL to use: `db` if given, else the settings' `database_url`."""
    if not db:
        from sphere.config import get_settings  # pydantic-settings: loaded only when no URL is given

        db = get_settings().database_url
    raw = db.strip()
    if "://" not in raw:
        raw = f"sqlite:///{Path(raw).expanduser().resolve()}"
    for prefix in ("postgresql://", "postgres://"):
        if raw.startswith(prefix):
            raw = "postgresql+psycopg://" + raw[len(prefix):]
    return raw


def display_url(url: str) -> str:
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return url


def _sqlite_setup(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record) -> None:
        dbapi_connection.isolation_level = None  # sphere issues BEGIN itself, below
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA busy_timeout=60000")
        if engine.url.database not in (None, "", ":memory:"):
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection) -> None:
        # IMMEDIATE takes the write lock up front: two writers wait for each other instead of deadlocking.
        connection.exec_driver_sql("BEGIN IMMEDIATE")


def create_store_engine(url: str) -> Engine:
    """An engine for `url` (not yet connected). Raises `ConfigError` for a URL sphere cannot use."""
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise ConfigError(f"not a database URL: {url!r} ({exc})") from exc
    if parsed.get_backend_name() == "sqlite" and parsed.database not in (None, "", ":memory:"):
        Path(parsed.database).expanduser().parent.mkdir(parents=True, exist_ok=True)
    try:
        if parsed.get_backend_name() == "sqlite":
            engine = create_engine(parsed, connect_args={"timeout": 60})
            _sqlite_setup(engine)
        else:
            engine = create_engine(parsed, pool_pre_ping=True)
    except (NoSuchModuleError, ImportError) as exc:
        raise ConfigError(
            f"no driver for {parsed.drivername!r}", valid=["sqlite:///PATH", "postgresql+psycopg://..."]
        ) from exc
    return engine


def connect(db: str | None = None, *, check: bool = True, create: bool = True) -> Engine:
    """An engine that has reached the database and, with `check`, found its schema up to date.

    Raises `DatabaseUnavailable` when the server or file cannot be reached, `SchemaOutdated` when the
    schema is older than this sphere (run `sphere db upgrade`). An empty database is created when `create`.
    """
    url = resolve_url(db)
    engine = create_store_engine(url)
    try:
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
        if check:
            from sphere.store.migrate import check_schema  # Alembic: loaded only when the schema is checked

            check_schema(engine, create=create)
    except DBAPIError as exc:
        engine.dispose()
        reason = str(exc.orig).strip().splitlines()[0] if exc.orig else str(exc)
        raise DatabaseUnavailable(
            f"cannot use the database {display_url(url)}: {reason} (set --db or SPHERE_DATABASE_URL)"
        ) from exc
    return engine


def session_factory(engine: Engine) -> sessionmaker[Session]:
    from sqlalchemy.orm import sessionmaker

    return sessionmaker(engine, expire_on_commit=False)


@contextmanager
def open_session(db: str | None = None, *, check: bool = True) -> Iterator[Session]:
    """A session on the store named by `db` (or the settings); the engine is disposed afterwards."""
    engine = connect(db, check=check)
    try:
        with session_factory(engine)() as session:
            yield session
    finally:
        engine.dispose()


def is_postgres(session: Session) -> bool:
    return session.get_bind().dialect.name == "postgresql"


def lock_for_write(session: Session) -> None:
    """Serialise article writes across processes (PostgreSQL); SQLite's BEGIN IMMEDIATE already does."""
    if is_postgres(session):
        session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": WRITE_LOCK})
