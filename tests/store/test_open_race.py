"""Several processes opening one fresh SQLite store at once: each opens it, none dies (issue 23).

Before the fix, the schema's check-then-create ran outside any transaction and a second
opener died on "table … already exists" (every one of 10 trials of three openers); under load,
two openers could also deadlock on the lock (one turning the file to WAL), which SQLite fails at
once: the opener tries again.
"""

from __future__ import annotations

import multiprocessing as mp
from pathlib import Path

from sqlalchemy import func, select

from kabar.store import open_store
from kabar.store import schema as t


def _open(path: str, barrier, results) -> None:
    barrier.wait()
    try:
        with open_store(path):
            pass
        results.put("ok")
    except Exception as exc:  # reported to the parent, which asserts on it
        results.put(f"{type(exc).__name__}: {exc}")


def test_concurrent_openers_of_a_fresh_store(tmp_path: Path) -> None:
    ctx = mp.get_context("fork")
    for trial in range(4):
        path = str(tmp_path / f"k{trial}.db")
        barrier, results = ctx.Barrier(5), ctx.Queue()
        procs = [ctx.Process(target=_open, args=(path, barrier, results)) for _ in range(5)]
        for p in procs:
            p.start()
        for p in procs:
            p.join(60)
        outcomes = [results.get(timeout=5) for _ in procs]
        assert outcomes == ["ok"] * 5, outcomes
        with open_store(path) as store, store.engine.connect() as conn:
            versions = conn.execute(select(func.count()).select_from(t.kabar_meta).where(t.kabar_meta.c.key == "schema_version"))
            assert versions.scalar() == 1
