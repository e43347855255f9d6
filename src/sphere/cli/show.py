"""Query results on stdout as a table, JSON or CSV, and a line on stderr when a limit left rows out.

Tables are for reading: money in human units ("over $1.7 bn"), one column per thing an analyst weighs
(figure, year, attributed source, verdict), cells that wrap and never cut a word like "unverifiable";
columns of lower value (outlet, evidence, first and last seen) appear only when the terminal is wide
(>= 120 columns; 80 when output is not a terminal, or `COLUMNS`). JSON and CSV keep every field and the
exact numbers.
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from sphere.cli.common import console, escape, say
from sphere.cli.figures import figure_parts, parties, period_words, route

WIDE = 120
MAX_WORD = 16  # a longer word (a URL) is folded rather than widening its column
KEEP = "\u00a0"  # a space no line may break at ("$1.4 bn"), turned back into a space when printed


@dataclass(frozen=True)
class Column:
    header: str
    cell: Callable[[dict[str, Any]], object]
    wide_only: bool = False  # shown only on a wide terminal
    keep_whole: bool = False  # never wrapped nor cut (verdicts, dates, codes)
    spare: bool = False  # left out first when the terminal is too narrow for every column
    parts: Callable[[dict[str, Any]], list[str]] | None = None  # pieces a line may break between (default: words)


def _get(name: str) -> Callable[[dict[str, Any]], object]:
    return lambda row: row.get(name)


def _joined(name: str) -> Callable[[dict[str, Any]], object]:
    return lambda row: ", ".join(map(str, row.get(name) or ()))


def _figure_parts(row: dict[str, Any]) -> list[str]:
    return [*figure_parts(row["value"], row["unit"], approx=row.get("approx", "exact"),
                          relative_to=row.get("relative_to"), modality=row.get("modality", "actual"),
                          value_max=row.get("value_max")),
            *period_words(row.get("period"), row.get("since"))]


def route_lines(rows: Sequence[dict[str, Any]]) -> list[str]:
    """Under a claims table: each other route to a claim's quantity (own report vs partner's mirror) whose
    number or verdict differs from the one the verdict followed, named by the claim it belongs to."""
    out = []
    for row in rows:
        unit = "USD" if row.get("unit") in ("USD", "USD_2021") else row.get("unit", "")
        for r in row.get("routes") or ():
            claim = f"{row.get('published') or '-'} {row['measure']} {parties(row['holder'], row['counterpart'])}"
            out.append(f"other route for {claim} ({row.get('verdict')}): "
                       f"{route(r['label'], r['value'], unit, r['year'], r['verdict'])}")
    return out


FIGURE = (  # what was claimed: the same four columns for mentions and facts
    Column("measure", _get("measure"), keep_whole=True),
    Column("parties", lambda r: parties(r["holder"], r["counterpart"]), keep_whole=True),
    Column("figure", lambda r: " ".join(_figure_parts(r)), parts=_figure_parts),
    Column("year", _get("year"), keep_whole=True, spare=True),
)
VERDICT = Column("verdict", lambda r: r.get("verdict") or "not checked", keep_whole=True)
SEEN = (Column("first seen", _get("first_seen"), wide_only=True, keep_whole=True),
        Column("last seen", _get("last_seen"), wide_only=True, keep_whole=True))

LAYOUTS: dict[str, tuple[Column, ...]] = {
    "claims": (
        Column("published", _get("published"), keep_whole=True),
        Column("outlet", _get("outlet"), wide_only=True),
        *FIGURE,
        Column("source", _get("source")),
        VERDICT,
        Column("evidence", _get("evidence"), wide_only=True),
    ),
    "claim_facts": (
        Column("id", _get("id"), keep_whole=True, spare=True),
        *FIGURE,
        Column("stories", _get("n_stories"), keep_whole=True, spare=True),
        Column("outlets", _get("n_outlets"), wide_only=True),
        Column("sources", _joined("sources"), spare=True),
        VERDICT,
        Column("conflicts", _joined("conflicts"), wide_only=True),
        *SEEN,
    ),
    "events": (
        Column("day", _get("day"), keep_whole=True),
        Column("outlet", _get("outlet"), wide_only=True),
        Column("actor", _get("actor"), keep_whole=True),
        Column("action", lambda r: r["action"] + (f" ({r['membership']})" if r.get("membership") else ""),
               keep_whole=True),
        Column("target", _get("target"), keep_whole=True),
        Column("mode", _get("mode"), wide_only=True),
        Column("verdict", _get("membership_verdict"), keep_whole=True),  # membership events only
        Column("evidence", _get("evidence")),
        Column("why", _get("membership_reason"), wide_only=True),
    ),
    "event_facts": (
        Column("id", _get("id"), keep_whole=True),
        Column("actor", _get("actor"), keep_whole=True),
        Column("action", _get("action"), keep_whole=True),
        Column("target", _get("target"), keep_whole=True),
        Column("day", _get("day"), keep_whole=True),
        Column("stories", _get("n_stories"), keep_whole=True, spare=True),
        Column("outlets", _get("n_outlets"), keep_whole=True, spare=True),
        *SEEN,
    ),
    "articles": (
        Column("id", _get("id"), keep_whole=True),
        Column("published", _get("published"), keep_whole=True),
        Column("outlet", _get("outlet")),
        Column("sources", _get("n_sources"), keep_whole=True, spare=True),
        Column("title", _get("title")),
        Column("story", _get("story_id"), wide_only=True, keep_whole=True),
    ),
    "entities": (
        Column("code", _get("code"), keep_whole=True),
        Column("name", _get("name")),
        Column("kind", _get("kind"), keep_whole=True, spare=True),
        Column("mentions", _get("mentions"), keep_whole=True),
        Column("articles", _get("articles"), keep_whole=True, spare=True),
        Column("written as", _joined("forms")),
        *SEEN,
    ),
    "series": (  # the reference snapshot's series (`sphere refdata list`)
        Column("series", _get("series"), keep_whole=True),
        Column("publisher", _get("publisher")),
        Column("unit", _get("unit"), keep_whole=True),
        Column("years", _get("years"), keep_whole=True),
        Column("reporters", _get("reporters"), keep_whole=True, spare=True),
        Column("partners", _get("partners"), keep_whole=True, spare=True),
        Column("rows", _get("rows"), keep_whole=True, spare=True),
        Column("file", _get("snapshot_file"), wide_only=True),
    ),
}


def emit(rows: Sequence[dict[str, Any]], fmt: str, layout: str) -> None:
    """Write `rows` (models dumped in JSON mode) to stdout as `fmt`."""
    if fmt == "json":
        sys.stdout.write(json.dumps(list(rows), indent=2, ensure_ascii=False) + "\n")
    elif fmt == "csv":
        fields = list(rows[0]) if rows else _fields(layout)
        writer = csv.DictWriter(sys.stdout, fieldnames=fields, lineterminator="\n")
        writer.writeheader()
        for row in rows:
            writer.writerow({k: _csv_cell(v) for k, v in row.items()})
    else:
        table(rows, layout)
        if layout == "claims":
            out = console()
            for line in route_lines(rows):
                out.print(escape(line), soft_wrap=False)


def _csv_cell(value: object) -> object:
    """A list is one cell: plain items joined by ";", records (other routes) as compact JSON."""
    if isinstance(value, list):
        if any(isinstance(v, dict) for v in value):
            return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
        return ";".join(map(str, value))
    return value


def _fields(layout: str) -> list[str]:
    """The CSV header of an empty answer: the same field names a non-empty one has."""
    from sphere.store import public

    models: dict[str, type[public.Public]] = {
        "claims": public.ClaimPublic, "claim_facts": public.ClaimFactPublic, "events": public.EventPublic,
        "event_facts": public.EventFactPublic, "articles": public.ArticlePublic, "entities": public.EntityPublic,
    }
    return list(models[layout].model_fields)


def table(rows: Sequence[dict[str, Any]], layout: str | Sequence[Column], title: str | None = None) -> None:
    """Rows as a table that fits the terminal: empty columns left out, then spare ones while too wide; on a
    terminal too narrow even then, one block of "header: value" lines per row. Nothing is ever cut."""
    from rich import box
    from rich.table import Table

    out = console()
    chosen = LAYOUTS[layout] if isinstance(layout, str) else layout
    columns = [c for c in chosen if out.width >= WIDE or not c.wide_only]
    cells = [[_text(c, row) for c in columns] for row in rows]
    if rows:  # a column empty in every row says nothing: leave it out
        keep = [i for i, c in enumerate(columns) if any(line[i] for line in cells)]
        columns, cells = [columns[i] for i in keep], [[line[i] for i in keep] for line in cells]
    while (spare := [i for i, c in enumerate(columns) if c.spare]) and least(columns, cells) > out.width:
        columns, cells = columns[:spare[-1]] + columns[spare[-1] + 1:], [
            line[:spare[-1]] + line[spare[-1] + 1:] for line in cells]
    if title:
        out.print(escape(title), style="bold")
    if least(columns, cells) > out.width:  # too narrow for a table: one block of "header: value" per row
        for line in cells:
            for c, value in zip(columns, line, strict=True):
                out.print(escape(f"{c.header}: {value.replace(KEEP, ' ')}"), soft_wrap=True)
            out.print()
        return
    widths = fit(columns, cells, out.width)
    cells = [[flow(text, width) for text, width in zip(line, widths, strict=True)] for line in cells]
    grid = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, padding=(0, 1), expand=False)
    for c, width in zip(columns, widths, strict=True):  # headers may wrap between words, kept-whole cells never
        grid.add_column(escape(c.header), overflow="fold", width=width)
    for line in cells:
        grid.add_row(*map(escape, line))
    out.print(grid)


def _text(c: Column, row: dict[str, Any]) -> str:
    """A cell's text; the spaces inside one of its `parts` are KEEP, so no line breaks there."""
    if c.parts is not None:
        return " ".join(part.replace(" ", KEEP) for part in c.parts(row))
    value = c.cell(row)
    return "" if value is None else str(value)


def flow(text: str, width: int) -> str:
    """`text` broken into lines of at most `width` at its plain spaces only (never at a KEEP)."""
    if KEEP not in text:
        return text
    lines: list[str] = []
    for word in text.split(" "):
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return "\n".join(lines).replace(KEEP, " ")


def _longest(columns: Sequence[Column], cells: Sequence[Sequence[str]], i: int, split: bool) -> int:
    """The widest cell of column i (or its longest unbreakable piece, with `split`), and its header's
    longest word."""
    sizes = [len(part) for line in cells for part in (line[i].split(" ") if split else [line[i]])]
    return max([*map(len, columns[i].header.split()), *sizes])


def least(columns: Sequence[Column], cells: Sequence[Sequence[str]]) -> int:
    """The narrowest the table can be: kept-whole columns at their widest cell, the others at 8."""
    return 3 * (len(columns) - 1) + sum(
        _longest(columns, cells, i, False) if c.keep_whole else 8 for i, c in enumerate(columns))


def fit(columns: Sequence[Column], cells: Sequence[Sequence[str]], width: int) -> list[int]:
    """Column widths within `width`: a kept-whole column is as wide as its widest cell; the others share
    what is left in proportion to their widest cell, each at least as wide as its longest word (up to
    MAX_WORD) when the room allows, so words wrap whole and a verdict is never cut."""
    gaps = 3 * (len(columns) - 1)  # padding, a blank rule, padding
    whole = {i: _longest(columns, cells, i, False) for i, c in enumerate(columns) if c.keep_whole}
    free = [i for i, c in enumerate(columns) if not c.keep_whole]
    room = max(width - gaps - sum(whole.values()), 4 * len(free))
    natural = {i: max(len(columns[i].header), _longest(columns, cells, i, False)) for i in free}
    floor = {i: min(MAX_WORD, _longest(columns, cells, i, True), natural[i]) for i in free}
    out = dict(whole)
    if sum(natural.values()) <= room:
        out.update(natural)
    else:
        spare = max(room - sum(floor.values()), 0)
        extra = sum(natural[i] - floor[i] for i in free) or 1
        out.update({i: floor[i] + (natural[i] - floor[i]) * spare // extra for i in free})
        if sum(floor.values()) > room:  # too narrow even for whole words: share the room evenly
            out.update({i: max(4, room // len(free)) for i in free})
    left = width - gaps - sum(out.values())
    for i in whole:  # room to spare: headers on one line
        grow = min(max(len(columns[i].header) - out[i], 0), left)
        out[i], left = out[i] + grow, left - grow
    return [out[i] for i in range(len(columns))]


def more_line(shown: int, total: int) -> None:
    """The line on stderr that says a limit left rows out, and how to see them."""
    if total > shown:
        say(f"{total - shown} more (showing {shown} of {total}); use --limit N or --all to see them")
    else:
        say(f"{total} row{'' if total == 1 else 's'}")
