"""The CNN tagger: its inputs, its numpy forward pass (packing is exact, files round-trip); its training
is tested in tests/train/ner/test_cnn_train.py."""

from __future__ import annotations

import numpy as np
import pytest

from kabar.analyse.ner.cnn.inputs import COLUMNS, Vocabulary, sentence_values
from kabar.analyse.ner.cnn.network import DIMS, LAYERS, WIDTH, CnnWeights, Folded, Layer, packed, probabilities
from kabar.analyse.ner.features import Lexicon
from kabar.analyse.ner.labels import LABELS

CLUSTERS = {"jakarta": ("3", "17", "240"), "tiba": ("5", "40", "901"), "presiden": ("7", "9", "12")}
LEXICON = Lexicon.from_pairs({"joko widodo": "P", "jakarta": "L", "presiden": "T"})
SENTENCES = [
    "Presiden Joko Widodo tiba di Jakarta .".split(),
    "presiden joko widodo tiba di jakarta".split(),
    "Kim Jong-un bertemu Xi Jinping di Beijing , Tiongkok .".split(),
]


def test_inputs_mark_capitalised_clusters_gazetteer_matches_and_casing():
    cased, lower = (sentence_values(s, CLUSTERS, LEXICON) for s in SENTENCES[:2])
    column = {name: i for i, name in enumerate(COLUMNS)}
    assert cased[5][column["cluster64"]] == "C3" and lower[5][column["cluster64"]] == "3"
    assert cased[1][column["gazetteer"]] == "B:P" and cased[2][column["gazetteer"]] == "I:P"
    assert cased[3][column["casing"]] == "cased" and lower[3][column["casing"]] == "lower"
    assert cased[0][column["casing"]] == "cased^"  # the first word's capital says less
    assert cased[2][column["word"]] == "widodo" and cased[2][column["shape"]] == "Xx"


def test_vocabulary_keeps_frequent_values_and_reads_the_rest_as_unknown():
    rows = [sentence_values(s, CLUSTERS, LEXICON) for s in SENTENCES]
    vocabulary = Vocabulary.build(rows, min_count=2)
    ids = vocabulary.ids(rows[2])
    assert ids.shape == (len(SENTENCES[2]), len(COLUMNS))
    assert ids[0, 0] == 0  # "kim" is seen once: unknown
    assert ids[5, 0] > 0  # "di" is seen three times
    again = Vocabulary.from_lists(vocabulary.lists())
    assert again.tables == vocabulary.tables


def random_weights(vocabulary: Vocabulary, seed: int = 0) -> CnnWeights:
    rng = np.random.default_rng(seed)

    def r(*shape: int) -> np.ndarray:
        return rng.normal(0, 0.3, shape).astype(np.float32)

    layers = tuple(Layer(r(3 * WIDTH, WIDTH), r(WIDTH), 1 + r(WIDTH), r(WIDTH)) for _ in range(LAYERS))
    return CnnWeights(vocabulary, tuple(r(n, d) for n, d in zip(vocabulary.sizes(), DIMS, strict=True)),
                      r(sum(DIMS), WIDTH), r(WIDTH), layers, r(WIDTH, len(LABELS)), r(len(LABELS)))


def test_packed_sentences_are_tagged_as_if_each_were_alone():
    rows = [sentence_values(s, CLUSTERS, LEXICON) for s in SENTENCES]
    vocabulary = Vocabulary.build(rows, min_count=1)
    weights = random_weights(vocabulary)
    ids = [vocabulary.ids(r) for r in rows]
    together = probabilities(Folded.of(weights), ids)
    for alone, batched in zip((probabilities(Folded.of(weights), [i])[0] for i in ids), together, strict=True):
        assert np.allclose(alone, batched, atol=1e-5)
    assert all(np.allclose(p.sum(1), 1.0) for p in together)
    packed_rows, real = packed(ids)
    assert len(packed_rows) == sum(map(len, SENTENCES)) + len(SENTENCES) + 1 and real.sum() == sum(map(len, SENTENCES))


def test_weights_round_trip_through_the_model_file(tmp_path):
    rows = [sentence_values(s, CLUSTERS, LEXICON) for s in SENTENCES]
    vocabulary = Vocabulary.build(rows, min_count=1)
    weights = random_weights(vocabulary)
    weights.save(tmp_path / "cnn.npz")
    again = CnnWeights.load(tmp_path / "cnn.npz")
    ids = [vocabulary.ids(r) for r in rows]
    # embeddings are stored in float16: the probabilities move a little, the answers do not
    for a, b in zip(probabilities(Folded.of(weights), ids), probabilities(Folded.of(again), ids), strict=True):
        assert np.abs(a - b).max() < 0.02 and (a.argmax(1) == b.argmax(1)).all()


def test_the_tagger_caches_word_ids_without_changing_them():
    from kabar.analyse.ner.cnn.tagger import CnnTagger

    rows = [sentence_values(s, CLUSTERS, LEXICON) for s in SENTENCES]
    vocabulary = Vocabulary.build(rows, min_count=1)
    tagger = CnnTagger(random_weights(vocabulary), LEXICON, CLUSTERS)
    for words, values in zip(SENTENCES * 2, rows * 2, strict=True):
        assert (tagger.ids(words) == vocabulary.ids(values)).all()
    labels = tagger.tag(SENTENCES)
    assert [len(x) for x in labels] == [len(s) for s in SENTENCES]
    assert all(not x.startswith("I-") or i > 0 for sentence in labels for i, x in enumerate(sentence))


def test_the_shipped_model_mixes_its_student_with_the_crf():
    from dataclasses import replace

    from kabar.analyse.ner.conll import bio_spans
    from kabar.analyse.ner.model import shipped

    model = shipped()
    if model.student is None:
        pytest.skip("the shipped model folder holds no CNN student")
    sentences = [
        "Presiden Joko Widodo bertemu Kim Jong-un di Pyongyang , Korea Utara , Senin .".split(),
        "Kementerian Luar Negeri Tiongkok menyebut hubungan kedua negara tetap erat .".split(),
        [],
    ]
    batched = model.tag_many(sentences)
    assert batched == [model.tag(words) for words in sentences]
    spans = {(" ".join(sentences[0][a:b]), kind) for a, b, kind in bio_spans(batched[0])}
    assert {("Joko Widodo", "PER"), ("Kim Jong-un", "PER"), ("Pyongyang", "LOC")} <= spans
    # every sentence sure enough: the student alone; never sure: the mixture everywhere
    assert replace(model, student_sure=0.0).tag_many(sentences) == model.student.tag(sentences)
    mixed_everywhere = replace(model, student_sure=1.01).tag_many(sentences)
    assert all(len(labels) == len(words) for labels, words in zip(mixed_everywhere, sentences, strict=True))
