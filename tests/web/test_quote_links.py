"""Quote links in the API: each quote names the other articles carrying it; groups are listed."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from kabar.web.app import create_app
from tests.store import factory

KOMPAS, SRAGEN = factory.article_id("kompas"), factory.article_id("sragen")
XI = factory.entity_id("Xi Jinping")


@pytest.fixture(scope="module")
def linked_client(tmp_path_factory):
    path = factory.filled_db(tmp_path_factory.mktemp("web-quotes") / "kabar.db", factory.quoted_twice(), quote_links=True)
    with TestClient(create_app(path)) as c:
        yield c


def _carriers(quote: dict) -> list[tuple[str, str | None, bool]]:
    return [(c["article"], c["outlet"], c["first"]) for c in quote["carried_by"]]


@pytest.mark.parametrize(
    "url, field",
    [
        (f"/api/quotes?speaker_entity={XI}", "results"),
        (f"/api/articles/{SRAGEN}", "quotes"),
        (f"/api/entities/{XI}", "quotes"),
    ],
)
def test_quote_links_sragen_quote_names_kompas_first(linked_client, url, field):
    r = linked_client.get(url)
    assert r.status_code == 200
    sragen = next(q for q in r.json()[field] if q["article"] == SRAGEN)
    assert _carriers(sragen) == [(KOMPAS, "Kompas.com", True)]
    assert sragen["quote_link"]


def test_quote_links_unlinked_quote_has_no_carriers(linked_client):
    quotes = linked_client.get(f"/api/articles/{KOMPAS}").json()["quotes"]
    by_speaker = {q["speaker"]: q for q in quotes}
    assert by_speaker["Kim Jong Un"]["carried_by"] == [] and by_speaker["Kim Jong Un"]["quote_link"] is None
    assert _carriers(by_speaker["Xi Jinping"]) == [(SRAGEN, "Sragen Update", False)]


def test_quote_links_listed_earliest_first(linked_client):
    body = linked_client.get("/api/quotes/links").json()
    assert body["total"] == 1
    group = body["results"][0]
    assert group["speaker"] == "Xi Jinping"
    assert [(c["article"], c["first"]) for c in group["carriers"]] == [(KOMPAS, True), (SRAGEN, False)]
    assert linked_client.get("/api/quotes/links", params={"offset": 1}).json()["results"] == []


def test_quote_links_empty_store_lists_none(client):
    body = client.get("/api/quotes/links").json()
    assert body["total"] == 0 and body["results"] == []


def test_quote_links_quotes_page_names_the_other_outlet(linked_client):
    html = linked_client.get("/quotes").text
    assert html.count("also carried by:") == 2
    assert "Kompas.com</a>\n      (first, 2021-03-23T18:31+07:00)" in html


def test_quote_links_entity_page_lists_a_shared_quotation_once(linked_client):
    page = linked_client.get(f"/entities/{XI}").text
    page = page[page.index("<h2>Quotes") :]  # (the coded events above cite the same sentence)
    words = "China dan Korea Utara telah saling mendukung dengan teguh"
    assert page.count(words) == 1  # Kompas and Sragen Update carry it: one entry, the other outlet named
    assert "also carried by" in page
    entry = page[page.index(words) :]
    entry = entry[: entry.index("</li>")]
    assert f'href="/articles/{KOMPAS}"' in entry and f'href="/articles/{SRAGEN}' in entry
