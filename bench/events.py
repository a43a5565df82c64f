"""Speed of PLOVER event coding (`kabar.analyse.plover.code_events`) in articles and sentences per
second on one core, beside the trivial anchor (every sentence with a lexicon word) and beside
`kabar.analyse.quotes.annotate` on the same articles; then the whole `kabar events` path (extract,
analyse, code) in articles per second. The coder reads Kabar's analysis (entities, quotes, time
expressions), which is made once beforehand and not timed in the first table.

    .venv/bin/python bench/events.py [--copies 20] [--runs 5]
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from timex import bootstrap_ci  # bench/timex.py: run as a script, bench/ is on the path

REPO = Path(__file__).resolve().parents[1]
SAMPLES = REPO / "examples" / "samples"


def corpus():
    """The sample pages extracted and analysed (not timed)."""
    from kabar.pipeline import analyse_article, extract_paths
    from kabar.records import Failure

    return [analyse_article(a) for a in extract_paths([SAMPLES]) if not isinstance(a, Failure)]


def measure(fn, docs: list, sentences: int, runs: int) -> dict[str, float]:
    """CPU-time rates over `runs` passes: articles/s and sentences/s with 95% bootstrap CIs."""
    fn(docs[0])  # warm-up: spell out the lexicon, compile patterns
    a_rates, s_rates, found = [], [], 0
    for _ in range(runs):
        t0 = time.process_time()
        found = sum(len(fn(d)) for d in docs)
        seconds = max(time.process_time() - t0, 1e-9)
        a_rates.append(len(docs) / seconds)
        s_rates.append(sentences / seconds)
    return {"found": found, "aps": statistics.mean(a_rates), "aps_ci": bootstrap_ci(a_rates),
            "sps": statistics.mean(s_rates), "sps_ci": bootstrap_ci(s_rates)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=20, help="replications of the sample articles")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    from kabar.analyse.plover import baseline_events, code_events
    from kabar.analyse.quotes import annotate
    from kabar.analyse.tokens import sentence_spans
    from kabar.pipeline import code_paths

    base = corpus()
    docs = base * args.copies
    sentences = sum(len(sentence_spans(d.article.text)) for d in docs)
    rows = (
        ("kabar events (coding)", measure(code_events, docs, sentences, args.runs)),
        ("every lexicon word (anchor)", measure(baseline_events, docs, sentences, args.runs)),
        ("kabar quotes.annotate", measure(lambda d: annotate(d.article, d.entities, d.mentions), docs, sentences,
                                          args.runs)),
    )
    print(f"events speed, one core (CPU time), {len(base)} sample articles x {args.copies}, {sentences} sentences")
    print(f"{'system':<30}{'found/doc':>10}{'articles/s':>12}{'95% CI':>20}{'sentences/s':>13}{'95% CI':>22}")
    for name, r in rows:
        alo, ahi = r["aps_ci"]
        slo, shi = r["sps_ci"]
        print(f"{name:<30}{r['found'] / len(docs):>10.1f}{r['aps']:>12.0f}{f'[{alo:.0f}, {ahi:.0f}]':>20}"
              f"{r['sps']:>13.0f}{f'[{slo:.0f}, {shi:.0f}]':>22}")
    sum(1 for _ in code_paths([SAMPLES]))  # warm-up: the first pass loads the NER model
    t0 = time.perf_counter()
    articles = sum(1 for item in code_paths([SAMPLES]) if isinstance(item, list))
    seconds = time.perf_counter() - t0
    print(f"whole `kabar events` path (extract + analyse + code, wall clock, models loaded): "
          f"{articles / seconds:.1f} articles/s")


if __name__ == "__main__":
    main()
