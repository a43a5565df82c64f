"""kill -9 on a Ray run: the driver mid-run (then a rerun), or one Ray worker mid-stage (Ray runs
its task again). Either way nothing is lost, nothing stored twice, and the store equals an
uninterrupted run's, table for table."""

from __future__ import annotations

import os
import random
import re
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kabar.cli import app

pytestmark = pytest.mark.slow  # Ray clusters started in subprocesses: ~20 s a run
ray = pytest.importorskip("ray", reason="needs the scale extra: pip install -e '.[scale]'")
runner = CliRunner()
PAGES = 48
_WORD = re.compile(r"^[a-z]{3,}$")


@pytest.fixture(scope="module")
def pages(sample_paths, tmp_path_factory) -> Path:
    """48 pages of the sample pages' own sentences, recombined, a quarter of the lower-case words
    swapped for others of theirs: distinct pages (no line repeated, so none is taken for chrome),
    four stories of 12, enough for a run that can be stopped midway."""
    from kabar.analyse.tokens import sentences
    from kabar.pipeline import extract_paths

    pool = [s for a in extract_paths(sample_paths) for s in sentences(a.text) if len(s.split()) >= 8]
    words = sorted({w for s in pool for w in s.split() if _WORD.match(w)})
    rng = random.Random(24)
    folder = tmp_path_factory.mktemp("pages")
    for i in range(PAGES):
        story = pool[(i // 12) * len(pool) // 4 : (i // 12 + 1) * len(pool) // 4]
        body = [" ".join(rng.choice(words) if _WORD.match(w) and rng.random() < 0.25 else w for w in s.split()) for s in rng.sample(story, 8)]
        paragraphs = [" ".join(body[k : k + 2]) for k in range(0, 8, 2)]
        title = " ".join(body[0].split()[:9]).rstrip(".,")
        dated = f"Kompas.com - {1 + i // 12:02d}/03/2021, {8 + i % 12:02d}:15 WIB"
        (folder / f"{i:03d}.txt").write_text("\n\n".join([title, dated, "JAKARTA, KOMPAS.com - " + paragraphs[0], *paragraphs[1:]]) + "\n", encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def uninterrupted(pages, tmp_path_factory) -> dict[str, str]:
    """The tables of a whole run on the local executor (equal to Ray's: test_ray_run)."""
    folder = tmp_path_factory.mktemp("whole")
    result = runner.invoke(app, ["run", str(pages), "--db", str(folder / "k.db"), "-q"])
    assert result.exit_code == 0, result.output
    tables = _export(folder / "k.db", folder / "out")
    assert tables["articles.jsonl"].count("\n") == PAGES and tables["events.jsonl"] and tables["reuse.jsonl"]
    return tables


def _export(db: Path, out: Path) -> dict[str, str]:
    result = runner.invoke(app, ["export", "--db", str(db), "--format", "jsonl", "--out", str(out)])
    assert result.exit_code == 0, result.output
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(out.iterdir())}


def _count(db: Path, table: str) -> int:
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5) as conn:
            return conn.execute(f"select count(*) from {table}").fetchone()[0]
    except sqlite3.Error:  # not created yet
        return 0


def _descendants(root: int) -> dict[int, str]:
    """The processes under `root` with their command lines (Ray's title for a worker: ray::TASK)."""
    parents: dict[int, int] = {}
    for entry in filter(str.isdigit, os.listdir("/proc")):
        try:
            parents[int(entry)] = int(Path(f"/proc/{entry}/stat").read_bytes().rsplit(b")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue
    found, todo = {}, [root]
    while todo:
        pid = todo.pop()
        for child in (c for c, p in parents.items() if p == pid):
            try:
                found[child] = Path(f"/proc/{child}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
            except OSError:
                continue
            todo.append(child)
    return found


def _ray_run(pages: Path, db: Path) -> subprocess.Popen:
    command = [sys.executable, "-m", "kabar", "run", str(pages), "--db", str(db), "-q", "--executor", "ray"]
    return subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def _until(condition, run: subprocess.Popen, seconds: float = 180) -> None:
    deadline = time.monotonic() + seconds
    while not condition() and run.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads the process tree from /proc")
def test_ray_crash_killed_driver_rerun_equals_uninterrupted(pages, uninterrupted, tmp_path):
    db = tmp_path / "killed.db"
    run = _ray_run(pages, db)
    try:
        _until(lambda: _count(db, "articles") >= 1, run)
        cluster = _descendants(run.pid)  # the Ray servers and workers this driver started
        os.kill(run.pid, signal.SIGKILL)  # mid-run: a batch or more stored, the rest and the linking not
    finally:
        run.wait(timeout=60)
    assert run.returncode == -signal.SIGKILL, "the run ended before it could be killed"
    part = _count(db, "articles")
    print(f"killed with {part} of {PAGES} articles stored")
    assert 1 <= part < PAGES or _count(db, "events") == 0  # stopped before the end
    assert cluster, "no Ray process was found under the driver"
    # Ray's servers and workers share the driver's fate: none is left running (a leak would pile up
    # per crash). Its two node agents see the raylet gone at once but wait on the dead GCS before
    # they exit (80 s, seen): not waited for here.
    servers = [p for p, cmdline in cluster.items() if "Agent" not in cmdline]
    deadline = time.monotonic() + 30
    while (alive := [p for p in servers if _state(p) == "running"]) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not alive, f"Ray processes outlived their driver: {[cluster[p][:60] for p in alive]}"
    rerun = _ray_run(pages, db)
    assert rerun.wait(timeout=240) == 0, rerun.stderr.read().decode()[-2000:] if rerun.stderr else ""
    assert _export(db, tmp_path / "out") == uninterrupted


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads the process tree from /proc")
def test_ray_crash_killed_worker_is_retried_and_the_store_equals_uninterrupted(pages, uninterrupted, tmp_path):
    db = tmp_path / "k.db"
    run = _ray_run(pages, db)
    killed: list[str] = []
    try:
        def busy_worker() -> bool:  # a worker while it runs a batch of pages (idle ones are ray::IDLE)
            for pid, cmdline in _descendants(run.pid).items():
                if cmdline.startswith("ray::_apply_batch"):
                    os.kill(pid, signal.SIGKILL)
                    killed.append(cmdline)
                    return True
            return False

        _until(busy_worker, run)
        assert killed, "no Ray worker was seen running a batch"
        code = run.wait(timeout=240)
    finally:
        if run.poll() is None:
            run.kill()
            run.wait()
    # Ray runs the dead worker's task again elsewhere: the run itself completes
    assert code == 0, run.stderr.read().decode()[-2000:] if run.stderr else ""
    assert _count(db, "failures") == 0
    assert _export(db, tmp_path / "out") == uninterrupted


def _state(pid: int) -> str:
    try:
        return "zombie" if Path(f"/proc/{pid}/stat").read_bytes().rsplit(b")", 1)[1].split()[0] == b"Z" else "running"
    except (OSError, IndexError):
        return "gone"
