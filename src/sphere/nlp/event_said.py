"""What was said (SCHEMA.md C14): "the minister said Beijing had blocked the deal" is ACCUSE.

A speech verb alone is no event. When its reported clause has another party as its subject and
says something about it, the speaker's side acts toward that party, typed by what is said:
the clause's verb ("blocked", "cheated") or its predicate adjective ("unfair", "reasonable"),
from the rows of `data/said_content.json`; naming verbs ("called the policy an example of
protectionism") by the words of what the object is called. A negated clause ("said China had not cheated") says
nothing coded.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

from spacy.tokens import Token

from sphere.nlp.context import SentenceContext
from sphere.nlp.event_roles import actors_of, resolve_party
from sphere.nlp.event_triggers import lemma_of
from sphere.nlp.lexicon import load
from sphere.nlp.syntax import Party, is_negated, subject_of


@lru_cache(maxsize=1)
def _content() -> tuple[frozenset[str], frozenset[str], dict[tuple[str, str], str]]:
    data = load("said_content")
    index = {(row["slot"], w): row["plover"] for row in data["rows"] for w in row["words"]}
    return frozenset(data["speech_lemmas"]), frozenset(data["naming_lemmas"]), index


def naming_complement(tok: Token) -> Token | None:
    """What a naming verb calls its object: "called X [an example of ...]", "described X as [a model]"."""
    for c in tok.children:
        if c.dep_ in ("oprd", "xcomp") and c.pos_ in ("NOUN", "ADJ", "PROPN"):
            return c
        if c.dep_ == "prep" and c.lower_ == "as":
            return next((g for g in c.children if g.dep_ == "pobj"), None)
    return None


def _named(complement: Token, index: dict[tuple[str, str], str]) -> str | None:
    """ACCUSE when any word of the complement blames, else SUPPORT when any praises."""
    words = {w for t in complement.subtree for w in (t.lower_, t.lemma_.lower())}
    found = {index.get((slot, w)) for slot in ("adjective", "noun") for w in words} - {None}
    return "ACCUSE" if "ACCUSE" in found else ("SUPPORT" if "SUPPORT" in found else None)


def _said(clause: Token, index: dict[tuple[str, str], str]) -> str | None:
    """The PLOVER type of a reported clause: its verb, or the adjective it predicates."""
    found = index.get(("verb", lemma_of(clause)))
    if found:
        return found
    adjectives = [clause] if clause.pos_ == "ADJ" else [c for c in clause.children if c.dep_ in ("acomp", "oprd")]
    for a in adjectives:
        found = index.get(("adjective", a.lower_))
        if found:
            return found
    return None


def reported_speaker(tok: Token) -> Token | None:
    """The speech verb whose reported clause holds `tok` ("said [if the bill passed, the community would
    retaliate]"), climbing through infinitives and coordination; None when `tok` is not reported speech."""
    speech = _content()[0]
    cur = tok
    for _ in range(4):
        if cur.head.i == cur.i:
            return None
        if cur.dep_ == "ccomp" and lemma_of(cur.head) in speech:
            return cur.head
        if cur.dep_ not in ("xcomp", "conj", "ccomp"):
            return None
        cur = cur.head
    return None


def warned_targets(tok: Token, speaker: Token, by_token: dict[int, Party], ctx: SentenceContext, actors: list[str]) -> list[str]:
    """Whom a warning of coercive steps is aimed at: the parties named in what was said (its condition
    included), other than the speaker's side and the side said to act ("the community would retaliate")."""
    subject = subject_of(tok)
    acting = {code} if subject is not None and (code := resolve_party(subject, by_token, ctx)) else set()
    clause = next((c for c in speaker.children if c.dep_ == "ccomp"), tok)
    found: list[str] = []
    for t in [*clause.subtree, *(g for c in speaker.children if c.dep_ == "advcl" for g in c.subtree)]:
        party = by_token.get(t.i)
        if party is not None and party.code not in acting and party.code not in actors and party.code not in found:
            found.append(party.code)
    return found


def said_events(ctx: SentenceContext, by_token: dict[int, Party]) -> Iterator[tuple[str, str, str, Token]]:
    """(speaker, action, target, speech verb) for each coded statement about another party."""
    speech, naming, index = _content()
    for tok in ctx.doc:
        if tok.pos_ != "VERB":
            continue
        if lemma_of(tok) in naming and (complement := naming_complement(tok)) is not None and not is_negated(tok):
            action = _named(complement, index)
            named = next((c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")), None)
            target = resolve_party(named, by_token, ctx, coref=False) if named is not None else None
            if action and target:
                yield from ((s, action, target, tok) for s in actors_of(tok, by_token, ctx) if s != target)
            continue
        if lemma_of(tok) not in speech:
            continue
        for clause in tok.children:
            if clause.dep_ != "ccomp" or is_negated(clause):
                continue
            action = _said(clause, index)
            subject = next((g for g in clause.children if g.dep_ in ("nsubj", "nsubjpass")), None)
            if action is None or subject is None:
                continue
            target = resolve_party(subject, by_token, ctx, coref=False)
            if not target:
                continue
            for speaker in actors_of(tok, by_token, ctx):
                if speaker != target:
                    yield speaker, action, target, tok
