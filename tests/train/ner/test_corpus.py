"""The unlabelled training text: the vendored nlp-id corpus travels with its licence and reads as sentences."""

from __future__ import annotations

import gzip

from kabar_train.ner.corpus import NLP_ID_CORPUS, read_tagged, unlabelled_sentences


def test_corpus_reads_a_tagged_file_as_sentences(tmp_path):
    path = tmp_path / "c.txt.gz"
    path.write_bytes(gzip.compress("Jokowi\tNNP\ntiba\tVB\n\nHujan\tNN\nturun\tvb\n".encode()))
    assert read_tagged(path) == [(["Jokowi", "tiba"], ["NNP", "VB"]), (["Hujan", "turun"], ["NN", "VB"])]


def test_corpus_vendored_nlp_id_text_is_there_with_its_licence():
    assert (NLP_ID_CORPUS.parent / "LICENSE.nlp-id.txt").read_text(encoding="utf-8").startswith("The MIT License")
    first_words, first_tags = read_tagged()[0]
    assert len(first_words) == len(first_tags) > 3


def test_corpus_unlabelled_text_without_a_data_folder_is_the_vendored_corpus(tmp_path):
    sentences = unlabelled_sentences(tmp_path)  # no stories-multi, no IndoSum there
    assert next(sentences) == read_tagged()[0][0]
