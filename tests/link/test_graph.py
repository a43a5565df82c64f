import numpy as np
from scipy import sparse

from kabar.link.graph import average_linkage, centroid_linkage, top_neighbours


def _unit_rows(rows):
    m = np.array(rows, dtype=float)
    return sparse.csr_matrix(m / np.linalg.norm(m, axis=1, keepdims=True))


def test_graph_top_neighbours_keeps_only_close_pairs():
    matrix = _unit_rows([[1, 0, 0], [0.9, 0.1, 0], [0, 0, 1]])
    edges = top_neighbours(matrix, k=5, min_sim=0.5)
    assert set(edges) == {(0, 1)}


def test_graph_average_linkage_stops_at_threshold():
    edges = {(0, 1): 0.9, (1, 2): 0.2, (2, 3): 0.8}
    assert average_linkage(4, edges, 0.5) == [[0, 1], [2, 3]]


def test_graph_average_linkage_keeps_initial_groups_whole():
    edges = {(0, 2): 0.9, (1, 2): 0.9}
    groups = average_linkage(3, edges, 0.5, init=[[0, 1], [2]])
    assert groups == [[0, 1, 2]]


def test_graph_centroid_linkage_is_exact_average():
    matrix = _unit_rows([[1, 0], [1, 0.1], [0, 1], [0.1, 1]])
    edges = top_neighbours(matrix, k=3, min_sim=0.0)
    assert sorted(centroid_linkage(matrix, edges, 0.6)) == [[0, 1], [2, 3]]
    assert sorted(centroid_linkage(matrix, edges, 0.05)) == [[0, 1, 2, 3]]


def test_graph_top_neighbours_within_a_window_of_days():
    # three identical rows: days 0, 3 and 30, and one undated
    matrix = sparse.csr_matrix(np.ones((4, 3), dtype=np.float32) / np.sqrt(3))
    edges = top_neighbours(matrix, k=5, min_sim=0.5, days=[0, 3, 30, None], window=7)
    assert (0, 1) in edges and (0, 2) not in edges and (1, 2) not in edges
    assert {(0, 3), (1, 3), (2, 3)} <= set(edges)  # an undated row meets every row


def test_graph_top_neighbours_days_unknown_everywhere_is_the_global_search():
    rng = np.random.default_rng(0)
    matrix = sparse.csr_matrix(rng.random((30, 8)).astype(np.float32))
    assert top_neighbours(matrix, 4, 0.1, days=[None] * 30, window=3) == top_neighbours(matrix, 4, 0.1)


def test_graph_top_neighbours_a_window_wider_than_the_corpus_changes_nothing():
    rng = np.random.default_rng(1)
    matrix = sparse.csr_matrix(rng.random((40, 8)).astype(np.float32))
    days = [int(d) for d in rng.integers(0, 10, 40)]
    days[5] = None
    assert top_neighbours(matrix, 4, 0.1, days=days, window=100) == top_neighbours(matrix, 4, 0.1)
