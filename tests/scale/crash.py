"""Helpers of the kill -9 tests: pages for a run long enough to be killed midway, the store's tables,
and the process tree under a run (from /proc)."""

from __future__ import annotations

import os
import random
import re
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from typer.testing import CliRunner

from kabar.cli import app

PAGES = 48
_WORD = re.compile(r"^[a-z]{3,}$")


def write_pages(folder: Path, sample_paths: Sequence[Path]) -> Path:
    """48 pages of the sample pages' own sentences, recombined, a quarter of the lower-case words
    swapped for others of theirs: distinct pages (no line repeated, so none is taken for chrome),
    four stories of 12."""
    from kabar.analyse.tokens import sentences
    from kabar.pipeline import extract_paths

    pool = [s for a in extract_paths(sample_paths) for s in sentences(a.text) if len(s.split()) >= 8]
    words = sorted({w for s in pool for w in s.split() if _WORD.match(w)})
    rng = random.Random(24)
    for i in range(PAGES):
        story = pool[(i // 12) * len(pool) // 4 : (i // 12 + 1) * len(pool) // 4]
        body = [" ".join(rng.choice(words) if _WORD.match(w) and rng.random() < 0.25 else w for w in s.split()) for s in rng.sample(story, 8)]
        paragraphs = [" ".join(body[k : k + 2]) for k in range(0, 8, 2)]
        title = " ".join(body[0].split()[:9]).rstrip(".,")
        dated = f"Kompas.com - {1 + i // 12:02d}/03/2021, {8 + i % 12:02d}:15 WIB"
        text = "\n\n".join([title, dated, "JAKARTA, KOMPAS.com - " + paragraphs[0], *paragraphs[1:]])
        (folder / f"{i:03d}.txt").write_text(text + "\n", encoding="utf-8")
    return folder


def export(db: Path, out: Path) -> dict[str, str]:
    """Every exported table of the store at `db` (JSON Lines), by file name."""
    result = CliRunner().invoke(app, ["export", "--db", str(db), "--format", "jsonl", "--out", str(out)])
    assert result.exit_code == 0, result.output
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(out.iterdir())}


def count(db: Path, table: str) -> int:
    """Rows of `table`, read while a run writes (0 before the table exists)."""
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5) as conn:
            return conn.execute(f"select count(*) from {table}").fetchone()[0]
    except sqlite3.Error:
        return 0


def start_run(pages: Path, db: Path, *options: str) -> subprocess.Popen:
    command = [sys.executable, "-m", "kabar", "run", str(pages), "--db", str(db), "-q", *options]
    return subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def until(condition: Callable[[], bool], run: subprocess.Popen, seconds: float = 180) -> None:
    """Wait for `condition`, or for the run to end, or `seconds`."""
    deadline = time.monotonic() + seconds
    while not condition() and run.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)


def descendants(root: int) -> dict[int, str]:
    """The processes under `root` with their command lines (Ray titles a busy worker ray::TASK)."""
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


def running(pid: int) -> bool:
    """Whether `pid` exists and is not a zombie."""
    try:
        return Path(f"/proc/{pid}/stat").read_bytes().rsplit(b")", 1)[1].split()[0] != b"Z"
    except (OSError, IndexError):
        return False
