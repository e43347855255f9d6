"""Financing told from the side that receives it, or in the passive (SCHEMA C6, C10).

"Laos borrowed money from China" and "the firm secured most of the funds from China's Exim Bank"
name the lender in a "from" phrase: the lender acts (COOPERATE, AID for grants and aid) toward
the borrower, the clause's subject. Nominal forms ("French aid to Gabon", "China's loans to
Kenya", "a loan from Japan to Laos") name both sides around the noun.

"The railway to Djibouti was financed by a loan from China's Exim Bank" and "the line, built by
China" name the financier only in an agent ("by X") or source ("a loan from X") phrase; the host
is the country the financed thing belongs to. The financier COOPERATEs with each host, or gives
AID when the loan is concessional ("interest-free", "concessional") or a grant (SCHEMA.md).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.tokens import Token

from sphere.nlp.context import SentenceContext
from sphere.nlp.event_triggers import lemma_of
from sphere.nlp.lexicon import load
from sphere.nlp.syntax import Party


def _financier(verb: Token, by_token: dict[int, Party]) -> tuple[str | None, set[int]]:
    """The code inside the verb's "by ..." or "from ..." phrase, and the tokens of that phrase."""
    for c in verb.subtree:
        if c.dep_ in ("agent", "prep") and c.lower_ in ("by", "from", "through", "with") and c.head.i >= verb.i:
            span = {t.i for t in c.subtree}
            codes = [by_token[i].code for i in sorted(span) if i in by_token and by_token[i].entity is not None]
            codes = [code for code in codes if code]
            if codes:
                return codes[0], span
    return None, set()


def financed_events(ctx: SentenceContext, by_token: dict[int, Party]) -> Iterator[tuple[str, str, str, Token]]:
    """(financier, COOPERATE or AID, host, verb) for each passive financing or building verb."""
    lex = load("events")
    for tok in ctx.doc:
        if tok.tag_ != "VBN" or lemma_of(tok) not in lex["financed_lemmas"]:
            continue
        passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in tok.children) or tok.dep_ in ("acl", "conj")
        if not passive:
            continue
        actor, phrase = _financier(tok, by_token)
        if actor is None or len(actor) != 3 or not actor.isupper():
            continue
        head = tok.head if tok.dep_ == "conj" else tok  # "built by X and financed by Y": the subject is shared
        subject = next((c for c in head.children if c.dep_ == "nsubjpass"), head.head if head.dep_ == "acl" else None)
        scope = {t.i for t in subject.subtree} if subject is not None else set()
        hosts = [by_token[i].code for i in sorted(scope) if i in by_token and i not in phrase]
        said = ctx.doc[tok.left_edge.i:tok.right_edge.i + 1].text.lower()
        action = "AID" if any(re.search(rf"\b{re.escape(w)}\b", said) for w in lex["concessional_words"]) else "COOPERATE"
        for host in dict.fromkeys(h for h in hosts if h and h != actor and len(h) == 3 and h.isupper()):
            yield actor, action, host, tok


def received_events(ctx: SentenceContext, by_token: dict[int, Party]) -> Iterator[tuple[str, str, str, Token]]:
    """(lender, COOPERATE or AID, borrower, verb) for "B borrowed/secured/received a loan from A"."""
    from sphere.nlp.event_roles import actors_of

    lex = load("events")
    for tok in ctx.doc:
        lemma = lemma_of(tok)
        if tok.pos_ != "VERB" or lemma not in lex["receive_lemmas"]:
            continue
        taken = [t for c in tok.children if c.dep_ in ("dobj", "nsubjpass", "prep") for t in c.subtree]
        objects = {t.lemma_.lower() for t in taken}
        if lemma != "borrow" and not objects & set(lex["received_objects"]):
            continue  # "received a delegation from China" is no financing
        lenders = [by_token[t.i].code for p in taken if p.dep_ == "prep" and p.lower_ == "from"
                   for t in p.subtree if t.i in by_token]
        if not lenders or not lenders[0]:
            continue
        action = "AID" if objects & set(lex["aid_objects"]) else "COOPERATE"
        for borrower in actors_of(tok, by_token, ctx):
            if borrower != lenders[0]:
                yield lenders[0], action, borrower, tok


def nominal_events(ctx: SentenceContext, by_token: dict[int, Party]) -> Iterator[tuple[str, str, str, Token]]:
    """(giver, AID or COOPERATE, receiver, noun) for "A's aid to B", "Chinese loans to B", "a loan from A to B"."""
    lex = load("events")
    for tok in ctx.doc:
        if tok.pos_ != "NOUN" or tok.lemma_.lower() not in lex["nominal_finance"]:
            continue
        givers = [by_token[c.i].code for c in tok.children if c.dep_ in ("poss", "amod", "compound", "nmod") and c.i in by_token]
        receivers: list[str] = []
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ in ("from", "to", "for"):
                codes = [by_token[t.i].code for t in c.subtree if t.i in by_token]
                (givers if c.lower_ == "from" else receivers).extend(codes[:1])
        action = lex["nominal_finance"][tok.lemma_.lower()]
        for giver in dict.fromkeys(givers):
            for receiver in dict.fromkeys(receivers):
                if giver and receiver and giver != receiver:
                    yield giver, action, receiver, tok
