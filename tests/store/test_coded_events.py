"""Coded (PLOVER) events in the store: stored with their article, read back exactly, never twice,
replaced with the article, one coded event for one dated act stated by several articles."""

from __future__ import annotations

from dataclasses import replace

import pytest
from sqlalchemy import select

from kabar.analyse.plover import code_events
from kabar.store import open_store
from kabar.store import schema as t
from kabar.store.coded_events import article_events, list_coded
from tests.store import factory
from tests.store.conftest import BACKENDS, backend_url


@pytest.fixture(params=BACKENDS)
def store(request, tmp_path):
    s = open_store(backend_url(request.param, request, tmp_path))
    yield s
    s.close()


def _stored(store):
    items = factory.corpus()
    for a in items:
        store.upsert_analysed(a, factory.coded(a))
    return {k: a for k, a in zip(factory.BODIES, items)}


def test_coded_events_round_trip_with_offsets_into_the_text(store):
    items = _stored(store)
    for a in items.values():
        found = article_events(store, a.article.id)
        assert found == factory.coded(a)
        assert all(a.article.text[e.start : e.end] == e.sentence for e in found)


def test_coded_events_one_dated_act_in_two_articles_is_one_event_with_two_mentions(store):
    items = _stored(store)
    assert store.count("coded_event_mentions") == 3
    assert store.count("coded_events") == 2  # Xi's welcome, stated by Kompas and Sragen Update
    welcome, _ = list_coded(store, type="SUPPORT")
    assert {m.outlet for m in welcome} == {"Kompas.com", "Sragen Update"}
    assert len({m.event_id for m in welcome}) == 1
    assert {m.mention.article_id for m in welcome} == {items["kompas"].article.id, items["sragen"].article.id}


def test_coded_events_rerun_stores_nothing_twice(store):
    _stored(store)
    counts = [store.count(x) for x in ("coded_events", "coded_event_mentions", "coded_event_parties")]
    _stored(store)
    store.upsert_analysed_many([(a, factory.coded(a)) for a in factory.corpus()])
    assert [store.count(x) for x in ("coded_events", "coded_event_mentions", "coded_event_parties")] == counts


def test_coded_events_replaced_with_the_article_and_orphans_go(store):
    items = _stored(store)
    kompas = items["kompas"]
    store.upsert_analysed(kompas, factory.coded(kompas)[1:])  # re-coded without the meeting
    assert [e.type for e in article_events(store, kompas.article.id)] == ["SUPPORT"]
    assert store.count("coded_events") == 1  # the meeting no article states any more is gone
    store.upsert_analysed(kompas)  # stored uncoded: its old coded events go with its old analysis
    assert article_events(store, kompas.article.id) == ()
    assert store.count("coded_events") == 1  # Sragen Update still states the welcome


def test_coded_events_by_entity_and_role(store):
    _stored(store)
    xi, kim = factory.entity_id("Xi Jinping"), factory.entity_id("Kim Jong Un")
    did, n_did = list_coded(store, entity=xi, role="actor")
    assert n_did == 2 and {m.mention.type for m in did} == {"SUPPORT"}
    done_to, _ = list_coded(store, entity=xi, role="recipient")
    assert [(m.mention.type, m.mention.actor) for m in done_to] == [("CONSULT", "Kim Jong Un")]
    both, total = list_coded(store, entity=kim)
    assert total == 3 and {r for m in both for r in m.roles} == {"actor", "recipient"}
    assert list_coded(store, entity=factory.entity_id("Jakarta")) == ([], 0)


def test_coded_events_page_by_date_then_undated(store):
    _stored(store)
    page, total = list_coded(store, limit=2)
    assert total == 3 and [m.mention.date for m in page] == ["2021-03", "2021-03"]
    rest, _ = list_coded(store, limit=2, offset=2)
    assert [m.mention.date for m in rest] == ["2021-03-23"]


def test_coded_events_of_the_real_coder_round_trip(store):
    """Whatever `code_events` finds in a real article is what the store gives back."""
    kompas = factory.analysed("kompas")
    events = code_events(kompas)
    store.upsert_analysed(kompas, events)
    assert article_events(store, kompas.article.id) == events


def test_coded_events_compound_actor_round_trip(store):
    items = _stored(store)
    kompas = items["kompas"]
    meeting = factory.coded(kompas)[0]
    both = replace(meeting, type="AGREE", actor=("China", "Korea Utara"), actor_text=("China", "Korea Utara"),
                   recipient=None, recipient_text=None)
    store.upsert_analysed(kompas, (both,))
    assert article_events(store, kompas.article.id) == (both,)
    china, _ = list_coded(store, entity=factory.entity_id("China"), role="actor")
    assert [m.mention.actor for m in china] == [("China", "Korea Utara")]


@pytest.mark.parametrize("db_url", BACKENDS, indirect=True)
def test_coded_events_migrate_schema_4_in_place_and_code_on_next_run(db_url):
    """A version-4 store (no coded tables) gains them on open and is flagged, so the next `kabar run`
    codes what it already holds."""
    s = open_store(db_url)
    kompas = factory.analysed("kompas")
    s.upsert_analysed(kompas)
    with s.engine.begin() as conn:
        for table in (t.coded_event_parties, t.coded_event_mentions, t.coded_events):
            table.drop(conn)
        conn.execute(t.kabar_meta.update().where(t.kabar_meta.c.key == "schema_version").values(value="4"))
    s.close()
    with open_store(db_url) as s:
        with s.engine.connect() as conn:
            version = conn.execute(select(t.kabar_meta.c.value).where(t.kabar_meta.c.key == "schema_version")).scalar()
        assert version == str(t.SCHEMA_VERSION) == "5"
        assert s.article(kompas.article.id) == kompas and article_events(s, kompas.article.id) == ()
        assert s.coding_pending()
        assert s.save_coded_events([(kompas, factory.coded(kompas))]) == 1
        assert not s.coding_pending()
        assert article_events(s, kompas.article.id) == factory.coded(kompas)


def test_coded_events_migration_is_atomic(tmp_path, monkeypatch):
    """A step that fails leaves the old store as it was: version 4, no new table, no flag."""
    path = tmp_path / "kabar.db"
    s = open_store(path)
    s.upsert_analysed(factory.analysed("kompas"))
    with s.engine.begin() as conn:
        for table in (t.coded_event_parties, t.coded_event_mentions, t.coded_events):
            table.drop(conn)
        conn.execute(t.kabar_meta.update().where(t.kabar_meta.c.key == "schema_version").values(value="4"))
    s.close()
    monkeypatch.setitem(t.MIGRATIONS, 4, (*t.MIGRATIONS[4], "INSERT INTO no_such_table VALUES (1)"))
    with pytest.raises(Exception, match="no_such_table"):
        open_store(path)
    monkeypatch.undo()
    import sqlite3

    with sqlite3.connect(path) as conn:
        names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        meta = dict(conn.execute("SELECT key, value FROM kabar_meta"))
    assert "coded_events" not in names and meta["schema_version"] == "4" and t.CODING_PENDING not in meta
    with open_store(path) as s:  # and the next open upgrades it
        assert s.coding_pending()
