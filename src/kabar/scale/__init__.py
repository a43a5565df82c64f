"""Scale-out: the same per-page functions run in a loop, a process pool, or a Ray cluster.

An executor maps a picklable function over records and yields the results
in input order. Per-article stages (extract, analyse) are embarrassingly
parallel; cross-article linking is map (signatures) → group (LSH buckets) →
reduce (clusters), so it shards the same way (see `kabar.link`).
"""

from kabar.scale.executor import Executor, LocalExecutor, make_executor, shard

__all__ = ["Executor", "LocalExecutor", "make_executor", "shard"]
