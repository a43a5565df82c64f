"""One crawl: read the outlets' feeds and sitemaps, fetch the article pages not seen before, store them.

Steps, each with its own module: robots.txt per host (`robots`), discovery of
feeds and sitemaps (`discover`), listings (`feeds`, `sitemaps`), polite
fetching (`fetch`), the page gate (`pages`), the pipeline hand-off (`handoff`).
What the crawl learns (validators, page states, the fetch log) is kept in the
store (`kabar.store.crawl_state`), so the next crawl asks feeds and sitemaps
conditionally, fetches only new pages, and picks up pages a stopped crawl left
queued. Nothing here raises for a bad response: it becomes a `Failure`.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from datetime import datetime, timezone
from itertools import zip_longest
from pathlib import Path
from urllib.parse import urlsplit

from kabar.crawl.archive import Archive
from kabar.crawl.discover import canonical_link, feed_links
from kabar.crawl.feeds import FeedError, parse_feed
from kabar.crawl.fetch import Fetched, FetchConfig, Fetcher
from kabar.crawl.listing import Listed
from kabar.crawl.manners import HostManners
from kabar.crawl.pages import looks_like_article, published_before, raw_page
from kabar.crawl.robots import RobotsBook
from kabar.crawl.sitemaps import SitemapError, parse_sitemap
from kabar.crawl.sources import Outlet, Sources, wants
from kabar.crawl.urls import canonical_url, host_of
from kabar.ids import stable_id
from kabar.log import get_logger
from kabar.records import Failure, Linking
from kabar.store.crawl_state import CrawlState, LogEntry, UrlState

log = get_logger(__name__)


@dataclass(frozen=True, slots=True)
class CrawlConfig:
    fetch: FetchConfig = field(default_factory=FetchConfig)
    since: str | None = None  # ISO date: listings and articles dated before it are left out
    max_pages: int | None = None  # article pages fetched per crawl
    archive: Path | None = None
    max_attempts: int = 3  # a page that failed this many times is given up
    sitemap_depth: int = 3  # sitemap indexes nested at most this deep
    link: bool = True  # place the new articles in the stored events and stories


@dataclass(frozen=True, slots=True)
class FetchEvent:
    """One fetch outcome, for `--verbose` lines and progress bars."""

    url: str
    kind: str  # robots, home, feed, sitemap, subsitemap, page; article once the pipeline has it
    outcome: str  # fetched, not_modified, failed, disallowed, accepted, stored, not_article, duplicate, skipped
    status: int | None
    detail: str | None = None


@dataclass(slots=True)
class CrawlSummary:
    fetched: int = 0  # responses with content (200)
    not_modified: int = 0  # 304s
    new_articles: int = 0
    skipped_robots: int = 0
    requests: int = 0
    bytes: int = 0
    sources_listed: int = 0  # home pages, feeds and sitemaps given or found
    sources_read: int = 0  # …read (200 or 304)
    pages_queued: int = 0
    failures: list[Failure] = field(default_factory=list)
    linking: Linking | None = None


def crawl(
    sources: Sources,
    *,
    db: str,
    cfg: CrawlConfig = CrawlConfig(),
    on_event: Callable[[FetchEvent], None] | None = None,
    on_plan: Callable[[int], None] | None = None,
    on_request: Callable[[str, float], None] | None = None,
) -> CrawlSummary:
    """Crawl `sources` into the store at `db`; see the module docstring.

    `on_plan` is told how many article pages will be fetched; `on_event` each
    outcome: a page `accepted` when fetched, then (kind "article") `stored` as the
    pipeline saves it; `on_request` (url, monotonic time) each request, for the bench.
    """
    from kabar.crawl.handoff import Spool, store_pages
    from kabar.store import open_store

    store = open_store(db)
    run = _Run(sources, cfg, CrawlState(store.engine), store, on_event)
    fetcher = Fetcher(cfg.fetch, run.manners, on_request=on_request)
    run.fetcher = fetcher
    spool = Spool()
    try:
        for outlet in sources.outlets:
            run.list_outlet(outlet)
        todo = run.pages_to_fetch()
        if on_plan is not None:
            on_plan(len(todo))
        for item in todo:
            run.fetch_page(item, spool)
        stored = store_pages(spool, store, link=cfg.link, on_article=run.stored)
        run.settle(stored)
    finally:
        spool.close()
        fetcher.close()
        run.close()
        store.close()
    return run.summary


class _Run:
    """The state of one crawl: counts, robots and delays, the crawl state, the archive."""

    def __init__(self, sources: Sources, cfg: CrawlConfig, state: CrawlState, store, on_event) -> None:
        self.sources, self.cfg, self.state, self.store = sources, cfg, state, store
        self.on_event = on_event
        self.summary = CrawlSummary()
        self.fetcher: Fetcher | None = None
        self.robots = RobotsBook(self._fetch_robots, cfg.fetch.user_agent)
        self.manners = HostManners(self.robots, default_delay=cfg.fetch.default_delay, max_wait=cfg.fetch.max_wait)
        self.archive = Archive(cfg.archive) if cfg.archive is not None else None
        self.accepted: dict[str, UrlState] = {}  # final URL → page waiting for the pipeline (its text is spooled)

    # --- listing ----------------------------------------------------------------

    def list_outlet(self, outlet: Outlet) -> None:
        for url in (outlet.home, *outlet.feeds, *outlet.sitemaps):
            if url and outlet.delay is not None:
                self.manners.set_delay(url, outlet.delay)
        feeds, sitemaps = list(outlet.feeds), list(outlet.sitemaps)
        if outlet.home and outlet.discover:
            found_feeds, found_maps = self._discover(outlet)
            feeds += found_feeds
            sitemaps += found_maps
            # and those found on earlier crawls: a home page that answers 304 still has them
            feeds += self.state.sources_of(outlet.name, "feed", parent=outlet.home)
            sitemaps += self.state.sources_of(outlet.name, "sitemap", parent=outlet.home)
        listed: list[Listed] = []
        for url in dict.fromkeys(feeds):
            listed += self._read_listing(outlet, url, "feed")
        for url in dict.fromkeys(sitemaps):
            listed += self._read_listing(outlet, url, "sitemap")
        self._queue(outlet, listed)

    def _discover(self, outlet: Outlet) -> tuple[list[str], list[str]]:
        assert outlet.home is not None
        feeds: list[str] = []
        self.summary.sources_listed += 1
        fetched = self._get_source(outlet, outlet.home, "home")
        if fetched is not None:
            self.summary.sources_read += 1
        if fetched is not None and fetched.ok:
            feeds = list(feed_links(fetched.body, fetched.final_url))
        maps = list(self.robots.sitemaps(outlet.home))
        for url, kind in [(u, "feed") for u in feeds] + [(u, "sitemap") for u in maps]:
            if self.state.get(canonical_url(url)) is None:
                self.state.save(UrlState(canonical_url(url), url, kind, outlet.name, "listed", parent=outlet.home))
        return feeds, maps

    def _read_listing(self, outlet: Outlet, url: str, kind: str, depth: int = 0) -> list[Listed]:
        self.summary.sources_listed += depth == 0
        fetched = self._get_source(outlet, url, kind if depth == 0 else "subsitemap")
        if fetched is None:
            return []
        if depth == 0 and (fetched.ok or fetched.not_modified):
            self.summary.sources_read += 1
        if fetched.not_modified:
            if kind == "sitemap":  # an index unchanged says nothing of its sitemaps: ask each of them
                return [x for child in self.state.sources_of(outlet.name, "subsitemap", parent=url)
                        for x in self._read_listing(outlet, child, kind, depth + 1)]
            return []
        try:
            if kind == "feed":
                return list(parse_feed(fetched.body, fetched.final_url))
            sitemap = parse_sitemap(fetched.body, fetched.final_url)
        except (FeedError, SitemapError) as exc:
            self._fail(url, f"crawl.{kind}", str(exc))
            return []
        listed = list(sitemap.entries)
        if sitemap.children and depth >= self.cfg.sitemap_depth:
            self._fail(url, "crawl.sitemap", f"sitemap indexes nested deeper than {self.cfg.sitemap_depth}")
            return listed
        for child in sitemap.children:
            if _before(child.published, self.cfg.since):
                continue  # an index says when each sitemap last changed: an old one lists only old pages
            key = canonical_url(child.url)
            if self.state.get(key) is None:
                self.state.save(UrlState(key, child.url, "subsitemap", outlet.name, "listed", parent=url))
            listed += self._read_listing(outlet, child.url, kind, depth + 1)
        return listed

    def _get_source(self, outlet: Outlet, url: str, kind: str) -> Fetched | None:
        """A conditional GET of a home page, feed or sitemap; its validators saved for next time."""
        key = canonical_url(url)
        known = self.state.get(key) or UrlState(key, url, kind, outlet.name, "listed")
        fetched = self._fetch(url, kind, etag=known.etag, last_modified=known.last_modified)
        if fetched.ok or fetched.not_modified:
            self.state.save(
                replace(
                    known,
                    url=url,
                    state="read",
                    status=fetched.status,
                    etag=fetched.header("etag") or known.etag,
                    last_modified=fetched.header("last-modified") or known.last_modified,
                    fetched_at=_now(),
                    final_url=fetched.final_url,
                )
            )
            return fetched
        self._fail(url, f"crawl.{kind}", fetched.error or "no response")
        return None

    def _queue(self, outlet: Outlet, listed: Iterable[Listed]) -> None:
        items = []
        for entry in listed:
            if not wants(outlet, urlsplit(entry.url).path) or _before(entry.published, self.cfg.since):
                continue
            items.append(UrlState(canonical_url(entry.url), entry.url, "page", outlet.name, "queued", entry.published))
            if outlet.delay is not None:
                self.manners.set_delay(entry.url, outlet.delay, keep=True)
        self.summary.pages_queued += self.state.queue(items)

    def pages_to_fetch(self) -> list[UrlState]:
        """Pending pages of every outlet, newest first, taken in turn across hosts so their delays overlap."""
        pending = [
            p for o in self.sources.outlets for p in self.state.pending(o.name, max_attempts=self.cfg.max_attempts)
            if not _before(p.listed_published, self.cfg.since)
        ]
        by_host: dict[str, list[UrlState]] = defaultdict(list)
        for page in dict((p.key, p) for p in pending).values():
            by_host[host_of(page.url)].append(page)
        ordered = [p for turn in zip_longest(*by_host.values()) for p in turn if p is not None]
        return ordered[: self.cfg.max_pages] if self.cfg.max_pages is not None else ordered

    # --- pages ------------------------------------------------------------------

    def fetch_page(self, item: UrlState, spool) -> None:
        from kabar.pipeline import extract_page

        fetched = self._fetch(item.url, "page")
        done = replace(item, status=fetched.status, fetched_at=_now(), final_url=fetched.final_url)
        if fetched.error == "disallowed by robots.txt":
            # an unreadable robots.txt closes its host for this crawl: the page is tried again next time
            why = self.robots.for_url(fetched.final_url).reason
            state = replace(done, attempts=item.attempts + 1) if why else done
            return self._settle_page(state, "failed" if why else "skipped", fetched, why or fetched.error)
        if not fetched.ok:
            self._fail(item.url, "crawl.page", fetched.error or "no response")
            return self._settle_page(replace(done, attempts=item.attempts + 1), "failed", fetched, fetched.error)
        page = raw_page(fetched)
        if isinstance(page, Failure):
            self._fail(page.source, page.stage, page.reason)
            return self._settle_page(done, "not_article", fetched, page.reason)
        article = extract_page(page)  # alone, to judge it; the store gets the batch extraction
        if isinstance(article, Failure):
            if not article.reason.startswith("NotAnArticle"):  # a page extraction judged no article is no failure
                self._fail(page.source, article.stage, article.reason)
            return self._settle_page(done, "not_article", fetched, article.reason)
        if not looks_like_article(article):
            return self._settle_page(done, "not_article", fetched, "no running text: not an article")
        if published_before(article, self.cfg.since):
            return self._settle_page(done, "skipped", fetched, f"published {article.published[:10]}, before --since")
        content_hash = stable_id(article.title or "", article.text)
        twin = self.state.holder_of(content_hash, other_than=item.key) or self._canonical_twin(fetched, item.key)
        if twin is not None or page.source in self.accepted:
            return self._settle_page(replace(done, content_hash=content_hash), "duplicate", fetched, f"same article as {twin or page.source}")
        # claimed now, so a second URL of the same article in this crawl is a duplicate
        done = replace(done, content_hash=content_hash, state="accepted")
        self.state.save(done)
        self.accepted[page.source] = done
        spool.add(page)
        self._archive(fetched, article=True)  # archived now, so no page's bytes wait in memory for the pipeline
        self._event(FetchEvent(item.url, "page", "accepted", fetched.status))

    def stored(self, source: str) -> None:
        """The pipeline saved the article of the page at `source` (its final URL)."""
        self._event(FetchEvent(source, "article", "stored", 200))

    def _canonical_twin(self, fetched: Fetched, key: str) -> str | None:
        """A stored page the fetched one names as its canonical URL (AMP and mobile copies do)."""
        link = canonical_link(fetched.body, fetched.final_url)
        other = canonical_url(link) if link else None
        if other is None or other == key:
            return None
        known = self.state.get(other)
        return other if known is not None and known.state in ("accepted", "stored") else None

    def settle(self, stored) -> None:
        """After the pipeline: article ids in the crawl state, failures counted."""
        for source, item in self.accepted.items():
            article_id = stored.articles.get(source)
            settled = replace(item, article_id=article_id, state="stored" if article_id else "failed",
                              attempts=item.attempts + (article_id is None))
            self.state.save(settled)
            if article_id:  # the URL redirected to is known too, so a listing of it is not fetched again
                self._also_known_as(settled, source)
            else:
                self._event(FetchEvent(source, "article", "failed", item.status))
        self.summary.new_articles = len(stored.articles)
        for failure in stored.failures:
            self._fail(failure.source, failure.stage, failure.reason)
        self.summary.linking = stored.linking

    def _also_known_as(self, item: UrlState, url: str) -> None:
        key = canonical_url(url)
        if key != item.key and self.state.get(key) is None:
            self.state.save(replace(item, key=key, url=url))

    def _settle_page(self, item: UrlState, state: str, fetched: Fetched, detail: str | None = None) -> None:
        self.state.save(replace(item, state=state))
        self._archive(fetched, article=False)
        self._event(FetchEvent(item.url, "page", state, fetched.status, detail))

    # --- fetching -----------------------------------------------------------------

    def _fetch_robots(self, url: str) -> Fetched:
        fetched = self._fetch(url, "robots", obey_robots=False)
        if fetched.error and not (fetched.status and 400 <= fetched.status < 500):
            self._fail(url, "crawl.robots", f"{fetched.error}: the host is skipped this crawl")
        return fetched

    def _fetch(self, url: str, kind: str, *, obey_robots: bool = True, **validators) -> Fetched:
        assert self.fetcher is not None
        fetched = self.fetcher.get(url, obey_robots=obey_robots, **validators)
        self.summary.requests += len(fetched.exchanges)
        self.summary.bytes += sum(len(x.body) for x in fetched.exchanges)
        if fetched.error == "disallowed by robots.txt":
            self.summary.skipped_robots += 1
            outcome = "disallowed"
        elif fetched.not_modified:
            self.summary.not_modified += 1
            outcome = "not_modified"
        elif fetched.ok:
            self.summary.fetched += 1
            outcome = "fetched"
        else:
            outcome = "failed"
        self.state.log(LogEntry(_now(), url, kind, fetched.status, outcome, len(fetched.body), fetched.header("etag"), fetched.error))
        if kind != "page":  # a page is archived and reported once the crawl has decided what it is
            self._archive(fetched, article=False)
            self._event(FetchEvent(url, kind, outcome, fetched.status, fetched.error))
        return fetched

    def _archive(self, fetched: Fetched, *, article: bool) -> None:
        if self.archive is None:
            return
        last = len(fetched.exchanges) - 1
        for i, exchange in enumerate(fetched.exchanges):
            self.archive.write(exchange, article=article and i == last)

    def _fail(self, source: str, stage: str, reason: str) -> None:
        failure = Failure(source, stage, reason)
        self.summary.failures.append(failure)
        # info, not warning: the CLI lists every failure after its progress bar
        log.info("failure", extra={"fields": {"source": source, "stage": stage, "reason": reason}})
        self.store.add_failure(failure)

    def _event(self, event: FetchEvent) -> None:
        log.info("fetch", extra={"fields": {"url": event.url, "kind": event.kind, "outcome": event.outcome, "status": event.status}})
        if self.on_event is not None:
            self.on_event(event)

    def close(self) -> None:
        if self.archive is not None:
            self.archive.close()


def _before(published: str | None, since: str | None) -> bool:
    return bool(since and published and published[:10] < since)


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")
