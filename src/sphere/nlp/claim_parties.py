"""Who holds a claim and who is its counterpart, from the syntactic roles of the mentions.

A per-measure table of roles decides: who owes and who lends, who buys and who sells, who
imposes and who is hit. Only mentions in the figure's own frame (attached to the figure, its
cue word, or the verbs above them) fill a slot by role; the others are leftovers used when a
slot stays empty, and the article's running topic stands in for "the country" and "it".
"""

from __future__ import annotations

import re
from datetime import date
from functools import cache

from spacy.tokens import Token

from sphere.knowledge import load_knowledge
from sphere.nlp.context import SentenceContext
from sphere.nlp.figures import Figure
from sphere.nlp.measures import cue_lemmas, is_import
from sphere.nlp.resolve import the_country
from sphere.nlp.role_frames import frame_for, lemma, side_of
from sphere.nlp.syntax import Party, ancestors, dep_distance


def coordinated_parties(code: str | None, parties: list[Party], holder: str | None) -> list[str]:
    """Parties coordinated with the counterpart by "and" ("from Mexico and Canada")."""
    if code is None:
        return []
    anchors = [p.token for p in parties if p.code == code]
    out: list[str] = []
    for p in parties:
        if p.code in (code, holder) or p.code in out:
            continue
        for a in anchors:
            if p.token.dep_ == "conj" and p.token.head.i == a.i:
                out.append(p.code)
                break
    return out


def continued_measure(fig: Figure, ctx: SentenceContext) -> tuple[str | None, None]:
    """"Chile was at 10%, Peru 15%": a list continuing the previous sentence's percentages."""
    last = ctx.state.last_percent_measure
    if fig.kind != "percent" or last is None or ctx.start - last[1] > 400:
        return None, None
    if party_before(fig, ctx) is None:
        return None, None
    return last[0], None


def party_before(fig: Figure, ctx: SentenceContext) -> str | None:
    best = None
    for e in ctx.entities:
        rel_end = e.end - ctx.start
        if 0 <= fig.start - rel_end <= 12 and e.code:
            best = e.code
    return best


def relative_to_party(text: str, fig: Figure, parties: list[Party], offset: int) -> str | None:
    """"$70 billion more from Brazil than the U.S. does": the party after "than"."""
    after = text[fig.end:fig.end + 120]
    m = re.match(r"\s+(?:more|less|fewer|higher|lower|greater)\b(.*?)\bthan\b", after)
    if not m:
        return None
    pos = fig.end + m.end()
    for p in parties:
        if p.entity is not None and 0 <= (p.entity.start - offset) - pos <= 12:
            return p.code
    return None


def holder_and_counterpart(measure, ftok, cue, parties, rel, lex, ctx, prev_holder) -> tuple[str | None, str | None]:
    """Holder and counterpart from the parties' roles, per measure; fallbacks from context.

    Only mentions inside the figure's own frame (attached to the figure, its cue word or
    the verbs above them) fill a slot by role; the others are leftovers, used when a slot
    stays empty, nearest first. A pronoun subject of the figure's clause ("goods it does
    sell") refers back to the previous claim's holder or the article's topic.
    """
    imports = is_import(cue, lex)
    cue_nouns = cue_lemmas(measure)
    frame = {t.i for t in ancestors(ftok)} | ({t.i for t in ancestors(cue)} if cue is not None else set())
    if cue is not None and cue.pos_ in ("NOUN", "PROPN"):
        frame |= {t.i for t in cue.subtree if t.i not in frame and t.dep_ in ("prep", "pobj", "compound", "amod", "poss")}
    # "Britain's current account showed a surplus of ... compared with ...": the subject noun of the
    # figure's nearest clause that has one
    subjects = ([c for c in t.children if c.dep_ in ("nsubj", "nsubjpass")] for t in ancestors(ftok) if t.pos_ in ("VERB", "AUX"))
    frame |= {c.i for c in next((s for s in subjects if s), []) if lemma(c) in lex["value_nouns"]}
    cands = [_relative_clause_subject(p, frame) for p in parties if p.code != rel]
    cands += _unnamed_parties(ftok.doc, frame, parties, lex, the_country(ctx.state), cue, ctx.state.published)
    anchor = cue if cue is not None else ftok

    def in_frame(p: Party) -> bool:
        return p.governor.i in frame or p.np_head.i in frame or p.token.i in frame

    def near(p: Party) -> int:
        return dep_distance(p.token, anchor)

    holder_c: list[tuple[int, str]] = []
    counter_c: list[tuple[int, str]] = []
    free: list[Party] = []
    blocked: set[str] = set()
    nearest_uncoded = 10**6  # how near the figure a holder without a code ("CBC would invest") stands
    for p in cands:
        if not in_frame(p):
            continue
        slot = _slot(measure, p, imports, cands, cue_nouns)
        if p.code == UNCODED:
            blocked.add(slot or "")
            if slot == "holder":
                nearest_uncoded = min(nearest_uncoded, near(p))
        elif slot == "holder":
            holder_c.append((near(p), p.code))
        elif slot == "counterpart":
            counter_c.append((near(p), p.code))
        elif slot == "free":
            free.append(p)
    cands = [p for p in cands if p.code != UNCODED]
    framed = [p for p in cands if in_frame(p)]
    joint = [c for _, c in counter_c if coordinated_parties(c, framed, None)]
    if measure == "exports" and any(coordinated_parties(h, framed, None) for _, h in holder_c):
        return None, None  # "imports [from Hong Kong and Macao] rose to ...": one figure for two partners (C7)
    if joint and measure in ("exports", "trade"):
        return None, None  # "exports to Hong Kong and Macao": one figure for partners that share no code (C7)
    if joint and measure in ("debt", "loan", "aid", "investment", "fdi"):
        blocked.add("counterpart")
        counter_c = []
    if "counterpart" in blocked and measure in ("exports", "trade", "trade_balance") and not counter_c:
        return None, None  # a partner with no code: a null counterpart would read as the country's total (C7)
    countered = {c for _, c in counter_c}
    if any(h not in countered for _, h in holder_c):  # a party named as lender is not also the borrower
        holder_c = [h for h in holder_c if h[1] not in countered]
    if holder_c and min(holder_c)[0] > nearest_uncoded:
        return None, None  # "the president said CBC would invest $1 billion": the investor is the company
    holder = min(holder_c)[1] if holder_c else None
    if holder is None and "holder" in blocked:
        return None, None  # "loans to African countries": the holder has no code (SCHEMA.md C7)
    pron = _clause_pronoun(ftok, cue)
    if pron is not None and pron.dep_ == "nsubj" and _slot(measure, Party(UNCODED, None, pron, pron, "subj", pron.head, False),
                                                           imports, cands, cue_nouns) == "counterpart":
        # "The World Bank said it approved a loan for China": "it" lends, so it names the counterpart
        ref = _reporting_subject(pron, parties)
        if ref is not None and not counter_c:
            counter_c.append((dep_distance(pron, anchor), ref))
        pron = None
    if pron is not None and (not holder_c or min(holder_c)[0] > dep_distance(pron, anchor)):
        # "it" is the previous claim's holder, or the topic when the article keeps to one country
        holder = (_reporting_subject(pron, parties) or _earlier_subject(pron, parties, {c for _, c in counter_c})
                  or prev_holder
                  or (the_country(ctx.state) if _topic_may_hold(ftok, cue, ctx, parties, pron.dep_ == "poss")
                      else None))
        if holder is None:
            return None, None  # "its investment" of a company: the pronoun's owner has no code
    counterpart = min((c for c in counter_c if c[1] != holder), default=(0, None))[1]
    for p in sorted(free, key=near):
        if holder is None and p.code != counterpart:
            holder = p.code
        elif counterpart is None and p.code != holder:
            counterpart = p.code
    used = {holder, counterpart, rel}
    leftovers = sorted((p for p in cands if p.code not in used), key=lambda p: (not in_frame(p), near(p)))
    if holder is None and measure in ("tariff", "sanction_value"):
        holder = _speaker(ftok, parties, counterpart)  # "an adviser to the U.S. president said goods should face a 60% tariff"
    if holder is None:
        makers = [p for p in leftovers if p.entity is not None and p.entity.kind == "demonym"]
        if measure in ("tariff", "sanction_value") and makers and not counterpart:
            # "tariffs on 300 mln dlrs of Japanese goods": the goods' maker is hit, any other party imposes
            counterpart = makers[0].code
            leftovers = [p for p in leftovers if p.code != counterpart]
            if leftovers:
                holder = leftovers.pop(0).code
        elif (measure == "exports" and imports and leftovers) or (
                measure in ("investment", "fdi", "aid", "tariff", "sanction_value") and leftovers and not counterpart):
            holder = leftovers.pop(0).code
        elif measure not in ("investment", "fdi", "aid", "tariff", "sanction_value") and not (
                measure == "exports" and imports and counterpart is not None) and _topic_may_hold(ftok, cue, ctx, parties):
            # ("Korea plans to import 387,000 tonnes": the importer is named, no seller is: a total, not the topic's sale)
            holder = the_country(ctx.state)
            if holder == counterpart:
                holder = ctx.state.main if ctx.state.main != counterpart else None
    if counterpart is None and "counterpart" not in blocked and measure in (
            "investment", "fdi", "aid", "tariff", "sanction_value", "exports", "loan", "debt", "trade", "trade_balance"):
        rest = [p for p in leftovers if p.code not in (holder, rel) and not _across_clauses(p.token, anchor)
                and (in_frame(p) or measure not in ("debt", "loan"))]  # not "a trip to the U.S." nor "a program with the IMF"
        if measure == "trade_balance":  # the partner of the trade flows named alongside ("imports from the U.S.")
            rest = [p for p in rest if lemma(p.governor) in cue_lemmas("exports") | cue_lemmas("trade")]
        if rest and (measure != "exports" or imports):
            counterpart = rest[0].code
    if counterpart is None and "counterpart" not in blocked and holder is not None and measure in (
            "investment", "fdi", "aid", "loan") and topic_named(ftok.doc, lex) and ctx.state.topic not in (None, holder):
        counterpart = ctx.state.topic  # "a $3.3 billion investment backed by China is the country's largest project"
    if counterpart is None and "counterpart" not in blocked and holder is not None and measure in ("loan", "aid") \
            and _agentless_passive(ftok, cue):
        counterpart = ctx.state.other_party(holder)  # "$6 billion has been given to Islamabad as loans": by the article's other side
    if measure in ("trade", "trade_balance") and counterpart is None and holder is not None and re.search(
            r"\b(?:two-way|bilateral|between the two countries)\b", ftok.doc.text, re.IGNORECASE):
        counterpart = ctx.state.other_party(holder)  # "two-way trade": between the article's two countries
    if measure == "exports" and holder and counterpart and counterpart in coordinated_parties(holder, parties, None):
        return None, None  # "Hong Kong and Macao" taken as the two sides of one figure: they are one joint partner (C7)
    if measure == "trade" and holder and counterpart:  # either partner holds trade: the first named does
        first = {p.code: p.token.i for p in sorted(parties, key=lambda p: -p.token.i)}
        if first.get(counterpart, 10**6) < first.get(holder, 10**6):
            holder, counterpart = counterpart, holder
    if measure == "exports" and counterpart is None and holder is not None:
        # "Taiwan's maize importers have awarded contracts to two U.S. companies to supply 60,000 tonnes":
        # a buyer by role outside the figure's own frame is still the importer
        counterpart = next((p.code for p in leftovers if p.code != holder
                            and _slot(measure, p, imports, cands, cue_nouns) == "counterpart"), None)
    if measure == "exports" and imports and counterpart is None:
        counterpart = the_country(ctx.state)
        if counterpart == holder:
            counterpart = None
    return holder, counterpart


_WHEN = {"january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
         "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"}
UNCODED = "-"  # the code of a party the text names without a code ("African countries", "commercial banks")


_CLAUSE_BREAKS = {"while", "whereas", "but", "although", "though", ";"}


def _across_clauses(a: Token, b: Token) -> bool:
    """A clause break ("while", "but", ";") lies between the two: the mention belongs to another statement."""
    lo, hi = sorted((a.i, b.i))
    return any(t.lower_ in _CLAUSE_BREAKS for t in a.doc[lo + 1:hi])


def topic_named(doc, lex: dict) -> bool:
    """The sentence names the topic country by a common noun: "the country", "the nation"."""
    return any(lemma(t) in lex["uncoded_parties"]["the_country"] and t.tag_ == "NN"
               and any(c.lower_ in ("the", "this") for c in t.children) for t in doc)


def _unnamed_parties(doc, frame: set[int], parties: list[Party], lex: dict, topic: str | None,
                     cue: Token | None, published: date | None = None) -> list[Party]:
    """Parties named by a common noun in a prepositional slot of the figure's frame: "the country"
    is the article's topic; "African countries", "commercial banks" are parties without a code, and
    so is a name sphere does not know after to/from/with ("trade with Africa", "a loan to Acme")."""
    known = {t.i for p in parties for t in (p.token, p.np_head)}
    nouns = lex["uncoded_parties"]
    out = []
    for t in doc:
        if t.dep_ != "pobj" or t.head.dep_ not in ("prep", "agent", "dative") or t.head.head.i not in frame or t.i in known:
            continue
        if t.pos_ == "PROPN" and t.head.lower_ in ("with", "to", "from", "into", "between") and \
                t.lower_ not in _WHEN and not any(c.dep_ == "compound" and c.i in known for c in t.children):
            # "a loan given to Islamabad": a capital in a party's slot is its government; "trade with Africa" has no code
            code = capital_code(doc[t.left_edge.i:t.i + 1].text, published) or capital_code(t.text, published) or UNCODED
            out.append(Party(code, None, t, t, "prep:" + t.head.lower_, t.head.head, False))
            continue
        if t.pos_ != "NOUN" or lemma(t) not in nouns["actor_nouns"]:
            continue
        role = "prep:" + t.head.lower_
        if lemma(t) in nouns["the_country"] and any(c.lower_ in ("the", "this") for c in t.children) and t.tag_ == "NN":
            if topic:
                out.append(Party(topic, None, t, t, role, t.head.head, False))
        elif not any(c.dep_ == "poss" for c in t.children):  # "its partners" are someone's
            out.append(Party(UNCODED, None, t, t, role, t.head.head, False))
    for t in doc:  # "CBC would invest $1 billion": a subject sphere cannot code (a company) acts
        if t.dep_ == "nsubj" and t.pos_ == "PROPN" and t.head.i in frame and t.i not in known and not any(
                t.i in {x.i for x in p.token.subtree} or p.token.i in {x.i for x in t.subtree} for p in parties) \
                and t.lower_ not in _WHEN and t.head.lower_ not in _SPEECH:
            out.append(Party(UNCODED, None, t, t, "subj", t.head, False))
    for t in doc:  # "Encor's 225 mln dlr liability": a possessor sphere cannot code (a company) owns the figure
        if t.dep_ != "poss" or cue is None or t.head.i != cue.i or t.i in known or any(
                p.token.i == t.i or t.i in {x.i for x in p.token.subtree} for p in parties):
            continue
        if t.pos_ == "PROPN" or (t.pos_ == "NOUN" and lemma(t) in nouns["actor_nouns"]
                                 and lemma(t) not in _TOPIC_NOUNS | set(nouns["the_country"])):
            out.append(Party(UNCODED, None, t, t.head, "poss", t.head, False))  # "the region's debt", "member countries' exports"
    return out


_GIVING = {"give", "provide", "extend", "lend", "loan", "grant", "disburse", "offer", "allocate", "pledge"}


def _agentless_passive(ftok: Token, cue: Token | None) -> bool:
    """The figure's verb is a passive of giving that names no giver ("has been given to Islamabad as loans")."""
    for start in [t for t in (ftok, cue) if t is not None]:
        for t in ancestors(start)[:4]:
            if t.pos_ == "VERB":
                deps = {c.dep_ for c in t.children}
                return lemma(t) in _GIVING and ("nsubjpass" in deps or "auxpass" in deps) and "agent" not in deps
    return False


def capital_code(name: str, published: date | None) -> str | None:
    """The country whose capital `name` is, in the code of the time ("Moscow" in 1987 is SUN)."""
    key = _capitals().get(name)
    return load_knowledge().code_of_the_time(key, published) if key else None


@cache
def _capitals() -> dict[str, str]:
    kb = load_knowledge()
    out: dict[str, str] = {}
    for surface, kind, key in kb.surface_forms():  # today's state first: Moscow is RUS, made SUN by the date
        if kind == "capital" and (surface not in out or getattr(kb.countries.get(out[surface]), "until", None) is not None):
            out[surface] = key
    return out


def _topic_may_hold(ftok: Token, cue: Token | None, ctx: SentenceContext, parties: list[Party],
                    named: bool = False) -> bool:
    """Whether a figure with no party of its own can belong to the article's topic country.

    Not when its clause has a subject that is a name sphere does not know (a company: "Southern Co
    said it will take a charge of 226 mln dlrs"), nor when the topic is only mentioned once in an
    article that is about something else (unless a pronoun names it: `named`)."""
    topic = the_country(ctx.state)
    if topic is None or ctx.state.ranking.count(topic) == 0:
        return False
    linked = {p.token.i for p in parties}
    for start in [t for t in (cue, ftok) if t is not None]:
        for t in ancestors(start)[:7]:
            if t.pos_ in ("VERB", "AUX"):
                subj = [c for c in t.children if c.dep_ in ("nsubj", "nsubjpass")]
                if any(c.pos_ == "PROPN" and c.i not in linked and not any(g.i in linked for g in c.subtree) for c in subj):
                    return False
                if not any(c.lower_ in ("it", "its") for c in subj):
                    break  # "Alibaba announced that it would double its investment": "it" is the company above
    return named or ctx.state.mentions.get(topic, 0) >= 2


_TOPIC_NOUNS = {"government", "economy", "state"}  # "the government's debt" is the topic country's
_SPEECH = {"said", "says", "say", "announced", "told", "stated", "declared", "added", "warned", "confirmed"}


def _speaker(ftok: Token, parties: list[Party], other: str | None) -> str | None:
    """The country of whoever says the figure's clause (SCHEMA.md C14: a warning of tariffs is the
    speaker's side's): a party inside the subject of the reporting verb above the figure."""
    for verb in ancestors(ftok)[1:8]:
        if verb.pos_ == "VERB" and verb.lower_ in _SPEECH:
            subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
            if subj is None:
                return None
            inside = {t.i for t in subj.subtree}
            found = [p for p in parties if p.token.i in inside and p.code != other]
            return found[0].code if found else None
    return None


def _reporting_subject(pron: Token, parties: list[Party]) -> str | None:
    """"The U.S. has said it will impose tariffs": "it" is the one who said so."""
    verb = pron.head
    if verb.dep_ == "ccomp" and verb.head.lower_ in _SPEECH:
        for c in verb.head.children:
            if c.dep_ in ("nsubj", "nsubjpass"):
                for p in parties:
                    if p.token.i == c.i or p.np_head.i == c.i:
                        return p.code
    return None


def _earlier_subject(pron: Token, parties: list[Party], taken: set[str]) -> str | None:
    """"its"/"their" after a country that is a subject earlier in the sentence ("the Ivory Coast informed its
    creditors it had to suspend payments on its foreign debt") refers to that country."""
    if pron.dep_ != "poss":
        return None
    subj = [p for p in parties if p.role == "subj" and p.token.i < pron.i and p.code not in taken]
    return max(subj, key=lambda p: p.token.i).code if subj else None


def _relative_clause_subject(p: Party, frame: set[int]) -> Party:
    """"the U.S. measures, which will impose tariffs": a noun a relative clause hangs from is its subject."""
    if p.entity is not None and p.entity.kind == "demonym":
        return p  # "unfair Chinese trade practices, which ...": a demonym qualifies, it does not act
    for t in p.np_head.children:
        if t.dep_ == "relcl" and t.i in frame:
            return Party(p.code, p.entity, p.token, p.np_head, "subj", t, p.modifier)
    return p


def _clause_pronoun(ftok: Token, cue: Token | None) -> Token | None:
    """A pronoun subject of the clause the figure (or its cue verb) sits in, or the possessive
    pronoun of the cue noun ("its export capability", "their debt")."""
    if cue is not None:
        noun = cue.head if cue.dep_ == "compound" else cue
        for c in noun.children:
            if c.dep_ == "poss" and c.lower_ in ("its", "their"):
                return c
    starts = ([cue] if cue is not None else []) + [ftok]
    for start in starts:
        for t in ancestors(start)[:4]:
            if t.pos_ in ("VERB", "AUX"):
                for c in t.children:
                    if c.dep_ in ("nsubj", "nsubjpass"):
                        return c if c.lower_ in ("it", "they", "he", "she") else None
    return None


def _slot(measure: str, p: Party, imports: bool, cands: list[Party], cue_nouns: frozenset[str]) -> str | None:
    """Which side of the claim a mention takes, from the role frames (`role_frames.json`)."""
    key = "imports" if measure == "exports" and imports else measure
    frame = frame_for(key, p, cands, cue_nouns)
    return side_of(frame.role) if frame is not None else None
