"""Who acts and who is acted upon: actors and targets of a trigger, resolved to codes.

The subject (with its coordinated parts), the possessor of a noun trigger, the agent of a passive
or, for a gerund, the object of the verb it hangs from is the actor; objects and prepositional
objects are targets, else a mention inside them, else (for threats, sanctions and accusations) the
article's other main party. Pronouns take the reporting subject, the last official or the topic.
"""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Token

from sphere.nlp.context import SentenceContext
from sphere.nlp.event_triggers import lemma_of
from sphere.nlp.lexicon import load
from sphere.nlp.resolve import author_of, other_main_party, partner_of, resolve_slot
from sphere.nlp.syntax import PRONOUNS, Party, subject_of


@lru_cache(maxsize=1)
def _agents() -> frozenset[str]:
    """State agents from PETRARCH2's Phoenix.agents.txt (built into cameo_triggers.json)."""
    return frozenset(load("cameo_triggers")["agents"])


_PROMISING_AUX = {"will", "would", "shall", "'ll", "could", "might", "may"}
_TARGET_PREPS = {"with", "to", "on", "against", "from", "for", "toward", "towards", "into", "of", "in", "at"}


def resolve_party(tok: Token, by_token: dict[int, Party], ctx: SentenceContext, *, coref: bool = True) -> str | None:
    """A country/group code for the phrase headed by `tok`: the mention it is, one that qualifies it
    ("the Chinese government", "Canada's Department of Finance"), or, for actors, a pronoun's referent."""
    if tok.i in by_token:
        return by_token[tok.i].code
    if tok.lower_ in ("thousands", "hundreds", "dozens", "millions", "groups", "group", "crowds", "some", "many"):
        for c in tok.children:  # "thousands of Kenyans"
            if c.dep_ == "prep" and c.lower_ == "of":
                for g in c.children:
                    code = resolve_party(g, by_token, ctx, coref=False)
                    if code:
                        return code
    if tok.lower_ in _agents():
        for c in tok.children:  # "security forces in Guinea", "officials of the Chinese government"
            if c.dep_ == "prep" and c.lower_ in ("of", "in", "from"):
                for g in c.children:
                    code = resolve_party(g, by_token, ctx, coref=False) if g.dep_ == "pobj" else None
                    if code:
                        return code
    for dep in (("compound", "flat", "amod", "nmod", "nummod"), ("poss",), ("appos",)):
        for c in tok.children:
            if c.dep_ in dep:
                if c.i in by_token:
                    return by_token[c.i].code
                for g in c.children:  # "the US national security adviser": US -> adviser via compound chain
                    if g.dep_ in ("compound", "flat", "amod") and g.i in by_token:
                        return by_token[g.i].code
    low = tok.lower_
    definite = any(c.dep_ == "det" and c.lower_ in ("the", "these", "those", "such") for c in tok.children)
    if definite and low in _described("group_descriptions"):
        return _code(resolve_slot(ctx.state, "the_group"))  # "joined the community", "the bloc's summit"
    said = load("events")["said_descriptions"]["words"]
    if definite and low in said and (tok.dep_ == "dobj" or tok.dep_ == "pobj" and tok.head.lower_ in ("to", "against")):
        return author_of(ctx.state, said[low])  # "denounced the remarks": whoever last made such a statement
    if not coref:
        return None
    if definite and low in _described("official_descriptions"):
        return _code(resolve_slot(ctx.state, "person"))  # "the minister said": the last official named
    if low in ("he", "she", "his", "her") or any(c.lower_ in ("his", "her") and c.dep_ == "poss" for c in tok.children):
        return _person_referent(tok, by_token, ctx)
    if low in PRONOUNS or any(c.lower_ in ("its", "their") and c.dep_ == "poss" for c in tok.children):
        # "China's commerce ministry said it would ...": the reporting clause's subject comes first
        root = tok.sent.root
        for c in root.children:
            if c.dep_ in ("nsubj", "nsubjpass") and c.i < tok.i:
                code = resolve_party(c, by_token, ctx, coref=False)
                if code:
                    return code
        return _code(resolve_slot(ctx.state, "it"))
    if low in ("country", "government", "nation", "administration") and definite:
        return _code(resolve_slot(ctx.state, "the_country"))
    return None


@lru_cache(maxsize=4)
def _described(key: str) -> frozenset[str]:
    """Head nouns of a definite description resolved from memory (`events.json`, with origin and example)."""
    return frozenset(load("events")[key]["words"])


def _code(found: str | tuple[str, str] | None) -> str | None:
    return found if isinstance(found, str) else None


def _person_referent(tok: Token, by_token: dict[int, Party], ctx: SentenceContext) -> str | None:
    """"he", "his country": an official named earlier in the sentence, else the main clause's subject
    when it precedes ("A British minister said he had..."), else the last official named before."""
    for i in range(tok.i - 1, -1, -1):
        p = by_token.get(i)
        if p is not None and p.entity is not None and p.entity.kind == "official":
            return p.code
    root = tok.sent.root
    for c in root.children:
        if c.dep_ in ("nsubj", "nsubjpass") and c.i < tok.i and c.i != tok.i:
            code = resolve_party(c, by_token, ctx, coref=False)
            if code:
                return code
    return _code(resolve_slot(ctx.state, "person"))


def actors_of(tok: Token, by_token: dict[int, Party], ctx: SentenceContext) -> list[str]:
    """The acting parties: the subject (with its coordinated parts), the possessor of a noun trigger,
    the agent of a passive, or, for a gerund ("congratulated Bolivia on becoming a member"), the
    object of the verb it hangs from."""
    if tok.pos_ in ("VERB", "AUX") and tok.dep_ == "pcomp" and not any(c.dep_ == "nsubj" for c in tok.children):
        verb = tok.head.head
        for c in verb.children:
            if c.dep_ == "dobj":
                code = resolve_party(c, by_token, ctx, coref=False)
                return [code] if code else []
    agents = passive_agents(tok, by_token, ctx)
    if agents:
        return agents  # "a deal criticized by the World Bank": the agent acts
    if tok.pos_ == "VERB" and any(c.dep_ == "nsubjpass" for c in tok.children) and tok.lemma_.lower() in load("events")["patient_subject_lemmas"]:
        return []  # "Yugoslavia has been asked to participate": the subject is asked, someone unnamed asks
    subj = subject_of(tok) if tok.pos_ in ("VERB", "AUX") else None
    if subj is None and tok.dep_ == "acl" and tok.head.dep_ in ("dobj", "attr") and tok.head.head.pos_ in ("VERB", "AUX") and (
            tok.head.lemma_.lower() in load("events")["intention_nouns"]):
        subj = subject_of(tok.head.head)  # "Japan has no plans to start talks", "took the decision to impose"
    if subj is None and tok.pos_ == "NOUN":
        by = [code for c in tok.children if c.dep_ == "prep" and c.lower_ == "by"
              for g in c.children if g.dep_ == "pobj" for t in [g, *_conjuncts(g)] if (code := resolve_party(t, by_token, ctx, coref=False))]
        toward = any(g.i in by_token for c in tok.children if c.dep_ == "prep" and c.lower_ in ("to", "with", "against")
                     for g in c.subtree)
        if by and toward:  # "a visit to the United States by President Aquino": the nominal's agent acts
            return list(dict.fromkeys(by))  # ("quit after a visit by Rubio": the subject was visited, see targets_of)
    if subj is None and tok.pos_ != "VERB":
        for c in tok.children:
            if c.dep_ in ("poss", "compound", "amod") and c.i in by_token:
                subj = c  # "the U.S. imposition of tariffs", "Washington's threats"
        if subj is None:
            v = tok.head
            for _ in range(4):
                if v.pos_ in ("VERB", "AUX"):
                    break
                v = v.head
            # "Tokyo faces a deadline for the imposition of tariffs", "officials played the threat down":
            # the subject undergoes or answers the act, it does not do it
            undergoes = load("events")["undergoing_lemmas"]
            subj = subject_of(v) if v.pos_ in ("VERB", "AUX") and v.lemma_.lower() not in undergoes else None
    if subj is None:
        for c in tok.children:
            if c.dep_ == "agent":
                for g in c.children:
                    code = resolve_party(g, by_token, ctx)
                    return [code] if code else []
        # a meeting with no one named in the sentence is not given the article's topic as its actor: "Lao
        # villagers attending a meeting", "a December meeting of the cabinet" are domestic (2026 precision sample)
        return []
    pair = resolve_slot(ctx.state, "the_two")
    if subj.lower_ in load("events")["pair_words"] and isinstance(pair, tuple) and subj.i not in by_token and not any(
            c.dep_ == "amod" for c in subj.children):  # "the two", not "African countries"
        return list(pair)  # "the two signed agreements": the pair last seen together
    out = []
    for t in [subj, *_conjuncts(subj)]:
        code = resolve_party(t, by_token, ctx)
        if code and code not in out:
            out.append(code)
    return out


def _non_restrictive(clause: Token) -> bool:
    """", which they said break WTO rules": a relative clause set off by a comma adds a remark, it does not
    say which thing is meant (unlike "loans that China has issued")."""
    start = clause.left_edge.i
    return start > 0 and clause.doc[start - 1].text == ","


def _conjuncts(tok: Token) -> list[Token]:
    """Every coordinated part of a phrase: "Thailand, Laos, Sri Lanka and the Maldives" (a chain of conj)."""
    out = []
    for c in tok.children:
        if c.dep_ == "conj":
            out += [c, *_conjuncts(c)]
    return out


def passive_agents(tok: Token, by_token: dict[int, Party], ctx: SentenceContext) -> list[str]:
    """The parties in a passive verb's "by" phrase ("was criticized by the World Bank and others")."""
    if tok.pos_ != "VERB" or tok.tag_ != "VBN":
        return []
    out: list[str] = []
    for c in tok.children:
        if c.dep_ == "agent":
            for g in c.children:
                if g.dep_ == "pobj":
                    out += [code for t in [g, *_conjuncts(g)] if (code := resolve_party(t, by_token, ctx, coref=False))]
    return list(dict.fromkeys(out))


def passive_patients(tok: Token) -> list[Token]:
    """What a passive verb with an agent acts upon: its subject, or the noun it qualifies ("a deal criticized by")."""
    if not any(c.dep_ == "agent" for c in tok.children):
        return []
    subjects = [c for c in tok.children if c.dep_ == "nsubjpass"]
    return subjects or ([tok.head] if tok.dep_ == "acl" else [])


def targets_of(tok: Token, by_token: dict[int, Party], actor: str, ctx: SentenceContext, action: str, lex: dict) -> list[str]:
    """Targets: objects and prepositional objects of the trigger (each coordinated part), else a
    mention anywhere inside them ("tariffs on EVs made in China"), else, for threats and sanctions,
    the article's other main party."""
    found: list[str] = []
    told = tok.lemma_.lower() == "tell"  # "told Reagan", "told reporters": only a named addressee is met

    own: list[Token] = []  # objects that are the actor's own side ("sent a letter to the U.S. Treasury")

    def add(t: Token) -> None:
        code = resolve_party(t, by_token, ctx, coref=False)
        if code == actor:
            own.append(t)
        if code and code != actor and code not in found:
            found.append(code)
        for c in t.children:
            if c.dep_ == "conj":
                add(c)

    objects: list[Token] = list(passive_patients(tok))
    # "backed away from its threat against X": the parser hangs the phrasal verb's preposition on its adverb particle
    particles = [c for c in tok.children if c.dep_ == "advmod" and f"{tok.lower_} {c.lower_}" in lex["phrasal"]]
    for c in tok.children:
        if c.dep_ in ("dobj", "dative", "iobj", "attr"):
            objects.append(c)
            if c.dep_ == "dative" and c.pos_ == "ADP":  # "sent a letter to X": the parser's dative "to"
                objects += [o for o in c.children if o.dep_ == "pobj"]
        elif c.dep_ == "prep" and (c.lower_ in _TARGET_PREPS or c.lower_ == "by" and action == "CONSULT" and tok.pos_ == "NOUN"):
            # "quit the initiative after a visit by Rubio": a meeting is coded from either side
            accused = action == "ACCUSE" and c.lower_ == "of" and any(d.dep_ == "dobj" for d in tok.children)
            # "accused Japan of selling weapons to Taiwan": the one accused is the object, not those in the allegation
            objects += [o for o in c.children if o.dep_ == "pobj" or (o.dep_ == "pcomp" and c.lower_ != "for" and not accused)]
    # "backed away from pushing a BRICS currency": what is given up (a clause) names no one the concession is toward
    objects += [o for p in particles for g in p.children if g.dep_ == "prep" and g.lower_ in _TARGET_PREPS
                for o in g.children if o.dep_ == "pobj"]
    if not any(c.dep_ in ("dobj", "dative", "iobj") for c in tok.children):
        for c in tok.children:
            if c.dep_ == "xcomp":
                objects += [o for o in c.children if o.dep_ in ("dobj",)]
    topic = action == "CONSULT" and lemma_of(tok) in lex["topic_object_lemmas"]["words"]
    if topic:  # "is expected to discuss possible sanctions against Japan": the object is the topic; who meets is "with"
        objects = [o for o in objects if o.dep_ == "pobj" and o.head.lower_ == "with"]
    if told:  # "told the Australian Petroleum Exploration Association annual conference": an occasion, not an addressee
        objects = [o for o in objects if o.lower_ not in lex["venue_frames"]["nouns"]]
    for o in objects:
        add(o)
        for g in o.children:
            if g.dep_ == "prep" and g.lower_ in _TARGET_PREPS:
                for o2 in g.children:
                    if o2.dep_ == "pobj":
                        add(o2)
    if told or topic:
        return found
    if action == "CONSULT" and not found and any(o.dep_ == "pobj" and o.head.lower_ == "with" for o in objects):
        return found  # "US peace talks with Taliban": the one met is named, though it has no code; guess no other
    if not found and not own:  # an object of the actor's own side is whom it acted toward: look no deeper
        for o in objects:
            # a complaint's relative clause ("concern over tariffs, which they said break WTO rules") speaks of others
            clauses = {t.i for r in o.subtree if r.dep_ == "relcl" and _non_restrictive(r) for t in r.subtree} if (
                action == "ACCUSE") else set()
            for t in o.subtree:
                if t.i in by_token and by_token[t.i].code != actor and t.i not in clauses:
                    code = by_token[t.i].code
                    if code not in found:
                        found.append(code)
                    break
    if not found and tok.pos_ == "NOUN":
        verb = tok.head
        for c in verb.children:
            if c.i != tok.i and c.dep_ in ("dative", "dobj", "iobj"):
                add(c)
    if not found and action in ("AGREE", "REQUEST", "REJECT", "SUPPORT", "THREATEN"):
        for c in tok.children:  # "agreed to provide aid for Romania", "willing to help defend Saudi Arabia",
            # "warned that it would impose tariffs on Mexico" (a promised or threatened clause)
            if c.dep_ == "xcomp" or c.dep_ == "ccomp" and action == "THREATEN" and _own_promise(c, actor, by_token, ctx):
                for t in c.subtree:
                    if t.i in by_token and by_token[t.i].code != actor and by_token[t.i].code not in found:
                        found.append(by_token[t.i].code)
                        break
    if not found and action == "REQUEST":
        for c in tok.children:  # "demanded that the US cancel plans": the one asked is the clause's subject
            if c.dep_ == "ccomp":
                for g in c.children:
                    if g.dep_ in ("nsubj", "nsubjpass"):
                        add(g)
    if action == "ACCUSE" and found:
        # "complained to the United Nations over Israeli raids": the one complained about, not the audience
        about = [by_token[t.i].code for c in tok.children if c.dep_ == "prep" and c.lower_ in ("over", "about", "against")
                 for t in c.subtree if t.i in by_token and by_token[t.i].code != actor]
        if about:
            found = list(dict.fromkeys(about))
    found = [c for c in found if not _at_location(tok, c, by_token)]  # "requested talks with X at the WTO"
    others = {p.code for p in by_token.values()} - {actor}
    if not found and action in lex["no_target_fallback"] and not others and not own and not tok.lower_.startswith("warn"):
        other = other_main_party(ctx.state, actor)  # only a party the article keeps returning to
        if other:
            found.append(other)
    near = {p.code for p in by_token.values() if p.code != actor and not is_group(p.code) and p.role not in ("prep:at", "prep:in")}
    if not found and not own and len(near) == 1 and len(others) == 1 and action in lex["sentence_party_fallback"] and (
            tok.lemma_.lower() not in ("tell", "say", "invite")):  # "told Reuters": no one met
        found.append(next(iter(near)))  # "After Sri Lanka ran into trouble, China forgave debt": the one other country
    met = partner_of(ctx.state, actor)
    if not found and action == "CONSULT" and met:
        found.append(met)  # "said during a meeting": the partner met before
    if not found and action == "CONSULT" and tok.pos_ == "NOUN":
        for c in tok.head.children if tok.head.pos_ in ("VERB", "AUX") else []:
            for g in c.subtree:
                if g.i in by_token and by_token[g.i].code != actor:
                    found.append(by_token[g.i].code)
                    break
    return found


def _own_promise(clause: Token, actor: str, by_token: dict[int, Party], ctx: SentenceContext) -> bool:
    """"warned that it would impose tariffs": a clause in which the actor itself will or would act."""
    if not any(a.dep_ == "aux" and a.lower_ in _PROMISING_AUX for a in clause.children):
        return False
    subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subject is not None and resolve_party(subject, by_token, ctx) == actor


def _at_location(tok: Token, code: str, by_token: dict[int, Party]) -> bool:
    """"a meeting at the United Nations", "on the sidelines of the G20 summit": a group there is where, not whom."""
    for p in by_token.values():
        if p.code != code or (len(code) == 3 and code.isupper() and code != "BRI"):
            continue
        if p.role == "prep:at" or p.np_head.lower_ in ("summit", "summits", "sidelines", "forum", "meeting", "conference"):
            return True
        if p.governor.lower_ in ("summit", "sidelines", "forum", "conference"):
            return True
    return False


def is_group(code: str | None) -> bool:
    return code is not None and code != "" and not (len(code) == 3 and code.isupper() and code != "BRI")
