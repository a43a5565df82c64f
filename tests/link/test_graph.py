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
