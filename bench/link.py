"""Linking at scale: MinHash signatures per second, LSH memory per article, and
event/story clustering time at growing corpus sizes, to show how the cost grows.

Corpora are generated from real sentences (the five sample pages, extracted
by Kabar): each synthetic article recombines sample sentences, with 35 %
of its words replaced by words private to its event and story (events of 4
articles, stories of 5 events, to find) and 15 % by a Zipf-distributed
background vocabulary, for the long tail of rare terms of real news.

Articles are dated as a news stream is, about 2,000 a day (an event's reports on one day),
so event blocking meets only the articles of a window of days. Peak memory is the process's
resident peak after each size (it only grows).

    .venv/bin/python bench/link.py            # 1k, 10k and 100k articles
    .venv/bin/python bench/link.py --quick    # 1k and 10k
    .venv/bin/python bench/link.py --sizes 1000,1000000 --no-signatures
"""

from __future__ import annotations

import argparse
import pickle
import random
import resource
import sys
import time
from datetime import date, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SIGNATURES_PER_SECOND_TARGET = 3000
ARTICLES_PER_DAY = 2000
_FIRST_DAY = date(2025, 1, 1)


def sample_sentences() -> list[str]:
    from kabar.analyse.tokens import sentences
    from kabar.pipeline import extract_paths
    from kabar.records import Failure

    pool = []
    for article in extract_paths(sorted((REPO / "examples" / "samples").glob("*.txt"))):
        if not isinstance(article, Failure):
            pool += [s for s in sentences(article.text) if len(s.split()) >= 8]
    return pool


def synthetic_corpus(n: int, pool: list[str], seed: int = 0):
    """Articles of 6 sentences: events of 4 articles, stories of 5 events.

    Each story draws its sentences from its own window of the pool; 35 %
    of the words become words of the article's event or story, and 15 %
    words of a Zipf-distributed background vocabulary (the long tail).
    """
    from kabar.records import AnalysedArticle, Article

    rng = random.Random(seed)
    tail = [f"kata{r}" for r in range(50000)]
    weights = [1.0 / (r + 1) for r in range(len(tail))]
    corpus = []
    for k in range(n):
        event, story = k // 4, k // 20
        private = [f"peristiwa{event}x{j}" for j in range(16)] + [f"kisah{story}x{j}" for j in range(8)]
        window = [pool[(story * 7 + j) % len(pool)] for j in range(12)]
        noise = iter(rng.choices(tail, weights=weights, k=400))
        body = []
        for _ in range(6):
            words = []
            for w in rng.choice(window).split():
                roll = rng.random()
                words.append(rng.choice(private) if roll < 0.35 else next(noise) if roll < 0.5 else w)
            body.append(" ".join(words))
        published = (_FIRST_DAY + timedelta(days=k // ARTICLES_PER_DAY)).isoformat()
        corpus.append(AnalysedArticle(Article(id=f"a{k}", source=f"synthetic/{k}", body=tuple(body), published=published)))
    return corpus


def bench_signatures(pool: list[str]) -> None:
    from kabar.link.reuse import ReuseConfig, SentenceShingles, signatures
    from kabar.analyse.stem import stem_text

    cfg = ReuseConfig()
    items = []
    for k in range(20000):
        words = stem_text(pool[k % len(pool)]) + [f"w{k}"]
        grams = frozenset(" ".join(words[i : i + 3]) for i in range(len(words) - 2))
        items.append(SentenceShingles(0, k, 0, 0, grams))
    signatures(items[:500], cfg)  # warm up
    runs = []
    for _ in range(3):
        start = time.perf_counter()
        hashes = signatures(items, cfg)
        runs.append(len(items) / (time.perf_counter() - start))
    print(f"MinHash signatures (sentences, {cfg.num_perm} perm, bulk): {min(runs):,.0f}–{max(runs):,.0f}/s "
          f"(target ≥ {SIGNATURES_PER_SECOND_TARGET:,}/s)")

    from datasketch import MinHashLSH

    lsh = MinHashLSH(threshold=cfg.lsh_threshold, num_perm=cfg.num_perm)
    with lsh.insertion_session() as session:
        for k, h in enumerate(hashes):
            session.insert(k, h)
    size = len(pickle.dumps(lsh))
    per_sentence = size / len(hashes)
    print(f"LSH index: {size / 1e6:.1f} MB pickled for {len(hashes):,} sentences = {per_sentence:,.0f} B/sentence, "
          f"≈ {per_sentence * 20 / 1024:,.1f} KiB per 20-sentence article")


def bench_clustering(sizes: list[int], pool: list[str]) -> None:
    from kabar.evaluate.clustering_metrics import bcubed
    from kabar.link.events import cluster_events
    from kabar.link.features import article_features
    from kabar.link.stories import cluster_stories
    from kabar.link.vectors import tfidf_vectors

    print(f"{'articles':>9} {'features':>9} {'tfidf':>7} {'events':>8} {'stories':>8} {'total':>8}  event B3 F1  story B3 F1"
          "  peak RSS")
    previous = None
    for n in sizes:
        corpus = synthetic_corpus(n, pool)
        t0 = time.perf_counter()
        features = [article_features(a) for a in corpus]
        t1 = time.perf_counter()
        vectors = tfidf_vectors(features)
        t2 = time.perf_counter()
        events = cluster_events(features, vectors)
        t3 = time.perf_counter()
        stories = cluster_stories(features, vectors, events)
        t4 = time.perf_counter()
        event_of = {i: f"e{e}" for e, g in enumerate(events) for i in g}
        story_of = {i: f"s{s}" for s, members in enumerate(stories) for e in members for i in events[e]}
        ev = bcubed({str(i): event_of[i] for i in range(n)}, {str(i): str(i // 4) for i in range(n)}).f1
        st = bcubed({str(i): story_of[i] for i in range(n)}, {str(i): str(i // 20) for i in range(n)}).f1
        growth = f"  ×{(t4 - t0) / previous:.1f} time for ×10 articles" if previous else ""
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024**2  # KiB -> GiB
        print(f"{n:>9,} {t1 - t0:>8.1f}s {t2 - t1:>6.1f}s {t3 - t2:>7.1f}s {t4 - t3:>7.1f}s {t4 - t0:>7.1f}s"
              f"  {ev:>11.3f}  {st:>11.3f}  {peak:>5.2f} GiB{growth}", flush=True)
        previous = t4 - t0


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="1k and 10k articles only")
    parser.add_argument("--sizes", help="comma-separated corpus sizes, e.g. 1000,100000,1000000")
    parser.add_argument("--no-signatures", action="store_true", help="skip the MinHash part")
    args = parser.parse_args(argv)
    pool = sample_sentences()
    print(f"{len(pool)} real sentences from the sample pages")
    if not args.no_signatures:
        bench_signatures(pool)
    sizes = [int(x) for x in args.sizes.split(",")] if args.sizes else [1000, 10000] if args.quick else [1000, 10000, 100000]
    bench_clustering(sizes, pool)


if __name__ == "__main__":
    sys.exit(main())
