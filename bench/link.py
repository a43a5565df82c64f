"""Linking at scale: MinHash signatures per second, LSH memory per article, and
event/story clustering time at growing corpus sizes, to show how the cost grows.

Corpora are generated from real sentences (the five sample pages, extracted
by Kabar): each synthetic article recombines sample sentences, with 35 %
of its words replaced by words private to its event and story (events of 4
articles, stories of 5 events, to find) and 15 % by a Zipf-distributed
background vocabulary, for the long tail of rare terms of real news.

Articles are dated as a news stream is, about 2,000 a day (an event's reports on one day),
so event blocking meets only the articles of a window of days. Each size runs in a fresh
process per path, so each peak RSS is that run's alone: `in-process` (the anchor: corpus,
features and matrices all in memory) beside `windowed` (`kabar.link.windowed`: pages of 2,000
articles generated one at a time, counts spilled to a temporary work dir, events a window of
days at a time).

    .venv/bin/python bench/link.py            # 1k, 10k and 100k articles
    .venv/bin/python bench/link.py --quick    # 1k and 10k
    .venv/bin/python bench/link.py --sizes 10000,100000,1000000 --paths windowed --no-signatures
"""

from __future__ import annotations

import argparse
import json
import os
import pickle
import random
import resource
import subprocess
import sys
import tempfile
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
    return list(synthetic_articles(n, pool, seed))


def synthetic_articles(n: int, pool: list[str], seed: int = 0):
    """Articles of 6 sentences, one at a time: events of 4 articles, stories of 5 events.

    Each story draws its sentences from its own window of the pool; 35 %
    of the words become words of the article's event or story, and 15 %
    words of a Zipf-distributed background vocabulary (the long tail).
    """
    from kabar.records import AnalysedArticle, Article

    rng = random.Random(seed)
    tail = [f"kata{r}" for r in range(50000)]
    weights = [1.0 / (r + 1) for r in range(len(tail))]
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
        yield AnalysedArticle(Article(id=f"a{k}", source=f"synthetic/{k}", body=tuple(body), published=published))


def synthetic_pages(n: int, pool: list[str], page: int = 2000):
    """The same articles in pages, as a store is read: never the whole corpus at once."""
    batch = []
    for article in synthetic_articles(n, pool):
        batch.append(article)
        if len(batch) == page:
            yield batch
            batch = []
    if batch:
        yield batch


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


def run_in_process(n: int, pool: list[str]) -> dict:
    """The anchor: the whole corpus, its features and its matrices in memory at once."""
    from kabar.link.events import cluster_events
    from kabar.link.features import article_features
    from kabar.link.stories import cluster_stories
    from kabar.link.vectors import tfidf_vectors

    corpus = synthetic_corpus(n, pool)
    t0 = time.perf_counter()
    features = [article_features(a) for a in corpus]
    vectors = tfidf_vectors(features)
    t1 = time.perf_counter()
    events = cluster_events(features, vectors)
    t2 = time.perf_counter()
    stories = cluster_stories(features, vectors, events)
    t3 = time.perf_counter()
    return {"read": t1 - t0, "events": t2 - t1, "stories": t3 - t2, "events_groups": events, "story_groups": stories}


def run_windowed(n: int, pool: list[str]) -> dict:
    """Pages of 2,000 articles read once (counts spilled to a work dir), events a window at a time."""
    from kabar.link.windowed import spill_corpus, windowed_events, windowed_stories

    making = [0.0]

    def pages():  # generating the synthetic pages is not linking: its time is taken out
        source = synthetic_pages(n, pool)
        while True:
            start = time.perf_counter()
            page = next(source, None)
            making[0] += time.perf_counter() - start
            if page is None:
                return
            yield page

    with tempfile.TemporaryDirectory(prefix="kabar-link-") as work:
        t0 = time.perf_counter()
        corpus = spill_corpus(pages(), Path(work))
        t1 = time.perf_counter() - making[0]
        events = windowed_events(corpus)
        t2 = time.perf_counter()
        stories = windowed_stories(corpus, events)
        t3 = time.perf_counter()
        disk = sum(f.stat().st_size for f in Path(work).iterdir())
    return {"read": t1 - t0, "events": t2 - t1, "stories": t3 - t2, "events_groups": events, "story_groups": stories,
            "disk": disk}


def one_run(n: int, path: str) -> None:
    """One size, one path, in this process (its peak RSS is the run's): a JSON line on stdout."""
    from kabar.evaluate.clustering_metrics import bcubed

    pool = sample_sentences()
    out = (run_windowed if path == "windowed" else run_in_process)(n, pool)
    events, stories = out.pop("events_groups"), out.pop("story_groups")
    event_of = {i: f"e{e}" for e, g in enumerate(events) for i in g}
    story_of = {i: f"s{s}" for s, members in enumerate(stories) for e in members for i in events[e]}
    out["event_f1"] = bcubed({str(i): event_of[i] for i in range(n)}, {str(i): str(i // 4) for i in range(n)}).f1
    out["story_f1"] = bcubed({str(i): story_of[i] for i in range(n)}, {str(i): str(i // 20) for i in range(n)}).f1
    out["peak_gib"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024**2  # KiB -> GiB
    print(json.dumps(out))


def bench_clustering(sizes: list[int], paths: list[str]) -> None:
    """Each size and path in a fresh process, so each peak is its own; growth per path beside."""
    print(f"load before: {os.getloadavg()[0]:.1f} (1-min average, 2 cores shared)")
    print(f"{'articles':>9} {'path':>10} {'read':>8} {'events':>8} {'stories':>8} {'total':>8} {'peak RSS':>9}"
          f" {'disk':>8}  event B3  story B3  growth", flush=True)
    previous: dict[str, tuple[int, float, float]] = {}
    for n in sizes:
        for path in paths:
            child = subprocess.run([sys.executable, __file__, "--one", str(n), "--path", path],
                                   capture_output=True, text=True, check=False)
            if child.returncode != 0:
                print(f"{n:>9,} {path:>10} failed: {child.stderr.strip().splitlines()[-1:]}", flush=True)
                continue
            r = json.loads(child.stdout.strip().splitlines()[-1])
            total = r["read"] + r["events"] + r["stories"]
            growth = ""
            if path in previous:
                m, t, peak = previous[path]
                growth = f"×{n / m:.0f} articles: ×{total / t:.1f} time, ×{r['peak_gib'] / peak:.1f} memory"
            previous[path] = (n, total, r["peak_gib"])
            disk = f"{r['disk'] / 2**30:.2f} GiB" if "disk" in r else "-"
            print(f"{n:>9,} {path:>10} {r['read']:>7.1f}s {r['events']:>7.1f}s {r['stories']:>7.1f}s {total:>7.1f}s"
                  f" {r['peak_gib']:>5.2f} GiB {disk:>8}  {r['event_f1']:>8.3f}  {r['story_f1']:>8.3f}  {growth}", flush=True)
    print(f"load after: {os.getloadavg()[0]:.1f}")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="1k and 10k articles only")
    parser.add_argument("--sizes", help="comma-separated corpus sizes, e.g. 1000,100000,1000000")
    parser.add_argument("--paths", default="in-process,windowed", help="in-process (the anchor), windowed, or both")
    parser.add_argument("--no-signatures", action="store_true", help="skip the MinHash part")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)  # a child run: one size, one path
    parser.add_argument("--path", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.one:
        return one_run(args.one, args.path)
    pool = sample_sentences()
    print(f"{len(pool)} real sentences from the sample pages")
    if not args.no_signatures:
        bench_signatures(pool)
    sizes = [int(x) for x in args.sizes.split(",")] if args.sizes else [1000, 10000] if args.quick else [1000, 10000, 100000]
    bench_clustering(sizes, args.paths.split(","))


if __name__ == "__main__":
    sys.exit(main())
