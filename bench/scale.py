"""`kabar run` at scale: articles per hour and peak memory per process, local pool against Ray.

Each size is a folder of generated pages (`.txt`: title, outlet and date line, dateline, body)
made from real sentences: those Kabar extracts from the dev sets under ../shared/data when they
are there (read at bench time into a temporary folder, never into the repository), else from
the five pages of examples/samples. Every page recombines 8-16 sentences of one "story"
(a window of the pool) and a quarter of each sentence's lower-case words is swapped for other
words of the pool, so pages are as distinct as real reports of one story and passage reuse does
not explode; they are dated 2,000 a day, as a news stream is.

For each size and executor, `kabar run DIR --db NEW.db -q` runs as a subprocess; the bench polls
/proc for the run's process tree and keeps each process's peak resident memory (VmHWM), grouped
by role (driver, pool worker, Ray worker, Ray's own servers). CPU seconds are those of the whole
tree, from /proc (so Ray's worker processes count too); "art/h, 2 idle cores" is the articles per
hour those CPU seconds would give spread over two idle cores, the bound a loaded machine's wall
clock hides. The machine is shared: each line carries the load average (`uptime`) at its start and end.

    .venv/bin/python bench/scale.py                       # 1k and 10k, local pool and Ray, 2 workers
    .venv/bin/python bench/scale.py --sizes 1000 --executors local
    .venv/bin/python bench/scale.py --pages DIR           # an existing folder of pages instead
"""

from __future__ import annotations

import argparse
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from datetime import datetime, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared" / "data"
DEV_SETS = ("events", "events2", "stories-multi")
ARTICLES_PER_DAY = 2000
TARGET_PER_HOUR = 100_000
# issue 24: `kabar run --workers 2` on 802 dev articles, 107 s, 0.94 cores (before this bench)
OLD_FIGURE = "old: 802 dev articles, --workers 2, 107 s = 27,000/h, 0.94 cores"
_WORD = re.compile(r"^[a-z]{3,}$")


def sentence_pool() -> tuple[list[list[str]], str]:
    """Sentences of ≥ 8 words, grouped by source article, and where they came from."""
    from kabar.analyse.tokens import sentences
    from kabar.pipeline import extract_paths
    from kabar.records import Failure

    folders = [SHARED / name for name in DEV_SETS if (SHARED / name).is_dir()]
    paths = sorted(p for f in folders for p in f.glob("*.txt")) or sorted((REPO / "examples" / "samples").glob("*.txt"))
    origin = f"{len(paths)} pages of " + (", ".join(f.name for f in folders) if folders else "examples/samples")
    groups = []
    for article in extract_paths(paths):
        if not isinstance(article, Failure):
            kept = [s for s in sentences(article.text) if len(s.split()) >= 8]
            if kept:
                groups.append(kept)
    return groups, origin


def generate(folder: Path, n: int, groups: list[list[str]], seed: int = 0) -> None:
    """`n` pages into `folder`: stories of ~20 pages, each page 8-16 sentences of its story's
    window of source articles, a quarter of the lower-case words swapped."""
    rng = random.Random(seed)
    vocabulary = sorted({w for g in groups for s in g for w in s.split() if _WORD.match(w)})
    first = datetime(2025, 1, 1, 6, 0)
    folder.mkdir(parents=True, exist_ok=True)
    story_sources: list[list[str]] = []
    for i in range(n):
        if i % 20 == 0:  # a new story: sentences of 3 neighbouring source articles
            start = rng.randrange(len(groups))
            story_sources = [s for g in groups[start : start + 3] for s in g]
        picked = rng.sample(story_sources, min(len(story_sources), rng.randint(8, 16)))
        body = [" ".join(rng.choice(vocabulary) if _WORD.match(w) and rng.random() < 0.25 else w for w in s.split()) for s in picked]
        when = first + timedelta(days=i // ARTICLES_PER_DAY, minutes=(i % ARTICLES_PER_DAY) * 0.7)
        title = " ".join(body[0].split()[:10]).rstrip(".,")
        paragraphs = [" ".join(body[k : k + 2]) for k in range(0, len(body), 2)]
        paragraphs[0] = "JAKARTA, KOMPAS.com - " + paragraphs[0]
        text = "\n\n".join([title, f"Kompas.com - {when:%d/%m/%Y, %H:%M} WIB", *paragraphs])
        (folder / f"{i:07d}.txt").write_text(text + "\n", encoding="utf-8")


def _tree(root: int) -> list[int]:
    """`root` and its descendants, from /proc."""
    children: dict[int, list[int]] = defaultdict(list)
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat", "rb") as f:
                    ppid = int(f.read().rsplit(b")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children[ppid].append(int(entry))
    out, todo = [], [root]
    while todo:
        pid = todo.pop()
        out.append(pid)
        todo += children.get(pid, [])
    return out


_TICK = os.sysconf("SC_CLK_TCK")


def _sample(pid: int) -> tuple[str, int, float, int] | None:
    """A process's command line, peak resident KB (VmHWM), CPU seconds so far and start time."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
        cmdline = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
        fields = Path(f"/proc/{pid}/stat").read_bytes().rsplit(b")", 1)[1].split()
    except (OSError, IndexError):
        return None
    peak = re.search(r"VmHWM:\s+(\d+)", status)
    cpu = (int(fields[11]) + int(fields[12])) / _TICK  # utime + stime
    return (cmdline, int(peak.group(1)), cpu, int(fields[19])) if peak else None


def _role(cmdline: str, pid: int, root: int) -> str:
    if pid == root:
        return "driver"
    if "ray::" in cmdline:
        return "ray worker"
    if "raylet" in cmdline or "gcs_server" in cmdline or "/ray/" in cmdline or "ray/_private" in cmdline:
        return "ray servers"
    if "multiprocessing" in cmdline or "kabar" in cmdline:
        return "pool worker"
    return "other"


def load() -> str:
    return " ".join(Path("/proc/loadavg").read_text().split()[:3])


def run_once(pages: Path, executor: str, workers: int, scratch: Path) -> dict:
    db = scratch / f"run-{executor}-{time.time_ns()}.db"
    command = [str(REPO / ".venv" / "bin" / "kabar"), "run", str(pages), "--db", str(db), "-q", "--workers", str(workers)]
    if executor != "local":
        command += ["--executor", executor]
    load_start = load()
    start = time.perf_counter()
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    # the last sample of each process: its peak memory and CPU (a process's last 0.2 s may be missed)
    seen: dict[int, tuple[str, int, float, int]] = {}
    while proc.poll() is None:
        for pid in _tree(proc.pid):
            sample = _sample(pid)
            if sample is not None:
                seen[pid] = sample
        time.sleep(0.2)
    wall = time.perf_counter() - start
    stderr = proc.stderr.read().decode(errors="replace") if proc.stderr else ""
    if proc.returncode != 0:
        raise SystemExit(f"kabar run failed ({proc.returncode}): {stderr[-2000:]}")
    import sqlite3

    with sqlite3.connect(db) as conn:
        articles = conn.execute("select count(*) from articles").fetchone()[0]
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    roles: dict[str, list[int]] = defaultdict(list)
    forked = sorted((started, pid) for pid, (cmdline, _, _, started) in seen.items() if pid != proc.pid and cmdline == seen.get(proc.pid, ("",))[0])
    # the pool's workers start first; a fork of the driver started after them is the reuse job (aside)
    aside = forked[-1][1] if executor == "local" and workers > 1 and len(forked) == workers + 1 else None
    for pid, (cmdline, kb, _, _) in seen.items():
        roles["aside (reuse)" if pid == aside else _role(cmdline, pid, proc.pid)].append(kb)
    cpu = sum(c for _, _, c, _ in seen.values())
    return {"articles": articles, "wall": wall, "cpu": cpu, "roles": roles, "load": f"{load_start} -> {load()}"}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="1000,10000", help="comma-separated page counts")
    parser.add_argument("--executors", default="local,ray", help="local, ray (a local 2-CPU Ray), or ray://host:port")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--pages", type=Path, help="run on this folder instead of generated pages")
    parser.add_argument("--keep", type=Path, help="keep the generated pages here")
    args = parser.parse_args()
    executors = args.executors.split(",")
    if any(e.startswith("ray") for e in executors):
        try:
            import ray  # noqa: F401
        except ImportError:
            print("Ray is not installed (pip install -e '.[scale]'): local only", file=sys.stderr)
            executors = [e for e in executors if not e.startswith("ray")]
    scratch = Path(tempfile.mkdtemp(prefix="kabar-scale-"))
    try:
        if args.pages:
            cases = [(f"{sum(1 for p in args.pages.rglob('*') if p.is_file())} pages of {args.pages}", args.pages)]
        else:
            groups, origin = sentence_pool()
            print(f"sentences: {sum(map(len, groups))} from {origin}")
            cases = []
            for n in (int(s) for s in args.sizes.split(",")):
                folder = (args.keep or scratch) / f"pages-{n}"
                if not folder.is_dir() or len(list(folder.iterdir())) != n:
                    generate(folder, n, groups)
                cases.append((f"{n} generated pages", folder))
        print(OLD_FIGURE)
        print(f"{'input':<22} {'executor':<6} {'articles':>8} {'wall s':>7} {'art/h':>8} {'cores':>5} {'CPU s':>6} {'art/h, 2 idle cores':>19}  peak RSS MB by process (count)   load 1/5/15 min")
        for label, folder in cases:
            for executor in executors:
                r = run_once(folder, executor, args.workers, scratch)
                per_hour = r["articles"] / r["wall"] * 3600
                memory = ", ".join(f"{role} {max(kbs) // 1024}" + (f" (x{len(kbs)})" if len(kbs) > 1 else "") for role, kbs in sorted(r["roles"].items()))
                mark = "" if per_hour >= TARGET_PER_HOUR else " *"
                # what two idle cores would give if the CPU work were spread over both (an upper bound)
                idle = r["articles"] / (r["cpu"] / args.workers) * 3600
                print(f"{label:<22} {executor:<6} {r['articles']:>8} {r['wall']:>7.1f} {per_hour:>8,.0f}{mark} {r['cpu'] / r['wall']:>5.2f} {r['cpu']:>6.0f} {idle:>19,.0f}  {memory}   [{r['load']}]", flush=True)
        print(f"* under the target of {TARGET_PER_HOUR:,} articles/hour")
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
