"""The executor contract and the local executors (a plain loop, or a process pool)."""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable, Iterable, Iterator, Sequence
from collections import deque
from concurrent.futures import ProcessPoolExecutor
from itertools import islice
from typing import Protocol, TypeVar

from kabar.scale.budget import PAGE_TIMEOUT, TimeBounded

In = TypeVar("In")
Out = TypeVar("Out")


class Executor(Protocol):
    def map(self, fn: Callable[[In], Out], items: Iterable[In]) -> Iterator[Out]:
        """`fn` over `items`, results in input order, streamed."""
        ...

    def aside(self, fn: Callable[[In], Out], arg: In) -> Callable[[], Out]:
        """Start `fn(arg)` beside the caller's own work; the returned call waits for its result
        (and raises what `fn` raised)."""
        ...


class LocalExecutor:
    """`workers=1`: a plain loop in this process; more: a process pool fed batches of `batch_size`.

    Up to `workers * in_flight` batches are out at once and more are sent as each comes back,
    so no worker waits for the slowest page of a window while the caller stores results, and
    memory stays flat on huge inputs (a bounded number of records in flight). No item may take
    more than `page_timeout` seconds (None: no bound): one that does gives a `Failure` in its
    place and the rest go on.
    """

    def __init__(
        self, workers: int = 1, batch_size: int = 8, page_timeout: float | None = PAGE_TIMEOUT, in_flight: int = 3
    ) -> None:
        if workers < 1:
            raise ValueError("workers must be at least 1")
        self.workers = workers
        self.batch_size = batch_size
        self.page_timeout = page_timeout
        self.in_flight = in_flight

    def map(self, fn: Callable[[In], Out], items: Iterable[In]) -> Iterator[Out]:
        if self.page_timeout is not None:
            fn = TimeBounded(fn, self.page_timeout)
        if self.workers == 1:
            yield from map(fn, items)
            return
        iterator = iter(items)
        with ProcessPoolExecutor(max_workers=self.workers) as pool:
            pending: deque = deque()
            while True:
                while len(pending) < self.workers * self.in_flight and (batch := list(islice(iterator, self.batch_size))):
                    pending.append(pool.submit(apply_batch, fn, batch))
                if not pending:
                    return
                # results stay in input order: the oldest batch first, the others keep running
                yield from pending.popleft().result()

    def aside(self, fn: Callable[[In], Out], arg: In) -> Callable[[], Out]:
        """One worker: `fn(arg)` when the result is asked for; more: at once, in a forked process."""
        if self.workers == 1:
            return lambda: fn(arg)
        return run_aside(fn, arg)


def run_aside(fn: Callable[[In], Out], arg: In) -> Callable[[], Out]:
    """`fn(arg)` in a forked child process: `arg` is inherited, not pickled (a whole corpus costs
    nothing to send), and only the result comes back through a pipe."""
    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)
    child = context.Process(target=_send_result, args=(fn, arg, sender), daemon=True)
    child.start()
    sender.close()  # the child's copy stays open: EOF here means the child died

    def result() -> Out:
        try:
            ok, value = receiver.recv()
        except EOFError:
            child.join()
            raise RuntimeError(f"the process running {getattr(fn, '__name__', fn)} died (exit code {child.exitcode})") from None
        finally:
            receiver.close()
        child.join()
        if not ok:
            raise value
        return value

    return result


def _send_result(fn: Callable[[In], Out], arg: In, sender) -> None:
    try:
        outcome = (True, fn(arg))
    except Exception as exc:  # raised again in the parent, with its type
        outcome = (False, exc)
    sender.send(outcome)
    sender.close()


def apply_batch(fn: Callable[[In], Out], batch: list[In]) -> list[Out]:
    """`fn` over one batch: the unit sent to a worker process (one message each way per batch)."""
    return [fn(item) for item in batch]


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
