"""Linking read in pages and walked window by window gives the in-process linker's groups."""

from __future__ import annotations

import os
import random
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest
from scipy import sparse

from kabar.link.events import cluster_events
from kabar.link.features import article_features
from kabar.link.graph import neighbours
from kabar.link.spill import RowSpill
from kabar.link.stories import cluster_stories
from kabar.link.vectors import tfidf_vectors
from kabar.link.windowed import spill_corpus, windowed_events, windowed_stories
from kabar.records import AnalysedArticle

from .conftest import make

SHARED = Path(os.environ.get("KABAR_SHARED", Path(__file__).resolve().parents[3] / "shared"))


def _later(a: AnalysedArticle, suffix: str, day: str | None) -> AnalysedArticle:
    """The same report with another id, published another day (None: undated)."""
    return replace(a, article=replace(a.article, id=a.article.id + suffix, source=a.article.source + suffix, published=day))


def _stream(corpus: list[AnalysedArticle]) -> list[AnalysedArticle]:
    """The four reports, again three weeks and two months later, and one undated copy: windows
    of days that close one after the other, and an article that meets every window."""
    extra = [_later(a, "-3w", f"2025-03-{int(a.article.published[-2:]) + 20:02d}") for a in corpus]
    extra += [_later(a, "-2m", f"2025-05-{int(a.article.published[-2:]):02d}") for a in corpus]
    extra.append(_later(corpus[1], "-undated", None))
    stream = corpus + extra
    random.Random(7).shuffle(stream)  # the store's order is not the day order
    return stream


def _in_process(articles):
    features = [article_features(a) for a in articles]
    vectors = tfidf_vectors(features)
    events = cluster_events(features, vectors)
    return events, cluster_stories(features, vectors, events)


def _windowed(articles, directory: Path, page: int, chunk: int):
    corpus = spill_corpus((articles[i : i + page] for i in range(0, len(articles), page)), directory)
    events = windowed_events(corpus, chunk=chunk)
    return events, windowed_stories(corpus, events)


def _partition(events, stories=None):
    if stories is None:
        return sorted(sorted(e) for e in events)
    return sorted(sorted(i for e in s for i in events[e]) for s in stories)


@pytest.mark.parametrize("page,chunk", [(1, 1), (3, 2), (100, 2048)])
def test_windowed_linking_equals_in_process(corpus, tmp_path, page, chunk):
    stream = _stream(corpus)
    events, stories = _in_process(stream)
    w_events, w_stories = _windowed(stream, tmp_path, page, chunk)
    assert _partition(w_events) == _partition(events)
    assert _partition(w_events, w_stories) == _partition(events, stories)
    # and the test is not empty: the flood's reports are one event, the match another
    ids = [a.article.id for a in stream]
    event_of = {ids[i]: k for k, e in enumerate(w_events) for i in e}
    assert event_of["banjir-a"] == event_of["banjir-b"] != event_of["bola"]
    assert event_of["bola-2m"] != event_of["bola"]  # the same text two months later: never compared


def test_windowed_linking_of_one_article(corpus, tmp_path):
    events, stories = _windowed(corpus[:1], tmp_path, 1, 1)
    assert events == [[0]] and stories == [[0]]


def test_windowed_linking_of_nothing_is_a_clear_error(tmp_path):
    with pytest.raises(ValueError, match="no articles"):
        spill_corpus([], tmp_path)


def test_row_spill_reads_any_rows_in_any_order(tmp_path):
    rng = np.random.default_rng(0)
    matrix = sparse.random(50, 40, density=0.2, format="csr", dtype=np.float32, random_state=rng)
    matrix.data[matrix.indptr[7] : matrix.indptr[8]] = 0  # an empty row
    matrix.eliminate_zeros()
    spill = RowSpill(tmp_path, "m", 40)
    for lo in range(0, 50, 13):
        spill.append(matrix[lo : lo + 13])
    spill.close()
    rows = np.array([49, 0, 7, 7, 23])
    assert (spill.read(rows) != matrix[rows]).nnz == 0
    assert spill.read(np.array([7])).nnz == 0 and spill.rows == 50


def test_neighbours_do_not_depend_on_how_the_right_rows_are_cut():
    # rows 1, 2 and 3 are equally close to row 0: with k=2 the lower ids win, in one block or three
    matrix = sparse.csr_matrix(np.array([[1, 1, 0], [1, 0, 0], [1, 0, 0], [1, 0, 0], [0, 0, 1]], dtype=np.float32))
    ids = np.arange(5)
    whole = neighbours(matrix[:1], ids[:1], [(matrix, ids)], k=2, min_sim=0.5)
    cut = neighbours(matrix[:1], ids[:1], [(matrix[3:], ids[3:]), (matrix[:1], ids[:1]), (matrix[1:3], ids[1:3])], 2, 0.5)
    assert whole == cut == {(0, 1): 1.0, (0, 2): 1.0}


@pytest.mark.skipif(not (SHARED / "data" / "events").is_dir(), reason="needs the dev set ../shared/data/events")
def test_windowed_linking_equals_in_process_on_a_dev_set(tmp_path):
    from kabar.evaluate.cluster import analyse_files

    files = sorted((SHARED / "data" / "events").rglob("*.txt"))[:60]
    articles = analyse_files(files)
    events, stories = _in_process(articles)
    w_events, w_stories = _windowed(articles, tmp_path, 7, 4)
    assert _partition(w_events) == _partition(events)
    assert _partition(w_events, w_stories) == _partition(events, stories)
