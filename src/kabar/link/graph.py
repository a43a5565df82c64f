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

import numpy as np
from scipy import sparse

Edges = dict[tuple[int, int], float]

_CHUNK = 2048


def top_neighbours(matrix: sparse.csr_matrix, k: int, min_sim: float) -> Edges:
    """Pairs (i < j) whose row dot product is among each row's k best and ≥ min_sim."""
    edges: Edges = {}
    n = matrix.shape[0]
    transposed = matrix.T.tocsc()
    for lo in range(0, n, _CHUNK):
        block = (matrix[lo : lo + _CHUNK] @ transposed).tocsr()
        for row in range(block.shape[0]):
            i = lo + row
            start, end = block.indptr[row], block.indptr[row + 1]
            cols, vals = block.indices[start:end], block.data[start:end]
            keep = (vals >= min_sim) & (cols != i)
            cols, vals = cols[keep], vals[keep]
            if len(vals) > k:
                best = np.argpartition(-vals, k)[:k]
                cols, vals = cols[best], vals[best]
            for j, v in zip(cols.tolist(), vals.tolist()):
                edges[(i, j) if i < j else (j, i)] = v
    return edges


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
    sums = [row for row in (indicator @ matrix).tocsr()]
    sizes = [len(g) for g in groups]
    links: list[set[int]] = [set() for _ in groups]
    for i, j in edges:
        a, b = owner[i], owner[j]
        if a != b:
            links[a].add(b)
            links[b].add(a)
    alive = [True] * len(groups)

    def average(a: int, others: list[int]) -> list[float]:
        if not others:
            return []
        stacked = sparse.vstack([sums[x] for x in others])
        dots = (stacked @ sums[a].T).toarray().ravel()
        return [d / (sizes[a] * sizes[x]) for d, x in zip(dots.tolist(), others)]

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
        sums.append(sums[a] + sums[b])
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
