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
