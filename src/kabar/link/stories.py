"""Stories: events linked over time.

Stories grow from the event partition by average linkage on body similarity
(topic vocabulary, not the happening's details), with no date gate: a story
can run for years. Events stay whole.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from kabar.ids import stable_id
from kabar.link.features import ArticleFeatures
from kabar.link.graph import centroid_linkage, top_neighbours
from kabar.link.vectors import Vectors


@dataclass(frozen=True, slots=True)
class StoryConfig:
    threshold: float = 0.05
    neighbours: int = 40
    min_candidate: float = 0.04


def cluster_stories(
    features: Sequence[ArticleFeatures],
    vectors: Vectors,
    events: Sequence[Sequence[int]],
    cfg: StoryConfig = StoryConfig(),
) -> list[list[int]]:
    """Groups of event indices (into `events`), one per story."""
    edges = top_neighbours(vectors.body, cfg.neighbours, cfg.min_candidate)
    article_groups = centroid_linkage(vectors.body, edges, cfg.threshold, init=events)
    event_of = {i: e for e, members in enumerate(events) for i in members}
    return [sorted({event_of[i] for i in group}) for group in article_groups]


def story_id(article_ids: Sequence[str]) -> str:
    return "st-" + stable_id(*sorted(article_ids))
