"""Which measure a figure is of: the cue word nearest to it, in the tree and in the clause.

The small English model misparses telegraphic wire copy, so a cue's distance combines the
dependency tree with the words between, and a clause boundary costs as much as eight words.
Percentages are claims only as tariff rates, shares and growth, never as changes; amounts of
change ("rose 600 mln dlrs") are not levels.
"""

from __future__ import annotations

import re
from functools import cache

from lemminflect import getAllInflections
from spacy.tokens import Token

from sphere.nlp.context import SentenceContext
from sphere.nlp.figures import Figure
from sphere.nlp.lexicon import load
from sphere.nlp.role_frames import lemma
from sphere.nlp.syntax import ancestors, dep_distance, span_for


def claim_lexicon() -> dict:
    return load("claims")


@cache
def cue_words() -> frozenset[str]:
    """Every surface form of every measure cue (lower case), for the cheap pre-selection of sentences
    before parsing: the lexicon holds lemmas, lemminflect gives their inflections."""
    out: set[str] = set()
    for words in claim_lexicon()["measure_cues"].values():
        for entry in words:
            word = entry.split("/")[0]
            for part in word.split():
                out.add(part)
                out.update(f.lower() for forms in getAllInflections(part).values() for f in forms)
    return frozenset(out)


@cache
def cue_lemmas(measure: str) -> frozenset[str]:
    """The cue lemmas of one measure (one word, any part of speech): the nouns a mention qualifies
    when it says whose figure it is ("U.S. investment", "Chinese loans")."""
    cues = claim_lexicon()["measure_cues"]
    words = [w for m in (measure, *_KIN.get(measure, ())) for w in cues.get(m, [])]
    return frozenset(e.split("/")[0] for e in words if " " not in e)


_KIN = {"fdi": ("investment",)}  # "U.S. direct investment": the noun of the wider measure


def cue_index(lex: dict) -> dict[str, str]:
    """Lemma (or "lemma/POS", or a phrase's last word as "phrase:<words>") -> measure."""
    idx: dict[str, str] = {}
    for measure, words in lex["measure_cues"].items():
        for w in words:
            idx.setdefault(w, measure)
    return idx


def cue_measure(tok: Token, cues: dict[str, str]) -> str | None:
    """The measure a token cues, matched on its lemma, its lower-case text, or a phrase ending in it."""
    lem = lemma(tok)
    for key in (f"{lem}/{tok.pos_}", lem, tok.lower_):
        if key in cues:
            return cues[key]
    if tok.pos_ == "PROPN" or tok.is_title:  # the lemmatizer leaves names alone: "QUITO - Exports from ..."
        found = _surface_index().get(tok.lower_)
        if found is not None:
            return found
    for key, measure in _phrases():
        words = key.split()
        if tok.lower_ == words[-1] and tok.i >= len(words) - 1 and \
                [t.lower_ for t in tok.doc[tok.i - len(words) + 1:tok.i]] == words[:-1]:
            return measure  # "gross domestic product"
    return None


@cache
def _surface_index() -> dict[str, str]:
    """Every inflection of every one-word cue -> its measure."""
    out: dict[str, str] = {}
    for key, measure in cue_index(claim_lexicon()).items():
        word = key.split("/")[0]
        if " " not in word:
            for forms in getAllInflections(word).values():
                for f in forms:
                    out.setdefault(f.lower(), measure)
    return out


@cache
def _phrases() -> tuple[tuple[str, str], ...]:
    return tuple((k, m) for k, m in cue_index(claim_lexicon()).items() if " " in k)


def named_tokens(doc, ctx: SentenceContext) -> set[int]:
    out: set[int] = set()
    for e in ctx.entities:
        if e.kind in ("group", "institution"):
            span = span_for(doc, e.start - ctx.start, e.end - ctx.start)
            if span is not None:
                out.update(t.i for t in span)
    return out


def measure_of(ftok: Token, fig: Figure, doc, cues: dict[str, str], lex: dict,
             named: frozenset[int] | set[int] = frozenset(), fiscal: bool = False,
             no_trade: bool = False) -> tuple[str | None, Token | None]:
    """The measure whose cue word is nearest the figure in the tree (ties: nearer in the text)."""
    if fig.kind in ("money", "scaled") and ftok.head.lower_ in ("on", "worth"):
        host = ftok.head.head  # "a tariff on $34 billion of imports", "tariffs worth 300 mln dlrs"
        hits = [host] + [c for c in host.children if c.dep_ == "dobj"]
        for h in hits:
            if cue_measure(h, cues) == "tariff":
                return "sanction_value", h  # "a 25 percent tariff on $34 billion of imports": the goods hit
    if fig.kind in ("money", "scaled"):
        for prep in (c for c in ftok.children if c.dep_ == "prep" and c.lower_ == "in"):
            paid = next((t for t in prep.subtree if lemma(t) in lex["debt_service_nouns"]), None)
            if paid is not None:
                return "other", paid  # "remitted 24 billion dlrs in debt servicing", "paid 2 billion in interest" (C2)
            held = next((t for t in prep.children if t.dep_ == "pobj" and t.i not in named), None)
            if held is not None and cue_measure(held, cues) == "reserves":
                return "reserves", held  # "to put its $3 trillion in foreign reserves to work"
    if fig.kind in ("money", "scaled") and ftok.dep_ == "pobj" and ftok.head.lower_ == "of":
        owner = ftok.head.head  # "repayment of 30 mln dlrs of the loan", "a deficit of $80 million": the noun it sizes
        m = cue_measure(owner, cues) if owner.i not in named else None
        if owner.lower_ == "earnings" and not any(c.lower_.startswith("export") for c in owner.children):
            return None, None  # "first quarter earnings of 103 mln dlrs": a company's result
        if m == "trade_balance" and _fiscal_balance(owner):
            return None, None  # "a budget deficit of 3 billion": public finance, no measure of SCHEMA.md (C2)
        if m == "trade_balance" and _not_trade_balance(owner):
            m = "other"
        if m == "trade_balance" and (fiscal or no_trade) and not _trade_word_near(owner):
            m = None
        if m is not None and owner.dep_ != "compound" and not (m == "sanction_value" and lemma(owner) in ("cost", "loss")):
            return m, owner
    if fig.kind == "count" and fig.unit in lex["volume_units"]:
        # "Thailand exported 1,120 tonnes of tin": volumes of trade, only with an export or import word;
        # a buyer's word first ("Syria is holding a buying tender for 24,000 tonnes": Syria imports)
        window = doc[max(0, ftok.i - 8):ftok.i + 8]
        if any(lemma(t) in lex["commodity_market_words"]["lemmas"] or t.lower_ in lex["commodity_market_words"]["lemmas"]
               for t in doc):
            return None, None  # "tonnes received export rebates at today's EC tender", "50,000 tonnes traded for August"
        buyer = next((t for t in window if lemma(t) in lex["import_words"] and t.i not in named), None)
        if buyer is not None:
            return "exports", buyer
        for t in window:
            if (t.lower_.startswith(("export", "import", "shipment", "ship")) or lemma(t) in ("sale", "sell")) \
                    and t.i not in named and not (t.dep_ == "compound" and t.head.lower_ in lex["not_measure_heads"]):
                # "achieving sales of 350,000 bpd": a producer's sales abroad; not "its tin export quota"
                return "exports", t
        return None, None
    if fig.kind == "count":
        # troops and police are deployed; workers and people are only counted
        window = {t.lower_ for t in doc[max(0, ftok.i - 12):ftok.i + 8]}
        forces = {"troops", "soldiers", "personnel", "marines", "sailors", "police", "guard", "guards", "forces"}
        moves = {"deploy", "deployed", "deploying", "send", "sent", "sending", "dispatch", "dispatched", "reinforce",
                 "station", "stationed", "mobilise", "mobilize", "mobilised", "mobilized"}
        return ("deployment", None) if window & forces and window & moves else (None, None)
    best: tuple[float, int, str, Token] | None = None
    not_heads = set(lex["not_measure_heads"])
    for tok in doc:
        m = cue_measure(tok, cues)
        if m is None or tok.i in named:
            continue
        if tok.pos_ == "PROPN" and _in_name(tok):
            continue  # "Petroleum Exporting Countries", "Trade Representative": part of a name
        if tok.lower_ == "earnings" and not any(c.lower_.startswith("export") for c in tok.children):
            continue  # "export earnings" are a country's; "net earnings" a company's
        if tok.dep_ == "compound" and cue_measure(tok.head, cues) and tok.head.i != ftok.i:
            continue  # "export earnings": the head noun decides
        if tok.dep_ == "compound" and tok.head.lower_ in not_heads:
            continue  # "loan losses", "debt servicing": about something else
        if m == "trade" and tok.dep_ in ("compound", "amod", "npadvmod") and lemma(tok.head) in lex["trade_not_heads"]:
            continue  # "free-trade zone", "trade talks": not a value of trade
        if lemma(tok) in ("finance", "fund") and tok.pos_ == "VERB" and not any(
                c.dep_ in ("nsubj", "agent") for c in tok.children):
            continue  # "set at $500 million to finance the $7 billion project": a country financing it is the loan (C6)
        if tok.lower_ == "direct" and not (tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "investment"):
            continue
        if m == "loan" and lemma(ftok.head) in ("hold", "own") and ftok.dep_ == "dobj":
            m = "debt"  # "holds $2.7 billion in Brazilian loans": a stock of loans is debt (SCHEMA.md C2)
        if m == "loan" and any(t.lower_ == "outstanding" for t in tok.doc[max(0, tok.i - 3):tok.i + 1]):
            m = "debt"  # "outstanding credit", "outstanding loans": a stock of loans is debt (SCHEMA.md C2)
        if m == "investment" and _is_fdi(tok):
            m = "fdi"
        if m == "debt" and any(c.lower_ in lex["corporate_debt"]["firm_words"] for c in tok.children) and not any(
                t.lower_ in lex["corporate_debt"]["country_words"] for t in doc):
            continue  # "Long term debt fell to 4.50 billion dlrs": a firm's balance sheet
        if m == "tariff" and lemma(tok) in lex["import_surcharges"]["cues"] and not any(
                t.lower_.startswith("import") or (t.i > tok.i and t.text[:1].isupper()) for t in doc):
            continue  # "a 15 pct surcharge on all new car sales": a domestic tax
        if m == "debt" and _paid_on(ftok, tok):
            m = "other"  # "payment on the principal of government debts is projected at 2.73 billion": debt service (C2)
        if m == "trade_balance" and _fiscal_balance(tok):
            m = _NO_MEASURE  # "a cut in the budget deficit to 141 billion": public finance, which no other cue takes (C2)
        if m == "reserves" and any(lemma(t) in lex["not_reserve_kinds"]["words"] for t in tok.doc[max(0, tok.i - 4):tok.i]):
            continue  # "its oil and gas reserves": a stock in the ground, not foreign exchange reserves
        if m == "gdp" and tok.lower_ == "growth" and any(c.dep_ == "compound" and lemma(c) not in _GDP_WORDS
                                                          for c in tok.children):
            continue  # "broad money growth", "textile export growth": the growth of something else
        if m == "trade_balance" and _not_trade_balance(tok):
            m = "other"
        if m == "aid" and "market" in {lemma(t) for t in (*tok.subtree, *tok.head.children)}:
            continue  # "assistance to the money market": a central bank's operations, no aid to a country
        if m == "loan" and any(lemma(t) in lex["loan_stock_words"] for t in (tok, tok.head, *tok.children)):
            m = "debt"  # "2.3 billion dlrs in loan exposure to Brazil": loans a lender holds are the borrower's debt (C2)
        if m == "trade_balance" and (fiscal or no_trade) and not _trade_word_near(tok):
            continue  # an article about the budget: "the deficit" is the fiscal one, not a trade balance
        if m == "reserves" and any(lemma(g) in lex["not_reserve_assets"] for c in tok.children if c.lower_ == "of"
                                   for g in c.subtree):
            continue  # "holdings of U.S. savings bonds": securities, not a country's reserves
        if m == "exports" and any(lemma(c) in lex["not_trade_qualifiers"]["words"] for c in tok.children):
            continue  # "Swiss capital exports rose to 4.64 billion francs": capital outflows
        if m == "trade" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ in ("deficit", "surplus", "balance", "gap", "shortfall",
                                                                               "imbalance"):
            continue
        if m == "sanction_value" and lemma(tok) in ("cost", "loss") and not _sanction_context(doc):
            continue
        if m == "gdp" and tok.lower_ in ("economy", "output", "growth") and fig.kind != "percent" and tok.lower_ != "economy":
            continue
        if m == "gdp" and tok.lower_ == "economy" and fig.kind != "percent" and not _sizes(ftok, tok):
            continue  # "the second-largest economy, managing $3 trillion in assets": not the economy's size
        if m == "debt" and (lemma(tok.head) in lex["service_verbs"] or lemma(ftok.head) in lex["service_verbs"]):
            m = "other"  # "requires $12 billion to meet its liabilities": debt service due (SCHEMA.md C2)
        d = dep_distance(ftok, tok)
        if tok.i in range(ftok.left_edge.i, ftok.right_edge.i + 1) and tok.i != ftok.i:
            d = min(d, 1)
        score = _cue_score(doc, ftok, tok, d)
        cand = (score, d, m, tok)
        if best is None or (cand[0], cand[1], abs(tok.i - ftok.i)) < (best[0], best[1], abs(best[3].i - ftok.i)):
            best = cand
    if best is None or best[2] == _NO_MEASURE:
        return None, None
    if fig.kind == "percent" and best[2] != "tariff" and not re.match(r"\s+of\b", doc.text[fig.end:fig.end + 5]):
        tariff = [c for c in doc if cue_measure(c, cues) == "tariff" and dep_distance(ftok, c) <= 4]
        if tariff:  # a rate near a tariff word is the tariff rate ("tariffs would have raised costs by 44%")
            return "tariff", min(tariff, key=lambda c: dep_distance(ftok, c))
    score, d, m, tok = best
    if score > 14 and d > 6:
        return None, None
    thing = ftok.head
    if ftok.dep_ in ("nummod", "compound", "quantmod", "amod") and thing.pos_ == "NOUN" and thing.i > ftok.i and \
            cue_measure(thing, cues) is None and dep_distance(thing, tok) > 1 and tok.i not in {t.i for t in thing.subtree}:
        return None, None  # "set at $500 million to finance the $7 billion railway": the size of a thing, no measure
    if m == "other" and tok.lower_ == "imports_total":
        return "other", tok
    return m, tok


_NO_MEASURE = "-"  # a cue that takes the figure away from every measure (a budget deficit)
_GDP_WORDS = {"gdp", "gnp", "economy", "output", "product"}


def _sizes(ftok: Token, noun: Token) -> bool:
    """The figure gives the noun's size: "a $2 trillion economy", "the economy is worth $2 trillion"."""
    if ftok.head.i == noun.i or noun.i in {t.i for t in ftok.subtree}:
        return True
    verb = noun.head
    return noun.dep_ in ("nsubj", "nsubjpass") and ftok.head.i == verb.i and lemma(verb) in (
        "be", "reach", "total", "stand", "hit", "top", "exceed")


def _in_name(tok: Token) -> bool:
    """A capitalised cue next to another capitalised word is part of a name; a dateline in capitals
    ("QUITO - Exports from Ecuador ...") or the start of the sentence is not."""
    doc = tok.doc
    near = [doc[i] for i in (tok.i - 1, tok.i + 1) if 0 <= i < len(doc)]
    return any(t.is_alpha and t.text[:1].isupper() and not t.is_upper and t.i != 0 for t in near) or (
        tok.i > 0 and not tok.is_sent_start and doc[tok.i - 1].is_alpha and not doc[tok.i - 1].is_upper)


_BOUNDARY = {";", "and", "but", "while", "whereas", "although"}


def _cue_score(doc, ftok: Token, cue: Token, dep: int) -> float:
    """How strongly a cue word governs a figure: near in the tree, or near on its left within the same clause.

    The small English model often misparses telegraphic wire copy ("Exports to Japan fell 2.3 pct
    to 1.28 billion and imports 24.4 pct to 2.14 billion"), so linear distance counts too; a
    clause boundary (";", "and", "but") between the two costs as much as eight words.
    """
    lo, hi = sorted((ftok.i, cue.i))
    linear = hi - lo
    boundaries = sum(1 for t in doc[lo + 1:hi] if t.lower_ in _BOUNDARY
                     and not (t.lower_ == "and" and t.i + 1 < len(doc) and doc[t.i + 1].pos_ == "PROPN"))
    score = linear + 8 * boundaries + (4 if cue.i > ftok.i else 0)
    if "conj" not in (cue.dep_, ftok.dep_, ftok.head.dep_):
        score = min(score, dep if dep <= 2 else 3 * dep)
    return score


def _trade_word_near(tok: Token) -> bool:
    return any(t.lower_ in ("trade", "merchandise", "exports", "imports") for t in tok.doc[max(0, tok.i - 4):tok.i + 4])


def _paid_on(ftok: Token, cue: Token) -> bool:
    """The figure belongs to a payment on the debt (the subject of its clause), not to the debt itself."""
    verb = next((t for t in ancestors(ftok)[1:5] if t.pos_ in ("VERB", "AUX")), None)
    if verb is None:
        return False
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subj is not None and lemma(subj) in ("payment", "repayment", "servicing") and cue.i in {t.i for t in subj.subtree}


def _fiscal_balance(tok: Token) -> bool:
    """"budget deficit", "fiscal shortfall": a government's own accounts, not a balance with the world."""
    if {lemma(t) for t in tok.doc[max(0, tok.i - 3):tok.i]} & set(claim_lexicon()["fiscal_words"]):
        return True
    # "the House budget plan would lower an estimated 171 billion dlr deficit": the sentence is about the budget
    return any(lemma(t) == "budget" for t in tok.doc) and not _trade_word_near(tok)


def _not_trade_balance(tok: Token) -> bool:
    """"surplus on invisibles", "current account deficit", "budget deficit" are not trade balances."""
    before = {t.lower_ for t in tok.doc[max(0, tok.i - 3):tok.i]}
    if before & {"budget", "fiscal", "account", "current", "capital", "payments", "primary", "non-merchandise", "invisible",
                 "invisibles", "services", "service"} or "non-merchandise" in tok.doc[max(0, tok.i - 4):tok.i].text.lower():
        return True  # spaCy splits "non-merchandise" into three tokens
    clause: list[str] = []  # the words before the cue in its clause: "The current account balance of payments ... showed a surplus"
    for t in reversed(tok.doc[max(0, tok.i - 24):tok.i]):
        if t.lower_ in _BOUNDARY or t.text in (";", ":"):
            break
        clause.insert(0, t.lower_)
    text = " ".join(clause)
    if any(w in text for w in claim_lexicon()["balance_of_payments_words"]):
        return True
    return any(c.dep_ == "prep" and c.lower_ in ("on", "in") and any(g.lower_ in ("invisibles", "services", "income", "transfer", "transfers")
               for g in c.subtree) for c in tok.children)


def _is_fdi(tok: Token) -> bool:
    doc = tok.doc
    i = tok.i
    window = [t.lower_ for t in doc[max(0, i - 2):i + 1]]
    return ("direct" in window and window[-1].startswith("investment")) or "fdi" in window  # also "direct foreign investment"


def _sanction_context(doc) -> bool:
    return any(t.lower_ in ("sanctions", "sanction", "embargo", "aid", "tariffs", "tariff") for t in doc)


def percent_is_claim(ftok: Token, measure: str, cue: Token | None, lex: dict, text: str, fig: Figure,
                     party_tokens: frozenset[int] = frozenset()) -> bool:
    """Percentages are claims for tariff rates, shares of trade and growth, never for changes
    ("tariffs lowered purchases by 25%" is a change, whatever word stands near it)."""
    if measure == "gdp" and cue is not None:
        if cue.lower_ == "growth" and re.search(r"\bgrowth (?:in|of) (?!gdp|the economy|output|gross)", text.lower()):
            return False  # "growth in earnings per share"
        # "GDP grew 5.8 percent": growth is the figure; but not "approval of the handling of the economy
        # fell to 34 pct"
        growing = re.search(r"\b(?:grew|grow|grows|expanded|expand|contracted|shrank|shrink)\b", text.lower())
        if cue.head.lower_ == "of" and lemma(cue.head.head) not in ("growth", "expansion", "contraction") and \
                ftok.i not in {t.i for t in cue.subtree}:
            return False  # "investment as a proportion of GDP", "a deficit of 4.9 pct of GDP": a ratio, not growth
        if _other_subject(ftok, cue):
            return False  # "the economy would grow 4.5 pct ... and inflation would drop to 10 pct": inflation's figure
        return cue.lower_ != "economy" or bool(growing)
    if measure == "tariff" and _tariff_raises_cost(ftok, cue):
        return True
    before = re.sub(r"\bup to\s*$", "", text[max(0, fig.start - 25):fig.start].lower())
    words = re.findall(r"[a-z]+", before)[-3:]
    changes = change_forms()
    if any(w in changes for w in words) or (words and words[-1] == "by"):
        return False
    head = ftok.head
    if lemma(head) in changes or head.lower_ == "by" and lemma(head.head) in changes:
        return False
    if measure == "tariff":  # a rate, not a share ("duties bring 60 pct of its tax revenue")
        return not any(c.dep_ == "prep" and c.lower_ == "of" for c in ftok.children)
    after = text[fig.end:fig.end + 30].lower()
    if re.match(r"\s*(?:higher|lower|more|less|increase|decrease|rise|fall|drop|jump|growth in)", after) and measure != "gdp":
        return False
    if measure == "tariff":
        return True
    if cue is None:
        return False
    if measure == "gdp":
        return cue.lower_ in ("growth", "gdp", "economy")
    if measure in ("exports", "other", "trade"):
        return _share_of(ftok, cue, lex, party_tokens)
    return False


def _other_subject(ftok: Token, cue: Token) -> bool:
    """The figure's own clause has a common-noun subject other than the cue ("inflation would drop to
    10 pct"): the figure is that noun's, not the cue's."""
    verb = next((t for t in ancestors(ftok)[1:5] if t.pos_ in ("VERB", "AUX")), None)
    if verb is None:
        return False
    subj = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    return bool(subj) and subj[0].pos_ == "NOUN" and cue.i not in {t.i for t in subj[0].subtree} and \
        cue.i not in {t.i for t in ancestors(ftok)}


def _share_of(ftok: Token, cue: Token, lex: dict, party_tokens: frozenset[int]) -> bool:
    """A partner's share of a country's trade (SCHEMA.md C1): "N% of [its exports]", said of a country.

    Not a share of something else ("40 pct of tax revenue"), nor a product's share within
    its category ("EVs accounting for 1% of exports"), nor what a tariff list covers ("the tariffs
    will affect 4% of imports")."""
    of = next((c for c in ftok.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    if of is None:
        return False
    inside = {t.i for t in of.subtree}
    if cue.i not in inside and not any(lemma(t) == "total" for t in of.subtree):  # "of the country's total sales"
        return False
    verb = ftok.head
    while verb.dep_ in ("prep", "pobj") and verb.head.i != verb.i:
        verb = verb.head  # "accounting for 25% of ..."
    if lemma(verb) in lex["coverage_verbs"]:
        return False
    if lemma(verb) in lex["share_verbs"]:
        subj = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subj and not any(t.i in party_tokens for t in subj[0].subtree):
            return False
        own = {t.i for t in verb.subtree}
        if not subj and verb.dep_ in ("advcl", "acl", "pcomp") and verb.head.pos_ == "NOUN" and \
                not any(t.i in party_tokens for t in verb.head.subtree if t.i not in own):
            return False  # "with EVs accounting for 1% of ..."
    return True


def _tariff_raises_cost(ftok: Token, cue: Token | None) -> bool:
    """"The tariffs raised the cost of its exports by 44%": an ad valorem rate is the rise in cost it causes."""
    verb = ftok.head.head if ftok.head.lower_ == "by" else None
    if verb is None or cue is None or verb.pos_ != "VERB":
        return False
    subj = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    obj = [c for c in verb.children if c.dep_ == "dobj"]
    return bool(subj and subj[0].i == cue.i and obj and lemma(obj[0]) in ("cost", "price"))


def is_change(ftok: Token, lex: dict) -> bool:
    """"rose 27 pct", "fall at most 150 mln dlrs": an amount of change, not a level ("rose to X" is a level)."""
    head = ftok.head
    changes = change_forms()
    if ftok.dep_ in ("dobj", "npadvmod", "advmod", "nmod", "attr") and lemma(head) in changes and \
            lemma(head) not in _RAISERS:
        return True
    return head.lower_ in ("by", "at") and lemma(head.head) in changes


def is_stated_change(text: str, start: int, end: int) -> bool:
    """A change said with a noun or a comparison: "a rise in net reserves of 400 mln", "an increase in
    the surplus on oil of 200 mln stg", "900 mln marks more than in the prior week"."""
    before = text[max(0, start - 70):start].lower()
    if _CHANGE_NOUN_OF.search(before):
        return True
    return bool(_MORE_THAN_BEFORE.match(text[end:end + 40].lower()))


_CHANGE_NOUN_OF = re.compile(r"\b(?:rise|increase|reduction|fall|decline|drop|gain|jump|cut|decrease|growth|improvement|"
                             r"deterioration|swing|turnaround)s?\s+(?:in|of)\b[^,;()]{0,50}?\bof\s+(?:about |around |some |nearly |almost )?$"
                             r"|\b(?:rise|increase|reduction|fall|decline|drop|gain|jump|cut|decrease)s?\s+of\s+(?:about |around |some |nearly |almost )?$")
_MORE_THAN_BEFORE = re.compile(r"\s*(?:more|less|fewer|higher|lower|up|down)\s+(?:than|from|on)\s+(?:in\s+)?(?:the|a|last|previous|prior|"
                               r"earlier|a year|year-earlier)\b")


_RAISERS = {"raise", "cut", "lower", "reduce", "boost", "slash"}  # "raised $2 billion" is an amount, not a change


@cache
def change_forms() -> frozenset[str]:
    """The change verbs of the lexicon (lemmas) with all their inflections (rose, fallen, ...)."""
    out: set[str] = set()
    for w in claim_lexicon()["change_verbs"]:
        out.add(w)
        out.update(f.lower() for forms in getAllInflections(w).values() for f in forms)
    return frozenset(out)


def is_import(cue: Token | None, lex: dict) -> bool:
    words = lex["import_words"]
    return cue is not None and (lemma(cue) in words or cue.lower_ in words or
                                any(lemma(a) in words for a in ancestors(cue)[1:3] if a.pos_ == "VERB"))
