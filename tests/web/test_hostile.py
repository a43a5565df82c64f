"""What a client or a page sends cannot get in or stop the server (issue 23)."""

from __future__ import annotations

import json

import pytest

from kabar.web.render import web_link
from tests.conftest import SAMPLES
from tests.web.conftest import TOKEN

AUTH = {"Authorization": f"Bearer {TOKEN}"}


def _sample_text() -> str:
    return sorted(SAMPLES.glob("*.txt"))[0].read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("url", "linked"),
    [
        ("https://news.example.id/a", True),
        ("HTTP://news.example.id/a", True),
        ("javascript:alert(1)", False),
        (" JavaScript:alert(1)", False),
        ("java\nscript:alert(1)", False),
        ("data:text/html,<script>alert(1)</script>", False),
        ("//evil.example/a", False),
        ("vbscript:x", False),
    ],
)
def test_web_link_only_http(url: str, linked: bool) -> None:
    assert (web_link(url) == url) is linked


@pytest.mark.parametrize("url", ["javascript:alert(document.cookie)", "https://news.example.id/berita"])
def test_article_page_links_only_http_urls(ingest_client, url: str) -> None:
    r = ingest_client.post("/api/ingest", json={"pages": [{"text": _sample_text(), "url": url}]}, headers=AUTH)
    assert r.status_code == 200 and r.json()["stored"], r.text
    page = ingest_client.get(f"/articles/{r.json()['stored'][0]}")
    assert page.status_code == 200
    assert ("href=\"https://news.example.id/berita\"" in page.text) is url.startswith("https")
    assert "href=\"javascript" not in page.text.lower()


def test_ingest_impossible_date_keeps_the_article(ingest_client) -> None:
    r = ingest_client.post("/api/ingest", json={"pages": [{"text": _sample_text(), "published": "2021-13-45"}]}, headers=AUTH)
    assert r.status_code == 200 and r.json()["stored"], r.text  # the article was lost before
    stored = ingest_client.get(f"/api/articles/{r.json()['stored'][0]}").json()
    assert stored["published"].startswith("2021-03-23")  # the date the page prints, not the impossible one


def test_ingest_lone_surrogates_are_a_clean_422(ingest_client) -> None:
    # json.dumps writes the escape \ud800, which a JSON reader turns into a lone surrogate
    body = json.dumps({"pages": [{"text": _sample_text() + " \ud800", "url": "https://x.id/\udfff"}]})
    assert "\\ud800" in body
    r = ingest_client.post("/api/ingest", content=body.encode(), headers={**AUTH, "Content-Type": "application/json"})
    assert r.status_code == 422 and r.json()["detail"][0]["loc"][:2] == ["body", "pages"]


def test_ingest_refused_before_reading_without_token(ingest_client) -> None:
    r = ingest_client.post("/api/ingest", content=b"x" * 1_000_000, headers={"Content-Type": "application/json"})
    assert r.status_code == 403


def test_ingest_body_over_limit_is_413(tmp_path) -> None:
    from fastapi.testclient import TestClient

    from kabar.web.app import Settings, create_app

    settings = Settings(db_url=str(tmp_path / "k.db"), ingest_token=TOKEN, max_ingest_bytes=10_000)
    with TestClient(create_app(settings=settings)) as client:
        r = client.post("/api/ingest", content=json.dumps({"pages": [{"text": "x" * 20_000}]}).encode(), headers=AUTH)
        assert r.status_code == 413 and "limit" in r.json()["detail"]
        assert client.post("/api/ingest", json={"pages": [{"text": "  "}]}, headers=AUTH).status_code == 200
