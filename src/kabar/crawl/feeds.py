"""RSS and Atom feeds (feedparser): the article links they list, with dates and titles."""

from __future__ import annotations

import calendar
from datetime import datetime, timezone

import feedparser

from kabar.crawl.listing import Listed
from kabar.crawl.urls import absolute, is_http


class FeedError(ValueError):
    """The bytes are not a feed feedparser can read."""


def parse_feed(body: bytes, base_url: str) -> tuple[Listed, ...]:
    """The entries of an RSS or Atom document, in the feed's order; raises FeedError for non-feeds."""
    parsed = feedparser.parse(body, response_headers={"content-location": base_url})
    if not parsed.entries and (parsed.bozo or not parsed.version):
        raise FeedError(f"not an RSS or Atom feed ({parsed.get('bozo_exception', 'no entries')})")
    out = []
    for entry in parsed.entries:
        link = entry.get("link") or _alternate(entry)
        if not link:
            continue
        url = absolute(base_url, link)
        if is_http(url):
            out.append(Listed(url, _date(entry), (entry.get("title") or "").strip() or None))
    return tuple(out)


def _alternate(entry) -> str | None:
    for link in entry.get("links", []):
        if link.get("rel", "alternate") == "alternate" and link.get("href"):
            return link["href"]
    return None


def _date(entry) -> str | None:
    # feedparser normalises RFC 822 and ISO dates to UTC struct_time
    for key in ("published_parsed", "updated_parsed"):
        value = entry.get(key)
        if value:
            return datetime.fromtimestamp(calendar.timegm(value), tz=timezone.utc).isoformat()
    return None
