"""Event triggers from the field's own dictionary: CAMEO verbs matched on their lemma.

`data/cameo_triggers.json` (built by scripts/build_cameo_triggers.py from PETRARCH2's CAMEO.2.0
verb dictionary and PLOVER's CAMEO-to-PLOVER table, reviewed against SCHEMA.md) gives each verb
lemma a PLOVER type and object patterns ("sign * {TRADE &TREATY}"). A verb reviewed as an event
by itself ("condemn", "invade") codes one whatever its object; a general verb ("put", "cut",
"face") codes one only when one of its patterns matches the words it governs. The most
specific pattern wins; a pattern coded as a mere statement (CAMEO 01) says "no event".
Lemmas come from spaCy's lemmatizer, else from the dictionary's inflected forms.
"""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Token

from sphere.nlp.lexicon import load

NO_EVENT = ""  # a pattern matched that codes no event (a statement, CAMEO 01)
_WINDOW = 10
_FUNCTION_WORDS = {"to", "with", "in", "on", "at", "by", "for", "from", "against", "of", "into", "over", "out", "up", "off", "down", "back", "about", "toward", "towards"}


@lru_cache(maxsize=1)
def _lexicon() -> tuple[dict[str, dict], dict[str, str]]:
    data = load("cameo_triggers")
    return data["lemmas"], data["forms"]


def lemma_of(tok: Token) -> str:
    """The token's lemma: spaCy's when the lemmatizer ran, else the dictionary's form table."""
    lemma = tok.lemma_.lower()
    if lemma and lemma != tok.lower_:
        return lemma
    # no lemmatizer, or it left an inflected verb as it is ("forgave"): the dictionary's own forms
    return _lexicon()[1].get(tok.lower_, lemma or tok.lower_)


def cameo_forms() -> set[str]:
    """Every inflected form of a dictionary verb (the pre-filter sees raw words, not lemmas)."""
    lemmas, forms = _lexicon()
    out = {f.split()[0] for f in forms}
    out.update(lemma.split()[0] for lemma in lemmas)
    return out


def _governed(tok: Token) -> set[str]:
    """Words (and their lemmas) the verb governs to its right, within a short window."""
    words: set[str] = set()
    for t in tok.subtree:
        if t.i > tok.i and t.i - tok.i <= _WINDOW:
            words.add(t.lower_)
            if t.lemma_:
                words.add(t.lemma_.lower())
    return words


def cameo_action(tok: Token, *, patterns_only: bool = False) -> str | None:
    """The PLOVER type the dictionary gives this verb in its clause; NO_EVENT when a pattern
    says it is a statement; None when the dictionary has nothing to say. `patterns_only`: only what
    an object pattern says (for verbs a hand rule has already judged by themselves)."""
    if tok.pos_ not in ("VERB",):
        return None
    lemmas, _ = _lexicon()
    lemma = lemma_of(tok)
    row = None
    for c in tok.children:
        if c.dep_ == "prt":
            row = lemmas.get(f"{lemma} {c.lower_}")  # "back down", "call off"
            break
    row = row or lemmas.get(lemma)
    if row is None:
        return None
    patterns = row.get("patterns")
    if patterns:
        words = _governed(tok)
        for p in patterns:  # most specific first (built sorted by length)
            if not row["bare"] and all(alts[0] in _FUNCTION_WORDS for alts in p["words"]):
                continue  # "export * (TO)": a preposition alone does not make a general verb an event
            if all(any(all(w in words for w in alt.split()) for alt in alts) for alts in p["words"]):
                return p["plover"] or NO_EVENT
    return row["plover"] if row["bare"] and not patterns_only else None


def general_rows() -> list[tuple[str, str, str]]:
    """(lemma, PLOVER type, example) of the rows written by hand, for the test that each fires."""
    lemmas, _ = _lexicon()
    rows = [(k, r.get("expect") or r["plover"] or r["patterns"][0]["plover"], r["example"])
            for k, r in lemmas.items() if r["origin"] == "general"]
    rows += [(k, p["plover"], p["example"]) for k, r in lemmas.items() if r["origin"] != "general"
             for p in r.get("patterns", []) if p.get("origin") == "general"]
    return rows
