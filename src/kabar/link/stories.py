"""Stories: events linked over time.

Stories grow from the event partition in two steps, on body similarity
(topic vocabulary, not the happening's details) and with no date gate, as a
story can run for years: events joined by one strongly similar pair of
articles are chained (a story is a line of events, each close to the next),
then the chains merge by average linkage. Events stay whole.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

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
    # a story of one or two articles this close to a larger one joins it; off by default: on the dev
    # sets it trades distractor precision (events) for straggler recall (stories) about evenly
    attach_threshold: float = 1.0


def cluster_stories(
    features: Sequence[ArticleFeatures],
    vectors: Vectors,
    events: Sequence[Sequence[int]],
    cfg: StoryConfig = StoryConfig(),
) -> list[list[int]]:
    """Groups of event indices (into `events`), one per story."""
    matrix = combined([(vectors.body, (1 - cfg.entity_weight) ** 0.5), (vectors.entities, cfg.entity_weight**0.5)])
    edges = exact_edges(matrix, top_neighbours(matrix, cfg.neighbours, cfg.min_candidate), cfg.min_candidate)
    chained = _chain(events, {p for p, sim in edges.items() if sim >= cfg.chain_threshold})
    article_groups = centroid_linkage(matrix, edges, cfg.threshold, init=chained)
    article_groups = _attach_small(matrix, edges, article_groups, cfg.attach_threshold)
    event_of = {i: e for e, members in enumerate(events) for i in members}
    return [sorted({event_of[i] for i in group}) for group in article_groups]


def _attach_small(matrix, edges, groups: list[list[int]], threshold: float, small: int = 2) -> list[list[int]]:
    """Stragglers: a story of at most `small` articles joins the larger story it is closest to
    on average, when that average reaches `threshold` (the merge step needs both sides close)."""
    owner = {i: g for g, members in enumerate(groups) for i in members}
    sums: dict[tuple[int, int], float] = {}
    for (i, j), sim in edges.items():
        a, b = owner[i], owner[j]
        if a != b:
            sums[(a, b)] = sums.get((a, b), 0.0) + sim
            sums[(b, a)] = sums.get((b, a), 0.0) + sim
    target: dict[int, int] = {}
    for (a, b), total in sums.items():
        if len(groups[a]) <= small < len(groups[b]):
            average = total / (len(groups[a]) * len(groups[b]))
            best = target.get(a)
            if average >= threshold and (best is None or average > sums[(a, best)] / (len(groups[a]) * len(groups[best]))):
                target[a] = b
    merged = [list(g) for g in groups]
    for a, b in target.items():
        merged[b].extend(groups[a])
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
