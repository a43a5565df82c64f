"""Search latency at scale: p50/p95 of `kabar.store.search.search` over N replicated articles (default 100,000).

    .venv/bin/python bench/search.py [--articles 100000] [--db PATH or URL] [--repeats 5]
    .venv/bin/python bench/search.py --db 'postgresql://postgres@127.0.0.1:5432/test?options=-csearch_path%3Dbench'

The corpus replicates the paragraphs of the sample pages (examples/samples)
into N articles with varied ids, outlets, dates and paragraph mixes, plus a
few rare words per article so the index has a long tail like real news.
The database is built once (kept at --db: a SQLite file, or a SQLAlchemy URL such as
PostgreSQL's, whose schema must exist) and reused when it already holds N articles. Queries mix common and rare words, phrases, filters and
malformed input; each is timed `--repeats` times after a warm-up, snippets
included. Target: p95 < 50 ms at 100,000 articles.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
TARGET_P95_MS = 50.0
OUTLETS = ("Kompas.com", "Tribunnews.com", "CNBC Indonesia", "SINDOnews", "Sragen Update", "Detik.com", "Tempo.co", "Antara")
RARE = ("Bitung", "Wamena", "Sumbawa", "Ternate", "Kupang", "Nunukan", "Pangkalpinang", "Sorong", "Tarakan", "Bontang")


def _paragraphs() -> list[str]:
    out = []
    for path in sorted((REPO / "examples" / "samples").glob("*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            line = line.strip()
            if len(line) > 80:  # article-like paragraphs, not page chrome
                out.append(line)
    if not out:
        sys.exit("bench/search.py: no sample paragraphs in examples/samples")
    return out


def _articles(n: int, seed: int = 13):
    from kabar.ids import stable_id
    from kabar.records import AnalysedArticle, Article

    rng = random.Random(seed)
    pool = _paragraphs()
    for i in range(n):
        body = rng.sample(pool, rng.randint(4, 9))
        rare = f"Warga {rng.choice(RARE)} nomor {i} melapor kepada petugas {rng.choice(RARE)} pada pekan ke-{i % 52}."
        body.insert(rng.randint(0, len(body)), rare)
        day = f"20{rng.randint(17, 24):02d}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        title = " ".join(body[0].split()[: rng.randint(6, 12)])
        yield AnalysedArticle(
            Article(
                id=stable_id("bench", str(i)),
                source=f"bench/{i}.txt",
                body=tuple(body),
                outlet=OUTLETS[i % len(OUTLETS)],
                title=title,
                published=f"{day}T{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}+07:00",
                language="id",
            )
        )


def build(db: str, n: int) -> float:
    """Fill the store at `db` with n articles unless it already holds them; returns seconds spent."""
    from kabar.store import open_store
    from kabar.store.fulltext_postgres import TABLE

    store = open_store(db)
    try:
        have = store.count("articles")
        if have == n:
            return 0.0
        if have:
            sys.exit(f"bench/search.py: {db} holds {have} articles, not {n}; remove it or pick another --db")
        began = time.perf_counter()
        batch = []
        for done, a in enumerate(_articles(n), 1):
            batch.append(a)
            if len(batch) == 2000:
                store.upsert_analysed_many(batch)
                batch = []
                print(f"\r  built {done:,}/{n:,}", end="", file=sys.stderr, flush=True)
        store.upsert_analysed_many(batch)
        if store.dialect == "sqlite":  # merge FTS segments once, as a maintenance job would
            with store.engine.begin() as conn:
                conn.exec_driver_sql("INSERT INTO article_fts(article_fts) VALUES ('optimize')")
        else:  # merge GIN's pending entries and gather statistics, as autovacuum would soon
            with store.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
                conn.exec_driver_sql(f"VACUUM ANALYZE articles, {TABLE}")  # the search table's statistics steer the planner
        print(file=sys.stderr)
        return time.perf_counter() - began
    finally:
        store.close()


QUERIES: list[tuple[str, str, dict]] = [
    ("common word", "china", {}),
    ("common word", "korea utara", {}),
    ("common word", "hubungan", {}),
    ("common word", "mengatakan", {}),
    ("stemmed", "menyerukan persatuan", {}),
    ("stemmed", "pertemuan diplomatik", {}),
    ("phrase", '"kerja sama"', {}),
    ("phrase", '"Kim Jong Un"', {}),
    ("rare word", "Wamena", {}),
    ("rare word", "Nunukan petugas", {}),
    ("rare + common", "Sorong korea", {}),
    ("no match", "gempa bumi tsunami", {}),
    ("narrow", "nomor 4242 petugas", {}),
    ("narrow", '"kerja sama" 777', {}),
    ("narrow", "china korea 31337", {}),
    ("narrow", "pesan", {"outlet": "Antara", "date_from": "2021-03-01", "date_to": "2021-03-03"}),
    ("filter outlet", "china", {"outlet": "Kompas.com"}),
    ("filter dates", "nuklir", {"date_from": "2021-01", "date_to": "2021-06"}),
    ("filter both", "pesan", {"outlet": "Antara", "date_from": "2023"}),
    ("malformed", '"kerja sama', {}),
    ("malformed", "china'; DROP TABLE articles; --", {}),
    ("malformed", "NEAR(xi AND (", {}),
    ("page 50", "china", {"offset": 1000}),
]


def _percentile(values: list[float], q: float) -> float:
    values = sorted(values)
    k = (len(values) - 1) * q
    lo, hi = int(k), min(int(k) + 1, len(values) - 1)
    return values[lo] + (values[hi] - values[lo]) * (k - lo)


def _size(store, db: str) -> int:
    """Bytes on disk: the SQLite file, or the articles table with its indexes and TOAST on PostgreSQL."""
    if store.dialect == "sqlite":
        return Path(db).stat().st_size
    with store.engine.connect() as conn:
        return conn.exec_driver_sql("SELECT pg_total_relation_size('articles')").scalar_one()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--db", default=None, help="Where to build (and keep) the database: a SQLite path or a SQLAlchemy URL.")
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()

    from kabar.store import open_store
    from kabar.store.search import SearchPage, search
    from kabar.store.syntax import QuerySyntaxError

    def timed_search(store, q: str, **kw) -> SearchPage:
        try:
            return search(store, q, **kw)
        except QuerySyntaxError:  # a malformed query is answered by its explanation: time that too
            return SearchPage((), 0)

    db = args.db or str(Path(tempfile.gettempdir()) / f"kabar-bench-search-{args.articles}.db")
    print(f"kabar search bench: {args.articles:,} articles in {db}")
    built = build(db, args.articles)
    store = open_store(db)
    if built:
        print(f"  built in {built:.0f} s ({args.articles / built:,.0f} articles/s), {_size(store, db) / 1e6:,.0f} MB")
    print(f"  backend: {store.dialect}, full-text index: {store.has_fts}")
    times: list[float] = []
    by_kind: dict[str, list[float]] = {}
    totals: dict[str, str] = {}
    try:
        for _, q, kw in QUERIES:  # warm-up: page cache, stemmer, statements
            timed_search(store, q, **kw)
        for kind, q, kw in QUERIES:
            for _ in range(args.repeats):
                began = time.perf_counter()
                page = timed_search(store, q, **kw)
                ms = (time.perf_counter() - began) * 1000
                times.append(ms)
                by_kind.setdefault(kind, []).append(ms)
            totals[q + (f" {kw}" if kw else "")] = f"{page.total:,}{'' if page.total_exact else '+'}"
    finally:
        store.close()

    print(f"\n  {'query kind':<16}{'p50 ms':>9}{'p95 ms':>9}")
    for kind, values in by_kind.items():
        print(f"  {kind:<16}{statistics.median(values):>9.1f}{_percentile(values, 0.95):>9.1f}")
    p50, p95 = statistics.median(times), _percentile(times, 0.95)
    print(f"\n  all {len(times)} queries: p50 {p50:.1f} ms, p95 {p95:.1f} ms (target p95 < {TARGET_P95_MS:.0f} ms)")
    print("  matches: " + ", ".join(f"{q!r}={n}" for q, n in list(totals.items())[8:14]) + ", …")
    ok = p95 < TARGET_P95_MS
    print(f"  {'PASS' if ok else 'MISS'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
