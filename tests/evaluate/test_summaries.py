import pytest

from kabar.evaluate.summaries import lcs_length, rouge


def test_summaries_rouge_identical_and_disjoint():
    assert rouge("Banjir merendam rumah warga", "banjir merendam rumah warga") == pytest.approx((1.0, 1.0, 1.0))
    assert rouge("hujan deras", "banjir besar") == (0.0, 0.0, 0.0)


def test_summaries_rouge_partial_overlap():
    r1, r2, rl = rouge("banjir merendam 300 rumah", "banjir merendam rumah warga")
    assert r1 == pytest.approx(0.75)
    assert r2 == pytest.approx(1 / 3)
    assert rl == pytest.approx(0.75)


def test_summaries_lcs_length():
    assert lcs_length("a b c d".split(), "a c d e".split()) == 3
