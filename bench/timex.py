"""Speed of `kabar.analyse.timex.tag` in MB of text per second on one core, beside dateparser's
`search_dates`, on the five sample bodies replicated (target: ≥ 1 MB/s).

    .venv/bin/python bench/timex.py [--copies 40] [--runs 5]

PREVIOUS is the figure this bench printed before issue 18's anchoring and held-out work (2 shared
cores: compare with care, the machine's load moves it by a third).
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
GOLD = REPO.parent / "shared" / "samples" / "gold" / "articles.jsonl"
SAMPLES = REPO / "examples" / "samples"
PREVIOUS = 5.08  # MB/s, kabar timex.tag before issue 18's anchoring model


def corpus() -> list[str]:
    """The sample bodies: from the gold (clean bodies) if present, else the raw sample pages."""
    if GOLD.is_file():
        return ["\n".join(json.loads(line)["body"]) for line in GOLD.read_text(encoding="utf-8").splitlines() if line]
    return [p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*.txt"))]


def bootstrap_ci(values: list[float], n: int = 1000) -> tuple[float, float]:
    rng = random.Random(0)
    means = sorted(statistics.mean(rng.choices(values, k=len(values))) for _ in range(n))
    return means[int(0.025 * n)], means[int(0.975 * n) - 1]


def measure(fn, docs: list[str], runs: int) -> tuple[float, float, float]:
    size = sum(len(d.encode("utf-8")) for d in docs) / 1e6
    fn(docs[0])  # warm-up: compile patterns, load data
    rates = []
    for _ in range(runs):
        t0 = time.process_time()
        for d in docs:
            fn(d)
        rates.append(size / max(time.process_time() - t0, 1e-9))
    low, high = bootstrap_ci(rates)
    return statistics.mean(rates), low, high


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=40, help="replications of the sample bodies for Kabar")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--dateparser-copies", type=int, default=1, help="dateparser is slow: fewer copies")
    args = parser.parse_args()

    from datetime import datetime

    from dateparser.search import search_dates

    from kabar.analyse.timex import tag

    base = corpus()
    anchor = "2021-03-23"
    docs = base * args.copies
    mb = sum(len(d.encode("utf-8")) for d in docs) / 1e6
    ours = measure(lambda d: tag(d, anchor), docs, args.runs)
    settings = {"RELATIVE_BASE": datetime(2021, 3, 23)}
    theirs = measure(lambda d: search_dates(d, languages=["id", "en"], settings=settings),
                     base * args.dateparser_copies, max(1, args.runs // 2))
    print(f"timex speed, one core (CPU time), {mb:.2f} MB of sample bodies ({len(base)} docs x {args.copies})")
    print(f"{'system':<28}{'MB/s':>8}{'95% CI':>20}")
    print(f"{'kabar timex.tag':<28}{ours[0]:>8.2f}{f'[{ours[1]:.2f}, {ours[2]:.2f}]':>20}")
    print(f"{'kabar timex.tag, previous':<28}{PREVIOUS:>8.2f}")
    print(f"{'dateparser search_dates':<28}{theirs[0]:>8.3f}{f'[{theirs[1]:.3f}, {theirs[2]:.3f}]':>20}")
    print(f"target >= 1.00 MB/s: {'met' if ours[0] >= 1.0 else 'NOT met'}; kabar is {ours[0] / theirs[0]:.0f}x dateparser")


if __name__ == "__main__":
    main()
