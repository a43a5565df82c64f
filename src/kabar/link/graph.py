"""Blocking and clustering over a sparse similarity graph.

Blocking: only pairs that share weighted terms are ever scored. A chunked
sparse product of L2-normalised TF-IDF rows walks the inverted index (terms in
common), so its cost grows with the co-occurrence of rare terms, not with n²;
each row keeps its `k` best neighbours above `min_sim`.

Clustering: average linkage on that graph (a pair missing from the graph
counts as similarity 0), merging the most similar pair of clusters until the
best average falls below the threshold. Cluster-pair sums are kept in dicts,
so a merge costs the size of the two neighbourhoods.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

import numpy as np
from scipy import sparse

Edges = dict[tuple[int, int], float]

_CHUNK = 2048
_PAIRS_PER_SLICE = 10_000


# On large corpora, candidates come only from terms at most this many articles share:
# the search costs the sum of squared document frequencies, so frequent terms are
# left to the exact re-scoring of the pairs they find, not to the search itself.
BLOCKING_DF_CAP = 64
_CAP_FROM = 4096


def blocking_view(matrix: sparse.csr_matrix) -> sparse.csr_matrix:
    """The columns used to find candidates: all on small corpora, rare terms on large ones."""
    if matrix.shape[0] < _CAP_FROM:
        return matrix
    df = np.bincount(matrix.indices, minlength=matrix.shape[1])
    keep = np.flatnonzero(df <= BLOCKING_DF_CAP)
    return matrix[:, keep].tocsr()


def top_neighbours(
    matrix: sparse.csr_matrix, k: int, min_sim: float, days: Sequence[int | None] | None = None, window: int = 0
) -> Edges:
    """Pairs (i < j) whose row dot product is among each row's k best and ≥ min_sim.

    With `days` (a day number per row, None when unknown), a dated row is compared only with
    the rows dated at most `window` days from it, and with the undated ones: rows are taken in
    day order, so each chunk meets one slice of the corpus and the cost grows with the
    corpus, not with its square. On large corpora the dot products are those of
    `blocking_view` (rare terms), so they are lower bounds used for ranking; callers re-score
    pairs exactly.
    """
    view = blocking_view(matrix)
    if view is not matrix:
        min_sim = min_sim / 4  # rare terms carry only part of each row's weight
    everyone = np.arange(view.shape[0])
    dated = [] if days is None else [i for i, d in enumerate(days) if d is not None]
    if not dated:
        return _neighbours(view, everyone, view, everyone, k, min_sim)
    undated = np.array([i for i, d in enumerate(days) if d is None], dtype=np.int64)
    order = np.array(sorted(dated, key=lambda i: days[i]), dtype=np.int64)
    day_of = np.array([days[i] for i in order], dtype=np.int64)
    gaps = _DayGaps(np.array([np.nan if d is None else float(d) for d in days]), window)
    edges = _neighbours(view[undated], undated, view, everyone, k, min_sim) if len(undated) else {}
    by_day = view[order]  # rows in day order: a window of days is a contiguous slice
    for lo in range(0, len(order), _CHUNK):
        hi = min(lo + _CHUNK, len(order))
        first = int(np.searchsorted(day_of, day_of[lo] - window, side="left"))
        last = int(np.searchsorted(day_of, day_of[hi - 1] + window, side="right"))
        right, right_ids = by_day[first:last], order[first:last]
        if len(undated):
            right, right_ids = sparse.vstack([right, view[undated]]).tocsr(), np.concatenate([right_ids, undated])
        for pair, v in _neighbours(by_day[lo:hi], order[lo:hi], right, right_ids, k, min_sim, gaps).items():
            edges[pair] = max(v, edges.get(pair, 0.0))
    return edges


@dataclass(frozen=True, slots=True)
class _DayGaps:
    days: np.ndarray  # a day number per row, NaN when unknown
    window: int

    def near(self, i: int, others: np.ndarray) -> np.ndarray:
        gap = np.abs(self.days[others] - self.days[i])
        return np.isnan(gap) | (gap <= self.window)


def _neighbours(
    left: sparse.csr_matrix,
    left_ids: np.ndarray,
    right: sparse.csr_matrix,
    right_ids: np.ndarray,
    k: int,
    min_sim: float,
    gaps: _DayGaps | None = None,
) -> Edges:
    """Each left row's k best right rows (ids map rows to articles), by chunked sparse products."""
    edges: Edges = {}
    transposed = right.T.tocsr()  # CSR of the transpose: no conversion per chunk
    for lo in range(0, left.shape[0], _CHUNK):
        block = (left[lo : lo + _CHUNK] @ transposed).tocsr()
        for row in range(block.shape[0]):
            i = int(left_ids[lo + row])
            start, end = block.indptr[row], block.indptr[row + 1]
            cols, vals = right_ids[block.indices[start:end]], block.data[start:end]
            keep = (vals >= min_sim) & (cols != i)
            if gaps is not None:
                keep &= gaps.near(i, cols)
            cols, vals = cols[keep], vals[keep]
            if len(vals) > k:
                best = np.argpartition(-vals, k)[:k]
                cols, vals = cols[best], vals[best]
            for j, v in zip(cols.tolist(), vals.tolist()):
                edges[(i, j) if i < j else (j, i)] = v
    return edges


def row_dots(matrix: sparse.csr_matrix, rows: Sequence[int], cols: Sequence[int]) -> list[float]:
    """Dot products of the row pairs (rows[k], cols[k]), a slice of pairs at a time: gathering
    the rows of millions of pairs at once would copy the matrix many times over."""
    out: list[float] = []
    for lo in range(0, len(rows), _PAIRS_PER_SLICE):
        left = matrix[list(rows[lo : lo + _PAIRS_PER_SLICE])]
        right = matrix[list(cols[lo : lo + _PAIRS_PER_SLICE])]
        out += left.multiply(right).sum(axis=1).A1.tolist()
    return out


def exact_edges(matrix: sparse.csr_matrix, pairs: Iterable[tuple[int, int]], min_sim: float) -> Edges:
    """The pairs' exact dot products, keeping those ≥ min_sim."""
    ordered = sorted(pairs)
    rows, cols = [p[0] for p in ordered], [p[1] for p in ordered]
    return {p: s for p, s in zip(ordered, row_dots(matrix, rows, cols)) if s >= min_sim}


def average_linkage(
    n: int,
    edges: Edges,
    threshold: float,
    init: Sequence[Sequence[int]] | None = None,
) -> list[list[int]]:
    """Clusters of 0..n-1 by average linkage over `edges`, stopping below `threshold`.

    `init` is a starting partition (for stories: the events), kept whole.
    """
    groups = [list(g) for g in init] if init is not None else [[i] for i in range(n)]
    owner = {i: c for c, g in enumerate(groups) for i in g}
    sums: list[dict[int, float]] = [{} for _ in groups]
    for (i, j), sim in edges.items():
        a, b = owner[i], owner[j]
        if a != b:
            sums[a][b] = sums[a].get(b, 0.0) + sim
            sums[b][a] = sums[b].get(a, 0.0) + sim
    sizes = [len(g) for g in groups]
    alive = [True] * len(groups)
    heap = [(-s / (sizes[a] * sizes[b]), a, b) for a in range(len(groups)) for b, s in sums[a].items() if a < b]
    heapq.heapify(heap)
    while heap:
        negative, a, b = heapq.heappop(heap)
        if -negative < threshold:
            break
        if not (alive[a] and alive[b]) or abs(sums[a].get(b, 0.0) / (sizes[a] * sizes[b]) + negative) > 1e-12:
            continue  # stale entry
        # merge b into a new cluster c
        c = len(groups)
        groups.append(groups[a] + groups[b])
        sizes.append(sizes[a] + sizes[b])
        alive[a] = alive[b] = False
        alive.append(True)
        merged: dict[int, float] = {}
        for old in (a, b):
            for x, s in sums[old].items():
                if x in (a, b) or not alive[x]:
                    continue
                merged[x] = merged.get(x, 0.0) + s
                del sums[x][old]
        for x, s in merged.items():
            sums[x][c] = s
            heapq.heappush(heap, (-s / (sizes[c] * sizes[x]), min(x, c), max(x, c)))
        sums.append(merged)
        sums[a], sums[b] = {}, {}
        groups[a], groups[b] = [], []
    return [sorted(g) for g, live in zip(groups, alive) if live and g]


def rescore(edges: Iterable[tuple[int, int]], score: Callable[[int, int], float], min_sim: float) -> Edges:
    """The candidate pairs scored by `score`, keeping those ≥ min_sim."""
    out: Edges = {}
    for i, j in edges:
        s = score(i, j)
        if s >= min_sim:
            out[(i, j)] = s
    return out


def _dot(a: sparse.csr_matrix, b: sparse.csr_matrix) -> float:
    _, ia, ib = np.intersect1d(a.indices, b.indices, assume_unique=True, return_indices=True)
    return float(np.dot(a.data[ia], b.data[ib]))


def centroid_linkage(
    matrix: sparse.csr_matrix,
    edges: Iterable[tuple[int, int]],
    threshold: float,
    init: Sequence[Sequence[int]] | None = None,
) -> list[list[int]]:
    """Exact average linkage for dot-product similarity, on the candidate graph.

    With unit rows, the average pairwise dot product of clusters A and B is
    sum(A)·sum(B) / (|A||B|), so each cluster keeps only its sum vector; only
    clusters joined by a candidate edge are ever compared.
    """
    n = matrix.shape[0]
    groups = [list(g) for g in init] if init is not None else [[i] for i in range(n)]
    owner = {i: c for c, g in enumerate(groups) for i in g}
    indicator = sparse.csr_matrix(
        (np.ones(n, dtype=np.float32), ([owner[i] for i in range(n)], list(range(n)))), shape=(len(groups), n)
    )
    summed = (indicator @ matrix).tocsr()
    summed.sum_duplicates()
    sums = [summed[c] for c in range(len(groups))]
    sizes = [len(g) for g in groups]
    links: list[set[int]] = [set() for _ in groups]
    for i, j in edges:
        a, b = owner[i], owner[j]
        if a != b:
            links[a].add(b)
            links[b].add(a)
    alive = [True] * len(groups)

    def average(a: int, others: list[int]) -> list[float]:
        # sparse-row dot products by index intersection: independent of the column count
        return [_dot(sums[a], sums[x]) / (sizes[a] * sizes[x]) for x in others]

    heap: list[tuple[float, int, int]] = []
    for a in range(len(groups)):
        others = [b for b in links[a] if b > a]
        heap.extend((-s, a, b) for s, b in zip(average(a, others), others))
    heapq.heapify(heap)
    while heap:
        negative, a, b = heapq.heappop(heap)
        if -negative < threshold:
            break
        if not (alive[a] and alive[b]):
            continue
        c = len(groups)
        groups.append(groups[a] + groups[b])
        sizes.append(sizes[a] + sizes[b])
        merged_sum = (sums[a] + sums[b]).tocsr()
        merged_sum.sum_duplicates()
        sums.append(merged_sum)
        alive[a] = alive[b] = False
        alive.append(True)
        neighbours = (links[a] | links[b]) - {a, b}
        neighbours = {x for x in neighbours if alive[x]}
        links.append(neighbours)
        for x in neighbours:
            links[x].discard(a)
            links[x].discard(b)
            links[x].add(c)
        others = sorted(neighbours)
        for s, x in zip(average(c, others), others):
            heapq.heappush(heap, (-s, min(x, c), max(x, c)))
        groups[a], groups[b], sums[a], sums[b] = [], [], None, None
        links[a], links[b] = set(), set()
    return [sorted(g) for g, live in zip(groups, alive) if live and g]
