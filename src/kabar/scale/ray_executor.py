"""A Ray executor: the same functions, mapped over batches on a cluster.

The only module that imports `ray` (an optional extra: `pip install kabar[scale]`).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from typing import TypeVar

from kabar.scale.budget import PAGE_TIMEOUT, TimeBounded

In = TypeVar("In")
Out = TypeVar("Out")

# A cluster this process starts serves this machine alone: it listens on 127.0.0.1, not on the
# machine's address, and sends Ray's servers no usage statistics. Ray reads both from the
# environment only (the first when it is imported); a value the user set wins.
LOCAL_CLUSTER_ENV = {"RAY_USAGE_STATS_ENABLED": "0", "RAY_ENABLE_WINDOWS_OR_OSX_CLUSTER": "0"}


def _apply_batch(fn: Callable[[In], Out], batch: list[In]) -> list[Out]:
    return [fn(item) for item in batch]


class RayExecutor:
    def __init__(
        self,
        address: str | None = None,
        batch_size: int = 8,
        max_in_flight: int = 32,
        page_timeout: float | None = PAGE_TIMEOUT,
    ) -> None:
        if address is None and "RAY_ADDRESS" not in os.environ:
            for name, value in LOCAL_CLUSTER_ENV.items():  # before Ray's import, which reads them
                os.environ.setdefault(name, value)
            # "local": a new cluster, not whichever one a file under /tmp/ray names (maybe long dead)
            address = "local"
        try:
            import ray
        except ImportError as exc:  # a clear message rather than a bare ImportError deep in a run
            raise RuntimeError("the ray executor needs Ray: pip install 'kabar[scale]'") from exc
        if not ray.is_initialized():
            ray.init(address=address, include_dashboard=False, log_to_driver=False)
        self._ray = ray
        self._remote = ray.remote(_apply_batch)
        self.batch_size = batch_size
        self.max_in_flight = max_in_flight
        self.page_timeout = page_timeout

    def map(self, fn: Callable[[In], Out], items: Iterable[In]) -> Iterator[Out]:
        """`fn` over `items` in input order; no item may take more than `page_timeout` seconds
        (a Ray task runs on its worker's main thread, so the local pool's SIGALRM budget holds)."""
        ray = self._ray
        if self.page_timeout is not None:
            fn = TimeBounded(fn, self.page_timeout)
        fn_ref = ray.put(fn)
        iterator = iter(items)
        pending: list = []
        while True:
            while len(pending) < self.max_in_flight and (batch := list(islice(iterator, self.batch_size))):
                pending.append(self._remote.remote(fn_ref, batch))
            if not pending:
                return
            # results stay in input order: wait for the oldest batch first
            yield from ray.get(pending.pop(0))

    def aside(self, fn: Callable[[In], Out], arg: In) -> Callable[[], Out]:
        """`fn(arg)` as one Ray task, started now; the returned call waits for its result."""
        ref = self._ray.remote(fn).remote(arg)
        return lambda: self._ray.get(ref)
