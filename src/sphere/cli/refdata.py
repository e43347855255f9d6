"""`sphere refdata list|update|load` and `sphere verify`: the reference snapshot and claim verification.

Errors are one line and exit code 2; messages are printed as plain text, so an install hint such as
`pip install 'sphere[connectors]'` keeps its brackets.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from sphere.cli.common import check_format, console, errors, escape, reading
from sphere.cli.figures import period_words, route

FORMATS = ("text", "json")


def _check_format(fmt: str) -> str:
    return check_format(fmt, FORMATS)


def list_snapshot(fmt: str) -> None:

    from sphere.refdata import load_reference

    ref = load_reference()
    cov = ref.coverage()
    out = console()
    if fmt == "json":
        files = {
            name: {
                k: meta[k]
                for k in (
                    "title",
                    "publisher",
                    "source_file",
                    "origin",
                    "licence",
                    "accessed",
                    "rows",
                    "sha256",
                    "coverage",
                )
            }
            for name, meta in ref.provenance["files"].items()
        }
        typer.echo(
            json.dumps({"version": ref.version, "series": cov.to_dict("records"), "files": files}, indent=1)
        )
        return
    from sphere.cli.show import table

    out.print(escape(f"reference snapshot {ref.version} (accessed {ref.provenance['accessed']})"))
    table([{**row, "years": f"{row['first_year']}-{row['last_year']}"} for row in cov.to_dict("records")], "series")
    from sphere.knowledge.lookup import group_title

    members = ref.memberships.groupby(["group", "snapshot_file", "publisher_short"]).size().reset_index()
    for row in members.itertuples():
        out.print(escape(f"memberships: {group_title(row.group)}: {row[4]} countries "
                         f"({row.publisher_short}, {row.snapshot_file})"))


def verify_command(articles: list[Path], *, db: str | None, ids: list[str], fmt: str) -> None:
    from sphere.refdata import load_reference

    ref = load_reference()
    out = console()
    if articles:
        from sphere.verify.files import verify_file

        results: list = []
        for path in articles:
            with reading(path, "article"):
                results += verify_file(path, ref=ref, only=set(ids) or None)
        if fmt == "json":
            for article in results:
                typer.echo(article.model_dump_json())
            return
        for article in results:
            out.print(f"[bold]{escape(article.id)}[/] ({article.published})")
            for verdict in article.verdicts:
                _print_verdict(verdict)
            for member in article.memberships:
                _print_membership(member)
        return
    from sphere.store.engine import open_session
    from sphere.verify.store import as_verdict, stored_memberships, stored_verdicts, verify_store

    with open_session(db) as session:
        count = verify_store(session, ref=ref)
        session.commit()
        rows = stored_verdicts(session)
        members = stored_memberships(session)
    if fmt == "json":
        for member in members:
            typer.echo(json.dumps({"membership": member.model_dump(mode="json")}))
        for claim, stored, published in rows:
            if stored is not None:
                typer.echo(
                    json.dumps(
                        {
                            "article_id": claim.article_id,
                            "published": str(published),
                            "verdict": as_verdict(stored, claim).model_dump(mode="json"),
                        }
                    )
                )
        return
    console(stderr=True).print(escape(f"{count} claims verified against snapshot {ref.version}"))
    for claim, stored, _ in rows:
        if stored is not None:
            _print_verdict(as_verdict(stored, claim))
    for member in members:
        _print_membership(member)


def _print_verdict(verdict) -> None:  # type: ignore[no-untyped-def]
    out = console()
    color = {"consistent": "green", "inconsistent": "red"}.get(verdict.verdict, "yellow")
    out.print(f"  [{color}]{escape(verdict.summary())}[/]")
    out.print(escape(f"      {verdict.reason}"))
    for note in (verdict.coverage_note, verdict.year_note):
        if note:
            out.print(escape(f"      note: {note}"))
    if verdict.source_differs:
        out.print(escape(f"      the article cites {verdict.article_source!r}; checked against {verdict.publisher}"))
    meant = period_words(verdict.period, verdict.since)
    if meant:
        out.print(escape(f"      read as: {' '.join(meant)}"))
    unit = "USD" if verdict.reference_unit in ("USD", "USD_2021") else verdict.reference_unit or verdict.unit
    for other in verdict.alternatives:
        out.print(escape(f"      other route: {route(other.label, other.value, unit, other.year, other.verdict)}"))


def _print_membership(member) -> None:  # type: ignore[no-untyped-def]
    """One membership event (joined, left) and its verdict against the dated tables."""
    out = console()
    color = {"consistent": "green", "inconsistent": "red"}.get(member.verdict, "yellow")
    said = f"{member.country} {member.membership} {member.group or '-'} ({member.event_date or 'undated'})"
    out.print(f"  [{color}]{escape(f'{member.verdict:<12} membership {said}')}[/]")
    out.print(escape(f"      {member.reason}"))


def register(app: typer.Typer) -> None:
    refdata = typer.Typer(
        help="The bundled reference data: list it, refresh it from live sources, load it.",
        no_args_is_help=True,
    )
    app.add_typer(refdata, name="refdata")

    @refdata.command("list")
    def list_(fmt: Annotated[str, typer.Option("--format", "-f", help="text or json.")] = "text") -> None:
        """Show the series in the snapshot: publisher, unit, years and coverage."""
        with errors(default=2):
            list_snapshot(_check_format(fmt))

    @refdata.command("update")
    def update(
        source: Annotated[str, typer.Option("--source", "-s", help="wdi, ids, comtrade or imf.")],
        snapshot: Annotated[
            Path | None, typer.Option(help="Snapshot folder to update (default: the bundled one).")
        ] = None,
        years: Annotated[str, typer.Option(help="Year range, e.g. 2015-2024.")] = "2015-2024",
    ) -> None:
        """Refresh part of the snapshot from a live public source (needs the network)."""
        with errors(default=2):
            from sphere.refdata.connectors import run_update

            written = run_update(source, snapshot=snapshot, years=years)
        typer.echo(f"{source}: {written} rows written; snapshot provenance updated")

    @refdata.command("load")
    def load(
        db: Annotated[str | None, typer.Option(help="Database URL (default: SPHERE_DATABASE_URL).")] = None,
    ) -> None:
        """Copy the snapshot's series into the store (table ref_series)."""
        with errors(default=2):
            from sphere.refdata import load_reference
            from sphere.refdata.tables import load_into_store
            from sphere.store.engine import open_session

            with open_session(db) as session:
                count = load_into_store(session, load_reference())
                session.commit()
        typer.echo(f"{count} reference values loaded")

    @app.command()
    def verify(
        articles: Annotated[
            list[Path] | None, typer.Argument(help="JSONL of extracted or gold articles; none: the store.")
        ] = None,
        db: Annotated[str | None, typer.Option(help="Database URL, when verifying the store.")] = None,
        ids: Annotated[
            list[str] | None, typer.Option("--id", help="Only these article ids (files only).")
        ] = None,
        fmt: Annotated[str, typer.Option("--format", "-f", help="text or json.")] = "text",
    ) -> None:
        """Check each claim against the reference data: consistent, inconsistent or unverifiable."""
        with errors(default=2):
            verify_command(articles or [], db=db, ids=ids or [], fmt=_check_format(fmt))
