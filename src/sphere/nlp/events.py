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
from itertools import chain
from typing import cast

from sphere.models import PLOVER_SCORE, Action, Claim, Event, Membership
from sphere.nlp.context import SentenceContext
from sphere.nlp.dates import resolve_date
from sphere.nlp.event_actions import (
    announced_for_later,
    inquiry_action,
    is_hypothetical,
    is_reported,
    membership_change,
    obligation_action,
    phrasal_action,
    refine_action,
    relations_action,
    threat_mode,
)
from sphere.nlp.event_financed import financed_events, nominal_events, received_events
from sphere.nlp.event_roles import actors_of, is_group, passive_agents, resolve_party, targets_of
from sphere.nlp.event_said import reported_speaker, said_events, warned_targets
from sphere.nlp.event_triggers import cameo_action, cameo_forms, lemma_of
from sphere.nlp.lexicon import load
from sphere.nlp.resolve import record_event, resolve_slot
from sphere.nlp.syntax import Party, is_negated, party_for, span_for

_GATED = ("object_gated", "weak_sanction_verbs", "finance_verbs", "supply_verbs", "easing_verbs", "relief_verbs",
           "membership_join", "membership_leave", "measures_verbs", "inquiry_verbs", "noun_triggers")


@lru_cache(maxsize=1)
def _triggers() -> tuple[dict[str, str], dict]:
    lex = load("events")
    idx: dict[str, str] = {}
    for action, words in lex["verbs"].items():
        for w in words:
            idx.setdefault(w, action)
    for w in lex["finance_verbs"]:
        idx.setdefault(w, "FINANCE")  # an event only with a loan, credit or grant as its object
    for w in lex["request_needs_infinitive"]["words"]:
        idx.setdefault(w, "REQUEST")  # an event only with an infinitive (checked below)
    for w in lex["leave_verbs"]["words"]:
        idx.setdefault(w, "REJECT")  # an event only as leaving a group (checked below)
    forms = load("cameo_triggers")["forms"]
    gated = {w for key in _GATED for w in lex[key]}
    for w, action in list(idx.items()):
        if w not in gated:  # gates test the word itself: a gated verb keeps its listed forms only
            idx.setdefault(forms.get(w, w), action)  # the hand list's forms by their lemma too: "pledged" -> "pledge"
    return idx, lex


def _hand_action(tok, idx: dict[str, str]) -> str | None:
    """The hand list's type for the word, or for its lemma ("pledged" -> "pledge")."""
    found = idx.get(tok.lower_)
    if found:
        return found
    return idx.get(lemma_of(tok))


def trigger_words() -> set[str]:
    """Every trigger word (for cheap pre-filtering of sentences)."""
    idx, lex = _triggers()
    words = set(idx)
    for verbs in lex["relations_verbs"].values():
        words.update(verbs)
    words.update(lex["inquiry_verbs"])
    words.update(f for w in lex["warn_against"]["words"] for f in (w, w + "s", w + "ed", w + "d", w + "ing"))
    words.update(("must", "should"))  # "X said Y must ...": a demand
    words.update(lex["measures_verbs"])
    words.update(cameo_forms())
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
        if _venue(p, lex):
            continue
        for t in span:
            by_token[t.i] = p
    seen: set[tuple[str, str, str | None]] = set()
    when = resolve_date(ctx.text, ctx.state.published)
    received = list(received_events(ctx, by_token))
    # "borrowed money from China to build a stadium": coded from the lender's side, the purpose with it
    inner_done: set[int] = {t.i for *_, tok in received for t in [tok, *tok.children] if t is tok or t.dep_ in ("xcomp", "advcl")}
    low = ctx.text.lower()
    coded: set[int] = set()  # triggers that gave an event
    for tok in doc:
        action = (_warned_against(tok, lex) or relations_action(tok, lex) or inquiry_action(tok, lex)
                  or obligation_action(tok, lex) or phrasal_action(tok, lex) or _hand_action(tok, idx) or cameo_action(tok))
        if not action:
            continue
        if tok.pos_ not in ("VERB", "AUX") and tok.lower_ not in lex["noun_triggers"]:
            continue
        if tok.lower_ in ("willing", "ready", "prepared") and not any(c.dep_ == "xcomp" for c in tok.children):
            continue  # "ready to send troops" promises; "ready" alone does not
        if tok.i in inner_done:
            continue
        if tok.lower_ in lex["request_needs_infinitive"]["words"] and not any(c.dep_ == "xcomp" for c in tok.children):
            continue  # "encouraged by the results" asks no one; "encourage them to work" does
        if tok.pos_ == "NOUN" and tok.dep_ == "dobj" and tok.head.i in coded:
            continue  # "would not meet the demands", "rejected the ultimatum": the verb's event; the noun is the other's
        if action == "CONSULT" and tok.pos_ == "NOUN" and tok.dep_ == "pobj" and tok.head.lower_ in ("in", "on", "to") and (
                tok.head.head.pos_ == "NOUN"):
            continue  # "mediation in the negotiations", "progress in talks": the talks only qualify another noun
        if action == "CONSULT" and tok.pos_ == "NOUN" and tok.dep_ == "pobj" and tok.head.lower_ in lex["occasion_preps"]["words"] and (
                tok.head.head.i in coded or _hand_action(tok.head.head, idx) == "CONSULT"):
            # "backed Brazil at the London talks", "to discuss sanctions against Japan at a meeting": the talks are
            # where the act happened (the verb's own event, if any), not a meeting of everyone the sentence names
            continue
        # "declined to accept the plan": the refused verb is no act, whether the hand list or the CAMEO dictionary codes it
        inner = [c for c in tok.children if c.dep_ == "xcomp" and (idx.get(c.lower_) or phrasal_action(c, lex) or cameo_action(c))]
        excluded = [c for c in tok.children if c.dep_ == "xcomp" and lemma_of(c) in lex["rule_out_lemmas"]]
        if action == "REJECT" and excluded:
            action = "THREATEN"  # "refused to exclude military action": not ruling it out threatens it
            inner_done.update(c.i for c in excluded)
        if action == "REJECT" and any(c.dep_ == "xcomp" and lemma_of(c) in lex["no_comment_lemmas"]["words"] for c in tok.children):
            continue  # "declined to comment", "refused to answer a question": silence rejects no one
        if action == "REJECT" and inner:
            inner_action = phrasal_action(inner[0], lex) or idx.get(inner[0].lower_) or cameo_action(inner[0])
            if inner_action == "THREATEN":
                continue  # "refused to rule out force": the inner verb carries the event
            inner_done.update(c.i for c in inner)  # "refused to join": the refusal is the event
        planned = [g for c in tok.children if c.dep_ == "dobj" and c.lemma_.lower() in lex["intention_nouns"]
                   for g in c.children if g.dep_ == "acl"]
        if any(c.dep_ == "dobj" and c.lemma_.lower() in lex["intention_nouns"] for c in tok.children):
            # "announced plans last week to slap tariffs": the parser hangs the plan's verb on "announced"
            planned += [c for c in tok.children if c.dep_ == "xcomp"]
        if action in lex["outer_skip"]["outer"] and any(
                c.dep_ in ("xcomp", "acl") and idx.get(c.lower_) in lex["outer_skip"]["inner"] for c in [*tok.children, *planned]):
            continue  # "agreed to impose duties", "announced plans to slap tariffs": the duties are the event
        if action in ("AGREE", "REQUEST", "THREATEN"):
            # "pledged to deepen friendship and advance cooperation", "agreed that they should cooperate",
            # "reached a consensus to exchange information", "an agreement under which they will exchange goods",
            # "demanded that the US cancel plans to sell arms",
            # "threatened to shell towns": the pledge, the demand or the threat is the event (SCHEMA C4, C14)
            promised = [c for c in tok.children if c.dep_ == "xcomp" or (
                c.dep_ == "conj" and c.tag_ == "VB" and not any(g.dep_ == "nsubj" for g in c.children)) or (
                c.dep_ == "ccomp" and (action == "REQUEST" or _modal(c, lex)))]
            promised += [g for c in tok.children if c.dep_ == "dobj" for g in c.children if g.dep_ in ("acl", "relcl")]
            if action == "REQUEST":  # "asked the commission to investigate the payment": the investigation accuses (C11)
                promised = [c for c in promised if (idx.get(lemma_of(c)) or cameo_action(c)) != "ACCUSE"]
            inner_done.update(g.i for c in promised for g in _content(c))
        if action == "ACCUSE":  # "accused the US of restoring the blackmail in the negotiations": alleged, not reported as done
            inner_done.update(t.i for c in tok.children if c.dep_ == "prep" and c.lower_ in ("of", "for")
                              for g in c.children if g.dep_ == "pcomp" for t in g.subtree)
        if action == "CONSULT":  # "telephoned Kozyrev to discuss the war in Yugoslavia": one meeting, with whom it was held
            inner_done.update(c.i for c in tok.children if c.dep_ in ("xcomp", "advcl")
                              and (_hand_action(c, idx) or cameo_action(c)) == "CONSULT")
        if action in ("AGREE", "SUPPORT", "COOPERATE", "AID", "ACCUSE") and any(
                c.dep_ == "dobj" and c.lower_ in lex["noun_triggers"] and idx.get(c.lower_) in ("CONSULT", "THREATEN")
                and idx.get(c.lower_) != action for c in tok.children):
            continue  # "renewed negotiations", "issued an ultimatum": the noun carries the event (CONSULT, THREATEN)
        if _modal(tok, lex, obligation=True) or tok.dep_ == "acomp" and _modal(tok.head, lex, obligation=True):
            continue  # "Iraq must cooperate", "the US must be ready to mediate": what someone ought to do has not happened
        gated = tok.lower_ in lex["object_gated"] or lemma_of(tok) in lex["object_gated"]
        specific = cameo_action(tok, patterns_only=True) if gated else None
        # a dictionary pattern naming the object ("raised concerns") beats the word's generic gate
        action = specific or refine_action(tok, action, lex, low)
        if action in (None, "FINANCE"):
            action = cameo_action(tok, patterns_only=True)  # "extend the accord": the dictionary's object pattern
        if not action or is_reported(tok, lex):
            continue
        if action in lex["outer_skip"]["outer"] and planned:
            # "announced plans to slap tariffs": the tariffs are the event (a threat, C5);
            # "announced plans to provide aid": the announcement promises the aid (AGREE, C4)
            if any(idx.get(p.lower_) in lex["outer_skip"]["inner"] for p in planned):
                continue
            inner_done.update(g.i for p in planned for g in _content(p))
        if _unreal(tok, action, lex):
            continue
        if tok.dep_ == "acl" and tok.head.lemma_.lower() in lex["attempt_nouns"]["words"] and action not in ("SANCTION", "THREATEN"):
            continue  # "China's bid to join the WTO": sought, not done
        if action in ("AID", "COOPERATE") and any(c.dep_ == "aux" and c.lower_ in lex["pledge_aux"]["words"] for c in tok.children):
            action = "AGREE"  # "Finland will give Tanzania a grant": pledged, not yet given (C4)
        asked = tok.dep_ == "acl" and tok.head.lemma_.lower() in lex["request_nouns"]["words"]
        if asked:
            action = "REQUEST"  # "Pakistan's invitation to the Saudis to invest": the investing is asked for
        elif tok.dep_ == "acl" and tok.head.lemma_.lower() in lex["intention_nouns"] and action in ("COOPERATE", "AID"):
            action = "AGREE"  # "made an offer to lend Vietnam $1 billion": promised, not lent (C4)
        if action in ("CONSULT", "AGREE", "COOPERATE") and _no_intention(tok, lex):
            action = "REJECT"  # "has no plans to start talks with the United States" declines them (CAMEO 125)
        elif _negated(tok, lex):
            action = lex["negated_flip"].get(action)  # "would not extend", "failed to reach agreement"
            if action is None:
                continue
        speaker = None
        if action == "SANCTION" and (is_hypothetical(tok, lex) or announced_for_later(tok, lex) or (
                tok.dep_ == "xcomp" and _modal(tok.head, lex))):  # "would not hesitate to retaliate"
            action = "THREATEN"  # "might impose tariffs", "announced a 100% tariff effective from October" (C5)
            speaker = reported_speaker(tok)
        # "the minister said if the bill passed, the community would retaliate": a warning of coercive
        # steps is the speaker's side's threat (SCHEMA C14)
        actors = (actors_of(speaker, by_token, ctx) if speaker is not None else []) or actors_of(tok, by_token, ctx)
        if speaker is not None and actors == actors_of(tok, by_token, ctx):
            speaker = None  # an unnamed speaker ("sources said the group might impose"): the group threatens
        if actors and all(is_group(a) for a in actors) and (tok.lower_ in ("summit", "summits", "forum") or tok.lower_ in (
                "meeting", "conference") and any(c.dep_ == "compound" and c.i in by_token for c in tok.children)):
            continue  # "the G20 summit", "the G-7 meeting" is an occasion, not a group meeting someone
        if not actors:
            continue
        if _others_relations(tok, by_token, actors, lex) or _between_others(tok, by_token, actors, ctx, lex):
            continue  # "help improve Islamabad's troubled ties with Kabul": mediating between others, not the actor's own ties
        membership = membership_change(tok, lex, doc)
        if membership is None and tok.lower_ in ("join", "joined", "joins", "becoming", "become", "became", "becomes"):
            continue  # joining or becoming is an event only as membership of a group
        if membership != "leave" and tok.lower_ in lex["leave_verbs"]["words"]:
            continue  # "left for Beijing": leaving is an event only as leaving a group
        if membership == "leave":
            action = "REJECT"
        elif membership == "join":
            action = "COOPERATE"
        if action == "COOPERATE" and (tok.lower_ in lex["finance_verbs"] or lemma_of(tok) in lex["lending_lemmas"]["words"]) and (
                set(actors) & set(lex["multilateral_lenders"]) or _concessional_subject(tok, lex)):
            action = "AID"  # official lenders' and concessional loans are aid-like (SCHEMA.md): "Low-cost Chinese loans are financing"
        if obligation_action(tok, lex):
            # "Baker said Brazil should come up with a plan": the one obliged is the clause's subject
            obliged = [g for c in tok.children if c.dep_ == "ccomp" for g in c.children if g.dep_ in ("nsubj", "nsubjpass")]
            codes = [c for g in obliged if (c := resolve_party(g, by_token, ctx, coref=False))]
            pairs = [(a, c) for a in actors for c in codes if c != a]
        elif asked and (invited := [c for p in tok.head.children if p.dep_ == "prep" and p.lower_ in ("to", "for")
                                    for g in p.children if (c := resolve_party(g, by_token, ctx, coref=False))]):
            pairs = [(a, c) for a in actors for c in dict.fromkeys(invited) if c != a]
        elif _warned_against(tok, lex):  # "cautioned the IMF against lending to Pakistan": the one warned
            warned = [t for c in tok.children if c.dep_ == "dobj" for t in [c, *c.conjuncts]]
            codes = [c for t in warned if (c := resolve_party(t, by_token, ctx, coref=False))]
            pairs = [(a, c) for a in actors for c in dict.fromkeys(codes) if c != a]
        elif speaker is not None:
            pairs = [(a, t) for a in actors for t in (targets_of(tok, by_token, a, ctx, action, lex)
                                                       or warned_targets(tok, speaker, by_token, ctx, actors))]
        else:
            pairs = [(a, t) for a in actors for t in targets_of(tok, by_token, a, ctx, action, lex)]
        if len(actors) >= 2 and action == "CONSULT" and not any(c.dep_ == "prep" and c.lower_ == "with" for c in tok.children):
            pairs = []  # "Japan and the United States are holding discussions (under GATT)": they meet each other
        joint = not passive_agents(tok, by_token, ctx) and not (action == "SUPPORT" and any(
            c.dep_ == "dobj" and c.lower_ not in ("other", "another") for c in tok.children))
        if joint and len(actors) >= 2 and action in ("AGREE", "CONSULT", "SUPPORT", "COOPERATE") and membership is None and (
                not pairs or action != "CONSULT"):
            # not "backed by Britain and France" (the agents back someone else), nor "Italy and Denmark supported
            # the Commission's view" (they back a view, not each other)
            # "Russia and China pledged a partnership", "both countries agreed to bring benefits to Pakistanis":
            # a joint subject acts toward each other when a part of it has no target of its own (SCHEMA C3)
            alone = [a for a in actors if not any(x == a for x, _ in pairs)]
            pairs += [(a, b) for a in alone for b in actors if a != b]
        if action in ("AGREE", "COOPERATE") and lemma_of(tok) in lex["joint_verbs"]:
            # "A signed a deal with B": a joint act, coded both ways (SCHEMA C3)
            partners = _with_partners(tok, by_token)
            pairs += [(t, a) for a, t in pairs if t in partners and (t, a) not in pairs]
        if pairs:
            coded.add(tok.i)
        for actor, target in pairs:
            if (actor, action, target) not in seen:
                seen.add((actor, action, target))
                yield _event(ctx, tok, actor, action, target, membership, when, lex)
    for actor, action, target, tok in chain(said_events(ctx, by_token), financed_events(ctx, by_token), received, nominal_events(ctx, by_token)):
        if (actor, action, target) not in seen:
            seen.add((actor, action, target))
            yield _event(ctx, tok, actor, action, target, None, when, lex)


def _others_relations(tok, by_token: dict[int, Party], actors: list[str], lex: dict) -> bool:
    """The relations object belongs to another party ("Islamabad's ties with Kabul")."""
    owners = [by_token[g.i].code for c in tok.children if c.dep_ in ("dobj", "attr") and c.lower_ in lex["relations_objects"]
              for g in c.children if g.dep_ == "poss" and g.i in by_token]
    return bool(owners) and not set(owners) & set(actors)


def _between_others(tok, by_token: dict[int, Party], actors: list[str], ctx: SentenceContext, lex: dict) -> bool:
    """The object is what lies between other parties ("help ease tensions between Pakistan and Afghanistan",
    "between the two countries" after naming them): mediation, not the actor's own act toward either."""
    between = [o for c in tok.children if c.dep_ in ("dobj", "attr") for p in c.children
               if p.dep_ == "prep" and p.lower_ == "between" for o in p.children if o.dep_ == "pobj"]
    codes = {code for o in between for t in [o, *(c for c in o.children if c.dep_ == "conj")]
             if (code := resolve_party(t, by_token, ctx))}
    pair = resolve_slot(ctx.state, "the_two")
    if isinstance(pair, tuple) and any(o.lower_ in lex["pair_words"] and o.i not in by_token for o in between):
        codes.update(pair)  # "between the two countries": the pair last seen together
    return bool(codes) and not codes & set(actors)


def _concessional_subject(tok, lex: dict) -> bool:
    """"Low-cost Chinese loans are financing an overhaul": the subject says the money is concessional."""
    said = " ".join(tok.doc[c.left_edge.i:c.right_edge.i + 1].text.lower() for c in tok.children if c.dep_ in ("nsubj", "nsubjpass"))
    return any(re.search(rf"\b{re.escape(w)}\b", said) for w in lex["concessional_words"])


def _venue(p: Party, lex: dict) -> bool:
    """"talks in London", "met in Luxembourg", "held talks in France": the place a meeting was held is no
    party to it. Decided by the frame: "invest in Brazil" keeps Brazil as the one invested in."""
    if p.role not in ("prep:in", "prep:at"):
        return False
    gov = p.governor
    frames = lex["venue_frames"]
    if gov.lower_ in frames["nouns"] or gov.lemma_.lower() in frames["verbs"]:
        return True
    return gov.pos_ in ("VERB", "AUX") and any(c.dep_ == "dobj" and c.lower_ in frames["nouns"] for c in gov.children)


def _warned_against(tok, lex: dict) -> str | None:
    """"cautioned the IMF against lending": warning someone against an act urges them not to (REQUEST)."""
    if tok.pos_ != "VERB" or lemma_of(tok) not in lex["warn_against"]["words"]:
        return None
    warned = any(c.dep_ == "dobj" for c in tok.children)
    return "REQUEST" if warned and any(c.dep_ == "prep" and c.lower_ == "against" for c in tok.children) else None


def _content(verb) -> list:
    """What a promised, demanded or threatened act contains: the verb, its coordinated and dependent
    verbs, their objects and purposes ("cancel plans to sell weapons to Taiwan", "stop negotiations"), but not
    its adjuncts ("after talks with X" happened)."""
    out = [verb]
    for c in verb.children:
        if c.dep_ in ("conj", "xcomp", "ccomp", "acl", "relcl", "dobj", "nsubjpass") or (
                c.dep_ == "advcl" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)):
            out += _content(c)  # and its purpose: "encourage them to work for a settlement to end the war"
    return out


def _unreal(tok, action: str, lex: dict) -> bool:
    """Acts the text does not report as happening (SCHEMA C14: modality counts): a possibility ("might seek"),
    an expectation ("are expected to sign"), a condition ("as long as Zambia is willing"), or what someone
    is warned against ("cautioned the IMF against lending"). Threats, sanctions and meetings keep their own rules."""
    if action in ("THREATEN", "SANCTION", "CONSULT"):
        return False
    if any(c.dep_ == "aux" and c.lower_ in lex["possibility_aux"] for c in tok.children):
        return True
    if tok.dep_ == "xcomp" and lemma_of(tok.head) in lex["expectation_lemmas"]:
        return True
    if tok.dep_ == "xcomp" and any(c.dep_ == "aux" and c.lower_ in lex["possibility_aux"] for c in tok.head.children):
        return True  # "automakers could be forced to withdraw": the possibility covers the verb it governs
    if tok.dep_ == "pcomp" and tok.head.lower_ in ("against", "without"):
        return True
    if tok.dep_ == "acl" and lemma_of(tok.head) in lex["intention_nouns"] and _modal(tok.head.head, lex, obligation=True):
        return True  # "they should have a plan to withdraw from Afghanistan": advice, no withdrawal (C14)
    clause = tok if tok.dep_ == "advcl" else (tok.head if tok.dep_ in ("acomp", "xcomp") and tok.head.dep_ == "advcl" else None)
    return clause is not None and (any(c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether") for c in clause.children)
                                   or clause.head.lower_ == "long")  # "as long as Zambia is willing"


def _no_intention(tok, lex: dict) -> bool:
    """"has no plans to start talks": the act hangs from an intention noun determined by "no"."""
    cur = tok
    for _ in range(4):
        if cur.head.i == cur.i:
            return False
        cur = cur.head
        if cur.lemma_.lower() in lex["intention_nouns"] and any(c.dep_ in ("det", "neg") and c.lower_ == "no" for c in cur.children):
            return True
    return False


def _negated(tok, lex: dict) -> bool:
    """Negation, with verbs that negate what they govern: "failed to reach" negates; "did not fail to",
    "would not hesitate to retaliate" negate twice and so affirm."""
    if tok.dep_ in ("xcomp", "dobj") and lemma_of(tok.head) in lex["failing_lemmas"]:
        return not any(c.dep_ == "neg" for c in tok.head.children)
    return is_negated(tok)


def _modal(tok, lex: dict, *, obligation: bool = False) -> bool:
    """A verb under "should"/"must" (obligation) or also "would"/"will" (any modal)."""
    words = lex["obligation_aux"] if obligation else lex["obligation_aux"] + ["would", "will", "could", "might", "may", "shall"]
    return any(c.dep_ == "aux" and c.lower_ in words for c in tok.children)


def _with_partners(tok, by_token: dict[int, Party]) -> set[str]:
    """Parties inside a "with" phrase of the trigger or of its object ("signed a deal with X")."""
    heads = [tok, *(c for c in tok.children if c.dep_ in ("dobj", "nsubjpass"))]
    return {by_token[t.i].code for h in heads for c in h.children if c.dep_ == "prep" and c.lower_ == "with"
            for t in c.subtree if t.i in by_token}


def _event(ctx: SentenceContext, tok, actor: str, action: str, target: str | None, membership: str | None, when, lex: dict) -> Event:
    """One event, and the article state it leaves for later sentences ("the two", "during a meeting")."""
    record_event(ctx.state, actor, action, target)
    return Event(
        actor=actor, action=cast(Action, action), target=target, date=when, evidence=ctx.text, start=ctx.start,
        end=ctx.end, membership=cast(Membership, membership) if is_group(target) else None, mode=threat_mode(tok, lex),
        trigger=tok.text, score=PLOVER_SCORE[action], confidence=0.6,
    )


def events_from_claims(claims: list[Claim], ctx: SentenceContext) -> Iterator[Event]:
    """A tariff or sanction figure is also an event: threatened -> THREATEN, otherwise SANCTION."""
    for c in claims:
        if c.measure not in ("tariff", "sanction_value") or not c.holder or not c.counterpart or c.confidence < 0.4:
            continue  # low confidence: a figure continuing a list, with no verb of its own
        action = "THREATEN" if c.modality == "threatened" else "SANCTION"
        yield Event(actor=c.holder, action=cast(Action, action), target=c.counterpart, date=resolve_date(ctx.text, ctx.state.published),
                    evidence=c.evidence, start=c.start, end=c.end, mode="tariff" if c.measure == "tariff" else "sanctions",
                    trigger=c.value_text, score=PLOVER_SCORE[action], confidence=0.5)
