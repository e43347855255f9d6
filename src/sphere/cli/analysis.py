"""`sphere country`, `sphere rank` and `sphere scenario tariff`: answers from the reference data and the store."""

from __future__ import annotations

from contextlib import nullcontext
from datetime import date
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from sphere.errors import SphereError

err = Console(stderr=True)
out = Console()


def _fail(exc: SphereError) -> typer.Exit:
    err.print(f"[red]error:[/] {exc}", highlight=False)
    return typer.Exit(2)


def _day(value: str | None, name: str) -> date:
    if value is None:
        return date.today()
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise typer.BadParameter(f"{value!r} is not a date (use YYYY-MM-DD)", param_hint=name) from exc


def _format(fmt: str) -> None:
    if fmt not in ("text", "json"):
        raise typer.BadParameter(f"unknown format {fmt!r} (valid: json, text)", param_hint="--format")


def _money(v: float | None) -> str:
    if v is None:
        return "-"
    return f"{v / 1e9:,.2f}" if v == 0 or abs(v) >= 5e6 else f"{v / 1e9:.4f}"


def _pct(v: float | None) -> str:
    return "-" if v is None else f"{v:.1%}"


def _context():  # type: ignore[no-untyped-def]
    from sphere.knowledge import load_knowledge
    from sphere.refdata import load_reference

    return load_reference(), load_knowledge()


def show_card(card, card_since: int | None = None) -> None:  # type: ignore[no-untyped-def]
    out.print(
        f"[bold]{card.name} ({card.code})[/]: China vs United States, {card.years[0]}-{card.years[1]}; "
        f"as of {card.as_of}"
    )
    for title, rows in (("exports", card.exports), ("imports", card.imports)):
        table = Table(title=f"{title} (US$ bn; share of all {title}; share of GDP)")
        for column in ("year", "China", "US", "% China", "% US", "% GDP China", "% GDP US", "series"):
            table.add_column(column)
        for r in rows if card_since else rows[-12:]:
            table.add_row(
                str(r.year),
                _money(r.china),
                _money(r.usa),
                _pct(r.share_china),
                _pct(r.share_usa),
                _pct(r.gdp_share_china),
                _pct(r.gdp_share_usa),
                r.series + (" (mirror)" if r.mirror else ""),
            )
        out.print(table)
    if card.debt:
        table = Table(title="PPG debt (US$ bn, World Bank IDS)")
        for column in (
            "year",
            "China bilateral",
            "China private",
            "United States",
            "all creditors",
            "% GDP China",
        ):
            table.add_column(column)
        for r in card.debt if card_since else card.debt[-10:]:
            table.add_row(
                str(r.year),
                _money(r.china_bilateral),
                _money(r.china_private),
                _money(r.usa),
                _money(r.all_creditors),
                _pct(r.gdp_share_china),
            )
        out.print(table)
    if card.finance:
        table = Table(
            title="Chinese finance (AidData, US$ bn 2021) and investment (AEI/Heritage CGIT, US$ bn)"
        )
        for column in (
            "year",
            "AidData commitments",
            "CGIT investment",
            "CGIT construction",
            "troubled",
            "deals",
        ):
            table.add_column(column)
        for r in card.finance if card_since else card.finance[-12:]:
            table.add_row(
                str(r.year),
                _money(r.aiddata_commitments_usd2021),
                _money(r.cgit_investment),
                _money(r.cgit_construction),
                _money(r.cgit_troubled),
                str(r.cgit_deals or "-"),
            )
        out.print(table)
    out.print(
        "memberships: "
        + (
            "; ".join(
                f"{m.group} {m.status}"
                + (f" from {m.since}" if m.since else "")
                + (f" until {m.until}" if m.until else "")
                for m in card.memberships
            )
            or "none in the data"
        )
    )
    t = card.tilt
    index = "gap (no economic channel with both sides)" if t.index is None else f"{t.index:+.1f}"
    out.print(f"[bold]tilt index[/] {index} (-100 toward the US, +100 toward China; docs/method.md)")
    for c in t.components:
        state = (
            f"direction {c.direction:+.2f}, dependence {c.dependence:.1%} of GDP"
            if c.available
            else f"left out: {c.note}"
        )
        out.print(f"  {c.name} ({c.year or '-'}): {state}", highlight=False)
    out.print(
        f"  alignment {t.alignment:+.2f} (China side: {', '.join(t.china_side) or '-'}; "
        f"US side: {', '.join(t.us_side) or '-'}; weight {t.alignment_weight})"
    )
    shifts = ", ".join(
        f"{k} ±{v['max_shift']:.1f}" for k, v in t.sensitivity.items() if v["max_shift"] is not None
    )
    out.print(f"  moves when a weight is halved or raised by half: {shifts or '-'}")
    if card.events is not None:
        out.print(
            "events with China / the US (PLOVER type, score, count): "
            + (
                ", ".join(f"{e.partner} {e.action} {e.score:+g} x{e.count}" for e in card.events)
                or "none stored"
            )
        )
    if card.claims is not None:
        out.print(f"figures quoted in the news: {len(card.claims)}")
        for c in card.claims:
            out.print(f"  {c.published} {c.verdict.summary()}", highlight=False)


# Options shared by the analysis commands.
AsOf = Annotated[str | None, typer.Option(help="Date for memberships and the tilt (YYYY-MM-DD).")]
Format = Annotated[str, typer.Option("--format", "-f", help="text or json.")]
Plot = Annotated[Path | None, typer.Option(help="Write a chart to this .png or .svg file.")]


def register(app: typer.Typer) -> None:
    @app.command()
    def country(
        code: Annotated[str, typer.Argument(help="ISO3 country code, e.g. BOL.")],
        as_of: AsOf = None,
        since: Annotated[int | None, typer.Option(help="First year shown.")] = None,
        until: Annotated[int | None, typer.Option(help="Last year shown.")] = None,
        db: Annotated[
            str | None, typer.Option(help="Store with events and news claims (omit: reference data only).")
        ] = None,
        fmt: Format = "text",
        plot: Plot = None,
    ) -> None:
        """China versus the United States for one country, channel by channel, with a tilt index."""
        _format(fmt)
        from sphere.analysis.scorecard import scorecard

        try:
            ref, knowledge = _context()
            day = _day(as_of, "--as-of")
            opener = nullcontext(None)
            if db:
                from sphere.store.engine import open_session

                opener = open_session(db)  # type: ignore[assignment]
            with opener as session:
                card = scorecard(
                    code.upper(),
                    ref=ref,
                    knowledge=knowledge,
                    as_of=day,
                    since=since,
                    until=until,
                    session=session,
                    event_since=date(since, 1, 1) if since else None,
                    event_until=date(until, 12, 31) if until else None,
                )
            if plot:
                from sphere.analysis.plots import plot_scorecard

                plot_scorecard(card, plot)
                err.print(f"chart written to {plot}")
        except SphereError as exc:
            raise _fail(exc) from exc
        print(card.model_dump_json(indent=1)) if fmt == "json" else show_card(card, since)

    @app.command()
    def rank(
        region: Annotated[
            str, typer.Option(help="Region (latam, africa, asia, ...) or group (BRICS, BRI).")
        ] = "latam",
        as_of: AsOf = None,
        fmt: Format = "text",
        plot: Plot = None,
    ) -> None:
        """Rank the countries of a region by their China-US tilt."""
        _format(fmt)
        from sphere.analysis.rank import rank_area

        try:
            ref, knowledge = _context()
            day = _day(as_of, "--as-of")
            ranked = rank_area(region, ref=ref, knowledge=knowledge, as_of=day)
            if plot:
                from sphere.analysis.plots import plot_rank

                plot_rank(ranked, plot, f"China-US tilt, {region}, as of {day}")
                err.print(f"chart written to {plot}")
        except SphereError as exc:
            raise _fail(exc) from exc
        if fmt == "json":
            for r in ranked:
                print(r.model_dump_json())
            return
        table = Table(title=f"China-US tilt, {region}, as of {day} (-100 US, +100 China)")
        for column in ("rank", "code", "country", "tilt", "channels (year)", "alignment"):
            table.add_column(column)
        for r in ranked:
            used = ", ".join(f"{c.name} {c.year}" for c in r.tilt.components if c.available) or "-"
            table.add_row(
                str(r.rank or "-"),
                r.code,
                r.name,
                "gap" if r.tilt.index is None else f"{r.tilt.index:+.0f}",
                used,
                f"{r.tilt.alignment:+.2f}",
            )
        out.print(table)

    scenario = typer.Typer(help="What-if scenarios over the reference data.", no_args_is_help=True)
    app.add_typer(scenario, name="scenario")

    @scenario.command()
    def tariff(
        imposer: Annotated[str, typer.Option(help="USA or CHN.")] = "USA",
        targets: Annotated[
            list[str] | None,
            typer.Option("--targets", help="Countries or groups (repeat or comma-separate)."),
        ] = None,
        rate: Annotated[float, typer.Option(help="Tariff rate in percent.")] = 10.0,
        on: Annotated[str | None, typer.Option(help="Date for group membership (YYYY-MM-DD).")] = None,
        elasticity: Annotated[
            float | None, typer.Option(help="Import-demand elasticity (omit: static).")
        ] = None,
        year: Annotated[
            int | None, typer.Option(help="Trade year (default: latest with data per target).")
        ] = None,
        fmt: Format = "text",
        plot: Plot = None,
    ) -> None:
        """Exports at risk in each target from a tariff by the US or China."""
        _format(fmt)
        from sphere.analysis.scenario import tariff_scenario

        names = [t.strip() for item in (targets or ["BRICS"]) for t in item.split(",") if t.strip()]
        try:
            ref, knowledge = _context()
            result = tariff_scenario(
                imposer=imposer,
                targets=names,
                rate=rate,
                on=_day(on, "--on"),
                ref=ref,
                knowledge=knowledge,
                elasticity=elasticity,
                year=year,
            )
            if plot:
                from sphere.analysis.plots import plot_scenario

                plot_scenario(result, plot)
                err.print(f"chart written to {plot}")
        except SphereError as exc:
            raise _fail(exc) from exc
        if fmt == "json":
            print(result.model_dump_json(indent=1))
            return
        table = Table(
            title=f"{result.imposer} tariff of {result.rate:g}% on {', '.join(names)} (members on {result.on})"
        )
        for column in (
            "rank",
            "code",
            "year",
            f"exports to {result.imposer} bn",
            "% exports",
            "% GDP",
            "expected loss bn",
            f"{result.other_power} takes bn",
            f"% to {result.other_power}",
            "note",
        ):
            table.add_column(column)
        for r in result.exposures:
            table.add_row(
                str(r.rank or "-"),
                r.code,
                str(r.year or "-"),
                _money(r.exports_at_risk),
                _pct(r.share_of_exports),
                _pct(r.share_of_gdp),
                _money(r.expected_loss),
                _money(r.other_power_takes),
                _pct(r.other_power_share),
                r.note or "",
            )
        out.print(table)
        for line in result.assumptions:
            out.print(f"assumption: {line}", highlight=False)
