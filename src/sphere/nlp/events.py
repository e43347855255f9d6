"""Events: who did what to whom, coded with the sixteen PLOVER types.

A trigger word (`data/events.json`, built from the CAMEO-to-PLOVER table and SCHEMA.md's
conventions) codes the action; its grammatical subject is the actor and its object, or the
object of a preposition attached to it, the target, each resolved to a country or group
code through the mentions in the sentence. Officials act for their country; pronouns and
unnamed roles ("its foreign minister", "he") take the article's last actor or topic.
Coordinated targets ("threatened Mexico and Colombia") give one event each.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from spacy.tokens import Token

from sphere.models import PLOVER_SCORE, Event
from sphere.nlp.context import SentenceContext
from sphere.nlp.dates import resolve_date
from sphere.nlp.lexicon import load
from sphere.nlp.syntax import PRONOUNS, Party, is_negated, party_for, span_for, subject_of

_TARGET_PREPS = {"with", "to", "on", "against", "from", "for", "toward", "towards", "into", "of", "in", "at"}


@lru_cache(maxsize=1)
def _triggers() -> tuple[dict[str, str], dict]:
    lex = load("events")
    idx: dict[str, str] = {}
    for action, words in lex["verbs"].items():
        for w in words:
            idx.setdefault(w, action)
    return idx, lex


def trigger_words() -> set[str]:
    """Every trigger word (for cheap pre-filtering of sentences)."""
    idx, lex = _triggers()
    words = set(idx)
    for phrase in lex["phrasal"]:
        words.add(phrase.split()[0])
    return words


def extract_events(ctx: SentenceContext) -> Iterator[Event]:
    idx, lex = _triggers()
    doc = ctx.doc
    by_token: dict[int, Party] = {}
    for e in ctx.entities:
        if not e.code:
            continue
        p = party_for(doc, e, ctx.start)
        span = span_for(doc, e.start - ctx.start, e.end - ctx.start)
        if p is None or span is None:
            continue
        for t in span:
            by_token[t.i] = p
    seen: set[tuple[str, str, str | None]] = set()
    when = resolve_date(ctx.text, ctx.state.published)
    low = ctx.text.lower()
    for tok in doc:
        action = _phrasal(tok, lex) or idx.get(tok.lower_)
        if action is None:
            continue
        if tok.pos_ not in ("VERB", "AUX") and tok.lower_ not in ("talks", "meeting", "visit", "sanctions", "retaliation", "ultimatum", "embargo", "protests", "probe"):
            continue
        action = _refine(tok, action, lex, low)
        if action is None:
            continue
        if is_negated(tok):
            action = lex["negated_flip"].get(action)
            if action is None:
                continue
        actor = _actor(tok, by_token, ctx)
        if actor is None:
            continue
        membership = _membership(tok, lex, doc)
        if membership == "leave":
            action = "REJECT"
        elif membership == "join":
            action = "COOPERATE"
        for target in _targets(tok, by_token, actor, ctx):
            key = (actor, action, target)
            if key in seen:
                continue
            seen.add(key)
            yield Event(
                actor=actor, action=action, target=target, date=when, evidence=ctx.text, start=ctx.start,
                end=ctx.end, membership=membership if _is_group(target) else None, mode=_mode(tok, lex),
                trigger=tok.text, score=PLOVER_SCORE[action], confidence=0.6,
            )
            ctx.state.last_actor = actor


def _phrasal(tok: Token, lex: dict) -> str | None:
    nxt = tok.doc[tok.i + 1].lower_ if tok.i + 1 < len(tok.doc) else ""
    return lex["phrasal"].get(f"{tok.lower_} {nxt}")


def _refine(tok: Token, action: str, lex: dict, low: str) -> str | None:
    """Triggers whose meaning depends on their object ("raised tariffs" vs "raised concerns")."""
    objs = {c.lower_ for c in tok.subtree if c.i > tok.i and c.i - tok.i <= 8}
    if tok.lower_ in lex["object_gated"]:
        for gated_action in ("SANCTION", "MOBILIZE"):
            if objs & set(lex["needs_object"][gated_action]) and tok.lower_ in lex["verbs"][gated_action]:
                if gated_action == "SANCTION" and objs & set(lex["stop_paying"]):
                    return "REJECT"
                return gated_action
        if action in ("SANCTION", "MOBILIZE"):
            return None
    if action == "THREATEN" and tok.lower_ == "vowed" and not objs & {"retaliate", "measures", "respond", "retaliation", "tariffs", "resolute"}:
        return "AGREE"
    if action == "ACCUSE" and tok.lower_ == "warn":
        return "THREATEN"
    if tok.lower_ in ("stopped", "stop", "stops") and objs & set(lex["stop_paying"]):
        return "REJECT"
    return action


def _resolve_token(tok: Token, by_token: dict[int, Party], ctx: SentenceContext) -> str | None:
    """A country/group code for the phrase headed by `tok`: a mention in it, or a pronoun's referent."""
    for t in tok.subtree:
        if t.i in by_token and (t.head.i == tok.i or t.i == tok.i or t.dep_ in ("poss", "compound", "amod", "flat")
                                or t.head.dep_ in ("compound", "flat", "appos") or _within_np(t, tok)):
            return by_token[t.i].code
    low = tok.lower_
    if low in PRONOUNS or any(c.lower_ in ("its", "his", "her", "their") and c.dep_ == "poss" for c in tok.children):
        return ctx.state.last_actor or ctx.state.topic or ctx.state.main
    if low in ("country", "government", "nation", "administration") and any(c.lower_ == "the" for c in tok.children):
        return ctx.state.topic or ctx.state.main
    return None


def _within_np(t: Token, head: Token) -> bool:
    cur = t
    for _ in range(4):
        if cur.head.i == cur.i:
            return False
        if cur.dep_ in ("prep", "relcl", "acl", "advcl", "ccomp", "conj", "appos"):
            return False
        cur = cur.head
        if cur.i == head.i:
            return True
    return False


def _actor(tok: Token, by_token: dict[int, Party], ctx: SentenceContext) -> str | None:
    subj = subject_of(tok) if tok.pos_ in ("VERB", "AUX") else None
    if subj is None and tok.pos_ == "NOUN":
        for c in tok.children:
            if c.dep_ == "poss":
                subj = c
    if subj is None:
        # passive "sanctions were imposed by X" / "by X"
        for c in tok.children:
            if c.dep_ == "agent":
                for g in c.children:
                    return _resolve_token(g, by_token, ctx)
        return None
    return _resolve_token(subj, by_token, ctx)


def _targets(tok: Token, by_token: dict[int, Party], actor: str, ctx: SentenceContext) -> list[str]:
    found: list[str] = []

    def add(t: Token) -> None:
        code = _resolve_token(t, by_token, ctx) if t.i not in by_token else by_token[t.i].code
        if code and code != actor and code not in found:
            found.append(code)
        for c in t.children:
            if c.dep_ == "conj":
                add(c)

    heads = [tok] + [c for c in tok.children if c.dep_ in ("xcomp",)]
    for h in heads:
        for c in h.children:
            if c.dep_ in ("dobj", "dative", "iobj") or (c.dep_ == "nsubjpass" and h.i != tok.i):
                add(c)
                for g in c.children:
                    if g.dep_ == "prep" and g.lower_ in _TARGET_PREPS:
                        for o in g.children:
                            if o.dep_ == "pobj":
                                add(o)
            elif c.dep_ == "prep" and c.lower_ in _TARGET_PREPS:
                for o in c.children:
                    if o.dep_ == "pobj":
                        add(o)
                        for g in o.children:
                            if g.dep_ == "prep" and g.lower_ in ("of", "from", "on"):
                                for o2 in g.children:
                                    if o2.dep_ == "pobj":
                                        add(o2)
            elif c.dep_ == "ccomp" and tok.lower_ in ("told", "tell", "tells", "warned", "urged", "asked"):
                continue
    if not found and tok.lower_ in ("talks", "meeting", "visit"):
        for c in tok.children:
            if c.dep_ == "prep":
                for o in c.children:
                    add(o)
    return found


def _membership(tok: Token, lex: dict, doc) -> str | None:
    window = {t.lower_ for t in doc[tok.i:min(len(doc), tok.i + 6)]}
    if tok.lower_ in lex["membership_leave"] and (window & {"membership", "member", "initiative", "road", "bloc", "group", "union"}):
        return "leave"
    if tok.lower_ in lex["membership_join"] and tok.pos_ == "VERB":
        return "join"
    if "member" in window and tok.lower_ in ("becoming", "become", "became", "becomes"):
        return "join"
    return None


def _is_group(code: str | None) -> bool:
    return bool(code) and not (len(code) == 3 and code.isupper() and code not in ("BRI",))


_MODE = re.compile(r"\b(tariffs?|sanctions|military force|force|trade remedies|retaliation|duties|embargo|ban)\b", re.I)


def _mode(tok: Token, lex: dict) -> str | None:
    text = tok.doc[tok.i:min(len(tok.doc), tok.i + 12)].text
    m = _MODE.search(text)
    return m.group(1).lower() if m else None
