"""The typed records of the knowledge base: what the data files in data/ hold, one frozen dataclass each.

Fields after the ones the extractor relies on carry defaults, so older call sites keep working.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

ROLES: tuple[str, ...] = (
    "head_of_state",
    "head_of_government",
    "foreign_minister",
    "trade_minister",
    "finance_minister",
    "defence_minister",
    "central_bank_governor",
    "national_security_adviser",
    "trade_representative",
    "other",
)
INSTITUTION_KINDS: tuple[str, ...] = (
    "ministry",
    "central_bank",
    "military",
    "legislature",
    "executive",
    "agency",
    "state_firm",
    "bank",
)


@dataclass(frozen=True, slots=True)
class Country:
    code: str  # ISO3 (or a historic code: SUN, DDR, YUG, CSK; or XKX for Kosovo)
    name: str
    iso2: str | None
    aliases: tuple[str, ...]  # case-sensitive, as written in English news
    demonyms: tuple[str, ...]
    capitals: tuple[str, ...]
    currency: str | None  # ISO 4217
    dollar: bool  # the currency is called "dollar"
    regions: tuple[str, ...]
    ambiguous: tuple[str, ...] = ()  # aliases/demonyms/capitals that need context ("Georgia", "Chad")
    until: date | None = None  # historic states: the day they ceased to exist
    successor: str | None = None


@dataclass(frozen=True, slots=True)
class Group:
    code: str
    name: str
    aliases: tuple[str, ...]
    members: tuple[tuple[str, date | None, date | None], ...]  # (code, joined, left); a code may recur
    ambiguous: tuple[str, ...] = ()
    associates: tuple[tuple[str, str, date | None], ...] = ()  # (code, status, since): partners, invitees


@dataclass(frozen=True, slots=True)
class Institution:
    term: str
    code: str | None  # None: the country comes from context ("the Foreign Ministry")
    kind: str
    ambiguous: bool = False


@dataclass(frozen=True, slots=True)
class Official:
    name: str
    aliases: tuple[str, ...]
    short: str | None
    code: str
    role: str
    start: date | None
    end: date | None
    source: str
    as_of: date | None = None  # an empty `end` is only known to hold up to this day (the file's as_of)

    def in_office(self, on: date) -> bool:
        """True when the term covers `on` (end is exclusive: the successor starts that day)."""
        if self.start is not None and on < self.start:
            return False
        if self.end is not None:
            return on < self.end
        return self.as_of is None or on <= self.as_of

    def distance(self, on: date) -> int:
        """Days between `on` and the term (0 when in office); for ordering the closest term first."""
        if self.in_office(on):
            return 0
        if self.start is not None and on < self.start:
            return (self.start - on).days
        last = self.end or self.as_of
        return (on - last).days if last is not None else 10**6
