"""Alembic environment of the sphere store, run in-process by `sphere.store.migrate` (no alembic.ini).

The connection is handed over in `config.attributes["connection"]`; `target_metadata` is sphere's `Base`
with every stage's tables imported, so autogenerate sees the store and the reference tables together.
"""

from __future__ import annotations

import contextlib
import importlib

from alembic import context
from sqlalchemy import create_engine
from sqlalchemy.exc import ArgumentError

from sphere.store.schema import Base

for _module in ("sphere.refdata.tables", "sphere.verify.tables"):
    with contextlib.suppress(ImportError):
        importlib.import_module(_module)

target_metadata = Base.metadata
config = context.config


def _run(connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",  # SQLite alters tables by copying them
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    url = config.get_main_option("sqlalchemy.url")
    if url is None:  # the same error create_engine(None) raises, with the reason
        raise ArgumentError("no connection handed over and no sqlalchemy.url set")
    engine = create_engine(url)
    with engine.connect() as connection:
        _run(connection)


if context.is_offline_mode():
    context.configure(
        url=config.get_main_option("sqlalchemy.url"), target_metadata=target_metadata, literal_binds=True
    )
    with context.begin_transaction():
        context.run_migrations()
else:
    run_migrations_online()
