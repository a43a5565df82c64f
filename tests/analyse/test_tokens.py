from __future__ import annotations

import pytest

from kabar.analyse.tokens import sentence_spans, sentences, tokenize


@pytest.mark.parametrize(
    "word",
    ["Jong-un", "K-pop", "Covid-19", "23/03/2021", "Kompas.com", "TRIBUNNEWS.COM", "detik.com", "11.45", "A.S."],
)
def test_tokens_keep_news_words_whole(word):
    text = f"Kata {word} tetap utuh."
    assert word in [t.text for t in tokenize(text)]


def test_tokens_offsets_point_into_text():
    text = "PYONGYANG, KOMPAS.com - Kim Jong-un bertemu Xi pada Senin (22/3/2021)."
    for token in tokenize(text):
        assert text[token.start : token.end] == token.text


def test_sentences_split_on_stops_not_abbreviations():
    text = 'Ia bertemu Dr. Budi di Jakarta. "Kami siap," kata Kim. Apa kabar?'
    assert sentences(text) == ["Ia bertemu Dr. Budi di Jakarta.", '"Kami siap," kata Kim.', "Apa kabar?"]


def test_sentences_newline_always_ends_a_sentence():
    text = "Paragraf pertama tanpa titik\nParagraf kedua."
    spans = sentence_spans(text)
    assert [text[s:e] for s, e in spans] == ["Paragraf pertama tanpa titik", "Paragraf kedua."]
