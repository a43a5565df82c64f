"""The answer cache (kabar.web.cache): answers are reused while the store is unchanged and
recomputed after any write, by this process or another (issue 23: the API under load)."""

from __future__ import annotations

import asyncio

import pytest
from fastapi.testclient import TestClient

from kabar.records import Linking
from kabar.store import open_store, queries
from kabar.web.app import Settings, create_app
from kabar.web.cache import ResponseCache, cacheable_path
from tests.store import factory


@pytest.fixture
def two_articles(tmp_path):
    """A store holding the kompas and sragen articles (tribun is written later by a test)."""
    items = [factory.analysed("kompas"), factory.analysed("sragen")]
    return factory.filled_db(tmp_path / "kabar.db", items, linked=Linking())


@pytest.fixture
def counted(monkeypatch):
    """How often the article list was read from the store."""
    calls = []
    real = queries.list_articles

    def counting(store, **kwargs):
        calls.append(kwargs)
        return real(store, **kwargs)

    monkeypatch.setattr(queries, "list_articles", counting)
    return calls


def test_cache_reuses_an_answer_until_another_writer_changes_the_store(two_articles, counted) -> None:
    with TestClient(create_app(two_articles)) as client:
        first = client.get("/api/articles")
        again = client.get("/api/articles")
        assert first.status_code == again.status_code == 200
        assert first.json()["total"] == 2 and again.content == first.content
        assert len(counted) == 1  # the second answer came from the cache
        with open_store(two_articles) as writer:  # as `kabar run` would, beside the server
            writer.upsert_analysed(factory.analysed("tribun"))
        after = client.get("/api/articles")
        assert after.json()["total"] == 3
        assert "Banjir merendam" in client.get("/api/search", params={"q": "banjir"}).text
        assert len(counted) == 2


def test_cache_html_pages_follow_a_write(two_articles) -> None:
    with TestClient(create_app(two_articles)) as client:
        title = "Banjir Rendam Ratusan Rumah di Jakarta Timur"
        assert title not in client.get("/articles").text
        with open_store(two_articles) as writer:
            writer.upsert_analysed(factory.analysed("tribun"))
        page = client.get("/articles")
        assert title in page.text
        assert page.headers["content-security-policy"]  # a stored answer keeps the security headers


def test_cache_etag_answers_304_until_the_store_changes(two_articles) -> None:
    with TestClient(create_app(two_articles)) as client:
        tag = client.get("/api/stories").headers["etag"]
        unchanged = client.get("/api/stories", headers={"If-None-Match": tag})
        assert unchanged.status_code == 304 and unchanged.content == b""
        assert client.get("/api/entities", headers={"If-None-Match": tag}).status_code == 200  # another address
        with open_store(two_articles) as writer:
            writer.upsert_analysed(factory.analysed("tribun"))
        changed = client.get("/api/stories", headers={"If-None-Match": tag})
        assert changed.status_code == 200 and changed.headers["etag"] != tag


def test_cache_keeps_only_whole_200_answers(two_articles) -> None:
    app = create_app(two_articles)
    with TestClient(app) as client:
        for _ in range(2):
            assert client.get("/api/articles/tidak-ada").status_code == 404
            assert client.get("/api/search", params={"q": '"rusak'}).status_code == 400
        assert "etag" not in client.get("/api/articles/tidak-ada").headers
        cache = _cache_of(app)
        assert cache.hits == 0 and len(cache._entries) == 0


def test_cache_off_when_asked(two_articles, counted) -> None:
    with TestClient(create_app(settings=Settings(db_url=two_articles, cache_entries=0))) as client:
        client.get("/api/articles")
        client.get("/api/articles")
    assert len(counted) == 2


@pytest.mark.parametrize(
    "path, kept",
    [("/", True), ("/api/articles", True), ("/api/events/ev1", True), ("/search", True), ("/api/eventsx", False),
     ("/feeds/banjir.atom", False), ("/static/style.css", False), ("/docs", False), ("/openapi.json", False), ("/api/ingest", False)],
)
def test_cache_paths(path: str, kept: bool) -> None:
    assert cacheable_path(path) is kept


# --- the middleware alone, over a stand-in app ------------------------------------------------


class Counting:
    """An ASGI app answering 200 with its path, counting calls; `gate` holds answers back."""

    def __init__(self) -> None:
        self.calls = 0
        self.gate: asyncio.Event | None = None

    async def __call__(self, scope, receive, send) -> None:
        self.calls += 1
        if self.gate is not None:
            await self.gate.wait()
        body = scope["path"].encode()
        await send({"type": "http.response.start", "status": 200, "headers": [(b"content-length", str(len(body)).encode())]})
        await send({"type": "http.response.body", "body": body})


async def _get(app, path: str) -> bytes:
    sent = []

    async def receive():
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message):
        sent.append(message)

    scope = {"type": "http", "method": "GET", "path": path, "query_string": b"", "headers": []}
    await app(scope, receive, send)
    return b"".join(m.get("body", b"") for m in sent if m["type"] == "http.response.body")


def test_cache_lru_is_bounded_in_entries_and_bytes() -> None:
    inner = Counting()
    cache = ResponseCache(inner, stamp=lambda: "1", max_entries=2, max_bytes=10_000)

    async def scenario():
        for path in ("/events/a", "/events/b", "/events/a", "/events/c", "/events/b"):  # c pushes out b, the least recently used
            assert await _get(cache, path) == path.encode()

    asyncio.run(scenario())
    assert inner.calls == 4 and list(cache._entries) == [b"/events/c?", b"/events/b?"]
    small = ResponseCache(Counting(), stamp=lambda: "1", max_entries=100, max_bytes=5)
    asyncio.run(_get(small, "/articles/abcdef"))  # 15 bytes: over the byte bound, not kept
    assert len(small._entries) == 0 and small._bytes == 0


def test_cache_computes_a_missed_address_once_for_concurrent_requests() -> None:
    inner = Counting()
    cache = ResponseCache(inner, stamp=lambda: "7")

    async def scenario():
        inner.gate = asyncio.Event()
        waiting = [asyncio.create_task(_get(cache, "/stories")) for _ in range(5)]
        await asyncio.sleep(0.01)
        inner.gate.set()
        return await asyncio.gather(*waiting)

    assert asyncio.run(scenario()) == [b"/stories"] * 5
    assert inner.calls == 1 and cache.hits == 4


def test_cache_stamp_failure_answers_uncached() -> None:
    def broken() -> str:
        raise RuntimeError("no store")

    inner = Counting()
    cache = ResponseCache(inner, stamp=broken)
    assert asyncio.run(_get(cache, "/api/stories")) == b"/api/stories"
    assert asyncio.run(_get(cache, "/api/stories")) == b"/api/stories"
    assert inner.calls == 2


def _cache_of(app) -> ResponseCache:
    layer = app.middleware_stack
    while layer is not None and not isinstance(layer, ResponseCache):
        layer = getattr(layer, "app", None)
    assert layer is not None
    return layer


def test_cache_size_reaches_the_worker_processes(two_articles, monkeypatch, counted) -> None:
    from kabar.web.app import app_from_env

    monkeypatch.setenv("KABAR_DB", two_articles)
    monkeypatch.setenv("KABAR_CACHE", "0")  # as `kabar serve --workers 2 --cache 0` passes it on
    with TestClient(app_from_env()) as client:
        client.get("/api/articles")
        client.get("/api/articles")
    assert len(counted) == 2


def test_generation_probe_follows_writes_and_reopens(two_articles) -> None:
    with open_store(two_articles) as store:
        probe = queries.GenerationProbe(store)
        first = probe()
        assert first == store.generation()
        with open_store(two_articles) as writer:
            writer.upsert_analysed(factory.analysed("tribun"))
        assert probe() == store.generation() != first
        probe.close()  # as after a broken connection: the next read opens another
        assert probe() == store.generation()
        probe.close()
