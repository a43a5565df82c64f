"""A Ray executor: the same functions, mapped over batches on a cluster.

The only module that imports `ray` (an optional extra: `pip install kabar[scale]`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from typing import TypeVar

In = TypeVar("In")
Out = TypeVar("Out")


def _apply_batch(fn: Callable[[In], Out], batch: list[In]) -> list[Out]:
    return [fn(item) for item in batch]


class RayExecutor:
    def __init__(self, address: str | None = None, batch_size: int = 64, max_in_flight: int = 32) -> None:
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

    def map(self, fn: Callable[[In], Out], items: Iterable[In]) -> Iterator[Out]:
        ray = self._ray
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
