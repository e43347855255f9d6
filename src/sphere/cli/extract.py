"""`sphere extract`, `sphere eval` and `sphere demo`: the extraction commands."""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from sphere.errors import InputError, SphereError
from sphere.models import ArticleResult

err = Console(stderr=True, soft_wrap=True)
out = Console()


def _date(value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise typer.BadParameter(f"{value!r} is not a date (use YYYY-MM-DD)") from exc


def article_json(result: ArticleResult) -> str:
    """One JSON line per article, with SCHEMA.md's field names."""
    data = result.model_dump(mode="json")
    return json.dumps(data, ensure_ascii=False)


def run_extraction(inputs: list[str], *, published: date | None, workers: int, strict: bool, fmt: str,
                   quiet: bool = False) -> int:
    from sphere.nlp.pipeline import extract_documents
    from sphere.sources import BatchReport, read_inputs

    report = BatchReport()
    docs_seen = []

    def documents():
        for item in read_inputs(inputs, published=published):
            if isinstance(item, InputError):
                err.print(f"[yellow]skipped[/] {item.item}: {item.reason}", highlight=False)
                report.skipped.append(item)
                continue
            docs_seen.append(1)
            yield item

    show_progress = not quiet and fmt == "json" and sys.stderr.isatty()
    with Progress(TextColumn("extracting"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  console=err, disable=not show_progress, transient=True) as progress:
        task = progress.add_task("extract", total=None)
        for result in extract_documents(documents(), workers=workers):
            if isinstance(result, InputError):
                err.print(f"[yellow]skipped[/] {result.item}: {result.reason}", highlight=False)
                report.skipped.append(result)
                continue
            report.processed += 1
            progress.advance(task)
            if fmt == "json":
                sys.stdout.write(article_json(result) + "\n")
            else:
                render(result)
    err.print(report.summary_line(), highlight=False)
    if report.processed == 0 or (strict and report.skipped):
        return 1
    return 0


def render(result: ArticleResult) -> None:
    """A readable rendering of one article's extraction."""
    from rich.table import Table

    title = result.title or result.id
    out.rule(f"[bold]{title}[/] [dim]{result.id} {result.published or ''}[/]")
    if result.claims:
        t = Table("measure", "holder", "counterpart", "value", "approx", "modality", "year", "source", title="Claims",
                  title_justify="left", show_lines=False)
        for c in result.claims:
            t.add_row(c.measure, c.holder or "-", (c.counterpart or "-") + (f" (vs {c.relative_to})" if c.relative_to else ""),
                      c.value_text or f"{c.value:g} {c.unit}", c.approx, c.modality, str(c.year or "-"), c.source or "-")
        out.print(t)
    if result.events:
        t = Table("actor", "action", "target", "date", "evidence", title="Events", title_justify="left")
        for e in result.events:
            t.add_row(e.actor, e.action + (f" ({e.membership})" if e.membership else ""), e.target or "-",
                      str(e.date or "-"), e.evidence[:90] + ("…" if len(e.evidence) > 90 else ""))
        out.print(t)
    if result.quotes:
        for q in result.quotes[:5]:
            out.print(f"  [italic]“{q.text[:120]}”[/] — {q.speaker or 'unattributed'}"
                      + (f" ({q.speaker_country})" if q.speaker_country else ""), highlight=False)
    if not (result.claims or result.events):
        out.print("  [dim]no claims or events[/]")


def register(app: typer.Typer) -> None:
    @app.command()
    def extract(
        inputs: Annotated[list[str], typer.Argument(help="Files, directories, URLs, or - for standard input.")],
        fmt: Annotated[str, typer.Option("--format", "-f", help="json (one line per article) or text.")] = "text",
        published: Annotated[str | None, typer.Option(help="Publication date (YYYY-MM-DD) for inputs with none.")] = None,
        workers: Annotated[int, typer.Option(min=1, max=64, help="Worker processes.")] = 1,
        strict: Annotated[bool, typer.Option(help="Exit non-zero when any input is skipped.")] = False,
    ) -> None:
        """Extract entities, claims, events and quotes from articles."""
        if fmt not in ("json", "text"):
            raise typer.BadParameter(f"unknown format {fmt!r} (valid: json, text)", param_hint="--format")
        try:
            code = run_extraction(inputs, published=_date(published), workers=workers, strict=strict, fmt=fmt)
        except SphereError as exc:
            err.print(f"[red]error:[/] {exc}", highlight=False)
            raise typer.Exit(2) from exc
        raise typer.Exit(code)

    @app.command("eval")
    def evaluate(
        gold: Annotated[Path, typer.Argument(help="Annotated articles (JSONL, SCHEMA.md).")],
        details: Annotated[bool, typer.Option(help="List every miss and spurious item.")] = False,
        fmt: Annotated[str, typer.Option("--format", "-f", help="text or json.")] = "text",
    ) -> None:
        """Score the extractor on annotated articles by SCHEMA.md's rules."""
        from sphere.evaluate.run import evaluate_file, print_report

        try:
            report = evaluate_file(gold)
        except SphereError as exc:
            err.print(f"[red]error:[/] {exc}", highlight=False)
            raise typer.Exit(2) from exc
        print_report(report, details=details, fmt=fmt, console=out)

    @app.command()
    def demo(
        fmt: Annotated[str, typer.Option("--format", "-f", help="text or json.")] = "text",
        db: Annotated[str | None, typer.Option(help="Database URL (default: SPHERE_DATABASE_URL or the SQLite file).")] = None,
        store: Annotated[bool, typer.Option(help="Store the stories in the database.")] = True,
    ) -> None:
        """Extract, check, store and summarise the bundled real news (29 VOA stories on the Belt and Road)."""
        from sphere.demo import run_demo

        if fmt not in ("json", "text"):
            raise typer.BadParameter(f"unknown format {fmt!r} (valid: json, text)", param_hint="--format")
        try:
            raise typer.Exit(run_demo(fmt=fmt, console=out, db=db, store=store))
        except SphereError as exc:
            err.print(f"[red]error:[/] {exc}", highlight=False)
            raise typer.Exit(2) from exc
