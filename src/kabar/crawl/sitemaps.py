"""XML sitemaps: url sets (with Google News `news:` fields), sitemap indexes, gzipped or not."""

from __future__ import annotations

import gzip
import zlib
from dataclasses import dataclass

from lxml import etree

from kabar.crawl.listing import Listed
from kabar.crawl.urls import absolute, is_http

_MAX_UNZIPPED = 60_000_000  # a sitemap may hold 50 MB uncompressed (sitemaps.org); refuse a gzip bomb


class SitemapError(ValueError):
    """Not a sitemap: unreadable gzip, not XML, or another root element."""


@dataclass(frozen=True, slots=True)
class Sitemap:
    children: tuple[Listed, ...] = ()  # sitemaps a sitemap index points to, with their lastmod
    entries: tuple[Listed, ...] = ()  # pages a url set lists


def parse_sitemap(body: bytes, base_url: str) -> Sitemap:
    data = _gunzip(body)
    try:
        root = etree.fromstring(data, parser=etree.XMLParser(resolve_entities=False, no_network=True, recover=True, huge_tree=False))
    except etree.XMLSyntaxError as exc:
        raise SitemapError(f"not XML: {exc}") from exc
    if root is None:
        raise SitemapError("not XML")
    kind = etree.QName(root).localname
    if kind == "sitemapindex":
        return Sitemap(children=tuple(e for e in (_entry(base_url, s) for s in _children(root, "sitemap")) if e))
    if kind == "urlset":
        return Sitemap(entries=tuple(e for e in (_entry(base_url, u) for u in _children(root, "url")) if e))
    raise SitemapError(f"root element <{kind}> is neither <urlset> nor <sitemapindex>")


def _gunzip(body: bytes) -> bytes:
    if not body.startswith(b"\x1f\x8b"):
        return body
    try:
        unzip = zlib.decompressobj(16 + zlib.MAX_WBITS)
        data = unzip.decompress(body, _MAX_UNZIPPED)
    except (zlib.error, gzip.BadGzipFile) as exc:
        raise SitemapError(f"broken gzip: {exc}") from exc
    if unzip.unconsumed_tail:
        raise SitemapError(f"gzipped sitemap larger than {_MAX_UNZIPPED:,} bytes")
    return data


def _children(root, name: str):
    return (el for el in root if isinstance(el.tag, str) and etree.QName(el).localname == name)


def _text(el, name: str) -> str | None:
    """The text of the first descendant named `name` in any namespace (news:, image:, none)."""
    for child in el.iter():
        if isinstance(child.tag, str) and etree.QName(child).localname == name and child.text and child.text.strip():
            return child.text.strip()
    return None


def _loc(base_url: str, el) -> str | None:
    # the entry's own <loc>, not an image's or a video's nested inside it
    own = next((c for c in _children(el, "loc") if c.text and c.text.strip()), None)
    loc = own.text.strip() if own is not None else None
    url = absolute(base_url, loc) if loc else None
    return url if url and is_http(url) else None


def _entry(base_url: str, el) -> Listed | None:
    url = _loc(base_url, el)
    if url is None:
        return None
    # a Google News sitemap's publication date says when the article appeared; lastmod only when it last changed
    return Listed(url, _text(el, "publication_date") or _text(el, "lastmod"), _text(el, "title"))
