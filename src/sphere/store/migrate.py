"""Alembic migrations run in-process: the config is built in code from the packaged `migrations/` folder.

Other stages may ship revisions of their own (`sphere/<stage>/migrations/versions/`, chained after
`0001_initial`); they are found here so that `sphere db upgrade` brings every table up to date.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, inspect

from sphere.errors import SchemaOutdated, StoreError

MIGRATIONS = Path(__file__).parent / "migrations"
SPHERE = Path(__file__).parents[1]
OTHER_STAGES = ("refdata", "verify")


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
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, revision)
    return current(engine)


def check_schema(engine: Engine, *, create: bool = True, extra_locations: Iterable[Path] = ()) -> None:
    """Raise `SchemaOutdated` unless the database is at this sphere's revisions.

    A database with no sphere tables at all is created on the spot when `create` is true.
    """
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
