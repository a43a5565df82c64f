"""Two writers at once on one PostgreSQL store: nothing lost, nothing written twice."""

from __future__ import annotations

import threading
from dataclasses import replace

from sqlalchemy import select

from kabar.records import AnalysedArticle, Failure
from kabar.store import open_store
from kabar.store import schema as t
from tests.store import factory

COPIES = 60
SHARED = range(20, 40)  # copies both writers store


def _copy(base: AnalysedArticle, n: int) -> AnalysedArticle:
    """`base` as a new article `n`, its first entity seen under one more alias ("Kim Jong Un #7")."""
    aid = f"copy-{n:03d}"
    article = replace(base.article, id=aid, source=f"copies/{n:03d}.txt")
    first, *rest = base.entities
    return AnalysedArticle(
        article,
        (replace(first, aliases=(*first.aliases, f"{first.canonical} #{n}")), *rest),
        tuple(replace(m, article_id=aid) for m in base.mentions),
        tuple(replace(x, article_id=aid) for x in base.timexes),
        tuple(replace(q, article_id=aid) for q in base.quotes),
    )


def _write(url: str, items: list[AnalysedArticle], start: threading.Barrier, errors: list, batch: int) -> None:
    try:
        start.wait()
        with open_store(url) as store:  # both open a fresh schema at once: the tables are created once
            for i in range(0, len(items), batch):
                store.upsert_analysed_many(items[i : i + batch])
                for a in items[i : i + batch]:
                    store.add_failure(Failure(a.article.source, "extract", "halaman kosong"))
    except Exception as exc:  # surfaced by the test below
        errors.append(exc)


def test_concurrent_writers_lose_and_duplicate_nothing(postgres):
    url = postgres.fresh()
    base = factory.corpus()
    items = [_copy(base[n % len(base)], n) for n in range(COPIES)]
    parts = (items[: SHARED.stop], items[SHARED.start :])  # 40 each, 20 of them in both
    start, errors = threading.Barrier(2), []
    writers = [threading.Thread(target=_write, args=(url, part, start, errors, batch)) for part, batch in zip(parts, (1, 3))]
    for w in writers:
        w.start()
    for w in writers:
        w.join(timeout=240)
    assert not errors, errors
    with open_store(url) as store:
        stored = {a.article.id: a for a in store.analysed_articles()}
        assert stored == {a.article.id: a for a in items}  # every article, each exactly as written
        assert store.count("articles") == COPIES
        assert store.count("mentions") == sum(len(a.mentions) for a in items)
        assert store.count("quotes") == sum(len(a.quotes) for a in items)
        failures = store.failures()
        assert sorted(f.source for f in failures) == sorted(a.article.source for a in items)
        with store.engine.connect() as conn:
            seqs = list(conn.execute(select(t.failures.c.seq)).scalars())
            aliases = dict(conn.execute(select(t.entities.c.canonical, t.entities.c.aliases)).all())
    assert sorted(seqs) == list(range(COPIES))  # one place each: no two writers took the same
    for n, a in enumerate(items):  # no alias added by one writer was overwritten by the other's
        first = a.entities[0]
        assert f"{first.canonical} #{n}" in aliases[first.canonical]
