"""Role frames: which country mention is the borrower, lender, exporter, importer, imposer or target.

The knowledge lives in `data/role_frames.json`, one row per (measures, governing lemmas,
syntactic slot) -> role, each with an example sentence and its origin. This module only
reads a mention's slot off the dependency parse and looks the row up, first match wins:

- `subj`, `subjpass`, `obj`, `dative`: the mention (or the noun it qualifies: "Chinese
  firms") is that argument of a verb ("Japan lent Indonesia $2 billion");
- `poss`, `mod`: it owns or qualifies a measure noun ("China's loan", "U.S. investment");
- `prep:<word>`: it is the object of a preposition ("a loan from China to Uganda", "lent by
  China");
- `npadvmod`: it is the first half of a hyphenated participle ("China-financed").

Measures map their roles to SCHEMA.md's sides (`sides`): a borrower holds a loan, a lender
is its counterpart, however the sentence is built (convention C6).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from spacy.tokens import Token

from sphere.nlp.lexicon import load
from sphere.nlp.syntax import Party


@dataclass(frozen=True)
class Frame:
    """One row of `role_frames.json`."""

    index: int
    measures: tuple[str, ...]  # in the row's order; "imports" = exports from an import-side cue
    governors: frozenset[str]  # lemmas; empty = any governor
    slot: str
    role: str
    requires: str | None
    example: str
    party: str
    origin: str


@cache
def frames() -> tuple[Frame, ...]:
    data = load("role_frames")
    roles = data["measure_roles"]
    out = []
    for i, row in enumerate(data["frames"]):
        for m in row["measures"]:
            if row["role"] not in roles.get(m, ()):
                raise ValueError(f"role_frames.json row {i} ({row['example']!r}): role {row['role']!r} "
                                 f"is not a role of measure {m!r} (measure_roles: {roles.get(m)})")
        govs = frozenset(g for g in row["governors"] if g != "*")
        out.append(Frame(i, tuple(row["measures"]), govs, row["slot"], row["role"], row.get("requires"),
                         row["example"], row["party"], row["origin"]))
    return tuple(out)


@cache
def _reporting_verbs() -> frozenset[str]:
    return frozenset(load("role_frames")["reporting_verbs"]["lemmas"])


def side_of(role: str) -> str:
    """"borrower" -> "holder", "lender" -> "counterpart", "free" -> "free"."""
    return str(load("role_frames")["sides"][role])


def lemma(tok: Token) -> str:
    """The token's lemma in lower case (its lower-case text when the lemmatizer did not run)."""
    return (tok.lemma_ or tok.text).lower()


def slot_of(p: Party, cue_nouns: frozenset[str] | set[str]) -> tuple[str, Token]:
    """The mention's syntactic slot and the word it depends on.

    A mention qualifying a measure noun ("U.S. investment", "Chinese loans") is `mod` of that
    noun, whatever the noun's own role; a mention qualifying another noun ("Chinese firms")
    takes that noun's slot."""
    if p.role == "poss":
        return "poss", p.governor
    np_head = p.np_head
    if p.modifier and (lemma(np_head) in cue_nouns or np_head.lower_ in cue_nouns):
        return "mod", np_head
    t = _climb(np_head)
    if p.role.startswith("prep:"):
        return p.role, p.governor  # a passive's agent is "prep:by" too
    if p.role == "subj":  # also the subject given to a relative clause ("Japan, which is running ...")
        if t.dep_ == "nsubjpass" and lemma(p.governor) in _RAISING:
            inner = next((c for c in p.governor.children if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX")), None)
            if inner is not None:  # "Oman is said to be achieving sales": Qatar achieves them
                return "subj", inner
        return ("subjpass" if t.dep_ == "nsubjpass" else "subj"), p.governor
    if p.role == "obj":
        for c in p.governor.children:
            if c.dep_ == "xcomp" and c.pos_ == "VERB" and not any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children) \
                    and any(g.like_num for g in c.subtree):
                return "subj", c  # object control: "prompting Trump to announce tariffs" -> Trump announces
        return ("dative" if t.dep_ == "dative" else "obj"), p.governor
    if p.token.dep_ == "npadvmod" and p.token.head.pos_ == "VERB":
        return "npadvmod", p.token.head  # "China-financed", "Chinese-funded"
    if p.role == "mod":
        return "mod", p.governor
    return "other", p.governor


_RAISING = {"say", "expect", "estimate", "believe", "report", "think", "project", "forecast", "set", "due"}


def _climb(t: Token) -> Token:
    while t.dep_ in ("conj", "appos") and t.head.i != t.i:
        t = t.head
    return t


def frame_for(measure: str, p: Party, cands: list[Party], cue_nouns: frozenset[str] | set[str]) -> Frame | None:
    """The first row that gives `p` a role for `measure` ("imports" for an import-side cue)."""
    slot, gov = slot_of(p, cue_nouns)
    glemmas = {lemma(gov)}
    if slot == "subj":  # "Japan remains Chile's biggest customer, taking 20% of its exports": China takes
        glemmas |= {lemma(c) for c in gov.children if c.dep_ in ("xcomp", "advcl", "conj") and c.pos_ == "VERB"
                    and not any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)}
    speaker = slot == "subj" and lemma(gov) in _reporting_verbs()
    for f in frames():
        if f.slot != slot or not (measure in f.measures or "*" in f.measures):
            continue
        if f.governors and not f.governors & glemmas:
            continue
        if not f.governors and speaker:
            continue  # "the World Bank said it approved a loan": the speaker is no borrower by default
        if f.requires and not any(c is not p and slot_of(c, cue_nouns)[0] == f.requires for c in cands):
            continue
        return f
    return None
