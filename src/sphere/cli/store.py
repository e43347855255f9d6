"""`sphere ingest`, the queries over the store (`claims`, `events`, `articles`, `entities`), `export`,
`stats`, `reextract` and `db upgrade|current`: options parsed here, the work done by `sphere.store`.

Exit codes: 0 done (items that failed are listed on stderr), 1 store error, 2 bad option,
3 database unreachable, 4 schema older than this sphere (run `sphere db upgrade`).
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated

import typer
from pydantic import BaseModel
from rich.console import Console
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from sphere.errors import ConfigError, DatabaseUnavailable, SchemaOutdated, SphereError
from sphere.store import migrate, queries
from sphere.store.engine import connect, display_url, resolve_url, session_factory

FORMATS = ("table", "json", "csv")
EXIT_CODES: tuple[tuple[type[SphereError], int], ...] = (
    (ConfigError, 2), (DatabaseUnavailable, 3), (SchemaOutdated, 4), (SphereError, 1),
)
err = Console(stderr=True)

Db = Annotated[str | None, typer.Option("--db", help="Database URL or SQLite path (default: SPHERE_DATABASE_URL).")]
Fmt = Annotated[str, typer.Option("--format", "-f", help="table, json or csv.")]
Limit = Annotated[int, typer.Option(help="Most rows to show (0: all).")]
Since = Annotated[str | None, typer.Option(help="From this date (YYYY-MM-DD).")]
Until = Annotated[str | None, typer.Option(help="Up to this date (YYYY-MM-DD).")]
Country = Annotated[str | None, typer.Option(help="ISO3 or group code, on either side.")]
Outlet = Annotated[str | None, typer.Option(help="Only articles carried by this outlet.")]
Text = Annotated[str | None, typer.Option("--text", help="Words to find in the evidence / text.")]
Facts = Annotated[bool, typer.Option("--facts", help="Consolidated facts across stories instead of mentions.")]
MinStories = Annotated[int, typer.Option(help="With --facts: only facts from at least this many stories.")]


@contextmanager
def _errors() -> Iterator[None]:
    """Turn sphere's errors into one line on stderr and an exit code."""
    try:
        yield
    except SphereError as exc:
        code = next(code for kind, code in EXIT_CODES if isinstance(exc, kind))
        err.print(f"[red]error:[/red] {exc}", highlight=False, markup=True)
        raise typer.Exit(code) from None


@contextmanager
def _session(db: str | None):
    engine = connect(db)
    try:
        with session_factory(engine)() as session:
            yield session
    finally:
        engine.dispose()


def _date(value: str | None, option: str) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise ConfigError(f"{option} {value!r} is not a date like 2025-02-20") from None


def _format(value: str, valid: Sequence[str] = FORMATS) -> str:
    if value not in valid:
        raise ConfigError(f"unknown format {value!r}", valid=valid)
    return value


def _show(items: Sequence[BaseModel], fmt: str, columns: Sequence[str]) -> None:
    rows = [item.model_dump(mode="json") for item in items]
    if fmt == "json":
        sys.stdout.write(json.dumps(rows, indent=2, ensure_ascii=False) + "\n")
    elif fmt == "csv":
        fields = list(rows[0]) if rows else list(columns)
        writer = csv.DictWriter(sys.stdout, fieldnames=fields)
        writer.writeheader()
        for row in rows:
            writer.writerow({k: ";".join(map(str, v)) if isinstance(v, list) else v for k, v in row.items()})
    else:
        table = Table(*columns, show_lines=False)
        for row in rows:
            table.add_row(*("" if row.get(c) is None else _cell(row.get(c)) for c in columns))
        Console().print(table)
        err.print(f"{len(rows)} row{'' if len(rows) == 1 else 's'}")


def _cell(value: object) -> str:
    text = ", ".join(map(str, value)) if isinstance(value, list) else str(value)
    return text if len(text) <= 90 else text[:87] + "..."


def _query(db: str | None, fmt: str, columns: Sequence[str], call: Callable) -> None:
    with _errors():
        fmt = _format(fmt)
        with _session(db) as session:
            _show(call(session), fmt, columns)


def ingest(
    sources: Annotated[list[str], typer.Argument(help="Files, directories, URLs or - (stdin).")],
    db: Db = None,
    no_verify: Annotated[bool, typer.Option("--no-verify", help="Do not check claims against reference data.")] = False,
    workers: Annotated[int, typer.Option(help="Extraction processes.")] = 1,
    batch_size: Annotated[int, typer.Option(help="Articles per transaction (1: one per article).")] = 128,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
) -> None:
    """Extract every input and store articles, mentions, claims, events and quotes with provenance."""
    from sphere.store.ingest import ingest_paths

    with _errors():
        with _session(db) as session, Progress(
            SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn(), console=err, disable=quiet,
            transient=True,
        ) as progress:
            task = progress.add_task("ingesting", total=None)
            seen = {"stored": 0, "duplicate": 0, "new_source": 0, "error": 0}

            def on_item(status: str, label: str) -> None:
                seen[status] = seen.get(status, 0) + 1
                progress.update(task, advance=1, description=(
                    f"stored {seen['stored']}, duplicates {seen['duplicate'] + seen['new_source']}, "
                    f"errors {seen['error']}  {label[-50:]}"
                ))

            report = ingest_paths(sources, session=session, verify=not no_verify, workers=workers,
                                  batch_size=batch_size, on_item=on_item)
        for item, reason in report.errors[:50]:
            err.print(f"skipped {item}: {reason}", highlight=False, markup=False)
        if len(report.errors) > 50:
            err.print(f"... and {len(report.errors) - 50} more")
        for item, reason in report.warnings[:20]:
            err.print(f"warning {item}: {reason}", highlight=False, markup=False)
        err.print(
            f"stored {report.stored} articles ({report.new_stories} new stories, {report.near_duplicates} "
            f"near-duplicates of known stories), {report.claims} claims, {report.events} events, "
            f"{report.verdicts} verdicts; "
            f"{report.duplicates} already stored ({report.new_sources} with a new source), "
            f"{len(report.errors)} skipped, in {report.seconds:.1f}s",
            highlight=False,
        )


def claims(
    db: Db = None, country: Country = None,
    holder: Annotated[str | None, typer.Option(help="Borrower, investor, exporter... (ISO3).")] = None,
    counterpart: Annotated[str | None, typer.Option(help="Lender, host, importer... (ISO3).")] = None,
    measure: Annotated[str | None, typer.Option(help="debt, loan, trade, tariff, ...")] = None,
    year: Annotated[int | None, typer.Option(help="Year the figure refers to.")] = None,
    since: Since = None, until: Until = None, outlet: Outlet = None,
    source: Annotated[str | None, typer.Option(help="Who the figure is attributed to (part of the name).")] = None,
    text: Text = None, facts: Facts = False, min_stories: MinStories = 1, limit: Limit = 100, fmt: Fmt = "table",
) -> None:
    """Claims (figures) stored, newest first, or consolidated facts with --facts."""
    if facts:
        columns: tuple[str, ...] = ("id", "measure", "holder", "counterpart", "value", "unit", "year", "n_stories",
                                    "n_outlets", "first_seen", "last_seen", "conflicts")
        _query(db, fmt, columns, lambda s: queries.list_claim_facts(
            s, country=country, holder=holder, counterpart=counterpart, measure=measure, year=year,
            since=_date(since, "--since"), until=_date(until, "--until"), min_stories=min_stories, limit=limit))
        return
    columns = ("published", "outlet", "measure", "holder", "counterpart", "value", "unit", "year", "source",
               "evidence")
    _query(db, fmt, columns, lambda s: queries.list_claims(
        s, country=country, holder=holder, counterpart=counterpart, measure=measure, year=year,
        since=_date(since, "--since"), until=_date(until, "--until"), outlet=outlet, source=source, text=text,
        limit=limit))


def events(
    db: Db = None, country: Country = None,
    actor: Annotated[str | None, typer.Option(help="The party that acts (ISO3).")] = None,
    target: Annotated[str | None, typer.Option(help="The party acted upon (ISO3).")] = None,
    action: Annotated[str | None, typer.Option(help="PLOVER type: AGREE, CONSULT, SANCTION, ...")] = None,
    since: Since = None, until: Until = None, outlet: Outlet = None, text: Text = None, facts: Facts = False,
    min_stories: MinStories = 1, limit: Limit = 100, fmt: Fmt = "table",
) -> None:
    """Events stored, newest first, or consolidated facts with --facts."""
    if facts:
        columns: tuple[str, ...] = ("id", "actor", "action", "target", "day", "n_stories", "n_outlets", "first_seen",
                                    "last_seen")
        _query(db, fmt, columns, lambda s: queries.list_event_facts(
            s, country=country, actor=actor, target=target, action=action, since=_date(since, "--since"),
            until=_date(until, "--until"), min_stories=min_stories, limit=limit))
        return
    columns = ("day", "outlet", "actor", "action", "target", "mode", "evidence")
    _query(db, fmt, columns, lambda s: queries.list_events(
        s, country=country, actor=actor, target=target, action=action, since=_date(since, "--since"),
        until=_date(until, "--until"), outlet=outlet, text=text, limit=limit))


def articles(
    db: Db = None, country: Annotated[str | None, typer.Option(help="Articles that mention this code.")] = None,
    outlet: Outlet = None, since: Since = None, until: Until = None, text: Text = None,
    story: Annotated[int | None, typer.Option(help="Articles of this story (near-duplicates).")] = None,
    limit: Limit = 100, fmt: Fmt = "table",
) -> None:
    """Stored articles, newest first."""
    columns = ("id", "story_id", "published", "outlet", "n_sources", "title")
    _query(db, fmt, columns, lambda s: queries.list_articles(
        s, country=country, outlet=outlet, since=_date(since, "--since"), until=_date(until, "--until"),
        text=text, story=story, limit=limit))


def entities(
    db: Db = None, country: Annotated[str | None, typer.Option(help="Only this code.")] = None,
    kind: Annotated[str | None, typer.Option(help="country, demonym, capital, group, institution, official")] = None,
    text: Annotated[str | None, typer.Option("--text", help="Part of the name or mention.")] = None,
    outlet: Outlet = None, since: Since = None, until: Until = None, limit: Limit = 100, fmt: Fmt = "table",
) -> None:
    """Coded parties mentioned, most mentioned first."""
    columns = ("code", "name", "kind", "mentions", "articles", "first_seen", "last_seen")
    _query(db, fmt, columns, lambda s: queries.list_entities(
        s, country=country, kind=kind, text=text, outlet=outlet, since=_date(since, "--since"),
        until=_date(until, "--until"), limit=limit))


def export(
    out: Annotated[Path, typer.Option("--out", help="Directory to write one file per table into.")],
    db: Db = None, fmt: Annotated[str, typer.Option("--format", "-f", help="parquet, csv or jsonl.")] = "parquet",
) -> None:
    """Export the whole store, one file per table."""
    from sphere.store.export import FORMATS as EXPORTS
    from sphere.store.export import export_store

    with _errors():
        fmt = _format(fmt, EXPORTS)
        with _session(db) as session:
            written = export_store(session, out=out, format=fmt)
        err.print(f"wrote {len(written)} files to {out}")


def stats(db: Db = None, fmt: Annotated[str, typer.Option("--format", "-f", help="table or json.")] = "table") -> None:
    """Counts per table, stories vs articles, outlets, extractor versions, date range."""
    with _errors():
        fmt = _format(fmt, ("table", "json"))
        with _session(db) as session:
            result = queries.stats(session)
        if fmt == "json":
            sys.stdout.write(result.model_dump_json(indent=2) + "\n")
            return
        table = Table("what", "value")
        for name, count in result.counts.items():
            table.add_row(name, str(count))
        table.add_row("outlets", str(result.outlets))
        table.add_row("superseded rows", str(result.superseded_rows))
        table.add_row("published", f"{result.first_published or '-'} .. {result.last_published or '-'}")
        for version, count in result.extractor_versions.items():
            table.add_row(f"extractor {version}", f"{count} articles")
        Console().print(table)


def reextract(
    db: Db = None,
    prune_old: Annotated[bool, typer.Option("--prune-old", help="Delete rows made by older extractors.")] = False,
    force: Annotated[bool, typer.Option("--force", help="Redo articles already at the current version.")] = False,
    no_verify: Annotated[bool, typer.Option("--no-verify", help="Do not check claims again.")] = False,
    workers: Annotated[int, typer.Option(help="Extraction processes.")] = 1,
) -> None:
    """Recompute claims and events from the stored texts with the current extractor."""
    from sphere.store.reextract import reextract as run

    with _errors(), _session(db) as session:
        report = run(session, force=force, prune_old=prune_old, verify=not no_verify, workers=workers)
        for item, reason in report.errors[:50]:
            err.print(f"failed {item}: {reason}", highlight=False, markup=False)
        err.print(f"re-extracted {report.articles} articles ({report.claims} claims, {report.events} events), "
                  f"{len(report.errors)} failed, {report.pruned} old rows pruned, in {report.seconds:.1f}s")


db_app = typer.Typer(help="The store's database: schema version and upgrades.", no_args_is_help=True)


@db_app.command("upgrade")
def db_upgrade(db: Db = None) -> None:
    """Create the store's tables or bring them up to this sphere's schema."""
    with _errors():
        engine = connect(db, check=False)
        try:
            at = migrate.upgrade(engine)
        finally:
            engine.dispose()
        err.print(f"{display_url(resolve_url(db))} is at {', '.join(sorted(at))}")


@db_app.command("current")
def db_current(db: Db = None) -> None:
    """Show the schema version of the database and the one this sphere expects."""
    with _errors():
        engine = connect(db, check=False)
        try:
            at, expected = migrate.current(engine), migrate.heads()
        finally:
            engine.dispose()
        state = "up to date" if at == expected else "run `sphere db upgrade`" if at else "empty"
        typer.echo(f"{display_url(resolve_url(db))}: {', '.join(sorted(at)) or '-'} "
                   f"(this sphere: {', '.join(sorted(expected))}; {state})")


def register(app: typer.Typer) -> None:
    """Add this module's commands to the `sphere` app."""
    for command in (ingest, claims, events, articles, entities, export, stats, reextract):
        app.command()(command)
    app.add_typer(db_app, name="db")
