"""The fetcher and robots.txt against the test site on 127.0.0.1."""

from __future__ import annotations

import pytest

from kabar.crawl.fetch import FetchConfig, Fetcher, retry_after
from kabar.crawl.robots import RobotsBook
from tests.crawl.conftest import FAST
from tests.crawl.site import CRAWL_DELAY, Route


class Open:
    """Manners that allow everything, with one delay for every host."""

    def __init__(self, delay: float = 0.0) -> None:
        self._delay = delay

    def allowed(self, url: str) -> bool:
        return True

    def delay(self, url: str) -> float:
        return self._delay


def fetcher(manners=None, **cfg) -> Fetcher:
    settings = {**{f: getattr(FAST, f) for f in FAST.__dataclass_fields__}, **cfg}
    return Fetcher(FetchConfig(**settings), manners or Open())


def test_fetch_429_waits_for_retry_after_then_succeeds(server):
    with fetcher() as f:
        got = f.get(f"{server.base}/daerah/gempa")
    times = [t for _, t, _ in server.site.hits]
    assert got.ok and got.attempts == 2 and b"Cianjur" in got.body
    assert times[1] - times[0] >= 1.0  # Retry-After: 1
    assert [x.status for x in got.exchanges] == [429, 200]


def test_fetch_503_then_gzip_body_decoded(server):
    with fetcher() as f:
        got = f.get(f"{server.base}/ekonomi/surat")
    assert got.ok and [x.status for x in got.exchanges] == [503, 200]
    assert got.body.startswith(b"<!doctype html>")  # gunzipped
    assert "gzip" in server.site.hits[-1][2].get("Accept-Encoding", "")


def test_fetch_500_retried_then_given_up_with_the_status(server):
    with fetcher() as f:
        got = f.get(f"{server.base}/rusak")
    assert not got.ok and got.status == 500 and got.error == "HTTP 500"
    assert len(server.site.requests_to("/rusak")) == FAST.retries + 1


def test_fetch_404_is_final_at_once(server):
    with fetcher() as f:
        got = f.get(f"{server.base}/tidak-ada")
    assert got.status == 404 and got.error == "HTTP 404" and len(server.site.hits) == 1


def test_fetch_timeout_is_a_failure_not_an_exception(server):
    with fetcher(retries=0) as f:
        got = f.get(f"{server.base}/lambat")
    assert got.status is None and "timed out" in got.error


def test_fetch_redirect_chain_keeps_the_final_url(server):
    with fetcher() as f:
        got = f.get(f"{server.base}/pindah")
    assert got.ok and got.final_url == f"{server.base}/dunia/korut"
    assert [x.status for x in got.exchanges] == [301, 302, 200]


def test_fetch_redirect_into_a_disallowed_path_is_not_followed(server):
    server.site.routes["/ke-rahasia"] = Route(b"", status=302, location="/rahasia/bocoran")

    class NoSecrets(Open):
        def allowed(self, url: str) -> bool:
            return "/rahasia/" not in url

    with fetcher(NoSecrets()) as f:
        got = f.get(f"{server.base}/ke-rahasia")
    assert got.error == "disallowed by robots.txt" and not server.site.requests_to("/rahasia/bocoran")


def test_fetch_conditional_get_gives_304_with_no_body(server):
    with fetcher() as f:
        first = f.get(f"{server.base}/rss.xml")
        again = f.get(f"{server.base}/rss.xml", etag=first.header("etag"))
    assert first.ok and first.header("etag") == '"rss-1"'
    assert again.not_modified and again.body == b""
    assert server.site.hits[-1][2].get("If-None-Match") == '"rss-1"'


def test_fetch_size_cap(server):
    with fetcher(max_bytes=1000) as f:
        got = f.get(f"{server.base}/nasional/xi-kim")
    assert got.status is None and "too large" in got.error


def test_fetch_user_agent_names_kabar_and_the_contact(server):
    from kabar.crawl.fetch import default_user_agent

    agent = default_user_agent("mailto:tim@example.org")
    with fetcher(user_agent=agent) as f:
        f.get(f"{server.base}/")
    sent = server.site.hits[0][2]["User-Agent"]
    assert sent.startswith("Kabar/") and "mailto:tim@example.org" in sent


def test_fetch_requests_to_one_host_keep_the_delay(server):
    with fetcher(Open(delay=0.15)) as f:
        for path in ("/", "/rss.xml", "/atom.xml"):
            f.get(f"{server.base}{path}")
    times = [t for _, t, _ in server.site.hits]
    assert min(b - a for a, b in zip(times, times[1:])) >= 0.15


@pytest.mark.parametrize("value, seconds", [("3", 3.0), (None, None), ("soon", None), ("Wed, 21 Oct 2015 07:28:00 GMT", 0.0)])
def test_fetch_retry_after_forms(value, seconds):
    assert retry_after(value) == seconds


def test_robots_disallow_crawl_delay_and_sitemaps(server):
    with fetcher() as f:
        book = RobotsBook(lambda url: f.get(url, obey_robots=False), "Kabar/0.1")
        assert not book.allowed(f"{server.base}/rahasia/bocoran")
        assert book.allowed(f"{server.base}/nasional/xi-kim")
        assert book.crawl_delay(server.base + "/") == CRAWL_DELAY
        assert book.sitemaps(server.base + "/") == (f"{server.base}/sitemap_index.xml",)
    assert server.site.paths().count("/robots.txt") == 1  # read once per host


@pytest.mark.parametrize("status, allowed", [(404, True), (503, False)])
def test_robots_missing_allows_unreadable_forbids(server, status, allowed):
    server.site.routes["/robots.txt"] = Route(b"", status=status)
    with fetcher(retries=0) as f:
        book = RobotsBook(lambda url: f.get(url, obey_robots=False), "Kabar/0.1")
        assert book.allowed(f"{server.base}/nasional/xi-kim") is allowed


def test_robots_a_group_for_kabar_applies_to_its_user_agent(server):
    from kabar.crawl.fetch import default_user_agent

    server.site.routes["/robots.txt"] = Route(b"User-agent: *\nAllow: /\n\nUser-agent: Kabar\nDisallow: /nasional/\nCrawl-delay: 7\n", "text/plain")
    with fetcher() as f:
        book = RobotsBook(lambda url: f.get(url, obey_robots=False), default_user_agent("mailto:tim@example.org"))
        assert not book.allowed(f"{server.base}/nasional/xi-kim") and book.allowed(f"{server.base}/dunia/korut")
        assert book.crawl_delay(server.base + "/") == 7.0


def test_fetch_a_redirect_to_another_scheme_is_a_failure_tried_once(server):
    server.site.routes["/surel"] = Route(b"", status=302, location="mailto:redaksi@example.org")
    with fetcher() as f:
        got = f.get(f"{server.base}/surel")
    # httpx refuses the Location while reading the 302: a failure, and not tried again
    assert got.status is None and got.error.startswith(("invalid URL", "UnsupportedProtocol")) and got.attempts <= 2
