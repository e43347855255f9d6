"""Figures in a sentence: money, percentages and counts, with their value in base units.

Pure regular-expression work on text, before and independent of spaCy, so it is cheap
enough to run on every sentence to decide which ones are worth parsing. Which figures
become claims, and of what, is decided later in `claims.py`.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache

from sphere.nlp.lexicon import load


@dataclass(frozen=True, slots=True)
class Figure:
    start: int  # offsets into the text given to `find_figures`
    end: int
    text: str
    value: float
    unit: str  # ISO 4217, "percent", "persons", ... ; "$" = some dollar, decided by context; "" = scaled number with no unit
    kind: str  # "money" | "percent" | "count" | "scaled"
    approx: str  # exact / over / under / about / almost


_NUM = r"(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], dict]:
    lex = load("figures")
    syms = sorted(lex["currency_symbols"], key=len, reverse=True)
    words = sorted(lex["currency_words"], key=len, reverse=True)
    scales_long = [s for s in lex["scales"] if len(s) > 1]
    numwords = sorted(lex["number_words"], key=len, reverse=True)
    sym = "|".join(re.escape(s) for s in syms)
    cur = "|".join(re.escape(w) for w in words)
    scale = r"(?:(?:\s|-)?(?:" + "|".join(sorted(scales_long, key=len, reverse=True)) + r")\b|(?:[mMbBkK])\b)"
    nw = "|".join(re.escape(w) for w in numwords if w not in {"a", "half a"})
    num = rf"(?:{_NUM}|(?:{nw})(?:[\s-](?:{nw}))?)"
    counts = sorted(lex["count_units"], key=len, reverse=True)
    cnt = "|".join(re.escape(c) for c in counts)
    pattern = re.compile(
        rf"(?P<money1>(?P<sym>{sym})\s?(?P<n1>{_NUM}|{nw})(?P<s1>{scale})?)"
        rf"|(?P<money2>(?P<n2>{num})(?P<s2>{scale})?[\s-](?P<cur>{cur})\b)"
        rf"|(?P<pct>(?P<n3>{_NUM})\s?(?:%|pct\b|percent\b|per\s?cent\b|percentage points?\b))"
        rf"|(?P<count>(?P<n4>{_NUM})(?P<s4>\s(?:million|thousand|billion|mln|bln))?\s(?:[\w-]+\s){{0,3}}?(?P<cu>{cnt})\b)"
        rf"|(?P<scaled>(?P<n5>{_NUM})(?P<s5>\s?(?:trillion|billion|million|bln|mln|bn|mn|tn|trn)\b))",
        re.IGNORECASE,
    )
    return pattern, lex


def _number(text: str, lex: dict) -> float | None:
    t = text.lower().replace(",", "").strip()
    try:
        return float(t)
    except ValueError:
        pass
    words = lex["number_words"]
    parts = re.split(r"[\s-]+", t)
    total = 0.0
    for p in parts:
        if p not in words:
            return None
        v = words[p]
        total = total * v if v == 100 and total else total + v
    return total


def _scale(text: str | None, lex: dict) -> float:
    if not text:
        return 1.0
    key = text.strip().strip("-").strip().lower()
    return float(lex["scales"].get(key, 1.0))


def _approx(text: str, start: int, lex: dict) -> str:
    before = text[max(0, start - 30):start].lower().rstrip()
    before = re.sub(r"\b(a further|an additional|a total of|a|an|the|some of)$", "", before).rstrip()
    for kind in ("almost", "over", "under", "about"):
        for phrase in lex["approx"][kind]:
            if before.endswith(phrase) and (len(before) == len(phrase) or not before[-len(phrase) - 1].isalnum()):
                return kind
    return "exact"


def find_figures(text: str) -> list[Figure]:
    """Every money amount, percentage, count and scaled number in `text`, left to right."""
    pattern, lex = _patterns()
    out: list[Figure] = []
    for m in pattern.finditer(text):
        g = m.groupdict()
        if g["money1"]:
            n = _number(g["n1"], lex)
            unit = lex["currency_symbols"].get(g["sym"]) or lex["currency_symbols"].get(g["sym"].upper(), "$")
            if g["sym"] == "$" and text[max(0, m.start() - 5):m.start()].rstrip().endswith("U.S."):
                unit = "USD"
            value, kind, sc = n, "money", g["s1"]
        elif g["money2"]:
            n = _number(g["n2"], lex)
            cur = g["cur"].lower()
            unit = lex["currency_words"][cur]
            if unit == "$" and re.search(r"(U\.S\.|US|American)\s*$", text[max(0, m.start() - 6):m.start() + len(g["n2"])]):
                unit = "USD"
            # "$peso", "$franc", "$shilling": the holder's own currency, decided in context
            value, kind, sc = n, "money", g["s2"]
        elif g["pct"]:
            value, kind, sc, unit = _number(g["n3"], lex), "percent", None, "percent"
        elif g["count"]:
            value, kind, sc = _number(g["n4"], lex), "count", g["s4"]
            if sc is None:  # "between 4.5 and 5 mln bags": the lower bound takes the range's scale (C12)
                rng = re.search(r"(?:and|to|-)\s*[\d.,]+\s+(million|thousand|billion|mln|bln)\b", m.group(0))
                sc = rng.group(1) if rng else None
            unit = lex["count_units"][g["cu"].lower()]
        else:
            value, kind, sc, unit = _number(g["n5"], lex), "scaled", g["s5"], ""
        if value is None:
            continue
        start = m.start()
        low = _RANGE_LOW.search(text, max(0, start - 20), start) if kind in ("money", "percent", "count") else None
        if low is not None and text[max(0, low.start() - 5):low.start()].rstrip().endswith("from"):
            low = None  # "rose from 12 to 15 pct": a change, not a range
        if low is not None and (n_low := _number(low.group(1) or low.group(2), lex)) is not None and n_low < value:
            value, start = n_low, low.start()  # "15 to 20 mln dlrs", "10-20%": the lower bound (SCHEMA.md C12)
        elif kind == "percent" and (_is_year_like(g["n3"]) or text[max(0, m.start() - 1):m.start()] in ("/", "-")):
            continue  # "7/8 pct over Libor", "1-1/8 pct": fractions of interest margins
        value *= _scale(sc, lex)
        if not math.isfinite(value):
            continue  # "$" and 330 digits: no real figure; never written out as Infinity
        if kind in ("money", "count") and _is_year_like(m.group(0)):
            continue
        out.append(Figure(start, m.end(), text[start:m.end()], value, unit, kind, _approx(text, start, lex)))
    return out


_RANGE_NUM = r"\d{1,3}(?:,\d{3})*(?:\.\d+)?|one|two|three|four|five|six|seven|eight|nine|ten"
_RANGE_LOW = re.compile(rf"(?<![\d.,/-])(?:(?<=between )\$?({_RANGE_NUM})\s*and|\$?(\d{{1,3}}(?:,\d{{3}})*(?:\.\d+)?)\s*(?:to|-|–))\s*\$?\Z")


def _is_year_like(s: str) -> bool:
    return bool(re.fullmatch(r"(1[89]|20)\d\d", s.strip()))
