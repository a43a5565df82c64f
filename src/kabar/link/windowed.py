"""Events and stories of a corpus read in pages, holding a window of days, not the corpus.

The in-process linker (`link.events`, `link.stories`) holds every article's term lists and
TF-IDF rows at once. Here the corpus is read once, page by page: each article's features
lose their term lists after they are hashed, the hashed counts go to disk (`link.spill`) and
only the document frequencies stay. Then the event stage walks the articles in day order, as
the in-process blocking does (`graph.DayPlan`), with in memory only the rows of the days a
chunk meets; candidate pairs are scored as soon as both rows are there, and a group of
articles joined by pairs at or above the event threshold is clustered and let go once no later
article can reach it. TF-IDF rows depend only on themselves and the corpus's idf, ties among
neighbours go to the lower id, and average linkage never merges across pairs below its
threshold, so the groups equal the in-process ones (tests/link/test_windowed.py).

Stories have no date gate (a story runs for years), so their stage still takes every article's
story row at once (one matrix, not three, and no term lists); bounding it too is not done.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np
from scipy import sparse

from kabar.link.events import EventConfig, article_days, pair_scores
from kabar.link.features import ArticleFeatures, article_features
from kabar.link.graph import (
    Candidates,
    DayPlan,
    Edges,
    average_linkage,
    blocking_columns,
    blocking_min_sim,
    candidates,
    keep_best,
    neighbours,
)
from kabar.link.spill import RowSpill
from kabar.link.stories import StoryConfig, cluster_story_matrix, story_matrix
from kabar.link.vectors import Idf, Vectors, body_rows, document_frequencies, entity_rows, head_rows, term_counts
from kabar.records import AnalysedArticle

# Rows read back at once when a stage needs the whole corpus in turn (undated articles, stories).
_BLOCK = 20_000


@dataclass
class SpilledCorpus:
    """A corpus after one reading: slim features in memory, hashed counts on disk."""

    features: list[ArticleFeatures]  # without term lists
    body: RowSpill
    head: RowSpill
    entities: RowSpill
    body_df: np.ndarray
    head_df: np.ndarray
    entity_df: np.ndarray

    @property
    def n(self) -> int:
        return len(self.features)

    def idf(self) -> Idf:
        return Idf.of(self.n, self.body_df, self.entity_df)


def spill_corpus(pages: Iterable[Sequence[AnalysedArticle]], directory: Path) -> SpilledCorpus:
    """Read the pages once: features, counts to disk, document frequencies summed."""
    corpus: SpilledCorpus | None = None
    for page in pages:
        features = [article_features(a) for a in page]
        counts = term_counts(features)
        if corpus is None:
            width, entity_width = counts.body.shape[1], counts.entities.shape[1]
            corpus = SpilledCorpus(
                [], RowSpill(directory, "body", width), RowSpill(directory, "head", width),
                RowSpill(directory, "entities", entity_width),
                np.zeros(width, np.int64), np.zeros(width, np.int64), np.zeros(entity_width, np.int64),
            )
        corpus.body.append(counts.body)
        corpus.head.append(counts.head)
        corpus.entities.append(counts.entities)
        corpus.body_df += document_frequencies(counts.body)
        corpus.head_df += document_frequencies(counts.head)
        corpus.entity_df += document_frequencies(counts.entities)
        # the term lists are by far the largest part of the features, and are in the counts now
        corpus.features += [replace(f, stems=(), head_stems=(), title_stems=()) for f in features]
    if corpus is None:
        raise ValueError("no articles to link")
    for spill in (corpus.body, corpus.head, corpus.entities):
        spill.close()
    return corpus


@dataclass(frozen=True, slots=True)
class _Rows:
    """Weighted event rows of some articles, with their blocking views."""

    ids: np.ndarray
    body: sparse.csr_matrix
    head: sparse.csr_matrix
    body_view: sparse.csr_matrix
    head_view: sparse.csr_matrix

    def slice(self, lo: int, hi: int) -> _Rows:
        return _Rows(self.ids[lo:hi], self.body[lo:hi], self.head[lo:hi], self.body_view[lo:hi], self.head_view[lo:hi])

    def then(self, other: _Rows) -> _Rows:
        stack = lambda a, b: sparse.vstack([a, b]).tocsr()  # noqa: E731
        return _Rows(np.concatenate([self.ids, other.ids]), stack(self.body, other.body), stack(self.head, other.head),
                     stack(self.body_view, other.body_view), stack(self.head_view, other.head_view))


@dataclass(frozen=True, slots=True)
class _EventRows:
    corpus: SpilledCorpus
    idf: Idf
    body_mask: np.ndarray | None  # the blocking columns (None: all)
    head_mask: np.ndarray | None

    def read(self, ids: np.ndarray) -> _Rows:
        body = body_rows(self.corpus.body.read(ids), self.idf)
        head = head_rows(self.corpus.head.read(ids), self.idf)
        return _Rows(np.asarray(ids, dtype=np.int64), body, head, _view(body, self.body_mask), _view(head, self.head_mask))


def _mask(keep: np.ndarray | None, width: int) -> np.ndarray | None:
    if keep is None:
        return None
    mask = np.zeros(width, dtype=bool)
    mask[keep] = True
    return mask


def _view(matrix: sparse.csr_matrix, keep: np.ndarray | None) -> sparse.csr_matrix:
    """The rows on the blocking columns only. Columns keep their numbers (dropping entries is
    much cheaper than renumbering 2^21 columns); dot products are those of `graph.blocking_view`."""
    if keep is None:
        return matrix
    entries = keep[matrix.indices]  # keep: a mask over the columns
    indptr = np.concatenate([[0], np.cumsum(entries)])[matrix.indptr]
    return sparse.csr_matrix((matrix.data[entries], matrix.indices[entries], indptr), shape=matrix.shape)


def windowed_events(corpus: SpilledCorpus, cfg: EventConfig = EventConfig(), chunk: int = 2048) -> list[list[int]]:
    """`events.cluster_events` of the corpus, a window of days at a time (`chunk` articles a step);
    groups sorted by first member."""
    n = corpus.n
    body_keep, head_keep = blocking_columns(corpus.body_df, n), blocking_columns(corpus.head_df, n)
    body_min, head_min = blocking_min_sim(cfg.min_candidate, body_keep), blocking_min_sim(cfg.min_candidate, head_keep)
    width = len(corpus.body_df)
    rows = _EventRows(corpus, corpus.idf(), _mask(body_keep, width), _mask(head_keep, width))
    plan = DayPlan.of(article_days(corpus.features), cfg.window_days, chunk)
    position = np.full(n, -1, dtype=np.int64)
    position[plan.order] = np.arange(len(plan.order))
    groups = _OpenGroups(cfg.threshold)
    undated = rows.read(plan.undated)
    for u in plan.undated.tolist():
        groups.add(u, None)
    # Undated articles meet every article: their candidates come from one pass over the corpus,
    # and their pairs with dated articles are scored when those are read in day order.
    pending: dict[int, list[int]] = {}
    undated_pairs = _undated_candidates(rows, undated, n, cfg.neighbours, body_min, head_min)
    among_undated = []
    for i, j in undated_pairs:
        if position[i] >= 0 or position[j] >= 0:
            dated, other = (i, j) if position[i] >= 0 else (j, i)
            pending.setdefault(dated, []).append(other)
        else:
            among_undated.append((i, j))
    groups.score(among_undated, undated, corpus.features, cfg)
    window = undated.slice(0, 0)  # rows of order[first:last]
    start = end = 0
    scored_later: dict[int, set[tuple[int, int]]] = {}  # pairs already scored, by the later row's position
    for lo, hi, first, last in plan.chunks():
        window = window.slice(first - start, len(window.ids))
        if last > end:
            fresh = rows.read(plan.order[max(end, first) : last])
            window = window.then(fresh)
            for g in fresh.ids.tolist():
                groups.add(g, int(position[g]))
        start, end = first, last
        right = window.then(undated)
        left = window.slice(lo - first, hi - first)
        found = set(neighbours(left.body_view, left.ids, [(right.body_view, right.ids)], cfg.neighbours, body_min, plan.gaps))
        found |= set(neighbours(left.head_view, left.ids, [(right.head_view, right.ids)], cfg.neighbours, head_min, plan.gaps))
        for g in left.ids.tolist():
            found |= {(min(g, u), max(g, u)) for u in pending.pop(g, ())}
        for p in range(lo, hi):
            found -= scored_later.pop(p, set())
        for i, j in found:
            later = max(position[i], position[j])
            if later >= hi:
                scored_later.setdefault(int(later), set()).add((i, j))
        groups.score(sorted(found), right, corpus.features, cfg)
        done_before = last if hi >= len(plan.order) else int(np.searchsorted(plan.day_of, plan.day_of[hi] - cfg.window_days))
        groups.close_before(done_before)
    groups.close_before(len(plan.order), everything=True)
    return sorted(groups.events, key=min)


def _undated_candidates(rows: _EventRows, undated: _Rows, n: int, k: int, body_min: float, head_min: float) -> set[tuple[int, int]]:
    """Each undated article's k best partners among all articles, on body and on title+lead."""
    if not len(undated.ids):
        return set()
    body_parts: list[list[Candidates]] = [[] for _ in undated.ids]
    head_parts: list[list[Candidates]] = [[] for _ in undated.ids]
    for lo in range(0, n, _BLOCK):
        block = rows.read(np.arange(lo, min(n, lo + _BLOCK)))
        for parts, left, right in ((body_parts, undated.body_view, block.body_view), (head_parts, undated.head_view, block.head_view)):
            for row, found in enumerate(candidates(left, right.T.tocsr(), block.ids)):
                parts[row].append(found)
    pairs: set[tuple[int, int]] = set()
    for row, i in enumerate(undated.ids.tolist()):
        for parts, floor in ((body_parts[row], body_min), (head_parts[row], head_min)):
            best: Edges = {}
            keep_best(best, i, parts, k, floor)
            pairs |= set(best)
        body_parts[row] = head_parts[row] = []
    return pairs


class _OpenGroups:
    """Articles joined by pairs scoring at least the threshold whose events are not decided yet
    (union-find), and the events of the groups already closed.

    Average linkage merges two clusters only when their average reaches the threshold, so only
    when some pair between them does: its clusters never cross these groups, and a group can be
    clustered alone, with the weaker pairs inside it (kept per article until it closes).
    """

    def __init__(self, threshold: float) -> None:
        self.threshold = threshold
        self.events: list[list[int]] = []
        self._parent: dict[int, int] = {}
        self._members: dict[int, list[int]] = {}
        self._edges: dict[int, Edges] = {}
        self._last: dict[int, int] = {}  # root -> the latest day-order position among its members
        self._undated: set[int] = set()  # roots of groups holding an undated article: open to the end
        self._heap: list[tuple[int, int]] = []
        self._weak: dict[int, list[tuple[int, float]]] = {}  # i -> (j > i, score) below the threshold

    def add(self, g: int, position: int | None) -> None:
        """A new article, with its day-order position (None: undated)."""
        self._parent[g] = g
        self._members[g] = [g]
        self._edges[g] = {}
        if position is None:
            self._undated.add(g)
        else:
            self._last[g] = position
            heapq.heappush(self._heap, (position, g))

    def _root(self, g: int) -> int:
        parent = self._parent
        while parent[g] != g:
            parent[g] = parent[parent[g]]
            g = parent[g]
        return g

    def score(self, pairs: Sequence[tuple[int, int]], rows: _Rows, features: Sequence[ArticleFeatures], cfg: EventConfig) -> None:
        """Score the pairs (global ids, both among `rows`) and link the articles of those that count."""
        if not pairs:
            return
        local = {g: k for k, g in enumerate(rows.ids.tolist())}
        vectors = Vectors(rows.body, rows.head, rows.body[:0], rows.body[:0])  # pair scores read body and head only
        members = [features[g] for g in rows.ids.tolist()]
        scores = pair_scores(members, vectors, {(local[i], local[j]) for i, j in pairs}, cfg)
        ids = rows.ids
        for (a, b), s in scores.items():
            self._link(int(ids[a]), int(ids[b]), s)

    def _link(self, i: int, j: int, s: float) -> None:
        if i > j:
            i, j = j, i
        if s < self.threshold:
            self._weak.setdefault(i, []).append((j, s))
            return
        a, b = self._root(i), self._root(j)
        if a != b:
            if len(self._members[a]) < len(self._members[b]):
                a, b = b, a
            self._parent[b] = a
            self._members[a] += self._members.pop(b)
            self._edges[a].update(self._edges.pop(b))
            if b in self._undated or a in self._undated:
                self._undated.discard(b)
                self._undated.add(a)
            latest = max(self._last.pop(a, -1), self._last.pop(b, -1))
            if a not in self._undated:
                self._last[a] = latest
                heapq.heappush(self._heap, (latest, a))
        self._edges[a][(i, j)] = s

    def close_before(self, position_limit: int, everything: bool = False) -> None:
        """Cluster every group whose articles all sit before `position_limit` in day order: no
        later chunk compares them with anything."""
        roots = {self._root(g) for g in self._members} if everything else self._closable(position_limit)
        for root in roots:
            members = sorted(self._members.pop(root))
            edges = self._edges.pop(root)
            inside = set(members)
            for g in members:
                del self._parent[g]
                edges.update(((g, j), s) for j, s in self._weak.pop(g, ()) if j in inside)
            self._undated.discard(root)
            self._last.pop(root, None)
            if len(members) == 1:
                self.events.append(members)
                continue
            local = {g: k for k, g in enumerate(members)}
            clusters = average_linkage(len(members), {(local[i], local[j]): s for (i, j), s in edges.items()}, self.threshold)
            self.events += [[members[k] for k in c] for c in clusters]

    def _closable(self, position_limit: int) -> set[int]:
        # (latest position, root) entries; those of roots merged away or grown since are stale
        out = set()
        heap = self._heap
        while heap and heap[0][0] < position_limit:
            latest, root = heapq.heappop(heap)
            if self._last.get(root) == latest and root in self._members:
                out.add(root)
        return out


def windowed_stories(
    corpus: SpilledCorpus, events: Sequence[Sequence[int]], cfg: StoryConfig = StoryConfig()
) -> list[list[int]]:
    """`stories.cluster_stories` of the corpus, its story rows weighted a block at a time."""
    idf = corpus.idf()
    blocks = []
    for lo in range(0, corpus.n, _BLOCK):
        ids = np.arange(lo, min(corpus.n, lo + _BLOCK))
        body, entities = body_rows(corpus.body.read(ids), idf), entity_rows(corpus.entities.read(ids), idf)
        blocks.append(story_matrix(Vectors(body, body[:0], body[:0], entities), cfg))
    matrix = sparse.vstack(blocks).tocsr()
    del blocks
    return cluster_story_matrix(corpus.features, matrix, events, cfg)
