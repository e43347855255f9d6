"""The store's schema: migrations equal the models, clear errors for unreachable and outdated databases."""

from __future__ import annotations

import contextlib

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect, text
from typer.testing import CliRunner

from sphere.errors import DatabaseUnavailable, SchemaOutdated, StoreError
from sphere.store import migrate
from sphere.store.engine import connect, resolve_url
from sphere.store.schema import Base
from test_store_support import session, store_url  # noqa: F401 - fixtures

NEXT_REVISION = """
from alembic import op
import sqlalchemy as sa

revision = "0099_test"
down_revision = {head!r}
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("test_extra", sa.Column("id", sa.Integer, primary_key=True))


def downgrade():
    op.drop_table("test_extra")
"""


@pytest.mark.filterwarnings("ignore:.*expression-based index")
def test_migration_creates_exactly_the_models(store_url):  # noqa: F811
    engine = connect(store_url)
    assert migrate.current(engine) == migrate.heads()
    assert "0001_initial" in {r.revision for r in ScriptDirectory.from_config(migrate.alembic_config()).walk_revisions()}
    with contextlib.suppress(ImportError):
        import sphere.refdata.tables  # noqa: F401 - other stages' tables join the same metadata
    with engine.connect() as connection:
        diff = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    assert diff == []
    names = {i["name"] for i in inspect(engine).get_indexes("claims")}
    assert {"ix_claims_holder_measure_year", "ix_claims_counterpart_measure"} <= names
    engine.dispose()


def test_downgrade_and_upgrade_round_trip(store_url):  # noqa: F811
    from alembic import command

    engine = connect(store_url)
    config = migrate.alembic_config(engine)
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "base")
    assert "articles" not in inspect(engine).get_table_names()
    assert migrate.upgrade(engine) == migrate.heads()
    engine.dispose()


def test_unreachable_database_is_a_clear_error():
    with pytest.raises(DatabaseUnavailable, match=r"cannot use the database postgresql\+psycopg://nobody@127.0.0.1:1/x"):
        connect("postgresql://nobody@127.0.0.1:1/x")


def test_unreachable_database_exit_code():
    from sphere.cli import app

    result = CliRunner().invoke(app, ["stats", "--db", "postgresql+psycopg://nobody@127.0.0.1:1/x"])
    assert result.exit_code == 3
    assert "cannot use the database" in result.output
    assert "Traceback" not in result.output


def test_older_schema_says_run_db_upgrade(store_url, tmp_path):  # noqa: F811
    versions = tmp_path / "versions"
    versions.mkdir()
    (versions / "0099_test.py").write_text(NEXT_REVISION.format(head=max(migrate.heads())))
    engine = connect(store_url)  # at this sphere's head
    with pytest.raises(SchemaOutdated, match="sphere db upgrade"):
        migrate.check_schema(engine, extra_locations=[versions])
    migrate.upgrade(engine, extra_locations=[versions])
    migrate.check_schema(engine, extra_locations=[versions])
    assert migrate.current(engine) == {"0099_test"}
    with pytest.raises(StoreError, match="newer sphere"):
        migrate.check_schema(engine)  # this sphere does not know 0099_test
    engine.dispose()


def test_tables_without_version_are_refused(tmp_path):
    url = f"sqlite:///{tmp_path / 'old.db'}"
    engine = connect(url)
    with engine.begin() as connection:
        connection.execute(text("DROP TABLE alembic_version"))
    engine.dispose()
    with pytest.raises(SchemaOutdated):
        connect(url)


def test_cli_db_upgrade_and_current(tmp_path):
    from sphere.cli import app

    path = tmp_path / "cli.db"
    runner = CliRunner()
    result = runner.invoke(app, ["db", "upgrade", "--db", str(path)])
    assert result.exit_code == 0, result.output
    result = runner.invoke(app, ["db", "current", "--db", str(path)])
    assert "up to date" in result.output


def test_url_resolution(monkeypatch, tmp_path):
    assert resolve_url("postgresql://u@h/db") == "postgresql+psycopg://u@h/db"
    assert resolve_url(str(tmp_path / "a.db")) == f"sqlite:///{tmp_path / 'a.db'}"
    monkeypatch.setenv("SPHERE_DATABASE_URL", "sqlite:///x.db")
    from sphere.config import get_settings

    get_settings.cache_clear()
    try:
        assert resolve_url(None) == "sqlite:///x.db"
    finally:
        get_settings.cache_clear()
