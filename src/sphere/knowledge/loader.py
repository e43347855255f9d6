"""Read the data files of the knowledge base (via importlib.resources) into one `Knowledge` object.

Load: `load_knowledge()` reads countries.json, groups.json, institutions.json, actors.csv and
actors_petrarch.csv once (cached). Curated officials in actors.csv win over imported PETRARCH rows for the
same person and country.
"""

from __future__ import annotations

import csv
import io
import json
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from importlib import resources
from typing import Any

from sphere.errors import ConfigError, RefdataError, UnknownCode
from sphere.knowledge.records import Country, Group, Institution, Official

DATA_PACKAGE = "sphere.knowledge.data"
ACTOR_COLUMNS = ("name", "aliases", "short", "code", "role", "start", "end", "source")


def _date(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise RefdataError(f"knowledge: bad date {value!r}") from exc


def fold(text: str) -> str:
    """Case- and accent-insensitive key for name lookups ("José Raúl Mulino" == "jose raul mulino")."""
    text = unicodedata.normalize("NFKD", text)
    return " ".join("".join(ch for ch in text if not unicodedata.combining(ch)).casefold().split())


@dataclass(frozen=True)
class Knowledge:
    countries: dict[str, Country]
    groups: dict[str, Group]
    institutions: tuple[Institution, ...]
    officials: tuple[Official, ...]
    regions: tuple[str, ...] = ()
    shared_forms: tuple[tuple[str, tuple[str, ...], str], ...] = ()  # (form, codes, reason): allowed clashes
    versions: dict[str, str] = field(default_factory=dict)
    _by_name: dict[str, list[Official]] = field(default_factory=dict, init=False, repr=False, compare=False)
    _by_term: dict[str, Institution] = field(default_factory=dict, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        index: dict[str, list[Official]] = {}
        for off in self.officials:
            keys = {fold(off.name), *(fold(a) for a in off.aliases)}
            if off.short:
                keys.add(fold(off.short))
            for key in keys:
                index.setdefault(key, []).append(off)
        object.__setattr__(self, "_by_name", index)
        object.__setattr__(self, "_by_term", {i.term: i for i in self.institutions})

    # --- codes -----------------------------------------------------------------------------------
    def is_known(self, code: str) -> bool:
        return code in self.countries or code in self.groups

    def code_name(self, code: str) -> str:
        """The canonical name of a country or group code; UnknownCode (listing valid codes) otherwise."""
        if code in self.countries:
            return self.countries[code].name
        if code in self.groups:
            return self.groups[code].name
        raise UnknownCode(f"unknown country or group code {code!r}", valid=[*self.countries, *self.groups])

    def code_of_the_time(self, code: str, on: date | None) -> str:
        """The code annotators use on that date: RUS before 1991-12-26 is SUN (SCHEMA: codes of the time)."""
        if on is None:
            return code
        for old in self.countries.values():
            if old.successor == code and old.until is not None and on < old.until:
                return old.code
        return code

    # --- groups and regions ----------------------------------------------------------------------
    def members_of(self, group: str, on: date | None = None) -> list[str]:
        """Member codes of a group on a date (today's members when None), sorted; joined=None counts as member."""
        if group not in self.groups:
            raise UnknownCode(f"unknown group code {group!r}", valid=self.groups)
        out = set()
        for code, joined, left in self.groups[group].members:
            if on is None:
                if left is None:
                    out.add(code)
            elif (joined is None or joined <= on) and (left is None or on < left):
                out.add(code)
        return sorted(out)

    def region_members(self, region: str) -> list[str]:
        if region not in self.regions:
            raise ConfigError(f"unknown region {region!r}", valid=self.regions)
        return sorted(c.code for c in self.countries.values() if region in c.regions)

    # --- officials -------------------------------------------------------------------------------
    def officials_named(self, name: str, on: date | None = None) -> list[Official]:
        """Officials by full name, alias or short form; those in office on `on` first, then the closest term.

        Without a date the most recent terms come first. Curated rows sort before imported ones on ties.
        """
        found = self._by_name.get(fold(name), [])

        def rank(off: Official) -> tuple[int, int, int]:
            curated = 1 if off.source.startswith("petrarch") else 0
            if on is None:
                start = off.start.toordinal() if off.start else 0
                return (0, -start, curated)
            return (off.distance(on), curated, 0)

        return sorted(found, key=rank)

    def institution(self, term: str) -> Institution | None:
        """The institution with exactly this term, or None."""
        return self._by_term.get(term)

    # --- for matchers ----------------------------------------------------------------------------
    def surface_forms(self) -> list[tuple[str, str, str]]:
        """(text, kind, key) for everything a matcher compiles, de-duplicated, in a stable order.

        kind is one of country, demonym, capital, group, institution, official, official_short.
        key is the country or group code for places and groups; for an institution it is its term (look it
        up with `institution(key)`: its `code` is None when the country comes from context, "the Foreign
        Ministry"); for official / official_short it is the official's canonical name (look it up with
        `officials_named(key, on=...)`; a short form alone is only safe after the full name appeared).
        Short forms equal to a place or group form ("Colombo", "Jordan") are left out.
        """
        out: dict[tuple[str, str, str], None] = {}
        for c in self.countries.values():
            for kind, forms in (("country", c.aliases), ("demonym", c.demonyms), ("capital", c.capitals)):
                for form in forms:
                    out[(form, kind, c.code)] = None
        for g in self.groups.values():
            for form in g.aliases:
                out[(form, "group", g.code)] = None
        for inst in self.institutions:
            out[(inst.term, "institution", inst.term)] = None
        for off in self.officials:
            for form in (off.name, *off.aliases):
                out[(form, "official", off.name)] = None
        places = {text for text, kind, _ in out if kind in ("country", "demonym", "capital", "group")}
        for off in self.officials:
            if off.short and off.short not in places:  # "Colombo", "Jordan": the place wins
                out[(off.short, "official_short", off.name)] = None
        return list(out)


# --- reading the files ---------------------------------------------------------------------------
def _text(name: str) -> str:
    try:
        return resources.files(DATA_PACKAGE).joinpath(name).read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise RefdataError(f"knowledge data file {name} is missing from the package") from exc


def _countries(raw: dict[str, Any]) -> dict[str, Country]:
    out = {}
    for e in raw["countries"]:
        out[e["code"]] = Country(
            code=e["code"],
            name=e["name"],
            iso2=e.get("iso2"),
            aliases=tuple(e["aliases"]),
            demonyms=tuple(e["demonyms"]),
            capitals=tuple(e["capitals"]),
            currency=e.get("currency"),
            dollar=bool(e.get("dollar")),
            regions=tuple(e["regions"]),
            ambiguous=tuple(e.get("ambiguous", ())),
            until=_date(e.get("until")),
            successor=e.get("successor"),
        )
    return out


def _groups(raw: dict[str, Any]) -> dict[str, Group]:
    out = {}
    for e in raw["groups"]:
        members = tuple(
            (m["code"], _date(m.get("joined")), _date(m.get("left"))) for m in e.get("members", ())
        )
        assoc = tuple((a["code"], a["status"], _date(a.get("joined"))) for a in e.get("associates", ()))
        out[e["code"]] = Group(
            code=e["code"],
            name=e["name"],
            aliases=tuple(e["aliases"]),
            members=members,
            ambiguous=tuple(e.get("ambiguous", ())),
            associates=assoc,
        )
    return out


def _institutions(raw: dict[str, Any]) -> tuple[Institution, ...]:
    ambiguous = set(raw.get("ambiguous", ()))
    return tuple(
        Institution(term=e["term"], code=e["code"], kind=e["kind"], ambiguous=e["term"] in ambiguous)
        for e in raw["institutions"]
    )


def read_actors(text: str, origin: str = "actors.csv") -> tuple[list[Official], dict[str, str]]:
    """Parse actors.csv-format text: `# key: value` header lines, then a CSV with ACTOR_COLUMNS."""
    meta: dict[str, str] = {}
    lines = text.splitlines()
    body_start = 0
    for i, line in enumerate(lines):
        if line.startswith("#"):
            key, _, value = line[1:].partition(":")
            meta[key.strip()] = value.strip()
        else:
            body_start = i
            break
    reader = csv.DictReader(io.StringIO("\n".join(lines[body_start:])))
    if tuple(reader.fieldnames or ()) != ACTOR_COLUMNS:
        raise RefdataError(f"{origin}: columns {reader.fieldnames} != {list(ACTOR_COLUMNS)}")
    as_of = _date(meta.get("as_of"))
    out = []
    for n, row in enumerate(reader, start=body_start + 2):
        try:
            out.append(
                Official(
                    name=row["name"],
                    aliases=tuple(a for a in row["aliases"].split("|") if a),
                    short=row["short"] or None,
                    code=row["code"],
                    role=row["role"],
                    start=_date(row["start"]),
                    end=_date(row["end"]),
                    source=row["source"],
                    as_of=as_of,
                )
            )
        except (RefdataError, AttributeError) as exc:
            raise RefdataError(f"{origin}:{n}: {exc}") from exc
    return out, meta


@lru_cache(maxsize=1)
def load_knowledge() -> Knowledge:
    """The knowledge base from the package data files (read once per process)."""
    countries_raw = json.loads(_text("countries.json"))
    groups_raw = json.loads(_text("groups.json"))
    inst_raw = json.loads(_text("institutions.json"))
    curated, meta = read_actors(_text("actors.csv"), "actors.csv")
    try:
        imported, pmeta = read_actors(_text("actors_petrarch.csv"), "actors_petrarch.csv")
    except RefdataError:
        imported, pmeta = [], {}
    known = {(fold(o.name), o.code) for o in curated}
    officials = tuple(curated + [o for o in imported if (fold(o.name), o.code) not in known])
    return Knowledge(
        countries=_countries(countries_raw),
        groups=_groups(groups_raw),
        institutions=_institutions(inst_raw),
        officials=officials,
        regions=tuple(countries_raw["regions"]),
        shared_forms=tuple(
            (s["form"], tuple(s["codes"]), s["reason"]) for s in countries_raw["shared_forms"]
        ),
        versions={
            "countries": countries_raw["version"],
            "groups": groups_raw["version"],
            "institutions": inst_raw["version"],
            "actors": meta.get("version", ""),
            "actors_petrarch": pmeta.get("version", ""),
        },
    )
