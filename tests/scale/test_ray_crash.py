"""kill -9 on a Ray run: the driver mid-run (then a rerun), or one Ray worker mid-stage (Ray runs
its task again). Either way nothing is lost, nothing stored twice, and the store equals an
uninterrupted run's, table for table."""

from __future__ import annotations

import os
import signal
import sys
import time
from importlib.util import find_spec

import pytest

from tests.scale.crash import PAGES, count, descendants, export, running, start_run, until

pytestmark = [
    pytest.mark.slow,  # Ray clusters started in subprocesses: ~20 s a run on an idle machine
    pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads the process tree from /proc"),
    # looked up, not imported: Ray reads its settings from the environment when first imported,
    # which the in-process cluster of conftest.py sets just before (loopback only)
    pytest.mark.skipif(find_spec("ray") is None, reason="needs the scale extra: pip install -e '.[scale]'"),
]


def test_ray_crash_killed_driver_rerun_equals_uninterrupted(pages, uninterrupted, tmp_path):
    db = tmp_path / "killed.db"
    run = start_run(pages, db, "--executor", "ray")
    try:
        until(lambda: count(db, "articles") >= 1, run)
        cluster = descendants(run.pid)  # the Ray servers and workers this driver started
        os.kill(run.pid, signal.SIGKILL)  # mid-run: a batch or more stored, the rest and the linking not
    finally:
        run.wait(timeout=60)
    assert run.returncode == -signal.SIGKILL, "the run ended before it could be killed"
    part = count(db, "articles")
    print(f"killed with {part} of {PAGES} articles stored")
    assert 1 <= part < PAGES or count(db, "events") == 0  # stopped before the end
    assert cluster, "no Ray process was found under the driver"
    # Ray's servers and workers share the driver's fate: none is left running (a leak would pile up
    # per crash). Its two node agents see the raylet gone at once but wait on the dead GCS before
    # they exit (80 s, seen): not waited for here.
    servers = [p for p, cmdline in cluster.items() if "Agent" not in cmdline]
    deadline = time.monotonic() + 30
    while (alive := [p for p in servers if running(p)]) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not alive, f"Ray processes outlived their driver: {[cluster[p][:60] for p in alive]}"
    rerun = start_run(pages, db, "--executor", "ray")
    assert rerun.wait(timeout=240) == 0, rerun.stderr.read().decode()[-2000:] if rerun.stderr else ""
    assert export(db, tmp_path / "out") == uninterrupted


def test_ray_crash_killed_worker_is_retried_and_the_store_equals_uninterrupted(pages, uninterrupted, tmp_path):
    db = tmp_path / "k.db"
    run = start_run(pages, db, "--executor", "ray")
    killed: list[str] = []

    def kill_a_busy_worker() -> bool:  # a worker while it runs a batch of pages (idle ones are ray::IDLE)
        for pid, cmdline in descendants(run.pid).items():
            if cmdline.startswith("ray::_apply_batch"):
                os.kill(pid, signal.SIGKILL)
                killed.append(cmdline)
                return True
        return False

    try:
        until(kill_a_busy_worker, run)
        assert killed, "no Ray worker was seen running a batch"
        code = run.wait(timeout=240)
    finally:
        if run.poll() is None:
            run.kill()
            run.wait()
    # Ray runs the dead worker's task again in a new worker: the run itself completes
    assert code == 0, run.stderr.read().decode()[-2000:] if run.stderr else ""
    assert count(db, "failures") == 0
    assert export(db, tmp_path / "out") == uninterrupted
