"""Feeds, sitemaps and discovery, on the documents the test site serves."""

import gzip

import pytest

from kabar.crawl.discover import canonical_link, feed_links
from kabar.crawl.feeds import FeedError, parse_feed
from kabar.crawl.sitemaps import SitemapError, parse_sitemap
from tests.crawl.site import HOME, atom, rss, sitemap_index, urlset

BASE = "http://127.0.0.1:8765"


def test_feeds_rss_entries_with_dates_in_utc():
    body = rss(BASE, [("/nasional/xi-kim", "Xi Jinping dan Kim Jong Un", "Tue, 23 Mar 2021 18:31:00 +0700")]).encode()
    (entry,) = parse_feed(body, f"{BASE}/rss.xml")
    assert entry.url == f"{BASE}/nasional/xi-kim"
    assert entry.published == "2021-03-23T11:31:00+00:00"
    assert entry.title == "Xi Jinping dan Kim Jong Un"


def test_feeds_atom_relative_links_resolve_against_xml_base():
    body = atom(BASE, [("dunia/china-korut", "China-Korut Makin Mesra", "2021-10-28T13:47:00Z")]).encode()
    (entry,) = parse_feed(body, f"{BASE}/atom.xml")
    assert (entry.url, entry.published) == (f"{BASE}/dunia/china-korut", "2021-10-28T13:47:00+00:00")


def test_feeds_an_html_page_is_not_a_feed():
    with pytest.raises(FeedError):
        parse_feed(HOME.format(base=BASE).encode(), BASE)


def test_sitemaps_google_news_publication_date_wins_over_lastmod():
    body = urlset(BASE, [("/ekonomi/surat", "2022-01-15T10:00:00+07:00")], news=True).encode()
    (entry,) = parse_sitemap(body, f"{BASE}/sitemap-news.xml").entries
    assert (entry.url, entry.published) == (f"{BASE}/ekonomi/surat", "2022-01-15T10:00:00+07:00")


def test_sitemaps_index_lists_children_and_gzip_is_read():
    index = parse_sitemap(sitemap_index(BASE, [("/a.xml.gz", "2022-11-21")]).encode(), BASE)
    assert [(c.url, c.published) for c in index.children] == [(f"{BASE}/a.xml.gz", "2022-11-21")]
    assert not index.entries
    zipped = gzip.compress(urlset(BASE, [("/daerah/gempa", "2022-11-21"), ("/rusak", "2022-11-20")], news=False).encode())
    pages = parse_sitemap(zipped, f"{BASE}/a.xml.gz")
    assert [e.url for e in pages.entries] == [f"{BASE}/daerah/gempa", f"{BASE}/rusak"]


@pytest.mark.parametrize("body", [b"\x1f\x8b\x08 not really gzip", b"<html><body>bukan sitemap</body></html>"])
def test_sitemaps_other_documents_are_refused(body):
    with pytest.raises(SitemapError):
        parse_sitemap(body, BASE)


def test_discover_feed_links_from_the_home_page():
    home = HOME.format(base=BASE)
    assert feed_links(home, f"{BASE}/") == (f"{BASE}/rss.xml", f"{BASE}/atom.xml")  # the stylesheet link is not a feed
    assert canonical_link('<html><head><link rel="canonical" href="/a"></head></html>', f"{BASE}/m/a") == f"{BASE}/a"


def test_sitemaps_an_image_inside_an_entry_is_not_the_page():
    body = (
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:image="http://www.google.com/schemas/sitemap-image/1.1">'
        f"<url><image:image><image:loc>{BASE}/foto/gempa.jpg</image:loc></image:image><loc>{BASE}/daerah/gempa</loc>"
        "<lastmod>2022-11-21</lastmod></url></urlset>"
    ).encode()
    (entry,) = parse_sitemap(body, BASE).entries
    assert (entry.url, entry.published) == (f"{BASE}/daerah/gempa", "2022-11-21")
