"""The driver: failures are captured per stage and never stop the batch."""

from __future__ import annotations

from kabar import pipeline
from kabar.records import Article, Failure, RawPage


def test_pipeline_extracts_every_sample(sample_paths):
    results = list(pipeline.extract_paths(sample_paths))
    assert len(results) == 5
    assert all(isinstance(r, Article) and r.body for r in results)


def test_pipeline_unreadable_path_becomes_failure_and_batch_goes_on(tmp_path, sample_paths):
    results = list(pipeline.extract_paths([tmp_path / "missing.html", sample_paths[0]]))
    assert isinstance(results[0], Failure) and "missing.html" in results[0].source
    assert isinstance(results[1], Article)


def test_pipeline_failing_analyser_keeps_the_others(monkeypatch, sample_paths):
    from kabar.analyse import timex

    def broken(article):
        raise RuntimeError("tagger exploded")

    monkeypatch.setattr(timex, "annotate", broken)
    article = next(a for a in pipeline.extract_paths(sample_paths[:1]))
    analysis = pipeline.analyse(article)
    assert analysis.analysed.article == article and analysis.analysed.timexes == ()
    assert [(f.stage, f.reason) for f in analysis.failures] == [("analyse.timex", "RuntimeError: tagger exploded")]


def test_pipeline_process_page_returns_failure_for_empty_page():
    result = pipeline.process_page(RawPage(source="kosong.txt", content="   \n\n", kind="text"))
    assert isinstance(result, Failure) and result.stage == "extract"


def test_pipeline_expected_pages_counts_files_but_not_containers(tmp_path, sample_paths):
    assert pipeline.expected_pages([sample_paths[0].parent]) == 5
    (tmp_path / "feed.jsonl").write_text('{"text": "x"}\n')
    assert pipeline.expected_pages([tmp_path]) is None


def _outlet_dir(tmp_path, broken: bool = False):
    from tests.extract.pages import outlet_text, STORIES

    folder = tmp_path / "pages"
    folder.mkdir()
    for n in range(len(STORIES)):
        (folder / f"kabarbanua-{n}.txt").write_text(outlet_text(n), encoding="utf-8")
    if broken:
        (folder / "kabarbanua-1b.txt").write_text("KabarBanua\nBeranda\nNasional\nDaerah\n", encoding="utf-8")
    return folder


def _bodies(db: str) -> dict[str, tuple[str, ...]]:
    from kabar.store import open_store

    with open_store(db) as store:
        return {a.article.source.rsplit("/", 1)[-1]: a.article.body for a in store.analysed_articles()}


def test_pipeline_run_drops_the_outlet_footer_and_stores_every_article(tmp_path):
    from tests.extract.pages import FOOTER

    db = str(tmp_path / "k.db")
    passes: list[str] = []
    summary = pipeline.run([_outlet_dir(tmp_path, broken=True)], db=db, on_pass=passes.append)
    assert passes == ["count", "process"]
    assert summary.pages_read == 4 and summary.articles_stored == 3
    assert [f.source.rsplit("/", 1)[-1] for f in summary.failures] == ["kabarbanua-1b.txt"]
    bodies = _bodies(db)
    assert len(bodies) == 3 and not any(FOOTER in body for body in bodies.values())


def test_pipeline_run_pool_and_rerun_give_the_same_store(tmp_path):
    from kabar.scale import LocalExecutor

    folder = _outlet_dir(tmp_path)
    loop_db, pool_db = str(tmp_path / "loop.db"), str(tmp_path / "pool.db")
    pipeline.run([folder], db=loop_db)
    pipeline.run([folder], db=pool_db, executor=LocalExecutor(workers=2, batch_size=1))
    first = _bodies(loop_db)
    assert _bodies(pool_db) == first
    pipeline.run([folder], db=loop_db)
    assert _bodies(loop_db) == first


def test_pipeline_process_planned_passes_failures_and_uses_repeated_lines():
    from tests.extract.pages import FOOTER, outlet_pages

    failure = Failure("x.txt", "ingest", "empty file")
    assert pipeline.process_planned(failure) is failure
    page = outlet_pages()[0]
    kept = pipeline.process_planned((page, frozenset()))
    dropped = pipeline.process_planned((page, frozenset({FOOTER})))
    assert FOOTER in kept.analysed.article.body and FOOTER not in dropped.analysed.article.body


def test_pipeline_run_stores_the_quote_links_it_computes(tmp_path, sample_paths):
    from kabar.store import open_store

    db = str(tmp_path / "k.db")
    summary = pipeline.run(sample_paths, db=db)
    with open_store(db) as store:
        assert store.quote_links() == summary.quote_links
        corpus = list(store.analysed_articles())
    from kabar.link.quote_links import link_quotes

    assert summary.quote_links == link_quotes(corpus)


def test_pipeline_failing_quote_links_become_a_failure(tmp_path, monkeypatch, sample_paths):
    from kabar.link import quote_links

    def broken(articles):
        raise RuntimeError("blocking exploded")

    monkeypatch.setattr(quote_links, "link_quotes", broken)
    summary = pipeline.run(sample_paths[:2], db=str(tmp_path / "k.db"))
    assert summary.articles_stored == 2 and summary.quote_links == ()
    assert [(f.stage, f.reason) for f in summary.failures] == [("link.quotes", "RuntimeError: blocking exploded")]


def _two_articles(tmp_path):
    folder = tmp_path / "pages"
    folder.mkdir()
    (folder / "a.txt").write_text(
        "Prabowo Tiba di Jeddah\n\nJEDDAH - Presiden Prabowo Subianto tiba di Jeddah, Arab Saudi, pada Rabu malam "
        "untuk bertemu Putra Mahkota Mohammed bin Salman dan membahas kerja sama investasi kedua negara.",
        encoding="utf-8",
    )
    (folder / "b.txt").write_text(
        "Prabowo Umrah di Sela Kunjungan\n\nMEKKAH - Prabowo menunaikan ibadah umrah di Masjidil Haram, Mekkah, "
        "pada Kamis pagi di sela kunjungan kenegaraannya ke Arab Saudi yang berlangsung selama tiga hari.",
        encoding="utf-8",
    )
    return folder


def test_pipeline_run_gives_a_short_name_the_corpus_identity(tmp_path):
    from kabar.store import open_store

    db = str(tmp_path / "k.db")
    summary = pipeline.run([_two_articles(tmp_path)], db=db)
    assert summary.failures == []
    with open_store(db) as store:
        corpus = list(store.analysed_articles())
        names = {e.id: e.canonical for a in corpus for e in a.entities}
        people = {names[m.entity_id] for a in corpus for m in a.mentions if m.type == "PER"}
        stored = store.count("entities")
    assert "Prabowo Subianto" in people and "Prabowo" not in people
    assert stored == len(names)  # the short name's own entity is gone, nothing else is


def test_pipeline_failing_identities_become_a_failure(tmp_path, monkeypatch):
    from kabar.analyse import identity

    def broken(articles):
        raise RuntimeError("identity exploded")

    monkeypatch.setattr(identity, "resolve_identities", broken)
    summary = pipeline.run([_two_articles(tmp_path)], db=str(tmp_path / "k.db"))
    assert summary.articles_stored == 2
    assert [(f.stage, f.reason) for f in summary.failures] == [("link.identity", "RuntimeError: identity exploded")]


def test_pipeline_run_reuse_failure_is_recorded_and_the_linking_kept(monkeypatch, sample_paths, tmp_path):
    """Passage reuse runs beside the linking (a forked process with two workers); its failure is
    the corpus's `link.reuse` failure, and the events, stories and quote links are stored anyway."""
    from kabar.scale import LocalExecutor
    from kabar.store import open_store

    def broken(articles):
        raise RuntimeError("signatures exploded")

    monkeypatch.setattr(pipeline, "find_reuse", broken)  # the forked process inherits the patch
    db = str(tmp_path / "k.db")
    summary = pipeline.run(sample_paths, db=db, executor=LocalExecutor(workers=2))
    assert [(f.stage, f.reason) for f in summary.failures] == [("link.reuse", "RuntimeError: signatures exploded")]
    assert summary.linking.events and summary.linking.reuse == ()
    with open_store(db) as store:
        assert store.count("articles") == 5 and store.count("events") == len(summary.linking.events)


def test_pipeline_writer_stores_in_batches_and_on_time(tmp_path, sample_paths):
    """64 records a transaction, or whatever waited 2 s; `flush` writes the rest (pages first)."""
    from kabar.ingest import read_pages
    from kabar.store import open_store

    pages = [p for p in read_pages(sample_paths) if isinstance(p, RawPage)]
    with open_store(str(tmp_path / "k.db")) as store:
        writer = pipeline._Writer(store, size=4, seconds=3600)
        for page in pages[:3]:
            writer.page(page)
        assert store.count("pages") == 0  # three waiting
        writer.page(pages[3])
        assert store.count("pages") == 4  # the fourth filled the batch
        writer.page(pages[4])
        writer.flush()
        assert store.count("pages") == 5
        late = pipeline._Writer(store, size=1000, seconds=0.0)
        analysed = pipeline.process_page(pages[0]).analysed
        late.article(analysed)  # over its age at once: written
        assert store.count("articles") == 1
