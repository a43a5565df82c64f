"""kill -9 during `kabar run` on PostgreSQL, then run again: nothing lost, nothing twice, the uninterrupted run's tables
(coded events included)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest
from typer.testing import CliRunner

from kabar.cli import app
from kabar.store import open_store

runner = CliRunner()


def _export(url: str, out) -> dict[str, str]:
    result = runner.invoke(app, ["export", "--db", url, "--out", str(out)])
    assert result.exit_code == 0, result.output
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(out.iterdir())}


def _stored(url: str) -> int:
    with open_store(url) as store:
        return store.count("articles")


@pytest.mark.slow  # three runs of the samples in subprocesses: ~30 s
def test_crash_killed_run_on_postgresql_rerun_equals_uninterrupted(postgres, sample_paths, tmp_path):
    whole, killed = postgres.fresh(), postgres.fresh()
    command = [sys.executable, "-m", "kabar", "run", str(sample_paths[0].parent), "-q", "--db"]
    subprocess.run([*command, whole], check=True, capture_output=True, timeout=300)
    open_store(killed).close()  # tables first, so the count below can be read at once
    run = subprocess.Popen([*command, killed], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 240
        while _stored(killed) < 2 and run.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
        os.kill(run.pid, signal.SIGKILL)  # mid-run: some articles stored, the rest and the linking not
    finally:
        run.wait(timeout=60)
    assert run.returncode == -signal.SIGKILL, "the run ended before it could be killed"
    with open_store(killed) as store:
        part = store.count("articles")
        print(f"killed with {part} of {len(sample_paths)} articles stored")
        assert 2 <= part <= len(sample_paths)
        assert part < len(sample_paths) or store.count("events") == 0  # it was stopped before the end
        # coded events are written with their article: every stored article has all of its own, no more
        from kabar.analyse.plover import code_events
        from kabar.store.coded_events import article_events

        assert all(article_events(store, a.article.id) == code_events(a) for a in store.analysed_articles())
        assert store.count("coded_event_mentions") > 0
    subprocess.run([*command, killed], check=True, capture_output=True, timeout=300)
    assert _export(killed, tmp_path / "killed") == _export(whole, tmp_path / "whole")
