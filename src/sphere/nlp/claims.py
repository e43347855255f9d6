"""Claims: the quantitative statements of a sentence, as SCHEMA.md defines them.

For each figure the measure comes from the cue word nearest to it in the dependency
tree (`data/claims.json`), the holder and counterpart from the syntactic roles of the
country mentions (`syntax.py`) read through a per-measure table of roles (who owes,
who lends, who buys, who imposes), and the attributed source from reporting phrases
("according to X", "X data shows", "X said"), also when they sit in the next clause.
Mentions the syntax leaves unplaced fall back to the article's running topic, so
"The resource-rich country owes China" gets Bolivia as holder.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import cast

from spacy.tokens import Token

from sphere.knowledge import load_knowledge
from sphere.models import Approx, Claim, Measure, Modality
from sphere.nlp.context import SentenceContext
from sphere.nlp.figures import Figure
from sphere.nlp.lexicon import load
from sphere.nlp.syntax import Party, ancestors, dep_distance, party_for, span_for

_ATTRIB = [
    re.compile(r"\baccording to (?:data from |figures from |statistics from |estimates by |estimates from )?(?P<s>(?:the )?[A-Z][\w.&’'-]*(?:\s+(?:of\s+|for\s+|and\s+)?[A-Z][\w.&’'-]*)*)"),
    re.compile(r"(?:statistics|data|figures|estimates) (?:from|by|of) (?:the )?(?P<s>[A-Z][\w.&’'-]*(?:\s+(?:of\s+|for\s+|and\s+)?[A-Z][\w.&’'-]*)*)"),
    re.compile(r"(?P<s>(?:the )?[A-Z][\w.&’'-]*(?:\s+(?:of\s+|for\s+)?[A-Z][\w.&’'-]*)*|\b[a-z]+ figures|\b[a-z]+ data) (?:data |figures |statistics )?(?:shows?|showed|indicate[sd]?)\b"),
    re.compile(r"\b(?P<s>[A-Z][\w.&’'-]*(?:\s+[A-Z][\w.&’'-]*)*) estimates\b"),
    re.compile(r",\s*(?P<s>(?:the |an? )?(?:[A-Z][\w’'.-]*\s+|[a-z]+\s+){0,4}(?:officials?|ministry|bank|office|agency|department|minister|spokesman|statement|sources?|[A-Z][a-z]+))\s+(?:said|says|reported|estimated)\.?$"),
]


def _lex() -> dict:
    return load("claims")


def cue_words() -> frozenset[str]:
    """Every measure cue word (for cheap pre-filtering of sentences)."""
    return frozenset(w for words in _lex()["measure_cues"].values() for w in words)


def extract_claims(ctx: SentenceContext) -> Iterator[Claim]:
    """Claims stated in one parsed sentence."""
    lex = _lex()
    cues = _cue_index(lex)
    doc = ctx.doc
    parties = [p for e in ctx.entities if e.code if (p := party_for(doc, e, ctx.start)) is not None]
    source = attributed_source(ctx.text)
    named = _named_tokens(doc, ctx)  # "Federal Reserve", "World Trade Organization": names, not cue words
    prev_holder: str | None = None
    for fig in ctx.figures:
        span = span_for(doc, fig.start, fig.end)
        if span is None:
            continue
        ftok = _figure_token(span)
        if fig.kind == "count" and fig.unit != "persons":
            continue
        if fig.kind == "scaled" and ctx.state.currency is None:
            continue
        if fig.kind == "money" and re.search(r"[\w%]\s*\($", ctx.text[max(0, fig.start - 30):fig.start]):
            continue  # "$1.1 billion (36 billion baht)": the same amount converted
        if fig.kind == "money" and fig.value < 100_000 and not re.search(r"(?i)thousand|\bk\b", fig.text):
            continue  # prices and fares, not the figures of great-power competition
        if fig.kind == "percent" and re.match(r"\s+of\s+(?:its\s+|the\s+|their\s+)?(?:GDP|gross domestic product|the economy)", ctx.text[fig.end:fig.end + 40]):
            continue  # a ratio to GDP, not a figure of its own
        measure, cue = _measure(ftok, fig, doc, cues, lex, named)
        continued = False
        if measure is None:
            measure, cue = _continued_measure(fig, ctx)
            if measure is None:
                continue
            holder, counterpart = ctx.state.last_holder.get(measure), _party_before(fig, ctx)
            rel = None
            continued = True
        else:
            if fig.kind == "percent" and not _percent_ok(ftok, measure, cue, lex, ctx.text, fig):
                continue
            if fig.kind in ("money", "scaled") and _is_change(ftok, lex):
                continue
            if fig.kind == "count" and measure != "deployment":
                continue
            rel = _relative_to(ctx.text, fig, parties, ctx.start)
            holder, counterpart = _parties(measure, ftok, cue, parties, rel, lex, ctx, prev_holder)
            if measure == "deployment" and fig.kind != "count":
                continue
            if fig.kind == "count":
                inside = [e for e in ctx.entities if fig.start <= e.start - ctx.start < fig.end and e.code]
                if inside:
                    holder = inside[0].code  # "30,000 Cuban troops"
            if (measure == "exports" and _is_import(cue, lex) and counterpart is None and holder is not None
                    and cue is not None and cue.lower_.startswith("import")):
                measure = "other"  # total imports with no named partner (SCHEMA.md convention)
        if (measure == "exports" and cue is not None and not cue.lower_.startswith(("export", "import"))
                and (counterpart is None or holder is None)):
            continue  # "sold shares for $X": buying and selling make a trade claim only between two parties
        if measure == "exports" and _is_import(cue, lex) and holder is None and counterpart is not None:
            measure, holder, counterpart = "other", counterpart, None
        if measure in ("tariff", "sanction_value") and holder is None and counterpart is not None:
            holder = ctx.state.last_holder.get(measure) or ctx.state.other_party(counterpart)
        if holder is None:
            continue  # a figure whose holder the text does not let us name is not a usable claim
        if holder == counterpart:
            counterpart = None
        unit = _unit(fig, holder, ctx)
        if unit is None:
            continue
        value = fig.value
        if measure == "trade_balance" and cue is not None and cue.lower_.startswith("deficit"):
            value = -abs(value)
        if fig.kind == "money":
            ctx.state.currency = unit
        restated = (round(value, 2), unit)
        if fig.kind in ("money", "scaled") and restated in ctx.state.seen_values:
            continue
        claim = Claim(
            measure=cast(Measure, measure), holder=holder, counterpart=counterpart, value=value, unit=unit,
            approx=cast(Approx, fig.approx), relative_to=rel,
            modality=cast(Modality, ctx.state.last_modality if continued else _modality(ftok, ctx.text, lex, measure)),
            year=_year(ctx, fig), source=source, evidence=ctx.text, start=ctx.start, end=ctx.end, value_text=fig.text,
            confidence=0.35 if continued else _confidence(cue, ftok, holder, counterpart),
        )
        key = (claim.measure, claim.holder, claim.counterpart, round(claim.value, 2), claim.unit)
        if key in ctx.state.seen_claims:
            continue
        ctx.state.seen_claims.add(key)
        for other in (_coordinated(counterpart, parties, holder) if measure in ("tariff",) else []):
            # "a 25% tariff on goods from Mexico and Canada": a rate applies to each (a flow to
            # "Hong Kong and Macao" is one joint figure, so only rates are split)
            twin = claim.model_copy(update={"counterpart": other})
            ctx.state.seen_claims.add((twin.measure, twin.holder, other, round(twin.value, 2), twin.unit))
            yield twin
        ctx.state.seen_values.add(restated)
        ctx.state.last_holder[measure] = holder
        if fig.kind == "percent":
            ctx.state.last_percent_measure = (measure, ctx.start)
            ctx.state.last_modality = claim.modality
        prev_holder = holder
        yield claim


def _coordinated(code: str | None, parties: list[Party], holder: str | None) -> list[str]:
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


def _is_import(cue: Token | None, lex: dict) -> bool:
    return cue is not None and (cue.lower_ in lex["import_words"] or
                                any(a.lower_ in lex["import_words"] for a in ancestors(cue)[1:3] if a.pos_ == "VERB"))


def _is_change(ftok: Token, lex: dict) -> bool:
    """"rose 27 pct", "fall at most 150 mln dlrs": an amount of change, not a level ("rose to X" is a level)."""
    head = ftok.head
    if ftok.dep_ in ("dobj", "npadvmod", "advmod", "nmod", "attr") and head.lower_ in lex["change_verbs"]:
        return True
    return head.lower_ in ("by", "at") and head.head.lower_ in lex["change_verbs"] + ["cut", "reduced", "raised", "increased"]


def _continued_measure(fig: Figure, ctx: SentenceContext) -> tuple[str | None, None]:
    """"India was at 27%, Bangladesh 37%": a list continuing the previous sentence's percentages."""
    last = ctx.state.last_percent_measure
    if fig.kind != "percent" or last is None or ctx.start - last[1] > 400:
        return None, None
    if _party_before(fig, ctx) is None:
        return None, None
    return last[0], None


def _party_before(fig: Figure, ctx: SentenceContext) -> str | None:
    best = None
    for e in ctx.entities:
        rel_end = e.end - ctx.start
        if 0 <= fig.start - rel_end <= 12 and e.code:
            best = e.code
    return best


def _figure_token(span) -> Token:
    """The token standing for the figure: the head of its span (the number or the currency noun)."""
    root = span.root
    return root


def _cue_index(lex: dict) -> dict[str, str]:
    idx: dict[str, str] = {}
    for measure, words in lex["measure_cues"].items():
        for w in words:
            idx.setdefault(w, measure)
    return idx


def _named_tokens(doc, ctx: SentenceContext) -> set[int]:
    out: set[int] = set()
    for e in ctx.entities:
        if e.kind in ("group", "institution"):
            span = span_for(doc, e.start - ctx.start, e.end - ctx.start)
            if span is not None:
                out.update(t.i for t in span)
    return out


def _measure(ftok: Token, fig: Figure, doc, cues: dict[str, str], lex: dict,
             named: frozenset[int] | set[int] = frozenset()) -> tuple[str | None, Token | None]:
    """The measure whose cue word is nearest the figure in the tree (ties: nearer in the text)."""
    if fig.kind in ("money", "scaled") and ftok.head.lower_ == "on":
        host = ftok.head.head
        hits = [host] + [c for c in host.children if c.dep_ == "dobj"]
        for h in hits:
            if cues.get(h.lower_) == "tariff":
                return "tariff", h  # "a 25 percent tariff on $34 billion of imports": the goods hit
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
        m = cues.get(tok.lower_)
        if m is None or tok.i in named:
            continue
        if tok.dep_ == "compound" and tok.head.lower_ in cues and tok.head.i != ftok.i:
            continue  # "export earnings": the head noun decides
        if tok.dep_ == "compound" and tok.head.lower_ in not_heads:
            continue  # "loan losses", "debt servicing": about something else
        if tok.lower_ == "direct" and not (tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "investment"):
            continue
        if m == "investment" and _is_fdi(tok):
            m = "fdi"
        if m == "trade_balance" and _not_trade_balance(tok):
            m = "other"
        if m == "trade" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ in ("deficit", "surplus", "balance", "gap"):
            continue
        if m == "sanction_value" and tok.lower_ in ("cost", "loss") and not _sanction_context(doc):
            continue
        if m == "gdp" and tok.lower_ in ("economy", "output", "growth") and fig.kind != "percent" and tok.lower_ != "economy":
            continue
        d = dep_distance(ftok, tok)
        if tok.i in range(ftok.left_edge.i, ftok.right_edge.i + 1) and tok.i != ftok.i:
            d = min(d, 1)
        score = _cue_score(doc, ftok, tok, d)
        cand = (score, d, m, tok)
        if best is None or (cand[0], cand[1], abs(tok.i - ftok.i)) < (best[0], best[1], abs(best[3].i - ftok.i)):
            best = cand
    if best is None:
        return None, None
    if fig.kind == "percent" and best[2] != "tariff" and not re.match(r"\s+of\b", doc.text[fig.end:fig.end + 5]):
        tariff = [c for c in doc if cues.get(c.lower_) == "tariff" and dep_distance(ftok, c) <= 4]
        if tariff:  # a rate near a tariff word is the tariff rate ("tariffs would have raised costs by 44%")
            return "tariff", min(tariff, key=lambda c: dep_distance(ftok, c))
    score, d, m, tok = best
    if score > 14 and d > 6:
        return None, None
    if m == "other" and tok.lower_ == "imports_total":
        return "other", tok
    return m, tok


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


def _not_trade_balance(tok: Token) -> bool:
    """"surplus on invisibles", "current account deficit", "budget deficit" are not trade balances."""
    before = {t.lower_ for t in tok.doc[max(0, tok.i - 3):tok.i]}
    if before & {"budget", "fiscal", "account", "current", "capital", "payments", "primary"}:
        return True
    return any(c.dep_ == "prep" and c.lower_ in ("on", "in") and any(g.lower_ in ("invisibles", "services", "income")
               for g in c.subtree) for c in tok.children)


def _is_fdi(tok: Token) -> bool:
    doc = tok.doc
    i = tok.i
    window = " ".join(t.lower_ for t in doc[max(0, i - 2):i + 1])
    return "direct investment" in window or "fdi" in window


def _sanction_context(doc) -> bool:
    return any(t.lower_ in ("sanctions", "sanction", "embargo", "aid", "tariffs", "tariff") for t in doc)


def _percent_ok(ftok: Token, measure: str, cue: Token | None, lex: dict, text: str, fig: Figure) -> bool:
    """Percentages are claims for tariff rates, shares of trade and growth, never for changes."""
    if measure == "tariff":
        return True
    if measure == "gdp" and cue is not None:
        if cue.lower_ == "growth" and re.search(r"\bgrowth (?:in|of) (?!gdp|the economy|output|gross)", text.lower()):
            return False  # "growth in earnings per share"
        # "GDP grew 5.8 percent": growth is the figure; but not "approval of the handling of the economy
        # fell to 34 pct"
        growing = re.search(r"\b(?:grew|grow|grows|expanded|expand|contracted|shrank|shrink)\b", text.lower())
        return cue.lower_ != "economy" or bool(growing)
    before = text[max(0, fig.start - 25):fig.start].lower()
    words = re.findall(r"[a-z]+", before)[-3:]
    if any(w in lex["change_verbs"] for w in words) or (words and words[-1] == "by"):
        return False
    head = ftok.head
    if head.lower_ in lex["change_verbs"] or head.lower_ == "by" and head.head.lower_ in lex["change_verbs"]:
        return False
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
        return bool(re.search(r"\bof\b", text[fig.end:fig.end + 60])) and dep_distance(ftok, cue) <= 4
    return False


def _unit(fig: Figure, holder: str | None, ctx: SentenceContext) -> str | None:
    """The currency: "dlrs" in a story about New Zealand are New Zealand dollars, elsewhere U.S. dollars."""
    if fig.kind == "scaled":
        return ctx.state.currency  # "imports fell to 8.33 billion" continues the article's currency
    if fig.unit == "$":
        kb = load_knowledge()
        for code in (holder, ctx.state.main):
            if code and code in kb.countries:
                c = kb.countries[code]
                return c.currency if c.dollar and c.currency else "USD"
        return "USD"
    return fig.unit


def _nearest_country(ctx: SentenceContext) -> str | None:
    for e in ctx.entities:
        if e.kind in ("country", "demonym", "official", "institution") and e.code:
            return e.code
    return None


def _relative_to(text: str, fig: Figure, parties: list[Party], offset: int) -> str | None:
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


def _parties(measure, ftok, cue, parties, rel, lex, ctx, prev_holder) -> tuple[str | None, str | None]:
    """Holder and counterpart from the parties' roles, per measure; fallbacks from context.

    Only mentions inside the figure's own frame (attached to the figure, its cue word or
    the verbs above them) fill a slot by role; the others are leftovers, used when a slot
    stays empty, nearest first. A pronoun subject of the figure's clause ("goods it does
    sell") refers back to the previous claim's holder or the article's topic.
    """
    imports = _is_import(cue, lex)
    frame = {t.i for t in ancestors(ftok)} | ({t.i for t in ancestors(cue)} if cue is not None else set())
    if cue is not None and cue.pos_ in ("NOUN", "PROPN"):
        frame |= {t.i for t in cue.subtree if t.i not in frame and t.dep_ in ("prep", "pobj", "compound", "amod", "poss")}
    cands = [p for p in parties if p.code != rel]
    anchor = cue if cue is not None else ftok

    def in_frame(p: Party) -> bool:
        return p.governor.i in frame or p.np_head.i in frame or p.token.i in frame

    def near(p: Party) -> int:
        return dep_distance(p.token, anchor)

    holder_c: list[tuple[int, str]] = []
    counter_c: list[tuple[int, str]] = []
    free: list[Party] = []
    for p in cands:
        if not in_frame(p):
            continue
        slot = _slot(measure, p, cue, imports, lex, cands)
        if slot == "holder":
            holder_c.append((near(p), p.code))
        elif slot == "counterpart":
            counter_c.append((near(p), p.code))
        elif slot == "free":
            free.append(p)
    holder = min(holder_c)[1] if holder_c else None
    pron = _clause_pronoun(ftok, cue)
    if pron is not None and (not holder_c or min(holder_c)[0] > dep_distance(pron, anchor)):
        # "it" is the previous claim's holder, or the topic when the article keeps to one country
        holder = prev_holder or (ctx.state.topic or ctx.state.main if _topic_may_hold(ftok, cue, ctx, parties) else None)
    counterpart = min((c for c in counter_c if c[1] != holder), default=(0, None))[1]
    for p in sorted(free, key=near):
        if holder is None and p.code != counterpart:
            holder = p.code
        elif counterpart is None and p.code != holder:
            counterpart = p.code
    used = {holder, counterpart, rel}
    leftovers = sorted((p for p in cands if p.code not in used), key=lambda p: (not in_frame(p), near(p)))
    if holder is None:
        if measure == "exports" and imports and leftovers or measure in ("investment", "fdi", "aid", "tariff", "sanction_value") and leftovers and not counterpart:
            holder = leftovers.pop(0).code
        elif measure not in ("investment", "fdi", "aid", "tariff", "sanction_value") and _topic_may_hold(ftok, cue, ctx, parties):
            holder = ctx.state.topic or ctx.state.main
            if holder == counterpart:
                holder = ctx.state.main if ctx.state.main != counterpart else None
    if counterpart is None and measure in ("investment", "fdi", "aid", "tariff", "sanction_value", "exports", "loan", "debt", "trade"):
        rest = [p for p in leftovers if p.code not in (holder, rel)]
        if rest and (measure != "exports" or imports):
            counterpart = rest[0].code
    if measure == "exports" and imports and counterpart is None:
        counterpart = ctx.state.topic or ctx.state.main
        if counterpart == holder:
            counterpart = None
    return holder, counterpart


def _topic_may_hold(ftok: Token, cue: Token | None, ctx: SentenceContext, parties: list[Party]) -> bool:
    """Whether a figure with no party of its own can belong to the article's topic country.

    Not when its clause has a subject that is a name sphere does not know (a company: "Southern Co
    said it will take a charge of 226 mln dlrs"), nor when the topic is only mentioned once in an
    article that is about something else."""
    topic = ctx.state.topic or ctx.state.main
    if topic is None or ctx.state.ranking.count(topic) == 0:
        return False
    linked = {p.token.i for p in parties}
    for start in [t for t in (cue, ftok) if t is not None]:
        for t in ancestors(start)[:5]:
            if t.pos_ in ("VERB", "AUX"):
                for c in t.children:
                    if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ == "PROPN" and c.i not in linked and \
                            not any(g.i in linked for g in c.subtree):
                        return False
                break
    return ctx.state.mentions.get(topic, 0) >= 2


def _clause_pronoun(ftok: Token, cue: Token | None) -> Token | None:
    """A pronoun subject of the clause the figure (or its cue verb) sits in."""
    starts = ([cue] if cue is not None else []) + [ftok]
    for start in starts:
        for t in ancestors(start)[:4]:
            if t.pos_ in ("VERB", "AUX"):
                for c in t.children:
                    if c.dep_ in ("nsubj", "nsubjpass"):
                        return c if c.lower_ in ("it", "they", "he", "she") else None
    return None


def _slot(measure: str, p: Party, cue: Token | None, imports: bool, lex: dict, cands: list[Party]) -> str | None:
    role = p.role
    if p.modifier and cue is not None and p.np_head.i == cue.i:
        role = "mod"  # "Canadian exports", "U.S. investment": the mention qualifies the cue word itself
    gov = p.governor.lower_
    owner = role in ("poss", "mod") or (role == "subj")
    prep = role[5:] if role.startswith("prep:") else None
    if measure in ("debt",):
        if role == "obj" and gov.startswith("ow"):
            return "counterpart"
        if prep in ("to", "from", "with"):
            return "counterpart"
        return "holder" if owner else None
    if measure == "loan":
        if prep in ("to", "for"):
            return "holder"
        if role == "obj" and gov in lex["lend_verbs"]:
            return "holder"  # "China lent Venezuela $60 billion"
        if prep in ("from", "by"):
            return "counterpart"
        if role == "subj":
            return "counterpart" if gov in lex["lend_verbs"] else "holder"
        if role in ("poss", "mod"):
            return "counterpart" if any(c.role == "prep:to" for c in cands) else "holder"
        return None
    if measure in ("investment", "fdi", "aid"):
        if prep in ("in", "into", "to", "for"):
            return "counterpart"
        if prep == "with":
            return "free"
        if prep in ("from", "by"):
            return "holder"
        if role == "subj" and gov in lex["receive_verbs"]:
            return "counterpart"
        return "holder" if owner else None
    if measure == "exports":
        if imports:
            if prep == "from":
                return "holder"
            if owner or prep in ("to", "into", "by"):
                return "counterpart"
            return None
        if prep in ("to", "into"):
            return "counterpart"
        if prep == "from":
            return "holder"
        return "holder" if owner else None
    if measure in ("trade", "trade_balance"):
        if prep == "between" and measure == "trade":
            return "free"  # "trade between China and Brazil": either may hold it
        if prep in ("with", "between", "to"):
            return "counterpart"
        return "holder" if owner else None
    if measure in ("tariff", "sanction_value"):
        if prep in ("on", "against", "for", "to", "from"):
            return "counterpart"
        if role == "obj":
            return "counterpart"
        if role == "subj" and gov in lex["receive_verbs"]:
            return "counterpart"
        return "holder" if owner else None
    return "holder" if owner else None


def _modality(ftok: Token, text: str, lex: dict, measure: str = "") -> str:
    chain = ancestors(ftok)[:6]
    words = set()
    for t in chain:
        words.add(t.lower_)
        for c in t.children:
            if c.dep_ in ("aux", "auxpass", "neg", "prt"):
                words.add(c.lower_)
    low = text.lower()
    if words & set(lex["threat_cues"]) or "would have" in low:
        return "threatened"
    if measure == "tariff" and words & {"would", "could", "might", "may"} and not words & {
            "confirmed", "announced", "decided", "approved", "finalised", "finalized"}:
        return "threatened"  # "he would impose a 10% tariff": a threat (a confirmed rise is planned)
    if words & {"will", "would", "plan", "plans", "planned", "pledge", "pledged", "agreed", "agree", "proposed",
                "propose", "announced", "announce", "signing", "sign", "signed", "expected", "target", "forecast",
                "projected", "reinforce", "intends"}:
        return "planned"
    if re.search(r"\beffective from\b|\bwill take effect\b", low):
        return "planned"
    return "actual"


_YEAR = re.compile(r"\b(?:end-|in |of |for |since |during |year |fiscal )?((?:19|20)\d\d)\b")


def _year(ctx: SentenceContext, fig: Figure) -> int | None:
    best = None
    for m in _YEAR.finditer(ctx.text):
        y = int(m.group(1))
        if m.start(1) - 1 >= 0 and ctx.text[m.start(1) - 1] in "$":
            continue
        d = abs(m.start() - fig.end) if m.start() >= fig.end else abs(fig.start - m.end())
        if best is None or d < best[0]:
            best = (d, y)
    if best is not None and best[0] < 80:
        return best[1]
    low = ctx.text.lower()
    pub = ctx.state.published
    if pub is not None:
        if "last year" in low:
            return pub.year - 1
        if "this year" in low:
            return pub.year
    return None


def attributed_source(sentence: str) -> str | None:
    """Who the sentence attributes its figures to, or None."""
    for pat in _ATTRIB:
        m = pat.search(sentence)
        if m:
            s = m.group("s").strip(" ,.")
            s = re.sub(r"^(?:the|an?)\s+", "", s, flags=re.IGNORECASE)
            s = re.sub(r"\s+(?:data|figures|statistics|estimates|think tank|report)$", "", s)
            if s and s.lower() not in ("it", "he", "she", "they", "this", "that"):
                return s
    return None


def _confidence(cue, ftok, holder, counterpart) -> float:
    c = 0.4
    if cue is not None and dep_distance(ftok, cue) <= 3:
        c += 0.2
    if holder:
        c += 0.2
    if counterpart:
        c += 0.1
    return round(min(c, 0.95), 2)
