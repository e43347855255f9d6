"""`sphere ingest`, the queries over the store (`claims`, `events`, `articles`, `entities`), `export`,
`stats`, `reextract` and `db upgrade|current`: options parsed here, the work done by `sphere.store`.

A query never stops silently: without `--limit` it shows the first 100 rows and says on stderr how many
more there are; `--limit N` and `--all` are explicit. A query against a SQLite file that does not exist is
an error, not a new empty store. Imports of the store happen inside each command, so `sphere --help` stays
quick.

Exit codes: 0 done (items that failed are listed on stderr), 1 store error (or, with `ingest --strict`, any
item skipped), 2 bad option, 3 database unreachable or missing, 4 schema older than this sphere (run
`sphere db upgrade`).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any

import typer

from sphere.cli.common import Db, check_choice, check_format, errors, parse_date, say, session
from sphere.errors import ConfigError

FORMATS = ("table", "json", "csv")
DEFAULT_LIMIT = 100

Fmt = Annotated[str, typer.Option("--format", "-f", help="table, json or csv.")]
Limit = Annotated[int | None, typer.Option(min=1, help=f"Most rows to show (default {DEFAULT_LIMIT}; "
                                                       "stderr says how many more there are).")]
All = Annotated[bool, typer.Option("--all", help="Show every row.")]
Since = Annotated[str | None, typer.Option(help="From this date (YYYY-MM-DD).")]
Until = Annotated[str | None, typer.Option(help="Up to this date (YYYY-MM-DD).")]
Country = Annotated[str | None, typer.Option(help="Country or group on either side: code, name or demonym.")]
Outlet = Annotated[str | None, typer.Option(help="Only articles carried by this outlet (start of its name, any case).")]
Text = Annotated[str | None, typer.Option("--text", help="Words to find in the evidence / text (literally).")]
Facts = Annotated[bool, typer.Option("--facts", help="Consolidated facts across stories instead of mentions.")]
MinStories = Annotated[int, typer.Option(help="With --facts: only facts from at least this many stories.")]


def _query(db: str | None, fmt: str, layout: str, lister: Callable[..., list], counter: Callable[..., int],
           filters: dict[str, Any], limit: int | None, everything: bool) -> None:
    """Run one query and print its rows; a "N more" line on stderr when the limit left rows out."""
    from sphere.cli.show import emit, more_line

    with errors():
        fmt = check_format(fmt, FORMATS)
        if everything and limit is not None:
            raise ConfigError("--limit and --all exclude each other: give one")
        cap = None if everything else limit or DEFAULT_LIMIT
        with session(db, core=True) as s:
            items = lister(s, **filters, limit=cap + 1 if cap else None)
            total = counter(s, **filters) if cap and len(items) > cap else len(items)
            items = items[:cap] if cap else items
        emit([item.model_dump(mode="json") for item in items], fmt, layout)
        more_line(len(items), total)


def _unused_with_facts(**given: object) -> None:
    named = [f"--{name.replace('_', '-')}" for name, value in given.items() if value]
    if named:
        raise ConfigError(f"{', '.join(named)} cannot be used with --facts (facts span outlets and texts)")


def ingest(
    sources: Annotated[list[str], typer.Argument(help="Files, directories, URLs or - (stdin).")],
    db: Db = None,
    no_verify: Annotated[bool, typer.Option("--no-verify", help="Do not check claims against reference data.")] = False,
    workers: Annotated[int, typer.Option(min=1, max=64, help="Extraction processes.")] = 1,
    batch_size: Annotated[int, typer.Option(min=1, help="Articles per transaction (1: one per article).")] = 128,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
    strict: Annotated[bool, typer.Option("--strict", help="Exit non-zero when any input is skipped.")] = False,
    engine: Annotated[str, typer.Option(help="local (this machine) or dask (a Dask cluster).")] = "local",
    scheduler: Annotated[str | None, typer.Option(help="With --engine dask: tcp://HOST:PORT (default: a local "
                                                       "cluster of --workers processes).")] = None,
    run_dir: Annotated[str | None, typer.Option(help="With --engine dask: where shards and the manifest go "
                                                     "(default: one per database and inputs).")] = None,
    time_limit: Annotated[float, typer.Option(min=0, help="Seconds per article before it is skipped (0: none).")] = 60,
) -> None:
    """Extract every input and store articles, mentions, claims, events and quotes with provenance."""
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    from sphere.cli.common import console
    from sphere.ingest import ingest_paths

    with errors():
        with session(db, must_exist=False) as s, Progress(
            SpinnerColumn(), TextColumn("{task.description}", markup=False), TimeElapsedColumn(),
            console=console(stderr=True), disable=quiet, transient=True,
        ) as progress:
            task = progress.add_task("ingesting", total=None)
            seen = {"stored": 0, "duplicate": 0, "new_source": 0, "error": 0}

            def on_item(status: str, label: str) -> None:
                seen[status] = seen.get(status, 0) + 1
                progress.update(task, advance=1, description=(
                    f"stored {seen['stored']}, duplicates {seen['duplicate'] + seen['new_source']}, "
                    f"errors {seen['error']}  {label[-50:]}"
                ))

            report = ingest_paths(sources, session=s, verify=not no_verify, workers=workers,
                                  batch_size=batch_size, on_item=on_item, engine=engine, scheduler=scheduler,
                                  run_dir=run_dir, seconds=time_limit or None)
        for item, reason in report.errors[:50]:
            say(f"skipped {item}: {reason}")
        if len(report.errors) > 50:
            say(f"... and {len(report.errors) - 50} more skipped")
        for item, reason in report.warnings[:20]:
            say(f"warning {item}: {reason}")
        say(
            f"stored {report.stored} articles ({report.new_stories} new stories, {report.near_duplicates} "
            f"near-duplicates of known stories), {report.claims} claims, {report.events} events, "
            f"{report.verdicts} verdicts; "
            f"{report.duplicates} already stored ({report.new_sources} with a new source), "
            f"{len(report.errors)} skipped, in {report.seconds:.1f}s"
        )
    if strict and report.errors:
        raise typer.Exit(1)


def claims(
    db: Db = None, country: Country = None,
    holder: Annotated[str | None, typer.Option(help="Borrower, investor, exporter... (code, name or demonym).")] = None,
    counterpart: Annotated[str | None, typer.Option(help="Lender, host, importer... (code, name or demonym).")] = None,
    measure: Annotated[str | None, typer.Option(help="debt, loan, trade, tariff, ...")] = None,
    year: Annotated[int | None, typer.Option(help="Year the figure refers to.")] = None,
    since: Since = None, until: Until = None, outlet: Outlet = None,
    source: Annotated[str | None, typer.Option(help="Who the figure is attributed to (part of the name).")] = None,
    text: Text = None, facts: Facts = False, min_stories: MinStories = 1, limit: Limit = None,
    everything: All = False, fmt: Fmt = "table",
) -> None:
    """Claims (figures) stored, newest first, with their verdicts; or consolidated facts with --facts."""
    from sphere.store import queries

    with errors():
        filters: dict[str, Any] = dict(country=country, holder=holder, counterpart=counterpart, measure=measure,
                                       year=year, since=parse_date(since, "--since"),
                                       until=parse_date(until, "--until"))
        if facts:
            _unused_with_facts(outlet=outlet, source=source, text=text)
            filters["min_stories"] = min_stories
        else:
            filters.update(outlet=outlet, source=source, text=text)
    if facts:
        _query(db, fmt, "claim_facts", queries.list_claim_facts, queries.count_claim_facts, filters, limit,
               everything)
    else:
        _query(db, fmt, "claims", queries.list_claims, queries.count_claims, filters, limit, everything)


def events(
    db: Db = None, country: Country = None,
    actor: Annotated[str | None, typer.Option(help="The party that acts (code, name or demonym).")] = None,
    target: Annotated[str | None, typer.Option(help="The party acted upon (code, name or demonym).")] = None,
    action: Annotated[str | None, typer.Option(help="PLOVER type: AGREE, CONSULT, SANCTION, ...")] = None,
    since: Since = None, until: Until = None, outlet: Outlet = None, text: Text = None, facts: Facts = False,
    min_stories: MinStories = 1, limit: Limit = None, everything: All = False, fmt: Fmt = "table",
) -> None:
    """Events stored, newest first, or consolidated facts with --facts."""
    from sphere.store import queries

    with errors():
        filters: dict[str, Any] = dict(country=country, actor=actor, target=target, action=action,
                                       since=parse_date(since, "--since"), until=parse_date(until, "--until"))
        if facts:
            _unused_with_facts(outlet=outlet, text=text)
            filters["min_stories"] = min_stories
        else:
            filters.update(outlet=outlet, text=text)
    if facts:
        _query(db, fmt, "event_facts", queries.list_event_facts, queries.count_event_facts, filters, limit,
               everything)
    else:
        _query(db, fmt, "events", queries.list_events, queries.count_events, filters, limit, everything)


def articles(
    db: Db = None,
    country: Annotated[str | None, typer.Option(help="Articles that mention this country or group.")] = None,
    outlet: Outlet = None, since: Since = None, until: Until = None, text: Text = None,
    story: Annotated[int | None, typer.Option(help="Articles of this story (near-duplicates).")] = None,
    limit: Limit = None, everything: All = False, fmt: Fmt = "table",
) -> None:
    """Stored articles, newest first."""
    from sphere.store import queries

    with errors():
        filters = dict(country=country, outlet=outlet, since=parse_date(since, "--since"),
                       until=parse_date(until, "--until"), text=text, story=story)
    _query(db, fmt, "articles", queries.list_articles, queries.count_articles, filters, limit, everything)


def entities(
    db: Db = None, country: Annotated[str | None, typer.Option(help="Only this country or group.")] = None,
    kind: Annotated[str | None, typer.Option(help="country, demonym, capital, group, institution, official")] = None,
    text: Annotated[str | None, typer.Option("--text", help="Part of the name or mention.")] = None,
    outlet: Outlet = None, since: Since = None, until: Until = None, limit: Limit = None,
    everything: All = False, fmt: Fmt = "table",
) -> None:
    """Coded parties mentioned, most mentioned first; a country's name, demonym and capital count as one."""
    from sphere.store import queries

    kinds = ("country", "demonym", "capital", "group", "institution", "official")
    with errors():
        filters = dict(country=country, kind=check_choice(kind, kinds, "kind") if kind else None, text=text,
                       outlet=outlet, since=parse_date(since, "--since"), until=parse_date(until, "--until"))
    _query(db, fmt, "entities", queries.list_entities, queries.count_entities, filters, limit, everything)


def export(
    out: Annotated[Path, typer.Option("--out", help="Directory to write one file per table into.")],
    db: Db = None, fmt: Annotated[str, typer.Option("--format", "-f", help="parquet, csv or jsonl.")] = "parquet",
) -> None:
    """Export the whole store, one file per table."""
    with errors():
        fmt = check_format(fmt, ("parquet", "csv", "jsonl"))
        from sphere.store.export import export_store

        with session(db) as s:
            written = export_store(s, out=out, format=fmt)
        say(f"wrote {len(written)} files to {out}")


def stats(db: Db = None, fmt: Annotated[str, typer.Option("--format", "-f", help="table or json.")] = "table") -> None:
    """Counts per table, stories vs articles, outlets, extractor versions, date range."""
    from sphere.store import queries

    with errors():
        fmt = check_format(fmt, ("table", "json"))
        with session(db, core=True) as s:
            result = queries.stats(s)
    if fmt == "json":
        typer.echo(result.model_dump_json(indent=2))
        return
    from rich.table import Table

    from sphere.cli.common import console, escape

    table = Table("what", "value")
    for name, count in result.counts.items():
        table.add_row(name, str(count))
    table.add_row("outlets", str(result.outlets))
    table.add_row("superseded rows", str(result.superseded_rows))
    table.add_row("published", f"{result.first_published or '-'} .. {result.last_published or '-'}")
    for version, count in result.extractor_versions.items():
        table.add_row(escape(f"extractor {version}"), f"{count} articles")
    console().print(table)


def reextract(
    db: Db = None,
    prune_old: Annotated[bool, typer.Option("--prune-old", help="Delete rows made by older extractors.")] = False,
    force: Annotated[bool, typer.Option("--force", help="Redo articles already at the current version.")] = False,
    no_verify: Annotated[bool, typer.Option("--no-verify", help="Do not check claims again.")] = False,
    workers: Annotated[int, typer.Option(min=1, max=64, help="Extraction processes.")] = 1,
) -> None:
    """Recompute claims and events from the stored texts with the current extractor."""
    with errors(), session(db) as s:
        from sphere.ingest import reextract as run

        report = run(s, force=force, prune_old=prune_old, verify=not no_verify, workers=workers)
        for item, reason in report.errors[:50]:
            say(f"failed {item}: {reason}")
        say(f"re-extracted {report.articles} articles ({report.claims} claims, {report.events} events), "
            f"{len(report.errors)} failed, {report.pruned} old rows pruned, in {report.seconds:.1f}s")


db_app = typer.Typer(help="The store's database: schema version and upgrades.", no_args_is_help=True)


@db_app.command("upgrade")
def db_upgrade(db: Db = None) -> None:
    """Create the store's tables or bring them up to this sphere's schema."""
    with errors():
        from sphere.store import migrate
        from sphere.store.engine import connect, display_url, resolve_url

        engine = connect(db, check=False)
        try:
            at = migrate.upgrade(engine)
        finally:
            engine.dispose()
        say(f"{display_url(resolve_url(db))} is at {', '.join(sorted(at))}")


@db_app.command("current")
def db_current(db: Db = None) -> None:
    """Show the schema version of the database and the one this sphere expects."""
    from sphere.cli.common import require_store

    with errors():
        require_store(db)
        from sphere.store import migrate
        from sphere.store.engine import connect, display_url, resolve_url

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
