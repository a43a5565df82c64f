"""Feeds and sitemaps an outlet announces: `<link rel="alternate">` on its home page, `Sitemap:` in robots.txt."""

from __future__ import annotations

from lxml import html as lxml_html

from kabar.crawl.urls import absolute, is_http

FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/feed+json", "application/rdf+xml")


def feed_links(page: bytes | str, base_url: str) -> tuple[str, ...]:
    """RSS and Atom feeds a page links to in its head, in page order, without repeats."""
    try:
        doc = lxml_html.fromstring(page)
    except (ValueError, TypeError, lxml_html.etree.ParserError):
        return ()
    found = []
    for link in doc.iter("link"):
        rel = (link.get("rel") or "").lower().split()
        kind = (link.get("type") or "").lower().split(";")[0].strip()
        href = link.get("href")
        if "alternate" in rel and kind in FEED_TYPES and href and kind != "application/feed+json":
            url = absolute(base_url, href)
            if is_http(url):
                found.append(url)
    return tuple(dict.fromkeys(found))


def canonical_link(page: bytes | str, base_url: str) -> str | None:
    """The page's `<link rel="canonical">`, absolute, if it has one."""
    try:
        doc = lxml_html.fromstring(page)
    except (ValueError, TypeError, lxml_html.etree.ParserError):
        return None
    for link in doc.iter("link"):
        if "canonical" in (link.get("rel") or "").lower().split() and link.get("href"):
            url = absolute(base_url, link.get("href"))
            return url if is_http(url) else None
    return None
