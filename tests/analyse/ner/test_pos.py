from __future__ import annotations

import gzip

import pytest

from kabar.analyse.ner import pos
from kabar.analyse.ner.features import sentence_features


def test_pos_reads_tagged_corpus(tmp_path):
    path = tmp_path / "c.txt.gz"
    path.write_bytes(gzip.compress("Jokowi\tNNP\ntiba\tVB\n\nHujan\tNN\nturun\tvb\n".encode()))
    assert pos.read_tagged(path) == [(["Jokowi", "tiba"], ["NNP", "VB"]), (["Hujan", "turun"], ["NN", "VB"])]


def test_pos_vendored_corpus_is_there_with_its_licence():
    assert (pos.package_dir() / "LICENSE.nlp-id.txt").read_text().startswith("The MIT License")
    first_words, first_tags = pos.read_tagged()[0]
    assert len(first_words) == len(first_tags) > 3


@pytest.fixture(scope="module")
def small_tagger(tmp_path_factory):
    """A tagger trained on 3,000 sentences of the vendored corpus (about 2 s): the shipped NER model
    does not use POS tags (they did not raise its dev F1), so no POS model ships."""
    sentences = pos.read_tagged()
    directory = tmp_path_factory.mktemp("pos")
    pos.train(sentences[:3000], directory / pos.MODEL_FILE, iterations=5)
    return pos.load(directory), sentences[-1000:]


def test_pos_tagger_is_accurate_on_held_out_sentences(small_tagger):
    tagger, held_out = small_tagger
    assert pos.accuracy(tagger, held_out) > 0.93


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("Presiden Joko Widodo meresmikan jembatan baru di Kupang .".split(), {2: "NNP", 3: "VB", 4: "NN", 6: "IN", 7: "NNP", 8: "SYM"}),
        ("polisi menangkap dua tersangka di surabaya kemarin".split(), {1: "VB", 2: "NUM", 4: "IN"}),
    ],
)
def test_pos_tagger_tags_news_sentences(small_tagger, words, expected):
    tags = small_tagger[0].tag(words)
    assert len(tags) == len(words)
    assert {i: tags[i] for i in expected} == expected


def test_pos_tags_become_ner_features_of_word_and_neighbours():
    feats = sentence_features(["Kementerian", "Luar", "Negeri"], pos=["NNP", "NNP", "NNP"])
    assert {"t=NNP", "-1t=BOS", "+1t=NNP"} <= set(feats[0])
    assert "+1t=EOS" in feats[2]


def test_pos_empty_sentence_gives_no_tags(small_tagger):
    assert small_tagger[0].tag([]) == []
