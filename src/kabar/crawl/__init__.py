"""Live news: feeds and sitemaps of Indonesian outlets, fetched politely into the store.

Public API: ``load_sources(path) -> Sources`` and ``crawl(sources, *, db, cfg) -> CrawlSummary``
(`crawler`). The modules, one job each: `sources` (the SOURCES TOML), `urls` (canonical
URLs, hosts), `robots`, `manners` (what may be fetched, how often), `fetch` (httpx, delays,
retries, conditional GET), `discover` (feeds a home page links, its canonical URL), `feeds`
(RSS, Atom), `sitemaps` (url sets, indexes, Google News, gzip), `pages` (decoding and the
article gate), `archive` (WARC), `handoff` (the pipeline and incremental linking). The
crawl state lives in the store (`kabar.store.crawl_state`).
"""

from kabar.crawl.crawler import CrawlConfig, CrawlSummary, FetchEvent, crawl
from kabar.crawl.fetch import FetchConfig, default_user_agent
from kabar.crawl.sources import Outlet, Sources, SourcesError, load_sources

__all__ = [
    "CrawlConfig",
    "CrawlSummary",
    "FetchConfig",
    "FetchEvent",
    "Outlet",
    "Sources",
    "SourcesError",
    "crawl",
    "default_user_agent",
    "load_sources",
]
