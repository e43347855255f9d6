"""What a person types for a country or group, read as the code the store uses: the one place that decides.

`--holder Bolivia`, `--holder bolivian`, `--holder BOL` and `--holder BO` are all BOL; `--country brics` is
BRICS. An unknown name is an error that suggests the closest known names and codes, never an empty answer.
Only countries.json and groups.json are read (not the 13,000 officials), so a query stays quick.
"""

from __future__ import annotations

import difflib
import json
from dataclasses import dataclass
from functools import lru_cache

from sphere.errors import UnknownCode
from sphere.knowledge.loader import _countries, _groups, _text, fold


@dataclass(frozen=True, slots=True)
class Names:
    """Folded form -> codes it may mean, and each code's canonical name."""

    forms: dict[str, frozenset[str]]
    names: dict[str, str]


@lru_cache(maxsize=1)
def names() -> Names:
    """Every code, ISO2 code, name, alias and demonym of a country or group, folded (read once)."""
    countries = _countries(json.loads(_text("countries.json")))
    groups = _groups(json.loads(_text("groups.json")))
    forms: dict[str, set[str]] = {}
    labels: dict[str, str] = {}
    for c in countries.values():
        labels[c.code] = c.name
        for form in (c.code, c.iso2 or "", c.name, *c.aliases, *c.demonyms):
            if form:
                forms.setdefault(fold(form), set()).add(c.code)
    for g in groups.values():
        labels[g.code] = g.name
        for form in (g.code, g.name, *g.aliases):
            forms.setdefault(fold(form), set()).add(g.code)
    # A code is what it says, even where it is also someone's demonym or alias.
    for code in labels:
        forms[fold(code)] = {code}
    return Names({k: frozenset(v) for k, v in forms.items()}, labels)


def name_of(code: str) -> str:
    """The canonical name of a country or group code; the code itself when sphere does not know it."""
    return names().names.get(code, code)


def resolve_party(value: str, option: str = "country") -> str:
    """The country or group code meant by `value` (code, ISO2, name, alias or demonym; any case).

    Raises `UnknownCode` naming the option and suggesting the closest names, or listing the readings of
    an ambiguous one ("Congolese": COD or COG).
    """
    index = names()
    key = fold(value)
    codes = index.forms.get(key) or (index.forms.get(key[:-1]) if key.endswith("s") else None)
    if codes and len(codes) == 1:
        return next(iter(codes))
    if codes:
        readings = ", ".join(f"{c} ({index.names[c]})" for c in sorted(codes))
        raise UnknownCode(f"{option} {value!r} is ambiguous: it may be {readings}; give the code")
    close = difflib.get_close_matches(key, list(index.forms), n=8, cutoff=0.6)
    suggested = list(dict.fromkeys(code for form in close for code in sorted(index.forms[form])))[:5]
    hint = (
        "; closest: " + ", ".join(f"{c} ({index.names[c]})" for c in suggested)
        if suggested
        else "; give an ISO3 country code (BOL), a name (Bolivia) or a group (BRICS)"
    )
    raise UnknownCode(f"{option} {value!r} is not a country or group sphere knows{hint}")


@lru_cache(maxsize=1)
def _memberships() -> dict[str, dict[str, str]]:
    return dict(json.loads(_text("memberships.json")))


def group_title(group: str) -> str:
    """What a membership list of the reference snapshot is about, in words ("FTA_USA": "free-trade
    agreements with the United States"); a group of groups.json by its name."""
    return _memberships()["groups"].get(group) or name_of(group)


def membership_phrase(group: str, status: str) -> str:
    """A membership in words: ("PRC_RECOGNITION", "PRC") -> "recognises the People's Republic of China
    (Beijing)"; one the data file does not list is the group's title and the status ("CELAC member")."""
    return _memberships()["phrases"].get(f"{group} {status}") or f"{group_title(group)} {status.replace('_', ' ')}"
