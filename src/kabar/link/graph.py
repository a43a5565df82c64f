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
from collections.abc import Callable, Iterable, Iterator, Sequence
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


def blocking_columns(df: np.ndarray, n: int) -> np.ndarray | None:
    """The columns candidates are found on, given the corpus's document frequencies and size:
    None (all) on small corpora, the rare terms on large ones."""
    if n < _CAP_FROM:
        return None
    return np.flatnonzero(df <= BLOCKING_DF_CAP)


def blocking_view(matrix: sparse.csr_matrix) -> sparse.csr_matrix:
    """The columns used to find candidates: all on small corpora, rare terms on large ones."""
    keep = blocking_columns(np.bincount(matrix.indices, minlength=matrix.shape[1]), matrix.shape[0])
    return matrix if keep is None else matrix[:, keep].tocsr()


def blocking_min_sim(min_sim: float, keep: np.ndarray | None) -> float:
    """The candidate floor on the blocking view: rare terms carry only part of each row's weight."""
    return min_sim if keep is None else min_sim / 4


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
        return neighbours(view, everyone, [(view, everyone)], k, min_sim)
    plan = DayPlan.of(days, window)
    undated = plan.undated
    edges = neighbours(view[undated], undated, [(view, everyone)], k, min_sim) if len(undated) else {}
    by_day = view[plan.order]  # rows in day order: a window of days is a contiguous slice
    for lo, hi, first, last in plan.chunks():
        right, right_ids = by_day[first:last], plan.order[first:last]
        if len(undated):
            right, right_ids = sparse.vstack([right, view[undated]]).tocsr(), np.concatenate([right_ids, undated])
        found = neighbours(by_day[lo:hi], plan.order[lo:hi], [(right, right_ids)], k, min_sim, plan.gaps)
        for pair, v in found.items():
            edges[pair] = max(v, edges.get(pair, 0.0))
    return edges


@dataclass(frozen=True, slots=True)
class _DayGaps:
    days: np.ndarray  # a day number per row, NaN when unknown
    window: int

    def near(self, i: int, others: np.ndarray) -> np.ndarray:
        gap = np.abs(self.days[others] - self.days[i])
        return np.isnan(gap) | (gap <= self.window)


@dataclass(frozen=True, slots=True)
class DayPlan:
    """Dated rows in day order, cut into chunks; each chunk is compared with the contiguous
    slice of rows dated within `window` days of it (and with every undated row)."""

    order: np.ndarray  # dated row ids by day (stable)
    day_of: np.ndarray  # their day numbers
    undated: np.ndarray
    gaps: _DayGaps
    chunk: int = _CHUNK  # rows a chunk (the pairs found do not depend on it)

    @classmethod
    def of(cls, days: Sequence[int | None], window: int, chunk: int = _CHUNK) -> DayPlan:
        dated = [i for i, d in enumerate(days) if d is not None]
        order = np.array(sorted(dated, key=lambda i: days[i]), dtype=np.int64)
        return cls(
            order=order,
            day_of=np.array([days[i] for i in order], dtype=np.int64),
            undated=np.array([i for i, d in enumerate(days) if d is None], dtype=np.int64),
            gaps=_DayGaps(np.array([np.nan if d is None else float(d) for d in days]), window),
            chunk=chunk,
        )

    def chunks(self) -> Iterator[tuple[int, int, int, int]]:
        """(lo, hi, first, last): the chunk order[lo:hi] and the slice order[first:last] it meets."""
        window = self.gaps.window
        for lo in range(0, len(self.order), self.chunk):
            hi = min(lo + self.chunk, len(self.order))
            first = int(np.searchsorted(self.day_of, self.day_of[lo] - window, side="left"))
            last = int(np.searchsorted(self.day_of, self.day_of[hi - 1] + window, side="right"))
            yield lo, hi, first, last


def neighbours(
    left: sparse.csr_matrix,
    left_ids: np.ndarray,
    right_blocks: Iterable[tuple[sparse.csr_matrix, np.ndarray]],
    k: int,
    min_sim: float,
    gaps: _DayGaps | None = None,
) -> Edges:
    """Each left row's k best right rows (ids map rows to articles), by chunked sparse products.

    The right rows may come in several blocks; ties at the k-th place go to the lower id, so the
    pairs do not depend on how the rows were cut (a corpus read a part at a time finds the same).
    """
    edges: Edges = {}
    blocks = [(right.T.tocsr(), ids) for right, ids in right_blocks]  # CSR of the transpose: no conversion per chunk
    for lo in range(0, left.shape[0], _CHUNK):
        chunk = left[lo : lo + _CHUNK]
        found = [candidates(chunk, transposed, ids) for transposed, ids in blocks]
        for row in range(chunk.shape[0]):
            keep_best(edges, int(left_ids[lo + row]), [f[row] for f in found], k, min_sim, gaps)
    return edges


Candidates = tuple[np.ndarray, np.ndarray]  # right ids and dot products of one left row


def candidates(chunk: sparse.csr_matrix, transposed: sparse.csr_matrix, right_ids: np.ndarray) -> list[Candidates]:
    """Per row of `chunk`, the right rows it shares a column with (`transposed` is right.T in CSR)."""
    block = (chunk @ transposed).tocsr()
    return [
        (right_ids[block.indices[block.indptr[r] : block.indptr[r + 1]]], block.data[block.indptr[r] : block.indptr[r + 1]])
        for r in range(block.shape[0])
    ]


def keep_best(edges: Edges, i: int, parts: Sequence[Candidates], k: int, min_sim: float, gaps: _DayGaps | None = None) -> None:
    """Row i's k best candidates (over all its parts) at or above min_sim, into `edges`."""
    cols = np.concatenate([c for c, _ in parts]) if len(parts) != 1 else parts[0][0]
    vals = np.concatenate([v for _, v in parts]) if len(parts) != 1 else parts[0][1]
    keep = (vals >= min_sim) & (cols != i)
    if gaps is not None:
        keep &= gaps.near(i, cols)
    cols, vals = cols[keep], vals[keep]
    if len(vals) > k:
        best = np.lexsort((cols, -vals))[:k]
        cols, vals = cols[best], vals[best]
    for j, v in zip(cols.tolist(), vals.tolist()):
        edges[(i, j) if i < j else (j, i)] = v


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
