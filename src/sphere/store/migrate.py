"""Alembic migrations run in-process: the config is built in code from the packaged `migrations/` folder.

Other stages may ship revisions of their own (`sphere/<stage>/migrations/versions/`, chained after
`0001_initial`); they are found here so that `sphere db upgrade` brings every table up to date.
"""

from __future__ import annotations

import fcntl
import os
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, inspect, text

from sphere.errors import SchemaOutdated, StoreError

MIGRATIONS = Path(__file__).parent / "migrations"
SPHERE = Path(__file__).parents[1]
OTHER_STAGES = ("refdata", "verify")
SCHEMA_LOCK = 0x5F_53_43_48  # pg_advisory_lock key held while the schema is created or upgraded
_HELD: set[str] = set()  # databases whose schema lock this process holds


def version_locations(extra: Iterable[Path] = ()) -> list[Path]:
    found = [MIGRATIONS / "versions"]
    found += [SPHERE / s / "migrations" / "versions" for s in OTHER_STAGES]
    found += [Path(p) for p in extra]
    return [p for p in found if p.is_dir()]


def alembic_config(engine: Engine | None = None, *, extra_locations: Iterable[Path] = ()) -> Config:
    """An Alembic `Config` for sphere's migrations, built without any alembic.ini."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.set_main_option("path_separator", "os")
    locations = version_locations(extra_locations)
    config.set_main_option("version_locations", os.pathsep.join(str(p) for p in locations))
    if engine is not None:
        config.set_main_option("sqlalchemy.url", engine.url.render_as_string(hide_password=False).replace("%", "%%"))
    return config


def heads(*, extra_locations: Iterable[Path] = ()) -> set[str]:
    """The revisions this sphere expects the database to be at."""
    return set(ScriptDirectory.from_config(alembic_config(extra_locations=extra_locations)).get_heads())


def current(engine: Engine) -> set[str]:
    """The revisions the database is at (empty for a database sphere never touched)."""
    with engine.connect() as connection:
        return set(MigrationContext.configure(connection).get_current_heads())


def upgrade(engine: Engine, revision: str = "heads", *, extra_locations: Iterable[Path] = ()) -> set[str]:
    """Bring the database to `revision` (default: the newest); returns the revisions it is at afterwards."""
    config = alembic_config(engine, extra_locations=extra_locations)
    with schema_lock(engine), engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, revision)
    return current(engine)


@contextmanager
def schema_lock(engine: Engine) -> Iterator[None]:
    """Held while the schema is checked, created or upgraded, so that two sphere processes starting on one
    empty database do not both create it: on PostgreSQL a session advisory lock, on a SQLite file an
    exclusive lock on `<file>.lock` beside it (an in-memory database has one user). Re-entrant: an upgrade
    inside a check takes no second lock."""
    key = engine.url.render_as_string(hide_password=False)
    if key in _HELD:
        yield
        return
    _HELD.add(key)
    try:
        with _exclusive(engine):
            yield
    finally:
        _HELD.discard(key)


@contextmanager
def _exclusive(engine: Engine) -> Iterator[None]:
    if engine.dialect.name == "postgresql":
        with engine.connect() as connection:
            connection.execute(text("SELECT pg_advisory_lock(:key)"), {"key": SCHEMA_LOCK})
            connection.commit()
            try:
                yield
            finally:
                connection.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": SCHEMA_LOCK})
                connection.commit()
        return
    database = engine.url.database if engine.dialect.name == "sqlite" else None
    if not database or database == ":memory:" or database.startswith("file:"):
        yield
        return
    with open(f"{database}.lock", "a+b") as handle:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


def check_schema(engine: Engine, *, create: bool = True, extra_locations: Iterable[Path] = ()) -> None:
    """Raise `SchemaOutdated` unless the database is at this sphere's revisions.

    A database with no sphere tables at all is created on the spot when `create` is true, under
    `schema_lock`: whoever comes second finds it made and up to date.
    """
    if current(engine) == heads(extra_locations=extra_locations):
        return
    with schema_lock(engine):
        _check_schema(engine, create=create, extra_locations=extra_locations)


def _check_schema(engine: Engine, *, create: bool, extra_locations: Iterable[Path]) -> None:
    at = current(engine)
    expected = heads(extra_locations=extra_locations)
    if at == expected:
        return
    if not at:
        tables = set(inspect(engine).get_table_names())
        if "articles" not in tables and create:
            upgrade(engine, extra_locations=extra_locations)
            return
        raise SchemaOutdated(
            "the database has sphere tables but no schema version: it was made by an older sphere; "
            "back it up and run `sphere db upgrade` (or start a new database with --db)"
        )
    script = ScriptDirectory.from_config(alembic_config(extra_locations=extra_locations))
    known = {rev.revision for rev in script.walk_revisions()}
    unknown = at - known
    if unknown:
        raise StoreError(
            f"the database schema is at {', '.join(sorted(unknown))}, which this sphere does not know: "
            "it was made by a newer sphere; upgrade sphere"
        )
    raise SchemaOutdated(
        f"the database schema is at {', '.join(sorted(at))} but this sphere needs {', '.join(sorted(expected))}: "
        "run `sphere db upgrade`"
    )
