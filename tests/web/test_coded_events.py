"""Coded (PLOVER) events served: the API list (one envelope, filters), an entity's page (what it
did, what was done to it), a story's page and the coded-events page; every field escaped."""

from __future__ import annotations

from dataclasses import replace

from fastapi.testclient import TestClient

from kabar.web.app import create_app
from tests.store import factory

XI, KIM = factory.entity_id("Xi Jinping"), factory.entity_id("Kim Jong Un")


def test_coded_events_api_list_in_the_envelope(client):
    body = client.get("/api/coded-events", params={"limit": 2}).json()
    assert set(body) == {"results", "total", "total_exact", "limit", "offset"}
    assert body["total"] == 3 and len(body["results"]) == 2 and body["limit"] == 2
    first = body["results"][0]
    assert first["date"] == "2021-03" and first["type"] == "SUPPORT" and first["actor"] == "Xi Jinping"
    assert first["url"] == factory.META["kompas"]["url"]
    rest = client.get("/api/coded-events", params={"limit": 2, "offset": 2}).json()["results"]
    assert [(r["type"], r["actor"], r["recipient"]) for r in rest] == [("CONSULT", "Kim Jong Un", "Xi Jinping")]


def test_coded_events_api_filters(client):
    def get(**params):
        return client.get("/api/coded-events", params=params).json()

    did = get(entity=XI, role="actor")
    assert did["total"] == 2 and {r["roles"][0] for r in did["results"]} == {"actor"}
    assert len({r["event_id"] for r in did["results"]}) == 1  # one act, two outlets
    assert [r["type"] for r in get(entity=XI, role="recipient")["results"]] == ["CONSULT"]
    assert get(type="CONSULT")["total"] == 1 and get(type="FIGHT")["total"] == 0
    assert get(story="st-china-korut")["total"] == 3 and get(story="st-banjir")["total"] == 0
    assert get(article=factory.article_id("sragen"))["total"] == 1
    assert client.get("/api/coded-events", params={"type": "BOGUS"}).status_code == 422
    assert client.get("/api/coded-events", params={"role": "victim"}).status_code == 422


def test_coded_events_entity_page_lists_what_it_did_and_what_was_done_to_it(client):
    page = client.get(f"/entities/{XI}").text
    did = page[page.index('id="coded-actor"') : page.index('id="coded-recipient"')]
    done_to = page[page.index('id="coded-recipient"') :]
    assert "SUPPORT" in did and "Xi menyambut baik pesan tersebut" in did
    assert "also stated by" in did and "Sragen Update" in did  # one act shown once, with both outlets
    assert "CONSULT" in done_to.split("</section>")[0] and "bertukar pesan dengan Xi Jinping" in done_to


def test_coded_events_story_page_and_list_page(client):
    story = client.get("/stories/st-china-korut").text
    assert 'id="coded-events"' in story and "bertukar pesan dengan Xi Jinping" in story
    assert 'id="coded-events"' not in client.get("/stories/st-banjir").text
    listed = client.get("/coded-events", params={"entity": KIM, "role": "actor"})
    assert listed.status_code == 200 and "CONSULT" in listed.text and "SUPPORT" not in listed.text
    assert client.get("/coded-events", params={"type": "NOPE"}).status_code == 422


def test_coded_events_pages_escape_what_articles_say(tmp_path):
    """The flood article's sentence carries markup; it is shown as text, never as a tag."""
    tribun = factory.analysed("tribun")
    sentence = tribun.article.body[2]
    start = tribun.article.text.find(sentence)
    visit = replace(
        factory.coded(factory.analysed("kompas"))[0], article_id=tribun.article.id, start=start, end=start + len(sentence),
        sentence=sentence, type="CONSULT", mode="visit", actor="Heru Budi Hartono", actor_text="<b>Heru</b>",
        recipient="Jakarta", recipient_text="Jakarta", date="2022-11-26", location="<i>Jakarta Timur</i>",
    )
    path = tmp_path / "k.db"
    from kabar.store import open_store

    with open_store(path) as s:
        s.upsert_analysed(tribun, (visit,))
    with TestClient(create_app(str(path))) as c:
        page = c.get(f"/entities/{factory.entity_id('Heru Budi Hartono')}").text
        listed = c.get("/coded-events").text
    for html in (page, listed):
        assert "<script>alert" not in html and "&lt;script&gt;alert" in html
        assert "<i>Jakarta Timur</i>" not in html and "&lt;i&gt;Jakarta Timur&lt;/i&gt;" in html


def test_coded_events_article_page_lists_the_acts_it_states(client):
    page = client.get(f"/articles/{factory.article_id('kompas')}").text
    coded = page[page.index('id="coded-events"') :].split("</section>")[0]
    assert coded.count("<li") == 2 and "CONSULT" in coded and "SUPPORT" in coded
    assert "bertukar pesan dengan Xi Jinping" in coded and "Kim Jong Un" in coded
    assert 'id="coded-events"' not in client.get(f"/articles/{factory.article_id('tribun')}").text  # it states none
