"""A whole crawl of the test site: discovery, manners, the store afterwards, a second crawl, the archive."""

from __future__ import annotations


import pytest

from kabar.crawl import crawl
from kabar.store import open_store
from kabar.store.crawl_state import CrawlState
from tests.crawl.conftest import fast_config, sources_of
from tests.crawl.site import ARTICLES, CRAWL_DELAY, OLD_ARTICLE, TITLE_WORDS


def stored_articles(db: str):
    with open_store(db) as store:
        return {a.article.url: a for a in store.analysed_articles()}


def test_crawl_discovers_feeds_and_sitemaps_from_the_home_page(two_crawls):
    paths = [p for p, _, _ in two_crawls.first_hits]
    # the outlet gives only its home page: feeds from <link rel=alternate>, the index from robots.txt
    for found in ("/rss.xml", "/atom.xml", "/sitemap_index.xml", "/sitemap-news.xml", "/sitemap-pages.xml.gz"):
        assert found in paths
    assert two_crawls.first.sources_read == two_crawls.first.sources_listed == 4  # the home page, two feeds, the index


def test_crawl_stores_every_article_of_the_site(two_crawls):
    articles = stored_articles(two_crawls.db)
    base = two_crawls.server.base
    assert set(articles) == {base + p for p in (*ARTICLES, OLD_ARTICLE)}
    for path, words in TITLE_WORDS.items():
        assert words in articles[base + path].article.title
    assert two_crawls.first.new_articles == len(ARTICLES) + 1
    # analysed like `kabar run`: entities found, and linked into events
    assert any(e.canonical.startswith("Xi Jinping") for e in articles[base + "/nasional/xi-kim"].entities)
    with open_store(two_crawls.db) as store:
        linked = {i for event in store.linking().events for i in event.article_ids}
    assert linked == {a.article.id for a in articles.values()}


def test_crawl_obeys_robots_and_the_crawl_delay(two_crawls):
    hits = two_crawls.first_hits
    assert not [p for p, _, _ in hits if p.startswith("/rahasia/")]
    assert two_crawls.first.skipped_robots == 1
    times = [t for _, t, _ in hits]
    assert min(b - a for a, b in zip(times, times[1:])) >= CRAWL_DELAY


def test_crawl_fetches_one_url_per_article(two_crawls):
    paths = [p for p, _, _ in two_crawls.first_hits]
    assert not [p for p in paths if "utm_" in p]  # the tracking-parameter copy is the same canonical URL
    articles = stored_articles(two_crawls.db)
    # the mobile copy was fetched, found to be the same article, and not stored again
    assert "/m/dunia/china-korut" in paths and two_crawls.server.base + "/m/dunia/china-korut" not in articles
    with open_store(two_crawls.db) as store:
        states = CrawlState(store.engine).states()
    assert states["duplicate"] == 1


def test_crawl_keeps_the_final_url_and_decodes_windows_1252(two_crawls):
    base = two_crawls.server.base
    articles = stored_articles(two_crawls.db)
    assert base + "/pindah" not in articles and base + "/dunia/korut" in articles
    text = articles[base + "/ekonomi/korut-china"].article.text
    assert "\u201chubungan kedua negara\u201d" in text  # bytes 0x93/0x94 with no charset given


def test_crawl_records_failures_and_pages_that_are_not_articles(two_crawls):
    reasons = {f.source.rsplit("/", 1)[-1]: f.reason for f in two_crawls.first.failures}
    assert reasons["rusak"] == "HTTP 500"
    assert "timed out" in reasons["lambat"]
    assert "not an HTML page" in reasons["gambar.png"]
    base = two_crawls.server.base
    assert base + "/indeks" not in stored_articles(two_crawls.db)
    with open_store(two_crawls.db) as store:
        assert {f.source for f in store.failures()} >= {base + "/rusak", base + "/lambat"}
        log = CrawlState(store.engine).log_entries()
    logged = {(e.url.removeprefix(base), e.status, e.outcome) for e in log}
    assert {("/rusak", 500, "failed"), ("/rss.xml", 200, "fetched"), ("/rss.xml", 304, "not_modified")} <= logged
    assert next(e for e in log if e.url == base + "/rss.xml").etag == '"rss-1"'


def test_crawl_second_run_fetches_no_stored_page_again(two_crawls):
    second = two_crawls.second
    paths = [p for p, _, _ in two_crawls.second_hits]
    assert not set(paths) & set(ARTICLES)
    assert second.new_articles == 0
    assert second.not_modified == 6  # home, two feeds, the index and its two sitemaps
    listings = [h for h in two_crawls.second_hits if h[0] in ("/rss.xml", "/sitemap-news.xml")]
    assert all(h[2].get("If-None-Match") for h in listings)
    atom = next(h for h in two_crawls.second_hits if h[0] == "/atom.xml")
    assert atom[2].get("If-Modified-Since")
    # only pages that failed are tried again
    assert {p for p in paths if p not in ("/robots.txt", "/", "/rss.xml", "/atom.xml") and "sitemap" not in p} == {"/rusak", "/lambat"}
    assert len(stored_articles(two_crawls.db)) == len(ARTICLES) + 1


def test_crawl_archive_replays_to_the_same_articles(two_crawls, tmp_path):
    from warcio.archiveiterator import ArchiveIterator

    from kabar.pipeline import run

    (pages,) = sorted(two_crawls.archive.glob("*.warc.gz"))
    with pages.open("rb") as handle:
        responses = [r.rec_headers.get_header("WARC-Target-URI") for r in ArchiveIterator(handle) if r.rec_type == "response"]
    assert sorted(responses) == sorted(two_crawls.server.base + p for p in (*ARTICLES, OLD_ARTICLE))
    (other,) = sorted((two_crawls.archive / "other").glob("*.warc.gz"))
    with other.open("rb") as handle:
        kinds = {r.rec_headers.get_header("WARC-Target-URI").rsplit("/", 1)[-1] for r in ArchiveIterator(handle)}
    assert {"robots.txt", "rss.xml", "sitemap-pages.xml.gz", "rusak", "pindah", "indeks"} <= kinds

    replay = str(tmp_path / "replay.db")
    run([str(pages)], db=replay)
    crawled, replayed = stored_articles(two_crawls.db), stored_articles(replay)
    assert {u: a.article.id for u, a in crawled.items()} == {u: a.article.id for u, a in replayed.items()}
    assert {u: a.article.text for u, a in crawled.items()} == {u: a.article.text for u, a in replayed.items()}
    assert {u: (a.entities, a.timexes, a.quotes) for u, a in crawled.items()} == {
        u: (a.entities, a.timexes, a.quotes) for u, a in replayed.items()
    }
    # the crawl linked its articles into the empty store incrementally, the replay as a whole: the same events
    with open_store(two_crawls.db) as one, open_store(replay) as other:
        assert {e.article_ids for e in one.linking().events} == {e.article_ids for e in other.linking().events}


def test_crawl_max_then_resume(server, tmp_path):
    db = str(tmp_path / "kabar.db")
    sources = sources_of(server, sections='["/nasional/", "/dunia/", "/ekonomi/", "/lama/"]')  # no slow pages
    events, planned = [], []
    first = crawl(sources, db=db, cfg=fast_config(max_pages=2, link=False), on_event=events.append, on_plan=planned.append)
    assert planned == [2]
    pages = [e for e in events if e.kind == "page"]
    assert len(pages) == 2  # one outcome per page fetched (for the progress bar)
    accepted = [e.url for e in pages if e.outcome == "accepted"]
    stored = [e.url for e in events if e.kind == "article" and e.outcome == "stored"]
    assert len(stored) == len(accepted) == first.new_articles
    page_hits = [p for p, _, _ in server.site.hits if p in ARTICLES or p in ("/indeks", "/rusak", "/lambat", "/pindah")]
    assert len(set(page_hits)) == 2 and first.new_articles <= 2
    server.site.hits.clear()
    crawl(sources, db=db, cfg=fast_config(max_pages=3, link=False))
    again = {p for p, _, _ in server.site.hits}
    assert not again & set(page_hits)  # the queue goes on where the first crawl stopped


def test_crawl_since_leaves_out_older_articles(server, tmp_path):
    db = str(tmp_path / "kabar.db")
    sources = sources_of(server, sections='["/nasional/", "/ekonomi/", "/lama/"]')  # no slow pages
    summary = crawl(sources, db=db, cfg=fast_config(since="2021-01-01", link=False))
    paths = {p for p, _, _ in server.site.hits}
    assert OLD_ARTICLE not in paths and "/ekonomi/korut-china" not in paths  # listed 2019 and 2017
    assert "/nasional/xi-kim" in paths
    published = [a.article.published for a in stored_articles(db).values()]
    assert published and all(p >= "2021-01-01" for p in published)
    assert summary.new_articles == len(published)


def test_crawl_sections_and_delay_from_the_sources_file(server, tmp_path):
    db = str(tmp_path / "kabar.db")
    sources = sources_of(server, sections='["/nasional/"]', delay="0.12")
    crawl(sources, db=db, cfg=fast_config(link=False))
    fetched_pages = {p for p, _, _ in server.site.hits if p.count("/") >= 2 and "sitemap" not in p}
    assert fetched_pages == {"/nasional/xi-kim", "/nasional/sukamaju"}
    times = [t for _, t, _ in server.site.hits]
    assert min(b - a for a, b in zip(times, times[1:])) >= 0.12


def test_crawl_unreachable_outlet_is_a_failure_not_a_crash(tmp_path):
    import socket
    import tomllib

    from kabar.crawl.sources import parse_sources

    with socket.socket() as s:  # a port on 127.0.0.1 that nothing listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    sources = parse_sources(tomllib.loads(f'[[outlet]]\nname = "Mati"\nfeeds = ["http://127.0.0.1:{port}/rss.xml"]\n'))
    summary = crawl(sources, db=str(tmp_path / "k.db"), cfg=fast_config())
    assert summary.sources_read == 0 and summary.failures


def test_crawl_unreadable_robots_closes_the_host_until_the_next_crawl(server, tmp_path):
    from tests.crawl.site import Route

    robots = server.site.routes["/robots.txt"]
    server.site.routes["/robots.txt"] = Route(b"", status=503)
    db = str(tmp_path / "kabar.db")
    toml = f'[[outlet]]\nname = "Contoh"\nfeeds = ["{server.base}/rss.xml"]\n'
    import tomllib

    from kabar.crawl.sources import parse_sources

    sources = parse_sources(tomllib.loads(toml))
    first = crawl(sources, db=db, cfg=fast_config(link=False))
    assert set(server.site.paths()) == {"/robots.txt"} and first.sources_read == 0  # asked again (503), nothing else
    server.site.routes["/robots.txt"] = robots
    server.site.hits.clear()
    second = crawl(sources, db=db, cfg=fast_config(link=False))
    assert "/rss.xml" in server.site.paths() and second.new_articles == 3  # the feed's three articles


def test_crawl_stopped_before_storing_fetches_those_pages_again(server, tmp_path, monkeypatch):
    import kabar.crawl.handoff

    def stopped(*args, **kwargs):
        raise KeyboardInterrupt

    db = str(tmp_path / "kabar.db")
    sources = sources_of(server, sections='["/nasional/"]')
    monkeypatch.setattr(kabar.crawl.handoff, "store_pages", stopped)
    with pytest.raises(KeyboardInterrupt):
        crawl(sources, db=db, cfg=fast_config(link=False))
    monkeypatch.undo()
    server.site.hits.clear()
    resumed = crawl(sources, db=db, cfg=fast_config(link=False))
    assert {"/nasional/xi-kim", "/nasional/sukamaju"} <= set(server.site.paths())
    assert resumed.new_articles == 2 and len(stored_articles(db)) == 2


def test_crawl_takes_hosts_in_turn_each_at_its_own_pace(tmp_path):
    import tomllib

    from kabar.crawl import CrawlConfig, FetchConfig
    from kabar.crawl.sources import parse_sources
    from tests.crawl.site import SiteServer

    with SiteServer() as one, SiteServer() as other:
        toml = "".join(
            f'[[outlet]]\nname = "{name}"\nfeeds = ["{s.base}/rss.xml"]\nsections = ["/nasional/"]\ndelay = 0.2\n'
            for name, s in (("Satu", one), ("Dua", other))
        )
        cfg = CrawlConfig(fetch=FetchConfig(default_delay=0.0, timeout=2.0, retries=0), link=False)
        summary = crawl(parse_sources(tomllib.loads(toml)), db=str(tmp_path / "k.db"), cfg=cfg)
        hits = sorted([(t, "one", p) for p, t, _ in one.site.hits] + [(t, "two", p) for p, t, _ in other.site.hits])
    assert summary.new_articles == 2  # both sites serve the same two articles: each is stored once
    pages = [host for _, host, path in hits if path.startswith("/nasional/")]
    assert pages == ["one", "two", "one", "two"]  # in turn, not one host's pages first
    for host in ("one", "two"):
        times = [t for t, h, _ in hits if h == host]
        assert min(b - a for a, b in zip(times, times[1:])) >= 0.2  # the outlet's delay, per host
