"""PostgreSQL's search index: tsquery compiled from the query tree, kept in step by its trigger, rebuilt when missing."""

from __future__ import annotations

from dataclasses import replace

import pytest
from sqlalchemy import text

from kabar.store import open_store
from kabar.store import syntax
from kabar.store.fulltext_postgres import TABLE, to_sql, to_tsquery
from kabar.store.search import search
from tests.store import factory

KOMPAS, SRAGEN, TRIBUN = (factory.article_id(k) for k in ("kompas", "sragen", "tribun"))


def test_fulltext_postgres_one_vector_is_one_tsquery():
    """Words and filter tokens share one vector; a filter token is written f.TOKEN, which no stem can be."""
    node = syntax.AllOf((syntax.Term("text", ("kerja", "sama")), syntax.Term("text", ("ekonom",), prefix=True)), (syntax.Term("text", ("it's",)),))
    assert to_tsquery(node) == ("fts", "(('kerja' <-> 'sama') & ('ekonom':*) & !('it''s'))")
    with_filter = syntax.AllOf((syntax.Term("text", ("banjir",)), syntax.Term("facets", ("okompascom",))))
    assert to_tsquery(with_filter) == ("fts", "(('banjir') & ('f.okompascom'))")  # one GIN scan intersects them


def test_fulltext_postgres_columns_split_into_indexed_conditions():
    node = syntax.AnyOf((syntax.Term("title", ("banjir",)), syntax.Term("facets", ("okompascom",))))
    params: dict = {}
    assert to_tsquery(node) is None
    cond = to_sql(node, params)
    assert cond == "(s.fts_title @@ to_tsquery('simple', :tsq0) OR s.fts @@ to_tsquery('simple', :tsq1))"
    assert params == {"tsq0": "('banjir')", "tsq1": "('f.okompascom')"}


@pytest.fixture
def store(postgres):
    s = factory.fill(open_store(postgres.fresh()))
    yield s
    s.close()


@pytest.mark.parametrize("query", ["it's \\ :* & | ! <-> ''", '"banjir\' | \'china"', "a:A & b:*", "jakarta:* | banjir!"])
def test_fulltext_postgres_tsquery_syntax_typed_stays_words(store, tmp_path, query):
    """Every lexeme reaches PostgreSQL quoted: no tsquery or SQL error, the answer SQLite's FTS5 gives."""
    with factory.fill(open_store(tmp_path / "k.db")) as sqlite:
        expected = [h.id for h in search(sqlite, query).results]
    assert [h.id for h in search(store, query).results] == expected


def test_fulltext_postgres_trigger_follows_rewrites(store):
    assert [h.id for h in search(store, "banjir").results] == [TRIBUN]
    tribun = factory.analysed("tribun")
    store.upsert_analysed(replace(tribun, article=replace(tribun.article, title="Genangan di Jakarta Timur", body=("Air naik.",))))
    assert search(store, "banjir").results == ()
    assert [h.id for h in search(store, "title:genangan").results] == [TRIBUN]


def test_fulltext_postgres_index_rebuilt_for_a_store_without_it(store, postgres):
    with store.engine.begin() as conn:  # as a store written before the index existed
        conn.execute(text(f"DROP TABLE {TABLE}"))
        conn.execute(text(f"DROP FUNCTION {TABLE}_sync() CASCADE"))  # and its trigger
    again = open_store(store.engine.url.render_as_string(hide_password=False))
    try:
        assert sorted(h.id for h in search(again, "mendukung teguh").results) == sorted([KOMPAS, SRAGEN])
        assert [h.id for h in search(again, "outlet:Tribunnews.com").results] == [TRIBUN]
    finally:
        again.close()


def test_fulltext_postgres_huge_article_is_stored_and_found(store):
    """1.3 MB of distinct words would overflow a tsvector (1 MB): the article is stored, its opening words found."""
    import hashlib

    words = [hashlib.md5(str(i).encode()).hexdigest() for i in range(40_000)]
    tribun = factory.analysed("tribun")
    body = ("Banjir besar " + " ".join(words),)
    store.upsert_analysed(replace(tribun, article=replace(tribun.article, body=body), mentions=(), timexes=(), quotes=()))
    assert [h.id for h in search(store, "banjir").results] == [TRIBUN]
    assert [h.id for h in search(store, words[10]).results] == [TRIBUN]
    assert store.article(TRIBUN).article.body == body

