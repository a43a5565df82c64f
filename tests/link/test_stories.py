from dataclasses import replace

import numpy as np
import pytest
from scipy import sparse

from kabar.link.features import article_features
from kabar.link.stories import StoryConfig, _attach_by_topic, story_topics
from kabar.records import AnalysedArticle, Mention

from tests.link.conftest import make

_OIL = [
    "Harga Minyak Dunia Kembali Turun ke 70 Dollar AS",
    "Harga Minyak Mentah Sentuh Level Terendah Empat Tahun",
    "OPEC Pertahankan Produksi, Harga Minyak Melorot",
    "Harga Minyak Dunia Terus Turun, Pemerintah Kaji Harga Premium",
]
# Other news of the corpus: a topic word is one the story's headlines repeat more than the rest do.
_OTHER = [
    "Banjir Rendam Ratusan Rumah di Bekasi",
    "Persib Kalahkan Persija di Bandung",
    "Gempa Guncang Sulawesi Tengah",
    "Menteri Kesehatan Luncurkan Program Vaksinasi",
]
_BODY = ["Harga minyak mentah dunia turun pada perdagangan Senin karena pasokan berlimpah."]


def _with_name(analysed: AnalysedArticle, name: str) -> AnalysedArticle:
    start = analysed.article.text.index(name)
    mention = Mention(analysed.article.id, start, start + len(name), name, "PER", "id-" + name.lower())
    return replace(analysed, mentions=(mention,))


def _features(titles: list[str]) -> list:
    return [article_features(make(f"a{i}", t, _BODY)) for i, t in enumerate(titles)]


def test_stories_topic_words_are_repeated_headline_words():
    features = _features(_OIL + _OTHER)
    topics = story_topics(features, _GROUPS[:-1], StoryConfig())
    assert topics[0] >= {"harga", "minyak"}
    assert set(topics) == {0}  # the others are too small to have topic words


def test_stories_names_are_not_topic_words():
    titles = ["Prabowo Tiba di Jeddah", "Prabowo Bertemu Pangeran", "Prabowo Umrah", "Prabowo Pulang"]
    body = ["Presiden Prabowo Subianto tiba di Jeddah, Arab Saudi, pada Senin malam."]
    features = [article_features(_with_name(make(f"p{i}", t, body), "Prabowo")) for i, t in enumerate(titles)]
    assert "prabowo" not in story_topics(features, [[0, 1, 2, 3]], StoryConfig()).get(0, set())


_N = len(_OIL) + len(_OTHER) + 1
_GROUPS = [[0, 1, 2, 3], [4], [5], [6], [7], [8]]


@pytest.mark.parametrize(
    ("title", "joins"),
    [
        ("Harga Minyak Anjlok, Arab Saudi Defisit Besar", True),  # repeats the story's topic words
        ("Menteri Keuangan Resmikan Gedung Baru", False),  # close in text, but another topic
    ],
)
def test_stories_straggler_joins_by_topic_words(title, joins):
    features = _features(_OIL + _OTHER + [title])
    matrix = sparse.csr_matrix(np.ones((_N, 1), dtype=np.float32))  # every pair equally close
    edges = {(i, 8): 1.0 for i in range(4)}
    groups = _attach_by_topic(features, matrix, edges, _GROUPS, StoryConfig())
    assert ([0, 1, 2, 3, 8] in groups) is joins


def test_stories_straggler_too_far_stays_apart():
    features = _features(_OIL + _OTHER + ["Harga Minyak Anjlok, Arab Saudi Defisit Besar"])
    matrix = sparse.csr_matrix(np.eye(_N, dtype=np.float32))  # no similarity at all
    edges = {(i, 8): 0.0 for i in range(4)}
    assert _attach_by_topic(features, matrix, edges, _GROUPS, StoryConfig()) == _GROUPS
