import pytest

from kabar.evaluate.clustering_metrics import bcubed, pairwise


def test_cluster_metrics_perfect_and_singletons():
    gold = {"a": "x", "b": "x", "c": "y"}
    assert bcubed(gold, gold).f1 == pytest.approx(1.0)
    assert pairwise(gold, gold).f1 == pytest.approx(1.0)
    singles = {"a": "1", "b": "2", "c": "3"}
    assert bcubed(singles, gold).precision == pytest.approx(1.0)
    assert bcubed(singles, gold).recall == pytest.approx((0.5 + 0.5 + 1) / 3)
    assert pairwise(singles, gold).f1 == 0.0


def test_cluster_metrics_all_in_one():
    gold = {"a": "x", "b": "x", "c": "y", "d": "y"}
    one = {k: "s" for k in gold}
    assert bcubed(one, gold).recall == pytest.approx(1.0)
    assert bcubed(one, gold).precision == pytest.approx(0.5)
    assert pairwise(one, gold).precision == pytest.approx(2 / 6)
