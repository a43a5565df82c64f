"""The HTTP API: contract fields, paging, 404s, clean 4xx on bad input, inert payloads, ingest auth."""

from __future__ import annotations

import re

import pytest

from tests.store import factory
from tests.web.conftest import TOKEN

KOMPAS, SRAGEN, TRIBUN = (factory.article_id(k) for k in ("kompas", "sragen", "tribun"))
CONTRACT = {"id", "source", "url", "outlet", "title", "published", "authors", "dateline", "language", "body", "sources_cited"}


def test_app_article_has_contract_fields_and_analysis(client):
    r = client.get(f"/api/articles/{KOMPAS}")
    assert r.status_code == 200
    art = r.json()
    assert CONTRACT <= set(art)
    assert art["published"] == "2021-03-23T18:31+07:00"
    assert art["authors"] == [{"name": "Shintaloka Pradita Sicca", "role": "writer"}]
    assert art["event"] == "ev-pesan-2021-03" and art["story"] == "st-china-korut"
    text = "\n".join(art["body"])
    for x in art["timexes"]:
        assert text[x["start"] : x["end"]] == x["text"]
    assert {e["canonical"] for e in art["entities"]} >= {"Kim Jong Un", "Xi Jinping", "KCNA"}
    assert art["quotes"][0]["speaker"] == "Kim Jong Un" and art["quotes"][0]["article"] == KOMPAS
    assert art["reuse"][0]["target_article"] == SRAGEN


def test_app_search_contract(client):
    r = client.get("/api/search", params={"q": "banjir", "limit": 5})
    assert r.status_code == 200
    body = r.json()
    assert body["total"] == 1
    hit = body["results"][0]
    assert {"id", "title", "outlet", "published", "score", "snippet"} <= set(hit)  # the contract's; Kabar adds matches
    assert hit["id"] == TRIBUN
    assert "<mark>" not in hit["snippet"] and "&lt;" not in hit["snippet"]
    assert [hit["snippet"][s:e].lower() for s, e in hit["matches"]] == ["banjir"] * len(hit["matches"]) != []


@pytest.mark.parametrize(
    "path", ["/api/articles", "/api/entities", "/api/quotes", "/api/quotes/links", "/api/events", "/api/stories", "/api/search?q=china", "/api/alerts"]
)
def test_app_every_list_has_one_envelope(client, path):
    body = client.get(path, params={"limit": 2}).json()
    assert {"results", "total", "total_exact", "limit", "offset"} <= set(body)
    assert body["limit"] == 2 and len(body["results"]) == min(2, body["total"])


def test_app_search_operators_and_facets(client):
    either = client.get("/api/search", params={"q": "banjir OR pesan -bilateral", "facets": "true"}).json()
    assert sorted(h["id"] for h in either["results"]) == sorted([TRIBUN, KOMPAS])
    assert {f["value"]: f["count"] for f in either["facets"]["outlet"]} == {"Tribunnews.com": 1, "Kompas.com": 1}
    assert either["facets"]["counted"] == 2
    bad = client.get("/api/search", params={"q": '"banjir'})
    assert bad.status_code == 400 and "unbalanced quote" in bad.json()["detail"]
    page = client.get("/search", params={"q": "banjir OR"})
    assert page.status_code == 200 and "OR at character 8 needs something to find on each side" in page.text
    found = client.get("/search", params={"q": "china"}).text
    assert 'class="facets"' in found and "/search?q=china&amp;outlet=Sragen+Update" in found


def test_app_stories_have_events_and_article_ids(client):
    r = client.get("/api/stories")
    assert r.status_code == 200
    stories = r.json()["results"]
    assert [s["id"] for s in stories] == ["st-china-korut", "st-banjir"]
    assert stories[0]["events"][0]["article_ids"] == [KOMPAS]
    detail = client.get("/api/stories/st-china-korut").json()
    assert [x["date"] for x in detail["timeline"]] == ["1961", "2021-03-22", "2021-07-11"]
    assert detail["timeline"][0]["background"] is True


@pytest.mark.parametrize(
    "url, count",
    [
        ("/api/articles", 3),
        ("/api/articles?outlet=Kompas.com", 1),
        ("/api/entities", 8),
        ("/api/entities?type=PER", 4),
        ("/api/entities?name=korea", 1),
        ("/api/quotes", 3),
        (f"/api/quotes?speaker_entity={factory.entity_id('Xi Jinping')}", 1),
        ("/api/events", 3),
        ("/api/stories?limit=1", 2),
    ],
)
def test_app_paged_lists(client, url, count):
    r = client.get(url)
    assert r.status_code == 200
    body = r.json()
    assert body["total"] == count
    assert len(body["results"]) == min(count, body["limit"])


def test_app_paging_offsets(client):
    first = client.get("/api/articles?limit=2").json()["results"]
    rest = client.get("/api/articles?limit=2&offset=2").json()["results"]
    assert len(first) == 2 and len(rest) == 1
    assert first[0]["id"] == TRIBUN  # newest first
    assert client.get("/api/articles?offset=99999").json()["results"] == []


def test_app_entity_detail(client):
    r = client.get(f"/api/entities/{factory.entity_id('Xi Jinping')}")
    assert r.status_code == 200
    body = r.json()
    assert body["canonical"] == "Xi Jinping"
    assert [d for d, _ in body["mentions_by_day"]] == ["2021-03-23", "2021-07-12"]
    assert body["quotes"][0]["speaker"] == "Xi Jinping"


@pytest.mark.parametrize(
    "url",
    [
        "/api/articles/tidak-ada",
        "/api/entities/tidak-ada",
        "/api/events/tidak-ada",
        "/api/stories/tidak-ada",
        "/api/articles/%27%20OR%201%3D1%20--",
        "/articles/tidak-ada",
        "/stories/tidak-ada",
        "/entities/tidak-ada",
        "/tidak-ada-halaman",
    ],
)
def test_app_unknown_ids_are_404(client, url):
    r = client.get(url)
    assert r.status_code == 404


@pytest.mark.parametrize(
    "url",
    [
        "/api/articles?limit=0",
        "/api/articles?limit=101",
        "/api/articles?limit=abc",
        "/api/articles?offset=-1",
        "/api/articles?offset=99999999999999999999999",
        "/api/search?q=x&limit=100000",
        "/api/search?q=x&date_from=kemarin",
        "/api/search?q=x&date_to=2021-13-45T",
        "/api/search?q=" + "a" * 1001,
        "/api/entities?type=XYZ",
        "/?page=0",
        "/?page=999999999999",
        "/search?q=x&date_from=%3Cscript%3E",
        "/articles/" + "x" * 300,
    ],
)
def test_app_bad_params_are_clean_4xx(client, url):
    r = client.get(url)
    assert 400 <= r.status_code < 500, r.text


@pytest.mark.parametrize(
    "q",
    [
        "NEAR banjir",
        "banjir'; DROP TABLE articles; --",
        "' UNION SELECT * FROM articles --",
        "<script>alert(1)</script>",
        "*",
        "",
    ],
)
def test_app_search_payloads_are_plain_words(client, q):
    r = client.get("/api/search", params={"q": q})
    assert r.status_code == 200
    assert "<script>" not in r.text
    assert client.get("/api/articles").json()["total"] == 3


def test_app_html_escapes_untrusted_text(client):
    page = client.get(f"/articles/{TRIBUN}").text
    assert "<script>alert" not in page
    assert "&lt;script&gt;alert(" in page
    assert "<b>bold</b>" not in page and "&lt;b&gt;bold&lt;/b&gt;" in page
    home = client.get("/").text
    assert "<i>2022</i>" not in home and "&lt;i&gt;2022&lt;/i&gt;" in home
    search = client.get("/search", params={"q": "<script>alert(1)</script>"}).text
    assert "<script>alert(1)" not in search


@pytest.mark.parametrize("url", ["/", "/articles", "/entities", "/quotes", "/search", "/search?q=china&outlet=Kompas.com", "/stories/st-banjir"])
def test_app_ui_pages_render(client, url):
    r = client.get(url)
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("text/html")


def test_app_openapi_documents_the_api(client):
    spec = client.get("/openapi.json").json()
    for path in ("/api/search", "/api/articles/{article_id}", "/api/stories", "/api/entities", "/api/quotes", "/api/events", "/api/ingest"):
        assert path in spec["paths"]
    assert "/articles/{article_id}" not in spec["paths"]  # HTML pages stay out of the API description


def test_app_ingest_forbidden_without_token(client):
    r = client.post("/api/ingest", json={"pages": [{"text": "Banjir di Bekasi."}]})
    assert r.status_code == 403


@pytest.mark.parametrize("header", [None, "Bearer salah", f"Basic {TOKEN}", TOKEN])
def test_app_ingest_rejects_bad_tokens(ingest_client, header):
    headers = {"Authorization": header} if header else {}
    r = ingest_client.post("/api/ingest", json={"pages": [{"text": "Banjir di Bekasi."}]}, headers=headers)
    assert r.status_code == 403


def test_app_ingest_validates_body(ingest_client):
    auth = {"Authorization": f"Bearer {TOKEN}"}
    assert ingest_client.post("/api/ingest", json={"pages": []}, headers=auth).status_code == 422
    assert ingest_client.post("/api/ingest", content=b"bukan json", headers=auth).status_code == 422
    r = ingest_client.post("/api/ingest", json={"pages": [{"text": "   "}]}, headers=auth)
    assert r.status_code == 200 and r.json()["stored"] == [] and r.json()["failures"][0]["stage"] == "ingest"


def test_app_ingest_with_token_stores_pages(ingest_client, monkeypatch):
    from kabar import pipeline
    from kabar.records import Article

    def fake_extract(page, repeated=frozenset()):
        lines = [x.strip() for x in page.content.splitlines() if x.strip()]
        return Article(id=page.id_hint or "x", source=page.source, body=tuple(lines[1:]), title=lines[0], url=page.url)

    monkeypatch.setattr(pipeline, "extract_page", fake_extract)
    page = {"text": "Banjir Bekasi\nBanjir merendam perumahan di Bekasi pada Minggu pagi.", "id": "bekasi-1"}
    r = ingest_client.post("/api/ingest", json={"pages": [page]}, headers={"Authorization": f"Bearer {TOKEN}"})
    assert r.status_code == 200, r.text
    assert r.json()["stored"] == ["bekasi-1"]
    assert ingest_client.get("/api/search", params={"q": "banjir bekasi"}).json()["total"] == 1


def test_app_pages_forbid_scripts(client):
    r = client.get(f"/articles/{TRIBUN}")
    assert "script-src" not in r.headers["content-security-policy"]  # default-src 'none': no script runs
    assert "default-src 'none'" in r.headers["content-security-policy"]
    assert r.headers["x-content-type-options"] == "nosniff"


def test_app_ingested_articles_join_the_stored_stories(ingest_client):
    auth = {"Authorization": f"Bearer {TOKEN}"}
    first = {
        "id": "banjir-1",
        "text": "Banjir Merendam Bekasi\n\nBEKASI - Banjir merendam ratusan rumah di Perumahan Pondok Gede Permai, Bekasi, "
        "pada Minggu pagi setelah hujan deras mengguyur sejak Sabtu malam. Warga mengungsi ke masjid terdekat.",
    }
    second = {
        "id": "banjir-2",
        "text": "Pengungsi Banjir Bekasi Bertambah\n\nBEKASI - Jumlah pengungsi banjir di Perumahan Pondok Gede Permai, "
        "Bekasi, bertambah pada Minggu sore karena air terus naik setelah hujan deras sejak Sabtu malam.",
    }
    assert ingest_client.post("/api/ingest", json={"pages": [first]}, headers=auth).json()["failures"] == []
    assert ingest_client.post("/api/ingest", json={"pages": [second]}, headers=auth).json()["failures"] == []
    events = ingest_client.get("/api/events").json()["results"]
    assert [e["article_ids"] for e in events] == [["banjir-1", "banjir-2"]]  # one flood, reported twice
    stories = ingest_client.get("/api/stories").json()["results"]
    assert [s["event_ids"] for s in stories] == [[events[0]["id"]]]


def test_app_docs_are_served_offline(client):
    docs = client.get("/docs")
    assert docs.status_code == 200
    assert "cdn" not in docs.text.lower() and "https://" not in docs.text  # every asset from this server
    from kabar.web.routes.apidocs import assets_dir

    if assets_dir() is not None:  # fastapi-offline installed (the [web-docs] and [dev] extras)
        script = client.get("/docs-assets/swagger-ui-bundle.js")
        assert script.status_code == 200 and "SwaggerUIBundle" in script.text[:2000]
        assert client.get("/redoc").status_code == 200 and "/docs-assets/redoc.standalone.js" in client.get("/redoc").text
    listing = client.get("/api").text
    assert "/api/search" in listing and "/api/stories/{story_id}" in listing and "Full-text search" in listing
    home = client.get("/").text
    assert '<a href="/api"' in home and 'href="/docs"' not in home


def test_app_docs_without_assets_list_the_endpoints(client, monkeypatch):
    from kabar.web.routes import apidocs

    monkeypatch.setattr(apidocs, "assets_dir", lambda: None)
    page = client.get("/docs")
    assert page.status_code == 200 and "/api/events/{event_id}" in page.text and "swagger" not in page.text.lower()


def test_app_story_and_event_pages(client):
    stories = client.get("/stories")
    assert stories.status_code == 200 and "Hubungan China–Korea Utara" in stories.text
    events = client.get("/events")
    assert events.status_code == 200
    assert 'href="/events/ev-banjir-2022-11"' in events.text and "Banjir Jakarta Timur" in events.text
    one = client.get("/events/ev-banjir-2022-11")
    assert one.status_code == 200 and "2022-11-26" in one.text and f'href="/articles/{TRIBUN}"' in one.text
    assert 'href="/stories/st-banjir"' in one.text
    assert client.get("/events/tidak-ada").status_code == 404


def test_app_story_page_does_not_repeat_the_timeline(client):
    page = client.get("/stories/st-china-korut").text
    assert "Who reported each event" in page and 'href="/events/' in page
    timeline = page[page.index('id="timeline"') : page.index("Who reported each event")]
    after = page[page.index("Who reported each event") :]
    cited = set(re.findall(r'<blockquote class="cite">\s*(.*?)\s*<a', timeline, re.S))
    assert len(cited) >= 2
    for sentence in cited:
        assert sentence not in after  # each cited sentence once, in the timeline


def test_app_alert_feed_is_atom(tmp_path):
    import xml.etree.ElementTree as ET

    from fastapi.testclient import TestClient

    from kabar.records import Linking
    from kabar.store import alerts, open_store
    from kabar.web.app import create_app
    from tests.store import factory

    db = factory.filled_db(tmp_path / "kabar.db", [factory.analysed("kompas")], linked=Linking())
    with open_store(db) as store:
        alerts.add(store, "banjir", "banjir OR Korea")
        store.upsert_analysed(factory.analysed("tribun"))
    with TestClient(create_app(db)) as c:
        r = c.get("/feeds/banjir.atom")
        assert r.status_code == 200 and r.headers["content-type"].startswith("application/atom+xml")
        ns = {"a": "http://www.w3.org/2005/Atom"}
        feed = ET.fromstring(r.content)
        entries = feed.findall("a:entry", ns)
        assert [e.find("a:title", ns).text for e in entries] == ["Banjir Rendam Ratusan Rumah di Jakarta Timur <b>bold</b>"]
        assert entries[0].find("a:link", ns).get("href").endswith(f"/articles/{TRIBUN}")
        assert c.get("/feeds/tidak-ada.atom").status_code == 404
        [listed] = c.get("/api/alerts").json()["results"]
        assert listed["name"] == "banjir" and listed["new"] == 1 and listed["feed"] == "/feeds/banjir.atom"
        page = c.get("/alerts").text
        assert 'href="/feeds/banjir.atom"' in page and "/search?q=banjir+OR+Korea" in page
        assert c.get("/feeds/..%2Fx.atom").status_code in (404, 422)
