"""The executor contract and the local executors (a plain loop, or a process pool)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from itertools import islice
from typing import Protocol, TypeVar

In = TypeVar("In")
Out = TypeVar("Out")


class Executor(Protocol):
    def map(self, fn: Callable[[In], Out], items: Iterable[In]) -> Iterator[Out]:
        """`fn` over `items`, results in input order, streamed."""
        ...


class LocalExecutor:
    """`workers=1`: a plain loop in this process; more: a process pool fed in bounded windows.

    The window keeps memory flat on huge inputs: at most `workers * batch_size`
    records are in flight.
    """

    def __init__(self, workers: int = 1, batch_size: int = 16) -> None:
        if workers < 1:
            raise ValueError("workers must be at least 1")
        self.workers = workers
        self.batch_size = batch_size

    def map(self, fn: Callable[[In], Out], items: Iterable[In]) -> Iterator[Out]:
        if self.workers == 1:
            yield from map(fn, items)
            return
        iterator = iter(items)
        window = self.workers * self.batch_size
        with ProcessPoolExecutor(max_workers=self.workers) as pool:
            while chunk := list(islice(iterator, window)):
                yield from pool.map(fn, chunk, chunksize=self.batch_size)


def make_executor(spec: str = "local", workers: int = 1) -> Executor:
    """`local` (loop or process pool) or `ray` / `ray://host:port` (a Ray cluster)."""
    if spec == "local":
        return LocalExecutor(workers)
    if spec == "ray" or spec.startswith("ray://"):
        from kabar.scale.ray_executor import RayExecutor

        return RayExecutor(address=None if spec == "ray" else spec)
    raise ValueError(f"unknown executor {spec!r}: use 'local', 'ray' or 'ray://host:port'")


def shard(items: Sequence[In], rank: int, world_size: int) -> Sequence[In]:
    """The items of one worker among `world_size`: every world_size-th, from `rank`.

    Sorted inputs give every worker a deterministic, disjoint share (as DataTrove's
    `get_shard`), so a failed shard can be rerun alone.
    """
    if not 0 <= rank < world_size:
        raise ValueError(f"rank {rank} is outside 0..{world_size - 1}")
    return items[rank::world_size]
