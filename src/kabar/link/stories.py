"""Stories: events linked over time.

Stories grow from the event partition in two steps, on body similarity
(topic vocabulary, not the happening's details) and with no date gate, as a
story can run for years: events joined by one strongly similar pair of
articles are chained (a story is a line of events, each close to the next),
then the chains merge by average linkage. Last, stragglers (stories of one to
three articles) join a large story whose topic words their headline repeats
("harga minyak" in most of its headlines, rarely elsewhere) when close enough
on average: sharing a person's name is not enough, as a story's people also
make other news. Events stay whole.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from scipy import sparse

from kabar.ids import stable_id
from kabar.link.features import ArticleFeatures
from kabar.link.graph import centroid_linkage, exact_edges, top_neighbours
from kabar.link.vectors import Vectors, combined


@dataclass(frozen=True, slots=True)
class StoryConfig:
    threshold: float = 0.06
    neighbours: int = 40
    min_candidate: float = 0.04
    entity_weight: float = 0.0  # share of entity overlap in the story similarity (measured: no gain yet)
    chain_threshold: float = 0.12  # a pair this close links its events' stories outright
    # Stragglers: a story of at most `small` articles joins a larger one (at least `large`) whose
    # topic words its headline repeats, when their average similarity reaches `attach_threshold`.
    # Topic words of a story: non-name headline stems in at least `topic_share` of its headlines
    # and `topic_lift` times as common there as in the rest of the corpus.
    attach_threshold: float = 0.04
    small: int = 3
    large: int = 4
    topic_share: float = 0.4
    topic_lift: float = 2.0


def cluster_stories(
    features: Sequence[ArticleFeatures],
    vectors: Vectors,
    events: Sequence[Sequence[int]],
    cfg: StoryConfig = StoryConfig(),
) -> list[list[int]]:
    """Groups of event indices (into `events`), one per story."""
    return cluster_story_matrix(features, story_matrix(vectors, cfg), events, cfg)


def story_matrix(vectors: Vectors, cfg: StoryConfig = StoryConfig()) -> sparse.csr_matrix:
    """The rows stories compare: body TF-IDF with entity TF-IDF beside it (row by row, so a
    window's rows equal the corpus's)."""
    return combined([(vectors.body, (1 - cfg.entity_weight) ** 0.5), (vectors.entities, cfg.entity_weight**0.5)])


def cluster_story_matrix(
    features: Sequence[ArticleFeatures],
    matrix: sparse.csr_matrix,
    events: Sequence[Sequence[int]],
    cfg: StoryConfig = StoryConfig(),
) -> list[list[int]]:
    """`cluster_stories` on the rows of `story_matrix`."""
    edges = exact_edges(matrix, top_neighbours(matrix, cfg.neighbours, cfg.min_candidate), cfg.min_candidate)
    chained = _chain(events, {p for p, sim in edges.items() if sim >= cfg.chain_threshold})
    article_groups = centroid_linkage(matrix, edges, cfg.threshold, init=chained)
    article_groups = _attach_by_topic(features, matrix, edges, article_groups, cfg)
    event_of = {i: e for e, members in enumerate(events) for i in members}
    return [sorted({event_of[i] for i in group}) for group in article_groups]


def story_topics(
    features: Sequence[ArticleFeatures], groups: Sequence[Sequence[int]], cfg: StoryConfig
) -> dict[int, set[str]]:
    """The topic words of each large group (by index): what its headlines keep repeating."""
    total = Counter(t for f in features for t in f.topic_terms)
    rest = max(1, len(features))
    topics: dict[int, set[str]] = {}
    for g, members in enumerate(groups):
        if len(members) < cfg.large:
            continue
        inside = Counter(t for i in members for t in features[i].topic_terms)
        outside = max(1, rest - len(members))
        words = {
            t
            for t, c in inside.items()
            if c >= cfg.topic_share * len(members) and c / len(members) >= cfg.topic_lift * (total[t] - c) / outside
        }
        if words:
            topics[g] = words
    return topics


def _attach_by_topic(features, matrix, edges, groups: list[list[int]], cfg: StoryConfig) -> list[list[int]]:
    """Each small group joins the most similar large group (on average, over the candidate graph's
    neighbours) whose topic words one of its headlines carries."""
    topics = story_topics(features, groups, cfg)
    if not topics:
        return groups
    owner = {i: g for g, members in enumerate(groups) for i in members}
    near: dict[int, set[int]] = {}
    for i, j in edges:
        a, b = owner[i], owner[j]
        if a != b:
            near.setdefault(a, set()).add(b)
            near.setdefault(b, set()).add(a)
    sums: dict[int, sparse.csr_matrix] = {}

    def summed(g: int) -> sparse.csr_matrix:
        if g not in sums:  # a sparse sum of the group's rows (a dense one would span every hashed term)
            ones = sparse.csr_matrix(np.ones((1, len(groups[g])), dtype=np.float32))
            sums[g] = (ones @ matrix[groups[g]]).tocsr()
        return sums[g]

    merged = [list(g) for g in groups]
    for a, members in enumerate(groups):
        if len(members) > cfg.small:
            continue
        words = set().union(*(features[i].topic_terms for i in members))
        best, best_sim = None, cfg.attach_threshold
        for b in sorted(near.get(a, ())):
            if b not in topics or not words & topics[b]:
                continue
            sim = float(summed(a).multiply(summed(b)).sum()) / (len(members) * len(groups[b]))
            if sim >= best_sim:
                best, best_sim = b, sim
        if best is not None:
            merged[best].extend(members)
            merged[a] = []
    return [sorted(g) for g in merged if g]


def _chain(events: Sequence[Sequence[int]], strong: set[tuple[int, int]]) -> list[list[int]]:
    """Events joined by a strong article pair, transitively (a story is a chain of events)."""
    parent = list(range(len(events)))

    def root(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    event_of = {i: e for e, members in enumerate(events) for i in members}
    for i, j in strong:
        parent[root(event_of[i])] = root(event_of[j])
    groups: dict[int, list[int]] = {}
    for e, members in enumerate(events):
        groups.setdefault(root(e), []).extend(members)
    return [sorted(g) for g in groups.values()]


def story_id(article_ids: Sequence[str]) -> str:
    return "st-" + stable_id(*sorted(article_ids))
