"""Speed of `kabar.analyse.quotes.annotate` in quotes per second and MB of text per second on one
core, beside a quote-marks-only baseline (a regex pairing straight and curly double quotes), on the
five sample articles replicated. Entities are found once beforehand, as `kabar run` passes them.

    .venv/bin/python bench/quotes.py [--copies 40] [--runs 5]
"""

from __future__ import annotations

import argparse
import re
import statistics
import time
from pathlib import Path

from timex import bootstrap_ci  # bench/timex.py: run as a script, bench/ is on the path

REPO = Path(__file__).resolve().parents[1]
SAMPLES = REPO / "examples" / "samples"

# The baseline: text between paired double quotes ("…" or “…”), three words or more.
_MARKS = re.compile(r'"([^"\n]{3,}?)"|\u201c([^\u201d\n]{3,}?)\u201d')


def marks_only(text: str) -> list[tuple[int, int]]:
    out = []
    for m in _MARKS.finditer(text):
        group = 1 if m.group(1) is not None else 2
        if len(m.group(group).split()) >= 3:
            out.append(m.span(group))
    return out


def corpus():
    """The sample pages extracted, with their entities and mentions (not timed)."""
    from kabar.analyse import entities
    from kabar.extract import extract
    from kabar.ingest import read_pages
    from kabar.records import Failure

    docs = []
    for page in read_pages([SAMPLES]):
        if isinstance(page, Failure):
            continue
        article = extract(page)
        found, mentions = entities.annotate(article)
        docs.append((article, tuple(found), tuple(mentions)))
    return docs


def measure(fn, docs: list, mb: float, runs: int) -> dict[str, float]:
    """CPU-time rates over `runs` passes: MB/s and quotes/s, each with a 95% bootstrap CI."""
    fn(docs[0])  # warm-up: compile patterns, load word lists
    mb_rates, q_rates, found = [], [], 0
    for _ in range(runs):
        t0 = time.process_time()
        found = sum(len(fn(d)) for d in docs)
        seconds = max(time.process_time() - t0, 1e-9)
        mb_rates.append(mb / seconds)
        q_rates.append(found / seconds)
    return {
        "quotes": found,
        "mbs": statistics.mean(mb_rates),
        "mbs_ci": bootstrap_ci(mb_rates),
        "qps": statistics.mean(q_rates),
        "qps_ci": bootstrap_ci(q_rates),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=40, help="replications of the sample articles")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    from kabar.analyse.quotes import annotate

    base = corpus()
    docs = base * args.copies
    mb = sum(len(a.text.encode("utf-8")) for a, _, _ in docs) / 1e6
    ours = measure(lambda d: annotate(d[0], d[1], d[2]), docs, mb, args.runs)
    baseline = measure(lambda d: marks_only(d[0].text), docs, mb, args.runs)
    print(f"quotes speed, one core (CPU time), {mb:.2f} MB of sample articles ({len(base)} docs x {args.copies})")
    print(f"{'system':<26}{'quotes/doc':>11}{'quotes/s':>11}{'95% CI':>20}{'MB/s':>9}{'95% CI':>18}")
    for name, r in (("kabar quotes.annotate", ours), ("quote marks only (regex)", baseline)):
        qlo, qhi = r["qps_ci"]
        mlo, mhi = r["mbs_ci"]
        print(
            f"{name:<26}{r['quotes'] / len(docs):>11.1f}{r['qps']:>11.0f}{f'[{qlo:.0f}, {qhi:.0f}]':>20}"
            f"{r['mbs']:>9.3f}{f'[{mlo:.3f}, {mhi:.3f}]':>18}"
        )
    print(f"kabar finds {ours['quotes'] / max(baseline['quotes'], 1):.1f}x the baseline's quotes "
          f"at {ours['mbs'] / baseline['mbs']:.3f}x its speed")


if __name__ == "__main__":
    main()
