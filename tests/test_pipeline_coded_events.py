"""`kabar run` codes each article's PLOVER events and stores them with it: what the store holds is
what `code_events` finds in the stored article, a rerun adds nothing, a person named in part acts
under the corpus's full name, a migrated store is coded on the next run, a coding bug is a failure."""

from __future__ import annotations

import pytest

from kabar import pipeline
from kabar.analyse.plover import code_events
from kabar.store import open_store
from kabar.store import schema as t
from kabar.store.coded_events import article_events, list_coded

COUNTED = ("coded_events", "coded_event_mentions", "coded_event_parties")


def _stored(db: str) -> dict[str, tuple]:
    with open_store(db) as store:
        return {a.article.id: article_events(store, a.article.id) for a in store.analysed_articles()}


def _coded_again(db: str) -> dict[str, tuple]:
    with open_store(db) as store:
        return {a.article.id: code_events(a) for a in store.analysed_articles()}


def _counts(db: str) -> list[int]:
    with open_store(db) as store:
        return [store.count(x) for x in COUNTED]


def test_pipeline_run_stores_each_articles_coded_events(tmp_path, sample_paths):
    db = str(tmp_path / "k.db")
    summary = pipeline.run(sample_paths, db=db)
    assert summary.failures == []
    stored = _stored(db)
    assert stored == _coded_again(db)  # exactly the coder's records on the stored analysis
    assert sum(map(len, stored.values())) > 0
    counts = _counts(db)
    pipeline.run(sample_paths, db=db)
    assert _counts(db) == counts and _stored(db) == stored


def _prabowo(tmp_path):
    folder = tmp_path / "pages"
    folder.mkdir()
    (folder / "a.txt").write_text(
        "Prabowo Bertemu Albanese di Canberra\n\nPresiden Prabowo Subianto bertemu Perdana Menteri Australia Anthony "
        "Albanese di Canberra pada Rabu (12/11/2025) untuk membahas kerja sama pertahanan dan perdagangan kedua negara.\n",
        encoding="utf-8",
    )
    (folder / "b.txt").write_text(
        "Prabowo Kecam Serangan di Gaza\n\nPrabowo mengecam serangan Israel terhadap warga sipil di Gaza pada Kamis "
        "(13/11/2025) dalam pidatonya di hadapan para duta besar negara sahabat di Jakarta.\n",
        encoding="utf-8",
    )
    return folder


def test_pipeline_run_codes_a_short_name_under_the_corpus_identity(tmp_path):
    db = str(tmp_path / "k.db")
    pipeline.run([_prabowo(tmp_path)], db=db)
    stored = _stored(db)
    assert stored == _coded_again(db)
    actors = {e.actor for events in stored.values() for e in events}
    assert "Prabowo" not in actors  # the article saying only "Prabowo" was coded again after unification
    with open_store(db) as store:
        full = next(e.id for a in store.analysed_articles() for e in a.entities if e.canonical == "Prabowo Subianto")
        did, _ = list_coded(store, entity=full, role="actor")
    assert {m.mention.actor for m in did} == {"Prabowo Subianto"}
    assert {m.mention.actor for m in did} and len({m.mention.article_id for m in did}) == sum(
        any(e.actor == "Prabowo Subianto" for e in events) for events in stored.values()
    )


def test_pipeline_run_codes_a_store_migrated_from_before_coding(tmp_path, sample_paths):
    db = str(tmp_path / "k.db")
    pipeline.run(sample_paths[:2], db=db)
    expected = _stored(db)
    with open_store(db) as store, store.engine.begin() as conn:  # back to schema 4: no coded tables
        for table in (t.coded_event_parties, t.coded_event_mentions, t.coded_events):
            table.drop(conn)
        conn.execute(t.kabar_meta.update().where(t.kabar_meta.c.key == "schema_version").values(value="4"))
    with open_store(db) as store:
        assert store.coding_pending() and store.count("coded_event_mentions") == 0
    summary = pipeline.run(sample_paths[2:3], db=db)  # adds one article; codes the two it held
    assert summary.failures == []
    after = _stored(db)
    assert {k: after[k] for k in expected} == expected and len(after) == 3
    with open_store(db) as store:
        assert not store.coding_pending()


def test_pipeline_failing_coder_is_a_failure_and_the_article_is_kept(tmp_path, monkeypatch, sample_paths):
    def broken(analysed):
        raise RuntimeError("coder exploded")

    monkeypatch.setattr(pipeline, "code_events", broken)
    db = str(tmp_path / "k.db")
    summary = pipeline.run(sample_paths[:1], db=db)
    assert summary.articles_stored == 1
    assert [(f.stage, f.reason) for f in summary.failures] == [("analyse.events", "RuntimeError: coder exploded")]
    assert _counts(db) == [0, 0, 0]
