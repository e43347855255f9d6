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
from typing import cast

from spacy.tokens import Token

from sphere.models import PLOVER_SCORE, Action, Claim, Event, Membership
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
    for w in lex["finance_verbs"]:
        idx.setdefault(w, "FINANCE")  # an event only with a loan, credit or grant as its object
    return idx, lex


def lex_pairs() -> set[str]:
    return set(_triggers()[1]["pair_words"])


def trigger_words() -> set[str]:
    """Every trigger word (for cheap pre-filtering of sentences)."""
    idx, lex = _triggers()
    words = set(idx)
    for verbs in lex["relations_verbs"].values():
        words.update(verbs)
    words.update(lex["inquiry_verbs"])
    words.update(lex["measures_verbs"])
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
        action = _relations(tok, lex) or _inquiry(tok, lex) or _phrasal(tok, lex) or idx.get(tok.lower_)
        if action is None:
            continue
        if tok.pos_ not in ("VERB", "AUX") and tok.lower_ not in lex["noun_triggers"]:
            continue
        if action == "REJECT" and any(c.dep_ == "xcomp" and (idx.get(c.lower_) or _phrasal(c, lex)) for c in tok.children):
            continue  # "refused to rule out force": the inner verb carries the event
        if action in lex["outer_skip"]["outer"] and any(
                c.dep_ == "xcomp" and idx.get(c.lower_) in lex["outer_skip"]["inner"] for c in tok.children):
            continue  # "agreed to impose duties": the duties are the event
        action = _refine(tok, action, lex, low)
        if action is None or _reported(tok, lex):
            continue
        if is_negated(tok):
            action = lex["negated_flip"].get(action)
            if action is None:
                continue
        if action == "SANCTION" and _hypothetical(tok, lex):
            action = "THREATEN"  # "might impose tariffs", "if Washington imposes sanctions"
        actors = _actors(tok, by_token, ctx)
        if not actors:
            continue
        membership = _membership(tok, lex, doc)
        if membership is None and tok.lower_ in ("join", "joined", "joins", "becoming", "become", "became", "becomes"):
            continue  # joining or becoming is an event only as membership of a group
        if membership == "leave":
            action = "REJECT"
        elif membership == "join":
            action = "COOPERATE"
        if action == "COOPERATE" and tok.lower_ in lex["finance_verbs"] and set(actors) & set(lex["multilateral_lenders"]):
            action = "AID"  # official lenders' loans are aid-like (SCHEMA.md)
        pairs = [(a, t) for a in actors for t in _targets(tok, by_token, a, ctx, action, lex)]
        if not pairs and len(actors) >= 2:
            pairs = [(a, b) for a in actors for b in actors if a != b]  # "Russia and China pledged a partnership"
        for actor, target in pairs:
            key = (actor, action, target)
            if key in seen:
                continue
            seen.add(key)
            yield Event(
                actor=actor, action=cast(Action, action), target=target, date=when, evidence=ctx.text, start=ctx.start,
                end=ctx.end, membership=cast(Membership, membership) if _is_group(target) else None, mode=_mode(tok, lex),
                trigger=tok.text, score=PLOVER_SCORE[action], confidence=0.6,
            )
            ctx.state.last_actor = actor
            if target:
                ctx.state.last_pair = (actor, target)
            if action == "CONSULT" and target:
                ctx.state.partners[actor] = target
                ctx.state.partners.setdefault(target, actor)


def _relations(tok: Token, lex: dict) -> str | None:
    """"established diplomatic relations" (SUPPORT), "ending ties with Taiwan" (SANCTION)."""
    objs = {c.lower_ for c in tok.children if c.dep_ in ("dobj", "attr")}
    if not objs & set(lex["relations_objects"]):
        return None
    for action, verbs in lex["relations_verbs"].items():
        if tok.lower_ in verbs:
            return action
    return None


def _inquiry(tok: Token, lex: dict) -> str | None:
    """"launched an anti-subsidy investigation" (ACCUSE); "would take all necessary measures" (THREATEN)."""
    objs = {c.lower_ for c in tok.children if c.dep_ in ("dobj", "nsubjpass")}
    if tok.lower_ in lex["inquiry_verbs"] and objs & set(lex["inquiry_objects"]):
        return "ACCUSE"
    if tok.lower_ in lex["measures_verbs"] and objs & set(lex["measures_objects"]):
        modal = {c.lower_ for c in tok.children if c.dep_ in ("aux", "auxpass")}
        if modal & {"will", "would", "could", "might", "may", "'ll", "shall"}:
            return "THREATEN"
    return None


def _phrasal(tok: Token, lex: dict) -> str | None:
    nxt = tok.doc[tok.i + 1].lower_ if tok.i + 1 < len(tok.doc) else ""
    return lex["phrasal"].get(f"{tok.lower_} {nxt}")


def _refine(tok: Token, action: str, lex: dict, low: str) -> str | None:
    """Triggers whose meaning depends on their object ("raised tariffs" vs "raised concerns")."""
    objs = {c.lower_ for c in tok.subtree if c.i > tok.i and c.i - tok.i <= 8}
    if tok.dep_ == "amod":
        return None  # "financially pressed Ecuador": an adjective, not an act
    if tok.lower_ in ("seek", "seeks", "sought", "seeking") and any(c.dep_ == "xcomp" for c in tok.children):
        return None  # "will seek to strengthen": an aim, not a request
    if tok.lower_.startswith("offer"):
        offered = {c.lower_ for c in tok.children if c.dep_ in ("dobj", "nsubjpass")}
        if offered and not offered & set(lex["offer_objects"]) and not any(c.dep_ == "xcomp" for c in tok.children):
            return None  # "offered 60 bonds", "material was offered at 345 dlrs": a sale
    if tok.lower_ in ("meet", "met", "meets", "meeting") and tok.pos_ == "VERB":
        met = [c for c in tok.children if c.dep_ == "dobj"]
        if met and all(m.pos_ not in ("PROPN",) and not any(g.pos_ in ("PROPN", "ADJ") for g in m.children) for m in met):
            return None  # "to meet demand"
    if tok.lower_ in lex["weak_sanction_verbs"] and action == "SANCTION" or (
            tok.lower_ in lex["weak_sanction_verbs"] and tok.lower_ in lex["object_gated"]):
        if objs & set(lex["tariff_objects"]):
            return "SANCTION"
        if tok.lower_ in lex["verbs"]["SANCTION"] and tok.lower_ not in lex["verbs"]["MOBILIZE"]:
            return None
    if tok.lower_ in lex["object_gated"]:
        for gated_action in ("SANCTION", "MOBILIZE"):
            if objs & set(lex["needs_object"][gated_action]) and tok.lower_ in lex["verbs"][gated_action]:
                if gated_action == "SANCTION" and objs & set(lex["stop_paying"]):
                    return "REJECT"
                return gated_action
        if action in ("SANCTION", "MOBILIZE"):
            return None
    if tok.lower_ in lex["finance_verbs"]:
        direct_nouns = {c.lower_ for c in tok.children if c.dep_ in ("dobj", "nsubjpass")}
        if direct_nouns & set(lex["finance_objects"]):
            # providing a loan is cooperation; grants and aid are AID (official lenders: see _actors' caller)
            return "AID" if direct_nouns & set(lex["aid_objects"]) else "COOPERATE"
        if action == "FINANCE":
            return None
    if tok.lower_ in ("welcome", "welcomed", "welcomes"):
        # "welcomed Lula to Beijing" hosts a visit; "welcomed the decision" endorses it
        return "CONSULT" if any(c.dep_ == "dobj" and c.pos_ == "PROPN" for c in tok.children) else "SUPPORT"
    direct = {c.lower_ for c in tok.children if c.dep_ in ("dobj", "nsubjpass")}
    if direct & {"lifting", "removal", "easing", "relaxation", "elimination", "suspension"} and action == "SANCTION":
        return "CONCEDE"  # "announced the lifting of bans"
    if tok.lower_ in lex["relief_verbs"] and objs & set(lex["relief_objects"]):
        return "AID"  # cancelling or forgiving debt is relief, not a sanction
    if action == "ASSAULT":
        direct_objects = [c for c in tok.children if c.dep_ in ("dobj",)]
        if any(c.lower_ in lex["assault_not_objects"] for c in direct_objects):
            return None
        near = {t.lower_ for t in tok.sent[max(0, tok.i - tok.sent.start - 8):tok.i - tok.sent.start + 8]}
        if not near & set(lex["military_words"]):
            # "Baker attacked the rise in German rates" is criticism; "Reagan fired an aide" is no attack
            return "ACCUSE" if tok.lower_.startswith("attack") else None
    if action == "RETREAT" and tok.lower_.startswith("withdr"):
        withdrawn = {c.lower_ for c in tok.children if c.dep_ in ("dobj", "nsubjpass")}
        if withdrawn & set(lex["withdraw_concede"]):
            return "CONCEDE"  # "withdrew its objections"
        if withdrawn and not withdrawn & set(lex["withdraw_military"]):
            return None  # "withdrew the nomination"
    if action == "PROTEST":
        subj = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        crowd = subj is not None and (subj.lower_ in lex["crowd_words"] or (subj.tag_ == "NNPS" or subj.lower_.endswith("ans")))
        if not crowd:
            # a government's protest is a diplomatic complaint; its boycott a refusal
            return "REJECT" if tok.lower_.startswith("boycott") else "ACCUSE"
    if tok.lower_ in ("vow", "vowed", "vows"):
        hostile = {"retaliate", "measures", "respond", "retaliation", "tariffs", "resolute", "countermeasures", "fight"}
        return "THREATEN" if objs & hostile else "AGREE"
    if action == "ACCUSE" and tok.lower_ == "warn":
        return "THREATEN"
    if tok.lower_ in ("stopped", "stop", "stops") and objs & set(lex["stop_paying"]):
        return "REJECT"
    return action


def _resolve_token(tok: Token, by_token: dict[int, Party], ctx: SentenceContext, *, coref: bool = True) -> str | None:
    """A country/group code for the phrase headed by `tok`: the mention it is, one that qualifies it
    ("the Chinese government", "Canada's Department of Finance"), or, for actors, a pronoun's referent."""
    if tok.i in by_token:
        return by_token[tok.i].code
    if tok.lower_ in ("thousands", "hundreds", "dozens", "millions", "groups", "group", "crowds", "some", "many"):
        for c in tok.children:  # "thousands of Kenyans"
            if c.dep_ == "prep" and c.lower_ == "of":
                for g in c.children:
                    code = _resolve_token(g, by_token, ctx, coref=False)
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
    if not coref:
        return None
    low = tok.lower_
    if low in ("he", "she", "his", "her") or any(c.lower_ in ("his", "her") and c.dep_ == "poss" for c in tok.children):
        return _person_referent(tok, by_token, ctx)
    if low in PRONOUNS or any(c.lower_ in ("its", "their") and c.dep_ == "poss" for c in tok.children):
        # "China's commerce ministry said it would ...": the reporting clause's subject comes first
        root = tok.sent.root
        for c in root.children:
            if c.dep_ in ("nsubj", "nsubjpass") and c.i < tok.i:
                code = _resolve_token(c, by_token, ctx, coref=False)
                if code:
                    return code
        return ctx.state.last_actor or ctx.state.topic or ctx.state.main
    if low in ("country", "government", "nation", "administration") and any(c.lower_ == "the" for c in tok.children):
        return ctx.state.topic or ctx.state.main
    return None


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
            code = _resolve_token(c, by_token, ctx, coref=False)
            if code:
                return code
    return ctx.state.last_person or ctx.state.topic or ctx.state.main


def _reported(tok: Token, lex: dict) -> bool:
    """A trigger inside "accusations that it fired lasers" reports a claim, not an event."""
    cur = tok
    for _ in range(4):
        if cur.head.i == cur.i:
            return False
        if cur.dep_ in ("acl", "ccomp", "relcl") and cur.head.lower_ in lex["reported_nouns"]:
            return True
        cur = cur.head
    return False


def _hypothetical(tok: Token, lex: dict) -> bool:
    if tok.dep_ == "xcomp" and tok.head.lower_ in lex["verbs"]["THREATEN"] + ["plan", "plans", "planned", "propose", "proposed"]:
        return True  # "threatened to impose tariffs"
    words = {c.lower_ for c in tok.children if c.dep_ in ("aux", "mark", "auxpass")}
    if tok.dep_ == "advcl" and any(c.lower_ == "if" for c in tok.children):
        return True
    return bool(words & set(lex["modal_threat"]))


def _actors(tok: Token, by_token: dict[int, Party], ctx: SentenceContext) -> list[str]:
    """The acting parties: the subject (with its coordinated parts), the possessor of a noun trigger,
    the agent of a passive, or, for a gerund ("congratulated Bolivia on becoming a member"), the
    object of the verb it hangs from."""
    if tok.pos_ in ("VERB", "AUX") and tok.dep_ == "pcomp" and not any(c.dep_ == "nsubj" for c in tok.children):
        verb = tok.head.head
        for c in verb.children:
            if c.dep_ == "dobj":
                code = _resolve_token(c, by_token, ctx, coref=False)
                return [code] if code else []
    subj = subject_of(tok) if tok.pos_ in ("VERB", "AUX") else None
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
            subj = subject_of(v) if v.pos_ in ("VERB", "AUX") else None
    if subj is None:
        for c in tok.children:
            if c.dep_ == "agent":
                for g in c.children:
                    code = _resolve_token(g, by_token, ctx)
                    return [code] if code else []
        if tok.lower_ in ("talks", "meeting", "discussions", "summit") and ctx.state.topic:
            return [ctx.state.topic]
        return []
    if subj.lower_ in lex_pairs() and ctx.state.last_pair and subj.i not in by_token:
        return list(ctx.state.last_pair)  # "the two signed agreements": the pair last seen together
    out = []
    for t in [subj] + [c for c in subj.children if c.dep_ == "conj"]:
        code = _resolve_token(t, by_token, ctx)
        if code and code not in out:
            out.append(code)
    return out


def _targets(tok: Token, by_token: dict[int, Party], actor: str, ctx: SentenceContext, action: str, lex: dict) -> list[str]:
    """Targets: objects and prepositional objects of the trigger (each coordinated part), else a
    mention anywhere inside them ("tariffs on EVs made in China"), else, for threats and sanctions,
    the article's other main party."""
    found: list[str] = []

    def add(t: Token) -> None:
        code = _resolve_token(t, by_token, ctx, coref=False)
        if code and code != actor and code not in found:
            found.append(code)
        for c in t.children:
            if c.dep_ == "conj":
                add(c)

    objects: list[Token] = []
    for c in tok.children:
        if c.dep_ in ("dobj", "dative", "iobj", "attr"):
            objects.append(c)
        elif c.dep_ == "prep" and c.lower_ in _TARGET_PREPS:
            objects += [o for o in c.children if o.dep_ == "pobj" or (o.dep_ == "pcomp" and c.lower_ != "for")]
    if not any(c.dep_ in ("dobj", "dative", "iobj") for c in tok.children):
        for c in tok.children:
            if c.dep_ == "xcomp":
                objects += [o for o in c.children if o.dep_ in ("dobj",)]
    for o in objects:
        add(o)
        for g in o.children:
            if g.dep_ == "prep" and g.lower_ in _TARGET_PREPS:
                for o2 in g.children:
                    if o2.dep_ == "pobj":
                        add(o2)
    if not found:
        for o in objects:
            for t in o.subtree:
                if t.i in by_token and by_token[t.i].code != actor:
                    code = by_token[t.i].code
                    if code not in found:
                        found.append(code)
                    break
    if not found and tok.pos_ == "NOUN":
        verb = tok.head
        for c in verb.children:
            if c.i != tok.i and c.dep_ in ("dative", "dobj", "iobj"):
                add(c)
    if action == "CONSULT":
        found = [c for c in found if not _at_location(tok, c, by_token)]
    others = {p.code for p in by_token.values()} - {actor}
    if not found and action in lex["no_target_fallback"] and not others:
        other = ctx.state.other_party(actor)
        if other and ctx.state.mentions.get(other, 0) >= 2:  # only a party the article keeps returning to
            found.append(other)
    if not found and action == "CONSULT" and ctx.state.partners.get(actor):
        found.append(ctx.state.partners[actor])  # "said during a meeting": the partner met before
    if not found and action == "CONSULT" and tok.pos_ == "NOUN":
        for c in tok.head.children if tok.head.pos_ in ("VERB", "AUX") else []:
            for g in c.subtree:
                if g.i in by_token and by_token[g.i].code != actor:
                    found.append(by_token[g.i].code)
                    break
    return found


def _at_location(tok: Token, code: str, by_token: dict[int, Party]) -> bool:
    """"a meeting at the United Nations": a group after "at" is where, not whom."""
    for p in by_token.values():
        if p.code == code and p.role == "prep:at" and not (len(code) == 3 and code.isupper() and code != "BRI"):
            return True
    return False


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
    return code is not None and code != "" and not (len(code) == 3 and code.isupper() and code != "BRI")


_MODE = re.compile(r"\b(tariffs?|sanctions|military force|force|trade remedies|retaliation|duties|embargo|ban)\b", re.I)


def _mode(tok: Token, lex: dict) -> str | None:
    text = tok.doc[tok.i:min(len(tok.doc), tok.i + 12)].text
    m = _MODE.search(text)
    return m.group(1).lower() if m else None


def events_from_claims(claims: list[Claim], ctx: SentenceContext) -> Iterator[Event]:
    """A tariff or sanction figure is also an event: threatened -> THREATEN, otherwise SANCTION."""
    for c in claims:
        if c.measure not in ("tariff", "sanction_value") or not c.holder or not c.counterpart or c.confidence < 0.4:
            continue  # low confidence: a figure continuing a list, with no verb of its own
        action = "THREATEN" if c.modality == "threatened" else "SANCTION"
        yield Event(actor=c.holder, action=cast(Action, action), target=c.counterpart, date=resolve_date(ctx.text, ctx.state.published),
                    evidence=c.evidence, start=c.start, end=c.end, mode="tariff" if c.measure == "tariff" else "sanctions",
                    trigger=c.value_text, score=PLOVER_SCORE[action], confidence=0.5)
