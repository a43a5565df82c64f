import pytest

from kabar.crawl.urls import canonical_url, host_of, robots_url


@pytest.mark.parametrize(
    "variant",
    [
        "https://www.kompas.com/read/2021/03/23/xi-kim",
        "http://kompas.com/read/2021/03/23/xi-kim/",
        "https://m.kompas.com/read/2021/03/23/xi-kim?utm_source=twitter&utm_medium=social",
        "https://amp.kompas.com/read/2021/03/23/xi-kim#komentar",
        "https://www.kompas.com/read/2021/03/23/xi-kim/amp",
        "https://www.kompas.com/read/2021/03/23/xi-kim?fbclid=IwAR0abc&amp=1",
        "HTTPS://WWW.KOMPAS.COM/read/2021/03/23/xi-kim",
    ],
)
def test_urls_canonical_folds_tracking_amp_and_mobile_variants(variant):
    assert canonical_url(variant) == "kompas.com/read/2021/03/23/xi-kim"


@pytest.mark.parametrize(
    "one, other",
    [
        ("https://news.detik.com/berita/d-1/a", "https://news.detik.com/berita/d-2/a"),
        ("https://www.kompas.com/read?page=1", "https://www.kompas.com/read?page=2"),
        ("http://127.0.0.1:8765/a", "http://127.0.0.1:8766/a"),
    ],
)
def test_urls_canonical_keeps_pages_apart(one, other):
    assert canonical_url(one) != canonical_url(other)


def test_urls_canonical_sorts_the_query_it_keeps():
    assert canonical_url("https://x.co.id/cari?q=banjir&hal=2") == canonical_url("https://x.co.id/cari?hal=2&q=banjir")


def test_urls_host_and_robots_location():
    assert host_of("http://127.0.0.1:8765/a/b?c=1") == "127.0.0.1:8765"
    assert robots_url("https://www.tempo.co/read/123?x=1") == "https://www.tempo.co/robots.txt"
