"""A time budget per page: one pathological page becomes a recorded failure, not a stalled batch.

Shared by the local executors and the Ray one (whose tasks run on their worker's main thread).
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Callable
from typing import TypeVar

from kabar.records import Failure

In = TypeVar("In")
Out = TypeVar("Out")

# A page takes well under a second; one that takes minutes is pathological input, not news.
PAGE_TIMEOUT = 120.0


class TimeBounded:
    """`fn` with a time budget per call, a picklable wrapper (it runs in pool workers too).

    The budget is a SIGALRM timer, which interrupts Python code and the regex engine alike;
    an item over budget becomes `Failure(source, "timeout", reason)`. Signals reach only the
    main thread: called from another thread, `fn` runs unbounded.
    """

    def __init__(self, fn: Callable[[In], Out], seconds: float) -> None:
        self.fn = fn
        self.seconds = seconds

    def __call__(self, item: In) -> Out | Failure:
        if threading.current_thread() is not threading.main_thread() or not hasattr(signal, "setitimer"):
            return self.fn(item)
        previous = signal.signal(signal.SIGALRM, _over_budget)
        signal.setitimer(signal.ITIMER_REAL, self.seconds)
        try:
            return self.fn(item)
        except _OverBudget:
            return Failure(_source(item), "timeout", f"took over {self.seconds:g} s: stopped, the batch goes on")
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)


class _OverBudget(BaseException):
    """A BaseException, so the stages' `except Exception` (one analyser failing) cannot swallow it."""


def _over_budget(signum, frame) -> None:
    raise _OverBudget


def _source(item: object) -> str:
    """The source an item came from: a page, a (page, …) tuple from the planner, or a record with one."""
    for candidate in (item, *(item if isinstance(item, tuple) else ())):
        source = getattr(candidate, "source", None)
        if isinstance(source, str):
            return source
    return "<item>"
