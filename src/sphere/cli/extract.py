"""`sphere extract`, `sphere eval` and `sphere demo`: the extraction commands.

Everything heavy (spaCy, the readers, the scorer) is imported inside the commands, so `sphere --help`
stays quick. The text rendering uses the same figure wording as the query tables (`cli/figures.py`).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from sphere.cli.common import check_format, console, errors, escape, parse_date, reading, say

if TYPE_CHECKING:
    from sphere.models import ArticleResult


def article_json(result: ArticleResult) -> str:
    """One JSON line per article, with SCHEMA.md's field names."""
    data = result.model_dump(mode="json")
    return json.dumps(data, ensure_ascii=False)


def run_extraction(inputs: list[str], *, published, workers: int, strict: bool, fmt: str,  # type: ignore[no-untyped-def]
                   quiet: bool = False) -> int:
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from sphere.errors import InputError
    from sphere.nlp.pipeline import extract_documents
    from sphere.sources import BatchReport, read_inputs

    report = BatchReport()
    err = console(stderr=True)

    def skipped(item: InputError) -> None:
        say(f"skipped {item.item}: {item.reason}")
        report.skipped.append(item)

    def documents():  # type: ignore[no-untyped-def]
        for item in read_inputs(inputs, published=published):
            if isinstance(item, InputError):
                skipped(item)
                continue
            yield item

    show_progress = not quiet and fmt == "json" and sys.stderr.isatty()
    with Progress(TextColumn("extracting"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  console=err, disable=not show_progress, transient=True) as progress:
        task = progress.add_task("extract", total=None)
        for result in extract_documents(documents(), workers=workers):
            if isinstance(result, InputError):
                skipped(result)
                continue
            report.processed += 1
            progress.advance(task)
            if fmt == "json":
                sys.stdout.write(article_json(result) + "\n")
            else:
                render(result)
    say(report.summary_line())
    if report.processed == 0 or (strict and report.skipped):
        return 1
    return 0


def render(result: ArticleResult) -> None:
    """A readable rendering of one article's extraction (user text escaped, figures in human units)."""
    from rich import box
    from rich.table import Table

    from sphere.cli.figures import figure

    out = console()
    title = escape(result.title or result.id)
    out.rule(f"[bold]{title}[/] [dim]{escape(result.id)} {result.published or ''}[/]")
    if result.claims:
        t = Table("measure", "holder", "counterpart", "figure", "year", "source", title="Claims",
                  title_justify="left", box=box.SIMPLE_HEAD)
        for c in result.claims:
            t.add_row(c.measure, c.holder or "-", c.counterpart or "-",
                      escape(figure(c.value, c.unit, approx=c.approx, relative_to=c.relative_to,
                                    modality=c.modality)),
                      str(c.year or "-"), escape(c.source or "-"))
        out.print(t)
    if result.events:
        t = Table("actor", "action", "target", "date", "evidence", title="Events", title_justify="left",
                  box=box.SIMPLE_HEAD)
        for e in result.events:
            t.add_row(e.actor, e.action + (f" ({e.membership})" if e.membership else ""), e.target or "-",
                      str(e.date or "-"), escape(e.evidence))
        out.print(t)
    for q in result.quotes[:5]:
        speaker = escape(q.speaker or "unattributed") + (f" ({q.speaker_country})" if q.speaker_country else "")
        out.print(f"  [italic]“{escape(q.text[:120])}”[/] — {speaker}")
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
        with errors(default=2):
            fmt = check_format(fmt, ("json", "text"))
            code = run_extraction(inputs, published=parse_date(published, "--published"), workers=workers,
                                  strict=strict, fmt=fmt)
        raise typer.Exit(code)

    @app.command("eval")
    def evaluate(
        gold: Annotated[Path, typer.Argument(help="Annotated articles (JSONL, SCHEMA.md).")],
        details: Annotated[bool, typer.Option(help="List every miss and spurious item.")] = False,
        fmt: Annotated[str, typer.Option("--format", "-f", help="text or json.")] = "text",
    ) -> None:
        """Score the extractor on annotated articles by SCHEMA.md's rules."""
        with errors(default=2):
            fmt = check_format(fmt, ("text", "json"))
            from sphere.evaluate.run import evaluate_file, print_report

            with reading(gold, "annotated article"):  # a date that is no date, a field of the wrong type
                report = evaluate_file(gold)
            print_report(report, details=details, fmt=fmt, console=console(markup=False))

    @app.command()
    def demo(
        fmt: Annotated[str, typer.Option("--format", "-f", help="text or json.")] = "text",
        db: Annotated[str | None, typer.Option(help="Database URL (default: SPHERE_DATABASE_URL or the SQLite file).")] = None,
        store: Annotated[bool, typer.Option(help="Store the stories in the database.")] = True,
    ) -> None:
        """Extract, check, store and summarise the bundled real news (29 VOA stories on the Belt and Road)."""
        with errors(default=2):
            fmt = check_format(fmt, ("json", "text"))
            from sphere.demo import run_demo

            code = run_demo(fmt=fmt, console=console(), db=db, store=store)
        raise typer.Exit(code)


__all__ = ["article_json", "render", "run_extraction"]
