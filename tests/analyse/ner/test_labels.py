"""Label tables: the best well-formed BIO path, batched decoding and the mixture of two taggers' probabilities."""

from __future__ import annotations

import numpy as np
import pytest

from kabar.analyse.ner.labels import LABELS, best_path, best_paths, mixed


def _rows(*words: dict[str, float]) -> np.ndarray:
    """A probability table from each word's probable labels; the rest of its mass spread over the others."""
    table = np.zeros((len(words), len(LABELS)))
    for i, probable in enumerate(words):
        rest = (1.0 - sum(probable.values())) / (len(LABELS) - len(probable))
        table[i] = [probable.get(label, rest) for label in LABELS]
    return table


def test_best_path_never_continues_what_did_not_start():
    # word by word the best labels are O, I-PER: ill-formed; the best well-formed path starts the name
    words = ("Joko", "Widodo", "tiba")
    rows = _rows({"O": 0.55, "B-PER": 0.4}, {"I-PER": 0.9}, {"O": 0.95})
    tagged = best_path(words, rows)
    assert tagged.labels == ("B-PER", "I-PER", "O")
    assert tagged.confidence == pytest.approx(0.4)


def test_best_path_keeps_a_sure_path_as_it_is():
    rows = _rows({"B-ORG": 0.9}, {"I-ORG": 0.8}, {"O": 0.9}, {"B-LOC": 0.7})
    assert best_path(("Bank", "Indonesia", "di", "Jakarta"), rows).labels == ("B-ORG", "I-ORG", "O", "B-LOC")
    assert best_path((), np.zeros((0, len(LABELS)))).labels == ()


def test_mixture_weighs_the_two_taggers_and_keeps_the_crfs_rows_past_the_teachers_cut():
    teacher = _rows({"B-PER": 0.9})
    crf = _rows({"B-ORG": 0.7}, {"B-LOC": 0.8})
    both = mixed(teacher, crf, 0.75)
    assert both.shape == crf.shape and np.allclose(both.sum(1), 1.0)
    assert both[0, LABELS.index("B-PER")] == pytest.approx(0.75 * 0.9 + 0.25 * crf[0, LABELS.index("B-PER")])
    assert (both[1] == crf[1]).all()


def test_crf_marginals_decode_to_the_crfs_own_answer():
    from kabar.analyse.ner.model import shipped

    words = "Presiden Joko Widodo bertemu Kim Jong-un di Pyongyang .".split()
    rows = shipped().marginals(words)
    assert rows.shape == (len(words), len(LABELS)) and np.allclose(rows.sum(1), 1.0, atol=1e-6)
    assert best_path(words, rows).labels == tuple(shipped().tagger.tag(shipped().features(words)))


def test_best_paths_in_a_batch_match_each_sentence_alone():
    rng = np.random.default_rng(3)
    sentences = [tuple(f"w{i}" for i in range(n)) for n in (5, 0, 1, 40, 3, 12)]
    tables = [rng.dirichlet(np.ones(len(LABELS)), size=len(s)) for s in sentences]
    together = best_paths(sentences, tables)
    assert [t.words for t in together] == sentences
    for tagged, words, table in zip(together, sentences, tables, strict=True):
        alone = best_path(words, table)
        assert tagged.labels == alone.labels and tagged.confidence == pytest.approx(alone.confidence)
