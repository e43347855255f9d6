"""The extraction pipeline: a `Document` in, an `ArticleResult` out.

Stages, per article:
1. split sentences and find mentions (gazetteer) and figures (regex) over the whole text;
2. choose the sentences worth parsing: those with a figure, a party (a mention, or a word that
   the resolution step may turn into one: "it", "the country", "the two"), a trigger or a cue word.
   Skipping the rest (datelines, colour, background with no party) keeps sphere about twice as
   fast as spaCy's full pipeline; a test shows no annotated dev claim or event lies in a
   skipped sentence;
3. parse only those with spaCy (tagger + parser; NER and lemmatizer are not used),
   batched across articles with `nlp.pipe`;
4. run the claim and event extractors sentence by sentence, carrying the article's topic
   (for "the country", "it", "he") from one sentence to the next; find quotes.

Parsing only where needed is what makes sphere faster than running spaCy's full pipeline
over every text. `extract_documents(..., workers=N)` spreads articles over N processes,
each loading the model once.
"""

from __future__ import annotations

import gc
import multiprocessing as mp
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from itertools import islice
from multiprocessing.context import BaseContext

from sphere import __version__
from sphere.errors import InputError
from sphere.models import ArticleResult, Document, Entity
from sphere.nlp.claims import cue_words, extract_claims
from sphere.nlp.context import SentenceContext
from sphere.nlp.entities import find_entities, gazetteer
from sphere.nlp.events import events_from_claims, extract_events, trigger_words
from sphere.nlp.figures import Figure, find_figures
from sphere.nlp.model import load_model
from sphere.nlp.quotes import extract_quotes
from sphere.nlp.resolve import SentenceFacts, after_sentence, lead_party, start_article
from sphere.nlp.sentences import Span, split_sentences
from sphere.nlp.syntax import span_for

EXTRACTOR_VERSION = f"sphere-{__version__}+rules.2"  # rules.2: CAMEO lemma triggers, role frames, resolve
_WORD = re.compile(r"[A-Za-z]+")
# Words the resolution step may turn into a party: pronouns, "the country", "the two", "officials".
_COREF = {"it", "its", "he", "his", "she", "her", "they", "their", "we", "our", "country", "government", "nation",
          "two", "both", "officials", "minister", "ministry", "president"}
_PARSE_DISABLE = ["ner"]


@dataclass
class _Prepared:
    doc: Document
    sentences: list[Span]
    entities: list[Entity]
    by_sentence: list[list[Entity]]
    figures: list[list[Figure]]
    selected: list[int]


def _prepare(doc: Document) -> _Prepared:
    text = doc.text
    sentences = split_sentences(text)
    entities = find_entities(text, published=doc.published)
    triggers = trigger_words()
    cues = cue_words()
    by_sentence: list[list[Entity]] = [[] for _ in sentences]
    k = 0
    for e in entities:
        while k < len(sentences) and sentences[k].end <= e.start:
            k += 1
        if k < len(sentences) and sentences[k].start <= e.start:
            by_sentence[k].append(e)
    figures: list[list[Figure]] = []
    selected: list[int] = []
    for i, s in enumerate(sentences):
        stext = text[s.start:s.end]
        figs = find_figures(stext)
        figures.append(figs)
        if len(stext) > 1500:
            continue
        words = {w.lower() for w in _WORD.findall(stext)}
        has_party = bool(by_sentence[i]) or bool(words & _COREF)
        if figs or has_party or words & triggers or words & cues:
            selected.append(i)
    return _Prepared(doc, sentences, entities, by_sentence, figures, selected)


def selection_counts(docs: Iterable[Document]) -> tuple[int, int]:
    """(sentences, sentences parsed) over `docs`: what the pre-selection skips, for the benchmark."""
    total = parsed = 0
    for d in docs:
        p = _prepare(d)
        total += len(p.sentences)
        parsed += len(p.selected)
    return total, parsed


def _finish(p: _Prepared, parsed: dict[int, object]) -> ArticleResult:
    doc = p.doc
    text = doc.text
    state = start_article(text, doc.published, p.entities)
    claims = []
    events = []
    for i, s in enumerate(p.sentences):
        pdoc = parsed.get(i)
        if pdoc is not None:
            ctx = SentenceContext(s.start, s.end, text[s.start:s.end], pdoc, p.by_sentence[i], p.figures[i], state)  # type: ignore[arg-type]
            new_claims = list(extract_claims(ctx))
            claims.extend(new_claims)
            said = list(extract_events(ctx))
            covered = {(e.actor, e.target) for e in said}
            events.extend(said)
            # a tariff figure is an event too, unless a verb in the sentence already coded that pair
            for e in events_from_claims(new_claims, ctx):
                if (e.actor, e.target) not in covered:
                    covered.add((e.actor, e.target))
                    events.append(e)
        officials = tuple(e.code for e in p.by_sentence[i] if e.kind == "official" and e.code)
        groups = tuple(e.code for e in p.by_sentence[i] if e.kind == "group" and e.code)
        if pdoc is not None:
            after_sentence(state, SentenceFacts(subject=_subject_party(ctx), officials=officials, groups=groups))
        else:
            after_sentence(state, SentenceFacts(lead=lead_party(p.by_sentence[i], s.start), officials=officials, groups=groups))
    quotes = extract_quotes(text, p.sentences, p.entities)
    return ArticleResult(
        id=doc.id, title=doc.title, published=doc.published, url=doc.url, source=doc.source,
        extractor_version=EXTRACTOR_VERSION, entities=p.entities, claims=claims, events=events, quotes=quotes,
    )


def _subject_party(ctx: SentenceContext) -> str | None:
    """The party that is (or qualifies) the subject of the main clause, if any: the sentence's topic."""
    spans = {}
    for e in ctx.entities:
        if e.code and e.kind in ("country", "official", "institution", "capital", "demonym"):
            span = span_for(ctx.doc, e.start - ctx.start, e.end - ctx.start)
            if span is not None:
                for t in span:
                    spans[t.i] = e.code
    for tok in ctx.doc:
        if tok.dep_ in ("nsubj", "nsubjpass") and tok.head.dep_ == "ROOT":
            if tok.i in spans:
                return spans[tok.i]
            for c in tok.children:
                if c.dep_ in ("poss", "compound", "amod") and c.i in spans:
                    return spans[c.i]
            return None
    return None


def extract_document(doc: Document) -> ArticleResult:
    """Extract one article (loads the model on first use)."""
    return next(_extract_batch([doc]))


def extract_text(text: str, *, published: date | str | None = None, title: str | None = None, id: str = "text") -> ArticleResult:  # noqa: A002
    if isinstance(published, str):
        published = date.fromisoformat(published[:10])
    return extract_document(Document(id=id, text=text, title=title, published=published))


def _extract_batch(docs: list[Document]) -> Iterator[ArticleResult]:
    nlp = load_model()
    prepared = [_prepare(d) for d in docs]
    jobs = [(k, i, p.doc.text[p.sentences[i].start:p.sentences[i].end]) for k, p in enumerate(prepared) for i in p.selected]
    parsed: list[dict[int, object]] = [{} for _ in prepared]
    for (k, i, _), sdoc in zip(jobs, nlp.pipe((t for _, _, t in jobs), batch_size=256, disable=_PARSE_DISABLE), strict=True):
        parsed[k][i] = sdoc
    for k, p in enumerate(prepared):
        yield _finish(p, parsed[k])


def _safe_batch(docs: list[Document]) -> list[ArticleResult | InputError]:
    try:
        return list(_extract_batch(docs))
    except Exception:  # one bad article must not sink the batch: retry one by one
        out: list[ArticleResult | InputError] = []
        for d in docs:
            try:
                out.append(next(_extract_batch([d])))
            except Exception as exc:  # noqa: BLE001 - reported, never silent
                out.append(InputError(d.origin if d.origin != "-" else d.id, f"extraction failed: {type(exc).__name__}: {exc}"))
        return out


def _warm() -> None:
    """Load the model and compile the gazetteer and lexicons (about 1.5 s) once."""
    load_model()
    gazetteer()
    trigger_words()
    cue_words()


def _worker_init() -> None:
    _warm()


def extract_documents(docs: Iterable[Document], *, workers: int = 1, batch_size: int = 32) -> Iterator[ArticleResult | InputError]:
    """Extract many articles in order; with workers > 1 batches run in parallel processes."""
    it = iter(docs)
    batches = iter(lambda: list(islice(it, batch_size)), [])
    if workers <= 1:
        for batch in batches:
            yield from _safe_batch(batch)
        return
    ctx: BaseContext = mp.get_context()
    if "fork" in mp.get_all_start_methods():
        # Build everything in the parent and let forked workers share it copy-on-write,
        # rather than each worker paying the start-up again.
        _warm()
        gc.freeze()
        ctx = mp.get_context("fork")
    with ctx.Pool(workers, initializer=_worker_init) as pool:
        for results in pool.imap(_safe_batch, batches):
            yield from results
