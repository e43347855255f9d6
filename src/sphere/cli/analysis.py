"""`sphere country`, `sphere rank` and `sphere scenario tariff`: answers from the reference data and the store.

Errors (an unknown code, a bad date, a chart that cannot be written) are one line and exit code 2.
Memberships are printed by name ("recognises the People's Republic of China"), never as internal codes;
the scorecard itself keeps only those that had begun by the `--as-of` date. Every channel, ranking row
and scenario row shows its data year, "stale" when more than 2 years before the as-of date, and every
channel left out says why.
"""

from __future__ import annotations

from contextlib import nullcontext
from datetime import date
from pathlib import Path
from typing import Annotated

import typer

from sphere.cli.common import check_format, console, errors, escape, parse_date, say


def _day(value: str | None, name: str) -> date:
    return parse_date(value, name) or date.today()


def _format(fmt: str) -> str:
    return check_format(fmt, ("text", "json"))


def _grid(title: str, headers: tuple[str, ...], rows: list[tuple], wrap: tuple[str, ...] = ("series",)) -> None:
    """A table of figures that fits the terminal (`cli/show.py`): numbers whole, only `wrap` columns wrap."""
    from operator import itemgetter

    from sphere.cli.show import Column, table

    columns = [Column(h, itemgetter(h), keep_whole=h not in wrap) for h in headers]
    table([dict(zip(headers, row, strict=True)) for row in rows], columns, title=title)


def _year(year: int | None, stale: bool) -> str:
    """A data year as shown beside its figure: "2020 stale" when more than 2 years before the as-of date."""
    return "-" if year is None else f"{year} stale" if stale else str(year)


def _left_out(components) -> list[str]:  # type: ignore[no-untyped-def]
    """The channels left out, each with its reason."""
    return [f"{c.name}: {c.note}" for c in components if not c.available and c.note]


def _channels(tilt):  # type: ignore[no-untyped-def]
    """The tilt's channels, the UN-voting block among them when it has one."""
    return [*tilt.components, *([tilt.voting] if tilt.voting is not None else [])]


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
    from sphere.knowledge.lookup import membership_phrase

    out = console()
    out.print(
        f"[bold]{escape(card.name)} ({card.code})[/]: China vs United States, {card.years[0]}-{card.years[1]}; "
        f"as of {card.as_of}"
    )
    for title, rows in (("exports", card.exports), ("imports", card.imports)):
        _grid(f"{title} (US$ bn; share of all {title}; share of GDP)",
              ("year", "China", "US", "% China", "% US", "% GDP China", "% GDP US", "series"),
              [(r.year, _money(r.china), _money(r.usa), _pct(r.share_china), _pct(r.share_usa),
                _pct(r.gdp_share_china), _pct(r.gdp_share_usa), r.series + (" (mirror)" if r.mirror else ""))
               for r in (rows if card_since else rows[-12:])])
    if card.debt:
        _grid("PPG debt (US$ bn, World Bank IDS)",
              ("year", "China bilateral", "China private", "United States", "all creditors", "% GDP China"),
              [(r.year, _money(r.china_bilateral), _money(r.china_private), _money(r.usa), _money(r.all_creditors),
                _pct(r.gdp_share_china)) for r in (card.debt if card_since else card.debt[-10:])])
    if card.finance:
        _grid("Chinese finance (AidData, US$ bn 2021) and investment (AEI/Heritage CGIT, US$ bn)",
              ("year", "AidData commitments", "CGIT investment", "CGIT construction", "troubled", "deals"),
              [(r.year, _money(r.aiddata_commitments_usd2021), _money(r.cgit_investment),
                _money(r.cgit_construction), _money(r.cgit_troubled), r.cgit_deals or "-")
               for r in (card.finance if card_since else card.finance[-12:])])
    out.print(escape(
        "memberships: "
        + (
            "; ".join(
                membership_phrase(m.group, m.status)
                + (f" from {m.since}" if m.since else "")
                + (f" until {m.until}" if m.until else "")
                for m in card.memberships
            )
            or "none in the data"
        )
    ))
    t = card.tilt
    index = "gap (no economic channel with both sides)" if t.index is None else f"{t.index:+.1f}"
    out.print(f"[bold]tilt index[/] {index} (-100 toward the US, +100 toward China; docs/method.md)")
    for c in t.components:
        state = (
            f"direction {c.direction:+.2f}, dependence {c.dependence:.1%} of GDP"
            if c.available
            else f"left out: {c.note}"
        )
        out.print(escape(f"  {c.name} ({_year(c.year, c.stale)}): {state}"))
    if t.voting is not None:
        v = t.voting
        state = f"direction {v.direction:+.2f}" if v.available and v.direction is not None else f"left out: {v.note}"
        out.print(escape(f"  UN voting ({_year(v.year, v.stale)}): {state}"))
    out.print(
        f"  alignment {t.alignment:+.2f} (China side: {', '.join(t.china_side) or '-'}; "
        f"US side: {', '.join(t.us_side) or '-'}; weight {t.alignment_weight})"
    )
    shifts = ", ".join(
        f"{k} ±{v['max_shift']:.1f}" for k, v in t.sensitivity.items() if v["max_shift"] is not None
    )
    out.print(f"  moves when a weight is halved or raised by half: {shifts or '-'}")
    for line in card.staleness:
        out.print(escape(f"  stale: {line}"))
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
            out.print(escape(f"  {c.published} {c.verdict.summary()}"))


def _country_code(value: str) -> str:
    """The code for a country typed as a code, name or demonym; an unknown one goes on as typed, for the
    scorecard to reject with the list of codes it knows."""
    from sphere.errors import UnknownCode
    from sphere.knowledge.lookup import resolve_party

    try:
        return resolve_party(value, "country")
    except UnknownCode:
        return value.strip().upper()


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
        with errors(default=2):
            fmt = _format(fmt)
            day = _day(as_of, "--as-of")
            from sphere.analysis.scorecard import scorecard

            ref, knowledge = _context()
            opener = nullcontext(None)
            if db:
                from sphere.cli.common import session as store_session

                opener = store_session(db)  # type: ignore[assignment]
            with opener as session:
                card = scorecard(
                    _country_code(code),
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
                say(f"chart written to {plot}")
        typer.echo(card.model_dump_json(indent=1)) if fmt == "json" else show_card(card, since)

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
        with errors(default=2):
            fmt = _format(fmt)
            day = _day(as_of, "--as-of")
            from sphere.analysis.rank import rank_area

            ref, knowledge = _context()
            ranked = rank_area(region, ref=ref, knowledge=knowledge, as_of=day)
            if plot:
                from sphere.analysis.plots import plot_rank

                plot_rank(ranked, plot, f"China-US tilt, {region}, as of {day}")
                say(f"chart written to {plot}")
        if fmt == "json":
            for r in ranked:
                typer.echo(r.model_dump_json())
            return
        _grid(f"China-US tilt, {region}, as of {day} (-100 US, +100 China)",
              ("rank", "code", "country", "tilt", "data year", "channels (year)", "alignment"),
              [(r.rank or "-", r.code, r.name, "gap" if r.tilt.index is None else f"{r.tilt.index:+.0f}",
                _year(r.data_year, bool(r.stale)),
                ", ".join(f"{c.name} {_year(c.year, c.stale)}" for c in _channels(r.tilt) if c.available) or "-",
                f"{r.tilt.alignment:+.2f}") for r in ranked],
              wrap=("country", "channels (year)"))
        out = console()
        for r in ranked:
            for line in _left_out(c for c in _channels(r.tilt) if c.stale):
                out.print(escape(f"left out {r.code}: {line}"))

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
        with errors(default=2):
            from sphere.knowledge.lookup import resolve_party

            names = [resolve_party(t, "--targets") for item in (targets or ["BRICS"]) for t in item.split(",")
                     if t.strip()]
            fmt = _format(fmt)
            from sphere.analysis.scenario import tariff_scenario

            ref, knowledge = _context()
            result = tariff_scenario(
                imposer=resolve_party(imposer, "--imposer"),
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
                say(f"chart written to {plot}")
        if fmt == "json":
            typer.echo(result.model_dump_json(indent=1))
            return
        other = result.other_power
        _grid(f"{result.imposer} tariff of {result.rate:g}% on {', '.join(names)} (members on {result.on})",
              ("rank", "code", "year", f"exports to {result.imposer} bn", "% exports", "% GDP", "expected loss bn",
               f"{other} takes bn", f"% to {other}"),
              [(r.rank or "-", r.code, _year(r.year, r.stale), _money(r.exports_at_risk), _pct(r.share_of_exports),
                _pct(r.share_of_gdp), _money(r.expected_loss), _money(r.other_power_takes),
                _pct(r.other_power_share)) for r in result.exposures])
        out = console()
        for r in result.exposures:
            if r.note:
                out.print(escape(f"note {r.code} ({_year(r.year, r.stale)}): {r.note}"))
        for line in result.assumptions:
            out.print(escape(f"assumption: {line}"))
