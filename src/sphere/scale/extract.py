"""The one extraction code path of every engine: a batch of Documents in, one ArticleResult or InputError
per Document out, in order, each article under a time limit.

`extract_batch` runs in the ingesting process (`--engine local`, `--workers 1`), in each process of the
local pool (`--workers N`) and in each Dask worker (`--engine dask`): the pipeline batches the articles'
parses (the model is loaded once per process and kept), and a batch that overruns is run again article by
article, so the article that overruns is the only one lost, named with the reason.
"""

from __future__ import annotations

import gc
import multiprocessing as mp
from collections.abc import Iterable, Iterator
from functools import partial
from itertools import islice

from sphere.errors import InputError
from sphere.models import ArticleResult, Document
from sphere.scale.limits import TimeLimitExceeded, time_limit

ARTICLE_SECONDS = 60.0  # default time limit per article: typical articles take 10-50 ms
BATCH = 32  # articles whose parses are batched together

Result = ArticleResult | InputError


def extract_batch(docs: list[Document], seconds: float | None = ARTICLE_SECONDS) -> list[Result]:
    """Extract `docs` together within `seconds`; on overrun, each alone within `seconds`."""
    if not docs:
        return []
    try:
        with time_limit(seconds):
            return _pipeline_batch(docs)
    except TimeLimitExceeded:
        if len(docs) == 1:
            return [InputError(_label(docs[0]), f"extraction took over {seconds:g} s (the time limit per article)")]
    return [result for doc in docs for result in extract_batch([doc], seconds)]


def _pipeline_batch(docs: list[Document]) -> list[Result]:
    from sphere.nlp import pipeline  # looked up at call time: tests may stand in a stub pipeline

    return list(pipeline.extract_documents(docs, workers=1, batch_size=len(docs)))


def _label(doc: Document) -> str:
    return doc.origin if doc.origin and doc.origin != "-" else doc.id


def warm() -> None:
    """Load the model and build the lexicons in this process (about 1.5 s), once."""
    extract_batch([Document(id="warm-up", text="China lent Kenya $1 billion in 2019.")], None)


def extract_many(
    docs: Iterable[Document], *, workers: int = 1, seconds: float | None = ARTICLE_SECONDS, batch_size: int = BATCH
) -> Iterator[Result]:
    """Extract many Documents in order, in this process or in `workers` processes (each loads the model once)."""
    it = iter(docs)
    batches = iter(lambda: list(islice(it, batch_size)), [])
    run = partial(extract_batch, seconds=seconds)
    if workers <= 1:
        for batch in batches:
            yield from run(batch)
        return
    context = mp.get_context("fork") if "fork" in mp.get_all_start_methods() else mp.get_context()
    if context.get_start_method() == "fork":  # forked workers share the loaded model copy-on-write
        warm()
        gc.freeze()
    with context.Pool(workers, initializer=warm) as pool:
        for results in pool.imap(run, batches):
            yield from results
