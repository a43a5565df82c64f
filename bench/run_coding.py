"""What PLOVER coding adds to `kabar run`: the whole run (extract, analyse, code, store, link) on the
same pages with coding on and off, alternating, in one process (the loop executor), CPU and wall
seconds; and the coded rows it stores.

    .venv/bin/python bench/run_coding.py [PATH ...] [--runs 2]
    .venv/bin/python bench/run_coding.py PATH --only on   # one mode in a fresh process: its peak memory

Default PATH: examples/samples. Timings on a shared machine are noisy: read the spread, not one run.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def one_run(paths: list[str], coding: bool) -> tuple[float, float, int, int]:
    """(CPU s, wall s, articles stored, coded mentions stored) of one `kabar run` into a fresh store."""
    from kabar import pipeline
    from kabar.store import open_store

    original = pipeline.code_analysed
    if not coding:
        pipeline.code_analysed = lambda analysed: (None, None)  # stored uncoded, as before coding
    try:
        with tempfile.TemporaryDirectory() as tmp:
            db = str(Path(tmp) / "k.db")
            c0, w0 = time.process_time(), time.perf_counter()
            summary = pipeline.run(paths, db=db)
            cpu, wall = time.process_time() - c0, time.perf_counter() - w0
            with open_store(db) as store:
                mentions = store.count("coded_event_mentions")
    finally:
        pipeline.code_analysed = original
    return cpu, wall, summary.articles_stored, mentions


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="*", default=[str(REPO / "examples" / "samples")])
    parser.add_argument("--runs", type=int, default=2)
    parser.add_argument("--only", choices=("on", "off"), help="one run of one mode, then the process's peak RSS")
    args = parser.parse_args()
    if args.only:
        cpu, wall, articles, mentions = one_run(args.paths, args.only == "on")
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"coding {args.only}: {articles} articles, {mentions} coded mentions; CPU {cpu:.2f} s, wall {wall:.2f} s, "
              f"peak RSS {peak:.0f} MiB")
        return
    one_run(args.paths, True)  # warm-up: models loaded, lexicon spelled out
    times: dict[bool, list[tuple[float, float]]] = {True: [], False: []}
    stored = {}
    for _ in range(args.runs):
        for coding in (False, True):
            cpu, wall, articles, mentions = one_run(args.paths, coding)
            times[coding].append((cpu, wall))
            stored[coding] = (articles, mentions)
    print(f"load average at the end: {os.getloadavg()[0]:.1f} (2 shared cores)")
    for coding in (False, True):
        cpus, walls = [c for c, _ in times[coding]], [w for _, w in times[coding]]
        articles, mentions = stored[coding]
        print(
            f"coding {'on ' if coding else 'off'}: {articles} articles, {mentions} coded mentions; "
            f"CPU {statistics.median(cpus):.2f} s (runs {', '.join(f'{c:.2f}' for c in cpus)}), "
            f"wall {statistics.median(walls):.2f} s (runs {', '.join(f'{w:.2f}' for w in walls)})"
        )
    added = statistics.median(c for c, _ in times[True]) - statistics.median(c for c, _ in times[False])
    base = statistics.median(c for c, _ in times[False])
    print(f"coding adds {added:.2f} CPU s ({100 * added / base:.1f} % of the run), "
          f"{1000 * added / max(stored[True][0], 1):.1f} ms an article")


if __name__ == "__main__":
    main()
