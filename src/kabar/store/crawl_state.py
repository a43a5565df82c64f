"""What `kabar crawl` remembers between runs, in the store's database.

- `crawl_urls`: one row per URL the crawler knows, keyed by its canonical form
  (`kabar.crawl.urls.canonical_url`): feeds and sitemaps with their validators
  (ETag, Last-Modified) for conditional GET; article pages with their state
  (queued, stored, not an article, duplicate, failed, skipped), so a second run
  fetches no page it has stored and resumes the queue a crashed run left.
- `crawl_log`: one row per fetch outcome (URL, status, time, bytes, ETag).

The tables have their own `MetaData`, created on first use, so the article
schema and its version are untouched.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass

from sqlalchemy import Column, Engine, Integer, MetaData, String, Table, Text, func, insert, select, update

crawl_metadata = MetaData()

crawl_urls = Table(
    "crawl_urls",
    crawl_metadata,
    Column("key", String, primary_key=True),  # canonical URL
    Column("url", String, nullable=False),  # as listed or last fetched
    Column("kind", String, nullable=False),  # page, feed, sitemap, home
    Column("outlet", String, nullable=False, index=True),
    Column("parent", String),  # the home page that announced a feed or sitemap, the index that lists a sitemap
    Column("state", String, nullable=False, index=True),
    Column("listed_published", String),  # the date a feed or sitemap gave
    Column("status", Integer),
    Column("etag", String),
    Column("last_modified", String),
    Column("fetched_at", String),
    Column("final_url", String),
    Column("content_hash", String, index=True),
    Column("article_id", String),
    Column("attempts", Integer, nullable=False, default=0),  # failed fetches so far
)

crawl_log = Table(
    "crawl_log",
    crawl_metadata,
    Column("seq", Integer, primary_key=True, autoincrement=True),
    Column("at", String, nullable=False),
    Column("url", String, nullable=False),
    Column("kind", String, nullable=False),
    Column("status", Integer),
    Column("outcome", String, nullable=False),
    Column("bytes", Integer, nullable=False),
    Column("etag", String),
    Column("reason", Text),
)

# "accepted": fetched and handed to the pipeline, not yet stored; a crawl that stopped there left it to fetch again
PAGE_STATES = ("queued", "accepted", "stored", "not_article", "duplicate", "failed", "skipped")
_TO_FETCH = ("queued", "accepted")
_HOLDING = ("accepted", "stored")


@dataclass(frozen=True, slots=True)
class UrlState:
    key: str
    url: str
    kind: str
    outlet: str
    state: str
    parent: str | None = None
    listed_published: str | None = None
    status: int | None = None
    etag: str | None = None
    last_modified: str | None = None
    fetched_at: str | None = None
    final_url: str | None = None
    content_hash: str | None = None
    article_id: str | None = None
    attempts: int = 0


@dataclass(frozen=True, slots=True)
class LogEntry:
    at: str
    url: str
    kind: str
    status: int | None
    outcome: str  # fetched, not_modified, failed, disallowed
    bytes: int
    etag: str | None = None
    reason: str | None = None


class CrawlState:
    """The crawl tables of one store's database (`Store.engine`)."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        crawl_metadata.create_all(engine)

    def get(self, key: str) -> UrlState | None:
        with self.engine.connect() as conn:
            row = conn.execute(select(crawl_urls).where(crawl_urls.c.key == key)).mappings().first()
        return UrlState(**row) if row else None

    def save(self, item: UrlState) -> None:
        row = asdict(item)
        with self.engine.begin() as conn:
            done = conn.execute(update(crawl_urls).where(crawl_urls.c.key == item.key).values(**row))
            if done.rowcount == 0:
                conn.execute(insert(crawl_urls).values(**row))

    def queue(self, items: Iterable[UrlState]) -> int:
        """Add pages not known yet (known ones keep their state); returns how many were new."""
        added = 0
        with self.engine.begin() as conn:
            for item in items:
                if conn.execute(select(crawl_urls.c.key).where(crawl_urls.c.key == item.key)).first() is None:
                    conn.execute(insert(crawl_urls).values(**asdict(item)))
                    added += 1
        return added

    def pending(self, outlet: str, *, max_attempts: int) -> list[UrlState]:
        """Pages of `outlet` still to fetch: queued, or failed fewer than `max_attempts` times; newest listed first."""
        c = crawl_urls.c
        query = (
            select(crawl_urls)
            .where(c.outlet == outlet, c.kind == "page")
            .where(c.state.in_(_TO_FETCH) | ((c.state == "failed") & (c.attempts < max_attempts)))
            .order_by(c.listed_published.desc().nulls_last(), c.key)
        )
        with self.engine.connect() as conn:
            return [UrlState(**row) for row in conn.execute(query).mappings()]

    def sources_of(self, outlet: str, kind: str, *, parent: str) -> list[str]:
        """URLs of the feeds or sitemaps `parent` (a home page or a sitemap index) was found to list."""
        c = crawl_urls.c
        with self.engine.connect() as conn:
            rows = conn.execute(select(c.url).where(c.outlet == outlet, c.kind == kind, c.parent == parent).order_by(c.url))
            return [url for (url,) in rows]

    def holder_of(self, content_hash: str, *, other_than: str) -> str | None:
        """The key of another page stored (or being stored) with this content hash, if any."""
        c = crawl_urls.c
        query = select(c.key).where(c.content_hash == content_hash, c.state.in_(_HOLDING), c.key != other_than).limit(1)
        with self.engine.connect() as conn:
            return conn.execute(query).scalar()

    def log(self, entry: LogEntry) -> None:
        with self.engine.begin() as conn:
            conn.execute(insert(crawl_log).values(**asdict(entry)))

    def log_entries(self) -> list[LogEntry]:
        with self.engine.connect() as conn:
            rows = conn.execute(select(crawl_log).order_by(crawl_log.c.seq)).mappings()
            return [LogEntry(**{k: v for k, v in row.items() if k != "seq"}) for row in rows]

    def states(self, kind: str = "page") -> dict[str, int]:
        """How many URLs of `kind` are in each state."""
        c = crawl_urls.c
        with self.engine.connect() as conn:
            rows = conn.execute(select(c.state, func.count()).where(c.kind == kind).group_by(c.state))
            return {state: n for state, n in rows}
