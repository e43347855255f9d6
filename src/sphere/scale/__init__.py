"""scale: the same extraction on one core, a local pool, or a Dask cluster, with nothing lost when a worker dies.

    limits.py       a time limit on a block of code, in any thread (per-article limit)
    extract.py      the one extraction code path: a batch in, a result or a named error per article out
    partitions.py   a corpus cut into partitions with stable keys (the unit of work and of resumption)
    shards.py       a partition's results as a Parquet shard; the run's manifest (what is extracted, stored)
    dask_engine.py  `sphere ingest --engine dask`: partitions extracted on Dask workers, shards loaded into
                    the store as they arrive, idempotently

Dask is imported only by `dask_engine` (the `scale` extra); the rest serves every engine.
"""
