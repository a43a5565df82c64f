"""The crawl tests' site on 127.0.0.1 and a crawl of it, run once per module."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

import pytest

from kabar.crawl import CrawlConfig, CrawlSummary, FetchConfig, crawl
from kabar.crawl.sources import Sources, parse_sources
from tests.crawl.site import SiteServer

# tiny delays and timeouts: the site answers at once, except /lambat (1 s, past the timeout)
FAST = FetchConfig(default_delay=0.0, timeout=0.3, retries=2, backoff=0.01)


def fast_config(**kw) -> CrawlConfig:
    return CrawlConfig(fetch=FAST, **kw)


def sources_of(server: SiteServer, **extra: str) -> Sources:
    return parse_sources(tomllib.loads(server.sources_toml(**extra)))


@dataclass
class TwoCrawls:
    server: SiteServer
    db: str
    archive: Path
    first: CrawlSummary
    first_hits: list  # (path, time, headers) the site saw during the first crawl
    second: CrawlSummary
    second_hits: list


@pytest.fixture()
def server():
    with SiteServer() as running:
        yield running


@pytest.fixture(scope="module")
def two_crawls(tmp_path_factory) -> TwoCrawls:
    """The site crawled twice into one store, the first time with a WARC archive."""
    folder = tmp_path_factory.mktemp("crawl")
    db, archive = str(folder / "kabar.db"), folder / "warc"
    with SiteServer() as server:
        sources = sources_of(server)
        first = crawl(sources, db=db, cfg=fast_config(archive=archive))
        first_hits = list(server.site.hits)
        server.site.hits.clear()
        second = crawl(sources, db=db, cfg=fast_config())
        second_hits = list(server.site.hits)
    return TwoCrawls(server, db, archive, first, first_hits, second, second_hits)
