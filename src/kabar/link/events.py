"""Events: the articles that report one happening.

A pair of articles is scored by lexical similarity of their title+lead and of
their bodies (TF-IDF over stems), raised by shared entities and when both texts
name the same day for their happening, and lowered when their event dates lie
apart or when one headline reports a reaction (condolences, a response) and the
other the happening; only pairs found by blocking (shared rare terms,
`graph.top_neighbours`) are scored. Articles are then grouped by average
linkage. These groups are the first pass: they seed the stories, and the
events that ship are regrouped inside each story (`link.within_story`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from kabar.ids import stable_id
from kabar.link.features import ArticleFeatures
from kabar.link.graph import Edges, average_linkage, row_dots, top_neighbours
from kabar.link.vectors import Vectors


@dataclass(frozen=True, slots=True)
class EventConfig:
    head_weight: float = 0.5  # share of the title+lead similarity in the pair score
    threshold: float = 0.18  # average-linkage stop for events
    neighbours: int = 20  # candidate pairs kept per article
    min_candidate: float = 0.08  # body or head similarity needed to be a candidate
    entity_bonus: float = 0.10  # added at full entity overlap (Jaccard 1)
    # added when both texts name the same day for their happening: within a story, reports of one
    # happening mostly agree on its day, reports of its other events mostly do not
    same_day_bonus: float = 0.10
    same_day_min_lexical: float = 0.05  # ...for pairs with this much text in common, not any two of a day
    # factor when one headline reports a reaction to a happening and the other does not: a
    # condolence or a response is an event of its own, though it retells the happening
    reaction_factor: float = 0.5
    # Score factor by days between event dates; beyond the table, the last value.
    date_factors: tuple[float, ...] = (1.0, 0.9, 0.6, 0.45, 0.3)
    # Blocking: dated articles are compared only with those dated at most this many days apart
    # (reports of one happening come within days of it), so the cost grows with the corpus.
    window_days: int = 7


def candidate_pairs(
    vectors: Vectors, cfg: EventConfig, features: Sequence[ArticleFeatures] | None = None
) -> set[tuple[int, int]]:
    """Blocking: pairs close in body or in title+lead, never all pairs; with `features`, only
    pairs dated within `cfg.window_days` of each other (undated articles meet every article)."""
    days = article_days(features) if features is not None else None
    pairs = set(top_neighbours(vectors.body, cfg.neighbours, cfg.min_candidate, days, cfg.window_days))
    pairs |= set(top_neighbours(vectors.head, cfg.neighbours, cfg.min_candidate, days, cfg.window_days))
    return pairs


def article_days(features: Sequence[ArticleFeatures]) -> list[int | None]:
    """Each article's day number: publication, else the happening's day the text names."""
    days = (f.published or f.event_date for f in features)
    return [day.toordinal() if day else None for day in days]


def date_factor(a: ArticleFeatures, b: ArticleFeatures, cfg: EventConfig) -> float:
    if a.event_date is None or b.event_date is None:
        return 1.0
    days = abs((a.event_date - b.event_date).days)
    return cfg.date_factors[min(days, len(cfg.date_factors) - 1)]


def same_day(a: ArticleFeatures, b: ArticleFeatures) -> bool:
    """Both texts name a day for their happening, and it is the same day (the same month and
    day when one names no year: an undated page's "Kamis (3/7)")."""
    if a.event_date_in_text and b.event_date_in_text:
        return a.event_date == b.event_date
    return a.lead_month_day is not None and a.lead_month_day == b.lead_month_day


def entity_overlap(a: ArticleFeatures, b: ArticleFeatures) -> float:
    """Jaccard of all entities, averaged with that of the title-and-lead entities."""
    return (_jaccard(a.entity_ids, b.entity_ids) + _jaccard(a.head_entity_ids, b.head_entity_ids)) / 2


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def pair_scores(features: Sequence[ArticleFeatures], vectors: Vectors, pairs: set[tuple[int, int]], cfg: EventConfig) -> Edges:
    edges: Edges = {}
    if not pairs:
        return edges
    rows, cols = zip(*sorted(pairs))
    body = row_dots(vectors.body, rows, cols)
    head = row_dots(vectors.head, rows, cols)
    for i, j, b, h in zip(rows, cols, body, head):
        a, c = features[i], features[j]
        lexical = cfg.head_weight * h + (1 - cfg.head_weight) * b
        day = cfg.same_day_bonus if lexical >= cfg.same_day_min_lexical and same_day(a, c) else 0.0
        bonus = cfg.entity_bonus * entity_overlap(a, c) + day
        reaction = cfg.reaction_factor if a.reaction != c.reaction else 1.0
        score = (lexical + bonus) * date_factor(a, c, cfg) * reaction
        if score > 0:
            edges[(i, j)] = score
    return edges


def cluster_events(
    features: Sequence[ArticleFeatures], vectors: Vectors, cfg: EventConfig = EventConfig()
) -> list[list[int]]:
    """Groups of article indices, one per event."""
    return average_linkage(len(features), event_edges(features, vectors, cfg), cfg.threshold)


def event_edges(features: Sequence[ArticleFeatures], vectors: Vectors, cfg: EventConfig = EventConfig()) -> Edges:
    """The candidate pairs (blocking) with their scores."""
    return pair_scores(features, vectors, candidate_pairs(vectors, cfg, features), cfg)


def event_id(article_ids: Sequence[str]) -> str:
    return "ev-" + stable_id(*sorted(article_ids))
