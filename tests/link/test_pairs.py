import numpy as np

from kabar.link.features import article_features
from kabar.link.pair_model import fit_pair_model, group_by_probability
from kabar.link.pairs import PAIR_FEATURES, entity_idf, pair_table, weighted_jaccard, word_shingles
from kabar.link.vectors import tfidf_vectors


def _table(corpus, pairs):
    features = [article_features(a) for a in corpus]
    sketches = [word_shingles(a.article.text) for a in corpus]
    return pair_table(features, tfidf_vectors(features), pairs, entity_idf(features), sketches)


def _column(table, name):
    return table.values[:, PAIR_FEATURES.index(name)]


def test_pairs_two_reports_of_one_flood_closer_than_flood_and_football(corpus):
    table = _table(corpus, [(0, 1), (0, 3)])
    same, other = table.values
    for name in ("body", "head"):
        assert same[PAIR_FEATURES.index(name)] > other[PAIR_FEATURES.index(name)]


def test_pairs_days_apart_and_outlets(corpus):
    table = _table(corpus, [(0, 1), (0, 2)])
    gap = _column(table, "published_gap")
    assert gap[0] == 0.0 and gap[1] > 1.0  # 3 March and 6 March
    assert _column(table, "same_outlet").tolist() == [0.0, 0.0]


def test_pairs_reused_passage_found(corpus):
    shared = "merendam 300 rumah warga di Kecamatan Tambun"
    assert word_shingles(shared) & word_shingles(corpus[0].article.text)
    table = _table(corpus, [(0, 1), (0, 3)])
    assert _column(table, "reuse")[0] > 0 and _column(table, "reuse")[1] == 0


def test_weighted_jaccard_rare_entity_counts_more():
    idf = {"kpk": 0.1, "tersangka-a": 3.0, "tersangka-b": 3.0}
    case_a, case_b = frozenset({"kpk", "tersangka-a"}), frozenset({"kpk", "tersangka-b"})
    assert weighted_jaccard(case_a, case_b, idf) < 0.05
    assert weighted_jaccard(case_a, frozenset({"tersangka-a"}), idf) > 0.9


def test_pair_model_learns_lexical_closeness_and_groups(corpus):
    pairs = [(0, 1), (0, 2), (0, 3), (1, 2), (1, 3), (2, 3)]
    table = _table(corpus, pairs)
    labels = np.array([p == (0, 1) for p in table.pairs])
    model = fit_pair_model([table], [labels], features=("body", "head"))
    probabilities = model.probabilities(table)
    assert probabilities[0] == probabilities.max()
    groups = group_by_probability(len(corpus), table, probabilities, threshold=float(probabilities[1:].max()) + 1e-6)
    assert [0, 1] in groups and [3] in groups
