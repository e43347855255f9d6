"""Syntactic roles of entity mentions in a parsed sentence, shared by claims and events.

A mention's role is read off spaCy's dependency parse after climbing out of its noun
phrase: in "Chinese firms have invested", "Chinese" modifies the subject "firms", so the
mention acts as the subject of "invested"; in "U.S. foreign direct investment in
Bolivia", "U.S." modifies "investment" and "Bolivia" is the object of "in".
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from sphere.models import Entity
from sphere.nlp.lexicon import load

SUBJ = {"nsubj", "nsubjpass", "csubj", "expl"}
OBJ = {"dobj", "dative", "oprd", "attr"}
NP_INNER = {"compound", "amod", "flat", "nmod", "nummod", "npadvmod", "det", "case"}
PRONOUNS = {"it", "its", "he", "his", "she", "her", "they", "their", "them", "him"}


@dataclass(frozen=True)
class Party:
    code: str
    entity: Entity | None
    token: Token  # root token of the mention
    np_head: Token  # head noun of the noun phrase the mention sits in
    role: str  # subj / obj / poss / mod / prep:<word> / other
    governor: Token  # verb (subj, obj), noun (poss, mod) or the word the preposition attaches to
    modifier: bool  # the mention modifies a noun (demonym, "U.S. investment") rather than being it


def span_for(doc: Doc, start: int, end: int) -> Span | None:
    return doc.char_span(start, end, alignment_mode="expand")


def party_for(doc: Doc, ent: Entity, offset: int) -> Party | None:
    span = span_for(doc, ent.start - offset, ent.end - offset)
    if span is None or len(span) == 0:
        return None
    tok = span.root
    return party_from_token(tok, ent.code, ent)


def party_from_token(tok: Token, code: str, ent: Entity | None) -> Party:
    t = tok
    modifier = False
    if t.dep_ == "poss":
        return Party(code, ent, tok, t.head, "poss", t.head, False)
    while t.dep_ in NP_INNER and t.head.i != t.i and t.head.pos_ in ("NOUN", "PROPN", "ADJ", "NUM", "X"):
        if t.dep_ == "poss":
            break
        t = t.head
        modifier = True
    head_np = t
    while t.dep_ in ("conj", "appos") and t.head.i != t.i:
        t = t.head
    if t.dep_ == "poss":
        return Party(code, ent, tok, head_np, "poss", t.head, modifier)
    if t.dep_ in SUBJ:
        role, gov = "subj", t.head
    elif t.dep_ in OBJ:
        role, gov = "obj", t.head
    elif t.dep_ == "pobj":
        prep = t.head
        role, gov = "prep:" + prep.lower_, prep.head
        if prep.dep_ == "agent":
            role = "prep:by"
    else:
        role, gov = "other", t.head
    if modifier and tok.dep_ != "poss":
        # "Chinese firms", "U.S. investment": the mention qualifies the noun; keep the noun's role
        return Party(code, ent, tok, head_np, role if role != "other" else "mod", gov if role != "other" else head_np, True)
    return Party(code, ent, tok, head_np, role, gov, False)


def ancestors(tok: Token) -> list[Token]:
    out = [tok]
    while out[-1].head.i != out[-1].i:
        out.append(out[-1].head)
    return out


def dep_distance(a: Token, b: Token) -> int:
    """Number of edges between two tokens in the dependency tree."""
    pa = ancestors(a)
    pb = ancestors(b)
    ib = {t.i: k for k, t in enumerate(pb)}
    for k, t in enumerate(pa):
        if t.i in ib:
            return k + ib[t.i]
    return len(pa) + len(pb)


def is_negated(tok: Token) -> bool:
    return any(c.dep_ == "neg" for c in tok.children) or any(
        c.dep_ == "neg" for c in tok.head.children if tok.dep_ in ("xcomp", "aux", "acomp") and tok.head.i != tok.i
    )


@lru_cache(maxsize=1)
def _object_control() -> frozenset[str]:
    """Verbs whose object, not subject, does what the infinitive says (`events.json`, a general list)."""
    return frozenset(load("events")["object_control_lemmas"]["words"])


def subject_of(verb: Token) -> Token | None:
    """The subject of a verb, climbing through xcomp, conj, clausal and prepositional links
    ("X agreed to reinforce" -> X; "X backed down from a decision to turn away Y" -> X)."""
    v = verb
    for _ in range(7):
        for c in v.children:
            if c.dep_ in ("nsubj", "nsubjpass"):
                return c
        if v.dep_ == "relcl":
            return v.head
        if v.dep_ == "acl" and v.head.pos_ in ("NOUN", "PROPN"):
            for c in v.head.children:  # "Honduras's decision to sever ties": Honduras severs
                if c.dep_ == "poss":
                    return c
        if v.head.i == v.i or v.dep_ in SUBJ or v.dep_ in ("dobj",) and v.pos_ in ("NOUN", "PROPN"):
            return None
        if v.dep_ not in ("xcomp", "conj", "advcl", "ccomp", "pcomp", "acl", "prep", "pobj", "dobj", "amod"):
            return None
        if v.dep_ == "xcomp" and v.head.lemma_.lower() in _object_control():
            for c in v.head.children:
                if c.dep_ == "dobj":
                    return c  # object control: "urged Canada to join" -> Canada joins; not "used the occasion to"
        v = v.head
    return None
