"""Held-out figures for the shipped event linker: its one threshold chosen on the other set.

The events that ship are regrouped inside each story (`link.within_story`) at a threshold
relative to the story's mean similarity. Here every threshold of a small grid is scored on
every set with event labels, and each set is reported at the threshold that did best on
the *other* sets (mean of BCubed and pairwise F1), so no printed figure comes from a
threshold chosen on the set it scores. The first pass and the stories are computed once
per set: only the regrouping depends on the threshold.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path

from kabar.evaluate.clustering_metrics import bcubed, pairwise
from kabar.link.events import date_factor, event_edges
from kabar.link.features import article_features
from kabar.link.graph import average_linkage
from kabar.link.pipeline import LinkConfig
from kabar.link.stories import cluster_stories
from kabar.link.vectors import tfidf_vectors
from kabar.link.within_story import events_within_stories
from kabar.records import AnalysedArticle

RELATIVE_THRESHOLDS: tuple[float, ...] = (0.9, 1.0, 1.1, 1.2, 1.3, 1.4, 1.5, 1.6, 1.8, 2.0)


@dataclass(frozen=True, slots=True)
class EventSet:
    name: str
    scores: dict[float, tuple[float, float]]  # threshold → (BCubed F1, pairwise F1)


def event_set(name: str, articles: Sequence[AnalysedArticle], gold: dict[str, str], cfg: LinkConfig = LinkConfig()) -> EventSet:
    files = [Path(a.article.source).name for a in articles]
    features = [article_features(a) for a in articles]
    vectors = tfidf_vectors(features)
    edges = event_edges(features, vectors, cfg.events)
    first = average_linkage(len(features), edges, cfg.events.threshold)
    stories = cluster_stories(features, vectors, first, cfg.stories)
    days_apart = partial(date_factor, cfg=cfg.events)
    scores = {}
    for t in RELATIVE_THRESHOLDS:
        within = replace(cfg.within_story, relative_threshold=t)
        events, _ = events_within_stories(vectors.body, edges, first, stories, features, days_apart, within)
        predicted = {files[i]: f"e{e}" for e, members in enumerate(events) for i in members}
        scores[t] = (bcubed(predicted, gold).f1, pairwise(predicted, gold).f1)
    return EventSet(name, scores)


def cross_set_rows(sets: Sequence[EventSet]) -> list[tuple]:
    """Rows (set, level, system, chosen on, threshold, B³ F1, pair F1): each set at the threshold
    best on the others."""
    rows = []
    for k, s in enumerate(sets):
        others = [o for j, o in enumerate(sets) if j != k]
        if others:
            t = max(RELATIVE_THRESHOLDS, key=lambda t: sum(sum(o.scores[t]) / 2 for o in others))
            rows.append((s.name, "events", "kabar cross-set", "+".join(o.name for o in others), t, *s.scores[t]))
    return rows
