"""kill -9 on `kabar run --workers 2` (SQLite, the local pool) midway, then a rerun: nothing lost,
nothing stored twice, the uninterrupted run's tables. Articles are written in batches, so a kill
loses the batch in flight, which the rerun analyses again."""

from __future__ import annotations

import os
import signal
import sys

import pytest

from tests.scale.crash import PAGES, count, export, start_run, until

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="kill -9 and /proc")


@pytest.mark.slow  # three runs of 48 pages: ~30 s on an idle machine
def test_run_crash_killed_pool_run_rerun_equals_uninterrupted(pages, uninterrupted, tmp_path):
    db = tmp_path / "killed.db"
    run = start_run(pages, db, "--workers", "2")
    try:
        until(lambda: count(db, "articles") >= 1, run)
        os.kill(run.pid, signal.SIGKILL)
    finally:
        run.wait(timeout=60)
    assert run.returncode == -signal.SIGKILL, "the run ended before it could be killed"
    part = count(db, "articles")
    print(f"killed with {part} of {PAGES} articles stored")
    assert 1 <= part < PAGES or count(db, "events") == 0
    rerun = start_run(pages, db, "--workers", "2")
    assert rerun.wait(timeout=240) == 0, rerun.stderr.read().decode()[-2000:] if rerun.stderr else ""
    assert export(db, tmp_path / "out") == uninterrupted
