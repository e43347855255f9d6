"""How a claim is qualified: its modality (actual, threatened, planned), year and attributed source.

The source comes from reporting phrases ("according to X", "X data shows", "statistics from
X show", ", X said"), wherever they sit in the sentence, also after the figure's own clause.
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from sphere.nlp.context import SentenceContext
from sphere.nlp.figures import Figure
from sphere.nlp.role_frames import lemma
from sphere.nlp.syntax import ancestors

_ATTRIB = [
    re.compile(r"\bquoted (?P<s>[A-Z][^,]*(?:, [^,]*?)?) as saying\b"),
    re.compile(r"\baccording to (?:data from |figures from |statistics from |estimates by |estimates from )?(?P<s>(?:the )?[A-Z][\w.&’'-]*(?:['’]s)?(?:\s+(?:of\s+|for\s+|and\s+)?[A-Z][\w.&’'-]*)*(?:\s+(?:central bank|finance ministry|economy ministry|trade ministry|commerce ministry|foreign ministry|customs|statistics (?:office|bureau|agency)|government|data))?)"),
    re.compile(r"(?:statistics|data|figures|estimates) (?:from|by|of) (?:the )?(?P<s>[A-Z][\w.&’'-]*(?:\s+(?:of\s+|for\s+|and\s+)?[A-Z][\w.&’'-]*)*)"),
    re.compile(r"(?P<s>(?:the )?[A-Z][\w.&’'-]*(?:\s+(?:of\s+|for\s+)?[A-Z][\w.&’'-]*)*|\b[a-z]+ figures|\b[a-z]+ data) (?:data |figures |statistics )?(?:shows?|showed|indicate[sd]?)\b"),
    re.compile(r"\b(?P<s>[A-Z][\w.&’'-]*(?:\s+[A-Z][\w.&’'-]*)*) estimates\b"),
    re.compile(r",\s*(?P<s>the (?:[A-Z][\w’'.-]*\s+|[a-z]+\s+){0,4}(?:chamber|association|institute|council|federation|commission|bureau|office|agency))\s+(?:estimates|estimated|said|says)\.?$"),
    re.compile(r",\s*(?P<s>(?:the |an? )?(?:[A-Z][\w’'.-]*\s+|[a-z]+\s+){0,4}(?:officials?|ministry|bank|office|agency|department|minister|spokesman|statement|sources?|[A-Z][a-z]+))\s+(?:said|says|reported|estimated)\.?$"),
]


def modality_of(ftok: Token, text: str, lex: dict, measure: str = "") -> str:
    """Threatened, planned or actual, from the verbs above the figure and their auxiliaries (lemmas)."""
    chain = ancestors(ftok)[:6]
    words: set[str] = set()
    for t in chain:
        words.update((t.lower_, lemma(t)))
        for c in t.children:
            if c.dep_ in ("aux", "auxpass", "neg", "prt"):
                words.update((c.lower_, lemma(c)))
    low = text.lower()
    if words & set(lex["threat_cues"]) or "would have" in low:
        return "threatened"
    if measure == "tariff" and words & {"would", "could", "might", "may", "should"} and not words & {
            "confirm", "announce", "decide", "approve", "finalise", "finalize"}:
        return "threatened"  # "he would impose a 10% tariff": a threat (a confirmed rise is planned)
    if words & set(lex["planned_cues"]):
        return "planned"
    if re.search(r"\beffective from\b|\bwill take effect\b", low):
        return "planned"
    return "actual"


_YEAR = re.compile(r"\b(?:end-|in |of |for |since |during |year |fiscal )?((?:19|20)\d\d)\b")


def year_of(ctx: SentenceContext, fig: Figure) -> int | None:
    """The year the figure refers to: the nearest year in the sentence, never the start of a
    running total ("since 2013" is `since`, not the year)."""
    best = None
    for m in _YEAR.finditer(ctx.text):
        y = int(m.group(1))
        if m.start(1) - 1 >= 0 and ctx.text[m.start(1) - 1] in "$":
            continue
        if _SINCE.match(ctx.text, m.start()) or _SINCE.search(ctx.text[max(0, m.start() - 20):m.end()]):
            continue
        split = re.match(r"/(\d\d)\b", ctx.text[m.end(1):m.end(1) + 3])
        if split:  # "the 1990/91 crop year", "fiscal 2023/24": the year it ends
            y = y // 100 * 100 + int(split.group(1)) + (100 if int(split.group(1)) < y % 100 else 0)
        d = abs(m.start() - fig.end) if m.start() >= fig.end else abs(fig.start - m.end())
        if best is None or d < best[0]:
            best = (d, y)
    if best is not None and best[0] < 80:
        return best[1]
    low = ctx.text.lower()
    pub = ctx.state.published
    if pub is not None:
        if "last year" in low:
            return pub.year - 1
        if "this year" in low:
            return pub.year
    return None


_SINCE = re.compile(r"\bsince\s+(?:(?:early|late|mid|the end of|the start of)[\s-]+)?((?:19|20)\d\d)\b", re.IGNORECASE)


def period_of(text: str, ftok: Token, measure: str, year: int | None, lex: dict) -> tuple[str | None, int | None]:
    """The claim's period and, for a running total, its first year ("since 2013").

    From the grammar around the figure: a start year or "so far", "a total of" make it
    cumulative; a figure qualifying one project, deal, contract or loan ("a $2 billion loan",
    "the $2 billion first phase of a port") is a deal; debt and reserves, or "owes",
    "outstanding", are stocks; a flow with a year or "a year" is annual. None when the text does
    not say."""
    cues = lex["period"]
    low = " " + re.sub(r"[^\w$%-]+", " ", text.lower()) + " "
    since = _SINCE.search(text)
    if since:
        return "cumulative", int(since.group(1))
    if any(f" {c} " in low for c in cues["cumulative"]):
        return "cumulative", None
    if _qualifies_deal(ftok, set(cues["deal_nouns"])) and measure not in ("debt", "reserves", "gdp", "trade",
                                                                           "trade_balance", "exports", "tariff"):
        return "deal", None
    if measure in cues["stock_measures"] or any(f" {c} " in low for c in cues["stock"]):
        return "stock", None
    if any(f" {c} " in low for c in cues["part_of_year"]):
        return None, None  # "in the first half of 2022", "in February": not a year's flow
    if measure in cues["flow_measures"] and (year is not None or any(f" {c} " in low for c in cues["annual"])):
        return "annual", None
    return None, None


def _qualifies_deal(ftok: Token, nouns: set[str]) -> bool:
    """The figure sizes one deal: it qualifies a deal noun ("a $2 billion loan", "a $2.5 billion-agreement")
    or sits in "worth"/"of" after one ("a project worth $1 billion", "a plant with investment of $970 million")."""
    for t in ancestors(ftok)[1:5]:
        if t.pos_ in ("VERB", "AUX") and t.lemma_ != "worth":
            return False
        if t.pos_ in ("NOUN", "PROPN") and lemma(t) in nouns and t.tag_ != "NNS":
            return True
    return any(lemma(c) in nouns for c in (ftok.head.children if ftok.dep_ == "compound" else []))


_WHEN = {"january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
         "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "yesterday"}


def attributed_source(sentence: str) -> str | None:
    """Who the sentence attributes its figures to, or None."""
    for pat in _ATTRIB:
        m = pat.search(sentence)
        if m:
            s = m.group("s").strip(" ,.")
            s = re.sub(r"^(?:the|an?)\s+", "", s, flags=re.IGNORECASE)
            s = re.sub(r"\s+(?:data|figures|statistics|estimates|think tank|report)$", "", s)
            if s and s.lower() not in ("it", "he", "she", "they", "this", "that") and s.lower() not in _WHEN:
                return s
    return None
