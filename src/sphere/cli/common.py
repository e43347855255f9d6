"""What every `sphere` command shares: one-line errors with exit codes, dates, formats, and the store's file.

Kept light on purpose (typer and the standard library only): every command module imports it at start-up,
and `sphere --help` must not pay for SQLAlchemy, pandas or spaCy. User text printed through Rich is always
escaped, so "[red]" in a title or a path is shown, never read as markup.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer

from sphere.errors import ConfigError, DatabaseUnavailable, SchemaOutdated, SphereError

if TYPE_CHECKING:
    from rich.console import Console

# Exit codes: 1 a store or other sphere error, 2 a bad option or input, 3 database unreachable, 4 schema old.
EXIT_CODES: tuple[tuple[type[SphereError], int], ...] = (
    (ConfigError, 2), (DatabaseUnavailable, 3), (SchemaOutdated, 4), (SphereError, 1),
)

Db = Annotated[str | None, typer.Option("--db", help="Database URL or SQLite path (default: SPHERE_DATABASE_URL).")]


def console(*, stderr: bool = False, markup: bool = True) -> Console:
    """A Rich console (imported on first use); 80 columns when not a terminal, unless COLUMNS says otherwise.
    `markup=False` for code that prints what it read (ids, JSON) and uses no markup of its own."""
    from rich.console import Console

    return Console(stderr=stderr, highlight=False, soft_wrap=False, markup=markup)


def say(message: str) -> None:
    """One plain line on stderr (no markup read in it)."""
    sys.stderr.write(message.rstrip("\n") + "\n")


def fail(message: str, code: int = 2) -> NoReturn:
    """Print `error: message` on stderr and leave with `code`."""
    say(f"error: {message}")
    raise typer.Exit(code)


def exit_code(exc: SphereError) -> int:
    return next(code for kind, code in EXIT_CODES if isinstance(exc, kind))


@contextmanager
def errors(default: int | None = None) -> Iterator[None]:
    """Turn sphere's errors, and files that cannot be read or written, into one line and an exit code.

    `default` overrides the exit code of every sphere error (the analysis commands use 2 throughout).
    """
    try:
        yield
    except SphereError as exc:
        fail(str(exc), default if default is not None else exit_code(exc))
    except BrokenPipeError:  # the reader left (`| head`): `main()` ends quietly
        raise
    except OSError as exc:
        where = f"{exc.filename}: " if exc.filename else ""
        fail(f"{where}{exc.strerror or exc}", 2)


@contextmanager
def reading(path: object, what: str = "file") -> Iterator[None]:
    """Reading the user's file `path`: undecodable bytes or a record of the wrong shape is one line naming it."""
    try:
        yield
    except UnicodeDecodeError:
        fail(f"{path}: not UTF-8 text (a binary file?)")
    except (ValueError, TypeError, KeyError, AttributeError) as exc:
        fail(f"{path}: malformed {what} ({type(exc).__name__}: {exc})")


def parse_date(value: str | None, option: str) -> dt.date | None:
    """A date option as typed: ISO (2025-02-20) or any form dateparser reads ("20 February 2025")."""
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        pass
    from sphere.sources.dates import parse_date as read_date  # the readers' rule, loaded only when not ISO

    day = read_date(value)
    if day is None:
        raise ConfigError(f"{option} {value!r} is not a date (use YYYY-MM-DD, e.g. 2025-02-20)")
    return day


def check_choice(value: str, valid: Sequence[str], what: str) -> str:
    """`value` (any case) when it is one of `valid`; else a ConfigError naming `what` and listing them."""
    value = value.strip().lower()
    if value not in valid:
        raise ConfigError(f"unknown {what} {value!r}", valid=valid)
    return value


def check_format(value: str, valid: Sequence[str]) -> str:
    return check_choice(value, valid, "format")


def sqlite_file(db: str | None) -> str | None:
    """The file path when `db` (or the settings) names a SQLite file, else None."""
    raw = (db or os.environ.get("SPHERE_DATABASE_URL") or "").strip()
    if not raw:
        from sphere.config import get_settings

        raw = get_settings().database_url
    if "://" not in raw:
        return os.path.abspath(os.path.expanduser(raw))
    for prefix in ("sqlite:///", "sqlite+pysqlite:///"):
        if raw.startswith(prefix):
            path = raw[len(prefix):].split("?", 1)[0]
            return None if path in ("", ":memory:") else path
    return None


def require_store(db: str | None) -> None:
    """A query reads a store that exists: a missing SQLite file is an error, never a new empty database."""
    path = sqlite_file(db)
    if path is not None and not os.path.exists(path):
        raise DatabaseUnavailable(
            f"no store at {path}: create one with `sphere ingest SOURCE... --db {path}` or `sphere demo`, "
            "or point --db / SPHERE_DATABASE_URL at an existing one"
        )


@contextmanager
def session(db: str | None, *, must_exist: bool = True, core: bool = False):  # type: ignore[no-untyped-def]
    """A session on the store.

    With `must_exist` (the queries): a missing SQLite file is an error instead of a new store, and the
    schema is checked only if a query fails, so a query does not load Alembic and read every migration
    first; a failure on an outdated schema still says "run `sphere db upgrade`". Without it (ingest), the
    store is created or checked up front. With `core`, a Connection instead of an ORM session: what the
    store's queries (`sphere.store.queries`) need, without loading SQLAlchemy's ORM (~0.05 s of start-up).
    """
    from sphere.store.engine import connect, open_session, session_factory

    if not must_exist:
        with open_session(db) as s:
            yield s
        return
    require_store(db)
    from sqlalchemy.exc import DBAPIError

    from sphere.errors import StoreError

    engine = connect(db, check=False)
    try:
        with engine.connect() if core else session_factory(engine)() as s:
            try:
                yield s
            except DBAPIError as exc:
                s.rollback()  # let go of the database before the check reads it
                from sphere.store.migrate import check_schema

                check_schema(engine, create=False)  # raises SchemaOutdated when that is the cause
                reason = (str(exc.orig or exc).strip().splitlines() or [""])[0]
                raise StoreError(f"the store could not answer: {reason}") from exc
    finally:
        engine.dispose()


def escape(text: object) -> str:
    """`text` safe to print through Rich: its square brackets are not markup."""
    from rich.markup import escape as rich_escape

    return rich_escape(str(text))
