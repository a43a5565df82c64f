"""Crawl speed against a local site, and what conditional GET saves on a second cycle.

    .venv/bin/python bench/crawl.py [--pages N] [--polite-pages M] [--new K]

A site on 127.0.0.1 (the test site's server, `tests/crawl/site.py`) serves N
article pages made from the seven real test articles (examples/samples and
tests/data, each copy numbered in its title and first paragraph so none is a
duplicate), listed by an RSS feed and a sitemap index with a Google News sitemap.

- full speed: delay 0, no Crawl-delay; pages/s for fetching and judging the pages
  (first to last page request) and for the whole crawl (fetch, extract, analyse,
  store, link), with the process's peak RSS;
- polite default: the 1 s default delay on M pages (one host, so at most 1 page/s);
- second cycle: K new articles added to the feed and sitemap; bytes of the
  listings a cycle reads with and without conditional GET, and the share of the
  second cycle's requests that fetched something new.
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
import tomllib
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(REPO))

from kabar.crawl import CrawlConfig, FetchConfig, crawl  # noqa: E402
from kabar.crawl.sources import parse_sources  # noqa: E402
from tests.crawl.site import (  # noqa: E402
    SAMPLES,
    TEST_PAGES,
    Route,
    SiteServer,
    article_html,
    rss,
    sample_article,
    sitemap_index,
    urlset,
)

LISTINGS = ("/rss.xml", "/sitemap_index.xml", "/sitemap-news.xml")


def originals() -> list[tuple[str, list[str]]]:
    from lxml import html

    found = [sample_article(p) for p in SAMPLES]
    for page in sorted(TEST_PAGES.glob("*.html")):
        doc = html.fromstring(page.read_text(encoding="utf-8"))
        paragraphs = [" ".join(p.text_content().split()) for p in doc.iter("p")]
        found.append((doc.findtext(".//title"), [p for p in paragraphs if len(p.split()) >= 10]))
    return [(t, b) for t, b in found if b]


def populate(server: SiteServer, count: int, start: int = 0) -> None:
    """Articles start..start+count-1 on the site, and listings naming every article so far."""
    base, site = server.base, server.site
    bases = originals()
    for n in range(start, start + count):
        title, body = bases[n % len(bases)]
        day = f"2024-{1 + n // 28 % 12:02d}-{1 + n % 28:02d}"
        numbered = [f"(Laporan nomor {n}) {body[0]}", *body[1:]]
        site.routes[f"/berita/{n}"] = Route(article_html(f"{title} ({n})", numbered, f"{day}T08:00:00+07:00").encode())
    total = start + count
    items = [(f"/berita/{n}", f"Berita {n}", f"{n % 28 + 1:02d} Jan 2024 01:00:00 GMT") for n in range(total)]
    tag = f'"v{total}"'
    site.routes["/robots.txt"] = Route(b"User-agent: *\nDisallow: /admin/\n", "text/plain")
    site.routes["/rss.xml"] = Route(rss(base, [(p, t, f"Mon, {d}") for p, t, d in items[-50:]]).encode(),
                                    "application/rss+xml", etag=tag)
    site.routes["/sitemap_index.xml"] = Route(sitemap_index(base, [("/sitemap-news.xml", "2024-12-31")]).encode(),
                                              "application/xml", etag=tag)
    site.routes["/sitemap-news.xml"] = Route(
        urlset(base, [(f"/berita/{n}", "2024-12-01T08:00:00+07:00") for n in range(total)], news=True).encode(),
        "application/xml", etag=tag)


def sources(server: SiteServer):
    return parse_sources(tomllib.loads(
        f'[[outlet]]\nname = "Bench"\nfeeds = ["{server.base}/rss.xml"]\nsitemaps = ["{server.base}/sitemap_index.xml"]\n'))


def timed_crawl(server: SiteServer, db: str, cfg: CrawlConfig):
    page_times: list[float] = []

    def on_request(url: str, at: float) -> None:
        if "/berita/" in url:
            page_times.append(at)

    start = time.perf_counter()
    summary = crawl(sources(server), db=db, cfg=cfg, on_request=on_request)
    return summary, time.perf_counter() - start, page_times


def listing_bytes(server: SiteServer) -> int:
    return sum(len(server.site.routes[p].body) for p in LISTINGS)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=70)
    parser.add_argument("--polite-pages", type=int, default=8)
    parser.add_argument("--new", type=int, default=7)
    args = parser.parse_args()
    fast = CrawlConfig(fetch=FetchConfig(default_delay=0.0))
    print(f"site: {args.pages} article pages on 127.0.0.1 from {len(originals())} real articles; RSS + news sitemap index")
    print(f"{'run':<28} {'pages':>6} {'s':>7} {'pages/s':>8} {'fetch pages/s':>14} {'requests':>9} {'KB':>8}")

    with SiteServer() as server, tempfile.TemporaryDirectory() as folder:
        populate(server, args.pages)
        db = str(Path(folder) / "bench.db")
        rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        first, seconds, page_times = timed_crawl(server, db, fast)
        fetch_rate = (len(page_times) - 1) / (page_times[-1] - page_times[0]) if len(page_times) > 1 else float("nan")
        row("full speed, cycle 1", first.new_articles, seconds, fetch_rate, first)
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss

        populate(server, args.new, start=args.pages)
        grown_listings = listing_bytes(server)
        server.site.hits.clear()
        second, seconds2, page_times2 = timed_crawl(server, db, fast)
        refetched = sum(1 for p, _, _ in server.site.hits if p.startswith("/berita/") and int(p.split("/")[2]) < args.pages)
        rate2 = (len(page_times2) - 1) / (page_times2[-1] - page_times2[0]) if len(page_times2) > 1 else float("nan")
        row(f"full speed, cycle 2 (+{args.new})", second.new_articles, seconds2, rate2, second)
        server.site.hits.clear()
        third, seconds3, _ = timed_crawl(server, db, fast)
        row("full speed, cycle 3 (same)", third.new_articles, seconds3, float("nan"), third)

    with SiteServer() as server, tempfile.TemporaryDirectory() as folder:
        populate(server, args.polite_pages)
        polite, seconds, page_times = timed_crawl(server, str(Path(folder) / "p.db"), CrawlConfig())
        gaps = [b - a for a, b in zip(page_times, page_times[1:])]
        rate = (len(page_times) - 1) / (page_times[-1] - page_times[0]) if len(page_times) > 1 else float("nan")
        row("polite default (1 s)", polite.new_articles, seconds, rate, polite)
        print(f"  shortest gap between two page requests at the polite default: {min(gaps):.3f} s")

    print(f"peak RSS: {peak / 1024:.0f} MB (before the first crawl {rss_before / 1024:.0f} MB)")
    print(f"conditional GET, cycle 3 (nothing new): {third.requests} requests, {third.bytes} bytes of bodies, "
          f"{third.not_modified} answered 304; the same listings without it: {grown_listings / 1024:.1f} KB "
          f"(saved {100 * (1 - third.bytes / grown_listings):.1f}%)")
    print(f"cycle 2: {second.new_articles} new pages in {second.requests} requests "
          f"({100 * second.new_articles / max(1, second.requests):.0f}% new work); "
          f"stored article pages fetched again: {refetched}")


def row(name: str, pages: int, seconds: float, fetch_rate: float, summary) -> None:
    print(f"{name:<28} {pages:>6} {seconds:>7.1f} {pages / seconds:>8.2f} {fetch_rate:>14.1f} "
          f"{summary.requests:>9} {summary.bytes / 1024:>8.1f}")


if __name__ == "__main__":
    main()
