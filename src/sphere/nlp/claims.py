"""Claims: the quantitative statements of a sentence, as SCHEMA.md defines them.

For each figure the measure comes from the cue word nearest to it in the dependency
tree (`data/claims.json`), the holder and counterpart from the syntactic roles of the
country mentions (`syntax.py`) read through a per-measure table of roles (who owes,
who lends, who buys, who imposes), and the attributed source from reporting phrases
("according to X", "X data shows", "X said"), also when they sit in the next clause.
Mentions the syntax leaves unplaced fall back to the article's running topic, so
"The country owes China" gets Bolivia as holder.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from typing import cast

from spacy.tokens import Token

from sphere.knowledge import load_knowledge
from sphere.models import Approx, Claim, Measure, Modality, Period
from sphere.nlp.claim_parties import (
    continued_measure,
    coordinated_parties,
    holder_and_counterpart,
    party_before,
    relative_to_party,
)
from sphere.nlp.context import SentenceContext
from sphere.nlp.figures import Figure
from sphere.nlp.lexicon import load as load_lexicon
from sphere.nlp.measures import (
    claim_lexicon,
    cue_index,
    cue_lemmas,
    cue_measure,
    cue_words,
    is_change,
    is_import,
    is_stated_change,
    measure_of,
    named_tokens,
    percent_is_claim,
)
from sphere.nlp.qualifiers import attributed_source, modality_of, period_of, year_of
from sphere.nlp.resolve import the_country
from sphere.nlp.role_frames import lemma
from sphere.nlp.syntax import ancestors, dep_distance, party_for, span_for

__all__ = ["attributed_source", "cue_words", "extract_claims"]


def extract_claims(ctx: SentenceContext) -> Iterator[Claim]:
    """Claims stated in one parsed sentence."""
    lex = claim_lexicon()
    cues = cue_index(lex)
    doc = ctx.doc
    source = attributed_source(ctx.text)
    quoted = _source_span(ctx.text, source)
    parties = [p for e in ctx.entities if e.code and not quoted[0] <= e.start - ctx.start < quoted[1]
               and not _names_a_currency(e.end - ctx.start, ctx.text)
               and not _in_a_firm_name(e.start - ctx.start, e.end - ctx.start, ctx.text, lex)
               and not ctx.text[:e.start - ctx.start].lower().endswith("non-")  # "exports to non-EC countries"
               if (p := party_for(doc, e, ctx.start)) is not None]  # "World Bank statistics indicate": a source, no party
    named = named_tokens(doc, ctx)  # "Federal Reserve", "World Trade Organization": names, not cue words
    party_tokens = frozenset(t.i for p in parties for t in p.token.subtree) | frozenset(p.np_head.i for p in parties)
    prev_holder: str | None = None
    if _EARNINGS_TABLE.search(ctx.text):
        return  # "Shr 14.58p vs 7.86p ... Net 68.6 mln vs ...": a company's results table
    for fig in ctx.figures:
        if fig.kind == "money" and re.match(r"(?i).*pounds?$", fig.text) and re.match(r"\s+of\b", ctx.text[fig.end:fig.end + 5]):
            continue  # "550 mln pounds of PTA": a weight, not sterling
        if fig.kind == "scaled" and _OTHER_UNIT.match(ctx.text[fig.end:fig.end + 20]):
            continue  # "82.9 mln lbs", "1.9 mln tonnes": not money, whatever the article's currency
        if fig.kind == "scaled" and _after_a_volume(fig, ctx.figures, ctx.text):
            continue  # "82.9 mln lbs compared with ... 106.5 mln a year earlier": the list keeps its unit, not money
        if _PER_UNIT.match(ctx.text, fig.end):
            continue  # "1,600 SDRs a tonne", "93.86 dlrs per tonne": a price, not a volume or an amount (C2)
        span = span_for(doc, fig.start, fig.end)
        if span is None:
            continue
        ftok = _figure_token(span)
        if fig.kind == "count" and fig.unit != "persons" and fig.unit not in lex["volume_units"]:
            continue
        if _conditional(ftok):
            continue  # "if you owe the bank $1 million": a hypothetical, not a figure of record
        if fig.kind == "scaled" and (ctx.state.currency is None or _counts_a_noun(fig, doc, cues)):
            continue  # "its 1.4 billion consumers": a count of something, not money
        if fig.kind == "money" and _conversion(fig, ctx.figures, ctx.text):
            continue  # "$1.1 billion (36 billion baht)", "20 billion yuan, or about $2.8 billion": one amount (C13)
        if fig.kind == "money" and fig.value < 100_000 and not re.search(r"(?i)thousand|\bk\b", fig.text):
            continue  # prices and fares, not the figures of great-power competition
        ratio = fig.kind == "percent" and _GDP_RATIO.match(ctx.text, fig.end)
        if ratio:  # "debt of 88 percent of GDP": a share of GDP is a claim of the measure it divides (C1)
            ignore = {t.i for t in doc if fig.end <= t.idx < ratio.end()}
            measure, cue = measure_of(ftok, fig, doc, cues, lex, set(named) | ignore, ctx.state.fiscal, ctx.state.no_trade)
            if measure in (None, "gdp"):
                continue
            measure = "debt" if measure == "loan" else measure  # loans outstanding against GDP are debt
        else:
            measure, cue = measure_of(ftok, fig, doc, cues, lex, named, ctx.state.fiscal, ctx.state.no_trade)
        continued = False
        if measure in ("aid", "loan", "reserves", "debt", "other") and any(w in ctx.text.lower() for w in lex["money_market_words"]["phrases"]):
            continue  # "provided the money market with 120 mln stg of assistance": a central bank's liquidity operation
        if measure in ("loan", "debt", "other", "trade", "reserves", "investment") and any(
                w in ctx.text.lower() for w in lex["bank_books_words"]["phrases"]):
            continue  # "loans ... reported as nonaccrual", "total bank assets ... liabilities": a bank's own books
        if measure in ("loan", "debt", "other") and any(w in ctx.text.lower() for w in lex["bond_issue_words"]["phrases"]):
            continue  # "a 6.25 pct, 10-year loan ... at an issue price of 99.50": a bond issue, not lending
        if measure == "gdp" and any(w in ctx.text.lower() for w in lex["not_gdp_words"]["phrases"]):
            continue  # "M-2 money supply ... year-on-year growth to 10.0 pct": a monetary aggregate's growth
        if measure is not None and (_private(ftok, cue, lex, party_tokens) or _firm_owner(ftok, cue, lex, party_tokens)):
            continue  # "bankruptcies ... with debts of 25.52 billion yen": a company's figure, not a country's
        if measure == "loan" and _net_flow(ftok, cue, lex):
            measure = "other"  # "net borrowings rose to 4.64 billion", "a net outflow of 548 mln": a net loan flow (C2)
        if measure == "trade_balance" and ctx.state.last_balance == "other" and _bare_balance(cue, ctx.text, lex):
            measure = "other"  # "Canada's current account deficit widened ... The shortfall for the full year rose to 8.81 billion"
        if measure is not None and (_part_of_a_whole(ftok, lex, cues) or _ship_capacity(fig, ctx.text, lex)):
            continue  # "the loan is part of a 400.4 mln dlr project", "ships of 125,150 gross tons"
        if measure is None:
            measure, cue = continued_measure(fig, ctx)
            if measure is None:
                continue
            holder, counterpart = ctx.state.last_holder.get(measure), party_before(fig, ctx)
            rel = None
            continued = True
        else:
            if fig.kind == "percent" and not ratio and not percent_is_claim(ftok, measure, cue, lex, ctx.text, fig, party_tokens):
                continue
            if fig.kind in ("money", "scaled", "count") and (is_change(ftok, lex) or is_stated_change(ctx.text, fig.start, fig.end)):
                continue
            if fig.kind == "count" and measure not in ("deployment", "exports"):
                continue
            rel = relative_to_party(ctx.text, fig, parties, ctx.start)
            if not parties and _definite(cue) and measure in ctx.state.last_claim_pair:
                holder, counterpart = ctx.state.last_claim_pair[measure]  # "The loan amount was set at ...": that loan
            else:
                holder, counterpart = holder_and_counterpart(measure, ftok, cue, parties, rel, lex, ctx, prev_holder)
            lender = next((e.code for e in ctx.entities if e.code in _MULTILATERAL_LENDERS
                           and quoted[0] <= e.start - ctx.start < quoted[1]), None)
            if measure == "loan" and counterpart is None and holder not in (None, lender) and lender:
                counterpart = lender  # "Jordan will receive two loans totalling 96.4 mln dlrs, the World Bank said"
            listed = _listed_with(fig, ctx)
            if listed is not None and any(p.code == listed and p.token.dep_ == "dobj" for p in parties):
                listed = None  # "provide Togo with 475 mln cfa francs of aid": the verb's object, not a list item
            if listed is not None:  # "followed by Argentina with 49 billion dlrs, Venezuela with 33 billion": each its own
                holder, counterpart = listed, None
            if measure == "deployment" and fig.kind != "count":
                continue
            if fig.kind == "count" and measure == "deployment":
                inside = [e for e in ctx.entities if fig.start <= e.start - ctx.start < fig.end and e.code]
                if inside:
                    holder = inside[0].code  # "30,000 Cuban troops"
            if (measure == "exports" and is_import(cue, lex) and counterpart is None and holder is not None
                    and cue is not None and cue.lower_.startswith("import")):
                measure = "other"  # total imports with no named partner (SCHEMA.md convention)
        if (measure == "exports" and cue is not None and not cue.lower_.startswith(("export", "import"))
                and fig.kind != "count" and (counterpart is None or holder is None)):
            continue  # "sold shares for $X": buying and selling make a trade claim only between two parties
        if measure == "exports" and is_import(cue, lex) and holder is None and counterpart is not None:
            measure, holder, counterpart = "other", counterpart, None
        if measure in ("tariff", "sanction_value") and holder is None and counterpart is not None:
            holder = ctx.state.last_holder.get(measure) or ctx.state.other_party(counterpart)
        elif measure == "tariff" and counterpart is None and ctx.state.last_holder.get(measure) not in (None, holder):
            counterpart = ctx.state.last_holder[measure]  # "replied with a 10% tariff of its own": retaliation
        if measure == "tariff" and fig.kind == "money":
            measure = "sanction_value"  # "300 mln dlrs in tariffs": an amount of tariffs is their value, not a rate
        if measure == "reserves" and holder in _MULTILATERAL_LENDERS:
            # "special drawing rights 191.8 mln": a country's reserves held in the IMF's unit, not the IMF's own
            holder = the_country(ctx.state)
            holder = None if holder in _MULTILATERAL_LENDERS else holder
        if holder is None:
            continue  # a figure whose holder the text does not let us name is not a usable claim
        if (cue is not None and _uncoded_owner(list(cue.children), cues, lex, party_tokens)) or (
                holder not in {p.code for p in parties} and _uncoded_owner(list(doc), cues, lex, party_tokens)):
            continue  # "Latin American countries' exports fell to 80 billion, with imports at 65 billion": the region's (C7)
        if holder == counterpart:
            counterpart = None
        if measure == "debt" and _creditor_first(holder, counterpart, doc, lex):
            holder, counterpart = counterpart, holder  # "France agreed with Gabon to reschedule 440 mln francs": Gabon owes (C6)
        each_of = _distributive_holders(ftok, holder, counterpart, parties, lex)
        if each_of:  # "Brazil and Mexico, each owing about 100 billion dlrs": each holds its own figure, neither is the other's
            counterpart = None
        if measure in ("loan", "debt", "aid", "investment", "fdi") and _one_slot_pair(holder, counterpart, parties):
            continue  # "two loans totalling 75.7 mln dlrs for projects in Bangladesh and Nepal": both borrow, neither lends (C7)
        unit = _unit(fig, holder, counterpart, ctx)
        if unit is None:
            continue
        value = fig.value
        if measure in ("trade_balance", "other") and cue is not None and cue.lower_.startswith(("deficit", "shortfall")):
            value = -abs(value)
        if measure == "gdp" and fig.kind == "percent" and lemma(ftok.head) in lex["shrink_verbs"]:
            value = -abs(value)  # "the economy shrank 19 pct": growth of -19 percent
        if fig.kind == "money":
            ctx.state.currency = unit
        restated = (round(value, 2), unit)
        if fig.kind in ("money", "scaled") and restated in ctx.state.seen_values:
            continue
        year = year_of(ctx, fig)
        period, since = period_of(ctx.text, ftok, measure, year, lex) if fig.kind != "percent" else (None, None)
        claim = Claim(
            measure=cast(Measure, measure), holder=holder, counterpart=counterpart, value=value, unit=unit,
            approx=cast(Approx, fig.approx), relative_to=rel,
            modality=cast(Modality, ctx.state.last_modality if continued else modality_of(ftok, ctx.text, lex, measure)),
            year=year, source=source, period=cast(Period | None, period), since=since, evidence=ctx.text, start=ctx.start, end=ctx.end, value_text=fig.text,
            confidence=0.35 if continued else _confidence(cue, ftok, holder, counterpart),
        )
        key = (claim.measure, claim.holder, claim.counterpart, round(claim.value, 2), claim.unit)
        if key in ctx.state.seen_claims:
            continue
        ctx.state.seen_claims.add(key)
        for other in each_of:
            twin = claim.model_copy(update={"holder": other})
            ctx.state.seen_claims.add((twin.measure, other, None, round(twin.value, 2), twin.unit))
            yield twin
        for other in (coordinated_parties(counterpart, parties, holder) if measure in ("tariff",) else []):
            # "a 25% tariff on goods from Mexico and Canada": a rate applies to each (a flow to
            # "Hong Kong and Macao" is one joint figure, so only rates are split)
            twin = claim.model_copy(update={"counterpart": other})
            ctx.state.seen_claims.add((twin.measure, twin.holder, other, round(twin.value, 2), twin.unit))
            yield twin
        ctx.state.seen_values.add(restated)
        ctx.state.last_holder[measure] = holder
        ctx.state.last_claim_pair[measure] = (holder, counterpart)
        if measure in ("trade_balance", "other") and cue is not None and lemma(cue) in lex["bare_balances"]["nouns"]:
            ctx.state.last_balance = measure
        if fig.kind == "percent":
            ctx.state.last_percent_measure = (measure, ctx.start)
            ctx.state.last_modality = claim.modality
        prev_holder = holder
        yield claim


_GDP_RATIO = re.compile(r"\s+of\s+(?:its\s+|the\s+|their\s+|the country's\s+)?(?:GDP|gross domestic product|economic output|the economy)\b",
                        re.IGNORECASE)
_PER_UNIT = re.compile(r"\s*(?:[A-Za-z.]+\s+)?(?:a|per|an)\s+(?:tonnes?|tons?|barrels?|bushels?|ounces?|lbs?|pounds?|kilos?|"
                       r"kg|bags?|bales?|gallons?|litres?|share)\b", re.IGNORECASE)
_EARNINGS_TABLE = re.compile(r"\b(?:Shr|Shrs|Revs|Oper net|Net|Qtr|Avg shrs)\b[^.]{0,80}\bvs\b")
_OTHER_UNIT = re.compile(r"\s*(?:lbs|lb|tonnes?|tons?|barrels?|bushels?|ounces?|oz|shares?|acres?|hectares?|kg|kilos?|"
                         r"kilograms?|litres?|liters?|gallons?|bales?|bags?|units?|vehicles?|cars?|passengers?|people|"
                         r"copies|cubic|metric|head|cattle|pigs|tourists|visitors|households)\b", re.IGNORECASE)


def _private(ftok: Token, cue: Token | None, lex: dict, party_tokens: frozenset[int]) -> bool:
    """The figure or its cue belongs to a firm: a word for firms or their results ("bankruptcies",
    "the company", "corporate") is the cue's owner or qualifier, or the subject or head of the clause
    or noun phrase the figure or cue sits in. Firms a country names ("Chinese firms") act for it."""
    nouns = set(lex["private_holders"]["nouns"])
    near: list[Token] = []
    for start in [t for t in (cue, ftok) if t is not None]:
        chain = ancestors(start)[:4]
        near += chain
        near += [c for t in chain for c in t.children if c.dep_ in ("nsubj", "nsubjpass", "poss", "amod", "compound")]
    if cue is not None and lemma(cue) in cue_lemmas("loan") | cue_lemmas("debt") and any(
            c.dep_ in ("compound", "amod") and lemma(c) in lex["private_holders"]["loan_kinds"] for c in cue.children):
        return True  # "business loans", "consumer credit": lending to firms and households
    firms = set(lex["private_holders"]["firms"])
    return any((lemma(t) in nouns or t.lower_ in nouns) and not (t.i in party_tokens and lemma(t) in firms) for t in near)


def _firm_owner(ftok: Token, cue: Token | None, lex: dict, party_tokens: frozenset[int]) -> bool:
    """A named firm (an uncoded ORG entity) is the subject or owner of the figure's or cue's clause:
    "Deutsche's total debt exposure", "Bank of Montreal had 1.98 billion dlrs in loans", "Tidewater
    said it completed agreements to restructure 125 mln dlrs in debt". Parties act through coded
    names, so a firm's own books are not a country's figure (SCHEMA.md C7). Reporting verbs end the
    climb: "..., Banco do Brasil said" attributes the figure, it does not own it."""
    reporting = set(lex["whole_of_part"]["reporting_verbs"])
    owned = cue is not None and any(c.dep_ == "poss" and c.pos_ == "PRON" for c in cue.children)
    for start in [t for t in (cue, ftok) if t is not None]:
        for t in [start, *ancestors(start)[:4]]:
            if t.pos_ in ("VERB", "AUX") and lemma(t) in reporting:
                # "BankAmerica said its outstanding loans to Brazil total 2.7 billion dlrs": "its" is the speaker's
                return owned and any(c.dep_ == "nsubj" and c.ent_type_ == "ORG" and c.i not in party_tokens
                                     for c in t.children)
            if any(c.dep_ in ("nsubj", "nsubjpass", "poss") and c.ent_type_ == "ORG" and c.i not in party_tokens
                   and not any(p.i in party_tokens and p.ent_type_ != "ORG" for p in c.subtree) for c in t.children):
                return True
            if t.pos_ == "VERB":
                break
    return False


def _uncoded_owner(tokens: list[Token], cues: dict[str, str], lex: dict, party_tokens: frozenset[int]) -> bool:
    """One of `tokens` gives a measure to a party with no code ("Latin American countries' exports",
    "the region's debt", "world imports"). Of the figure's own cue, it owns the figure; anywhere in the
    sentence, a figure that names no party of its own continues that owner's list, so the article's
    topic country is not its holder (SCHEMA.md C7)."""
    nouns = set(lex["uncoded_parties"]["actor_nouns"]) - set(lex["uncoded_parties"]["the_country"]) - {"government", "economy", "state"}
    for t in tokens:
        if t.i in party_tokens or cue_measure(t.head, cues) is None or t.head.i in party_tokens:
            continue
        plural = t.tag_ == "NNS" and lemma(t) in lex["uncoded_parties"]["the_country"]  # "countries'", not "the country's"
        if t.dep_ == "poss" and t.pos_ == "NOUN" and (lemma(t) in nouns or plural) and not any(c.dep_ == "poss" for c in t.children):
            return True
        if t.dep_ in ("amod", "compound") and t.lower_ in lex["uncoded_parties"]["world_words"]:
            return True
    return False


def _net_flow(ftok: Token, cue: Token | None, lex: dict) -> bool:
    """The loan figure is a net flow: its cue or the noun it sizes is qualified by "net" or is an inflow or outflow."""
    words = set(lex["net_flow_words"]["qualifiers"])
    nouns = set(lex["net_flow_words"]["nouns"])
    heads = [t for t in (cue, *ancestors(ftok)[:3]) if t is not None and t.pos_ in ("NOUN", "PROPN")]
    return any(lemma(t) in nouns or any(c.dep_ in ("amod", "compound") and c.lower_ in words for c in t.children) for t in heads)


def _bare_balance(cue: Token | None, text: str, lex: dict) -> bool:
    """A deficit, surplus or shortfall that the sentence does not call a trade balance: it refers back to
    the balance last reported, so after a current account it is that account (SCHEMA.md C2)."""
    if cue is None or lemma(cue) not in lex["bare_balances"]["nouns"]:
        return False
    return not re.search(r"(?i)\b(?:" + "|".join(lex["bare_balances"]["trade_words"]) + r")\b", text)


def _creditor_first(holder: str | None, counterpart: str | None, doc, lex: dict) -> bool:
    """A rescheduling read with an official creditor as the debtor and a non-creditor as the lender (C6)."""
    cred = lex["official_creditors"]
    if holder not in cred["codes"] or counterpart is None or counterpart in cred["codes"]:
        return False
    return any(lemma(t) in cred["lemmas"] or t.lower_ in cred["lemmas"] for t in doc)


def _distributive_holders(ftok: Token, holder: str | None, counterpart: str | None, parties: list, lex: dict) -> list[str]:
    """The holder's coordinated parties when a distributive word ("each", "apiece") sits in the figure's clause.

    "Brazil and Mexico, each owing 100 billion dlrs" names two holders of one amount apiece; read as a
    pair, the second conjunct would become the first's lender. Returns the other holders, [] when the
    figure is not distributed."""
    if holder is None or counterpart is None:
        return []
    words = set(lex["distributive_words"]["words"])
    clause = [ftok, *ancestors(ftok)[:4]]
    if not any(c.lower_ in words for t in clause for c in [t, *t.children]):
        return []
    others = coordinated_parties(holder, parties, None) + coordinated_parties(counterpart, parties, None)
    if counterpart not in others:
        return []
    return [counterpart]


def _one_slot_pair(holder: str | None, counterpart: str | None, parties: list) -> bool:
    """Holder and counterpart are two conjuncts of one prepositional object ("in Bangladesh and Nepal"):
    they share one role, so the figure is neither's to the other ("between A and B" names two sides)."""
    if holder is None or counterpart is None:
        return False
    for a, b in ((holder, counterpart), (counterpart, holder)):
        for p in parties:
            if p.code == a and p.token.dep_ == "pobj" and p.token.head.lower_ not in ("between", "with") and any(
                    q.code == b and q.token.dep_ == "conj" and q.token.head.i == p.token.i for q in parties):
                return True
    return False


def _after_a_volume(fig: Figure, figures: list[Figure], text: str) -> bool:
    """The nearest figure before a bare scaled number is a volume ("82.9 mln lbs"): the number continues it."""
    before = [f for f in figures if f.end <= fig.start]
    if not before:
        return False
    prev = max(before, key=lambda f: f.end)
    return (prev.kind == "scaled" and bool(_OTHER_UNIT.match(text[prev.end:prev.end + 20]))) or (
        prev.kind == "count" and prev.unit not in ("persons", ""))


def _part_of_a_whole(ftok: Token, lex: dict, cues: dict[str, str]) -> bool:
    """The figure measures the whole that the claim's item is "part of" (C6: a project's total cost is no loan).
    A whole that is itself a measure's noun ("part of the six billion dlr loan", "part of its 13.2 billion dlr
    debt rescheduling") is the claim."""
    nouns = set(lex["whole_of_part"]["nouns"])
    chain = [ftok, *ancestors(ftok)[:4]]
    return any(t.lower_ == "of" and lemma(t.head) in nouns and not any(cue_measure(w, cues) for w in chain[:i])
               for i, t in enumerate(chain))


def _ship_capacity(fig: Figure, text: str, lex: dict) -> bool:
    """"329,999 gross tons", "10,000 dwt": a ship's size, not a cargo of goods."""
    words = "|".join(re.escape(w) for w in lex["whole_of_part"]["capacity_words"])
    if fig.unit != "tonnes":
        return False
    return bool(re.search(rf"(?i)\b(?:{words})\s+(?:registered\s+)?(?:tons|tonnes)\b|\b(?:dwt|grt)\b", text))


def _in_a_firm_name(start: int, end: int, text: str, lex: dict) -> bool:
    """"Japan Line's debt", "Royal Bank of Canada", "Hospital Corp of America": the country is part of a firm's name."""
    words = "|".join(re.escape(w) for w in lex["firm_name_words"]["words"])
    after = re.match(rf"(?:\s+[A-Z][\w&.-]*){{0,3}}?\s+(?:{words})\b", text[end:end + 50])
    before = re.search(rf"\b(?:{words})\s+of\s+(?:the\s+)?$", text[max(0, start - 30):start])
    return bool(after or before)


_MULTILATERAL_LENDERS = {"WORLDBANK", "IMF"}  # a lender announcing its own loans is their counterpart


def _listed_with(fig: Figure, ctx: SentenceContext) -> str | None:
    """The party right before "with <figure>" in a list of parties and amounts ("Venezuela with 33 billion")."""
    for e in ctx.entities:
        gap = ctx.text[e.end - ctx.start:fig.start] if e.code and e.end - ctx.start <= fig.start else None
        if gap is not None and re.fullmatch(r"\s+with\s+(?:about |around |some |nearly |almost |an estimated |over |more than )?", gap):
            return e.code
    return None


def _names_a_currency(end: int, text: str) -> bool:
    """"30 billion U.S. Dlrs": the country names the money's currency, it is no party to the figure."""
    return bool(re.match(r"\s?(?:dollars?|dlrs?)\b", text[end:end + 9], re.IGNORECASE))


def _definite(cue: Token | None) -> bool:
    """"the loan", "the debt": a measure noun that refers back to one already named."""
    noun = cue.head if cue is not None and cue.dep_ == "compound" else cue  # "the loan amount"
    return noun is not None and noun.pos_ == "NOUN" and any(c.lower_ in ("the", "this", "that") for c in noun.children)


def _source_span(text: str, source: str | None) -> tuple[int, int]:
    """Where the attributed source is named in the sentence (an empty span when it is not)."""
    if not source:
        return (0, 0)
    i = text.rfind(source)
    return (i, i + len(source)) if i >= 0 else (0, 0)


def _counts_a_noun(fig: Figure, doc, cues: dict[str, str]) -> bool:
    """A scaled number right before a word that is no measure ("560 million consumers")."""
    span = span_for(doc, fig.start, fig.end)
    if span is None:
        return False
    root = span.root
    head = root.head
    return (root.dep_ in ("nummod", "compound", "quantmod", "amod") and head.pos_ == "NOUN" and head.i > root.i
            and cue_measure(head, cues) is None)


def _conversion(fig: Figure, figures: list[Figure], text: str) -> bool:
    """The figure restates the money amount just before it in another currency (SCHEMA.md C13)."""
    prev = [f for f in figures if f.end <= fig.start and f.kind == "money"]
    if not prev or fig.start - prev[-1].end > 25:
        return False
    gap = text[prev[-1].end:fig.start]
    return bool(re.fullmatch(r"\s*(?:\(|,?\s*or\s+|,\s*(?:equivalent to|worth)\s+)(?:about |around |some |roughly |nearly |almost |an estimated )?",
                             gap)) and prev[-1].unit != fig.unit


def _conditional(ftok: Token) -> bool:
    """The figure sits in an "if" clause, or in what someone ruled out or denied."""
    for t in [ftok, *ftok.ancestors][:6]:
        if t.pos_ in ("VERB", "AUX") and any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in t.children):
            return True
        if t.pos_ == "VERB" and (t.lemma_ in ("deny", "dismiss") or t.lemma_ == "rule" and any(
                c.dep_ == "prt" and c.lower_ == "out" for c in t.children)):
            return True
    return False


def _figure_token(span) -> Token:
    """The token standing for the figure: the head of its span (the number or the currency noun)."""
    root = span.root
    return root


def _unit(fig: Figure, holder: str | None, counterpart: str | None, ctx: SentenceContext) -> str | None:
    """The currency: "dlrs" in a story about New Zealand are New Zealand dollars, elsewhere U.S. dollars;
    "francs" in a 1987 story about France are French francs (the currency of the time)."""
    if fig.kind == "scaled":
        return ctx.state.currency  # "imports fell to 8.33 billion" continues the article's currency
    if fig.unit.startswith("$") and fig.unit != "$":
        # pesos, francs, shillings: the first party's own of that family; unknown without one
        family = set(load_lexicon("figures")["currency_families"].get(fig.unit, ()))
        for code in (holder, counterpart, ctx.state.main):
            cur = _currency_of_the_time(code, ctx.state.published)
            if cur in family:
                return cur
        return None
    if fig.unit == "$" and any(e.code in _MULTILATERAL_LENDERS for e in ctx.entities):
        return "USD"  # "Guyana's arrears to the IMF are now 70 mln dlrs": the Fund and the Bank lend in U.S. dollars
    if fig.unit == "$":
        kb = load_knowledge()
        for code in (holder, ctx.state.main):
            if code and code in kb.countries:
                c = kb.countries[code]
                if code in load_lexicon("figures")["dollar_reported_in_usd"]["codes"]:
                    return "USD"
                return c.currency if c.dollar and c.currency else "USD"
        return "USD"
    return fig.unit


def _currency_of_the_time(code: str | None, published: date | None) -> str | None:
    kb = load_knowledge()
    if not code or code not in kb.countries:
        return None
    old = load_lexicon("figures")["currencies_before_euro"].get(code)
    if old and published is not None and published.year < old[1]:
        return str(old[0])
    return kb.countries[code].currency


def _confidence(cue, ftok, holder, counterpart) -> float:
    c = 0.4
    if cue is not None and dep_distance(ftok, cue) <= 3:
        c += 0.2
    if holder:
        c += 0.2
    if counterpart:
        c += 0.1
    return round(min(c, 0.95), 2)
