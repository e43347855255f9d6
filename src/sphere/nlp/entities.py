"""Entity mentions: countries, groups, institutions and officials, linked to their codes.

The gazetteer (sphere.knowledge) is compiled once into trie-shaped regular expressions and
run over the whole text, which is much cheaper than NER and gives exact offsets. Mentions
that need context are resolved here too:

* an institution without a fixed country ("central bank", "Foreign Ministry") takes the
  country named right before it ("Peru's central bank", "Peruvian central bank") or else
  the article's main country;
* an official is looked up for the article's date (the term of office that covers it);
  their short form ("Wang", "Mr Xi") counts only after the full name has appeared in the
  article, or when it is unambiguous among the officials in office on that date.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from sphere.knowledge import Knowledge, load_knowledge
from sphere.models import Entity
from sphere.nlp.lexicon import load
from sphere.nlp.phrases import PhraseIndex
from sphere.nlp.trie import compile_phrases

_TITLES = (
    r"(?:Mr|Mrs|Ms|Dr|President|Premier|Prime Minister|Minister|Secretary|Chancellor|Vice President|"
    r"Foreign Minister|Finance Minister|Trade Minister|Defence Minister|Defense Minister|King|Crown Prince|"
    r"Emir|Sheikh|General|Gen|Ambassador|Representative|Senator|Governor)\.?\s+"
)


@dataclass(frozen=True)
class Gazetteer:
    knowledge: Knowledge
    pattern: PhraseIndex
    lower_pattern: PhraseIndex
    forms: dict[str, list[tuple[str, str]]]  # surface -> [(kind, key)]
    lower_forms: dict[str, list[tuple[str, str]]]


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """Compile the knowledge base's surface forms once per process."""
    kb = load_knowledge()
    forms: dict[str, list[tuple[str, str]]] = {}
    lower: dict[str, list[tuple[str, str]]] = {}
    for surface in load("entities")["not_entities"]:
        forms.setdefault(surface, []).append(("none", ""))
    for surface, kind, key in kb.surface_forms():
        if len(surface) < 2:
            continue
        if kind == "official_short":
            continue  # short forms are added per article
        forms.setdefault(surface, []).append((kind, key))
        if kind in ("group", "institution") and surface.lower() != surface and " " in surface:
            lower.setdefault(surface.lower(), []).append((kind, key))
        if kind == "institution" and surface.islower():
            lower.setdefault(surface, []).append((kind, key))
    return Gazetteer(kb, PhraseIndex(forms), PhraseIndex(lower), forms, lower)


def find_entities(text: str, *, published: date | None = None) -> list[Entity]:
    """Every linked mention in `text`, in order, with offsets; overlapping matches keep the longest."""
    gz = gazetteer()
    kb = gz.knowledge
    raw: list[tuple[int, int, str, str, str]] = []  # start, end, surface, kind, key
    for start, end, phrase in gz.pattern.finditer(text):
        for kind, key in gz.forms[phrase][:1]:
            raw.append((start, end, phrase, kind, key))
    for start, end, phrase in gz.lower_pattern.finditer(text):
        for kind, key in gz.lower_forms[phrase][:1]:
            raw.append((start, end, text[start:end], kind, key))
    raw.sort(key=lambda r: (r[0], -(r[1] - r[0])))
    kept: list[tuple[int, int, str, str, str]] = []
    last_end = -1
    for r in raw:
        if r[0] >= last_end:
            kept.append(r)
            last_end = r[1]

    entities: list[Entity] = []
    for start, end, surface, kind, key in kept:
        ent = _resolve(kb, text, start, end, surface, kind, key, published, entities)
        if ent is not None:
            entities.append(ent)
    entities = _short_forms(kb, text, entities, published)
    entities = _introduced_people(text, entities)
    entities = _supported(entities)
    main = main_country(entities)
    out: list[Entity] = []
    for e in entities:
        if not e.code:
            e = e.model_copy(update={"code": _country_in_sentence_before(text, e, out) or main or ""})
        if e.code:
            out.append(e)
    return out


def _resolve(kb, text, start, end, surface, kind, key, published, so_far) -> Entity | None:
    if kind in ("country", "demonym", "capital"):
        if kind == "capital" and not _capital_as_government(text, start, end):
            return None
        if kind == "country" and key in kb.countries and _ambiguous_word(text, start, surface):
            return None
        if _inside_firm_name(text, start, end):
            return None  # "E.C. Jordan and Co", "General Motors Canada Ltd": a firm named after a place
        if kind in ("country", "demonym") and re.match(r"\s?(?:\$|dollars?\b|dlrs?\b)", text[end:end + 9]) and (
                key not in kb.countries or kb.countries[key].dollar):
            return None  # "U.S. $480 million", "U.S. dollars": a currency, not a party ("owes China $5 billion" is one)
        if kind == "demonym" and _CURRENCY_AFTER.match(text[end:end + 12]):
            return None  # "a 69.7 mln French franc loan", "Belgian francs": a currency, not a party
        if key not in load("entities")["no_code_of_the_time"]:  # West Germany was DEU, not the GDR
            key = kb.code_of_the_time(key, published)  # Moscow in 1987 is the USSR
        return Entity(text=surface, start=start, end=end, code=key, kind=kind, name=kb.code_name(key))
    if kind == "group":
        return Entity(text=surface, start=start, end=end, code=key, kind="group", name=kb.code_name(key))
    if kind == "institution":
        inst = kb.institution(key)
        code = inst.code if inst else None
        if code is None:
            code = _country_before(text, start, so_far) or ""
        name = surface
        return Entity(text=surface, start=start, end=end, code=code, kind="institution", name=name)
    if kind == "none":
        return None
    if kind == "official":
        found = kb.officials_named(key, on=published)
        if not found:
            return None
        o = found[0]
        return Entity(text=surface, start=start, end=end, code=o.code, kind="official", name=o.name, role=o.role)
    return None


_CURRENCY_AFTER = re.compile(r"\s(?:francs?|marks?|yen|yuan|renminbi|pounds?|lire|lira|pesos?|rupees?|won|roubles?|rubles?|"
                             r"crowns?|kronor|kroner|krona|guilders?|escudos?|pesetas?|drachmas?|shillings?|rand|reais|real)\b")
_CAPITAL_NOT_GOV = re.compile(r"^\s*(?:[A-Z][a-z]+\s)?(?:University|Post|Times|Airport|Stock|Zoo|Street|Avenue|Road|Consensus)\b"
                              r"|^\s*(?i:talks|meeting|meetings|summit|conference|accord|round|session)\b")
# "the London talks", "the Venice summit", "the Paris accord": a city before a meeting word names where, not who

# A country word inside a proper name that goes on to a company suffix: "E.C. Jordan and Co", "GM Canada Ltd".
# The name must start before the country word (a capitalised word right before it), so "China Harbour
# Engineering Co" (a Chinese state firm) and "Taiwan's China Shipbuilding Corp" keep their country.
_FIRM_AFTER = re.compile(r"^(?:\s+(?:and\s+)?[A-Z][\w&.'-]*){0,3}?\s*,?\s+(?:and\s+)?"
                         r"(?:Co|Cos|Corp|Corporation|Company|Inc|Ltd|Plc|PLC|LLC|Bhd|AG|NV|SA)\b\.?")
_FIRM_BEFORE = re.compile(r"(?:^|[\s<(])(?!The\b|the\b)[A-Z][\w&.'-]*\s$")


def _inside_firm_name(text: str, start: int, end: int) -> bool:
    """A country word in the middle of a firm's name names the firm, not a country acting."""
    return bool(_FIRM_AFTER.match(text[end:end + 60]) and _FIRM_BEFORE.search(text[max(0, start - 30):start]))


def _capital_as_government(text: str, start: int, end: int) -> bool:
    """"Beijing said" is the government; "the Beijing Airport" or "in Beijing" is a place, still kept as a location hint
    only when it reads like an actor (start of clause or before a verb-like word)."""
    if _CAPITAL_NOT_GOV.match(text[end:end + 30]):
        return False
    before = text[max(0, start - 5):start].lower()
    return not before.endswith((" in ", " at ", " to ", "from "))


def _ambiguous_word(text: str, start: int, surface: str) -> bool:
    # "US" at a sentence start in an all-caps headline and the like are fine; "Turkey" after "the" is a bird
    if surface in {"Turkey", "Chad", "Jordan", "Georgia", "Niger", "Guinea", "China"}:
        before = text[max(0, start - 4):start]
        return before.endswith("the ") and surface in {"Turkey"}
    return False


def _country_before(text: str, start: int, so_far: list[Entity]) -> str | None:
    """The country named immediately before a contextual institution ("Canada's Department of Finance")."""
    for e in reversed(so_far[-3:]):
        gap = text[e.end:start]
        if (e.code and len(gap) <= 4 and re.fullmatch(r"(?:['’]s)?\s*(?:the\s)?", gap)
                and e.kind in ("country", "demonym", "capital", "official", "group")):
            return e.code
    return None


def _short_forms(kb: Knowledge, text: str, entities: list[Entity], published: date | None) -> list[Entity]:
    """Add later mentions of officials by surname ("Wang", "Mr Xi") once their full name has been seen."""
    seen: dict[str, Entity] = {}
    for e in entities:
        if e.kind == "official":
            for o in kb.officials_named(e.name, on=published)[:1]:
                if o.short:
                    seen.setdefault(o.short, e)
    extra: list[Entity] = []
    if seen:
        pat = compile_phrases(seen)
        taken = [(e.start, e.end) for e in entities]
        for m in pat.finditer(text):
            if any(s <= m.start() < en for s, en in taken):
                continue
            src = seen[m.group(0)]
            extra.append(Entity(text=m.group(0), start=m.start(), end=m.end(), code=src.code, kind="official",
                                name=src.name, role=src.role))
    titled = re.finditer(_TITLES + r"([A-Z][a-z]+)\b(?![ \t]+(?:[A-Z][a-z]|de |da |del ))", text)  # not a first name
    for m in titled:
        short = m.group(1)
        if short in seen or any(e.start <= m.start(1) < e.end for e in entities + extra):
            continue
        found = [o for o in kb.officials_named(short, on=published) if o.short == short]
        if len({o.code for o in found}) == 1:  # "President Trump" as president-elect is still American
            o = found[0]
            extra.append(Entity(text=short, start=m.start(1), end=m.end(1), code=o.code, kind="official",
                                name=o.name, role=o.role))
    extra += _leaders(kb, text, entities + extra, published)
    return sorted(entities + extra, key=lambda e: e.start)


# A person introduced with a country and a title: "Belgian Trade Minister Herman De Croo", "U.S. trade
# representative Clayton Yeutter". Up to three lower- or upper-case words may stand before the title.
_INTRODUCED = re.compile(
    r"[ \t\n]+(?:[A-Za-z-]+[ \t\n]+){0,3}?(?i:minister|secretary|president|premier|chancellor|representative|"
    r"ambassador|envoy|spokesman|spokeswoman|spokesperson|governor|adviser|advisor|negotiator|official|chairman|"
    r"director|manager|chief|head|leader|co-founder|founder)[ \t\n]+"
    r"((?:[A-Z][a-z]+[ \t\n]+){0,2}(?:(?:de|da|van|von|del)[ \t\n]+)?[A-Z][a-z]+)\b")


def _introduced_people(text: str, entities: list[Entity]) -> list[Entity]:
    """People the article introduces with their country and title, and their later mentions by surname
    ("Belgian Trade Minister Herman De Croo ... De Croo said"): officials and managers act for their
    country (SCHEMA.md), though no gazetteer lists them."""
    people: dict[str, Entity] = {}
    for e in entities:
        if e.kind not in ("country", "demonym") or not e.code:
            continue
        m = _INTRODUCED.match(text, e.end)
        if m is None or not m.group(1)[:1].isupper() or any(o.start < m.end(1) and m.start(1) < o.end for o in entities):
            continue
        name = m.group(1)
        surname = name.split()[-1]
        people.setdefault(surname, Entity(text=surname, start=0, end=0, code=e.code, kind="official", name=name))
    if not people:
        return entities
    extra = []
    taken = [(e.start, e.end) for e in entities]
    for m in re.finditer(r"\b(" + "|".join(re.escape(n) for n in people) + r")\b", text):
        if any(s < m.end() and m.start() < en for s, en in taken):
            continue
        p = people[m.group(1)]
        extra.append(p.model_copy(update={"start": m.start(), "end": m.end()}))
    return sorted(entities + extra, key=lambda e: e.start)


_LEADER_ROLES = ("head_of_state", "head_of_government")


@lru_cache(maxsize=1)
def _leader_shorts() -> dict[str, list]:
    """Surnames of the curated heads of state and government of the G20 and BRICS that point to one
    country only ("Trump", "Xi", "Lula", "Modi"): these are news shorthand even without a first name."""
    kb = load_knowledge()
    big = set(load("entities")["leader_countries"])
    by_short: dict[str, list] = {}
    for o in kb.officials:
        if o.short and o.source == "curated" and o.role in _LEADER_ROLES and o.code in big:
            by_short.setdefault(o.short, []).append(o)
    return {k: v for k, v in by_short.items() if len({o.code for o in v}) == 1 and (len(k) >= 4 or k in ("Xi", "Abe", "Li"))}


def _leaders(kb: Knowledge, text: str, taken: list[Entity], published: date | None) -> list[Entity]:
    shorts = _leader_shorts()
    if not shorts:
        return []
    pat = _leader_pattern()
    out = []
    for m in pat.finditer(text):
        if any(e.start <= m.start() < e.end for e in taken):
            continue
        cands = shorts[m.group(0)]
        if published is not None and not any(_near_term(o, published) for o in cands):
            continue
        o = cands[0]
        out.append(Entity(text=m.group(0), start=m.start(), end=m.end(), code=o.code, kind="official", name=o.name, role=o.role))
    return out


@lru_cache(maxsize=1)
def _leader_pattern() -> re.Pattern[str]:
    return compile_phrases(_leader_shorts())


def _near_term(o, on: date) -> bool:
    """In office within two years of the date (a president-elect, a predecessor still in the news)."""
    from datetime import timedelta

    margin = timedelta(days=730)
    return (o.start is None or o.start - margin <= on) and (o.end is None or on <= o.end + margin)


def _in_office(o, on: date | None) -> bool:
    if on is None:
        return o.end is None
    return (o.start is None or o.start <= on) and (o.end is None or on <= o.end)


def country_ranking(entities: list[Entity]) -> tuple[str, ...]:
    """Countries by number of mentions, most first (ties: first mentioned first)."""
    counts = Counter(e.code for e in entities if e.code and e.kind != "group" and len(e.code) == 3 and e.code.isupper())
    first: dict[str, int] = {}
    for i, e in enumerate(entities):
        first.setdefault(e.code, i)
    return tuple(sorted(counts, key=lambda c: (-counts[c], first[c])))


def main_country(entities: list[Entity]) -> str | None:
    """The country the article is mostly about: most mentioned, ties broken by first mention."""
    counts = Counter(e.code for e in entities if e.code and len(e.code) == 3 and e.code.isalpha() and e.code.isupper()
                     and e.kind != "group")
    if not counts:
        return None
    first: dict[str, int] = {}
    for i, e in enumerate(entities):
        first.setdefault(e.code, i)
    return max(counts, key=lambda c: (counts[c], -first[c]))


def _supported(entities: list[Entity]) -> list[Entity]:
    """Drop mentions by an ambiguous name ("Georgia", "Douglas") unless the country is named another way too."""
    weak = set(load("entities")["needs_support"])
    strong = {e.code for e in entities if e.text not in weak}
    return [e for e in entities if e.text not in weak or e.code in strong]


def _country_in_sentence_before(text: str, e: Entity, before: list[Entity]) -> str | None:
    """"Mexico agreed to reinforce its border with 10,000 National Guard members": the country
    named earlier in the same sentence is the one a contextual institution belongs to."""
    for prev in reversed(before):
        if prev.kind not in ("country", "demonym", "official"):
            continue
        gap = text[prev.end:e.start]
        if len(gap) > 200 or re.search(r"[.!?]\s", gap):
            return None
        return prev.code
    return None
