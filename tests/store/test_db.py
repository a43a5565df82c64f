"""The store: exact round trips, idempotent upserts, replaced linking, durable writes."""

from __future__ import annotations

from dataclasses import replace

import pytest
from sqlalchemy import select

from kabar.records import Entity, Failure, Linking, RawPage
from kabar.store import open_store
from kabar.store import schema as t
from kabar.store.search import search
from tests.store import factory
from tests.store.conftest import BACKENDS, backend_url


@pytest.fixture(params=BACKENDS)
def store(request, tmp_path):
    """An empty store on each backend (PostgreSQL skipped when no server answers)."""
    s = open_store(backend_url(request.param, request, tmp_path))
    yield s
    s.close()


@pytest.fixture
def items(store):
    """The hand-built corpus, stored (no linking)."""
    corpus = factory.corpus()
    for a in corpus:
        store.upsert_analysed(a)
    return corpus


def test_db_spans_point_into_text():
    for a in factory.corpus():
        for span in (*a.mentions, *a.timexes):
            assert a.article.text[span.start : span.end] == span.text
        for q in a.quotes:
            assert a.article.text[q.start : q.end] == q.quote


def test_db_analysed_round_trip(store, items):
    assert list(store.analysed_articles()) == items
    assert store.article(items[0].article.id) == items[0]
    assert store.article("no-such-id") is None


def test_db_linking_round_trip(store, items):
    linking = factory.linking()
    store.save_linking(linking)
    assert store.linking() == linking


def test_db_save_linking_replaces_previous(store):
    linking = factory.linking()
    store.save_linking(linking)
    smaller = Linking(events=linking.events[:1], stories=(replace(linking.stories[0], event_ids=(linking.events[0].id,)),))
    store.save_linking(smaller)
    assert store.linking() == smaller
    assert store.count("reuse") == 0
    assert store.count("timeline_entries") == 3


def test_db_linking_failures_go_to_failures_table(store):
    store.save_linking(Linking(failures=(Failure("<corpus>", "link", "ValueError: kosong"),)))
    assert store.linking() == Linking()
    assert store.failures() == [Failure("<corpus>", "link", "ValueError: kosong")]


def test_db_upsert_is_idempotent(store, items):
    for a in items:
        store.upsert_analysed(a)
    assert store.count("articles") == 3
    assert store.count("mentions") == sum(len(a.mentions) for a in items)
    assert list(store.analysed_articles()) == items


def test_db_reupsert_replaces_children_and_keeps_order(store, items):
    first = items[0]
    changed = replace(first, article=replace(first.article, title="Judul baru"), mentions=first.mentions[:1], quotes=())
    store.upsert_analysed(changed)
    loaded = list(store.analysed_articles())
    assert loaded[0] == changed  # same position: the row was updated, not re-inserted
    assert loaded[1:] == items[1:]
    assert search(store, "judul baru").total == 1


def test_db_entities_merge_aliases_across_articles(store):
    kim = factory.entity_id("Kim Jong Un")
    a, b = factory.analysed("kompas"), factory.analysed("sragen")
    b = replace(b, entities=(Entity(kim, "Kim Jong Un", "PER", ("Kim Jong-un",)),))
    store.upsert_analysed(a)
    store.upsert_analysed(b)
    with store.engine.connect() as conn:
        aliases = conn.execute(select(t.entities.c.aliases).where(t.entities.c.id == kim)).scalar_one()
    assert aliases == ["Kim Jong Un", "Kim", "Kim Jong-un"]
    assert store.article(b.article.id) == b  # each article keeps its own view of the entity


def test_db_failures_deduplicated(store):
    f = Failure("rusak.html", "ingest", "binary file (NUL bytes)")
    store.add_failure(f)
    store.add_failure(f)
    store.add_failure(Failure("kosong.txt", "extract", "empty page"))
    assert store.failures() == [f, Failure("kosong.txt", "extract", "empty page")]


def test_db_pages_upserted_without_content(store):
    page = RawPage("examples/samples/000.txt", "Kantor berita pemerintah Korea Utara, KCNA", "text", encoding="utf-8")
    store.upsert_page(page)
    store.upsert_page(page)
    with store.engine.connect() as conn:
        rows = conn.execute(select(t.pages)).mappings().all()
    assert len(rows) == 1
    assert rows[0]["size"] == len(page.content) and len(rows[0]["content_hash"]) == 40


def test_db_writes_survive_reopening(tmp_path):
    path = tmp_path / "k.db"
    s = open_store(path)
    s.upsert_analysed(factory.analysed("kompas"))
    # no close: a crash after a write still leaves it stored
    again = open_store(f"sqlite:///{path}")
    assert [a.article.id for a in again.analysed_articles()] == [factory.article_id("kompas")]
    again.close()
    s.close()


def test_db_wal_and_foreign_keys(store):
    if store.dialect != "sqlite":
        pytest.skip("SQLite's journal and pragmas")
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


def test_db_memory_url():
    s = open_store(":memory:")
    s.upsert_analysed(factory.analysed("tribun"))
    assert s.article(factory.article_id("tribun")) == factory.analysed("tribun")
    s.close()


@pytest.mark.parametrize("db_url", BACKENDS, indirect=True)
@pytest.mark.parametrize("version", ["1", "2", "99"])  # no migration from these: older, or newer than this Kabar
def test_db_refuses_other_schema_version(db_url, version):
    path = db_url
    s = open_store(path)
    with s.engine.begin() as conn:
        conn.execute(t.kabar_meta.update().where(t.kabar_meta.c.key == "schema_version").values(value=version))
    s.close()
    with pytest.raises(RuntimeError, match="another Kabar version"):
        open_store(path)


def test_db_memo_invalidated_by_writes(store):
    calls = []

    def compute():
        calls.append(1)
        return store.count("articles")

    assert store.memo(("n",), compute) == 0
    assert store.memo(("n",), compute) == 0
    store.upsert_analysed(factory.analysed("kompas"))
    assert store.memo(("n",), compute) == 1
    store.save_linking(factory.linking())
    store.memo(("n",), compute)
    assert len(calls) == 3


def _linked_store(store):
    items = factory.quoted_twice()
    factory.fill(store, items, linked=Linking(), quote_links=True)
    return items, store.quote_links()


def test_db_quote_links_round_trip_and_replace(store):
    from kabar.link.quote_links import link_quotes

    items, groups = _linked_store(store)
    assert len(groups) == 1 and groups == link_quotes(items)
    assert [o.outlet for o in store.quote_links()[0].occurrences] == ["Kompas.com", "Sragen Update"]
    store.save_quote_links(())
    assert store.quote_links() == () and store.count("quote_carriers") == 0


def test_db_quote_links_of_finds_each_carried_quote(store):
    items, groups = _linked_store(store)
    quotes = [q for a in items for q in a.quotes]
    found = store.quote_links_of(quotes)
    kompas_direct = items[0].quotes[0]
    assert (kompas_direct.article_id, kompas_direct.start) not in found
    assert {k for k in found} == {(o.article_id, o.quote.start) for o in groups[0].occurrences}
    assert store.quote_links_of([]) == {}


def test_db_quote_links_of_a_reanalysed_article_drop_out(store):
    items, _ = _linked_store(store)
    store.upsert_analysed(replace(items[1], quotes=()))
    assert store.quote_links() == ()


@pytest.mark.parametrize("db_url", BACKENDS, indirect=True)
def test_db_migrates_schema_3_by_adding_quote_link_tables(db_url):
    path = db_url
    s = open_store(path)
    s.upsert_analysed(factory.analysed("kompas"))
    with s.engine.begin() as conn:
        for table in t.QUOTE_LINK_TABLES:
            table.drop(conn)
        conn.execute(t.kabar_meta.update().where(t.kabar_meta.c.key == "schema_version").values(value="3"))
    s.close()
    s = open_store(path)
    try:
        with s.engine.connect() as conn:
            version = conn.execute(select(t.kabar_meta.c.value).where(t.kabar_meta.c.key == "schema_version")).scalar()
        assert version == str(t.SCHEMA_VERSION)  # through 4, on to the latest
        assert s.article(factory.article_id("kompas")) == factory.analysed("kompas")
        assert s.quote_links() == ()
    finally:
        s.close()


def test_db_postgresql_commits_do_not_wait_for_the_disk(postgres):
    """As SQLite's synchronous=NORMAL: set on each session, the URL's own options (search_path) kept."""
    with open_store(postgres.fresh()) as store, store.engine.connect() as conn:
        assert conn.exec_driver_sql("SHOW synchronous_commit").scalar() == "off"
        assert conn.exec_driver_sql("SELECT current_schema()").scalar().startswith(postgres.prefix)
